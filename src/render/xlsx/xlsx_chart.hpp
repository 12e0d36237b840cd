// Native Excel charts over a table of numbers (Sheet::chart_table): the data are
// written as cells (a header row of the category title and the series names, a row
// per category with its label and the numbers; a missing value is an empty cell)
// and the chart refers to exactly those cells, so whoever opens the workbook can
// restyle the chart, or change a number and see it redrawn.
//
// The description mirrors the PDF chart (render/pdf/chart.hpp: Kind, caption,
// categories, series, axis titles, decimals, suffix, show_values, height_mm,
// no_data), so one set of figures can feed both; from_pdf() converts. Radar is
// Excel-only (the seven GB/T 19580 categories).
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace award::pdf {
struct Chart;
}

namespace award::xlsx {

struct ChartSeries {
    std::string name;                            // the header cell over the series' column; the legend
    std::vector<std::optional<double>> values;   // one per category; nullopt: an empty cell, no bar, no point
};

struct Chart {
    enum class Kind {
        Bar,         // one series, clustered columns
        GroupedBar,  // several series side by side in each category (clustered columns)
        StackedBar,  // series stacked in each category (stacked columns)
        Line,        // lines with a marker at each point (a different marker and dash per series), gaps where values are missing
        Radar,       // one closed line per series around the categories, with markers
    };
    enum class Place {
        Right,  // the chart's top at the table's header row, one empty column right of the table
        Below,  // the chart under the table, after one empty row, from column A
    };
    Kind kind = Kind::Bar;
    std::string caption;              // "图1 历年申报与获奖情况": a bold row above the table, and the chart's title
    std::vector<std::string> categories;  // the labels in the table's first column, along the category axis
    std::vector<ChartSeries> series;      // a column each
    std::string value_axis_title;     // "单位：家", "万元", "%"
    std::string category_axis_title;  // optional ("年度")
    std::string category_title;       // the header over the labels; empty: category_axis_title, or "项目" without one
    int decimals = 0;                 // the cells', data labels' and value axis' number format: decimals and a suffix
    std::string suffix;               // ("%": the value 12.5 shows as 12.5%, it is not scaled)
    std::string number_format;        // an Excel number format instead ("#,##0.00"); empty: from decimals and suffix
    bool show_values = true;          // data labels on the bars / points
    double height_mm = 90;            // the chart's size on the sheet (at 96 px per inch)
    double width_mm = 160;
    Place place = Place::Right;
    std::string no_data;              // the note row instead of table and chart when no series has a value; empty: kNoTableData

    // Some series has a value for some category.
    bool has_data() const;
};

inline constexpr const char* kNoTableData = "（本年度无数据，未列表，未绘制图表）";

// Throws std::logic_error when the data do not match the categories (a value count
// other than the number of categories, a Bar with more than one series, a value that
// is not finite) or the size is not positive. Sheet::chart_table calls it before
// writing anything.
void check_chart(const Chart& chart);

// The Excel number format of the chart's cells: "0", "0.0", "0.0\"%\"" (the suffix
// quoted, so "%" does not multiply by 100), or chart.number_format.
std::string number_format(const Chart& chart);

// A sheet name as a formula writes it: always quoted, a quote inside doubled
// ('年度概况', 'O''Brien').
std::string quoted_sheet_name(const std::string& sheet);
// Absolute references as a chart's series formulas use them (rows and columns from
// 0): ='年度概况'!$B$3 and ='年度概况'!$B$3:$B$7.
std::string cell_formula(const std::string& sheet, unsigned row, unsigned col);
std::string range_formula(const std::string& sheet, unsigned first_row, unsigned first_col, unsigned last_row,
                          unsigned last_col);

// The same figures as a PDF chart describes them (texts without their provenance);
// kind Bar, GroupedBar, StackedBar and Line keep their names, the place is Right.
Chart from_pdf(const pdf::Chart& chart);

}  // namespace award::xlsx
