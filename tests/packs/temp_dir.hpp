// Test helpers of the packs tests: temporary folders and paths in the source tree.
#pragma once
#include <filesystem>
#include <string>

#include "common/temp_dir.hpp"

namespace packs_test {

using award::test::TempDir;

inline std::filesystem::path source(const std::string& relative) {
    return std::filesystem::path(AWARD_SOURCE_DIR) / relative;
}

}  // namespace packs_test
