// Document templates rendered to PDF: values read literally whatever their
// characters, and the Markdown blocks map to the 公文 engine's blocks.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <string>

#include "pdf_fixture.hpp"
#include "render/template/document_template.hpp"

using namespace award;
using namespace award::tpl;
using namespace award::test;

namespace {

const std::string kName = "templates/documents/test.md";

TemplateSchema schema() {
    return TemplateSchema()
        .text("year")
        .text("lead")
        .text("star")
        .text("email")
        .flag("any")
        .list("rows", TemplateSchema().text("number").text("name").text("code"));
}

TemplateObject row(std::string n, std::string name, std::string code) {
    return TemplateObject()
        .set("number", TemplateValue::of(std::move(n)))
        .set("name", TemplateValue::of(std::move(name), pdf::Origin{"applicants.json", "/applicants/0", "name"}))
        .set("code", TemplateValue::of(std::move(code)));
}

TemplateObject data() {
    return TemplateObject()
        .set("year", TemplateValue::of("2026"))
        .set("lead", TemplateValue::of("# 许昌1. 公司"))
        .set("star", TemplateValue::of("**甲**_乙_\\丙"))
        .set("email", TemplateValue::of(""))
        .set("any", TemplateValue::of_flag(true))
        .set("rows", TemplateValue::of_list({row("1", "A|B*C_[D]", "12"), row("10", "1. 公司", "123456789"),
                                            row("2", "[链接](http://x)", "7")}));
}

const std::string kTemplate =
    "---\nlayout: gongwen\ntitle: 关于{{year}}年度名单的公示\naddressee: \"{{#rows}}{{name}}、{{/rows}}：\"\n"
    "signature: yes\n---\n"
    "{{! 变量：year, lead, star, rows }}\n"
    "# 一、总体情况\n\n## （二）名单说明\n\n### 3.细则标题\n\n#### （4）四级标题\n\n"
    "{{lead}}\n\n"
    "{{star}}在此。\n"
    "第二行接续\nLatin words\njoined here.\n\n"
    "{{^email}}未提供电子邮箱。{{/email}}{{#any}}有名单。{{/any}}\n\n"
    "名单如下：\n\n"
    "| 序号 | 单位名称 | 代码 |\n|:---:|:---|---:|\n"
    "{{#rows}}\n| {{number}} | {{name}} | {{code}} |\n{{/rows}}\n\n"
    "1. 第一条*理由*。\n2. 第二条**理由**。\n";

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};

std::vector<Word> words_of(const fs::path& pdf) {
    const std::string out = run("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -").out;
    static const std::regex re(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::vector<Word> w;
    for (std::sregex_iterator it(out.begin(), out.end(), re), end; it != end; ++it)
        w.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    return w;
}

const Word& word(const std::vector<Word>& ws, const std::string& text) {
    for (const auto& w : ws)
        if (w.text == text) return w;
    FAIL("no word \"" << text << "\" in the PDF");
    return ws.front();
}

fs::path render_to(const TempDir& dir, const std::string& text) {
    const auto t = parse_document_template(text, kName);
    DocumentFrame frame{"test.pdf", pdf::Text("魏都区区长质量奖评审委员会秘书处"), pdf::Text(), Date(2026, 9, 30)};
    const pdf::Document doc = render_document(t, schema(), data(), frame);
    const fs::path out = dir.path() / "test.pdf";
    doc.write(env().data_dir, "test", Date(2026, 9, 30), out);
    return out;
}

}  // namespace

