// 以往获奖: the awards an applicant held before this cycle, as the rules read them
// (cooldowns, bans after revocation, repeat winners, holder top-ups). They come from two
// places: what the case says (applicants.json / applicants.xlsx) and what the award
// registry remembers from earlier cycles (issue 6). This file joins the two and says
// where they disagree; it does no I/O (the CLI reads the registry).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/errors.hpp"
#include "model/policy.hpp"

namespace award {

// The pack's ban_after_revocation checks that count only revocations for some reasons
// and could count one of `revoked_award`: those of the award applied for (all the pack's
// when that award is unknown, itself reported), with scope same_award only for that award.
std::vector<const CheckSpec*> reason_filtered_bans(const Policy& policy, const std::string& applied,
                                                   const std::string& revoked_award);

// Why a revocation without a reason cannot be judged: the bans that count only some reasons.
std::string reason_required_text(const Policy& policy, const std::vector<const CheckSpec*>& bans,
                                 const std::vector<std::string>& accepted);

// The registry's awards of each holder (by 统一社会信用代码) in cycles before the case's
// year, each with PriorAward::source set ("登记库 benxi 2024年度").
using RegistryHistory = std::map<std::string, std::vector<PriorAward>>;

// Adds the registry's awards to the applicants' prior awards. An award the case also
// lists (same award, same date) is taken once; the case and the registry disagreeing
// about it (its date within the same year, its revocation or the reason) is a problem
// naming the case's record and the registry's, and the case is not run: the office must
// correct one of them. A registry revocation without a reason where a ban counts only
// some reasons is a problem too (as it is in applicants.json). `registry_name` is the
// registry file as the user knows it, for messages.
std::vector<Problem> merge_registry_history(Case& c, const Policy& policy, const RegistryHistory& history,
                                            const std::string& registry_name);

}  // namespace award
