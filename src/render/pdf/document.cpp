#include "render/pdf/document.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "model/errors.hpp"
#include "model/utf8.hpp"
#include "render/pdf/pdf_file.hpp"

namespace award::pdf {

namespace fs = std::filesystem;

namespace {

// GB/T 9704-2012 page geometry, in pt.
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm, kPageHeight = 297 * kMm;
constexpr double kTop = 37 * kMm, kLeft = 28 * kMm;                 // 天头, 订口
constexpr double kTextWidth = 156 * kMm, kTextHeight = 225 * kMm;  // 版心
constexpr double kPitch = kTextHeight / 22;                       // 22 lines per page
constexpr double kCharPitch = kTextWidth / 28;                    // 28 characters per line
constexpr double kBodyTracking = kCharPitch - size::san;          // slightly negative: 28 fit exactly
constexpr double kEps = 1e-6;
constexpr double kAscent = 0.88;  // baseline below the top of the em box, for CJK faces

constexpr double kCellPadX = 2 * kMm, kCellPadY = 1.2 * kMm, kCellLeading = 1.45;
constexpr double kRuleWidth = 0.5;
constexpr double kRedRuleWidth = 0.5 * kMm;
constexpr double kMastheadMax = 36;  // 小初: the largest 发文机关标志 we set; shrunk to fit the 版心

// The red of the 版头 (GB/T 9704 asks for red and names no shade).
constexpr Rgb kRed{0.90, 0.0, 0.07};

struct GlyphOp {
    const FontFace* face;
    double size;
    char32_t cp;
    double x, baseline;  // relative to the item's top-left
    bool red = false;
};
struct RuleOp {
    double x1, y1, x2, y2, width;
    bool red = false;
};

// A laid-out piece of a page: one line of text on the grid, or one table row.
struct Item {
    double height = kPitch;
    bool grid = true;             // starts on a line of the 22-line grid
    bool keep_with_next = false;  // must share a page with the next item
    bool spacer = false;          // a blank line, dropped at the top of a page
    int table = -1;               // rows: which table (for repeating its header)
    bool header = false;
    bool first_line = false;      // the first line of a paragraph (widow control before a signature)
    std::vector<GlyphOp> glyphs;
    std::vector<RuleOp> rules;
    std::vector<ChartShape> shapes;  // a chart's drawing, painted before the rules and glyphs
};

double grid_baseline(double size) { return (kPitch - size) / 2 + kAscent * size; }

void add_line(Item& item, const LineBox& box, double x0, double baseline) {
    for (std::size_t i = 0; i < box.glyphs.size(); ++i) {
        const Glyph& g = box.glyphs[i];
        if (g.cp == U' ' || g.cp == U'\u3000') continue;
        item.glyphs.push_back({g.face, g.size, g.cp, x0 + box.x[i], baseline});
    }
}

Item text_line(const LineBox& box, double x0) {
    Item item;
    const double size = box.glyphs.empty() ? size::san : box.glyphs.front().size;
    add_line(item, box, x0, grid_baseline(size));
    return item;
}

Item spacer() {
    Item item;
    item.spacer = true;
    return item;
}

class Composer {
public:
    Composer(const FontSet& fonts, const std::string& file) : file_name_(file), shaper_(fonts, file) {}

    std::vector<Item> items;
    std::vector<Item> table_headers;
    const Shaper& shaper() const { return shaper_; }

    void paragraph(const Text& t, const ParagraphStyle& st, double size = size::san) {
        const double indent = st.indent_chars * kCharPitch;
        const auto glyphs = shaper_.shape(t, st.role, size, size == size::san ? kBodyTracking : 0);
        const auto lines = break_lines(glyphs, kTextWidth - indent, kTextWidth);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double x0 = i == 0 ? indent : 0;
            items.push_back(text_line(place(lines[i], kTextWidth - x0, st.align, i + 1 == lines.size()), x0));
            items.back().first_line = i == 0;
        }
        if (st.keep_with_next && !items.empty()) items.back().keep_with_next = true;
    }

    void centred(const Text& t, Role role, double size, bool balanced) {
        const auto glyphs = shaper_.shape(t, role, size, size == size::san ? kBodyTracking : 0);
        const auto lines = balanced ? break_balanced(glyphs, kTextWidth) : break_lines(glyphs, kTextWidth, kTextWidth);
        for (const auto& line : lines) {
            items.push_back(text_line(place(line, kTextWidth, Align::Centre), 0));
            items.back().keep_with_next = true;
        }
    }

