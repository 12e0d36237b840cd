// The acceptance-stage PDFs rendered from hand-made data and read back with
// poppler (pdftotext, pdffonts) and qpdf, as a user's tools would read them.
#include <catch2/catch.hpp>

#include "model/errors.hpp"
#include "pdf_fixture.hpp"
#include "render/acceptance_documents.hpp"

using namespace award;
using namespace award::test;

namespace {

// Every font pdffonts lists is embedded, subset and has a ToUnicode map.
void require_embedded_subset_unicode(const fs::path& pdf) {
    const Run r = run("pdffonts " + quoted(pdf));
    REQUIRE(r.status == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 2);  // header, rule, at least one font
    for (std::size_t i = 2; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        INFO(lines[i]);
        std::istringstream in(lines[i]);
        std::vector<std::string> cols;
        for (std::string w; in >> w;) cols.push_back(w);
        REQUIRE(cols.size() >= 7);
        const std::size_t n = cols.size();  // ... emb sub uni objectID gen
        CHECK(cols[n - 5] == "yes");
        CHECK(cols[n - 4] == "yes");
        CHECK(cols[n - 3] == "yes");
        CHECK(cols[0].find('+') == 6);  // XXXXXX+Name: a subset
    }
}

void require_no_line_starts_with_closing_punctuation(const std::string& text) {
    for (const auto& raw : lines_of(text)) {
        const auto start = raw.find_first_not_of(" \f");
        if (start == std::string::npos) continue;
        const std::string line = raw.substr(start);
        INFO(line);
        for (const char* p : {"，", "。", "、", "；", "：", "）", "》", "”"}) CHECK(line.rfind(p, 0) != 0);
    }
}

struct Rendered {
    TempDir dir;
    Case c = sample_case();
    Policy p = weidu_policy();
    AcceptanceOutcome o = outcome_for(c, {2, 7});
    fs::path notice = dir.path() / "受理名单公示.pdf";
    fs::path letter = dir.path() / "不予受理通知书" / "魏都区新源食品有限公司.pdf";

    Rendered() {
        write_acceptance_notice_pdf(env(), c, p, o, notice);
        write_rejection_letter_pdf(env(), c, p, o.results[2], letter);
    }
};

}  // namespace

TEST_CASE("the notice lists every accepted applicant and the publicity period", "[render][pdf]") {
    Rendered r;
    const std::string text = squeeze(pdftotext(r.notice));
    CHECK(text.find("关于2026年度魏都区区长质量奖受理名单的公示") != std::string::npos);
    CHECK(text.find("公示期为2026年10月8日至2026年10月13日（5个工作日）") != std::string::npos);
    CHECK(text.find("第十四条") != std::string::npos);
    CHECK(text.find("（排名不分先后）") != std::string::npos);
    CHECK(text.find("0374-2961234") != std::string::npos);
    CHECK(text.find("魏都区区长质量奖评审委员会秘书处2026年9月30日") != std::string::npos);

    // Names and codes read back from the table, one row per line in layout mode.
    const std::string raw = pdftotext(r.notice, false);
    for (const auto& res : r.o.results) {
        const Applicant& a = r.c.applicants[res.applicant_index];
        INFO(a.name);
        if (res.accepted) {
            CHECK(text.find(a.credit_code) != std::string::npos);
            CHECK(squeeze(raw).find(a.name) != std::string::npos);
        } else {
            CHECK(text.find(a.credit_code) == std::string::npos);
        }
    }
    // The table runs over more than one page and repeats its header on each.
    const std::string info = squeeze(run("pdfinfo " + quoted(r.notice)).out);
    const auto at_pages = info.find("Pages:");
    REQUIRE(at_pages != std::string::npos);
    const int pages = std::stoi(info.substr(at_pages + 6));
    CHECK(pages >= 2);
    int headers = 0;
    for (std::size_t at = 0; (at = text.find("统一社会信用代码", at)) != std::string::npos; ++at) ++headers;
    CHECK(headers >= 2);  // every page the table reaches, at least the first two
    require_no_line_starts_with_closing_punctuation(pdftotext(r.notice));
    require_no_line_starts_with_closing_punctuation(raw);
}

