// 资格审查: the policy pack's check kinds applied to an applicant. Pure functions.
#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "rules/calendar.hpp"

namespace award {

// Everything a check may look at besides the applicant.
struct CheckContext {
    const Policy& policy;
    Date reference_date;  // the case's application deadline
    int cycle_year = 0;
    const std::vector<Decision>& decisions;
};

// The check kinds a pack may use; a pack naming another kind is refused when loaded.
const std::vector<std::string>& known_check_kinds();

// Runs one check. Throws std::invalid_argument for an unknown kind or bad params
// (packs are validated when loaded, so this means a programming error).
CheckResult run_check(const CheckSpec& spec, const Applicant& applicant, const CheckContext& ctx);

// Runs every check of the award the applicant applied for, in pack order.
EligibilityResult check_eligibility(const Policy& policy, const Case& c, std::size_t applicant_index);

// The whole acceptance stage: every applicant's eligibility and the publicity period
// (none when the pack has no 受理名单公示: case.json acceptance.publicity_start is then unused).
AcceptanceOutcome decide_acceptance(const Policy& policy, const Case& c, const HolidayCalendar& cal);

}  // namespace award
