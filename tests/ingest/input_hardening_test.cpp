// Input that once crashed ingest or slipped through it (the review's fuzz cases):
// deep nesting, duplicate keys, characters the documents cannot show, over-long
// text, dates after the notice, decisions out of place, malformed 发文字号.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/text_rules.hpp"

using namespace award;
using namespace award::test;

namespace {

json& applicant0(Folder& f) { return f.applicants["applicants"][0]; }

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// No byte of a message may be a control character: they would act on the terminal.
bool has_raw_control(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

std::vector<Problem> problems_with(const std::function<void(Folder&)>& mutate,
                                   const PolicyCatalog& catalog = weidu_like_catalog()) {
    TempDir tmp("case");
    Folder f;
    mutate(f);
    write_folder(tmp.path(), f);
    return problems_in(tmp.path(), catalog);
}

}  // namespace

// ---- 1. nesting -------------------------------------------------------------

TEST_CASE("hardening: JSON nested 200000 deep is one problem at the 33rd bracket, not a crash") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    write_text(tmp.path() / "decisions.json", std::string(200000, '[') + std::string(200000, ']'));
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "decisions.json");
    CHECK(problems[0].record == "第1行第33列");
    CHECK(problems[0].field.empty());
    CHECK(problems[0].value.rfind("[[[[[[[[", 0) == 0);
    CHECK(contains(problems[0].expected, "嵌套不超过 32 层"));
}

TEST_CASE("hardening: too deep nesting inside a file names the line and column of the bracket") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    // { and [ are levels 1 and 2; the 31st [ on line 3 (column 33) opens level 33.
    write_text(tmp.path() / "applicants.json",
               "{\n \"applicants\": [\n  " + std::string(40, '[') + std::string(40, ']') + "\n ]\n}\n");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
    CHECK(problems[0].record == "第3行第33列");
}

TEST_CASE("hardening: nesting of exactly 32 levels is JSON, and nested values are described, not dumped") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    write_text(tmp.path() / "decisions.json", std::string(32, '[') + std::string(32, ']'));
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "数组（1 项）");
    CHECK(contains(problems[0].expected, "{\"decisions\""));

    problems = problems_with([](Folder& f) {
        applicant0(f)["extra"] = json::parse(R"({"a": [1, 2, [3]], "b": {}})");
        applicant0(f)["extra2"] = json::object();
        f.applicants["applicants"].push_back(json::array({1, 2}));
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].field == "extra");
    CHECK(problems[0].value == "对象（2 个字段）");
    CHECK(problems[1].field == "extra2");
    CHECK(problems[1].value == "空对象 {}");
    CHECK(problems[2].record == "/applicants/1");
    CHECK(problems[2].value == "数组（2 项）");
}

// ---- 2. duplicate keys ------------------------------------------------------

TEST_CASE("hardening: a key written twice is reported with its line and column; the first value is kept") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    write_text(tmp.path() / "case.json", R"({
  "policy": "weidu",
  "year": 2026,
  "year": 2025,
  "application_deadline": "2026-09-18",
  "issuer": "魏都区区长质量奖评审委员会秘书处",
  "contact": {"person": "王敏", "phone": "0374-2961234", "phone": "0374-0000000"},
  "acceptance": {"notice_date": "2026-09-30", "publicity_start": "2026-10-08"}
}
)");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    // Had the second year (2025) been taken, the deadline would be reported as well.
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "case.json");
    CHECK(problems[0].record == "第4行第3列");
    CHECK(problems[0].field == "year");
    CHECK(contains(problems[0].value, "\"year\": 2025"));
    CHECK(contains(problems[0].expected, "重复的字段 year"));
    CHECK(contains(problems[0].expected, "第一次出现在第3行第3列"));
    CHECK(problems[1].record == "/contact（第7行第56列）");
    CHECK(problems[1].field == "phone");
    CHECK(contains(problems[1].expected, "重复的字段 phone"));
}

