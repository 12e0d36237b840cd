// The .xlsx reader on what users send: workbooks saved by real writers (libxlsxwriter,
// openpyxl, and LibreOffice saving them again, as a reviewer's WPS or Excel would),
// parts written by hand for what those writers do not make (rich text, escapes, cells
// without positions, odd part names), and broken or hostile files, each refused with
// a message naming the file and the part.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "common/temp_dir.hpp"
#include "ingest/xlsx_reader.hpp"

using namespace award::xlsx;
using award::test::TempDir;
namespace fs = std::filesystem;

namespace {

using Type = CellValue::Type;
using Visibility = SheetData::Visibility;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_bytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// ---- zips written by hand ----------------------------------------------------------

struct Part {
    std::string name, data;
};

void add_entry(zipFile z, const Part& part, const char* password = nullptr) {
    zip_fileinfo info{};
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(part.data.data()), static_cast<uInt>(part.data.size()));
    REQUIRE(zipOpenNewFileInZip3(z, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                 Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, password,
                                 crc) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(z, part.data.data(), static_cast<unsigned>(part.data.size())) == ZIP_OK);
    REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
}

void write_zip(const fs::path& p, const std::vector<Part>& parts) {
    zipFile z = zipOpen64(p.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& part : parts) add_entry(z, part);
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
}

// Raw deflate of `data` (what goes into a zip entry).
std::string deflate_raw(const std::string& data) {
    z_stream s{};
    REQUIRE(deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&s, static_cast<uLong>(data.size())), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

const std::string kXmlHead = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\n";
const std::string kMain = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
const std::string kRelNs = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const std::string kRelTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string root_rels(const std::string& workbook_target = "xl/workbook.xml") {
    return kXmlHead + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
           R"(<Relationship Id="rId1" Type=")" + kRelTypes + R"(officeDocument" Target=")" + workbook_target +
           R"("/></Relationships>)";
}

std::string content_types() {
    return kXmlHead + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                      R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
}

std::string worksheet(const std::string& sheet_data, const std::string& after = "") {
    return kXmlHead + "<worksheet " + kMain + " " + kRelNs + "><sheetData>" + sheet_data + "</sheetData>" + after +
           "</worksheet>";
}

std::string sst(const std::string& items) { return kXmlHead + "<sst " + kMain + ">" + items + "</sst>"; }

// A workbook of one sheet `sheet_name` at xl/worksheets/sheet1.xml, with shared
// strings when `strings` is not empty.
std::vector<Part> one_sheet_book(const std::string& sheet_xml, const std::string& strings = "",
                                 const std::string& sheet_name = "评分") {
    std::string rels = kXmlHead + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
                       R"(<Relationship Id="rId1" Type=")" + kRelTypes + R"(worksheet" Target="worksheets/sheet1.xml"/>)";
    if (!strings.empty())
        rels += R"(<Relationship Id="rId2" Type=")" + kRelTypes + R"(sharedStrings" Target="sharedStrings.xml"/>)";
    rels += "</Relationships>";
    std::vector<Part> parts{
        {"[Content_Types].xml", content_types()},
        {"_rels/.rels", root_rels()},
        {"xl/workbook.xml", kXmlHead + "<workbook " + kMain + " " + kRelNs + R"(><sheets><sheet name=")" + sheet_name +
                                R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels", rels},
        {"xl/worksheets/sheet1.xml", sheet_xml},
    };
    if (!strings.empty()) parts.push_back({"xl/sharedStrings.xml", strings});
    return parts;
}

// The message of the XlsxReadError reading `file` throws; fails the test when it reads.
XlsxReadError error_of(const fs::path& file, const std::string& shown = "scores/E01.xlsx",
                       const ReadLimits& limits = {}) {
    try {
        read_xlsx(file, shown, limits);
    } catch (const XlsxReadError& e) {
        return e;
    }
    FAIL("read_xlsx read " << file << " without an error");
    throw std::logic_error("unreachable");
}

XlsxReadError error_of_parts(const std::vector<Part>& parts, const ReadLimits& limits = {}) {
    TempDir tmp;
    const auto file = tmp.path() / "book.xlsx";
    write_zip(file, parts);
    return error_of(file, "scores/E01.xlsx", limits);
}

WorkbookData read_parts(const std::vector<Part>& parts) {
    TempDir tmp;
    const auto file = tmp.path() / "book.xlsx";
    write_zip(file, parts);
    return read_xlsx(file, "book.xlsx");
}

const CellValue& cell(const SheetData& sheet, const std::string& ref) {
    int row = 0, col = 0;
    REQUIRE(parse_cell_name(ref, row, col));
    const CellValue* v = sheet.at(row, col);
    INFO("cell " << ref << " of sheet " << sheet.name);
    REQUIRE(v != nullptr);
    return *v;
}

bool is_empty(const SheetData& sheet, const std::string& ref) {
    int row = 0, col = 0;
    REQUIRE(parse_cell_name(ref, row, col));
    return sheet.at(row, col) == nullptr;
}

void check_text(const SheetData& sheet, const std::string& ref, const std::string& text) {
    const auto& v = cell(sheet, ref);
    INFO("cell " << ref);
    CHECK(v.type == Type::Text);
    CHECK(v.text == text);
}

void check_number(const SheetData& sheet, const std::string& ref, double number) {
    const auto& v = cell(sheet, ref);
    INFO("cell " << ref << " text " << v.text);
    CHECK(v.type == Type::Number);
    CHECK(v.number == Approx(number));
}

const SheetData& sheet_named(const WorkbookData& wb, const std::string& name) {
    const SheetData* s = wb.find(name);
    INFO("sheet " << name);
    REQUIRE(s != nullptr);
    return *s;
}

