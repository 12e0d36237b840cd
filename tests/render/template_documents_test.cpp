// The shipped templates templates/documents/受理名单公示.md and 不予受理通知书.md:
// the office rewords documents by editing them, and a mistake in one is reported
// with its file and line before anything is written.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <string>

#include "model/errors.hpp"
#include "pdf_fixture.hpp"
#include "render/acceptance_documents.hpp"

using namespace award;
using namespace award::test;

namespace {

// A data directory of its own: the shipped templates/ and fonts/, to edit.
struct DataCopy {
    TempDir dir;
    DataCopy() {
        fs::copy(fs::path(AWARD_SOURCE_DIR) / "templates", dir.path() / "templates", fs::copy_options::recursive);
        fs::copy(fs::path(AWARD_SOURCE_DIR) / "fonts", dir.path() / "fonts", fs::copy_options::recursive);
    }
    fs::path document(const std::string& name) const { return dir.path() / "templates" / "documents" / name; }
    void replace(const std::string& name, const std::string& from, const std::string& to) const {
        std::string text = bytes_of(document(name));
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        std::ofstream(document(name), std::ios::binary) << text;
    }
};

}  // namespace

TEST_CASE("the office rewords a letter by editing its template, without recompiling", "[template][pdf]") {
    DataCopy data;
    data.replace("不予受理通知书.md", "特此通知。", "此复。");
    const Case c = sample_case();
    const AcceptanceOutcome o = outcome_for(c, {2});
    const fs::path letter = data.dir.path() / "letter.pdf";
    write_rejection_letter_pdf(RenderEnv{data.dir.path()}, c, weidu_policy(), o.results[2], letter);
    const std::string text = squeeze(pdftotext(letter));
    CHECK(text.find("此复。") != std::string::npos);
    CHECK(text.find("特此通知") == std::string::npos);
    CHECK(text.find("魏都区新源食品有限公司：") != std::string::npos);  // the data still fills it
}

TEST_CASE("a template naming an unknown variable is refused with its file and line", "[template][pdf]") {
    DataCopy data;
    data.replace("受理名单公示.md", "{{#accepted}}\n| {{number}}", "{{#accepted}}\n| {{applicant_phone}}");
    const Case c = sample_case();
    try {
        build_acceptance_notice(data.dir.path(), c, weidu_policy(), outcome_for(c, {2}));
        FAIL("no ConfigError");
    } catch (const ConfigError& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(std::regex_search(what, std::regex("受理名单公示\\.md:[0-9]+")));
        CHECK(what.find("applicant_phone") != std::string::npos);
    }
}

TEST_CASE("the shipped templates give the documents the tests of the notice and letters expect", "[template][pdf]") {
    // Both templates load and validate against the values the program supplies.
    const Case c = sample_case();
    const AcceptanceOutcome o = outcome_for(c, {1, 2});
    CHECK(build_acceptance_notice(env().data_dir, c, weidu_policy(), o).font_problems(env().data_dir).empty());
    CHECK(build_rejection_letter(env().data_dir, c, weidu_policy(), o.results[1]).font_problems(env().data_dir).empty());
}
