// The GB/T 9704-2012 grid measured on real PDFs with `pdftotext -bbox` (word
// boxes in pt from the top-left of the page): the 版心 starts 37 mm from the
// top and 28 mm from the left, a full line holds 28 characters, a full page 22
// lines on a fixed pitch, no line starts with closing or ends with opening
// punctuation, and a long table repeats its header on every page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "model/utf8.hpp"
#include "pdf_fixture.hpp"
#include "render/pdf/document.hpp"

using namespace award;
using namespace award::test;
using namespace award::test::bbox;
using namespace award::test::geometry;
using award::pdf::Document;

namespace {

constexpr double kBody = 16;                    // 3号

const pdf::ParagraphStyle kFlush{pdf::Role::Body, 0, pdf::Align::Justify, false};  // no first-line indent

// One line of text on the page: the words that share its box, left to right.
struct Line {
    double x0, y0, x1, y1;
    std::string text;
};

// The page's lines inside the 版心 (the page number under it left out), top to bottom.
std::vector<Line> text_lines(const Page& page) {
    std::vector<Word> words;
    for (const Word& w : page)
        if (w.y1 <= kTop + kTextHeight + 1) words.push_back(w);
    std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        return std::abs(a.y1 - b.y1) > 1 ? a.y1 < b.y1 : a.x0 < b.x0;
    });
    std::vector<Line> lines;
    for (const Word& w : words) {
        if (!lines.empty() && std::abs(lines.back().y1 - w.y1) <= 1) {
            Line& l = lines.back();
            l.x0 = std::min(l.x0, w.x0), l.y0 = std::min(l.y0, w.y0);
            l.x1 = std::max(l.x1, w.x1), l.y1 = std::max(l.y1, w.y1);
            l.text += w.text;
        } else {
            lines.push_back({w.x0, w.y0, w.x1, w.y1, w.text});
        }
    }
    return lines;
}

std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (auto c : utf8::characters(s)) out.emplace_back(c);
    return out;
}

std::string dump(const std::vector<Line>& lines) {
    std::ostringstream o;
    for (const Line& l : lines) o << l.text << " [" << l.x0 << "," << l.y0 << "-" << l.x1 << "," << l.y1 << "]\n";
    return o.str();
}

// `n` Chinese characters without punctuation.
std::string filler(std::size_t n) {
    static const auto pool = characters(
        "魏都区区长质量奖评审委员会秘书处依据管理办法组织开展申报受理工作各申报组织按照要求提交材料"
        "经初审并征求相关部门意见现将受理名单予以公示接受社会监督");
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += pool[i % pool.size()];
    return s;
}

}  // namespace

TEST_CASE("body text starts 28 mm from the left and 37 mm from the top of every page", "[render][pdf][grid]") {
    TempDir dir;
    Document d("版心.pdf");
    d.paragraph(filler(40), kFlush);  // two lines, no indent
    d.paragraph(filler(40));          // two lines, first one indented 2 characters
    for (int i = 0; i < 30; ++i) d.paragraph(filler(20), kFlush);  // on to page 2
    const auto pages = words_of(write_pdf(d, dir, "g.pdf"));
    REQUIRE(pages.size() == 2);

    // Where the engine puts the first line: document.cpp sets a line's baseline
    // (pitch - size) / 2 + 0.88 * size below the top of its line, so the 3号 em
    // box is centred in the first line pitch and its top lies
    // (10.23 mm - 16 pt) / 2 = 2.30 mm below the 37 mm top of the 版心.
    // poppler's glyph box top is the baseline less the font's ascent (0.90 em
    // for AR PL UMing), 2.20 mm below; we allow 1 mm around the em box top.
    const double em_top = kTop + (kPitch - kBody) / 2;

    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto lines = text_lines(pages[p]);
        INFO("page " << p + 1 << "\n" << dump(lines));
        REQUIRE(lines.size() >= 4);
        const Line& first = lines.front();
        CHECK(first.x0 == Approx(kLeft).margin(1 * kMm));
        CHECK(first.y0 == Approx(em_top).margin(1 * kMm));
        CHECK(first.y0 >= kTop - 1 * kMm);  // not above the 版心
        CHECK(first.y1 <= kTop + kPitch);   // inside the first line of the grid
    }
    const auto lines = text_lines(pages[0]);
    INFO(dump(lines));
    CHECK(lines[1].x0 == Approx(kLeft).margin(1 * kMm));                   // a paragraph's next lines: flush left
    CHECK(lines[2].x0 == Approx(kLeft + 2 * kCharPitch).margin(1 * kMm));  // 首行缩进二字
    CHECK(lines[3].x0 == Approx(kLeft).margin(1 * kMm));
}