// ---- workbooks of real writers ---------------------------------------------------------

// The score sheet of the tests, written by libxlsxwriter: 评分表 (numbers, Chinese text,
// a formula with its cached result, a blank formatted cell, a date, a boolean, a merged
// range), 隐藏 (hidden) and 空表 (no cells).
void write_libxlsxwriter_book(const fs::path& file, bool constant_memory = false) {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    REQUIRE(wb != nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "评分表");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    worksheet_write_string(ws, 0, 0, "评审专家", bold);
    worksheet_write_string(ws, 0, 1, "得分", bold);
    worksheet_write_string(ws, 1, 0, "张三", nullptr);
    worksheet_write_number(ws, 1, 1, 87.5, nullptr);
    worksheet_write_blank(ws, 1, 2, bold);  // formatted, but empty
    worksheet_write_string(ws, 2, 0, "李四", nullptr);
    worksheet_write_number(ws, 2, 1, 92, nullptr);
    worksheet_write_formula_num(ws, 3, 1, "=SUM(B2:B3)", nullptr, 179.5);
    worksheet_write_string(ws, 4, 0, " 前后有空格 ", nullptr);
    worksheet_write_string(ws, 5, 0, "第一行\n第二行", nullptr);
    lxw_datetime day{2026, 3, 15, 0, 0, 0};
    worksheet_write_datetime(ws, 6, 1, &day, date);
    worksheet_write_boolean(ws, 7, 1, 1, nullptr);
    worksheet_merge_range(ws, 9, 0, 9, 2, "合并的说明", nullptr);
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "隐藏");
    worksheet_write_string(hidden, 0, 0, "不给评审看", nullptr);
    worksheet_hide(hidden);
    workbook_add_worksheet(wb, "空表");
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

// The same content written by openpyxl, with "42" and "0042" typed as text and a very
// hidden sheet. openpyxl writes no cached values of formulas.
const char* kOpenpyxlScript = R"PY(
import sys, datetime
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "评分表"
ws["A1"] = "评审专家"; ws["B1"] = "得分"; ws["C1"] = "编号"
ws["A2"] = "张三"; ws["B2"] = 87.5; ws["C2"] = "42"
ws["A3"] = "李四"; ws["B3"] = 92; ws["C3"] = "0042"
ws["B4"] = "=SUM(B2:B3)"
ws["A5"] = " 前后有空格 "
ws["A6"] = "第一行\n第二行"
ws["B6"] = True
ws["B7"] = datetime.date(2026, 3, 15)
ws["B8"] = 1e-7
h = wb.create_sheet("隐藏")
h["A1"] = "不给评审看"
h.sheet_state = "hidden"
v = wb.create_sheet("深藏")
v["A1"] = 3
v.sheet_state = "veryHidden"
wb.save(sys.argv[1])
)PY";

void write_openpyxl_book(const TempDir& tmp, const fs::path& file) {
    const auto script = tmp.write("make_book.py", kOpenpyxlScript);
    const std::string cmd = "/usr/bin/python3 " + shell_quote(script.string()) + " " + shell_quote(file.string());
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
    REQUIRE(fs::exists(file));
}

// Opens each file in LibreOffice (headless) and saves it again as .xlsx into out_dir.
void resave_with_libreoffice(const TempDir& tmp, const std::vector<fs::path>& files, const fs::path& out_dir) {
    // A profile of its own, so tests running at the same time do not share one.
    const auto profile = tmp.path() / "lo-profile";
    std::string cmd = "timeout 300 soffice --headless --norestore -env:UserInstallation=file://" + profile.string() +
                      " --convert-to xlsx --outdir " + shell_quote(out_dir.string());
    for (const auto& f : files) cmd += " " + shell_quote(f.string());
    const auto log = tmp.path() / "soffice.log";
    cmd += " >" + shell_quote(log.string()) + " 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO(cmd << "\n" << read_file(log));
    REQUIRE(rc == 0);
    for (const auto& f : files) REQUIRE(fs::exists(out_dir / f.filename()));
}

// What both writers' 评分表 holds, and what must survive LibreOffice.
void check_score_sheet(const SheetData& s) {
    check_text(s, "A1", "评审专家");
    check_text(s, "B1", "得分");
    check_text(s, "A2", "张三");
    check_number(s, "B2", 87.5);
    CHECK(cell(s, "B2").text == "87.5");
    check_text(s, "A3", "李四");
    check_number(s, "B3", 92);
    CHECK(cell(s, "B3").text == "92");
    check_text(s, "A5", " 前后有空格 ");
    check_text(s, "A6", "第一行\n第二行");
    const auto& date = cell(s, "B7");
    CHECK(date.type == Type::Number);
    CHECK(date.number == 46096);  // 2026-03-15
    CHECK(date.looks_like_date());
    CHECK_FALSE(cell(s, "B2").looks_like_date());
}

}  // namespace

// ---- cell names -------------------------------------------------------------------------

TEST_CASE("xlsx reader: cell names from A1 to XFD1048576, and nothing beyond") {
    CHECK(cell_name(12, 2) == "B12");
    CHECK(cell_name(1, 26) == "Z1");
    CHECK(cell_name(1, 27) == "AA1");
    CHECK(cell_name(1048576, 16384) == "XFD1048576");
    CHECK(column_name(702) == "ZZ");
    CHECK(column_name(703) == "AAA");
    CHECK_THROWS_AS(cell_name(0, 1), std::out_of_range);

    int row = 0, col = 0;
    CHECK(parse_cell_name("B12", row, col));
    CHECK(row == 12);
    CHECK(col == 2);
    CHECK(parse_cell_name("XFD1048576", row, col));
    CHECK(row == 1048576);
    CHECK(col == 16384);
    for (const char* bad : {"XFE1", "A1048577", "A0", "A01", "$A$1", "A", "12", "1A", "", "B 2", "AAAA1"}) {
        INFO(bad);
        CHECK_FALSE(parse_cell_name(bad, row, col));
    }
}

