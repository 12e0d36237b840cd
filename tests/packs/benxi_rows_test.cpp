// 本溪市市长质量奖管理办法, row by row of POLICIES.md (BX), against the real pack
// templates/policies/benxi.json: each eligibility row through check_eligibility on an
// applicant that passes everything but the fact under test (with the boundary where it
// is cheap), and the rows about awards, money, review and publicity on the loaded
// Policy and through decide_review. Every test asserts the decision and the article.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "packs/policy_pack.hpp"
#include "rules/calendar.hpp"
#include "rules/eligibility.hpp"
#include "rules/review.hpp"
#include "rules/top_ups.hpp"
#include "pack_rows.hpp"
#include "review_cycle_fixture.hpp"
#include "temp_dir.hpp"

using namespace award;
using packs_test::contains;
using packs_test::source;

namespace {

const Policy& benxi() {
    static const Policy p = load_policy_pack(source("templates/policies/benxi.json"));
    return p;
}

const Date kDeadline(2026, 6, 30);  // 2026 届申报截止日 (samples/benxi-2026)

// An applicant that meets every condition of 第十一条, 第十二条, 第十五条, 第三十条–第三十二条.
Applicant eligible() {
    Applicant a;
    a.name = "本溪龙泰制药股份有限公司";
    a.credit_code = "91210503119403528N";
    a.award = "市长质量奖";
    a.region = "溪湖区";
    a.address = "本溪市溪湖区石桥子经济开发区药都大街18号";
    a.founded = Date(2003, 4, 16);
    a.industry = "医药制造业";
    a.licences_valid = true;
    a.policy_compliant = true;
    a.quality_system_certified = true;
    a.recommendation = Recommendation{"本溪市工业和信息化局", "相关主管部门"};
    return a;
}

EligibilityResult judge(const Applicant& a) { return packs_test::eligibility(benxi(), kDeadline, a); }

std::vector<CheckResult> failures(const EligibilityResult& r) {
    std::vector<CheckResult> out;
    for (const auto& c : r.checks)
        if (!c.passed) out.push_back(c);
    return out;
}

// Accepted, every check of the pack run and passed.
void accepted(const Applicant& a) {
    const EligibilityResult r = judge(a);
    INFO(a.name);
    CHECK(r.accepted);
    CHECK(r.checks.size() == 13);
    for (const auto& c : failures(r)) FAIL_CHECK(c.check_id + ": " + c.reason);
}

// Not accepted for exactly one check, which cites `article`; its reason (the letter's
// sentence) names the article and contains `reason_part`. Returns that result.
CheckResult rejected_by(const Applicant& a, const std::string& check_id, const std::string& article,
                        const std::string& reason_part) {
    const EligibilityResult r = judge(a);
    const auto failed = failures(r);
    INFO(a.name);
    CHECK_FALSE(r.accepted);
    REQUIRE(failed.size() == 1);
    const CheckResult& f = failed.front();
    CHECK(f.check_id == check_id);
    CHECK(f.article == article);
    CHECK(contains(f.reason, "《本溪市市长质量奖管理办法》" + article));
    CHECK(contains(f.reason, reason_part));
    CHECK(r.failed_articles() == article);
    return f;
}

Incident incident(Date d, std::string kind, std::string severity) {
    return Incident{d, std::move(kind), std::move(severity), ""};
}

PriorAward revoked(std::string award, Date awarded, Date revoked_on, std::string reason) {
    return PriorAward{std::move(award), awarded, revoked_on, std::move(reason)};
}

// ---- a review cycle on the real pack: every reviewer gives one percentage to every item,
// so a reviewer's total is 10 × that percentage (the pack's items add up to 1000).

struct Cycle : packs_test::ReviewCycle {
    Cycle() : ReviewCycle(benxi(), kDeadline, Date(2026, 7, 10), packs_test::sheet_items(benxi())) {
        group("资料评审组", "material", {"M1", "M2", "M3"});
        group("现场评审组", "onsite", {"S1", "S2", "S3"});
    }
    // An accepted applicant for 市长质量奖 scored `material` % and `onsite` % by every reviewer.
    std::string applicant(const std::string& name, int material, int onsite, std::vector<PriorAward> prior = {}) {
        Applicant a;
        a.award = "市长质量奖";
        a.prior_awards = std::move(prior);
        return add_applicant(a, name, material, onsite);
    }
    ReviewDecision run() {
        c.review.advancement = {StageAdvancement{"onsite", static_cast<int>(c.applicants.size()), {}, {}, "case.json"}};
        return ReviewCycle::run();
    }
    std::vector<std::string> winners(const std::vector<AwardGrant>& gs) const { return grants(gs, true, true); }
};

const PriorAward nomination_2024{"市长质量奖提名奖", Date(2024, 11, 29), std::nullopt};
const PriorAward main_2020{"市长质量奖", Date(2020, 11, 27), std::nullopt};

}  // namespace