TEST_CASE("hardening: duplicate keys deeper in a file are placed by JSON pointer, also after a duplicated subtree") {
    TempDir tmp("case");
    Folder f;
    write_folder(tmp.path(), f);
    // Applicant 0 has a second "contact" holding nested arrays (a subtree the parser
    // drops); applicant 1 has its name twice, and its first incident its kind twice.
    std::string a0 = minimal_applicant_json().dump();
    a0.pop_back();
    a0 += R"(,"contact":{"name":{"x":[1,[2,{"y":3}]]},"phone":"1"}})";
    json second = minimal_applicant_json();
    second["name"] = "许昌乙公司";
    second["credit_code"] = kCodeB;
    std::string a1 = second.dump();
    a1.pop_back();
    a1 += R"(,"name":"许昌丙公司"})";
    const std::string kind = "\"kind\":\"安全事故\"";
    a1.replace(a1.find(kind), kind.size(), kind + ",\"kind\":\"质量事故\"");
    write_text(tmp.path() / "applicants.json", "{\"applicants\": [\n" + a0 + ",\n" + a1 + "\n]}");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].record.rfind("/applicants/0（第2行第", 0) == 0);
    CHECK(problems[0].field == "contact");
    CHECK(problems[1].record.rfind("/applicants/1/incidents/0（第3行第", 0) == 0);
    CHECK(problems[1].field == "kind");
    CHECK(problems[2].record.rfind("/applicants/1（第3行第", 0) == 0);
    CHECK(problems[2].field == "name");
}

// ---- 3. characters ----------------------------------------------------------

TEST_CASE("hardening: control, format and non-BMP characters in a name are refused and shown escaped") {
    const std::vector<std::string> bad = {
        std::string("许昌\0甲", 10), "许昌\x07甲", "许昌\n甲", "许昌\t甲", "许昌\u202Egpj.exe", "许昌\u2066甲",
        "许昌\u200B甲",               "许昌\uFEFF甲", "许昌😀甲", "许昌𠀀甲"};
    for (const auto& name : bad) {
        INFO(ingest::shown(name));
        auto problems = problems_with([&](Folder& f) { applicant0(f)["name"] = name; });
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].field == "name");
        CHECK(problems[0].value == ingest::shown(name));
        CHECK(problems[0].record == "/applicants/0（" + ingest::shown(name) + "）");
        CHECK(contains(problems[0].expected, "不含控制字符、方向控制符或基本多文种平面以外字符"));
        CHECK(contains(problems[0].expected, "第3个字符"));
        CHECK_FALSE(has_raw_control(problems[0].message()));
    }
}

