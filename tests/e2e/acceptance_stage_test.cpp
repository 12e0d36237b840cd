// End-to-end: the real binary on the bundled 魏都区 sample, checked the way a
// user checks it (pdftotext, pdffonts, qpdf, openpyxl).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <sys/stat.h>

#include "support.hpp"

using namespace e2e;

namespace {

// What the sample was written to exercise (samples/weidu-2026/applicants.json, in
// order): the articles each applicant must be refused on, empty when accepted.
const std::vector<std::vector<std::string>> kExpectedFailures = {
    {},                      // A: everything passes
    {},                      // B: 小巨人, exactly 3 years
    {"第九条"},              // C: one day short of 5 years
    {},                      // D: exactly 5 years
    {"第九条"},              // E: registered outside 魏都区
    {"第九条"},              // F: self-evaluation 一般 in 2025
    {},                      // G: main award, 提名奖 held exactly 1 year
    {"第十条"},              // H: main award, no 提名奖 and only 2 years of self-evaluation
    {},                      // I: main award by special approval
    {"第十一条"},            // J: 较大 quality accident within 3 years
    {},                      // K: minor incident, and a major one exactly 3 years before
    {"第十一条", "第十二条"},  // L: dishonesty and cooldown: two failures at once
    {},                      // M: won 提名奖 exactly 4 years ago
    {"第九条"},              // N: no valid licences
    {"第十条"},              // O: 提名奖 held one day short of 1 year
    {"第三十条"},            // P: revoked award within 4 years (第三十条、第三十一条)
    {"第九条"},              // Q: policy compliance not declared
};

// One run of the sample per test program: the tests below read its output.
struct SampleRun {
    TempDir tmp;
    fs::path folder = tmp.path() / "weidu-2026";
    nlohmann::json applicants = read_json(sample_dir() / "applicants.json")["applicants"];
    Ran ran = run_award({"run", sample_dir().string(), "--out", tmp.path().string()});
};

const SampleRun& sample_run() {
    static const SampleRun s;
    return s;
}

std::string name_of(const nlohmann::json& a) { return a["name"].get<std::string>(); }

std::vector<fs::path> pdfs_under(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& f : files_under(dir))
        if (f.extension() == ".pdf") out.push_back(dir / f);
    return out;
}

}  // namespace

TEST_CASE("WD sample: award run writes the acceptance documents and a manifest with SHA-256") {
    const auto& s = sample_run();
    INFO(s.ran.err);
    REQUIRE(s.ran.status == 0);
    REQUIRE(s.applicants.size() == kExpectedFailures.size());

    std::set<std::string> expected = {"manifest.json", "受理名单.xlsx", "资格审查结果（内部）.xlsx", "受理名单公示.pdf"};
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i)
        if (!kExpectedFailures[i].empty()) expected.insert("不予受理通知书/" + name_of(s.applicants[i]) + ".pdf");
    // The review: 材料评审 and 现场评审 scored, 6 of the 7 accepted enter 现场评审 (the 7th gets
    // a feedback letter), the proposed winners are publicised, and the commendation
    // confers the review's result: a certificate for each of those 6.
    for (const char* f : {"评分汇总（内部）.xlsx", "现场评审名单.pdf", "拟奖名单公示.pdf", "获奖名单.xlsx", "奖金发放表.xlsx"})
        expected.insert(f);
    expected.insert("评审反馈意见书/许昌安居物业服务有限公司.pdf");
    expected.insert("证书（合并打印）.pdf");
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i)
        if (kExpectedFailures[i].empty() && name_of(s.applicants[i]) != "许昌安居物业服务有限公司")
            expected.insert("证书/" + name_of(s.applicants[i]) + ".pdf");
    std::set<std::string> written;
    for (const auto& f : files_under(s.folder)) written.insert(f.generic_string());
    CHECK(written == expected);

    // Documents get the permissions any saved file gets (not the private 0600 of a temp file).
    const mode_t mask = umask(0);
    umask(mask);
    if (!(mask & S_IRGRP))
        for (const auto& f : written) CHECK((fs::status(s.folder / f).permissions() & fs::perms::group_read) != fs::perms::none);

    const auto manifest = read_json(s.folder / "manifest.json");
    CHECK(manifest["case"] == "weidu-2026");
    CHECK(manifest["files"].size() == expected.size() - 1);
    for (const auto& f : manifest["files"]) {
        const fs::path p = s.folder / f["path"].get<std::string>();
        Ran sum = run("sha256sum " + quote(p.string()));
        REQUIRE(sum.status == 0);
        CHECK(sum.out.substr(0, 64) == f["sha256"].get<std::string>());
        CHECK(fs::file_size(p) == f["bytes"].get<std::uintmax_t>());
    }
}

