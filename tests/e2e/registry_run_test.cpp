// End-to-end: `award run` with the award registry (issue 6), as the secretariat lives
// with it across years: earlier cycles imported from paper decide this cycle's
// cooldowns, bans, top-ups and repeat winners; a rerun changes nothing and gives the
// same certificate numbers; an objection upheld after a first run updates the record and
// keeps the old one in history; a kill in the middle of the registry write leaves it as
// it was; `award verify` accepts every certificate of the samples and rejects an edited
// one and one signed with another key.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"

using namespace e2e;

namespace {

const std::string kHistory = "samples/registry/本溪市2018-2024年度评选记录.json";

// `award ARGS` with its own registry and key (not the test process's shared ones).
Ran award_with(const fs::path& registry, const fs::path& key, const std::vector<std::string>& args,
               const std::string& env = "") {
    std::string cmd = "env AWARD_REGISTRY=" + quote(registry.string()) + " AWARD_OFFICE_KEY=" + quote(key.string()) +
                      (env.empty() ? "" : " " + env) + " " + quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR);
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

std::string export_of(const fs::path& registry, const fs::path& key) {
    const Ran r = award_with(registry, key, {"registry", "export"});
    REQUIRE(r.status == 0);
    return r.out;
}

// One column of a registry table, through Debian's python3 sqlite3 module: what a
// person inspecting the file would see.
std::string sql(const fs::path& registry, const std::string& query) {
    return run("/usr/bin/python3 -c " +
               quote("import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print('|'.join(map(str,r)))") +
               " " + quote(registry.string()) + " " + quote(query))
        .out;
}

}  // namespace

TEST_CASE("BX history: the cooldown, the bans, the 10万元 top-up and the repeat winner come from the registry, not the case") {
    // The case itself lists no earlier award for anyone.
    const auto applicants = read_json(case_dir("benxi-2026") / "applicants.json");
    for (const auto& a : applicants["applicants"]) CHECK(a["prior_awards"].empty());

    // Without the registry none of them fires: the acceptance stage of the same case
    // (its review sheets, which do not score these, left out) accepts them all.
    TempDir tmp;
    const fs::path empty = tmp.path() / "empty.sqlite", key = tmp.path() / "keys" / "k.pem";
    const fs::path acceptance_only = copy_sample_with(tmp.path(), "benxi-2026", "case.json", [](nlohmann::json& j) {
        j.erase("review");
        j.erase("commendation");
    });
    fs::remove_all(acceptance_only / "scores");
    const Ran bare = award_with(empty, key, {"check", acceptance_only.string()});
    INFO(bare.out + bare.err);
    REQUIRE(bare.status == 0);
    CHECK(has(bare.out, "受理      本溪东方电力设备有限公司"));
    CHECK(has(bare.out, "受理      本溪博瑞医疗器械有限公司"));
    CHECK(has(bare.out, "受理      本溪天力热电有限公司"));
    CHECK_FALSE(has(bare.out, "再次获奖"));
    CHECK_FALSE(fs::exists(empty));  // checking never creates a registry

    // With the earlier cycles imported (as make run does), each fires.
    const auto& r = sample_run("benxi-2026");
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    // BX-第十二条 cooldown: 2022 winner, 5 years not yet passed
    CHECK(has(r.ran.out, "不予受理  本溪东方电力设备有限公司（市长质量奖）：第十二条"));
    CHECK(has(squeeze(pdf_text(r.folder / "不予受理通知书" / "本溪东方电力设备有限公司.pdf")),
              "已于2022年11月25日获得市长质量奖"));
    // BX-第三十一条 10-year ban after a revocation for fraud (2019), 第三十二条 the next cycle after one for an accident (2025)
    CHECK(has(r.ran.out, "不予受理  本溪博瑞医疗器械有限公司（市长质量奖）：第三十一条"));
    CHECK(has(r.ran.out, "不予受理  本溪天力热电有限公司（市长质量奖）：第三十二条"));
    // BX-第二十五条 top-up: the 2024 提名奖 holder wins the main award and gets the 10万元 difference
    CHECK(has(r.ran.out, "市长质量奖  桓仁浑江冰葡萄酒业有限公司  奖金 100000 元"));
    // BX-第十二条 repeat winner (2020) outside the quota, no money; and the 提名奖 holder passed over
    CHECK(has(r.ran.out, "市长质量奖  本溪钢联特殊钢制品有限公司（再次获奖）  奖金 0 元"));
    CHECK(has(r.ran.out, "本溪钢联特殊钢制品有限公司（市长质量奖，再次获奖，不占名额）"));
    CHECK(has(r.ran.out, "不授予市长质量奖提名奖：本溪山城建设工程有限公司"));

    // explain names the registry as the source of the fact
    const Ran ex = explain("benxi-2026", "本溪东方电力设备有限公司");
    INFO(ex.out);
    CHECK(has(ex.out, "登记库 benxi 2022年度"));
}

