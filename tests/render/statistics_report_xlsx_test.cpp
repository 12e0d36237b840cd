// 年度统计报告.xlsx (issue 7) as the leading group's staff open it, read back with
// openpyxl: a sheet per section in the report's order; the figures as numbers where
// the table says they are (受理 of 2025, 奖金 of 2026, a rate with two decimals and a
// "%"); native charts of the right kind whose series refer to exactly the cells that
// hold the figures of the report's charts; no chart over a table or another chart;
// the 类目得分 sheet naming no applicant; a sentence wherever there are no data; the
// same bytes when written again; LibreOffice printing it.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "common/score_sheet_fixture.hpp"
#include "packs/policy_pack.hpp"
#include "render/statistics_charts.hpp"
#include "render/statistics_report.hpp"

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

const Policy& weidu() {
    static const Policy p = load_policy_pack(fs::path(AWARD_SOURCE_DIR) / "templates" / "policies" / "weidu.json");
    return p;
}

GroupFigures group(std::string name, int applications, int accepted, int awarded) {
    GroupFigures g;
    g.group = std::move(name);
    g.applications = applications;
    g.accepted = accepted;
    g.awarded = awarded;
    return g;
}

CycleFigures cycle(int year, int applications, int accepted, int onsite, int awarded, int main, int nomination,
                   int innovation, std::vector<std::pair<std::string, int>> vacancies, long long prize,
                   long long top_up) {
    CycleFigures c;
    c.year = year;
    c.applications = applications;
    c.accepted = accepted;
    c.reached_onsite = onsite;
    c.awarded = awarded;
    c.awarded_by_award = {{"区长质量奖", main}, {"区长质量提名奖", nomination}, {"质量管理创新奖", innovation}};
    c.vacancies = std::move(vacancies);
    c.prize_yuan = prize;
    c.top_up_yuan = top_up;
    return c;
}

// 魏都区, 2026 against 2024 and 2025, every figure chosen by hand.
YearlyStatistics sample() {
    YearlyStatistics s;
    s.pack = "weidu";
    s.year = 2026;
    s.since = 2024;
    s.as_of = Date(2026, 12, 1);
    s.cycles = {
        cycle(2024, 10, 8, 5, 3, 1, 2, 0, {{"区长质量奖", 1}, {"区长质量提名奖", 2}}, 110000, 0),
        cycle(2025, 12, 11, 6, 4, 2, 2, 0, {{"区长质量提名奖", 2}}, 160000, 0),
        cycle(2026, 15, 12, 7, 5, 2, 3, 1, {{"区长质量提名奖", 1}}, 190000, 20000),
    };
    s.by_industry = {group("C 制造业", 9, 7, 4), group("I 信息传输、软件和信息技术服务业", 4, 3, 1), group("未填写", 2, 2, 0)};
    s.by_township = {group("西大街道", 8, 6, 3), group("东大街道", 7, 6, 2)};
    s.by_size = {group("大型", 3, 3, 2), group("中型", 6, 5, 2), group("小型", 5, 3, 1), group("未填写", 1, 1, 0)};
    s.by_history = {group("首次申报", 10, 8, 3), group("再次申报", 5, 4, 2)};
    s.earlier_cycles = true;
    s.scored_stage = "material";
    // 2024 has no category scores; 2025 ten applicants, 2026 eleven.
    int k = 0;
    for (const auto& cat : weidu().score_sheet.categories) {
        CategoryFigures f;
        f.category = cat.id;
        f.name = cat.name;
        f.years.push_back({2025, 10, 6000 + 100 * k, 800 + k});
        f.years.push_back({2026, 11, 6250 + 150 * k, 700 + k});
        s.categories.push_back(f);
        ++k;
    }
    IndicatorTrend revenue;
    revenue.indicator = "revenue";
    revenue.name = "营业收入";
    revenue.unit = "万元";
    revenue.points = {{2024, 3, 1234567}, {2025, 4, 1500000}};  // 12345.67 and 15000 万元
    IndicatorTrend intensity;
    intensity.indicator = "rd_intensity";
    intensity.name = "研发投入强度";
    intensity.unit = "%";  // no winner has reported it yet
    s.indicators = {revenue, intensity};
    s.reports = {7, 5, 2};
    s.rejections = {{"第九条", 2, 3, {{2024, 1}, {2025, 2}, {2026, 2}}}, {"第十一条（二）", 1, 0, {{2026, 1}}}};
    return s;
}