TEST_CASE("a template renders to a 公文 with its values read literally", "[template][pdf]") {
    TempDir dir;
    const fs::path out = render_to(dir, kTemplate);
    const std::string text = squeeze(pdftotext(out));
    CHECK(text.find("关于2026年度名单的公示") != std::string::npos);
    CHECK(text.find("A|B*C_[D]、1.公司、[链接](http://x)、：") != std::string::npos);  // addressee from a list
    // Headings at four levels, their text as written.
    CHECK(text.find("一、总体情况（二）名单说明3.细则标题（4）四级标题") != std::string::npos);
    // Values whose characters mean something in Markdown print as they are.
    CHECK(text.find("#许昌1.公司") != std::string::npos);
    CHECK(text.find("**甲**_乙_\\丙在此。第二行接续") != std::string::npos);  // CJK lines join without a space
    CHECK(text.find("未提供电子邮箱。有名单。") != std::string::npos);
    // Table: header, then one row per item; every cell whole.
    CHECK(text.find("序号单位名称代码1A|B*C_[D]12101.公司1234567892[链接](http://x)7") != std::string::npos);
    // Ordered list: numbered paragraphs, emphasis dropped.
    CHECK(text.find("1.第一条理由。2.第二条理由。") != std::string::npos);
    CHECK(text.find("魏都区区长质量奖评审委员会秘书处2026年9月30日") != std::string::npos);
    // Between Latin words a line break is a space.
    const std::string plain = pdftotext(out, false);
    INFO(plain);
    CHECK(plain.find("Latin words joined") != std::string::npos);
}

TEST_CASE("table columns take their alignment from the delimiter row", "[template][pdf]") {
    TempDir dir;
    const auto ws = words_of(render_to(dir, kTemplate));
    // 序号 is centred: "1" and "10" share a centre; 代码 is right-aligned: "12" and "123456789" share a right edge.
    const Word& one = word(ws, "1");
    const Word& ten = word(ws, "10");
    CHECK(std::abs((one.x0 + one.x1) / 2 - (ten.x0 + ten.x1) / 2) < 0.6);
    CHECK(std::abs(one.x0 - ten.x0) > 1);
    const Word& shortc = word(ws, "12");
    const Word& longc = word(ws, "123456789");
    CHECK(std::abs(shortc.x1 - longc.x1) < 0.6);
    // 单位名称 is left-aligned: the names start at one edge.
    const Word& a = word(ws, "A|B*C_[D]");
    const Word& link = word(ws, "[链接](http://x)");
    CHECK(std::abs(a.x0 - link.x0) < 0.6);
}

TEST_CASE("a value keeps its origin: a character no font has names the input", "[template][pdf]") {
    auto d = data();
    d.set("rows", TemplateValue::of_list({row("1", "电子\uE000公司", "12")}));
    const auto t = parse_document_template(kTemplate, kName);
    DocumentFrame frame{"test.pdf", pdf::Text("秘书处"), pdf::Text(), Date(2026, 9, 30)};
    const auto problems = render_document(t, schema(), d, frame).font_problems(env().data_dir);
    REQUIRE(problems.size() >= 1);
    CHECK(problems.front().file == "applicants.json");
    CHECK(problems.front().field == "name");
}

TEST_CASE("masthead and signature follow the front matter", "[template][pdf]") {
    TempDir dir;
    const auto t = parse_document_template("---\nlayout: gongwen\ntitle: 通知\nmasthead: yes\nsignature: no\n---\n正文。\n", kName);
    DocumentFrame frame{"test.pdf", pdf::Text("魏都区区长质量奖评审委员会秘书处"), pdf::Text("魏质奖秘〔2026〕3号"),
                        Date(2026, 9, 30)};
    const fs::path out = dir.path() / "m.pdf";
    render_document(t, schema(), data(), frame).write(env().data_dir, "m", Date(2026, 9, 30), out);
    const std::string text = squeeze(pdftotext(out));
    CHECK(text.find("魏质奖秘〔2026〕3号") != std::string::npos);
    CHECK(text.find("2026年9月30日") == std::string::npos);
}

TEST_CASE("rendering refuses a template whose tags do not fit the schema", "[template]") {
    const auto t = parse_document_template("---\nlayout: gongwen\ntitle: 通知\n---\n{{nope}}\n", kName);
    DocumentFrame frame{"test.pdf", pdf::Text("秘书处"), pdf::Text(), Date(2026, 9, 30)};
    CHECK_THROWS_WITH(render_document(t, schema(), data(), frame),
                      kName + ":5: unknown variable `nope`; known here: year, lead, star, email, any, rows");
}

