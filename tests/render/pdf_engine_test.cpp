// The GB/T 9704 engine's later elements (heading level 4, 附件说明, 版记, page
// numbers on odd and even pages), rendered to PDF and measured with
// `pdftotext -bbox` (word boxes, in pt from the top-left of the page).
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <stdexcept>

#include "pdf_fixture.hpp"
#include "render/pdf/document.hpp"

using namespace award;
using namespace award::test;
using namespace award::test::bbox;
using namespace award::test::geometry;
using award::pdf::Document;

namespace {


// The first word on the page that starts with `prefix`.
const Word* find(const Page& page, const std::string& prefix) {
    for (const auto& w : page)
        if (w.text.rfind(prefix, 0) == 0) return &w;
    return nullptr;
}

std::string text_of(const Page& page) {
    std::string s;
    for (const auto& w : page) s += w.text;
    return s;
}

// n lines of text, in paragraphs of two lines each (n even).
void fill_lines(Document& d, int n) {
    for (int i = 0; i < n / 2; ++i)
        d.paragraph("第" + std::to_string(100 + i) +
                        "段正文内容用于排版测试，这一段正好占两行的宽度。第二行继续写一些文字用于测试版记位置。",
                    {pdf::Role::Body, 0, pdf::Align::Justify, false});
}

}  // namespace

TEST_CASE("heading level 4 （1） is set in the body font like level 3; other levels are refused", "[render][engine]") {
    TempDir dir;
    Document d("标题层次.pdf");
    d.heading("一、总体要求", 1);
    d.heading("（一）申报范围", 2);
    d.heading("1.基本条件", 3);
    d.heading("（1）注册地在魏都区", 4);
    d.paragraph("正文段落。");
    const fs::path pdf = write_pdf(d, dir, "h.pdf");
    const std::string text = squeeze(pdftotext(pdf));
    CHECK(text.find("一、总体要求（一）申报范围1.基本条件（1）注册地在魏都区正文段落。") != std::string::npos);

    // Level 4 and level 3 come from the same font as the body; level 1 (黑体) does not.
    const Run fonts = run("pdffonts " + quoted(pdf));
    REQUIRE(fonts.status == 0);
    CHECK(fonts.out.find("UMing") != std::string::npos);
    Document only4("四级.pdf");
    only4.heading("（1）注册地在魏都区", 4);
    only4.paragraph("正文段落。");
    const Run f4 = run("pdffonts " + quoted(write_pdf(only4, dir, "h4.pdf")));
    CHECK(f4.out.find("UMing") != std::string::npos);
    CHECK(f4.out.find("MicroHei") == std::string::npos);
    CHECK(f4.out.find("UKai") == std::string::npos);

    Document bad("层次.pdf");
    CHECK_THROWS_AS(bad.heading("（一）", 0), std::invalid_argument);
    CHECK_THROWS_AS(bad.heading("①", 5), std::invalid_argument);
    CHECK_THROWS_WITH(bad.heading("①", 5), Catch::Contains("层次.pdf") && Catch::Contains("5"));
}