TEST_CASE("xlsx reader: date formats are told from number formats") {
    CHECK(is_date_format(14, "mm-dd-yy"));
    CHECK(is_date_format(31, ""));  // 年月日 of zh-CN
    CHECK(is_date_format(200, "yyyy\"年\"m\"月\"d\"日\""));
    CHECK(is_date_format(200, "[$-804]yyyy/m/d"));
    CHECK(is_date_format(200, "[h]:mm:ss"));
    CHECK_FALSE(is_date_format(0, "General"));
    CHECK_FALSE(is_date_format(2, "0.00"));
    CHECK_FALSE(is_date_format(200, "0.00\"分\""));
    CHECK_FALSE(is_date_format(200, "#,##0.00_);[Red](#,##0.00)"));
    CHECK_FALSE(is_date_format(11, "0.00E+00"));
    CHECK_FALSE(is_date_format(49, "@"));
}

// ---- real writers -----------------------------------------------------------------------

TEST_CASE("xlsx reader: a score sheet written by libxlsxwriter") {
    TempDir tmp;
    const auto file = tmp.path() / "E01.xlsx";
    write_libxlsxwriter_book(file);
    const auto wb = read_xlsx(file, "scores/E01.xlsx");

    REQUIRE(wb.sheets.size() == 3);
    CHECK(wb.sheets[0].name == "评分表");
    CHECK(wb.sheets[1].name == "隐藏");
    CHECK(wb.sheets[2].name == "空表");
    CHECK(wb.sheets[0].visibility == Visibility::Visible);
    CHECK(wb.sheets[1].visibility == Visibility::Hidden);
    CHECK(wb.sheets[2].visibility == Visibility::Visible);
    CHECK_FALSE(wb.date1904);
    CHECK(wb.find("不存在") == nullptr);

    const auto& s = sheet_named(wb, "评分表");
    check_score_sheet(s);
    const auto& sum = cell(s, "B4");
    CHECK(sum.type == Type::Number);
    CHECK(sum.number == 179.5);
    CHECK(sum.has_formula);
    CHECK(sum.formula == "SUM(B2:B3)");
    CHECK(is_empty(s, "C2"));  // formatted but blank
    CHECK(is_empty(s, "A4"));
    CHECK(cell(s, "B8").type == Type::Boolean);
    CHECK(cell(s, "B8").text == "TRUE");
    CHECK(cell(s, "B8").number == 1);
    CHECK(cell(s, "B7").number_format == "yyyy\"年\"m\"月\"d\"日\"");
    check_text(s, "A10", "合并的说明");
    REQUIRE(s.merged.size() == 1);
    CHECK(s.merged[0].first_row == 10);
    CHECK(s.merged[0].first_col == 1);
    CHECK(s.merged[0].last_row == 10);
    CHECK(s.merged[0].last_col == 3);
    CHECK(s.max_row() == 10);
    CHECK(s.max_col() == 2);  // B; C2 and C10 are blank

    check_text(sheet_named(wb, "隐藏"), "A1", "不给评审看");
    const auto& empty = sheet_named(wb, "空表");
    CHECK(empty.worksheet);
    CHECK(empty.cells.empty());
    CHECK(empty.max_row() == 0);
    CHECK(empty.max_col() == 0);
}

TEST_CASE("xlsx reader: libxlsxwriter's constant-memory mode (inline strings)") {
    TempDir tmp;
    const auto file = tmp.path() / "E02.xlsx";
    write_libxlsxwriter_book(file, true);
    // The writer of this mode does not use the shared string table: the reader must
    // read <is> (checked, so the test tests what it says).
    {
        unzFile z = unzOpen64(file.c_str());
        REQUIRE(z != nullptr);
        REQUIRE(unzLocateFile(z, "xl/worksheets/sheet1.xml", 1) == UNZ_OK);
        REQUIRE(unzOpenCurrentFile(z) == UNZ_OK);
        std::string xml(1 << 20, '\0');
        const int n = unzReadCurrentFile(z, xml.data(), static_cast<unsigned>(xml.size()));
        unzCloseCurrentFile(z);
        unzClose(z);
        REQUIRE(n > 0);
        xml.resize(static_cast<std::size_t>(n));
        REQUIRE(contains(xml, "t=\"inlineStr\""));
    }
    const auto wb = read_xlsx(file, "scores/E02.xlsx");
    const auto& s = sheet_named(wb, "评分表");
    check_score_sheet(s);
    CHECK(cell(s, "B4").number == 179.5);
    CHECK(wb.sheets[1].visibility == Visibility::Hidden);
}

TEST_CASE("xlsx reader: a score sheet written by openpyxl") {
    TempDir tmp;
    const auto file = tmp.path() / "E03.xlsx";
    write_openpyxl_book(tmp, file);
    const auto wb = read_xlsx(file, "scores/E03.xlsx");

    REQUIRE(wb.sheets.size() == 3);
    CHECK(wb.sheets[0].visibility == Visibility::Visible);
    CHECK(sheet_named(wb, "隐藏").visibility == Visibility::Hidden);
    CHECK(sheet_named(wb, "深藏").visibility == Visibility::VeryHidden);

    const auto& s = sheet_named(wb, "评分表");
    check_score_sheet(s);
    check_text(s, "C2", "42");  // typed as text: stays text
    check_text(s, "C3", "0042");
    // openpyxl does not calculate: the formula is there, its value is not.
    const auto& sum = cell(s, "B4");
    CHECK(sum.has_formula);
    CHECK(sum.formula == "SUM(B2:B3)");
    CHECK(sum.type == Type::Empty);
    CHECK(cell(s, "B6").type == Type::Boolean);
    CHECK(cell(s, "B6").text == "TRUE");
    check_number(s, "B8", 1e-7);
    check_number(sheet_named(wb, "深藏"), "A1", 3);
}

