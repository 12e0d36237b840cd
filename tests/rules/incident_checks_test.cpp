// 第十一条: counted incidents within 3 years before the deadline.
#include <catch2/catch.hpp>

#include "rules/check_kinds.hpp"
#include "wd_fixture.hpp"

using award::Date;
using award::Incident;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

award::Applicant with(std::vector<Incident> incidents) {
    auto a = wd::applicant();
    a.incidents = std::move(incidents);
    return a;
}
}  // namespace

TEST_CASE("WD-第十一条 no incidents passes") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", wd::applicant());
    CHECK(r.passed);
    CHECK(r.article == "第十一条");
    CHECK(contains(r.trace, "计入：无"));
}

TEST_CASE("WD-第十一条 incident exactly three years before the deadline is outside the window") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2023, 9, 18), "质量事故", "较大", "批量返工"}}));
    CHECK(r.passed);
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "在窗口之前"));
}

TEST_CASE("WD-第十一条 incident one day inside the window fails") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2023, 9, 19), "质量事故", "较大", "原料不合格导致批量返工"}}));
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十一条");
    CHECK(r.reason ==
          "贵单位于2023年9月19日发生较大质量事故（原料不合格导致批量返工），属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十一条关于“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，"
          "无重大质量投诉，无严重失信行为”的规定。");
    CHECK(contains(r.trace, "统计窗口自 2023-09-19 起"));
}

TEST_CASE("第十一条 window inclusive_start: an incident exactly three years before the deadline is inside") {
    wd::Runner w;
    for (auto& c : w.pol.checks) {
        if (c.id == "wd-11-incidents") c.params["window"] = "inclusive_start";
    }
    auto on_day = w.run("wd-11-incidents", with({{Date(2023, 9, 18), "质量事故", "较大", "批量返工"}}));
    CHECK_FALSE(on_day.passed);
    CHECK(on_day.reason ==
          "贵单位于2023年9月18日发生较大质量事故（批量返工），属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十一条关于“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，"
          "无重大质量投诉，无严重失信行为”的规定。");
    CHECK(contains(on_day.trace, "统计窗口自 2023-09-18 起"));
    auto day_before = w.run("wd-11-incidents", with({{Date(2023, 9, 17), "质量事故", "较大", "批量返工"}}));
    CHECK(day_before.passed);
    CHECK(contains(day_before.trace, "在窗口之前"));
}

TEST_CASE("第十一条 window param is required and must name one of the two boundaries") {
    using nlohmann::json;
    json params = wd::policy().find_check("wd-11-incidents")->params;
    CHECK(award::check_param_issues("no_incident_within", params).empty());
    params["window"] = "inclusive_start";
    CHECK(award::check_param_issues("no_incident_within", params).empty());
    params["window"] = "inclusive";
    auto bad = award::check_param_issues("no_incident_within", params);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].pointer == "/window");
    CHECK(contains(bad[0].message, "exclusive_start"));
    params.erase("window");
    auto missing = award::check_param_issues("no_incident_within", params);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].pointer == "/window");
}

TEST_CASE("WD-第十一条 an incident after the deadline is said to have happened after it") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2026, 9, 25), "安全事故", "较大", "车间火灾"}}));
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位于2026年9月25日发生较大安全事故（车间火灾），系申报截止日2026年9月18日后发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十一条关于“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，"
          "无重大质量投诉，无严重失信行为”的规定。");
    CHECK(contains(r.trace, "申报截止日后"));
}

TEST_CASE("WD-第十一条 incidents before and after the deadline each get their own timing") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2024, 3, 1), "质量事故", "较大", "批量返工"},
                                            {Date(2026, 9, 25), "安全事故", "较大", "车间火灾"},
                                            {Date(2026, 9, 18), "质量投诉", "重大", ""}}));
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位于2026年9月25日发生较大安全事故（车间火灾），系申报截止日2026年9月18日后发生的事项；"
          "于2026年9月18日发生重大质量投诉，于2024年3月1日发生较大质量事故（批量返工），"
          "属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十一条关于“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，"
          "无重大质量投诉，无严重失信行为”的规定。");
}

TEST_CASE("WD-第十一条 severity below the threshold is ignored") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2025, 3, 1), "质量事故", "一般", "个别批次返工"},
                                            {Date(2025, 4, 1), "质量投诉", "较大", "客户投诉"}}));
    CHECK(r.passed);
    CHECK(contains(r.trace, "低于较大"));
    CHECK(contains(r.trace, "低于重大"));
}

TEST_CASE("WD-第十一条 重大 quality complaint counts") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2025, 4, 1), "质量投诉", "重大", ""}}));
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "于2025年4月1日发生重大质量投诉，属"));  // no empty （） for a missing description
    CHECK(contains(r.reason, "第十一条"));
}

TEST_CASE("WD-第十一条 失信行为 recorded as 重大 ranks with 严重 and counts") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2024, 6, 1), "失信行为", "重大", "列入失信名单"}}));
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "2024年6月1日"));
}

TEST_CASE("WD-第十一条 失信行为 below 严重 is ignored") {
    wd::Runner w;
    CHECK(w.run("wd-11-incidents", with({{Date(2024, 6, 1), "失信行为", "较大", ""}})).passed);
}

TEST_CASE("WD-第十一条 a kind the pack does not count is ignored") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2025, 6, 1), "其他", "特别重大", ""}}));
    CHECK(r.passed);
    CHECK(contains(r.trace, "类型不计"));
}

TEST_CASE("WD-第十一条 several counted incidents are all cited, most recent first") {
    wd::Runner w;
    auto r = w.run("wd-11-incidents", with({{Date(2024, 3, 1), "安全事故", "较大", "车间火灾"},
                                            {Date(2025, 7, 2), "环境污染事故", "重大", "废水超标排放"}}));
    CHECK_FALSE(r.passed);
    auto later = r.reason.find("2025年7月2日");
    auto earlier = r.reason.find("2024年3月1日");
    REQUIRE(later != std::string::npos);
    REQUIRE(earlier != std::string::npos);
    CHECK(later < earlier);
    CHECK(contains(r.reason, "重大环境污染事故（废水超标排放）"));
}

TEST_CASE("WD-第十一条 an incident severity outside the scale is a programming error") {
    wd::Runner w;
    CHECK_THROWS_AS(w.run("wd-11-incidents", with({{Date(2025, 1, 1), "质量事故", "很大", ""}})), std::invalid_argument);
}
