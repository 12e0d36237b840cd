#include "render/pdf/document.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

#include <podofo/podofo.h>

#include "model/errors.hpp"

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
constexpr double kRed[3] = {0.90, 0.0, 0.07};

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
    std::vector<GlyphOp> glyphs;
    std::vector<RuleOp> rules;
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
    Composer(const FontSet& fonts, const std::string& file) : shaper_(fonts, file) {}

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
        auto mark = shaper_.shape(body, Role::Title, kMastheadMax);
        double size = kMastheadMax;
        if (width_of(mark) > kTextWidth) {
            size = kMastheadMax * kTextWidth / width_of(mark);
            mark = shaper_.shape(body, Role::Title, size);
        }
        Item head;
        head.grid = false;
        head.keep_with_next = true;
        head.height = 35 * kMm + size;
        add_line(head, place(mark, kTextWidth, Align::Centre), 0, 35 * kMm + kAscent * size);
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
        // Never a signature alone on a page: the last two lines of text go with it,
        // so the page it lands on still carries the end of the text.
        int kept = 0;
        for (auto it = items.rbegin(); it != items.rend() && kept < 2; ++it) {
            it->keep_with_next = true;
            if (!it->spacer) ++kept;
        }
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

private:
    Shaper shaper_;
};

// Column widths fitted to content: every column gets at least its longest
// unbreakable word, the rest of the 版心 goes where text would otherwise wrap.
std::vector<double> column_widths(const std::vector<std::vector<Glyphs>>& cells) {  // cells[0]: the header
    const std::size_t ncol = cells.front().size();
    std::vector<double> min_w(ncol, 0), max_w(ncol, 0);
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < ncol; ++c) {
            max_w[c] = std::max(max_w[c], width_of(cells[r][c]) + 2 * kCellPadX);
            for (const auto& word : words(cells[r][c], r == 0 ? Breaks::Word : Breaks::Line))
                min_w[c] = std::max(min_w[c], width_of(word) + 2 * kCellPadX);
        }
    // A short header (序号, 申报奖项) is one word, however ICU segments it.
    for (std::size_t c = 0; c < ncol; ++c) {
        const double hw = width_of(cells[0][c]);
        if (!cells[0][c].empty() && hw <= 4 * cells[0][c].front().size + kEps) min_w[c] = std::max(min_w[c], hw + 2 * kCellPadX);
        max_w[c] = std::max(max_w[c], min_w[c]);
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
    // Columns that need little to stop wrapping get it first, while that is no
    // more than a fair share; the rest is shared in proportion to what is missing.
    w = min_w;
    double extra = kTextWidth - sum_min;
    std::vector<std::size_t> order(ncol);
    for (std::size_t c = 0; c < ncol; ++c) order[c] = c;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return max_w[a] - min_w[a] < max_w[b] - min_w[b]; });
    std::size_t k = 0;
    for (; k < ncol; ++k) {
        const std::size_t c = order[k];
        const double need = max_w[c] - min_w[c];
        if (need > extra / double(ncol - k)) break;
        w[c] = max_w[c];
        extra -= need;
    }
    double missing = 0;
    for (std::size_t i = k; i < ncol; ++i) missing += max_w[order[i]] - min_w[order[i]];
    for (std::size_t i = k; i < ncol; ++i) {
        const std::size_t c = order[i];
        w[c] += extra * (max_w[c] - min_w[c]) / missing;
    }
    return w;
}

// The table's cost under some column widths: the lines all rows take (rows are as
// tall as their tallest cell), then the cells whose last line is one character.
std::pair<std::size_t, std::size_t> table_cost(const std::vector<std::vector<Glyphs>>& cells, const std::vector<double>& w) {
    std::size_t lines = 0, orphans = 0;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        std::size_t tallest = 1;
        for (std::size_t c = 0; c < w.size(); ++c) {
            const double inner = w[c] - 2 * kCellPadX;
            const auto ls = break_lines(cells[r][c], inner, inner, r == 0 ? Breaks::Word : Breaks::Line);
            tallest = std::max(tallest, ls.size());
            if (ls.size() > 1 && ls.back().size() == 1) ++orphans;
        }
        lines += tallest;
    }
    return {lines, orphans};
}

