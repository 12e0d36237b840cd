#include "render/pdf/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>

namespace award::pdf {

namespace {

constexpr double kEps = 1e-6;
constexpr double kAscent = 0.88;  // baseline below the top of the em box, for CJK faces

// Type sizes in pt: 五号 for labels, 小五 for numbers; shrunk down to the minimum when crowded.
constexpr double kLabelSize = 10.5, kMinLabelSize = 6.5;
constexpr double kTickSize = 9;
constexpr double kValueSize = 9, kMinValueSize = 6;
constexpr double kLegendSize = 10.5, kMinLegendSize = 6.5;

constexpr double kOutline = 0.5;     // bars and swatches
constexpr double kAxisWidth = 0.6;   // the value axis and its ticks
constexpr double kZeroWidth = 0.8;   // the line at 0
constexpr double kGridWidth = 0.4;
constexpr Rgb kGridGrey{0.78, 0.78, 0.78};
constexpr Rgb kBlack{};
constexpr Rgb kWhite{1, 1, 1};

Rgb grey(double g) { return {g, g, g}; }

// ---- How series look in black and white ----

enum class Hatch { None, Slash, Backslash, Cross, Horizontal, Vertical, Dots, Grid };

struct FillStyle {
    double grey;       // fill
    Hatch hatch;
    double ink;        // grey of the hatch lines
};

// Neighbouring series differ in grey level and in pattern.
constexpr FillStyle kFills[] = {
    {0.35, Hatch::None, 0},         {0.88, Hatch::Slash, 0},  {1.0, Hatch::Cross, 0},
    {0.62, Hatch::Horizontal, 0},   {1.0, Hatch::Dots, 0},    {0.78, Hatch::Backslash, 0},
    {0.95, Hatch::Vertical, 0},     {0.50, Hatch::Grid, 1.0},
};

enum class Marker { Disc, Square, Triangle, Diamond, Circle, Cross, FilledSquare, Plus };

struct LineStyle {
    std::vector<double> dash;
    bool round;
    Marker marker;
    double grey;
};

const std::vector<LineStyle>& line_styles() {
    static const std::vector<LineStyle> styles = {
        {{}, false, Marker::Disc, 0},
        {{5, 2.5}, false, Marker::Square, 0},
        {{0, 2.6}, true, Marker::Triangle, 0},
        {{6, 2, 1.5, 2}, false, Marker::Diamond, 0},
        {{}, false, Marker::FilledSquare, 0.5},
        {{9, 3}, false, Marker::Circle, 0},
        {{3, 2}, false, Marker::Cross, 0},
        {{0, 2.6, 5, 2.6}, true, Marker::Plus, 0},
    };
    return styles;
}

const FillStyle& fill_style(std::size_t i) { return kFills[i % std::size(kFills)]; }
const LineStyle& line_style(std::size_t i) { return line_styles()[i % line_styles().size()]; }

constexpr double kLineWidth = 1.2;
constexpr double kMarker = 3.0;  // half the marker's size

// ---- Numbers ----

std::string number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 6), v);
    std::string s = buf;
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0"
    return s;
}

// Ticks from a multiple of `step` at or below the lowest value (never above 0) to
// one at or above the highest (never below 0), the step 1, 2 or 5 times a power
// of ten giving about five intervals, and never finer than the values' decimals.
struct Axis {
    long long first = 0, last = 1;  // tick k is at k * step
    double step = 1;
    int decimals = 0;
    double lo() const { return double(first) * step; }
    double hi() const { return double(last) * step; }
};

Axis nice_axis(double lo, double hi, int decimals) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    const double finest = std::pow(10.0, -std::clamp(decimals, 0, 6));
    if (hi - lo < finest) hi = lo + 5 * finest;
    const double raw = (hi - lo) / 5;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double r = raw / mag;
    const double mult = r <= 1 + 1e-9 ? 1 : r <= 2 + 1e-9 ? 2 : r <= 5 + 1e-9 ? 5 : 10;
    Axis a;
    a.step = std::max(mult * mag, finest);
    a.first = (long long)std::floor(lo / a.step + 1e-9);
    a.last = (long long)std::ceil(hi / a.step - 1e-9);
    if (a.last <= a.first) a.last = a.first + 1;
    a.decimals = a.step >= 1 - 1e-9 ? 0 : int(std::ceil(-std::log10(a.step) - 1e-9));
    return a;
}

