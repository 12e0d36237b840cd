// `award revoke` as the secretariat runs it: the registry seeded with `award registry
// import` (never the user's home: AWARD_REGISTRY, AWARD_OFFICE_KEY and HOME point into
// the test's folder), the revocation recorded with its article, reason and ban, the
// 撤销通报 read back with pdftotext, and refusals leaving the registry and the output
// folder as they were.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "support.hpp"

using namespace e2e;

namespace {

const char* kHistory = R"({"cycles": [
  {"pack": "weidu", "year": 2025, "awards": [
    {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量奖",
     "awarded_on": "2025-12-20", "prize_yuan": 50000, "certificate": {"number": "WD2025Z001"}},
    {"credit_code": "91411002MA47T3QD9A", "name": "许昌智联精密传感技术有限公司", "award": "区长质量提名奖",
     "awarded_on": "2025-12-20", "prize_yuan": 30000}]},
  {"pack": "tongzhou", "year": 2025, "awards": [
    {"credit_code": "91320612MA1MT6QK2H", "name": "南通通达精密机械股份有限公司", "award": "区长质量奖",
     "awarded_on": "2025-12-10", "prize_yuan": 300000, "certificate": {"number": "TZ2025Z001"}}]},
  {"pack": "zhongmou", "year": 2025, "awards": [
    {"credit_code": "9141012274251836X7", "name": "郑州宏润汽车零部件有限公司", "award": "县长质量奖",
     "awarded_on": "2025-12-30", "prize_yuan": 300000, "certificate": {"number": "ZM2025Z001"}}]}]})";

// A registry seeded with kHistory in a temporary folder, and `award` run against it.
struct Office {
    TempDir tmp;
    fs::path registry = tmp.path() / "data" / "registry.sqlite";
    fs::path out = tmp.path() / "out";

    Office() {
        const fs::path history = tmp.path() / "history.json";
        write_file(history, kHistory);
        Ran seeded = award({"registry", "import", history.string()});
        INFO(seeded.out + seeded.err);
        REQUIRE(seeded.status == 0);
    }
    Ran award(const std::vector<std::string>& args) const {
        std::string cmd = "env -u XDG_DATA_HOME HOME=" + quote(tmp.path().string()) + " AWARD_REGISTRY=" +
                          quote(registry.string()) + " AWARD_OFFICE_KEY=" + quote((tmp.path() / "office.pem").string()) +
                          " " + quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR);
        for (const auto& a : args) cmd += " " + quote(a);
        return run(cmd);
    }
    // `award revoke` into `out` with the options every revocation needs, then `extra`.
    Ran revoke(const std::vector<std::string>& extra) const {
        std::vector<std::string> args = {"revoke"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), {"--out", out.string()});
        return award(args);
    }
    nlohmann::json exported() const {
        Ran e = award({"registry", "export"});
        REQUIRE(e.status == 0);
        return nlohmann::json::parse(e.out);
    }
    // The award record of `code` in the export.
    nlohmann::json award_of(const std::string& code) const {
        const nlohmann::json doc = exported();
        for (const auto& c : doc["cycles"])
            for (const auto& a : c["awards"])
                if (a["credit_code"] == code) return a;
        FAIL("no award of " + code + " in the export");
        return {};
    }
};

const std::vector<std::string> kWeiduFraud = {"WD2025Z001",      "--reason", "弄虚作假",         "--date",
                                              "2027-03-01",      "--doc-number", "魏质奖〔2027〕3号", "--issuer",
                                              "许昌市魏都区人民政府", "--facts",
                                              "经查，该公司在申报2025年度区长质量奖时提供了虚假的第三方检测报告。"};

// The notice's text as one line: white space dropped (pdftotext spaces out CJK) and the
// page numbers (—1—) a paragraph running onto the next page is cut by.
std::string notice_text(const fs::path& pdf) {
    static const std::regex page_number("—[0-9]+—");
    return std::regex_replace(squeeze(pdf_text(pdf)), page_number, "");
}

const std::string kWeiduNotice = "撤销通报/2025年度许昌恒远电力装备有限公司区长质量奖撤销通报.pdf";

}  // namespace

