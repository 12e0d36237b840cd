// The reviewers' score sheets as a spreadsheet program sees them: read back with
// openpyxl (protection, locked cells, validations, formulas, hidden identification)
// and recalculated by LibreOffice.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/score_sheet_fixture.hpp"
#include "render/xlsx/score_sheet_xlsx.hpp"

using namespace award;
using namespace award::test::sheets;
using award::test::TempDir;
using nlohmann::json;

namespace {

// Every worksheet of a workbook as openpyxl reads it, as JSON.
const char* kDumpScript = R"PY(
import sys, json, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)
out = []
for ws in wb.worksheets:
    wv = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            cells[c.coordinate] = {"value": c.value, "locked": bool(c.protection.locked),
                                   "cached": wv[c.coordinate].value}
    dvs = []
    for dv in ws.data_validations.dataValidation:
        dvs.append({"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
                    "promptTitle": dv.promptTitle, "prompt": dv.prompt, "errorTitle": dv.errorTitle,
                    "error": dv.error, "showErrorMessage": bool(dv.showErrorMessage),
                    "showInputMessage": bool(dv.showInputMessage), "errorStyle": dv.errorStyle})
    hidden = []
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:
            hidden.append(key)
    ps = ws.page_setup
    out.append({"name": ws.title, "state": ws.sheet_state, "protected": bool(ws.protection.sheet),
                "password": ws.protection.password, "cells": cells, "validations": dvs, "hidden_columns": hidden,
                "paper": ps.paperSize, "orientation": ps.orientation, "fit_width": ps.fitToWidth,
                "fit_height": ps.fitToHeight,
                "fit": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)})
print(json.dumps(out, ensure_ascii=False, default=str))
)PY";

json dump(const TempDir& tmp, const fs::path& file) {
    const Ran r = python(tmp, kDumpScript, {file.string()});
    INFO(r.out);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

const json& sheet(const json& book, const std::string& name) {
    for (const auto& s : book)
        if (s["name"] == name) return s;
    FAIL("no worksheet " << name);
    throw std::logic_error("unreachable");
}

json value(const json& s, const std::string& ref) {
    auto it = s["cells"].find(ref);
    return it == s["cells"].end() ? json() : (*it)["value"];
}

const std::vector<std::string> kSheetNames = {"许昌瑞达电气有限公司", "许昌_恒通__机械_制造_有限公司_第一_分厂",
                                              "许昌市魏都区长名称新材料科技股份有限公司第二生产基地分公司"};

}  // namespace

TEST_CASE("score sheet xlsx: one protected worksheet per applicant, only the input cells unlocked") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / score_sheet_file_name(fx.request());
    write_score_sheet_xlsx(fx.request(), file);
    const json book = dump(tmp, file);

    std::vector<std::string> names;
    for (const auto& s : book) names.push_back(s["name"]);
    CHECK(names == std::vector<std::string>{kSheetNames[0], kSheetNames[1], kSheetNames[2], "识别信息"});

    const auto rows = item_rows(fx.policy);
    REQUIRE(rows.size() == 23);
    for (std::size_t i = 0; i < 3; ++i) {
        const json& s = sheet(book, kSheetNames[i]);
        INFO(kSheetNames[i]);
        CHECK(s["state"] == "visible");
        CHECK(s["protected"] == true);
        CHECK(s["password"].is_null());  // protected against slips, without a password
        // The reviewer sees whom they score.
        CHECK(value(s, "A4") == "申报组织");
        CHECK(value(s, "B4") == fx.c.applicants[i].name);
        CHECK(value(s, "A5") == "统一社会信用代码");
        CHECK(value(s, "B5") == fx.c.applicants[i].credit_code);
        CHECK(value(s, "B3") == "资料评审");
        CHECK(value(s, "B6").get<std::string>().find("张伟") != std::string::npos);
        CHECK(value(s, "B2").get<std::string>().find("weidu-2026") != std::string::npos);
        // The hidden identification of the worksheet.
        CHECK(value(s, "H1") == "award-score-sheet");
        CHECK(value(s, "H2") == "weidu-2026");
        CHECK(value(s, "H3") == "E01");
        CHECK(value(s, "H4") == "material");
        CHECK(value(s, "H5") == "no");
        CHECK(s["hidden_columns"] == json::array({"H"}));

        std::set<std::string> expected_unlocked, unlocked;
        for (const auto& r : rows)
            for (const char* col : {"D", "F", "G"}) expected_unlocked.insert(col + std::to_string(r.row));
        for (const auto& [ref, c] : s["cells"].items())
            if (!c["locked"].get<bool>()) unlocked.insert(ref);
        CHECK(unlocked == expected_unlocked);
        CHECK(s["cells"]["A1"]["locked"] == true);
        CHECK(s["cells"]["B5"]["locked"] == true);

        CHECK(s["paper"] == 9);  // A4
        CHECK(s["orientation"] == "landscape");
        CHECK(s["fit"] == true);
        CHECK((s["fit_width"].is_null() || s["fit_width"] == 1));  // absent: 1, the OOXML default
        CHECK(s["fit_height"] == 0);
    }
}