    void masthead(const Text& body, const Text& number) {
        // 发文机关标志: as large as 小初, smaller if the name is longer than the 版心 is wide.
        // A name too long even at 二号 (22 pt) goes on two or more balanced lines.
        auto mark = shaper_.shape(body, Role::Title, kMastheadMax);
        double size = kMastheadMax;
        if (width_of(mark) > kTextWidth) {
            size = std::max(size::er, kMastheadMax * kTextWidth / width_of(mark) - kEps);
            mark = shaper_.shape(body, Role::Title, size);
        }
        const auto lines = break_balanced(mark, kTextWidth);
        const double leading = size * 1.2;
        Item head;
        head.grid = false;
        head.keep_with_next = true;
        head.height = 35 * kMm + size + double(std::max<std::size_t>(lines.size(), 1) - 1) * leading;
        for (std::size_t l = 0; l < lines.size(); ++l)
            add_line(head, place(lines[l], kTextWidth, Align::Centre), 0, 35 * kMm + double(l) * leading + kAscent * size);
        for (auto& g : head.glyphs) g.red = true;
        items.push_back(std::move(head));
        for (int i = 0; i < 2; ++i) {
            items.push_back(spacer());
            items.back().keep_with_next = true;
        }
        centred(number, Role::Body, size::san, false);
        // The rule is 4 mm under the 发文字号's type, which ends this far above its grid line's foot.
        const double below_type = kPitch - ((kPitch - size::san) / 2 + size::san);
        Item rule;
        rule.grid = false;
        rule.keep_with_next = true;
        const double y = std::max(0.0, 4 * kMm - below_type);
        rule.height = y + kRedRuleWidth / 2;
        rule.rules.push_back({0, y, kTextWidth, y, kRedRuleWidth, true});
        items.push_back(std::move(rule));
        for (int i = 0; i < 2; ++i) {
            items.push_back(spacer());
            items.back().keep_with_next = true;
        }
    }

    void signature(const Text& issuer, const Text& date) {
        // Never a signature alone on a page: the last two lines of the last paragraph
        // of two lines or more go with it, and whatever follows them ("特此通知。"),
        // so the page it lands on still carries the end of the text.
        // A run of one-line paragraphs is not followed back further than kMaxCarried
        // lines: the signature must not drag half a page of short lines with it.
        constexpr int kMaxCarried = 4;
        int in_paragraph = 0, carried = 0;
        for (auto it = items.rbegin(); it != items.rend() && in_paragraph < 2 && carried < kMaxCarried; ++it) {
            if (!it->grid) break;  // a table row: the table ends the text; the row goes with it
            it->keep_with_next = true;
            if (it->spacer) continue;
            ++in_paragraph;
            ++carried;
            if (it->first_line && in_paragraph < 2) in_paragraph = 0;  // a one-line paragraph: take the one before too
        }
        if (!items.empty() && !items.back().grid) items.back().keep_with_next = true;
        for (int i = 0; i < 2; ++i) {
            items.push_back(spacer());
            items.back().keep_with_next = true;
        }
        const auto date_g = shaper_.shape(date, Role::Body, size::san, kBodyTracking);
        const auto issuer_g = shaper_.shape(issuer, Role::Body, size::san, kBodyTracking);
        const double date_right = kTextWidth - 4 * kCharPitch;  // 右空四字
        const double date_x = date_right - width_of(date_g);
        const double centre = date_x + width_of(date_g) / 2;
        // Centred over the date; a name too long for that is pulled back inside the 版心.
        const auto issuer_lines = break_lines(issuer_g, kTextWidth, kTextWidth);
        for (const auto& line : issuer_lines) {
            const double w = width_of(line);
            const double x = std::clamp(centre - w / 2, 0.0, std::max(0.0, kTextWidth - w));
            items.push_back(text_line(place(line, w, Align::Left), x));
            items.back().keep_with_next = true;
        }
        items.push_back(text_line(place(date_g, width_of(date_g), Align::Left), date_x));
    }

    void table(const Table& t);
    void chart(const Chart& c);
    std::vector<Problem> layout_problems;  // content that cannot be laid out (a table row taller than a page)
    void attachments(const std::vector<Text>& names);
    void imprint(const Text& copy_to, const Text& printed_by, const Text& printed_on);

    std::optional<Item> foot;  // 版记: at the foot of the last page

private:
    std::string file_name_;
    Shaper shaper_;
};

// How one cell's text falls at one column width.
struct CellFit {
    std::size_t lines = 1;
    bool lone_last = false;  // a last line of one character ("仪器仪表制造／业")
};

// A cell's glyphs with their break points worked out once: the fitter breaks each cell at many widths.
struct CellText {
    Glyphs glyphs;
    std::vector<bool> allowed;
};

CellFit fit_cell(const CellText& cell, double inner) {
    if (cell.glyphs.empty()) return {};
    const auto lines = break_lines(cell.glyphs, cell.allowed, inner, inner);
    CellFit f;
    f.lines = std::max<std::size_t>(1, lines.size());
    f.lone_last = lines.size() > 1 && lines.back().size() == 1;
    return f;
}

// The fitter's measure of a table: every extra line of a row (rows are as tall as
// their tallest cell) costs most, a one-character last line a good part of a line,
// and each wrapped cell a little (a name read on one line is easier to find).
using ColumnFits = std::vector<CellFit>;  // one column's cells, by row

double table_cost(const std::vector<const ColumnFits*>& by_column) {
    const std::size_t rows = by_column.front()->size();
    double cost = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        std::size_t tallest = 1;
        for (const ColumnFits* col : by_column) {
            const CellFit& f = (*col)[r];
            tallest = std::max(tallest, f.lines);
            if (f.lone_last) cost += 0.6;
            if (f.lines > 1) cost += 0.05;
        }
        cost += double(tallest);
    }
    return cost;
}

