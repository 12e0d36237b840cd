// check_eligibility and decide_acceptance over the fixture policy.
#include <catch2/catch.hpp>

#include "rules/check_kinds.hpp"
#include "rules/sentence.hpp"
#include "wd_fixture.hpp"

using award::Date;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

award::Case make_case(std::vector<award::Applicant> applicants) {
    award::Case c;
    c.id = "weidu-2026";
    c.policy = "weidu";
    c.year = wd::kCycle;
    c.application_deadline = wd::kDeadline;
    c.acceptance.publicity_start = Date(2026, 10, 8);
    c.applicants = std::move(applicants);
    return c;
}

// October 2026 from the State Council notice: 10/1–10/7 off, Saturday 10/10 worked.
award::HolidayCalendar october_2026() {
    award::HolidayYear y;
    for (unsigned d = 1; d <= 7; ++d) y.days_off.insert(Date(2026, 10, d));
    y.working_weekend.insert(Date(2026, 10, 10));
    return award::HolidayCalendar({{2026, y}});
}
}  // namespace

TEST_CASE("WD eligibility: an applicant passing everything is accepted after every check of its award") {
    auto pol = wd::policy();
    auto c = make_case({wd::applicant()});
    auto r = award::check_eligibility(pol, c, 0);
    CHECK(r.accepted);
    CHECK(r.applicant_index == 0);
    REQUIRE(r.checks.size() == 8);
    CHECK(r.checks[0].check_id == "wd-9-region");
    CHECK(r.checks[4].check_id == "wd-9-self-evaluation");
    CHECK(r.checks[7].check_id == "wd-30-revocation-ban");
    CHECK(r.failures().empty());
}

TEST_CASE("WD eligibility: an applicant failing two checks gets two failures with the two articles") {
    auto pol = wd::policy();
    auto a = wd::applicant();
    a.region = "建安区";
    a.incidents = {{Date(2025, 5, 6), "食品安全事故", "较大", "食堂集体中毒"}};
    auto r = award::check_eligibility(pol, make_case({wd::applicant(), a}), 1);
    CHECK_FALSE(r.accepted);
    CHECK(r.applicant_index == 1);
    auto f = r.failures();
    REQUIRE(f.size() == 2);
    CHECK(f[0]->article == "第九条");
    CHECK(contains(f[0]->reason, "建安区"));
    CHECK(f[1]->article == "第十一条");
    CHECK(contains(f[1]->reason, "2025年5月6日"));
    CHECK(contains(f[1]->reason, "第十一条"));
}

TEST_CASE("WD eligibility: the main award runs 第十条 checks instead of the two-year self-evaluation") {
    auto pol = wd::policy();
    auto a = wd::applicant();
    a.award = "区长质量奖";
    auto r = award::check_eligibility(pol, make_case({a}), 0);
    REQUIRE(r.checks.size() == 9);
    CHECK_FALSE(r.accepted);  // never held the 提名奖
    auto f = r.failures();
    REQUIRE(f.size() == 1);
    CHECK(f[0]->check_id == "wd-10-nomination");
    CHECK(f[0]->article == "第十条");
    for (const auto& c : r.checks) CHECK(c.check_id != "wd-9-self-evaluation");
}

TEST_CASE("WD eligibility: an unknown or closed award is a programming error, not a rejection") {
    auto pol = wd::policy();
    auto a = wd::applicant();
    a.award = "市长质量奖";
    CHECK_THROWS_AS(award::check_eligibility(pol, make_case({a}), 0), std::invalid_argument);
    a.award = "质量管理创新奖";
    CHECK_THROWS_AS(award::check_eligibility(pol, make_case({a}), 0), std::invalid_argument);
    CHECK_THROWS_AS(award::check_eligibility(pol, make_case({}), 0), std::invalid_argument);
}

TEST_CASE("WD acceptance: every applicant in input order and the 第十四条 publicity period") {
    auto pol = wd::policy();
    auto bad = wd::applicant();
    bad.licences_valid = false;
    auto c = make_case({wd::applicant(), bad, wd::applicant()});
    auto out = award::decide_acceptance(pol, c, october_2026());
    REQUIRE(out.results.size() == 3);
    CHECK(out.results[0].accepted);
    CHECK_FALSE(out.results[1].accepted);
    CHECK(out.results[1].applicant_index == 1);
    CHECK(out.results[2].accepted);
    REQUIRE(out.publicity);
    CHECK(out.publicity->start == Date(2026, 10, 8));
    CHECK(out.publicity->end == Date(2026, 10, 13));
    CHECK(out.publicity->length == 5);
    CHECK(out.publicity->article == "第十四条");
}