// A year without a cycle: nothing applied in 2026, 2025 the only earlier cycle.
YearlyStatistics empty_year() {
    YearlyStatistics s;
    s.pack = "weidu";
    s.year = 2026;
    s.since = 2025;
    s.as_of = Date(2026, 12, 1);
    s.cycles = {cycle(2025, 4, 4, 2, 1, 1, 0, 0, {{"区长质量奖", 1}, {"区长质量提名奖", 4}}, 50000, 0)};
    s.earlier_cycles = true;  // 2025
    s.scored_stage = "material";
    for (const auto& cat : weidu().score_sheet.categories) {
        CategoryFigures f;
        f.category = cat.id;
        f.name = cat.name;
        s.categories.push_back(f);  // no scores in any year
    }
    return s;
}

// Every sheet's cells and charts as openpyxl reads them; each chart series' references
// resolved to the cells' values.
const char* kDumpScript = R"PY(
import sys, json, re, openpyxl

wb = openpyxl.load_workbook(sys.argv[1])

def text(t):
    if t is None or t.tx is None or t.tx.rich is None:
        return None
    return "".join(r.t for p in t.tx.rich.p for r in (p.r or []))

def ref(r):
    if r is None:
        return None
    for k in ("numRef", "strRef"):
        x = getattr(r, k, None)
        if x is not None:
            return x.f
    return None

def values(f):
    if f is None:
        return None
    m = re.fullmatch(r"'((?:[^']|'')+)'!(\$[A-Z]+\$[0-9]+(?::\$[A-Z]+\$[0-9]+)?)", f)
    if not m:
        return "unreadable: " + f
    ws = wb[m.group(1).replace("''", "'")]
    cells = ws[m.group(2).replace("$", "")]
    if not isinstance(cells, tuple):
        return [cells.value]
    return [c.value for row in cells for c in (row if isinstance(row, tuple) else (row,))]

out = {"sheets": [ws.title for ws in wb.worksheets]}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = {"v": c.value, "format": c.number_format, "bold": bool(c.font and c.font.b),
                                       "row": c.row, "col": c.column}
    charts = []
    for ch in ws._charts:
        series = []
        for s in ch.series:
            tx = s.tx.strRef.f if s.tx is not None and s.tx.strRef is not None else None
            series.append({"tx": tx, "cat": ref(s.cat), "val": ref(s.val), "name": (values(tx) or [None])[0],
                           "categories": values(ref(s.cat)), "values": values(ref(s.val))})
        a = ch.anchor
        charts.append({"type": type(ch).__name__, "grouping": getattr(ch, "grouping", None),
                       "title": text(ch.title), "from": [a._from.row, a._from.col], "to": [a.to.row, a.to.col],
                       "series": series})
    out[ws.title] = {"cells": cells, "charts": charts, "freeze": ws.freeze_panes}
print(json.dumps(out, ensure_ascii=False, default=str))
)PY";