// Column widths for a table wider than the 版心 if nothing wrapped: starting from
// the width each column needs to keep every cell on one line, narrow the column
// whose narrowing costs least per point gained until the table fits, then spend
// what is left where it shortens the table most. Widths move in half-character
// steps and never go below a column's longest unbreakable word.
std::vector<double> fit_columns(const std::vector<std::vector<CellText>>& cells, const std::vector<double>& min_w,
                                const std::vector<double>& max_w, double step) {
    const std::size_t ncol = min_w.size(), nrow = cells.size();
    // Candidate widths per column, ascending, with each column's fits cached.
    std::vector<std::vector<double>> cand(ncol);
    std::vector<std::vector<ColumnFits>> fits(ncol);
    auto measure = [&](std::size_t c, double w) {
        ColumnFits col(nrow);
        for (std::size_t r = 0; r < nrow; ++r) col[r] = fit_cell(cells[r][c], w - 2 * kCellPadX);
        return col;
    };
    for (std::size_t c = 0; c < ncol; ++c) {
        for (double w = min_w[c]; w < max_w[c] - kEps; w += step) cand[c].push_back(w);
        cand[c].push_back(max_w[c]);
        for (double w : cand[c]) fits[c].push_back(measure(c, w));
    }
    std::vector<std::size_t> at(ncol);
    for (std::size_t c = 0; c < ncol; ++c) at[c] = cand[c].size() - 1;
    auto cost_with = [&](std::size_t c, std::size_t k) {
        std::vector<const ColumnFits*> cols;
        for (std::size_t i = 0; i < ncol; ++i) cols.push_back(&fits[i][i == c ? k : at[i]]);
        return table_cost(cols);
    };
    auto total = [&]() {
        double s = 0;
        for (std::size_t c = 0; c < ncol; ++c) s += cand[c][at[c]];
        return s;
    };
    double cost = cost_with(0, at[0]);
    // Narrow: the cheapest cost per point first; among free moves, the one that gains most.
    while (total() > kTextWidth + kEps) {
        std::size_t best_c = ncol, best_k = 0;
        double best_ratio = 0, best_gain = 0, best_cost = 0;
        for (std::size_t c = 0; c < ncol; ++c)
            for (std::size_t k = 0; k < at[c]; ++k) {
                const double gain = cand[c][at[c]] - cand[c][k];
                const double next = cost_with(c, k);
                const double ratio = (next - cost) / gain;
                if (best_c == ncol || ratio < best_ratio - kEps || (ratio < best_ratio + kEps && gain > best_gain))
                    best_c = c, best_k = k, best_ratio = ratio, best_gain = gain, best_cost = next;
            }
        if (best_c == ncol) break;  // cannot happen: the caller checked that the minimum widths fit
        at[best_c] = best_k;
        cost = best_cost;
    }
    // Improve, while that lowers the cost: narrow a column on its own (a lone
    // character can go), or widen one with the room left or with what another
    // column gives up, that one narrowed no more than it must.
    for (int round = 0; round < 100; ++round) {
        const double room = kTextWidth - total();
        std::size_t up_c = ncol, up_k = 0, down_c = ncol, down_k = 0;
        double best = cost - kEps;
        auto consider = [&](std::size_t u, std::size_t uk, std::size_t d, std::size_t dk) {
            std::vector<const ColumnFits*> cols;
            for (std::size_t i = 0; i < ncol; ++i) cols.push_back(&fits[i][i == u ? uk : i == d ? dk : at[i]]);
            const double next = table_cost(cols);
            if (next < best) best = next, up_c = u, up_k = uk, down_c = d, down_k = dk;
        };
        for (std::size_t d = 0; d < ncol; ++d)
            for (std::size_t dk = 0; dk < at[d]; ++dk) consider(d, dk, ncol, 0);
        for (std::size_t u = 0; u < ncol; ++u)
            for (std::size_t uk = at[u] + 1; uk < cand[u].size(); ++uk) {
                const double need = cand[u][uk] - cand[u][at[u]];
                if (need <= room + kEps) {
                    consider(u, uk, ncol, 0);
                    continue;
                }
                for (std::size_t d = 0; d < ncol; ++d) {
                    if (d == u) continue;
                    std::size_t dk = at[d];
                    while (dk > 0 && need > room + cand[d][at[d]] - cand[d][dk] + kEps) --dk;
                    if (need <= room + cand[d][at[d]] - cand[d][dk] + kEps) consider(u, uk, d, dk);
                }
            }
        if (up_c == ncol) break;
        at[up_c] = up_k;
        if (down_c != ncol) at[down_c] = down_k;
        cost = best;
    }
    std::vector<double> w(ncol);
    for (std::size_t c = 0; c < ncol; ++c) w[c] = cand[c][at[c]];
    // The last bit of room: in proportion, unless that changes how a cell breaks
    // (a wider cell can leave a lone character); then to a column it changes nothing in.
    const double room = kTextWidth - total();
    if (room > kEps) {
        std::vector<double> spread = w;
        for (std::size_t c = 0; c < ncol; ++c) spread[c] += room * w[c] / total();
        std::vector<ColumnFits> spread_fits;
        for (std::size_t c = 0; c < ncol; ++c) spread_fits.push_back(measure(c, spread[c]));
        std::vector<const ColumnFits*> cols;
        for (const auto& f : spread_fits) cols.push_back(&f);
        if (table_cost(cols) <= cost + kEps) return spread;
        for (std::size_t c = 0; c < ncol; ++c) {
            const ColumnFits wider = measure(c, w[c] + room);
            std::vector<const ColumnFits*> trial;
            for (std::size_t i = 0; i < ncol; ++i) trial.push_back(i == c ? &wider : &fits[i][at[i]]);
            if (table_cost(trial) <= cost + kEps) {
                w[c] += room;
                return w;
            }
        }
        return spread;
    }
    return w;
}

