// The rows of /work/shared/POLICIES.md for 通州区 (TZ), one test each, on the REAL pack
// templates/policies/tongzhou.json: what the program decides and the article it cites.
// Eligibility rows run the pack's checks (award::check_eligibility / run_check); the other
// rows read the loaded Policy. 第二十九条 (有效期) is tested in tests/cli/policy_validity_test.cpp
// ("TZ-第二十九条 …") and, through the binary, in tests/e2e/review_stage_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <fstream>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"
#include "packs/policy_pack.hpp"
#include "rules/calendar.hpp"
#include "rules/eligibility.hpp"
#include "pack_rows.hpp"
#include "temp_dir.hpp"

using award::Applicant;
using award::CheckResult;
using award::Date;
using award::EligibilityResult;
using packs_test::contains;
using packs_test::source;
using packs_test::TempDir;

namespace {

const award::Policy& tz() {
    static const award::Policy p = award::load_policy_pack(source("templates/policies/tongzhou.json"));
    return p;
}

const Date kDeadline(2026, 6, 30);  // 申报截止日 of the sample cycle

// An applicant that meets every condition the pack checks: a 通州区 manufacturer with a
// 首席质量官, 蓝色 environmental credit (the lowest that passes), publicised and recommended.
Applicant good() {
    Applicant a;
    a.name = "南通某某机械有限公司";
    a.credit_code = "91320612MA1MT6QK2H";
    a.award = "区长质量奖";
    a.region = "通州区";
    a.founded = Date(2010, 5, 1);
    a.industry = "通用设备制造业";
    a.licences_valid = true;
    a.policy_compliant = true;
    a.legal_form = "企业法人";
    a.environmental_credit = "蓝色";
    a.has_chief_quality_officer = true;
    a.internal_publicity_done = true;
    a.recommendation = award::Recommendation{"南通市通州区川姜镇人民政府", "镇人民政府"};
    a.source = "applicants.json: /applicants/0";
    return a;
}

EligibilityResult judge(const Applicant& a) { return packs_test::eligibility(tz(), kDeadline, a); }

CheckResult run(const std::string& check_id, const Applicant& a) {
    return packs_test::run_check(tz(), kDeadline, check_id, a);
}

// The failed checks' ids, in pack order.
std::vector<std::string> failed_ids(const EligibilityResult& r) {
    std::vector<std::string> ids;
    for (const auto* f : r.failures()) ids.push_back(f->check_id);
    return ids;
}

// Refused by exactly `check_id`, citing `article` in the result and in the letter's sentence.
void refused_by(const Applicant& a, const std::string& check_id, const std::string& article) {
    const EligibilityResult r = judge(a);
    INFO([&] {
        std::string s;
        for (const auto* f : r.failures()) s += f->check_id + ": " + f->reason + "\n";
        return s;
    }());
    CHECK_FALSE(r.accepted);
    CHECK(failed_ids(r) == std::vector<std::string>{check_id});
    CHECK(r.failed_articles() == article);
    REQUIRE(r.failures().size() == 1);
    CHECK(r.failures()[0]->article == article);
    CHECK(contains(r.failures()[0]->reason, "《通州区区长质量奖管理办法》" + article));
}

}  // namespace

TEST_CASE("TZ-第十一条 the reference applicant meets every condition the pack checks") {
    const EligibilityResult r = judge(good());
    INFO([&] {
        std::string s;
        for (const auto* f : r.failures()) s += f->check_id + ": " + f->reason + "\n";
        return s;
    }());
    CHECK(r.accepted);
    CHECK(r.checks.size() == 15);
}

// ---- 第四条, 第二十一条: awards, quotas, money --------------------------------------------