// ---- Boxes, for labels that must not overlap ----

struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const {
        return x0 < o.x1 - kEps && o.x0 < x1 - kEps && y0 < o.y1 - kEps && o.y0 < y1 - kEps;
    }
};

// ---- Collecting the drawing ----

class Canvas {
public:
    Canvas(const Shaper& shaper, double width, double height) : shaper_(shaper), width_(width), height_(height) {}
    ChartDrawing drawing;

    Glyphs shape(const Text& t, double size) const { return shaper_.shape(t, Role::Body, size); }

    // Text with its left end at x.
    void text(const Glyphs& g, double x, double baseline) {
        const LineBox box = place(g, width_of(g), Align::Left);
        for (std::size_t i = 0; i < box.glyphs.size(); ++i) {
            const Glyph& gl = box.glyphs[i];
            if (gl.cp == U' ' || gl.cp == U'\u3000') continue;
            drawing.glyphs.push_back({gl.face, gl.size, gl.cp, x + box.x[i], baseline});
        }
    }
    void centred(const Glyphs& g, double cx, double baseline) { text(g, cx - width_of(g) / 2, baseline); }
    void right(const Glyphs& g, double rx, double baseline) { text(g, rx - width_of(g), baseline); }

    void rect(double x, double y, double w, double h, std::optional<Rgb> fill, double stroke_width = 0) {
        ChartShape s;
        s.kind = ChartShape::Kind::Rect;
        s.points = {{x, y}, {w, h}};
        s.fill = fill;
        s.stroke_width = stroke_width;
        drawing.shapes.push_back(std::move(s));
    }
    void line(std::vector<Point> pts, double width, Rgb colour = kBlack, std::vector<double> dash = {}, bool round = false) {
        ChartShape s;
        s.kind = ChartShape::Kind::Polyline;
        s.points = std::move(pts);
        s.stroke_width = width;
        s.stroke = colour;
        s.dash = std::move(dash);
        s.round = round;
        drawing.shapes.push_back(std::move(s));
    }
    void polygon(std::vector<Point> pts, std::optional<Rgb> fill, double stroke_width = 0) {
        ChartShape s;
        s.kind = ChartShape::Kind::Polygon;
        s.points = std::move(pts);
        s.fill = fill;
        s.stroke_width = stroke_width;
        drawing.shapes.push_back(std::move(s));
    }
    void clip(double x, double y, double w, double h) {
        ChartShape s;
        s.kind = ChartShape::Kind::Clip;
        s.points = {{x, y}, {w, h}};
        drawing.shapes.push_back(std::move(s));
    }
    void unclip() {
        ChartShape s;
        s.kind = ChartShape::Kind::Unclip;
        drawing.shapes.push_back(std::move(s));
    }

    // A box of the series' fill: grey, hatching clipped to the box, a thin black outline.
    void fill_box(double x, double y, double w, double h, const FillStyle& st) {
        if (w <= kEps || h <= kEps) return;
        rect(x, y, w, h, grey(st.grey));
        if (st.hatch != Hatch::None) {
            constexpr double s = 3.2, lw = 0.45;
            const Rgb ink = grey(st.ink);
            clip(x, y, w, h);
            const bool slash = st.hatch == Hatch::Slash || st.hatch == Hatch::Cross;
            const bool backslash = st.hatch == Hatch::Backslash || st.hatch == Hatch::Cross;
            const bool horizontal = st.hatch == Hatch::Horizontal || st.hatch == Hatch::Grid;
            const bool vertical = st.hatch == Hatch::Vertical || st.hatch == Hatch::Grid;
            // Lines on a grid fixed to the drawing, so the pattern lines up across boxes.
            if (slash || backslash) {
                const double start = std::floor((x - h) / s) * s;
                for (double t = start; t < x + w + s; t += s) {
                    if (slash) line({{t, y + h}, {t + h, y}}, lw, ink);
                    if (backslash) line({{t, y}, {t + h, y + h}}, lw, ink);
                }
            }
            if (horizontal)
                for (double yy = std::floor(y / s) * s + s / 2; yy < y + h; yy += s) line({{x, yy}, {x + w, yy}}, lw, ink);
            if (vertical)
                for (double xx = std::floor(x / s) * s + s / 2; xx < x + w; xx += s) line({{xx, y}, {xx, y + h}}, lw, ink);
            if (st.hatch == Hatch::Dots) {
                // Dots: round caps on dashes of length 0, every other row shifted half a step.
                constexpr double d = 3.0;
                int row = 0;
                for (double yy = std::floor(y / d) * d + d / 2; yy < y + h + d; yy += d, ++row) {
                    const double x0 = std::floor(x / d) * d - (row % 2 ? d / 2 : 0);
                    line({{x0, yy}, {x + w + d, yy}}, 1.0, ink, {0, d}, true);
                }
            }
            unclip();
        }
        rect(x, y, w, h, std::nullopt, kOutline);
    }

