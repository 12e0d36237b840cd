// `award stats` as the office runs it: the 魏都区 history sample imported into a registry
// of the test's own, the yearly statistics report written, and what leadership reads
// checked against counts made by hand from samples/registry/魏都区2024-2025年度评选记录.json
// (the figures' sources are given next to each expected value).
#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace std::string_literals;

#include "support.hpp"

using namespace e2e;

namespace {

const fs::path kHistory = fs::path(AWARD_SOURCE_DIR) / "samples" / "registry" / "魏都区2024-2025年度评选记录.json";

// A registry holding only the 魏都区 history (2024, 2025), in the test's folder.
struct Office {
    TempDir tmp;
    fs::path registry = tmp.path() / "registry.sqlite";
    fs::path out = tmp.path() / "out";

    Office() {
        const Ran r = award({"registry", "import", kHistory.string()});
        INFO(r.out + r.err);
        REQUIRE(r.status == 0);
    }
    Ran award(const std::vector<std::string>& args) const {
        std::string cmd = "env -u XDG_DATA_HOME HOME=" + quote(tmp.path().string()) + " AWARD_REGISTRY=" +
                          quote(registry.string()) + " " + quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR);
        for (const auto& a : args) cmd += " " + quote(a);
        return run(cmd);
    }
};

// Every applicant's name in the history sample.
std::set<std::string> history_names() {
    std::set<std::string> out;
    const auto doc = read_json(kHistory);
    for (const auto& c : doc["cycles"])
        for (const auto& a : c["applications"]) out.insert(a["name"].get<std::string>());
    return out;
}

// The text of the PDF between two headings (whitespace dropped).
std::string section(const std::string& text, const std::string& from, const std::string& to) {
    const auto a = text.find(from);
    const auto b = text.find(to, a == std::string::npos ? 0 : a);
    if (a == std::string::npos || b == std::string::npos) return "";
    return text.substr(a, b - a);
}

}  // namespace