namespace {

// A schema and values with a figure: a chart and a table, placed by the template.
TemplateSchema figure_schema() { return TemplateSchema().text("year").flag("any").figure("figure"); }

TemplateObject figure_data() {
    pdf::Chart chart;
    chart.kind = pdf::Chart::Kind::Bar;
    chart.caption = pdf::Text("图1 历年申报家数");
    chart.categories = {pdf::Text("2025年"), pdf::Text("2026年")};
    chart.series = {pdf::ChartSeries{pdf::Text("申报"), {12.0, 15.0}}};
    chart.value_axis_title = pdf::Text("单位：家");
    chart.height_mm = 60;
    pdf::Table table;
    table.columns = {{pdf::Text("年度"), pdf::Align::Centre}, {pdf::Text("申报"), pdf::Align::Right}};
    table.rows = {{pdf::Text("2025年"), pdf::Text("12")}, {pdf::Text("2026年"), pdf::Text("15")}};
    Figure f;
    f.chart(chart).paragraph(pdf::Text("表1 历年申报")).table(table);
    return TemplateObject()
        .set("year", TemplateValue::of("2026"))
        .set("any", TemplateValue::of_flag(true))
        .set("figure", TemplateValue::of_figure(std::move(f)));
}

std::string config_error(const std::string& text) {
    const auto t = parse_document_template(text, kName);
    DocumentFrame frame{"test.pdf", pdf::Text("秘书处"), pdf::Text(), Date(2026, 9, 30)};
    try {
        render_document(t, figure_schema(), figure_data(), frame);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a figure's tag alone in its paragraph sets the program's chart and table there, in order", "[template][pdf]") {
    TempDir dir;
    const auto t = parse_document_template(
        "---\nlayout: gongwen\ntitle: 统计\nsignature: no\n---\n{{year}}年情况如下。\n\n{{#any}}\n{{figure}}\n\n{{/any}}\n以上。\n",
        kName);
    DocumentFrame frame{"test.pdf", pdf::Text("秘书处"), pdf::Text(), Date(2026, 9, 30)};
    const fs::path out = dir.path() / "f.pdf";
    render_document(t, figure_schema(), figure_data(), frame).write(env().data_dir, "f", Date(2026, 9, 30), out);
    const std::string text = squeeze(pdftotext(out));
    INFO(text);
    const auto intro = text.find("2026年情况如下。");
    const auto caption = text.find("图1历年申报家数");
    const auto table = text.find("表1历年申报年度申报2025年122026年15");
    const auto end = text.find("以上。");
    REQUIRE(intro != std::string::npos);
    REQUIRE(caption != std::string::npos);
    REQUIRE(table != std::string::npos);
    REQUIRE(end != std::string::npos);
    CHECK(intro < caption);
    CHECK(caption < table);
    CHECK(table < end);
    CHECK(text.find("单位：家") != std::string::npos);
}

TEST_CASE("a figure's tag that shares its line or paragraph, or opens a section, is refused with its line", "[template]") {
    CHECK(config_error("---\nlayout: gongwen\ntitle: 统计\n---\n见下图：{{figure}}\n") ==
          kName + ":5: the figure {{figure}} must stand alone on its line, with an empty line before and after it");
    // Joined to the line before or after: one paragraph with it; the tag's own line is named.
    CHECK(config_error("---\nlayout: gongwen\ntitle: 统计\n---\n见下图：\n{{figure}}\n") ==
          kName + ":6: the figure {{figure}} must stand alone on its line, with an empty line before and after it");
    CHECK(config_error("---\nlayout: gongwen\ntitle: 统计\n---\n{{figure}}\n以上。\n") ==
          kName + ":5: the figure {{figure}} must stand alone on its line, with an empty line before and after it");
    // In the title, or in a list item: nowhere to set a chart.
    CHECK(config_error("---\nlayout: gongwen\ntitle: 统计{{figure}}\n---\n正文。\n") ==
          kName + ":3: the figure {{figure}} cannot stand in the title; put it in the body, alone in its paragraph");
    const std::string in_list = config_error("---\nlayout: gongwen\ntitle: 统计\n---\n1. 见下图\n\n   {{figure}}\n");
    CHECK(in_list.find("a figure (chart or table) must stand alone in its paragraph, not in a list, table or heading") !=
          std::string::npos);
    CHECK(config_error("---\nlayout: gongwen\ntitle: 统计\n---\n{{#figure}}有图{{/figure}}\n") ==
          kName + ":5: `figure` is a figure (chart or table), not a section: print it with {{figure}} alone in its paragraph");
}
