// The figures of the yearly statistics report (年度统计报告, issue 7) from what the
// registry holds about one pack: pure, no I/O. Counted as the secretariat would by
// hand: an application counts once in the year it was made; 受理 is every outcome but
// rejected; 进入现场评审 is a stage_reached at or after the pack's "onsite" stage; a
// winner counts once whatever awards it got; rates are of the applications of the
// group; category percentages are those of the pack's first review stage.
#pragma once
#include "model/date.hpp"
#include "model/policy.hpp"
#include "model/statistics.hpp"

namespace award {

// The report for `year` comparing the cycles from `since` (≤ year); reports overdue
// as of `as_of`. Throws std::invalid_argument when since > year.
YearlyStatistics compute_statistics(const Policy& policy, const StatisticsInput& input, int year, int since,
                                    const Date& as_of);

// The group an industry as written falls into: its GB/T 4754-2017 门类 ("C 制造业"), or
// "未能归类" when it cannot be placed, "未填写" when empty.
std::string industry_group(const std::string& industry);

}  // namespace award
