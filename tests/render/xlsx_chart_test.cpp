// Native Excel charts over a table of numbers (Sheet::chart_table), as a spreadsheet
// program sees them: read back with openpyxl (the cells are numbers; each chart sits
// on its table's sheet, has its kind, refers to exactly the table's cells, carries
// the Chinese title and axis titles, and does not cover the table), rendered by
// LibreOffice when it is installed.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "common/score_sheet_fixture.hpp"
#include "render/pdf/chart.hpp"
#include "render/xlsx/workbook.hpp"
#include "render/xlsx/xlsx_chart.hpp"

using namespace award;
using award::test::TempDir;
using award::test::sheets::python;
using award::test::sheets::quote;
using award::test::sheets::Ran;
using award::test::sheets::read_file;
using award::test::sheets::run;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Every sheet's cells and charts as openpyxl reads them, as JSON.
const char* kDumpScript = R"PY(
import sys, json, openpyxl

def text(t):
    if t is None or t.tx is None or t.tx.rich is None:
        return None
    return "".join(r.t for p in t.tx.rich.p for r in (p.r or []))

def title_font(t):
    try:
        return t.tx.rich.p[0].pPr.defRPr.latin.typeface
    except AttributeError:
        return None

def ref(r):
    if r is None:
        return None
    for k in ("numRef", "strRef"):
        x = getattr(r, k, None)
        if x is not None:
            return x.f
    return None

wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            cells[c.coordinate] = {"v": c.value, "bold": bool(c.font and c.font.b), "format": c.number_format}
    charts = []
    for ch in ws._charts:
        series = []
        for s in ch.series:
            series.append({"tx": s.tx.strRef.f if s.tx is not None and s.tx.strRef is not None else None,
                           "cat": ref(s.cat), "val": ref(s.val),
                           "labels": bool(s.dLbls is not None and s.dLbls.showVal),
                           "labels_format": s.dLbls.numFmt if s.dLbls is not None else None,
                           "marker": s.marker.symbol if s.marker is not None else None})
        a = ch.anchor
        charts.append({"type": type(ch).__name__, "grouping": getattr(ch, "grouping", None),
                       "barDir": getattr(ch, "type", None), "radarStyle": getattr(ch, "radarStyle", None),
                       "title": text(ch.title), "title_font": title_font(ch.title),
                       "x_title": text(ch.x_axis.title), "y_title": text(ch.y_axis.title),
                       "y_format": ch.y_axis.numFmt.formatCode if ch.y_axis.numFmt is not None else None,
                       "legend": ch.legend.position if ch.legend is not None else None,
                       "from": [a._from.row, a._from.col], "to": [a.to.row, a.to.col], "series": series})
    out[ws.title] = {"cells": cells, "charts": charts}
print(json.dumps(out, ensure_ascii=False, default=str))
)PY";