// Column widths fitted to content: every column gets at least its longest
// unbreakable word; a table that fits unwrapped is widened in proportion,
// anything else goes to the fitter.
std::vector<double> column_widths(const std::vector<std::vector<CellText>>& cells, double step) {  // cells[0]: the header
    const std::size_t ncol = cells.front().size();
    std::vector<double> min_w(ncol, 0), max_w(ncol, 0);
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < ncol; ++c) {
            const Glyphs& g = cells[r][c].glyphs;
            max_w[c] = std::max(max_w[c], width_of(g) + 2 * kCellPadX);
            for (const auto& word : words(g, r == 0 ? Breaks::Word : Breaks::Line))
                min_w[c] = std::max(min_w[c], width_of(word) + 2 * kCellPadX);
        }
    // A short header (序号, 申报奖项) is one word, however ICU segments it.
    for (std::size_t c = 0; c < ncol; ++c) {
        const Glyphs& h = cells[0][c].glyphs;
        const double hw = width_of(h);
        if (!h.empty() && hw <= 4 * h.front().size + kEps) min_w[c] = std::max(min_w[c], hw + 2 * kCellPadX);
        // No column is wider than the 版心, however long its text (the fitter tries every width up to this).
        max_w[c] = std::max(std::min(max_w[c], kTextWidth), min_w[c]);
    }
    double sum_min = 0, sum_max = 0;
    for (std::size_t c = 0; c < ncol; ++c) sum_min += min_w[c], sum_max += max_w[c];
    std::vector<double> w(ncol);
    if (sum_max <= kTextWidth) {  // everything fits on one line: widen in proportion
        for (std::size_t c = 0; c < ncol; ++c) w[c] = max_w[c] + (kTextWidth - sum_max) * max_w[c] / sum_max;
        return w;
    }
    if (sum_min > kTextWidth) {  // not even the words fit: words split inside cells
        for (std::size_t c = 0; c < ncol; ++c) w[c] = kTextWidth * min_w[c] / sum_min;
        return w;
    }
    return fit_columns(cells, min_w, max_w, step);
}