TEST_CASE("WD-第三十条 award revoke by certificate number records 弄虚作假 with its article and the 4-year ban, and writes the 撤销通报") {
    Office office;
    Ran r = office.revoke(kWeiduFraud);
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "已撤销 许昌恒远电力装备有限公司"));
    CHECK(has(r.out, "自撤销之日起4年内不得再次申报（第三十条，至2031年2月28日）"));

    // The registry: what the rules read in a later cycle (PriorAward revoked_on / revocation_reason).
    const auto a = office.award_of("91411002175206385X");
    REQUIRE(a.contains("revocation"));
    CHECK(a["revocation"]["revoked_on"] == "2027-03-01");
    CHECK(a["revocation"]["article"] == "第三十条");
    CHECK(a["revocation"]["reason"] == "弄虚作假");
    CHECK(a["revocation"]["ban_years"] == 4);
    CHECK_FALSE(office.award_of("91320612MA1MT6QK2H").contains("revocation"));

    const fs::path pdf = office.out / kWeiduNotice;
    REQUIRE(files_under(office.out) == std::vector<fs::path>{kWeiduNotice});
    const std::string text = notice_text(pdf);
    INFO(text);
    CHECK(has(text, "许昌市魏都区人民政府"));
    CHECK(has(text, "魏质奖〔2027〕3号"));
    CHECK(has(text, "关于撤销许昌恒远电力装备有限公司2025年度魏都区区长质量奖称号的通报"));
    CHECK(has(text, "各有关单位："));
    CHECK(has(text, "许昌恒远电力装备有限公司（统一社会信用代码：91411002175206385X）于2025年12月20日获得2025年度魏都区区长质量奖"));
    CHECK(has(text, "经查，该公司在申报2025年度区长质量奖时提供了虚假的第三方检测报告。"));
    CHECK(has(text, "上述情况属于《魏都区区长质量奖管理办法》第三十条规定的“采取不正当手段获得区长质量奖”情形（弄虚作假）。"));
    CHECK(has(text, "经秘书处提请，魏都区政府决定："));
    CHECK(has(text, "一、撤销许昌恒远电力装备有限公司2025年度魏都区区长质量奖称号。"));
    CHECK(has(text, "二、收回证书（编号：WD2025Z001）、奖杯和奖励资金5万元。"));
    CHECK(has(text, "三、根据《魏都区区长质量奖管理办法》第三十条关于“4年内不接受该组织再次申报”的规定，"
                    "许昌恒远电力装备有限公司自撤销之日起4年内（至2031年2月28日）不得再次申报魏都区区长质量奖。"));
    CHECK(has(text, "特此通报。"));
    CHECK(has(text, "2027年3月1日"));

    // Fonts embedded as subsets with Unicode maps; a well-formed file.
    Ran fonts = run("pdffonts " + quote(pdf.string()));
    REQUIRE(fonts.status == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    const std::regex row(R"(^([A-Z]{6})\+\S+\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
    int count = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        INFO(line);
        std::smatch m;
        REQUIRE(std::regex_match(line, m, row));
        CHECK((m[2] == "yes" && m[3] == "yes" && m[4] == "yes"));
        ++count;
    }
    CHECK(count >= 1);
    Ran q = run("qpdf --check " + quote(pdf.string()));
    INFO(q.out + q.err);
    CHECK(q.status == 0);
}

TEST_CASE("TZ-第二十四条 award revoke for 事故 records no ban, and the notice says nothing of one") {
    Office office;
    Ran r = office.revoke({"TZ2025Z001", "--reason", "事故", "--date", "2026-08-15", "--doc-number", "通质委〔2026〕12号",
                           "--issuer", "南通市通州区人民政府", "--to", "各镇人民政府（街道办事处），区各有关部门"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "《通州区区长质量奖管理办法》对此撤销情形未规定禁止申报期"));
    const auto a = office.award_of("91320612MA1MT6QK2H");
    CHECK(a["revocation"]["article"] == "第二十四条");
    CHECK(a["revocation"]["reason"] == "事故");
    CHECK_FALSE(a["revocation"].contains("ban_years"));

    const std::string text = notice_text(office.out / "撤销通报/2025年度南通通达精密机械股份有限公司区长质量奖撤销通报.pdf");
    INFO(text);
    CHECK(has(text, "各镇人民政府（街道办事处），区各有关部门："));
    CHECK(has(text, "南通通达精密机械股份有限公司存在《通州区区长质量奖管理办法》第二十四条规定的“获奖组织在获奖后3年内发生本办法第十二条规定的情形之一”情形（事故）。"));
    CHECK(has(text, "经区质委会提请，区人民政府决定："));
    // 通州区 recovers the plaque and the money (第二十四条), not the certificate: its number goes with the title.
    CHECK(has(text, "一、撤销南通通达精密机械股份有限公司2025年度通州区区长质量奖称号（证书编号：TZ2025Z001）。"));
    CHECK(has(text, "二、收回奖牌和奖金30万元。"));
    CHECK_FALSE(has(text, "三、"));
    CHECK_FALSE(has(text, "不得再次申报"));
    CHECK_FALSE(has(text, "自撤销之日起"));
}

