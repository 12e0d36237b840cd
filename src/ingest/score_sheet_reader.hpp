// Reading one score sheet file a reviewer handed back (scores/…): the XLSX that
// `award sheets` wrote, as saved again by Excel, WPS or LibreOffice, or the same
// content as JSON. Checks the file on its own: identification, items, percentages,
// texts. Whether that reviewer may score that applicant at that stage is checked
// against reviewers.json by the case reader (review_reader.hpp).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "ingest/json_fields.hpp"
#include "model/policy.hpp"
#include "model/review.hpp"

namespace award::ingest {

// `shown_name` is how messages name the file, relative to the case folder, e.g.
// "scores/资料评审/E01-张伟.xlsx". Every problem found is added to `out`; returns
// nullopt when the file cannot be used at all.
std::optional<ScoreSheet> read_score_sheet(const std::filesystem::path& file, const std::string& shown_name,
                                           const Policy& policy, ProblemList& out);

}  // namespace award::ingest
