#include <catch2/catch.hpp>

#include <functional>

#include "fixtures.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/known_values.hpp"

using namespace award;
using namespace award::test;

TEST_CASE("ingest: a valid minimal case folder reads into the right Case") {
    TempDir tmp("wd-mini");
    Folder f;
    f.applicants["applicants"][0]["name"] = "  许昌甲公司 ";  // surrounding spaces are not part of a name
    f.applicants["applicants"][0]["designations"] = {"专精特新小巨人"};
    f.applicants["applicants"][0]["prior_awards"][0]["revoked_on"] = "2024-02-01";
    write_folder(tmp.path(), f);

    Case c = read_case(tmp.path(), weidu_like_catalog());
    CHECK(c.id == "wd-mini");
    CHECK(c.folder == tmp.path());
    CHECK(c.policy == "weidu");
    CHECK(c.year == 2026);
    CHECK(c.application_deadline == Date(2026, 9, 18));
    CHECK(c.issuer == "魏都区区长质量奖评审委员会秘书处");
    CHECK(c.contact.department == "魏都区区长质量奖评审委员会秘书处");
    CHECK(c.contact.person == "王敏");
    CHECK(c.contact.phone == "0374-2961234");
    CHECK(c.contact.address == "许昌市魏都区七一路西段88号");
    CHECK(c.contact.email.empty());
    CHECK(c.acceptance.notice_date == Date(2026, 9, 30));
    CHECK(c.acceptance.publicity_start == Date(2026, 10, 8));
    CHECK(c.acceptance.document_number == "魏质奖秘〔2026〕3号");

    REQUIRE(c.applicants.size() == 1);
    const Applicant& a = c.applicants[0];
    CHECK(a.name == "许昌甲公司");
    CHECK(a.credit_code == kCodeA);
    CHECK(a.award == "区长质量奖");
    CHECK(a.region == "魏都区");
    CHECK(a.address == "许昌市魏都区魏武大道1168号");
    CHECK(a.founded == Date(2010, 5, 20));
    CHECK(a.industry == "电气机械和器材制造业");
    CHECK(a.designations == std::vector<std::string>{"专精特新小巨人"});
    CHECK(a.licences_valid);
    CHECK(a.policy_compliant);
    REQUIRE(a.self_evaluations.size() == 2);
    CHECK(a.self_evaluations[1].year == 2025);
    CHECK(a.self_evaluations[1].result == "优秀");
    REQUIRE(a.incidents.size() == 1);
    CHECK(a.incidents[0].date == Date(2025, 4, 22));
    CHECK(a.incidents[0].kind == "安全事故");
    CHECK(a.incidents[0].severity == "一般");
    CHECK(a.incidents[0].description == "叉车轻微碰撞");
    REQUIRE(a.prior_awards.size() == 1);
    CHECK(a.prior_awards[0].award == "区长质量提名奖");
    CHECK(a.prior_awards[0].awarded_on == Date(2021, 1, 15));
    CHECK(a.prior_awards[0].revoked_on == Date(2024, 2, 1));
    CHECK(a.contact.name == "张伟");
    CHECK(a.contact.phone == "13903741026");
    CHECK(a.source == "applicants.json: /applicants/0");

    REQUIRE(c.decisions.size() == 1);
    CHECK(c.decisions[0].kind == "special_approval");
    CHECK(c.decisions[0].credit_code == kCodeA);
    CHECK(c.decisions[0].date == Date(2026, 9, 22));
    CHECK(c.decisions[0].basis == "评委会2026年第2次会议同意特批");
    CHECK(c.decisions[0].source == "decisions.json: /decisions/0");
}

TEST_CASE("ingest: decisions.json is optional; optional fields default to empty") {
    TempDir tmp("case");
    Folder f;
    f.decisions.reset();
    f.case_json["contact"].erase("department");
    f.case_json["contact"].erase("address");
    f.case_json["acceptance"].erase("document_number");
    f.applicants["applicants"][0]["incidents"][0].erase("description");
    f.applicants["applicants"][0]["prior_awards"][0]["revoked_on"] = nullptr;  // null counts as not given
    write_folder(tmp.path(), f);
    Case c = read_case(tmp.path(), weidu_like_catalog());
    CHECK(c.decisions.empty());
    CHECK(c.contact.department.empty());
    CHECK(c.acceptance.document_number.empty());
    CHECK(c.applicants[0].designations.empty());
    CHECK(c.applicants[0].incidents[0].description.empty());
    CHECK_FALSE(c.applicants[0].prior_awards[0].revoked_on.has_value());
}

