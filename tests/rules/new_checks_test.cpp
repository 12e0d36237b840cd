// The check kinds added for 中牟县, 通州区, 鹿城区 and 本溪市 (legal_form_in, tax_attributed_to,
// recommended_by, min_rating, no_loss_within, min_years_since) and the extensions of
// declaration, registered_in and ban_after_revocation. Each test builds its own small
// CheckSpec (the packs are tested in tests/packs), with a fail_text in the packs' style.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/case.hpp"
#include "model/money.hpp"
#include "model/policy.hpp"
#include "rules/check_kinds.hpp"
#include "rules/eligibility.hpp"

using award::Applicant;
using award::CheckResult;
using award::CheckSpec;
using award::Date;
using award::PriorAward;
using award::Recommendation;
using award::YearFinancials;
using nlohmann::json;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* kTail = "不符合《{regulation}》{article}关于“{requirement}”的规定。";

CheckSpec spec(std::string kind, std::string article, std::string requirement, json params, std::string head) {
    return CheckSpec{"t-" + kind, std::move(kind), std::move(article), std::move(requirement), std::move(params),
                     std::move(head) + kTail};
}

award::Policy policy() {
    award::Policy p;
    p.id = "test";
    p.jurisdiction = "中牟县";
    p.regulation = "中牟县县长质量奖管理办法";
    p.award_title = "中牟县县长质量奖";
    return p;
}

// Passes every check below with the params the tests use, on r = 2026-09-18, cycle 2026.
Applicant applicant() {
    Applicant a;
    a.name = "郑州恒达机械有限公司";
    a.credit_code = "91410122MA44XXXXXX";
    a.award = "县长质量奖";
    a.region = "中牟县";
    a.founded = Date(2012, 5, 20);
    a.industry = "通用设备制造业";
    a.legal_form = "企业法人";
    a.tax_region = "中牟县";
    a.recommendation = Recommendation{"中牟县官渡镇人民政府", "乡镇人民政府"};
    a.environmental_credit = "绿色";
    a.excellence_model_since = Date(2023, 3, 1);
    a.financials = {{2023, 1200000000, 35000000, 6000000},
                    {2024, 1300000000, 41200000, 7000000},
                    {2025, 1350000000, 12345600, 7100000}};
    a.source = "applicants.json: /applicants/0";
    return a;
}

struct Runner {
    award::Policy pol = policy();
    std::vector<award::Decision> decisions;
    Date reference{2026, 9, 18};
    int cycle = 2026;

    CheckResult run(const CheckSpec& s, const Applicant& a) const {
        award::CheckContext ctx{pol, reference, cycle, decisions};
        return award::run_check(s, a, ctx);
    }
};

// ---- the specs, as a pack would write them

CheckSpec legal_form() {
    return spec("legal_form_in", "第十三条（一）", "在中牟县行政区域内设立的法人或其他组织",
                {{"allowed", {"企业法人", "事业单位法人", "社会团体法人"}}}, "贵单位{finding}，");
}
CheckSpec tax() {
    auto s = spec("tax_attributed_to", "第十一条（一）", "缴纳税收形成的地方财政收入归属我区", {{"region", "鹿城区"}},
                  "贵单位{finding}，");
    return s;
}
CheckSpec recommended() {
    return spec("recommended_by", "第十三条（五）", "获得乡(镇)、街道办事处、县级有关主管部门推荐",
                {{"levels", {"乡镇人民政府", "街道办事处", "县级主管部门"}}}, "贵单位{finding}，");
}
CheckSpec rating(bool industrial_only) {
    json params = {{"field", "environmental_credit"},
                   {"scale", {"红色", "黄色", "蓝色", "绿色"}},
                   {"min", "蓝色"}};
    if (industrial_only) params["sections"] = {"B", "C", "D"};  // GB/T 4754-2017 工业门类
    return spec("min_rating", "第十一条（六）", "工业企业保持蓝色及以上环保信用等级", params,
                "贵单位{finding}，低于{min_rating}，");
}
CheckSpec no_loss() {
    return spec("no_loss_within", "第十四条（五）", "企业生产、经营出现亏损", {{"years", 3}},
                "贵单位{findings}，");
}
CheckSpec excellence() {
    return spec("min_years_since", "第十三条（二）", "实施卓越绩效模式管理1年以上",
                {{"field", "excellence_model_since"}, {"years", 1}}, "贵单位{finding}，");
}
CheckSpec declaration(const std::string& field) {
    return spec("declaration", "第十一条（四）", "设置有企业首席质量官", {{"field", field}},
                "贵单位在申报材料中未声明{declaration}，");
}
CheckSpec city(bool with_districts) {
    json params = {{"region", "本溪市"}};
    if (with_districts) params["includes"] = {"平山区", "溪湖区", "明山区", "南芬区", "本溪满族自治县", "桓仁满族自治县"};
    return spec("registered_in", "第十一条（二）", "在本溪市行政区域内登记注册", params,
                "贵单位注册地为{region}，不在{required_region}行政区域内，");
}
CheckSpec fraud_ban() {
    return spec("ban_after_revocation", "第三十一条", "被撤销奖项的组织10年内不得申报",
                {{"years", 10}, {"reasons", {"弄虚作假", "行贿"}}},
                "贵单位所获{award}已于{revoked_on}因{revocation_reason}被撤销，至申报截止日{reference_date}未满{years}年，");
}

}  // namespace

