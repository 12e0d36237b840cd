// The review stages' input in a case folder: the "review" section of case.json,
// reviewers.json, and the score sheets under scores/. Internal to ingest: called
// by read_case after applicants.json, whose organisations these files name.
#pragma once
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "ingest/json_fields.hpp"
#include "model/case.hpp"
#include "model/policy.hpp"

namespace award::ingest {

// case.json "/review" (already parsed): advancement settings and the two notices.
ReviewSchedule read_review_section(const nlohmann::json& review, const Policy* policy, const Case& c, ProblemList& out);

// reviewers.json (optional until the review starts) and every file under scores/
// (*.xlsx, *.json; others are reported). Sheets are checked against the panel:
// known reviewer and stage, the reviewer in a group of that stage covering the
// applicant, no sheet from a reviewer for an applicant they declared a conflict with
// (回避), one sheet per reviewer and stage, the case's own identification.
void read_review_inputs(const std::filesystem::path& case_dir, const Policy* policy, Case& c, ProblemList& out);

}  // namespace award::ingest
