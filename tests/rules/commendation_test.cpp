// 审定与表彰 (魏都区): the certificates issued for a commendation, and the grants the
// regulation does not allow (第四条 quota and awards, 第十二条 repeat winners,
// 第十六条 资格审核 first).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "rules/commendation.hpp"
#include "wd_fixture.hpp"

using namespace award;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Credit codes are not checked here (ingest does): any distinct text will do.
Applicant applicant(const std::string& name, const std::string& code, const std::string& award) {
    Applicant a = wd::applicant();
    a.name = name;
    a.credit_code = code;
    a.award = award;
    return a;
}

// A 魏都区 case of six applicants, all accepted unless marked otherwise, and a
// commendation to fill in.
struct Setup {
    Policy policy = wd::policy();
    Case c;
    AcceptanceOutcome acceptance;

    Setup() {
        c.id = "weidu-2026";
        c.policy = "weidu";
        c.year = wd::kCycle;
        c.application_deadline = wd::kDeadline;
        c.applicants = {
            applicant("许昌甲电气有限公司", "CODE-A", "区长质量奖"),
            applicant("许昌乙机械有限公司", "CODE-B", "区长质量奖"),
            applicant("许昌丙食品有限公司", "CODE-C", "区长质量奖"),
            applicant("许昌丁科技有限公司", "CODE-D", "区长质量提名奖"),
            applicant("许昌戊物流有限公司", "CODE-E", "区长质量提名奖"),
            applicant("许昌己医药有限公司", "CODE-F", "区长质量提名奖"),
        };
        for (std::size_t i = 0; i < c.applicants.size(); ++i) acceptance.results.push_back({i, true, {}});
        Commendation cm;
        cm.date = Date(2026, 12, 28);
        cm.issuer = "许昌市魏都区人民政府";
        cm.document_number = "魏政〔2026〕41号";
        c.commendation = cm;
    }

    void grant(const std::string& code, const std::string& award) {
        const std::size_t i = c.commendation->grants.size();
        c.commendation->grants.push_back({code, award, "case.json: /commendation/granted/" + std::to_string(i)});
    }

    void refuse(std::size_t applicant_index, const std::string& article) {
        CheckResult failed;
        failed.check_id = "wd-9-years";
        failed.article = article;
        failed.passed = false;
        acceptance.results[applicant_index].accepted = false;
        acceptance.results[applicant_index].checks = {failed};
    }

    CertificateIssue issue() const { return issue_certificates(policy, c, acceptance); }
};

std::vector<std::string> numbers(const CertificateIssue& issue) {
    std::vector<std::string> out;
    for (const auto& cert : issue.certificates) out.push_back(cert.number);
    return out;
}

std::string messages(const CertificateIssue& issue) {
    std::string s;
    for (const auto& p : issue.problems) s += p.message() + "\n";
    return s;
}

}  // namespace