// ---- legal_form_in

TEST_CASE("legal_form_in passes for a listed legal form") {
    Runner w;
    auto r = w.run(legal_form(), applicant());
    CHECK(r.passed);
    CHECK(r.reason.empty());
    CHECK(r.article == "第十三条（一）");
    CHECK(r.trace == "法人类型 企业法人；要求 企业法人/事业单位法人/社会团体法人 之一；满足");
}

TEST_CASE("legal_form_in fails for a legal form not listed, citing the article and the form") {
    Runner w;
    auto a = applicant();
    a.legal_form = "个体工商户";
    auto r = w.run(legal_form(), a);
    CHECK_FALSE(r.passed);
    CHECK(r.kind == "legal_form_in");
    CHECK(r.reason ==
          "贵单位法人类型为个体工商户，不符合《中牟县县长质量奖管理办法》第十三条（一）关于“在中牟县行政区域内设立的法人或其他组织”的规定。");
    CHECK(contains(r.trace, "个体工商户"));
    CHECK(contains(r.trace, "不满足"));
}

TEST_CASE("legal_form_in fails when the legal form is not given") {
    Runner w;
    auto a = applicant();
    a.legal_form.clear();
    auto r = w.run(legal_form(), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写法人类型，"));
    CHECK(contains(r.reason, "第十三条（一）"));
    CHECK(contains(r.trace, "法人类型 （空）"));
}

// ---- tax_attributed_to

TEST_CASE("tax_attributed_to passes when the tax goes to the region") {
    Runner w;
    auto a = applicant();
    a.tax_region = "鹿城区";
    auto r = w.run(tax(), a);
    CHECK(r.passed);
    CHECK(r.trace == "税收归属地 鹿城区；要求 鹿城区；满足");
}

TEST_CASE("tax_attributed_to fails for another region and when not given") {
    Runner w;
    auto a = applicant();
    a.tax_region = "瓯海区";
    auto r = w.run(tax(), a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位税收归属地为瓯海区，不符合《中牟县县长质量奖管理办法》第十一条（一）关于“缴纳税收形成的地方财政收入归属我区”的规定。");
    a.tax_region.clear();
    r = w.run(tax(), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写税收归属地，"));
    CHECK(contains(r.reason, "第十一条（一）"));
}

// ---- recommended_by

TEST_CASE("recommended_by passes for a recommender of a listed level") {
    Runner w;
    auto a = applicant();
    CHECK(w.run(recommended(), a).passed);
    a.recommendation = Recommendation{"中牟县青年路街道办事处", "街道办事处"};
    auto r = w.run(recommended(), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "中牟县青年路街道办事处（街道办事处）"));
}

TEST_CASE("recommended_by fails for a recommender of another level, naming it") {
    Runner w;
    auto a = applicant();
    a.recommendation = Recommendation{"中牟县企业联合会", "行业协会"};
    auto s = recommended();
    s.fail_text = "贵单位的推荐单位{recommender}（{recommender_level}）不属于{allowed_levels}，" + std::string(kTail);
    auto r = w.run(s, a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位的推荐单位中牟县企业联合会（行业协会）不属于乡镇人民政府、街道办事处、县级主管部门，不符合《中牟县县长质量奖管理办法》"
          "第十三条（五）关于“获得乡(镇)、街道办事处、县级有关主管部门推荐”的规定。");
    r = w.run(recommended(), a);
    CHECK(contains(r.reason, "贵单位所获推荐来自中牟县企业联合会（行业协会），不属于乡镇人民政府、街道办事处、县级主管部门，"));
}

TEST_CASE("recommended_by fails without a recommendation") {
    Runner w;
    auto a = applicant();
    a.recommendation.reset();
    auto r = w.run(recommended(), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写推荐单位，"));
    CHECK(contains(r.reason, "第十三条（五）"));
    CHECK(contains(r.trace, "推荐单位 无"));
}

// ---- min_rating

TEST_CASE("min_rating passes above the minimum and exactly at it") {
    Runner w;
    auto a = applicant();
    auto r = w.run(rating(false), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "环保信用等级 绿色 ≥ 蓝色"));
    a.environmental_credit = "蓝色";
    r = w.run(rating(false), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "环保信用等级 蓝色 ≥ 蓝色"));
}

TEST_CASE("min_rating fails below the minimum, citing the article and the rating") {
    Runner w;
    auto a = applicant();
    a.environmental_credit = "黄色";
    auto r = w.run(rating(true), a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位环保信用等级为黄色，低于蓝色，不符合《中牟县县长质量奖管理办法》第十一条（六）关于“工业企业保持蓝色及以上环保信用等级”的规定。");
    CHECK(contains(r.trace, "所属行业 通用设备制造业 属门类 C 制造业（大类 34 通用设备制造业），适用"));
    CHECK(contains(r.trace, "黄色 < 蓝色"));
}

TEST_CASE("min_rating fails when the rating is missing or not a level of the scale") {
    Runner w;
    auto a = applicant();
    a.environmental_credit.clear();
    auto r = w.run(rating(false), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写环保信用等级，"));
    CHECK(contains(r.reason, "第十一条（六）"));
    a.environmental_credit = "紫色";
    r = w.run(rating(false), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "环保信用等级“紫色”不是认可的等级（红色、黄色、蓝色、绿色）"));
    CHECK(contains(r.trace, "不在等级表中"));
}

TEST_CASE("min_rating does not apply to an industry of a 门类 not listed, and says so") {
    Runner w;
    auto a = applicant();
    a.industry = "软件和信息技术服务业";
    a.environmental_credit.clear();
    auto r = w.run(rating(true), a);
    CHECK(r.passed);
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "所属行业 软件和信息技术服务业 属门类 I 信息传输、软件和信息技术服务业（大类 65 软件和信息技术服务业），"
                            "不在适用门类（B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业）之列"));
    CHECK(contains(r.trace, "不适用"));
    // Without sections everyone is checked.
    CHECK_FALSE(w.run(rating(false), a).passed);
}

