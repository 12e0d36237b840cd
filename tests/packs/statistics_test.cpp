// The yearly statistics (issue 7) from a small hand-made registry extract of 魏都区,
// every figure counted by hand in the comments: cycles, groups, category averages and
// spreads, report figures, overdue reports and rejection articles.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "packs/policy_pack.hpp"
#include "rules/statistics.hpp"

using namespace award;

namespace {

const Policy& weidu() {
    static const Policy p =
        load_policy_pack(std::filesystem::path(AWARD_SOURCE_DIR) / "templates" / "policies" / "weidu.json");
    return p;
}

StatsApplication app(int year, const std::string& code, const std::string& outcome, const std::string& industry,
                     const std::string& township, const std::string& size, const std::string& stage,
                     std::vector<int> leadership_and_results = {}, const std::string& articles = "") {
    StatsApplication a;
    a.year = year;
    a.credit_code = code;
    a.name = "单位" + code;
    a.award = "区长质量提名奖";
    a.outcome = outcome;
    a.articles = articles;
    a.industry = industry;
    a.township = township;
    a.size = size;
    a.stage_reached = stage;
    if (leadership_and_results.size() == 2) {
        a.percents.push_back({"material", "4.1", "领导", leadership_and_results[0]});
        a.percents.push_back({"material", "4.7", "结果", leadership_and_results[1]});
        a.percents.push_back({"onsite", "4.1", "领导", 9900});  // another stage: not compared
    }
    return a;
}

StatisticsInput sample() {
    StatisticsInput in;
    in.cycle_years = {2024, 2025, 2026};
    // 2024: 3 applications, 1 rejected (第九条), 2 scored, 1 awarded.
    in.applications.push_back(app(2024, "A", "awarded", "通用设备制造业", "西大街道", "中型", "onsite", {7000, 6000}));
    in.applications.push_back(app(2024, "B", "not_awarded", "C34", "西大街道", "小型", "material", {6000, 5000}));
    in.applications.push_back(app(2024, "C", "rejected", "零售业", "", "", "", {}, "第九条"));
    // 2026: 5 applications.
    in.applications.push_back(app(2026, "A", "awarded", "通用设备制造业", "西大街道", "中型", "onsite", {8000, 7000}));
    in.applications.push_back(app(2026, "D", "awarded", "医药制造业", "东大街道", "大型", "onsite", {7500, 6500}));
    in.applications.push_back(app(2026, "E", "not_awarded", "软件和信息技术服务业", "东大街道", "小型", "material",
                                  {6500, 5400}));
    in.applications.push_back(app(2026, "F", "rejected", "零售业", "", "微型", "", {}, "第九条、第十一条"));
    in.applications.push_back(app(2026, "C", "rejected", "眼镜制造", "南关街道", "", "", {}, "第九条"));
    in.awards.push_back({2024, "A", "单位A", "区长质量提名奖", false, 30000});
    in.awards.push_back({2026, "A", "单位A", "区长质量奖", false, 50000});
    in.awards.push_back({2026, "D", "单位D", "区长质量提名奖", false, 30000});
    in.top_ups.push_back({2026, "Z", "单位Z", "中国质量奖", 1});  // (not a weidu rule; counted as recorded)
    // Reports of the 2024 winner A: due 2025-03-31 (received) and 2026-03-31 (not received).
    in.reports_due.push_back({"A", "单位A", 2024, 2025, Date(2025, 3, 31), true});
    in.reports_due.push_back({"A", "单位A", 2024, 2026, Date(2026, 3, 31), false});
    in.reports_due.push_back({"A", "单位A", 2024, 2027, Date(2027, 3, 31), false});  // not yet due
    in.figures.push_back({"A", 2024, "revenue", 2023, 100000});   // 1000万元
    in.figures.push_back({"A", 2024, "revenue", 2024, 120050});   // 1200.5万元
    in.figures.push_back({"A", 2024, "profit", 2024, -3520});     // -35.2万元
    in.figures.push_back({"D", 2026, "revenue", 2024, 80001});    // 800.01万元
    return in;
}

}  // namespace