json dump(const TempDir& tmp, const fs::path& file) {
    const Ran r = python(tmp, kDumpScript, {file.string()});
    INFO(r.out);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

const std::vector<std::string> kYears{"2022", "2023", "2024", "2025", "2026"};
const std::vector<std::string> kCategories{"领导", "战略", "顾客与市场", "资源", "过程管理", "测量、分析与改进", "结果"};

xlsx::Chart applications() {
    xlsx::Chart c;
    c.kind = xlsx::Chart::Kind::GroupedBar;
    c.caption = "图1 历年申报、受理与获奖情况";
    c.categories = kYears;
    c.series = {{"申报", {10, 12, 15, 11, 14}}, {"受理", {9, 11, 13, 10, 12}}, {"获奖", {3, 3, 4, 3, std::nullopt}}};
    c.value_axis_title = "单位：家";
    c.category_axis_title = "年度";
    return c;
}

xlsx::Chart rates() {
    xlsx::Chart c;
    c.kind = xlsx::Chart::Kind::Line;
    c.caption = "图2 历年受理率与获奖率";
    c.categories = kYears;
    c.series = {{"受理率", {90, 91.7, 86.7, 90.9, 85.7}}, {"获奖率", {33.3, 27.3, 30.8, 30, std::nullopt}}};
    c.value_axis_title = "%";
    c.category_axis_title = "年度";
    c.decimals = 1;
    c.suffix = "%";
    c.place = xlsx::Chart::Place::Below;
    return c;
}

xlsx::Chart money() {
    xlsx::Chart c;
    c.kind = xlsx::Chart::Kind::StackedBar;
    c.caption = "图3 历年奖金构成";
    c.categories = {"2024", "2025", "2026"};
    c.series = {{"奖金", {100, 120, 80}}, {"追加奖励", {std::nullopt, 20, 15.5}}};
    c.value_axis_title = "万元";
    c.category_axis_title = "年度";
    c.decimals = 2;
    return c;
}

xlsx::Chart categories() {
    xlsx::Chart c;
    c.kind = xlsx::Chart::Kind::Radar;
    c.caption = "图4 各类目平均得分率";
    c.categories = kCategories;
    c.series = {{"2024年", {62.5, 58, 66.1, 60.3, 64, 55.2, 59.8}},
                {"2025年", {65, 60.2, 67.4, 61, 66.3, 57.9, 62.1}},
                {"2026年", {67.2, 63.5, 70.1, 64.4, 68, 60.6, 65.3}}};
    c.category_title = "类目";
    c.value_axis_title = "得分率";
    c.decimals = 1;
    c.suffix = "%";
    c.show_values = false;
    c.height_mm = 110;
    c.width_mm = 140;
    return c;
}

xlsx::Chart no_rejections() {
    xlsx::Chart c;
    c.kind = xlsx::Chart::Kind::Bar;
    c.caption = "图5 各条款否决次数";
    c.categories = {"第十条", "第十一条"};
    c.series = {{"次数", {std::nullopt, std::nullopt}}};
    c.value_axis_title = "单位：次";
    return c;
}

const char* kNote = "注：2026年获奖数待公示期满后确定。";

// The test workbook: four sheets, five tables (one without data).
void write_sample(const fs::path& file) {
    Workbook wb(file, "年度统计报告", "魏都区质量强区工作领导小组办公室", Date(2026, 12, 1));
    {
        Sheet s = wb.add_sheet("年度概况", "年度概况");
        REQUIRE(s.chart_table(applications()));
        REQUIRE(s.chart_table(rates()));
        s.note_row(kNote);
        s.finish();
    }
    {
        Sheet s = wb.add_sheet("奖金", "奖金构成");
        REQUIRE(s.chart_table(money()));
        xlsx::Chart total;  // one series: no legend, the caption names it
        total.caption = "图3-1 历年奖金总额";
        total.categories = {"2024", "2025", "2026"};
        total.series = {{"奖金总额", {100, 140, 95.5}}};
        total.value_axis_title = "万元";
        total.decimals = 1;
        REQUIRE(s.chart_table(total));
        s.finish();
    }
    {
        Sheet s = wb.add_sheet("类目得分", "类目得分");
        REQUIRE(s.chart_table(categories()));
        s.finish();
    }
    {
        Sheet s = wb.add_sheet("否决理由", "否决理由");
        REQUIRE_FALSE(s.chart_table(no_rejections()));
        s.finish();
    }
    wb.close();
}

// The chart's anchor (rows and columns from 0) does not reach into the table's
// rectangle, caption row included.
void check_clear_of(const json& chart, unsigned first_row, unsigned last_row, unsigned last_col) {
    INFO(chart.dump());
    const unsigned from_row = chart["from"][0], from_col = chart["from"][1], to_row = chart["to"][0];
    const bool right = from_col > last_col;
    const bool below = from_row > last_row;
    const bool above = to_row < first_row;
    CHECK((right || below || above));
}

}  // namespace

TEST_CASE("XLSX chart formulas quote the sheet name and use absolute cells", "[xlsx][chart]") {
    CHECK(xlsx::quoted_sheet_name("年度概况") == "'年度概况'");
    CHECK(xlsx::quoted_sheet_name("O'Brien") == "'O''Brien'");
    CHECK(xlsx::cell_formula("年度概况", 1, 1) == "='年度概况'!$B$2");
    CHECK(xlsx::range_formula("年度概况", 2, 1, 6, 1) == "='年度概况'!$B$3:$B$7");
    CHECK(xlsx::range_formula("Sheet1", 0, 25, 9, 27) == "='Sheet1'!$Z$1:$AB$10");
    xlsx::Chart c;
    CHECK(xlsx::number_format(c) == "0");
    c.decimals = 1;
    c.suffix = "%";
    CHECK(xlsx::number_format(c) == "0.0\"%\"");
    c.number_format = "#,##0.00";
    CHECK(xlsx::number_format(c) == "#,##0.00");
}

