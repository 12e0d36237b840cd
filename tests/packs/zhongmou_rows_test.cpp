// 中牟县 (ZM): every row of POLICIES.md for the pack, on the REAL templates/policies/zhongmou.json.
// Eligibility rows run the pack's own checks on an applicant built here (pass, fail and the
// boundaries) and assert the decision and the article cited in the reason; the rows on the
// award, the review, the publicity and after the award assert on the loaded Policy or on a
// review set up by hand (as tests/rules/review_test.cpp does) with the pack's 23-item sheet.
// Reference date: the sample's deadline 2026-06-30, cycle 2026 (近3年 of 第十四条(五): 2023–2025).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "packs/policy_pack.hpp"
#include "rules/eligibility.hpp"
#include "rules/review.hpp"
#include "pack_rows.hpp"
#include "review_cycle_fixture.hpp"
#include "temp_dir.hpp"

using award::Applicant;
using award::CheckResult;
using award::Date;
using award::EligibilityResult;
using award::Incident;
using award::PriorAward;
using award::Recommendation;
using packs_test::contains;
using packs_test::source;

namespace {

const award::Policy& zm() {
    static const award::Policy p = award::load_policy_pack(source("templates/policies/zhongmou.json"));
    return p;
}

const Date kDeadline{2026, 6, 30};

// Meets every condition of 第十三条 and none of 第十四条, 第二十五条, 第二十八条.
Applicant good() {
    Applicant a;
    a.name = "郑州宏润汽车零部件有限公司";
    a.credit_code = "9141012274251836X7";
    a.award = "县长质量奖";
    a.region = "中牟县";
    a.address = "郑州市中牟县汽车产业集聚区郑开大道与人文路交叉口东北角";
    a.founded = Date(2008, 4, 16);
    a.industry = "汽车制造业";
    a.licences_valid = true;
    a.policy_compliant = true;
    a.legal_form = "企业法人";
    a.recommendation = Recommendation{"中牟县工业和信息化局", "县级主管部门"};
    a.excellence_model_since = Date(2018, 3, 1);
    // 万元 → 元: 4128.60万元 = 41286000 元.
    a.financials = {{2023, 685402500, 41286000, 22153400},
                    {2024, 722168000, 45361200, 23880500},
                    {2025, 759024600, 48613700, 24978000}};
    a.source = "applicants.json: /applicants/0";
    return a;
}

EligibilityResult eligibility(const Applicant& a) { return packs_test::eligibility(zm(), kDeadline, a); }

// One check of the real pack, by id.
CheckResult check(const std::string& id, const Applicant& a) { return packs_test::run_check(zm(), kDeadline, id, a); }

// The applicant is rejected by exactly these articles, each failed reason citing its article
// within 《中牟县县长质量奖管理办法》.
void require_rejected_for(const Applicant& a, const std::vector<std::string>& articles) {
    const auto r = eligibility(a);
    CHECK_FALSE(r.accepted);
    std::vector<std::string> failed;
    for (const auto* f : r.failures()) {
        failed.push_back(f->article);
        INFO(f->reason);
        CHECK(contains(f->reason, "《中牟县县长质量奖管理办法》" + f->article));
    }
    CHECK(failed == articles);
}

void require_accepted(const Applicant& a) { packs_test::require_accepted(eligibility(a), 15); }

Incident incident(Date d, std::string kind, std::string severity = "一般", std::string description = "") {
    return Incident{d, std::move(kind), std::move(severity), std::move(description)};
}

}  // namespace

// ================================================================ 第四条: the award, quota, money, cycle

TEST_CASE("ZM-第四条 one award 县长质量奖, at most 5 a year, 30万元 each") {
    const auto& p = zm();
    CHECK(p.id == "zhongmou");
    CHECK(p.jurisdiction == "中牟县");
    CHECK(p.regulation == "中牟县县长质量奖管理办法");
    CHECK(p.award_title == "中牟县县长质量奖");
    REQUIRE(p.awards.size() == 1);
    const auto& main = p.awards[0];
    CHECK(main.name == "县长质量奖");
    CHECK(main.quota == 5);
    CHECK(main.prize_yuan == 300000);
    CHECK(main.article == "第四条");
    CHECK(main.prize_article == "第四条");
    CHECK(main.open_to_application);
    CHECK(main.conferral.by == award::AwardConferral::By::Rank);
    CHECK(main.conferral.min_total_units == 0);  // no minimum score in the text: vacancy is the committee's call
    CHECK(p.cycle.years == 1);                    // 每年评选1届
    CHECK(main.checks.size() == 15);
    CHECK(p.certificates.number_pattern == "ZM{year}{award_code}{seq:3}");
    CHECK(main.certificate_code == "Z");
}