TEST_CASE("hardening: every text field of the three files is checked for characters the documents cannot show") {
    const std::string bad = "甲\x07乙";
    struct Row {
        std::function<void(Folder&)> mutate;
        std::string file, field;
    };
    const std::vector<Row> rows = {
        {[&](Folder& f) { f.case_json["policy"] = bad; }, "case.json", "policy"},
        {[&](Folder& f) { f.case_json["issuer"] = bad; }, "case.json", "issuer"},
        {[&](Folder& f) { f.case_json["contact"]["department"] = bad; }, "case.json", "department"},
        {[&](Folder& f) { f.case_json["contact"]["person"] = bad; }, "case.json", "person"},
        {[&](Folder& f) { f.case_json["contact"]["phone"] = bad; }, "case.json", "phone"},
        {[&](Folder& f) { f.case_json["contact"]["address"] = bad; }, "case.json", "address"},
        {[&](Folder& f) { f.case_json["contact"]["email"] = bad; }, "case.json", "email"},
        {[&](Folder& f) { f.case_json["acceptance"]["document_number"] = bad; }, "case.json", "document_number"},
        {[&](Folder& f) { applicant0(f)["credit_code"] = bad; }, "applicants.json", "credit_code"},
        {[&](Folder& f) { applicant0(f)["award"] = bad; }, "applicants.json", "award"},
        {[&](Folder& f) { applicant0(f)["region"] = bad; }, "applicants.json", "region"},
        {[&](Folder& f) { applicant0(f)["address"] = bad; }, "applicants.json", "address"},
        {[&](Folder& f) { applicant0(f)["industry"] = bad; }, "applicants.json", "industry"},
        {[&](Folder& f) { applicant0(f)["designations"] = {bad}; }, "applicants.json", "designations/0"},
        {[&](Folder& f) { applicant0(f)["incidents"][0]["description"] = bad; }, "applicants.json", "description"},
        {[&](Folder& f) { applicant0(f)["prior_awards"][0]["award"] = bad; }, "applicants.json", "award"},
        {[&](Folder& f) { applicant0(f)["contact"]["name"] = bad; }, "applicants.json", "name"},
        {[&](Folder& f) { applicant0(f)["contact"]["phone"] = bad; }, "applicants.json", "phone"},
        {[&](Folder& f) { (*f.decisions)["decisions"][0]["basis"] = bad; }, "decisions.json", "basis"},
    };
    for (const auto& row : rows) {
        auto problems = problems_with(row.mutate);
        INFO(row.file << " " << row.field << "\n" << all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == row.file);
        CHECK(problems[0].field == row.field);
        CHECK(problems[0].value == "甲\\u0007乙");
        CHECK(contains(problems[0].expected, "U+0007 是控制字符"));
        CHECK_FALSE(has_raw_control(problems[0].message()));
    }
}

TEST_CASE("hardening: a file saved as GBK is reported with a hint to save it as UTF-8, its bytes shown escaped") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    write_text(tmp.path() / "applicants.json", "{\"applicants\": [{\"name\": \"\xD0\xED\xB2\xFD\"}]}");  // GBK 许昌
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
    CHECK(contains(problems[0].expected, "UTF-8"));
    CHECK(contains(problems[0].expected, "另存为"));
    CHECK(contains(problems[0].value, "\\xD0\\xED"));
    CHECK(ingest::is_valid_utf8(problems[0].message()));
}

// ---- 4. lengths -------------------------------------------------------------

TEST_CASE("hardening: text longer than its limit (in characters) is refused, quoting the first 60") {
    struct Row {
        std::string file, field;
        std::size_t limit;
        std::function<void(Folder&, const std::string&)> set;
    };
    const std::vector<Row> rows = {
        {"applicants.json", "name", 100, [](Folder& f, const std::string& v) { applicant0(f)["name"] = v; }},
        {"applicants.json", "address", 200, [](Folder& f, const std::string& v) { applicant0(f)["address"] = v; }},
        {"applicants.json", "industry", 50, [](Folder& f, const std::string& v) { applicant0(f)["industry"] = v; }},
        {"applicants.json", "description", 500,
         [](Folder& f, const std::string& v) { applicant0(f)["incidents"][0]["description"] = v; }},
        {"applicants.json", "region", 100, [](Folder& f, const std::string& v) { applicant0(f)["region"] = v; }},
        {"case.json", "issuer", 100, [](Folder& f, const std::string& v) { f.case_json["issuer"] = v; }},
        {"case.json", "address", 200, [](Folder& f, const std::string& v) { f.case_json["contact"]["address"] = v; }},
        {"decisions.json", "basis", 100, [](Folder& f, const std::string& v) { (*f.decisions)["decisions"][0]["basis"] = v; }},
    };
    for (const auto& row : rows) {
        INFO(row.file << " " << row.field);
        // Exactly at the limit: fine. (The region check is the rules' business.)
        auto problems = problems_with([&](Folder& f) { row.set(f, repeat("甲", row.limit)); });
        INFO(all_messages(problems));
        CHECK(problems.empty());
        problems = problems_with([&](Folder& f) { row.set(f, repeat("甲", row.limit + 1)); });
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == row.file);
        CHECK(problems[0].field == row.field);
        // Up to 60 characters quoted (industry's 51 are all shown).
        CHECK(problems[0].value == (row.limit + 1 > 60 ? repeat("甲", 60) + "…" : repeat("甲", row.limit + 1)));
        CHECK(contains(problems[0].expected, "不超过 " + std::to_string(row.limit) + " 个字符"));
        CHECK(contains(problems[0].expected, "现有 " + std::to_string(row.limit + 1) + " 个字符"));
    }
}