// ---------------------------------------------------------------- awards, quotas, money, cycle

TEST_CASE("BX-第四条 two 市长质量奖 and five 提名奖 per cycle, every 2 years, the award valid 5 years") {
    const Policy& p = benxi();
    CHECK(p.id == "benxi");
    CHECK(p.regulation == "本溪市市长质量奖管理办法");
    CHECK(p.cycle.years == 2);
    CHECK(p.cycle.article == "第四条");
    CHECK(p.award_validity.years == 5);
    CHECK(p.award_validity.article == "第四条");
    REQUIRE(p.awards.size() == 2);
    const AwardSpec* main = p.find_award_by_name("市长质量奖");
    const AwardSpec* nomination = p.find_award_by_name("市长质量奖提名奖");
    REQUIRE(main);
    REQUIRE(nomination);
    CHECK(main->quota == 2);
    CHECK(main->article == "第四条");
    CHECK(main->open_to_application);
    CHECK(nomination->quota == 5);
    CHECK(nomination->article == "第四条");
    // 第二条: 提名奖 is not applied for; it goes to 市长质量奖 applicants by rank.
    CHECK_FALSE(nomination->open_to_application);
    CHECK(nomination->conferral.candidates_from == std::vector<std::string>{"市长质量奖"});
}

TEST_CASE("BX-第四条 after the 2 places of 市长质量奖 the next five in rank get 提名奖, the eighth nothing") {
    Cycle cy;
    const char* names[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"};
    int percent = 90;
    for (const char* n : names) {  // 900, 850, … 550
        cy.applicant(n, percent, percent);
        percent -= 5;
    }
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    CHECK(cy.winners(d.outcome.winners) ==
          std::vector<std::string>{"甲:市长质量奖:200000", "乙:市长质量奖:200000", "丙:市长质量奖提名奖:100000",
                                   "丁:市长质量奖提名奖:100000", "戊:市长质量奖提名奖:100000",
                                   "己:市长质量奖提名奖:100000", "庚:市长质量奖提名奖:100000"});
    CHECK(contains(d.outcome.winners[0].reason, "第四条"));
    CHECK(contains(d.outcome.winners[6].reason, "第四条"));
    CHECK(d.outcome.vacancies.empty());
}

TEST_CASE("BX-第四条 an award may be left vacant: with three candidates, 提名奖 keeps four places empty") {
    Cycle cy;
    cy.applicant("甲", 90, 90);
    cy.applicant("乙", 85, 85);
    cy.applicant("丙", 80, 80);
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    REQUIRE(d.outcome.vacancies.size() == 1);
    CHECK(d.outcome.vacancies[0].award == "市长质量奖提名奖");
    CHECK(d.outcome.vacancies[0].places == 4);
    CHECK(contains(d.outcome.vacancies[0].reason, "第四条"));
}

TEST_CASE("BX-第二十五条 20万元 for 市长质量奖, 10万元 for 提名奖, and a nominee winning the main award gets the 10万元 difference") {
    const AwardSpec* main = benxi().find_award_by_name("市长质量奖");
    const AwardSpec* nomination = benxi().find_award_by_name("市长质量奖提名奖");
    REQUIRE(main);
    REQUIRE(nomination);
    CHECK(main->prize_yuan == 200000);
    CHECK(main->prize_article == "第二十五条");
    CHECK(nomination->prize_yuan == 100000);
    CHECK(nomination->prize_article == "第二十五条");
    REQUIRE(main->holder_prizes.size() == 1);
    CHECK(main->holder_prizes[0].holds == "市长质量奖提名奖");
    CHECK(main->holder_prizes[0].prize_yuan == 100000);
    CHECK(main->holder_prizes[0].article == "第二十五条");

    // 乙 got 提名奖 in 2024 and now wins 市长质量奖: the difference only.
    Cycle cy;
    cy.applicant("甲", 90, 90);
    cy.applicant("乙", 85, 85, {nomination_2024});
    cy.applicant("丙", 80, 80);
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(cy.winners(d.outcome.winners) ==
          std::vector<std::string>{"甲:市长质量奖:200000", "乙:市长质量奖:100000", "丙:市长质量奖提名奖:100000"});
    CHECK(contains(d.outcome.winners[1].reason, "已获市长质量奖提名奖，奖金为差额 100000 元（第二十五条）"));
}

// ---------------------------------------------------------------- eligibility (第十一条 and the rest)

TEST_CASE("BX-第十一条 an applicant meeting every condition is accepted after 13 checks") {
    accepted(eligible());
    CHECK(benxi().rejection_article == "第十六条");
    CHECK(benxi().find_award_by_name("市长质量奖")->checks.size() == 13);
    CHECK(benxi().find_award_by_name("市长质量奖提名奖")->checks.empty());  // not applied for
}

TEST_CASE("BX-第十一条（二） registered in 平山区 (a district of 本溪市) passes, in 沈阳市 fails") {
    Applicant a = eligible();
    for (const char* region : {"平山区", "溪湖区", "明山区", "南芬区", "本溪满族自治县", "桓仁满族自治县", "本溪市"}) {
        a.region = region;
        accepted(a);
    }
    a.region = "沈阳市浑南区";
    const CheckResult f = rejected_by(a, "bx-11-region", "第十一条（二）", "贵单位注册地为沈阳市浑南区，不在本溪市行政区域内");
    CHECK(contains(f.reason, "“在本溪市行政区域内登记注册”"));
    a.region = "沈阳市";
    rejected_by(a, "bx-11-region", "第十一条（二）", "不在本溪市行政区域内");
}

TEST_CASE("BX-第十一条（二） operating exactly 3 years on the deadline passes, a day short fails") {
    Applicant a = eligible();
    a.founded = Date(2023, 6, 30);
    accepted(a);
    a.founded = Date(2023, 7, 1);
    rejected_by(a, "bx-11-years", "第十一条（二）", "贵单位成立于2023年7月1日，截至申报截止日2026年6月30日运营不满3年");
    // No 小巨人 reduction in 本溪市: the designation does not shorten the 3 years.
    a.designations = {"专精特新小巨人"};
    rejected_by(a, "bx-11-years", "第十一条（二）", "运营不满3年");
}

TEST_CASE("BX-第十一条（一） no declaration of compliance with the law and policies excludes") {
    Applicant a = eligible();
    a.policy_compliant = false;
    rejected_by(a, "bx-11-compliance", "第十一条（一）", "未声明遵守国家法律法规和有关政策");
}

TEST_CASE("BX-第十一条（三） no certified, effective quality management system excludes") {
    Applicant a = eligible();
    a.quality_system_certified = false;
    rejected_by(a, "bx-11-qms", "第十一条（三）", "未声明通过质量管理体系认证并有效运行");
}

TEST_CASE("BX-第十五条 a recommendation from a 主管部门, a 市行业协会 or a 县（区）市场监管部门 passes — none or another level fails") {
    Applicant a = eligible();
    a.recommendation = Recommendation{"本溪市医药行业协会", "市行业协会"};
    accepted(a);
    a.recommendation = Recommendation{"本溪市平山区市场监督管理局", "县（区）市场监管部门"};
    accepted(a);
    a.recommendation.reset();
    rejected_by(a, "bx-15-recommendation", "第十五条", "贵单位未填写推荐单位");
    a.recommendation = Recommendation{"本溪满族自治县草河口镇人民政府", "乡镇人民政府"};
    const CheckResult f = rejected_by(a, "bx-15-recommendation", "第十五条",
                                      "所获推荐来自本溪满族自治县草河口镇人民政府（乡镇人民政府）");
    CHECK(contains(f.reason, "“经相关主管部门、市行业协会或县（区）市场监管部门签署推荐意见”"));
}

TEST_CASE("BX-第十一条（六） a 重大 quality, safety or environmental accident in the last 3 years excludes — 较大 or earlier does not") {
    Applicant a = eligible();
    a.incidents = {incident(Date(2025, 3, 14), "安全事故", "较大"),          // below 重大
                   incident(Date(2023, 6, 30), "环保事故", "重大")};          // exactly 3 years before: outside
    accepted(a);
    for (const char* kind : {"质量事故", "安全事故", "环保事故"}) {
        a.incidents = {incident(Date(2023, 7, 1), kind, "重大")};  // the window's first day
        const CheckResult f = rejected_by(a, "bx-11-accidents", "第十一条（六）", std::string("于2023年7月1日发生重大") + kind);
        CHECK(contains(f.reason, "“近3年内无重大质量、安全和环保等责任事故”"));
    }
    a.incidents = {incident(Date(2025, 9, 16), "质量事故", "特别重大")};
    rejected_by(a, "bx-11-accidents", "第十一条（六）", "特别重大质量事故");
}

TEST_CASE("BX-第十一条（六） on the 经营异常名录 or the 严重违法失信名单 in the last 3 years excludes") {
    Applicant a = eligible();
    a.incidents = {incident(Date(2023, 6, 30), "列入经营异常名录", "一般")};
    accepted(a);
    a.incidents = {incident(Date(2024, 5, 20), "列入经营异常名录", "一般")};
    rejected_by(a, "bx-11-lists", "第十一条（六）", "贵单位于2024年5月20日被列入经营异常名录");
    a.incidents = {incident(Date(2025, 2, 10), "列入严重违法失信名单", "一般")};
    const CheckResult f = rejected_by(a, "bx-11-lists", "第十一条（六）", "贵单位于2025年2月10日被列入严重违法失信名单");
    CHECK(contains(f.reason, "“未列入经营异常名录、严重违法失信名单”"));
    // Both lists, both entries: every counted record is listed, the latest first, without a severity.
    a.incidents.push_back(incident(Date(2024, 5, 20), "列入经营异常名录", "一般"));
    CHECK(rejected_by(a, "bx-11-lists", "第十一条（六）", "").reason ==
          "贵单位于2025年2月10日被列入严重违法失信名单，于2024年5月20日被列入经营异常名录，"
          "属申报截止日2026年6月30日前3年内发生的事项，"
          "不符合《本溪市市长质量奖管理办法》第十一条（六）关于“未列入经营异常名录、严重违法失信名单”的规定。");
}

TEST_CASE("BX-第十一条（六） an administrative penalty in the last 3 years excludes") {
    Applicant a = eligible();
    a.incidents = {incident(Date(2023, 6, 30), "行政处罚", "一般")};
    accepted(a);
    a.incidents = {incident(Date(2025, 6, 12), "行政处罚", "一般")};
    const CheckResult f = rejected_by(a, "bx-11-penalties", "第十一条（六）", "贵单位于2025年6月12日受到行政处罚");
    CHECK(contains(f.reason, "“无行政处罚记录”"));
}

TEST_CASE("BX-第十一条（六） a failed national, provincial or city spot check in the last 3 years excludes") {
    Applicant a = eligible();
    a.incidents = {incident(Date(2023, 6, 30), "监督抽查不合格", "一般")};
    accepted(a);
    a.incidents = {incident(Date(2025, 4, 8), "监督抽查不合格", "一般")};
    const CheckResult f = rejected_by(a, "bx-11-spot-check", "第十一条（六）", "贵单位于2025年4月8日在监督抽查中被判定不合格");
    CHECK(contains(f.reason, "“在国家、省、市监督抽查中无不合格情况”"));
    // A penalty for the same product is a second reason under the same item.
    a.incidents.push_back(incident(Date(2025, 6, 12), "行政处罚", "一般"));
    const EligibilityResult r = judge(a);
    CHECK_FALSE(r.accepted);
    CHECK(failures(r).size() == 2);
    CHECK(r.failed_articles() == "第十一条（六）");
}

TEST_CASE("BX-第十二条 a 市长质量奖 winner may apply again only 5 years after: 2020 passes, 2022 fails") {
    Applicant a = eligible();
    a.prior_awards = {main_2020};
    accepted(a);
    a.prior_awards = {PriorAward{"市长质量奖", Date(2021, 6, 30), std::nullopt}};  // exactly 5 years
    accepted(a);
    a.prior_awards = {PriorAward{"市长质量奖", Date(2022, 11, 25), std::nullopt}};
    const CheckResult f = rejected_by(a, "bx-12-cooldown", "第十二条",
                                      "贵单位已于2022年11月25日获得市长质量奖，至申报截止日2026年6月30日未满5年（2027年11月25日起方可再次申报）");
    CHECK(contains(f.reason, "“获得市长质量奖的组织获奖5年之后方可再次申报”"));
}

TEST_CASE("BX-第十二条 a 提名奖 holder may apply for 市长质量奖 at once") {
    Applicant a = eligible();
    a.prior_awards = {nomination_2024};
    accepted(a);
}

TEST_CASE("BX-第十二条 a re-winner of 市长质量奖 gets plaque and certificate only: no money, no quota place") {
    CHECK(benxi().find_award_by_name("市长质量奖")->conferral.repeat_article == "第十二条");
    Cycle cy;
    cy.applicant("甲", 90, 90);
    cy.applicant("乙", 85, 85, {main_2020});
    cy.applicant("丙", 80, 80);
    cy.applicant("丁", 75, 75);
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(cy.winners(d.outcome.winners) == std::vector<std::string>{"甲:市长质量奖:200000", "丙:市长质量奖:200000",
                                                                    "乙:市长质量奖(再次):0", "丁:市长质量奖提名奖:100000"});
    CHECK(contains(d.outcome.winners[2].reason, "不授予奖金，不占当年名额（第十二条）"));
}

TEST_CASE("BX-第十二条 a 提名奖 holder ranked within the 提名奖 places is passed over, never given 提名奖 again") {
    const auto& how = benxi().find_award_by_name("市长质量奖提名奖")->conferral;
    CHECK(how.excluded_holders == std::vector<std::string>{"市长质量奖提名奖"});
    CHECK(how.excluded_holders_article == "第十二条");
    Cycle cy;
    cy.applicant("甲", 90, 90);
    cy.applicant("乙", 85, 85);
    cy.applicant("丙", 80, 80, {nomination_2024});
    cy.applicant("丁", 75, 75);
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(cy.winners(d.outcome.winners) ==
          std::vector<std::string>{"甲:市长质量奖:200000", "乙:市长质量奖:200000", "丁:市长质量奖提名奖:100000"});
    REQUIRE(d.outcome.passed_over.size() == 1);
    CHECK(cy.c.applicants[d.outcome.passed_over[0].applicant_index].name == "丙");
    CHECK(d.outcome.passed_over[0].award == "市长质量奖提名奖");
    CHECK(d.outcome.passed_over[0].reason == "已获市长质量奖提名奖，不再重复授予市长质量奖提名奖（第十二条）");
}

TEST_CASE("BX-第三十条 false application material found in the last 5 years excludes (found exactly 5 years before still counts)") {
    Applicant a = eligible();
    a.incidents = {incident(Date(2021, 6, 29), "隐瞒情况或提供虚假申报材料", "一般")};
    accepted(a);
    a.incidents = {incident(Date(2021, 6, 30), "隐瞒情况或提供虚假申报材料", "一般")};  // window inclusive_start
    rejected_by(a, "bx-30-false-material", "第三十条", "贵单位于2021年6月30日被认定申报时隐瞒有关情况或者提供虚假材料");
    a.incidents = {incident(Date(2022, 9, 5), "隐瞒情况或提供虚假申报材料", "一般")};
    const CheckResult f = rejected_by(a, "bx-30-false-material", "第三十条", "属申报截止日2026年6月30日前5年内发生的事项");
    CHECK(contains(f.reason, "“申报组织隐瞒有关情况或者提供虚假材料进行申报的，5年内不予受理其申报”"));
}

TEST_CASE("BX-第三十一条 an award revoked for 弄虚作假 or 行贿 bars every application for 10 years") {
    Applicant a = eligible();
    for (const char* reason : {"弄虚作假", "行贿"}) {
        a.prior_awards = {revoked("市长质量奖", Date(2018, 11, 30), Date(2019, 8, 16), reason)};
        const CheckResult f = rejected_by(a, "bx-31-fraud-ban", "第三十一条",
                                          "贵单位所获市长质量奖已于2019年8月16日因以不正当手段获奖被撤销，至申报截止日2026年6月30日未满10年（2029年8月16日起方可再次申报）");
        CHECK(contains(f.reason, "“被撤销奖项的组织10年内不得参加各类质量奖项的申报”"));
    }
    // Ten years after: accepted.
    a.prior_awards = {revoked("市长质量奖", Date(2014, 11, 28), Date(2016, 6, 30), "弄虚作假")};
    accepted(a);
    // A 提名奖 revoked for fraud counts too (各类质量奖项).
    a.prior_awards = {revoked("市长质量奖提名奖", Date(2020, 11, 27), Date(2021, 3, 1), "行贿")};
    rejected_by(a, "bx-31-fraud-ban", "第三十一条", "所获市长质量奖提名奖已于2021年3月1日因以不正当手段获奖被撤销");
}

TEST_CASE("BX-第三十二条 revoked for an accident in 2025: barred from this cycle — revoked in 2023: 2024 was its next cycle") {
    Applicant a = eligible();
    a.prior_awards = {revoked("市长质量奖", Date(2020, 11, 27), Date(2025, 4, 22), "事故")};
    const CheckResult f = rejected_by(a, "bx-32-next-cycle-ban", "第三十二条",
                                      "贵单位所获市长质量奖已于2025年4月22日被撤销，本届为撤销后的下一届评审");
    CHECK(contains(f.reason, "“被撤销奖项的组织不得参加下一届市长质量奖的评审”"));
    a.prior_awards = {revoked("市长质量奖", Date(2018, 11, 30), Date(2023, 4, 18), "事故")};
    accepted(a);
    // An accident revocation is not a 第三十一条 revocation: no 10-year ban after 2019.
    a.prior_awards = {revoked("市长质量奖", Date(2018, 11, 30), Date(2019, 8, 16), "事故")};
    accepted(a);
}

// ---------------------------------------------------------------- procedure (第十三条–第二十三条, 第三十三条)

TEST_CASE("BX-第十六条 the acceptance list is publicised 5 working days — letters not accepting cite 第十六条") {
    const Policy& p = benxi();
    REQUIRE(p.acceptance_publicity);
    CHECK(p.acceptance_publicity->length == 5);
    CHECK(p.acceptance_publicity->unit == PeriodUnit::WorkingDays);
    CHECK(p.acceptance_publicity->article == "第十六条");
    CHECK(p.rejection_article == "第十六条");
    const PublicityPeriod period = publicity_period(packs_test::holidays(), Date(2026, 7, 13), *p.acceptance_publicity);
    CHECK(period.end == Date(2026, 7, 17));
    CHECK(period.article == "第十六条");
}

TEST_CASE("BX-第十三条 the review runs 资料评审 (第十八条) then 现场评审 (第十九条) — the review group names who goes on site") {
    const ReviewSpec& r = benxi().review;
    CHECK(benxi().review_article == "第十三条");
    REQUIRE(r.stages.size() == 2);
    CHECK(r.stages[0].id == "material");
    CHECK(r.stages[0].name == "资料评审");
    CHECK(r.stages[0].article == "第十八条");
    CHECK(r.stages[1].id == "onsite");
    CHECK(r.stages[1].name == "现场评审");
    CHECK(r.stages[1].article == "第十九条");
    CHECK(r.stages[1].advancement_article == "第十八条");
    CHECK(r.stages[1].advancement_ratio_tenths == 0);  // no ratio: the case gives the count

    Cycle cy;
    cy.applicant("甲", 90, 90);
    cy.applicant("乙", 85, 85);
    const std::string bing = cy.applicant("丙", 60, 60);
    for (auto& s : cy.c.sheets)  // 丙 does not go on site: no on-site sheet for it
        if (s.stage == "onsite")
            s.applicants.erase(std::remove_if(s.applicants.begin(), s.applicants.end(),
                                              [&](const ApplicantScores& a) { return a.credit_code == bing; }),
                               s.applicants.end());
    cy.c.review.advancement = {StageAdvancement{"onsite", 2, {}, {}, "case.json"}};
    auto d = decide_review(cy.policy, cy.c, cy.acceptance, packs_test::holidays());
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.advancements.size() == 1);
    CHECK(d.outcome.advancements[0].not_advanced == std::vector<std::size_t>{2});
    CHECK(contains(d.outcome.advancements[0].rule_text, "（第十八条）"));
}

