// `award revoke`: records the revocation of an award in the registry and writes the
// 撤销通报 (render/revocation_notice.hpp) to OUT/撤销通报/.
//
// Order: everything is checked first (the options, the award in the registry, the
// pack's ground for the reason, the date, an earlier revocation, an earlier notice in
// the output folder), the notice is rendered beside its place, then the revocation is
// recorded and the notice moved into place in one registry transaction: when the
// registry write fails no file is left, when rendering fails nothing is recorded.
// The same revocation given again changes nothing ("unchanged") and gives the same
// notice; an award already revoked otherwise is refused, and a notice already in the
// output folder with other content is never overwritten.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace award {

struct RevokeRequest {
    // The award: by its certificate number, or (no certificate in the registry) by
    // pack, year, credit code and award name.
    std::string certificate;
    std::string pack;
    std::string year;  // as typed (checked with the other options)
    std::string credit_code;
    std::string award;

    std::string reason;         // 撤销原因, one of the pack's revocation grounds
    std::string article;        // chooses among grounds with the same reason (中牟县 其他: 第二十五条（三）/（四）); "" otherwise
    std::string date;           // YYYY-MM-DD: the revocation and the notice's date
    std::string document_number;  // 发文字号
    std::string issuer;         // 发文机关
    std::string addressee = "各有关单位";  // 主送
    std::string facts;          // 事实 (paragraphs separated by new lines); may be empty

    std::filesystem::path registry;
    std::filesystem::path out_root = "output";
    std::filesystem::path data_dir;
};

// Prints what it did (or why it refused) and returns the exit status: 0 done or
// unchanged, 2 refused (nothing recorded, nothing written). Throws InputError for bad
// options (every one listed), ConfigError, RegistryRefused, RegistryError and
// filesystem errors, as the other commands do.
int run_revoke_command(const RevokeRequest& request);

}  // namespace award