TEST_CASE("ZM-第三十条 certificates are granted by 中牟县人民政府 under 第三十条") {
    CHECK(zm().certificates.article == "第三十条");
    CHECK(zm().certificates.template_file == "中牟县县长质量奖证书.json");
}

// ================================================================ 第十三条: conditions to apply

TEST_CASE("ZM-第十三条 an applicant meeting every condition is accepted, all 15 checks run") {
    require_accepted(good());
}

TEST_CASE("ZM-第十三条(一) registered outside 中牟县 is rejected citing 第十三条（一）") {
    auto a = good();
    a.region = "管城回族区";
    require_rejected_for(a, {"第十三条（一）"});
    const auto r = check("zm-13-region", a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位注册地为管城回族区，不在中牟县行政区域内，不符合《中牟县县长质量奖管理办法》第十三条（一）关于"
          "“在中牟县行政区域内设立的法人或其他组织”的规定。");
}

TEST_CASE("ZM-第十三条(一) 3 years of operation: exactly 3 years passes, one day short fails") {
    auto a = good();
    a.founded = Date(2023, 6, 30);
    CHECK(check("zm-13-years", a).passed);
    a.founded = Date(2023, 7, 1);
    const auto r = check("zm-13-years", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第十三条（一）");
    CHECK(contains(r.reason, "贵单位成立于2023年7月1日，截至申报截止日2026年6月30日运营不满3年"));
    CHECK(contains(r.reason, "第十三条（一）关于“合法运营3年以上；专精特新"));
}

TEST_CASE("ZM-第十三条(一) a 专精特新小巨人 needs only 2 years, other designations do not shorten it") {
    auto a = good();
    a.founded = Date(2024, 6, 30);  // exactly 2 years
    a.designations = {"专精特新小巨人"};
    auto r = check("zm-13-years", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "专精特新小巨人"));
    a.founded = Date(2024, 7, 1);  // one day short of 2 years
    r = check("zm-13-years", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "运营不满2年"));
    // 专精特新中小企业 is not 小巨人: 3 years.
    a.founded = Date(2023, 9, 1);
    a.designations = {"专精特新中小企业"};
    r = check("zm-13-years", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "运营不满3年"));
    CHECK(r.article == "第十三条（一）");
}