TEST_CASE("a full body line holds exactly 28 characters across the 版心", "[render][pdf][grid]") {
    TempDir dir;
    Document d("每行字数.pdf");
    d.paragraph(filler(28 * 6 + 11), kFlush);  // 7 lines, no indent
    d.paragraph(filler(26 + 28 * 5 + 9));      // 7 lines, the first indented 2 characters
    const auto pages = words_of(write_pdf(d, dir, "w.pdf"));
    REQUIRE(pages.size() == 1);
    const auto lines = text_lines(pages[0]);
    INFO(dump(lines));
    REQUIRE(lines.size() == 14);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i + 1 << ": " << lines[i].text);
        const std::size_t n = characters(lines[i].text).size();
        if (i == 6 || i == 13) {  // the paragraphs' last lines
            CHECK(n == (i == 6 ? 11u : 9u));
            continue;
        }
        CHECK(n == (i == 7 ? 26u : 28u));  // 26 after the 2-character indent
        CHECK(lines[i].x0 == Approx(i == 7 ? kLeft + 2 * kCharPitch : kLeft).margin(1 * kMm));
        // 28 characters fill the 156 mm: the last one ends at the right edge of the 版心
        CHECK(lines[i].x1 == Approx(kLeft + kTextWidth).margin(1 * kMm));
    }
    CHECK(squeeze(pdftotext(dir.path() / "w.pdf", false)).find(filler(28 * 6 + 11)) != std::string::npos);
}

TEST_CASE("quotation marks, ellipses and dashes take one grid place each: 28 characters still fill a line", "[render][pdf][grid]") {
    // “”‘’…— are of ambiguous East Asian width; CJK fonts draw them a full em wide.
    TempDir dir;
    Document d("引号.pdf");
    const std::string line = "依据“申报”条件‘审核’……——一二三四五六七八九十一二";
    REQUIRE(characters(line).size() == 28);
    d.paragraph(line + line + "结束", kFlush);
    const auto pages = words_of(write_pdf(d, dir, "q.pdf"));
    REQUIRE(pages.size() == 1);
    const auto lines = text_lines(pages[0]);
    INFO(dump(lines));
    REQUIRE(lines.size() == 3);
    CHECK(characters(lines[0].text).size() == 28);
    CHECK(characters(lines[1].text).size() == 28);
    CHECK(lines[0].x1 == Approx(kLeft + kTextWidth).margin(1 * kMm));
}

TEST_CASE("a full page holds exactly 22 lines, 225/22 mm apart", "[render][pdf][grid]") {
    TempDir dir;
    Document d("每页行数.pdf");
    for (int i = 1; i <= 30; ++i) d.paragraph("第" + std::to_string(i) + "项" + filler(std::size_t(i % 7 + 3)) + "。");
    const auto pages = words_of(write_pdf(d, dir, "l.pdf"));
    REQUIRE(pages.size() == 2);
    const auto lines = text_lines(pages[0]);
    INFO(dump(lines));
    // Every line is one 3号 paragraph in the same font: equal box bottoms are equal
    // baselines, and their distances are the distances between baselines.
    REQUIRE(lines.size() == 22);
    CHECK(lines.front().text.rfind("第1项", 0) == 0);
    CHECK(lines.back().text.rfind("第22项", 0) == 0);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        INFO("lines " << i << " and " << i + 1);
        CHECK(lines[i].y1 - lines[i - 1].y1 == Approx(kPitch).margin(0.3 * kMm));
    }
    CHECK(lines.back().y1 <= kTop + kTextHeight);  // the 22nd line inside the 版心
    CHECK(lines.back().y1 > kTop + kTextHeight - kPitch);
    // the 23rd paragraph opens page 2 on its first line
    const auto next = text_lines(pages[1]);
    REQUIRE(!next.empty());
    CHECK(next.front().text.rfind("第23项", 0) == 0);
    CHECK(next.front().y1 == Approx(lines.front().y1).margin(0.3 * kMm));
}

