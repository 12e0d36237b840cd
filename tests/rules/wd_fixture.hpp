// A 魏都区 policy built in code (test_rules does not link the pack loader), with
// the same checks and sentences as templates/policies/weidu.json, plus an applicant
// who passes every check of the 提名奖, for tests to spoil one field at a time.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "rules/eligibility.hpp"

namespace wd {

using nlohmann::json;

inline const char* kTail = "不符合《{regulation}》{article}关于“{requirement}”的规定。";

inline award::CheckSpec check(std::string id, std::string kind, std::string article, std::string requirement,
                              json params, std::string fail_head) {
    return award::CheckSpec{std::move(id), std::move(kind), std::move(article), std::move(requirement),
                            std::move(params), std::move(fail_head) + kTail};
}

inline award::Policy policy() {
    award::Policy p;
    p.id = "weidu";
    p.jurisdiction = "魏都区";
    p.regulation = "魏都区区长质量奖管理办法";
    p.award_title = "魏都区区长质量奖";
    p.incident_kinds = {"质量事故", "安全事故", "环境污染事故", "公共卫生事故", "食品安全事故", "质量投诉", "失信行为"};
    p.severities = {"一般", "较大", "重大", "严重", "特别重大"};
    p.acceptance_publicity = award::PublicitySpec{5, award::PeriodUnit::WorkingDays, "第十四条"};
    p.rejection_article = "第十四条";
    p.review_article = "第十六条";
    p.certificates = {"WD{year}{award_code}{seq:3}", "第二十三条", "魏都区区长质量奖证书.json"};
    p.checks = {
        check("wd-9-region", "registered_in", "第九条", "在魏都区行政区域内登记注册", {{"region", "魏都区"}},
              "贵单位注册地为{region}，不在{required_region}行政区域内，"),
        check("wd-9-years", "min_years_operating", "第九条", "生产经营5年以上（专精特新“小巨人”企业可放宽至3年以上）",
              {{"years", 5}, {"reduced_years", 3}, {"reduced_for", {"专精特新小巨人"}}},
              "贵单位成立于{founded}，截至申报截止日{reference_date}生产经营不满{required_years}年，"),
        check("wd-9-licences", "declaration", "第九条", "具备相关资质或证照", {{"field", "licences_valid"}},
              "贵单位在申报材料中未声明{declaration}，"),
        check("wd-9-policy", "declaration", "第九条",
              "符合国家和本市有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策要求",
              {{"field", "policy_compliant"}}, "贵单位在申报材料中未声明符合相关法律法规及政策要求，"),
        check("wd-9-self-evaluation", "self_evaluation_good", "第九条", "积极实行卓越绩效管理，连续2年自评良好",
              {{"consecutive_years", 2}, {"good_results", {"优秀", "良好"}}},
              "贵单位{findings}，未达到{years}连续{consecutive_years}年卓越绩效自评良好的要求，"),
        check("wd-10-self-evaluation", "self_evaluation_good", "第十条", "卓越绩效连续3年自评良好",
              {{"consecutive_years", 3}, {"good_results", {"优秀", "良好"}}},
              "贵单位{findings}，未达到{years}连续{consecutive_years}年卓越绩效自评良好的要求，"),
        check("wd-10-nomination", "requires_prior_award", "第十条", "获得区长质量提名奖1年以上",
              {{"awards", {"区长质量提名奖", "区长质量奖"}}, {"min_years_held", 1}, {"alternative_decision", "special_approval"}},
              "贵单位{finding}，亦无评委会同意特批的决定，"),
        check("wd-11-incidents", "no_incident_within", "第十一条",
              "近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，无重大质量投诉，无严重失信行为",
              {{"years", 3},
               {"window", "exclusive_start"},
               {"severity_levels", json::array({"一般", "较大", json::array({"重大", "严重"}), "特别重大"})},
               {"counted", json::array({{{"kind", "质量事故"}, {"min_severity", "较大"}},
                                        {{"kind", "安全事故"}, {"min_severity", "较大"}},
                                        {{"kind", "环境污染事故"}, {"min_severity", "较大"}},
                                        {{"kind", "公共卫生事故"}, {"min_severity", "较大"}},
                                        {{"kind", "食品安全事故"}, {"min_severity", "较大"}},
                                        {{"kind", "质量投诉"}, {"min_severity", "重大"}},
                                        {{"kind", "失信行为"}, {"min_severity", "严重"}}})}},
              "贵单位{findings}，"),
        check("wd-12-cooldown", "cooldown_after_award", "第十二条", "获奖组织自获奖之日起4年内不得重复申报同一奖项",
              {{"years", 4}},
              "贵单位已于{awarded_on}获得{award}，至申报截止日{reference_date}未满{years}年（{eligible_from}起方可重新申报），"),
        check("wd-30-revocation-ban", "ban_after_revocation", "第三十条、第三十一条", "4年内不接受该组织再次申报",
              {{"years", 4}},
              "贵单位所获{award}称号已于{revoked_on}被撤销，至申报截止日{reference_date}未满{years}年（{eligible_from}起方可再次申报），"),
    };
    p.checks.back().fail_text =  // as in the pack: the quoted words need their context
        "贵单位所获{award}称号已于{revoked_on}被撤销，至申报截止日{reference_date}未满{years}年（{eligible_from}起方可再次申报），"
        "不符合《{regulation}》{article}关于撤销称号后“{requirement}”的规定。";
    p.awards = {
        {"main", "区长质量奖", 2, 50000, true,
         {"wd-9-region", "wd-9-years", "wd-9-licences", "wd-9-policy", "wd-10-self-evaluation", "wd-10-nomination",
          "wd-11-incidents", "wd-12-cooldown", "wd-30-revocation-ban"},
         "第四条", "第二十三条", "Z", {}, {}, ""},
        {"nomination", "区长质量提名奖", 4, 30000, true,
         {"wd-9-region", "wd-9-years", "wd-9-licences", "wd-9-policy", "wd-9-self-evaluation", "wd-11-incidents",
          "wd-12-cooldown", "wd-30-revocation-ban"},
         "第四条", "第二十三条", "T", {}, {}, ""},
        {"innovation", "质量管理创新奖", 0, 0, false, {}, "第四条", "第二十三条", "C", {}, {}, ""},
    };
    for (auto* name : {"区长质量奖", "区长质量提名奖"}) {  // 第十二条: 再次获奖 outside the quota
        for (auto& a : p.awards)
            if (a.name == name) a.conferral.repeat_article = "第十二条";
    }
    p.awards[2].conferral.by = award::AwardConferral::By::Threshold;
    return p;
}

inline const award::Date kDeadline{2026, 9, 18};  // r: 申报截止日
inline constexpr int kCycle = 2026;

// Passes every check of the 提名奖 on r = 2026-09-18.
inline award::Applicant applicant() {
    award::Applicant a;
    a.name = "许昌瑞达电气有限公司";
    a.credit_code = "91411002MA44XXXXXX";
    a.award = "区长质量提名奖";
    a.region = "魏都区";
    a.founded = award::Date(2012, 5, 20);
    a.licences_valid = true;
    a.policy_compliant = true;
    a.self_evaluations = {{2023, "良好"}, {2024, "良好"}, {2025, "优秀"}};
    a.source = "applicants.json: /applicants/0";
    return a;
}

// Runs one check of the fixture policy.
struct Runner {
    award::Policy pol = policy();
    std::vector<award::Decision> decisions;
    award::Date reference = kDeadline;

    award::CheckResult run(const std::string& check_id, const award::Applicant& a) const {
        const award::CheckSpec* spec = pol.find_check(check_id);
        if (!spec) throw std::logic_error("fixture has no check " + check_id);
        award::CheckContext ctx{pol, reference, kCycle, decisions};
        return award::run_check(*spec, a, ctx);
    }
};

}  // namespace wd