TEST_CASE("ingest: the case id is the folder's name, also when given with a trailing slash") {
    TempDir tmp("weidu-2031");
    write_folder(tmp.path(), Folder{});
    CHECK(read_case(tmp.path().string() + "/", weidu_like_catalog()).id == "weidu-2031");
    CHECK(read_case(tmp.path() / ".", weidu_like_catalog()).id == "weidu-2031");
    CHECK(read_case(tmp.path() / ".." / "weidu-2031", weidu_like_catalog()).id == "weidu-2031");
}

TEST_CASE("ingest: a folder that does not exist is one problem naming it") {
    TempDir tmp("case");
    auto missing = tmp.path() / "no-such-case";
    auto problems = problems_in(missing);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == missing.string());
    CHECK(contains(problems[0].expected, "案卷文件夹"));
}

// One mistake, one problem: each row breaks a valid folder in one place and says
// which file, record, field and value the single problem must name.
struct ErrorCase {
    std::string what;
    std::function<void(Folder&)> mutate;
    std::string file, record, field, value;
    std::string expected_part;  // a piece of the expected text
};

namespace {

json& applicant0(Folder& f) { return f.applicants["applicants"][0]; }

json second_applicant(const std::string& name, const std::string& code) {
    json a = minimal_applicant_json();
    a["name"] = name;
    a["credit_code"] = code;
    return a;
}

const std::string kA0 = "/applicants/0（许昌甲公司）";

std::vector<ErrorCase> error_cases() {
    return {
        // ---- case.json
        {"unknown policy pack", [](Folder& f) { f.case_json["policy"] = "weidoo"; },
         "case.json", "", "policy", "weidoo", "已知的政策包编号之一：weidu"},
        {"year as a string", [](Folder& f) { f.case_json["year"] = "2026"; },
         "case.json", "", "year", "2026", "2000 至 2100 之间的整数"},
        {"year out of range", [](Folder& f) { f.case_json["year"] = 1999; },
         "case.json", "", "year", "1999", "2000 至 2100"},
        {"deadline not strict YYYY-MM-DD", [](Folder& f) { f.case_json["application_deadline"] = "2026-9-18"; },
         "case.json", "", "application_deadline", "2026-9-18", "YYYY-MM-DD"},
        {"deadline not a real day", [](Folder& f) { f.case_json["application_deadline"] = "2026-02-30"; },
         "case.json", "", "application_deadline", "2026-02-30", "真实存在的日期"},
        {"deadline outside the cycle", [](Folder& f) { f.case_json["application_deadline"] = "2024-09-18"; },
         "case.json", "", "application_deadline", "2024-09-18", "2026"},
        {"notice before the deadline", [](Folder& f) { f.case_json["acceptance"]["notice_date"] = "2026-09-17"; },
         "case.json", "/acceptance", "notice_date", "2026-09-17", "不早于申报截止日期 2026-09-18"},
        {"publicity before the notice", [](Folder& f) { f.case_json["acceptance"]["publicity_start"] = "2026-09-29"; },
         "case.json", "/acceptance", "publicity_start", "2026-09-29", "2026-09-30"},
        {"blank issuer", [](Folder& f) { f.case_json["issuer"] = "  "; },
         "case.json", "", "issuer", "  ", "非空文本"},
        {"contact person missing", [](Folder& f) { f.case_json["contact"].erase("person"); },
         "case.json", "/contact", "person", "", "非空文本"},
        {"contact phone as a number", [](Folder& f) { f.case_json["contact"]["phone"] = 3742961234LL; },
         "case.json", "/contact", "phone", "3742961234", "双引号"},
        {"acceptance missing", [](Folder& f) { f.case_json.erase("acceptance"); },
         "case.json", "", "acceptance", "", "对象"},
        {"typo in a case.json field", [](Folder& f) { f.case_json["yaer"] = 2026; },
         "case.json", "", "yaer", "2026", "是否应为 year"},
        {"unknown field in /acceptance", [](Folder& f) { f.case_json["acceptance"]["end"] = "2026-10-14"; },
         "case.json", "/acceptance", "end", "2026-10-14", "notice_date, publicity_start, document_number"},
        // ---- applicants.json, file level
        {"no applicants", [](Folder& f) { f.applicants["applicants"] = json::array(); },
         "applicants.json", "", "applicants", "[]", "至少含一个"},
        {"applicants.json is a bare array", [](Folder& f) { f.applicants = json::array({1}); },
         "applicants.json", "", "", "数组（1 项）", "{\"applicants\""},
        {"an applicant that is not an object", [](Folder& f) { f.applicants["applicants"].push_back("许昌乙公司"); },
         "applicants.json", "/applicants/1", "", "许昌乙公司", "对象"},
        // ---- one applicant
        {"wrong check character", [](Folder& f) { applicant0(f)["credit_code"] = "91411002175206385Y"; },
         "applicants.json", kA0, "credit_code", "91411002175206385Y", "校验位（第18位）应为 X"},
        {"lowercase credit code", [](Folder& f) { applicant0(f)["credit_code"] = "91411002175206385x"; },
         "applicants.json", kA0, "credit_code", "91411002175206385x", "大写"},
        {"credit code too short", [](Folder& f) { applicant0(f)["credit_code"] = "9141100217520638"; },
         "applicants.json", kA0, "credit_code", "9141100217520638", "18 位"},
        {"name missing: the record has no name to show", [](Folder& f) { applicant0(f).erase("name"); },
         "applicants.json", "/applicants/0", "name", "", "非空文本"},
        {"industry missing", [](Folder& f) { applicant0(f).erase("industry"); },
         "applicants.json", kA0, "industry", "", "非空文本"},
        {"declaration as text", [](Folder& f) { applicant0(f)["licences_valid"] = "是"; },
         "applicants.json", kA0, "licences_valid", "是", "true 或 false"},
        {"founded not a real day", [](Folder& f) { applicant0(f)["founded"] = "2010-13-01"; },
         "applicants.json", kA0, "founded", "2010-13-01", "YYYY-MM-DD"},
        {"founded after the deadline", [](Folder& f) { applicant0(f)["founded"] = "2026-09-19"; },
         "applicants.json", kA0, "founded", "2026-09-19", "不晚于申报截止日期 2026-09-18"},
        {"unknown award", [](Folder& f) { applicant0(f)["award"] = "区长质量金奖"; },
         "applicants.json", kA0, "award", "区长质量金奖", "区长质量奖、区长质量提名奖"},
        {"award not open to application", [](Folder& f) { applicant0(f)["award"] = "质量管理创新奖"; },
         "applicants.json", kA0, "award", "质量管理创新奖", "质量管理创新奖不接受申报"},
        {"typo in an applicant field", [](Folder& f) { applicant0(f)["fouded"] = "2010-05-20"; },
         "applicants.json", kA0, "fouded", "2010-05-20", "是否应为 founded"},
        {"a designation that is not text", [](Folder& f) { applicant0(f)["designations"] = json::array({"高新技术企业", 3}); },
         "applicants.json", kA0, "designations/1", "3", "非空文本"},
        {"a designation the pack does not recognise (misspelt 小巨人)",
         [](Folder& f) { applicant0(f)["designations"] = json::array({"专精特新“小巨人”企业"}); },
         "applicants.json", kA0, "designations/0", "专精特新“小巨人”企业", "专精特新小巨人、高新技术企业"},
        {"self_evaluations missing", [](Folder& f) { applicant0(f).erase("self_evaluations"); },
         "applicants.json", kA0, "self_evaluations", "", "没有时写 []"},
        {"self-evaluation result unknown", [](Folder& f) { applicant0(f)["self_evaluations"][1]["result"] = "好"; },
         "applicants.json", "/applicants/0/self_evaluations/1（许昌甲公司）", "result", "好", "优秀、良好、一般、差"},
        {"self-evaluation year as text", [](Folder& f) { applicant0(f)["self_evaluations"][0]["year"] = "2024年"; },
         "applicants.json", "/applicants/0/self_evaluations/0（许昌甲公司）", "year", "2024年", "整数"},
        {"self-evaluation year after the cycle", [](Folder& f) { applicant0(f)["self_evaluations"][1]["year"] = 2027; },
         "applicants.json", "/applicants/0/self_evaluations/1（许昌甲公司）", "year", "2027", "2000 至 2026"},
        {"self-evaluation year twice", [](Folder& f) { applicant0(f)["self_evaluations"][1]["year"] = 2024; },
         "applicants.json", "/applicants/0/self_evaluations/1（许昌甲公司）", "year", "2024",
         "与 /applicants/0/self_evaluations/0 不同的年份"},
        {"incident kind unknown", [](Folder& f) { applicant0(f)["incidents"][0]["kind"] = "火灾"; },
         "applicants.json", "/applicants/0/incidents/0（许昌甲公司）", "kind", "火灾", "质量事故、安全事故"},
        {"incident severity unknown", [](Folder& f) { applicant0(f)["incidents"][0]["severity"] = "很严重"; },
         "applicants.json", "/applicants/0/incidents/0（许昌甲公司）", "severity", "很严重", "一般、较大、重大、严重、特别重大"},
        {"incident date missing", [](Folder& f) { applicant0(f)["incidents"][0].erase("date"); },
         "applicants.json", "/applicants/0/incidents/0（许昌甲公司）", "date", "", "YYYY-MM-DD"},
        {"prior award unknown", [](Folder& f) { applicant0(f)["prior_awards"][0]["award"] = "市长质量奖"; },
         "applicants.json", "/applicants/0/prior_awards/0（许昌甲公司）", "award", "市长质量奖", "质量管理创新奖"},
        {"prior award after the deadline", [](Folder& f) { applicant0(f)["prior_awards"][0]["awarded_on"] = "2026-10-01"; },
         "applicants.json", "/applicants/0/prior_awards/0（许昌甲公司）", "awarded_on", "2026-10-01", "不晚于申报截止日期"},
        {"revoked before awarded", [](Folder& f) { applicant0(f)["prior_awards"][0]["revoked_on"] = "2020-12-31"; },
         "applicants.json", "/applicants/0/prior_awards/0（许昌甲公司）", "revoked_on", "2020-12-31", "2021-01-15"},
        {"applicant contact phone missing", [](Folder& f) { applicant0(f)["contact"].erase("phone"); },
         "applicants.json", "/applicants/0/contact（许昌甲公司）", "phone", "", "非空文本"},
        {"same credit code twice", [](Folder& f) { f.applicants["applicants"].push_back(second_applicant("许昌乙公司", kCodeA)); },
         "applicants.json", "/applicants/1（许昌乙公司）", "credit_code", kCodeA, "与 /applicants/0（许昌甲公司） 不同"},
        {"same name twice", [](Folder& f) { f.applicants["applicants"].push_back(second_applicant("许昌甲公司", kCodeB)); },
         "applicants.json", "/applicants/1（许昌甲公司）", "name", "许昌甲公司", "与 /applicants/0（许昌甲公司） 不同"},
        {"the same organisation entered twice is one problem",
         [](Folder& f) { f.applicants["applicants"].push_back(minimal_applicant_json()); },
         "applicants.json", "/applicants/1（许昌甲公司）", "credit_code", kCodeA, "同一组织只能申报一次"},
        // ---- decisions.json
        {"decision kind unknown", [](Folder& f) { (*f.decisions)["decisions"][0]["kind"] = "特批"; },
         "decisions.json", "/decisions/0（许昌甲公司）", "kind", "特批", "special_approval"},
        {"decision for someone not applying", [](Folder& f) { (*f.decisions)["decisions"][0]["credit_code"] = kCodeB; },
         "decisions.json", "/decisions/0", "credit_code", kCodeB, "applicants.json 中某个申报组织"},
        {"decision without basis", [](Folder& f) { (*f.decisions)["decisions"][0]["basis"] = ""; },
         "decisions.json", "/decisions/0（许昌甲公司）", "basis", "", "非空文本"},
        {"decision date not a date", [](Folder& f) { (*f.decisions)["decisions"][0]["date"] = "9月22日"; },
         "decisions.json", "/decisions/0（许昌甲公司）", "date", "9月22日", "YYYY-MM-DD"},
    };
}

}  // namespace