TEST_CASE("TZ-第四条 two awards a year, 区长质量奖 and 区长质量奖提名奖, at most 2 places each") {
    REQUIRE(tz().awards.size() == 2);
    const auto* main = tz().find_award_by_name("区长质量奖");
    const auto* nomination = tz().find_award_by_name("区长质量奖提名奖");
    REQUIRE(main);
    REQUIRE(nomination);
    CHECK(main->quota == 2);
    CHECK(nomination->quota == 2);
    CHECK(main->article == "第四条");
    CHECK(nomination->article == "第四条");
    // 奖项可以少额或空缺: no minimum number of winners, ranked within the quota only.
    CHECK(main->conferral.by == award::AwardConferral::By::Rank);
    CHECK(nomination->conferral.by == award::AwardConferral::By::Rank);
    // Only the main award is applied for (第十四条: one 申请表); the 提名奖 comes from its applicants.
    CHECK(main->open_to_application);
    CHECK_FALSE(nomination->open_to_application);
    CHECK(nomination->conferral.candidates_from == std::vector<std::string>{"区长质量奖"});
}

TEST_CASE("TZ-第二十一条 first-time winners get 30万元 (区长质量奖) and 5万元 (提名奖)") {
    const auto* main = tz().find_award_by_name("区长质量奖");
    const auto* nomination = tz().find_award_by_name("区长质量奖提名奖");
    REQUIRE(main);
    REQUIRE(nomination);
    CHECK(main->prize_yuan == 300000);
    CHECK(nomination->prize_yuan == 50000);
    CHECK(main->prize_article == "第二十一条");
    CHECK(nomination->prize_article == "第二十一条");
    CHECK(tz().certificates.article == "第二十一条");
}

// ---- 第二条: independent legal person -------------------------------------------------------

TEST_CASE("TZ-第二条 a branch without legal personality, or no legal form given, is refused") {
    Applicant a = good();
    a.legal_form = "非法人分支机构";
    refused_by(a, "tz-2-legal-person", "第二条");
    CHECK(contains(judge(a).failures()[0]->reason, "贵单位法人类型为非法人分支机构"));

    a.legal_form = "";
    refused_by(a, "tz-2-legal-person", "第二条");
    CHECK(contains(judge(a).failures()[0]->reason, "贵单位未填写法人类型"));

    a.legal_form = "个体工商户";
    refused_by(a, "tz-2-legal-person", "第二条");
}

TEST_CASE("TZ-第二条 enterprises and non-government public-service bodies may apply, government organs may not") {
    Applicant a = good();
    for (const char* form : {"企业法人", "事业单位法人", "社会团体法人", "社会服务机构法人", "基金会法人"}) {
        INFO(form);
        a.legal_form = form;
        const CheckResult r = run("tz-2-legal-person", a);
        CHECK(r.passed);
        CHECK(r.article == "第二条");
    }
    a.legal_form = "机关法人";
    refused_by(a, "tz-2-legal-person", "第二条");
}

// ---- 第十一条 ---------------------------------------------------------------------------------

TEST_CASE("TZ-第十一条（二） registered in 通州区: another district of 南通 is refused") {
    Applicant a = good();
    a.region = "海门区";
    refused_by(a, "tz-11-region", "第十一条（二）");
    CHECK(contains(judge(a).failures()[0]->reason, "贵单位注册地为海门区，不在通州区"));
}

TEST_CASE("TZ-第十一条（二） operating 3 years by the deadline: exactly 3 years passes, one day short is refused") {
    Applicant a = good();
    a.founded = Date(2023, 6, 30);
    CHECK(judge(a).accepted);
    a.founded = Date(2023, 7, 1);
    refused_by(a, "tz-11-years", "第十一条（二）");
    CHECK(contains(judge(a).failures()[0]->reason, "经营不满3年"));
}

TEST_CASE("TZ-第十一条（四） an applicant that has not set up a 首席质量官 is refused") {
    Applicant a = good();
    a.has_chief_quality_officer = false;
    refused_by(a, "tz-11-quality-officer", "第十一条（四）");
    CHECK(contains(judge(a).failures()[0]->reason, "未声明设有首席质量官"));
    CHECK(contains(judge(a).failures()[0]->reason, "“设置有企业首席质量官”"));
}

