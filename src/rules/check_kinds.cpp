#include "rules/check_kinds.hpp"

#include <stdexcept>

#include "rules/check_support.hpp"
#include "rules/eligibility.hpp"

namespace award {

namespace {

using RunFn = CheckResult (*)(const CheckSpec&, const Applicant&, const CheckContext&);
using ValidateFn = void (*)(detail::ParamReader&);

struct KindRow {
    CheckKindInfo info;
    RunFn run;
    ValidateFn validate;
};

// THE table: every check kind, its params (in the comment above its row), what it
// checks, and the placeholders its fail_text may use besides the common ones.
// Dates are in Chinese form (2026年9月18日).
const std::vector<KindRow>& rows() {
    using namespace detail;
    static const std::vector<KindRow> table = {
        // params: {"region": "魏都区"}
        {{"registered_in", "注册地在本辖区",
          {"region",             // 申报单位注册地
           "required_region"}},  // 要求的注册地
         run_registered_in, validate_registered_in},
        // params: {"years": 5, "reduced_years": 3, "reduced_for": ["专精特新小巨人"]}; founded + years ≤ r
        {{"min_years_operating", "生产经营满规定年限（可按称号放宽）",
          {"founded",         // 成立日期
           "required_years",  // 适用的年限（已按称号放宽）
           "eligible_from",   // 满年限之日
           "designation"}},   // 获得放宽的称号，无则为空
         run_min_years_operating, validate_min_years_operating},
        // params: {"field": "licences_valid" | "policy_compliant"}
        {{"declaration", "申报单位声明的事项为真",
          {"declaration"}},  // 所声明事项的中文表述
         run_declaration, validate_declaration},
        // params: {"consecutive_years": 2, "good_results": ["优秀", "良好"]}; the N years before the cycle year
        {{"self_evaluation_good", "卓越绩效连续若干年自评良好",
          {"consecutive_years",  // N
           "years",              // 要求的年度：2024年、2025年
           "good_results",       // 优秀、良好
           "missing_years",      // 无自评的年度
           "bad_years",          // 自评不合格的年度及结果：2025年（一般）
           "findings"}},         // 事实短语：2024年度无卓越绩效自评结果，2025年度卓越绩效自评结果为“一般”
         run_self_evaluation_good, validate_self_evaluation_good},
        // params: {"awards": ["区长质量提名奖", "区长质量奖"], "min_years_held": 1,
        //          "alternative_decision": "special_approval" (optional)}
        // Any listed award of the pack, not revoked by r, with awarded_on + min_years_held ≤ r,
        // satisfies it; so does a Decision of the alternative kind for the applicant.
        {{"requires_prior_award", "持有前置奖项满规定年限（或有特批决定）",
          {"awards",          // 可满足要求的前置奖项：区长质量提名奖或区长质量奖
           "award",           // 所找到并据以判断的那一项奖项（无则为空）
           "min_years_held",  // 要求持有年限
           "awarded_on",      // 其获奖日期（无则为空）
           "revoked_on",      // 其撤销日期（仅所获奖项已撤销时）
           "eligible_from",   // 满年限之日（无则为空）
           "finding"}},       // 事实短语：未获得过区长质量提名奖或区长质量奖 / 于…获得…不满1年 / 所获…已于…被撤销
         run_requires_prior_award, validate_requires_prior_award},
        // params: {"years": 3, "window": "exclusive_start" | "inclusive_start" (required),
        //          "severity_levels": [mildest, …, [equal names], …], "counted": [{"kind", "min_severity"}, …]}
        // window: exclusive_start — an incident exactly `years` years before r is outside
        // (the window starts the next day); inclusive_start — it is inside. Incidents after r count.
        {{"no_incident_within", "近若干年无计入的事故、投诉、失信",
          {"years",                 // 年限
           "window_start",          // 统计窗口第一天
           "incidents",             // 所有计入事项：于2024年3月1日发生较大质量事故（…），…
           "findings",              // 按时间分组并说明时段：…，系申报截止日…后发生的事项；…，属申报截止日…前3年内发生的事项
           "incident_date",         // 最近一件计入事项的日期
           "incident_kind",         // 其类型
           "incident_severity",     // 其等级
           "incident_description"}},  // 其描述
         run_no_incident_within, validate_no_incident_within},
        // params: {"years": 4}; the same award as applied for, awarded_on + years ≤ r
        {{"cooldown_after_award", "获同一奖项后若干年内不得重复申报",
          {"award",           // 申报且曾获得的奖项
           "years",           // 年限
           "awarded_on",      // 最近一次获得该奖项的日期
           "eligible_from"}},  // 可再次申报之日
         run_cooldown_after_award, validate_cooldown_after_award},
        // params: {"years": 4}; any revoked award, revoked_on + years ≤ r
        {{"ban_after_revocation", "奖项被撤销后若干年内不受理",
          {"award",           // 被撤销的奖项
           "years",           // 年限
           "awarded_on",      // 其获奖日期
           "revoked_on",      // 撤销日期
           "ban_until",       // 不受理期的最后一天
           "eligible_from"}},  // 可再次申报之日
         run_ban_after_revocation, validate_ban_after_revocation},
    };
    return table;
}

const KindRow* find_row(const std::string& kind) {
    for (const auto& r : rows()) {
        if (r.info.kind == kind) return &r;
    }
    return nullptr;
}

}  // namespace

const std::vector<std::string>& common_placeholders() {
    static const std::vector<std::string> common = {"regulation", "jurisdiction",   "article",       "requirement",
                                                    "name",       "applied_award", "reference_date"};
    return common;
}

const std::vector<CheckKindInfo>& check_kind_table() {
    static const std::vector<CheckKindInfo> infos = [] {
        std::vector<CheckKindInfo> v;
        for (const auto& r : rows()) v.push_back(r.info);
        return v;
    }();
    return infos;
}

const CheckKindInfo* find_check_kind(const std::string& kind) {
    const KindRow* r = find_row(kind);
    return r ? &r->info : nullptr;
}

std::vector<std::string> allowed_placeholders(const std::string& kind) {
    const KindRow* r = find_row(kind);
    if (!r) return {};
    std::vector<std::string> all = common_placeholders();
    all.insert(all.end(), r->info.placeholders.begin(), r->info.placeholders.end());
    return all;
}

std::vector<ParamIssue> check_param_issues(const std::string& kind, const nlohmann::json& params) {
    const KindRow* r = find_row(kind);
    if (!r) throw std::invalid_argument("unknown check kind: " + kind);
    detail::ParamReader reader(params);
    if (params.is_object()) r->validate(reader);
    return reader.issues();
}

const std::vector<std::string>& known_check_kinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> v;
        for (const auto& r : rows()) v.push_back(r.info.kind);
        return v;
    }();
    return kinds;
}

CheckResult run_check(const CheckSpec& spec, const Applicant& applicant, const CheckContext& ctx) {
    const KindRow* r = find_row(spec.kind);
    if (!r) throw std::invalid_argument("check " + spec.id + ": unknown check kind " + spec.kind);
    return r->run(spec, applicant, ctx);
}

}  // namespace award
