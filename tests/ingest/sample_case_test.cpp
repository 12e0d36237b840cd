#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "fixtures.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/credit_code.hpp"
#include "ingest/known_values.hpp"

using namespace award;
using namespace award::test;

namespace {

const std::filesystem::path kSample = std::filesystem::path(AWARD_SOURCE_DIR) / "samples" / "weidu-2026";

const Applicant& by_name(const Case& c, const std::string& name) {
    auto it = std::find_if(c.applicants.begin(), c.applicants.end(), [&](const Applicant& a) { return a.name == name; });
    REQUIRE(it != c.applicants.end());
    return *it;
}

// A copy of the sample in a temp dir, to break on purpose.
void copy_sample(const std::filesystem::path& to) {
    for (const char* name : {"case.json", "applicants.json", "decisions.json"})
        std::filesystem::copy_file(kSample / name, to / name);
}

}  // namespace

TEST_CASE("sample weidu-2026 reads cleanly, with the case.json of the contract") {
    Case c = read_case(kSample, weidu_like_catalog());
    CHECK(c.id == "weidu-2026");
    CHECK(c.policy == "weidu");
    CHECK(c.year == 2026);
    CHECK(c.application_deadline == Date(2026, 9, 18));
    CHECK(c.acceptance.notice_date == Date(2026, 9, 30));
    CHECK(c.acceptance.publicity_start == Date(2026, 10, 8));
    CHECK(c.acceptance.document_number == "魏质奖秘〔2026〕3号");
    CHECK(c.issuer == "魏都区区长质量奖评审委员会秘书处");
    CHECK(c.contact.department.find("市场监督管理局魏都区分局") != std::string::npos);
    CHECK_FALSE(c.contact.person.empty());
    CHECK_FALSE(c.contact.phone.empty());
}

TEST_CASE("sample weidu-2026: at least 14 applicants, all credit codes valid and distinct") {
    Case c = read_case(kSample, weidu_like_catalog());
    REQUIRE(c.applicants.size() >= 14);
    std::set<std::string> codes;
    for (const auto& a : c.applicants) {
        INFO(a.name);
        CHECK(credit_code_problem(a.credit_code).empty());
        CHECK(codes.insert(a.credit_code).second);
        CHECK(a.address.find("许昌市") == 0);
    }
}

TEST_CASE("sample weidu-2026: the boundary applicants carry the dates the checks turn on") {
    Case c = read_case(kSample, weidu_like_catalog());
    // B: 小巨人 founded exactly 3 years before the deadline.
    const auto& b = by_name(c, "许昌智联精密传感技术有限公司");
    CHECK(b.founded == Date(2026, 9, 18).plus_years(-3));
    CHECK(b.designations == std::vector<std::string>{"专精特新小巨人"});
    // C and D: one day short of 5 years, and exactly 5.
    CHECK(by_name(c, "许昌康泰口腔医院有限公司").founded == Date(2021, 9, 19));
    CHECK(by_name(c, "许昌安居物业服务有限公司").founded == Date(2021, 9, 18));
    CHECK(by_name(c, "许昌鑫源发制品有限公司").region == "建安区");
    CHECK_FALSE(by_name(c, "许昌众诚检测技术有限公司").licences_valid);
    CHECK_FALSE(by_name(c, "许昌豫丰陶瓷有限公司").policy_compliant);
    // G and O: 提名奖 exactly 1 year before, and one day short.
    CHECK(by_name(c, "许昌远航起重机械有限公司").prior_awards.at(0).awarded_on == Date(2025, 9, 18));
    CHECK(by_name(c, "许昌文博印务有限公司").prior_awards.at(0).awarded_on == Date(2025, 9, 19));
    // K: the counted incident exactly 3 years before the deadline.
    const auto& k = by_name(c, "许昌绿源环保科技有限公司");
    REQUIRE(k.incidents.size() == 2);
    CHECK(k.incidents[0].date == Date(2023, 9, 18));
    // M: re-applicant exactly 4 years after its 提名奖.
    CHECK(by_name(c, "许昌仁和康复医院有限公司").prior_awards.at(0).awarded_on == Date(2022, 9, 18));
    // P: revoked 提名奖.
    CHECK(by_name(c, "许昌顺达物流有限公司").prior_awards.at(0).revoked_on == Date(2024, 2, 1));
    // I: special approval in decisions.json.
    const auto& i = by_name(c, "许昌金桥食品有限公司");
    REQUIRE(c.decisions.size() == 2);  // and the committee's choice at the 现场评审 tie
    CHECK(c.decisions[1].kind == "tie_resolution");
    CHECK(c.decisions[0].kind == "special_approval");
    CHECK(c.decisions[0].credit_code == i.credit_code);
    CHECK(c.decisions[0].source == "decisions.json: /decisions/0");
}

