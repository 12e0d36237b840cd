// The registry as an office's workbook (往年获奖记录.xlsx, samples/README.md 第 14.1 节):
// export → import round-trips every record, the empty registry gives the template, and a
// workbook with bad cells is refused with every problem told as sheet, row and column.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ingest/xlsx_reader.hpp"
#include "model/errors.hpp"
#include "xlsx_support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kBenxiHistory = fs::path(AWARD_SOURCE_DIR) / "samples" / "registry" / "本溪市2018-2024年度评选记录.json";

// Every kind of record and every optional field the workbook has a column for.
const char* kEverything = R"({
  "cycles": [
    {"pack": "weidu", "year": 2024, "case_id": "weidu-2024", "run_on": "2024-12-22",
     "content_hash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "applications": [
       {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量提名奖", "outcome": "awarded"},
       {"credit_code": "91411002MA47T3QD9A", "name": "许昌智联精密传感技术有限公司", "award": "区长质量提名奖",
        "outcome": "rejected", "reasons": "成立未满5年", "articles": "第九条"},
       {"credit_code": "91411002MA4GK2N77C", "name": "许昌康泰口腔医院有限公司", "award": "区长质量奖", "outcome": "removed"}
     ],
     "awards": [
       {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量提名奖",
        "awarded_on": "2024-12-20", "repeat": true, "prize_yuan": 0,
        "certificate": {"number": "WD2024T001", "issued_on": "2024-12-21",
                        "content_hash": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},
        "obligations": [
          {"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2025, "years": 3, "due": "03-31",
           "reports": [
             {"year": 2025, "received_on": "2025-03-20"},
             {"year": 2026, "received_on": "2026-03-18",
              "content_hash": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
              "filled_by": "王会计", "phone": "03745551234", "filled_on": "2026-03-17",
              "figures": [{"indicator": "revenue", "year": 2025, "value": 1234.56},
                          {"indicator": "profit", "year": 2025, "value": -35.2},
                          {"indicator": "employees", "year": 2025, "value": 356},
                          {"indicator": "customer_satisfaction", "year": 2025, "value": 94.57}]}]},
          {"id": "promote", "article": "第二十八条（一）", "first_year": 2025, "years": 0}]}
     ]},
    {"pack": "weidu", "year": 2025,
     "awards": [
       {"credit_code": "91411002MA4GK2N77C", "name": "许昌康泰口腔医院有限公司", "award": "区长质量提名奖",
        "awarded_on": "2025-12-19", "repeat": false, "prize_yuan": 30000,
        "certificate": {"number": "WD2025T001"},
        "revocation": {"revoked_on": "2026-05-08", "article": "第三十条", "reason": "弄虚作假", "ban_years": 4}}
     ]},
    {"pack": "benxi", "year": 2024}
  ],
  "higher_awards": [
    {"pack": "benxi", "credit_code": "91210502241758066C", "name": "本溪钢联特殊钢制品有限公司",
     "award": "辽宁省省长质量奖", "awarded_on": "2023-12-15", "bonus_yuan": 100000, "article": "第二十五条"},
    {"pack": "benxi", "credit_code": "91210502241758066C", "name": "本溪钢联特殊钢制品有限公司",
     "award": "中国质量奖提名奖", "awarded_on": "2024-09-10",
     "top_up": {"year": 2024, "held_award": "市长质量奖", "prize_yuan": 200000, "article": "第二十五条第三款"}}
  ]
})";

std::vector<Problem> problems_of(Registry& r, const fs::path& file) {
    try {
        r.import_xlsx(file, packs());
    } catch (const InputError& e) {
        return e.problems();
    }
    return {};
}

bool has_problem(const std::vector<Problem>& ps, const std::string& record, const std::string& field,
                 const std::string& value, const std::string& expected_part) {
    for (const auto& p : ps)
        if (p.record == record && p.field == field && p.value == value && contains(p.expected, expected_part)) return true;
    return false;
}

std::vector<std::string> header_row(const xlsx::SheetData& s) {
    std::vector<std::string> out;
    for (const auto& [pos, v] : s.cells)
        if (pos.first == 1) out.push_back(v.text);
    return out;
}

}  // namespace

