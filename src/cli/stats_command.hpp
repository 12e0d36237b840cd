// `award stats --year Y [--since Y0] [--pack P] [--as-of D] [--issuer TEXT] [--out DIR]`:
// the yearly statistics report for the leading group (年度统计报告, issue 7), from the
// registry: OUT/<pack>-<Y>年度统计报告/年度统计报告.pdf and 年度统计报告.xlsx, for --pack
// or every pack with a cycle of Y in the registry, all staged and put in place together
// (cli/output_folder.hpp: an earlier, different folder is kept, never overwritten).
//   --since   the first year compared (default: the earliest cycle of the pack in the
//             registry, at most four years before Y: five cycles at most)
//   --as-of   the date reports are counted overdue at, and the report's date (default today)
//   --issuer  署名 under the report (default: no signature)
#pragma once
#include <filesystem>
#include <string>

namespace award {

struct StatsOptions {
    std::filesystem::path registry;  // must exist
    std::filesystem::path data_dir;  // templates/ and fonts/
    std::filesystem::path out_dir = "output";
    int year = 0;
    int since = 0;       // 0: default
    std::string pack;    // "": every pack with a cycle of `year`
    std::string as_of;   // "": today
    std::string issuer;  // "": no signature
};

// Returns the exit status; bad options throw InputError (nothing written).
int run_stats_command(const StatsOptions& o);

}  // namespace award