TEST_CASE("run_check refuses an unknown kind and bad params") {
    auto pol = wd::policy();
    std::vector<award::Decision> none;
    award::CheckContext ctx{pol, wd::kDeadline, wd::kCycle, none};
    award::CheckSpec spec{"x", "no_such_kind", "第九条", "…", nlohmann::json::object(), "{name}"};
    CHECK_THROWS_AS(award::run_check(spec, wd::applicant(), ctx), std::invalid_argument);
    spec.kind = "min_years_operating";
    spec.params = {{"years", "5"}};
    CHECK_THROWS_WITH(award::run_check(spec, wd::applicant(), ctx), Catch::Contains("/params/years"));
}

TEST_CASE("Every check kind fills every placeholder its table row allows") {
    // An applicant failing every check, and fail_texts using every allowed placeholder:
    // nothing may be left unfilled, and the kind-specific facts must appear.
    auto pol = wd::policy();
    auto a = wd::applicant();
    a.award = "区长质量奖";
    a.region = "建安区";
    a.founded = Date(2024, 1, 1);
    a.licences_valid = false;
    a.policy_compliant = false;
    a.self_evaluations = {{2025, "差"}};
    a.incidents = {{Date(2025, 1, 1), "质量事故", "重大", "召回"}};
    a.prior_awards = {{"区长质量奖", Date(2024, 1, 1), Date(2025, 1, 1)}};
    std::vector<award::Decision> none;
    award::CheckContext ctx{pol, wd::kDeadline, wd::kCycle, none};
    for (auto spec : pol.checks) {
        std::string all;
        for (const auto& p : award::allowed_placeholders(spec.kind)) all += p + "=[{" + p + "}] ";
        spec.fail_text = all;
        auto r = award::run_check(spec, a, ctx);
        INFO(spec.id << ": " << r.reason);
        CHECK_FALSE(r.passed);
        CHECK(r.reason.find('{') == std::string::npos);
        CHECK(contains(r.reason, "name=[许昌瑞达电气有限公司]"));
        CHECK(contains(r.reason, "reference_date=[2026年9月18日]"));
        CHECK(contains(r.reason, "article=[" + spec.article + "]"));
    }
}

TEST_CASE("The check kind table lists the fourteen kinds with their placeholders") {
    CHECK(award::known_check_kinds() ==
          std::vector<std::string>{"registered_in", "min_years_operating", "declaration", "self_evaluation_good",
                                   "requires_prior_award", "no_incident_within", "cooldown_after_award",
                                   "ban_after_revocation", "legal_form_in", "tax_attributed_to", "recommended_by",
                                   "min_rating", "no_loss_within", "min_years_since"});
    auto p = award::allowed_placeholders("min_years_operating");
    CHECK(std::find(p.begin(), p.end(), "founded") != p.end());
    CHECK(std::find(p.begin(), p.end(), "regulation") != p.end());
    CHECK(std::find(p.begin(), p.end(), "incident_date") == p.end());
    CHECK(award::allowed_placeholders("nope").empty());
}

TEST_CASE("Param validation names the parameter and what was expected") {
    using nlohmann::json;
    auto issues = award::check_param_issues("min_years_operating", {{"years", "5"}, {"reduced_years", 3}, {"extra", 1}});
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].pointer == "/extra");
    CHECK(issues[1].pointer == "/years");
    CHECK(contains(issues[1].message, "整数"));
    CHECK(issues[2].pointer == "/reduced_for");  // reduced_years without reduced_for
    CHECK(award::check_param_issues("min_years_operating", json::object()).at(0).pointer == "/years");
    CHECK(award::check_param_issues("declaration", {{"field", "tax_paid"}}).at(0).message.find("licences_valid") !=
          std::string::npos);
    auto inc = award::check_param_issues(
        "no_incident_within",
        {{"years", 3}, {"window", "exclusive_start"}, {"severity_levels", {"一般", "较大"}}, {"counted", json::array({{{"kind", "质量事故"}, {"min_severity", "重大"}}})}});
    REQUIRE(inc.size() == 1);
    CHECK(inc[0].pointer == "/counted/0/min_severity");
    CHECK(award::check_param_issues("cooldown_after_award", {{"years", 4}}).empty());
    CHECK(award::check_param_issues("cooldown_after_award", {{"years", 0}}).at(0).pointer == "/years");
    CHECK(award::check_param_issues("registered_in", json::array()).at(0).pointer.empty());
}
