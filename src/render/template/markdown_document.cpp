// From a template and its values to a 公文 document: mstch fills in the tags,
// cmark-gfm parses the Markdown, and the blocks go to pdf::Document.
//
// Each non-empty text value enters mstch as a placeholder (private-use
// characters around its number) and is put back only after the Markdown is
// parsed: a value can never change the structure, and keeps its Origin.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <tuple>
#include <mstch/mstch.hpp>

#include "render/template/document_template.hpp"
#include "render/template/mustache_tags.hpp"
#include "model/utf8.hpp"

namespace award::tpl {

using pdf::Origin;
using pdf::Span;
using pdf::Text;

// ---- Schema and values ------------------------------------------------------------

TemplateSchema& TemplateSchema::text(std::string name) {
    vars_.push_back({std::move(name), VariableKind::Text, {}});
    return *this;
}
TemplateSchema& TemplateSchema::flag(std::string name) {
    vars_.push_back({std::move(name), VariableKind::Flag, {}});
    return *this;
}
TemplateSchema& TemplateSchema::list(std::string name, const TemplateSchema& item) {
    vars_.push_back({std::move(name), VariableKind::List, item.variables()});
    return *this;
}

TemplateSchema& TemplateSchema::figure(std::string name) {
    vars_.push_back({std::move(name), VariableKind::Figure, {}});
    return *this;
}

Figure& Figure::chart(pdf::Chart c) {
    Part p;
    p.kind = Part::Kind::Chart;
    p.chart = std::move(c);
    parts.push_back(std::move(p));
    return *this;
}
Figure& Figure::table(pdf::Table t) {
    Part p;
    p.kind = Part::Kind::Table;
    p.table = std::move(t);
    parts.push_back(std::move(p));
    return *this;
}
Figure& Figure::paragraph(pdf::Text t, pdf::ParagraphStyle style) {
    Part p;
    p.kind = Part::Kind::Paragraph;
    p.text = std::move(t);
    p.style = style;
    parts.push_back(std::move(p));
    return *this;
}

TemplateValue TemplateValue::of(std::string s, Origin o) { return of_text(Text(std::move(s), std::move(o))); }
TemplateValue TemplateValue::of_text(Text t) {
    TemplateValue v;
    v.kind = VariableKind::Text;
    v.text = std::move(t);
    return v;
}
TemplateValue TemplateValue::of_flag(bool b) {
    TemplateValue v;
    v.kind = VariableKind::Flag;
    v.flag = b;
    return v;
}
TemplateValue TemplateValue::of_list(std::vector<TemplateObject> items) {
    TemplateValue v;
    v.kind = VariableKind::List;
    v.items = std::move(items);
    return v;
}
TemplateValue TemplateValue::of_figure(Figure f) {
    TemplateValue v;
    v.kind = VariableKind::Figure;
    v.figure = std::move(f);
    return v;
}

std::string markdown_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) || (u >= 0x7B && u <= 0x7E))
            out += '\\';
        out += c;
    }
    return out;
}

