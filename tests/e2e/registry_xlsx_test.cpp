// `award registry import FILE.xlsx` and `award registry export --out FILE.xlsx` as the office
// runs them: a filled template that imports back to the same registry, a workbook typed in
// another program (openpyxl) with dates and numbers as text, and a bad workbook refused with
// every problem as sheet, row and column and nothing left behind.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace e2e;

namespace {

const fs::path kBenxiHistory = fs::path(AWARD_SOURCE_DIR) / "samples" / "registry" / "本溪市2018-2024年度评选记录.json";

// `award ARGS` with $AWARD_REGISTRY set to `registry` and HOME pointed into the test's folder.
Ran with_registry(const fs::path& registry, const fs::path& home, const std::vector<std::string>& args) {
    std::string cmd = "env -u XDG_DATA_HOME -u AWARD_OFFICE_KEY HOME=" + quote(home.string()) +
                      " AWARD_REGISTRY=" + quote(registry.string()) + " " + quote(AWARD_BINARY) + " --data-dir " +
                      quote(AWARD_SOURCE_DIR);
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

// Writes a workbook with openpyxl from {"sheets": [{"name", "rows"}]}: a cell {"date": ISO} is a
// date cell, numbers number cells, strings text, null empty (a row of nulls: a blank row).
void write_workbook(const TempDir& tmp, const nlohmann::json& spec, const fs::path& out) {
    const std::string script = R"PY(
import datetime, json, sys
import openpyxl
spec = json.load(open(sys.argv[1], encoding='utf-8'))
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec['sheets']:
    ws = wb.create_sheet(s['name'])
    for r in s['rows']:
        ws.append([datetime.date.fromisoformat(v['date']) if isinstance(v, dict) else v for v in r])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, (datetime.date, datetime.datetime)): c.number_format = 'yyyy"年"m"月"d"日"'
wb.save(sys.argv[2])
)PY";
    const fs::path spec_file = tmp.path() / "workbook-spec.json";
    write_file(spec_file, spec.dump());
    Ran r = run("/usr/bin/python3 -c " + quote(script) + " " + quote(spec_file.string()) + " " + quote(out.string()));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("award registry export --out FILE.xlsx gives a workbook that imports into a new registry as the same records, twice without change") {
    TempDir tmp;
    const fs::path a = tmp.path() / "a.sqlite", b = tmp.path() / "b.sqlite";
    REQUIRE(with_registry(a, tmp.path(), {"registry", "import", kBenxiHistory.string()}).status == 0);
    const fs::path book = tmp.path() / "往年获奖记录.xlsx";
    Ran exported = with_registry(a, tmp.path(), {"registry", "export", "--out", book.string()});
    INFO(exported.out + exported.err);
    REQUIRE(exported.status == 0);
    CHECK(has(exported.out, "工作簿 " + book.string()));
    // The office's view: one row per award, with its certificate and revocation.
    const auto awards = xlsx_rows(book, "获奖");
    CHECK(awards.at(0).rfind("政策包|年度|统一社会信用代码|单位名称|奖项|表彰日期|再次获奖|奖金（元）|证书编号", 0) == 0);
    CHECK(has_row_with(awards, {"benxi|2018|912105032417562201|本溪宏达燃气有限公司|市长质量奖|2018-11-30 00:00:00|否|200000|BX2018Z001|",
                                "|2023-04-18 00:00:00|第三十二条|事故|"}));
    CHECK(has_row_with(xlsx_rows(book, "申报结果"), {"辽宁太子河酿造有限公司", "不予受理", "申报前3年内发生一般质量事故"}));

    Ran imported = with_registry(b, tmp.path(), {"registry", "import", book.string()});
    INFO(imported.out + imported.err);
    CHECK(imported.status == 0);
    CHECK(has(imported.out, "已新建登记库 " + b.string()));
    const Ran json_a = with_registry(a, tmp.path(), {"registry", "export"});
    const Ran json_b = with_registry(b, tmp.path(), {"registry", "export"});
    REQUIRE(json_a.status == 0);
    // 类目得分率 (category_scores) are in the JSON only (samples/README.md 第 14.1 节): the
    // workbook gives back every other field.
    const auto without_scores = [](const std::string& text) {
        auto j = nlohmann::json::parse(text);
        for (auto& c : j["cycles"])
            for (auto& app : c["applications"]) app.erase("category_scores");
        return j;
    };
    CHECK(has(json_a.out, "\"category_scores\""));
    CHECK_FALSE(has(json_b.out, "\"category_scores\""));
    CHECK(nlohmann::json::parse(json_b.out) == without_scores(json_a.out));

    Ran again = with_registry(b, tmp.path(), {"registry", "import", book.string()});
    CHECK(again.status == 0);
    CHECK(has(again.out, "新增 0 条，更新 0 条"));
    CHECK(nlohmann::json::parse(with_registry(b, tmp.path(), {"registry", "export"}).out) == without_scores(json_a.out));
}

TEST_CASE("award registry import of a workbook with bad cells exits 2, lists every problem by sheet, row and column, and changes nothing") {
    TempDir tmp;
    const fs::path book = tmp.path() / "往年获奖记录.xlsx";
    write_workbook(tmp, nlohmann::json::parse(R"({"sheets": [
      {"name": "评选届次", "rows": [["政策包", "年度"], ["benxi", 2026]]},
      {"name": "申报结果", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "申报奖项", "结果"],
        ["benxi", 2026, "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "入选"]]},
      {"name": "获奖", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "奖项", "表彰日期", "再次获奖", "奖金（元）", "证书编号", "附注"],
        ["benxi", 2026, "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "2026-13-01", "否", 200000, "BX2026Z001", "无"],
        ["benxi", 2026, "91210502241758066D", "本溪某某有限公司", "市长质量奖提名奖", {"date": "2026-11-30"}, "否", 100000,
         "BX2026Z001", null]]}
    ]})"),
                   book);
    const std::vector<std::string> told = {
        ": 工作表“申报结果” 第2行（本溪钢联特殊钢制品有限公司）: 字段 F列“结果”：值 \"入选\"，应为结果之一：不予受理、已受理、未获奖、异议成立取消、获奖",
        ": 工作表“获奖” 第1行: 字段 J列表头：值 \"附注\"",
        ": 工作表“获奖” 第2行（本溪钢联特殊钢制品有限公司）: 字段 F列“表彰日期”：值 \"2026-13-01\"，应为真实存在的日期，格式 YYYY-MM-DD",
        ": 工作表“获奖” 第3行（本溪某某有限公司）: 字段 C列“统一社会信用代码”：值 \"91210502241758066D\"",
        ": 工作表“获奖” 第3行（本溪某某有限公司）: 字段 I列“证书编号”：值 \"BX2026Z001\"，应为不重复的证书编号（已用于 工作表“获奖” 第2行（本溪钢联特殊钢制品有限公司））",
    };

    SECTION("into no registry: none is left behind") {
        const fs::path registry = tmp.path() / "new.sqlite";
        Ran r = with_registry(registry, tmp.path(), {"registry", "import", book.string()});
        INFO(r.out + r.err);
        CHECK(r.status == 2);
        CHECK(has(r.err, "共 5 处"));
        for (const auto& line : told) CHECK(has(r.err, book.string() + line));
        CHECK_FALSE(fs::exists(registry));
    }
    SECTION("into the 本溪市 history: it stays as it was") {
        const fs::path registry = tmp.path() / "history.sqlite";
        REQUIRE(with_registry(registry, tmp.path(), {"registry", "import", kBenxiHistory.string()}).status == 0);
        const std::string before = with_registry(registry, tmp.path(), {"registry", "export"}).out;
        Ran r = with_registry(registry, tmp.path(), {"registry", "import", book.string()});
        INFO(r.out + r.err);
        CHECK(r.status == 2);
        for (const auto& line : told) CHECK(has(r.err, book.string() + line));
        CHECK(with_registry(registry, tmp.path(), {"registry", "export"}).out == before);
    }
}