void Composer::table(const Table& t) {
    const std::size_t ncol = t.columns.size();
    if (ncol == 0) throw std::logic_error("table without columns");
    const double size = t.font_size;
    std::vector<std::vector<Glyphs>> cells;
    std::vector<Glyphs> header;
    for (const auto& col : t.columns) header.push_back(shaper_.shape(col.header, Role::Heading, size));
    cells.push_back(header);
    for (const auto& row : t.rows) {
        if (row.size() != ncol) throw std::logic_error("table row with the wrong number of cells");
        std::vector<Glyphs> r;
        for (const auto& cell : row) r.push_back(shaper_.shape(cell, Role::Body, size));
        cells.push_back(std::move(r));
    }
    std::vector<std::vector<CellText>> texts;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        texts.emplace_back();
        for (const Glyphs& g : cells[r]) texts.back().push_back({g, break_points(g, r == 0 ? Breaks::Word : Breaks::Line)});
    }
    const auto widths = column_widths(texts, size / 2);
    const double leading = size * kCellLeading;
    const int table_id = int(table_headers.size());
    double header_height = 0;
    // Rows never split, so a row taller than a page (under the repeated header) cannot be printed.
    auto row_too_tall = [&](const std::vector<Text>& row, const std::vector<std::vector<Glyphs>>& lines, std::size_t nlines) {
        std::size_t c = 0;
        while (c + 1 < lines.size() && lines[c].size() != nlines) ++c;
        Origin origin;
        for (const Span& sp : row[c].spans())
            if (sp.origin.is_data()) origin = sp.origin;
        const std::string text = row[c].str();
        std::size_t cut = 0;  // the first 20 characters, for the message
        for (int n = 0; cut < text.size() && n < 20; ++n)
            do ++cut; while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
        layout_problems.push_back(
            {origin.is_data() ? origin.file : file_name_, origin.is_data() ? origin.record : "表格第" + std::to_string(&row - t.rows.data() + 1) + "行",
             origin.field, text.substr(0, cut) + (cut < text.size() ? "…（共" + std::to_string(nlines) + "行）" : ""),
             "能在一页内排下的内容：表格的一行不能跨页，这一格的文字在表格中要排" + std::to_string(nlines) +
                 "行，超过一页的高度；请缩短该字段"});
    };
    for (std::size_t r = 0; r < cells.size(); ++r) {
        Item row;
        row.grid = false;
        row.table = table_id;
        row.header = r == 0;
        row.keep_with_next = r == 0;
        std::vector<std::vector<Glyphs>> lines(ncol);
        std::size_t nlines = 1;
        for (std::size_t c = 0; c < ncol; ++c) {
            const double inner = widths[c] - 2 * kCellPadX;
            lines[c] = break_lines(cells[r][c], inner, inner, r == 0 ? Breaks::Word : Breaks::Line);
            nlines = std::max(nlines, lines[c].size());
        }
        row.height = double(nlines) * leading + 2 * kCellPadY;
        if (r == 0) header_height = row.height;
        else if (header_height + row.height > kTextHeight + kEps) row_too_tall(t.rows[r - 1], lines, nlines);
        double x = 0;
        for (std::size_t c = 0; c < ncol; ++c) {
            const Align align = r == 0 ? Align::Centre : t.columns[c].align;
            const double inner = widths[c] - 2 * kCellPadX;
            const double top = (row.height - double(lines[c].size()) * leading) / 2;  // vertically centred
            for (std::size_t l = 0; l < lines[c].size(); ++l) {
                const double baseline = top + double(l) * leading + (leading - size) / 2 + kAscent * size;
                add_line(row, place(lines[c][l], inner, align == Align::Justify ? Align::Left : align), x + kCellPadX, baseline);
            }
            row.rules.push_back({x, 0, x, row.height, kRuleWidth});
            x += widths[c];
        }
        row.rules.push_back({x, 0, x, row.height, kRuleWidth});
        row.rules.push_back({0, 0, x, 0, kRuleWidth});
        row.rules.push_back({0, row.height, x, row.height, kRuleWidth});
        if (r == 0) table_headers.push_back(row);
        else items.push_back(std::move(row));
    }
    items.insert(items.end() - std::ptrdiff_t(t.rows.size()), table_headers.back());
}

void Composer::chart(const Chart& c) {
    // The caption: 黑体 四号, centred, kept with what follows.
    const std::size_t before = items.size();
    centred(c.caption, Role::Heading, size::si, true);
    if (!c.has_data()) {
        paragraph(c.no_data.spans().empty() ? Text(kNoChartData) : c.no_data, {Role::Body, 0, Align::Centre, false});
        return;
    }
    const double caption_height = double(items.size() - before) * kPitch;
    const double height = c.height_mm * kMm;
    if (height + caption_height > kTextHeight + kEps)
        throw std::logic_error(file_name_ + ": chart \"" + c.caption.str() + "\" (" + std::to_string(c.height_mm) +
                               " mm and its caption) is taller than the 版心 (225 mm)");
    const ChartDrawing drawing = lay_out_chart(c, shaper_, kTextWidth, height);
    Item item;
    item.grid = false;
    item.height = height;
    item.shapes = drawing.shapes;
    for (const ChartGlyph& g : drawing.glyphs) item.glyphs.push_back({g.face, g.size, g.cp, g.x, g.baseline});
    items.push_back(std::move(item));
}

// A name without its final punctuation (GB/T 9704: 附件名称后不加标点符号).
Text without_final_punctuation(const Text& t) {
    std::vector<Span> spans = t.spans();
    static const char* const marks[] = {"。", "，", "；", "、", "：", ".", ",", ";", ":"};
    for (bool cut = true; cut && !spans.empty();) {
        cut = false;
        std::string& s = spans.back().text;
        for (const char* m : marks) {
            const std::string mark(m);
            if (s.size() >= mark.size() && s.compare(s.size() - mark.size(), mark.size(), mark) == 0) {
                s.erase(s.size() - mark.size());
                cut = true;
                break;
            }
        }
        if (s.empty()) spans.pop_back(), cut = true;
    }
    Text out;
    for (auto& sp : spans) out.add(std::move(sp.text), std::move(sp.origin));
    return out;
}

