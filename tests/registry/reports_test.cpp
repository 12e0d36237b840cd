// award reports in the registry: schema version 2 (reports_received gains who filled the
// report, report_figures holds its figures), the migration of a version 1 file, recording
// figures exactly with history, and the JSON import/export of reports[].figures.
#include <catch2/catch.hpp>

#include <fstream>

#include "model/errors.hpp"
#include "registry/schema.hpp"
#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;

namespace {

// A registry file as version 1 of the program left it: our mark, user_version 1, a
// cycle, an award, its obligation and a report received.
void write_version_1(const fs::path& file) {
    sqlite::Database db(file, sqlite::Database::Open::CreateIfMissing);
    db.exec("BEGIN", "test");
    db.exec(registry_schema::migrations().at(0).sql, "test");
    db.exec("PRAGMA user_version = 1", "test");
    db.exec("PRAGMA application_id = " + std::to_string(registry_schema::kApplicationId), "test");
    db.exec("INSERT INTO cycles (id, pack, year) VALUES (1, 'weidu', 2024);"
            "INSERT INTO awards (id, cycle_id, credit_code, name, award, awarded_on, repeat, prize_yuan) "
            "VALUES (1, 1, '" + kHengyuan + "', '许昌恒远电力装备有限公司', '区长质量提名奖', '2024-12-20', 0, 30000);"
            "INSERT INTO obligations (id, award_id, obligation, article, first_year, years, due) "
            "VALUES (1, 1, 'yearly-report', '第二十八条（二）', 2025, 3, '03-31');"
            "INSERT INTO reports_received (id, obligation_id, year, received_on) VALUES (1, 1, 2025, '2025-03-20');",
            "test");
    db.exec("COMMIT", "test");
}

ReportDetails details(long long revenue_2024) {
    ReportDetails d;
    d.filled_by = "王敏";
    d.phone = "0374-1234567";
    d.filled_on = Date(2026, 3, 18);
    d.figures = {{"revenue", 2023, 1234567}, {"revenue", 2024, revenue_2024}, {"profit", 2023, -3520},
                 {"employees", 2023, 35600}};
    return d;
}

long long obligation_of(Registry& r, int year, const std::string& code) {
    auto award = r.find_award("weidu", year, code, "区长质量提名奖");
    REQUIRE(award);
    auto obligations = r.obligations_of(award->id);
    REQUIRE(obligations.size() == 1);
    return obligations[0].id;
}

}  // namespace

TEST_CASE("a registry of schema version 1 is migrated to the latest: its report is kept and can take a filler and figures") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    write_version_1(file);
    Registry r(file, Registry::Open::MustExist);
    CHECK(r.schema_version() == registry_schema::latest_version());
    CHECK(registry_schema::latest_version() >= 2);
    const long long obligation = obligation_of(r, 2024, kHengyuan);
    auto kept = r.find_report(obligation, 2025);
    REQUIRE(kept);
    CHECK(kept->report.received_on == Date(2025, 3, 20));
    CHECK(kept->details.filled_by.empty());
    CHECK(kept->details.figures.empty());

    // The old report gains its details; the old row goes to history with the new columns.
    const Recorded rec = r.record_report_details(obligation, ReportRecord{2025, Date(2025, 3, 20), ""}, details(1300000));
    CHECK(rec.change == Change::Changed);
    CHECK(r.history_size() == 1);
    auto now = r.find_report(obligation, 2025);
    REQUIRE(now);
    CHECK(now->details.filled_by == "王敏");
    CHECK(now->details.figures.size() == 4);
    sqlite::Database db(file, sqlite::Database::Open::MustExist);
    CHECK(db.scalar("SELECT count(*) FROM history WHERE table_name = 'reports_received' AND "
                    "json_extract(old_row, '$.filled_by') IS NULL AND json_type(old_row, '$.filled_by') = 'null'",
                    "test") == 1);
}

TEST_CASE("a report's figures are recorded exactly, the same again changes nothing, a correction keeps the old in history") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    const auto award = r.record_award(weidu_award(2024, kZhilian, "许昌智联精密传感技术有限公司"));
    const auto obligation =
        r.record_obligation(award.id, ObligationRecord{0, "yearly-report", "第二十八条（二）", 2025, 3, "03-31"});
    const ReportRecord report{2026, Date(2026, 3, 20), std::string(64, 'a')};

    CHECK(r.record_report_details(obligation.id, report, details(1300000)).change == Change::Added);
    auto got = r.find_report(obligation.id, 2026);
    REQUIRE(got);
    CHECK(got->details.figures == details(1300000).figures);
    CHECK(got->details.filled_on == Date(2026, 3, 18));
    CHECK(r.record_report_details(obligation.id, report, details(1300000)).change == Change::Unchanged);
    CHECK(r.history_size() == 0);

    // One figure corrected: only that figure changes, the old value kept.
    CHECK(r.record_report_details(obligation.id, report, details(1300001)).change == Change::Changed);
    CHECK(r.history_size() == 1);
    CHECK(r.find_report(obligation.id, 2026)->details.figures[1].hundredths == 1300001);

    // A figure no longer given is removed (into history), not left behind.
    ReportDetails fewer = details(1300001);
    fewer.figures.pop_back();
    CHECK(r.record_report_details(obligation.id, report, fewer).change == Change::Changed);
    CHECK(r.find_report(obligation.id, 2026)->details.figures.size() == 3);
    CHECK(r.history_size() == 2);
    // The plain report upsert (no details) leaves the figures alone.
    CHECK(r.record_report(obligation.id, report).change == Change::Unchanged);
    CHECK(r.find_report(obligation.id, 2026)->details.figures.size() == 3);
}

