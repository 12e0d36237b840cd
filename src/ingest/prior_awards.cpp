#include "ingest/prior_awards.hpp"

#include "ingest/known_values.hpp"
#include "model/text.hpp"

namespace award {

// The pack's ban_after_revocation checks that count only revocations for some reasons
// and could count one of `revoked_award`: those of the award applied for (all the pack's
// when that award is unknown, itself reported), with scope same_award only for that award.
std::vector<const CheckSpec*> reason_filtered_bans(const Policy& policy, const std::string& applied,
                                                   const std::string& revoked_award) {
    std::vector<const CheckSpec*> all;
    for (const auto& c : policy.checks) all.push_back(&c);
    std::vector<const CheckSpec*> run;
    if (const AwardSpec* award = policy.find_award_by_name(applied); award && award->open_to_application)
        for (const auto& id : award->checks)
            if (const CheckSpec* c = policy.find_check(id)) run.push_back(c);
    std::vector<const CheckSpec*> bans;
    for (const CheckSpec* c : policy.find_award_by_name(applied) ? run : all) {
        if (c->kind != "ban_after_revocation" || !c->params.is_object()) continue;
        auto reasons = c->params.find("reasons");
        if (reasons == c->params.end() || !reasons->is_array() || reasons->empty()) continue;
        auto scope = c->params.find("scope");
        if (scope != c->params.end() && *scope == "same_award" && revoked_award != applied) continue;
        bans.push_back(c);
    }
    return bans;
}

// Why a revocation without a reason cannot be judged: the bans that count only some reasons.
std::string reason_required_text(const Policy& policy, const std::vector<const CheckSpec*>& bans,
                                 const std::vector<std::string>& accepted) {
    const std::string pack = policy.source.empty() ? policy.id : policy.source.filename().string();
    std::vector<std::string> why;
    for (const CheckSpec* c : bans) {
        std::vector<std::string> reasons;
        for (const auto& r : c->params["reasons"])
            if (r.is_string()) reasons.push_back(r.get<std::string>());
        why.push_back("检查 " + c->id + "（" + c->article + "）只计入因" + join(reasons, "、") + "被撤销的奖项");
    }
    return "撤销原因，以下之一：" + join(accepted, "、") + "（政策包 " + pack + " 中" + join(why, "，") +
           "：未写撤销原因就无法判断这次撤销是否禁止申报，程序不会当作不计入）";
}

namespace {

std::string revocation_text(const PriorAward& p) {
    if (!p.revoked_on) return "未撤销";
    return p.revoked_on->iso() + " 撤销" + (p.revocation_reason.empty() ? "（未录原因）" : "（" + p.revocation_reason + "）");
}

// "applicants.json: /applicants/3" + "/prior_awards/1" → file and record of that prior award.
Problem case_problem(const Applicant& a, std::size_t k, const std::string& field, const std::string& value,
                     const std::string& expected) {
    std::string file = a.source, record;
    if (auto colon = a.source.find(": "); colon != std::string::npos) {
        file = a.source.substr(0, colon);
        record = a.source.substr(colon + 2);
    }
    if (file == "applicants.json") record += "/prior_awards/" + std::to_string(k);
    else record += " 以往获奖第 " + std::to_string(k + 1) + " 项";
    return Problem{file, record + "（" + a.name + "）", field, value, expected};
}

}  // namespace

std::vector<Problem> merge_registry_history(Case& c, const Policy& policy, const RegistryHistory& history,
                                            const std::string& registry_name) {
    std::vector<Problem> problems;
    for (Applicant& a : c.applicants) {
        auto found = history.find(a.credit_code);
        if (found == history.end()) continue;
        const std::size_t from_case = a.prior_awards.size();
        for (const PriorAward& r : found->second) {
            const std::string where = r.source + " " + r.award + "（" + r.awarded_on.iso() + "）";
            bool taken = false;
            for (std::size_t k = 0; k < from_case && !taken; ++k) {
                const PriorAward& p = a.prior_awards[k];
                if (p.award != r.award || p.awarded_on.year() != r.awarded_on.year()) continue;
                taken = true;
                if (p.awarded_on != r.awarded_on) {
                    problems.push_back(case_problem(a, k, "awarded_on", p.awarded_on.iso(),
                                                    "与" + registry_name + "中的记录一致：" + where +
                                                        "（同一奖项同一年只有一个获奖日期；请更正案卷或登记库之一）"));
                } else if (p.revoked_on != r.revoked_on ||
                           (p.revoked_on && !p.revocation_reason.empty() && p.revocation_reason != r.revocation_reason)) {
                    problems.push_back(case_problem(a, k, "revoked_on", revocation_text(p),
                                                    "与" + registry_name + "中的记录一致：" + where + " " +
                                                        revocation_text(r) + "（请更正案卷或登记库之一）"));
                }
            }
            if (taken) continue;
            if (r.revoked_on && r.revocation_reason.empty()) {
                const auto bans = reason_filtered_bans(policy, a.award, r.award);
                if (!bans.empty())
                    problems.push_back(Problem{registry_name, where + "（" + a.name + "，" + a.credit_code + "）",
                                               "revocation.reason", "",
                                               reason_required_text(policy, bans, revocation_reasons(&policy)) +
                                                   "；用 award registry import 补录撤销原因"});
            }
            a.prior_awards.push_back(r);
        }
    }
    return problems;
}

}  // namespace award