void Composer::attachments(const std::vector<Text>& names) {
    items.push_back(spacer());  // 在正文下空一行
    items.back().keep_with_next = true;
    const double x0 = 2 * kCharPitch;  // 左空二字
    const auto label = shaper_.shape(Text("附件："), Role::Body, size::san, kBodyTracking);
    const double number_x = x0 + width_of(label);
    for (std::size_t n = 0; n < names.size(); ++n) {
        // One attachment carries no number.
        const auto number = names.size() == 1 ? Glyphs{}
                                              : shaper_.shape(Text(std::to_string(n + 1) + "."), Role::Body, size::san,
                                                              kBodyTracking);
        const double name_x = number_x + width_of(number);
        const auto name = shaper_.shape(without_final_punctuation(names[n]), Role::Body, size::san, kBodyTracking);
        auto lines = break_lines(name, kTextWidth - name_x, kTextWidth - name_x);
        if (lines.empty()) lines.emplace_back();
        for (std::size_t l = 0; l < lines.size(); ++l) {
            Item line = text_line(place(lines[l], kTextWidth - name_x, Align::Justify, l + 1 == lines.size()), name_x);
            if (l == 0) {
                add_line(line, place(number, width_of(number), Align::Left), number_x, grid_baseline(size::san));
                if (n == 0) add_line(line, place(label, width_of(label), Align::Left), x0, grid_baseline(size::san));
            }
            line.keep_with_next = n + 1 < names.size() || l + 1 < lines.size();
            items.push_back(std::move(line));
        }
    }
}

// 版记 rules, in pt: 0.35 mm first and last, 0.25 mm between.
constexpr double kImprintOuterRule = 0.35 * kMm, kImprintInnerRule = 0.25 * kMm;

void Composer::imprint(const Text& copy_to, const Text& printed_by, const Text& printed_on) {
    const double size = size::si, em = size::si;  // 4号; "一字" is one 4号 character
    const double baseline = grid_baseline(size);
    Item foot_item;
    foot_item.grid = false;
    double y = 0;
    foot_item.rules.push_back({0, kImprintOuterRule / 2, kTextWidth, kImprintOuterRule / 2, kImprintOuterRule});
    if (!copy_to.spans().empty()) {
        // "抄送：…。": the next lines under the first character after the colon, one character in on the right too.
        Text body = copy_to;
        const std::string plain = copy_to.str();
        if (plain.size() < 3 || plain.compare(plain.size() - 3, 3, "。") != 0) body.add("。");
        const auto label = shaper_.shape(Text("抄送："), Role::Body, size);
        const double text_x = em + width_of(label);
        const double width = kTextWidth - em - text_x;
        const auto lines = break_lines(shaper_.shape(body, Role::Body, size), width, width);
        add_line(foot_item, place(label, width_of(label), Align::Left), em, y + baseline);
        for (std::size_t l = 0; l < lines.size(); ++l, y += kPitch)
            add_line(foot_item, place(lines[l], width, Align::Justify, l + 1 == lines.size()), text_x, y + baseline);
        foot_item.rules.push_back({0, y, kTextWidth, y, kImprintInnerRule});
    }
    // 印发机关 on the left, 印发日期 on the right, each one character in; the date never shares room with the body.
    const auto date = shaper_.shape(printed_on, Role::Body, size);
    const double date_w = width_of(date);
    const double body_w = std::max(0.0, kTextWidth - 3 * em - date_w);
    const auto lines = break_lines(shaper_.shape(printed_by, Role::Body, size), body_w, body_w);
    add_line(foot_item, place(date, date_w, Align::Left), kTextWidth - em - date_w, y + baseline);
    for (std::size_t l = 0; l < std::max<std::size_t>(1, lines.size()); ++l, y += kPitch)
        if (l < lines.size()) add_line(foot_item, place(lines[l], body_w, Align::Left), em, y + baseline);
    foot_item.rules.push_back({0, y - kImprintOuterRule / 2, kTextWidth, y - kImprintOuterRule / 2, kImprintOuterRule});
    foot_item.height = y;
    foot = std::move(foot_item);
}

struct Placed {
    const Item* item;
    double y;
};

// Text lines sit on the line grid; after a table the grid restarts at the table's foot.
double start_of(const Item& it, double y, double origin) {
    return it.grid ? origin + std::ceil((y - origin - kEps) / kPitch) * kPitch : y;
}