TEST_CASE("min_rating with sections places the industry by 门类 name, 大类 name or code") {
    Runner w;
    auto a = applicant();
    a.environmental_credit = "黄色";
    auto s = rating(true);
    s.fail_text = "[{industry}][{industry_section}][{applicable_sections}]";
    for (const char* industrial : {"制造业", "C 制造业", "通用设备制造业 ", "C34", "34", "Ｃ３４", "其他制造业（发制品）", "采矿业", "46"}) {
        INFO(industrial);
        a.industry = industrial;
        const auto r = w.run(s, a);
        CHECK_FALSE(r.passed);
        CHECK(contains(r.reason, "][B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业]"));
        CHECK(contains(r.trace, "适用；"));
    }
    a.industry = "C34";
    CHECK(w.run(s, a).reason == "[C34][C 制造业][B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业]");
    for (const char* other : {"I", "65", "房屋建筑业", "餐饮业（连锁）"}) {
        INFO(other);
        a.industry = other;
        CHECK(w.run(s, a).passed);
    }
}

TEST_CASE("min_rating with sections fails closed on an industry that cannot be placed, saying why") {
    Runner w;
    auto a = applicant();
    a.industry = "眼镜制造业";  // a 小类 name (3587 眼镜制造), not a 门类 or 大类
    for (const char* rating_given : {"绿色", ""}) {
        INFO(rating_given);
        a.environmental_credit = rating_given;
        const auto r = w.run(rating(true), a);
        CHECK_FALSE(r.passed);
        CHECK(r.article == "第十一条（六）");
        CHECK(r.reason ==
              "贵单位填报的所属行业“眼镜制造业”不能按《国民经济行业分类》（GB/T 4754-2017）归入门类，无法认定是否适用"
              "《中牟县县长质量奖管理办法》第十一条（六）关于“工业企业保持蓝色及以上环保信用等级”的规定，按不符合该规定处理。");
        CHECK(contains(r.trace, "所属行业 眼镜制造业 无法归入门类（“眼镜制造业”不是门类或大类的名称"));
    }
    // Without sections the industry is not looked at.
    a.environmental_credit = "绿色";
    CHECK(w.run(rating(false), a).passed);
}