TEST_CASE("xlsx reader: workbooks saved again by LibreOffice keep their values, types and hidden sheets") {
    TempDir tmp;
    const auto in_dir = tmp.path() / "in";
    const auto out_dir = tmp.path() / "out";
    fs::create_directories(in_dir);
    fs::create_directories(out_dir);
    const auto from_openpyxl = in_dir / "openpyxl.xlsx";
    const auto from_lxw = in_dir / "lxw.xlsx";
    write_openpyxl_book(tmp, from_openpyxl);
    write_libxlsxwriter_book(from_lxw);
    resave_with_libreoffice(tmp, {from_openpyxl, from_lxw}, out_dir);

    SECTION("the openpyxl workbook") {
        const auto wb = read_xlsx(out_dir / "openpyxl.xlsx", "scores/openpyxl.xlsx");
        REQUIRE(wb.sheets.size() == 3);
        CHECK(wb.sheets[0].name == "评分表");
        CHECK(wb.sheets[0].visibility == Visibility::Visible);
        CHECK(sheet_named(wb, "隐藏").visibility == Visibility::Hidden);
        // LibreOffice has no "very hidden": it saves such a sheet hidden.
        CHECK(sheet_named(wb, "深藏").visibility != Visibility::Visible);

        const auto& s = sheet_named(wb, "评分表");
        check_score_sheet(s);
        check_text(s, "C2", "42");
        check_text(s, "C3", "0042");
        check_number(s, "B8", 1e-7);
        // LibreOffice calculated the formula openpyxl left without a value.
        const auto& sum = cell(s, "B4");
        CHECK(sum.has_formula);
        CHECK(sum.formula == "SUM(B2:B3)");
        CHECK(sum.type == Type::Number);
        CHECK(sum.number == 179.5);
        CHECK(cell(s, "B6").type == Type::Boolean);
        CHECK(cell(s, "B6").text == "TRUE");
        check_text(sheet_named(wb, "隐藏"), "A1", "不给评审看");
    }
    SECTION("the libxlsxwriter workbook") {
        const auto wb = read_xlsx(out_dir / "lxw.xlsx", "scores/lxw.xlsx");
        REQUIRE(wb.sheets.size() == 3);
        CHECK(wb.sheets[1].name == "隐藏");
        CHECK(wb.sheets[1].visibility == Visibility::Hidden);
        CHECK(wb.sheets[2].cells.empty());

        const auto& s = sheet_named(wb, "评分表");
        check_score_sheet(s);
        const auto& sum = cell(s, "B4");
        CHECK(sum.has_formula);
        CHECK(sum.formula == "SUM(B2:B3)");
        CHECK(sum.type == Type::Number);
        CHECK(sum.number == 179.5);
        CHECK(is_empty(s, "C2"));
        CHECK(cell(s, "B8").type == Type::Boolean);
        check_text(s, "A10", "合并的说明");
        REQUIRE(s.merged.size() == 1);
        CHECK(s.merged[0].last_col == 3);
    }
}

// ---- parts written by hand ------------------------------------------------------------------