std::vector<std::vector<Placed>> paginate(const std::vector<Item>& items, const std::vector<Item>& headers,
                                          const std::optional<Item>& foot) {
    std::vector<std::vector<Placed>> pages(1);
    double y = 0, origin = 0;
    auto place_at = [&](const Item& it) {
        const double top = start_of(it, y, origin);
        pages.back().push_back({&it, top});
        y = top + it.height;
        if (!it.grid) origin = y;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.spacer && pages.back().empty()) continue;
        std::size_t j = i;
        while (j + 1 < items.size() && items[j].keep_with_next) ++j;
        auto chain_end = [&](double from, double org) {
            for (std::size_t k = i; k <= j; ++k) {
                from = start_of(items[k], from, org) + items[k].height;
                if (!items[k].grid) org = from;
            }
            return from;
        };
        // A chain longer than a page cannot be kept together: then only this item must fit.
        const bool chain_fits_a_page = chain_end(0, 0) <= kTextHeight + kEps;
        const bool fits = chain_fits_a_page ? chain_end(y, origin) <= kTextHeight + kEps
                                            : start_of(it, y, origin) + it.height <= kTextHeight + kEps;
        if (!fits && !pages.back().empty()) {
            pages.emplace_back();
            y = 0;
            origin = 0;
            if (it.spacer) continue;
            if (it.table >= 0 && !it.header) place_at(headers[std::size_t(it.table)]);
        }
        place_at(it);
    }
    // 版记: its last rule on the foot of the 版心, on the last page if the text leaves room above it.
    if (foot) {
        const double top = kTextHeight - foot->height;
        if (!pages.back().empty() && y > top + kEps) pages.emplace_back();
        pages.back().push_back({&*foot, top});
    }
    return pages;
}

// 页码 "— 1 —": 4号, 7 mm below the 版心; odd pages right, even pages left, one character in.
Item page_number(const Shaper& shaper, int n) {
    const auto g = shaper.shape(Text("— " + std::to_string(n) + " —"), Role::PageNumber, size::si);
    const double w = width_of(g);
    const double x = n % 2 == 1 ? kTextWidth - size::si - w : size::si;
    Item item;
    add_line(item, place(g, w, Align::Left), x, 7 * kMm + kAscent * size::si);
    return item;
}

// One shape of a chart, its coordinates from the item's top-left at (left, top).
void paint(PdfFile& pdf, const ChartShape& s, double left, double top) {
    std::vector<Point> pts;
    for (const Point& p : s.points) pts.push_back({left + p.x, top + p.y});
    switch (s.kind) {
        case ChartShape::Kind::Rect:
            if (s.fill) pdf.fill_rectangle(pts[0].x, pts[0].y, s.points[1].x, s.points[1].y, *s.fill);
            if (s.stroke_width > 0) pdf.stroke_rectangle(pts[0].x, pts[0].y, s.points[1].x, s.points[1].y, s.stroke_width, s.stroke);
            break;
        case ChartShape::Kind::Polyline: pdf.polyline(pts, s.stroke_width, s.stroke, s.dash, s.round); break;
        case ChartShape::Kind::Polygon: pdf.polygon(pts, s.fill, s.stroke_width, s.stroke); break;
        case ChartShape::Kind::Clip: pdf.begin_clip(pts[0].x, pts[0].y, s.points[1].x, s.points[1].y); break;
        case ChartShape::Kind::Unclip: pdf.end_clip(); break;
    }
}

}  // namespace

void Document::masthead(Text issuing_body, Text document_number) {
    blocks_.push_back({Block::Kind::Masthead, std::move(issuing_body), {}, 0, {}, std::move(document_number), {}});
}
void Document::title(Text t) { blocks_.push_back({Block::Kind::Title, std::move(t), {}, 0, {}, {}, {}}); }
void Document::addressee(Text t) { blocks_.push_back({Block::Kind::Addressee, std::move(t), {}, 0, {}, {}, {}}); }
void Document::paragraph(Text t, ParagraphStyle style) {
    blocks_.push_back({Block::Kind::Paragraph, std::move(t), style, 0, {}, {}, {}});
}
void Document::heading(Text t, int level) {
    if (level < 1 || level > 4)
        throw std::invalid_argument(file_name_ + ": heading level " + std::to_string(level) +
                                    " does not exist (GB/T 9704 has levels 1 to 4: 一、 （一） 1. （1）)");
    ParagraphStyle st;
    st.role = level == 1 ? Role::Heading : level == 2 ? Role::Kai : Role::Body;
    st.keep_with_next = true;
    paragraph(std::move(t), st);
}
void Document::blank_lines(int n) { blocks_.push_back({Block::Kind::Blank, {}, {}, n, {}, {}, {}}); }
void Document::table(Table t) { blocks_.push_back({Block::Kind::Table, {}, {}, 0, std::move(t), {}, {}}); }
void Document::chart(Chart c) {
    check_chart(c);
    // The drawing and one caption line must fit in the 版心.
    if (c.has_data() && c.height_mm * kMm + kPitch > kTextHeight + kEps)
        throw std::logic_error(file_name_ + ": chart \"" + c.caption.str() + "\" (" + std::to_string(c.height_mm) +
                               " mm and its caption) is taller than the 版心 (225 mm)");
    Block b{Block::Kind::Chart, {}, {}, 0, {}, {}, {}};
    b.chart = std::move(c);
    blocks_.push_back(std::move(b));
}
void Document::signature(Text issuer, const Date& date) {
    blocks_.push_back({Block::Kind::Signature, std::move(issuer), {}, 0, {}, Text(date.chinese()), {}});
}

