// Schema version 4 (the yearly statistics report): an application keeps who applied
// (所属行业, 镇街, 企业规模), the last review stage it entered and its category
// percentages; recording the same again changes nothing, a change keeps the old row
// in history, and an application removed takes its percentages with it.
#include <catch2/catch.hpp>

#include "registry/schema.hpp"
#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;

namespace {

ApplicationRecord scored(int leadership_hundredths) {
    ApplicationRecord a{"weidu", 2024, kZhilian, "许昌智联精密传感技术有限公司", "区长质量提名奖", "awarded", "", ""};
    a.industry = "仪器仪表制造业";
    a.township = "西大街道";
    a.size = "中型";
    a.stage_reached = "onsite";
    a.category_percents = std::vector<CategoryPercent>{{"material", "4.1", "领导", leadership_hundredths},
                                                       {"material", "4.7", "结果", 6850}};
    return a;
}

long long count(const fs::path& file, const std::string& sql) {
    sqlite::Database db(file, sqlite::Database::Open::MustExist);
    return db.scalar(sql, "test");
}

}  // namespace

TEST_CASE("registry v4: an application's industry, 镇街, size, stage reached and category percentages are kept and read back") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    Registry r(file);
    r.record_cycle(weidu_cycle(2024));
    CHECK(r.record_application(scored(8125)).change == Change::Added);
    const auto apps = r.applications_in("weidu", 2024);
    REQUIRE(apps.size() == 1);
    CHECK(apps[0].industry == "仪器仪表制造业");
    CHECK(apps[0].township == "西大街道");
    CHECK(apps[0].size == "中型");
    CHECK(apps[0].stage_reached == "onsite");
    const auto percents = r.category_percents_of("weidu", 2024, kZhilian);
    REQUIRE(percents.size() == 2);
    CHECK(percents[0] == CategoryPercent{"material", "4.1", "领导", 8125});
    CHECK(percents[1] == CategoryPercent{"material", "4.7", "结果", 6850});

    // The same again: unchanged. A corrected percentage: changed, the old row in history.
    CHECK(r.record_application(scored(8125)).change == Change::Unchanged);
    CHECK(r.history_size() == 0);
    CHECK(r.record_application(scored(8250)).change == Change::Changed);
    CHECK(count(file, "SELECT count(*) FROM history WHERE table_name = 'category_scores' AND "
                      "json_extract(old_row, '$.percent_hundredths') = 8125") == 1);

    // Records without percentages (paper) leave them alone; an empty list removes them.
    ApplicationRecord paper = scored(8250);
    paper.category_percents.reset();
    CHECK(r.record_application(paper).change == Change::Unchanged);
    CHECK(r.category_percents_of("weidu", 2024, kZhilian).size() == 2);
    paper.category_percents = std::vector<CategoryPercent>{};
    CHECK(r.record_application(paper).change == Change::Changed);
    CHECK(r.category_percents_of("weidu", 2024, kZhilian).empty());

    // Removing the application removes its percentages (no orphan rows).
    CHECK(r.record_application(scored(8125)).change == Change::Changed);
    r.remove_application("weidu", 2024, kZhilian);
    CHECK(count(file, "SELECT count(*) FROM category_scores") == 0);
}

TEST_CASE("registry v4: a size outside 大型, 中型, 小型, 微型 is refused by the file itself") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    ApplicationRecord a = scored(8125);
    a.size = "特大型";
    CHECK_THROWS_AS(r.record_application(a), RegistryError);
    CHECK(r.applications_in("weidu", 2024).empty());
}

TEST_CASE("registry v4: the statistics read a pack's cycles, applications with their facts, awards, reports due and figures") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    r.record_cycle(weidu_cycle(2025));
    r.record_cycle({"benxi", 2024, "benxi-2024", {}, ""});  // another pack: not read
    r.record_application(scored(8125));
    const auto award = r.record_award(weidu_award(2024, kZhilian, "许昌智联精密传感技术有限公司"));
    const auto obligation =
        r.record_obligation(award.id, ObligationRecord{0, "yearly-report", "第二十八条（二）", 2025, 3, "03-31"});
    ReportDetails d;
    d.figures = {{"revenue", 2024, 123456}};
    r.record_report_details(obligation.id, ReportRecord{2025, Date(2025, 3, 20), ""}, d);

    const StatisticsInput in = r.statistics_input("weidu");
    CHECK(in.cycle_years == std::vector<int>{2024, 2025});
    REQUIRE(in.applications.size() == 1);
    CHECK(in.applications[0].industry == "仪器仪表制造业");
    CHECK(in.applications[0].stage_reached == "onsite");
    CHECK(in.applications[0].percents.size() == 2);
    REQUIRE(in.awards.size() == 1);
    CHECK(in.awards[0].year == 2024);
    // Reports due 2025, 2026, 2027 (3 years from 2025, by 03-31); the 2025 one received.
    REQUIRE(in.reports_due.size() == 3);
    CHECK(in.reports_due[0].due == Date(2025, 3, 31));
    CHECK(in.reports_due[0].received);
    CHECK_FALSE(in.reports_due[1].received);
    REQUIRE(in.figures.size() == 1);
    CHECK(in.figures[0].award_year == 2024);
    CHECK(in.figures[0].hundredths == 123456);
    CHECK(r.statistics_input("benxi").applications.empty());
}