TEST_CASE("ingest: each kind of mistake gives exactly one problem naming file, record, field and value") {
    for (const auto& ec : error_cases()) {
        TempDir tmp("case");
        Folder f;
        ec.mutate(f);
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path());
        INFO(ec.what << "\n" << all_messages(problems));
        REQUIRE(problems.size() == 1);
        const Problem& p = problems[0];
        CHECK(p.file == ec.file);
        CHECK(p.record == ec.record);
        CHECK(p.field == ec.field);
        CHECK(p.value == ec.value);
        CHECK(contains(p.expected, ec.expected_part));
        CHECK(contains(p.message(), ec.file));
    }
}

TEST_CASE("ingest: a misspelt top-level key is reported both as unknown and as the missing field") {
    TempDir tmp("case");
    Folder f;
    f.decisions = json{{"decision", json::array()}};
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "decisions");
    CHECK(problems[0].value.empty());
    CHECK(problems[1].field == "decision");
    CHECK(contains(problems[1].expected, "是否应为 decisions"));
}

TEST_CASE("ingest: a missing required file is reported and the other files are still checked") {
    TempDir tmp("case");
    Folder f;
    applicant0(f)["founded"] = "2010-02-30";
    write_folder(tmp.path(), f);
    std::filesystem::remove(tmp.path() / "case.json");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "case.json");
    CHECK(contains(problems[0].expected, "必备文件"));
    CHECK(problems[1].file == "applicants.json");
    CHECK(problems[1].field == "founded");

    std::filesystem::remove(tmp.path() / "applicants.json");
    write_json(tmp.path() / "case.json", f.case_json);
    problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
}