    void marker(Marker m, double x, double y, double g) {
        const double r = kMarker;
        const Rgb ink = grey(g);
        auto circle = [&](double rad) {
            std::vector<Point> pts;
            for (int i = 0; i < 20; ++i) {
                const double a = 2 * std::numbers::pi * i / 20;
                pts.push_back({x + rad * std::cos(a), y + rad * std::sin(a)});
            }
            return pts;
        };
        switch (m) {
            case Marker::Disc: polygon(circle(r), ink); break;
            case Marker::Circle: polygon(circle(r), kWhite, 1.0); break;
            case Marker::Square: polygon({{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}}, kWhite, 1.0); break;
            case Marker::FilledSquare: polygon({{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}}, ink); break;
            case Marker::Triangle: polygon({{x, y - r * 1.2}, {x + r * 1.1, y + r * 0.8}, {x - r * 1.1, y + r * 0.8}}, ink); break;
            case Marker::Diamond: polygon({{x, y - r * 1.3}, {x + r * 1.1, y}, {x, y + r * 1.3}, {x - r * 1.1, y}}, kWhite, 1.0); break;
            case Marker::Cross:
                line({{x - r, y - r}, {x + r, y + r}}, 1.2, ink);
                line({{x - r, y + r}, {x + r, y - r}}, 1.2, ink);
                break;
            case Marker::Plus:
                line({{x - r * 1.2, y}, {x + r * 1.2, y}}, 1.2, ink);
                line({{x, y - r * 1.2}, {x, y + r * 1.2}}, 1.2, ink);
                break;
        }
    }

    // A label placed at the first of `candidates` (its boxes) that stays inside the
    // drawing and covers no label placed before, nor (unless `inside`: a number in
    // its own stacked segment, on a white ground) a bar or a marker; left out when none does.
    bool label(const Glyphs& g, const std::vector<Box>& candidates, bool inside = false) {
        for (const Box& b : candidates) {
            if (b.x0 < -kEps || b.x1 > width_ + kEps || b.y0 < -kEps || b.y1 > height_ + kEps) continue;
            bool free = true;
            for (const Box& o : labels) free = free && !b.overlaps(o);
            if (!inside)
                for (const Box& o : solid) free = free && !b.overlaps(o);
            if (!free) continue;
            if (inside) rect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, kWhite);
            const double size = g.empty() ? kValueSize : g.front().size;
            centred(g, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2 + 0.36 * size);
            labels.push_back(b);
            return true;
        }
        return false;
    }
    std::vector<Box> solid;   // bars and markers
    std::vector<Box> labels;  // numbers placed

private:
    const Shaper& shaper_;
    double width_, height_;
};

// The box of a number set at `size` centred on cx, its bottom (above) or top (below) at y.
Box label_box(double w, double size, double cx, double y, bool above) {
    const double h = size * 1.1;
    return above ? Box{cx - w / 2 - 0.5, y - h, cx + w / 2 + 0.5, y} : Box{cx - w / 2 - 0.5, y, cx + w / 2 + 0.5, y + h};
}

