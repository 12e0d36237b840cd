// Charts drawn as vector graphics in a document (Document::chart): bars, grouped
// bars, stacked bars and lines over categories (years, GB/T 19580 categories),
// with a value axis of round ticks, category labels that wrap or shrink rather
// than overlap, numbers on the bars and points, and a legend. Made to be read in
// black-and-white print: series differ by grey level AND hatching (bars) or by
// dash pattern AND marker shape (lines), never by colour alone.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/layout.hpp"
#include "render/pdf/pdf_file.hpp"

namespace award::pdf {

struct ChartSeries {
    Text name;                                   // in the legend (shown when there is more than one series)
    std::vector<std::optional<double>> values;   // one per category; nullopt: no bar, no point
};

struct Chart {
    enum class Kind {
        Bar,         // one series, vertical bars
        GroupedBar,  // several series side by side in each category
        StackedBar,  // series stacked in each category (negative values stack downwards); the total above
        Line,        // several series over the categories, a marker at each point, gaps where values are missing
    };
    Kind kind = Kind::Bar;
    Text caption;                  // "图1 历年申报与获奖情况": set centred above the chart in 黑体 四号
    std::vector<Text> categories;  // labels along the category axis
    std::vector<ChartSeries> series;
    Text value_axis_title;         // shown as given above the value axis: "单位：家", "万元", "%"
    Text category_axis_title;      // optional, under the category labels ("年度")
    int decimals = 0;              // numbers on bars and points: decimals and a suffix ("%")
    std::string suffix;
    bool show_values = true;       // numbers above bars / points, inside stacked segments where they fit
    double height_mm = 90;         // the drawing under the caption
    Text no_data;                  // said instead of drawing when no series has a value; empty: kNoChartData

    // Some series has a value for some category.
    bool has_data() const;
};

inline constexpr const char* kNoChartData = "（本年度无数据，未绘制图表）";

// ---- The laid-out chart, for the document engine ----

// A shape of the drawing, in pt from its top-left corner.
struct ChartShape {
    enum class Kind {
        Rect,      // points[0]: top-left, points[1]: width and height; filled and/or outlined
        Polyline,  // open path, stroked
        Polygon,   // closed, filled and/or outlined
        Clip,      // until the matching Unclip, clipped to the rectangle (as Rect)
        Unclip,
    };
    Kind kind = Kind::Rect;
    std::vector<Point> points;
    std::optional<Rgb> fill;
    double stroke_width = 0;  // 0: not outlined
    Rgb stroke{};
    std::vector<double> dash;  // Polyline
    bool round = false;        // Polyline: round caps and joins
};

struct ChartGlyph {
    const FontFace* face;
    double size;
    char32_t cp;
    double x, baseline;
};

struct ChartDrawing {
    std::vector<ChartShape> shapes;  // painted first, in order
    std::vector<ChartGlyph> glyphs;  // then the text
};

// Lays out a chart that has data in a box `width` × `height` pt. Throws
// std::logic_error when the data do not match the categories (a value count
// other than the number of categories, a Bar with other than one series, a
// value that is not finite) or when the box is too small for the labels.
ChartDrawing lay_out_chart(const Chart& chart, const Shaper& shaper, double width, double height);

// The same checks of the data, without laying anything out (Document::chart calls it).
void check_chart(const Chart& chart);

}  // namespace award::pdf
