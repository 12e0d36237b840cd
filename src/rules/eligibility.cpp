#include "rules/eligibility.hpp"

#include <stdexcept>

namespace award {

EligibilityResult check_eligibility(const Policy& policy, const Case& c, std::size_t applicant_index) {
    if (applicant_index >= c.applicants.size()) {
        throw std::invalid_argument("applicant index " + std::to_string(applicant_index) + " out of range (" +
                                    std::to_string(c.applicants.size()) + " applicants)");
    }
    const Applicant& a = c.applicants[applicant_index];
    // Ingest refuses unknown or closed awards; reaching here with one is a bug, not a rejection.
    const AwardSpec* award = policy.find_award_by_name(a.award);
    if (!award) {
        throw std::invalid_argument(a.source + ": applicant " + a.name + " applies for \"" + a.award +
                                    "\", which policy pack " + policy.id + " does not define");
    }
    if (!award->open_to_application) {
        throw std::invalid_argument(a.source + ": applicant " + a.name + " applies for \"" + a.award +
                                    "\", which is not open to application in policy pack " + policy.id);
    }
    CheckContext ctx{policy, c.application_deadline, c.year, c.decisions};
    EligibilityResult result;
    result.applicant_index = applicant_index;
    for (const auto& id : award->checks) {
        const CheckSpec* spec = policy.find_check(id);
        if (!spec) throw std::invalid_argument("award " + award->id + " names unknown check " + id);
        result.checks.push_back(run_check(*spec, a, ctx));
    }
    result.accepted = result.failures().empty();
    return result;
}

AcceptanceOutcome decide_acceptance(const Policy& policy, const Case& c, const HolidayCalendar& cal) {
    AcceptanceOutcome out;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) out.results.push_back(check_eligibility(policy, c, i));
    if (policy.acceptance_publicity)
        out.publicity = publicity_period(cal, c.acceptance.publicity_start, *policy.acceptance_publicity);
    return out;
}

}  // namespace award
