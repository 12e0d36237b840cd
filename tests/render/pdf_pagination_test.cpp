// Where the acceptance documents break pages and how their table is set: the
// signature never stands alone on a last page, table columns are shared so that
// cells wrap little and never leave one character on a line, cells keep their
// padding, and a row too tall for a page is refused naming the input.
#include <catch2/catch.hpp>

#include <regex>

#include "model/errors.hpp"
#include "pdf_fixture.hpp"
#include "render/pdf/document.hpp"

using namespace award;
using namespace award::test;
using namespace award::test::geometry;

namespace {


int pages_of(const fs::path& pdf) {
    std::smatch m;
    const std::string info = run("pdfinfo " + quoted(pdf)).out;
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \f\t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \f\t") - a + 1);
}

// The last page's lines of text other than the 署名, the 成文日期, the page
// number and a closing one-liner like "特此通知。".
std::vector<std::string> last_page_body(const fs::path& pdf, const Case& c) {
    const int n = pages_of(pdf);
    const std::string text =
        run("pdftotext -layout -enc UTF-8 -f " + std::to_string(n) + " -l " + std::to_string(n) + " " + quoted(pdf) + " -").out;
    std::vector<std::string> body;
    for (const auto& raw : lines_of(text)) {
        const std::string line = trim(raw);
        if (line.empty() || line == c.issuer || line == c.acceptance.notice_date.chinese() || line == "特此通知。") continue;
        if (line.find("—") != std::string::npos) continue;  // — 2 —
        body.push_back(line);
    }
    return body;
}

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};

// pdftotext -bbox: one word per table cell line (cells are set line by line).
std::vector<std::vector<Word>> words_by_page(const fs::path& pdf) {
    const std::string out = run("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -").out;
    std::vector<std::vector<Word>> pages;
    const std::regex page("<page "), word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    for (const auto& line : lines_of(out)) {
        std::smatch m;
        if (std::regex_search(line, page)) pages.emplace_back();
        else if (std::regex_search(line, m, word) && !pages.empty())
            pages.back().push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
    }
    return pages;
}

// The words of the table: from each page's 序号 header to the first body line
// that starts at the left edge of the 版心 after it (the paragraph under the table).
std::vector<Word> table_words(const fs::path& pdf) {
    std::vector<Word> out;
    for (const auto& page : words_by_page(pdf)) {
        bool in = false;
        for (const Word& w : page) {
            if (w.text == "序号") in = true;
            else if (in && w.text.rfind("公示期内", 0) == 0) in = false;
            if (in) out.push_back(w);
        }
    }
    return out;
}

std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// The accepted applicants of the sample case (samples/weidu-2026), as the reviewer saw them.
Case sample_table_case() {
    Case c = sample_case();
    c.applicants.clear();
    const char* rows[][3] = {
        {"许昌恒远电力装备有限公司", "区长质量提名奖", "电气机械和器材制造业"},
        {"许昌智联精密传感技术有限公司", "区长质量提名奖", "仪器仪表制造业"},
        {"许昌安居物业服务有限公司", "区长质量提名奖", "房地产业（物业管理）"},
        {"许昌远航起重机械有限公司", "区长质量奖", "通用设备制造业"},
        {"许昌金桥食品有限公司", "区长质量奖", "食品制造业"},
        {"许昌绿源环保科技有限公司", "区长质量提名奖", "生态保护和环境治理业"},
        {"许昌仁和康复医院有限公司", "区长质量提名奖", "卫生（康复医院）"},
    };
    int i = 0;
    for (const auto& r : rows) {
        c.applicants.push_back(applicant(r[0], "91411002MA47T3QD9" + std::to_string(i), r[1], r[2]));
        c.applicants.back().source = "applicants.json: /applicants/" + std::to_string(i++);
    }
    return c;
}

}  // namespace

TEST_CASE("a letter's last page always carries body text above the signature", "[render][pdf][pagination]") {
    // The reasons grow half a line at a time, so the signature lands on every
    // line across the foot of page 1 and the top of page 2.
    TempDir dir;
    const Case c = sample_case();
    std::size_t two_page = 0;
    for (int k = 0; k < 24; ++k) {
        AcceptanceOutcome o = outcome_for(c, {2});
        std::string extra;
        for (int i = 0; i < 2 * k; ++i) extra += "此项另有说明。";
        o.results[2].checks.back().reason += extra;
        const fs::path letter = dir.path() / ("letter" + std::to_string(k) + ".pdf");
        write_rejection_letter_pdf(env(), c, weidu_policy(), o.results[2], letter);
        if (pages_of(letter) < 2) continue;
        ++two_page;
        const auto body = last_page_body(letter, c);
        INFO("extra sentences: " << k);
        // the last two lines of the contact paragraph, above "特此通知。" and the signature
        REQUIRE(body.size() >= 2);
    }
    CHECK(two_page >= 10);  // the loop did push the signature over the page break
}

