#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>

namespace e2e {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

nlohmann::json read_json(const fs::path& p) { return nlohmann::json::parse(read_file(p)); }

Ran run(const std::string& command) {
    TempDir tmp;
    const fs::path out = tmp.path() / "out", err = tmp.path() / "err";
    const std::string full = command + " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    int raw = std::system(full.c_str());
    Ran r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

namespace {

// As `make run` does: the earlier cycles of samples/registry/ in the test process's own
// registry ($AWARD_REGISTRY, set by catch_main.cpp), once, before the first run.
void import_sample_history() {
    static bool done = false;
    if (done) return;
    done = true;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(AWARD_SOURCE_DIR) / "samples" / "registry"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        const Ran r = run(quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR) + " registry import " +
                          quote(f.string()));
        if (r.status != 0) throw std::runtime_error("importing " + f.string() + " failed: " + r.out + r.err);
    }
}

}  // namespace

Ran run_award(const std::vector<std::string>& args) {
    import_sample_history();
    std::string cmd = quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR);
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

fs::path sample_dir() { return case_dir("weidu-2026"); }

fs::path case_dir(const std::string& case_id) { return fs::path(AWARD_SOURCE_DIR) / "samples" / case_id; }

fs::path copy_sample(const fs::path& into, const std::string& case_id) {
    const fs::path dest = into / case_id;
    fs::copy(case_dir(case_id), dest, fs::copy_options::recursive);
    return dest;
}

fs::path copy_sample_with(const fs::path& into, const std::string& case_id, const std::string& file,
                          const std::function<void(nlohmann::json&)>& edit) {
    const fs::path dir = copy_sample(into, case_id);
    nlohmann::json j = read_json(dir / file);
    edit(j);
    write_file(dir / file, j.dump(2));
    return dir;
}

const CaseRun& sample_run(const std::string& case_id) {
    static std::map<std::string, std::unique_ptr<CaseRun>> runs;
    auto& r = runs[case_id];
    if (!r) r = std::make_unique<CaseRun>(case_id);
    return *r;
}

Ran explain(const std::string& case_id, const std::string& applicant) {
    std::vector<std::string> args{"explain", case_dir(case_id).string()};
    if (!applicant.empty()) args.push_back(applicant);
    return run_award(args);
}

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::exists(dir)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir));
    std::sort(files.begin(), files.end());
    return files;
}

std::string pdf_text(const fs::path& pdf) {
    // -raw: content-stream order, so a name wrapped inside a table cell reads back whole.
    Ran r = run("pdftotext -raw -enc UTF-8 " + quote(pdf.string()) + " -");
    if (r.status != 0) throw std::runtime_error("pdftotext failed on " + pdf.string() + ": " + r.err);
    return r.out;
}

int pdf_pages(const fs::path& pdf) {
    Ran r = run("pdfinfo " + quote(pdf.string()));
    const auto at = r.out.find("Pages:");
    if (r.status != 0 || at == std::string::npos) throw std::runtime_error("pdfinfo failed on " + pdf.string());
    return std::stoi(r.out.substr(at + 6));
}

std::string pdf_page_text(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    Ran r = run("pdftotext -raw -enc UTF-8 -f " + n + " -l " + n + " " + quote(pdf.string()) + " -");
    if (r.status != 0) throw std::runtime_error("pdftotext failed on " + pdf.string());
    return r.out;
}

std::string squeeze(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }),
            s.end());
    return s;
}

std::vector<std::string> xlsx_rows(const fs::path& file, const std::string& sheet) {
    const std::string script =
        "import openpyxl,sys\n"
        "wb=openpyxl.load_workbook(sys.argv[1])\n"
        "ws=wb[sys.argv[2]] if sys.argv[2] else wb.worksheets[0]\n"
        "for row in ws.iter_rows(values_only=True):\n"
        "    print('|'.join('' if v is None else (repr(v) if isinstance(v,(int,float)) else str(v)) for v in row))\n";
    Ran r = run("/usr/bin/python3 -c " + quote(script) + " " + quote(file.string()) + " " + quote(sheet));
    if (r.status != 0) throw std::runtime_error("openpyxl could not read " + file.string() + ": " + r.err);
    std::vector<std::string> rows;
    std::size_t start = 0;
    while (start < r.out.size()) {
        auto end = r.out.find('\n', start);
        rows.push_back(r.out.substr(start, end - start));
        start = end == std::string::npos ? r.out.size() : end + 1;
    }
    return rows;
}

std::string joined(const std::vector<std::string>& rows) {
    std::string s;
    for (const auto& r : rows) s += r + "\n";
    return s;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool has_row_with(const std::vector<std::string>& rows, const std::vector<std::string>& parts) {
    for (const auto& row : rows) {
        bool all = true;
        for (const auto& p : parts) all = all && row.find(p) != std::string::npos;
        if (all) return true;
    }
    return false;
}

}  // namespace e2e
