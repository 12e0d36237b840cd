#include "render/pdf/layout.hpp"
#include "model/utf8.hpp"

#include <cstdio>
#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace award::pdf {

namespace {

constexpr double kEps = 1e-6;

// Invisible formatting characters carry nothing to print.
bool invisible(char32_t c) {
    return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

// Wide, full-width, or of ambiguous width (“”‘’…—) and drawn a full em wide by
// the face, as CJK fonts draw them: then it takes a place on the character grid.
bool is_wide(char32_t c, double advance_em) {
    const int w = u_getIntPropertyValue(UChar32(c), UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH || (w == U_EA_AMBIGUOUS && advance_em >= 0.9);
}

// A character of a Latin word, number, code or phone number: never split.
bool latin_word_char(char32_t c) { return c > 0x20 && c < 0x7F; }

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
    return buf;
}

// allowed[i]: a line may break before glyph i (i in 1..n-1).
std::vector<bool> break_opportunities(const Glyphs& g, Breaks breaks) {
    const std::size_t n = g.size();
    std::vector<bool> allowed(n + 1, false);
    if (n == 0) return allowed;
    icu::UnicodeString u;
    std::vector<std::size_t> glyph_at;  // UTF-16 index -> glyph index
    for (std::size_t i = 0; i < n; ++i) {
        const int32_t before = u.length();
        u.append(UChar32(g[i].cp));
        for (int32_t k = before; k < u.length(); ++k) glyph_at.push_back(i);
    }
    glyph_at.push_back(n);
    auto collect = [&](icu::BreakIterator* it) {
        std::vector<bool> at(n + 1, false);
        it->setText(u);
        for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) at[glyph_at[std::size_t(p)]] = true;
        return at;
    };
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> line(
        icu::BreakIterator::createLineInstance(icu::Locale::createFromName("zh@lb=strict"), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU line break iterator: ") + u_errorName(status));
    allowed = collect(line.get());
    if (breaks == Breaks::Word || breaks == Breaks::Words) {
        std::unique_ptr<icu::BreakIterator> word(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
        const auto words = collect(word.get());
        for (std::size_t i = 0; i <= n; ++i) allowed[i] = allowed[i] && words[i];
    }
    for (std::size_t i = 1; i < n; ++i) {
        // 2026, 91411002MA44XXXXXX, 0374-2961234, a@b.cn: one unit.
        if (latin_word_char(g[i - 1].cp) && latin_word_char(g[i].cp)) allowed[i] = false;
        // "GB/T 19580", "ISO 9001": a designation and its number stay on one line.
        if (breaks == Breaks::Word && g[i].group != 0 && g[i].group == g[i - 1].group) allowed[i] = false;
        if (g[i - 1].cp == U' ' && i >= 2 && latin_word_char(g[i - 2].cp) && g[i].cp >= U'0' && g[i].cp <= U'9')
            allowed[i] = false;
    }
    allowed[0] = false;
    allowed[n] = true;
    return allowed;
}

double trimmed_width(const Glyphs& g, std::size_t from, std::size_t to) {
    while (to > from && g[to - 1].cp == U' ') --to;
    double w = 0;
    for (std::size_t i = from; i < to; ++i) w += g[i].advance;
    return w;
}

Glyphs slice(const Glyphs& g, std::size_t from, std::size_t to) {
    while (to > from && g[to - 1].cp == U' ') --to;
    return Glyphs(g.begin() + std::ptrdiff_t(from), g.begin() + std::ptrdiff_t(to));
}

}  // namespace

std::string Text::str() const {
    std::string s;
    for (const auto& sp : spans_) s += sp.text;
    return s;
}

Glyphs Shaper::shape(const Text& text, Role role, double size, double tracking) const {
    Glyphs out;
    int group = 0;
    for (const Span& span : text.spans()) {
        ++group;
        for (char32_t c : utf8::decode(span.text)) {
            if (c == U'\n' || c == U'\t' || c == U'\r') c = U' ';
            if (invisible(c)) continue;
            const FontFace* face = fonts_.face_for(role, c);
            if (!face) {
                Problem p{span.origin.file.empty() ? file_ : span.origin.file,
                          span.origin.is_data() ? span.origin.record : "文书模板",
                          span.origin.field.empty() ? "text" : span.origin.field, utf8::encode(c) + " (" + hex(c) + ")",
                          c > 0xFFFF
                              ? "基本多文种平面内的字符（PDF 库无法显示表情符号、扩展B区汉字等平面以外的字符，请改用常用写法）"
                              : "可由已配置字体显示的字符（fonts/fonts.json 中配置的字体都没有这个字符；"
                                "请把含有该字符的字体文件放入 fonts/ 并登记到 fonts/fonts.json，或改用常用字）"};
                bool seen = false;
                for (const auto& q : problems_)
                    seen = seen || (q.record == p.record && q.field == p.field && q.value == p.value);
                if (!seen) problems_.push_back(std::move(p));
                continue;
            }
            const double em = face->sfnt->advance(c);
            Glyph g{c, face, size, em * size, is_wide(c, em), span.origin.is_data() ? group : 0};
            if (g.wide) g.advance += tracking;
            out.push_back(g);
        }
    }
    return out;
}

double width_of(const Glyphs& g) { return trimmed_width(g, 0, g.size()); }

std::vector<bool> break_points(const Glyphs& g, Breaks breaks) { return break_opportunities(g, breaks); }

std::vector<Glyphs> break_lines(const Glyphs& g, double first_width, double width, Breaks breaks) {
    return break_lines(g, break_opportunities(g, breaks), first_width, width);
}

std::vector<Glyphs> break_lines(const Glyphs& g, const std::vector<bool>& allowed, double first_width, double width) {
    std::vector<Glyphs> lines;
    std::size_t start = 0;
    while (start < g.size()) {
        const double w = lines.empty() ? first_width : width;
        std::size_t last_break = 0, i = start;
        double acc = 0;
        for (; i < g.size(); ++i) {
            if (i > start && allowed[i]) last_break = i;
            acc += g[i].advance;
            if (acc > w + kEps && g[i].cp != U' ') break;
        }
        std::size_t end;
        if (i == g.size()) end = g.size();
        else if (last_break > start) end = last_break;
        else end = std::max(i, start + 1);  // one unbreakable word wider than the line: split it
        lines.push_back(slice(g, start, end));
        start = end;
        while (start < g.size() && g[start].cp == U' ') ++start;
    }
    return lines;
}

std::vector<Glyphs> words(const Glyphs& g, Breaks breaks) {
    std::vector<Glyphs> out;
    const auto allowed = break_opportunities(g, breaks);
    std::size_t start = 0;
    for (std::size_t i = 1; i <= g.size(); ++i)
        if (allowed[i]) {
            out.push_back(slice(g, start, i));
            start = i;
        }
    return out;
}

std::vector<Glyphs> break_balanced(const Glyphs& g, double width, Breaks breaks) {
    const auto greedy = break_lines(g, width, width, breaks);
    if (greedy.size() <= 1) return greedy;
    // The narrowest measure that still needs no more lines than the full width.
    double lo = width_of(g) / double(greedy.size()), hi = width;
    for (int k = 0; k < 30; ++k) {
        const double mid = (lo + hi) / 2;
        if (break_lines(g, mid, mid, breaks).size() <= greedy.size()) hi = mid;
        else lo = mid;
    }
    return break_lines(g, hi, hi, breaks);
}

LineBox place(const Glyphs& line, double width, Align align, bool last) {
    LineBox box;
    box.glyphs = line;
    box.width = width_of(line);
    const double slack = std::max(0.0, width - box.width);
    double x = 0, stretch = 0;
    if (align == Align::Centre) x = slack / 2;
    if (align == Align::Right) x = slack;
    if (align == Align::Justify && !last && line.size() > 1) {
        std::size_t gaps = 0;
        for (std::size_t i = 1; i < line.size(); ++i)
            if (!(latin_word_char(line[i - 1].cp) && latin_word_char(line[i].cp))) ++gaps;
        // A line broken far short (a long unbreakable word follows) stays ragged rather than gappy.
        if (gaps > 0 && slack / double(gaps) <= line.front().size * 0.5) stretch = slack / double(gaps);
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0 && !(latin_word_char(line[i - 1].cp) && latin_word_char(line[i].cp))) x += stretch;
        box.x.push_back(x);
        x += line[i].advance;
    }
    return box;
}

}  // namespace award::pdf