TEST_CASE("hardening: a very long name is cut in the record label of other problems") {
    auto problems = problems_with([](Folder& f) {
        applicant0(f)["name"] = repeat("甲", 6000);
        applicant0(f)["founded"] = "2010-02-30";
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].record == "/applicants/0（" + repeat("甲", 100) + "…）");
    CHECK(problems[1].field == "founded");
}

// ---- 5. dates after the notice ----------------------------------------------

TEST_CASE("hardening: incidents and revocations dated after the notice date are refused; up to it they are fine") {
    // notice_date 2026-09-30, deadline 2026-09-18: between the two is allowed.
    for (const char* fine : {"2026-09-25", "2026-09-30"}) {
        INFO(fine);
        CHECK(problems_with([&](Folder& f) { applicant0(f)["incidents"][0]["date"] = fine; }).empty());
        CHECK(problems_with([&](Folder& f) { applicant0(f)["prior_awards"][0]["revoked_on"] = fine; }).empty());
    }
    auto problems = problems_with([](Folder& f) { applicant0(f)["incidents"][0]["date"] = "2026-10-01"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].record == "/applicants/0/incidents/0（许昌甲公司）");
    CHECK(problems[0].field == "date");
    CHECK(problems[0].value == "2026-10-01");
    CHECK(contains(problems[0].expected, "不晚于受理名单公示成文日期 notice_date（2026-09-30）"));

    problems = problems_with([](Folder& f) { applicant0(f)["prior_awards"][0]["revoked_on"] = "2035-01-01"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "revoked_on");
    CHECK(contains(problems[0].expected, "notice_date（2026-09-30）"));

    // A notice date that is itself wrong is one problem, not one more per incident.
    problems = problems_with([](Folder& f) {
        f.case_json["acceptance"]["notice_date"] = "2026-09-10";
        f.case_json["acceptance"]["publicity_start"] = "2026-09-11";
        applicant0(f)["incidents"][0]["date"] = "2026-09-15";
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "notice_date");
}

// ---- 6. decisions -------------------------------------------------------------

TEST_CASE("hardening: a decision must be dated within the cycle: from 1 January of the year before to the notice") {
    for (const char* fine : {"2025-01-01", "2026-09-30"}) {
        INFO(fine);
        CHECK(problems_with([&](Folder& f) { (*f.decisions)["decisions"][0]["date"] = fine; }).empty());
    }
    for (const char* wrong : {"2024-12-31", "2026-10-01", "2020-05-01", "2027-05-01"}) {
        INFO(wrong);
        auto problems = problems_with([&](Folder& f) { (*f.decisions)["decisions"][0]["date"] = wrong; });
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == "decisions.json");
        CHECK(problems[0].record == "/decisions/0（许昌甲公司）");
        CHECK(problems[0].field == "date");
        CHECK(problems[0].value == wrong);
        CHECK(contains(problems[0].expected, "不早于 2025-01-01"));
        CHECK(contains(problems[0].expected, "不晚于受理名单公示成文日期 notice_date（2026-09-30）"));
    }
}

TEST_CASE("hardening: the same decision for the same organisation twice is refused, naming both records") {
    auto problems = problems_with([](Folder& f) {
        json again = (*f.decisions)["decisions"][0];
        again["date"] = "2026-09-23";
        (*f.decisions)["decisions"].push_back(again);
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].record == "/decisions/1（许昌甲公司）");
    CHECK(problems[0].field == "credit_code");
    CHECK(contains(problems[0].expected, "未与 /decisions/0（许昌甲公司） 重复"));
}

TEST_CASE("hardening: a special_approval counts only for an award whose checks take it, as the pack says") {
    // 区长质量提名奖 has no check with "alternative_decision": the decision is out of place.
    auto problems = problems_with([](Folder& f) { applicant0(f)["award"] = "区长质量提名奖"; });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "decisions.json");
    CHECK(problems[0].record == "/decisions/0（许昌甲公司）");
    CHECK(problems[0].field == "kind");
    CHECK(problems[0].value == "special_approval");
    CHECK(contains(problems[0].expected, "仅适用于申报区长质量奖的组织（第十条）"));
    CHECK(contains(problems[0].expected, "该组织申报的是区长质量提名奖"));

    // The awards and the article come from the pack: move the check to the nomination award.
    Policy moved = weidu_like_policy();
    moved.checks[0].article = "第九条";
    moved.awards[0].checks.clear();
    moved.awards[1].checks = {"wd-10-nomination"};
    problems = problems_with([](Folder&) {}, {{"weidu", moved}});
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].expected, "仅适用于申报区长质量提名奖的组织（第九条）"));
    CHECK(problems_with([](Folder& f) { applicant0(f)["award"] = "区长质量提名奖"; }, {{"weidu", moved}}).empty());

    // A pack in which no award takes it.
    Policy none = weidu_like_policy();
    none.checks[0].params.erase("alternative_decision");
    problems = problems_with([](Folder&) {}, {{"weidu", none}});
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].expected, "没有任何奖项接受这种决定"));
}