TEST_CASE("a registry workbook typed in another program imports: dates as date cells or text, numbers as text, blank rows, 是/否") {
    TempDir tmp;
    const fs::path book = tmp.path() / "手工录入.xlsx";
    // 年度, 奖金, 首个报送年度 and 报送年数 typed as text (one with thousands commas), 表彰日期 and
    // 颁发日期 as date cells and as text, a certificate number as a number, 截止月日 as the date
    // Excel makes of "3-31", headers with a leading space, half-width brackets and 信用代码.
    write_workbook(tmp, nlohmann::json::parse(R"J({"sheets": [
      {"name": "评选届次", "rows": [[" 政策包", "年度"], ["benxi", "2018"], [null, null], ["benxi", 2020]]},
      {"name": "获奖", "rows": [
        ["政策包", "年度", "信用代码", "单位名称", "奖项", "表彰日期", "再次获奖", "奖金(元)", "证书编号", "颁发日期"],
        ["benxi", 2018, "912105032417562201", "本溪宏达燃气有限公司", "市长质量奖", {"date": "2018-11-30"}, "否", "200,000",
         "BX2018Z001", "2018-11-30"],
        [null, null, null, null, null, null, null, null, null, null],
        ["benxi", "2020", "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "2020-12-01", "是", 0, 2020001,
         {"date": "2020-12-02"}]]},
      {"name": "报送义务", "rows": [
        ["政策包", "年度", "统一社会信用代码", "奖项", "义务编号", "所依条款", "首个报送年度", "报送年数", "截止月日"],
        ["benxi", 2018, "912105032417562201", "市长质量奖", "title-year", "第二十八条", "2019", "3", {"date": "2019-03-31"}]]},
      {"name": "更高级别奖项", "rows": [
        ["政策包", "统一社会信用代码", "单位名称", "奖项", "获奖日期", "追加激励资金（元）", "所依条款"],
        ["benxi", "91210502241758066C", "本溪钢联特殊钢制品有限公司", "辽宁省省长质量奖", "2023-12-15", "100000", "第二十五条"]]}
    ]})J"),
                   book);
    const fs::path registry = tmp.path() / "registry.sqlite";
    Ran r = with_registry(registry, tmp.path(), {"registry", "import", book.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "新增 8 条"));  // 2 cycles, 2 awards, 2 certificates, 1 obligation, 1 higher award
    const auto doc = nlohmann::json::parse(with_registry(registry, tmp.path(), {"registry", "export"}).out);
    INFO(doc.dump(2));
    REQUIRE(doc["cycles"].size() == 2);
    const auto& first = doc["cycles"][0]["awards"][0];
    CHECK(first["awarded_on"] == "2018-11-30");
    CHECK(first["prize_yuan"] == 200000);
    CHECK(first["repeat"] == false);
    CHECK(first["certificate"]["issued_on"] == "2018-11-30");
    CHECK(first["obligations"][0]["due"] == "03-31");
    CHECK(first["obligations"][0]["first_year"] == 2019);
    const auto& second = doc["cycles"][1]["awards"][0];
    CHECK(second["awarded_on"] == "2020-12-01");
    CHECK(second["repeat"] == true);
    CHECK(second["certificate"]["number"] == "2020001");
    CHECK(second["certificate"]["issued_on"] == "2020-12-02");
    CHECK(doc["higher_awards"][0]["bonus_yuan"] == 100000);
}