TEST_CASE("ZM-第十三条(二) 卓越绩效 for 1 year: exactly 1 year passes, one day short or not given fails") {
    auto a = good();
    a.excellence_model_since = Date(2025, 6, 30);
    CHECK(check("zm-13-excellence", a).passed);
    a.excellence_model_since = Date(2025, 7, 1);
    require_rejected_for(a, {"第十三条（二）"});
    CHECK(check("zm-13-excellence", a).reason ==
          "贵单位自2025年7月1日起实施卓越绩效管理，截至申报截止日2026年6月30日不满1年，不符合《中牟县县长质量奖管理办法》"
          "第十三条（二）关于“实施卓越绩效模式管理1年以上”的规定。");
    a.excellence_model_since.reset();
    const auto r = check("zm-13-excellence", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写实施卓越绩效起始日期，"));
}

TEST_CASE("ZM-第十三条(五) recommended by a 乡镇, a 街道办事处 or a county department, nobody else") {
    auto a = good();
    for (const auto& rec : {Recommendation{"中牟县官渡镇人民政府", "乡镇人民政府"},
                            Recommendation{"中牟县青年路街道办事处", "街道办事处"},
                            Recommendation{"中牟县工业和信息化局", "县级主管部门"}}) {
        a.recommendation = rec;
        CHECK(check("zm-13-recommendation", a).passed);
    }
    a.recommendation = Recommendation{"中牟县电子商务协会", "行业协会"};
    require_rejected_for(a, {"第十三条（五）"});
    CHECK(check("zm-13-recommendation", a).reason ==
          "贵单位所获推荐来自中牟县电子商务协会（行业协会），不属于乡镇人民政府、街道办事处、县级主管部门，"
          "不符合《中牟县县长质量奖管理办法》第十三条（五）关于“获得乡(镇)、街道办事处、县级有关主管部门推荐”的规定。");
    a.recommendation.reset();
    const auto r = check("zm-13-recommendation", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写推荐单位，"));
    CHECK(contains(r.reason, "第十三条（五）"));
}

TEST_CASE("ZM-第十三条(三)(四) leading indicators and brand are left to 材料评审, no 资格审查 check") {
    // The pack says so in its note; no check may cite those items, and 材料评审 scores 4.7 结果.
    for (const auto& c : zm().checks) {
        INFO(c.id);
        CHECK_FALSE(contains(c.article, "第十三条（三）"));
        CHECK_FALSE(contains(c.article, "第十三条（四）"));
    }
    REQUIRE(zm().review.stages.size() == 2);
    CHECK(zm().review.stages[0].name == "材料评审");
}

// ================================================================ 第十四条: none of these in the last 3 years

TEST_CASE("ZM-第十四条(一) not declaring policy compliance is rejected citing 第十四条（一）") {
    auto a = good();
    a.policy_compliant = false;
    require_rejected_for(a, {"第十四条（一）"});
    CHECK(contains(check("zm-14-policy", a).reason, "所列“不符合国家产业、环保、质量、节能减排等政策的”情形"));
}

TEST_CASE("ZM-第十四条(二) not declaring the licences is rejected citing 第十四条（二）") {
    auto a = good();
    a.licences_valid = false;
    require_rejected_for(a, {"第十四条（二）"});
    CHECK(contains(check("zm-14-licences", a).reason, "未声明具备相关资质或证照"));
    a.policy_compliant = false;
    require_rejected_for(a, {"第十四条（一）", "第十四条（二）"});
}

TEST_CASE("ZM-第十四条(三) a responsibility accident of any grade within 3 years excludes, 3 years to the day does not") {
    for (const char* kind : {"质量事故", "安全事故", "环境事故"}) {
        INFO(kind);
        auto a = good();
        a.incidents = {incident(Date(2023, 7, 1), kind, "一般", "冷库氨制冷系统阀门泄漏")};
        require_rejected_for(a, {"第十四条（三）"});
        const auto r = check("zm-14-accidents", a);
        CHECK(contains(r.reason, std::string("于2023年7月1日发生一般") + kind + "（冷库氨制冷系统阀门泄漏）"));
        CHECK(contains(r.reason, "第十四条（三）所列“发生质量、安全、环境等责任事故”情形"));
        // 3 years before the deadline to the day: outside 近3年 (exclusive_start).
        a.incidents = {incident(Date(2023, 6, 30), kind, "较大")};
        const auto out = check("zm-14-accidents", a);
        CHECK(out.passed);
        CHECK(contains(out.trace, "在窗口之前"));
    }
}

TEST_CASE("ZM-第十四条(三) an accident after the deadline still counts, and says so") {
    auto a = good();
    a.incidents = {incident(Date(2026, 7, 3), "安全事故")};
    const auto r = check("zm-14-accidents", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "系申报截止日2026年6月30日后发生的事项"));
    CHECK(r.article == "第十四条（三）");
}

TEST_CASE("ZM-第十四条(四) failed spot check, export quality claim or proven service problem excludes") {
    for (const char* kind : {"监督抽查不合格", "出口产品质量索赔", "严重服务质量问题"}) {
        INFO(kind);
        auto a = good();
        a.incidents = {incident(Date(2024, 11, 6), kind)};
        require_rejected_for(a, {"第十四条（四）"});
        CHECK(check("zm-14-accidents", a).passed);  // not an accident of (三)
        CHECK(contains(check("zm-14-spot-check", a).reason, "属于《中牟县县长质量奖管理办法》第十四条（四）所列"));
        CHECK_FALSE(contains(check("zm-14-spot-check", a).reason, "一般"));  // these kinds have no severity
    }
    auto a = good();
    a.incidents = {incident(Date(2024, 11, 6), "监督抽查不合格", "一般", "1批次酿造酱油氨基酸态氮项目不合格"),
                   incident(Date(2025, 2, 3), "出口产品质量索赔"), incident(Date(2025, 4, 1), "严重服务质量问题")};
    CHECK(check("zm-14-spot-check", a).reason ==
          "贵单位于2025年4月1日被证实存在严重服务质量问题，于2025年2月3日出口产品因质量问题被国外索赔、退货或通报调查，"
          "于2024年11月6日在监督抽查中产品被判定不合格（1批次酿造酱油氨基酸态氮项目不合格），"
          "属申报截止日2026年6月30日前3年内发生的事项，属于《中牟县县长质量奖管理办法》第十四条（四）所列"
          "“国家、省、市级监督抽查产品不合格，出口产品发生因质量问题导致国外索赔、退货、通报调查，存在严重服务质量问题被证实的”"
          "情形，不得申报县长质量奖。");
}

TEST_CASE("ZM-第十四条(五) business loss in the last 3 years excludes") {
    auto a = good();
    a.financials[1].profit_yuan = -352000;  // 2024: -35.20万元
    require_rejected_for(a, {"第十四条（五）"});
    const auto r = check("zm-14-loss", a);
    CHECK(r.reason ==
          "贵单位2024年度利润总额-35.20万元。按《中牟县县长质量奖管理办法》第十四条（五），近3年“企业生产、经营出现亏损”"
          "的不得申报县长质量奖，近3年（2023年、2024年、2025年）每一年度均须提供利润总额且不为负数。");
    a.financials[1].profit_yuan = -100;  // -0.01万元 is still a loss
    CHECK_FALSE(check("zm-14-loss", a).passed);
}

TEST_CASE("ZM-第十四条(五) a profit of exactly 0 is no loss, a loss before 2023 is outside the window") {
    auto a = good();
    a.financials[1].profit_yuan = 0;
    a.financials.push_back({2022, std::nullopt, -5000000, std::nullopt});
    const auto r = check("zm-14-loss", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "2024 0.00万元"));
    require_accepted(a);
}