// Moves width between columns, a character at a time, while that makes the table
// shorter or leaves fewer one-character last lines ("仪器仪表制造／业").
std::vector<double> refine_widths(const std::vector<std::vector<Glyphs>>& cells, std::vector<double> w, double step) {
    // Never narrower than a column's longest unbreakable word (a credit code, a phone number).
    std::vector<double> floor_w(w.size(), 0);
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < w.size(); ++c)
            for (const auto& word : words(cells[r][c], r == 0 ? Breaks::Word : Breaks::Line))
                floor_w[c] = std::max(floor_w[c], width_of(word) + 2 * kCellPadX);
    auto best = table_cost(cells, w);
    for (int round = 0; round < 40; ++round) {
        bool improved = false;
        std::vector<double> best_w = w;
        for (std::size_t from = 0; from < w.size(); ++from) {
            if (w[from] - step < floor_w[from] - kEps) continue;
            for (std::size_t to = 0; to < w.size(); ++to) {
                if (to == from) continue;
                std::vector<double> trial = w;
                trial[from] -= step;
                trial[to] += step;
                const auto cost = table_cost(cells, trial);
                if (cost < best) best = cost, best_w = trial, improved = true;
            }
        }
        if (!improved) break;
        w = best_w;
    }
    return w;
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
    const auto widths = refine_widths(cells, column_widths(cells), size);
    const double leading = size * kCellLeading;
    const int table_id = int(table_headers.size());
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

struct Placed {
    const Item* item;
    double y;
};

// Text lines sit on the line grid; after a table the grid restarts at the table's foot.
double start_of(const Item& it, double y, double origin) {
    return it.grid ? origin + std::ceil((y - origin - kEps) / kPitch) * kPitch : y;
}

std::vector<std::vector<Placed>> paginate(const std::vector<Item>& items, const std::vector<Item>& headers) {
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
    return pages;
}

std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) s += char(c);
    else if (c < 0x800) s += char(0xC0 | (c >> 6)), s += char(0x80 | (c & 0x3F));
    else s += char(0xE0 | (c >> 12)), s += char(0x80 | ((c >> 6) & 0x3F)), s += char(0x80 | (c & 0x3F));
    return s;  // BMP only: the font set refuses the rest
}

PoDoFo::PdfString pdf_string(const std::string& s) {
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.c_str()));
}

std::string pdf_date(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02u%02u000000+08'00'", d.year(), d.month(), d.day());
    return buf;
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

class TempFile {
public:
    explicit TempFile(const fs::path& target) {
        std::string templ = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        const int fd = mkstemp(templ.data());
        if (fd < 0) throw std::runtime_error(target.string() + ": cannot create a temporary file beside it");
        close(fd);
        path_ = templ;
    }
    ~TempFile() {
        std::error_code ec;
        if (!path_.empty()) fs::remove(path_, ec);
    }
    const fs::path& path() const { return path_; }
    void commit(const fs::path& target) {
        // mkstemp makes the file private (0600); a finished document gets the usual
        // permissions (0666 less the umask) like any other file the office saves.
        const mode_t mask = umask(0);
        umask(mask);
        chmod(path_.c_str(), 0666 & ~mask);
        fs::rename(path_, target);
        path_.clear();
    }

private:
    fs::path path_;
};

}  // namespace

void Document::masthead(Text issuing_body, Text document_number) {
    blocks_.push_back({Block::Kind::Masthead, std::move(issuing_body), {}, 0, {}, std::move(document_number)});
}
void Document::title(Text t) { blocks_.push_back({Block::Kind::Title, std::move(t), {}, 0, {}, {}}); }
void Document::addressee(Text t) { blocks_.push_back({Block::Kind::Addressee, std::move(t), {}, 0, {}, {}}); }
void Document::paragraph(Text t, ParagraphStyle style) {
    blocks_.push_back({Block::Kind::Paragraph, std::move(t), style, 0, {}, {}});
}
void Document::heading(Text t, int level) {
    ParagraphStyle st;
    st.role = level == 1 ? Role::Heading : level == 2 ? Role::Kai : Role::Body;
    st.keep_with_next = true;
    paragraph(std::move(t), st);
}
void Document::blank_lines(int n) { blocks_.push_back({Block::Kind::Blank, {}, {}, n, {}, {}}); }
void Document::table(Table t) { blocks_.push_back({Block::Kind::Table, {}, {}, 0, std::move(t), {}}); }
void Document::signature(Text issuer, const Date& date) {
    blocks_.push_back({Block::Kind::Signature, std::move(issuer), {}, 0, {}, Text(date.chinese())});
}

