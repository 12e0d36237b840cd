#include "render/xlsx/xlsx_chart.hpp"
#include "render/pdf/chart.hpp"
#include "render/xlsx/workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <stdexcept>

#include <xlsxwriter.h>

namespace award::xlsx {

bool Chart::has_data() const {
    for (const auto& s : series)
        for (const auto& v : s.values)
            if (v) return true;
    return false;
}

void check_chart(const Chart& c) {
    const std::string what = "chart \"" + c.caption + "\": ";
    if (!(c.height_mm > 0) || !std::isfinite(c.height_mm) || !(c.width_mm > 0) || !std::isfinite(c.width_mm))
        throw std::logic_error(what + "its width and height must be positive");
    if (c.decimals < 0 || c.decimals > 10) throw std::logic_error(what + "decimals must be 0 to 10");
    if (c.kind == Chart::Kind::Bar && c.series.size() > 1)
        throw std::logic_error(what + "a Bar chart has one series; use GroupedBar or StackedBar for " +
                               std::to_string(c.series.size()));
    for (const auto& s : c.series) {
        if (s.values.size() != c.categories.size())
            throw std::logic_error(what + "series \"" + s.name + "\" has " + std::to_string(s.values.size()) +
                                   " values for " + std::to_string(c.categories.size()) + " categories");
        for (const auto& v : s.values)
            if (v && !std::isfinite(*v)) throw std::logic_error(what + "series \"" + s.name + "\" has a value that is not a number");
    }
}

std::string number_format(const Chart& c) {
    if (!c.number_format.empty()) return c.number_format;
    std::string f = c.decimals > 0 ? "0." + std::string(std::size_t(c.decimals), '0') : "0";
    if (!c.suffix.empty()) {
        std::string quoted;  // a literal in quotes ("%" outside them would multiply by 100)
        for (char ch : c.suffix)
            if (ch != '"') quoted += ch;
        f += "\"" + quoted + "\"";
    }
    return f;
}

std::string quoted_sheet_name(const std::string& sheet) {
    std::string q = "'";
    for (char ch : sheet) q += ch == '\'' ? std::string("''") : std::string(1, ch);
    return q + "'";
}

namespace {

std::string column_letters(unsigned col) {
    std::string s;
    for (unsigned n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
    return s;
}

std::string absolute(unsigned row, unsigned col) {
    return "$" + column_letters(col) + "$" + std::to_string(row + 1);
}

}  // namespace

std::string cell_formula(const std::string& sheet, unsigned row, unsigned col) {
    return "=" + quoted_sheet_name(sheet) + "!" + absolute(row, col);
}

std::string range_formula(const std::string& sheet, unsigned first_row, unsigned first_col, unsigned last_row,
                          unsigned last_col) {
    return "=" + quoted_sheet_name(sheet) + "!" + absolute(first_row, first_col) + ":" + absolute(last_row, last_col);
}

Chart from_pdf(const pdf::Chart& p) {
    Chart c;
    switch (p.kind) {
    case pdf::Chart::Kind::Bar: c.kind = Chart::Kind::Bar; break;
    case pdf::Chart::Kind::GroupedBar: c.kind = Chart::Kind::GroupedBar; break;
    case pdf::Chart::Kind::StackedBar: c.kind = Chart::Kind::StackedBar; break;
    case pdf::Chart::Kind::Line: c.kind = Chart::Kind::Line; break;
    }
    c.caption = p.caption.str();
    for (const auto& cat : p.categories) c.categories.push_back(cat.str());
    for (const auto& s : p.series) c.series.push_back({s.name.str(), s.values});
    c.value_axis_title = p.value_axis_title.str();
    c.category_axis_title = p.category_axis_title.str();
    c.decimals = p.decimals;
    c.suffix = p.suffix;
    c.show_values = p.show_values;
    c.height_mm = p.height_mm;
    c.no_data = p.no_data.str();
    return c;
}

}  // namespace award::xlsx

namespace award {

namespace {

constexpr double kPxPerMm = 96.0 / 25.4;
constexpr double kDefaultChartWidthPx = 480;   // libxlsxwriter's chart before scaling
constexpr double kDefaultChartHeightPx = 288;
constexpr double kDefaultRowPx = 20;            // 15 pt: every row of a block is at least this tall

lxw_chart_font font(const char* name, double size, bool bold = false, int rotation = 0) {
    lxw_chart_font f{};
    f.name = const_cast<char*>(name);  // libxlsxwriter copies it
    f.size = size;
    f.bold = bold ? 1 : 0;
    f.rotation = rotation;
    return f;
}

// How a number of the table shows, for the column widths.
std::string shown(double v, const xlsx::Chart& c) {
    if (!c.number_format.empty()) return "000,000.00";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, v);
    return buf + c.suffix;
}

}  // namespace

bool Sheet::chart_table(const xlsx::Chart& c) {
    using Kind = xlsx::Chart::Kind;
    xlsx::check_chart(c);

    if (!c.caption.empty()) {
        if (!wb_.caption_) {
            wb_.caption_ = make_format(wb_.wb_, false);
            format_set_bold(wb_.caption_);
            format_set_font_size(wb_.caption_, 12);
        }
        worksheet_write_string(ws_, lxw_row_t(row_), 0, c.caption.c_str(), wb_.caption_);
        ++row_;
    }
    if (!c.has_data()) {
        note_row(c.no_data.empty() ? std::string(xlsx::kNoTableData) : c.no_data);
        ++row_;  // the empty row that ends a block
        return false;
    }

    // The table.
    const unsigned header_row = row_;
    const std::string category_title =
        !c.category_title.empty() ? c.category_title : !c.category_axis_title.empty() ? c.category_axis_title : "项目";
    std::vector<std::string> titles{category_title};
    for (const auto& s : c.series) titles.push_back(s.name);
    std::size_t lines = 1;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        worksheet_write_string(ws_, lxw_row_t(row_), lxw_col_t(i), titles[i].c_str(), wb_.header_);
        fit(i, titles[i]);
        lines = std::max(lines, std::size_t(std::count(titles[i].begin(), titles[i].end(), '\n')) + 1);
    }
    worksheet_set_row(ws_, lxw_row_t(row_), std::max(24.0, 15.0 * double(lines) + 6), nullptr);
    ++row_;