namespace {

// U+FDD0 <decimal index> U+FDD1: noncharacters (never in real text), no Markdown
// meaning, so a placeholder survives parsing inside one text node. A figure's
// placeholder is U+FDD2 <index> U+FDD1.
const std::string kOpen = "\xEF\xB7\x90";
const std::string kClose = "\xEF\xB7\x91";
const std::string kFigureOpen = "\xEF\xB7\x92";

struct Values {
    std::vector<Text> texts;  // placeholder i stands for texts[i]
    std::vector<const Figure*> figures;  // figure placeholder i stands for figures[i]
};

mstch::node to_node(const TemplateValue& v, Values& vals);

mstch::map to_map(const TemplateObject& o, Values& vals) {
    mstch::map m;
    for (const auto& [name, v] : o.values) m.emplace(name, to_node(v, vals));
    return m;
}

mstch::node to_node(const TemplateValue& v, Values& vals) {
    switch (v.kind) {
        case VariableKind::Flag: return v.flag;
        case VariableKind::List: {
            mstch::array a;
            for (const auto& item : v.items) a.push_back(to_map(item, vals));
            return a;
        }
        case VariableKind::Figure:
            vals.figures.push_back(&v.figure);
            return kFigureOpen + std::to_string(vals.figures.size() - 1) + kClose;
        case VariableKind::Text: break;
    }
    if (v.text.str().empty()) return std::string();  // empty stays empty, so {{^name}} sees it
    vals.texts.push_back(v.text);
    return kOpen + std::to_string(vals.texts.size() - 1) + kClose;
}

// mstch's escape function is global: one render at a time sets it.
std::mutex& mstch_lock() {
    static std::mutex m;
    return m;
}

std::string fill(const std::string& tmpl, const mstch::map& ctx) {
    std::lock_guard<std::mutex> lock(mstch_lock());
    mstch::config::escape = markdown_escape;
    return mstch::render(tmpl, ctx);
}

// Appends `s` to `out`, turning placeholders back into their values' spans.
void expand(const std::string& s, const Values* vals, std::vector<Span>& out) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto open = vals ? s.find(kOpen, pos) : std::string::npos;
        const auto close = open == std::string::npos ? std::string::npos : s.find(kClose, open);
        if (close == std::string::npos) {
            out.push_back({s.substr(pos), {}});
            return;
        }
        const std::string digits = s.substr(open + kOpen.size(), close - open - kOpen.size());
        const bool ok = !digits.empty() && digits.size() < 9 &&
                        digits.find_first_not_of("0123456789") == std::string::npos &&
                        std::stoul(digits) < vals->texts.size();
        if (!ok) {  // not one of ours: keep it as written
            out.push_back({s.substr(pos, close + kClose.size() - pos), {}});
            pos = close + kClose.size();
            continue;
        }
        if (open > pos) out.push_back({s.substr(pos, open - pos), {}});
        for (const Span& sp : vals->texts[std::stoul(digits)].spans()) out.push_back(sp);
        pos = close + kClose.size();
    }
}

Text to_text(const std::vector<Span>& spans) {
    Text t;
    for (const Span& s : spans) t.add(s.text, s.origin);
    return t;
}

// ---- UTF-8 helpers for joining lines ----------------------------------------------

char32_t last_cp(const std::string& s) { return s.empty() ? 0 : utf8::code_point(utf8::characters(s).back()); }

char32_t first_cp(const std::string& s) { return s.empty() ? 0 : utf8::code_point(utf8::characters(s).front()); }

// CJK characters and full-width punctuation: a line break between them is no space.
bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
}

// ---- The Markdown walk ----------------------------------------------------------------

struct CmarkDoc {
    cmark_node* root = nullptr;
    ~CmarkDoc() {
        if (root) cmark_node_free(root);
    }
};

cmark_node* parse_markdown(const std::string& md) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
        cmark_parser_attach_syntax_extension(parser, table);
    else
        throw std::logic_error("cmark-gfm has no table extension");
    cmark_parser_feed(parser, md.data(), md.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return root;
}

std::string type_of(cmark_node* n) { return cmark_node_get_type_string(n); }

// Walks the blocks either to check them (doc == nullptr) or to build the document.
class Walker {
public:
    Walker(std::string file, int first_line, const Values* vals, pdf::Document* doc, bool rendered)
        : file_(std::move(file)), first_line_(first_line), vals_(vals), doc_(doc), rendered_(rendered) {}

    void blocks(cmark_node* root) {
        for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) block(n);
    }
    const std::vector<std::string>& errors() const { return errors_; }

