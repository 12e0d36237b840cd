// 魏都区 rows of POLICIES.md that are about the procedure rather than one check:
// 第十四条 (受理名单公示 and written reasons), 第十六至二十二条 (the review stages),
// 第二十三条 (money), 第二十九条 (the award year on the title). The eligibility rows
// (第九条 … 第三十一条) are tested check by check in tests/rules.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "packs/holiday_calendar_file.hpp"
#include "packs/policy_pack.hpp"
#include "rules/calendar.hpp"
#include "temp_dir.hpp"

using award::Date;
using packs_test::source;

namespace {

const award::Policy& wd() {
    static const award::Policy p = award::load_policy_pack(source("templates/policies/weidu.json"));
    return p;
}

const award::HolidayCalendar& calendar() {
    static const award::HolidayCalendar c = award::load_holiday_calendar(source("templates/holidays.json"));
    return c;
}

}  // namespace

TEST_CASE("WD-第十四条 the 受理名单 is publicised 5 working days and everyone not accepted gets written reasons") {
    REQUIRE(wd().acceptance_publicity.has_value());
    const auto& pub = *wd().acceptance_publicity;
    CHECK(pub.length == 5);
    CHECK(pub.unit == award::PeriodUnit::WorkingDays);
    CHECK(pub.article == "第十四条");
    CHECK(wd().rejection_article == "第十四条");
    CHECK(wd().rejection_reasons_required);
    // The sample's publicity starts on Thursday 2026-10-08, after 国庆: Thu, Fri, Sat (a
    // working Saturday), Mon, Tue → 2026-10-13, as the sample's 公示 prints.
    const award::PublicityPeriod p = award::publicity_period(calendar(), Date(2026, 10, 8), pub);
    CHECK(p.end == Date(2026, 10, 13));
    CHECK(p.article == "第十四条");
}

TEST_CASE("WD-第十六条 资格审核, 材料评审 (第十八条), 现场评审 (第十九条), 评委会审议 (第二十条), 拟奖名单公示 5 working days (第二十一条)") {
    CHECK(wd().review_article == "第十六条");
    const auto& r = wd().review;
    REQUIRE(r.stages.size() == 2);
    CHECK(r.stages[0].name == "材料评审");
    CHECK(r.stages[0].article == "第十八条");
    CHECK(r.stages[1].name == "现场评审");
    CHECK(r.stages[1].article == "第十九条");
    CHECK(r.ranking_article == "第二十条");
    CHECK(r.recusal_article == "第二十七条");
    CHECK(r.publicity.length == 5);
    CHECK(r.publicity.unit == award::PeriodUnit::WorkingDays);
    CHECK(r.publicity.article == "第二十一条");
    // 质量管理创新奖: every on-site applicant at 500 or more (第四条), no quota.
    const award::AwardSpec* innovation = wd().find_award_by_name("质量管理创新奖");
    REQUIRE(innovation);
    CHECK(innovation->conferral.by == award::AwardConferral::By::Threshold);
    CHECK(innovation->conferral.reached_stage == "onsite");
    CHECK(innovation->conferral.min_total_units == 5000);  // 500.0 in tenths
    CHECK(innovation->quota == 0);
}

TEST_CASE("WD-第二十三条 5万元 and 3万元 for first-time winners, the 创新奖 certificate and trophy only") {
    CHECK(wd().find_award_by_name("区长质量奖")->prize_yuan == 50000);
    CHECK(wd().find_award_by_name("区长质量提名奖")->prize_yuan == 30000);
    CHECK(wd().find_award_by_name("质量管理创新奖")->prize_yuan == 0);
    CHECK(wd().find_award_by_name("区长质量奖")->prize_article == "第二十三条");
    CHECK(wd().find_award_by_name("区长质量奖")->quota == 2);
    CHECK(wd().find_award_by_name("区长质量提名奖")->quota == 4);
}

TEST_CASE("WD-第二十九条 the certificate and the winner's duties state the award year") {
    bool title_year = false;
    for (const auto& o : wd().obligations)
        if (o.article == "第二十九条" && o.text.find("注明获奖年度") != std::string::npos) title_year = true;
    CHECK(title_year);
    std::ifstream in(source("templates/certificates/" + wd().certificates.template_file));
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("{{year}}年度{{award}}") != std::string::npos);
}

TEST_CASE("WD-第二十八条 each winner files the 质量绩效报告 every year for 3 years") {
    const award::Obligation* report = nullptr;
    for (const auto& o : wd().obligations)
        if (o.id == "yearly-report") report = &o;
    REQUIRE(report);
    CHECK(report->article == "第二十八条（二）");
    CHECK(report->years == 3);
    CHECK(report->text.find("《魏都区长质量奖质量绩效报告》") != std::string::npos);
}
