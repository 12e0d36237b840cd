// 第九条/第十条 self-evaluation, 第十条 prior 提名奖 or 特批, 第十二条 cooldown, 第三十条 revocation ban.
#include <catch2/catch.hpp>

#include "rules/check_kinds.hpp"
#include "wd_fixture.hpp"

using award::Date;
using award::PriorAward;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

award::Applicant main_applicant() {
    auto a = wd::applicant();
    a.award = "区长质量奖";
    return a;
}
}  // namespace

// ---- self_evaluation_good ----

TEST_CASE("WD-第九条 self-evaluation good in both years passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.self_evaluations = {{2024, "良好"}, {2025, "优秀"}};
    auto r = w.run("wd-9-self-evaluation", a);
    CHECK(r.passed);
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "2024年、2025年"));
}

TEST_CASE("WD-第九条 self-evaluation missing a year fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.self_evaluations = {{2022, "优秀"}, {2023, "优秀"}, {2025, "优秀"}};  // older years do not stand in for 2024
    auto r = w.run("wd-9-self-evaluation", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.reason ==
          "贵单位2024年度无卓越绩效自评结果，未达到2024年、2025年连续2年卓越绩效自评良好的要求，"
          "不符合《魏都区区长质量奖管理办法》第九条关于“积极实行卓越绩效管理，连续2年自评良好”的规定。");
    CHECK(contains(r.trace, "2024 无"));
}

TEST_CASE("WD-第九条 self-evaluation with one bad year fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.self_evaluations = {{2024, "良好"}, {2025, "一般"}};
    auto r = w.run("wd-9-self-evaluation", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(contains(r.reason, "2025年度卓越绩效自评结果为“一般”"));
    CHECK_FALSE(contains(r.reason, "2024年度"));
}

TEST_CASE("WD-第十条 self-evaluation needs three years: good 2024 and 2025 but no 2023 fails") {
    wd::Runner w;
    auto a = main_applicant();
    a.self_evaluations = {{2024, "良好"}, {2025, "优秀"}};
    CHECK(w.run("wd-9-self-evaluation", a).passed);
    auto r = w.run("wd-10-self-evaluation", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十条");
    CHECK(contains(r.reason, "2023年度无卓越绩效自评结果"));
    CHECK(contains(r.reason, "2023年、2024年、2025年连续3年"));
    CHECK(contains(r.reason, "第十条"));
}

TEST_CASE("WD-第十条 self-evaluation good three years passes") {
    wd::Runner w;
    auto r = w.run("wd-10-self-evaluation", main_applicant());
    CHECK(r.passed);
    CHECK(r.article == "第十条");
}

// ---- requires_prior_award ----

TEST_CASE("WD-第十条 提名奖 held exactly one year passes") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2025, 9, 18), std::nullopt}};
    auto r = w.run("wd-10-nomination", a);
    CHECK(r.passed);
    CHECK(r.article == "第十条");
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "2025-09-18"));
}

TEST_CASE("WD-第十条 提名奖 held one day short of a year fails") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2025, 9, 19), std::nullopt}};
    auto r = w.run("wd-10-nomination", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十条");
    CHECK(r.reason ==
          "贵单位于2025年9月19日获得区长质量提名奖，截至申报截止日2026年9月18日不满1年，亦无评委会同意特批的决定，"
          "不符合《魏都区区长质量奖管理办法》第十条关于“获得区长质量提名奖1年以上”的规定。");
}

TEST_CASE("WD-第十条 neither 提名奖 nor 区长质量奖 fails, naming both") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"质量管理创新奖", Date(2020, 1, 1), std::nullopt}};  // an unlisted award does not count
    auto r = w.run("wd-10-nomination", a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位未获得过区长质量提名奖或区长质量奖，亦无评委会同意特批的决定，"
          "不符合《魏都区区长质量奖管理办法》第十条关于“获得区长质量提名奖1年以上”的规定。");
    CHECK(contains(r.trace, "无 区长质量提名奖、区长质量奖"));
}

