// case.json "commendation" (审定与表彰): read into Case::commendation, every mistake
// named by file, record (with the holder's name), field and value.
#include <catch2/catch.hpp>

#include <functional>

#include "fixtures.hpp"
#include "ingest/case_reader.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "packs/policy_pack.hpp"
#include "rules/commendation.hpp"
#include "rules/review.hpp"
#include "rules/eligibility.hpp"

using namespace award;
using namespace award::test;

namespace {

const std::filesystem::path kSample = std::filesystem::path(AWARD_SOURCE_DIR) / "samples" / "weidu-2026";

// The minimal folder with a second applicant (乙, for the 提名奖) and a commendation of both.
Folder commended_folder() {
    Folder f;
    json b = minimal_applicant_json();
    b["name"] = "许昌乙公司";
    b["credit_code"] = kCodeB;
    b["award"] = "区长质量提名奖";
    f.applicants["applicants"].push_back(b);
    f.case_json["commendation"] = json::parse(R"({
      "date": "2026-12-28",
      "issuer": "许昌市魏都区人民政府",
      "document_number": "魏政〔2026〕41号",
      "granted": [{"credit_code": "91411002175206385X", "award": "区长质量奖"},
                  {"credit_code": "91411002MA47T3QD9A", "award": "区长质量提名奖"}]
    })");
    return f;
}

json& commendation(Folder& f) { return f.case_json["commendation"]; }
json& grant(Folder& f, std::size_t i) { return f.case_json["commendation"]["granted"][i]; }

struct CommendationError {
    std::string what;
    std::function<void(Folder&)> mutate;
    std::string record, field, value;
    std::string expected_part;
};

const std::string kG0 = "/commendation/granted/0（许昌甲公司）";
const std::string kG1 = "/commendation/granted/1（许昌乙公司）";

std::vector<CommendationError> commendation_errors() {
    return {
        {"commendation not an object", [](Folder& f) { f.case_json["commendation"] = "2026-12-28"; },
         "", "commendation", "2026-12-28", "对象"},
        {"date missing", [](Folder& f) { commendation(f).erase("date"); },
         "/commendation", "date", "", "YYYY-MM-DD"},
        {"date not strict YYYY-MM-DD", [](Folder& f) { commendation(f)["date"] = "2026-12-8"; },
         "/commendation", "date", "2026-12-8", "YYYY-MM-DD"},
        {"date not a real day", [](Folder& f) { commendation(f)["date"] = "2026-11-31"; },
         "/commendation", "date", "2026-11-31", "真实存在的日期"},
        {"date on the notice date", [](Folder& f) { commendation(f)["date"] = "2026-09-30"; },
         "/commendation", "date", "2026-09-30", "晚于受理名单公示成文日期 notice_date（2026-09-30）"},
        {"date before the notice", [](Folder& f) { commendation(f)["date"] = "2026-06-01"; },
         "/commendation", "date", "2026-06-01", "晚于受理名单公示成文日期"},
        {"date two years after the cycle", [](Folder& f) { commendation(f)["date"] = "2028-01-10"; },
         "/commendation", "date", "2028-01-10", "年度 year（2026）当年或下一年内的日期"},
        {"date the year before the cycle", [](Folder& f) { commendation(f)["date"] = "2025-12-28"; },
         "/commendation", "date", "2025-12-28", "年度 year（2026）当年或下一年内的日期"},
        {"issuer missing", [](Folder& f) { commendation(f).erase("issuer"); },
         "/commendation", "issuer", "", "非空文本"},
        {"issuer blank", [](Folder& f) { commendation(f)["issuer"] = "　"; },
         "/commendation", "issuer", "　", "非空文本"},
        {"document number with square brackets", [](Folder& f) { commendation(f)["document_number"] = "魏政[2026]41号"; },
         "/commendation", "document_number", "魏政[2026]41号", "六角括号"},
        {"document number padded", [](Folder& f) { commendation(f)["document_number"] = "魏政〔2026〕041号"; },
         "/commendation", "document_number", "魏政〔2026〕041号", "如 魏政〔2026〕41号"},
        {"document number of another year", [](Folder& f) { commendation(f)["document_number"] = "魏政〔2025〕41号"; },
         "/commendation", "document_number", "魏政〔2025〕41号", "〔〕中的年份与年度 year（2026）一致"},
        {"granted not an array", [](Folder& f) { commendation(f)["granted"] = json::object(); },
         "/commendation", "granted", "空对象 {}", "数组"},
        {"granted empty", [](Folder& f) { commendation(f)["granted"] = json::array(); },
         "/commendation", "granted", "[]", "至少含一项表彰"},
        {"typo in a commendation field", [](Folder& f) { commendation(f)["isuer"] = "许昌市魏都区人民政府"; },
         "/commendation", "isuer", "许昌市魏都区人民政府", "是否应为 issuer"},
        {"a grant that is not an object", [](Folder& f) { commendation(f)["granted"].push_back(kCodeA); },
         "/commendation/granted/2", "", kCodeA, "对象 {\"credit_code\""},
        {"grant credit code missing", [](Folder& f) { grant(f, 0).erase("credit_code"); },
         "/commendation/granted/0", "credit_code", "", "非空文本"},
        {"grant credit code as a number", [](Folder& f) { grant(f, 0)["credit_code"] = 914110021752063LL; },
         "/commendation/granted/0", "credit_code", "914110021752063", "双引号"},
        {"grant to an organisation that did not apply",
         [](Folder& f) { grant(f, 1)["credit_code"] = "91411002MA4GK28R59"; },
         "/commendation/granted/1", "credit_code", "91411002MA4GK28R59", "本案 applicants.json 中某个申报组织"},
        {"grant credit code with a trailing space", [](Folder& f) { grant(f, 1)["credit_code"] = kCodeB + " "; },
         "/commendation/granted/1", "credit_code", kCodeB + " ", "本案 applicants.json 中某个申报组织"},
        {"grant award unknown", [](Folder& f) { grant(f, 0)["award"] = "区长质量金奖"; },
         kG0, "award", "区长质量金奖", "政策包 weidu 中的奖项名称之一：区长质量奖、区长质量提名奖、质量管理创新奖"},
        {"grant award missing", [](Folder& f) { grant(f, 1).erase("award"); },
         kG1, "award", "", "非空文本"},
        {"typo in a grant field", [](Folder& f) { grant(f, 1)["note"] = "x"; },
         kG1, "note", "x", "credit_code, award"},
        {"the same organisation granted twice",
         [](Folder& f) { commendation(f)["granted"].push_back({{"credit_code", kCodeA}, {"award", "质量管理创新奖"}}); },
         "/commendation/granted/2（许昌甲公司）", "credit_code", kCodeA,
         "未与 /commendation/granted/0（许昌甲公司） 重复的表彰（同一组织每届只能获得一个奖项"},
    };
}

}  // namespace

