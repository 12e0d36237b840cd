// The wrapper's transactions and errors, and the registry's typed records: certificates
// numbered once and for ever, history kept, prior awards as the rules read them.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;

TEST_CASE("a transaction whose second statement fails leaves nothing of the first") {
    TempDir tmp;
    const fs::path file = tmp.path() / "t.sqlite";
    sqlite::Database db(file, sqlite::Database::Open::CreateIfMissing);
    db.exec("CREATE TABLE numbers (number TEXT NOT NULL UNIQUE)", "建表");
    db.exec("INSERT INTO numbers VALUES ('WD2024Z001')", "插入");
    std::string message;
    try {
        sqlite::Transaction t(db);
        db.prepare("INSERT INTO numbers VALUES (?1)", "记录第一个编号").bind(1, "WD2025Z001").run();
        db.prepare("INSERT INTO numbers VALUES (?1)", "记录第二个编号").bind(1, "WD2024Z001").run();  // taken
        t.commit();
    } catch (const RegistryError& e) {
        message = e.what();
    }
    // The error says where, what for and what SQLite said.
    CHECK(contains(message, file.string()));
    CHECK(contains(message, "记录第二个编号"));
    CHECK(contains(message, "UNIQUE constraint failed: numbers.number"));
    CHECK(db.scalar("SELECT count(*) FROM numbers", "计数") == 1);
    CHECK(db.scalar("SELECT count(*) FROM numbers WHERE number = 'WD2025Z001'", "计数") == 0);
    // And the connection is usable again, outside any transaction.
    db.exec("INSERT INTO numbers VALUES ('WD2025Z001')", "插入");
    CHECK(db.scalar("SELECT count(*) FROM numbers", "计数") == 2);
}

TEST_CASE("recording a cycle's results in one transaction: a failure between two records rolls back both") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    auto first = r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    r.issue_certificate(first.id, "WD2024T001", Date(2024, 12, 20));
    CHECK_THROWS_AS(([&] {
                        auto t = r.transaction();
                        r.record_cycle(weidu_cycle(2025));
                        auto a = r.record_award(weidu_award(2025, kKangtai, "许昌康泰口腔医院有限公司"));
                        REQUIRE(r.find_award("weidu", 2025, kKangtai, "区长质量提名奖"));
                        r.issue_certificate(a.id, "WD2024T001", Date(2025, 12, 19));  // another award's number
                        t.commit();
                    }()),
                    RegistryError);
    CHECK_FALSE(r.find_cycle("weidu", 2025));
    CHECK_FALSE(r.find_award("weidu", 2025, kKangtai, "区长质量提名奖"));
    CHECK(r.find_certificate("WD2024T001")->credit_code == kHengyuan);
    // A rerun completes.
    {
        auto t = r.transaction();
        r.record_cycle(weidu_cycle(2025));
        auto a = r.record_award(weidu_award(2025, kKangtai, "许昌康泰口腔医院有限公司"));
        r.issue_certificate(a.id, "WD2025T001", Date(2025, 12, 19));
        t.commit();
    }
    CHECK(r.find_certificate("WD2025T001")->credit_code == kKangtai);
}

TEST_CASE("a certificate number is unique in the registry, never reused, never changed, never deleted") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    Registry r(file);
    r.record_cycle(weidu_cycle(2024));
    auto a = r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    auto b = r.record_award(weidu_award(2024, kZhilian, "许昌智联精密传感技术有限公司"));
    CHECK(r.issue_certificate(a.id, "WD2024T001", Date(2024, 12, 20)).change == Change::Added);
    // The same certificate again (a rerun): nothing changes.
    CHECK(r.issue_certificate(a.id, "WD2024T001", Date(2024, 12, 20)).change == Change::Unchanged);
    // Another award cannot take the number.
    try {
        r.issue_certificate(b.id, "WD2024T001", Date(2024, 12, 20));
        FAIL("the number was given twice");
    } catch (const RegistryError& e) {
        CHECK(contains(e.what(), "WD2024T001"));
        CHECK(contains(e.what(), "许昌恒远电力装备有限公司"));
        CHECK(contains(e.what(), "不得重复使用"));
    }
    // The award keeps its number.
    CHECK_THROWS_WITH(r.issue_certificate(a.id, "WD2024T009", Date(2024, 12, 20)), Catch::Contains("不得更改"));
    auto held = r.certificate_of(a.id);
    REQUIRE(held);
    CHECK(held->number == "WD2024T001");
    CHECK(held->name == "许昌恒远电力装备有限公司");
    CHECK(held->year == 2024);
    CHECK_FALSE(r.certificate_of(b.id));
    // Not even SQL written by hand deletes or renumbers a certificate.
    sqlite::Database raw(file, sqlite::Database::Open::MustExist);
    CHECK_THROWS_WITH(raw.exec("DELETE FROM certificates", "删除证书"), Catch::Contains("never deleted"));
    CHECK_THROWS_WITH(raw.exec("UPDATE certificates SET number = 'X1'", "改号"), Catch::Contains("keeps its number"));
    CHECK(r.find_certificate("WD2024T001"));
}

