// `award reports forms|receive|status` as the office runs them: the registry seeded with
// `award registry import` in the test's folder ($AWARD_REGISTRY, HOME there too), forms
// generated, opened without openpyxl (the zip parts and the program's own XLSX reader),
// filled by editing the worksheet XML, read back, and the status as of several dates.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <pugixml.hpp>

#include "ingest/xlsx_reader.hpp"
#include "support.hpp"

using namespace e2e;

namespace {

const std::string kHengyuan = "91411002175206385X";  // 2023 区长质量奖: due 2024–2026
const std::string kZhilian = "91411002MA47T3QD9A";   // 2024 区长质量提名奖: due 2025–2027
const std::string kKangtai = "91411002MA4GK2N77C";   // 2024, revoked 2025-06-08: not due in 2026
const std::string kRuixiang = "91411002726784131D";  // 2025 区长质量奖: due 2026–2028
const std::string kOld = "91411002779403566N";       // 2022: due 2023–2025, done by 2026
const std::string kHongrun = "9141012274251836X7";   // 中牟县 2024 县长质量奖: statistics due 2025–2027

const char* kSeed = R"({"cycles": [
  {"pack": "weidu", "year": 2022, "awards": [
    {"credit_code": "91411002779403566N", "name": "许昌远达纺织有限公司", "award": "区长质量奖",
     "awarded_on": "2022-12-20", "prize_yuan": 100000,
     "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2023, "years": 3, "due": "03-31"}]}]},
  {"pack": "weidu", "year": 2023, "awards": [
    {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量奖",
     "awarded_on": "2023-12-20", "prize_yuan": 100000, "certificate": {"number": "WD2023Z001"},
     "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2024, "years": 3, "due": "03-31",
       "reports": [{"year": 2024, "received_on": "2024-03-20"}, {"year": 2025, "received_on": "2025-03-28"}]}]}]},
  {"pack": "weidu", "year": 2024, "awards": [
    {"credit_code": "91411002MA47T3QD9A", "name": "许昌智联精密传感技术有限公司", "award": "区长质量提名奖",
     "awarded_on": "2024-12-20", "prize_yuan": 30000, "certificate": {"number": "WD2024T001"},
     "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2025, "years": 3, "due": "03-31"}]},
    {"credit_code": "91411002MA4GK2N77C", "name": "许昌康泰口腔医院有限公司", "award": "区长质量提名奖",
     "awarded_on": "2024-12-20", "prize_yuan": 30000,
     "revocation": {"revoked_on": "2025-06-08", "article": "第三十条", "reason": "弄虚作假", "ban_years": 4},
     "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2025, "years": 3, "due": "03-31"}]}]},
  {"pack": "weidu", "year": 2025, "awards": [
    {"credit_code": "91411002726784131D", "name": "许昌瑞祥食品有限公司", "award": "区长质量奖",
     "awarded_on": "2025-12-19", "prize_yuan": 100000, "certificate": {"number": "WD2025Z001"},
     "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2026, "years": 3, "due": "03-31"}]}]},
  {"pack": "zhongmou", "year": 2024, "awards": [
    {"credit_code": "9141012274251836X7", "name": "郑州宏润汽车零部件有限公司", "award": "县长质量奖",
     "awarded_on": "2024-12-26", "prize_yuan": 100000,
     "obligations": [
       {"id": "self-evaluation", "article": "第二十九条", "first_year": 2025, "years": 3},
       {"id": "statistics", "article": "第二十九条", "first_year": 2025, "years": 3, "due": "03-31"}]}]}
]})";

// A registry seeded with kSeed, and the binary run against it (HOME in the test's folder).
struct Office {
    TempDir tmp;
    fs::path registry = tmp.path() / "data" / "registry.sqlite";
    fs::path out = tmp.path() / "out";

    Office() {
        write_file(tmp.path() / "seed.json", kSeed);
        const Ran r = award({"registry", "import", (tmp.path() / "seed.json").string()});
        INFO(r.out + r.err);
        REQUIRE(r.status == 0);
    }
    Ran award(const std::vector<std::string>& args) const {
        std::string cmd = "env -u XDG_DATA_HOME HOME=" + quote(tmp.path().string()) +
                          " AWARD_REGISTRY=" + quote(registry.string()) + " AWARD_OFFICE_KEY=" +
                          quote((tmp.path() / "office-key.pem").string()) + " " + quote(AWARD_BINARY) + " --data-dir " +
                          quote(AWARD_SOURCE_DIR);
        for (const auto& a : args) cmd += " " + quote(a);
        return run(cmd);
    }
    fs::path forms(int year = 2026) const {
        const Ran r = award({"reports", "forms", "--year", std::to_string(year), "--out", out.string()});
        INFO(r.out + r.err);
        REQUIRE(r.status == 0);
        return out / ("weidu-" + std::to_string(year) + "年度报送表");
    }
    nlohmann::json exported() const {
        const Ran r = award({"registry", "export"});
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out);
    }
    // The reports recorded for (pack, credit code)'s obligation `id`.
    nlohmann::json reports_of(const std::string& code, const std::string& id = "yearly-report") const {
        const nlohmann::json doc = exported();
        for (const auto& c : doc["cycles"])
            for (const auto& a : c["awards"])
                if (a["credit_code"] == code)
                    for (const auto& o : a.value("obligations", nlohmann::json::array()))
                        if (o["id"] == id) return o.value("reports", nlohmann::json::array());
        return nlohmann::json::array();
    }
};

// ---- the zip parts of an .xlsx, read and written with minizip -----------------------

using Parts = std::vector<std::pair<std::string, std::string>>;

Parts read_zip(const fs::path& p) {
    Parts parts;
    unzFile z = unzOpen64(p.c_str());
    REQUIRE(z);
    for (int rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
        char name[512];
        unz_file_info64 info{};
        REQUIRE(unzGetCurrentFileInfo64(z, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
        REQUIRE(unzOpenCurrentFile(z) == UNZ_OK);
        std::string data(static_cast<std::size_t>(info.uncompressed_size), '\0');
        if (!data.empty()) REQUIRE(unzReadCurrentFile(z, data.data(), static_cast<unsigned>(data.size())) == int(data.size()));
        unzCloseCurrentFile(z);
        parts.emplace_back(name, std::move(data));
    }
    unzClose(z);
    return parts;
}

void write_zip(const fs::path& p, const Parts& parts) {
    zipFile z = zipOpen64(p.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z);
    for (const auto& [name, data] : parts) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, data.data(), static_cast<unsigned>(data.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
    }
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
}

std::string& part(Parts& parts, const std::string& name) {
    for (auto& [n, d] : parts)
        if (n == name) return d;
    FAIL("no part " << name);
    throw std::logic_error("unreachable");
}

// The worksheet part of the sheet named `sheet` (through workbook.xml and its rels).
std::string sheet_part(Parts& parts, const std::string& sheet) {
    pugi::xml_document wb, rels;
    REQUIRE(wb.load_string(part(parts, "xl/workbook.xml").c_str()));
    REQUIRE(rels.load_string(part(parts, "xl/_rels/workbook.xml.rels").c_str()));
    std::string rid;
    for (auto s : wb.child("workbook").child("sheets").children("sheet"))
        if (sheet == s.attribute("name").value()) rid = s.attribute("r:id").value();
    REQUIRE_FALSE(rid.empty());
    for (auto r : rels.child("Relationships").children("Relationship"))
        if (rid == r.attribute("Id").value()) return "xl/" + std::string(r.attribute("Target").value());
    FAIL("no relationship " << rid);
    return "";
}

std::string sheet_state(Parts& parts, const std::string& sheet) {
    pugi::xml_document wb;
    REQUIRE(wb.load_string(part(parts, "xl/workbook.xml").c_str()));
    for (auto s : wb.child("workbook").child("sheets").children("sheet"))
        if (sheet == s.attribute("name").value()) return s.attribute("state").as_string("visible");
    return "";
}

// Whether cell `ref` of the worksheet is locked: its style's <protection locked="0"/>
// unlocks it; any other cell is locked (Excel's default).
bool locked(Parts& parts, const std::string& sheet_xml_part, const std::string& ref) {
    pugi::xml_document ws, styles;
    REQUIRE(ws.load_string(part(parts, sheet_xml_part).c_str()));
    REQUIRE(styles.load_string(part(parts, "xl/styles.xml").c_str()));
    const auto c = ws.child("worksheet").child("sheetData").find_node(
        [&](pugi::xml_node n) { return std::string(n.name()) == "c" && ref == n.attribute("r").value(); });
    if (!c) return true;
    int index = 0;
    auto xf = styles.child("styleSheet").child("cellXfs").first_child();
    for (int s = c.attribute("s").as_int(0); index < s && xf; ++index) xf = xf.next_sibling();
    REQUIRE(xf);
    return xf.child("protection").attribute("locked").as_string("1") != std::string("0");
}

// The worksheet's data validations: sqref -> (type, formula1).
std::map<std::string, std::pair<std::string, std::string>> validations(Parts& parts, const std::string& sheet_xml_part) {
    pugi::xml_document ws;
    REQUIRE(ws.load_string(part(parts, sheet_xml_part).c_str()));
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (auto dv : ws.child("worksheet").child("dataValidations").children("dataValidation"))
        out[dv.attribute("sqref").value()] = {dv.attribute("type").value(), dv.child_value("formula1")};
    return out;
}

// A copy of `form` with cells of the sheet 报送表 set: a number (JSON number) or text.
fs::path filled(const fs::path& form, const fs::path& copy, const nlohmann::json& cells,
                const std::string& sheet = "报送表") {
    Parts parts = read_zip(form);
    const std::string name = sheet_part(parts, sheet);
    pugi::xml_document ws;
    REQUIRE(ws.load_string(part(parts, name).c_str()));
    for (const auto& [ref, value] : cells.items()) {
        auto c = ws.child("worksheet").child("sheetData").find_node(
            [&](pugi::xml_node n) { return std::string(n.name()) == "c" && ref == n.attribute("r").value(); });
        INFO("cell " << ref);
        REQUIRE(c);
        while (c.first_child()) c.remove_child(c.first_child());
        c.remove_attribute("t");
        if (value.is_number()) {
            c.append_child("v").text().set(value.dump().c_str());
        } else {
            c.append_attribute("t") = "inlineStr";
            c.append_child("is").append_child("t").text().set(value.get<std::string>().c_str());
        }
    }
    std::ostringstream xml;
    ws.save(xml, "", pugi::format_raw);
    part(parts, name) = xml.str();
    write_zip(copy, parts);
    return copy;
}

// Every figure of the weidu form filled with valid values, and 填报人/联系电话/填报日期.
nlohmann::json complete_weidu() {
    nlohmann::json cells = {
        {"C12", 12345.67}, {"D12", 13456.7}, {"E12", "15,000.50"},  // 营业收入, text with a comma
        {"C13", -35.2},    {"D13", 120},     {"E13", 300.25},       // 利润总额: a loss
        {"C14", 500},      {"D14", 520},     {"E14", 610},          // 纳税总额
        {"C15", 400},      {"D15", 420.5},   {"E15", 500},          // 研发投入
        {"C16", 3.24},     {"D16", "3.12%"}, {"E16", 3.33},         // 研发投入强度
        {"C17", 0.5},      {"D17", 0.45},    {"E17", 0.4},          // 质量损失率
        {"C18", 92},       {"D18", 93.5},    {"E18", 95},           // 顾客满意度
        {"C19", 45.6},     {"D19", 47.8},    {"E19", 50},           // 全员劳动生产率
        {"C20", 356},      {"D20", 360},     {"E20", 372},          // 从业人员
        {"B22", "王敏"},   {"E22", "0374-1234567"}, {"B23", "2026-03-20"}};
    return cells;
}

nlohmann::json figure(const nlohmann::json& report, const std::string& indicator, int year) {
    for (const auto& f : report.value("figures", nlohmann::json::array()))
        if (f["indicator"] == indicator && f["year"] == year) return f["value"];
    return nullptr;
}

std::vector<std::string> rows_of(const fs::path& xlsx_file) {
    const auto wb = award::xlsx::read_xlsx(xlsx_file, xlsx_file.filename().string());
    std::vector<std::string> rows;
    const auto& s = wb.sheets.front();
    for (int r = 1; r <= s.max_row(); ++r) {
        std::string line;
        for (int c = 1; c <= s.max_col(); ++c) {
            const auto* v = s.at(r, c);
            line += (c > 1 ? "|" : "") + (v ? v->text : std::string());
        }
        rows.push_back(line);
    }
    return rows;
}

}  // namespace

TEST_CASE("award reports forms writes a form, XLSX and PDF, for exactly the winners whose reporting window holds the year") {
    Office office;
    const Ran r = office.award({"reports", "forms", "--year", "2026", "--out", office.out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const fs::path weidu = office.out / "weidu-2026年度报送表";
    const fs::path zhongmou = office.out / "zhongmou-2026年度报送表";
    // 2022's window (2023–2025) is over; 康泰 was revoked before the due date; 2023, 2024 and 2025 are due.
    CHECK(files_under(weidu) == std::vector<fs::path>{"manifest.json", "许昌恒远电力装备有限公司.pdf",
                                                      "许昌恒远电力装备有限公司.xlsx", "许昌智联精密传感技术有限公司.pdf",
                                                      "许昌智联精密传感技术有限公司.xlsx", "许昌瑞祥食品有限公司.pdf",
                                                      "许昌瑞祥食品有限公司.xlsx"});
    // 中牟县: the statistics survey (第二十九条) has a form; the self-evaluation does not.
    CHECK(files_under(zhongmou) ==
          std::vector<fs::path>{"manifest.json", "郑州宏润汽车零部件有限公司.pdf", "郑州宏润汽车零部件有限公司.xlsx"});
    CHECK(has(r.out, "许昌康泰口腔医院有限公司（91411002MA4GK2N77C，2024年度区长质量提名奖）：已于 2025-06-08 撤销，2026年无须报送"));
    CHECK_FALSE(has(r.out, "许昌远达纺织有限公司"));

    // The printed form: title, the winner, the years and every indicator on one page.
    const fs::path pdf = weidu / "许昌智联精密传感技术有限公司.pdf";
    CHECK(pdf_pages(pdf) == 1);
    const std::string text = squeeze(pdf_text(pdf));
    for (const char* part : {"魏都区长质量奖质量绩效报告", "许昌智联精密传感技术有限公司", "91411002MA47T3QD9A", "WD2024T001",
                             "2023年", "2024年", "2025年", "营业收入", "利润总额", "纳税总额", "研发投入强度", "质量损失率",
                             "全员劳动生产率", "从业人员", "第二十八条（二）", "2026年3月31日", "填报人", "单位（盖章）"})
        CHECK(has(text, part));

    // Run again: the same files, left alone.
    const Ran again = office.award({"reports", "forms", "--year", "2026", "--out", office.out.string()});
    CHECK(again.status == 0);
    CHECK(has(again.out, "已是最新，未改动"));
    // A year with nobody due writes nothing.
    const Ran none = office.award({"reports", "forms", "--year", "2031", "--out", (office.tmp.path() / "none").string()});
    CHECK(none.status == 0);
    CHECK(has(none.out, "2031年没有应报送的获奖组织"));
    CHECK_FALSE(fs::exists(office.tmp.path() / "none"));
}

TEST_CASE("the XLSX report form has its identity locked under sheet protection and only validated input cells open") {
    Office office;
    const fs::path form = office.forms() / "许昌智联精密传感技术有限公司.xlsx";
    Parts parts = read_zip(form);
    const std::string sheet = sheet_part(parts, "报送表");
    CHECK(sheet_state(parts, "识别信息") == "hidden");
    {
        pugi::xml_document ws;
        REQUIRE(ws.load_string(part(parts, sheet).c_str()));
        CHECK(ws.child("worksheet").child("sheetProtection").attribute("sheet").as_bool());
    }
    // The identity, pre-filled and locked.
    const auto wb = award::xlsx::read_xlsx(form, "form.xlsx");
    const auto* s = wb.find("报送表");
    REQUIRE(s);
    const std::map<std::string, std::string> identity = {
        {"B3", "许昌智联精密传感技术有限公司"}, {"B4", "91411002MA47T3QD9A"}, {"B5", "2024年度"},
        {"B6", "区长质量提名奖"}, {"B7", "WD2024T001"}, {"B9", "weidu-2026-91411002MA47T3QD9A-2024T"}};
    for (const auto& [ref, value] : identity) {
        int row = 0, col = 0;
        REQUIRE(award::xlsx::parse_cell_name(ref, row, col));
        REQUIRE(s->at(row, col));
        CHECK(s->at(row, col)->text == value);
        CHECK(locked(parts, sheet, ref));
    }
    CHECK(s->at(11, 3)->text == "2023年");
    CHECK(s->at(11, 5)->text == "2025年");
    CHECK(s->at(12, 1)->text == "营业收入");
    CHECK(s->at(20, 1)->text == "从业人员");
    // The inputs: every indicator × year, 填报人, 联系电话, 填报日期; the rest locked.
    for (int row = 12; row <= 20; ++row)
        for (const char* col : {"C", "D", "E"}) CHECK_FALSE(locked(parts, sheet, col + std::to_string(row)));
    for (const char* ref : {"B22", "E22", "B23"}) CHECK_FALSE(locked(parts, sheet, ref));
    for (const char* ref : {"A12", "B12", "F13", "A22", "D22"}) CHECK(locked(parts, sheet, ref));

    const auto dv = validations(parts, sheet);
    REQUIRE(dv.count("C12:E12"));  // 营业收入: a number, ≥ 0, 2 decimals
    CHECK(dv.at("C12:E12").first == "custom");
    CHECK(has(dv.at("C12:E12").second, "ISNUMBER(C12)"));
    CHECK(has(dv.at("C12:E12").second, "C12>=0"));
    CHECK(has(dv.at("C12:E12").second, "ROUND(C12,2)=C12"));
    REQUIRE(dv.count("C13:E13"));  // 利润总额 may be negative
    CHECK_FALSE(has(dv.at("C13:E13").second, "C13>=0"));
    REQUIRE(dv.count("C16:E16"));  // 研发投入强度: a percentage
    CHECK(has(dv.at("C16:E16").second, "C16<=100"));
    REQUIRE(dv.count("C20:E20"));  // 从业人员: whole
    CHECK(has(dv.at("C20:E20").second, "INT(C20)=C20"));
    REQUIRE(dv.count("B23"));
    CHECK(dv.at("B23").first == "date");
    REQUIRE(dv.count("B22"));
    CHECK(dv.at("B22").first == "textLength");
}

TEST_CASE("a filled report form reads back into the registry, the same file again changes nothing, a corrected one replaces it") {
    Office office;
    const fs::path form = office.forms() / "许昌智联精密传感技术有限公司.xlsx";
    const fs::path done = filled(form, office.tmp.path() / "智联-填好.xlsx", complete_weidu());
    const Ran r = office.award({"reports", "receive", done.string(), "--received-on", "2026-03-20"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "已记录（收到日期 2026-03-20，27 项数据，填报人 王敏）"));
    auto reports = office.reports_of(kZhilian);
    REQUIRE(reports.size() == 1);
    const auto& report = reports[0];
    CHECK(report["year"] == 2026);
    CHECK(report["received_on"] == "2026-03-20");
    CHECK(report["filled_by"] == "王敏");
    CHECK(report["phone"] == "0374-1234567");
    CHECK(report["filled_on"] == "2026-03-20");
    CHECK(report["content_hash"].get<std::string>().size() == 64);
    CHECK(report["figures"].size() == 27);
    CHECK(figure(report, "revenue", 2023) == 12345.67);
    CHECK(figure(report, "revenue", 2025) == 15000.5);
    CHECK(figure(report, "profit", 2023) == -35.2);
    CHECK(figure(report, "rd_intensity", 2024) == 3.12);
    CHECK(figure(report, "employees", 2025) == 372);

    // The same file again, another day: nothing changes.
    const Ran again = office.award({"reports", "receive", done.string(), "--received-on", "2026-03-25"});
    CHECK(again.status == 0);
    CHECK(has(again.out, "与 2026-03-20 收到的文件相同，未改动"));
    CHECK(office.reports_of(kZhilian) == reports);

    // A corrected file for the same year replaces it, and says so.
    nlohmann::json cells = complete_weidu();
    cells["C12"] = 12345.68;
    const fs::path corrected = filled(form, office.tmp.path() / "智联-更正.xlsx", cells);
    const Ran fix = office.award({"reports", "receive", corrected.string(), "--received-on", "2026-04-02"});
    INFO(fix.out + fix.err);
    CHECK(fix.status == 0);
    CHECK(has(fix.out, "已更正：替换 2026-03-20 收到的报送表（原记录保留在登记库的历史表中）"));
    reports = office.reports_of(kZhilian);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0]["received_on"] == "2026-04-02");
    CHECK(figure(reports[0], "revenue", 2023) == 12345.68);
}

TEST_CASE("a report form with bad cells is refused naming file, sheet, cell, value and expectation, and nothing is recorded") {
    Office office;
    const fs::path folder = office.forms();
    const fs::path good = filled(folder / "许昌智联精密传感技术有限公司.xlsx", office.tmp.path() / "good.xlsx", complete_weidu());
    nlohmann::json cells = complete_weidu();
    cells["C12"] = "一万";   // not a number
    cells["E20"] = 3.5;      // 从业人员 is whole
    cells["D17"] = 120;      // a percentage over 100
    cells.erase("E22");      // 联系电话 missing
    const fs::path bad = filled(folder / "许昌恒远电力装备有限公司.xlsx", office.tmp.path() / "bad.xlsx", cells);
    nlohmann::json edited = complete_weidu();
    edited["B3"] = "许昌另一家有限公司";  // the locked identity, edited
    const fs::path other = filled(folder / "许昌瑞祥食品有限公司.xlsx", office.tmp.path() / "edited.xlsx", edited);

    const Ran r = office.award({"reports", "receive", good.string(), bad.string(), other.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "共 5 处"));
    CHECK(has(r.err, bad.string() + ": 工作表「报送表」 单元格 C12: 字段 营业收入（2023年，万元）：值 \"一万\"，应为数字：以万元为单位、不为负数的金额"));
    CHECK(has(r.err, bad.string() + ": 工作表「报送表」 单元格 E20: 字段 从业人员（2025年，人）：值 \"3.5\"，应为不为负数的整数"));
    CHECK(has(r.err, bad.string() + ": 工作表「报送表」 单元格 D17: 字段 质量损失率（2024年，%）：值 \"120\"，应为0–100 之间的百分数"));
    CHECK(has(r.err, bad.string() + ": 工作表「报送表」 单元格 E22: 字段 联系电话：缺少或为空"));
    CHECK(has(r.err, other.string() + ": 工作表「报送表」 单元格 B3: 字段 单位名称：值 \"许昌另一家有限公司\"，应为许昌瑞祥食品有限公司"));
    // Nothing recorded, not even the good file.
    CHECK(office.reports_of(kZhilian).empty());
    CHECK(office.reports_of(kHengyuan).size() == 2);  // the two from the seed
    CHECK(office.reports_of(kRuixiang).empty());

    // A file that is not one of our forms, and a form for an award revoked since.
    const Ran not_ours = office.award({"reports", "receive", (office.tmp.path() / "seed.json").string()});
    CHECK(not_ours.status == 2);
    CHECK(has(not_ours.err, "应为报送表文件 .xlsx"));
    write_file(office.tmp.path() / "revoke.json", R"({"cycles": [{"pack": "weidu", "year": 2024, "awards": [
      {"credit_code": "91411002MA47T3QD9A", "name": "许昌智联精密传感技术有限公司", "award": "区长质量提名奖",
       "awarded_on": "2024-12-20", "prize_yuan": 30000, "certificate": {"number": "WD2024T001"},
       "revocation": {"revoked_on": "2026-02-01", "article": "第三十条", "reason": "弄虚作假", "ban_years": 4}}]}]})");
    REQUIRE(office.award({"registry", "import", (office.tmp.path() / "revoke.json").string()}).status == 0);
    const Ran revoked = office.award({"reports", "receive", good.string()});
    CHECK(revoked.status == 2);
    CHECK(has(revoked.err, "该奖项已于 2026-02-01 撤销（第三十条），2026年无须报送"));
    CHECK(office.reports_of(kZhilian).empty());
}

TEST_CASE("award reports status tells 已报送, 未到期 and 逾期 as of a date, and the 催报通知 names exactly the overdue ones") {
    Office office;
    const fs::path form = office.forms() / "许昌智联精密传感技术有限公司.xlsx";
    const fs::path done = filled(form, office.tmp.path() / "智联.xlsx", complete_weidu());
    REQUIRE(office.award({"reports", "receive", done.string(), "--received-on", "2026-03-20"}).status == 0);
    const fs::path status_dir = office.out / "weidu-2026年度报送情况";

    // Before the due date: nobody is overdue, the report received on 03-20 is not there yet on 03-15.
    Ran early = office.award({"reports", "status", "--year", "2026", "--as-of", "2026-03-15", "--pack", "weidu", "--out",
                              office.out.string()});
    INFO(early.out + early.err);
    REQUIRE(early.status == 0);
    CHECK(has(early.out, "应报送 3 家，已报送 0 家，未到期 3 家，逾期 0 家"));
    CHECK(has(early.out, "没有逾期未报送的获奖组织，不生成催报通知"));
    CHECK(files_under(status_dir) == std::vector<fs::path>{"manifest.json", "报送情况.xlsx"});

    // After it, without the notice's issuer: refused before anything is written.
    Ran missing = office.award({"reports", "status", "--year", "2026", "--as-of", "2026-04-15", "--pack", "weidu", "--out",
                                office.out.string()});
    CHECK(missing.status == 2);
    CHECK(has(missing.err, "命令行: 字段 --issuer：缺少或为空"));
    CHECK(has(missing.err, "命令行: 字段 --submit-by：缺少或为空"));
    CHECK(files_under(status_dir) == std::vector<fs::path>{"manifest.json", "报送情况.xlsx"});

    Ran late = office.award({"reports", "status", "--year", "2026", "--as-of", "2026-04-15", "--pack", "weidu", "--out",
                             office.out.string(), "--issuer", "魏都区区长质量奖评审委员会秘书处", "--submit-by", "2026-04-30",
                             "--doc-number", "魏质奖秘〔2026〕5号", "--contact", "王敏，0374-1234567"});
    INFO(late.out + late.err);
    REQUIRE(late.status == 0);
    CHECK(has(late.out, "应报送 3 家，已报送 1 家，未到期 0 家，逾期 2 家"));
    CHECK(files_under(status_dir) == std::vector<fs::path>{"manifest.json", "催报通知.pdf", "报送情况.xlsx"});
    const auto rows = rows_of(status_dir / "报送情况.xlsx");
    INFO(joined(rows));
    CHECK(has_row_with(rows, {"许昌恒远电力装备有限公司", kHengyuan, "2023", "区长质量奖", "2026", "逾期", "15"}));
    CHECK(has_row_with(rows, {"许昌智联精密传感技术有限公司", kZhilian, "2024", "区长质量提名奖", "已报送"}));
    CHECK(has_row_with(rows, {"许昌瑞祥食品有限公司", kRuixiang, "2025", "逾期", "15"}));
    for (const auto& row : rows) {
        CHECK_FALSE(has(row, kKangtai));  // revoked before the due date
        CHECK_FALSE(has(row, kOld));      // window over
    }

    const std::string notice = squeeze(pdf_text(status_dir / "催报通知.pdf"));
    CHECK(has(notice, "魏质奖秘〔2026〕5号"));
    CHECK(has(notice, "《魏都区区长质量奖管理办法》第二十八条（二）规定"));
    CHECK(has(notice, "以下2家获奖组织尚未报送"));
    CHECK(has(notice, "许昌恒远电力装备有限公司"));
    CHECK(has(notice, "许昌瑞祥食品有限公司"));
    CHECK_FALSE(has(notice, "许昌智联精密传感技术有限公司"));
    CHECK_FALSE(has(notice, "许昌康泰口腔医院有限公司"));
    CHECK(has(notice, "请上述获奖组织于2026年4月30日前"));
    CHECK(has(notice, "王敏，0374-1234567"));

    // 中牟县 as well, without --pack: its statistics survey, not yet received.
    Ran both = office.award({"reports", "status", "--year", "2026", "--as-of", "2026-03-15", "--out",
                             (office.tmp.path() / "all").string()});
    INFO(both.out + both.err);
    CHECK(both.status == 0);
    CHECK(has(both.out, "中牟县（zhongmou）2026年《中牟县县长质量奖获奖组织绩效统计调查表》，截至 2026-03-15：应报送 1 家"));
}
