// Where a run's files go. Everything is written into a staging folder beside the
// case's output folder; only when every file is written does it take the
// folder's place. A previous, different output is kept (renamed), never
// overwritten, and an identical one is left untouched.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/file_name.hpp"  // sanitize_file_name

namespace award {

struct ManifestEntry {
    std::string path;  // relative, '/'-separated
    std::string sha256;
    std::uintmax_t bytes = 0;
};

std::string sha256_hex_of_file(const std::filesystem::path& file);
std::string sha256_hex_of_text(std::string_view text);  // 64 lowercase hex digits

class StagedOutput {
public:
    StagedOutput(std::filesystem::path out_root, std::string case_id);
    ~StagedOutput();  // removes the staging folder unless committed
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // A path inside the staging folder for `relative`, its parent folders created.
    // Two different requests never get the same path: a repeated one gets "（2）" before the extension.
    std::filesystem::path reserve(const std::filesystem::path& relative);

    enum class Result { Created, Unchanged, Replaced };
    struct Committed {
        Result result;
        std::filesystem::path folder;    // the case's output folder
        std::filesystem::path previous;  // where the earlier output went (Replaced only)
        std::vector<ManifestEntry> files;
    };
    // Writes manifest.json (every file with its SHA-256, and "warnings" when there are
    // any: Evaluated::internal_warnings), then puts the folder in place.
    Committed commit(const std::string& case_id, const std::string& policy_id,
                     const std::vector<std::string>& warnings = {});

private:
    std::filesystem::path root_, target_, staging_;
    std::vector<std::filesystem::path> reserved_;
    std::vector<std::filesystem::path> created_;  // folders of out_root this run made, innermost first
    bool committed_ = false;
};

// Tells the user where `what` (e.g. "报送表") went: written, already up to date, or
// written with the earlier, different output kept beside it.
void print_committed(const StagedOutput::Committed& done, const std::string& what);

}  // namespace award
