// Who the applicant is: 注册地, 生产经营年限, 声明 (魏都区第九条 and the like).
#include <algorithm>
#include <optional>

#include "rules/check_support.hpp"

namespace award::detail {

namespace {

struct RegionParams {
    std::string region;
};
RegionParams read_region(ParamReader& r) {
    r.only_keys({"region"});
    return {r.text("region")};
}

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

CheckResult run_registered_in(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    RegionParams p = read_region(reader);
    reader.throw_if_issues(spec);
    bool passed = a.region == p.region;
    Finding f(spec, a, ctx);
    f.set("region", a.region);
    f.set("required_region", p.region);
    return f.finish(passed, "注册地 " + (a.region.empty() ? std::string("（空）") : a.region) + "；要求 " + p.region +
                                "；" + verdict(passed));
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