TEST_CASE("BX-第二十条 the total is 资料评审 30% plus 现场评审 70%, rounded once to 1 decimal") {
    const ReviewSpec& r = benxi().review;
    CHECK(r.weights == std::vector<std::pair<std::string, int>>{{"material", 30}, {"onsite", 70}});
    CHECK(r.total_article == "第二十条");
    CHECK(r.ranking_article == "第二十条");
    CHECK(r.rounding_decimals == 1);

    // Material 3 × 80 % → 800; on site 75 %, 80 %, 80 % → 783.33…; 240 + 548.333… = 788.333… → 788.3.
    Cycle cy;
    cy.applicant("甲", 80, 80);
    for (auto& s : cy.c.sheets)
        if (s.reviewer == "S1") s.applicants[0].percents.assign(cy.items(), 75);
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    REQUIRE(d.outcome.ranking.size() == 1);
    CHECK(d.outcome.ranking[0].total_units == 7883);
    CHECK(d.outcome.ranking[0].total.text(1) == "788.3");
}

TEST_CASE("BX-第二十一条 the proposed winners are publicised 5 working days: from 30 September past 国庆 to 12 October 2026") {
    const PublicitySpec& p = benxi().review.publicity;
    CHECK(p.length == 5);
    CHECK(p.unit == PeriodUnit::WorkingDays);
    CHECK(p.article == "第二十一条");
    const PublicityPeriod period = publicity_period(packs_test::holidays(), Date(2026, 9, 30), p);
    // 9-30, 10-8, 10-9, 10-10 (调休上班), 10-12.
    CHECK(period.end == Date(2026, 10, 12));
}