    const std::string format = xlsx::number_format(c);
    lxw_format* number = wb_.format_for(Cell::number(0, format));
    const unsigned first_row = row_;
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        const auto r = lxw_row_t(row_);
        worksheet_write_string(ws_, r, 0, c.categories[i].c_str(), wb_.format_for(Cell::text(c.categories[i])));
        fit(0, c.categories[i]);
        for (std::size_t j = 0; j < c.series.size(); ++j) {
            const auto col = lxw_col_t(j + 1);
            if (const auto& v = c.series[j].values[i]) {
                worksheet_write_number(ws_, r, col, *v, number);
                fit(j + 1, shown(*v, c));
            } else {
                worksheet_write_blank(ws_, r, col, number);  // no value: an empty cell, no bar, no point
            }
        }
        ++row_;
    }
    const unsigned last_row = row_ - 1;

    // The chart over those cells.
    uint8_t type = LXW_CHART_COLUMN;
    switch (c.kind) {
    case Kind::Bar:
    case Kind::GroupedBar: type = LXW_CHART_COLUMN; break;
    case Kind::StackedBar: type = LXW_CHART_COLUMN_STACKED; break;
    case Kind::Line: type = LXW_CHART_LINE; break;
    case Kind::Radar: type = LXW_CHART_RADAR_WITH_MARKERS; break;
    }
    lxw_chart* chart = workbook_add_chart(wb_.wb_, type);
    if (!chart) throw std::runtime_error("无法在 " + wb_.path_.string() + " 中添加图表：" + c.caption);

    lxw_chart_font title_font = font("黑体", 14);
    lxw_chart_font axis_title_font = font("宋体", 10);
    // Level, as the PDF sets it above the axis: "单位：家" reads across (360: an explicit 0°, not Excel's
    // rotated default; East Asian vertical text, 271, is shown rotated by LibreOffice).
    lxw_chart_font value_axis_title_font = font("宋体", 10, false, 360);
    lxw_chart_font axis_font = font("宋体", 9);
    lxw_chart_font label_font = font("宋体", 9);
    lxw_chart_font legend_font = font("宋体", 10);

    // Lines in black-and-white print: a different marker and dash for each series.
    static constexpr uint8_t kMarkers[] = {LXW_CHART_MARKER_CIRCLE, LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_TRIANGLE,
                                           LXW_CHART_MARKER_DIAMOND, LXW_CHART_MARKER_X};
    static constexpr uint8_t kDashes[] = {LXW_CHART_LINE_DASH_SOLID, LXW_CHART_LINE_DASH_DASH,
                                          LXW_CHART_LINE_DASH_ROUND_DOT, LXW_CHART_LINE_DASH_LONG_DASH_DOT,
                                          LXW_CHART_LINE_DASH_LONG_DASH};
    const std::string categories = xlsx::range_formula(name_, first_row, 0, last_row, 0);
    for (std::size_t j = 0; j < c.series.size(); ++j) {
        const auto col = unsigned(j + 1);
        const std::string values = xlsx::range_formula(name_, first_row, col, last_row, col);
        lxw_chart_series* s = chart_add_series(chart, categories.c_str(), values.c_str());
        chart_series_set_name(s, xlsx::cell_formula(name_, header_row, col).c_str());
        if (c.kind == Kind::Line || c.kind == Kind::Radar) {
            chart_series_set_marker_type(s, kMarkers[j % std::size(kMarkers)]);
            chart_series_set_marker_size(s, 6);
            lxw_chart_line line{};
            line.width = 2;
            line.dash_type = kDashes[j % std::size(kDashes)];
            chart_series_set_line(s, &line);
        }
        if (c.show_values) {
            chart_series_set_labels(s);
            chart_series_set_labels_num_format(s, format.c_str());
            chart_series_set_labels_font(s, &label_font);
            switch (c.kind) {
            case Kind::Bar:
            case Kind::GroupedBar: chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END); break;
            case Kind::StackedBar: chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_CENTER); break;
            case Kind::Line: chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_ABOVE); break;
            case Kind::Radar: break;  // Excel places a radar's labels itself
            }
        }
    }

    if (!c.caption.empty()) {
        // A text starting with "=" would be read as a formula.
        const std::string title = c.caption.front() == '=' ? " " + c.caption : c.caption;
        chart_title_set_name(chart, title.c_str());
        chart_title_set_name_font(chart, &title_font);
    }
    if (!c.category_axis_title.empty()) {
        chart_axis_set_name(chart->x_axis, c.category_axis_title.c_str());
        chart_axis_set_name_font(chart->x_axis, &axis_title_font);
    }
    if (!c.value_axis_title.empty()) {
        chart_axis_set_name(chart->y_axis, c.value_axis_title.c_str());
        chart_axis_set_name_font(chart->y_axis, &value_axis_title_font);
    }
    chart_axis_set_num_font(chart->x_axis, &axis_font);
    chart_axis_set_num_font(chart->y_axis, &axis_font);
    chart_axis_set_num_format(chart->y_axis, format.c_str());
    if (c.series.size() > 1) {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        chart_legend_set_font(chart, &legend_font);
    } else {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);  // the caption names the only series
    }

    const double width_px = std::round(c.width_mm * kPxPerMm), height_px = std::round(c.height_mm * kPxPerMm);
    lxw_chart_options options{};
    options.x_scale = width_px / kDefaultChartWidthPx;
    options.y_scale = height_px / kDefaultChartHeightPx;
    options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;  // column widths fitted later do not stretch it
    std::string description = c.caption;
    options.description = description.data();
    const auto rows_spanned = unsigned(std::ceil(height_px / kDefaultRowPx));  // at most: no row is shorter
    unsigned at_row = 0, at_col = 0;
    if (c.place == xlsx::Chart::Place::Right) {
        at_row = header_row;
        at_col = unsigned(c.series.size() + 2);  // one empty column between
        row_ = std::max(last_row + 1, at_row + rows_spanned);
    } else {
        at_row = last_row + 2;  // one empty row between
        at_col = 0;
        row_ = at_row + rows_spanned;
    }
    const lxw_error err = worksheet_insert_chart_opt(ws_, lxw_row_t(at_row), lxw_col_t(at_col), chart, &options);
    if (err != LXW_NO_ERROR)
        throw std::runtime_error("写入 " + wb_.path_.string() + " 失败（插入图表 " + c.caption + "）：" + lxw_strerror(err));
    ++row_;  // the empty row that ends a block
    return true;
}

}  // namespace award