private:
    void error(cmark_node* n, const std::string& msg) {
        const int line = first_line_ - 1 + cmark_node_get_start_line(n);
        errors_.push_back(file_ + ":" + std::to_string(line) + ": " + msg +
                          (rendered_ ? " (line of the text after the values were filled in)" : ""));
    }

    void block(cmark_node* n) {
        const std::string type = type_of(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                if (figure(n)) return;
                pdf::ParagraphStyle st;
                // A lead-in line ("名单如下：") stays on the page of its table.
                cmark_node* next = cmark_node_next(n);
                st.keep_with_next = next && (type_of(next) == "table" || holds_figure(next));
                emit_paragraph(inlines(n), st);
                return;
            }
            case CMARK_NODE_HEADING: {
                const int level = cmark_node_get_heading_level(n);
                if (level > 4) {
                    error(n, "heading level " + std::to_string(level) + " (" + std::string(static_cast<std::size_t>(level), '#') +
                                 "): the 公文 layout has four levels, # to ####");
                    return;
                }
                Text t = inlines(n);
                if (doc_) doc_->heading(std::move(t), level);
                return;
            }
            case CMARK_NODE_LIST: list(n); return;
            case CMARK_NODE_THEMATIC_BREAK:
                error(n, "a thematic break (---, *** or ___ on its own line) has no place in a 公文; remove it "
                         "(to stop a paragraph, leave an empty line)");
                return;
            case CMARK_NODE_BLOCK_QUOTE: error(n, "block quotes (> …) are not supported in the 公文 layout"); return;
            case CMARK_NODE_CODE_BLOCK:
                error(n, "code blocks (indented by 4 spaces or fenced with ```) are not supported; remove the indentation");
                return;
            case CMARK_NODE_HTML_BLOCK: error(n, "HTML is not supported in document templates"); return;
            default: break;
        }
        if (type == "table") {
            table(n);
            return;
        }
        error(n, "unsupported Markdown block (" + type + ")");
    }

    static bool holds_figure(cmark_node* n) {
        if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) return false;
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
            if (const char* lit = cmark_node_get_literal(c); lit && std::string(lit).find(kFigureOpen) != std::string::npos)
                return true;
        return false;
    }

    // A paragraph that holds a figure's placeholder: the figure when the placeholder is
    // all there is, an error when it shares the paragraph with text. False: no figure.
    bool figure(cmark_node* n) {
        std::string text;
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
            text += cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "\n";
        const auto open = text.find(kFigureOpen);
        if (open == std::string::npos) return false;
        const auto close = text.find(kClose, open);
        const std::string digits = close == std::string::npos ? "" : text.substr(open + kFigureOpen.size(), close - open - kFigureOpen.size());
        const bool alone = open == 0 && close != std::string::npos && close + kClose.size() == text.size() &&
                           !digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos &&
                           vals_ && std::stoul(digits) < vals_->figures.size();
        if (!alone) {
            error(n, "a figure (chart or table) must stand alone in its paragraph: put an empty line before and after its tag");
            return true;
        }
        if (!doc_) return true;
        for (const Figure::Part& p : vals_->figures[std::stoul(digits)]->parts) {
            switch (p.kind) {
                case Figure::Part::Kind::Chart: doc_->chart(p.chart); break;
                case Figure::Part::Kind::Table: doc_->table(p.table); break;
                case Figure::Part::Kind::Paragraph: doc_->paragraph(p.text, p.style); break;
            }
        }
        return true;
    }

    void emit_paragraph(Text t, pdf::ParagraphStyle st = {}) {
        if (doc_ && !t.spans().empty()) doc_->paragraph(std::move(t), st);
    }

    void list(cmark_node* n) {
        if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST) {
            error(n, "bullet lists (- or * items) are not supported in the 公文 layout; use a numbered list (1. 2. …) "
                     "or paragraphs");
            return;
        }
        int number = cmark_node_get_list_start(n);
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item), ++number) {
            bool first = true;
            for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
                if (cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH) {
                    error(b, "a numbered list item may hold only paragraphs, not " + type_of(b));
                    continue;
                }
                Text t = first ? Text(std::to_string(number) + ".") : Text();
                t.append(inlines(b));
                emit_paragraph(std::move(t));
                first = false;
            }
        }
    }

    void table(cmark_node* n) {
        const uint16_t ncols = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        pdf::Table t;
        bool header = true;
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            std::vector<Text> cells;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) cells.push_back(inlines(cell));
            cells.resize(ncols);
            if (header) {
                for (uint16_t c = 0; c < ncols; ++c) {
                    const uint8_t a = align ? align[c] : 0;
                    t.columns.push_back({cells[c], a == 'c' ? pdf::Align::Centre : a == 'r' ? pdf::Align::Right : pdf::Align::Left});
                }
                header = false;
            } else {
                t.rows.push_back(std::move(cells));
            }
        }
        if (doc_) doc_->table(std::move(t));
    }

    // The text of a block's inlines: emphasis, links and code keep their text and lose their styling.
    Text inlines(cmark_node* n) {
        std::vector<Span> spans;
        std::vector<std::size_t> breaks;  // soft breaks: index in spans where the next line starts
        collect(n, spans, breaks);
        std::vector<Span> out;
        std::size_t b = 0;
        for (std::size_t i = 0; i <= spans.size(); ++i) {
            for (; b < breaks.size() && breaks[b] == i; ++b) {
                // A line break inside CJK text is no space; between Latin words it is one.
                const char32_t before = out.empty() ? 0 : last_cp(out.back().text);
                const char32_t after = i < spans.size() ? first_cp(spans[i].text) : 0;
                if (before && after && !wide(before) && !wide(after)) out.push_back({" ", {}});
            }
            if (i < spans.size()) out.push_back(spans[i]);
        }
        return to_text(out);
    }

    void collect(cmark_node* n, std::vector<Span>& spans, std::vector<std::size_t>& breaks) {
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            switch (cmark_node_get_type(c)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE:
                    if (std::string(cmark_node_get_literal(c)).find(kFigureOpen) != std::string::npos) {
                        // In a list item, a table cell or a heading: nowhere to set a chart.
                        error(c, "a figure (chart or table) must stand alone in its paragraph, not in a list, table or heading");
                        break;
                    }
                    expand(cmark_node_get_literal(c), vals_, spans);
                    break;
                case CMARK_NODE_SOFTBREAK:
                case CMARK_NODE_LINEBREAK: breaks.push_back(spans.size()); break;
                case CMARK_NODE_HTML_INLINE: error(c, std::string("HTML is not supported in document templates: ") + cmark_node_get_literal(c)); break;
                case CMARK_NODE_IMAGE: error(c, "images are not supported in the 公文 layout"); break;
                default: collect(c, spans, breaks); break;  // emphasis, strong, link, strikethrough: their text
            }
        }
    }

    std::string file_;
    int first_line_;
    const Values* vals_;
    pdf::Document* doc_;
    bool rendered_;
    std::vector<std::string> errors_;
};