TEST_CASE("ZM-第二十五条（三） award revoke for 其他 asks which of the two grounds, then cites the item and 追缴 the prize") {
    Office office;
    const std::vector<std::string> base = {"ZM2025Z001", "--reason", "其他", "--date", "2026-09-01", "--doc-number",
                                           "牟政〔2026〕5号", "--issuer", "中牟县人民政府"};
    Ran ask = office.revoke(base);
    INFO(ask.out + ask.err);
    CHECK(ask.status == 2);
    CHECK(has(ask.err, "请用 --article 指明其一：第二十五条（三）（造成严重不良社会影响）；第二十五条（四）（其他严重违法违规行为）"));
    CHECK_FALSE(fs::exists(office.out));

    std::vector<std::string> chosen = base;
    chosen.insert(chosen.end(), {"--article", "第二十五条（三）"});
    Ran r = office.revoke(chosen);
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const auto a = office.award_of("9141012274251836X7");
    CHECK(a["revocation"]["article"] == "第二十五条（三）");
    CHECK(a["revocation"]["reason"] == "其他");
    CHECK(a["revocation"]["ban_years"] == 3);
    const std::string text = notice_text(office.out / "撤销通报/2025年度郑州宏润汽车零部件有限公司县长质量奖撤销通报.pdf");
    INFO(text);
    CHECK(has(text, "第二十五条（三）规定的“造成严重不良社会影响”情形。"));
    // The consequence is the article's own sentence, cited without the item; no one is named as deciding.
    CHECK(has(text, "依照《中牟县县长质量奖管理办法》第二十五条“撤销县长质量奖荣誉称号，收回证书和奖杯、追缴奖金并向社会公示”的规定，决定："));
    CHECK(has(text, "二、收回证书（编号：ZM2025Z001）和奖杯，追缴奖金30万元。"));
    CHECK(has(text, "三、根据《中牟县县长质量奖管理办法》第二十五条关于“3年内不得再次申报县长质量奖”的规定，"
                    "郑州宏润汽车零部件有限公司自撤销之日起3年内（至2029年8月31日）不得再次申报中牟县县长质量奖。"));
}

TEST_CASE("award revoke of an unknown certificate exits 2 naming it and the numbers there, and writes nothing") {
    Office office;
    const auto before = office.exported();
    std::vector<std::string> args = kWeiduFraud;
    args[0] = "WD2025Z009";
    Ran r = office.revoke(args);
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "中没有证书编号 WD2025Z009"));
    CHECK(has(r.err, office.registry.string()));
    CHECK(has(r.err, "登记库中共有 3 张证书，编号为：TZ2025Z001、WD2025Z001、ZM2025Z001"));
    CHECK_FALSE(fs::exists(office.out));
    CHECK(office.exported() == before);
}

TEST_CASE("award revoke given the same revocation again says unchanged and leaves the one notice as it was") {
    Office office;
    REQUIRE(office.revoke(kWeiduFraud).status == 0);
    const fs::path pdf = office.out / kWeiduNotice;
    const std::string first = read_file(pdf);
    const auto recorded = office.exported();

    Ran again = office.revoke(kWeiduFraud);
    INFO(again.out + again.err);
    CHECK(again.status == 0);
    CHECK(has(again.out, "未改动"));
    CHECK(has(again.out, "已是本次内容"));
    CHECK(files_under(office.out) == std::vector<fs::path>{kWeiduNotice});
    CHECK(read_file(pdf) == first);
    CHECK(office.exported() == recorded);

    // The same revocation with other facts would be another notice: the one issued is not overwritten.
    std::vector<std::string> other = kWeiduFraud;
    other.back() = "经查，该公司申报材料中的销售数据与税务记录不符。";
    Ran changed = office.revoke(other);
    INFO(changed.out + changed.err);
    CHECK(changed.status == 2);
    CHECK(has(changed.err, "已存在，内容与本次的通报不同"));
    CHECK(files_under(office.out) == std::vector<fs::path>{kWeiduNotice});
    CHECK(read_file(pdf) == first);
}

TEST_CASE("award revoke refuses another reason for an award already revoked, saying when and why") {
    Office office;
    REQUIRE(office.revoke(kWeiduFraud).status == 0);
    const auto recorded = office.exported();
    const std::string first = read_file(office.out / kWeiduNotice);
    Ran r = office.revoke({"WD2025Z001", "--reason", "事故", "--date", "2027-05-01", "--doc-number", "魏质奖〔2027〕8号",
                           "--issuer", "许昌市魏都区人民政府"});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "已于2027年3月1日撤销（原因：弄虚作假，依据第三十条，4年内不得申报）"));
    CHECK(has(r.err, "本次为于2027年5月1日撤销（原因：事故，依据第三十一条"));
    CHECK(office.exported() == recorded);
    CHECK(files_under(office.out) == std::vector<fs::path>{kWeiduNotice});
    CHECK(read_file(office.out / kWeiduNotice) == first);
}