TEST_CASE("ZM-第十四条(五) a year without 利润总额 is rejected: no loss cannot be confirmed") {
    auto a = good();
    a.financials.erase(a.financials.begin());  // no 2023
    require_rejected_for(a, {"第十四条（五）"});
    CHECK(contains(check("zm-14-loss", a).reason, "贵单位2023年度未填写利润总额"));
}

TEST_CASE("ZM-第十四条(六) on the joint-punishment list for serious dishonesty excludes") {
    auto a = good();
    a.incidents = {incident(Date(2025, 3, 21), "列入失信联合惩戒对象名单", "重大")};
    require_rejected_for(a, {"第十四条（六）"});
    CHECK(check("zm-14-dishonesty", a).reason ==
          "贵单位于2025年3月21日被列入失信联合惩戒对象名单，属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《中牟县县长质量奖管理办法》第十四条（六）所列"
          "“出现严重失信行为且被相关组织列入失信联合惩戒对象名单”情形，不得申报县长质量奖。");
}

TEST_CASE("ZM-第十四条(七) fraud in an award application excludes") {
    auto a = good();
    a.incidents = {incident(Date(2024, 4, 18), "申报弄虚作假", "重大")};
    require_rejected_for(a, {"第十四条（七）"});
    CHECK(check("zm-14-fraud", a).reason ==
          "贵单位于2024年4月18日被查实在县长质量奖申报中弄虚作假，属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《中牟县县长质量奖管理办法》第十四条（七）所列"
          "“参加县长质量奖评定活动存在弄虚作假等违规行为”情形，不得申报县长质量奖。");
}

TEST_CASE("ZM-第十四条(八) wage arrears to migrant workers exclude") {
    auto a = good();
    a.incidents = {incident(Date(2025, 1, 20), "拖欠农民工工资")};
    require_rejected_for(a, {"第十四条（八）"});
    CHECK(check("zm-14-wages", a).reason ==
          "贵单位于2025年1月20日被查实有拖欠农民工工资行为，属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《中牟县县长质量奖管理办法》第十四条（八）所列“有拖欠农民工工资行为的”情形，不得申报县长质量奖。");
    // Every counted record is listed, the latest first, not only the latest.
    a.incidents = {incident(Date(2024, 2, 5), "拖欠农民工工资", "一般", "物流园项目"),
                   incident(Date(2025, 1, 20), "拖欠农民工工资", "一般", "安置房项目")};
    CHECK(check("zm-14-wages", a).reason ==
          "贵单位于2025年1月20日被查实有拖欠农民工工资行为（安置房项目），于2024年2月5日被查实有拖欠农民工工资行为（物流园项目），"
          "属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《中牟县县长质量奖管理办法》第十四条（八）所列“有拖欠农民工工资行为的”情形，不得申报县长质量奖。");
    // 3 years before the deadline to the day: outside.
    a.incidents = {incident(Date(2023, 6, 30), "拖欠农民工工资")};
    CHECK(check("zm-14-wages", a).passed);
}

