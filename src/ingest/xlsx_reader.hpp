// Reading the cells of an .xlsx workbook (Office Open XML, as saved by Excel, WPS or
// LibreOffice): reviewers' score sheets, the office's applicants.xlsx.
//
// Generic and defensive: sheets are found through workbook.xml and its relationships
// (never by guessing sheetN.xml), every part is inflated under a size limit whatever
// the zip headers say, and anything wrong with the file is one XlsxReadError whose
// message (Chinese) names the file, the part or sheet, and what is wrong. The reader
// does not interpret the cells: deciding what a value means is the caller's job.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/date.hpp"

namespace award::xlsx {

inline constexpr int kMaxRows = 1048576;  // Excel's last row
inline constexpr int kMaxCols = 16384;    // Excel's last column, XFD

struct CellValue {
    enum class Type { Empty, Number, Text, Boolean, Error };
    Type type = Type::Empty;
    // Text: the string (shared, inline or formula string result), _xHHHH_ escapes
    // decoded; Number: the XML lexical form as stored ("12", "0.5", "1E-3");
    // Boolean: "TRUE"/"FALSE"; Error: as stored ("#DIV/0!"); Type::Text of t="d":
    // the ISO 8601 date text.
    std::string text;
    double number = 0;  // Number (and Boolean 1/0)
    // Non-empty when the cell has <f> with text (the value is the cached result).
    // The cells sharing a shared formula other than its first have has_formula and
    // an empty formula.
    std::string formula;
    bool has_formula = false;
    // The cell's number format (from styles.xml): its id and its code ("General",
    // "0.00", "yyyy\"年\"m\"月\"d\"日\""...). 0 and "General" when the cell has no style.
    int num_fmt_id = 0;
    std::string number_format = "General";

    // A Number shown as a date or time by its format (Excel stores dates as serial
    // numbers: 45292 is 2024-01-01, see WorkbookData::date1904).
    bool looks_like_date() const;
};

// Excel's serial day number as a date (1900 system: 1 is 1900-01-01 and the non-existent
// 1900-02-29 is 60; 1904 system: 0 is 1904-01-01). nullopt for a fraction (a time), a
// negative number, 60 in the 1900 system, or beyond 9999-12-31.
std::optional<Date> serial_date(double serial, bool date1904);

// True when number format `id` / `code` shows a date or time (the built-in date ids
// 14–22, 45–47 and the Chinese/Japanese/Korean ones 27–36, 50–58, or a custom code
// with y, m, d, h or s outside quotes, brackets and escapes).
bool is_date_format(int id, std::string_view code);

// A rectangle of cells, 1-based and inclusive (a merged range).
struct CellRange {
    int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct SheetData {
    enum class Visibility { Visible, Hidden, VeryHidden };
    std::string name;  // as in workbook.xml
    Visibility visibility = Visibility::Visible;
    // False for chart, dialog and macro sheets: they are listed, their cells are not read.
    bool worksheet = true;
    std::string part;  // the zip part of the sheet, e.g. "xl/worksheets/sheet1.xml"
    // (row, col), 1-based. Only cells with a value (an empty string is no value: a
    // cell that shows nothing is not here), and cells with a formula but no value
    // (Type::Empty, has_formula: a formula giving "", or one written by a program that
    // does not calculate, e.g. openpyxl; the file must be opened and saved in Excel).
    std::map<std::pair<int, int>, CellValue> cells;
    std::vector<CellRange> merged;  // merged ranges (the value is in the top-left cell)

    const CellValue* at(int row, int col) const;  // nullptr when there is no such cell
    int max_row() const;                          // 0 when there are no cells
    int max_col() const;                          // 0 when there are no cells
};

struct WorkbookData {
    std::vector<SheetData> sheets;  // in workbook order (the order of the tabs)
    bool date1904 = false;          // serial dates count from 1904-01-01 (old Mac Excel)
    const SheetData* find(const std::string& name) const;  // exact name; nullptr when absent
};

// "A", "B", ... "Z", "AA", ... "XFD". Throws std::out_of_range below 1.
std::string column_name(int col);
// (12, 2) -> "B12". Throws std::out_of_range below 1.
std::string cell_name(int row, int col);
// "B12" -> (12, 2); false when `ref` is not a cell reference (letters then digits, no
// "$") or is beyond XFD1048576.
bool parse_cell_name(std::string_view ref, int& row, int& col);

// What a file may cost before it is refused. The defaults are far above any real score
// sheet or list of applicants; tests lower them.
struct ReadLimits {
    std::uint64_t max_part_bytes = 64ull << 20;    // one part, inflated
    std::uint64_t max_total_bytes = 256ull << 20;  // all parts read, inflated
    std::size_t max_cells = 2'000'000;             // cells kept, whole workbook
    std::size_t max_xml_tags = 10'000'000;         // '<' in one part, counted before parsing
    std::size_t max_zip_entries = 10'000;
};

// The file cannot be read as a workbook. what(): "<shown name>：<detail>", e.g.
// "scores/a.xlsx：不是有效的 XLSX 文件（无法作为 zip 打开）". Values quoted from the
// file are shown with control characters escaped and cut when long.
class XlsxReadError : public std::runtime_error {
public:
    XlsxReadError(std::string file, std::string part, std::string detail);
    const std::string& file() const { return file_; }      // the shown name
    const std::string& part() const { return part_; }      // zip part ("" for the file as a whole)
    const std::string& detail() const { return detail_; }  // the message without the file name

private:
    std::string file_, part_, detail_;
};

// Reads every sheet of `file`. `shown_name` is how messages name the file (e.g.
// "scores/E01.xlsx"). Throws XlsxReadError.
WorkbookData read_xlsx(const std::filesystem::path& file, const std::string& shown_name,
                       const ReadLimits& limits = {});

}  // namespace award::xlsx