TEST_CASE("no line starts with closing punctuation or ends with opening punctuation", "[render][pdf][grid]") {
    const std::set<std::string> closing{"，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "’"};
    const std::set<std::string> opening{"（", "《", "“", "‘"};

    // Paragraphs without indent (28 characters a line) that a break after every
    // 28th character would start or end wrongly.
    std::vector<std::string> paras;
    for (const auto& c : closing) paras.push_back(filler(28) + c + filler(12));  // closing at 29
    for (const char* c : {"）。", "》，", "”；", "）；"})
        paras.push_back(filler(28) + c + filler(10));  // two closing at 29, 30
    const std::map<std::string, std::string> pairs{{"（", "）"}, {"《", "》"}, {"“", "”"}, {"‘", "’"}};
    for (const auto& [o, c] : pairs) paras.push_back(filler(27) + o + filler(5) + c + filler(6));  // opening at 28
    paras.push_back(filler(26) + "（一）" + filler(10));                    // （ at 27, ） at 29
    paras.push_back(filler(27) + "（《" + filler(8) + "》）" + filler(4));   // two opening at 28, 29
    // 《 at 56, ， at 85: the 2nd and 3rd lines
    paras.push_back(filler(28 + 27) + "《" + filler(6) + "》" + filler(21) + "，" + filler(6));
    // The same wording after 0 to 27 characters: its punctuation falls on every column.
    const std::string sentence =
        "经初审，贵单位（许昌瑞达电气有限公司）符合《魏都区区长质量奖管理办法》第九条、第十条的规定；"
        "现予受理：请于公示期内保持联系！是否有异议？请来函说明。“小巨人”企业‘专精特新’说明。";
    for (std::size_t k = 0; k < 28; ++k) paras.push_back(filler(k) + sentence);

    // The test's own check: breaking after every 28th character would go wrong in
    // each paragraph made for it, and at many columns of the sentence.
    auto naive_faults = [&](const std::string& p) {
        const auto cs = characters(p);
        std::size_t n = 0;
        for (std::size_t at = 28; at < cs.size(); at += 28) n += closing.count(cs[at]) + opening.count(cs[at - 1]);
        return n;
    };
    std::size_t faults = 0;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        INFO(paras[i]);
        if (i < paras.size() - 28) REQUIRE(naive_faults(paras[i]) >= 1);
        faults += naive_faults(paras[i]);
    }
    REQUIRE(faults >= 30);

    TempDir dir;
    Document d("避头尾.pdf");
    for (const auto& p : paras) d.paragraph(p, kFlush);
    const auto pages = words_of(write_pdf(d, dir, "p.pdf"));
    std::string all;
    std::size_t count = 0;
    for (std::size_t pg = 0; pg < pages.size(); ++pg) {
        const auto lines = text_lines(pages[pg]);
        for (const Line& l : lines) {
            INFO("page " << pg + 1 << ": " << l.text);
            const auto cs = characters(l.text);
            REQUIRE(!cs.empty());
            CHECK(closing.count(cs.front()) == 0);
            CHECK(opening.count(cs.back()) == 0);
            CHECK(cs.size() <= 28);
            all += l.text;
            ++count;
        }
    }
    CHECK(count > paras.size() * 2);  // the paragraphs did wrap
    std::string expected;
    for (const auto& p : paras) expected += p;
    CHECK(all == expected);  // every character printed, in order
}

TEST_CASE("a notice's 60-row table repeats its header on every page it runs over", "[render][pdf][grid][table]") {
    TempDir dir;
    Case c = sample_case();
    const auto twelve = c.applicants;
    c.applicants.clear();
    for (std::size_t i = 0; i < 60; ++i) c.applicants.push_back(twelve[i % twelve.size()]);
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    const auto pages = words_of(notice);
    REQUIRE(pages.size() >= 3);

    const std::regex number("\\d+");
    std::map<int, int> seen;  // 序号 -> times printed
    std::size_t table_pages = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        INFO("page " << p + 1 << "\n" << dump(pages[p]));
        const Word* header = nullptr;
        const Word* code_header = nullptr;
        const Word* first_row = nullptr;
        for (const Word& w : pages[p]) {
            if (w.text == "序号" && !header) header = &w;
            if (w.text == "统一社会信用代码" && !code_header) code_header = &w;
            // the 序号 cells: a number in the table's first column
            if (w.x1 < kLeft + 12 * kMm && w.y1 < kTop + kTextHeight && std::regex_match(w.text, number)) {
                ++seen[std::stoi(w.text)];
                if (!first_row || w.y0 < first_row->y0) first_row = &w;
            }
        }
        if (!first_row) {
            CHECK(!header);  // no header without rows under it
            continue;
        }
        ++table_pages;
        REQUIRE(header);
        REQUIRE(code_header);
        CHECK(header->y1 <= first_row->y0);  // above the page's first row
        CHECK(code_header->y1 <= first_row->y0);
        CHECK(std::abs(header->y0 - code_header->y0) < 1);  // one header row
    }
    CHECK(table_pages >= 3);
    CHECK(seen.size() == 60);
    for (int n = 1; n <= 60; ++n) {
        INFO("序号 " << n);
        CHECK(seen[n] == 1);
    }
}
