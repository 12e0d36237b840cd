// Who the applicant is: 注册地, 生产经营年限, 声明 (魏都区第九条 and the like).
#include <algorithm>
#include <optional>

#include "rules/check_support.hpp"

namespace award::detail {

namespace {

struct RegionParams {
    std::string region;
    std::vector<std::string> includes;  // sub-regions that count as the region (a city's districts)
};
RegionParams read_region(ParamReader& r) {
    r.only_keys({"region", "includes"});
    RegionParams p{r.text("region"), r.text_list("includes", false)};
    if (std::find(p.includes.begin(), p.includes.end(), p.region) != p.includes.end())
        r.issue("/includes", "includes 列出的是 region 下辖的地区，不必再写 region 本身（\"" + p.region + "\"）");
    return p;
}

std::vector<std::string> read_allowed_list(ParamReader& r, const char* key) {
    r.only_keys({key});
    return r.text_list(key, true);
}

std::string read_tax_region(ParamReader& r) {
    r.only_keys({"region"});
    return r.text("region");
}

std::string shown_or_blank(const std::string& s) { return s.empty() ? std::string("（空）") : s; }

struct YearsParams {
    int years = 0;
    std::optional<int> reduced_years;
    std::vector<std::string> reduced_for;  // designations that earn the reduction
};
YearsParams read_years(ParamReader& r) {
    r.only_keys({"years", "reduced_years", "reduced_for"});
    YearsParams p;
    p.years = r.integer("years", 1);
    p.reduced_years = r.optional_integer("reduced_years", 1);
    p.reduced_for = r.text_list("reduced_for", p.reduced_years.has_value());
    if (p.reduced_years && p.years > 0 && *p.reduced_years > p.years) {
        r.issue("/reduced_years", "放宽后的年限 " + std::to_string(*p.reduced_years) + " 不应大于 years " +
                                      std::to_string(p.years));
    }
    if (!p.reduced_years && !p.reduced_for.empty()) r.issue("/reduced_years", "给出了 reduced_for 却缺少 reduced_years");
    return p;
}

// The Applicant fields a declaration check may name, with their Chinese wording.
struct DeclarationField {
    const char* key;
    const char* label;
    bool Applicant::*member;
};
const DeclarationField kDeclarationFields[] = {
    {"licences_valid", "具备相关资质或证照", &Applicant::licences_valid},
    {"policy_compliant", "符合产业导向、环境保护、节能减排、安全生产、质量等政策要求", &Applicant::policy_compliant},
    {"has_chief_quality_officer", "设有首席质量官", &Applicant::has_chief_quality_officer},
    {"quality_system_certified", "通过质量管理体系认证并有效运行", &Applicant::quality_system_certified},
    {"internal_publicity_done", "已在本单位内部公示不少于5个工作日", &Applicant::internal_publicity_done},
};

const DeclarationField* read_declaration(ParamReader& r) {
    r.only_keys({"field"});
    std::string key = r.text("field");
    for (const auto& f : kDeclarationFields) {
        if (key == f.key) return &f;
    }
    if (!key.empty()) {
        std::string known;
        for (const auto& f : kDeclarationFields) known += std::string(known.empty() ? "" : "、") + f.key;
        r.issue("/field", "未知的声明字段 \"" + key + "\"（可用：" + known + "）");
    }
    return nullptr;
}

}  // namespace

void validate_registered_in(ParamReader& r) { read_region(r); }
void validate_min_years_operating(ParamReader& r) { read_years(r); }
void validate_declaration(ParamReader& r) { read_declaration(r); }
void validate_legal_form_in(ParamReader& r) { read_allowed_list(r, "allowed"); }
void validate_tax_attributed_to(ParamReader& r) { read_tax_region(r); }
void validate_recommended_by(ParamReader& r) { read_allowed_list(r, "levels"); }

CheckResult run_registered_in(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    RegionParams p = read_region(reader);
    reader.throw_if_issues(spec);
    const bool itself = a.region == p.region;
    const bool included = std::find(p.includes.begin(), p.includes.end(), a.region) != p.includes.end();
    const bool passed = itself || included;
    Finding f(spec, a, ctx);
    f.set("region", a.region);
    f.set("required_region", p.region);
    f.set("included_regions", join(p.includes));
    std::string required = p.region;
    if (!p.includes.empty()) required += "（含" + join(p.includes) + "）";
    std::string how;
    if (included) how = "（" + a.region + " 属 " + p.region + "）";
    return f.finish(passed, "注册地 " + shown_or_blank(a.region) + how + "；要求 " + required + "；" + verdict(passed));
}

CheckResult run_legal_form_in(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    const auto allowed = read_allowed_list(reader, "allowed");
    reader.throw_if_issues(spec);
    const bool passed = !a.legal_form.empty() && std::find(allowed.begin(), allowed.end(), a.legal_form) != allowed.end();
    Finding f(spec, a, ctx);
    f.set("legal_form", a.legal_form);
    f.set("allowed_forms", join(allowed));
    f.set("finding", passed ? "" : a.legal_form.empty() ? "未填写法人类型" : "法人类型为" + a.legal_form);
    return f.finish(passed, "法人类型 " + shown_or_blank(a.legal_form) + "；要求 " + join(allowed, "/") + " 之一；" +
                                verdict(passed));
}

CheckResult run_tax_attributed_to(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    const std::string region = read_tax_region(reader);
    reader.throw_if_issues(spec);
    const bool passed = a.tax_region == region;
    Finding f(spec, a, ctx);
    f.set("tax_region", a.tax_region);
    f.set("required_region", region);
    f.set("finding", passed ? "" : a.tax_region.empty() ? "未填写税收归属地" : "税收归属地为" + a.tax_region);
    return f.finish(passed, "税收归属地 " + shown_or_blank(a.tax_region) + "；要求 " + region + "；" + verdict(passed));
}

CheckResult run_recommended_by(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    const auto levels = read_allowed_list(reader, "levels");
    reader.throw_if_issues(spec);
    const Recommendation* rec = a.recommendation ? &*a.recommendation : nullptr;
    const bool passed = rec && std::find(levels.begin(), levels.end(), rec->level) != levels.end();
    Finding f(spec, a, ctx);
    f.set("recommender", rec ? rec->by : "");
    f.set("recommender_level", rec ? rec->level : "");
    f.set("allowed_levels", join(levels));
    std::string finding;
    if (!rec) finding = "未填写推荐单位";
    else if (!passed) finding = "所获推荐来自" + rec->by + "（" + rec->level + "），不属于" + join(levels);
    f.set("finding", finding);
    const std::string given = rec ? rec->by + "（" + rec->level + "）" : "无";
    return f.finish(passed, "推荐单位 " + given + "；要求类别为 " + join(levels, "/") + " 之一；" + verdict(passed));
}

CheckResult run_min_years_operating(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    YearsParams p = read_years(reader);
    reader.throw_if_issues(spec);
    // The first designation that earns the reduction (专精特新小巨人 可放宽至3年).
    std::string designation;
    for (const auto& d : a.designations) {
        if (std::find(p.reduced_for.begin(), p.reduced_for.end(), d) != p.reduced_for.end()) {
            designation = d;
            break;
        }
    }
    int required = designation.empty() ? p.years : *p.reduced_years;
    Date eligible_from = a.founded.plus_years(required);  // the day it has operated `required` years
    bool passed = eligible_from <= ctx.reference_date;

    Finding f(spec, a, ctx);
    f.set("founded", a.founded.chinese());
    f.set("required_years", std::to_string(required));
    f.set("eligible_from", eligible_from.chinese());
    f.set("designation", designation);
    std::string basis;
    if (!designation.empty()) {
        basis = designation + "，由 " + std::to_string(p.years) + " 年放宽";
    } else if (!p.reduced_for.empty()) {
        basis = "非" + join(p.reduced_for, "/");
    } else {
        basis = "无放宽";
    }
    return f.finish(passed, "成立日期 " + a.founded.iso() + "；要求 " + std::to_string(required) + " 年（" + basis +
                                "）；截至 " + ctx.reference_date.iso() + " 满 " + std::to_string(required) +
                                " 年之日为 " + eligible_from.iso() + "；" + verdict(passed));
}

CheckResult run_declaration(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    const DeclarationField* field = read_declaration(reader);
    reader.throw_if_issues(spec);
    bool passed = a.*(field->member);
    Finding f(spec, a, ctx);
    f.set("declaration", field->label);
    return f.finish(passed, std::string("声明 ") + field->key + "（" + field->label + "）= " +
                                (passed ? "true" : "false") + "；要求 true；" + verdict(passed));
}

}  // namespace award::detail