// ---- no_loss_within

TEST_CASE("no_loss_within passes with profits in the three years before the cycle") {
    Runner w;
    auto r = w.run(no_loss(), applicant());
    CHECK(r.passed);
    CHECK(r.trace == "要求 2023年、2024年、2025年 利润总额均不为负（不亏损）；2023 3500.00万元，2024 4120.00万元，"
                     "2025 1234.56万元；满足");
}

TEST_CASE("no_loss_within: a profit of exactly 0 is no loss") {
    Runner w;
    auto a = applicant();
    a.financials[1].profit_yuan = 0;
    auto r = w.run(no_loss(), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "2024 0.00万元"));
}

TEST_CASE("no_loss_within fails for a loss, quoting the year and the amount in 万元") {
    Runner w;
    auto a = applicant();
    a.financials[1].profit_yuan = -352000;  // -35.2万元
    auto s = no_loss();
    auto r = w.run(s, a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason == "贵单位2024年度利润总额-35.20万元，不符合《中牟县县长质量奖管理办法》第十四条（五）关于“企业生产、经营出现亏损”的规定。");
    CHECK(contains(r.trace, "2024 -35.20万元（亏损）"));
    s.fail_text = "[{loss_years}][{missing_years}][{covered_years}][{years}]";
    CHECK(w.run(s, a).reason == "[2024年度利润总额-35.20万元][][2023年、2024年、2025年][3]");
    a.financials[2].profit_yuan = -100;  // -0.01万元: still a loss
    CHECK(w.run(s, a).reason == "[2024年度利润总额-35.20万元、2025年度利润总额-0.01万元][][2023年、2024年、2025年][3]");
}