TEST_CASE("registry workbook: the 本溪市 history exported as a workbook imports into an empty registry as the same records") {
    TempDir tmp;
    Registry a(tmp.path() / "a.sqlite");
    const ImportSummary seeded = a.import_json(kBenxiHistory, packs());
    const fs::path book = tmp.path() / "往年获奖记录.xlsx";
    a.export_xlsx(book, packs());

    // 类目得分率 (category_scores) are in the JSON only (samples/README.md 第 14.1 节): the
    // workbook gives back every other field.
    const auto without_scores = [](nlohmann::ordered_json j) {
        for (auto& c : j["cycles"])
            for (auto& app : c["applications"]) app.erase("category_scores");
        return j;
    };
    REQUIRE(a.export_json().dump().find("category_scores") != std::string::npos);
    Registry b(tmp.path() / "b.sqlite");
    const ImportSummary s = b.import_xlsx(book, packs());
    CHECK(s.added == seeded.added);
    CHECK(s.changed == 0);
    CHECK(b.export_json() == without_scores(a.export_json()));
    // The same workbook again: nothing changes.
    const ImportSummary again = b.import_xlsx(book, packs());
    CHECK(again.added == 0);
    CHECK(again.changed == 0);
    CHECK(again.unchanged == seeded.added);
    CHECK(b.history_size() == 0);
    CHECK(b.export_json() == without_scores(a.export_json()));
}

TEST_CASE("registry workbook: every kind of record and every optional field round-trips, report figures included") {
    TempDir tmp;
    Registry a(tmp.path() / "a.sqlite");
    a.import_json(tmp.write("everything.json", kEverything), packs());
    const fs::path book = tmp.path() / "登记库.xlsx";
    a.export_xlsx(book, packs());

    // As the office sees it: typed cells, 结果 and 是/否 in words, the indicator by its name.
    const auto wb = xlsx::read_xlsx(book, "登记库.xlsx");
    const xlsx::SheetData* awards = wb.find("获奖");
    REQUIRE(awards);
    CHECK(awards->at(2, 3)->text == "91411002175206385X");
    CHECK(awards->at(2, 6)->looks_like_date());
    CHECK(awards->at(2, 7)->text == "是");
    CHECK(awards->at(2, 8)->type == xlsx::CellValue::Type::Number);
    const xlsx::SheetData* apps = wb.find("申报结果");
    REQUIRE(apps);
    CHECK(apps->at(3, 6)->text == "不予受理");
    CHECK(apps->at(4, 6)->text == "异议成立取消");
    const xlsx::SheetData* figures = wb.find("报送数据");
    REQUIRE(figures);
    CHECK(figures->at(2, 8)->text == "营业收入");
    CHECK(figures->at(2, 10)->text == "1234.56");
    CHECK(wb.find("说明"));

    Registry b(tmp.path() / "b.sqlite");
    const ImportSummary s = b.import_xlsx(book, packs());
    CHECK(s.changed == 0);
    CHECK(b.export_json() == a.export_json());
    const ImportSummary again = b.import_xlsx(book, packs());
    CHECK(again.added == 0);
    CHECK(again.changed == 0);
}

TEST_CASE("registry workbook: without its 报送数据 sheet a workbook leaves the figures recorded for its reports") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    r.import_json(tmp.write("everything.json", kEverything), packs());
    const std::string before = r.export_json().dump();
    const fs::path book = tmp.path() / "登记库.xlsx";
    r.export_xlsx(book, packs());
    // The office deletes the sheet (openpyxl opens and saves the rest as Excel would).
    const auto script = tmp.write("drop.py", "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n"
                                             "del wb['报送数据']\nwb.save(sys.argv[1])\n");
    REQUIRE(std::system(("/usr/bin/python3 '" + script.string() + "' '" + book.string() + "'").c_str()) == 0);
    const ImportSummary s = r.import_xlsx(book, packs());
    CHECK(s.added == 0);
    CHECK(s.changed == 0);
    CHECK(r.export_json().dump() == before);
    CHECK(contains(before, "\"indicator\":\"revenue\""));
}

TEST_CASE("registry workbook: an empty registry exports the template, every sheet with its headers and no rows, which imports as nothing") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    const fs::path book = tmp.path() / "模板.xlsx";
    r.export_xlsx(book, packs());
    const auto wb = xlsx::read_xlsx(book, "模板.xlsx");
    std::vector<std::string> names;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"评选届次", "申报结果", "获奖", "报送义务", "已收报告", "报送数据", "更高级别奖项", "说明"});
    const auto* awards = wb.find("获奖");
    REQUIRE(awards);
    CHECK(awards->max_row() == 1);
    CHECK(header_row(*awards) ==
          std::vector<std::string>{"政策包", "年度", "统一社会信用代码", "单位名称", "奖项", "表彰日期", "再次获奖", "奖金（元）",
                                   "证书编号", "颁发日期", "证书摘要（SHA-256）", "撤销日期", "撤销依据条款", "撤销原因",
                                   "禁止申报年数"});
    CHECK(header_row(*wb.find("评选届次")) == std::vector<std::string>{"政策包", "年度", "案卷编号", "记录日期", "案卷摘要（SHA-256）"});
    CHECK(header_row(*wb.find("申报结果")) ==
          std::vector<std::string>{"政策包", "年度", "统一社会信用代码", "单位名称", "申报奖项", "结果", "理由", "所依条款",
                                     "所属行业", "所在镇（街道）", "企业规模", "最后进入的评审阶段"});

    const ImportSummary s = r.import_xlsx(book, packs());
    CHECK(s.added == 0);
    CHECK(s.unchanged == 0);
}

