// 有效期: a policy pack knows when its regulation is in force (templates/policies/*.json
// "validity", e.g. 通州区 第二十九条: 有效期至2028年11月29日). A case dated outside it
// is refused before anything is evaluated, unless the operator confirms on the command
// line (--allow-expired-policy); then the run goes on, and a warning says so on stderr,
// on every internal report and in the output folder's manifest.json (never on a public PDF).
#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/date.hpp"
#include "model/errors.hpp"
#include "model/policy.hpp"

namespace award {

// What the operator confirms against the pack's own limits (command-line flags).
struct PolicyOverride {
    bool allow_expired = false;  // --allow-expired-policy: apply the pack to a case dated outside its 有效期
};

// One date the case gives that lies outside the pack's 有效期.
struct DateOutOfForce {
    std::string where;  // file and JSON pointer, e.g. "case.json: /application_deadline"
    std::string label;  // what the date is, e.g. "申报截止日"
    Date date;
    bool before_from = false;  // before validity.from (not yet in force); else after validity.until
};

// Every date the case gives (case.json: the deadline, the notices' dates, the publicity
// starts the pack uses, the commendation; decisions.json: each decision's date), in
// that order, that falls outside policy.validity. Empty when the pack states no validity.
std::vector<DateOutOfForce> dates_out_of_force(const Policy& policy, const Case& c);

// The refusal, naming the pack file, the regulation, the article, the bound, each date
// out of force with its file and field, and how to override. A ConfigError, so any
// command that reports ConfigError reports it; `award` prints it under its own heading.
class PolicyOutOfForce : public ConfigError {
public:
    using ConfigError::ConfigError;
};

// The text of the refusal (PolicyOutOfForce::what()), several lines.
std::string out_of_force_refusal(const Policy& policy, const std::vector<DateOutOfForce>& dates);

// The one sentence put on stderr, every internal report and the manifest when the
// operator allowed it, e.g. "注意：本届评审日期（申报截止日2029年3月31日）已超出
// 《通州区区长质量奖管理办法》第二十九条规定的有效期（至2028年11月29日），经操作人员以
// --allow-expired-policy 确认仍按该办法执行。"
std::string out_of_force_warning(const Policy& policy, const std::vector<DateOutOfForce>& dates);

// Applies the pack's 有效期 to the case: throws PolicyOutOfForce when a date is out of
// force and the operator did not allow it; returns the warnings to carry (empty when
// every date is in force).
std::vector<std::string> policy_validity_warnings(const Policy& policy, const Case& c, const PolicyOverride& override);

// Prints each warning on stderr, one line each.
void print_warnings(const std::vector<std::string>& warnings);

}  // namespace award
