// Standing and results the applicant reports: 评级 (通州区第十一条(六): 工业企业保持蓝色及以上
// 环保信用等级) and 近年利润 (中牟县第十四条(五): 企业生产、经营出现亏损).
#include <algorithm>

#include "model/money.hpp"
#include "rules/check_support.hpp"
#include "rules/industry.hpp"
#include "rules/sentence.hpp"

namespace award::detail {

namespace {

// The Applicant ratings a min_rating check may name, with their Chinese wording.
struct RatingField {
    const char* key;
    const char* label;  // 环保信用等级
    std::string Applicant::*member;
};
const RatingField kRatingFields[] = {
    {"environmental_credit", "环保信用等级", &Applicant::environmental_credit},
};

struct RatingParams {
    const RatingField* field = nullptr;
    std::vector<std::string> scale;  // worst first
    std::string min;
    // GB/T 4754-2017 门类 the check applies to (通州区: B, C, D = 工业企业); absent: every applicant.
    std::optional<std::vector<const IndustrySection*>> sections;
};

std::string section_labels(const std::vector<const IndustrySection*>& sections) {
    std::vector<std::string> labels;
    for (const auto* s : sections) labels.push_back(s->label());
    return join(labels);
}

RatingParams read_rating(ParamReader& r) {
    r.only_keys({"field", "scale", "min", "sections"});
    RatingParams p;
    const std::string key = r.text("field");
    for (const auto& f : kRatingFields)
        if (key == f.key) p.field = &f;
    if (!key.empty() && !p.field) {
        std::string known;
        for (const auto& f : kRatingFields) known += std::string(known.empty() ? "" : "、") + f.key;
        r.issue("/field", "未知的评级字段 \"" + key + "\"（可用：" + known + "）");
    }
    p.scale = r.text_list("scale", true);
    if (r.params().is_object() && r.params().contains("scale") && r.params()["scale"].is_array() &&
        r.params()["scale"].size() == 1)
        r.issue("/scale", "至少应有两个等级（由低到高排列）");
    p.min = r.text("min");
    if (!p.min.empty() && !p.scale.empty() && std::find(p.scale.begin(), p.scale.end(), p.min) == p.scale.end())
        r.issue("/min", "\"" + p.min + "\" 不在 scale 中（" + join(p.scale) + "）");
    if (r.params().is_object() && r.params().contains("sections")) {
        p.sections.emplace();
        r.text_list("sections", true);  // reports what is not a non-empty string, and repeats
        const auto& list = r.params()["sections"];
        for (std::size_t k = 0; list.is_array() && k < list.size(); ++k) {
            if (!list[k].is_string() || list[k].get<std::string>().empty()) continue;
            const std::string code = list[k].get<std::string>();
            const IndustrySection* sec = gbt4754().find_section(code);
            if (!sec)
                r.issue("/sections/" + std::to_string(k),
                        "\"" + code + "\" 不是《国民经济行业分类》（GB/T 4754-2017）的门类：应为门类字母 A–T（大写，如 \"C\" 表示"
                        "制造业；门类表见 templates/reference/gbt4754-2017.json）");
            else if (std::find(p.sections->begin(), p.sections->end(), sec) == p.sections->end())
                p.sections->push_back(sec);
        }
    }
    return p;
}

int read_loss_years(ParamReader& r) {
    r.only_keys({"years"});
    return r.integer("years", 1);
}

std::size_t rank_in(const std::vector<std::string>& scale, const std::string& value) {
    return std::size_t(std::find(scale.begin(), scale.end(), value) - scale.begin());
}

}  // namespace

void validate_min_rating(ParamReader& r) { read_rating(r); }
void validate_no_loss_within(ParamReader& r) { read_loss_years(r); }

CheckResult run_min_rating(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    RatingParams p = read_rating(reader);
    reader.throw_if_issues(spec);
    const std::string label = p.field->label;
    const std::string& rating = a.*(p.field->member);
    Finding f(spec, a, ctx);
    f.set("rating_name", label);
    f.set("rating", rating);
    f.set("min_rating", p.min);
    f.set("scale", join(p.scale));
    f.set("industry", a.industry);
    f.set("industry_section", "");
    f.set("applicable_sections", p.sections ? section_labels(*p.sections) : "");
    f.set("finding", "");
    const std::string requirement = "要求" + label + "不低于 " + p.min + "（由低到高：" + join(p.scale, " < ") + "）";

    std::string scope;
    if (p.sections) {
        const std::string industry = a.industry.empty() ? std::string("（空）") : a.industry;
        const IndustryResolution place = gbt4754().resolve(a.industry);
        if (!place) {
            // Fails closed: an industry that cannot be placed might be one the check applies to.
            // Ingest refuses it for such packs; this is for callers that skip ingest.
            f.set("finding", "所属行业“" + a.industry + "”无法归入《国民经济行业分类》（GB/T 4754-2017）的门类");
            CheckResult r = f.finish(false, "所属行业 " + industry + " 无法归入门类（" + place.problem + "），不能排除适用" +
                                                requirement + "，按不满足处理；不满足");
            // The pack's fail_text speaks of a firm the check applies to: say what is really wrong.
            r.reason = "贵单位填报的所属行业“" + a.industry + "”不能按《国民经济行业分类》（GB/T 4754-2017）归入门类，无法认定是否适用《" +
                       ctx.policy.regulation + "》" + spec.article + "关于“" + nest_quotes(spec.requirement) +
                       "”的规定，按不符合该规定处理。";
            return r;
        }
        f.set("industry_section", place.section->label());
        if (std::find(p.sections->begin(), p.sections->end(), place.section) == p.sections->end())
            return f.finish(true, "所属行业 " + industry + " 属" + place.description() + "，不在适用门类（" +
                                      section_labels(*p.sections) + "）之列，不适用" + requirement + "；满足");
        scope = "所属行业 " + industry + " 属" + place.description() + "，适用；";
    }
    if (rating.empty()) {
        f.set("finding", "未填写" + label);
        return f.finish(false, scope + requirement + "；" + label + " 未填写；不满足");
    }
    const std::size_t at = rank_in(p.scale, rating);
    if (at == p.scale.size()) {
        f.set("finding", label + "“" + rating + "”不是认可的等级（" + join(p.scale) + "）");
        return f.finish(false, scope + requirement + "；" + label + " " + rating + " 不在等级表中；不满足");
    }
    const bool passed = at >= rank_in(p.scale, p.min);
    if (!passed) f.set("finding", label + "为" + rating);
    return f.finish(passed, scope + requirement + "；" + label + " " + rating + (passed ? " ≥ " : " < ") + p.min + "；" +
                                verdict(passed));
}

CheckResult run_no_loss_within(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    const int years = read_loss_years(reader);
    reader.throw_if_issues(spec);
    // The N full years before the cycle year, oldest first (2026: 2023, 2024, 2025).
    std::vector<std::string> covered, losses, missing, findings, trace_parts;
    for (int y = ctx.cycle_year - years; y < ctx.cycle_year; ++y) {
        // A year before the founding year has no accounts to show (a 小巨人 may apply after
        // 2 years under 中牟县第十三条（一）): there was no business to lose money in it.
        if (a.founded.year() > 0 && y < a.founded.year()) {
            trace_parts.push_back(std::to_string(y) + " 尚未成立，不计");
            continue;
        }
        covered.push_back(std::to_string(y) + "年");
        const auto it = std::find_if(a.financials.begin(), a.financials.end(),
                                     [&](const YearFinancials& f) { return f.year == y; });
        if (it == a.financials.end() || !it->profit_yuan) {
            missing.push_back(std::to_string(y) + "年");
            findings.push_back(std::to_string(y) + "年度未填写利润总额");
            trace_parts.push_back(std::to_string(y) + " 未填写");
            continue;
        }
        const std::string amount = yuan_wan_2dp(*it->profit_yuan);
        if (*it->profit_yuan < 0) {
            const std::string phrase = std::to_string(y) + "年度利润总额" + amount;
            losses.push_back(phrase);
            findings.push_back(phrase);
            trace_parts.push_back(std::to_string(y) + " " + amount + "（亏损）");
        } else {
            trace_parts.push_back(std::to_string(y) + " " + amount);
        }
    }
    const bool passed = losses.empty() && missing.empty();
    Finding f(spec, a, ctx);
    f.set("years", std::to_string(years));
    f.set("covered_years", join(covered));
    f.set("loss_years", join(losses));
    f.set("missing_years", join(missing));
    f.set("findings", join(findings, "，"));
    return f.finish(passed, "要求 " + join(covered) + " 利润总额均不为负（不亏损）；" + join(trace_parts, "，") + "；" +
                                verdict(passed));
}

}  // namespace award::detail