TEST_CASE("ZM-第十四条(九) another serious violation dealt with excludes") {
    auto a = good();
    a.incidents = {incident(Date(2024, 9, 10), "其他严重违法违规", "较大", "虚开增值税专用发票")};
    require_rejected_for(a, {"第十四条（九）"});
    const auto r = check("zm-14-other", a);
    CHECK(r.reason ==
          "贵单位于2024年9月10日因严重违法、违规、违纪行为被处理（虚开增值税专用发票），属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《中牟县县长质量奖管理办法》第十四条（九）所列“发生其他严重违法、违规、违纪行为被处理的”情形，不得申报县长质量奖。");
}

TEST_CASE("ZM-第十四条 each kind of record fails only its own item") {
    auto a = good();
    a.incidents = {incident(Date(2025, 1, 20), "拖欠农民工工资"), incident(Date(2025, 3, 21), "列入失信联合惩戒对象名单")};
    require_rejected_for(a, {"第十四条（六）", "第十四条（八）"});
}

// ================================================================ 第二十五条, 第二十八条: after an award

TEST_CASE("ZM-第二十五条 revoked title: no application for 3 years, whatever the reason") {
    auto a = good();
    for (const char* reason : {"弄虚作假", "事故", "其他", ""}) {
        INFO(reason);
        a.prior_awards = {PriorAward{"县长质量奖", Date(2022, 12, 26), Date(2024, 4, 18), reason}};
        require_rejected_for(a, {"第二十五条"});
    }
    CHECK(check("zm-25-revocation-ban", a).reason ==
          "贵单位所获县长质量奖称号已于2024年4月18日被撤销，至申报截止日2026年6月30日未满3年（2027年4月18日起方可再次申报），"
          "不符合《中牟县县长质量奖管理办法》第二十五条关于撤销称号后“3年内不得再次申报县长质量奖”的规定。");
    // Revoked 3 years before the deadline to the day: the ban is over.
    a.prior_awards = {PriorAward{"县长质量奖", Date(2021, 12, 20), Date(2023, 6, 30), "事故"}};
    CHECK(check("zm-25-revocation-ban", a).passed);
    require_accepted(a);
    a.prior_awards = {PriorAward{"县长质量奖", Date(2021, 12, 20), Date(2023, 7, 1), "事故"}};
    require_rejected_for(a, {"第二十五条"});
}

TEST_CASE("ZM-第二十八条 within the 3-year validity a winner may not re-apply, at 3 years to the day it may") {
    auto a = good();
    a.prior_awards = {PriorAward{"县长质量奖", Date(2024, 1, 15), std::nullopt}};
    require_rejected_for(a, {"第二十八条"});
    CHECK(check("zm-28-cooldown", a).reason ==
          "贵单位已于2024年1月15日获得县长质量奖，至申报截止日2026年6月30日尚在3年有效期内（2027年1月15日起方可再次申请），"
          "不符合《中牟县县长质量奖管理办法》第二十八条关于“县长质量奖有效期为3年。县长质量奖有效期满后可再次申请”的规定。");
    a.prior_awards = {PriorAward{"县长质量奖", Date(2023, 7, 1), std::nullopt}};
    require_rejected_for(a, {"第二十八条"});
    a.prior_awards = {PriorAward{"县长质量奖", Date(2023, 6, 30), std::nullopt}};
    require_accepted(a);
}

TEST_CASE("ZM-第二十八条 the award is valid 3 years and a re-winner gets no money and no quota place") {
    const auto& p = zm();
    CHECK(p.award_validity.years == 3);
    CHECK(p.award_validity.article == "第二十八条");
    CHECK(p.awards[0].conferral.repeat_article == "第二十八条");
}

// ================================================================ review (第十一条, 第十七条, 第十八条) by hand

