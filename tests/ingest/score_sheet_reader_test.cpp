// Reading score sheets back: sheets written by the writer, filled by a script
// (openpyxl), some re-saved by LibreOffice headless, and the same content as JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "common/score_sheet_fixture.hpp"
#include "ingest/score_sheet_reader.hpp"
#include "render/xlsx/score_sheet_xlsx.hpp"

using namespace award;
using namespace award::test::sheets;
using award::test::TempDir;
using nlohmann::json;

namespace {

const std::string kShown = "scores/资料评审/E01-张伟.xlsx";
const std::string kRuidaSheet = "许昌瑞达电气有限公司";
const std::string kHengtongSheet = "许昌_恒通__机械_制造_有限公司_第一_分厂";

// Edits a workbook with openpyxl: {"sheet": {"D10": 60, "F10": "text", "D11": null}, ...};
// "__delete__": [sheet names], "__rename__": {"old": "new"}.
const char* kEditScript = R"PY(
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
edits = json.loads(open(sys.argv[3], encoding="utf-8").read())
deleted = edits.pop("__delete__", [])
renamed = edits.pop("__rename__", {})
for sheet, cells in edits.items():
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
for name in deleted:
    del wb[name]
for old, new in renamed.items():
    wb[old].title = new
wb.save(sys.argv[2])
)PY";

fs::path edit(const TempDir& tmp, const fs::path& file, const json& edits, const std::string& name = "filled.xlsx") {
    const fs::path spec = tmp.path() / "edits.json";
    write_file(spec, edits.dump());
    const fs::path out = tmp.path() / name;
    const Ran r = python(tmp, kEditScript, {file.string(), out.string(), spec.string()});
    INFO(r.out);
    REQUIRE(r.status == 0);
    return out;
}

// A valid percentage for every item, different per item and per applicant.
int pct(std::size_t applicant, std::size_t item) { return int((item * 5 + applicant * 10) % 105); }

// Every item of one applicant's worksheet filled with pct().
json all_items(const Policy& p, std::size_t applicant) {
    json cells = json::object();
    const auto rows = item_rows(p);
    for (std::size_t k = 0; k < rows.size(); ++k) cells["D" + std::to_string(rows[k].row)] = pct(applicant, k);
    return cells;
}

std::vector<int> expected_percents(const Policy& p, std::size_t applicant) {
    std::vector<int> v;
    for (std::size_t k = 0; k < item_rows(p).size(); ++k) v.push_back(pct(applicant, k));
    return v;
}

struct Read {
    std::optional<ScoreSheet> sheet;
    std::vector<Problem> problems;
};

Read read(const fs::path& file, const Policy& p, const std::string& shown = kShown) {
    ingest::ProblemList out;
    Read r;
    r.sheet = ingest::read_score_sheet(file, shown, p, out);
    r.problems = out.items;
    return r;
}