TEST_CASE("the letter gives each failed check as a numbered reason with its article", "[render][pdf]") {
    Rendered r;
    const std::string text = squeeze(pdftotext(r.letter));
    CHECK(text.find("不予受理通知书") != std::string::npos);
    CHECK(text.find("魏都区新源食品有限公司：") != std::string::npos);
    CHECK(text.find("2026年度魏都区区长质量奖（区长质量提名奖）") != std::string::npos);
    CHECK(text.find("具体理由如下：") != std::string::npos);
    int n = 0;
    for (const CheckResult* f : r.o.results[2].failures()) {
        INFO(f->reason);
        CHECK(text.find(std::to_string(++n) + "." + squeeze(f->reason)) != std::string::npos);
        CHECK(squeeze(f->reason).find(f->article) != std::string::npos);
    }
    CHECK(n == 2);
    CHECK(text.find("第十四条") != std::string::npos);
    CHECK(text.find("王敏") != std::string::npos);
    CHECK(text.find("wdzlj@example.cn") != std::string::npos);
    CHECK(text.find("2026年9月30日") != std::string::npos);
    CHECK(text.find("魏质奖秘") == std::string::npos);  // the notice's 发文字号 is not the letter's
    require_no_line_starts_with_closing_punctuation(pdftotext(r.letter));
}

TEST_CASE("the PDFs embed subset fonts with Unicode maps and pass qpdf --check", "[render][pdf]") {
    Rendered r;
    for (const auto& pdf : {r.notice, r.letter}) {
        INFO(pdf.string());
        require_embedded_subset_unicode(pdf);
        const Run q = run("qpdf --check " + quoted(pdf));
        INFO(q.out);
        CHECK(q.status == 0);
        const std::string info = squeeze(run("pdfinfo " + quoted(pdf)).out);
        CHECK(info.find("Producer:award") != std::string::npos);
        CHECK(info.find("Pagesize:595.276x841.89pts(A4)") != std::string::npos);
    }
}

TEST_CASE("rendering twice gives identical bytes", "[render][pdf]") {
    Rendered a;
    Rendered b;
    CHECK(bytes_of(a.notice) == bytes_of(b.notice));
    CHECK(bytes_of(a.letter) == bytes_of(b.letter));
    CHECK(bytes_of(a.notice).size() > 1000);
}

TEST_CASE("a character no font has stops the run, names it and the applicant, and writes nothing", "[render][pdf]") {
    const char* strange[] = {"\U0002A6A5", "\uE000"};  // 𪚥 (outside the BMP), a private-use character
    const char* codes[] = {"U+2A6A5", "U+E000"};
    for (int k = 0; k < 2; ++k) {
        INFO(codes[k]);
        TempDir dir;
        Case c = sample_case();
        c.applicants[4].name = std::string("河南") + strange[k] + "发制品有限公司";
        const AcceptanceOutcome o = outcome_for(c, {4});
        const fs::path notice = dir.path() / "受理名单公示.pdf";
        const fs::path letter = dir.path() / "letter.pdf";

        // The letter addresses the applicant by name.
        try {
            write_rejection_letter_pdf(env(), c, weidu_policy(), o.results[4], letter);
            FAIL("no InputError");
        } catch (const InputError& e) {
            REQUIRE(e.problems().size() == 1);
            const Problem& p = e.problems().front();
            // Named by the input it comes from, not by the document being written.
            CHECK(p.file == "applicants.json");
            CHECK(p.record.find(c.applicants[4].name) != std::string::npos);
            CHECK(p.field == "name");
            CHECK(p.value == std::string(strange[k]) + " (" + codes[k] + ")");
            // Outside the BMP no font can help (PoDoFo cannot draw it); inside, a font that has it can.
            if (k == 0) CHECK(p.expected.find("扩展B区") != std::string::npos);
            else CHECK(p.expected.find("fonts/") != std::string::npos);
        }
        CHECK(!fs::exists(letter));

        // In the notice the same name sits in the table; there the applicant is accepted.
        c.applicants[7].industry = std::string("纺织") + strange[k] + "业";
        const AcceptanceOutcome all = outcome_for(c, {});
        try {
            write_acceptance_notice_pdf(env(), c, weidu_policy(), all, notice);
            FAIL("no InputError");
        } catch (const InputError& e) {
            REQUIRE(e.problems().size() == 2);  // every problem at once
            CHECK(e.problems()[0].record.find(c.applicants[4].name) != std::string::npos);
            CHECK(e.problems()[1].record.find(c.applicants[7].name) != std::string::npos);
            CHECK(e.problems()[1].field == "industry");
            CHECK(std::string(e.what()).find(codes[k]) != std::string::npos);
        }
        CHECK(fs::is_empty(dir.path()));  // no target, no temporary file
    }
}