json dump(const TempDir& tmp, const fs::path& file) {
    const Ran r = python(tmp, kDumpScript, {file.string()});
    INFO(r.out);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

json written(const TempDir& tmp, const YearlyStatistics& s, const std::string& name = "年度统计报告.xlsx") {
    const fs::path file = tmp.path() / name;
    write_statistics_report_xlsx(weidu(), s, file);
    REQUIRE(fs::exists(file));
    return dump(tmp, file);
}

// The cell of a sheet whose value is `v` (the first, row by row), as "B9"; "" if none.
std::string find_cell(const json& sheet, const json& v) {
    std::string best;
    int best_row = 0, best_col = 0;
    for (const auto& [ref, cell] : sheet["cells"].items()) {
        if (cell["v"] != v) continue;
        const int row = cell["row"], col = cell["col"];
        if (best.empty() || row < best_row || (row == best_row && col < best_col)) {
            best = ref;
            best_row = row;
            best_col = col;
        }
    }
    return best;
}

// The row (from 1) of the first cell whose value is `v`; 0 if none.
int row_of(const json& sheet, const json& v) {
    const std::string ref = find_cell(sheet, v);
    return ref.empty() ? 0 : sheet["cells"][ref]["row"].get<int>();
}

// A table's cell: the first header row holding `header_label` in column A and `column`
// in another column; under it, the first row labelled `row_label` in column A.
json table_value(const json& sheet, const std::string& header_label, const std::string& column, const json& row_label) {
    const json& cells = sheet["cells"];
    int header_row = 0, col = 0, row = 0;
    for (const auto& [ref, a] : cells.items()) {
        if (a["col"] != 1 || a["v"] != header_label) continue;
        for (const auto& [ref2, c] : cells.items())
            if (c["row"] == a["row"] && c["col"] != 1 && c["v"] == column &&
                (header_row == 0 || a["row"].get<int>() < header_row)) {
                header_row = a["row"];
                col = c["col"];
            }
    }
    for (const auto& [ref, cell] : cells.items())
        if (cell["col"] == 1 && cell["v"] == row_label && cell["row"].get<int>() > header_row &&
            (row == 0 || cell["row"].get<int>() < row))
            row = cell["row"];
    for (const auto& [ref, cell] : cells.items())
        if (header_row > 0 && cell["row"] == row && cell["col"] == col) return cell;
    return json::object({{"v", nullptr}, {"format", nullptr}, {"bold", false}});
}

std::vector<double> numbers(const json& values) {
    std::vector<double> out;
    for (const auto& v : values) out.push_back(v.is_number() ? v.get<double>() : -1e9);
    return out;
}

// Every series of the XLSX chart names, labels and values exactly what the report's chart
// (render/statistics_charts.hpp) holds, read from the cells its references point at.
void check_same_figures(const json& chart, const pdf::Chart& expected) {
    INFO(chart.dump());
    CHECK(chart["title"] == expected.caption.str());
    REQUIRE(chart["series"].size() == expected.series.size());
    for (std::size_t j = 0; j < expected.series.size(); ++j) {
        const json& s = chart["series"][j];
        CHECK(s["name"] == expected.series[j].name.str());
        REQUIRE(s["categories"].size() == expected.categories.size());
        for (std::size_t i = 0; i < expected.categories.size(); ++i) CHECK(s["categories"][i] == expected.categories[i].str());
        REQUIRE(s["values"].size() == expected.series[j].values.size());
        for (std::size_t i = 0; i < expected.series[j].values.size(); ++i) {
            const auto& v = expected.series[j].values[i];
            if (v) CHECK(s["values"][i].get<double>() == Approx(*v));
            else CHECK(s["values"][i].is_null());
        }
    }
}

}  // namespace

TEST_CASE("Statistics XLSX has a sheet per section of the report in the report's order", "[xlsx][statistics]") {
    TempDir tmp;
    const json book = written(tmp, sample());
    CHECK(book["sheets"] == json::array({"说明", "年度概况", "申报结构", "类目得分", "报送数据", "不予受理原因"}));
    const json& notes = book["说明"];
    CHECK(notes["cells"]["A1"]["v"] == "魏都区区长质量奖2026年度统计报告");
    CHECK(find_cell(notes, "比较年度") != "");
    CHECK(table_value(notes, "项目", "说明", "比较年度")["v"] == "2024年、2025年、2026年（2024—2026年中登记库有评选记录的年度）");
    CHECK(table_value(notes, "项目", "说明", "统计截至")["v"] == "2026年12月1日");
    // The counting rules the figures follow.
    CHECK(table_value(notes, "项目", "说明", "口径：类目得分率")["v"].get<std::string>().find("材料评审") != std::string::npos);
    CHECK(table_value(notes, "项目", "说明", "口径：受理")["v"].get<std::string>().find("不予受理") != std::string::npos);
}