TEST_CASE("ingest commendation: a commendation reads into Case::commendation with its grants in order") {
    TempDir tmp("case");
    write_folder(tmp.path(), commended_folder());
    Case c = read_case(tmp.path(), weidu_like_catalog());
    REQUIRE(c.commendation.has_value());
    const Commendation& cm = *c.commendation;
    CHECK(cm.date == Date(2026, 12, 28));
    CHECK(cm.issuer == "许昌市魏都区人民政府");
    CHECK(cm.document_number == "魏政〔2026〕41号");
    REQUIRE(cm.grants.size() == 2);
    CHECK(cm.grants[0].credit_code == kCodeA);
    CHECK(cm.grants[0].award == "区长质量奖");
    CHECK(cm.grants[0].source == "case.json: /commendation/granted/0");
    CHECK(cm.grants[1].credit_code == kCodeB);
    CHECK(cm.grants[1].award == "区长质量提名奖");
    CHECK(cm.grants[1].source == "case.json: /commendation/granted/1");
}

TEST_CASE("ingest commendation: absent or null is no commendation; the document number is optional") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    CHECK_FALSE(read_case(tmp.path(), weidu_like_catalog()).commendation.has_value());

    Folder null_one = commended_folder();
    null_one.case_json["commendation"] = nullptr;
    write_folder(tmp.path(), null_one);
    CHECK_FALSE(read_case(tmp.path(), weidu_like_catalog()).commendation.has_value());

    Folder no_number = commended_folder();
    commendation(no_number).erase("document_number");
    write_folder(tmp.path(), no_number);
    auto c = read_case(tmp.path(), weidu_like_catalog());
    REQUIRE(c.commendation.has_value());
    CHECK(c.commendation->document_number.empty());
}