TEST_CASE("a notice's last page always carries body text above the signature", "[render][pdf][pagination]") {
    TempDir dir;
    const Case full = sample_case();
    for (std::size_t n = 1; n <= full.applicants.size(); ++n) {
        for (const bool numbered : {true, false}) {
            Case c = full;
            c.applicants.resize(n);
            if (!numbered) c.acceptance.document_number.clear();
            const fs::path notice = dir.path() / ("n" + std::to_string(n) + (numbered ? "a" : "b") + ".pdf");
            write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
            INFO(n << " applicants, 发文字号 " << numbered);
            CHECK(last_page_body(notice, c).size() >= 2);
        }
    }
}

TEST_CASE("table columns are shared so that no cell ends in a lone character", "[render][pdf][table]") {
    TempDir dir;
    const Case c = sample_table_case();
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    const auto words = table_words(notice);
    REQUIRE(words.size() > 7 * 4);
    for (const Word& w : words) {
        INFO(w.text);
        const bool number = std::regex_match(w.text, std::regex("\\d+"));
        if (!number) CHECK(chars(w.text) > 1);  // "仪器仪表制造／业" would leave "业"
        // 1.5 mm or more between the text and the cell's rules at the table's sides.
        CHECK(w.x0 >= kLeft + 1.5 * kMm - 0.01);
        CHECK(w.x1 <= kLeft + kTextWidth - 1.5 * kMm + 0.01);
    }
    // the industries that wrapped at one character too few read whole
    const std::string raw = squeeze(pdftotext(notice, false));
    for (const char* s : {"仪器仪表制造业", "通用设备制造业"}) CHECK(raw.find(s) != std::string::npos);
}

TEST_CASE("names stay on one line when the other columns leave room", "[render][pdf][table]") {
    TempDir dir;
    Case c = sample_table_case();
    // 12 characters at most: with 小四 cells, a 14-character name and an 18-character
    // credit code leave the other columns too little room to keep it on one line.
    c.applicants[1].name = "许昌智联精密传感有限公司";
    for (auto& a : c.applicants) a.industry = "制造业";
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    std::vector<std::string> texts;
    for (const Word& w : table_words(notice)) texts.push_back(w.text);
    for (const auto& a : c.applicants) {
        INFO(a.name);
        CHECK(std::find(texts.begin(), texts.end(), a.name) != texts.end());  // one word: one line of its cell
    }
}

TEST_CASE("cells keep about 1 mm of space above and below their text", "[render][pdf][table]") {
    TempDir dir;
    Case c = sample_table_case();
    c.applicants[1].name = "许昌智联精密传感有限公司";
    for (auto& a : c.applicants) a.industry = "制造业", a.award = "区长质量奖";  // every row one line
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    std::vector<Word> numbers;  // the 序号 cells, one per row
    for (const Word& w : table_words(notice))
        if (std::regex_match(w.text, std::regex("\\d"))) numbers.push_back(w);
    REQUIRE(numbers.size() == c.applicants.size());
    std::size_t pairs = 0;
    for (std::size_t i = 1; i < numbers.size(); ++i) {
        const double pitch = numbers[i].y0 - numbers[i - 1].y0;
        if (pitch <= 0) continue;  // the next page
        ++pairs;
        // the row's height less its text's, shared above and below
        const double space = (pitch - (numbers[i].y1 - numbers[i].y0)) / 2;
        CHECK(space >= 1 * kMm);
        CHECK(space <= 3 * kMm);
    }
    CHECK(pairs >= 3);
}

TEST_CASE("a table row taller than a page is refused, naming the applicant and field", "[render][pdf][table]") {
    TempDir dir;
    Case c = sample_table_case();
    std::string name;
    while (chars(name) < 3000) name += "许昌市魏都区精密仪器仪表与智能装备制造股份有限公司";
    c.applicants[3].name = name;
    const fs::path notice = dir.path() / "n.pdf";
    try {
        write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
        FAIL("no InputError");
    } catch (const InputError& e) {
        REQUIRE(e.problems().size() == 1);
        const Problem& p = e.problems().front();
        CHECK(p.file == "applicants.json");
        CHECK(p.record.rfind("/applicants/3（许昌市魏都区", 0) == 0);
        CHECK(p.field == "name");
        CHECK(p.value.rfind("许昌市魏都区", 0) == 0);
        CHECK(p.value.size() < 200);  // an excerpt, not 3000 characters
        CHECK(p.expected.find("一页") != std::string::npos);
    }
    CHECK(!fs::exists(notice));
}