TEST_CASE("statistics: the cycles at a glance are counted as by hand, the missing 2025 cycle left out, vacancies by quota") {
    const YearlyStatistics s = compute_statistics(weidu(), sample(), 2026, 2024, Date(2026, 12, 1));
    REQUIRE(s.cycles.size() == 3);  // 2025 is a cycle of the registry without applications
    const CycleFigures& y24 = s.cycles[0];
    CHECK(y24.year == 2024);
    CHECK(y24.applications == 3);
    CHECK(y24.accepted == 2);
    CHECK(y24.reached_onsite == 1);
    CHECK(y24.awarded == 1);
    CHECK(y24.prize_yuan == 30000);
    const CycleFigures& y26 = *s.current();
    CHECK(y26.applications == 5);
    CHECK(y26.accepted == 3);
    CHECK(y26.reached_onsite == 2);
    CHECK(y26.awarded == 2);
    CHECK(y26.prize_yuan == 80000);
    CHECK(y26.top_up_yuan == 1);
    CHECK(y26.awarded_by_award ==
          std::vector<std::pair<std::string, int>>{{"区长质量奖", 1}, {"区长质量提名奖", 1}, {"质量管理创新奖", 0}});
    // 区长质量奖 quota 2, 提名奖 quota 4 (第四条); 创新奖 has no quota.
    CHECK(y26.vacancies == std::vector<std::pair<std::string, int>>{{"区长质量奖", 1}, {"区长质量提名奖", 3}});
    CHECK(s.previous()->year == 2025);
}

TEST_CASE("statistics: who applies this year, by GB/T 4754 门类, 镇街, size and first-time or returning, with rates") {
    const YearlyStatistics s = compute_statistics(weidu(), sample(), 2026, 2024, Date(2026, 12, 1));
    // 门类 C: A (通用设备) and D (医药); I: E; F 零售业 → 门类 F; "眼镜制造" cannot be placed.
    REQUIRE(s.by_industry.size() == 4);
    CHECK(s.by_industry[0].group == "C 制造业");
    CHECK(s.by_industry[0].applications == 2);
    CHECK(s.by_industry[0].awarded == 2);
    CHECK(s.by_industry[0].success().hundredths() == 10000);
    CHECK(s.by_industry.back().group == "未能归类");
    // 镇街: 西大 1, 东大 2, 南关 1, 未填写 1 (last).
    REQUIRE(s.by_township.size() == 4);
    CHECK(s.by_township[0].group == "东大街道");
    CHECK(s.by_township[0].applications == 2);
    CHECK(s.by_township[0].acceptance().hundredths() == 10000);
    CHECK(s.by_township[0].success().hundredths() == 5000);
    CHECK(s.by_township.back().group == "未填写");
    // Sizes in their own order: 大型 D, 中型 A, 小型 E, 微型 F, 未填写 C.
    REQUIRE(s.by_size.size() == 5);
    CHECK(s.by_size[0].group == "大型");
    CHECK(s.by_size[4].group == "未填写");
    // Returning: A and C applied in 2024; D, E, F are first-time.
    REQUIRE(s.by_history.size() == 2);
    CHECK(s.by_history[0].group == "首次申报");
    CHECK(s.by_history[0].applications == 3);
    CHECK(s.by_history[0].accepted == 2);
    CHECK(s.by_history[0].acceptance().hundredths() == 6667);  // 2/3 = 66.67%
    CHECK(s.by_history[1].group == "再次申报");
    CHECK(s.by_history[1].applications == 2);
    CHECK(s.by_history[1].awarded == 1);
}