TEST_CASE("ingest: bad JSON names the line and column (in characters) and the text there") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    // A missing comma after a Chinese name: the parser stops at the quote that
    // starts "credit_code", the 22nd character of line 3 (Chinese characters count one each).
    write_text(tmp.path() / "applicants.json",
               "{\n  \"applicants\": [\n    {\"name\": \"许昌甲公司\" \"credit_code\": \"x\"}\n  ]\n}\n");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
    CHECK(problems[0].record == "第3行第22列");
    CHECK(contains(problems[0].value, "许昌甲公司\" \"credit_code"));
    CHECK(contains(problems[0].expected, "合法的 JSON"));
}

TEST_CASE("ingest: bad JSON in case.json does not stop applicants.json from being checked") {
    TempDir tmp("case");
    Folder f;
    applicant0(f)["credit_code"] = "91411002175206385Y";
    write_folder(tmp.path(), f);
    write_text(tmp.path() / "case.json", "{\"policy\": \"weidu\",\n\"year\": 2026,\n");
    auto problems = problems_in(tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "case.json");
    CHECK(problems[0].record == "第3行第1列");
    CHECK(contains(problems[0].expected, "提前结束"));
    CHECK(problems[1].field == "credit_code");
}

TEST_CASE("ingest: a file not saved as UTF-8 is bad JSON with a hint about the encoding") {
    TempDir tmp("case");
    write_folder(tmp.path(), Folder{});
    write_text(tmp.path() / "decisions.json", "{\"decisions\": [{\"basis\": \"\xC6\xC0\xCE\xAF\xBB\xE1\"}]}");  // GBK 评委会
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "decisions.json");
    CHECK(problems[0].record == "第1行第26列");  // the string holding the bad bytes
    CHECK(contains(problems[0].expected, "UTF-8"));
}

