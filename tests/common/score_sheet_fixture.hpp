// Shared by the score sheet tests (tests/render and tests/ingest, both link award_render): a small 魏都区
// case and panel, the real pack's GB/T 19580 items (templates/policies/weidu.json)
// with review stages built by hand, and running /usr/bin/python3 (openpyxl) and
// LibreOffice headless on the workbooks.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "common/temp_dir.hpp"
#include "model/case.hpp"
#include "model/policy.hpp"
#include "model/review.hpp"
#include "packs/policy_pack.hpp"
#include "render/xlsx/score_sheet_xlsx.hpp"

namespace award::test::sheets {

namespace fs = std::filesystem;

inline const std::string kCodeRuida = "91411002MA44RD001L";
inline const std::string kCodeHengtong = "91411002MA44HT002P";
inline const std::string kCodeLongName = "91411002MA44LT0032";
inline const std::string kCodeConflicted = "91110000600037341L";

inline StageSpec material_stage() {
    StageSpec s;
    s.id = "material";
    s.name = "资料评审";
    s.article = "第十六条";
    s.sheet = StageSpec::Sheet::Items;
    s.max_points = 1000;
    return s;
}

inline StageSpec presentation_stage() {
    StageSpec s;
    s.id = "presentation";
    s.name = "演讲陈述";
    s.sheet = StageSpec::Sheet::Presentation;
    s.max_points = 100;
    return s;
}

// The real pack, whose items and points the sheets must carry, with two stages.
inline Policy policy() {
    Policy p = load_policy_pack(fs::path(AWARD_SOURCE_DIR) / "templates" / "policies" / "weidu.json");
    p.review.stages = {material_stage(), presentation_stage()};
    return p;
}

inline Applicant applicant(std::string name, std::string code) {
    Applicant a;
    a.name = std::move(name);
    a.credit_code = std::move(code);
    a.award = "区长质量提名奖";
    return a;
}

inline Case make_case() {
    Case c;
    c.id = "weidu-2026";
    c.policy = "weidu";
    c.year = 2026;
    c.issuer = "魏都区区长质量奖评审委员会秘书处";
    c.acceptance.notice_date = Date(2026, 10, 9);
    c.applicants = {
        applicant("许昌瑞达电气有限公司", kCodeRuida),
        // Every character Excel forbids in a worksheet name.
        applicant("许昌[恒通]:机械*制造?有限公司/第一\\分厂", kCodeHengtong),
        applicant("许昌市魏都区长名称新材料科技股份有限公司第二生产基地分公司", kCodeLongName),
        applicant("北京某某有限公司", kCodeConflicted),
    };
    Reviewer r;
    r.id = "E01";
    r.name = "张伟";
    r.affiliation = "许昌学院";
    r.conflicts = {{kCodeConflicted, "曾任该单位质量顾问"}};
    r.source = "reviewers.json: /reviewers/0";
    c.panel.reviewers = {r};
    ReviewGroup g;
    g.name = "资料评审组";
    g.stage = "material";
    g.leader = "E01";
    g.members = {"E01"};
    g.source = "reviewers.json: /groups/0";
    c.panel.groups = {g};
    return c;
}

// Everything a request points to, kept alive together.
struct Fixture {
    Policy policy = sheets::policy();
    Case c = make_case();
    StageSpec stage = material_stage();

    explicit Fixture(StageSpec s = material_stage()) : stage(std::move(s)) {}

    // E01's sheet for the given applicants (by default the three E01 may score).
    ScoreSheetRequest request(std::vector<std::size_t> applicants = {0, 1, 2}, bool consensus = false) const {
        ScoreSheetRequest r;
        r.c = &c;
        r.policy = &policy;
        r.reviewer = &c.panel.reviewers.at(0);
        r.group = &c.panel.groups.at(0);
        r.stage = &stage;
        r.consensus = consensus;
        r.applicants = std::move(applicants);
        return r;
    }
};

// The pack's items in order with their rows on an items sheet (each category takes a
// row before its items, from row 9; the total follows the last item).
struct ItemRow {
    std::string id;
    std::string name;
    int points;
    int row;
};
inline std::vector<ItemRow> item_rows(const Policy& p, std::vector<int>* category_rows = nullptr) {
    std::vector<ItemRow> rows;
    int row = 9;
    for (const auto& cat : p.score_sheet.categories) {
        if (category_rows) category_rows->push_back(row);
        ++row;
        for (const auto& item : cat.items) rows.push_back({item.id, item.name, item.points, row++});
    }
    return rows;
}

struct Ran {
    int status = -1;
    std::string out;
};

// Runs a shell command, stderr folded into the output.
inline Ran run(const std::string& cmd) {
    Ran r;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return q + "'";
}

inline void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs a Python script (openpyxl is installed for /usr/bin/python3 only) with arguments.
inline Ran python(const TempDir& tmp, const std::string& script, const std::vector<std::string>& args) {
    static int counter = 0;
    const fs::path file = tmp.path() / ("script" + std::to_string(++counter) + ".py");
    write_file(file, script);
    std::string cmd = "/usr/bin/python3 " + quote(file.string());
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

// Opens `file` with LibreOffice headless (a private profile, so tests can run side by
// side) and saves it as `format` ("xlsx", "pdf") in `out_dir`; returns the saved file.
inline fs::path convert_with_libreoffice(const fs::path& file, const fs::path& out_dir, const std::string& format) {
    TempDir profile;
    fs::create_directories(out_dir);
    const Ran r = run("soffice --headless --norestore -env:UserInstallation=file://" + profile.path().string() +
                      " --convert-to " + format + " --outdir " + quote(out_dir.string()) + " " + quote(file.string()));
    const fs::path saved = out_dir / fs::path(file.filename()).replace_extension(format);
    if (r.status != 0 || !fs::exists(saved))
        throw std::runtime_error("LibreOffice could not save " + file.string() + " as " + format + ": " + r.out);
    return saved;
}

// Opens and saves `file` with LibreOffice headless; returns the re-saved copy in `out_dir`.
inline fs::path resave_with_libreoffice(const fs::path& file, const fs::path& out_dir) {
    return convert_with_libreoffice(file, out_dir, "xlsx");
}

}  // namespace award::test::sheets
