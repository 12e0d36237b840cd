// 追加激励资金 in the registry (本溪市第二十五条第三款): the higher awards of a pack with
// the top-up a cycle of the program paid for each (schema version 3, table top_ups).
#include "registry/registry.hpp"
#include "registry/registry_internal.hpp"

namespace award {

using namespace registry_detail;

std::vector<HigherAwardEntry> Registry::higher_awards_in(const std::string& pack) {
    auto s = db_.prepare(
        "SELECT h.id, h.credit_code, h.name, h.award, h.awarded_on, h.bonus_yuan, h.article, "
        "c.year, t.held_award, t.prize_yuan, t.article "
        "FROM higher_awards h LEFT JOIN top_ups t ON t.higher_award_id = h.id LEFT JOIN cycles c ON c.id = t.cycle_id "
        "WHERE h.pack = ?1 ORDER BY h.awarded_on, h.id",
        "查找更高级别奖项和追加激励资金");
    s.bind(1, pack);
    std::vector<HigherAwardEntry> out;
    while (s.step()) {
        HigherAwardEntry e;
        e.id = s.integer(0);
        e.record = {pack,          s.text(1), s.text(2), s.text(3), date_column(db_, s, 4, "更高级别奖项记录"),
                    s.optional_integer(5), s.text(6)};
        if (!s.is_null(7)) e.top_up = TopUpRecord{int(s.integer(7)), s.text(8), s.integer(9), s.text(10)};
        out.push_back(std::move(e));
    }
    return out;
}

Recorded Registry::record_top_up(long long higher_award_id, const std::string& pack, const TopUpRecord& t) {
    const std::string what = "追加激励资金记录（" + pack + " " + std::to_string(t.year) + "年度）";
    return upsert(db_, "top_ups", {{"higher_award_id", higher_award_id}},
                  {{"cycle_id", cycle_id(pack, t.year, what)},
                   {"held_award", t.held_award},
                   {"prize_yuan", t.prize_yuan},
                   {"article", t.article}},
                  what);
}

std::vector<HigherAwardEntry> Registry::remove_top_ups_except(const std::string& pack, int year,
                                                              const std::set<long long>& keep) {
    std::vector<HigherAwardEntry> removed;
    for (const auto& e : higher_awards_in(pack)) {
        if (!e.top_up || e.top_up->year != year || keep.count(e.id)) continue;
        auto del = db_.prepare("DELETE FROM top_ups WHERE higher_award_id = ?1", "删除不再发放的追加激励资金记录");
        del.bind(1, e.id);
        del.run();
        removed.push_back(e);
    }
    return removed;
}

}  // namespace award
