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

// ---- phrase: how a counted record reads after “于{日期}”

namespace {

// Penalties (no sense of severity: a phrase of their own) and quality accidents (the
// default 发生{severity}{kind}) in one check, in the packs' style.
award::CheckSpec penalties_and_accidents() {
    using nlohmann::json;
    return wd::check("t-penalties", "no_incident_within", "第十二条（四）", "近三年存在行政处罚记录及较大质量事故",
                     {{"years", 3},
                      {"window", "exclusive_start"},
                      {"severity_levels", json::array({"一般", "较大", "重大", "特别重大"})},
                      {"counted", json::array({{{"kind", "行政处罚"}, {"min_severity", "一般"}, {"phrase", "受到行政处罚"}},
                                               {{"kind", "质量事故"}, {"min_severity", "较大"}}})}},
                     "贵单位{findings}，");
}

award::CheckResult run_spec(const award::CheckSpec& spec, const award::Applicant& a) {
    wd::Runner w;
    std::vector<award::Decision> none;
    award::CheckContext ctx{w.pol, wd::kDeadline, wd::kCycle, none};
    return award::run_check(spec, a, ctx);
}

}  // namespace

TEST_CASE("no_incident_within: a kind with its own phrase is written without a severity") {
    auto r = run_spec(penalties_and_accidents(), with({{Date(2025, 6, 12), "行政处罚", "一般", "罚款8万元"}}));
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位于2025年6月12日受到行政处罚（罚款8万元），属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十二条（四）关于“近三年存在行政处罚记录及较大质量事故”的规定。");
}

TEST_CASE("no_incident_within: a kind without a phrase keeps its severity: 发生较大质量事故") {
    auto r = run_spec(penalties_and_accidents(), with({{Date(2024, 3, 1), "质量事故", "较大", ""}}));
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位于2024年3月1日发生较大质量事故，属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十二条（四）关于“近三年存在行政处罚记录及较大质量事故”的规定。");
}

TEST_CASE("no_incident_within: every counted record is listed in {findings} and {incidents}, most recent first") {
    auto spec = penalties_and_accidents();
    const auto a = with({{Date(2023, 12, 1), "行政处罚", "一般", ""},
                         {Date(2025, 6, 12), "行政处罚", "一般", "罚款8万元"},
                         {Date(2024, 3, 1), "质量事故", "较大", "批量返工"},
                         {Date(2024, 5, 1), "质量事故", "一般", "不计"},
                         {Date(2026, 9, 20), "行政处罚", "一般", "警告"}});
    auto r = run_spec(spec, a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位于2026年9月20日受到行政处罚（警告），系申报截止日2026年9月18日后发生的事项；"
          "于2025年6月12日受到行政处罚（罚款8万元），于2024年3月1日发生较大质量事故（批量返工），于2023年12月1日受到行政处罚，"
          "属申报截止日2026年9月18日前3年内发生的事项，"
          "不符合《魏都区区长质量奖管理办法》第十二条（四）关于“近三年存在行政处罚记录及较大质量事故”的规定。");
    spec.fail_text = "[{incidents}][{incident_date}]";
    CHECK(run_spec(spec, a).reason ==
          "[于2026年9月20日受到行政处罚（警告），于2025年6月12日受到行政处罚（罚款8万元），"
          "于2024年3月1日发生较大质量事故（批量返工），于2023年12月1日受到行政处罚][2026年9月20日]");
}

TEST_CASE("no_incident_within: a phrase may place {severity} and {kind} itself") {
    auto spec = penalties_and_accidents();
    spec.params["counted"][1]["phrase"] = "发生{kind}（{severity}）";
    spec.fail_text = "[{incidents}]";
    CHECK(run_spec(spec, with({{Date(2024, 3, 1), "质量事故", "重大", ""}})).reason == "[于2024年3月1日发生质量事故（重大）]");
}

TEST_CASE("no_incident_within params: a phrase must be text with only {severity} and {kind}, and no date of its own") {
    auto params = penalties_and_accidents().params;
    CHECK(award::check_param_issues("no_incident_within", params).empty());
    auto issue_for = [&](const nlohmann::json& phrase) {
        auto p = params;
        p["counted"][0]["phrase"] = phrase;
        auto issues = award::check_param_issues("no_incident_within", p);
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].pointer == "/counted/0/phrase");
        return issues[0].message;
    };
    CHECK(contains(issue_for("{date}受到行政处罚"), "未知占位符 {date}；可用：{severity}（等级）、{kind}（类型）"));
    CHECK(contains(issue_for("于{severity}受到行政处罚"), "不应以“于”开头"));
    CHECK(contains(issue_for("受到{kind行政处罚"), "有误"));
    CHECK(contains(issue_for(""), "应为非空字符串"));
    CHECK(contains(issue_for(3), "应为非空字符串"));
    auto p = params;
    p["counted"][0]["wording"] = "受到行政处罚";
    auto issues = award::check_param_issues("no_incident_within", p);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pointer == "/counted/0/wording");
    CHECK(contains(issues[0].message, "可用：kind、min_severity、phrase"));
}
