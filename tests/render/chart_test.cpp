// Charts in GB/T 9704 documents (Document::chart): written to PDF and read back
// with poppler (pdftotext -layout and -bbox, pdffonts) and qpdf, as a reader of
// the yearly statistics report would see them: caption, axis titles, category
// labels, legend and numbers are text; nothing overlaps or leaves the 版心; a
// chart that does not fit goes to the next page; no data, no empty frame.
//
// Set AWARD_KEEP_CHART_PDF to a folder to keep the PDFs these tests write (to
// render them with pdftoppm and look at them).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <regex>
#include <stdexcept>

#include "pdf_fixture.hpp"
#include "render/pdf/chart.hpp"
#include "render/pdf/document.hpp"

using namespace award;
using namespace award::test;
using namespace award::test::bbox;
using namespace award::test::geometry;
using award::pdf::Chart;
using award::pdf::ChartSeries;
using award::pdf::Document;

namespace {

using Values = std::vector<std::optional<double>>;

std::vector<pdf::Text> texts(const std::vector<std::string>& v) {
    std::vector<pdf::Text> out;
    for (const auto& s : v) out.emplace_back(s);
    return out;
}

const std::vector<std::string> kYears = {"2022年", "2023年", "2024年", "2025年", "2026年"};
const std::vector<std::string> kCategories = {"领导", "战略", "顾客与市场", "资源", "过程管理", "测量、分析与改进", "结果"};

// 5 years of applications, accepted and awarded (numbers that are not ticks of the 0-20 axis).
Chart applications_chart() {
    Chart c;
    c.kind = Chart::Kind::GroupedBar;
    c.caption = "图1 历年申报与获奖情况";
    c.categories = texts(kYears);
    c.series = {{"申报", Values{9, 11, 13, 12, 17}}, {"受理", Values{8, 11, 11, 9, 16}}, {"获奖", Values{3, 4, 4, 3, 6}}};
    c.value_axis_title = "单位：家";
    c.category_axis_title = "年度";
    return c;
}

// The seven GB/T 19580 categories, average score rate of the applicants in 3 years.
Chart categories_chart() {
    Chart c;
    c.kind = Chart::Kind::GroupedBar;
    c.caption = "图2 申报单位各类目平均得分率";
    c.categories = texts(kCategories);
    c.series = {{"2024年", Values{72.4, 66.1, 70.3, 64.8, 68.2, 58.6, 61.7}},
                {"2025年", Values{74.9, 67.3, 71.8, 66.2, 69.5, 60.4, 63.1}},
                {"2026年", Values{76.2, 69.8, 73.5, 67.9, 71.6, 57.3, 65.4}}};
    c.value_axis_title = "单位：%";
    c.decimals = 1;
    c.suffix = "%";
    return c;
}

Chart acceptance_chart() {
    Chart c;
    c.kind = Chart::Kind::StackedBar;
    c.caption = "图3 历年受理情况";
    c.categories = texts(kYears);
    c.series = {{"受理", Values{8, 11, 11, 9, 16}}, {"不予受理", Values{1, 0, 2, 3, 1}}};
    c.value_axis_title = "单位：家";
    return c;
}

Chart finance_chart() {
    Chart c;
    c.kind = Chart::Kind::Line;
    c.caption = "图4 获奖企业营业收入与利润总额";
    c.categories = texts(kYears);
    c.series = {{"营业收入", Values{3250.5, 3620.0, 3105.8, 2980.0, 3530.4}},
                {"利润总额", Values{260.2, std::nullopt, -412.6, -85.0, 420.7}}};  // 2023: not reported
    c.value_axis_title = "单位：万元";
    c.decimals = 1;
    return c;
}

// 15 years of applications: narrow slots.
Chart fifteen_years_chart() {
    Chart c;
    c.kind = Chart::Kind::Bar;
    c.caption = "图5 2012年以来申报数量";
    for (int y = 2012; y <= 2026; ++y) c.categories.emplace_back(std::to_string(y) + "年");
    Values v;
    for (int i = 0; i < 15; ++i) v.push_back(double(5 + (i * 7) % 13));
    c.series = {{"申报", v}};
    c.value_axis_title = "单位：家";
    c.height_mm = 80;
    return c;
}

void keep(const fs::path& pdf) {
    if (const char* dir = std::getenv("AWARD_KEEP_CHART_PDF"))
        fs::copy_file(pdf, fs::path(dir) / pdf.filename(), fs::copy_options::overwrite_existing);
}

std::string page_text(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    return run("pdftotext -layout -enc UTF-8 -f " + n + " -l " + n + " " + quoted(pdf) + " -").out;
}

int pages_of(const fs::path& pdf) {
    std::smatch m;
    const std::string info = run("pdfinfo " + quoted(pdf)).out;
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

bool has_word(const Page& page, const std::string& text) {
    for (const auto& w : page)
        if (w.text == text) return true;
    return false;
}

// A label set centred on one line, or on two lines one under the other.
bool has_label(const Page& page, const std::string& label) {
    for (const auto& w : page) {
        if (w.text == label) return true;
        if (label.rfind(w.text, 0) != 0) continue;
        const double cx = (w.x0 + w.x1) / 2, h = w.y1 - w.y0;
        for (const auto& v : page)
            if (std::abs((v.x0 + v.x1) / 2 - cx) < 2 && v.y0 > w.y0 + 0.5 && v.y0 < w.y0 + 2 * h &&
                w.text + v.text == label)
                return true;
    }
    return false;
}

// No two words of the page cover each other (boxes shrunk by half a point: the
// font's ascent and descent reach a little into the next line's box), and every
// word but the page number lies in the 版心.
void require_clean_page(const Page& page) {
    INFO(dump(page));
    for (std::size_t i = 0; i < page.size(); ++i) {
        const Word& a = page[i];
        if (a.text.find("—") != std::string::npos) continue;  // — 1 —
        CHECK(a.x0 >= kLeft - 0.5);
        CHECK(a.x1 <= kLeft + kTextWidth + 0.5);
        CHECK(a.y0 >= kTop - 1);
        CHECK(a.y1 <= kTop + kTextHeight + 1);
        for (std::size_t j = i + 1; j < page.size(); ++j) {
            const Word& b = page[j];
            const bool overlap = a.x0 + 0.5 < b.x1 && b.x0 + 0.5 < a.x1 && a.y0 + 0.5 < b.y1 && b.y0 + 0.5 < a.y1;
            INFO(a.text << " and " << b.text);
            CHECK_FALSE(overlap);
        }
    }
}

// The page's content streams, uncompressed (qpdf --qdf).
std::string content_of(const fs::path& pdf) { return run("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out; }

Document report_with_all_kinds() {
    Document d("年度统计报告.pdf");
    d.title("2026年度区长质量奖统计报告");
    d.heading("一、总体情况", 1);
    d.paragraph("2026年共受理申报16家，较上年增加7家。");
    d.chart(applications_chart());
    d.chart(categories_chart());
    d.heading("二、受理情况", 1);
    d.chart(acceptance_chart());
    d.chart(finance_chart());
    return d;
}

}  // namespace

TEST_CASE("charts of each kind show caption, axis titles, categories, legend and numbers as text", "[render][chart]") {
    TempDir dir;
    const Document d = report_with_all_kinds();
    const fs::path pdf = write_pdf(d, dir, "charts.pdf");
    keep(pdf);
    REQUIRE(d.page_count() == pages_of(pdf));
    const auto pages = words_of(pdf);
    const std::string all = squeeze(pdftotext(pdf));

    for (const char* caption : {"图1历年申报与获奖情况", "图2申报单位各类目平均得分率", "图3历年受理情况",
                                "图4获奖企业营业收入与利润总额"})
        CHECK(all.find(caption) != std::string::npos);
    // The caption comes before its chart's axis title; the paragraph before the first chart.
    CHECK(all.find("较上年增加7家。图1历年申报与获奖情况单位：家") != std::string::npos);
    CHECK(all.find("图4获奖企业营业收入与利润总额单位：万元") != std::string::npos);

    // Each chart's words, found on the page that carries its caption.
    auto page_with = [&](const std::string& first_word) -> const Page& {
        for (const auto& p : pages)
            if (has_word(p, first_word)) return p;
        FAIL("no page has " << first_word);
        return pages.front();
    };
    {
        const Page& p = page_with("图1");
        INFO(dump(p));
        CHECK(has_word(p, "单位：家"));
        CHECK(has_word(p, "年度"));
        for (const auto& y : kYears) CHECK(has_label(p, y));
        for (const char* legend : {"申报", "受理", "获奖"}) CHECK(has_word(p, legend));
        for (const char* value : {"17", "13", "16", "6"}) CHECK(has_word(p, value));
        for (const char* tick : {"0", "5", "10", "15", "20"}) CHECK(has_word(p, tick));
    }
    {
        const Page& p = page_with("图2");
        INFO(dump(p));
        CHECK(has_word(p, "单位：%"));
        for (const auto& c : kCategories) CHECK(has_label(p, c));
        for (const char* legend : {"2024年", "2025年", "2026年"}) CHECK(has_word(p, legend));
        for (const char* value : {"76.2%", "57.3%", "60.4%"}) CHECK(has_word(p, value));
        for (const char* tick : {"0", "20", "40", "60", "80"}) CHECK(has_word(p, tick));
    }
    {
        const Page& p = page_with("图3");
        INFO(dump(p));
        for (const char* legend : {"受理", "不予受理"}) CHECK(has_word(p, legend));
        // Inside the segments where they fit (16 of 2026), and each stack's total above it (17).
        for (const char* value : {"16", "17", "11", "13"}) CHECK(has_word(p, value));
    }
    {
        const Page& p = page_with("图4");
        INFO(dump(p));
        CHECK(has_word(p, "单位：万元"));
        for (const char* legend : {"营业收入", "利润总额"}) CHECK(has_word(p, legend));
        // Losses below the zero line: negative numbers on the points and a tick below 0.
        for (const char* value : {"3530.4", "3250.5", "-412.6", "-85.0", "420.7"}) CHECK(has_word(p, value));
        CHECK(has_word(p, "-1000"));
    }
    for (const auto& p : pages) require_clean_page(p);

    // A valid file whose fonts (the charts' text too) are embedded subsets with Unicode maps.
    CHECK(run("qpdf --check " + quoted(pdf)).status == 0);
    const auto rows = lines_of(run("pdffonts " + quoted(pdf)).out);
    REQUIRE(rows.size() > 2);
    for (std::size_t i = 2; i < rows.size(); ++i) {
        if (rows[i].empty()) continue;
        INFO(rows[i]);
        std::istringstream in(rows[i]);
        std::vector<std::string> cols;
        for (std::string w; in >> w;) cols.push_back(w);
        REQUIRE(cols.size() >= 7);
        const std::size_t n = cols.size();
        CHECK(cols[n - 5] == "yes");  // emb
        CHECK(cols[n - 4] == "yes");  // sub
        CHECK(cols[n - 3] == "yes");  // uni
    }

    // Drawn, not pictured: paths with dashes and clipping, no image.
    const std::string content = content_of(pdf);
    CHECK(content.find("re W n") != std::string::npos);
    CHECK(content.find("] 0 d") != std::string::npos);
    CHECK(content.find("/Subtype /Image") == std::string::npos);

    // The same document gives the same bytes.
    const fs::path again = write_pdf(report_with_all_kinds(), dir, "charts-again.pdf");
    CHECK(bytes_of(pdf) == bytes_of(again));
}

TEST_CASE("long category labels wrap to two lines or shrink, never overlapping", "[render][chart]") {
    TempDir dir;
    Document d("类目.pdf");
    d.chart(categories_chart());
    d.chart(fifteen_years_chart());
    const fs::path pdf = write_pdf(d, dir, "labels.pdf");
    keep(pdf);
    const auto pages = words_of(pdf);
    const Page* seven = nullptr;
    const Page* fifteen = nullptr;
    for (const auto& p : pages) {
        if (has_word(p, "图2")) seven = &p;
        if (has_word(p, "图5")) fifteen = &p;
    }
    REQUIRE(seven);
    REQUIRE(fifteen);
    {
        INFO(dump(*seven));
        for (const auto& c : kCategories) CHECK(has_label(*seven, c));
        // "测量、分析与改进" is too long for its slot at 五号: on two centred lines.
        CHECK_FALSE(has_word(*seven, "测量、分析与改进"));
    }
    {
        INFO(dump(*fifteen));
        // Narrow slots: the years shrink rather than break ("2012" never alone on a line),
        // and stand in order along one row.
        CHECK_FALSE(has_word(*fifteen, "2012"));
        double caption_y = 0;
        for (const auto& w : *fifteen)
            if (w.text == "图5") caption_y = w.y0;
        std::vector<const Word*> row;  // under 图5 (图2's legend may be on the page too)
        for (const auto& w : *fifteen)
            if (w.y0 > caption_y && std::regex_match(w.text, std::regex("20[12][0-9]年"))) row.push_back(&w);
        REQUIRE(row.size() == 15);
        std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
        for (std::size_t i = 0; i < row.size(); ++i) {
            CHECK(row[i]->text == std::to_string(2012 + i) + "年");
            CHECK(row[i]->y0 == Approx(row[0]->y0).margin(0.5));
            if (i > 0) CHECK(row[i]->x0 > row[i - 1]->x1);
        }
    }
    for (const auto& p : pages) require_clean_page(p);
}

TEST_CASE("eight series each have their own fill or line style and legend entry", "[render][chart]") {
    TempDir dir;
    Document d("八个系列.pdf");
    const std::vector<std::string> names = {"领导", "战略", "顾客与市场", "资源", "过程管理", "测量、分析与改进", "结果", "其他"};
    Chart bars;
    bars.kind = Chart::Kind::GroupedBar;
    bars.caption = "图1 各类目得分率";
    bars.categories = texts({"2024年", "2025年", "2026年"});
    Chart lines = bars;
    lines.kind = Chart::Kind::Line;
    lines.caption = "图2 各类目得分率走势";
    lines.show_values = false;
    for (std::size_t s = 0; s < names.size(); ++s) {
        const double base = 40 + 6 * double(s);
        bars.series.push_back({names[s], Values{base, base + 4, base + 2}});
        lines.series.push_back({names[s], Values{base, base + 4, base + 2}});
    }
    bars.show_values = false;
    bars.value_axis_title = lines.value_axis_title = "单位：%";
    d.chart(bars);
    d.chart(lines);
    const fs::path pdf = write_pdf(d, dir, "styles.pdf");
    keep(pdf);
    const auto pages = words_of(pdf);
    REQUIRE(pages.size() == 1);
    INFO(dump(pages[0]));
    for (const auto& n : names) {
        int seen = 0;
        for (const auto& w : pages[0]) seen += w.text == n;
        CHECK(seen == 2);  // in each chart's legend
    }
    require_clean_page(pages[0]);
    // Lines told apart by dash patterns: solid, dashed, dotted (round caps), dash-dot, …
    const std::string content = content_of(pdf);
    for (const char* dash : {"[5 2.5 ] 0 d", "[0 2.6 ] 0 d", "[6 2 1.5 2 ] 0 d", "[9 3 ] 0 d"}) CHECK(content.find(dash) != std::string::npos);
    CHECK(content.find("1 J 1 j") != std::string::npos);
}

TEST_CASE("a chart that does not fit under the text goes whole to the next page", "[render][chart]") {
    TempDir dir;
    Document d("换页.pdf");
    for (int i = 0; i < 7; ++i)
        d.paragraph("第" + std::to_string(i + 1) + "段：本段文字用于占据版面，使下面的图表在本页放不下，应当整体移到下一页。");
    d.chart(applications_chart());
    const fs::path pdf = write_pdf(d, dir, "next.pdf");
    keep(pdf);
    CHECK(d.page_count() == 2);
    CHECK(pages_of(pdf) == 2);
    const std::string first = squeeze(page_text(pdf, 1)), second = squeeze(page_text(pdf, 2));
    CHECK(first.find("第7段") != std::string::npos);
    CHECK(first.find("图1") == std::string::npos);
    CHECK(first.find("单位：家") == std::string::npos);
    CHECK(second.find("图1历年申报与获奖情况单位：家") == 0);
    // The same chart where it fits stays on the page.
    Document fits("同页.pdf");
    fits.paragraph("一段。");
    fits.chart(applications_chart());
    write_pdf(fits, dir, "fits.pdf");
    CHECK(fits.page_count() == 1);
}

TEST_CASE("a chart taller than a page or whose data do not match its categories is refused", "[render][chart]") {
    Document d("图表.pdf");
    Chart tall = applications_chart();
    tall.height_mm = 220;  // with its caption line, more than the 225 mm 版心
    CHECK_THROWS_AS(d.chart(tall), std::logic_error);
    tall.height_mm = 200;
    CHECK_NOTHROW(d.chart(tall));

    Chart short_series = applications_chart();
    short_series.series[1].values.pop_back();
    CHECK_THROWS_WITH(d.chart(short_series), Catch::Contains("受理") && Catch::Contains("4 values for 5 categories"));

    Chart two_in_bar = applications_chart();
    two_in_bar.kind = Chart::Kind::Bar;
    CHECK_THROWS_AS(d.chart(two_in_bar), std::logic_error);
    two_in_bar.series.resize(1);
    CHECK_NOTHROW(d.chart(two_in_bar));
}

TEST_CASE("a chart without data says so under its caption and draws no frame", "[render][chart]") {
    TempDir dir;
    Chart empty = applications_chart();
    for (auto& s : empty.series)
        for (auto& v : s.values) v.reset();
    REQUIRE_FALSE(empty.has_data());

    Document d("无数据.pdf");
    d.chart(empty);
    Chart no_categories = finance_chart();
    no_categories.caption = "图2 获奖企业财务指标";
    no_categories.categories.clear();
    for (auto& s : no_categories.series) s.values.clear();
    no_categories.no_data = "（获奖企业尚未报送年度数据）";
    d.chart(no_categories);
    const fs::path pdf = write_pdf(d, dir, "empty.pdf");
    keep(pdf);
    CHECK(d.page_count() == 1);

    std::vector<std::string> lines;
    for (const auto& l : lines_of(pdftotext(pdf)))
        if (!squeeze(l).empty()) lines.push_back(squeeze(l));
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0] == "图1历年申报与获奖情况");
    CHECK(lines[1] == "（本年度无数据，未绘制图表）");
    CHECK(lines[2] == "图2获奖企业财务指标");
    CHECK(lines[3] == "（获奖企业尚未报送年度数据）");
    const std::string text = squeeze(pdftotext(pdf));
    CHECK(text.find("单位：家") == std::string::npos);  // no axis
    CHECK(text.find("受理") == std::string::npos);     // no legend
    CHECK(text.find("2022年") == std::string::npos);   // no categories

    // Nothing drawn on the page: no rectangle, no path, no clip; only text.
    const std::string content = content_of(pdf);
    REQUIRE(content.find("BT") != std::string::npos);
    CHECK(content.find(" re ") == std::string::npos);
    CHECK(content.find(" l S") == std::string::npos);
    CHECK(content.find(" m ") == std::string::npos);
}

TEST_CASE("documents without charts carry no chart operators", "[render][chart]") {
    // The new drawing primitives write dash, cap and clip operators only when a
    // chart uses them: other documents keep their bytes.
    TempDir dir;
    Document d("通知.pdf");
    d.title("关于开展2026年度区长质量奖申报工作的通知");
    d.paragraph("各有关单位：");
    pdf::Table t;
    t.columns = {{"序号", pdf::Align::Centre}, {"单位名称", pdf::Align::Left}};
    t.rows = {{"1", "许昌瑞达电气有限公司"}};
    d.table(t);
    d.signature("魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    const std::string content = content_of(write_pdf(d, dir, "plain.pdf"));
    CHECK(content.find("] 0 d") == std::string::npos);
    CHECK(content.find(" J ") == std::string::npos);
    CHECK(content.find("re W n") == std::string::npos);
    CHECK(content.find("re f") == std::string::npos);
}