std::string listed(const std::vector<Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.message() + "\n";
    return s;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The sheet written for E01 (资料评审) and its two first applicants, every item filled,
// then `more` edits on top.
struct Filled {
    TempDir tmp;
    Fixture fx;
    fs::path blank;
    explicit Filled(StageSpec stage = material_stage()) : fx(std::move(stage)) {
        blank = tmp.path() / "blank.xlsx";
        write_score_sheet_xlsx(fx.request({0, 1}), blank);
    }
    fs::path with(json more) {
        json edits = {{kRuidaSheet, all_items(fx.policy, 0)}, {kHengtongSheet, all_items(fx.policy, 1)}};
        for (auto& [key, value] : more.items()) {
            if (edits.contains(key) && value.is_object())
                edits[key].update(value);
            else
                edits[key] = value;
        }
        return edit(tmp, blank, edits);
    }
    Read read_with(json more) { return read(with(std::move(more)), fx.policy); }
};

Problem only_problem(const Read& r) {
    INFO(listed(r.problems));
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

}  // namespace

TEST_CASE("score sheet reader: a sheet filled by a script and re-saved by LibreOffice reads back to the numbers filled") {
    Filled f;
    const auto rows = item_rows(f.fx.policy);
    json hengtong = all_items(f.fx.policy, 1);
    // Numbers as text, as WPS and LibreOffice users leave them.
    hengtong["D" + std::to_string(rows[1].row)] = " " + std::to_string(pct(1, 1)) + " ";
    hengtong["D" + std::to_string(rows[2].row)] = std::to_string(pct(1, 2)) + "%";
    hengtong["F" + std::to_string(rows[0].row)] = "  领导作用突出\n  战略清晰  ";
    hengtong["G" + std::to_string(rows[22].row)] = "领导方面的结果缺少对比数据";
    const fs::path filled = f.with({{kHengtongSheet, hengtong}});
    const fs::path saved = resave_with_libreoffice(filled, f.tmp.path() / "lo");

    // It really is LibreOffice's file now.
    const Ran app = python(f.tmp,
                           "import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).read('docProps/app.xml').decode())",
                           {saved.string()});
    REQUIRE(contains(app.out, "LibreOffice"));

    const Read r = read(saved, f.fx.policy);
    INFO(listed(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.sheet);
    CHECK(r.sheet->case_id == "weidu-2026");
    CHECK(r.sheet->reviewer == "E01");
    CHECK(r.sheet->stage == "material");
    CHECK_FALSE(r.sheet->consensus);
    CHECK(r.sheet->version == 1);
    CHECK(r.sheet->file == kShown);
    REQUIRE(r.sheet->applicants.size() == 2);
    const ApplicantScores& a = r.sheet->applicants[0];
    const ApplicantScores& b = r.sheet->applicants[1];
    CHECK(a.credit_code == kCodeRuida);
    CHECK(a.percents == expected_percents(f.fx.policy, 0));
    CHECK(a.location == kShown + " 工作表「" + kRuidaSheet + "」");
    CHECK(b.credit_code == kCodeHengtong);
    CHECK(b.percents == expected_percents(f.fx.policy, 1));
    REQUIRE(b.strengths.size() == 23);
    CHECK(b.strengths[0] == "领导作用突出\n战略清晰");  // trimmed line by line
    CHECK(b.improvements[22] == "领导方面的结果缺少对比数据");
    CHECK(b.strengths[1].empty());
    CHECK_FALSE(a.presentation_tenths);
}

TEST_CASE("score sheet reader: a presentation sheet reads to tenths of a point and its comment") {
    Filled f(presentation_stage());
    const Read r = read(edit(f.tmp, f.blank,
                             {{kRuidaSheet, {{"D9", 86.5}, {"E9", " 条理清晰，数据翔实 "}}},
                              {kHengtongSheet, {{"D9", "92"}}}}),
                        f.fx.policy);
    INFO(listed(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.sheet);
    CHECK(r.sheet->stage == "presentation");
    REQUIRE(r.sheet->applicants.size() == 2);
    CHECK(r.sheet->applicants[0].presentation_tenths == 865);
    CHECK(r.sheet->applicants[0].comment == "条理清晰，数据翔实");
    CHECK(r.sheet->applicants[1].presentation_tenths == 920);
    CHECK(r.sheet->applicants[0].percents.empty());
}

TEST_CASE("score sheet reader: a presentation score out of range or with two decimals names the cell") {
    Filled f(presentation_stage());
    const Read r = read(edit(f.tmp, f.blank, {{kRuidaSheet, {{"D9", 86.55}}}, {kHengtongSheet, {{"D9", 101}}}}),
                        f.fx.policy);
    INFO(listed(r.problems));
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].record == "工作表「" + kRuidaSheet + "」 单元格 D9");
    CHECK(r.problems[0].field == "演讲陈述得分");
    CHECK(r.problems[0].value == "86.55");
    CHECK(contains(r.problems[0].expected, "0–100 之间的分数，最多一位小数"));
    CHECK(r.problems[1].record == "工作表「" + kHengtongSheet + "」 单元格 D9");
    CHECK(r.problems[1].value == "101");
}

TEST_CASE("score sheet reader: a percentage that is not a multiple of the step names sheet, cell and item") {
    Filled f;
    const int row = item_rows(f.fx.policy)[0].row;  // 4.1.2
    const Problem p = only_problem(f.read_with({{kRuidaSheet, {{"D" + std::to_string(row), 62}}}}));
    CHECK(p.file == kShown);
    CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 D10");
    CHECK(p.field == "4.1.2 高层领导的作用");
    CHECK(p.value == "62");
    CHECK(contains(p.expected, "0–100 之间、5 的整数倍的整数"));
}

TEST_CASE("score sheet reader: a percentage above 100 is refused") {
    Filled f;
    const auto rows = item_rows(f.fx.policy);
    const Problem p = only_problem(f.read_with({{kHengtongSheet, {{"D" + std::to_string(rows[5].row), 105}}}}));
    CHECK(p.record == "工作表「" + kHengtongSheet + "」 单元格 D" + std::to_string(rows[5].row));
    CHECK(p.field == rows[5].id + " " + rows[5].name);
    CHECK(p.value == "105");
}

TEST_CASE("score sheet reader: a missing item is named by its cell") {
    Filled f;
    const auto rows = item_rows(f.fx.policy);
    const std::string ref = "D" + std::to_string(rows[22].row);  // 4.7.7
    const Problem p = only_problem(f.read_with({{kRuidaSheet, {{ref, nullptr}}}}));
    CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 " + ref);
    CHECK(p.field == "4.7.7 领导方面的结果");
    CHECK(p.value == "");
    CHECK(contains(p.expected, "每个条款都须评分"));
}

TEST_CASE("score sheet reader: a worksheet with no percentage at all is one problem, not one per item") {
    Filled f;
    json cleared = json::object();
    for (const auto& r : item_rows(f.fx.policy)) cleared["D" + std::to_string(r.row)] = nullptr;
    const Problem p = only_problem(f.read_with({{kRuidaSheet, cleared}}));
    CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 D10–D38");
    CHECK(contains(p.expected, "一项也没有填写，共 23 项"));
}

TEST_CASE("score sheet reader: a formula where a percentage belongs is refused even when its value is valid") {
    Filled f;
    const Problem p = only_problem(f.read_with({{kRuidaSheet, {{"D11", "=50+10"}}}}));
    CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 D11");
    CHECK(p.field == "4.1.3 组织治理");
    CHECK(p.value == "=50+10");
    CHECK(contains(p.expected, "不能是公式"));
}

TEST_CASE("score sheet reader: text that is not a number is refused; numbers stored as text are accepted") {
    Filled f;
    SECTION("not a number") {
        const Problem p = only_problem(f.read_with({{kRuidaSheet, {{"D10", "六十"}}}}));
        CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 D10");
        CHECK(p.value == "六十");
        CHECK(contains(p.expected, "数字"));
    }
    SECTION("numbers as text, full-width digits, a percent sign") {
        const Read r = f.read_with({{kRuidaSheet, {{"D10", " 60 "}, {"D11", "６５"}, {"D12", "70%"}}}});
        INFO(listed(r.problems));
        CHECK(r.problems.empty());
        REQUIRE(r.sheet);
        CHECK(r.sheet->applicants[0].percents[0] == 60);
        CHECK(r.sheet->applicants[0].percents[1] == 65);
        CHECK(r.sheet->applicants[0].percents[2] == 70);
    }
    SECTION("a number as text that is not a multiple of the step") {
        const Problem p = only_problem(f.read_with({{kRuidaSheet, {{"D10", "62"}}}}));
        CHECK(p.value == "62");
        CHECK(contains(p.expected, "5 的整数倍"));
    }
}

TEST_CASE("score sheet reader: strengths and improvements are trimmed and limited in length") {
    Filled f;
    std::string long_text;
    for (int i = 0; i < 501; ++i) long_text += "优";
    const Read r = f.read_with({{kRuidaSheet, {{"F10", long_text}, {"G10", "   "}, {"G11", " 改进\t机会"}}}});
    INFO(listed(r.problems));
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].record == "工作表「" + kRuidaSheet + "」 单元格 F10");
    CHECK(r.problems[0].field == "4.1.2 高层领导的作用（主要优势）");
    CHECK(contains(r.problems[0].expected, "不超过 500 个字符"));
    CHECK(r.problems[1].record == "工作表「" + kRuidaSheet + "」 单元格 G11");
    CHECK(r.problems[1].field == "4.1.3 组织治理（改进机会）");
    CHECK(contains(r.problems[1].expected, "控制字符"));
    REQUIRE(r.sheet);
    CHECK(r.sheet->applicants[0].improvements[0].empty());  // only spaces: none
}