TEST_CASE("no_loss_within fails when a year's profit is not given") {
    Runner w;
    auto a = applicant();
    a.financials.erase(a.financials.begin());  // no 2023
    a.financials[1].profit_yuan.reset();       // 2025 without 利润总额
    auto s = no_loss();
    auto r = w.run(s, a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位2023年度未填写利润总额，2025年度未填写利润总额，"));
    CHECK(contains(r.reason, "第十四条（五）"));
    s.fail_text = "[{missing_years}][{loss_years}]";
    CHECK(w.run(s, a).reason == "[2023年、2025年][]");
}

TEST_CASE("no_loss_within looks only at the full years before the cycle year") {
    Runner w;
    auto a = applicant();
    a.financials.push_back({2022, std::nullopt, -5000000, std::nullopt});  // before the window
    a.financials.push_back({2026, std::nullopt, -5000000, std::nullopt});  // the cycle year itself
    auto r = w.run(no_loss(), a);
    CHECK(r.passed);
    CHECK_FALSE(contains(r.trace, "2022"));
    CHECK_FALSE(contains(r.trace, "2026"));
}

// ---- min_years_since

TEST_CASE("min_years_since: exactly one year before the deadline passes, one day short fails") {
    Runner w;
    auto a = applicant();
    a.excellence_model_since = Date(2025, 9, 18);
    auto r = w.run(excellence(), a);
    CHECK(r.passed);
    CHECK(r.trace == "实施卓越绩效起始日期 2025-09-18；满 1 年之日 2026-09-18 ≤ 2026-09-18；满足");
    a.excellence_model_since = Date(2025, 9, 19);
    r = w.run(excellence(), a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位自2025年9月19日起实施卓越绩效管理，截至申报截止日2026年9月18日不满1年，不符合《中牟县县长质量奖管理办法》"
          "第十三条（二）关于“实施卓越绩效模式管理1年以上”的规定。");
    CHECK(contains(r.trace, "2026-09-19 > 2026-09-18"));
}

TEST_CASE("min_years_since fails when the date is not given") {
    Runner w;
    auto a = applicant();
    a.excellence_model_since.reset();
    auto r = w.run(excellence(), a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位未填写实施卓越绩效起始日期，"));
    CHECK(contains(r.reason, "第十三条（二）"));
}

TEST_CASE("min_years_since counts from 29 February as min_years_operating does") {
    Runner w;
    w.reference = Date(2025, 2, 28);
    auto a = applicant();
    a.excellence_model_since = Date(2024, 2, 29);
    CHECK(w.run(excellence(), a).passed);
    w.reference = Date(2025, 2, 27);
    CHECK_FALSE(w.run(excellence(), a).passed);
}

// ---- declaration: the new fields

TEST_CASE("declaration covers 首席质量官, 质量管理体系认证 and 内部公示") {
    Runner w;
    struct Row {
        const char* field;
        bool Applicant::*member;
        const char* label;
    };
    for (const Row& row : {Row{"has_chief_quality_officer", &Applicant::has_chief_quality_officer, "设有首席质量官"},
                           Row{"quality_system_certified", &Applicant::quality_system_certified,
                               "通过质量管理体系认证并有效运行"},
                           Row{"internal_publicity_done", &Applicant::internal_publicity_done,
                               "已在本单位内部公示不少于5个工作日"}}) {
        INFO(row.field);
        auto a = applicant();
        auto r = w.run(declaration(row.field), a);  // not declared: false by default
        CHECK_FALSE(r.passed);
        CHECK(contains(r.reason, std::string("贵单位在申报材料中未声明") + row.label + "，"));
        CHECK(contains(r.reason, "第十一条（四）"));
        CHECK(contains(r.trace, row.field));
        a.*(row.member) = true;
        CHECK(w.run(declaration(row.field), a).passed);
    }
}

// ---- registered_in with includes

TEST_CASE("registered_in with includes accepts the city and its districts") {
    Runner w;
    auto a = applicant();
    a.region = "平山区";
    auto r = w.run(city(true), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "注册地 平山区（平山区 属 本溪市）"));
    a.region = "本溪市";
    CHECK(w.run(city(true), a).passed);
    a.region = "平山区";
    CHECK_FALSE(w.run(city(false), a).passed);  // without includes only the region itself
}

TEST_CASE("registered_in with includes fails outside the city, citing the article") {
    Runner w;
    auto a = applicant();
    a.region = "沈河区";
    auto r = w.run(city(true), a);
    CHECK_FALSE(r.passed);
    CHECK(r.reason ==
          "贵单位注册地为沈河区，不在本溪市行政区域内，不符合《中牟县县长质量奖管理办法》第十一条（二）关于“在本溪市行政区域内登记注册”的规定。");
    CHECK(contains(r.trace, "要求 本溪市（含平山区、溪湖区"));
    auto s = city(true);
    s.fail_text = "[{included_regions}]";
    CHECK(w.run(s, a).reason == "[平山区、溪湖区、明山区、南芬区、本溪满族自治县、桓仁满族自治县]");
}

// ---- ban_after_revocation with reasons and scope

TEST_CASE("ban_after_revocation with reasons: a revocation for 事故 does not trigger a fraud-only ban") {
    Runner w;
    auto a = applicant();
    a.prior_awards = {PriorAward{"县长质量奖", Date(2019, 9, 1), Date(2022, 3, 1), "事故"}};
    auto r = w.run(fraud_ban(), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "仅计原因为 弄虚作假/行贿 的撤销"));
    CHECK(contains(r.trace, "不计：2022-03-01 撤销 县长质量奖（原因“事故”不计）"));
}