TEST_CASE("award registry export --out FILE.xlsx of an empty registry is the template: headers, 是/否 and 结果 lists, date checks") {
    TempDir tmp;
    const fs::path registry = tmp.path() / "empty.sqlite";
    const fs::path none = tmp.path() / "none.json";
    write_file(none, R"({"cycles": []})");
    REQUIRE(with_registry(registry, tmp.path(), {"registry", "import", none.string()}).status == 0);
    const fs::path book = tmp.path() / "模板.xlsx";
    REQUIRE(with_registry(registry, tmp.path(), {"registry", "export", "--out", book.string()}).status == 0);
    const std::string script = R"PY(
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print('|'.join(wb.sheetnames))
ws = wb['获奖']
print(ws.max_row)
for dv in ws.data_validations.dataValidation:
    print(dv.type, str(dv.sqref), dv.formula1)
)PY";
    Ran r = run("/usr/bin/python3 -c " + quote(script) + " " + quote(book.string()));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "评选届次|申报结果|获奖|报送义务|已收报告|报送数据|更高级别奖项|说明\n1\n"));
    CHECK(has(r.out, "list G2:G1001 \"是,否\""));
    CHECK(has(r.out, "date F2:F1001"));
    CHECK(has(r.out, "whole B2:B1001 1990"));
    CHECK(has(xlsx_rows(book, "申报结果").at(0), "结果"));
    const auto rows = xlsx_rows(book, "获奖");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].rfind("政策包|年度|统一社会信用代码", 0) == 0);
}
