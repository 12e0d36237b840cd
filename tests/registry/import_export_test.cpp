// `award registry import` / `export` in the library: every problem of a file listed and
// nothing imported, importing twice changes nothing, export → import round-trips, and the
// example of samples/README.md imports as documented.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "model/errors.hpp"
#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The ```json block of samples/README.md section 14 (获奖登记库).
std::string readme_example() {
    const std::string text = read(fs::path(AWARD_SOURCE_DIR) / "samples" / "README.md");
    const auto section = text.find("## 14. 获奖登记库的导入文件");
    REQUIRE(section != std::string::npos);
    const auto start = text.find("```json\n", section);
    REQUIRE(start != std::string::npos);
    const auto end = text.find("```", start + 8);
    return text.substr(start + 8, end - start - 8);
}

std::vector<Problem> problems_of(Registry& r, const fs::path& file) {
    try {
        r.import_json(file, packs());
    } catch (const InputError& e) {
        return e.problems();
    }
    return {};
}

bool has_problem(const std::vector<Problem>& ps, const std::string& record_part, const std::string& field,
                 const std::string& value, const std::string& expected_part) {
    for (const auto& p : ps)
        if (contains(p.record, record_part) && p.field == field && p.value == value && contains(p.expected, expected_part))
            return true;
    return false;
}

std::string list(const std::vector<Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.message() + "\n";
    return s;
}

}  // namespace

TEST_CASE("the example of samples/README.md imports as documented") {
    TempDir tmp;
    const fs::path file = tmp.write("往年获奖记录.json", readme_example());
    Registry r(tmp.path() / "registry.sqlite");
    const ImportSummary s = r.import_json(file, packs());
    // 2 cycles, 2 applications, 2 awards, 2 certificates, 1 revocation, 1 obligation, 1 report, 1 higher award.
    CHECK(s.added == 12);
    CHECK(s.changed == 0);
    auto prior = r.prior_awards_of("weidu", kKangtai);
    REQUIRE(prior.size() == 1);
    CHECK(prior[0].revoked_on == Date(2026, 5, 8));
    CHECK(prior[0].revocation_reason == "弄虚作假");
    CHECK(r.find_certificate("WD2024T001")->name == "许昌恒远电力装备有限公司");
    CHECK(r.next_certificate_number("WD{year}{award_code}{seq:3}", 2025, "T") == "WD2025T002");
    const auto higher = r.higher_awards_in("benxi");
    REQUIRE(higher.size() == 1);
    CHECK(higher[0].record.credit_code == "91210502241758066C");
    CHECK(higher[0].record.bonus_yuan == 100000);
}

TEST_CASE("a file with bad records lists every problem with its record, field, value and expectation, and imports nothing") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    const std::string before = r.export_json().dump();
    const fs::path file = tmp.write("history.json", R"({
  "cycles": [
    {"pack": "weidu", "year": 2024,
     "awards": [
       {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量提名奖",
        "awarded_on": "2024-12-20", "prize_yuan": 30000, "certificate": {"number": "WD2024T001"}},
       {"credit_code": "91411002MA47T3QD9B", "name": "许昌智联精密传感技术有限公司", "award": "区长质量将",
        "awarded_on": "2024-13-01", "prize_yuan": "3万", "certificate": {"number": "WD2024T001"},
        "revocation": {"revoked_on": "2024-05-01", "article": "第三十条", "reason": "迟到"}},
       {"credit_code": "91411002MA4GK2N77C", "name": "许昌康泰口腔医院有限公司", "award": "区长质量提名奖",
        "awarded_on": "2024-12-20", "prize_yuan": 30000, "repeet": true,
        "obligations": [{"id": "yearly-reports", "article": "第二十八条（二）", "first_year": 2025, "years": 3,
                         "due": "02-30", "reports": [{"year": 2029, "received_on": "2029-03-01"}]}]}
     ]},
    {"pack": "xuchang", "year": 2025},
    {"pack": "weidu", "year": 2024}
  ]
})");
    const auto ps = problems_of(r, file);
    INFO(list(ps));
    const std::string f = file.string();
    for (const auto& p : ps) CHECK(p.file == f);
    CHECK(has_problem(ps, "/cycles/0/awards/1（许昌智联精密传感技术有限公司）", "credit_code", "91411002MA47T3QD9B", "校验位"));
    CHECK(has_problem(ps, "/cycles/0/awards/1（", "award", "区长质量将", "政策包 weidu 中的奖项名称之一"));
    CHECK(has_problem(ps, "/cycles/0/awards/1（", "awarded_on", "2024-13-01", "YYYY-MM-DD"));
    CHECK(has_problem(ps, "/cycles/0/awards/1（", "prize_yuan", "3万", "整数"));
    CHECK(has_problem(ps, "/cycles/0/awards/1（许昌智联精密传感技术有限公司）/certificate", "number", "WD2024T001",
                      "/cycles/0/awards/0（许昌恒远电力装备有限公司）/certificate"));
    CHECK(has_problem(ps, "/cycles/0/awards/1（许昌智联精密传感技术有限公司）/revocation", "reason", "迟到", "弄虚作假"));
    CHECK(has_problem(ps, "/cycles/0/awards/2（许昌康泰口腔医院有限公司）", "repeet", "true", "是否应为 repeat"));
    CHECK(has_problem(ps, "/cycles/0/awards/2（许昌康泰口腔医院有限公司）/obligations/0", "id", "yearly-reports",
                      "yearly-report"));
    CHECK(has_problem(ps, "/obligations/0", "due", "02-30", "MM-DD"));
    CHECK(has_problem(ps, "/obligations/0/reports/0", "year", "2029", "2025 至 2027"));
    CHECK(has_problem(ps, "/cycles/1", "pack", "xuchang", "已知的政策包编号之一"));
    CHECK(has_problem(ps, "/cycles/2（weidu 2024年度）", "year", "2024", "/cycles/0（weidu 2024年度）"));
    CHECK(ps.size() == 12);
    // Nothing imported, not even the good first award.
    CHECK(r.export_json().dump() == before);
    CHECK_FALSE(r.find_cycle("weidu", 2024));
}

