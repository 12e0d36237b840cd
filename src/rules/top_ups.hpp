// 追加激励资金 (本溪市第二十五条第三款): a holder of the pack's award who later wins a
// higher award (中国质量奖, 中国质量奖提名奖, 省长质量奖) gets more money, once. The
// registry remembers the higher awards; the first cycle run after one lists the top-up
// on its 奖金发放表. Pure: the caller reads the registry.
#pragma once
#include <map>
#include <vector>

#include "model/date.hpp"
#include "model/policy.hpp"
#include "model/top_up.hpp"

namespace award {

// The top-ups cycle `year` of `policy` pays, as of `as_of` (the date its 奖金发放表
// rests on): higher awards on or before `as_of` not yet paid in another cycle, whose
// holder held one of the pack's awards with top-ups, won before the higher award and
// not revoked by `as_of`. `holdings` maps a credit code to the awards the holder won
// in the pack's cycles before `year`.
TopUpDecision decide_top_ups(const Policy& policy, int year, const Date& as_of, const std::vector<HigherAwardFact>& facts,
                             const std::map<std::string, std::vector<HeldAward>>& holdings);

}  // namespace award
