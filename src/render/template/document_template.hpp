// Document templates the office can edit (templates/documents/*.md): a front
// matter block of metadata, then a Markdown body (CommonMark + GFM tables) with
// Mustache tags. The program supplies the variables (a TemplateSchema says which
// exist), mstch fills them in, cmark-gfm parses the Markdown, and the blocks go
// to the 公文 engine (pdf::Document).
//
//   ---
//   layout: gongwen            (required; the only layout so far)
//   title: 关于{{year}}年度…    (required; Mustache allowed)
//   addressee: {{name}}：       (optional 主送 line; Mustache allowed)
//   masthead: yes              (optional, yes/no, default no: 版头 when the case has a 发文字号)
//   signature: yes             (optional, yes/no, default yes: 署名 and 成文日期)
//   ---
//   Markdown body…
//
// Every template error names the file and line ("templates/documents/X.md:12: …")
// and all of a template's errors are reported together in one ConfigError.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/errors.hpp"
#include "render/pdf/document.hpp"
#include "render/pdf/layout.hpp"

namespace award::tpl {

struct DocumentTemplate {
    std::filesystem::path path;  // the file as opened
    std::string name;            // the file as errors name it: "templates/documents/X.md"
    std::string layout;          // "gongwen"
    std::string title;           // Mustache text
    int title_line = 0;
    std::string addressee;       // Mustache text; empty: no 主送 line
    int addressee_line = 0;
    bool masthead = false;
    bool signature = true;
    std::string body;            // Markdown + Mustache
    int body_line = 0;           // line of the file where the body starts
};

// Reads and checks the front matter (not the tags: see validate_template).
// Throws ConfigError naming the file and line (unknown layout, unknown or repeated
// key, missing `---`, bad yes/no) or when the file cannot be read.
DocumentTemplate load_document_template(const std::filesystem::path& path);
// The same from text already read; `name` is what errors call the file.
DocumentTemplate parse_document_template(const std::string& text, const std::string& name);

// ---- The variables a document kind provides -----------------------------------

enum class VariableKind {
    Text,  // {{name}}; may be tested with {{^name}}…{{/name}} (printed when empty)
    Flag,  // {{#name}}…{{/name}} and {{^name}}…{{/name}} only
    List,  // {{#name}}…{{/name}} repeats for each item, whose own variables are `fields`
    Figure // {{name}} alone in its own paragraph (empty lines around it): charts, tables and
           // notes the program lays out there (statistics report); not inside a list
};

struct TemplateVariable {
    std::string name;
    VariableKind kind = VariableKind::Text;
    std::vector<TemplateVariable> fields;  // List: the variables of each item
};

class TemplateSchema {
public:
    TemplateSchema& text(std::string name);
    TemplateSchema& flag(std::string name);
    TemplateSchema& list(std::string name, const TemplateSchema& item);
    TemplateSchema& figure(std::string name);

    const std::vector<TemplateVariable>& variables() const { return vars_; }

private:
    std::vector<TemplateVariable> vars_;
};

// Checks the Mustache tags of the title, the addressee and the body against the
// schema (unknown variable, unclosed or mismatched section, a text used as a
// section, a list or flag printed as text, triple mustache, partials, delimiter
// changes), and the Markdown of the body against what the 公文 layout can set
// (no thematic breaks, bullet lists, code, HTML, quotes, images, headings past
// level 4). Throws one ConfigError listing every problem, each "file:LINE: …".
void validate_template(const DocumentTemplate& t, const TemplateSchema& schema);

// ---- The values -----------------------------------------------------------------

struct TemplateObject;

// What a Figure variable stands for: charts, tables and short paragraphs, in order.
struct Figure {
    struct Part {
        enum class Kind { Chart, Table, Paragraph } kind = Kind::Paragraph;
        pdf::Chart chart{};
        pdf::Table table{};
        pdf::Text text{};
        pdf::ParagraphStyle style{};
    };
    std::vector<Part> parts;

    Figure& chart(pdf::Chart c);
    Figure& table(pdf::Table t);
    Figure& paragraph(pdf::Text t, pdf::ParagraphStyle style = {});
};

// One variable's value: text (with where it comes from, so a character no font
// has is traced to its input), a flag, or a list of objects.
struct TemplateValue {
    VariableKind kind = VariableKind::Text;
    pdf::Text text;
    bool flag = false;
    std::vector<TemplateObject> items;
    Figure figure{};

    static TemplateValue of(std::string s, pdf::Origin o = {});
    static TemplateValue of_text(pdf::Text t);  // several spans, each with its origin
    static TemplateValue of_flag(bool b);
    static TemplateValue of_list(std::vector<TemplateObject> items);
    static TemplateValue of_figure(Figure f);
};

struct TemplateObject {
    std::map<std::string, TemplateValue> values;

    TemplateObject& set(const std::string& name, TemplateValue v) {
        values.insert_or_assign(name, std::move(v));
        return *this;
    }
};

// What the document needs besides the template's variables.
struct DocumentFrame {
    std::string file_name;         // the document's name in error messages
    pdf::Text issuer;              // 发文机关 (版头 and 署名)
    pdf::Text document_number;     // 发文字号; empty: no 版头 even with masthead: yes
    Date date;                     // 成文日期
};

// Validates (as validate_template), fills in the values and builds the document.
// Values are inserted after the Markdown is parsed, so no character of a value
// (`*`, `|`, `#`, `[`, `_`, `\`, a leading `1.`) can change the document's structure.
pdf::Document render_document(const DocumentTemplate& t, const TemplateSchema& schema, const TemplateObject& data,
                              const DocumentFrame& frame);

// One line of text (no Markdown) with its Mustache tags filled in; each value
// keeps its origin. The tags must have been checked (check_tags) beforehand.
pdf::Text fill_line(const std::string& tmpl, const TemplateObject& data);

// Backslash-escapes every ASCII punctuation character (CommonMark §2.4), so the
// text reads literally in Markdown. mstch applies it to each {{value}}.
std::string markdown_escape(const std::string& s);

}  // namespace award::tpl
