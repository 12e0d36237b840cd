// Text layout for Chinese documents: text with provenance, font fallback per
// character, ICU line breaking (避头尾: no line starts with closing or ends with
// opening punctuation; Latin words and numbers kept whole) and justification.
#pragma once
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "render/pdf/fonts.hpp"

namespace award::pdf {

// Where a piece of text comes from, for messages about it: the input file, the
// record in it (JSON path and name) and the field. Empty for the program's own wording.
struct Origin {
    std::string file;    // e.g. "applicants.json"
    std::string record;  // e.g. "/applicants/3（许昌瑞达电气有限公司）"
    std::string field;   // e.g. "name"
    bool is_data() const { return !file.empty() || !record.empty(); }
};

struct Span {
    std::string text;  // UTF-8
    Origin origin;     // empty for the program's own wording
};

// A run of text made of spans: template wording and the user's data.
class Text {
public:
    Text() = default;
    Text(const char* s) { add(s); }  // NOLINT: wording literals read naturally
    Text(std::string s) { add(std::move(s)); }  // NOLINT
    Text(std::string s, Origin o) { add(std::move(s), std::move(o)); }

    Text& add(std::string s, Origin o = {}) {
        if (!s.empty()) spans_.push_back({std::move(s), std::move(o)});
        return *this;
    }
    Text& append(const Text& t) {
        spans_.insert(spans_.end(), t.spans_.begin(), t.spans_.end());
        return *this;
    }
    const std::vector<Span>& spans() const { return spans_; }
    std::string str() const;

private:
    std::vector<Span> spans_;
};

// One character set in one font at one size.
struct Glyph {
    char32_t cp = 0;
    const FontFace* face = nullptr;
    double size = 0;     // pt
    double advance = 0;  // pt, including tracking
    bool wide = false;   // East Asian wide/full-width (CJK characters and punctuation)
    int group = 0;       // spans of the user's data (names, titles) are numbered: Breaks::Word keeps them whole
};

using Glyphs = std::vector<Glyph>;

// A laid-out line: glyphs with x offsets from the line's left edge.
struct LineBox {
    Glyphs glyphs;
    std::vector<double> x;
    double width = 0;  // natural width
};

enum class Align { Left, Centre, Right, Justify };
// Line: ICU line breaking (zh, strict). Word: only where ICU word and line
// boundaries agree and never inside a span of data (titles, table headers).
// Words: where ICU word and line boundaries agree, inside data too (a long
// organisation name breaks between 装备 and 制造, not inside 装备).
enum class Breaks { Line, Word, Words };

// Turns text into glyphs with the role's fonts, collecting a Problem for each
// character no configured font has (the caller throws them together).
class Shaper {
public:
    Shaper(const FontSet& fonts, std::string file_name) : fonts_(fonts), file_(std::move(file_name)) {}

    // tracking: pt added to the advance of each wide character (the 28-per-line grid).
    Glyphs shape(const Text& text, Role role, double size, double tracking = 0) const;
    const std::vector<Problem>& problems() const { return problems_; }

private:
    const FontSet& fonts_;
    std::string file_;
    mutable std::vector<Problem> problems_;
};

// allowed[i]: a line may break before glyph i (size glyphs.size() + 1). Worked
// out once for a text that is broken at many widths (table columns).
std::vector<bool> break_points(const Glyphs& glyphs, Breaks breaks = Breaks::Line);

// Greedy line breaking at ICU break opportunities; a word longer than a line
// is split between characters. Spaces at line ends are dropped.
std::vector<Glyphs> break_lines(const Glyphs& glyphs, double first_width, double width, Breaks breaks = Breaks::Line);
std::vector<Glyphs> break_lines(const Glyphs& glyphs, const std::vector<bool>& allowed, double first_width, double width);

// The unbreakable pieces of a text (the minimum width a column needs).
std::vector<Glyphs> words(const Glyphs& glyphs, Breaks breaks = Breaks::Line);

// Breaks into as few lines as the width allows, with line lengths as even as the break opportunities allow (titles).
std::vector<Glyphs> break_balanced(const Glyphs& glyphs, double width, Breaks breaks = Breaks::Word);

// Positions a line's glyphs in a box `width` wide. Justify spreads the slack
// over the gaps between characters (never inside a Latin word or number);
// `last` lines of a paragraph are not stretched.
LineBox place(const Glyphs& line, double width, Align align, bool last = false);

double width_of(const Glyphs& g);

}  // namespace award::pdf