TEST_CASE("registry workbook: bad cells are all told with sheet, row, column and value, and nothing is imported") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    r.import_json(kBenxiHistory, packs());
    const std::string before = r.export_json().dump();
    const fs::path book = tmp.path() / "往年获奖记录.xlsx";
    const json spec = json::parse(R"({"sheets": [
      {"name": "评选届次", "rows": [["政策包", "年度", "案卷编号"], ["benxi", 2026, null], ["weidu", 2025, null]]},
      {"name": "申报结果", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "申报奖项", "结果", "备注"],
        ["benxi", 2026, "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "获奖了", "电话通知"]]},
      {"name": "获奖", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "奖项", "表彰日期", "再次获奖", "奖金（元）", "证书编号"],
        ["benxi", 2026, "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "2026-13-01", "否", 200000, "BX2026Z001"],
        ["benxi", 2026, "91210502241758066D", "本溪某某有限公司", "市长质量奖提名奖", {"date": "2026-11-30"}, "否", 100000, null],
        ["weidu", 2025, "91411002175206385X", "许昌恒远电力装备有限公司", "区长质量提名奖", {"date": "2025-12-19"}, "否", 30000,
         "BX2018Z001"],
        ["benxi", 2026, "91210503742705931X", "本溪博瑞医疗器械有限公司", "市长质量奖提名奖", {"date": "2026-11-30"}, "否", 100000,
         "BX2026Z001"],
        ["benxi", 2019, "9121050524175881X7", "本溪龙新矿业有限公司", "市长质量奖", {"date": "2019-11-30"}, "否", 200000, null]]}
    ]})");
    const std::string written = write_workbook(tmp, spec, book);
    REQUIRE(written.empty());

    const auto ps = problems_of(r, book);
    INFO(problem_list(ps));
    for (const auto& p : ps) CHECK(p.file == book.string());
    CHECK(has_problem(ps, "工作表“申报结果” 第1行", "G列表头", "备注", "“申报结果”表的表头之一"));
    CHECK(has_problem(ps, "工作表“申报结果” 第2行（本溪钢联特殊钢制品有限公司）", "F列“结果”", "获奖了",
                      "不予受理、已受理、未获奖、异议成立取消、获奖"));
    CHECK(has_problem(ps, "工作表“获奖” 第2行（本溪钢联特殊钢制品有限公司）", "F列“表彰日期”", "2026-13-01", "YYYY-MM-DD"));
    CHECK(has_problem(ps, "工作表“获奖” 第3行（本溪某某有限公司）", "C列“统一社会信用代码”", "91210502241758066D", "校验位"));
    CHECK(has_problem(ps, "工作表“获奖” 第4行（许昌恒远电力装备有限公司）", "I列“证书编号”", "BX2018Z001",
                      "登记库中该编号已颁发给 本溪宏达燃气有限公司"));
    CHECK(has_problem(ps, "工作表“获奖” 第5行（本溪博瑞医疗器械有限公司）", "I列“证书编号”", "BX2026Z001",
                      "已用于 工作表“获奖” 第2行（本溪钢联特殊钢制品有限公司）"));
    CHECK(has_problem(ps, "工作表“获奖” 第6行（本溪龙新矿业有限公司）", "B列“年度”", "benxi 2019年度", "“评选届次”表中没有这一行"));
    CHECK(ps.size() == 7);
    // In the workbook's order: sheet, row, column.
    REQUIRE(ps.size() >= 2);
    CHECK(ps[0].record == "工作表“申报结果” 第1行");
    CHECK(ps.back().record == "工作表“获奖” 第6行（本溪龙新矿业有限公司）");
    // The message names the file, the sheet, the row and the column.
    CHECK(contains(problem_list(ps), book.string() + ": 工作表“获奖” 第2行（本溪钢联特殊钢制品有限公司）: 字段 F列“表彰日期”：值 \"2026-13-01\""));
    // Nothing imported, not even the good rows.
    CHECK(r.export_json().dump() == before);
    CHECK_FALSE(r.find_cycle("weidu", 2025));
}