TEST_CASE("score sheet xlsx: items with their points, score and subtotal formulas with a cached result") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    write_score_sheet_xlsx(fx.request({0}), file);
    const json s = sheet(dump(tmp, file), kSheetNames[0]);

    std::vector<int> category_rows;
    const auto rows = item_rows(fx.policy, &category_rows);
    CHECK(value(s, "A8") == "条款");
    CHECK(value(s, "D8") == "评分百分比（%）");
    CHECK(value(s, "F8") == "主要优势");
    CHECK(value(s, "G8") == "改进机会");
    CHECK(value(s, "A9") == "4.1");
    CHECK(value(s, "B9") == "领导");
    CHECK(value(s, "C9") == 110);
    CHECK(value(s, "E9") == "=SUM(E10:E12)");
    CHECK(value(s, "A10") == "4.1.2");
    CHECK(value(s, "B10") == "高层领导的作用");
    CHECK(value(s, "C10") == 50);
    for (const auto& r : rows) {
        const std::string n = std::to_string(r.row);
        INFO(r.id);
        CHECK(value(s, "A" + n) == r.id);
        CHECK(value(s, "C" + n) == r.points);
        CHECK(value(s, "E" + n) == "=C" + n + "*D" + n + "/100");
        CHECK(s["cells"]["E" + n]["cached"] == 0);  // readers without recalculation see 0, not nothing
        CHECK(value(s, "D" + n).is_null());
    }
    const std::string total = std::to_string(rows.back().row + 1);
    CHECK(value(s, "A" + total) == "合计");
    CHECK(value(s, "C" + total) == 1000);
    std::string sum = "=SUM(";
    for (std::size_t i = 0; i < category_rows.size(); ++i) sum += (i ? ",E" : "E") + std::to_string(category_rows[i]);
    CHECK(value(s, "E" + total) == sum + ")");
    CHECK(s["cells"]["E" + total]["cached"] == 0);
}

TEST_CASE("score sheet xlsx: the percentage and text cells are validated, with Chinese messages") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    write_score_sheet_xlsx(fx.request({0}), file);
    const json s = sheet(dump(tmp, file), kSheetNames[0]);
    const int last = item_rows(fx.policy).back().row;  // 38

    REQUIRE(s["validations"].size() == 3);
    std::map<std::string, json> by_range;
    for (const auto& v : s["validations"]) by_range[v["sqref"]] = v;
    const std::string d = "D9:D" + std::to_string(last);
    REQUIRE(by_range.count(d));
    const json& pct = by_range[d];
    CHECK(pct["type"] == "custom");
    const std::string formula = pct["formula1"];
    CHECK(formula.find("ISNUMBER(D9)") != std::string::npos);
    CHECK(formula.find("D9>=0") != std::string::npos);
    CHECK(formula.find("D9<=100") != std::string::npos);
    CHECK(formula.find("MOD(D9,5)=0") != std::string::npos);
    CHECK(formula.find("INT(D9)=D9") != std::string::npos);
    CHECK(pct["showErrorMessage"] == true);
    CHECK(pct["showInputMessage"] == true);
    CHECK(pct["errorTitle"] == "评分百分比不符合要求");
    CHECK(pct["error"].get<std::string>().find("5 的整数倍") != std::string::npos);
    CHECK(pct["prompt"].get<std::string>().find("0–100") != std::string::npos);

    for (const char* col : {"F", "G"}) {
        const std::string range = std::string(col) + "9:" + col + std::to_string(last);
        REQUIRE(by_range.count(range));
        CHECK(by_range[range]["type"] == "textLength");
        CHECK(by_range[range]["operator"] == "lessThanOrEqual");
        CHECK(by_range[range]["formula1"] == "500");
    }
}