TEST_CASE("附件说明: one blank line under the body, indented 2, items aligned, no final punctuation", "[render][engine]") {
    TempDir dir;
    Document d("附件.pdf");
    d.paragraph("正文最后一段。");
    d.attachments({"受理名单。", "申报材料清单"});
    d.signature("魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    const fs::path pdf = write_pdf(d, dir, "a.pdf");
    const std::string text = squeeze(pdftotext(pdf));
    CHECK(text.find("正文最后一段。附件：1.受理名单2.申报材料清单魏都区") != std::string::npos);

    const auto pages = words_of(pdf);
    REQUIRE(pages.size() == 1);
    INFO(dump(pages[0]));
    const Word* body = find(pages[0], "正文最后一段");
    const Word* label = find(pages[0], "附件：");
    const Word* first = find(pages[0], "1.");
    const Word* second = find(pages[0], "2.");
    REQUIRE(body);
    REQUIRE(label);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(label->y0 == Approx(first->y0).margin(0.5));
    const double pitch = kTextHeight / 22;
    CHECK(first->y0 - body->y0 == Approx(2 * pitch).margin(1));  // one blank line between
    CHECK(second->y0 - first->y0 == Approx(pitch).margin(1));
    CHECK(label->x0 == Approx(kLeft + 2 * kCharPitch).margin(1));  // 左空二字
    CHECK(first->x0 == Approx(label->x0 + 3 * kCharPitch).margin(1));  // right after "附件："
    CHECK(second->x0 == Approx(first->x0).margin(0.5));  // "2." under "1."

    // A long name's next line starts under the name's first character.
    Document wrap("长附件.pdf");
    wrap.paragraph("正文。");
    wrap.attachments({"受理名单", "魏都区区长质量奖申报单位基本情况汇总表及各单位自评报告和证明材料目录"});
    const auto wp = words_of(write_pdf(wrap, dir, "wrap.pdf"));
    REQUIRE(wp.size() == 1);
    INFO(dump(wp[0]));
    const Word* name2 = find(wp[0], "魏都区区长质量奖申报");
    const Word* two = find(wp[0], "2.");
    REQUIRE(name2);
    REQUIRE(two);
    const Word* next = nullptr;
    for (const auto& w : wp[0])
        if (w.y0 > name2->y0 + 10 && w.y0 < name2->y0 + 40) next = &w;
    REQUIRE(next);
    CHECK(next->x0 == Approx(name2->x0).margin(0.5));
    CHECK(next->x0 == Approx(two->x1).margin(0.5));
    CHECK(squeeze(pdftotext(dir.path() / "wrap.pdf")).find("证明材料目录") != std::string::npos);

    Document one("单个附件.pdf");
    one.paragraph("正文。");
    one.attachments({"受理名单；"});
    const std::string t1 = squeeze(pdftotext(write_pdf(one, dir, "one.pdf")));
    CHECK(t1.find("附件：受理名单") != std::string::npos);
    CHECK(t1.find("附件：1.") == std::string::npos);
    CHECK(t1.find("受理名单；") == std::string::npos);
}

TEST_CASE("版记 sits at the foot of the last page between 0.35 mm and 0.25 mm rules", "[render][engine]") {
    TempDir dir;
    Document d("版记.pdf");
    d.title("关于版记的测试");
    fill_lines(d, 30);  // two pages
    d.signature("魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    d.imprint("魏都区市场监督管理局，魏都区工业和信息化局", "魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    const fs::path pdf = write_pdf(d, dir, "b.pdf");
    const auto pages = words_of(pdf);
    std::string all;
    for (const auto& pg : pages) all += dump(pg) + "----\n";
    INFO(all);
    REQUIRE(d.page_count() == 2);
    REQUIRE(pages.size() == 2);
    CHECK(text_of(pages[0]).find("抄送") == std::string::npos);
    const std::string last = text_of(pages[1]);
    CHECK(last.find("抄送：魏都区市场监督管理局，魏都区工业和信息化局。") != std::string::npos);
    CHECK(last.find("2026年9月30日印发") != std::string::npos);

    const Word* cc = find(pages[1], "抄送：");
    const Word* date = find(pages[1], "2026年9月30日印发");
    const Word* sig_date = find(pages[1], "2026年9月30日");  // the signature's 成文日期 comes first
    REQUIRE(cc);
    REQUIRE(date);
    REQUIRE(sig_date);
    REQUIRE(sig_date != date);
    CHECK(cc->y0 > sig_date->y1);  // below the signature, never over it
    CHECK(cc->x0 == Approx(kLeft + 14).margin(1));  // 左空一字 (4号)
    CHECK(date->x1 == Approx(kLeft + kTextWidth - 14).margin(1));  // 右空一字
    CHECK(date->y1 <= kTop + kTextHeight);  // inside the 版心, on its last line
    CHECK(date->y1 > kTop + kTextHeight - kTextHeight / 22);
    CHECK(date->y1 - date->y0 == Approx(14).margin(2));  // 4号
    // 印发机关 on the same line as the date, one character in.
    const Word* by = nullptr;
    for (const auto& w : pages[1])
        if (w.text.find("秘书处") != std::string::npos && std::abs(w.y0 - date->y0) < 1) by = &w;
    REQUIRE(by);
    CHECK(by->x0 == Approx(kLeft + 14).margin(1));

    // Rule widths in the content streams: 0.35 mm = 0.992 pt, 0.25 mm = 0.709 pt.
    const fs::path qdf = dir.path() / "b.qdf.pdf";
    const Run q = run("qpdf --qdf --object-streams=disable " + quoted(pdf) + " " + quoted(qdf));
    REQUIRE(q.status == 0);
    const std::string content = bytes_of(qdf);
    CHECK(std::regex_search(content, std::regex(R"(0\.99[12][0-9]* w)")));
    CHECK(std::regex_search(content, std::regex(R"(0\.70[89][0-9]* w)")));
}

TEST_CASE("版记 goes to a new page when the last page's text leaves no room, and is skipped without 抄送", "[render][engine]") {
    TempDir dir;
    Document full("满页.pdf");
    fill_lines(full, 22);  // exactly one full page
    full.imprint("", "魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    const fs::path pdf = write_pdf(full, dir, "full.pdf");
    REQUIRE(full.page_count() == 2);
    const auto pages = words_of(pdf);
    REQUIRE(pages.size() == 2);
    CHECK(text_of(pages[0]).find("印发") == std::string::npos);
    CHECK(text_of(pages[1]).find("2026年9月30日印发") != std::string::npos);
    CHECK(text_of(pages[1]).find("正文") == std::string::npos);
    CHECK(text_of(pages[1]).find("抄送") == std::string::npos);  // no 抄送 given: no 抄送 line

    Document room("有余.pdf");
    fill_lines(room, 20);
    room.imprint("", "魏都区区长质量奖评审委员会秘书处", Date(2026, 9, 30));
    write_pdf(room, dir, "room.pdf");
    CHECK(room.page_count() == 1);

    Document twice("两次.pdf");
    twice.imprint("", "秘书处", Date(2026, 9, 30));
    CHECK_THROWS_AS(twice.imprint("", "秘书处", Date(2026, 9, 30)), std::logic_error);
}

TEST_CASE("page numbers: odd pages on the right, even pages on the left, one character in", "[render][engine]") {
    TempDir dir;
    Document d("页码.pdf");
    fill_lines(d, 60);  // three pages
    const fs::path pdf = write_pdf(d, dir, "p.pdf");
    REQUIRE(d.page_count() == 3);
    const auto pages = words_of(pdf);
    REQUIRE(pages.size() == 3);
    const double centre = kLeft + kTextWidth / 2;
    for (int p = 0; p < 3; ++p) {
        INFO("page " << p + 1 << "\n" << dump(pages[std::size_t(p)]));
        // The number is the one word under the 版心 ("— N —" reads back as "—N—").
        std::vector<Word> foot;
        for (const auto& w : pages[std::size_t(p)])
            if (w.y0 > kTop + kTextHeight) foot.push_back(w);
        REQUIRE(foot.size() == 1);
        const Word& n = foot.front();
        CHECK(n.text == "—" + std::to_string(p + 1) + "—");
        CHECK(n.y0 > kTop + kTextHeight + 7 * kMm - 3);  // 7 mm below the 版心
        CHECK(n.y0 < kTop + kTextHeight + 7 * kMm + 3);
        if (p % 2 == 0) {  // odd page: right, one character in
            CHECK(n.x0 > centre);
            CHECK(n.x1 == Approx(kLeft + kTextWidth - 14).margin(1.5));
        } else {  // even page: left, one character in
            CHECK(n.x1 < centre);
            CHECK(n.x0 == Approx(kLeft + 14).margin(1.5));
        }
    }
}
