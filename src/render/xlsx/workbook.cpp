#include "render/xlsx/workbook.hpp"
#include "model/utf8.hpp"

#include <algorithm>
#include <ctime>
#include <stdexcept>

#include <xlsxwriter.h>

namespace award {

namespace {

// Widths (Excel character units) a column never goes below or above.
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;
constexpr double kWrappedMaxWidth = 80;
constexpr double kLineHeight = 15;  // points per line of 11 pt text
constexpr lxw_color_t kMarkedFill = 0xD9D9D9;  // light grey: a marked cell


// The plain format of a kind of cell (the variants start from it).
lxw_format* kind_format(lxw_workbook* wb, Cell::Kind kind) {
    lxw_format* f = make_format(wb, true);
    switch (kind) {
    case Cell::Kind::Text:
        format_set_num_format(f, "@");  // text: long digit strings stay as typed
        break;
    case Cell::Kind::Wrapped:
        format_set_text_wrap(f);
        break;
    case Cell::Kind::Date:
        format_set_num_format(f, "yyyy-mm-dd");
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
    case Cell::Kind::Number:
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
    }
    return f;
}

void check(lxw_error err, const std::filesystem::path& path, const char* what) {
    if (err != LXW_NO_ERROR)
        throw std::runtime_error("写入 " + path.string() + " 失败（" + what + "）：" + lxw_strerror(err));
}

}  // namespace

lxw_format* make_format(lxw_workbook* wb, bool border) {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    return f;
}

double display_width(const std::string& s) {
    double w = 0;
    for (auto ch : utf8::characters(s)) w += ch.size() >= 3 ? 2.1 : 1.1;  // CJK and full-width: 3 bytes or more
    return w;
}

Workbook::Workbook(const std::filesystem::path& out, const std::string& title, const std::string& author,
                   const Date& created)
    : path_(out), title_(title), author_(author) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    wb_ = workbook_new_opt(path_.c_str(), &options);
    if (!wb_) throw std::runtime_error("无法创建 " + path_.string());

    lxw_doc_properties props{};
    props.title = title_.data();
    props.author = author_.data();
    props.company = author_.data();
    std::tm tm{};
    tm.tm_year = created.year() - 1900;
    tm.tm_mon = int(created.month()) - 1;
    tm.tm_mday = int(created.day());
    tm.tm_hour = 12;
    props.created = timegm(&tm);  // fixed: the same input gives the same bytes
    workbook_set_properties(wb_, &props);

    header_ = make_format(wb_, true);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_text_wrap(header_);
    text_ = kind_format(wb_, Cell::Kind::Text);
    wrap_ = kind_format(wb_, Cell::Kind::Wrapped);
    date_ = kind_format(wb_, Cell::Kind::Date);
    number_ = kind_format(wb_, Cell::Kind::Number);
    note_ = make_format(wb_, false);
}

lxw_format* Workbook::format_for(const Cell& c) {
    const bool plain_number = c.kind != Cell::Kind::Number || c.number_format.empty();
    if (plain_number && !c.marked && !c.strong) {
        switch (c.kind) {
        case Cell::Kind::Text: return text_;
        case Cell::Kind::Wrapped: return wrap_;
        case Cell::Kind::Date: return date_;
        case Cell::Kind::Number: return number_;
        }
    }
    const auto key = std::make_tuple(int(c.kind), plain_number ? std::string() : c.number_format, c.marked, c.strong);
    auto it = variants_.find(key);
    if (it != variants_.end()) return it->second;
    lxw_format* f = kind_format(wb_, c.kind);  // made on first use: workbooks without variants keep their bytes
    if (!plain_number) format_set_num_format(f, c.number_format.c_str());
    if (c.marked) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, kMarkedFill);
    }
    if (c.strong) format_set_bold(f);
    variants_.emplace(key, f);
    return f;
}

Workbook::~Workbook() {
    if (wb_) {
        // Closing writes the file; an unclosed workbook means an error path: drop the partial file.
        workbook_close(wb_);
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
}

Sheet Workbook::add_sheet(const std::string& name, const std::string& print_title) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("无法在 " + path_.string() + " 中添加工作表 " + name);
    Sheet sheet(*this, ws, name, print_title);
    for (const auto& line : warnings_) sheet.warning_row(line);
    return sheet;
}