TEST_CASE("xlsx reader: sheets are found through workbook.xml and its relationships, not by file name") {
    const std::string wb_rels =
        kXmlHead + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
        R"(<Relationship Id="rId7" Type=")" + kRelTypes + R"(worksheet" Target="/xl/worksheets/data.xml"/>)" +
        R"(<Relationship Id="rId3" Type=")" + kRelTypes + R"(worksheet" Target="./worksheets/../worksheets/other%20one.xml"/>)" +
        R"(<Relationship Id="rId9" Type=")" + kRelTypes + R"(sharedStrings" Target="strings/table.xml"/>)" +
        "</Relationships>";
    // The first sheet's part uses a namespace prefix, as some generators write.
    const std::string prefixed = kXmlHead +
                                 R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                                 R"(<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData>)"
                                 R"(</x:worksheet>)";
    const auto wb = read_parts({
        {"_rels/.rels", root_rels("/xl/book.xml")},
        {"xl/book.xml", kXmlHead + "<workbook " + kMain + " " + kRelNs +
                            R"(><workbookPr date1904="1"/><sheets><sheet name="第二" sheetId="2" r:id="rId7"/>)"
                            R"(<sheet name="第一" sheetId="1" state="veryHidden" r:id="rId3"/></sheets></workbook>)"},
        {"xl/_rels/book.xml.rels", wb_rels},
        {"xl/worksheets/data.xml", prefixed},
        {"xl/worksheets/other one.xml", worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")},
        // A decoy: no relationship points to it.
        {"xl/worksheets/sheet1.xml", worksheet(R"(<row r="1"><c r="A1"><v>666</v></c></row>)")},
        {"xl/strings/table.xml", sst("<si><t>在第一个</t></si><si><t>在第二个</t></si>")},
    });
    REQUIRE(wb.sheets.size() == 2);
    CHECK(wb.date1904);
    CHECK(wb.sheets[0].name == "第二");
    CHECK(wb.sheets[0].part == "xl/worksheets/data.xml");
    check_text(wb.sheets[0], "A1", "在第二个");
    CHECK(wb.sheets[1].name == "第一");
    CHECK(wb.sheets[1].visibility == Visibility::VeryHidden);
    CHECK(wb.sheets[1].part == "xl/worksheets/other one.xml");
    check_text(wb.sheets[1], "A1", "在第一个");
}

TEST_CASE("xlsx reader: rich text, phonetic runs, xml:space and _xHHHH_ escapes") {
    const std::string strings = sst(
        // 0: rich text runs; the phonetic run (rPh) is not part of the text
        R"(<si><r><rPr><b/></rPr><t>许昌</t></r><r><t xml:space="preserve"> 某某</t></r><r><t>有限公司</t></r>)"
        R"(<rPh sb="0" eb="2"><t>シュウショウ</t></rPh><phoneticPr fontId="1"/></si>)"
        // 1: a carriage return and a tab written as escapes, an escaped underscore
        R"(<si><t>第一行_x000D_
第二行_x0009_末尾 a_x005F_x0041_b</t></si>)"
        // 2: a character outside the BMP as a surrogate pair of escapes; lower-case hex
        R"(<si><t>笑_xD83D__xde00_</t></si>)"
        // 3: kept spaces; 4: spaces Excel drops (no xml:space)
        R"(<si><t xml:space="preserve">  两端空格  </t></si><si><t>  不保留  </t></si>)"
        // 5: not an escape (no closing underscore, not hex)
        R"(<si><t>_x00_ _xZZZZ_ _x12345</t></si>)"
        // 6: CDATA and entities
        R"(<si><t><![CDATA[<甲&乙>]]> &amp; &#x4E19;</t></si>)");
    const std::string sheet = worksheet(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>)"
        R"(<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>)"
        R"(<row r="2"><c r="A2" t="inlineStr"><is><r><t>内联</t></r><r><t xml:space="preserve"> 富文本</t></r>)"
        R"(<rPh sb="0" eb="1"><t>ナイ</t></rPh></is></c>)"
        R"(<c r="B2" t="inlineStr"><is><t>换行_x000D_</t></is></c></row>)");
    const auto wb = read_parts(one_sheet_book(sheet, strings));
    const auto& s = wb.sheets.at(0);
    check_text(s, "A1", "许昌 某某有限公司");
    check_text(s, "B1", "第一行\r\n第二行\t末尾 a_x0041_b");
    check_text(s, "C1", "笑\xF0\x9F\x98\x80");
    check_text(s, "D1", "  两端空格  ");
    check_text(s, "E1", "不保留");
    check_text(s, "F1", "_x00_ _xZZZZ_ _x12345");
    check_text(s, "G1", "<甲&乙> & 丙");
    check_text(s, "A2", "内联 富文本");
    check_text(s, "B2", "换行\r");
}

TEST_CASE("xlsx reader: every cell type, formulas and empty cells") {
    const std::string strings = sst("<si><t>共享</t></si><si><t></t></si>");
    const std::string sheet = worksheet(
        R"(<row r="1">)"
        R"(<c r="A1" t="s"><v>0</v></c>)"                         // shared string
        R"(<c r="B1" t="inlineStr"><is><t>内联</t></is></c>)"     // inline string
        R"(<c r="C1" t="str"><f>"甲"&amp;"乙"</f><v>甲乙</v></c>)"  // formula string result
        R"(<c r="D1" t="b"><v>0</v></c>)"                         // boolean
        R"(<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>)"         // error
        R"(<c r="F1" t="n"><v>12</v></c>)"                        // number, t="n"
        R"(<c r="G1"><v>1E-3</v></c>)"                            // number, no t
        R"(<c r="H1" t="d"><v>2026-03-15T00:00:00</v></c>)"       // ISO date
        R"(<c r="I1" s="0"/>)"                                    // empty
        R"(<c r="J1"><v></v></c>)"                                // empty value
        R"(<c r="K1" t="s"><v>1</v></c>)"                         // an empty shared string
        R"(<c r="L1" t="str"><f>""</f><v></v></c>)"               // formula giving ""
        R"(<c r="M1"><v> -0.5 </v></c>)"                          // spaces around a number
        R"(</row><row r="2">)"
        R"(<c r="A2"><f t="shared" ref="A2:C2" si="0">F1*2</f><v>24</v></c>)"
        R"(<c r="B2"><f t="shared" si="0"/><v>0.002</v></c>)"
        R"(<c r="C2"><f t="shared" si="0"/></c>)"                 // no cached value
        R"(</row>)");
    const auto wb = read_parts(one_sheet_book(sheet, strings));
    const auto& s = wb.sheets.at(0);

    check_text(s, "A1", "共享");
    check_text(s, "B1", "内联");
    check_text(s, "C1", "甲乙");
    CHECK(cell(s, "C1").formula == "\"甲\"&\"乙\"");
    CHECK(cell(s, "D1").type == Type::Boolean);
    CHECK(cell(s, "D1").text == "FALSE");
    CHECK(cell(s, "D1").number == 0);
    CHECK(cell(s, "E1").type == Type::Error);
    CHECK(cell(s, "E1").text == "#DIV/0!");
    CHECK(cell(s, "E1").has_formula);
    check_number(s, "F1", 12);
    CHECK(cell(s, "F1").text == "12");
    check_number(s, "G1", 0.001);
    CHECK(cell(s, "G1").text == "1E-3");
    CHECK_FALSE(cell(s, "G1").has_formula);
    check_text(s, "H1", "2026-03-15T00:00:00");
    CHECK(is_empty(s, "I1"));
    CHECK(is_empty(s, "J1"));
    CHECK(is_empty(s, "K1"));
    // A formula without a value is kept, so the caller can ask for the file to be recalculated.
    CHECK(cell(s, "L1").type == Type::Empty);
    CHECK(cell(s, "L1").has_formula);
    check_number(s, "M1", -0.5);
    CHECK(cell(s, "M1").text == "-0.5");

    CHECK(cell(s, "A2").formula == "F1*2");
    check_number(s, "A2", 24);
    CHECK(cell(s, "B2").has_formula);
    CHECK(cell(s, "B2").formula.empty());
    check_number(s, "B2", 0.002);
    CHECK(cell(s, "C2").has_formula);
    CHECK(cell(s, "C2").type == Type::Empty);
    CHECK(s.cells.size() == 13);
}

