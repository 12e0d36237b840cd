// The check kinds a policy pack may use: their parameters and the {placeholders}
// their letter sentences (fail_text) may use. The pack loader validates packs
// against this table; eligibility.cpp runs checks through it.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace award {

// A problem in a check's params. `pointer` is relative to params ("/years", "/counted/2/kind").
struct ParamIssue {
    std::string pointer;
    std::string message;  // Chinese: what is wrong and what was expected
};

struct CheckKindInfo {
    std::string kind;                       // e.g. "min_years_operating"
    std::string summary;                    // what it checks, Chinese, for messages and docs
    std::vector<std::string> placeholders;  // besides common_placeholders()
};

// Placeholders every fail_text may use:
//   {regulation} 《》-less name of the regulation, {jurisdiction}, {article},
//   {requirement} the article's words (inner “” turned to ‘’, to sit inside “…”),
//   {name} the applicant, {applied_award}, {reference_date} the application deadline (2026年9月18日).
const std::vector<std::string>& common_placeholders();

// Every check kind, in a stable order.
const std::vector<CheckKindInfo>& check_kind_table();
const CheckKindInfo* find_check_kind(const std::string& kind);

// common_placeholders() plus the kind's own; empty for an unknown kind.
std::vector<std::string> allowed_placeholders(const std::string& kind);

// What is wrong with `params` for `kind` (empty when fine). The kind must be known.
std::vector<ParamIssue> check_param_issues(const std::string& kind, const nlohmann::json& params);

}  // namespace award