TEST_CASE("import and export carry a report's filler and figures exactly, and export-import-export gives the same") {
    TempDir tmp;
    const fs::path json = tmp.write("history.json", R"({"cycles": [{"pack": "weidu", "year": 2024, "awards": [
      {"credit_code": "91411002MA47T3QD9A", "name": "许昌智联精密传感技术有限公司", "award": "区长质量提名奖",
       "awarded_on": "2024-12-20", "prize_yuan": 30000,
       "obligations": [{"id": "yearly-report", "article": "第二十八条（二）", "first_year": 2025, "years": 3, "due": "03-31",
         "reports": [{"year": 2026, "received_on": "2026-03-20", "filled_by": "王敏", "phone": "0374-1234567",
                      "filled_on": "2026-03-18",
                      "figures": [{"indicator": "revenue", "year": 2023, "value": 12345.67},
                                  {"indicator": "revenue", "year": 2024, "value": "13,456.70"},
                                  {"indicator": "profit", "year": 2023, "value": -35.2},
                                  {"indicator": "employees", "year": 2023, "value": 356}]}]}]}]}]})");
    Registry r(tmp.path() / "a.sqlite");
    const ImportSummary s = r.import_json(json, packs());
    CHECK(s.changed == 0);
    const auto doc = r.export_json();
    const auto& rep = doc["cycles"][0]["awards"][0]["obligations"][0]["reports"][0];
    CHECK(rep["filled_by"] == "王敏");
    CHECK(rep["filled_on"] == "2026-03-18");
    REQUIRE(rep["figures"].size() == 4);
    CHECK(rep["figures"][0]["value"] == 12345.67);
    CHECK(rep["figures"][1]["value"] == 13456.7);
    CHECK(rep["figures"][2]["value"] == -35.2);
    CHECK(rep["figures"][3]["value"] == 356);
    CHECK(rep["figures"][3]["value"].is_number_integer());
    const long long obligation = obligation_of(r, 2024, kZhilian);
    CHECK(r.find_report(obligation, 2026)->details.figures[0].hundredths == 1234567);

    const fs::path exported = tmp.write("export.json", doc.dump(2));
    Registry again(tmp.path() / "b.sqlite");
    again.import_json(exported, packs());
    CHECK(again.export_json() == doc);
    CHECK(r.import_json(exported, packs()).added == 0);  // importing it back changes nothing
    CHECK(r.import_json(exported, packs()).changed == 0);
}

TEST_CASE("import refuses figures of an unknown indicator, of a bad value, twice the same, or for an obligation without a form") {
    TempDir tmp;
    const fs::path json = tmp.write("history.json", R"({"cycles": [{"pack": "zhongmou", "year": 2024, "awards": [
      {"credit_code": "9141012274251836X7", "name": "郑州宏润汽车零部件有限公司", "award": "县长质量奖",
       "awarded_on": "2024-12-26", "prize_yuan": 100000,
       "obligations": [
         {"id": "statistics", "article": "第二十九条", "first_year": 2025, "years": 3,
          "reports": [{"year": 2026, "received_on": "2026-03-20",
                       "figures": [{"indicator": "turnover", "year": 2023, "value": 1},
                                   {"indicator": "revenue", "year": 2023, "value": 12.345},
                                   {"indicator": "rd_intensity", "year": 2023, "value": 101},
                                   {"indicator": "employees", "year": 2023, "value": 3.5},
                                   {"indicator": "tax", "year": 2023, "value": -1},
                                   {"indicator": "profit", "year": 2023, "value": -1},
                                   {"indicator": "profit", "year": 2023, "value": -2}]}]},
         {"id": "self-evaluation", "article": "第二十九条", "first_year": 2025, "years": 3,
          "reports": [{"year": 2026, "received_on": "2026-03-20", "figures": []}]}]}]}]})");
    Registry r(tmp.path() / "registry.sqlite");
    try {
        r.import_json(json, packs());
        FAIL("import should have been refused");
    } catch (const InputError& e) {
        std::string all;
        for (const auto& p : e.problems()) all += p.message() + "\n";
        INFO(all);
        CHECK(e.problems().size() == 7);
        const std::string base = "/cycles/0/awards/0（郑州宏润汽车零部件有限公司）/obligations/";
        CHECK(contains(all, base + "0/reports/0/figures/0: 字段 indicator：值 \"turnover\""));
        CHECK(contains(all, base + "0/reports/0/figures/1: 字段 value：值 \"12.345\"，应为营业收入：以万元为单位、不为负数的金额"));
        CHECK(contains(all, base + "0/reports/0/figures/2: 字段 value：值 \"101\"，应为研发投入强度：0–100 之间的百分数"));
        CHECK(contains(all, base + "0/reports/0/figures/3: 字段 value：值 \"3.5\"，应为从业人员：不为负数的整数"));
        CHECK(contains(all, base + "0/reports/0/figures/4: 字段 value：值 \"-1\""));
        CHECK(contains(all, base + "0/reports/0/figures/6: 字段 year：值 \"2023\"，应为同一报告中每个指标每年只有一个数值"));
        CHECK(contains(all, base + "1/reports/0: 字段 figures"));
        CHECK(contains(all, "没有报送表"));
    }
    CHECK(r.export_json()["cycles"].empty());
}