TEST_CASE("a rerun of the same case changes nothing in the registry and gives the same certificate numbers") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem";
    const Ran first = award_with(reg, key, {"run", case_dir("weidu-2026").string(), "--out", (tmp.path() / "out").string()});
    INFO(first.out + first.err);
    REQUIRE(first.status == 0);
    CHECK(has(first.out, "新颁发证书编号 WD2026Z001、WD2026T001、WD2026T002、WD2026T003、WD2026T004、WD2026C001"));
    const std::string before = export_of(reg, key);
    const std::string history_before = sql(reg, "SELECT count(*) FROM history");

    const Ran second = award_with(reg, key, {"run", case_dir("weidu-2026").string(), "--out", (tmp.path() / "out").string()});
    INFO(second.out + second.err);
    REQUIRE(second.status == 0);
    CHECK(has(second.out, "已是本次结果，未改动"));
    CHECK(has(second.out, "新增 0 条，更新 0 条，删除 0 条"));
    CHECK_FALSE(has(second.out, "新颁发证书编号"));
    CHECK(export_of(reg, key) == before);
    CHECK(sql(reg, "SELECT count(*) FROM history") == history_before);
    CHECK(sql(reg, "SELECT number FROM certificates ORDER BY number") ==
          "WD2026C001\nWD2026T001\nWD2026T002\nWD2026T003\nWD2026T004\nWD2026Z001\n");
}

