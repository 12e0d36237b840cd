// Running the real `award` binary and the tools a user checks output with
// (pdftotext, pdffonts, qpdf, openpyxl), from tests.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"

namespace e2e {

namespace fs = std::filesystem;

struct Ran {
    int status = -1;  // exit status
    std::string out, err;
};

std::string quote(const std::string& s);  // for the shell
Ran run(const std::string& command);       // runs via /bin/sh, captures both streams
Ran run_award(const std::vector<std::string>& args);

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& text);
nlohmann::json read_json(const fs::path& p);

using TempDir = award::test::TempDir;

fs::path sample_dir();                      // samples/weidu-2026 in the source tree
fs::path copy_sample(const fs::path& into);  // a copy of the sample to edit
std::vector<fs::path> files_under(const fs::path& dir);  // regular files, sorted, relative

std::string pdf_text(const fs::path& pdf);  // pdftotext -raw
// `award run` of one bundled sample (samples/<case_id>) into a temporary folder, run once
// per test program through a function-local static.
struct CaseRun {
    TempDir tmp;
    std::string id;
    fs::path folder;
    Ran ran;
    explicit CaseRun(const std::string& case_id)
        : id(case_id),
          folder(tmp.path() / case_id),
          ran(run_award({"run", (sample_dir().parent_path() / case_id).string(), "--out", tmp.path().string()})) {}
};

// The cells of a worksheet (the first, or the one named) as text rows "a|b|c", read with
// openpyxl (Debian's /usr/bin/python3): numbers as Python writes them, empty cells as "".
std::vector<std::string> xlsx_rows(const fs::path& file, const std::string& sheet = "");
// Whether one row contains every part.
bool has_row_with(const std::vector<std::string>& rows, const std::vector<std::string>& parts);
std::string squeeze(std::string s);
int pdf_pages(const fs::path& pdf);                      // pdfinfo
std::string pdf_page_text(const fs::path& pdf, int page);  // pdftotext -raw of one page         // drops white space (pdftotext spaces out CJK in tables)

}  // namespace e2e