void Workbook::close() {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    check(err, path_, "关闭工作簿");
}

void Sheet::fit(std::size_t col, const std::string& text) {
    if (widths_.size() <= col) {
        widths_.resize(col + 1, kMinWidth);
        wrapped_.resize(col + 1, false);
    }
    // A wrapped cell is as wide as its longest line.
    double w = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        w = std::max(w, display_width(text.substr(start, end - start)));
        start = end + 1;
    }
    widths_[col] = std::max(widths_[col], w + 2);
}

void Sheet::header(const std::vector<std::string>& titles) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        worksheet_write_string(ws_, lxw_row_t(row_), lxw_col_t(i), titles[i].c_str(), wb_.header_);
        fit(i, titles[i]);
        lines = std::max(lines, std::size_t(std::count(titles[i].begin(), titles[i].end(), '\n')) + 1);
    }
    worksheet_set_row(ws_, lxw_row_t(row_), std::max(24.0, kLineHeight * double(lines) + 6), nullptr);
    worksheet_freeze_panes(ws_, lxw_row_t(row_ + 1), 0);
    worksheet_repeat_rows(ws_, lxw_row_t(row_), lxw_row_t(row_));
    ++row_;
}

void Sheet::row(const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        const auto r = lxw_row_t(row_);
        const auto col = lxw_col_t(i);
        switch (c.kind) {
        case Cell::Kind::Number:
            worksheet_write_number(ws_, r, col, c.number_value, wb_.format_for(c));
            fit(i, c.number_format.empty() ? "0000" : "000,000.0");
            break;
        case Cell::Kind::Date: {
            lxw_datetime dt{int(c.date_value.year()), int(c.date_value.month()), int(c.date_value.day()), 0, 0, 0};
            worksheet_write_datetime(ws_, r, col, &dt, wb_.format_for(c));
            fit(i, "2026-01-01");
            break;
        }
        case Cell::Kind::Wrapped:
            worksheet_write_string(ws_, r, col, c.text_value.c_str(), wb_.format_for(c));
            if (wrapped_.size() <= i) wrapped_.resize(i + 1, false);
            fit(i, c.text_value);
            wrapped_[i] = true;
            break;
        case Cell::Kind::Text:
            // An empty string is a blank cell that keeps its format (a marked cell with nothing in it).
            if (c.text_value.empty()) worksheet_write_blank(ws_, r, col, wb_.format_for(c));
            else worksheet_write_string(ws_, r, col, c.text_value.c_str(), wb_.format_for(c));
            fit(i, c.text_value);
            break;
        }
    }
    ++row_;
}

void Sheet::note_row(const std::string& text) {
    worksheet_write_string(ws_, lxw_row_t(row_), 0, text.c_str(), wb_.note_);
    ++row_;
}

void Sheet::warning_row(const std::string& text) {
    if (!wb_.warning_) {
        wb_.warning_ = make_format(wb_.wb_, false);
        format_set_bold(wb_.warning_);
        format_set_font_color(wb_.warning_, LXW_COLOR_RED);
    }
    worksheet_write_string(ws_, lxw_row_t(row_), 0, text.c_str(), wb_.warning_);
    ++row_;
}

void Sheet::finish() {
    for (std::size_t i = 0; i < widths_.size(); ++i) {
        double cap = wrapped_.size() > i && wrapped_[i] ? kWrappedMaxWidth : kMaxWidth;
        worksheet_set_column(ws_, lxw_col_t(i), lxw_col_t(i), std::min(widths_[i], cap), nullptr);
    }
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    std::string title;  // '&' starts a header code in Excel: double it
    for (char ch : print_title_) title += ch == '&' ? std::string("&&") : std::string(1, ch);
    // The space ends the font size: "&14" followed by "2026年…" would read as size 142026.
    const std::string header = "&C&\"宋体,Bold\"&14 " + title;
    worksheet_set_header(ws_, header.c_str());
    worksheet_set_footer(ws_, "&C第 &P 页，共 &N 页");
}

}  // namespace award
