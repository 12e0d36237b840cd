// Document templates: the front matter and the checks of Mustache tags and
// Markdown, each error naming the file and line.
#include <catch2/catch.hpp>

#include <string>

#include "common/temp_dir.hpp"
#include "render/template/document_template.hpp"

using namespace award;
using namespace award::tpl;

namespace {

const std::string kName = "templates/documents/test.md";

std::string error_of(const std::string& text) {
    try {
        parse_document_template(text, kName);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TemplateSchema schema() {
    return TemplateSchema()
        .text("year")
        .text("issuer")
        .text("email")
        .flag("any_accepted")
        .list("accepted", TemplateSchema().text("number").text("name").text("credit_code"));
}

std::string validation_error(const std::string& body, const std::string& title = "公示") {
    const auto t = parse_document_template("---\nlayout: gongwen\ntitle: " + title + "\n---\n" + body, kName);
    try {
        validate_template(t, schema());
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a document template's front matter is read into its fields", "[template]") {
    award::test::TempDir dir("templates");
    std::filesystem::create_directories(dir.path() / "documents");
    const auto path = dir.write("documents/通知.md",
                                "---\nlayout: gongwen\ntitle: 关于{{year}}年度的通知\naddressee: \"{{name}}：\"\n"
                                "masthead: yes\nsignature: no\n---\n正文第一段。\n");
    const DocumentTemplate t = load_document_template(path);
    CHECK(t.name == "templates/documents/通知.md");
    CHECK(t.path == path);
    CHECK(t.layout == "gongwen");
    CHECK(t.title == "关于{{year}}年度的通知");
    CHECK(t.title_line == 3);
    CHECK(t.addressee == "{{name}}：");
    CHECK(t.masthead);
    CHECK_FALSE(t.signature);
    CHECK(t.body == "正文第一段。\n");
    CHECK(t.body_line == 8);
}

TEST_CASE("defaults: no masthead, a signature, no addressee", "[template]") {
    const auto t = parse_document_template("---\nlayout: gongwen\ntitle: 通知\n---\n正文。", kName);
    CHECK_FALSE(t.masthead);
    CHECK(t.signature);
    CHECK(t.addressee.empty());
    CHECK(t.body_line == 5);
}

TEST_CASE("front matter errors name the file and line", "[template]") {
    CHECK(error_of("layout: gongwen\n---\n") ==
          kName + ":1: a document template starts with a line `---`, then its `key: value` lines (layout, title, "
                  "addressee, masthead, signature), then a line `---`; found \"layout: gongwen\"");
    CHECK(error_of("---\nlayout: gongwen\ntitle: 通知\n正文。\n") ==
          kName + ":4: expected `key: value` in the front matter, found \"正文。\"\n" + kName +
              ":1: the front matter opened here is never closed by a line `---`");
    CHECK(error_of("---\ntitle: 通知\nlayout: letter\n---\n") == kName + ":3: unknown layout \"letter\"; expected: gongwen");
    CHECK(error_of("---\nlayout: gongwen\ntitle: 通知\ncc: 区政府\n---\n") ==
          kName + ":4: unknown key `cc`; expected one of: layout, title, addressee, masthead, signature");
    CHECK(error_of("---\nlayout: gongwen\ntitle: 通知\nmasthead: true\n---\n") ==
          kName + ":4: masthead must be yes or no, found \"true\"");
    CHECK(error_of("---\nlayout: gongwen\ntitle: 通知\ntitle: 又一个\n---\n") == kName + ":4: key `title` is given twice");
    CHECK(error_of("---\nlayout: gongwen\n---\n") == kName + ":1: the front matter has no `title:`");
    // Every problem at once.
    CHECK(error_of("---\nlayout: a4\ntitle: 通知\nfoo: 1\n---\n") ==
          kName + ":2: unknown layout \"a4\"; expected: gongwen\n" + kName +
              ":4: unknown key `foo`; expected one of: layout, title, addressee, masthead, signature");
}

TEST_CASE("a template that cannot be read is a ConfigError naming it", "[template]") {
    award::test::TempDir dir;
    CHECK_THROWS_AS(load_document_template(dir.path() / "missing.md"), ConfigError);
}

TEST_CASE("well-formed tags pass validation", "[template]") {
    CHECK(validation_error("{{! 说明：变量 }}\n{{year}}年度。\n\n{{#any_accepted}}\n| 序号 | 名称 |\n|---|---|\n"
                           "{{#accepted}}\n| {{number}} | {{name}}（{{year}}） |\n{{/accepted}}\n{{/any_accepted}}\n"
                           "{{^any_accepted}}无。{{/any_accepted}}{{^email}}无邮箱。{{/email}}\n") == "");
}

TEST_CASE("an unknown variable is reported with its line and the names known there", "[template]") {
    CHECK(validation_error("第一行。\n\n{{yaer}}年度。\n") ==
          kName + ":7: unknown variable `yaer`; known here: year, issuer, email, any_accepted, accepted");
    // Inside a list the item's names come first.
    CHECK(validation_error("{{#accepted}}\n{{nmae}}\n{{/accepted}}\n") ==
          kName + ":6: unknown variable `nmae`; known here: number, name, credit_code, year, issuer, email, any_accepted, accepted");
    // An item's name is unknown outside its list.
    CHECK(validation_error("{{name}}\n") ==
          kName + ":5: unknown variable `name`; known here: year, issuer, email, any_accepted, accepted");
    // In the title, with the title's line.
    CHECK(validation_error("正文。\n", "关于{{yr}}年度") ==
          kName + ":3: unknown variable `yr`; known here: year, issuer, email, any_accepted, accepted");
}

TEST_CASE("unclosed, mismatched and stray section tags are reported", "[template]") {
    CHECK(validation_error("{{#accepted}}\n{{name}}\n") ==
          kName + ":5: section {{#accepted}} is never closed: add {{/accepted}}");
    CHECK(validation_error("{{#any_accepted}}\n{{#accepted}}\n{{/any_accepted}}\n") ==
          kName + ":7: {{/any_accepted}} does not match the open section {{#accepted}} of line 6; close that one first with {{/accepted}}");
    CHECK(validation_error("正文。\n{{/accepted}}\n") == kName + ":6: {{/accepted}} closes a section that was never opened");
    CHECK(validation_error("{{year") == kName + ":5: `{{` is never closed by `}}`");
}

TEST_CASE("variables used as the wrong kind are reported", "[template]") {
    CHECK(validation_error("{{#year}}有年度{{/year}}\n") ==
          kName + ":5: `year` is a text, not a section: print it with {{year}} (only {{^year}}…{{/year}} may test it for being empty)");
    CHECK(validation_error("{{accepted}}\n") ==
          kName + ":5: `accepted` is a list, not a text: use {{#accepted}}…{{/accepted}}");
    CHECK(validation_error("{{any_accepted}}\n") ==
          kName + ":5: `any_accepted` is a yes/no flag, not a text: use {{#any_accepted}}…{{/any_accepted}}");
    CHECK(validation_error("{{{issuer}}}\n") ==
          kName + ":5: `{{{issuer}}}` / `{{&issuer}}`: unescaped values are not allowed in document templates; write {{issuer}}");
    CHECK(validation_error("{{> footer}}\n") == kName + ":5: `{{>footer}}`: partials are not supported in document templates");
}

TEST_CASE("all tag problems come in one error", "[template]") {
    CHECK(validation_error("{{a}}\n{{b}}\n{{#accepted}}\n") ==
          kName + ":5: unknown variable `a`; known here: year, issuer, email, any_accepted, accepted\n" + kName +
              ":6: unknown variable `b`; known here: year, issuer, email, any_accepted, accepted\n" + kName +
              ":7: section {{#accepted}} is never closed: add {{/accepted}}");
}

TEST_CASE("Markdown the 公文 layout cannot set is refused with its line", "[template]") {
    CHECK(validation_error("第一段。\n\n---\n\n第二段。\n") ==
          kName + ":7: a thematic break (---, *** or ___ on its own line) has no place in a 公文; remove it (to stop a "
                  "paragraph, leave an empty line)");
    CHECK(validation_error("- 甲\n- 乙\n") ==
          kName + ":5: bullet lists (- or * items) are not supported in the 公文 layout; use a numbered list (1. 2. …) or paragraphs");
    CHECK(validation_error("正文。\n\n##### 五级标题\n") ==
          kName + ":7: heading level 5 (#####): the 公文 layout has four levels, # to ####");
    CHECK(validation_error("正文<br>换行。\n") == kName + ":5: HTML is not supported in document templates: <br>");
    // A comment may hold Markdown-looking lines: they are not part of the body.
    CHECK(validation_error("{{!\n- year: 年度\n---\n}}\n正文。\n") == "");
}

TEST_CASE("markdown_escape makes every ASCII punctuation character literal", "[template]") {
    CHECK(markdown_escape("A|B*C_[D]") == "A\\|B\\*C\\_\\[D\\]");
    CHECK(markdown_escape("1. 公司") == "1\\. 公司");
    CHECK(markdown_escape("# \\") == "\\# \\\\");
    CHECK(markdown_escape("许昌瑞达") == "许昌瑞达");
}