TEST_CASE("registry workbook: rows below 获奖 attach to their award by its naming columns, and one naming no award is told") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    const fs::path book = tmp.path() / "义务.xlsx";
    const json spec = json::parse(R"({"sheets": [
      {"name": "评选届次", "rows": [["政策包", "年度"], ["weidu", 2024]]},
      {"name": "获奖", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "奖项", "表彰日期", "奖金（元）"],
        ["weidu", 2024, "91411002175206385X", "许昌恒远电力装备有限公司", "区长质量提名奖", {"date": "2024-12-20"}, 30000]]},
      {"name": "报送义务", "rows": [
        ["政策包", "年度", "统一社会信用代码", "单位名称", "奖项", "义务编号", "所依条款", "首个报送年度", "报送年数", "截止月日"],
        ["weidu", 2024, "91411002175206385X", "许昌恒远电力装备有限公司", "区长质量提名奖", "yearly-report", "第二十八条（二）",
         2025, 3, "3-31"],
        ["weidu", 2024, "91411002MA4GK2N77C", "许昌康泰口腔医院有限公司", "区长质量提名奖", "yearly-report", "第二十八条（二）",
         2025, 3, null],
        ["weidu", 2024, "91411002175206385X", "许昌恒远电力有限公司", "区长质量提名奖", "promote", "第二十八条（一）", 2025, 0, null]]},
      {"name": "已收报告", "rows": [
        ["政策包", "年度", "统一社会信用代码", "奖项", "义务编号", "报送年度", "收到日期"],
        ["weidu", 2024, "91411002175206385X", "区长质量提名奖", "yearly-report", 2025, {"date": "2025-03-20"}],
        ["weidu", 2024, "91411002175206385X", "区长质量提名奖", "yearly-report", 2029, {"date": "2029-03-20"}]]}
    ]})");
    REQUIRE(write_workbook(tmp, spec, book).empty());
    const auto ps = problems_of(r, book);
    INFO(problem_list(ps));
    CHECK(has_problem(ps, "工作表“报送义务” 第3行（许昌康泰口腔医院有限公司）", "E列“奖项”",
                      "weidu 2024年度 91411002MA4GK2N77C 区长质量提名奖", "“获奖”表中没有这一行"));
    CHECK(has_problem(ps, "工作表“报送义务” 第4行（许昌恒远电力有限公司）", "D列“单位名称”", "许昌恒远电力有限公司",
                      "与工作表“获奖” 第2行（许昌恒远电力装备有限公司）的单位名称“许昌恒远电力装备有限公司”相同"));
    // The checks of the JSON format, told as the cell: the report year is outside the obligation's years.
    CHECK(has_problem(ps, "工作表“已收报告” 第3行", "F列“报送年度”", "2029", "2025 至 2027 之间的整数"));
    CHECK(ps.size() == 3);
    CHECK_FALSE(r.find_cycle("weidu", 2024));

    // Fixed, the rows import; 3-31 is read as 03-31.
    json fixed = spec;
    auto& obligations = fixed["sheets"][2]["rows"];
    obligations.erase(2);
    obligations[2][3] = "许昌恒远电力装备有限公司";
    fixed["sheets"][3]["rows"].erase(2);
    REQUIRE(write_workbook(tmp, fixed, book).empty());
    const ImportSummary s = r.import_xlsx(book, packs());
    CHECK(s.added == 5);  // cycle, award, 2 obligations, 1 report
    const auto award = r.find_award("weidu", 2024, kHengyuan, "区长质量提名奖");
    REQUIRE(award);
    const auto obligations_of = r.obligations_of(award->id);
    REQUIRE(obligations_of.size() == 2);
    CHECK(obligations_of[0].due == "03-31");
    CHECK(r.reports_of(obligations_of[0].id).at(0).received_on == Date(2025, 3, 20));
}

TEST_CASE("registry workbook: missing 评选届次 or 获奖 sheets, an unknown sheet and a missing required column are told") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    const fs::path book = tmp.path() / "缺表.xlsx";
    const json spec = json::parse(R"({"sheets": [
      {"name": "获奖名单", "rows": [["政策包"], ["weidu"]]},
      {"name": "旧表", "hidden": true, "rows": [["作废"]]},
      {"name": "申报结果", "rows": [["政策包", "年度", "统一社会信用代码", "单位名称", "申报奖项"]]}
    ]})");
    REQUIRE(write_workbook(tmp, spec, book).empty());
    const auto ps = problems_of(r, book);
    INFO(problem_list(ps));
    CHECK(has_problem(ps, "工作表“获奖名单”", "", "获奖名单", "工作表名称为"));
    CHECK(has_problem(ps, "工作表“评选届次”", "", "", "工作簿中的一张工作表"));
    CHECK(has_problem(ps, "工作表“获奖”", "", "", "工作簿中的一张工作表"));
    CHECK(has_problem(ps, "工作表“申报结果” 第1行", "表头", "", "缺少：结果"));
    CHECK(ps.size() == 4);  // the hidden sheet is not read
}

TEST_CASE("registry workbook: a file that is not a workbook is one problem naming it") {
    TempDir tmp;
    Registry r(tmp.path() / "r.sqlite");
    const fs::path book = tmp.write("往年.xlsx", "not a zip");
    const auto ps = problems_of(r, book);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].file == book.string());
    CHECK(contains(ps[0].expected, "能读取的 Excel 工作簿"));
}