TEST_CASE("Statistics XLSX year at a glance holds the figures as numbers and rates with two decimals", "[xlsx][statistics]") {
    TempDir tmp;
    const json book = written(tmp, sample());
    const json& sheet = book["年度概况"];
    INFO(sheet["cells"].dump(1));
    // The header row (row 2) is frozen; the years are numbers in column A.
    CHECK(sheet["freeze"] == "A3");
    CHECK(sheet["cells"]["A2"]["v"] == "年度");
    CHECK(sheet["cells"]["A3"]["v"] == 2024);
    CHECK(sheet["cells"]["A5"]["v"] == 2026);
    CHECK(table_value(sheet, "年度", "受理", 2025)["v"] == 11);
    CHECK(table_value(sheet, "年度", "申报", 2026)["v"] == 15);
    CHECK(table_value(sheet, "年度", "进入现场评审", 2024)["v"] == 5);
    CHECK(table_value(sheet, "年度", "获奖组织", 2026)["v"] == 5);
    // One column per award of the pack met in the counts, 质量管理创新奖 included (1 in 2026).
    CHECK(table_value(sheet, "年度", "区长质量奖", 2025)["v"] == 2);
    CHECK(table_value(sheet, "年度", "区长质量提名奖", 2026)["v"] == 3);
    CHECK(table_value(sheet, "年度", "质量管理创新奖", 2026)["v"] == 1);
    CHECK(table_value(sheet, "年度", "空缺名额", 2024)["v"] == 3);
    CHECK(table_value(sheet, "年度", "空缺奖项", 2024)["v"] == "区长质量奖1名、区长质量提名奖2名");
    const json prize = table_value(sheet, "年度", "奖金（元）", 2026);
    CHECK(prize["v"] == 190000);
    CHECK(prize["format"] == "#,##0");
    CHECK(table_value(sheet, "年度", "追加激励资金（元）", 2026)["v"] == 20000);
    // 受理率 2025: 11 of 12 = 91.67%, the percentage itself in the cell, shown with a "%".
    const json rate = table_value(sheet, "年度", "受理率", 2025);
    CHECK(rate["v"].get<double>() == Approx(91.67));
    CHECK(rate["format"] == "0.00\"%\"");
    CHECK(table_value(sheet, "年度", "受理率", 2026)["v"].get<double>() == Approx(80.0));
}

