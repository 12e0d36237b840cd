// Loading policy packs (templates/policies/*.json) and validating them.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "model/policy.hpp"

namespace award {

using PolicyCatalog = std::map<std::string, Policy>;  // by pack id

// Throws ConfigError naming the pack file and field: bad JSON, missing fields,
// unknown check kinds, checks without an article, awards naming unknown checks.
Policy load_policy_pack(const std::filesystem::path& file);
PolicyCatalog load_policy_catalog(const std::filesystem::path& policies_dir);

}  // namespace award
