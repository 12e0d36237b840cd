// What the yearly statistics report reads from the registry (model/statistics.hpp):
// everything of one pack, all years; rules/statistics.hpp computes the figures.
#include "registry/registry.hpp"
#include "registry/registry_internal.hpp"

namespace award {

using namespace registry_detail;

StatisticsInput Registry::statistics_input(const std::string& pack) {
    auto t = transaction();  // one consistent view; rolled back, nothing is changed
    StatisticsInput in;
    {
        auto s = db_.prepare("SELECT year FROM cycles WHERE pack = ?1 ORDER BY year", "统计：查找评选周期");
        s.bind(1, pack);
        while (s.step()) in.cycle_years.push_back(int(s.integer(0)));
    }
    {
        auto s = db_.prepare(
            "SELECT p.id, c.year, p.credit_code, p.name, p.award, p.outcome, p.articles, p.industry, p.township, p.size, "
            "p.stage_reached FROM applications p JOIN cycles c ON c.id = p.cycle_id WHERE c.pack = ?1 ORDER BY c.year, p.id",
            "统计：查找申报记录");
        s.bind(1, pack);
        while (s.step()) {
            StatsApplication a{int(s.integer(1)), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                               s.text(7),         s.text(8), s.text(9), s.text(10), {}};
            auto scores = db_.prepare("SELECT stage, category, name, percent_hundredths FROM category_scores "
                                      "WHERE application_id = ?1 ORDER BY id",
                                      "统计：查找类目得分率");
            scores.bind(1, s.integer(0));
            while (scores.step())
                a.percents.push_back({scores.text(0), scores.text(1), scores.text(2), int(scores.integer(3))});
            in.applications.push_back(std::move(a));
        }
    }
    for (const auto& a : all_awards(pack)) {
        std::optional<Date> on;
        if (auto r = revocation_of(a.id)) on = r->revoked_on;
        in.awards.push_back({a.year, a.credit_code, a.name, a.award, a.repeat, a.prize_yuan, on});
        // The reports each obligation with a form asks for, year by year, while the award stands.
        for (const auto& o : obligations_of(a.id)) {
            if (o.due.empty()) continue;
            const auto received = reports_of(o.id);
            const int last = o.years == 0 ? a.year + 10 : o.first_year + o.years - 1;
            for (int y = o.first_year; y <= last; ++y) {
                const auto due = report_due_date(y, o.due);
                if (on && due && !(*due < *on)) continue;  // revoked before it fell due
                bool got = false;
                for (const auto& r : received) got = got || r.year == y;
                in.reports_due.push_back({a.credit_code, a.name, a.year, y, due, got});
            }
        }
    }
    {
        auto s = db_.prepare(
            "SELECT c.year, h.credit_code, h.name, h.award, t.prize_yuan FROM top_ups t "
            "JOIN higher_awards h ON h.id = t.higher_award_id JOIN cycles c ON c.id = t.cycle_id "
            "WHERE c.pack = ?1 ORDER BY c.year, t.id",
            "统计：查找追加激励资金");
        s.bind(1, pack);
        while (s.step()) in.top_ups.push_back({int(s.integer(0)), s.text(1), s.text(2), s.text(3), s.integer(4)});
    }
    {
        auto s = db_.prepare(
            "SELECT a.credit_code, c.year, f.indicator, f.year, f.value_hundredths FROM report_figures f "
            "JOIN reports_received r ON r.id = f.report_id JOIN obligations o ON o.id = r.obligation_id "
            "JOIN awards a ON a.id = o.award_id JOIN cycles c ON c.id = a.cycle_id "
            "WHERE c.pack = ?1 ORDER BY r.year, f.id",
            "统计：查找报送数据");
        s.bind(1, pack);
        while (s.step())
            in.figures.push_back({s.text(0), int(s.integer(1)), s.text(2), int(s.integer(3)), s.integer(4)});
    }
    return in;
}

}  // namespace award