TEST_CASE("score sheet reader: a workbook without its identification is refused") {
    Filled f;
    const Read r = f.read_with({{"__delete__", {"识别信息"}}});
    CHECK_FALSE(r.sheet);
    const Problem p = only_problem(r);
    CHECK(p.file == kShown);
    CHECK(contains(p.expected, "不是由 award sheets 生成的评分表，或识别信息被删改"));
}

TEST_CASE("score sheet reader: tampered identification is refused") {
    Filled f;
    SECTION("format changed") {
        const Read r = f.read_with({{"识别信息", {{"B1", "other"}}}});
        CHECK_FALSE(r.sheet);
        CHECK(contains(only_problem(r).expected, "识别信息被删改"));
    }
    SECTION("a key removed") {
        const Read r = f.read_with({{"识别信息", {{"A5", nullptr}, {"B5", nullptr}}}});  // reviewer
        CHECK_FALSE(r.sheet);
        const Problem p = only_problem(r);
        CHECK(p.field == "reviewer");
        CHECK(p.record == "工作表「识别信息」");
    }
    SECTION("another version") {
        const Read r = f.read_with({{"识别信息", {{"B2", "2"}}}});
        CHECK_FALSE(r.sheet);
        const Problem p = only_problem(r);
        CHECK(p.record == "工作表「识别信息」 单元格 B2");
        CHECK(p.value == "2");
        CHECK(contains(p.expected, "第 1 版评分表"));
    }
    SECTION("another policy pack") {
        const Read r = f.read_with({{"识别信息", {{"B4", "tongzhou"}}}});
        CHECK_FALSE(r.sheet);
        CHECK(only_problem(r).value == "tongzhou");
    }
    SECTION("a stage the pack does not have") {
        const Read r = f.read_with({{"识别信息", {{"B6", "onsite"}}}});
        CHECK_FALSE(r.sheet);
        const Problem p = only_problem(r);
        CHECK(p.field == "stage");
        CHECK(contains(p.expected, "material（资料评审）"));
    }
}