TEST_CASE("XLSX chart data that do not match the categories are refused before anything is written", "[xlsx][chart]") {
    xlsx::Chart c = applications();
    c.series[1].values.pop_back();
    CHECK_THROWS_AS(xlsx::check_chart(c), std::logic_error);
    c = applications();
    c.kind = xlsx::Chart::Kind::Bar;  // one series only
    CHECK_THROWS_AS(xlsx::check_chart(c), std::logic_error);
    c = applications();
    c.series[0].values[0] = std::nan("");
    CHECK_THROWS_AS(xlsx::check_chart(c), std::logic_error);
    CHECK_NOTHROW(xlsx::check_chart(applications()));

    TempDir tmp;
    Workbook wb(tmp.path() / "坏数据.xlsx", "t", "a", Date(2026, 12, 1));
    Sheet s = wb.add_sheet("年度概况", "年度概况");
    c = applications();
    c.series[2].values.push_back(1);
    CHECK_THROWS_AS(s.chart_table(c), std::logic_error);
}

TEST_CASE("XLSX chart tables hold numbers and native charts over exactly those cells", "[xlsx][chart]") {
    TempDir tmp;
    const fs::path file = tmp.path() / "年度统计报告.xlsx";
    write_sample(file);
    if (const char* keep = std::getenv("AWARD_KEEP_XLSX_CHART_SAMPLE")) fs::copy_file(file, keep, fs::copy_options::overwrite_existing);
    const json book = dump(tmp, file);
    INFO(book.dump(1));

    SECTION("the year at a glance: a clustered column chart right of its table") {
        const json& cells = book["年度概况"]["cells"];
        CHECK(cells["A1"]["v"] == "图1 历年申报、受理与获奖情况");
        CHECK(cells["A1"]["bold"] == true);
        CHECK(cells["A2"]["v"] == "年度");
        CHECK(cells["B2"]["v"] == "申报");
        CHECK(cells["D2"]["v"] == "获奖");
        CHECK(cells["A3"]["v"] == "2022");
        CHECK(cells["B3"]["v"].is_number());
        CHECK(cells["B3"]["v"] == 10);
        CHECK(cells["C5"]["v"] == 13);
        CHECK(cells["D6"]["v"] == 3);
        CHECK(cells["D7"]["v"].is_null());  // 2026: no figure yet, an empty cell

        const json& charts = book["年度概况"]["charts"];
        REQUIRE(charts.size() == 2);
        const json& bar = charts[0];
        CHECK(bar["type"] == "BarChart");
        CHECK(bar["barDir"] == "col");
        CHECK(bar["grouping"] == "clustered");
        CHECK(bar["title"] == "图1 历年申报、受理与获奖情况");
        CHECK(bar["title_font"] == "黑体");
        CHECK(bar["x_title"] == "年度");
        CHECK(bar["y_title"] == "单位：家");
        CHECK(bar["y_format"] == "0");
        CHECK(bar["legend"] == "b");
        REQUIRE(bar["series"].size() == 3);
        const char* columns[] = {"B", "C", "D"};
        for (std::size_t j = 0; j < 3; ++j) {
            const json& s = bar["series"][j];
            const std::string col = columns[j];
            CHECK(s["tx"] == "'年度概况'!$" + col + "$2");
            CHECK(s["cat"] == "'年度概况'!$A$3:$A$7");
            CHECK(s["val"] == "'年度概况'!$" + col + "$3:$" + col + "$7");
            CHECK(s["labels"] == true);
        }
        CHECK(bar["from"] == json::array({1, 5}));  // F2: the header row, one empty column right of D
        check_clear_of(bar, 0, 6, 3);
    }

    SECTION("the rates: a line chart with markers under its table, then the note under the chart") {
        const json& cells = book["年度概况"]["cells"];
        // The first block ends with its chart (F2, 340 px: at most 17 rows) and an empty row.
        CHECK(cells["A20"]["v"] == "图2 历年受理率与获奖率");
        CHECK(cells["A21"]["v"] == "年度");
        CHECK(cells["B21"]["v"] == "受理率");
        CHECK(cells["C21"]["v"] == "获奖率");
        CHECK(cells["B23"]["v"] == Approx(91.7));
        CHECK(cells["B23"]["format"] == "0.0\"%\"");
        CHECK(cells["C26"]["v"].is_null());

        const json& line = book["年度概况"]["charts"][1];
        CHECK(line["type"] == "LineChart");
        CHECK(line["title"] == "图2 历年受理率与获奖率");
        CHECK(line["x_title"] == "年度");
        CHECK(line["y_title"] == "%");
        CHECK(line["y_format"] == "0.0\"%\"");
        REQUIRE(line["series"].size() == 2);
        CHECK(line["series"][0]["tx"] == "'年度概况'!$B$21");
        CHECK(line["series"][0]["cat"] == "'年度概况'!$A$22:$A$26");
        CHECK(line["series"][0]["val"] == "'年度概况'!$B$22:$B$26");
        CHECK(line["series"][1]["tx"] == "'年度概况'!$C$21");
        CHECK(line["series"][1]["val"] == "'年度概况'!$C$22:$C$26");
        CHECK(line["series"][0]["marker"] == "circle");
        CHECK(line["series"][1]["marker"] == "square");
        CHECK(line["series"][1]["labels_format"] == "0.0\"%\"");
        CHECK(line["from"] == json::array({27, 0}));  // A28: one empty row under the table
        check_clear_of(line, 19, 25, 2);
        // Nothing written later lies under the chart.
        CHECK(cells["A46"]["v"] == kNote);
        CHECK(line["to"][0].get<int>() < 45);
        for (const auto& [ref, cell] : cells.items()) {
            const int row = std::stoi(ref.substr(ref.find_first_of("0123456789")));
            CHECK_FALSE((row > 27 && row < 46));
        }
    }

    SECTION("the money: a stacked column chart") {
        const json& sheet = book["奖金"];
        CHECK(sheet["cells"]["B3"]["v"] == 100);
        CHECK(sheet["cells"]["C3"]["v"].is_null());
        CHECK(sheet["cells"]["C5"]["v"] == Approx(15.5));
        CHECK(sheet["cells"]["C5"]["format"] == "0.00");
        REQUIRE(!sheet["charts"].empty());
        const json& bar = sheet["charts"][0];
        CHECK(bar["type"] == "BarChart");
        CHECK(bar["grouping"] == "stacked");
        CHECK(bar["y_title"] == "万元");
        CHECK(bar["series"][0]["tx"] == "'奖金'!$B$2");
        CHECK(bar["series"][0]["cat"] == "'奖金'!$A$3:$A$5");
        CHECK(bar["series"][1]["val"] == "'奖金'!$C$3:$C$5");
        check_clear_of(bar, 0, 4, 2);

        REQUIRE(sheet["charts"].size() == 2);
        const json& total = sheet["charts"][1];
        CHECK(total["type"] == "BarChart");
        CHECK(total["grouping"] == "clustered");
        CHECK(total["legend"].is_null());
        CHECK(total["title"] == "图3-1 历年奖金总额");
        CHECK(total["y_format"] == "0.0");
        // Under the first block's chart (E2, 17 rows at most) and its empty row: caption in A20.
        CHECK(sheet["cells"]["A20"]["v"] == "图3-1 历年奖金总额");
        CHECK(total["series"][0]["tx"] == "'奖金'!$B$21");
        CHECK(total["series"][0]["cat"] == "'奖金'!$A$22:$A$24");
        CHECK(total["series"][0]["val"] == "'奖金'!$B$22:$B$24");
        CHECK(total["from"] == json::array({20, 3}));  // D21: right of the one-series table
        CHECK(bar["to"][0].get<int>() < 19);
    }

    SECTION("the seven GB/T 19580 categories: a radar over three years") {
        const json& sheet = book["类目得分"];
        CHECK(sheet["cells"]["A2"]["v"] == "类目");
        CHECK(sheet["cells"]["A3"]["v"] == "领导");
        CHECK(sheet["cells"]["A9"]["v"] == "结果");
        CHECK(sheet["cells"]["D2"]["v"] == "2026年");
        CHECK(sheet["cells"]["D9"]["v"] == Approx(65.3));
        REQUIRE(sheet["charts"].size() == 1);
        const json& radar = sheet["charts"][0];
        CHECK(radar["type"] == "RadarChart");
        CHECK(radar["radarStyle"] == "marker");
        CHECK(radar["title"] == "图4 各类目平均得分率");
        CHECK(radar["y_title"] == "得分率");
        REQUIRE(radar["series"].size() == 3);
        CHECK(radar["series"][2]["tx"] == "'类目得分'!$D$2");
        CHECK(radar["series"][2]["cat"] == "'类目得分'!$A$3:$A$9");
        CHECK(radar["series"][2]["val"] == "'类目得分'!$D$3:$D$9");
        CHECK(radar["series"][0]["labels"] == false);
        check_clear_of(radar, 0, 8, 3);
    }

    SECTION("a table without data says so and draws no chart") {
        const json& sheet = book["否决理由"];
        CHECK(sheet["charts"].empty());
        CHECK(sheet["cells"]["A1"]["v"] == "图5 各条款否决次数");
        CHECK(sheet["cells"]["A2"]["v"] == xlsx::kNoTableData);
        CHECK(std::string(xlsx::kNoTableData).find("本年度无数据") != std::string::npos);
        for (const auto& [ref, cell] : sheet["cells"].items()) {
            INFO(ref);
            CHECK_FALSE(cell["v"].is_number());
            CHECK(cell["v"] != "第十条");
        }
    }
}