// ---- 7. 发文字号 ----------------------------------------------------------------

TEST_CASE("hardening: document_number must have the GB/T 9704 form, with the example in the message") {
    auto problems = problems_with([](Folder& f) { f.case_json["acceptance"]["document_number"] = "魏质奖秘[2026]03号"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "case.json");
    CHECK(problems[0].record == "/acceptance");
    CHECK(problems[0].field == "document_number");
    CHECK(problems[0].value == "魏质奖秘[2026]03号");
    CHECK(contains(problems[0].expected, "GB/T 9704"));
    CHECK(contains(problems[0].expected, "如 魏质奖秘〔2026〕3号"));
    CHECK(contains(problems[0].expected, "六角括号"));

    for (const char* wrong : {"魏质奖秘〔2026〕03号", "魏质奖秘〔2026〕第3号", "魏质奖秘〔26〕3号", "〔2026〕3号"}) {
        INFO(wrong);
        problems = problems_with([&](Folder& f) { f.case_json["acceptance"]["document_number"] = wrong; });
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].field == "document_number");
    }
    CHECK(problems_with([](Folder& f) { f.case_json["acceptance"]["document_number"] = "魏质奖秘〔2026〕12号"; }).empty());
}

TEST_CASE("hardening: the year of document_number is the cycle's (or, for a notice dated the next year, that year)") {
    auto problems = problems_with([](Folder& f) { f.case_json["acceptance"]["document_number"] = "魏质奖秘〔2025〕3号"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "document_number");
    CHECK(contains(problems[0].expected, "年度 year（2026）"));

    const auto late_notice = [](Folder& f, const char* number) {
        f.case_json["application_deadline"] = "2026-12-18";
        f.case_json["acceptance"]["notice_date"] = "2027-01-04";
        f.case_json["acceptance"]["publicity_start"] = "2027-01-05";
        f.case_json["acceptance"]["document_number"] = number;
        (*f.decisions)["decisions"][0]["date"] = "2026-12-20";
    };
    CHECK(problems_with([&](Folder& f) { late_notice(f, "魏质奖秘〔2026〕3号"); }).empty());
    CHECK(problems_with([&](Folder& f) { late_notice(f, "魏质奖秘〔2027〕3号"); }).empty());
    problems = problems_with([&](Folder& f) { late_notice(f, "魏质奖秘〔2028〕3号"); });
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].expected, "notice_date 的年份（2027）"));
}