TEST_CASE("award revoke refuses a reason the pack does not list, naming the accepted ones with their articles") {
    Office office;
    const auto before = office.exported();
    Ran r = office.revoke({"WD2025Z001", "--reason", "违约", "--date", "2027-03-01", "--doc-number", "魏质奖〔2027〕3号",
                           "--issuer", "许昌市魏都区人民政府"});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "撤销原因 \"违约\"（--reason）不是《魏都区区长质量奖管理办法》规定的撤销情形"));
    CHECK(has(r.err, "弄虚作假（第三十条：采取不正当手段获得区长质量奖）"));
    CHECK(has(r.err, "事故（第三十一条："));
    CHECK_FALSE(fs::exists(office.out));
    CHECK(office.exported() == before);
}

TEST_CASE("award revoke finds an award without a certificate by pack, year, credit code and award, and refuses a date before the award") {
    Office office;
    const std::vector<std::string> key = {"--pack", "weidu", "--year", "2025", "--credit-code", "91411002MA47T3QD9A",
                                          "--award", "区长质量提名奖", "--reason", "其他", "--doc-number",
                                          "魏质奖〔2025〕9号", "--issuer", "许昌市魏都区人民政府"};
    std::vector<std::string> early = key;
    early.insert(early.end(), {"--date", "2025-12-01"});
    Ran refused = office.revoke(early);
    INFO(refused.out + refused.err);
    CHECK(refused.status == 2);
    CHECK(has(refused.err, "撤销日期 2025-12-01（--date）早于获奖日期 2025-12-20"));
    CHECK_FALSE(fs::exists(office.out));

    std::vector<std::string> wrong = key;
    wrong[5] = "91411002175206385X";  // holds the main award, not the nomination
    wrong.insert(wrong.end(), {"--date", "2025-12-28"});
    Ran missing = office.revoke(wrong);
    CHECK(missing.status == 2);
    CHECK(has(missing.err, "没有 weidu 2025年度 91411002175206385X 的区长质量提名奖获奖记录"));
    CHECK(has(missing.err, "该组织在政策包 weidu 下的获奖记录：2025年度区长质量奖（证书编号 WD2025Z001）"));

    std::vector<std::string> ok = key;
    ok.insert(ok.end(), {"--date", "2025-12-28"});
    Ran r = office.revoke(ok);
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(office.award_of("91411002MA47T3QD9A")["revocation"]["article"] == "第三十一条");
    const std::string text = notice_text(office.out / "撤销通报/2025年度许昌智联精密传感技术有限公司区长质量提名奖撤销通报.pdf");
    INFO(text);
    CHECK(has(text, "第三十一条规定的“其他违反区长质量奖宗旨与原则的重大事项”情形。"));  // 其他: no reason in brackets
    CHECK_FALSE(has(text, "证书编号"));
    CHECK(has(text, "二、收回证书、奖杯和奖励资金3万元。"));
}

TEST_CASE("award revoke with bad options lists every problem and touches nothing") {
    Office office;
    const auto before = office.exported();
    Ran r = office.revoke({"--reason", "弄虚作假", "--date", "2027-02-30", "--doc-number", "魏质奖[2027]3号", "--issuer",
                           "许昌市魏都区人民政府"});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "共 3 处"));
    CHECK(has(r.err, "字段 CERTIFICATE_NUMBER"));
    CHECK(has(r.err, "字段 --date：值 \"2027-02-30\""));
    CHECK(has(r.err, "字段 --doc-number：值 \"魏质奖[2027]3号\""));
    CHECK_FALSE(fs::exists(office.out));
    CHECK(office.exported() == before);
}

TEST_CASE("award revoke whose registry write fails leaves no notice and no folder behind") {
    Office office;
    const auto before = office.exported();
    // Another program holds the registry's write lock (SQLite waits for it, then gives up).
    const fs::path locked = office.tmp.path() / "locked";
    run("/usr/bin/python3 -c " +
        quote("import sqlite3,sys,time\nc=sqlite3.connect(sys.argv[1],isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\n"
              "open(sys.argv[2],'w').close()\ntime.sleep(12)") +
        " " + quote(office.registry.string()) + " " + quote(locked.string()) + " >/dev/null 2>&1 &");
    for (int i = 0; i < 100 && !fs::exists(locked); ++i) run("sleep 0.1");
    REQUIRE(fs::exists(locked));
    Ran r = office.revoke(kWeiduFraud);
    INFO(r.out + r.err);
    CHECK(r.status == 1);
    CHECK(has(r.err, "登记库出错（本次写入已全部撤销）"));
    CHECK(has(r.err, "database is locked"));
    CHECK_FALSE(fs::exists(office.out));
    CHECK(office.exported() == before);  // (opening the registry waits for the other program to let go)
}