namespace {

// A 中牟县 review of first-time and former winners on the real pack: the 3 experts of the
// 评审组 score every item of the 23-item sheet at the same percentage p, so a total is 10·p.
struct Review : packs_test::ReviewCycle {
    Review() : ReviewCycle(zm(), kDeadline, Date(2026, 7, 10), 23) {
        same_group_each_stage({"material", "onsite"}, {"E01", "E02", "E03"});
    }
    // material / onsite: every item's percentage at that stage (onsite < 0: not scored on site).
    std::string add(const std::string& name, int material, int onsite = -1) {
        return add_applicant(good(), name, material, onsite);
    }
    void advance(int count) {
        award::StageAdvancement a;
        a.stage = "onsite";
        a.count = count;
        c.review.advancement = {a};
    }
    void objection(const std::string& code) { decide("objection_upheld", code, Date(2026, 10, 9), "公示期间举报经查实"); }
    std::vector<std::string> names(const std::vector<award::AwardGrant>& gs) const { return grants(gs, false, true); }
};

}  // namespace

TEST_CASE("ZM-第十一条 the 评审组 has at least 3 experts per stage, citing 第十一条 (the upper limit of 5 is not checked)") {
    const auto& stages = zm().review.stages;
    REQUIRE(stages.size() == 2);
    for (const auto& s : stages) {
        INFO(s.id);
        CHECK(s.min_reviewers == 3);
        CHECK(s.min_reviewers_article == "第十一条");
    }
}

TEST_CASE("ZM-第十七条 资格审核, 材料评审, 现场评审, 综合评审 on the on-site score, no 受理名单公示") {
    const auto& p = zm();
    CHECK(p.rejection_article == "第十七条（四）");
    CHECK_FALSE(p.rejection_reasons_required);
    CHECK(p.review_article == "第十七条");
    CHECK_FALSE(p.acceptance_publicity);  // 资格审核 ends in a list, not a publicity
    const auto& r = p.review;
    REQUIRE(r.stages.size() == 2);
    CHECK(r.stages[0].id == "material");
    CHECK(r.stages[0].name == "材料评审");
    CHECK(r.stages[0].article == "第十七条（五）");
    CHECK(r.stages[1].id == "onsite");
    CHECK(r.stages[1].name == "现场评审");
    CHECK(r.stages[1].article == "第十七条（六）");
    CHECK(r.stages[1].advancement_ratio_tenths == 0);  // the case sets who enters 现场评审
    CHECK(r.weights == std::vector<std::pair<std::string, int>>{{"onsite", 100}});
    CHECK(r.ranking_article == "第十七条（七）");
    CHECK(r.rounding_decimals == 1);
    CHECK(r.stages[0].aggregation.method == award::AggregationSpec::Method::Mean);
}

TEST_CASE("ZM-第十七条(七) the ranking is the 现场评审 score, not the 材料评审 score") {
    Review rv;
    rv.add("甲公司", 90, 75);  // best on paper, 750 on site
    rv.add("乙公司", 80, 85);  // 850 on site
    rv.advance(2);
    const auto d = rv.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    REQUIRE(d.outcome.ranking.size() == 2);
    CHECK(rv.c.applicants[d.outcome.ranking[0].applicant_index].name == "乙公司");
    CHECK(d.outcome.ranking[0].total_units == 8500);
    CHECK(d.outcome.ranking[1].total_units == 7500);
    CHECK(contains(d.outcome.winners[0].reason, "第十七条（七）"));
}

TEST_CASE("ZM-第十七条(六) only those the case lets through 材料评审 enter 现场评审") {
    Review rv;
    rv.add("甲公司", 90, 80);
    rv.add("乙公司", 85, 80);
    rv.add("丙公司", 60);  // lowest after 材料评审: not scored on site
    rv.advance(2);
    const auto d = rv.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.advancements.size() == 1);
    CHECK(d.outcome.advancements[0].advanced.size() == 2);
    CHECK(d.outcome.advancements[0].not_advanced == std::vector<std::size_t>{2});
    CHECK(contains(d.outcome.advancements[0].rule_text, "第十七条（六）"));
}

TEST_CASE("ZM-第十七条(八) the candidates are publicised 5 working days, counted on the holiday calendar") {
    const auto& pub = zm().review.publicity;
    CHECK(pub.length == 5);
    CHECK(pub.unit == award::PeriodUnit::WorkingDays);
    CHECK(pub.article == "第十七条（八）");
    Review rv;
    rv.add("甲公司", 90, 80);
    rv.advance(1);
    rv.c.review.proposed = award::ReviewNotice{Date(2026, 9, 28), Date(2026, 9, 29), ""};
    const auto d = rv.run();
    REQUIRE(d.outcome.publicity);
    // 9-29, 9-30, (国庆 10-01..07), 10-08, 10-09, 10-10 (调休上班的星期六).
    CHECK(d.outcome.publicity->end == Date(2026, 10, 10));
    CHECK(d.outcome.publicity->article == "第十七条（八）");
}