TEST_CASE("score sheet xlsx: LibreOffice computes item scores, subtotals and the total from the percentages") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    write_score_sheet_xlsx(fx.request({0}), file);
    // 4.1.2 at 65%, 4.1.3 at 50%, 4.1.4 at 70%, every other item at 60%:
    // 4.1 = 50×0.65 + 30×0.5 + 30×0.7 = 32.5 + 15 + 21 = 68.5; the rest (1000 − 110) × 0.6 = 534;
    // total 602.5.
    const std::string fill = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
special = {"4.1.2": 65, "4.1.3": 50, "4.1.4": 70}
for row in range(10, 39):
    item = ws.cell(row=row, column=1).value
    if item and item.count(".") == 2:
        ws.cell(row=row, column=4).value = special.get(item, 60)
wb.save(sys.argv[2])
)PY";
    const fs::path filled = tmp.path() / "filled" / "s.xlsx";
    fs::create_directories(filled.parent_path());
    const Ran r = python(tmp, fill, {file.string(), filled.string()});
    INFO(r.out);
    REQUIRE(r.status == 0);
    const fs::path saved = resave_with_libreoffice(filled, tmp.path() / "lo");
    const json s = sheet(dump(tmp, saved), kSheetNames[0]);
    CHECK(s["cells"]["E10"]["cached"] == Approx(32.5));
    CHECK(s["cells"]["E9"]["cached"] == Approx(68.5));
    CHECK(s["cells"]["E13"]["cached"] == Approx(54));  // 4.2: 90 × 0.6
    CHECK(s["cells"]["E39"]["cached"] == Approx(602.5));  // 7 category rows and 23 items from row 9
}

TEST_CASE("score sheet xlsx: a hidden identification sheet names case, pack, reviewer, stage, items and applicants") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    write_score_sheet_xlsx(fx.request(), file);
    const json s = sheet(dump(tmp, file), "识别信息");
    CHECK(s["state"] == "hidden");
    CHECK(s["protected"] == true);
    std::vector<std::vector<std::string>> rows;
    for (int row = 1;; ++row) {
        const json key = value(s, "A" + std::to_string(row));
        if (key.is_null()) break;
        std::vector<std::string> line{key.get<std::string>(), value(s, "B" + std::to_string(row)).get<std::string>()};
        const json extra = value(s, "C" + std::to_string(row));
        if (!extra.is_null()) line.push_back(extra.get<std::string>());
        rows.push_back(line);
    }
    std::vector<std::vector<std::string>> expected = {
        {"format", "award-score-sheet"}, {"version", "1"}, {"case", "weidu-2026"}, {"policy", "weidu"},
        {"reviewer", "E01"},             {"stage", "material"}, {"sheet", "items"}, {"consensus", "no"},
        {"group", "资料评审组"},
    };
    for (const auto& r : item_rows(fx.policy)) expected.push_back({"item", r.id, std::to_string(r.points)});
    expected.push_back({"applicant", kSheetNames[0], kCodeRuida});
    expected.push_back({"applicant", kSheetNames[1], kCodeHengtong});
    expected.push_back({"applicant", kSheetNames[2], kCodeLongName});
    CHECK(rows == expected);
}