TEST_CASE("an objection upheld after the first run updates the application; the old row is kept in history; "
          "an issued certificate is never taken back by a rerun") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem", out = tmp.path() / "out";
    const std::string objected = "91410122317499022C";
    // 1. the review is complete, the 候选名单 publicised, no objection yet, no commendation yet
    const fs::path before = copy_sample_with(tmp.path() / "a", "zhongmou-2026", "case.json",
                                             [](nlohmann::json& j) { j.erase("commendation"); });
    fs::remove(before / "decisions.json");
    Ran r = award_with(reg, key, {"run", before.string(), "--out", out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(sql(reg, "SELECT outcome FROM applications WHERE credit_code = '" + objected + "'") == "accepted\n");
    // 2. the objection is upheld during the publicity
    const fs::path upheld = copy_sample_with(tmp.path() / "b", "zhongmou-2026", "case.json",
                                             [](nlohmann::json& j) { j.erase("commendation"); });
    r = award_with(reg, key, {"run", upheld.string(), "--out", out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(sql(reg, "SELECT outcome FROM applications WHERE credit_code = '" + objected + "'") == "removed\n");
    CHECK(has(sql(reg, "SELECT old_row FROM history WHERE table_name = 'applications'"), "\"accepted\""));
    // 3. the commendation: certificates issued
    r = award_with(reg, key, {"run", case_dir("zhongmou-2026").string(), "--out", out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const std::string issued = export_of(reg, key);
    CHECK(has(issued, "\"number\": \"ZM2026"));
    // 4. a case that no longer grants an award already certified is refused, and nothing changes
    const fs::path drops = copy_sample(tmp.path() / "c", "zhongmou-2026");
    const auto winners = sql(reg, "SELECT credit_code, award FROM awards ORDER BY id");
    REQUIRE_FALSE(winners.empty());
    const std::string first_code = winners.substr(0, winners.find('|'));
    nlohmann::json d = read_json(drops / "decisions.json");
    d["decisions"].push_back({{"kind", "objection_upheld"}, {"credit_code", first_code}, {"date", "2026-10-10"},
                              {"basis", "公示期间收到实名举报，经查属实，评定委员会决定取消其候选资格"}});
    write_file(drops / "decisions.json", d.dump(2));
    r = award_with(reg, key, {"run", drops.string(), "--out", (tmp.path() / "out2").string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "已颁发证书"));
    CHECK(has(r.err, "award revoke"));
    CHECK(export_of(reg, key) == issued);
    CHECK_FALSE(fs::exists(tmp.path() / "out2" / "zhongmou-2026"));
}

TEST_CASE("killed in the middle of the registry write, the registry is as it was before, and a rerun completes") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem", out = tmp.path() / "out";
    REQUIRE(award_with(reg, key, {"registry", "import", (fs::path(AWARD_SOURCE_DIR) / kHistory).string()}).status == 0);
    const std::string before = export_of(reg, key);
    for (const char* after : {"1", "7", "30"}) {
        // SIGKILL right after the N-th write statement: no destructor, no rollback runs
        const Ran killed = award_with(reg, key, {"run", case_dir("benxi-2026").string(), "--out", out.string()},
                                      std::string("AWARD_TEST_KILL_AFTER_WRITES=") + after);
        INFO("killed after write " << after << ": " << killed.out << killed.err);
        CHECK(killed.status != 0);
        CHECK(export_of(reg, key) == before);
        CHECK_FALSE(fs::exists(out / "benxi-2026" / "manifest.json"));
    }
    const Ran rerun = award_with(reg, key, {"run", case_dir("benxi-2026").string(), "--out", out.string()});
    INFO(rerun.out + rerun.err);
    REQUIRE(rerun.status == 0);
    CHECK(fs::exists(out / "benxi-2026" / "manifest.json"));
    CHECK(has(export_of(reg, key), "\"number\": \"BX2026Z001\""));
    CHECK(sql(reg, "PRAGMA integrity_check") == "ok\n");
}

TEST_CASE("award verify accepts every certificate of the five samples, page by page in the merged PDFs too") {
    std::vector<std::string> items = {"verify"};
    for (const char* id : {"weidu-2026", "zhongmou-2026", "tongzhou-2026", "lucheng-2026", "benxi-2026"}) {
        const auto& r = sample_run(id);
        INFO(r.ran.out + r.ran.err);
        REQUIRE(r.ran.status == 0);
        for (const auto& f : files_under(r.folder / "证书")) items.push_back((r.folder / "证书" / f).string());
        items.push_back((r.folder / "证书（合并打印）.pdf").string());
    }
    const Ran v = run_award(items);
    INFO(v.out + v.err);
    CHECK(v.status == 0);
    // 6 + 8 + 5 + 6 + 8 certificates, each once alone and once in its merged PDF
    CHECK(has(v.out, "伪造或被改动 0，无法确认 0。"));
    CHECK_FALSE(has(v.out, "【伪造"));
    CHECK(has(v.out, "【有效】"));
    // 本溪市 第四条: valid 5 years; 中牟县 第二十八条: 3 years
    CHECK(has(v.out, "有效期至 2031年"));
    CHECK(has(v.out, "有效期至 2029年"));
}

TEST_CASE("award verify rejects a certificate whose printed name was edited, one signed with another key, "
          "a revoked and an expired one") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem";
    Ran r = award_with(reg, key, {"run", case_dir("weidu-2026").string(), "--out", (tmp.path() / "out").string()});
    REQUIRE(r.status == 0);
    const fs::path genuine = tmp.path() / "out" / "weidu-2026" / "证书" / "许昌远航起重机械有限公司.pdf";
    r = award_with(reg, key, {"verify", genuine.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 0);
    CHECK(has(r.out, "【有效】"));

    // the holder's name edited in the PDF (the QR code left as issued)
    const fs::path edited = tmp.path() / "edited.pdf";
    REQUIRE(run("/usr/bin/python3 " + quote(AWARD_SOURCE_DIR "/tests/e2e/tools/alter_pdf_name.py") + " " +
                quote(genuine.string()) + " " + quote(edited.string()) + " " + quote("许昌远航起重机械有限公司"))
                .status == 0);
    CHECK_FALSE(has(squeeze(pdf_text(edited)), "许昌远航起重机械有限公司"));
    r = award_with(reg, key, {"verify", edited.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 3);
    CHECK(has(r.out, "【伪造或被改动】"));
    CHECK(has(r.out, "证书上印的文字与二维码中签发的不符"));

    // the same case run by someone else's program and key: a genuine-looking certificate, wrong signature
    const fs::path other_reg = tmp.path() / "other.sqlite", other_key = tmp.path() / "keys" / "other.pem";
    r = award_with(other_reg, other_key, {"run", case_dir("weidu-2026").string(), "--out", (tmp.path() / "other").string()});
    REQUIRE(r.status == 0);
    r = award_with(reg, key, {"verify", (tmp.path() / "other" / "weidu-2026" / "证书" / "许昌远航起重机械有限公司.pdf").string()});
    INFO(r.out + r.err);
    CHECK(r.status == 3);
    CHECK(has(r.out, "签名不符"));
    // the other key's public half, exported, does verify it
    REQUIRE(award_with(other_reg, other_key, {"key", "--out", (tmp.path() / "other.pem").string()}).status == 0);
    r = award_with(other_reg, other_key,
                   {"verify", "--public-key", (tmp.path() / "other.pem").string(),
                    (tmp.path() / "other" / "weidu-2026" / "证书" / "许昌远航起重机械有限公司.pdf").string()});
    CHECK(r.status == 0);

    // the QR code's text as a phone reads it: valid; with the name changed in it: the signature fails
    REQUIRE(run("pdftoppm -r 200 -png -f 1 -l 1 " + quote(genuine.string()) + " " + quote((tmp.path() / "page").string()))
                .status == 0);
    std::string scanned = run("zbarimg -q --nodbus --raw -Sbinary " + quote((tmp.path() / "page-1.png").string()) + " 2>/dev/null").out;
    REQUIRE(scanned.size() > 1);
    if (scanned.back() == '\n') scanned.pop_back();
    r = award_with(reg, key, {"verify", scanned});
    INFO(r.out + r.err);
    CHECK(r.status == 0);
    CHECK(has(r.out, "只核对了二维码"));
    const auto at = scanned.find("许昌远航");
    REQUIRE(at != std::string::npos);
    r = award_with(reg, key, {"verify", scanned.replace(at, std::string("许昌远航").size(), "许昌远方")});
    INFO(r.out + r.err);
    CHECK(r.status == 3);
    CHECK(has(r.out, "签名不符"));
    // revoked: recorded in the registry (as award revoke does) → 已撤销, with the date and reason
    const std::string award_id = sql(reg, "SELECT award_id FROM certificates WHERE number = 'WD2026Z001'");
    REQUIRE_FALSE(award_id.empty());
    run("/usr/bin/python3 -c " +
        quote("import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.execute(\"INSERT INTO revocations (award_id, revoked_on, "
              "article, reason, ban_years) VALUES (?, '2027-03-01', '第三十条', '弄虚作假', 3)\", (int(sys.argv[2]),))\nc.commit()") +
        " " + quote(reg.string()) + " " + quote(award_id.substr(0, award_id.size() - 1)));
    r = award_with(reg, key, {"verify", genuine.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 3);
    CHECK(has(r.out, "【已撤销】"));
    CHECK(has(r.out, "已于 2027年3月1日 撤销，原因：弄虚作假，依据《魏都区区长质量奖管理办法》第三十条"));

    // expired: 本溪市 第四条, 5 years from the commendation
    const auto& bx = sample_run("benxi-2026");
    REQUIRE(bx.ran.status == 0);
    const std::string cert = (bx.folder / "证书" / "本溪龙泰制药股份有限公司.pdf").string();
    r = run_award({"verify", "--as-of", "2031-12-31", cert});
    INFO(r.out + r.err);
    CHECK(r.status == 3);
    CHECK(has(r.out, "【已过期】"));
    CHECK(has(r.out, "第四条"));
    r = run_award({"verify", "--as-of", "2030-01-01", cert});
    CHECK(r.status == 0);
}

TEST_CASE("BX-第二十五条第三款 the 省长质量奖 in the registry gives its holder a 10万元 top-up on the 奖金发放表, recorded once") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem", out = tmp.path() / "out";
    const fs::path history = fs::path(AWARD_SOURCE_DIR) / kHistory;
    REQUIRE(award_with(reg, key, {"registry", "import", history.string()}).status == 0);
    // Recorded in the history file as won, not yet paid.
    CHECK(sql(reg, "SELECT award, awarded_on FROM higher_awards") == "辽宁省省长质量奖|2025-09-26\n");
    CHECK(sql(reg, "SELECT count(*) FROM top_ups") == "0\n");

    const Ran first = award_with(reg, key, {"run", case_dir("benxi-2026").string(), "--out", out.string()});
    INFO(first.out + first.err);
    REQUIRE(first.status == 0);
    CHECK(has(first.out, "追加激励资金：本溪北方机械重汽有限责任公司，2024年度市长质量奖获得者，2025年9月26日获辽宁省省长质量奖，"
                         "100000 元（第二十五条第三款）"));
    CHECK(sql(reg, "SELECT c.year, t.held_award, t.prize_yuan, t.article FROM top_ups t JOIN cycles c ON c.id = t.cycle_id") ==
          "2026|市长质量奖|100000|第二十五条第三款\n");
    const auto money = xlsx_rows(out / "benxi-2026" / "奖金发放表.xlsx");
    INFO(joined(money));
    CHECK(has_row_with(money, {"本溪北方机械重汽有限责任公司", "辽宁省省长质量奖追加激励资金|100000|"}));

    // The export carries the payment; importing the paper history again leaves it alone; a rerun changes nothing.
    const std::string exported = export_of(reg, key);
    CHECK(has(exported, "\"top_up\""));
    const Ran again = award_with(reg, key, {"registry", "import", history.string()});
    INFO(again.out + again.err);
    CHECK(again.status == 0);
    CHECK(sql(reg, "SELECT count(*) FROM top_ups") == "1\n");
    const Ran rerun = award_with(reg, key, {"run", case_dir("benxi-2026").string(), "--out", out.string()});
    INFO(rerun.out + rerun.err);
    REQUIRE(rerun.status == 0);
    CHECK(has(rerun.out, "新增 0 条，更新 0 条，删除 0 条"));
    CHECK(export_of(reg, key) == exported);

    // The export imports into an empty registry with the payment (paid by 2026: no other cycle pays it again).
    const fs::path copy = tmp.path() / "export.json", reg2 = tmp.path() / "r2.sqlite";
    {
        std::ofstream f(copy);
        f << exported;
    }
    const Ran imported = award_with(reg2, key, {"registry", "import", copy.string()});
    INFO(imported.out + imported.err);
    REQUIRE(imported.status == 0);
    CHECK(export_of(reg2, key) == exported);
}

TEST_CASE("the run records for the yearly statistics each application's industry, the stage it reached and its category percentages") {
    TempDir tmp;
    const fs::path reg = tmp.path() / "r.sqlite", key = tmp.path() / "keys" / "k.pem";
    const Ran r = award_with(reg, key, {"run", case_dir("weidu-2026").string(), "--out", (tmp.path() / "out").string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(sql(reg, "SELECT industry, stage_reached, outcome FROM applications WHERE credit_code = '91411002175206385X'") ==
          "电气机械和器材制造业|onsite|awarded\n");
    CHECK(sql(reg, "SELECT stage_reached, outcome FROM applications WHERE name = '许昌安居物业服务有限公司'") ==
          "material|not_awarded\n");
    CHECK(sql(reg, "SELECT count(*) FROM applications WHERE outcome = 'rejected' AND stage_reached IS NULL") == "10\n");
    // 7 accepted applicants × 7 categories at 材料评审, the 6 who went on × 7 at 现场评审.
    CHECK(sql(reg, "SELECT stage, count(*) FROM category_scores GROUP BY stage ORDER BY stage") == "material|49\nonsite|42\n");
    // Hand-counted from 评分汇总（内部）.xlsx: 许昌恒远 4.1 领导 at 材料评审, trimmed mean of E01–E03
    // (78.5 + 83 + 77) / 3 = 79.5 of 110 points = 72.27%.
    CHECK(sql(reg, "SELECT s.name, s.percent_hundredths FROM category_scores s JOIN applications a ON a.id = s.application_id "
                   "WHERE a.credit_code = '91411002175206385X' AND s.stage = 'material' AND s.category = '4.1'") ==
          "领导|7227\n");
    // Exported and imported into another registry, the same records.
    const std::string exported = export_of(reg, key);
    CHECK(has(exported, "\"category_scores\""));
    const fs::path copy = tmp.path() / "export.json", reg2 = tmp.path() / "r2.sqlite";
    {
        std::ofstream f(copy);
        f << exported;
    }
    REQUIRE(award_with(reg2, key, {"registry", "import", copy.string()}).status == 0);
    CHECK(export_of(reg2, key) == exported);
}
