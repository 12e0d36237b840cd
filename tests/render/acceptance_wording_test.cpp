// The acceptance documents' 版头, wording details and the font check run before writing.
#include <catch2/catch.hpp>

#include "model/errors.hpp"
#include "pdf_fixture.hpp"

using namespace award;
using namespace award::test;

TEST_CASE("with a 发文字号 the notice has a red 版头: issuer, then number, then title", "[render][pdf]") {
    TempDir dir;
    const Case c = sample_case();
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {2}), notice);
    const std::string text = squeeze(pdftotext(notice));
    const auto issuer = text.find("魏都区区长质量奖评审委员会秘书处");
    const auto number = text.find("魏质奖秘〔2026〕3号");
    const auto title = text.find("关于2026年度魏都区区长质量奖受理名单的公示");
    REQUIRE(issuer != std::string::npos);
    REQUIRE(number != std::string::npos);
    REQUIRE(title != std::string::npos);
    CHECK(issuer < number);
    CHECK(number < title);
    // The 版头 is red: a red fill and a red stroke are set in the page's content stream.
    const Run q = run("qpdf --qdf --object-streams=disable " + quoted(notice) + " -");
    CHECK(q.out.find("0.9 0 0.07 rg") != std::string::npos);
    CHECK(q.out.find("0.9 0 0.07 RG") != std::string::npos);

    // Without a number: no 版头, the title comes first.
    Case plain = sample_case();
    plain.acceptance.document_number.clear();
    const fs::path second = dir.path() / "plain.pdf";
    write_acceptance_notice_pdf(env(), plain, weidu_policy(), outcome_for(plain, {2}), second);
    const std::string t2 = squeeze(pdftotext(second));
    CHECK(t2.rfind("关于2026年度", 0) == 0);
}

TEST_CASE("contact details leave out what the case does not give", "[render][pdf]") {
    TempDir dir;
    Case c = sample_case();
    c.contact.department.clear();
    c.contact.address.clear();
    c.contact.email.clear();
    const fs::path notice = dir.path() / "n.pdf";
    write_acceptance_notice_pdf(env(), c, weidu_policy(), outcome_for(c, {2}), notice);
    const std::string text = squeeze(pdftotext(notice));
    CHECK(text.find("联系人：王敏；联系电话：0374-2961234。") != std::string::npos);
    CHECK(text.find("联系部门") == std::string::npos);
    CHECK(text.find("通讯地址") == std::string::npos);
    CHECK(text.find("：；") == std::string::npos);
}

TEST_CASE("a letter names the award once: no bracket for the main award, bracket for the 提名奖", "[render][pdf]") {
    TempDir dir;
    const Case c = sample_case();  // applicant 1 applies for 区长质量奖, applicant 2 for 区长质量提名奖
    const AcceptanceOutcome o = outcome_for(c, {1, 2});
    const fs::path main = dir.path() / "main.pdf", nomination = dir.path() / "nomination.pdf";
    write_rejection_letter_pdf(env(), c, weidu_policy(), o.results[1], main);
    write_rejection_letter_pdf(env(), c, weidu_policy(), o.results[2], nomination);
    const std::string m = squeeze(pdftotext(main)), n = squeeze(pdftotext(nomination));
    CHECK(m.find("贵单位申报2026年度魏都区区长质量奖的材料已收悉") != std::string::npos);
    CHECK(m.find("（区长质量奖）") == std::string::npos);
    CHECK(n.find("贵单位申报2026年度魏都区区长质量奖（区长质量提名奖）的材料已收悉") != std::string::npos);
}

TEST_CASE("font coverage is checked over every document before writing, naming the input", "[render][pdf]") {
    Case c = sample_case();
    c.applicants[3].source = "applicants.json: /applicants/3";
    c.applicants[3].industry = "电子\uE000设备制造业";  // private use: no font has it; in the notice's table
    c.contact.person = "王\uE001敏";                // printed in the notice and in every letter
    const AcceptanceOutcome o = outcome_for(c, {2, 7});
    const auto problems = font_coverage_problems(env(), c, weidu_policy(), o);
    REQUIRE(problems.size() == 2);  // each (field, character) once, however many documents print it
    const Problem* industry = nullptr;
    const Problem* person = nullptr;
    for (const auto& p : problems) (p.field == "industry" ? industry : person) = &p;
    REQUIRE(industry);
    REQUIRE(person);
    CHECK(industry->file == "applicants.json");
    CHECK(industry->record == "/applicants/3（" + c.applicants[3].name + "）");
    CHECK(industry->value == "\uE000 (U+E000)");
    CHECK(person->file == "case.json");
    CHECK(person->field == "contact.person");
    CHECK(font_coverage_problems(env(), sample_case(), weidu_policy(), outcome_for(sample_case(), {2})).empty());
}