void throw_if(const std::vector<std::string>& errors) {
    if (errors.empty()) return;
    std::string msg;
    for (const auto& e : errors) msg += (msg.empty() ? "" : "\n") + e;
    throw ConfigError(msg);
}

// A figure's tag has its line to itself, with an empty line (or only section tags and
// comments) before and after it: anything else would join it to a paragraph. A figure in
// the title or the addressee has nowhere to go.
void check_figure_tags(const DocumentTemplate& t, const TemplateSchema& schema, const std::vector<Tag>& tags,
                       std::vector<std::string>& errors) {
    auto is_figure = [&](const std::string& name) {
        for (const auto& v : schema.variables())
            if (v.name == name && v.kind == VariableKind::Figure) return true;
        return false;
    };
    for (const auto& [text, line, where] : {std::tuple{&t.title, t.title_line, "title"}, std::tuple{&t.addressee, t.addressee_line, "addressee"}}) {
        std::vector<std::string> ignored;
        for (const Tag& tag : tokenize(*text, line, t.name, ignored))
            if (tag.kind == Tag::Kind::Variable && is_figure(tag.name))
                errors.push_back(t.name + ":" + std::to_string(tag.line) + ": the figure {{" + tag.name + "}} cannot stand in the " +
                                 where + "; put it in the body, alone in its paragraph");
    }
    const std::string& body = t.body;
    // The byte range [from, to) of the line holding `pos`.
    auto line_of = [&](std::size_t pos) {
        const auto start = pos == 0 ? std::string::npos : body.rfind('\n', pos - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        return std::pair{from, std::min(body.find('\n', pos), body.size())};
    };
    // Whether a line holds nothing but white space and tags other than variables.
    auto blank = [&](std::size_t from, std::size_t to, const Tag* except) {
        std::size_t pos = from;
        for (const Tag& tag : tags) {
            if (tag.end <= from || tag.begin >= to) continue;
            if (&tag != except && tag.kind == Tag::Kind::Variable) return false;
            if (body.substr(pos, tag.begin - pos).find_first_not_of(" \t\r") != std::string::npos) return false;
            pos = tag.end;
        }
        return pos >= to || body.substr(pos, to - pos).find_first_not_of(" \t\r") == std::string::npos;
    };
    for (const Tag& tag : tags) {
        if (tag.kind != Tag::Kind::Variable || !is_figure(tag.name)) continue;
        const auto [from, to] = line_of(tag.begin);
        bool alone = blank(from, to, &tag);
        if (alone && from > 0) {
            const auto [pf, pt] = line_of(from - 1);
            alone = blank(pf, pt, nullptr);
        }
        if (alone && to < body.size()) {
            const auto [nf, nt] = line_of(to + 1);
            alone = to + 1 >= body.size() || blank(nf, nt, nullptr);
        }
        if (!alone)
            errors.push_back(t.name + ":" + std::to_string(tag.line) + ": the figure {{" + tag.name +
                             "}} must stand alone on its line, with an empty line before and after it");
    }
}

}  // namespace