TEST_CASE("TZ-第十一条（六） an industrial firm needs environmental credit 蓝色 or 绿色: 黄色, 红色, 黑色 or none is refused") {
    Applicant a = good();
    for (const char* ok : {"蓝色", "绿色"}) {
        INFO(ok);
        a.environmental_credit = ok;
        CHECK(judge(a).accepted);
    }
    for (const char* bad : {"黄色", "红色", "黑色"}) {
        INFO(bad);
        a.environmental_credit = bad;
        refused_by(a, "tz-11-environmental-credit", "第十一条（六）");
        CHECK(contains(judge(a).failures()[0]->reason, std::string("环保信用等级为") + bad));
    }
    a.environmental_credit = "";
    refused_by(a, "tz-11-environmental-credit", "第十一条（六）");
    CHECK(contains(judge(a).failures()[0]->reason, "未填写环保信用等级"));
    // A word that is not one of the Jiangsu colours is not taken for a rating.
    a.environmental_credit = "A级";
    refused_by(a, "tz-11-environmental-credit", "第十一条（六）");
}

TEST_CASE("TZ-第十一条（六） 工业企业 are the GB/T 4754 industry sections B, C and D, by section or division name") {
    Applicant a = good();
    a.environmental_credit = "黄色";
    // Divisions (大类) of 采矿业, 制造业 and 电力、热力、燃气及水生产和供应业, and the sections themselves.
    for (const char* industrial : {"煤炭开采和洗选业", "纺织业", "化学原料和化学制品制造业", "计算机、通信和其他电子设备制造业",
                                   "金属制品、机械和设备修理业", "电力、热力生产和供应业", "燃气生产和供应业",
                                   "水的生产和供应业", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业"}) {
        INFO(industrial);
        a.industry = industrial;
        const CheckResult r = run("tz-11-environmental-credit", a);
        CHECK_FALSE(r.passed);
        CHECK(r.article == "第十一条（六）");
        CHECK(contains(r.reason, std::string("贵单位属工业企业（所属行业：") + industrial + "）"));
    }
    // Construction, services and agriculture are not asked for the rating.
    for (const char* other : {"房屋建筑业", "装卸搬运和仓储业", "餐饮业", "软件和信息技术服务业", "农业"}) {
        INFO(other);
        a.industry = other;
        const CheckResult r = run("tz-11-environmental-credit", a);
        CHECK(r.passed);
        CHECK(contains(r.trace, "不适用"));
        a.environmental_credit = "";
        CHECK(judge(a).accepted);
        a.environmental_credit = "黄色";
    }
}

TEST_CASE("TZ-第十一条（六） 工业企业 is written as 门类 letters B, C, D, not as a list of industry names") {
    const award::CheckSpec* spec = tz().find_check("tz-11-environmental-credit");
    REQUIRE(spec);
    CHECK(spec->params.at("sections") == nlohmann::json({"B", "C", "D"}));
    CHECK_FALSE(spec->params.contains("applies_to_industries"));
    std::ifstream in(source("templates/policies/tongzhou.json"));
    const auto pack = nlohmann::json::parse(in);
    for (const auto& c : pack.at("checks"))
        if (c.at("id") == "tz-11-environmental-credit") {
            const std::string note = c.at("note").get<std::string>();
            CHECK(contains(note, "GB/T 4754-2017"));
            CHECK(contains(note, "templates/reference/gbt4754-2017.json"));
            CHECK(contains(note, "读取申报名单时即报错"));
        }
}

TEST_CASE("TZ-第十一条（六） an industry written as a code, with its code, full-width or with a note in brackets is still 工业企业") {
    Applicant a = good();
    a.environmental_credit = "黄色";
    for (const char* industrial : {"C34", "34", "C 制造业", "C制造业", "Ｃ３４", "通用设备制造业 ", "C34 通用设备制造业",
                                   "其他制造业（发制品）", "B", "06", "D 电力、热力、燃气及水生产和供应业", "电力，热力生产和供应业"}) {
        INFO(industrial);
        a.industry = industrial;
        refused_by(a, "tz-11-environmental-credit", "第十一条（六）");
        const CheckResult r = run("tz-11-environmental-credit", a);
        CHECK(contains(r.reason, std::string("贵单位属工业企业（所属行业：") + industrial + "），环保信用等级为黄色"));
        CHECK(contains(r.trace, "适用；"));
    }
    // A code of another 门类 is not industrial: I 信息传输、软件和信息技术服务业, E 建筑业.
    for (const char* other : {"I", "I65", "65", "E 建筑业", "软件和信息技术服务业（嵌入式软件）"}) {
        INFO(other);
        a.industry = other;
        CHECK(judge(a).accepted);
        CHECK(contains(run("tz-11-environmental-credit", a).trace, "不适用"));
    }
}

TEST_CASE("TZ-第十一条（六） an industry that is no GB/T 4754 门类 or 大类 is not taken for non-industrial: the check fails closed") {
    Applicant a = good();
    a.environmental_credit = "";  // would be refused if industrial, passes if not
    for (const char* unplaced : {"眼镜制造业", "机械制造", "C65", "99"}) {
        INFO(unplaced);
        a.industry = unplaced;
        refused_by(a, "tz-11-environmental-credit", "第十一条（六）");
        const CheckResult r = run("tz-11-environmental-credit", a);
        CHECK(r.reason == std::string("贵单位填报的所属行业“") + unplaced +
                              "”不能按《国民经济行业分类》（GB/T 4754-2017）归入门类，无法认定是否适用《通州区区长质量奖管理办法》"
                              "第十一条（六）关于“工业企业保持蓝色及以上环保信用等级”的规定，按不符合该规定处理。");
        CHECK(contains(r.trace, "无法归入门类"));
    }
}

TEST_CASE("TZ-第十一条（六） a 门类 letter that GB/T 4754-2017 does not have is refused when the pack loads, naming the file and the field") {
    TempDir dir;
    std::ifstream in(source("templates/policies/tongzhou.json"));
    nlohmann::json pack = nlohmann::json::parse(in);
    std::size_t index = 0;
    while (pack["checks"][index]["id"] != "tz-11-environmental-credit") ++index;
    pack["checks"][index]["params"]["sections"] = {"B", "C", "W"};
    const auto file = dir.write("tongzhou.json", pack.dump(2));
    try {
        award::load_policy_pack(file);
        FAIL("expected ConfigError");
    } catch (const award::ConfigError& e) {
        const std::string m = e.what();
        CHECK(contains(m, file.string()));
        CHECK(contains(m, "/checks/" + std::to_string(index) + "/params/sections/2"));
        CHECK(contains(m, "\"W\" 不是《国民经济行业分类》（GB/T 4754-2017）的门类：应为门类字母 A–T"));
    }
}

TEST_CASE("TZ-第十一条（一）（三）（五） the conditions left to judgement are not checked, and the pack note says so") {
    for (const auto& c : tz().checks) {
        INFO(c.id);
        for (const char* judged : {"第十一条（一）", "第十一条（三）", "第十一条（五）"}) CHECK(c.article != judged);
    }
    std::ifstream in(source("templates/policies/tongzhou.json"));
    const std::string note = nlohmann::json::parse(in).at("note").get<std::string>();
    for (const char* listed : {"第十一条（一）", "第十一条（三）", "第十一条（五）", "“三废治理”达标"}) {
        INFO(listed);
        CHECK(contains(note, listed));
    }
}

// ---- 第十二条 ---------------------------------------------------------------------------------

TEST_CASE("TZ-第十二条（一） not declaring licences or policy compliance is refused") {
    Applicant a = good();
    a.licences_valid = false;
    refused_by(a, "tz-12-licences", "第十二条（一）");
    a = good();
    a.policy_compliant = false;
    refused_by(a, "tz-12-policy", "第十二条（一）");
}

TEST_CASE("TZ-第十二条（二） a failed spot check within 3 years is refused, one exactly 3 years before is not counted") {
    Applicant a = good();
    a.incidents = {{Date(2023, 6, 30), "抽查验收不合格", "一般", "产品监督抽查不合格"}};
    CHECK(judge(a).accepted);
    a.incidents = {{Date(2023, 7, 1), "抽查验收不合格", "一般", "产品监督抽查不合格"}};
    refused_by(a, "tz-12-spot-check", "第十二条（二）");
    CHECK(run("tz-12-spot-check", a).reason ==
          "贵单位于2023年7月1日有产品经质量监管部门抽查或者验收不合格（产品监督抽查不合格），属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《通州区区长质量奖管理办法》第十二条（二）所列“近三年有产（商）品经国家、行业和省、市质量监管部门抽查或者验收不合格的”"
          "情形，不得申报区长质量奖。");
}

TEST_CASE("TZ-第十二条（三） a 一般 production-safety accident is refused, a 一般 environmental incident is not, a 较大 one is") {
    Applicant a = good();
    a.incidents = {{Date(2025, 3, 1), "生产安全事故", "一般", "机械伤害"}};
    refused_by(a, "tz-12-accidents", "第十二条（三）");
    CHECK(contains(run("tz-12-accidents", a).reason, "贵单位于2025年3月1日发生一般生产安全事故（机械伤害），属"));  // severity kept
    a.incidents = {{Date(2025, 3, 1), "环境事故", "一般", ""}};
    CHECK(judge(a).accepted);
    a.incidents = {{Date(2025, 3, 1), "环境事故", "较大", "废水超标排放"}};
    refused_by(a, "tz-12-accidents", "第十二条（三）");
}

TEST_CASE("TZ-第十二条（四） any administrative penalty or dishonesty record within 3 years is refused") {
    Applicant a = good();
    a.incidents = {{Date(2025, 2, 1), "行政处罚", "一般", "环保罚款"}};
    refused_by(a, "tz-12-penalties", "第十二条（四）");
    a.incidents = {{Date(2024, 8, 1), "失信记录", "一般", ""}};
    refused_by(a, "tz-12-penalties", "第十二条（四）");
    // Neither kind has a severity in the letter; every counted record is listed, the latest first.
    a.incidents = {{Date(2024, 8, 1), "失信记录", "一般", ""}, {Date(2025, 2, 1), "行政处罚", "一般", "环保罚款"}};
    refused_by(a, "tz-12-penalties", "第十二条（四）");
    CHECK(run("tz-12-penalties", a).reason ==
          "贵单位于2025年2月1日受到行政处罚（环保罚款），于2024年8月1日产生失信记录，属申报截止日2026年6月30日前3年内发生的事项，"
          "属于《通州区区长质量奖管理办法》第十二条（四）所列“近三年存在行政处罚记录及失信记录”情形，不得申报区长质量奖。");
}

TEST_CASE("TZ-第十二条（五） another violation of law within 3 years is refused") {
    Applicant a = good();
    a.incidents = {{Date(2025, 8, 1), "其他违法行为", "一般", "违规用工"}};
    refused_by(a, "tz-12-other", "第十二条（五）");
    CHECK(contains(run("tz-12-other", a).reason, "贵单位于2025年8月1日发生违反法律法规的行为（违规用工），属"));
}

// ---- 第十四条 ---------------------------------------------------------------------------------

TEST_CASE("TZ-第十四条 without 5 working days of internal publicity the application is refused") {
    Applicant a = good();
    a.internal_publicity_done = false;
    refused_by(a, "tz-14-internal-publicity", "第十四条");
    CHECK(contains(judge(a).failures()[0]->reason, "未声明已在本单位内部公示不少于5个工作日"));
    CHECK(contains(judge(a).failures()[0]->reason, "“在本组织内部就申报通州区区长质量奖事项进行公示不少于5个工作日”"));
}

TEST_CASE("TZ-第十四条 the recommendation must be signed by 南通高新区 or a 镇（街道）, not by a department or an association") {
    Applicant a = good();
    for (const char* level : {"南通高新区管委会", "镇人民政府", "街道办事处"}) {
        INFO(level);
        a.recommendation = award::Recommendation{"某推荐单位", level};
        CHECK(judge(a).accepted);
    }
    a.recommendation = award::Recommendation{"南通市通州区软件行业协会", "行业协会"};
    refused_by(a, "tz-14-recommendation", "第十四条");
    CHECK(contains(judge(a).failures()[0]->reason, "所获推荐来自南通市通州区软件行业协会（行业协会）"));
    a.recommendation = award::Recommendation{"南通市通州区工业和信息化局", "区主管部门"};
    refused_by(a, "tz-14-recommendation", "第十四条");
    a.recommendation.reset();
    refused_by(a, "tz-14-recommendation", "第十四条");
    CHECK(contains(judge(a).failures()[0]->reason, "贵单位未填写推荐单位"));
}

TEST_CASE("TZ-第十五条 an applicant failing 资格审查 is not accepted, the decision citing 第十五条, each reason its own article") {
    CHECK(tz().rejection_article == "第十五条");
    CHECK_FALSE(tz().rejection_reasons_required);
    Applicant a = good();
    a.region = "海门区";
    a.recommendation.reset();
    const EligibilityResult r = judge(a);
    CHECK_FALSE(r.accepted);
    CHECK(failed_ids(r) == std::vector<std::string>{"tz-11-region", "tz-14-recommendation"});
    CHECK(r.failed_articles() == "第十一条（二）、第十四条");
}

// ---- 第二十三条: revoked for fraud, 5 years --------------------------------------------------

TEST_CASE("TZ-第二十三条 revoked for fraud (弄虚作假): no application for 5 years, to the day") {
    Applicant a = good();
    a.prior_awards = {{"区长质量奖", Date(2020, 12, 20), Date(2021, 7, 1), "弄虚作假"}};
    refused_by(a, "tz-23-revocation-ban", "第二十三条");
    const std::string reason = judge(a).failures()[0]->reason;
    CHECK(contains(reason, "已于2021年7月1日因弄虚作假被撤销"));
    CHECK(contains(reason, "2026年7月1日起方可再次申报"));
    // Revoked five years before the deadline to the day: the ban is over.
    a.prior_awards = {{"区长质量奖", Date(2020, 12, 20), Date(2021, 6, 30), "弄虚作假"}};
    CHECK(judge(a).accepted);
}

TEST_CASE("TZ-第二十三条 revoked for bribery (以不正当手段骗取) bars too, the 提名奖 as well as the main award") {
    Applicant a = good();
    a.prior_awards = {{"区长质量奖提名奖", Date(2021, 12, 20), Date(2024, 3, 1), "行贿"}};
    refused_by(a, "tz-23-revocation-ban", "第二十三条");
    CHECK(contains(judge(a).failures()[0]->reason, "因行贿被撤销"));
}

TEST_CASE("TZ-第二十三条 a revocation for an incident (第二十四条) does not bar; one without a recorded reason never reaches the rules") {
    Applicant a = good();
    a.prior_awards = {{"区长质量奖", Date(2021, 12, 20), Date(2024, 6, 20), "事故"}};
    const CheckResult r = run("tz-23-revocation-ban", a);
    CHECK(r.passed);
    CHECK(r.article == "第二十三条");
    CHECK(contains(r.trace, "不计"));
    CHECK(judge(a).accepted);
    a.prior_awards = {{"区长质量奖", Date(2021, 12, 20), Date(2024, 6, 20), "其他"}};
    CHECK(judge(a).accepted);
    // Ingest refuses it (tests/ingest/applicant_facts_test.cpp): the rules treat it as a bug upstream.
    a.prior_awards = {{"区长质量奖", Date(2021, 12, 20), Date(2024, 6, 20), ""}};
    CHECK_THROWS_AS(run("tz-23-revocation-ban", a), std::invalid_argument);
}

// ---- 第二十七条: re-application and re-winners -----------------------------------------------

TEST_CASE("TZ-第二十七条 a 区长质量奖 winner may re-apply 3 years after winning, not a day earlier") {
    Applicant a = good();
    a.prior_awards = {{"区长质量奖", Date(2023, 6, 30), std::nullopt, ""}};
    CHECK(judge(a).accepted);
    a.prior_awards = {{"区长质量奖", Date(2023, 7, 1), std::nullopt, ""}};
    refused_by(a, "tz-27-cooldown", "第二十七条");
    CHECK(contains(judge(a).failures()[0]->reason, "2026年7月1日起方可重新申报"));
    // A 提名奖 does not start the cooldown of the main award.
    a.prior_awards = {{"区长质量奖提名奖", Date(2025, 12, 20), std::nullopt, ""}};
    CHECK(judge(a).accepted);
}

TEST_CASE("TZ-第二十七条 a re-winner of the same level takes no quota place and gets no money") {
    for (const auto& a : tz().awards) {
        INFO(a.name);
        CHECK(a.conferral.repeat_article == "第二十七条");
    }
    CHECK(tz().find_check("tz-27-cooldown")->params["years"] == 3);
}

// ---- 第八条, 第十六条至第二十条: the review ---------------------------------------------------

TEST_CASE("TZ-第八条 each review group has at least 3 experts") {
    const auto& stages = tz().review.stages;
    REQUIRE(stages.size() == 3);
    for (const auto& s : stages) {
        INFO(s.name);
        CHECK(s.min_reviewers == 3);
    }
    CHECK(stages[0].min_reviewers_article == "第八条");
    CHECK(stages[1].min_reviewers_article == "第八条");
}

TEST_CASE("TZ-第十六条 资料评审, then at most 1.5 on-site candidates per planned award") {
    const auto& r = tz().review;
    REQUIRE(r.stages.size() == 3);
    CHECK(r.stages[0].name == "资料评审");
    CHECK(r.stages[0].article == "第十六条");
    CHECK(r.stages[1].name == "现场评审");
    CHECK(r.stages[1].article == "第十七条");
    CHECK(r.stages[1].advancement_ratio_tenths == 15);
    CHECK(r.stages[1].advancement_article == "第十六条");
}

TEST_CASE("TZ-第十八条 演讲陈述 scored by the committee's member units out of 100, the committee choosing who presents") {
    const auto* s = tz().review.find_stage("presentation");
    REQUIRE(s);
    CHECK(s->name == "演讲陈述");
    CHECK(s->article == "第十八条");
    CHECK(s->sheet == award::StageSpec::Sheet::Presentation);
    CHECK(s->max_points == 100);
    CHECK(s->advancement_ratio_tenths == 0);  // no ratio: the case gives the committee's list
    CHECK(s->advancement_article == "第十八条");
}

TEST_CASE("TZ-第十九条 综合评价: 资料评审 20%, 现场评审 70%, 演讲陈述 10%") {
    const auto& r = tz().review;
    CHECK(r.weights == std::vector<std::pair<std::string, int>>{{"material", 20}, {"onsite", 70}, {"presentation", 10}});
    CHECK(r.total_article == "第十九条");
}

TEST_CASE("TZ-第二十条 拟奖名单 publicised at least 10 days (calendar), a candidate failing it is dropped and not replaced") {
    const auto& r = tz().review;
    CHECK(r.ranking_article == "第二十条");
    CHECK(r.publicity.length == 10);
    CHECK(r.publicity.unit == award::PeriodUnit::CalendarDays);
    CHECK(r.publicity.article == "第二十条");
    // Calendar days: the National Day holiday is not skipped.
    const award::PublicityPeriod p = award::publicity_period(award::HolidayCalendar{}, Date(2026, 9, 28), r.publicity);
    CHECK(p.end == Date(2026, 10, 7));
    CHECK(p.article == "第二十条");
    CHECK_FALSE(r.refill_after_objection);
    CHECK(r.refill_article == "第二十条");
}

TEST_CASE("TZ-第二十二条 a reviewer with an interest in an applicant recuses") {
    CHECK(tz().review.recusal_article == "第二十二条");
}

// ---- After the award --------------------------------------------------------------------------

namespace {

const award::Obligation* obligation(const std::string& article) {
    for (const auto& o : tz().obligations)
        if (o.article == article) return &o;
    return nullptr;
}

}  // namespace

TEST_CASE("TZ-第二十四条 an incident within 3 years of winning must be reported in writing within 30 days") {
    const award::Obligation* o = obligation("第二十四条");
    REQUIRE(o);
    CHECK(o->years == 3);
    CHECK(contains(o->text, "第十二条规定的情形"));
    CHECK(contains(o->text, "30日内以书面形式报告区质委办"));
}

TEST_CASE("TZ-第二十六条 the title is used stating the year, never on products or packaging") {
    const award::Obligation* o = obligation("第二十六条");
    REQUIRE(o);
    CHECK(o->years == 0);  // as long as the title is used
    CHECK(contains(o->text, "注明获奖年份"));
    CHECK(contains(o->text, "不得用于产品宣传"));
    CHECK(contains(o->text, "产品或包装上"));
}