TEST_CASE("a long name wraps inside its table cell", "[render][pdf]") {
    TempDir dir;
    Case c = sample_case();
    const std::string long_name = "许昌市魏都区长江路街道办事处高新技术产业开发区精密仪器仪表与智能装备制造股份有限公司";
    c.applicants[0].name = long_name;
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {}), notice);
    const auto lines = lines_of(pdftotext(notice));
    std::size_t first = lines.size(), last = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].find(long_name) == std::string::npos);  // never on one line
        if (lines[i].find("许昌市魏都区") != std::string::npos && first == lines.size()) first = i;
        // the cell's last line: the first line after its first that holds "公司" (the name's end)
        if (first < i && last == 0 && lines[i].find("公司") != std::string::npos) last = i;
    }
    REQUIRE(first < lines.size());
    CHECK(last > first);
    CHECK(last - first <= 6);  // within the row
    // the cell's lines, read in order, give the name back
    CHECK(squeeze(pdftotext(notice, false)).find(long_name) != std::string::npos);
}

TEST_CASE("a notice with no accepted applicant says so instead of an empty table", "[render][pdf]") {
    TempDir dir;
    const Case c = sample_case();
    std::vector<std::size_t> everyone;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) everyone.push_back(i);
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, everyone), notice);
    const std::string text = squeeze(pdftotext(notice));
    CHECK(text.find("没有申报组织列入受理名单") != std::string::npos);
    CHECK(text.find("统一社会信用代码") == std::string::npos);
}

TEST_CASE("without a 受理名单公示 the 受理名单 is a notice: no publicity period, no objections, no article for it",
          "[render][pdf]") {
    TempDir dir;
    const Case c = sample_case();
    Policy p = weidu_policy();
    p.acceptance_publicity.reset();  // as 通州区: the regulation has none
    AcceptanceOutcome o = outcome_for(c, {2, 7});
    o.publicity.reset();
    CHECK(acceptance_notice_file(o) == "受理名单通知.pdf");
    const fs::path notice = dir.path() / acceptance_notice_file(o);
    write_acceptance_notice_pdf(env(), c, p, o, notice);
    const std::string text = squeeze(pdftotext(notice));
    CHECK(text.find("关于2026年度魏都区区长质量奖受理名单的通知") != std::string::npos);
    CHECK(text.find("各申报组织：") != std::string::npos);
    CHECK(text.find("根据《魏都区区长质量奖管理办法》有关规定") != std::string::npos);
    CHECK(text.find("予以受理") != std::string::npos);
    CHECK(text.find("未列入受理名单的申报组织，将另行收到不予受理通知书") != std::string::npos);
    CHECK(text.find("特此通知") != std::string::npos);
    for (const char* absent : {"公示", "异议", "第十四条", "工作日"}) {
        INFO(absent);
        CHECK(text.find(absent) == std::string::npos);
    }
    for (const auto& res : o.results) {
        const Applicant& a = c.applicants[res.applicant_index];
        INFO(a.name);
        CHECK((text.find(a.credit_code) != std::string::npos) == res.accepted);
    }
    // With a publicity period the file keeps its name.
    CHECK(acceptance_notice_file(outcome_for(c, {2})) == "受理名单公示.pdf");
}

TEST_CASE("a letter cites the article for the decision only when it requires no written reasons, and never a publicity period",
          "[render][pdf]") {
    TempDir dir;
    const Case c = sample_case();
    const AcceptanceOutcome o = outcome_for(c, {2});
    Policy wd = weidu_policy();  // 第十四条: 对未列入受理名单的申报组织，应当书面反馈理由
    const fs::path wd_letter = dir.path() / "wd.pdf";
    write_rejection_letter_pdf(env(), c, wd, o.results[2], wd_letter);
    const std::string wd_text = squeeze(pdftotext(wd_letter));
    CHECK(wd_text.find("根据《魏都区区长质量奖管理办法》第十四条规定，现将不予受理的理由书面告知贵单位") != std::string::npos);

    Policy tz = weidu_policy();  // as 通州区: 第十五条 sets the 资格审查, not written reasons
    tz.acceptance_publicity.reset();
    tz.rejection_article = "第十五条";
    tz.rejection_reasons_required = false;
    tz.acceptance_review = "资格审查";
    AcceptanceOutcome without = o;
    without.publicity.reset();
    const fs::path tz_letter = dir.path() / "tz.pdf";
    write_rejection_letter_pdf(env(), c, tz, without.results[2], tz_letter);
    const std::string tz_text = squeeze(pdftotext(tz_letter));
    CHECK(tz_text.find("依据《魏都区区长质量奖管理办法》第十五条进行资格审查，贵单位不符合申报条件，决定不予受理") !=
          std::string::npos);
    CHECK(tz_text.find("现将不予受理的理由告知贵单位") != std::string::npos);
    CHECK(tz_text.find("书面告知") == std::string::npos);
    for (const std::string* t : {&wd_text, &tz_text}) {
        CHECK(t->find("公示") == std::string::npos);
        CHECK(t->find("工作日") == std::string::npos);
    }
}