TEST_CASE("the next certificate number follows the highest issued for the same year and award code") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    const std::string pattern = "WD{year}{award_code}{seq:3}";
    CHECK(r.next_certificate_number(pattern, 2024, "T") == "WD2024T001");
    r.record_cycle(weidu_cycle(2024));
    auto a = r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    auto b = r.record_award(weidu_award(2024, kZhilian, "许昌智联精密传感技术有限公司"));
    auto c = r.record_award(weidu_award(2024, kKangtai, "许昌康泰口腔医院有限公司", "区长质量奖"));
    r.issue_certificate(a.id, "WD2024T001", std::nullopt);
    r.issue_certificate(b.id, "WD2024T007", std::nullopt);  // numbers from paper need not be dense
    r.issue_certificate(c.id, "WD2024Z001", std::nullopt);
    CHECK(r.next_certificate_number(pattern, 2024, "T") == "WD2024T008");
    CHECK(r.next_certificate_number(pattern, 2024, "Z") == "WD2024Z002");
    CHECK(r.next_certificate_number(pattern, 2025, "T") == "WD2025T001");
    // The sequence need not be last.
    CHECK(r.next_certificate_number("No.{seq:2}-{award_code}{year}", 2024, "T") == "No.01-T2024");
    CHECK_THROWS_AS(r.next_certificate_number("WD{year}{award_code}", 2024, "T"), std::invalid_argument);
}

TEST_CASE("a changed record replaces the stored one and the old row is kept in history") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    auto award = weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司");
    CHECK(r.record_award(award).change == Change::Added);
    CHECK(r.record_award(award).change == Change::Unchanged);
    CHECK(r.history_size() == 0);
    award.prize_yuan = 50000;
    auto changed = r.record_award(award);
    CHECK(changed.change == Change::Changed);
    CHECK(r.find_award("weidu", 2024, kHengyuan, "区长质量提名奖")->prize_yuan == 50000);
    CHECK(r.history_size() == 1);
}

TEST_CASE("prior awards come from the registry as the rules read them, with revocations, per pack") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2022));
    r.record_cycle(weidu_cycle(2024));
    r.record_cycle({"tongzhou", 2024, "", {}, ""});
    r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司", "区长质量奖"));
    auto nominee = r.record_award(weidu_award(2022, kHengyuan, "许昌恒远电力装备有限公司"));
    r.record_revocation(nominee.id, {Date(2023, 5, 8), "第三十条", "弄虚作假", 4});
    AwardRecord elsewhere = weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司", "区长质量奖");
    elsewhere.pack = "tongzhou";
    r.record_award(elsewhere);
    auto prior = r.prior_awards_of("weidu", kHengyuan);
    REQUIRE(prior.size() == 2);
    CHECK(prior[0].award == "区长质量提名奖");
    CHECK(prior[0].awarded_on == Date(2022, 12, 20));
    CHECK(prior[0].revoked_on == Date(2023, 5, 8));
    CHECK(prior[0].revocation_reason == "弄虚作假");
    CHECK(prior[1].award == "区长质量奖");
    CHECK_FALSE(prior[1].revoked_on);
    CHECK(r.prior_awards_of("weidu", kZhilian).empty());
    CHECK(r.prior_awards_of("tongzhou", kHengyuan).size() == 1);
    // An award needs its cycle first.
    CHECK_THROWS_WITH(r.record_award(weidu_award(2019, kZhilian, "许昌智联精密传感技术有限公司")),
                      Catch::Contains("没有 weidu 2019年度的评选记录"));
}

TEST_CASE("obligations, reports received and later higher awards are recorded and read back") {
    TempDir tmp;
    Registry r(tmp.path() / "registry.sqlite");
    r.record_cycle(weidu_cycle(2024));
    auto a = r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    auto o = r.record_obligation(a.id, {0, "yearly-report", "第二十八条（二）", 2025, 3, "03-31"});
    r.record_report(o.id, {2025, Date(2025, 3, 20), ""});
    auto obligations = r.obligations_of(a.id);
    REQUIRE(obligations.size() == 1);
    CHECK(obligations[0].years == 3);
    CHECK(obligations[0].due == "03-31");
    auto reports = r.reports_of(o.id);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].received_on == Date(2025, 3, 20));
    r.record_higher_award({"benxi", kHengyuan, "本溪钢联特殊钢制品有限公司", "辽宁省省长质量奖", Date(2023, 12, 15), 100000,
                           "第二十五条"});
    auto higher = r.higher_awards_in("benxi");
    REQUIRE(higher.size() == 1);
    CHECK(higher[0].record.credit_code == kHengyuan);
    CHECK(higher[0].record.bonus_yuan == 100000);
    CHECK(r.higher_awards_in("weidu").empty());
}
