// The applicant's record over the years: 自评, 以往获奖, 撤销 (魏都区第九条, 第十条, 第十二条, 第三十条),
// and how long something has been so (中牟县第十三条: 实施卓越绩效模式管理1年以上).
#include <algorithm>
#include <stdexcept>

#include "rules/check_support.hpp"

namespace award::detail {

namespace {

// Where a prior award was read when not from the case ("（登记库 benxi 2022年度）"), for traces.
std::string source_note(const PriorAward& p) { return p.source.empty() ? std::string() : "（" + p.source + "）"; }


struct SelfEvalParams {
    int consecutive_years = 0;
    std::vector<std::string> good_results;  // e.g. 优秀, 良好
};
SelfEvalParams read_self_eval(ParamReader& r) {
    r.only_keys({"consecutive_years", "good_results"});
    return {r.integer("consecutive_years", 1), r.text_list("good_results", true)};
}

struct PriorAwardParams {
    std::vector<std::string> awards;  // any of them satisfies (第十条: 提名奖, or a former 区长质量奖 re-applying)
    int min_years_held = 0;
    std::optional<std::string> alternative_decision;  // a Decision kind that replaces the requirement
};
PriorAwardParams read_prior_award(ParamReader& r) {
    r.only_keys({"awards", "min_years_held", "alternative_decision"});
    PriorAwardParams p;
    p.awards = r.text_list("awards", true);
    p.min_years_held = r.integer("min_years_held", 0);
    p.alternative_decision = r.optional_text("alternative_decision");
    return p;
}

int read_years_only(ParamReader& r) {
    r.only_keys({"years"});
    return r.integer("years", 1);
}

std::string year_label(int y) { return std::to_string(y) + "年"; }

// Which revocations start the ban.
struct BanParams {
    int years = 0;
    std::optional<std::vector<std::string>> reasons;  // only these revocation reasons count
    bool same_award = false;                          // only revocations of the award applied for
};
BanParams read_ban(ParamReader& r) {
    r.only_keys({"years", "reasons", "scope"});
    BanParams p;
    p.years = r.integer("years", 1);
    if (r.params().is_object() && r.params().contains("reasons")) p.reasons = r.text_list("reasons", true);
    if (auto scope = r.optional_text("scope")) {
        if (*scope == "same_award") p.same_award = true;
        else if (*scope != "any_award")
            r.issue("/scope", "\"" + *scope + "\" 应为 any_award（任何奖项被撤销都计入，默认）或 same_award（仅申报的同一奖项被撤销才计入）");
    }
    return p;
}

// The dates some check kinds measure from, with their Chinese wording.
struct SinceField {
    const char* key;
    const char* label;     // 实施卓越绩效起始日期
    const char* activity;  // 实施卓越绩效管理: "自…起{activity}，截至…不满N年"
    std::optional<Date> Applicant::*member;
};
const SinceField kSinceFields[] = {
    {"excellence_model_since", "实施卓越绩效起始日期", "实施卓越绩效管理", &Applicant::excellence_model_since},
};

struct SinceParams {
    const SinceField* field = nullptr;
    int years = 0;
};
SinceParams read_since(ParamReader& r) {
    r.only_keys({"field", "years"});
    SinceParams p;
    const std::string key = r.text("field");
    for (const auto& f : kSinceFields)
        if (key == f.key) p.field = &f;
    if (!key.empty() && !p.field) {
        std::string known;
        for (const auto& f : kSinceFields) known += std::string(known.empty() ? "" : "、") + f.key;
        r.issue("/field", "未知的日期字段 \"" + key + "\"（可用：" + known + "）");
    }
    p.years = r.integer("years", 1);
    return p;
}

}  // namespace

void validate_self_evaluation_good(ParamReader& r) { read_self_eval(r); }
void validate_requires_prior_award(ParamReader& r) { read_prior_award(r); }
void validate_cooldown_after_award(ParamReader& r) { read_years_only(r); }
void validate_ban_after_revocation(ParamReader& r) { read_ban(r); }
void validate_min_years_since(ParamReader& r) { read_since(r); }

CheckResult run_self_evaluation_good(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    SelfEvalParams p = read_self_eval(reader);
    reader.throw_if_issues(spec);
    auto is_good = [&](const std::string& result) {
        return std::find(p.good_results.begin(), p.good_results.end(), result) != p.good_results.end();
    };

    // The N years before the cycle year, oldest first.
    std::vector<std::string> years, missing, bad, findings, trace_parts;
    for (int y = ctx.cycle_year - p.consecutive_years; y < ctx.cycle_year; ++y) {
        years.push_back(year_label(y));
        std::vector<std::string> results;
        for (const auto& e : a.self_evaluations) {
            if (e.year == y) results.push_back(e.result);
        }
        bool good = std::any_of(results.begin(), results.end(), is_good);
        if (results.empty()) {
            missing.push_back(year_label(y));
            findings.push_back(std::to_string(y) + "年度无卓越绩效自评结果");
            trace_parts.push_back(std::to_string(y) + " 无");
        } else if (!good) {
            bad.push_back(year_label(y) + "（" + join(results, "、") + "）");
            findings.push_back(std::to_string(y) + "年度卓越绩效自评结果为“" + join(results, "、") + "”");
            trace_parts.push_back(std::to_string(y) + " " + join(results, "/"));
        } else {
            trace_parts.push_back(std::to_string(y) + " " + join(results, "/"));
        }
    }
    bool passed = missing.empty() && bad.empty();

    Finding f(spec, a, ctx);
    f.set("consecutive_years", std::to_string(p.consecutive_years));
    f.set("years", join(years, "、"));
    f.set("good_results", join(p.good_results, "、"));
    f.set("missing_years", join(missing, "、"));
    f.set("bad_years", join(bad, "、"));
    f.set("findings", join(findings, "，"));
    return f.finish(passed, "要求 " + join(years, "、") + " 连续 " + std::to_string(p.consecutive_years) +
                                " 年自评为 " + join(p.good_results, "/") + "；" + join(trace_parts, "，") + "；" +
                                verdict(passed));
}

CheckResult run_requires_prior_award(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    PriorAwardParams p = read_prior_award(reader);
    reader.throw_if_issues(spec);
    const Date r = ctx.reference_date;
    const std::string listed = join(p.awards, "或");
    const std::string held = "持有" + listed + "满 " + std::to_string(p.min_years_held) + " 年（未撤销）";

    Finding f(spec, a, ctx);
    f.set("awards", listed);
    f.set("min_years_held", std::to_string(p.min_years_held));
    for (const char* k : {"award", "awarded_on", "revoked_on", "eligible_from", "finding"}) f.set(k, "");

    // The alternative route first (特批): a recorded decision for this applicant.
    if (p.alternative_decision) {
        for (const auto& d : ctx.decisions) {
            if (d.kind == *p.alternative_decision && d.credit_code == a.credit_code) {
                return f.finish(true, "要求" + held + "，或有 " + *p.alternative_decision + " 决定；已有 " + d.kind +
                                          " 决定 " + d.date.iso() + "（" + d.basis + "，" + d.source + "）；满足");
            }
        }
    }

    // Among the listed awards, the earliest unrevoked one decides (it is the first to
    // reach min_years_held, whichever name it bears); otherwise the reason says why
    // none counts (none held, or revoked).
    const PriorAward* unrevoked = nullptr;
    const PriorAward* revoked = nullptr;
    for (const auto& pa : a.prior_awards) {
        if (std::find(p.awards.begin(), p.awards.end(), pa.award) == p.awards.end()) continue;
        bool is_revoked = pa.revoked_on && *pa.revoked_on <= r;
        if (!is_revoked && (!unrevoked || pa.awarded_on < unrevoked->awarded_on)) unrevoked = &pa;
        if (is_revoked && (!revoked || pa.awarded_on > revoked->awarded_on)) revoked = &pa;
    }

    bool passed = false;
    std::string finding, trace;
    if (unrevoked) {
        Date eligible_from = unrevoked->awarded_on.plus_years(p.min_years_held);
        passed = eligible_from <= r;
        f.set("award", unrevoked->award);
        f.set("awarded_on", unrevoked->awarded_on.chinese());
        f.set("eligible_from", eligible_from.chinese());
        finding = "于" + unrevoked->awarded_on.chinese() + "获得" + unrevoked->award + "，截至申报截止日" + r.chinese() +
                  "不满" + std::to_string(p.min_years_held) + "年";
        trace = unrevoked->awarded_on.iso() + " 获得 " + unrevoked->award + source_note(*unrevoked) + "，满 " + std::to_string(p.min_years_held) +
                " 年之日 " + eligible_from.iso() + (passed ? " ≤ " : " > ") + r.iso();
    } else if (revoked) {
        f.set("award", revoked->award);
        f.set("awarded_on", revoked->awarded_on.chinese());
        f.set("revoked_on", revoked->revoked_on->chinese());
        finding = "所获" + revoked->award + "（" + revoked->awarded_on.chinese() + "获得）已于" +
                  revoked->revoked_on->chinese() + "被撤销";
        trace = revoked->awarded_on.iso() + " 获得 " + revoked->award + "，" + revoked->revoked_on->iso() + " 撤销，不计";
    } else {
        finding = "未获得过" + listed;
        trace = "无 " + join(p.awards, "、");
    }
    f.set("finding", passed ? "" : finding);
    if (p.alternative_decision) trace += "；无 " + *p.alternative_decision + " 决定";
    return f.finish(passed, "要求" + held + "；" + trace + "；" + verdict(passed));
}

CheckResult run_cooldown_after_award(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    int years = read_years_only(reader);
    reader.throw_if_issues(spec);
    // The latest award of the same name as the one applied for starts the cooldown.
    const PriorAward* latest = nullptr;
    for (const auto& pa : a.prior_awards) {
        if (pa.award == a.award && (!latest || pa.awarded_on > latest->awarded_on)) latest = &pa;
    }
    Finding f(spec, a, ctx);
    f.set("award", a.award);
    f.set("years", std::to_string(years));
    f.set("awarded_on", "");
    f.set("eligible_from", "");
    std::string head = "申报 " + a.award + "；" + std::to_string(years) + " 年内不得重复申报；";
    if (!latest) return f.finish(true, head + "未曾获得该奖项；满足");
    Date eligible_from = latest->awarded_on.plus_years(years);
    bool passed = eligible_from <= ctx.reference_date;
    f.set("awarded_on", latest->awarded_on.chinese());
    f.set("eligible_from", eligible_from.chinese());
    return f.finish(passed, head + latest->awarded_on.iso() + " 获得该奖项" + source_note(*latest) + "，可再次申报之日 " + eligible_from.iso() +
                                (passed ? " ≤ " : " > ") + ctx.reference_date.iso() + "；" + verdict(passed));
}

CheckResult run_ban_after_revocation(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    BanParams p = read_ban(reader);
    reader.throw_if_issues(spec);
    // The counted revocation whose ban lasts longest decides; the others are listed in the trace.
    const PriorAward* worst = nullptr;
    std::vector<std::string> not_counted;
    for (const auto& pa : a.prior_awards) {
        if (!pa.revoked_on) continue;
        const std::string label = pa.revoked_on->iso() + " 撤销 " + pa.award + source_note(pa);
        if (p.same_award && pa.award != a.award) {
            not_counted.push_back(label + "（非申报的" + a.award + "）");
            continue;
        }
        if (p.reasons && pa.revocation_reason.empty()) {
            // ingest refuses such a case (the reason decides whether it counts), so this is a bug upstream
            throw std::invalid_argument("check " + spec.id + ": applicant " + a.name + " (" + a.source +
                                        ") has a revocation of " + pa.award + " without revocation_reason");
        }
        if (p.reasons && std::find(p.reasons->begin(), p.reasons->end(), pa.revocation_reason) == p.reasons->end()) {
            not_counted.push_back(label + "（原因“" + pa.revocation_reason + "”不计）");
            continue;
        }
        if (!worst || *pa.revoked_on > *worst->revoked_on) worst = &pa;
    }
    Finding f(spec, a, ctx);
    f.set("years", std::to_string(p.years));
    f.set("counted_reasons", p.reasons ? join(*p.reasons) : "");
    for (const char* k : {"award", "awarded_on", "revoked_on", "ban_until", "eligible_from", "revocation_reason"})
        f.set(k, "");
    std::string head = "撤销后 " + std::to_string(p.years) + " 年内不受理";
    if (p.reasons) head += "（仅计原因为 " + join(*p.reasons, "/") + " 的撤销）";
    if (p.same_award) head += "（仅计" + a.award + "的撤销）";
    head += "；";
    const std::string others = not_counted.empty() ? "" : "；不计：" + join(not_counted, "，");
    if (!worst)
        return f.finish(true, head + (not_counted.empty() ? "无被撤销的奖项" : "无计入的被撤销奖项" + others) + "；满足");
    Date eligible_from = worst->revoked_on->plus_years(p.years);
    bool passed = eligible_from <= ctx.reference_date;
    f.set("award", worst->award);
    f.set("awarded_on", worst->awarded_on.chinese());
    f.set("revoked_on", worst->revoked_on->chinese());
    f.set("ban_until", eligible_from.plus_days(-1).chinese());
    f.set("eligible_from", eligible_from.chinese());
    f.set("revocation_reason", worst->revocation_reason);
    const std::string why = worst->revocation_reason.empty() ? "" : "（" + worst->revocation_reason + "）";
    return f.finish(passed, head + worst->revoked_on->iso() + " 撤销 " + worst->award + why + "，可再次申报之日 " +
                                eligible_from.iso() + (passed ? " ≤ " : " > ") + ctx.reference_date.iso() + others +
                                "；" + verdict(passed));
}

CheckResult run_min_years_since(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    SinceParams p = read_since(reader);
    reader.throw_if_issues(spec);
    const std::optional<Date>& since = a.*(p.field->member);
    const std::string years = std::to_string(p.years);
    Finding f(spec, a, ctx);
    f.set("since_label", p.field->label);
    f.set("required_years", years);
    f.set("since", "");
    f.set("eligible_from", "");
    const std::string head = std::string(p.field->label) + " ";
    if (!since) {
        f.set("finding", std::string("未填写") + p.field->label);
        return f.finish(false, head + "未填写；要求满 " + years + " 年；不满足");
    }
    // As min_years_operating: the day it has been `years` years (29 February → 28 February).
    const Date eligible_from = since->plus_years(p.years);
    const bool passed = eligible_from <= ctx.reference_date;
    f.set("since", since->chinese());
    f.set("eligible_from", eligible_from.chinese());
    f.set("finding", passed ? "" : "自" + since->chinese() + "起" + p.field->activity + "，截至申报截止日" +
                                       ctx.reference_date.chinese() + "不满" + years + "年");
    return f.finish(passed, head + since->iso() + "；满 " + years + " 年之日 " + eligible_from.iso() +
                                (passed ? " ≤ " : " > ") + ctx.reference_date.iso() + "；" + verdict(passed));
}

}  // namespace award::detail
