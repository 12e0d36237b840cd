// A thin RAII layer over libxlsxwriter for the office's list-like workbooks: a
// styled, frozen header row; column widths fitted to the content; A4 landscape
// printing with the header row repeated; deterministic files (fixed creation
// date). Every value is written as a typed cell, never as a formula, whatever the
// user's text holds.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/date.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace award::xlsx {
struct Chart;
}

namespace award {

struct Cell {
    enum class Kind { Text, Wrapped, Number, Date } kind = Kind::Text;
    std::string text_value;
    double number_value = 0;
    Date date_value;
    std::string number_format;  // Number: an Excel number format, e.g. "0.0" or "#,##0" ("": General)
    bool marked = false;        // shaded (e.g. 回避: a score that is not there and does not count)
    bool strong = false;        // bold (e.g. an aggregate or a total row)

    static Cell text_of(std::string s, Kind k) { Cell c; c.kind = k; c.text_value = std::move(s); return c; }
    static Cell text(std::string s) { return text_of(std::move(s), Kind::Text); }
    static Cell wrapped(std::string s) { return text_of(std::move(s), Kind::Wrapped); }
    static Cell number(double v) { Cell c; c.kind = Kind::Number; c.number_value = v; return c; }
    static Cell number(double v, std::string format) { Cell c = number(v); c.number_format = std::move(format); return c; }
    static Cell date(Date d) { Cell c; c.kind = Kind::Date; c.date_value = d; return c; }
    // A shaded text cell ("" leaves it blank but shaded).
    static Cell marked_text(std::string s) { Cell c = text(std::move(s)); c.marked = true; return c; }
    Cell bold() const { Cell c = *this; c.strong = true; return c; }
};

class Workbook;

class Sheet {
public:
    // A title may hold line breaks ("4.1.1\n（70分）"): the row grows to show every line.
    void header(const std::vector<std::string>& titles);
    void row(const std::vector<Cell>& cells);
    void note_row(const std::string& text);  // a single merged line of explanation
    void warning_row(const std::string& text);  // a line in bold red (Workbook::set_warnings)
    // A block of its own under what the sheet holds so far (xlsx_chart.hpp): the
    // caption in a bold row; the chart's data as a table (a header row of the
    // category title and the series names, a row per category: its label and the
    // numbers, a missing value an empty cell); a native chart over exactly those
    // cells, right of or under the table as chart.place says; an empty row. When no
    // series has a value: the caption, then chart.no_data (or kNoTableData) as a
    // note row — no table, no chart. Returns whether a chart was inserted. Throws
    // std::logic_error as xlsx::check_chart does. Blocks stack down the sheet; the
    // next row, note or block starts under the chart. Call it instead of header():
    // the sheet does not freeze or repeat a header row.
    bool chart_table(const xlsx::Chart& chart);
    void finish();                           // sets the column widths

private:
    friend class Workbook;
    Sheet(Workbook& wb, lxw_worksheet* ws, std::string name, std::string print_title)
        : wb_(wb), ws_(ws), name_(std::move(name)), print_title_(std::move(print_title)) {}
    void fit(std::size_t col, const std::string& text);

    Workbook& wb_;
    lxw_worksheet* ws_;
    std::string name_;  // as formulas refer to the sheet (chart ranges)
    std::string print_title_;
    std::vector<double> widths_;
    std::vector<bool> wrapped_;
    unsigned row_ = 0;
};

class Workbook {
public:
    // Writes to `out` when close() is called. `created` becomes the file's creation date.
    Workbook(const std::filesystem::path& out, const std::string& title, const std::string& author, const Date& created);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    // Lines every sheet added afterwards starts with, above its header (e.g. the
    // operator's confirmation that an expired policy pack was applied). None by default.
    void set_warnings(std::vector<std::string> lines) { warnings_ = std::move(lines); }
    Sheet add_sheet(const std::string& name, const std::string& print_title);
    void close();  // throws std::runtime_error naming the file on failure

private:
    friend class Sheet;
    lxw_format* format_for(const Cell& c);  // the plain formats above, or a variant made on first use
    std::filesystem::path path_;
    std::string title_, author_;
    lxw_workbook* wb_ = nullptr;
    lxw_format* header_ = nullptr;
    lxw_format* text_ = nullptr;
    lxw_format* wrap_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_format* number_ = nullptr;
    lxw_format* note_ = nullptr;
    lxw_format* warning_ = nullptr;  // made on first use: workbooks without warnings keep their bytes
    lxw_format* caption_ = nullptr;  // a chart table's bold caption row; made on first use likewise
    std::vector<std::string> warnings_;
    std::map<std::tuple<int, std::string, bool, bool>, lxw_format*> variants_;  // (kind, number format, marked, strong)
};

// The office's plain cell: 宋体 11 pt, vertically centred, with a thin border if asked;
// every workbook's formats start from it.
lxw_format* make_format(lxw_workbook* wb, bool border);

// Display width of text in Excel's character units: CJK and full-width characters count 2.
double display_width(const std::string& utf8);

}  // namespace award