TEST_CASE("ban_after_revocation with reasons: a revocation for 弄虚作假 bans, citing the reason") {
    Runner w;
    auto a = applicant();
    a.prior_awards = {PriorAward{"县长质量奖", Date(2019, 9, 1), Date(2022, 3, 1), "弄虚作假"},
                      PriorAward{"县长质量奖", Date(2023, 9, 1), Date(2024, 3, 1), "事故"}};
    auto r = w.run(fraud_ban(), a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第三十一条");
    CHECK(r.reason ==
          "贵单位所获县长质量奖已于2022年3月1日因弄虚作假被撤销，至申报截止日2026年9月18日未满10年，不符合《中牟县县长质量奖管理办法》"
          "第三十一条关于“被撤销奖项的组织10年内不得申报”的规定。");
    CHECK(contains(r.trace, "2022-03-01 撤销 县长质量奖（弄虚作假），可再次申报之日 2032-03-01 > 2026-09-18"));
    CHECK(contains(r.trace, "不计：2024-03-01 撤销 县长质量奖（原因“事故”不计）"));
    auto s = fraud_ban();
    s.fail_text = "[{counted_reasons}][{revocation_reason}][{ban_until}]";
    CHECK(w.run(s, a).reason == "[弄虚作假、行贿][弄虚作假][2032年2月29日]");
}

TEST_CASE("ban_after_revocation: a revocation without a reason counts when no reasons are listed, and cannot reach a check with reasons") {
    Runner w;
    auto a = applicant();
    a.prior_awards = {PriorAward{"县长质量奖", Date(2019, 9, 1), Date(2024, 3, 1)}};
    // ingest refuses it (the reason decides whether it counts): here it is a bug upstream, never a pass
    CHECK_THROWS_AS(w.run(fraud_ban(), a), std::invalid_argument);
    auto any = spec("ban_after_revocation", "第二十五条", "该单位3年内不得再次申报县长质量奖", {{"years", 3}},
                    "贵单位所获{award}已于{revoked_on}被撤销，");
    auto r = w.run(any, a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "贵单位所获县长质量奖已于2024年3月1日被撤销，"));
    CHECK(contains(r.reason, "第二十五条"));
}

TEST_CASE("ban_after_revocation with scope same_award counts only the award applied for") {
    Runner w;
    auto a = applicant();
    a.award = "县长质量奖";
    a.prior_awards = {PriorAward{"质量管理创新奖", Date(2019, 9, 1), Date(2024, 3, 1), "弄虚作假"}};
    auto s = spec("ban_after_revocation", "第二十五条", "该单位3年内不得再次申报县长质量奖",
                  {{"years", 3}, {"scope", "same_award"}}, "贵单位所获{award}已于{revoked_on}被撤销，");
    auto r = w.run(s, a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "不计：2024-03-01 撤销 质量管理创新奖（非申报的县长质量奖）"));
    s.params["scope"] = "any_award";
    CHECK_FALSE(w.run(s, a).passed);
    a.prior_awards[0].award = "县长质量奖";
    s.params["scope"] = "same_award";
    r = w.run(s, a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "县长质量奖已于2024年3月1日被撤销"));
}

// ---- params