// Category labels: the largest size at which every label fits its slot in at most
// two lines, no word split and no single character left alone on a second line;
// at the smallest size, as many lines as it takes.
struct CategoryLabels {
    double size = kLabelSize;
    std::vector<std::vector<Glyphs>> lines;
    std::size_t rows = 1;
};

CategoryLabels fit_categories(const Canvas& cv, const std::vector<Text>& cats, double width) {
    CategoryLabels out;
    for (double size = kLabelSize; size >= kMinLabelSize - kEps; size -= 0.5) {
        out.size = size;
        out.lines.clear();
        out.rows = 1;
        bool ok = true;
        for (const Text& t : cats) {
            const Glyphs g = cv.shape(t, size);
            const auto allowed = break_points(g, Breaks::Line);
            for (const Glyphs& w : words(g, Breaks::Line)) ok = ok && width_of(w) <= width + kEps;
            auto lines = break_lines(g, allowed, width, width);
            if (lines.size() > 2 || (lines.size() == 2 && lines.back().size() == 1)) ok = false;
            out.rows = std::max(out.rows, lines.size());
            out.lines.push_back(std::move(lines));
        }
        if (ok) return out;
    }
    // The smallest size: lines broken wherever they must be.
    out.size = kMinLabelSize;
    out.lines.clear();
    out.rows = 1;
    for (const Text& t : cats) {
        const Glyphs g = cv.shape(t, out.size);
        for (const Glyph& gl : g)
            if (gl.advance > width + kEps)
                throw std::logic_error("chart: too many categories (" + std::to_string(cats.size()) +
                                       ") for the width: their labels cannot be set without overlapping");
        out.lines.push_back(break_lines(g, width, width));
        out.rows = std::max(out.rows, out.lines.back().size());
    }
    return out;
}

struct LegendEntry {
    Glyphs name;
    double width;  // swatch, gap and name
};

constexpr double kSwatchBar = 14, kSwatchLine = 24, kSwatchGap = 4, kEntryGap = 14;

}  // namespace

bool Chart::has_data() const {
    for (const auto& s : series)
        for (const auto& v : s.values)
            if (v) return true;
    return false;
}

void check_chart(const Chart& c) {
    const std::string what = "chart \"" + c.caption.str() + "\": ";
    if (!(c.height_mm > 0) || !std::isfinite(c.height_mm)) throw std::logic_error(what + "its height must be positive");
    if (c.kind == Chart::Kind::Bar && c.series.size() > 1)
        throw std::logic_error(what + "a Bar chart has one series; use GroupedBar or StackedBar for " +
                               std::to_string(c.series.size()));
    for (const auto& s : c.series) {
        if (s.values.size() != c.categories.size())
            throw std::logic_error(what + "series \"" + s.name.str() + "\" has " + std::to_string(s.values.size()) +
                                   " values for " + std::to_string(c.categories.size()) + " categories");
        for (const auto& v : s.values)
            if (v && !std::isfinite(*v)) throw std::logic_error(what + "series \"" + s.name.str() + "\" has a value that is not a number");
    }
}

