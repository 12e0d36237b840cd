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
        // params: {"region": "本溪市", "includes": ["平山区", "溪湖区", …] (optional)}
        // Passes when the applicant's region is `region` or one of `includes` (a city and its districts).
        {{"registered_in", "注册地在本辖区",
          {"region",              // 申报单位注册地（未填写时为空）
           "required_region",     // 要求的注册地
           "included_regions"}},  // includes 列出的下辖地区：平山区、溪湖区（无则为空）
         run_registered_in, validate_registered_in},
        // params: {"years": 5, "reduced_years": 3, "reduced_for": ["专精特新小巨人"]}; founded + years ≤ r
        {{"min_years_operating", "生产经营满规定年限（可按称号放宽）",
          {"founded",         // 成立日期
           "required_years",  // 适用的年限（已按称号放宽）
           "eligible_from",   // 满年限之日
           "designation"}},   // 获得放宽的称号，无则为空
         run_min_years_operating, validate_min_years_operating},
        // params: {"field": "licences_valid" | "policy_compliant" | "has_chief_quality_officer"
        //          | "quality_system_certified" | "internal_publicity_done"}
        {{"declaration", "申报单位声明的事项为真",
          {"declaration"}},  // 所声明事项的中文表述，如“设有首席质量官”
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
        //          "severity_levels": [mildest, …, [equal names], …],
        //          "counted": [{"kind", "min_severity", "phrase" (optional)}, …]}
        // window: exclusive_start — an incident exactly `years` years before r is outside
        // (the window starts the next day); inclusive_start — it is inside. Incidents after r count.
        // phrase: how a counted record of that kind reads after “于{日期}” in {incidents} and
        // {findings}; may use {severity} and {kind}; default "发生{severity}{kind}" (发生较大质量事故).
        // Kinds without a sense of severity give their own: "被列入经营异常名录", "受到行政处罚"
        // → 于2025年6月12日受到行政处罚（描述）. Each record is followed by （描述） when it has one.
        {{"no_incident_within", "近若干年无计入的事故、投诉、失信",
          {"years",                 // 年限
           "window_start",          // 统计窗口第一天
           "incidents",             // 全部计入事项，最近的在前：于2025年6月12日受到行政处罚（…），于2024年3月1日发生较大质量事故（…）
           "findings",              // 全部计入事项，按时间分组并说明时段：…，系申报截止日…后发生的事项；…，属申报截止日…前3年内发生的事项
           "incident_date",         // 最近一件计入事项的日期（只引这一件；列出全部用 {findings} 或 {incidents}）
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
        // params: {"years": 4, "reasons": ["弄虚作假", "行贿"] (optional),
        //          "scope": "any_award" (default) | "same_award" (optional)}
        // Counted revocations: with "reasons", only those whose revocation_reason is listed (ingest
        // refuses a revocation without a reason that such a check could count: it cannot be judged);
        // with scope same_award, only those of the award applied for. The latest counted
        // revocation decides: revoked_on + years ≤ r.
        {{"ban_after_revocation", "奖项被撤销后若干年内不受理",
          {"award",              // 被撤销的奖项
           "years",              // 年限
           "awarded_on",         // 其获奖日期
           "revoked_on",         // 撤销日期
           "ban_until",          // 不受理期的最后一天
           "eligible_from",      // 可再次申报之日
           "revocation_reason",  // 其撤销原因（无 reasons 且未记录时为空）
           "counted_reasons"}},  // reasons 列出的原因：弄虚作假、行贿（无 reasons 时为空）
         run_ban_after_revocation, validate_ban_after_revocation},
        // params: {"allowed": ["企业法人", "事业单位法人"]}; legal_form is one of them (missing fails)
        {{"legal_form_in", "法人类型符合要求",
          {"legal_form",     // 申报单位的法人类型（未填写时为空）
           "allowed_forms",  // 要求的法人类型：企业法人、事业单位法人
           "finding"}},      // 事实短语：法人类型为个体工商户 / 未填写法人类型
         run_legal_form_in, validate_legal_form_in},
        // params: {"region": "鹿城区"}; tax_region equals region (missing fails)
        {{"tax_attributed_to", "税收归属本辖区",
          {"tax_region",       // 申报单位的税收归属地（未填写时为空）
           "required_region",  // 要求的归属地
           "finding"}},        // 事实短语：税收归属地为瓯海区 / 未填写税收归属地
         run_tax_attributed_to, validate_tax_attributed_to},
        // params: {"levels": ["乡镇人民政府", "街道办事处", "县级主管部门"]};
        // a recommendation whose level (推荐单位类别) is one of them (no recommendation fails)
        {{"recommended_by", "经规定的单位推荐",
          {"recommender",        // 推荐单位名称（无推荐时为空）
           "recommender_level",  // 推荐单位类别（无推荐时为空）
           "allowed_levels",     // 可推荐的单位类别：乡镇人民政府、街道办事处、县级主管部门
           "finding"}},          // 事实短语：未填写推荐单位 / 所获推荐来自中牟县企业联合会（行业协会），不属于乡镇人民政府、…
         run_recommended_by, validate_recommended_by},
        // params: {"field": "environmental_credit", "scale": [worst, …, best], "min": "蓝色",
        //          "sections": ["B", "C", "D"] (optional; absent: every applicant)}
        // sections: GB/T 4754-2017 门类 letters (rules/industry.hpp, templates/reference/gbt4754-2017.json;
        // 通州区 工业企业 = B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业). The applicant's
        // industry (所属行业) is placed in its 门类 from a 门类 or 大类 name or code ("制造业",
        // "通用设备制造业", "C34", "34", "C 制造业"); not applicable (passes) when that 门类 is not
        // listed. An industry that cannot be placed fails closed, with a reason of its own (not
        // fail_text) — ingest refuses it first for awards with such a check.
        // Fails when the rating is missing, not in the scale, or below min.
        {{"min_rating", "评级不低于规定等级",
          {"rating_name",          // 评级的名称：环保信用等级
           "rating",               // 申报单位的评级（未填写时为空）
           "min_rating",           // 最低等级：蓝色
           "scale",                // 全部等级，由低到高：红色、黄色、蓝色、绿色
           "industry",             // 申报单位所属行业，照填写
           "industry_section",     // 所属行业归入的门类：C 制造业（无 sections 时为空）
           "applicable_sections",  // sections 列出的门类：B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业（无则为空）
           "finding"}},            // 事实短语：环保信用等级为黄色 / 未填写环保信用等级 / 环保信用等级“紫色”不是认可的等级
         run_min_rating, validate_min_rating},
        // params: {"years": 3}; the N full years before the cycle year (2026: 2023, 2024, 2025)
        // each have 利润总额 given and ≥ 0 (0 is no loss). Amounts in 万元 with 2 decimals.
        {{"no_loss_within", "近若干年无亏损",
          {"years",          // N
           "covered_years",  // 所查的年度：2023年、2024年、2025年
           "loss_years",     // 亏损的年度及金额：2024年度利润总额-35.20万元
           "missing_years",  // 未填写利润总额的年度：2023年
           "findings"}},     // 事实短语：2024年度利润总额-35.20万元，2023年度未填写利润总额
         run_no_loss_within, validate_no_loss_within},
        // params: {"field": "excellence_model_since", "years": 1}; date + years ≤ r (missing fails)
        {{"min_years_since", "某事项已满规定年限",
          {"since_label",     // 日期的名称：实施卓越绩效起始日期
           "since",           // 该日期（未填写时为空）
           "required_years",  // 年限
           "eligible_from",   // 满年限之日（未填写时为空）
           "finding"}},       // 事实短语：自2025年12月1日起实施卓越绩效管理，截至申报截止日2026年9月18日不满1年 / 未填写实施卓越绩效起始日期
         run_min_years_since, validate_min_years_since},
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