TEST_CASE("ingest: problems in all three files are reported together, in file order") {
    TempDir tmp("case");
    Folder f;
    f.case_json["acceptance"]["notice_date"] = "2026-09-31";
    applicant0(f)["award"] = "区长质量金奖";
    (*f.decisions)["decisions"][0]["kind"] = "approval";
    write_folder(tmp.path(), f);
    try {
        read_case(tmp.path(), weidu_like_catalog());
        FAIL("read_case accepted a folder with three mistakes");
    } catch (const InputError& e) {
        REQUIRE(e.problems().size() == 3);
        CHECK(e.problems()[0].file == "case.json");
        CHECK(e.problems()[1].file == "applicants.json");
        CHECK(e.problems()[2].file == "decisions.json");
        CHECK(contains(e.what(), "3 problem"));
    }
}

TEST_CASE("ingest: an unknown policy skips the award checks instead of repeating one mistake per applicant") {
    TempDir tmp("case");
    Folder f;
    f.case_json["policy"] = "xuchang";
    f.applicants["applicants"].push_back(second_applicant("许昌乙公司", kCodeB));
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "policy");
}

TEST_CASE("ingest: the message of a problem quotes the value and the expectation on one line") {
    TempDir tmp("case");
    Folder f;
    applicant0(f)["credit_code"] = "91411002175206385Y";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    auto m = problems[0].message();
    CHECK(m == "applicants.json: /applicants/0（许昌甲公司）: 字段 credit_code：值 \"91411002175206385Y\"，"
               "应为符合 GB 32100 的统一社会信用代码：校验位（第18位）应为 X，实际为 Y");
}