TEST_CASE("Statistics XLSX charts are native charts over the cells holding the report's figures", "[xlsx][statistics]") {
    TempDir tmp;
    const YearlyStatistics s = sample();
    const json book = written(tmp, s);
    const StatisticsCharts expected = statistics_charts(weidu(), s);

    SECTION("年度概况: applications (clustered), awards and money (stacked)") {
        const json& sheet = book["年度概况"];
        REQUIRE(sheet["charts"].size() == 3);
        const json& cycles = sheet["charts"][0];
        CHECK(cycles["type"] == "BarChart");
        CHECK(cycles["grouping"] == "clustered");
        check_same_figures(cycles, expected.cycles);
        // The chart's own table, under the year table: caption A7, header row 8, 2024—2026 in rows 9—11.
        CHECK(sheet["cells"]["A7"]["v"] == expected.cycles.caption.str());
        CHECK(cycles["series"][1]["tx"] == "'年度概况'!$C$8");
        CHECK(cycles["series"][1]["cat"] == "'年度概况'!$A$9:$A$11");
        CHECK(cycles["series"][1]["val"] == "'年度概况'!$C$9:$C$11");
        CHECK(numbers(cycles["series"][1]["values"]) == std::vector<double>{8, 11, 12});  // 受理

        const json& awards = sheet["charts"][1];
        CHECK(awards["type"] == "BarChart");
        CHECK(awards["grouping"] == "stacked");
        check_same_figures(awards, expected.awards);
        CHECK(awards["series"][2]["name"] == "质量管理创新奖");
        CHECK(numbers(awards["series"][2]["values"]) == std::vector<double>{0, 0, 1});

        const json& money = sheet["charts"][2];
        CHECK(money["type"] == "BarChart");
        CHECK(money["grouping"] == "stacked");
        check_same_figures(money, expected.money);
        CHECK(numbers(money["series"][0]["values"]) == std::vector<double>{11, 16, 19});  // 万元
    }

    SECTION("申报结构: a clustered column chart per grouping after its table with rates") {
        const json& sheet = book["申报结构"];
        REQUIRE(sheet["charts"].size() == 4);
        const pdf::Chart* groups[] = {&expected.industry, &expected.township, &expected.size, &expected.history};
        for (std::size_t i = 0; i < 4; ++i) {
            CHECK(sheet["charts"][i]["type"] == "BarChart");
            CHECK(sheet["charts"][i]["grouping"] == "clustered");
            check_same_figures(sheet["charts"][i], *groups[i]);
        }
        // The tables: rates of the group's applications, a bold 合计.
        CHECK(table_value(sheet, "行业门类", "申报", "C 制造业")["v"] == 9);
        CHECK(table_value(sheet, "行业门类", "受理率", "C 制造业")["v"].get<double>() == Approx(77.78));  // 7/9
        CHECK(table_value(sheet, "行业门类", "获奖率", "I 信息传输、软件和信息技术服务业")["v"].get<double>() == Approx(25.0));
        CHECK(table_value(sheet, "所在镇（街道）", "获奖率", "东大街道")["v"].get<double>() == Approx(28.57));  // 2/7
        CHECK(table_value(sheet, "企业规模", "受理", "小型")["v"] == 3);
        CHECK(table_value(sheet, "申报类别", "获奖", "再次申报")["v"] == 2);
        const json total = table_value(sheet, "行业门类", "申报", "合计");
        CHECK(total["v"] == 15);
        CHECK(total["bold"] == true);
        CHECK(table_value(sheet, "行业门类", "受理率", "合计")["format"] == "0.00\"%\"");
        // No frozen pane halfway down a sheet of several tables.
        CHECK(sheet["freeze"].is_null());
    }

    SECTION("类目得分: a radar of the seven categories, this year and 2025") {
        const json& sheet = book["类目得分"];
        REQUIRE(sheet["charts"].size() == 1);
        const json& radar = sheet["charts"][0];
        CHECK(radar["type"] == "RadarChart");
        check_same_figures(radar, expected.categories);
        REQUIRE(radar["series"].size() == 2);
        CHECK(radar["series"][0]["name"] == "2025年");
        CHECK(radar["series"][1]["name"] == "2026年");
        CHECK(radar["series"][0]["categories"][0] == "4.1 领导");
        CHECK(radar["series"][0]["categories"][6] == "4.7 结果");
        CHECK(radar["series"][1]["values"][6].get<double>() == Approx(71.5));  // 6250 + 6 × 150
        // The tables, this year first: mean and spread (points).
        CHECK(row_of(sheet, "2026年各类目得分率（材料评审）") > 0);
        CHECK(row_of(sheet, "2026年各类目得分率（材料评审）") < row_of(sheet, "2025年各类目得分率（材料评审）"));
        const json mean = table_value(sheet, "类目", "平均得分率", "4.2");
        CHECK(mean["v"].get<double>() == Approx(64.0));  // 2026: 6250 + 150
        CHECK(mean["format"] == "0.00\"%\"");
        CHECK(table_value(sheet, "类目", "评审家数", "4.2")["v"] == 11);
        CHECK(table_value(sheet, "类目", "标准差（百分点）", "4.2")["v"].get<double>() == Approx(7.01));
        // No lowest or highest: each would be one applicant's score.
        CHECK(row_of(sheet, "最高得分率") == 0);
        CHECK(row_of(sheet, "最低得分率") == 0);
        CHECK(table_value(sheet, "类目", "名称", "4.6")["v"] == "测量、分析与改进");
    }

    SECTION("报送数据: reports due, received, overdue; a line chart per indicator with figures") {
        const json& sheet = book["报送数据"];
        const std::string due = find_cell(sheet, "应报送（份）");
        REQUIRE(due == "B2");
        CHECK(sheet["cells"]["B3"]["v"] == 7);
        CHECK(sheet["cells"]["C3"]["v"] == 5);
        CHECK(sheet["cells"]["D3"]["v"] == 2);
        CHECK(table_value(sheet, "指标", "平均值", "营业收入")["v"].get<double>() == Approx(12345.67));
        CHECK(table_value(sheet, "指标", "报送家数", "营业收入")["v"] == 3);
        REQUIRE(sheet["charts"].size() == 1);  // 研发投入强度 has no figures: no chart
        const json& line = sheet["charts"][0];
        CHECK(line["type"] == "LineChart");
        check_same_figures(line, expected.indicators.at(0));
        CHECK(numbers(line["series"][0]["values"]) == std::vector<double>{12345.67, 15000});
        CHECK(table_value(sheet, "数据年度", "平均值", "2024年")["format"] == "#,##0.00");
    }

    SECTION("不予受理原因: the articles, a column per year compared") {
        const json& sheet = book["不予受理原因"];
        REQUIRE(sheet["charts"].size() == 1);
        const json& bar = sheet["charts"][0];
        CHECK(bar["type"] == "BarChart");
        CHECK(bar["grouping"] == "clustered");
        check_same_figures(bar, expected.rejections);
        REQUIRE(bar["series"].size() == 3);
        CHECK(bar["series"][0]["name"] == "2024年");
        CHECK(bar["series"][2]["name"] == "2026年");
        CHECK(bar["series"][0]["categories"] == json::array({"第九条", "第十一条（二）"}));
        CHECK(numbers(bar["series"][1]["values"]) == std::vector<double>{2, 0});  // 2025
        CHECK(numbers(bar["series"][2]["values"]) == std::vector<double>{2, 1});  // 2026
        // The count of rejected applications: 15 − 12 this year, 2 + 1 before.
        CHECK(sheet["cells"]["A1"]["v"].get<std::string>().find("2026年不予受理申报3家，2024—2025年共3家") == 0);
    }
}