TEST_CASE("score sheet reader: a sheet made for another item table is refused") {
    Filled f;
    Policy other = f.fx.policy;
    other.score_sheet.categories[0].items.pop_back();  // 4.1.4 dropped
    Fixture old_fx;
    old_fx.policy = other;
    const fs::path old_sheet = f.tmp.path() / "old.xlsx";
    write_score_sheet_xlsx(old_fx.request({0}), old_sheet);
    const Read r = read(old_sheet, f.fx.policy);
    CHECK_FALSE(r.sheet);
    const Problem p = only_problem(r);
    CHECK(p.field == "item");
    CHECK_FALSE(contains(p.value, "4.1.4"));
    CHECK(contains(p.expected, "4.1.4"));
    CHECK(contains(p.expected, "另一份条款表"));
}

TEST_CASE("score sheet reader: an applicant worksheet whose credit code disagrees with the identification") {
    Filled f;
    const Problem p = only_problem(f.read_with({{kRuidaSheet, {{"B5", kCodeLongName}}}}));
    CHECK(p.record == "工作表「" + kRuidaSheet + "」 单元格 B5");
    CHECK(p.field == "统一社会信用代码");
    CHECK(p.value == kCodeLongName);
    CHECK(contains(p.expected, kCodeRuida));
}

TEST_CASE("score sheet reader: a worksheet from another reviewer's sheet is refused by its hidden marks") {
    Filled f;
    const Read r = f.read_with({{kHengtongSheet, {{"H3", "E02"}}}});
    const Problem p = only_problem(r);
    CHECK(p.record == "工作表「" + kHengtongSheet + "」 单元格 H3");
    CHECK(p.value == "E02");
    CHECK(contains(p.expected, "另一位评审专家"));
    REQUIRE(r.sheet);
    CHECK(r.sheet->applicants.size() == 1);
}