ChartDrawing lay_out_chart(const Chart& c, const Shaper& shaper, double W, double H) {
    check_chart(c);
    const std::size_t n = c.categories.size(), ns = c.series.size();
    if (n == 0 || !c.has_data()) throw std::logic_error("chart \"" + c.caption.str() + "\": no data to draw");
    const bool stacked = c.kind == Chart::Kind::StackedBar;
    const bool bars = c.kind != Chart::Kind::Line;
    Canvas cv(shaper, W, H);

    // The range of the values (of the stacks' ends when stacked).
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double pos = 0, neg = 0;
        for (const auto& s : c.series) {
            if (!s.values[i]) continue;
            const double v = *s.values[i];
            if (stacked) (v >= 0 ? pos : neg) += v;
            else lo = std::min(lo, v), hi = std::max(hi, v);
        }
        lo = std::min(lo, neg), hi = std::max(hi, pos);
    }
    const Axis axis = nice_axis(lo, hi, c.decimals);

    // Across: tick labels, then the plot.
    std::vector<Glyphs> ticks;
    double tick_w = 0;
    for (long long k = axis.first; k <= axis.last; ++k) {
        ticks.push_back(cv.shape(Text(number(double(k) * axis.step, axis.decimals)), kTickSize));
        tick_w = std::max(tick_w, width_of(ticks.back()));
    }
    const double plot_left = tick_w + 7, plot_right = W - 6;
    const double slot = (plot_right - plot_left) / double(n);
    const CategoryLabels cats = fit_categories(cv, c.categories, slot - 3);

    // The legend: entries in rows, centred.
    std::vector<LegendEntry> legend;
    double legend_size = kLegendSize;
    std::vector<std::vector<std::size_t>> legend_rows;
    if (ns > 1) {
        const double swatch = bars ? kSwatchBar : kSwatchLine;
        for (double size = kLegendSize;; size -= 0.5) {
            legend.clear();
            bool fits = true;
            for (const auto& s : c.series) {
                const Glyphs g = cv.shape(s.name, size);
                legend.push_back({g, swatch + kSwatchGap + width_of(g)});
                fits = fits && legend.back().width <= W + kEps;
            }
            legend_size = size;
            if (fits || size <= kMinLegendSize + kEps) break;
        }
        double used = 0;
        for (std::size_t i = 0; i < ns; ++i) {
            const double need = legend[i].width + (used > 0 ? kEntryGap : 0);
            if (legend_rows.empty() || used + need > W + kEps) {
                legend_rows.emplace_back();
                used = legend[i].width;
            } else {
                used += need;
            }
            legend_rows.back().push_back(i);
        }
    }
    const double legend_pitch = legend_size * 1.6;

    // Down: the value axis title, room for the numbers over the top bars, the plot,
    // the category labels, the category axis title, the legend.
    double top = 2;
    const Glyphs value_title = cv.shape(c.value_axis_title, kLabelSize);
    const double value_title_baseline = top + kAscent * kLabelSize;
    if (!value_title.empty()) top += kLabelSize * 1.5;
    const double value_room = c.show_values ? kValueSize * 1.4 : kTickSize * 0.7;
    const double plot_top = top + value_room;

    double y = H - 3;
    const double legend_top = y - double(legend_rows.size()) * legend_pitch;
    if (!legend_rows.empty()) y = legend_top - 4;
    const Glyphs cat_title = cv.shape(c.category_axis_title, kLabelSize);
    const double cat_title_top = y - kLabelSize * 1.4;
    if (!cat_title.empty()) y = cat_title_top;
    const double cat_pitch = cats.size * 1.2;
    const double labels_top = y - double(cats.rows) * cat_pitch;
    y = labels_top - 4;
    if (axis.first < 0 && c.show_values) y -= kValueSize * 1.3;  // numbers under the negative bars
    const double plot_bottom = y;
    if (plot_bottom - plot_top < 40)
        throw std::logic_error("chart \"" + c.caption.str() + "\": " + std::to_string(c.height_mm) +
                               " mm is too low for its labels and legend");

    auto y_of = [&](double v) {
        return plot_bottom - (v - axis.lo()) / (axis.hi() - axis.lo()) * (plot_bottom - plot_top);
    };
    const double zero = y_of(0);

    // Grid lines and tick labels.
    for (long long k = axis.first; k <= axis.last; ++k) {
        const double ty = y_of(double(k) * axis.step);
        if (k != 0) cv.line({{plot_left, ty}, {plot_right, ty}}, kGridWidth, kGridGrey);
        cv.line({{plot_left - 3, ty}, {plot_left, ty}}, kAxisWidth);
        cv.right(ticks[std::size_t(k - axis.first)], plot_left - 5, ty + 0.36 * kTickSize);
    }
    cv.line({{plot_left, plot_top}, {plot_left, plot_bottom}}, kAxisWidth);
    if (!value_title.empty()) {
        cv.text(value_title, 0, value_title_baseline);
        cv.labels.push_back({0, value_title_baseline - kAscent * kLabelSize, width_of(value_title),
                             value_title_baseline + (1 - kAscent) * kLabelSize});
    }

    // The numbers' size: as large as lets each fit over its bar (or a slot for lines).
    auto value_text = [&](double v) { return Text(number(v, c.decimals) + c.suffix); };
    const double bar_w = c.kind == Chart::Kind::GroupedBar ? std::min(slot * 0.86 / double(ns), 40.0)
                                                           : std::min(slot * 0.55, 60.0);
    double value_size = kValueSize;
    if (c.show_values) {
        // Over a bar of a group: no wider than the bar, clear of its neighbours.
        const double room = c.kind == Chart::Kind::GroupedBar ? bar_w - 1 : slot - 2;
        for (; value_size > kMinValueSize + kEps; value_size -= 0.5) {
            double widest = 0;
            for (const auto& s : c.series)
                for (const auto& v : s.values)
                    if (v) widest = std::max(widest, width_of(cv.shape(value_text(*v), value_size)));
            if (widest <= room + kEps) break;
        }
    }
    auto value_glyphs = [&](double v) { return cv.shape(value_text(v), value_size); };

    struct PendingLabel {
        double v, cx, y;
        bool above;
    };
    std::vector<PendingLabel> pending;  // numbers over bars: placed after every bar is known

    if (bars) {
        for (std::size_t i = 0; i < n; ++i) {
            const double cx = plot_left + slot * (double(i) + 0.5);
            if (stacked) {
                double pos = 0, neg = 0;
                bool any = false;
                for (std::size_t s = 0; s < ns; ++s) {
                    if (!c.series[s].values[i]) continue;
                    any = true;
                    const double v = *c.series[s].values[i];
                    const double from = v >= 0 ? pos : neg, to = from + v;
                    (v >= 0 ? pos : neg) = to;
                    const double y0 = y_of(std::max(from, to)), y1 = y_of(std::min(from, to));
                    cv.fill_box(cx - bar_w / 2, y0, bar_w, y1 - y0, fill_style(s));
                    cv.solid.push_back({cx - bar_w / 2, y0, cx + bar_w / 2, y1});
                }
                // The total over the stack (under it when the stack only goes down).
                if (any && c.show_values) {
                    if (pos > 0 || neg == 0) pending.push_back({pos + neg, cx, y_of(pos) - 1.5, true});
                    else pending.push_back({neg, cx, y_of(neg) + 1.5, false});
                }
            } else {
                const double group = c.kind == Chart::Kind::GroupedBar ? bar_w * double(ns) : bar_w;
                for (std::size_t s = 0; s < ns; ++s) {
                    if (!c.series[s].values[i]) continue;
                    const double v = *c.series[s].values[i];
                    const double x = cx - group / 2 + bar_w * double(s);
                    const double y0 = y_of(std::max(v, 0.0)), y1 = y_of(std::min(v, 0.0));
                    cv.fill_box(x, y0, bar_w, y1 - y0, fill_style(s));
                    cv.solid.push_back({x, y0, x + bar_w, y1});
                    if (c.show_values) pending.push_back({v, x + bar_w / 2, v >= 0 ? y0 - 1.5 : y1 + 1.5, v >= 0});
                }
            }
        }
        cv.line({{plot_left, zero}, {plot_right, zero}}, kZeroWidth);
        // Numbers inside stacked segments where they fit, on a white ground.
        if (stacked && c.show_values) {
            for (std::size_t i = 0; i < n; ++i) {
                const double cx = plot_left + slot * (double(i) + 0.5);
                double pos = 0, neg = 0;
                for (std::size_t s = 0; s < ns; ++s) {
                    if (!c.series[s].values[i]) continue;
                    const double v = *c.series[s].values[i];
                    const double from = v >= 0 ? pos : neg, to = from + v;
                    (v >= 0 ? pos : neg) = to;
                    if (v == 0 || ns == 1) continue;
                    const Glyphs g = value_glyphs(v);
                    const double w = width_of(g), h = value_size * 1.4;
                    const double y0 = y_of(std::max(from, to)), y1 = y_of(std::min(from, to));
                    if (y1 - y0 < h + 2 || w + 6 > bar_w) continue;
                    const double my = (y0 + y1) / 2;
                    cv.label(g, {Box{cx - w / 2 - 2, my - h / 2, cx + w / 2 + 2, my + h / 2}}, true);
                }
            }
        }
        for (const PendingLabel& p : pending) {
            const Glyphs g = value_glyphs(p.v);
            cv.label(g, {label_box(width_of(g), value_size, p.cx, p.y, p.above)});
        }
    } else {
        // Lines: a path per run of consecutive values, a marker at each point.
        struct Pt {
            double x, y, v;
            std::size_t series;
        };
        std::vector<Pt> points;
        cv.line({{plot_left, zero}, {plot_right, zero}}, kZeroWidth);
        for (std::size_t s = 0; s < ns; ++s) {
            const LineStyle& st = line_style(s);
            std::vector<Point> run;
            auto flush = [&] {
                if (run.size() > 1) cv.line(run, kLineWidth, grey(st.grey), st.dash, st.round);
                run.clear();
            };
            for (std::size_t i = 0; i < n; ++i) {
                if (!c.series[s].values[i]) {
                    flush();
                    continue;
                }
                const double v = *c.series[s].values[i];
                const Point p{plot_left + slot * (double(i) + 0.5), y_of(v)};
                run.push_back(p);
                points.push_back({p.x, p.y, v, s});
            }
            flush();
        }
        for (const Pt& p : points) {
            cv.marker(line_style(p.series).marker, p.x, p.y, line_style(p.series).grey);
            cv.solid.push_back({p.x - kMarker - 0.5, p.y - kMarker * 1.3 - 0.5, p.x + kMarker + 0.5, p.y + kMarker * 1.3 + 0.5});
        }
        if (c.show_values) {
            // Higher points first, each number above its point (below it when the value is
            // negative), else on the other side, else beside.
            std::vector<std::size_t> order(points.size());
            for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return points[a].y < points[b].y; });
            for (std::size_t k : order) {
                const Pt& p = points[k];
                const Glyphs g = value_glyphs(p.v);
                const double w = width_of(g), h = value_size * 1.1, gap = kMarker * 1.3 + 1;
                const Box above = label_box(w, value_size, p.x, p.y - gap, true);
                const Box below = label_box(w, value_size, p.x, p.y + gap, false);
                cv.label(g, {p.v < 0 ? below : above, p.v < 0 ? above : below,
                             Box{p.x + kMarker + 2, p.y - h / 2, p.x + kMarker + 3 + w, p.y + h / 2},
                             Box{p.x - kMarker - 3 - w, p.y - h / 2, p.x - kMarker - 2, p.y + h / 2}});
            }
        }
    }

    // Category labels, centred under their slots.
    for (std::size_t i = 0; i < n; ++i) {
        const double cx = plot_left + slot * (double(i) + 0.5);
        const auto& lines = cats.lines[i];
        for (std::size_t l = 0; l < lines.size(); ++l)
            cv.centred(lines[l], cx, labels_top + double(l) * cat_pitch + kAscent * cats.size);
    }
    if (!cat_title.empty()) cv.centred(cat_title, (plot_left + plot_right) / 2, cat_title_top + kAscent * kLabelSize + 2);

    // The legend.
    for (std::size_t r = 0; r < legend_rows.size(); ++r) {
        double row_w = 0;
        for (std::size_t k = 0; k < legend_rows[r].size(); ++k) row_w += legend[legend_rows[r][k]].width + (k ? kEntryGap : 0);
        double x = (W - row_w) / 2;
        const double mid = legend_top + double(r) * legend_pitch + legend_pitch / 2;
        for (std::size_t s : legend_rows[r]) {
            if (bars) {
                cv.fill_box(x, mid - 4.5, kSwatchBar, 9, fill_style(s));
            } else {
                const LineStyle& st = line_style(s);
                cv.line({{x, mid}, {x + kSwatchLine, mid}}, kLineWidth, grey(st.grey), st.dash, st.round);
                cv.marker(st.marker, x + kSwatchLine / 2, mid, st.grey);
            }
            const double sw = bars ? kSwatchBar : kSwatchLine;
            cv.text(legend[s].name, x + sw + kSwatchGap, mid + 0.36 * legend_size);
            x += legend[s].width + kEntryGap;
        }
    }
    return std::move(cv.drawing);
}

}  // namespace award::pdf
