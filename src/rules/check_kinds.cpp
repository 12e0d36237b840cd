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

// THE table: every check kind, what it checks, and the placeholders its fail_text
// may use besides the common ones. Dates are in Chinese form (2026年9月18日).
const std::vector<KindRow>& rows() {
    using namespace detail;
    static const std::vector<KindRow> table = {
        {{"registered_in", "注册地在本辖区",
          {"region",             // 申报单位注册地
           "required_region"}},  // 要求的注册地
         run_registered_in, validate_registered_in},
        {{"min_years_operating", "生产经营满规定年限（可按称号放宽）",
          {"founded",         // 成立日期
           "required_years",  // 适用的年限（已按称号放宽）
           "eligible_from",   // 满年限之日
           "designation"}},   // 获得放宽的称号，无则为空
         run_min_years_operating, validate_min_years_operating},
        {{"declaration", "申报单位声明的事项为真",
          {"declaration"}},  // 所声明事项的中文表述
         run_declaration, validate_declaration},
        {{"self_evaluation_good", "卓越绩效连续若干年自评良好",
          {"consecutive_years",  // N
           "years",              // 要求的年度：2024年、2025年
           "good_results",       // 优秀、良好
           "missing_years",      // 无自评的年度
           "bad_years",          // 自评不合格的年度及结果：2025年（一般）
           "findings"}},         // 事实短语：2024年度无卓越绩效自评结果，2025年度卓越绩效自评结果为“一般”
         run_self_evaluation_good, validate_self_evaluation_good},
        {{"requires_prior_award", "持有前置奖项满规定年限（或有特批决定）",
          {"award",           // 前置奖项名称
           "min_years_held",  // 要求持有年限
           "awarded_on",      // 获奖日期（无则为空）
           "revoked_on",      // 撤销日期（仅所获奖项已撤销时）
           "eligible_from",   // 满年限之日（无则为空）
           "finding"}},       // 事实短语：未获得过区长质量提名奖 / 于…获得…不满1年 / 所获…已于…被撤销
         run_requires_prior_award, validate_requires_prior_award},
        {{"no_incident_within", "近若干年无计入的事故、投诉、失信",
          {"years",                 // 年限
           "window_start",          // 统计窗口第一天
           "incidents",             // 所有计入事项：于2024年3月1日发生较大质量事故（…），…
           "incident_date",         // 最近一件计入事项的日期
           "incident_kind",         // 其类型
           "incident_severity",     // 其等级
           "incident_description"}},  // 其描述
         run_no_incident_within, validate_no_incident_within},
        {{"cooldown_after_award", "获同一奖项后若干年内不得重复申报",
          {"award",           // 申报且曾获得的奖项
           "years",           // 年限
           "awarded_on",      // 最近一次获得该奖项的日期
           "eligible_from"}},  // 可再次申报之日
         run_cooldown_after_award, validate_cooldown_after_award},
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