TEST_CASE("WD sample: every PDF has only embedded subset fonts with Unicode maps and passes qpdf --check") {
    const auto& s = sample_run();
    REQUIRE(s.ran.status == 0);
    const auto pdfs = pdfs_under(s.folder);
    REQUIRE(pdfs.size() >= 2);
    for (const auto& pdf : pdfs) {
        INFO(pdf.string());
        Ran fonts = run("pdffonts " + quote(pdf.string()));
        REQUIRE(fonts.status == 0);
        // name type encoding emb sub uni object ID: skip the two header lines.
        std::istringstream lines(fonts.out);
        std::string line;
        int count = 0;
        std::getline(lines, line);
        std::getline(lines, line);
        const std::regex row(R"(^([A-Z]{6})\+\S+\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
        while (std::getline(lines, line)) {
            if (line.empty()) continue;
            INFO(line);
            std::smatch m;
            REQUIRE(std::regex_match(line, m, row));  // a subset name: six capitals and '+'
            CHECK(m[2] == "yes");                     // embedded
            CHECK(m[3] == "yes");                     // subset
            CHECK(m[4] == "yes");                     // Unicode map
            ++count;
        }
        CHECK(count >= 1);
        Ran q = run("qpdf --check " + quote(pdf.string()));
        INFO(q.out + q.err);
        CHECK(q.status == 0);
    }
}

TEST_CASE("WD sample: the notice names every accepted applicant and the computed publicity dates") {
    const auto& s = sample_run();
    REQUIRE(s.ran.status == 0);
    const std::string text = squeeze(pdf_text(s.folder / "受理名单公示.pdf"));
    INFO(text);
    CHECK(pdf_pages(s.folder / "受理名单公示.pdf") <= 2);  // a one-to-two page notice
    CHECK(text.find("进行了初审。经初审并征求相关部门意见，") != std::string::npos);  // 第十四条
    // The 版头: the issuing body, then the 发文字号, then the title.
    CHECK(text.find("魏都区区长质量奖评审委员会秘书处魏质奖秘〔2026〕3号关于2026年度魏都区区长质量奖受理名单的公示") == 0);
    // 2026-10-08 is the first day after the National Day holiday; 10-10 (a Saturday) is a
    // working day, so five working days end on Tuesday 10-13.
    CHECK(text.find("2026年10月8日") != std::string::npos);
    CHECK(text.find("2026年10月13日") != std::string::npos);
    CHECK(text.find("5个工作日") != std::string::npos);
    CHECK(text.find("第十四条") != std::string::npos);
    CHECK(text.find("魏都区区长质量奖评审委员会秘书处") != std::string::npos);
    CHECK(text.find("2026年9月30日") != std::string::npos);
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i) {
        const std::string name = name_of(s.applicants[i]);
        INFO(name);
        if (kExpectedFailures[i].empty())
            CHECK(text.find(squeeze(name)) != std::string::npos);
        else
            CHECK(text.find(squeeze(name)) == std::string::npos);
    }
}

TEST_CASE("WD sample: each letter is addressed to its applicant and cites the articles of its failed checks") {
    const auto& s = sample_run();
    REQUIRE(s.ran.status == 0);
    const std::set<std::string> all_articles = {"第九条", "第十条", "第十一条", "第十二条", "第三十条"};
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i) {
        if (kExpectedFailures[i].empty()) continue;
        const std::string name = name_of(s.applicants[i]);
        INFO(name);
        const std::string text = squeeze(pdf_text(s.folder / "不予受理通知书" / (name + ".pdf")));
        INFO(text);
        CHECK(text.find(squeeze(name) + "：") != std::string::npos);
        CHECK(text.find("不予受理") != std::string::npos);
        for (const auto& art : all_articles) {
            const bool expected = std::find(kExpectedFailures[i].begin(), kExpectedFailures[i].end(), art) !=
                                  kExpectedFailures[i].end();
            INFO(art);
            CHECK((text.find(art) != std::string::npos) == expected);
        }
        // Numbered reasons: as many as failed checks, at least one per article.
        CHECK(text.find("1.") != std::string::npos);
        if (kExpectedFailures[i].size() > 1) CHECK(text.find("2.") != std::string::npos);
        // The signature never stands alone: its page also carries the end of the text.
        const fs::path letter = s.folder / "不予受理通知书" / (name + ".pdf");
        std::string last = squeeze(pdf_page_text(letter, pdf_pages(letter)));
        for (const std::string cut : {"魏都区区长质量奖评审委员会秘书处", "2026年9月30日", "特此通知。"})
            if (auto at = last.rfind(cut); at != std::string::npos) last.erase(at, cut.size());
        last.erase(std::remove_if(last.begin(), last.end(), [](char ch) { return ch == '-'; }), last.end());
        INFO(last);
        CHECK(last.size() > 30);  // more than the page number: at least a line of body text
    }
}