TEST_CASE("XLSX chart workbooks are the same bytes when written again", "[xlsx][chart]") {
    TempDir tmp;
    write_sample(tmp.path() / "a.xlsx");
    write_sample(tmp.path() / "b.xlsx");
    const std::string a = read_file(tmp.path() / "a.xlsx"), b = read_file(tmp.path() / "b.xlsx");
    REQUIRE(!a.empty());
    CHECK(a == b);
}

TEST_CASE("XLSX chart workbooks that cannot be written say which file", "[xlsx][chart]") {
    TempDir tmp;
    const fs::path file = tmp.path() / "没有的目录" / "年度统计报告.xlsx";
    try {
        write_sample(file);
        FAIL("no error for " << file);
    } catch (const std::runtime_error& e) {
        CHECK_THAT(e.what(), Catch::Contains(file.string()));
    }
}

TEST_CASE("XLSX chart descriptions follow a PDF chart's figures", "[xlsx][chart]") {
    pdf::Chart p;
    p.kind = pdf::Chart::Kind::StackedBar;
    p.caption = "图3 历年奖金构成";
    p.categories = {"2025", "2026"};
    p.series = {{"奖金", {120.0, std::nullopt}}};
    p.value_axis_title = "万元";
    p.category_axis_title = "年度";
    p.decimals = 2;
    p.suffix = "万";
    p.show_values = false;
    p.height_mm = 70;
    p.no_data = "（无奖金）";
    const xlsx::Chart x = xlsx::from_pdf(p);
    CHECK(x.kind == xlsx::Chart::Kind::StackedBar);
    CHECK(x.caption == "图3 历年奖金构成");
    CHECK(x.categories == std::vector<std::string>{"2025", "2026"});
    REQUIRE(x.series.size() == 1);
    CHECK(x.series[0].name == "奖金");
    CHECK(x.series[0].values == std::vector<std::optional<double>>{120.0, std::nullopt});
    CHECK(x.value_axis_title == "万元");
    CHECK(x.category_axis_title == "年度");
    CHECK(x.decimals == 2);
    CHECK(x.suffix == "万");
    CHECK_FALSE(x.show_values);
    CHECK(x.height_mm == 70);
    CHECK(x.no_data == "（无奖金）");
}

TEST_CASE("XLSX chart workbooks open in LibreOffice and print their charts with the Chinese text", "[xlsx][chart][soffice]") {
    if (run("command -v soffice").status != 0 || run("command -v pdftotext").status != 0) {
        WARN("LibreOffice or pdftotext is not installed: not checked");
        return;
    }
    TempDir tmp;
    const fs::path file = tmp.path() / "统计.xlsx";
    write_sample(file);
    const fs::path pdf = award::test::sheets::convert_with_libreoffice(file, tmp.path(), "pdf");
    const Ran text = run("pdftotext -layout " + quote(pdf.string()) + " -");
    REQUIRE(text.status == 0);
    INFO(text.out);
    // Only the charts hold the value axis titles: the charts were printed, with their Chinese text.
    CHECK(text.out.find("单位：家") != std::string::npos);
    CHECK(text.out.find("万元") != std::string::npos);
}
