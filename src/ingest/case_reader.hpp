// Reading and validating a case folder into a Case. Ingest never guesses: every
// problem found is collected, and the whole list is thrown as one InputError.
#pragma once
#include <filesystem>

#include "model/case.hpp"
#include "model/errors.hpp"
#include "packs/policy_pack.hpp"

namespace award {

// Reads CASE_DIR/case.json, CASE_DIR/applicants.json and, if present,
// CASE_DIR/decisions.json. Throws InputError listing every problem.
Case read_case(const std::filesystem::path& case_dir, const PolicyCatalog& policies);

}  // namespace award