TEST_CASE("WD-第十条 a former 区长质量奖 winner (2020) re-applying in 2026 passes the prior-award check") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量奖", Date(2020, 11, 20), std::nullopt}};
    auto r = w.run("wd-10-nomination", a);
    CHECK(r.passed);
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "2020-11-20 获得 区长质量奖"));
    // The 4 years of 第十二条 are the cooldown check's business: also passed here.
    auto cooldown = w.run("wd-12-cooldown", a);
    CHECK(cooldown.passed);
    CHECK(contains(cooldown.trace, "2024-11-20 ≤ 2026-09-18"));
}

TEST_CASE("WD-第十条 a 区长质量奖 won within 4 years passes 第十条 but the cooldown rejects it") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量奖", Date(2023, 1, 10), std::nullopt}};
    CHECK(w.run("wd-10-nomination", a).passed);
    auto cooldown = w.run("wd-12-cooldown", a);
    CHECK_FALSE(cooldown.passed);
    CHECK(cooldown.article == "第十二条");
    CHECK(contains(cooldown.reason, "贵单位已于2023年1月10日获得区长质量奖"));
}

TEST_CASE("WD-第十条 any listed award held long enough satisfies it; the sentence names the one found") {
    wd::Runner w;
    auto a = main_applicant();
    // A 提名奖 too recent, but a 区长质量奖 held for years: passes on the latter.
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2025, 9, 19), std::nullopt},
                      PriorAward{"区长质量奖", Date(2019, 12, 1), std::nullopt}};
    auto r = w.run("wd-10-nomination", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "2019-12-01 获得 区长质量奖"));
    // Only a too-recent 区长质量奖: the sentence names it.
    a.prior_awards = {PriorAward{"区长质量奖", Date(2025, 12, 1), std::nullopt}};
    auto short_held = w.run("wd-10-nomination", a);
    CHECK_FALSE(short_held.passed);
    CHECK(contains(short_held.reason, "贵单位于2025年12月1日获得区长质量奖，截至申报截止日2026年9月18日不满1年"));
    // Only a revoked 区长质量奖: the sentence names it and its revocation.
    a.prior_awards = {PriorAward{"区长质量奖", Date(2019, 12, 1), Date(2021, 3, 1)}};
    auto revoked = w.run("wd-10-nomination", a);
    CHECK_FALSE(revoked.passed);
    CHECK(contains(revoked.reason, "贵单位所获区长质量奖（2019年12月1日获得）已于2021年3月1日被撤销"));
}

TEST_CASE("WD eligibility: a former 区长质量奖 winner re-applying after 4 years is accepted") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量奖", Date(2020, 11, 20), std::nullopt}};
    for (const auto& id : w.pol.find_award_by_name("区长质量奖")->checks) {
        INFO(id);
        CHECK(w.run(id, a).passed);
    }
}

TEST_CASE("WD-第十条 params: a list of awards is required; the old single award key is refused") {
    auto issues = award::check_param_issues("requires_prior_award", {{"award", "区长质量提名奖"}, {"min_years_held", 1}});
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].pointer == "/award");
    CHECK(issues[1].pointer == "/awards");
    CHECK(award::check_param_issues("requires_prior_award", {{"awards", nlohmann::json::array()}, {"min_years_held", 1}})
              .at(0)
              .pointer == "/awards");
    CHECK(award::check_param_issues("requires_prior_award", {{"awards", {"区长质量提名奖"}}, {"min_years_held", 1}}).empty());
}

TEST_CASE("WD-第十条 revoked 提名奖 does not count") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2023, 1, 10), Date(2024, 5, 1)}};
    auto r = w.run("wd-10-nomination", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十条");
    CHECK(contains(r.reason, "所获区长质量提名奖（2023年1月10日获得）已于2024年5月1日被撤销"));
    CHECK(contains(r.trace, "撤销"));
}