TEST_CASE("a long table runs over pages with its header on each and every row whole", "[render][pdf][table]") {
    TempDir dir;
    Case c = sample_case();
    const Case base = sample_table_case();
    c.applicants.clear();
    for (int i = 0; i < 150; ++i) {
        Applicant a = base.applicants[std::size_t(i) % base.applicants.size()];
        a.name = std::to_string(i + 1) + a.name;
        c.applicants.push_back(a);
    }
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    const auto pages = words_by_page(notice);
    REQUIRE(pages.size() >= 8);
    std::vector<std::string> numbers;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        bool header = false, rows = false;
        for (const Word& w : pages[p]) {
            header = header || w.text == "统一社会信用代码";
            if (w.x1 < kLeft + 12 * kMm && std::regex_match(w.text, std::regex("\\d+"))) numbers.push_back(w.text), rows = true;
        }
        INFO("page " << p + 1);
        CHECK(header == rows);
    }
    // every row's 序号 once, in order
    REQUIRE(numbers.size() == 150);
    for (std::size_t i = 0; i < numbers.size(); ++i) CHECK(numbers[i] == std::to_string(i + 1));
}

TEST_CASE("the 发文机关标志 is shrunk to fit the 版心 down to 二号, then set on two lines", "[render][pdf][masthead]") {
    TempDir dir;
    for (const std::string issuer : {"魏都区区长质量奖评审委员会秘书处", "许昌市魏都区人民政府区长质量奖评审委员会办公室秘书处综合协调科"}) {
        INFO(issuer);
        Case c = sample_table_case();
        c.issuer = issuer;
        const fs::path notice = dir.path() / "n.pdf";
        write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
        const auto page = words_by_page(notice).front();
        // the 标志 is what stands above the 发文字号
        std::vector<Word> mark;
        for (const Word& w : page) {
            if (w.text.find("魏质奖秘") != std::string::npos) break;
            mark.push_back(w);
        }
        REQUIRE(!mark.empty());
        std::string text;
        for (const Word& w : mark) {
            text += w.text;
            CHECK(w.y1 - w.y0 >= 22);       // 二号 or larger
            CHECK(w.y1 - w.y0 <= 36 * 1.2);  // 小初 at most (poppler's box is a little taller than the size)
            CHECK(w.x0 >= kLeft - 0.01);
            CHECK(w.x1 <= kLeft + kTextWidth + 0.01);
            // its top 35 mm below the top of the 版心
            CHECK(mark.front().y0 >= 37 * kMm + 35 * kMm - 8);
        }
        CHECK(text == issuer);
        CHECK(mark.size() == (chars(issuer) * 22 > kTextWidth ? 2u : 1u));
    }
}

TEST_CASE("a signature after many one-line paragraphs carries only a few of them to its page", "[render][pdf][pagination]") {
    TempDir dir;
    award::pdf::Document doc("short-lines.pdf");
    doc.title(award::pdf::Text("通知"));
    for (int i = 1; i <= 30; ++i) doc.paragraph(award::pdf::Text("第" + std::to_string(i) + "项。"));
    doc.signature(award::pdf::Text("魏都区区长质量奖评审委员会秘书处"), Date(2026, 9, 30));
    const fs::path out = dir.path() / "short-lines.pdf";
    doc.write(env().data_dir, "t", Date(2026, 9, 30), out);
    REQUIRE(pages_of(out) == 2);
    const std::string first = squeeze(run("pdftotext -raw -enc UTF-8 -f 1 -l 1 " + quoted(out) + " -").out);
    // Page 1 holds 22 lines: the title, a blank line and 20 one-line paragraphs;
    // the signature takes at most four of them along to page 2.
    CHECK(first.find("第16项。") != std::string::npos);
    const std::string second = squeeze(run("pdftotext -raw -enc UTF-8 -f 2 -l 2 " + quoted(out) + " -").out);
    CHECK(second.find("第30项。") != std::string::npos);
    CHECK(second.find("第15项。") == std::string::npos);
}
