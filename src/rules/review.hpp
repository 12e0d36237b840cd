// 评审: from the reviewers' sheets to the proposed winners, by the policy pack.
// Pure functions: the case (with its panel and sheets as read), the pack, the
// acceptance outcome and the holiday calendar in; scores, advancement, ranking,
// ties, awards, money and the publicity period out.
#pragma once
#include <vector>

#include "model/case.hpp"
#include "model/errors.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "model/review_outcome.hpp"
#include "rules/calendar.hpp"

namespace award {

struct ReviewDecision {
    ReviewOutcome outcome;
    // Input the rules cannot use, like ingest problems (file, record, field, value,
    // expected): sheets missing for a stage that has started (all listed at once),
    // sheets for an applicant not in that stage, a stage scored before the previous
    // one is settled, a tie decision that does not fit its tie. When not empty the
    // run stops before writing.
    std::vector<Problem> problems;
};

// The stages in pack order. A stage is scored when every sheet it needs is in;
// a stage with no sheet at all has not started and ends the review there. Who enters
// the next stage: the pack's ratio (拟获奖数 × ratio, 通州区 第十六条) or the case's
// count or minimum score. Stage scores aggregate the counted reviewers by the pack's
// method (recused reviewers never count); the final total weights the stages; both are
// rounded once, half up, to the pack's decimals, and ranking compares the rounded
// figures, so equal published scores are a tie. A tie across a boundary (advancement
// or a quota) waits for a tie_resolution decision. Awards in pack order: by rank up to
// the quota for first-time winners, repeat winners outside it without money, nobody
// below the award's minimum (the place stays vacant), or every candidate over a
// threshold (质量管理创新奖). objection_upheld decisions remove a proposed winner;
// the place is refilled from the ranking unless the pack forbids it (通州区 第二十条).
ReviewDecision decide_review(const Policy& policy, const Case& c, const AcceptanceOutcome& acceptance,
                             const HolidayCalendar& calendar);

}  // namespace award