TEST_CASE("score sheet xlsx: the presentation sheet has one score cell out of the stage's points and a comment") {
    TempDir tmp;
    Fixture fx(presentation_stage());
    const fs::path file = tmp.path() / score_sheet_file_name(fx.request({0, 1}));
    CHECK(file.filename() == "演讲陈述-E01-张伟.xlsx");
    write_score_sheet_xlsx(fx.request({0, 1}), file);
    const json book = dump(tmp, file);
    const json& s = sheet(book, kSheetNames[0]);
    CHECK(s["protected"] == true);
    CHECK(value(s, "A9") == "演讲陈述");
    CHECK(value(s, "C9") == 100);
    CHECK(value(s, "D8") == "得分");
    CHECK(value(s, "E8") == "评语");
    std::set<std::string> unlocked;
    for (const auto& [ref, c] : s["cells"].items())
        if (!c["locked"].get<bool>()) unlocked.insert(ref);
    CHECK(unlocked == std::set<std::string>{"D9", "E9"});
    REQUIRE(s["validations"].size() == 2);
    const json& v = s["validations"][0]["sqref"] == "D9" ? s["validations"][0] : s["validations"][1];
    CHECK(v["sqref"] == "D9");
    CHECK(v["type"] == "custom");
    CHECK(v["formula1"].get<std::string>().find("D9<=100") != std::string::npos);
    CHECK(v["formula1"].get<std::string>().find("ROUND(D9,1)=D9") != std::string::npos);
    const json& ident = sheet(book, "识别信息");
    CHECK(value(ident, "A7") == "sheet");
    CHECK(value(ident, "B7") == "presentation");
    for (const auto& [ref, c] : ident["cells"].items()) CHECK(c["value"] != "item");
}

TEST_CASE("score sheet xlsx: worksheet names fit Excel's rules and stay unique") {
    const std::string long_name = "许昌市魏都区长名称新材料科技股份有限公司第二生产基地分公司筹备处";  // 32 characters
    const auto names = score_sheet_worksheet_names({long_name, long_name, "a/b", "A/B", "识别信息", "'引号'", "", "[]"});
    REQUIRE(names.size() == 8);
    CHECK(names[0] == "许昌市魏都区长名称新材料科技股份有限公司第二生产基地分公司筹备");  // cut to 31
    CHECK(names[1] == "许昌市魏都区长名称新材料科技股份有限公司第二生产基地分公（2）");
    CHECK(names[2] == "a_b");
    CHECK(names[3] == "A_B（2）");  // Excel compares names ignoring case
    CHECK(names[4] == "识别信息（2）");
    CHECK(names[5] == "引号");
    CHECK(names[6] == "申报组织7");
    CHECK(names[7] == "__");
    for (const auto& n : names) {
        CHECK(n.find_first_of("[]:*?/\\") == std::string::npos);
        std::size_t chars = 0;
        for (unsigned char ch : n) chars += (ch & 0xC0) != 0x80;
        CHECK(chars <= 31);
    }
}

TEST_CASE("score sheet xlsx: file names for a reviewer's sheet and a group leader's consensus sheet") {
    Fixture fx;
    CHECK(score_sheet_file_name(fx.request()) == "资料评审-E01-张伟.xlsx");
    CHECK(score_sheet_file_name(fx.request({0}, true)) == "资料评审-资料评审组-共识分-E01-张伟.xlsx");
    fx.c.panel.reviewers[0].name = "张/伟:";
    CHECK(score_sheet_file_name(fx.request()) == "资料评审-E01-张_伟_.xlsx");
}

TEST_CASE("score sheet xlsx: a consensus sheet says so in the sheet and in its identification") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    write_score_sheet_xlsx(fx.request({0}, true), file);
    const json book = dump(tmp, file);
    const json& s = sheet(book, kSheetNames[0]);
    CHECK(value(s, "H5") == "yes");
    CHECK(value(s, "A1").get<std::string>().find("共识分") != std::string::npos);
    CHECK(value(sheet(book, "识别信息"), "B8") == "yes");
}

TEST_CASE("score sheet xlsx: never a sheet for an applicant the reviewer declared a conflict with") {
    TempDir tmp;
    Fixture fx;
    const fs::path file = tmp.path() / "s.xlsx";
    CHECK_THROWS_AS(write_score_sheet_xlsx(fx.request({0, 3}), file), std::invalid_argument);
    CHECK_FALSE(fs::exists(file));
    CHECK_THROWS_AS(write_score_sheet_xlsx(fx.request({}), file), std::invalid_argument);
}

TEST_CASE("score sheet xlsx: the same request gives the same bytes") {
    TempDir tmp;
    Fixture fx;
    write_score_sheet_xlsx(fx.request(), tmp.path() / "a.xlsx");
    write_score_sheet_xlsx(fx.request(), tmp.path() / "b.xlsx");
    CHECK(read_file(tmp.path() / "a.xlsx") == read_file(tmp.path() / "b.xlsx"));
}