TEST_CASE("The new kinds' params are validated, naming the parameter") {
    using award::check_param_issues;
    auto first = [](const std::vector<award::ParamIssue>& issues) {
        return issues.empty() ? std::string("(none)") : issues[0].pointer + " " + issues[0].message;
    };
    CHECK(check_param_issues("legal_form_in", {{"allowed", {"企业法人"}}}).empty());
    CHECK(contains(first(check_param_issues("legal_form_in", json::object())), "/allowed"));
    CHECK(contains(first(check_param_issues("legal_form_in", {{"allowed", json::array()}})), "非空的字符串数组"));
    CHECK(check_param_issues("tax_attributed_to", {{"region", "鹿城区"}}).empty());
    CHECK(contains(first(check_param_issues("tax_attributed_to", {{"region", "鹿城区"}, {"regions", 1}})), "/regions"));
    CHECK(check_param_issues("recommended_by", {{"levels", {"街道办事处"}}}).empty());
    CHECK(contains(first(check_param_issues("recommended_by", {{"levels", {"街道办事处", "街道办事处"}}})), "重复"));

    const json good_rating = {{"field", "environmental_credit"}, {"scale", {"红色", "黄色", "蓝色", "绿色"}}, {"min", "蓝色"}};
    CHECK(check_param_issues("min_rating", good_rating).empty());
    json r = good_rating;
    r["min"] = "青色";
    CHECK(contains(first(check_param_issues("min_rating", r)), "/min \"青色\" 不在 scale 中"));
    r = good_rating;
    r["field"] = "credit";
    CHECK(contains(first(check_param_issues("min_rating", r)), "environmental_credit"));
    r = good_rating;
    r["applies_to_industries"] = {"制造业"};  // the exact-text list it replaced
    CHECK(contains(first(check_param_issues("min_rating", r)), "/applies_to_industries"));
    r = good_rating;
    r["sections"] = {"B", "C", "D"};
    CHECK(check_param_issues("min_rating", r).empty());
    r["sections"] = json::array();
    CHECK(contains(first(check_param_issues("min_rating", r)), "/sections"));
    r["sections"] = {"C", "X"};
    CHECK(contains(first(check_param_issues("min_rating", r)), "/sections/1"));
    CHECK(contains(first(check_param_issues("min_rating", r)), "\"X\" 不是《国民经济行业分类》（GB/T 4754-2017）的门类"));
    r["sections"] = {"制造业"};
    CHECK(contains(first(check_param_issues("min_rating", r)), "应为门类字母 A–T"));

    CHECK(check_param_issues("no_loss_within", {{"years", 3}}).empty());
    CHECK(contains(first(check_param_issues("no_loss_within", {{"years", 0}})), "/years"));
    CHECK(check_param_issues("min_years_since", {{"field", "excellence_model_since"}, {"years", 1}}).empty());
    CHECK(contains(first(check_param_issues("min_years_since", {{"field", "founded"}, {"years", 1}})),
                   "excellence_model_since"));
    CHECK(contains(first(check_param_issues("declaration", {{"field", "tax_paid"}})), "internal_publicity_done"));

    CHECK(check_param_issues("registered_in", {{"region", "本溪市"}, {"includes", {"平山区"}}}).empty());
    CHECK(contains(first(check_param_issues("registered_in", {{"region", "本溪市"}, {"includes", {"本溪市"}}})),
                   "/includes"));
    CHECK(check_param_issues("ban_after_revocation", {{"years", 10}, {"reasons", {"弄虚作假"}}, {"scope", "any_award"}})
              .empty());
    CHECK(contains(first(check_param_issues("ban_after_revocation", {{"years", 10}, {"scope", "same"}})),
                   "/scope \"same\" 应为 any_award"));
    CHECK(contains(first(check_param_issues("ban_after_revocation", {{"years", 10}, {"reasons", json::array()}})),
                   "/reasons"));
}

TEST_CASE("The new kinds fill every placeholder their table row allows, passing or failing") {
    Runner w;
    auto failing = applicant();
    failing.legal_form.clear();
    failing.tax_region.clear();
    failing.recommendation.reset();
    failing.environmental_credit = "红色";
    failing.financials.clear();
    failing.excellence_model_since.reset();
    failing.region = "沈河区";
    failing.prior_awards = {PriorAward{"县长质量奖", Date(2019, 9, 1), Date(2022, 3, 1), "行贿"}};
    for (auto s : {legal_form(), tax(), recommended(), rating(true), no_loss(), excellence(),
                   declaration("has_chief_quality_officer"), city(true), fraud_ban()}) {
        std::string all;
        for (const auto& p : award::allowed_placeholders(s.kind)) all += p + "=[{" + p + "}] ";
        s.fail_text = all;
        INFO(s.kind);
        auto r = w.run(s, failing);
        CHECK_FALSE(r.passed);
        CHECK(r.reason.find('{') == std::string::npos);
        CHECK(contains(r.reason, "article=[" + s.article + "]"));
        CHECK_FALSE(r.trace.empty());
    }
}

TEST_CASE("ZM-第十四条(五) a year before the founding year needs no accounts (a 小巨人 founded in 2024 under 第十三条（一）)") {
    Runner w;
    auto a = applicant();
    a.founded = Date(2024, 6, 30);
    a.financials.erase(a.financials.begin());  // no 2023 figure: the firm did not exist
    auto r = w.run(no_loss(), a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "2023 尚未成立，不计"));
    // A loss in a year it did exist still counts, citing the article.
    a.financials[0].profit_yuan = -100;
    auto lost = w.run(no_loss(), a);
    CHECK_FALSE(lost.passed);
    CHECK(contains(lost.reason, "第十四条（五）"));
}