TEST_CASE("BX-第二十三条 a proposed winner removed after an objection is not replaced from the ranking") {
    CHECK_FALSE(benxi().review.refill_after_objection);
    CHECK(benxi().review.refill_article == "第二十三条");
    Cycle cy;
    cy.applicant("甲", 90, 90);
    const std::string yi = cy.applicant("乙", 85, 85);
    cy.applicant("丙", 80, 80);
    cy.decide("objection_upheld", yi, Date(2026, 10, 9), "公示期间异议经核实成立");
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    CHECK(cy.winners(d.outcome.winners) == std::vector<std::string>{"甲:市长质量奖:200000", "丙:市长质量奖提名奖:100000"});
    auto v = std::find_if(d.outcome.vacancies.begin(), d.outcome.vacancies.end(),
                          [](const Vacancy& x) { return x.award == "市长质量奖"; });
    REQUIRE(v != d.outcome.vacancies.end());
    CHECK(contains(v->reason, "不进行递补（第二十三条）"));
}

TEST_CASE("BX-第三十三条 a reviewer with an interest recuses: that score never counts, and four counted scores are a plain mean") {
    CHECK(benxi().review.recusal_article == "第三十三条");
    Cycle cy;
    cy.c.panel.groups[0].members = {"M1", "M2", "M3", "M4", "M5"};
    for (const char* id : {"M4", "M5"}) cy.reviewer(id);
    const std::string code = cy.applicant("甲", 80, 80);
    // M1 declared an interest: its sheet goes; M2–M5 give 60, 70, 80, 95 %.
    cy.conflict("M1", code, "近三年为该单位提供过咨询服务");
    cy.c.sheets.erase(std::remove_if(cy.c.sheets.begin(), cy.c.sheets.end(),
                                     [](const ScoreSheet& s) { return s.reviewer == "M1"; }),
                      cy.c.sheets.end());
    const std::vector<std::pair<std::string, int>> given = {{"M2", 60}, {"M3", 70}, {"M4", 80}, {"M5", 95}};
    for (auto& s : cy.c.sheets)
        for (const auto& [id, percent] : given)
            if (s.reviewer == id) s.applicants[0].percents.assign(cy.items(), percent);
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    const StageScore* s = d.outcome.find("material", 0);
    REQUIRE(s);
    CHECK(s->reviewers[0].recused);
    CHECK(s->counted == 4);
    // (600 + 700 + 800 + 950) / 4 = 762.5: fewer than 5 counted, nobody dropped (第八条（一）, the pack's rule).
    CHECK(s->aggregate.text(1) == "762.5");
    CHECK(benxi().review.stages[0].aggregation.trim_min_reviewers == 5);
}