TEST_CASE("ingest commendation: a decision early in the next year, numbered in that year, is accepted") {
    TempDir tmp("case");
    Folder f = commended_folder();
    commendation(f)["date"] = "2027-01-15";
    commendation(f)["document_number"] = "魏政〔2027〕2号";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("ingest commendation: the day after the notice is the earliest date accepted") {
    TempDir tmp("case");
    Folder f = commended_folder();
    commendation(f)["date"] = "2026-10-01";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("ingest commendation: each kind of mistake gives exactly one problem naming case.json, record, field and value") {
    for (const auto& ec : commendation_errors()) {
        TempDir tmp("case");
        Folder f = commended_folder();
        ec.mutate(f);
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path());
        INFO(ec.what << "\n" << all_messages(problems));
        REQUIRE(problems.size() == 1);
        const Problem& p = problems[0];
        CHECK(p.file == "case.json");
        CHECK(p.record == ec.record);
        CHECK(p.field == ec.field);
        CHECK(p.value == ec.value);
        CHECK(contains(p.expected, ec.expected_part));
    }
}

TEST_CASE("ingest commendation: all mistakes are listed in one pass, with those of the other files") {
    TempDir tmp("case");
    Folder f = commended_folder();
    commendation(f)["date"] = "2026-09-01";
    commendation(f)["issuer"] = "";
    grant(f, 0)["award"] = "区长质量金奖";
    commendation(f)["granted"].push_back({{"credit_code", kCodeB}, {"award", "质量管理创新奖"}});
    f.applicants["applicants"][0]["industry"] = "";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 5);
    const std::string all = all_messages(problems);
    CHECK(contains(all, "applicants.json"));
    CHECK(contains(all, "/commendation: 字段 date"));
    CHECK(contains(all, "/commendation: 字段 issuer"));
    CHECK(contains(all, kG0 + ": 字段 award"));
    CHECK(contains(all, "/commendation/granted/2（许昌乙公司）: 字段 credit_code"));
}

TEST_CASE("ingest commendation: with a wrong code in applicants.json, the grant's code is not reported again") {
    TempDir tmp("case");
    Folder f = commended_folder();
    f.applicants["applicants"][1]["credit_code"] = "91411002MA47T3QD9B";  // wrong check character
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
    CHECK(problems[0].field == "credit_code");
}

TEST_CASE("ingest commendation: with an unknown policy pack, award names are not checked against it") {
    TempDir tmp("case");
    Folder f = commended_folder();
    f.case_json["policy"] = "weidoo";
    grant(f, 0)["award"] = "区长质量金奖";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    for (const auto& p : problems) CHECK(p.field != "award");
}

TEST_CASE("ingest commendation: the sample's commendation confers the review's result, listing no grants itself") {
    Case c = read_case(kSample, weidu_like_catalog());
    REQUIRE(c.commendation.has_value());
    CHECK(c.commendation->date == Date(2026, 12, 28));
    CHECK(c.commendation->issuer == "许昌市魏都区人民政府");
    CHECK(c.commendation->document_number == "魏政〔2026〕41号");
    CHECK(c.commendation->grants.empty());
}

// The sample, the real pack and the rules together: the review's winners are what the certificates print.
TEST_CASE("ingest commendation: the sample's review winners get 6 certificates by the real pack, one a repeat winner") {
    const std::filesystem::path root(AWARD_SOURCE_DIR);
    const PolicyCatalog catalog = load_policy_catalog(root / "templates" / "policies");
    Case c = read_case(kSample, catalog);
    const Policy& policy = catalog.at(c.policy);
    const HolidayCalendar calendar = load_holiday_calendar(root / "templates" / "holidays.json");
    const AcceptanceOutcome acceptance = decide_acceptance(policy, c, calendar);
    const ReviewDecision review = decide_review(policy, c, acceptance, calendar);
    REQUIRE(review.problems.empty());
    REQUIRE(review.outcome.complete);
    for (const auto& w : review.outcome.winners)
        c.commendation->grants.push_back({c.applicants[w.applicant_index].credit_code, w.award, "评审结果"});
    const CertificateIssue issue = issue_certificates(policy, c, acceptance);
    std::string messages;
    for (const auto& p : issue.problems) messages += p.message() + "\n";
    INFO(messages);
    REQUIRE(issue.problems.empty());
    std::vector<std::string> got;
    for (const auto& cert : issue.certificates)
        got.push_back(cert.number + " " + c.applicants[cert.applicant_index].name + (cert.repeat_winner ? " 再次获奖" : ""));
    CHECK(got == std::vector<std::string>{
                     "WD2026Z001 许昌远航起重机械有限公司",
                     "WD2026T001 许昌恒远电力装备有限公司",
                     "WD2026T002 许昌智联精密传感技术有限公司",  // the longest name of the sample
                     "WD2026T003 许昌绿源环保科技有限公司",
                     "WD2026T004 许昌仁和康复医院有限公司 再次获奖",  // 提名奖 2022-09-18 (第十二条)
                     "WD2026C001 许昌金桥食品有限公司 再次获奖",      // 创新奖 2024-12-20: no money anyway
                 });
}