void validate_template(const DocumentTemplate& t, const TemplateSchema& schema) {
    std::vector<std::string> errors;
    for (const auto& [text, line] : {std::pair{&t.title, t.title_line}, std::pair{&t.addressee, t.addressee_line}}) {
        std::vector<std::string> own;
        const auto tags = tokenize(*text, line, t.name, own);
        check_tags(tags, schema, t.name, own);
        errors.insert(errors.end(), own.begin(), own.end());
    }
    const auto tags = tokenize(t.body, t.body_line, t.name, errors);
    check_tags(tags, schema, t.name, errors);
    check_figure_tags(t, schema, tags, errors);
    CmarkDoc md{parse_markdown(blank_tags(t.body, tags))};
    Walker w(t.name, t.body_line, nullptr, nullptr, false);
    w.blocks(md.root);
    errors.insert(errors.end(), w.errors().begin(), w.errors().end());
    throw_if(errors);
}

pdf::Text fill_line(const std::string& tmpl, const TemplateObject& data) {
    Values vals;
    const mstch::map ctx = to_map(data, vals);
    std::vector<Span> spans;
    expand(fill(tmpl, ctx), &vals, spans);
    return to_text(spans);
}

pdf::Document render_document(const DocumentTemplate& t, const TemplateSchema& schema, const TemplateObject& data,
                              const DocumentFrame& frame) {
    if (t.layout != "gongwen") throw ConfigError(t.name + ": unknown layout \"" + t.layout + "\"; expected: gongwen");
    validate_template(t, schema);

    pdf::Document doc(frame.file_name);
    if (t.masthead && !frame.document_number.spans().empty()) doc.masthead(frame.issuer, frame.document_number);
    doc.title(fill_line(t.title, data));
    if (!t.addressee.empty()) doc.addressee(fill_line(t.addressee, data));

    Values vals;
    const mstch::map ctx = to_map(data, vals);

    CmarkDoc md{parse_markdown(fill(t.body, ctx))};
    Walker w(t.name, 1, &vals, &doc, true);
    w.blocks(md.root);
    throw_if(w.errors());

    if (t.signature) doc.signature(frame.issuer, frame.date);
    return doc;
}

}  // namespace award::tpl