// Both on the heap: the composer refers to the font set, and this is returned by value.
struct Document::Composed {
    std::unique_ptr<FontSet> fonts;
    std::unique_ptr<Composer> comp;
};

Document::Composed Document::compose(const fs::path& data_dir) const {
    Composed out{std::make_unique<FontSet>(FontSet::load(data_dir)), nullptr};
    out.comp = std::make_unique<Composer>(*out.fonts, file_name_);
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
        }
    }
    return out;
}

std::vector<Problem> Document::font_problems(const fs::path& data_dir) const {
    return compose(data_dir).comp->shaper().problems();
}

void Document::write(const fs::path& data_dir, const std::string& info_title, const Date& date,
                     const fs::path& out) const {
    const Composed composed = compose(data_dir);
    const Composer& comp = *composed.comp;
    const auto pages = paginate(comp.items, comp.table_headers);
    std::vector<Item> numbers;
    for (std::size_t p = 0; p < pages.size(); ++p) numbers.push_back(page_number(comp.shaper(), int(p) + 1));
    if (!comp.shaper().problems().empty()) throw InputError(comp.shaper().problems());

    try {
        PoDoFo::PdfMemDocument doc;
        std::map<const FontFace*, PoDoFo::PdfFont*> pdf_fonts;
        auto font_for = [&](const FontFace* face) {
            auto& f = pdf_fonts[face];
            if (!f) {
                f = doc.CreateFontSubset(face->key.c_str(), false, false, false,
                                         PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                         face->embed_path.c_str());
                if (!f) throw std::runtime_error(face->embed_path.string() + ": PoDoFo could not load the font");
            }
            return f;
        };
        auto paint = [&](PoDoFo::PdfPainter& painter, const Item& item, double left, double top) {
            for (const RuleOp& r : item.rules) {
                painter.SetStrokeWidth(r.width);
                if (r.red) painter.SetStrokingColor(kRed[0], kRed[1], kRed[2]);
                painter.DrawLine(left + r.x1, kPageHeight - (top + r.y1), left + r.x2, kPageHeight - (top + r.y2));
                if (r.red) painter.SetStrokingColor(0, 0, 0);
            }
            for (const GlyphOp& g : item.glyphs) {
                PoDoFo::PdfFont* f = font_for(g.face);
                f->SetFontSize(float(g.size));
                painter.SetFont(f);
                if (g.red) painter.SetColor(kRed[0], kRed[1], kRed[2]);
                painter.DrawText(left + g.x, kPageHeight - (top + g.baseline), pdf_string(utf8(g.cp)));
                if (g.red) painter.SetColor(0, 0, 0);
            }
        };
        for (std::size_t p = 0; p < pages.size(); ++p) {
            PoDoFo::PdfPage* page = doc.CreatePage(PoDoFo::PdfRect(0, 0, kPageWidth, kPageHeight));
            PoDoFo::PdfPainter painter;
            painter.SetPage(page);
            for (const Placed& pl : pages[p]) paint(painter, *pl.item, kLeft, kTop + pl.y);
            paint(painter, numbers[p], kLeft, kTop + kTextHeight);
            painter.FinishPage();
        }
        PoDoFo::PdfInfo* info = doc.GetInfo();
        info->SetTitle(pdf_string(info_title));
        info->SetProducer(pdf_string("award"));
        info->SetCreator(pdf_string("award"));
        info->SetCustomKey(PoDoFo::PdfName("CreationDate"), PoDoFo::PdfString(pdf_date(date)));
        info->SetCustomKey(PoDoFo::PdfName("ModDate"), PoDoFo::PdfString(pdf_date(date)));
        doc.EmbedSubsetFonts();

        if (!out.parent_path().empty()) fs::create_directories(out.parent_path());
        TempFile tmp(out);
        doc.Write(tmp.path().c_str());
        tmp.commit(out);
    } catch (const PoDoFo::PdfError& e) {
        throw std::runtime_error(out.string() + ": PDF writing failed: " + e.what());
    }
    pages_written_ = int(pages.size());
}

}  // namespace award::pdf