// ---------------------------------------------------------------- after the award

TEST_CASE("BX-第二十八条 the title may be used within the 5-year validity stating the award year — duties of 第二十七条 and 第二十九条") {
    const Policy& p = benxi();
    REQUIRE(p.obligations.size() == 3);
    CHECK(p.obligations[0].article == "第二十八条");
    CHECK(contains(p.obligations[0].text, "在有效期（5年）内，可在形象宣传中使用获奖称号，但需注明获奖年度"));
    CHECK(contains(p.obligations[0].text, "禁止将称号及标志用于具体产品的广告、宣传、说明和包装"));
    CHECK(p.obligations[1].article == "第二十七条");
    CHECK(contains(p.obligations[1].text, "推广实施卓越绩效管理经验"));
    CHECK(p.obligations[2].article == "第二十九条");
    CHECK(contains(p.obligations[2].text, "激励资金主要用于"));
    CHECK(p.award_validity.years == 5);
    CHECK(p.certificates.article == "第二十四条");
    CHECK(p.certificates.number_pattern == "BX{year}{award_code}{seq:3}");
}

namespace {

const std::string kHolder = "9121050212093811A9";

HigherAwardFact higher(long long id, const std::string& award, Date on, std::optional<int> paid_in = std::nullopt) {
    return {id, kHolder, "本溪北方机械重汽有限责任公司", award, on, std::nullopt, paid_in};
}

std::map<std::string, std::vector<HeldAward>> mayor_award_2024() {
    return {{kHolder, {{"市长质量奖", 2024, Date(2024, 11, 29)}}}};
}

}  // namespace