TEST_CASE("award stats 2025 on the 魏都区 history: the summary's figures are those counted by hand", "[e2e][stats]") {
    Office o;
    const Ran r = o.award({"stats", "--year", "2025", "--since", "2024", "--pack", "weidu", "--as-of", "2025-12-31",
                           "--issuer", "魏都区区长质量奖评委会秘书处", "--out", o.out.string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const fs::path folder = o.out / "weidu-2025年度统计报告";
    REQUIRE(files_under(folder) == std::vector<fs::path>{"manifest.json", "年度统计报告.pdf", "年度统计报告.xlsx"});
    CHECK(has(r.out, "申报 16 家，受理 10 家，进入现场评审 6 家，获奖 5 家"));

    const std::string text = squeeze(pdf_text(folder / "年度统计报告.pdf"));
    INFO(text);
    // 2025: 16 applications (2024: 15); 6 rejected → 10 受理 (2024: 11), 10/16 = 62.50%;
    // stage_reached onsite 6; 5 winners (2024: 8): 区长质量奖 1 of 2 places, 提名奖 3 of 4, 创新奖 1;
    // prize money 100000 + 3 × 10000 + 10000 = 14万元 (2024: 22万元).
    CHECK(has(text, "2025年共收到申报16家，较2024年增加1家；受理10家，较2024年减少1家，受理率62.50%；进入现场评审6家；"
                    "获奖5家，较2024年减少3家（区长质量奖1家、区长质量提名奖3家、质量管理创新奖1家）。"
                    "区长质量奖空缺1名、区长质量提名奖空缺1名。发放奖金14万元，较2024年减少8万元。"));
    // 门类: 橡胶和塑料制品业, 金属制品业, 农副食品加工业, 电气机械和器材制造业 are C: 4 of 16.
    CHECK(has(text, "最多的是C制造业，4家，占25.00%。"));
    CHECK(has(text, "从地域看，申报最多的是七里店街道，3家。"));
    // Returning: 2 of the 16 applied in 2024 (1 awarded); first-time 14 (4 awarded).
    CHECK(has(text, "首次申报14家，获奖率28.57%；再次申报2家，获奖率50.00%。"));
    // 材料评审 4.6 of the 10 scored in 2025: mean 57.963% → 57.96%; 2024 (11 scored): 57.78%.
    // 4.1 领导 2025: 658.65 / 10 → 65.87%.
    CHECK(has(text, "10家参评组织平均得分率最低的类目是“4.6测量、分析与改进”，为57.96%，较2024年提高0.18个百分点；"
                    "最高的是“4.1领导”，为65.87%。"));
    // Reports due by 2025-12-31: the 8 winners of 2024 owe their 2025 report (due 2025-03-31);
    // 华兴水务 sent none for 2025 (its one report is 2026's) → 7 received, 1 overdue.
    CHECK(has(text, "截至2025年12月31日，获奖组织应报送年度数据8份，已报送7份，逾期未报送1份。"));
    // 2025 rejections: 第九条 twice, 第十一条 twice, the rest once (6 applications, 8 人次).
    CHECK(has(text, "2025年不予受理6家，引用最多的条款是第九条、第十一条（各2人次）。"));
    CHECK(has(text, "魏都区区长质量奖评委会秘书处2025年12月31日"));

    // The workbook: the same figures as numbers, and native charts over those cells.
    const fs::path xlsx = folder / "年度统计报告.xlsx";
    const auto overview = xlsx_rows(xlsx, "年度概况");
    INFO(joined(overview));
    // 年度 申报 受理 受理率 进入现场评审 获奖组织 区长质量奖 提名奖 创新奖 空缺名额 空缺奖项 奖金（元） 追加（元）
    CHECK(has_row_with(overview, {"2024|15|11|73.33|9|8|2|4|2|0|无|220000|0"}));
    CHECK(has_row_with(overview, {"2025|16|10|62.5|6|5|1|3|1|2|区长质量奖1名、区长质量提名奖1名|140000|0"}));
    const Ran charts = run("/usr/bin/python3 -c " + quote(R"py(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for ch in ws._charts:
        title = ''.join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
        for s in ch.series:
            print(ws.title, type(ch).__name__, title, s.tx.strRef.f, s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f, s.val.numRef.f)
)py") + " " + quote(xlsx.string()));
    INFO(charts.out + charts.err);
    REQUIRE(charts.status == 0);
    // 图1 over the chart table of 年度概况 (caption row, header, 2024 and 2025): 申报 in column B.
    CHECK(has(charts.out, "年度概况 BarChart 图1 2024—2025年申报、受理与获奖情况 '年度概况'!$B$"));
    CHECK(has(charts.out, "类目得分 RadarChart 图8 各类目平均得分率（材料评审）"));
    CHECK(has(charts.out, "报送数据 LineChart 图9 获奖组织营业收入（平均值）"));
    CHECK(has(charts.out, "不予受理原因 BarChart 图18 不予受理依据条款（人次）"));
    const auto categories_sheet = xlsx_rows(xlsx, "类目得分");
    INFO(joined(categories_sheet));
    CHECK(has_row_with(categories_sheet, {"4.6|测量、分析与改进|10|57.96"}));
    for (const auto& name : history_names()) CHECK(!has(joined(categories_sheet), name));

    // The category section names no applicant: nor does any other part of the report.
    const std::string categories = section(text, "四、各类目得分情况", "五、获奖组织报送数据");
    REQUIRE(!categories.empty());
    CHECK(has(categories, "57.78%±"));
    CHECK(has(categories, "57.96%±"));
    for (const auto& name : history_names()) {
        INFO(name);
        CHECK(!has(categories, squeeze(name)));
        CHECK(!has(text, squeeze(name)));
    }
}

TEST_CASE("award stats 2026 after the 魏都区 run: three cycles, both files, every chart drawn", "[e2e][stats]") {
    const CaseRun& weidu = sample_run("weidu-2026");
    REQUIRE(weidu.ran.status == 0);
    TempDir tmp;
    const Ran r = run_award({"stats", "--year", "2026", "--pack", "weidu", "--as-of", "2026-12-31", "--out", tmp.path().string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const fs::path pdf = tmp.path() / "weidu-2026年度统计报告" / "年度统计报告.pdf";
    const std::string text = squeeze(pdf_text(pdf));
    INFO(text);
    CHECK(has(text, "本报告依据获奖登记库中2024—2026年共3届评选的记录编制"));
    // 2024–2025 from the history; as of 2026-12-31 the 2024 winners owe 2025 and 2026 (16, 13
    // received), the 2025 winners 2026 (5, 4 received): 21 due, 17 received, 4 overdue.
    CHECK(has(text, "应报送年度数据21份，已报送17份，逾期未报送4份。"));
    for (int n = 1; n <= 18; ++n) CHECK(has(text, "图" + std::to_string(n)));
    CHECK(has(text, "表1历年评选情况"));
    CHECK(!has(text, "未绘制图表"));  // every chart has its data: none says it has none
    CHECK(has(text, "2024年151173.33%"));  // 年度 申报 受理 受理率 …: 15, 11, 73.33% (11/15)
    // No applicant of the 2026 case either.
    for (const auto& a : read_json(case_dir("weidu-2026") / "applicants.json")["applicants"]) {
        INFO(a["name"]);
        CHECK(!has(text, squeeze(a["name"].get<std::string>())));
    }
    // Run again: the same files, left as they are.
    const Ran again = run_award({"stats", "--year", "2026", "--pack", "weidu", "--as-of", "2026-12-31", "--out", tmp.path().string()});
    CHECK(again.status == 0);
    CHECK(has(again.out, "年度统计报告已是最新，未改动"));
}

TEST_CASE("award stats refuses a year the registry has no cycle of, and a --since after --year, writing nothing", "[e2e][stats]") {
    Office o;
    const Ran none = o.award({"stats", "--year", "2023", "--pack", "weidu", "--out", o.out.string()});
    INFO(none.out + none.err);
    CHECK(none.status == 2);
    CHECK(has(none.err, "--year"));
    CHECK(has(none.err, "2024、2025"));
    const Ran since = o.award({"stats", "--year", "2025", "--since", "2026", "--as-of", "2025-13-01", "--out", o.out.string()});
    INFO(since.out + since.err);
    CHECK(since.status == 2);
    CHECK(has(since.err, "--since"));
    CHECK(has(since.err, "--as-of"));
    // Without --pack: no pack has 2023 → refused too (exit 2), with the years each pack has.
    const Ran any = o.award({"stats", "--year", "2023", "--out", o.out.string()});
    INFO(any.out + any.err);
    CHECK(any.status == 2);
    CHECK(has(any.err, "weidu：2024、2025"));
    // A report of 2025 counted as of a day before 2025.
    const Ran early = o.award({"stats", "--year", "2025", "--as-of", "2024-12-31", "--out", o.out.string()});
    INFO(early.out + early.err);
    CHECK(early.status == 2);
    CHECK(has(early.err, "2025-01-01"));
    CHECK(!fs::exists(o.out));
}

TEST_CASE("award stats on a registry with one 鹿城区 cycle: no first-time/returning split, no prize money sentence", "[e2e][stats]") {
    const CaseRun& lucheng = sample_run("lucheng-2026");
    REQUIRE(lucheng.ran.status == 0);
    TempDir tmp;
    const Ran r = run_award({"stats", "--year", "2026", "--pack", "lucheng", "--as-of", "2026-12-31", "--out", tmp.path().string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const std::string text = squeeze(pdf_text(tmp.path() / "lucheng-2026年度统计报告" / "年度统计报告.pdf"));
    INFO(text);
    CHECK(has(text, "本报告依据获奖登记库中2026年共1届评选的记录编制"));
    // No earlier cycle: every applicant would look first-time, so the report does not split them.
    CHECK(!has(text, "首次申报"s + "21"));
    CHECK(!has(text, "均为首次申报"));
    CHECK(has(text, "（登记库中没有往届评选记录，无法区分首次申报与再次申报，未绘制图表）"));
    // 鹿城区 grants no money: no "发放奖金0元".
    CHECK(!has(text, "发放奖金"));
    // Two articles cited 4 times each: both named.
    CHECK(has(text, "引用最多的条款是第十一条（一）、第十一条（五）（各4人次）。"));
    const auto sheet = xlsx_rows(tmp.path() / "lucheng-2026年度统计报告" / "年度统计报告.xlsx", "申报结构");
    INFO(joined(sheet));
    CHECK(has_row_with(sheet, {"登记库中没有往届评选记录"}));
}
