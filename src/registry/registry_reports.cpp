// award reports (获奖组织年度报送表): reports received with who filled them and their
// figures (schema version 2: reports_received.filled_by/phone/filled_on, report_figures).
#include <map>
#include <set>
#include <utility>

#include "registry/registry.hpp"
#include "registry/registry_internal.hpp"

namespace award {

using namespace registry_detail;
using sqlite::Value;

std::vector<AwardRecord> Registry::all_awards(const std::string& pack) {
    auto s = db_.prepare("SELECT a.id, c.year, a.credit_code, a.name, a.award, a.awarded_on, a.repeat, a.prize_yuan "
                         "FROM awards a JOIN cycles c ON c.id = a.cycle_id WHERE c.pack = ?1 ORDER BY c.year, a.id",
                         "查找政策包的全部获奖记录");
    s.bind(1, pack);
    std::vector<AwardRecord> out;
    while (s.step()) {
        AwardRecord a;
        a.id = s.integer(0);
        a.pack = pack;
        a.year = int(s.integer(1));
        a.credit_code = s.text(2);
        a.name = s.text(3);
        a.award = s.text(4);
        a.awarded_on = date_column(db_, s, 5, "获奖记录 " + a.credit_code + " " + a.award);
        a.repeat = s.integer(6) != 0;
        a.prize_yuan = s.integer(7);
        out.push_back(std::move(a));
    }
    return out;
}

Recorded Registry::record_report_details(long long obligation_id, const ReportRecord& r, const ReportDetails& d) {
    const std::string what = "报告记录（义务 " + std::to_string(obligation_id) + " " + std::to_string(r.year) + "年度）";
    const Recorded report =
        upsert(db_, "reports_received", {{"obligation_id", obligation_id}, {"year", (long long)r.year}},
               {{"received_on", r.received_on.iso()},
                {"content_hash", text_or_null(r.content_hash)},
                {"filled_by", text_or_null(d.filled_by)},
                {"phone", text_or_null(d.phone)},
                {"filled_on", date_or_null(d.filled_on)}},
               what);
    bool changed = report.change != Change::Unchanged;
    std::set<std::pair<std::string, int>> keep;
    for (const auto& f : d.figures) {
        keep.insert({f.indicator, f.year});
        const Recorded fig =
            upsert(db_, "report_figures",
                   {{"report_id", report.id}, {"indicator", f.indicator}, {"year", (long long)f.year}},
                   {{"value_hundredths", f.hundredths}}, what + "的数据 " + f.indicator + " " + std::to_string(f.year));
        if (fig.change != Change::Unchanged) changed = true;
    }
    std::vector<long long> stale;
    {
        auto s = db_.prepare("SELECT id, indicator, year FROM report_figures WHERE report_id = ?1", "查找" + what + "的数据");
        s.bind(1, report.id);
        while (s.step())
            if (!keep.count({s.text(1), int(s.integer(2))})) stale.push_back(s.integer(0));
    }
    for (long long id : stale) {
        auto del = db_.prepare("DELETE FROM report_figures WHERE id = ?1", "删除" + what + "中不再有的数据");
        del.bind(1, id);
        del.run();
        changed = true;
    }
    if (report.change == Change::Added) return report;
    return {report.id, changed ? Change::Changed : Change::Unchanged};
}

std::optional<ReceivedReport> Registry::find_report(long long obligation_id, int year) {
    auto s = db_.prepare("SELECT id, received_on, content_hash, filled_by, phone, filled_on FROM reports_received "
                         "WHERE obligation_id = ?1 AND year = ?2",
                         "查找已收到的报告");
    s.bind(1, obligation_id).bind(2, year);
    if (!s.step()) return std::nullopt;
    ReceivedReport out;
    out.id = s.integer(0);
    out.report.year = year;
    out.report.received_on = date_column(db_, s, 1, "报告记录");
    out.report.content_hash = s.text(2);
    out.details.filled_by = s.text(3);
    out.details.phone = s.text(4);
    out.details.filled_on = optional_date_column(db_, s, 5, "报告记录的填报日期");
    auto f = db_.prepare("SELECT indicator, year, value_hundredths FROM report_figures WHERE report_id = ?1 ORDER BY id",
                         "查找报告的数据");
    f.bind(1, out.id);
    while (f.step()) out.details.figures.push_back({f.text(0), int(f.integer(1)), f.integer(2)});
    return out;
}

}  // namespace award