TEST_CASE("WD-第十条 提名奖 revoked only after the deadline still counts on the deadline") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2023, 1, 10), Date(2026, 9, 19)}};
    CHECK(w.run("wd-10-nomination", a).passed);
}

TEST_CASE("WD-第十条 special approval decision makes the check pass without 提名奖") {
    wd::Runner w;
    auto a = main_applicant();
    w.decisions = {award::Decision{"special_approval", a.credit_code, Date(2026, 9, 25), "评委会2026年第2次会议同意特批",
                                   "decisions.json: /decisions/0", "", {}}};
    auto r = w.run("wd-10-nomination", a);
    CHECK(r.passed);
    CHECK(r.article == "第十条");
    CHECK(contains(r.trace, "special_approval"));
    CHECK(contains(r.trace, "评委会2026年第2次会议同意特批"));
}

TEST_CASE("WD-第十条 special approval for another applicant does not help") {
    wd::Runner w;
    auto a = main_applicant();
    w.decisions = {award::Decision{"special_approval", "91110000600037341L", Date(2026, 9, 25), "特批", "decisions.json: /decisions/0", "", {}},
                   award::Decision{"other_decision", a.credit_code, Date(2026, 9, 25), "其他", "decisions.json: /decisions/1", "", {}}};
    auto r = w.run("wd-10-nomination", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.trace, "无 special_approval 决定"));
}

// ---- cooldown_after_award ----

TEST_CASE("WD-第十二条 same award exactly four years ago passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2022, 9, 18), std::nullopt}};
    auto r = w.run("wd-12-cooldown", a);
    CHECK(r.passed);
    CHECK(r.article == "第十二条");
    CHECK(contains(r.trace, "2026-09-18 ≤ 2026-09-18"));
}

TEST_CASE("WD-第十二条 same award one day short of four years fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2018, 1, 1), std::nullopt},
                      PriorAward{"区长质量提名奖", Date(2022, 9, 19), std::nullopt}};
    auto r = w.run("wd-12-cooldown", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十二条");
    CHECK(r.reason ==
          "贵单位已于2022年9月19日获得区长质量提名奖，至申报截止日2026年9月18日未满4年（2026年9月19日起方可重新申报），"
          "不符合《魏都区区长质量奖管理办法》第十二条关于“获奖组织自获奖之日起4年内不得重复申报同一奖项”的规定。");
}

TEST_CASE("WD-第十二条 a recent award of another kind does not block") {
    wd::Runner w;
    auto a = main_applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2025, 1, 10), std::nullopt}};
    auto r = w.run("wd-12-cooldown", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "未曾获得该奖项"));
}

// ---- ban_after_revocation ----

TEST_CASE("WD-第三十条 revoked exactly four years ago passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.prior_awards = {PriorAward{"区长质量奖", Date(2020, 1, 10), Date(2022, 9, 18)}};
    auto r = w.run("wd-30-revocation-ban", a);
    CHECK(r.passed);
    CHECK(r.article == "第三十条、第三十一条");
}

TEST_CASE("WD-第三十条 revoked one day short of four years fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.prior_awards = {PriorAward{"区长质量奖", Date(2020, 1, 10), Date(2022, 9, 19)}};
    auto r = w.run("wd-30-revocation-ban", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第三十条、第三十一条");
    CHECK(r.reason ==
          "贵单位所获区长质量奖称号已于2022年9月19日被撤销，至申报截止日2026年9月18日未满4年（2026年9月19日起方可再次申报），"
          "不符合《魏都区区长质量奖管理办法》第三十条、第三十一条关于撤销称号后“4年内不接受该组织再次申报”的规定。");
}

TEST_CASE("WD-第三十条 no revocation passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.prior_awards = {PriorAward{"区长质量提名奖", Date(2025, 1, 10), std::nullopt}};
    auto r = w.run("wd-30-revocation-ban", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "无被撤销的奖项"));
}