TEST_CASE("ingest: the fixed vocabularies are the ones of the case-folder contract") {
    CHECK(known_incident_kinds() == std::vector<std::string>{"质量事故", "安全事故", "环境污染事故", "公共卫生事故",
                                                             "食品安全事故", "质量投诉", "失信行为"});
    CHECK(known_severities() == std::vector<std::string>{"一般", "较大", "重大", "严重", "特别重大"});
    CHECK(known_self_evaluation_results() == std::vector<std::string>{"优秀", "良好", "一般", "差"});
    CHECK(known_decision_kinds() == std::vector<std::string>{"special_approval", "tie_resolution", "objection_upheld"});
}

TEST_CASE("ingest: a pack that lists its own incident kinds and severities is checked against those") {
    TempDir tmp("case");
    Folder f;
    applicant0(f)["incidents"] = json::parse(R"([
      {"date": "2025-01-10", "kind": "特种设备事故", "severity": "较大"},
      {"date": "2025-02-10", "kind": "质量事故", "severity": "一般"}
    ])");
    write_folder(tmp.path(), f);
    Policy p = weidu_like_policy();
    p.incident_kinds = {"特种设备事故", "质量事故"};
    p.severities = {"较大", "重大"};
    try {
        read_case(tmp.path(), {{"weidu", p}});
        FAIL("a severity the pack does not list was accepted");
    } catch (const InputError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].record == "/applicants/0/incidents/1（许昌甲公司）");
        CHECK(e.problems()[0].field == "severity");
        CHECK(e.problems()[0].value == "一般");
        CHECK(e.problems()[0].expected == "以下之一：较大、重大");
    }
    // Without the pack's lists the contract's defaults apply, which do not know 特种设备事故.
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "kind");
    CHECK(problems[0].value == "特种设备事故");
}

TEST_CASE("ingest: TZ-第十五条 a pack without 受理名单公示 needs no publicity_start, and refuses one") {
    PolicyCatalog catalog = weidu_like_catalog();
    catalog.at("weidu").acceptance_publicity.reset();  // as 通州区, 中牟县, 鹿城区
    catalog.at("weidu").regulation = "通州区区长质量奖管理办法";
    {
        TempDir tmp("no-publicity");
        Folder f;
        f.case_json["acceptance"].erase("publicity_start");
        write_folder(tmp.path(), f);
        Case c = read_case(tmp.path(), catalog);
        CHECK(c.acceptance.notice_date == Date(2026, 9, 30));
    }
    {
        TempDir tmp("no-publicity-given");
        Folder f;
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path(), catalog);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].file == "case.json");
        CHECK(problems[0].record == "/acceptance");
        CHECK(problems[0].field == "publicity_start");
        CHECK(problems[0].value == "2026-10-08");
        CHECK(problems[0].expected.find("《通州区区长质量奖管理办法》）没有受理名单公示") != std::string::npos);
    }
    {
        // The weidu-like pack has one: leaving the date out is a problem.
        TempDir tmp("publicity-missing");
        Folder f;
        f.case_json["acceptance"].erase("publicity_start");
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].field == "publicity_start");
    }
}