TEST_CASE("score sheet reader: a renamed worksheet is still identified by the credit code in it") {
    Filled f;
    const Read r = f.read_with({{"__rename__", {{kHengtongSheet, "恒通"}}}});
    INFO(listed(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.sheet);
    REQUIRE(r.sheet->applicants.size() == 2);
    CHECK(r.sheet->applicants[1].credit_code == kCodeHengtong);
    CHECK(r.sheet->applicants[1].percents == expected_percents(f.fx.policy, 1));
    CHECK(r.sheet->applicants[1].location == kShown + " 工作表「恒通」");
}

TEST_CASE("score sheet reader: a deleted applicant worksheet is reported") {
    Filled f;
    const Read r = f.read_with({{"__delete__", {kHengtongSheet}}});
    const Problem p = only_problem(r);
    CHECK(p.record == "工作表「" + kHengtongSheet + "」");
    CHECK(p.value == kCodeHengtong);
    CHECK(contains(p.expected, "文件中没有这个工作表"));
    REQUIRE(r.sheet);
    CHECK(r.sheet->applicants.size() == 1);
}

TEST_CASE("score sheet reader: a file that is not a workbook is one problem naming the file") {
    TempDir tmp;
    const Policy p = policy();
    const fs::path bad = tmp.path() / "E01.xlsx";
    write_file(bad, "not a zip");
    const Read r = read(bad, p);
    CHECK_FALSE(r.sheet);
    const Problem problem = only_problem(r);
    CHECK(problem.file == kShown);
    CHECK(contains(problem.expected, "XLSX"));

    const fs::path xls = tmp.path() / "E01.xls";
    write_file(xls, "old");
    const Read old = read(xls, p, "scores/E01.xls");
    CHECK_FALSE(old.sheet);
    CHECK(contains(only_problem(old).expected, "另存为 .xlsx"));
}

// ---- JSON -------------------------------------------------------------------------

namespace {

json items_json(const Policy& p, std::size_t applicant) {
    json items = json::object();
    const auto rows = item_rows(p);
    for (std::size_t k = 0; k < rows.size(); ++k) items[rows[k].id] = pct(applicant, k);
    return items;
}

Read read_json_sheet(const TempDir& tmp, const json& j, const Policy& p) {
    const fs::path file = tmp.path() / "E01.json";
    write_file(file, j.dump(2));
    return read(file, p, "scores/资料评审/E01.json");
}

json material_json(const Policy& p) {
    return {{"case", "weidu-2026"},
            {"reviewer", "E01"},
            {"stage", "material"},
            {"consensus", false},
            {"applicants",
             {{{"credit_code", kCodeRuida},
               {"items", items_json(p, 0)},
               {"strengths", {{"4.1.2", " 高层重视 "}}},
               {"improvements", {{"4.7.4", "财务结果缺少趋势"}}}},
              {{"credit_code", kCodeHengtong}, {"items", items_json(p, 1)}}}}};
}

}  // namespace

TEST_CASE("score sheet reader: a JSON sheet reads to the same scores") {
    TempDir tmp;
    const Policy p = policy();
    const Read r = read_json_sheet(tmp, material_json(p), p);
    INFO(listed(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.sheet);
    CHECK(r.sheet->case_id == "weidu-2026");
    CHECK(r.sheet->reviewer == "E01");
    CHECK(r.sheet->stage == "material");
    CHECK(r.sheet->file == "scores/资料评审/E01.json");
    REQUIRE(r.sheet->applicants.size() == 2);
    CHECK(r.sheet->applicants[0].percents == expected_percents(p, 0));
    CHECK(r.sheet->applicants[1].percents == expected_percents(p, 1));
    CHECK(r.sheet->applicants[0].strengths[0] == "高层重视");
    const auto rows = item_rows(p);
    const auto at = std::size_t(std::find_if(rows.begin(), rows.end(), [](const ItemRow& x) { return x.id == "4.7.4"; }) - rows.begin());
    CHECK(r.sheet->applicants[0].improvements[at] == "财务结果缺少趋势");
    CHECK(r.sheet->applicants[0].location == "scores/资料评审/E01.json /applicants/0（" + kCodeRuida + "）");
}

TEST_CASE("score sheet reader: a presentation JSON sheet") {
    TempDir tmp;
    const Policy p = policy();
    const json j = {{"case", "weidu-2026"},
                    {"reviewer", "E01"},
                    {"stage", "presentation"},
                    {"applicants", {{{"credit_code", kCodeRuida}, {"score", 86.5}, {"comment", "条理清晰"}}}}};
    const Read r = read_json_sheet(tmp, j, p);
    INFO(listed(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.sheet);
    CHECK(r.sheet->applicants[0].presentation_tenths == 865);
    CHECK(r.sheet->applicants[0].comment == "条理清晰");
}

TEST_CASE("score sheet reader: every problem of a JSON sheet in one pass") {
    TempDir tmp;
    const Policy p = policy();
    json j = material_json(p);
    j["applicants"][0]["items"]["4.1.2"] = 62;
    j["applicants"][0]["items"]["4.1.3"] = "60";
    j["applicants"][0]["items"].erase("4.7.7");
    j["applicants"][0]["items"]["4.9.9"] = 50;
    j["applicants"][1]["credit_code"] = kCodeRuida;
    j["applicants"][1]["score"] = 80;
    const Read r = read_json_sheet(tmp, j, p);
    INFO(listed(r.problems));
    REQUIRE(r.problems.size() == 6);
    const std::string rec0 = "/applicants/0（" + kCodeRuida + "）";
    // unknown field first (reported on the object), then each item in pack order
    CHECK(r.problems[0].record == rec0 + "/items");
    CHECK(r.problems[0].field == "4.9.9");
    CHECK(r.problems[1].field == "4.1.2");
    CHECK(r.problems[1].value == "62");
    CHECK(contains(r.problems[1].expected, "5 的整数倍"));
    CHECK(r.problems[2].field == "4.1.3");
    CHECK(contains(r.problems[2].expected, "不加引号"));
    CHECK(r.problems[3].field == "4.7.7");
    CHECK(contains(r.problems[3].expected, "领导方面的结果的评分百分比"));
    const std::string rec1 = "/applicants/1（" + kCodeRuida + "）";
    CHECK(r.problems[4].record == rec1);
    CHECK(r.problems[4].field == "score");  // not a field of an items sheet
    CHECK(r.problems[5].record == rec1);
    CHECK(r.problems[5].field == "credit_code");
    CHECK(contains(r.problems[5].expected, "只出现一次"));
    for (const auto& problem : r.problems) CHECK(problem.file == "scores/资料评审/E01.json");
}

TEST_CASE("score sheet reader: a JSON sheet that is not JSON names the shown file") {
    TempDir tmp;
    const fs::path file = tmp.path() / "E01.json";
    write_file(file, "{\"case\": ");
    const Read r = read(file, policy(), "scores/资料评审/E01.json");
    CHECK_FALSE(r.sheet);
    CHECK(only_problem(r).file == "scores/资料评审/E01.json");
}