TEST_CASE("BX-第二十五条第三款 a 市长质量奖 holder who later wins 中国质量奖, 提名奖 or 省长质量奖 gets 20万, 10万, 10万 once") {
    const Date sheet(2026, 12, 18);
    const auto held = mayor_award_2024();
    const std::vector<HigherAwardFact> facts = {higher(1, "辽宁省省长质量奖", Date(2025, 9, 26)),
                                                higher(2, "中国质量奖提名奖", Date(2026, 3, 1)),
                                                higher(3, "中国质量奖", Date(2026, 9, 1))};
    const TopUpDecision d = decide_top_ups(benxi(), 2026, sheet, facts, held);
    REQUIRE(d.due.size() == 3);
    CHECK(d.due[0].prize_yuan == 100000);
    CHECK(d.due[1].prize_yuan == 100000);
    CHECK(d.due[2].prize_yuan == 200000);
    for (const auto& t : d.due) CHECK(t.article == "第二十五条第三款");
    CHECK(d.due[0].basis() == "2024年度市长质量奖获得者，2025年9月26日获辽宁省省长质量奖");
    CHECK(d.notes.empty());

    // Paid by the 2026 cycle: the 2028 cycle does not pay it again; the 2026 cycle rerun still lists it.
    const std::vector<HigherAwardFact> paid = {higher(1, "辽宁省省长质量奖", Date(2025, 9, 26), 2026)};
    CHECK(decide_top_ups(benxi(), 2028, Date(2028, 12, 1), paid, held).due.empty());
    CHECK(decide_top_ups(benxi(), 2026, sheet, paid, held).due.size() == 1);

    // "省长质量奖" as written in the regulation is the same award.
    CHECK(decide_top_ups(benxi(), 2026, sheet, {higher(4, "省长质量奖", Date(2025, 9, 26))}, held).due.size() == 1);
}