TEST_CASE("statistics: category percentages of the first stage, mean and spread per year, anonymous") {
    const YearlyStatistics s = compute_statistics(weidu(), sample(), 2026, 2024, Date(2026, 12, 1));
    CHECK(s.scored_stage == "material");
    REQUIRE(s.categories.size() == 7);
    const CategoryFigures& leadership = s.categories[0];
    CHECK(leadership.name == "领导");
    // 2024 has 2 scored (70.00, 60.00): fewer than 3, left out — a mean of two all but gives
    // both scores away. 2026 has 3.
    REQUIRE(leadership.years.size() == 1);
    // 2026: 80.00, 75.00, 65.00 → mean 73.33, sd sqrt(((6.67)²+(1.67)²+(8.33)²)/3) = 6.24.
    CHECK(leadership.years[0].year == 2026);
    CHECK(leadership.years[0].count == 3);
    CHECK(leadership.years[0].mean_hundredths == 7333);
    CHECK(leadership.years[0].sd_hundredths == 624);
    // 4.2 战略 has no scores: no years, the report says so.
    CHECK(s.categories[1].years.empty());
    // 结果 2026: 70, 65, 54 → mean 63.00.
    CHECK(s.categories[6].years[0].mean_hundredths == 6300);
}

TEST_CASE("statistics: winners' report figures averaged per year, overdue reports as of a date, rejection articles counted") {
    const YearlyStatistics s = compute_statistics(weidu(), sample(), 2026, 2024, Date(2026, 12, 1));
    REQUIRE(s.indicators.size() == 9);  // the weidu form's indicators, in form order
    const IndicatorTrend& revenue = s.indicators[0];
    CHECK(revenue.name == "营业收入");
    CHECK(revenue.unit == "万元");
    REQUIRE(revenue.points.size() == 2);
    CHECK(revenue.points[0].year == 2023);
    CHECK(revenue.points[0].mean_hundredths == 100000);
    // 2024: (1200.50 + 800.01) / 2 = 1000.255 → 1000.26万元 (half up).
    CHECK(revenue.points[1].count == 2);
    CHECK(revenue.points[1].mean_hundredths == 100026);
    CHECK(s.indicators[1].points.at(0).mean_hundredths == -3520);
    // Due by 2026-12-01: 2025 (received) and 2026 (not): 1 overdue; 2027 not yet due.
    CHECK(s.reports.due == 2);
    CHECK(s.reports.received == 1);
    CHECK(s.reports.overdue == 1);
    // 第九条: F and C this year, C in 2024; 第十一条: F.
    REQUIRE(s.rejections.size() == 2);
    CHECK(s.rejections[0].article == "第九条");
    CHECK(s.rejections[0].count == 2);
    CHECK(s.rejections[0].earlier == 1);
    CHECK(s.rejections[1].article == "第十一条");
    CHECK(s.rejections[1].count == 1);
}

TEST_CASE("statistics: only the cycles from since are compared, and since after year is refused") {
    const YearlyStatistics s = compute_statistics(weidu(), sample(), 2026, 2025, Date(2026, 12, 1));
    REQUIRE(s.cycles.size() == 2);
    CHECK(s.cycles[0].year == 2025);
    CHECK(s.rejections[0].earlier == 0);  // the 2024 rejection is before since
    CHECK_THROWS_AS(compute_statistics(weidu(), sample(), 2026, 2027, Date(2026, 12, 1)), std::invalid_argument);
}

TEST_CASE("statistics: rejection articles cited as often follow the regulation's order, not the text's") {
    StatisticsInput in;
    in.cycle_years = {2026};
    // Each cited once in 2026: the byte order of the text would put 第三十条 before 第九条.
    in.applications.push_back(app(2026, "A", "rejected", "", "", "", "", {}, "第三十条、第十一条（二）"));
    in.applications.push_back(app(2026, "B", "rejected", "", "", "", "", {}, "第十一条（一）、第九条"));
    in.applications.push_back(app(2026, "C", "rejected", "", "", "", "", {}, "第十二条第二款、第十二条、第一百零二条"));
    in.applications.push_back(app(2026, "D", "rejected", "", "", "", "", {}, "第十五条、第十五条（十）"));
    const auto s = compute_statistics(weidu(), in, 2026, 2026, Date(2026, 12, 31));
    std::vector<std::string> order;
    for (const auto& r : s.rejections) order.push_back(r.article);
    CHECK(order == std::vector<std::string>{"第九条", "第十一条（一）", "第十一条（二）", "第十二条", "第十二条第二款", "第十五条",
                                            "第十五条（十）", "第三十条", "第一百零二条"});
}