TEST_CASE("xlsx reader: rows and cells without r are placed by their order") {
    const std::string sheet = worksheet(
        R"(<row><c><v>1</v></c><c><v>2</v></c></row>)"             // row 1: A1 B1
        R"(<row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c></row>)"  // C3, then D3
        R"(<row><c/><c><v>5</v></c></row>)"                       // row 4: A4 empty, B4
        R"(<row r="6"/>)"
        R"(<row><c r="E7"><v>7</v></c></row>)");                  // row 7
    const auto wb = read_parts(one_sheet_book(sheet));
    const auto& s = wb.sheets.at(0);
    check_number(s, "A1", 1);
    check_number(s, "B1", 2);
    check_number(s, "C3", 3);
    check_number(s, "D3", 4);
    CHECK(is_empty(s, "A4"));
    check_number(s, "B4", 5);
    check_number(s, "E7", 7);
    CHECK(s.cells.size() == 6);
    CHECK(s.max_row() == 7);
    CHECK(s.max_col() == 5);
}

TEST_CASE("xlsx reader: a chart sheet is listed without cells") {
    auto parts = one_sheet_book(worksheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"));
    parts[2].data = kXmlHead + "<workbook " + kMain + " " + kRelNs +
                    R"(><sheets><sheet name="评分" sheetId="1" r:id="rId1"/><sheet name="图表" sheetId="2" r:id="rId5"/>)"
                    R"(</sheets></workbook>)";
    parts[3].data = kXmlHead + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
                    R"(<Relationship Id="rId1" Type=")" + kRelTypes + R"(worksheet" Target="worksheets/sheet1.xml"/>)" +
                    R"(<Relationship Id="rId5" Type=")" + kRelTypes + R"(chartsheet" Target="chartsheets/sheet1.xml"/>)" +
                    "</Relationships>";
    parts.push_back({"xl/chartsheets/sheet1.xml", kXmlHead + "<chartsheet " + kMain + "/>"});
    const auto wb = read_parts(parts);
    REQUIRE(wb.sheets.size() == 2);
    CHECK(wb.sheets[0].worksheet);
    CHECK_FALSE(wb.sheets[1].worksheet);
    CHECK(wb.sheets[1].name == "图表");
    CHECK(wb.sheets[1].cells.empty());
}

// ---- files that are not workbooks ---------------------------------------------------------------

TEST_CASE("xlsx reader: files that are not xlsx are refused with what they are") {
    TempDir tmp;
    SECTION("a text file named .xlsx") {
        const auto f = tmp.write("E01.xlsx", "专家,得分\n张三,87\n");
        const auto e = error_of(f);
        CHECK(std::string(e.what()) == "scores/E01.xlsx：不是有效的 XLSX 文件（无法作为 zip 打开）");
        CHECK(e.file() == "scores/E01.xlsx");
        CHECK(e.part().empty());
    }
    SECTION("an encrypted workbook or an old .xls (OLE compound file)") {
        std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        ole += std::string(504, '\0');
        const auto f = tmp.write("E01.xlsx", ole);
        CHECK(std::string(error_of(f).what()) == "scores/E01.xlsx：文件已加密或为旧版 .xls，请另存为 .xlsx");
    }
    SECTION("an empty file") {
        const auto f = tmp.write("E01.xlsx", "");
        CHECK(contains(error_of(f).what(), "文件为空"));
    }
    SECTION("a missing file") {
        CHECK(std::string(error_of(tmp.path() / "nowhere.xlsx").what()) == "scores/E01.xlsx：文件不存在或无法访问");
    }
    SECTION("a truncated download") {
        const auto full = tmp.path() / "full.xlsx";
        write_libxlsxwriter_book(full);
        const std::string bytes = read_file(full);
        const auto f = tmp.write("E01.xlsx", bytes.substr(0, bytes.size() / 2));
        CHECK(std::string(error_of(f).what()) ==
              "scores/E01.xlsx：不是有效的 XLSX 文件（zip 结构不完整或已损坏，文件可能没有完整保存或下载）");
    }
    SECTION("a zip that is not a workbook") {
        const auto f = tmp.path() / "E01.xlsx";
        write_zip(f, {{"word/document.xml", "<w/>"}, {"readme.txt", "hello"}});
        const auto e = error_of(f);
        CHECK(contains(e.what(), "scores/E01.xlsx：缺少工作簿目录 xl/workbook.xml，不是 Excel 工作簿"));
    }
    SECTION("a shown name with a control character is escaped") {
        const auto f = tmp.write("E01.xlsx", "not a zip");
        const std::string what = error_of(f, "scores/E\x07" "01.xlsx").what();
        CHECK(contains(what, "scores/E\\u000701.xlsx："));
        CHECK_FALSE(contains(what, "\x07"));
    }
}

TEST_CASE("xlsx reader: a damaged zip entry is refused naming its part") {
    TempDir tmp;
    const auto f = tmp.path() / "E01.xlsx";
    // Enough cells that the sheet's compressed data is long.
    std::string rows;
    for (int r = 1; r <= 400; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
                std::to_string(r * 7919 % 1000) + "</v></c></row>";
    write_zip(f, one_sheet_book(worksheet(rows)));
    std::string bytes = read_file(f);
    // The sheet's local header, then its data: flip bytes in the middle of the data.
    const auto at = bytes.find("xl/worksheets/sheet1.xml");
    REQUIRE(at != std::string::npos);
    for (std::size_t i = at + 100; i < at + 140; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    write_bytes(f, bytes);
    const auto e = error_of(f);
    INFO(e.what());
    CHECK(e.part() == "xl/worksheets/sheet1.xml");
    CHECK(contains(e.what(), "scores/E01.xlsx：工作表“评分”（xl/worksheets/sheet1.xml）"));
    CHECK(contains(e.what(), "已损坏"));
}

TEST_CASE("xlsx reader: malformed XML is refused naming the part, line and column") {
    SECTION("a sheet") {
        const auto e = error_of_parts(one_sheet_book(worksheet("\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));
        CHECK(e.part() == "xl/worksheets/sheet1.xml");
        CHECK(std::string(e.what()) ==
              "scores/E01.xlsx：工作表“评分”（xl/worksheets/sheet1.xml）不是格式正确的 XML（第 3 行第 32 列："
              "结束标签与开始标签不匹配或缺少结束标签），文件已损坏");
    }
    SECTION("the shared strings") {
        const auto e = error_of_parts(
            one_sheet_book(worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"), sst("<si><t>甲</si>")));
        CHECK(e.part() == "xl/sharedStrings.xml");
        CHECK(contains(e.what(), "共享字符串表（xl/sharedStrings.xml）不是格式正确的 XML"));
    }
    SECTION("the workbook") {
        auto parts = one_sheet_book(worksheet(""));
        parts[2].data = "<workbook><sheets>";
        const auto e = error_of_parts(parts);
        CHECK(contains(e.what(), "工作簿目录（xl/workbook.xml）不是格式正确的 XML"));
    }
    SECTION("a sheet part that is not a worksheet") {
        const auto e = error_of_parts(one_sheet_book(kXmlHead + "<html><body/></html>"));
        CHECK(contains(e.what(), "工作表“评分”（xl/worksheets/sheet1.xml）的内容不对（根元素是 <html>，应为 <worksheet>）"));
    }
    SECTION("a sheet name with a control character is shown escaped") {
        const auto e = error_of_parts(one_sheet_book("<worksheet>", "", "评分&#7;"));
        const std::string what = e.what();
        CHECK(contains(what, "工作表“评分\\u0007”"));
        CHECK_FALSE(contains(what, "\x07"));
    }
}

TEST_CASE("xlsx reader: cells the file cannot mean are refused naming the sheet and cell") {
    auto sheet_error = [](const std::string& sheet_data, const std::string& strings = "") {
        return std::string(error_of_parts(one_sheet_book(worksheet(sheet_data), strings)).what());
    };
    CHECK(sheet_error(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)") ==
          "scores/E01.xlsx：工作表“评分”（xl/worksheets/sheet1.xml）中的单元格位置 r=“XFE1” 无效（应为 A1 到 "
          "XFD1048576 之间的单元格名）");
    CHECK(contains(sheet_error(R"(<row r="1048577"><c><v>1</v></c></row>)"), "中的行号 r=“1048577” 无效"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>)"),
                   "第 1 行的单元格超过 Excel 的最后一列 XFD"));
    CHECK(sheet_error(R"(<row r="2"><c r="B2" t="s"><v>5</v></c></row>)", sst("<si><t>甲</t></si>")) ==
          "scores/E01.xlsx：工作表“评分”（xl/worksheets/sheet1.xml）单元格 B2 引用的共享字符串序号 “5” "
          "超出范围（共享字符串表只有 1 项），文件已损坏");
    CHECK(contains(sheet_error(R"(<row r="2"><c r="B2" t="s"><v>0</v></c></row>)"), "但文件中没有共享字符串表"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="A1"><v>八十</v></c></row>)"), "单元格 A1 的数值 “八十” 不是数字"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="A1"><v>inf</v></c></row>)"), "不是数字"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="A1" t="b"><v>2</v></c></row>)"), "的逻辑值 “2” 无效"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="A1" t="x"><v>2</v></c></row>)"), "的类型 t=“x” 无法识别"));
    CHECK(contains(sheet_error(R"(<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>)"),
                   "中单元格 A1 出现了不止一次"));
}

TEST_CASE("xlsx reader: a workbook whose sheet list does not hold together is refused") {
    auto parts = one_sheet_book(worksheet(""));
    SECTION("a relationship that is not there") {
        parts[2].data = kXmlHead + "<workbook " + kMain + " " + kRelNs +
                        R"(><sheets><sheet name="评分" sheetId="1" r:id="rId4"/></sheets></workbook>)";
        CHECK(std::string(error_of_parts(parts).what()) ==
              "scores/E01.xlsx：工作表“评分”在 xl/_rels/workbook.xml.rels 中找不到关系 “rId4”（文件已损坏）");
    }
    SECTION("a sheet part that is not in the zip") {
        parts.pop_back();
        CHECK(contains(error_of_parts(parts).what(), "工作表“评分”的部件 xl/worksheets/sheet1.xml 不在文件中"));
    }
    SECTION("a relationship pointing outside the file") {
        parts[3].data = kXmlHead + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
                        R"(<Relationship Id="rId1" Type=")" + kRelTypes + R"(worksheet" Target="../../../etc/passwd"/>)" +
                        "</Relationships>";
        CHECK(std::string(error_of_parts(parts).what()) ==
              "scores/E01.xlsx：工作表“评分”的关系 “rId1” 指向文件之外（文件已损坏）");
    }
    SECTION("two sheets of one name") {
        parts[2].data = kXmlHead + "<workbook " + kMain + " " + kRelNs +
                        R"(><sheets><sheet name="Score" sheetId="1" r:id="rId1"/><sheet name="score" sheetId="2" r:id="rId1"/>)"
                        R"(</sheets></workbook>)";
        CHECK(contains(error_of_parts(parts).what(), "工作表名称 “score” 出现了不止一次"));
    }
    SECTION("an unknown sheet state") {
        parts[2].data = kXmlHead + "<workbook " + kMain + " " + kRelNs +
                        R"(><sheets><sheet name="评分" sheetId="1" state="gone" r:id="rId1"/></sheets></workbook>)";
        CHECK(contains(error_of_parts(parts).what(), "的显示状态 state=“gone” 无法识别"));
    }
}

TEST_CASE("xlsx reader: an entry encrypted with a zip password is refused") {
    TempDir tmp;
    const auto f = tmp.path() / "E01.xlsx";
    const auto parts = one_sheet_book(worksheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"));
    zipFile z = zipOpen64(f.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& p : parts) add_entry(z, p, p.name == "xl/worksheets/sheet1.xml" ? "secret" : nullptr);
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
    CHECK(std::string(error_of(f).what()) ==
          "scores/E01.xlsx：工作表“评分”（xl/worksheets/sheet1.xml）已用 zip 密码加密，请去掉密码后另存为 .xlsx");
}

// ---- limits --------------------------------------------------------------------------------------

TEST_CASE("xlsx reader: limits on size, tags and cells") {
    // 2 MiB of sheet XML (whitespace between rows), compressed to a few KiB.
    std::string big = R"(<row r="1"><c r="A1"><v>1</v></c></row>)" + std::string(2u << 20, ' ');
    ReadLimits limits;
    limits.max_part_bytes = 1u << 20;

    SECTION("a part larger than the limit") {
        const auto e = error_of_parts(one_sheet_book(worksheet(big)), limits);
        INFO(e.what());
        CHECK(e.part() == "xl/worksheets/sheet1.xml");
        CHECK(contains(e.what(), "工作表“评分”（xl/worksheets/sheet1.xml）解压后有 "));
        CHECK(contains(e.what(), "超过 1 MiB 的上限（文件过大或已损坏）"));
    }
    SECTION("a part whose zip header understates its size") {
        // The header says 1000 bytes, the data inflates to 2 MiB: refused, never read whole.
        TempDir tmp;
        const auto f = tmp.path() / "E01.xlsx";
        const std::string xml = worksheet(big);
        zipFile z = zipOpen64(f.c_str(), APPEND_STATUS_CREATE);
        REQUIRE(z != nullptr);
        for (const auto& p : one_sheet_book(xml)) {
            if (p.name != "xl/worksheets/sheet1.xml") {
                add_entry(z, p);
                continue;
            }
            zip_fileinfo info{};
            REQUIRE(zipOpenNewFileInZip2(z, p.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1) ==
                    ZIP_OK);
            const std::string raw = deflate_raw(p.data);
            REQUIRE(zipWriteInFileInZip(z, raw.data(), static_cast<unsigned>(raw.size())) == ZIP_OK);
            const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size()));
            REQUIRE(zipCloseFileInZipRaw(z, 1000, crc) == ZIP_OK);
        }
        REQUIRE(zipClose(z, nullptr) == ZIP_OK);
        const auto e = error_of(f, "scores/E01.xlsx", limits);
        INFO(e.what());
        CHECK(e.part() == "xl/worksheets/sheet1.xml");
        CHECK(contains(e.what(), "已损坏"));
    }
    SECTION("all parts together larger than the limit") {
        ReadLimits total;
        total.max_total_bytes = 1500;
        const auto e = error_of_parts(one_sheet_book(worksheet(std::string(2000, ' '))), total);
        CHECK(contains(e.what(), "文件各部分解压后合计超过 1500 字节的上限"));
    }
    SECTION("too many cells") {
        ReadLimits few;
        few.max_cells = 5;
        std::string rows;
        for (int r = 1; r <= 6; ++r) rows += "<row><c><v>" + std::to_string(r) + "</v></c></row>";
        CHECK(std::string(error_of_parts(one_sheet_book(worksheet(rows)), few).what()) ==
              "scores/E01.xlsx：单元格超过 5 个的上限，停在工作表“评分”（xl/worksheets/sheet1.xml）单元格 A6");
        // Five are fine.
        few.max_cells = 6;
        TempDir tmp;
        write_zip(tmp.path() / "ok.xlsx", one_sheet_book(worksheet(rows)));
        CHECK(read_xlsx(tmp.path() / "ok.xlsx", "ok.xlsx", few).sheets.at(0).cells.size() == 6);
    }
    SECTION("too many XML tags in a part (a small zip of a huge run of <c/>)") {
        ReadLimits tags;
        tags.max_xml_tags = 10000;
        std::string cells = "<row r=\"1\">";
        for (int i = 0; i < 12000; ++i) cells += "<c/>";
        cells += "</row>";
        const auto e = error_of_parts(one_sheet_book(worksheet(cells)), tags);
        CHECK(contains(e.what(), "工作表“评分”（xl/worksheets/sheet1.xml）的 XML 标签过多（"));
        CHECK(contains(e.what(), "上限 10000 个"));
    }
}