TEST_CASE("ZM-第十七条(八) a candidate struck out after an objection is not replaced by the next in rank") {
    CHECK_FALSE(zm().review.refill_after_objection);
    CHECK(zm().review.refill_article == "第十七条（八）");
    Review rv;
    std::vector<std::string> codes;
    for (int k = 0; k < 6; ++k) codes.push_back(rv.add("单位" + std::to_string(k + 1), 85, 90 - 2 * k));
    rv.advance(6);
    rv.objection(codes[2]);
    const auto d = rv.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    CHECK(rv.names(d.outcome.proposed) == std::vector<std::string>{"单位1:300000", "单位2:300000", "单位3:300000",
                                                                   "单位4:300000", "单位5:300000"});
    CHECK(rv.names(d.outcome.winners) ==
          std::vector<std::string>{"单位1:300000", "单位2:300000", "单位4:300000", "单位5:300000"});
    REQUIRE(d.outcome.vacancies.size() == 1);
    CHECK(d.outcome.vacancies[0].places == 1);
    CHECK(contains(d.outcome.vacancies[0].reason, "不进行递补（第十七条（八））"));
}

TEST_CASE("ZM-第十八条 a reviewer with an interest recuses: the score never counts") {
    CHECK(zm().review.recusal_article == "第十八条");
    Review rv;
    const auto code = "CC-甲公司";
    rv.conflict("E02", code, "亲属在该单位任职");
    rv.add("甲公司", 80, 80);  // E02 gets no sheet for 甲公司
    rv.advance(1);
    const auto d = rv.run();
    REQUIRE(d.problems.empty());
    const award::StageScore* s = d.outcome.find("material", 0);
    REQUIRE(s != nullptr);
    CHECK(s->counted == 2);
    CHECK(s->reviewers[1].recused);
}

TEST_CASE("ZM-第二十八条 a former winner whose validity has ended wins outside the quota and without money") {
    Review rv;
    for (int k = 0; k < 5; ++k) rv.add("单位" + std::to_string(k + 1), 85, 90 - 2 * k);  // 900 … 820
    rv.add("老单位", 85, 86);  // 860: between 单位3 and 单位4
    rv.c.applicants.back().prior_awards = {PriorAward{"县长质量奖", Date(2023, 6, 30), std::nullopt}};
    rv.advance(6);
    const auto d = rv.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    // The five first-time winners fill the quota; the former winner is on top of it.
    CHECK(rv.names(d.outcome.winners) ==
          std::vector<std::string>{"单位1:300000", "单位2:300000", "单位3:300000", "单位4:300000", "单位5:300000",
                                   "老单位(再次):0"});
    CHECK(contains(d.outcome.winners[5].reason, "不授予奖金，不占当年名额（第二十八条）"));
    CHECK(d.outcome.vacancies.empty());
}

TEST_CASE("ZM-第四条 places nobody is proposed for stay vacant") {
    Review rv;
    rv.add("甲公司", 85, 80);
    rv.add("乙公司", 80, 75);
    rv.advance(2);
    const auto d = rv.run();
    REQUIRE(d.outcome.complete);
    CHECK(d.outcome.winners.size() == 2);
    REQUIRE(d.outcome.vacancies.size() == 1);
    CHECK(d.outcome.vacancies[0].places == 3);
    CHECK(contains(d.outcome.vacancies[0].reason, "第四条"));
}

// ================================================================ after the award

TEST_CASE("ZM-第二十九条 each year of the 3-year validity: self-evaluation report and performance statistics") {
    const auto& ob = zm().obligations;
    REQUIRE(ob.size() == 3);
    CHECK(ob[0].article == "第二十九条");
    CHECK(ob[0].years == 3);
    CHECK(contains(ob[0].text, "自评报告"));
    CHECK(ob[1].article == "第二十九条");
    CHECK(ob[1].years == 3);
    CHECK(contains(ob[1].text, "绩效统计调查"));
}

TEST_CASE("ZM-第三十条 using the title must state the year of the award") {
    const auto& ob = zm().obligations;
    REQUIRE(ob.size() == 3);
    CHECK(ob[2].article == "第三十条");
    CHECK(contains(ob[2].text, "标明获奖时间"));
}
