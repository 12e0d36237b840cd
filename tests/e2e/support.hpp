// Running the real `award` binary and the tools a user checks output with
// (pdftotext, pdffonts, qpdf, openpyxl), from tests.
#pragma once
#include <filesystem>
#include <functional>
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

fs::path sample_dir();                        // samples/weidu-2026 in the source tree
fs::path case_dir(const std::string& case_id);  // samples/<case_id> in the source tree
// A copy of samples/<case_id> in `into`, to edit.
fs::path copy_sample(const fs::path& into, const std::string& case_id = "weidu-2026");
// A copy of samples/<case_id> in `into` whose JSON file `file` (e.g. "case.json") `edit` has changed.
fs::path copy_sample_with(const fs::path& into, const std::string& case_id, const std::string& file,
                          const std::function<void(nlohmann::json&)>& edit);
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
          ran(run_award({"run", case_dir(case_id).string(), "--out", tmp.path().string()})) {}
};
// The CaseRun of samples/<case_id>, run once per test program and kept to its end.
const CaseRun& sample_run(const std::string& case_id);
// `award explain` on samples/<case_id>, for one applicant (by name or credit code) or all.
Ran explain(const std::string& case_id, const std::string& applicant = "");

// The cells of a worksheet (the first, or the one named) as text rows "a|b|c", read with
// openpyxl (Debian's /usr/bin/python3): numbers as Python writes them, empty cells as "".
std::vector<std::string> xlsx_rows(const fs::path& file, const std::string& sheet = "");
// Whether one row contains every part.
bool has_row_with(const std::vector<std::string>& rows, const std::vector<std::string>& parts);
// The rows one a line, to show with INFO.
std::string joined(const std::vector<std::string>& rows);
bool has(const std::string& text, const std::string& part);  // text contains part
std::string squeeze(std::string s);
int pdf_pages(const fs::path& pdf);                      // pdfinfo
std::string pdf_page_text(const fs::path& pdf, int page);  // pdftotext -raw of one page         // drops white space (pdftotext spaces out CJK in tables)

}  // namespace e2e