TEST_CASE("a file that is not JSON is one problem with its line and column, and nothing is imported") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    const fs::path file = tmp.write("history.json", "{\"cycles\": [\n  {\"pack\": \"weidu\" \"year\": 2024}\n]}\n");
    const auto ps = problems_of(r, file);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].file == file.string());
    CHECK(ps[0].record == "第2行第20列");
    CHECK(contains(ps[0].expected, "合法的 JSON"));
}

TEST_CASE("a certificate number already issued in the registry to another award is refused and nothing is imported") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    auto a = r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    r.issue_certificate(a.id, "WD2024T001", std::nullopt);
    const std::string before = r.export_json().dump();
    const fs::path file = tmp.write("history.json", R"({"cycles": [
      {"pack": "weidu", "year": 2025, "awards": [
        {"credit_code": "91411002MA4GK2N77C", "name": "许昌康泰口腔医院有限公司", "award": "区长质量提名奖",
         "awarded_on": "2025-12-19", "prize_yuan": 30000, "certificate": {"number": "WD2024T001"}}]}]})");
    const auto ps = problems_of(r, file);
    INFO(list(ps));
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].record == "/cycles/0/awards/0（许昌康泰口腔医院有限公司）/certificate");
    CHECK(ps[0].field == "number");
    CHECK(contains(ps[0].expected, "许昌恒远电力装备有限公司"));
    CHECK(r.export_json().dump() == before);
    CHECK_FALSE(r.find_cycle("weidu", 2025));
}

TEST_CASE("importing the same file twice changes nothing") {
    TempDir tmp;
    const fs::path file = tmp.write("往年获奖记录.json", readme_example());
    Registry r(tmp.path() / "registry.sqlite");
    r.import_json(file, packs());
    const std::string first = r.export_json().dump();
    const ImportSummary again = r.import_json(file, packs());
    CHECK(again.added == 0);
    CHECK(again.changed == 0);
    CHECK(again.unchanged == 12);
    CHECK(r.export_json().dump() == first);
    CHECK(r.history_size() == 0);
}

TEST_CASE("a corrected record replaces the imported one, and the earlier version is kept in history") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    json doc = json::parse(readme_example());
    r.import_json(tmp.write("a.json", doc.dump()), packs());
    doc["cycles"][0]["awards"][0]["prize_yuan"] = 50000;
    const ImportSummary s = r.import_json(tmp.write("b.json", doc.dump()), packs());
    CHECK(s.changed == 1);
    REQUIRE(s.changed_records.size() == 1);
    CHECK(s.changed_records[0] == "/cycles/0/awards/0（许昌恒远电力装备有限公司）");
    CHECK(r.find_award("weidu", 2024, kHengyuan, "区长质量提名奖")->prize_yuan == 50000);
    CHECK(r.history_size() == 1);
}

TEST_CASE("export then import into a fresh registry gives the same registry") {
    TempDir tmp;
    Registry first(tmp.path() / "first.sqlite");
    first.import_json(tmp.write("往年获奖记录.json", readme_example()), packs());
    // Records made through the typed functions as well, with every optional field.
    first.record_cycle({"benxi", 2024, "benxi-2024", Date(2024, 12, 30), std::string(64, 'a')});
    first.record_application({"benxi", 2024, "91210502241758066C", "本溪钢联特殊钢制品有限公司", "市长质量奖", "not_awarded",
                              "综合得分未进入名额", "第二十条"});
    const auto exported = first.export_json();
    const fs::path file = tmp.path() / "export.json";
    std::ofstream(file, std::ios::binary) << exported.dump(2, ' ', false);

    Registry second(tmp.path() / "second.sqlite");
    const ImportSummary s = second.import_json(file, packs());
    CHECK(s.changed == 0);
    CHECK(second.export_json() == exported);
    CHECK(exported["format"] == "award-registry/1");
    CHECK(exported["cycles"].size() == 3);
    CHECK(exported["cycles"][0]["pack"] == "benxi");
    CHECK(exported["cycles"][0]["content_hash"] == std::string(64, 'a'));
}