TEST_CASE("WD-第二十三条 certificates are numbered per award in grant order, from 001") {
    Setup s;
    s.grant("CODE-D", "区长质量提名奖");
    s.grant("CODE-A", "区长质量奖");
    s.grant("CODE-E", "区长质量提名奖");
    s.grant("CODE-B", "区长质量奖");
    s.grant("CODE-F", "质量管理创新奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.empty());
    CHECK(numbers(issue) ==
          std::vector<std::string>{"WD2026T001", "WD2026Z001", "WD2026T002", "WD2026Z002", "WD2026C001"});
}

TEST_CASE("WD-第二十三条 a certificate carries its holder, title, year, date, issuer and source") {
    Setup s;
    s.grant("CODE-B", "区长质量奖");
    s.grant("CODE-F", "质量管理创新奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.empty());
    REQUIRE(issue.certificates.size() == 2);
    const Certificate& main = issue.certificates[0];
    CHECK(main.applicant_index == 1);
    CHECK(s.c.applicants[main.applicant_index].name == "许昌乙机械有限公司");
    CHECK(main.award == "区长质量奖");
    CHECK(main.award_title == "魏都区区长质量奖");
    CHECK(main.year == 2026);
    CHECK(main.date == Date(2026, 12, 28));
    CHECK(main.issuer == "许昌市魏都区人民政府");
    CHECK_FALSE(main.repeat_winner);
    CHECK(main.source == "case.json: /commendation/granted/0");
    const Certificate& innovation = issue.certificates[1];
    CHECK(innovation.applicant_index == 5);
    CHECK(innovation.award_title == "魏都区质量管理创新奖");
    CHECK(innovation.source == "case.json: /commendation/granted/1");
}

TEST_CASE("WD a case without a commendation gets no certificates and no problems") {
    Setup s;
    s.c.commendation.reset();
    const auto issue = s.issue();
    CHECK(issue.certificates.empty());
    CHECK(issue.problems.empty());
}

TEST_CASE("WD-第十二条 a repeat winner gets a certificate outside the quota") {
    Setup s;
    s.c.applicants[2].prior_awards = {{"区长质量奖", Date(2022, 9, 1), std::nullopt}};
    s.grant("CODE-A", "区长质量奖");
    s.grant("CODE-C", "区长质量奖");  // the repeat winner, between the two first-time winners
    s.grant("CODE-B", "区长质量奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.empty());
    REQUIRE(issue.certificates.size() == 3);
    CHECK_FALSE(issue.certificates[0].repeat_winner);
    CHECK(issue.certificates[1].repeat_winner);
    CHECK_FALSE(issue.certificates[2].repeat_winner);
    // Numbered with the others of the award, in grant order.
    CHECK(numbers(issue) == std::vector<std::string>{"WD2026Z001", "WD2026Z002", "WD2026Z003"});
}

TEST_CASE("WD-第十二条 only the same award makes a repeat winner, and a revoked one does not") {
    Setup s;
    s.c.applicants[0].prior_awards = {{"区长质量提名奖", Date(2024, 9, 1), std::nullopt}};      // another award
    s.c.applicants[1].prior_awards = {{"区长质量奖", Date(2020, 9, 1), Date(2021, 3, 1)}};    // revoked
    s.grant("CODE-A", "区长质量奖");
    s.grant("CODE-B", "区长质量奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.certificates.size() == 2);
    CHECK_FALSE(issue.certificates[0].repeat_winner);
    CHECK_FALSE(issue.certificates[1].repeat_winner);
}

TEST_CASE("WD-第四条 more first-time 区长质量奖 than the quota is refused, naming the holders") {
    Setup s;
    s.grant("CODE-A", "区长质量奖");
    s.grant("CODE-B", "区长质量奖");
    s.grant("CODE-C", "区长质量奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.size() == 1);
    const Problem& p = issue.problems[0];
    CHECK(p.file == "case.json");
    CHECK(p.record == "/commendation/granted/2（许昌丙食品有限公司）");
    CHECK(p.field == "award");
    CHECK(p.value == "区长质量奖");
    CHECK(contains(p.expected, "不超过 2 家"));
    CHECK(contains(p.expected, "《魏都区区长质量奖管理办法》第四条"));
    CHECK(contains(p.expected, "现有 3 家"));
    CHECK(contains(p.expected, "许昌甲电气有限公司（/commendation/granted/0）"));
    CHECK(contains(p.expected, "许昌乙机械有限公司（/commendation/granted/1）"));
    CHECK(contains(p.expected, "许昌丙食品有限公司（/commendation/granted/2）"));
    CHECK(contains(p.expected, "第十二条"));  // repeat winners are outside it
    CHECK(issue.certificates.empty());       // nothing is issued from a commendation that is refused
}

TEST_CASE("WD-第四条 区长质量提名奖 up to its quota of 4 is accepted; a fifth first-time winner is refused") {
    Setup s;
    for (std::size_t i = 0; i < 3; ++i) s.c.applicants[i].award = "区长质量提名奖";
    s.grant("CODE-A", "区长质量提名奖");
    s.grant("CODE-B", "区长质量提名奖");
    s.grant("CODE-C", "区长质量提名奖");
    s.grant("CODE-D", "区长质量提名奖");
    CHECK(s.issue().problems.empty());
    CHECK(s.issue().certificates.size() == 4);
    s.grant("CODE-E", "区长质量提名奖");
    const auto issue = s.issue();
    REQUIRE(issue.problems.size() == 1);
    CHECK(issue.problems[0].record == "/commendation/granted/4（许昌戊物流有限公司）");
    CHECK(contains(issue.problems[0].expected, "不超过 4 家"));
}

TEST_CASE("WD-第四条 质量管理创新奖 has no quota and goes to any accepted applicant") {
    Setup s;
    for (const char* code : {"CODE-A", "CODE-B", "CODE-C", "CODE-D", "CODE-E", "CODE-F"}) s.grant(code, "质量管理创新奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    CHECK(issue.problems.empty());
    CHECK(numbers(issue).back() == "WD2026C006");
}

TEST_CASE("WD-第四条 an award open to application goes only to an applicant who applied for it") {
    Setup s;
    s.grant("CODE-D", "区长质量奖");  // applied for the 提名奖
    s.grant("CODE-A", "区长质量提名奖");  // applied for the main award
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.size() == 2);
    CHECK(issue.problems[0].record == "/commendation/granted/0（许昌丁科技有限公司）");
    CHECK(issue.problems[0].field == "award");
    CHECK(issue.problems[0].value == "区长质量奖");
    CHECK(contains(issue.problems[0].expected, "该组织申报的奖项“区长质量提名奖”"));
    CHECK(contains(issue.problems[0].expected, "或不需申报、可授予任何已受理组织的质量管理创新奖"));
    CHECK(contains(issue.problems[0].expected, "《魏都区区长质量奖管理办法》第四条"));
    CHECK(issue.problems[1].record == "/commendation/granted/1（许昌甲电气有限公司）");
    CHECK(contains(issue.problems[1].expected, "该组织申报的奖项“区长质量奖”"));
    CHECK(issue.certificates.empty());
}

TEST_CASE("WD-第十六条 an applicant not accepted cannot be awarded, whatever the award") {
    Setup s;
    s.refuse(3, "第九条");
    s.refuse(4, "第十一条");
    s.grant("CODE-D", "区长质量提名奖");
    s.grant("CODE-E", "质量管理创新奖");
    s.grant("CODE-F", "区长质量提名奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.size() == 2);
    const Problem& p = issue.problems[0];
    CHECK(p.file == "case.json");
    CHECK(p.record == "/commendation/granted/0（许昌丁科技有限公司）");
    CHECK(p.field == "credit_code");
    CHECK(p.value == "CODE-D");
    CHECK(contains(p.expected, "未予受理（不符合第九条）"));
    CHECK(contains(p.expected, "《魏都区区长质量奖管理办法》第十六条"));
    CHECK(issue.problems[1].record == "/commendation/granted/1（许昌戊物流有限公司）");
    CHECK(contains(issue.problems[1].expected, "第十一条"));
    CHECK(issue.certificates.empty());
}

TEST_CASE("WD an applicant missing from the acceptance outcome counts as not accepted") {
    Setup s;
    s.acceptance.results.pop_back();  // CODE-F
    s.grant("CODE-F", "区长质量提名奖");
    const auto issue = s.issue();
    REQUIRE(issue.problems.size() == 1);
    CHECK(issue.problems[0].field == "credit_code");
    CHECK(contains(issue.problems[0].expected, "未予受理"));
}

TEST_CASE("WD one organisation gets one award per cycle; a grant to a stranger is refused") {
    Setup s;
    s.grant("CODE-D", "区长质量提名奖");
    s.grant("CODE-D", "质量管理创新奖");
    s.grant("CODE-X", "质量管理创新奖");
    const auto issue = s.issue();
    INFO(messages(issue));
    REQUIRE(issue.problems.size() == 2);
    CHECK(issue.problems[0].record == "/commendation/granted/1（许昌丁科技有限公司）");
    CHECK(contains(issue.problems[0].expected, "未与 /commendation/granted/0（许昌丁科技有限公司） 重复"));
    CHECK(issue.problems[1].record == "/commendation/granted/2");
    CHECK(issue.problems[1].value == "CODE-X");
}

TEST_CASE("WD certificate numbers: zero-padded to the pattern's width, a wider sequence written in full") {
    CHECK(certificate_number("WD{year}{award_code}{seq:3}", 2026, "Z", 1) == "WD2026Z001");
    CHECK(certificate_number("WD{year}{award_code}{seq:3}", 2026, "T", 12) == "WD2026T012");
    CHECK(certificate_number("WD{year}{award_code}{seq:3}", 2026, "C", 1234) == "WD2026C1234");
    CHECK(certificate_number("魏质证〔{year}〕{award_code}-{seq:1}号", 2027, "Z", 2) == "魏质证〔2027〕Z-2号");
    CHECK(certificate_number("{seq:6}/{award_code}/{year}", 2026, "T1", 7) == "000007/T1/2026");
}

TEST_CASE("WD certificate number patterns: each placeholder once, nothing else in braces") {
    CHECK(certificate_pattern_problem("WD{year}{award_code}{seq:3}").empty());
    CHECK(contains(certificate_pattern_problem("WD{year}{award_code}"), "缺少占位符 {seq:N}"));
    CHECK(contains(certificate_pattern_problem("WD{year}{seq:3}"), "缺少占位符 {award_code}"));
    CHECK(contains(certificate_pattern_problem("WD{award_code}{seq:3}"), "缺少占位符 {year}"));
    CHECK(contains(certificate_pattern_problem("WD{year}{award_code}{seq:7}"), "1 至 6"));
    CHECK(contains(certificate_pattern_problem("WD{year}{Year}{award_code}{seq:3}"), "未知占位符 {Year}"));
    CHECK(contains(certificate_pattern_problem("WD{year}{year}{award_code}{seq:3}"), "出现了 2 次"));
    CHECK(contains(certificate_pattern_problem("WD{year{award_code}{seq:3}"), "没有对应的 }"));
    CHECK_THROWS_AS(certificate_number("WD{seq:3}", 2026, "Z", 1), std::invalid_argument);
}