TEST_CASE("Statistics XLSX charts cover no table and no other chart", "[xlsx][statistics]") {
    TempDir tmp;
    const json book = written(tmp, sample());
    for (const std::string name : {"年度概况", "申报结构", "类目得分", "报送数据", "不予受理原因"}) {
        const json& sheet = book[name];
        INFO(name);
        const json& charts = sheet["charts"];
        for (std::size_t i = 0; i < charts.size(); ++i) {
            const json& c = charts[i];
            INFO(c["title"]);
            const int r0 = c["from"][0], c0 = c["from"][1], r1 = c["to"][0], c1 = c["to"][1];
            // No written cell inside the chart's rectangle (rows and columns from 0 in the anchor).
            for (const auto& [ref, cell] : sheet["cells"].items()) {
                const int row = cell["row"].get<int>() - 1, col = cell["col"].get<int>() - 1;
                INFO(ref << " " << cell["v"]);
                CHECK_FALSE((row >= r0 && row <= r1 && col >= c0 && col <= c1));
            }
            for (std::size_t j = i + 1; j < charts.size(); ++j) {
                const json& d = charts[j];
                const int s0 = d["from"][0], s1 = d["to"][0];
                INFO(d["title"]);
                CHECK((s0 > r1 || s1 < r0));  // stacked down the sheet, never side by side over each other
            }
        }
    }
}

TEST_CASE("Statistics XLSX category sheet names no applicant and holds only statistics of the categories", "[xlsx][statistics]") {
    TempDir tmp;
    const json book = written(tmp, sample());
    const json& sheet = book["类目得分"];
    const std::regex credit_code("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    std::set<std::string> allowed{"类目", "名称", "评审家数", "平均得分率", "标准差（百分点）",
                                  "2025年", "2026年", "—"};
    for (const auto& cat : weidu().score_sheet.categories) {
        allowed.insert(cat.id);
        allowed.insert(cat.name);
        allowed.insert(cat.id + " " + cat.name);
    }
    const std::vector<std::string> sentences{"GB/T 19580 各类目得分率（材料评审", "图",
                                             "2026年各类目得分率（材料评审）", "2025年各类目得分率（材料评审）",
                                             "2024年材料评审没有记录类目得分"};
    int texts = 0;
    for (const auto& [ref, cell] : sheet["cells"].items()) {
        if (!cell["v"].is_string()) continue;
        const std::string v = cell["v"];
        INFO(ref << ": " << v);
        ++texts;
        CHECK(v.find("公司") == std::string::npos);
        CHECK(v.find("有限") == std::string::npos);
        CHECK_FALSE(std::regex_search(v, credit_code));
        bool known = allowed.count(v) > 0;
        for (const auto& s : sentences) known = known || v.rfind(s, 0) == 0;
        CHECK(known);
    }
    CHECK(texts > 30);
}

