// Internal to rules/: reading a check's params and assembling its CheckResult.
#pragma once
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "rules/check_kinds.hpp"
#include "rules/eligibility.hpp"
#include "model/text.hpp"

namespace award::detail {

// Reads params, collecting every issue instead of stopping at the first, so a
// pack author sees all of a check's mistakes at once. Missing values read as 0/"".
class ParamReader {
public:
    explicit ParamReader(const nlohmann::json& params);

    int integer(const std::string& key, int min);  // required
    std::optional<int> optional_integer(const std::string& key, int min);
    std::string text(const std::string& key);  // required, non-empty
    std::optional<std::string> optional_text(const std::string& key);
    std::vector<std::string> text_list(const std::string& key, bool required);  // non-empty strings
    // The array at key (required, non-empty); nullptr after recording an issue.
    const nlohmann::json* array(const std::string& key);
    void only_keys(std::initializer_list<const char*> known);

    void issue(std::string pointer, std::string message) { issues_.push_back({std::move(pointer), std::move(message)}); }
    const std::vector<ParamIssue>& issues() const { return issues_; }
    const nlohmann::json& params() const { return params_; }
    // For run time: params were validated at load, so an issue here is a programming error.
    void throw_if_issues(const CheckSpec& spec) const;

private:
    const nlohmann::json* field(const std::string& key, bool required);
    const nlohmann::json& params_;
    std::vector<ParamIssue> issues_;
};

std::string describe_json(const nlohmann::json& v);  // a value as it appears in the pack, for messages

// Collects the placeholder values of one check run and turns them into a CheckResult.
class Finding {
public:
    Finding(const CheckSpec& spec, const Applicant& applicant, const CheckContext& ctx);
    void set(const std::string& name, std::string value);
    // reason = fail_text filled (failed only). Every placeholder the kind's table row
    // lists must have been set, so a pack may use any of them.
    CheckResult finish(bool passed, std::string trace) const;

private:
    const CheckSpec& spec_;
    std::map<std::string, std::string> values_;
};

inline std::string verdict(bool passed) { return passed ? "满足" : "不满足"; }

// One run function and one params validator per kind (checks_*.cpp).
CheckResult run_registered_in(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_min_years_operating(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_declaration(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_self_evaluation_good(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_requires_prior_award(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_no_incident_within(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_cooldown_after_award(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_ban_after_revocation(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_legal_form_in(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_tax_attributed_to(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_recommended_by(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_min_rating(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_no_loss_within(const CheckSpec&, const Applicant&, const CheckContext&);
CheckResult run_min_years_since(const CheckSpec&, const Applicant&, const CheckContext&);

void validate_registered_in(ParamReader&);
void validate_min_years_operating(ParamReader&);
void validate_declaration(ParamReader&);
void validate_self_evaluation_good(ParamReader&);
void validate_requires_prior_award(ParamReader&);
void validate_no_incident_within(ParamReader&);
void validate_cooldown_after_award(ParamReader&);
void validate_ban_after_revocation(ParamReader&);
void validate_legal_form_in(ParamReader&);
void validate_tax_attributed_to(ParamReader&);
void validate_recommended_by(ParamReader&);
void validate_min_rating(ParamReader&);
void validate_no_loss_within(ParamReader&);
void validate_min_years_since(ParamReader&);

}  // namespace award::detail