TEST_CASE("BX-第二十五条第三款 no top-up without the 市长质量奖, after a revocation, for an unknown award, or before the higher award") {
    const Date sheet(2026, 12, 18);
    const std::vector<HigherAwardFact> facts = {higher(1, "辽宁省省长质量奖", Date(2025, 9, 26))};

    // Only the 提名奖: 第二十五条第三款 tops up holders of 市长质量奖.
    auto nominee = decide_top_ups(benxi(), 2026, sheet, facts, {{kHolder, {{"市长质量奖提名奖", 2024, Date(2024, 11, 29)}}}});
    CHECK(nominee.due.empty());
    REQUIRE(nominee.notes.size() == 1);
    CHECK(contains(nominee.notes[0], "未获得市长质量奖"));
    CHECK(contains(nominee.notes[0], "第二十五条第三款"));

    // 市长质量奖 won after the higher award does not count; nor one revoked by the sheet's date.
    CHECK(decide_top_ups(benxi(), 2026, sheet, facts, {{kHolder, {{"市长质量奖", 2025, Date(2025, 12, 1)}}}}).due.empty());
    auto revoked = decide_top_ups(benxi(), 2026, sheet, facts,
                                  {{kHolder, {{"市长质量奖", 2024, Date(2024, 11, 29), Date(2026, 5, 1)}}}});
    CHECK(revoked.due.empty());
    CHECK(contains(revoked.notes.at(0), "已被撤销"));

    // An award the regulation does not name, e.g. a city's own prize.
    auto unknown = decide_top_ups(benxi(), 2026, sheet, {higher(1, "本溪市质量标杆", Date(2025, 9, 26))}, mayor_award_2024());
    CHECK(unknown.due.empty());
    CHECK(contains(unknown.notes.at(0), "不是本办法规定追加激励资金的奖项"));

    // A higher award after the sheet's date waits for the next cycle.
    auto later = decide_top_ups(benxi(), 2026, sheet, {higher(1, "中国质量奖", Date(2027, 1, 5))}, mayor_award_2024());
    CHECK(later.due.empty());
    CHECK(contains(later.notes.at(0), "在下一届列出"));

    // Paid on paper before the registry (bonus_yuan imported): not again.
    HigherAwardFact on_paper = facts[0];
    on_paper.paid_before_registry = 100000;
    auto paper = decide_top_ups(benxi(), 2026, sheet, {on_paper}, mayor_award_2024());
    CHECK(paper.due.empty());
    CHECK(contains(paper.notes.at(0), "登记前发放"));
}