TEST_CASE("five planted errors in a copy of the sample give exactly five problems in one InputError") {
    TempDir tmp("weidu-2026-broken");
    copy_sample(tmp.path());
    json applicants = read_json(tmp.path() / "applicants.json");
    auto& list = applicants["applicants"];
    REQUIRE(list.size() >= 5);
    // 1. bad credit code: last character changed.
    std::string code = list[0]["credit_code"];
    code.back() = code.back() == '1' ? '2' : '1';
    list[0]["credit_code"] = code;
    // 2. missing field.
    list[1].erase("industry");
    // 3. bad date.
    list[2]["founded"] = "2019-02-29";
    // 4. duplicate: the same organisation entered again.
    list.push_back(list[3]);
    // 5. unknown award.
    list[4]["award"] = "区长质量金奖";
    write_json(tmp.path() / "applicants.json", applicants);

    try {
        read_case(tmp.path(), weidu_like_catalog());
        FAIL("read_case accepted a folder with five planted errors");
    } catch (const InputError& e) {
        const auto& ps = e.problems();
        std::string all;
        for (const auto& p : ps) all += p.message() + "\n";
        INFO(all);
        REQUIRE(ps.size() == 5);
        for (const auto& p : ps) {
            CHECK(p.file == "applicants.json");
            CHECK(p.record.rfind("/applicants/", 0) == 0);
            CHECK_FALSE(p.field.empty());
            CHECK_FALSE(p.expected.empty());
        }
        CHECK(ps[0].record.rfind("/applicants/0（", 0) == 0);
        CHECK(ps[0].field == "credit_code");
        CHECK(ps[0].value == code);
        CHECK(ps[0].expected.find("校验位") != std::string::npos);
        CHECK(ps[1].record.rfind("/applicants/1（", 0) == 0);
        CHECK(ps[1].field == "industry");
        CHECK(ps[1].value.empty());
        CHECK(ps[2].record.rfind("/applicants/2（", 0) == 0);
        CHECK(ps[2].field == "founded");
        CHECK(ps[2].value == "2019-02-29");
        CHECK(ps[3].record.rfind("/applicants/4（", 0) == 0);
        CHECK(ps[3].field == "award");
        CHECK(ps[3].value == "区长质量金奖");
        const std::string duplicate_of = "/applicants/3（" + list[3]["name"].get<std::string>() + "）";
        CHECK(ps[4].record.rfind("/applicants/" + std::to_string(list.size() - 1) + "（", 0) == 0);
        CHECK(ps[4].field == "credit_code");
        CHECK(ps[4].expected.find(duplicate_of) != std::string::npos);
    }
}

TEST_CASE("sample weidu-2026 reads cleanly with the shipped policy pack, whose awards the hand-built policy mirrors") {
    const auto catalog = load_policy_catalog(std::filesystem::path(AWARD_SOURCE_DIR) / "templates" / "policies");
    REQUIRE(catalog.count("weidu") == 1);
    const Policy& shipped = catalog.at("weidu");
    const Policy mirror = weidu_like_policy();
    REQUIRE(shipped.awards.size() == mirror.awards.size());
    for (std::size_t i = 0; i < mirror.awards.size(); ++i) {
        CHECK(shipped.awards[i].name == mirror.awards[i].name);
        CHECK(shipped.awards[i].open_to_application == mirror.awards[i].open_to_application);
    }
    // samples/README.md documents 魏都区's vocabulary as the contract's defaults.
    CHECK((shipped.incident_kinds.empty() || shipped.incident_kinds == known_incident_kinds()));
    CHECK((shipped.severities.empty() || shipped.severities == known_severities()));
    Case c = read_case(kSample, catalog);
    CHECK(c.applicants.size() == read_case(kSample, weidu_like_catalog()).applicants.size());
}