void Document::attachments(std::vector<Text> names) {
    if (names.empty()) return;
    blocks_.push_back({Block::Kind::Attachments, {}, {}, 0, {}, {}, std::move(names)});
}

void Document::imprint(Text copy_to, Text printed_by, const Date& printed_on) {
    for (const Block& b : blocks_)
        if (b.kind == Block::Kind::Imprint) throw std::logic_error(file_name_ + ": the 版记 (imprint) is given twice");
    blocks_.push_back({Block::Kind::Imprint, std::move(copy_to), {}, 0, {}, std::move(printed_by),
                       {Text(printed_on.chinese() + "印发")}});
}

// Both on the heap: the composer refers to the font set, and this is returned by value.
struct Document::Composed {
    std::unique_ptr<FontSet> fonts;
    std::unique_ptr<Composer> comp;
};

Document::Composed Document::compose(const fs::path& data_dir) const {
    auto fonts = std::make_unique<FontSet>(FontSet::load(data_dir));
    Composed out = compose(*fonts);
    out.fonts = std::move(fonts);
    return out;
}

Document::Composed Document::compose(const FontSet& fonts) const {
    Composed out{nullptr, std::make_unique<Composer>(fonts, file_name_)};
    Composer& comp = *out.comp;
    for (const Block& b : blocks_) {
        switch (b.kind) {
            case Block::Kind::Masthead: comp.masthead(b.text, b.extra); break;
            case Block::Kind::Title:
                comp.centred(b.text, Role::Title, size::er, true);
                comp.items.push_back(spacer());
                break;
            case Block::Kind::Addressee:
                comp.paragraph(b.text, {Role::Body, 0, Align::Left, false});
                break;
            case Block::Kind::Paragraph: comp.paragraph(b.text, b.style); break;
            case Block::Kind::Blank:
                for (int i = 0; i < b.count; ++i) comp.items.push_back(spacer());
                break;
            case Block::Kind::Table: comp.table(b.table); break;
            case Block::Kind::Signature: comp.signature(b.text, b.extra); break;
            case Block::Kind::Attachments: comp.attachments(b.items); break;
            case Block::Kind::Imprint: comp.imprint(b.text, b.extra, b.items.front()); break;
            case Block::Kind::Chart: comp.chart(b.chart); break;
        }
    }
    return out;
}

std::vector<Problem> Document::font_problems(const fs::path& data_dir) const {
    return compose(data_dir).comp->shaper().problems();
}

std::vector<Problem> Document::font_problems(const FontSet& fonts) const {
    return compose(fonts).comp->shaper().problems();
}

void Document::write(const fs::path& data_dir, const std::string& info_title, const Date& date,
                     const fs::path& out) const {
    const Composed composed = compose(data_dir);
    const Composer& comp = *composed.comp;
    const auto pages = paginate(comp.items, comp.table_headers, comp.foot);
    std::vector<Item> numbers;
    for (std::size_t p = 0; p < pages.size(); ++p) numbers.push_back(page_number(comp.shaper(), int(p) + 1));
    std::vector<Problem> problems = comp.shaper().problems();
    problems.insert(problems.end(), comp.layout_problems.begin(), comp.layout_problems.end());
    if (!problems.empty()) throw InputError(problems);

    PdfFile pdf;
    auto visit = [&](auto&& f) {
        for (std::size_t p = 0; p < pages.size(); ++p) {
            for (const Placed& pl : pages[p]) f(p, *pl.item, kLeft, kTop + pl.y);
            f(p, numbers[p], kLeft, kTop + kTextHeight);
        }
    };
    visit([&](std::size_t, const Item& item, double, double) {
        for (const GlyphOp& g : item.glyphs) pdf.use(g.face, g.cp);
    });
    pdf.embed_fonts();
    std::size_t current = pages.size();
    visit([&](std::size_t p, const Item& item, double left, double top) {
        if (p != current) pdf.begin_page(kPageWidth, kPageHeight), current = p;
        for (const ChartShape& s : item.shapes) paint(pdf, s, left, top);
        for (const RuleOp& r : item.rules)
            pdf.line(left + r.x1, top + r.y1, left + r.x2, top + r.y2, r.width, r.red ? kRed : Rgb{});
        for (const GlyphOp& g : item.glyphs)
            pdf.text(g.face, g.size, left + g.x, top + g.baseline, g.cp, g.red ? kRed : Rgb{});
    });
    pdf.write(out, info_title, date);
    pages_written_ = int(pages.size());
}

}  // namespace award::pdf
