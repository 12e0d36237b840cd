// Hand-made cases and helpers for the PDF tests: a temporary folder, running
// poppler/qpdf tools on the output, reading files back, and the word boxes of
// `pdftotext -bbox`.
#pragma once
#include <catch2/catch.hpp>

#include "common/temp_dir.hpp"
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"

namespace award::test {

namespace fs = std::filesystem;

using award::test::TempDir;

struct Run {
    int status = -1;
    std::string out;
};

// Runs a shell command (stderr folded into the output) and returns its exit status and output.
inline Run run(const std::string& cmd) {
    Run r;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

inline std::string pdftotext(const fs::path& pdf, bool layout = true) {
    return run(std::string("pdftotext ") + (layout ? "-layout " : "") + "-enc UTF-8 " + quoted(pdf) + " -").out;
}

// Text with every space and line break removed: wrapped and justified lines read as one.
inline std::string squeeze(const std::string& s) {
    std::string o;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\f' && c != '\t') o += c;
    return o;
}

inline std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Word boxes of `pdftotext -bbox`, in pt from the top-left of the page. In a
// namespace of their own: some tests have a Word of their own.
// GB/T 9704 page geometry in pt, from the standard's figures (REFERENCE.md), as the
// tests measure the PDFs against it: not the engine's own constants.
namespace geometry {
constexpr double kMm = 72.0 / 25.4;
constexpr double kLeft = 28 * kMm, kTop = 37 * kMm;                  // 订口, 天头
constexpr double kTextWidth = 156 * kMm, kTextHeight = 225 * kMm;   // 版心
constexpr double kPitch = kTextHeight / 22;     // line pitch: 10.23 mm
constexpr double kCharPitch = kTextWidth / 28;  // character pitch: 5.57 mm
}  // namespace geometry

namespace bbox {

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};
using Page = std::vector<Word>;

// Every page's words, in reading order.
inline std::vector<Page> words_of(const fs::path& pdf) {
    const Run r = run("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(r.status == 0);
    std::vector<Page> pages;
    static const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    for (const auto& line : lines_of(r.out)) {
        if (line.find("<page ") != std::string::npos) pages.emplace_back();
        std::smatch m;
        if (std::regex_search(line, m, word)) {
            REQUIRE(!pages.empty());
            pages.back().push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
        }
    }
    return pages;
}

// The page's words with their boxes, for failure messages.
inline std::string dump(const Page& page) {
    std::ostringstream o;
    for (const auto& w : page) o << w.text << " [" << w.x0 << "," << w.y0 << "-" << w.x1 << "," << w.y1 << "]\n";
    return o.str();
}

}  // namespace bbox

// Writes a document into `dir` with the repository's fonts and a fixed date.
inline fs::path write_pdf(const pdf::Document& d, const TempDir& dir, const std::string& name) {
    const fs::path out = dir.path() / name;
    d.write(AWARD_SOURCE_DIR, "测试", Date(2026, 9, 30), out);
    return out;
}

inline std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline RenderEnv env() { return RenderEnv{fs::path(AWARD_SOURCE_DIR)}; }

inline Policy weidu_policy() {
    Policy p;
    p.id = "weidu";
    p.jurisdiction = "魏都区";
    p.regulation = "魏都区区长质量奖管理办法";
    p.award_title = "魏都区区长质量奖";
    p.acceptance_publicity = PublicitySpec{5, PeriodUnit::WorkingDays, "第十四条"};
    p.rejection_reasons_required = true;
    p.rejection_article = "第十四条";
    p.source = "templates/policies/weidu.json";
    return p;
}

inline Applicant applicant(std::string name, std::string code, std::string award, std::string industry) {
    Applicant a;
    a.name = std::move(name);
    a.credit_code = std::move(code);
    a.award = std::move(award);
    a.industry = std::move(industry);
    a.region = "魏都区";
    a.founded = Date(2012, 5, 20);
    return a;
}

// Twelve applicants; the 3rd and 8th are not accepted.
inline Case sample_case() {
    Case c;
    c.id = "weidu-2026";
    c.policy = "weidu";
    c.year = 2026;
    c.application_deadline = Date(2026, 9, 18);
    c.issuer = "魏都区区长质量奖评审委员会秘书处";
    c.contact = {"魏都区区长质量奖评审委员会秘书处", "王敏", "0374-2961234", "许昌市魏都区××路××号", "wdzlj@example.cn"};
    c.acceptance = {Date(2026, 9, 30), Date(2026, 10, 8), "魏质奖秘〔2026〕3号"};
    const char* names[] = {"许昌瑞达电气有限公司", "许昌恒通精密机械股份有限公司", "魏都区新源食品有限公司",
                           "许昌市华宇电子科技有限公司", "河南中原发制品有限公司", "许昌金石建材有限责任公司",
                           "魏都区百川物流有限公司", "许昌天成纺织有限公司", "许昌宏远环保设备制造有限公司",
                           "许昌博雅包装印刷有限公司", "魏都区康泰医疗器械有限公司", "许昌长青园林绿化工程有限公司"};
    const char* codes[] = {"91411002MA44XXXXX1", "91411002MA44XXXXX2", "91411002MA44XXXXX3", "91411002MA44XXXXX4",
                           "91411002MA44XXXXX5", "91411002MA44XXXXX6", "91411002MA44XXXXX7", "91411002MA44XXXXX8",
                           "91411002MA44XXXXX9", "91411002MA44XXXX10", "91411002MA44XXXX11", "91411002MA44XXXX12"};
    const char* industries[] = {"电气机械和器材制造业", "通用设备制造业", "食品制造业", "计算机、通信和其他电子设备制造业",
                                "其他制造业", "非金属矿物制品业", "道路运输业", "纺织业", "专用设备制造业",
                                "印刷和记录媒介复制业", "专用设备制造业", "土木工程建筑业"};
    for (int i = 0; i < 12; ++i)
        c.applicants.push_back(applicant(names[i], codes[i], i % 3 == 1 ? "区长质量奖" : "区长质量提名奖", industries[i]));
    return c;
}

inline CheckResult failed(std::string id, std::string article, std::string reason) {
    CheckResult r;
    r.check_id = std::move(id);
    r.kind = "test";
    r.article = std::move(article);
    r.passed = false;
    r.reason = std::move(reason);
    return r;
}

inline CheckResult passed(std::string id, std::string article) {
    CheckResult r;
    r.check_id = std::move(id);
    r.kind = "test";
    r.article = std::move(article);
    r.passed = true;
    return r;
}

inline AcceptanceOutcome outcome_for(const Case& c, const std::vector<std::size_t>& rejected) {
    AcceptanceOutcome o;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) {
        EligibilityResult r;
        r.applicant_index = i;
        r.accepted = std::find(rejected.begin(), rejected.end(), i) == rejected.end();
        r.checks.push_back(passed("wd-9-region", "第九条"));
        if (!r.accepted) {
            r.checks.push_back(failed("wd-9-years", "第九条",
                                      "贵单位成立于2021年9月19日，截至申报截止日2026年9月18日生产经营不满5年，不符合《魏都区区长质量奖管理办法》第九条“在魏都区行政区域内登记注册，生产经营5年以上（专精特新“小巨人”企业可放宽至3年以上）”的规定。"));
            r.checks.push_back(failed("wd-11-incidents", "第十一条",
                                      "贵单位于2024年3月1日发生较大质量事故，在申报截止日前3年内，不符合《魏都区区长质量奖管理办法》第十一条“近3年内未发生较大及以上质量、安全、环境污染、公共卫生等事故”的规定。"));
        }
        o.results.push_back(std::move(r));
    }
    o.publicity = PublicityPeriod{Date(2026, 10, 8), Date(2026, 10, 13), 5, PeriodUnit::WorkingDays, "第十四条"};
    return o;
}

}  // namespace award::test