TEST_CASE("WD sample: 受理名单.xlsx read back holds the accepted applicants under a frozen header row") {
    const auto& s = sample_run();
    REQUIRE(s.ran.status == 0);
    const std::string script =
        "import json, sys, openpyxl\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "out = {}\n"
        "for ws in wb.worksheets:\n"
        "    out[ws.title] = {'freeze': ws.freeze_panes, 'rows': [[c if c is None or isinstance(c, (int, float, str)) else str(c) for c in r] for r in ws.iter_rows(values_only=True)],\n"
        "                     'widths': {k: v.width for k, v in ws.column_dimensions.items()},\n"
        "                     'header': [ws.oddHeader.center.text, ws.oddHeader.center.size]}\n"
        "print(json.dumps(out, ensure_ascii=False))\n";
    TempDir tmp;
    write_file(tmp.path() / "read.py", script);
    Ran r = run("/usr/bin/python3 " + quote((tmp.path() / "read.py").string()) + " " +
                quote((s.folder / "受理名单.xlsx").string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto book = nlohmann::json::parse(r.out);
    const auto& list = book.at("受理名单");
    CHECK(list["freeze"] == "A2");
    // The printed page header: the title at 14 pt (a title starting with the year must
    // not run into the size code).
    CHECK(list["header"][0].get<std::string>().find("2026年度") != std::string::npos);
    CHECK(list["header"][1] == 14);
    const auto& rows = list["rows"];
    REQUIRE(rows.size() >= 1);
    CHECK(rows[0][0] == "序号");
    CHECK(rows[0][1] == "单位名称");
    CHECK(rows[0][2] == "统一社会信用代码");
    CHECK(rows[0][3] == "申报奖项");
    CHECK(rows[0][4] == "所属行业");
    std::vector<std::string> accepted;
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i)
        if (kExpectedFailures[i].empty()) accepted.push_back(name_of(s.applicants[i]));
    REQUIRE(rows.size() == accepted.size() + 1);
    for (std::size_t i = 0; i < accepted.size(); ++i) {
        INFO(accepted[i]);
        CHECK(rows[i + 1][0] == i + 1);
        CHECK(rows[i + 1][1] == accepted[i]);
    }
    // The name column is wide enough for the longest name (CJK counts double).
    CHECK(list["widths"]["B"].get<double>() >= 20);
    // The published list carries no personal data: one sheet, no contact columns.
    CHECK(book.size() == 1);
    for (const auto& h : rows[0]) CHECK(h.get<std::string>().find("联系") == std::string::npos);
}

TEST_CASE("WD sample: the internal review workbook lists every applicant with the decision and its articles") {
    const auto& s = sample_run();
    REQUIRE(s.ran.status == 0);
    TempDir tmp;
    const auto script = tmp.write("read.py",
        "import json, sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
        "print(json.dumps({'freeze': ws.freeze_panes, 'rows': [[c if c is None or isinstance(c, (int, float, str)) else str(c) for c in r] for r in ws.iter_rows(values_only=True)]}, ensure_ascii=False))\n");
    Ran r = run("/usr/bin/python3 " + quote(script.string()) + " " + quote((s.folder / "资格审查结果（内部）.xlsx").string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto sheet = nlohmann::json::parse(r.out);
    CHECK(sheet["freeze"] == "A2");
    const auto& rows = sheet["rows"];
    REQUIRE(rows.size() == kExpectedFailures.size() + 1);
    CHECK(rows[0][8] == "审查结论");
    CHECK(rows[0][9] == "依据条款");
    for (std::size_t i = 0; i < kExpectedFailures.size(); ++i) {
        const auto& row = rows[i + 1];
        INFO(name_of(s.applicants[i]));
        CHECK(row[1] == name_of(s.applicants[i]));
        CHECK(row[8] == (kExpectedFailures[i].empty() ? "受理" : "不予受理"));
        const std::string articles = row[9].is_string() ? row[9].get<std::string>() : "";
        for (const auto& art : kExpectedFailures[i]) CHECK(articles.find(art) != std::string::npos);
        if (kExpectedFailures[i].empty()) CHECK(articles.empty());
    }
}

TEST_CASE("award run twice gives byte-identical files, and a rerun into the same folder changes nothing") {
    TempDir a, b;
    REQUIRE(run_award({"run", sample_dir().string(), "--out", a.path().string()}).status == 0);
    REQUIRE(run_award({"run", sample_dir().string(), "--out", b.path().string()}).status == 0);
    const auto fa = files_under(a.path() / "weidu-2026");
    REQUIRE(fa == files_under(b.path() / "weidu-2026"));
    for (const auto& f : fa) {
        INFO(f.string());
        CHECK(read_file(a.path() / "weidu-2026" / f) == read_file(b.path() / "weidu-2026" / f));
    }
    Ran again = run_award({"run", sample_dir().string(), "--out", a.path().string()});
    REQUIRE(again.status == 0);
    CHECK(again.out.find("未改动") != std::string::npos);
    std::set<std::string> top;
    for (const auto& e : fs::directory_iterator(a.path())) top.insert(e.path().filename().string());
    CHECK(top == std::set<std::string>{"weidu-2026"});
}

TEST_CASE("a changed case keeps the earlier output instead of overwriting it") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    const fs::path out = tmp.path() / "out";
    REQUIRE(run_award({"run", dir.string(), "--out", out.string()}).status == 0);
    const std::string before = read_file(out / "weidu-2026" / "受理名单公示.pdf");
    auto c = read_json(dir / "case.json");
    c["contact"]["phone"] = "0374-2960000";
    write_file(dir / "case.json", c.dump(2));
    Ran r = run_award({"run", dir.string(), "--out", out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(read_file(out / "weidu-2026.previous-1" / "受理名单公示.pdf") == before);
    CHECK(pdf_text(out / "weidu-2026" / "受理名单公示.pdf").find("0374-2960000") != std::string::npos);
}

TEST_CASE("award check with five planted errors prints five messages naming file, record and field, exits 2, writes nothing") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    auto doc = read_json(dir / "applicants.json");
    auto& apps = doc["applicants"];
    // 1. bad credit code: change the last (check) character.
    std::string code = apps[0]["credit_code"];
    code.back() = code.back() == '0' ? '1' : '0';
    apps[0]["credit_code"] = code;
    // 2. missing field.
    apps[1].erase("founded");
    // 3. bad date.
    apps[2]["founded"] = "2019-02-30";
    // 4. duplicate: applicant 4 takes applicant 3's credit code.
    apps[4]["credit_code"] = apps[3]["credit_code"];
    // 5. unknown award.
    apps[5]["award"] = "区长质量金奖";
    write_file(dir / "applicants.json", doc.dump(2));

    Ran r = run_award({"check", dir.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    std::vector<std::string> lines;
    std::istringstream in(r.err);
    for (std::string l; std::getline(in, l);)
        if (l.rfind("  applicants.json", 0) == 0) lines.push_back(l);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].find("/applicants/0") != std::string::npos);
    CHECK(lines[0].find("credit_code") != std::string::npos);
    CHECK(lines[0].find(code) != std::string::npos);
    CHECK(lines[1].find("/applicants/1") != std::string::npos);
    CHECK(lines[1].find("founded") != std::string::npos);
    CHECK(lines[2].find("/applicants/2") != std::string::npos);
    CHECK(lines[2].find("2019-02-30") != std::string::npos);
    CHECK(lines[3].find("/applicants/4") != std::string::npos);
    CHECK(lines[3].find("/applicants/3") != std::string::npos);
    CHECK(lines[3].find("credit_code") != std::string::npos);
    CHECK(lines[4].find("/applicants/5") != std::string::npos);
    CHECK(lines[4].find("区长质量金奖") != std::string::npos);
    CHECK(lines[4].find("award") != std::string::npos);

    const fs::path out = tmp.path() / "out";
    Ran w = run_award({"run", dir.string(), "--out", out.string()});
    CHECK(w.status == 2);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a publicity period reaching into 2027 is refused, naming the missing year, and nothing is written") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    auto c = read_json(dir / "case.json");
    c["acceptance"]["notice_date"] = "2026-12-28";
    c["acceptance"]["publicity_start"] = "2026-12-29";
    // The later stages are dated before the moved notice: this test is about the acceptance stage.
    c.erase("commendation");
    c.erase("review");
    fs::remove_all(dir / "scores");
    fs::remove(dir / "reviewers.json");
    auto d = read_json(dir / "decisions.json");
    d["decisions"].erase(1);  // the tie at 现场评审
    write_file(dir / "decisions.json", d.dump(2));
    write_file(dir / "case.json", c.dump(2));
    const fs::path out = tmp.path() / "out";
    Ran r = run_award({"run", dir.string(), "--out", out.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("2027") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("award check on the sample exits 0 and lists every decision, and --help names both commands") {
    Ran r = run_award({"check", sample_dir().string()});
    INFO(r.out + r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("受理 7 家") != std::string::npos);
    CHECK(r.out.find("不予受理 10 家") != std::string::npos);
    Ran h = run_award({"--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("check") != std::string::npos);
    CHECK(h.out.find("run") != std::string::npos);
    Ran bad = run_award({"check", "/nonexistent/case"});
    CHECK(bad.status == 2);
    // --data-dir is accepted after the subcommand as well.
    Ran after = run(quote(AWARD_BINARY) + " check " + quote(sample_dir().string()) + " --data-dir " + quote(AWARD_SOURCE_DIR));
    CHECK(after.status == 0);
}

TEST_CASE("an --out naming a file is refused as bad input, and the file is left alone") {
    TempDir tmp;
    const auto file = tmp.write("not-a-folder", "keep me");
    Ran r = run_award({"run", sample_dir().string(), "--out", file.string()});
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("不是文件夹") != std::string::npos);
    CHECK(read_file(file) == "keep me");
}

TEST_CASE("characters the PDFs cannot show are caught by award check, each naming its record and field") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    auto doc = read_json(dir / "applicants.json");
    auto& apps = doc["applicants"];
    apps[0]["name"] = apps[0]["name"].get<std::string>() + "😀";  // outside the BMP
    apps[2]["industry"] = "口腔\u0007医疗";                        // a control character (BEL)
    write_file(dir / "applicants.json", doc.dump(2));

    Ran r = run_award({"check", dir.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("/applicants/0") != std::string::npos);
    CHECK(r.err.find("/applicants/2") != std::string::npos);
    CHECK(r.err.find('\a') == std::string::npos);  // never echoed raw

    const fs::path out = tmp.path() / "out";
    Ran w = run_award({"run", dir.string(), "--out", out.string()});
    CHECK(w.status == 2);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a name that looks like an Excel formula is written as text, never as a formula") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    auto doc = read_json(dir / "applicants.json");
    const std::string formula = "=HYPERLINK(\"http://example.invalid\",\"许昌恒远\")";
    doc["applicants"][0]["name"] = formula;  // applicant A, accepted
    write_file(dir / "applicants.json", doc.dump(2));
    const fs::path out = tmp.path() / "out";
    Ran r = run_award({"run", dir.string(), "--out", out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const auto script = tmp.write("cell.py",
        "import sys, openpyxl\n"
        "c = openpyxl.load_workbook(sys.argv[1]).active['B2']\n"
        "print(c.data_type)\n"
        "print(c.value)\n");
    Ran cell = run("/usr/bin/python3 " + quote(script.string()) + " " + quote((out / "weidu-2026" / "受理名单.xlsx").string()));
    INFO(cell.err);
    REQUIRE(cell.status == 0);
    CHECK(cell.out == "s\n" + formula + "\n");
}

TEST_CASE("a mistake in a document template stops award check with the template's file and line") {
    TempDir data;
    fs::copy(fs::path(AWARD_SOURCE_DIR) / "templates", data.path() / "templates", fs::copy_options::recursive);
    fs::copy(fs::path(AWARD_SOURCE_DIR) / "fonts", data.path() / "fonts", fs::copy_options::recursive);
    const fs::path letter = data.path() / "templates" / "documents" / "不予受理通知书.md";
    std::string text = read_file(letter);
    const auto at = text.find("{{/reasons}}");
    REQUIRE(at != std::string::npos);
    text.erase(at, std::string("{{/reasons}}").size());  // an unclosed section
    write_file(letter, text);
    Ran r = run(quote(AWARD_BINARY) + " --data-dir " + quote(data.path().string()) + " check " + quote(sample_dir().string()));
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("不予受理通知书.md:") != std::string::npos);
    CHECK(r.err.find("reasons") != std::string::npos);
}