TEST_CASE("Statistics XLSX says so in words where there are no data", "[xlsx][statistics]") {
    TempDir tmp;
    SECTION("an indicator no winner has reported, a year without category scores") {
        const json book = written(tmp, sample());
        CHECK(find_cell(book["报送数据"], "图10 获奖组织研发投入强度（平均值）") != "");
        CHECK(find_cell(book["报送数据"], "（获奖组织尚未报送该项数据，未绘制图表）") != "");
        CHECK(table_value(book["报送数据"], "指标", "平均值", "研发投入强度")["v"] == "尚未报送");
        CHECK(find_cell(book["类目得分"], "2024年材料评审没有记录类目得分，未列表。") != "");
    }
    SECTION("a year nobody applied in: no empty table, no empty chart") {
        const json book = written(tmp, empty_year());
        const json& structure = book["申报结构"];
        CHECK(structure["charts"].empty());
        CHECK(find_cell(structure, "行业门类") == "");  // no table header
        int sentences = 0;
        for (const auto& [ref, cell] : structure["cells"].items())
            if (cell["v"] == "（2026年无申报，未列表，未绘制图表）") ++sentences;
        CHECK(sentences == 4);
        CHECK(book["类目得分"]["charts"].empty());
        CHECK(find_cell(book["类目得分"], "（所列年度没有记录类目得分，未绘制图表）") != "");
        CHECK(find_cell(book["类目得分"], "平均得分率") == "");
        CHECK(find_cell(book["报送数据"], "本评选的获奖组织不报送年度数据表，没有指标数据。") != "");
        CHECK(book["不予受理原因"]["charts"].empty());
        CHECK(find_cell(book["不予受理原因"], "（所列年度没有不予受理的申报，未绘制图表）") != "");
        // The earlier cycle is still shown.
        CHECK(book["年度概况"]["charts"].size() == 3);
        CHECK(table_value(book["年度概况"], "年度", "空缺名额", 2025)["v"] == 5);
    }
}

TEST_CASE("Statistics XLSX is the same bytes when written again", "[xlsx][statistics]") {
    TempDir tmp;
    write_statistics_report_xlsx(weidu(), sample(), tmp.path() / "a.xlsx");
    write_statistics_report_xlsx(weidu(), sample(), tmp.path() / "b.xlsx");
    const std::string a = read_file(tmp.path() / "a.xlsx"), b = read_file(tmp.path() / "b.xlsx");
    REQUIRE(!a.empty());
    CHECK(a == b);
}

TEST_CASE("Statistics XLSX opens in LibreOffice and prints its charts", "[xlsx][statistics][soffice]") {
    if (run("command -v soffice").status != 0 || run("command -v pdftotext").status != 0) {
        WARN("LibreOffice or pdftotext is not installed: not checked");
        return;
    }
    TempDir tmp;
    const fs::path file = tmp.path() / "年度统计报告.xlsx";
    write_statistics_report_xlsx(weidu(), sample(), file);
    if (const char* keep = std::getenv("AWARD_KEEP_STATISTICS_XLSX")) fs::copy_file(file, keep, fs::copy_options::overwrite_existing);
    const fs::path pdf = award::test::sheets::convert_with_libreoffice(file, tmp.path(), "pdf");
    const Ran text = run("pdftotext -layout " + quote(pdf.string()) + " -");
    REQUIRE(text.status == 0);
    INFO(text.out);
    // The axis titles are only in the charts: the charts were printed, with their Chinese text.
    CHECK(text.out.find("单位：家") != std::string::npos);
    CHECK(text.out.find("单位：万元") != std::string::npos);
    CHECK(text.out.find("单位：人次") != std::string::npos);
}
