// End-to-end: the 本溪市 sample (samples/benxi-2026) through the real binary, checked as
// a clerk of the 领导小组办公室 would: the 受理名单公示 and its 5 working days (第十六条), the
// article in every 不予受理通知书, the 现场评审名单 and the feedback letter, the 拟奖名单公示
// across 国庆 (第二十一条), the winners and the money read back with openpyxl (the 10万元
// 差额 of 第二十五条, nothing for the re-winner of 第十二条), the certificate numbers, and
// `award explain` quoting the articles (the 提名奖 holder passed over, 第十二条).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

using namespace e2e;

namespace {

const std::string kCase = "benxi-2026";

const std::vector<std::string> kAccepted = {
    "本溪龙泰制药股份有限公司",   "本溪钢联特殊钢制品有限公司", "桓仁浑江冰葡萄酒业有限公司", "本溪华晟矿山机械有限公司",
    "本溪山城建设工程有限公司",   "本溪辽东中药饮片有限公司",   "本溪鑫达耐火材料有限公司",   "本溪宏达燃气有限公司",
    "本溪铁联物流有限公司",       "本溪太子河环保科技有限公司", "本溪云创智能科技有限公司"};

// Each rejected applicant, with the article and a phrase its letter must carry.
const std::vector<std::pair<std::string, std::vector<std::string>>> kRejected = {
    {"沈阳盛京智能装备有限公司", {"第十一条（二）", "注册地为沈阳市浑南区，不在本溪市行政区域内"}},
    {"本溪润禾农业科技有限公司", {"第十一条（二）", "成立于2023年7月1日", "运营不满3年"}},
    {"本溪兴盛铸造有限公司", {"第十一条（一）", "未声明遵守国家法律法规和有关政策"}},
    {"本溪宏远包装制品有限公司", {"第十一条（三）", "未声明通过质量管理体系认证并有效运行"}},
    {"本溪鼎盛建材有限公司", {"第十五条", "未填写推荐单位"}},
    {"本溪森林山野菜食品有限公司", {"第十五条", "本溪满族自治县草河口镇人民政府（乡镇人民政府）"}},
    {"本溪鑫源混凝土有限公司", {"第十一条（六）", "于2025年9月16日发生重大质量事故"}},
    {"本溪广源商贸有限公司", {"第十一条（六）", "于2024年5月20日被列入经营异常名录"}},
    {"本溪康源乳业有限公司", {"第十一条（六）", "于2025年6月12日受到行政处罚", "于2025年4月8日在监督抽查中被判定不合格"}},
    {"本溪东方电力设备有限公司", {"第十二条", "已于2022年11月25日获得市长质量奖", "2027年11月25日起方可再次申报"}},
    {"本溪华美装饰工程有限公司", {"第三十条", "于2022年9月5日被认定申报时隐瞒有关情况或者提供虚假材料"}},
    {"本溪博瑞医疗器械有限公司", {"第三十一条", "已于2019年8月16日因以不正当手段获奖被撤销", "未满10年"}},
    {"本溪天力热电有限公司", {"第三十二条", "已于2025年4月22日被撤销，本届为撤销后的下一届评审"}},
};

}  // namespace

TEST_CASE("BX sample: 11 accepted, the 受理名单 publicised 2026-07-13 to 07-17 (5 working days, 第十六条)") {
    const auto& r = sample_run(kCase);
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    CHECK(has(r.ran.out, "申报 24 家，受理 11 家，不予受理 13 家"));
    const std::string notice = squeeze(pdf_text(r.folder / "受理名单公示.pdf"));
    CHECK(has(notice, "本质强办〔2026〕6号"));
    // 第十六条 calls it 受理审查 and does not mention consulting departments (魏都区第十四条 does).
    CHECK(has(notice, "进行了受理审查。经受理审查，11家申报组织列入受理名单，现予以公示。"));
    CHECK_FALSE(has(notice, "征求相关部门意见"));
    CHECK(has(notice, "第十六条"));
    CHECK(has(notice, "公示期为2026年7月13日至2026年7月17日（5个工作日）"));
    for (const auto& name : kAccepted) CHECK(has(notice, name));
    for (const auto& [name, parts] : kRejected) CHECK_FALSE(has(notice, name));
}

TEST_CASE("BX sample: every rejected applicant gets one letter citing 第十六条 and the article it fails") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const auto letters = files_under(r.folder / "不予受理通知书");
    CHECK(letters.size() == kRejected.size());
    for (const auto& [name, parts] : kRejected) {
        INFO(name);
        const fs::path pdf = r.folder / "不予受理通知书" / (name + ".pdf");
        REQUIRE(fs::exists(pdf));
        const std::string letter = squeeze(pdf_text(pdf));
        CHECK(has(letter, "第十六条进行受理审查"));
        for (const auto& p : parts) CHECK(has(letter, p));
        CHECK(has(letter, "《本溪市市长质量奖管理办法》" + parts.front()));
    }
    // 康源乳业 fails two items of 第十一条（六）: two numbered reasons.
    const std::string kangyuan = squeeze(pdf_text(r.folder / "不予受理通知书" / "本溪康源乳业有限公司.pdf"));
    CHECK(has(kangyuan, "1.贵单位于2025年6月12日受到行政处罚"));
    CHECK(has(kangyuan, "2.贵单位于2025年4月8日在监督抽查中被判定不合格"));
    for (const auto& name : kAccepted) CHECK_FALSE(fs::exists(r.folder / "不予受理通知书" / (name + ".pdf")));
}

TEST_CASE("BX sample: 10 enter 现场评审 (第十八条) — 云创 does not and gets the 评审反馈意见书 with the reviewers' words") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const std::string list = squeeze(pdf_text(r.folder / "现场评审名单.pdf"));
    CHECK(has(list, "本质强办〔2026〕9号"));
    CHECK(has(list, "第十八条"));
    CHECK(has(list, "10家进入现场评审"));
    for (const auto& name : kAccepted) {
        INFO(name);
        CHECK(has(list, name) == (name != "本溪云创智能科技有限公司"));
    }
    CHECK(files_under(r.folder / "评审反馈意见书") == std::vector<fs::path>{"本溪云创智能科技有限公司.pdf"});
    const std::string letter = squeeze(pdf_text(r.folder / "评审反馈意见书" / "本溪云创智能科技有限公司.pdf"));
    CHECK(has(letter, "参加了资料评审（第十八条）"));
    CHECK(has(letter, "拥有工业视觉检测算法等软件著作权12项"));
    CHECK(has(letter, "战略目标缺少可测量的分解指标和实施计划"));
    // No reviewer is named in a public document.
    for (const auto& rv : read_json(case_dir(kCase) / "reviewers.json")["reviewers"]) {
        const std::string reviewer = rv["name"].get<std::string>();
        CHECK_FALSE(has(letter, reviewer));
        CHECK_FALSE(has(list, reviewer));
    }
}

TEST_CASE("BX sample: totals are 资料 30% + 现场 70% (第二十条) — the 拟奖名单 is publicised 9-30 to 10-12 past 国庆 (第二十一条)") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    CHECK(has(r.ran.out, "1. 本溪龙泰制药股份有限公司  851.7 分"));
    CHECK(has(r.ran.out, "2. 本溪钢联特殊钢制品有限公司  840.9 分"));
    CHECK(has(r.ran.out, "5. 本溪山城建设工程有限公司  797.4 分"));
    // The run summary says why the 5th is not among the 提名奖 (第十二条).
    CHECK(has(r.ran.out, "不授予市长质量奖提名奖：本溪山城建设工程有限公司，已获市长质量奖提名奖，不再重复授予市长质量奖提名奖（第十二条）"));
    CHECK(has(r.ran.out, "10. 本溪太子河环保科技有限公司  732.7 分"));
    // The internal ranking says the same in the row's 备注.
    const auto ranking = xlsx_rows(r.folder / "评分汇总（内部）.xlsx", "最终排名");
    INFO(joined(ranking));
    CHECK(has_row_with(ranking, {"5|本溪山城建设工程有限公司|", "|797.4|",
                                 "未授予市长质量奖提名奖：已获市长质量奖提名奖，不再重复授予市长质量奖提名奖（第十二条）"}));
    // 本溪市 calls it 拟获奖组织名单 (第二十一条), formed by the 评审组's 综合评价 and the
    // 市领导小组's 审议 (第二十条), not by a 评委会 the regulation does not have.
    CHECK_FALSE(fs::exists(r.folder / "拟奖名单公示.pdf"));
    const std::string notice = squeeze(pdf_text(r.folder / "拟获奖组织名单公示.pdf"));
    CHECK(has(notice, "关于2026年度本溪市市长质量奖拟获奖组织名单的公示"));
    CHECK(has(notice, "经评审组综合评价、市领导小组审议（第二十条），确定了2026年度本溪市市长质量奖拟获奖组织名单，共8家。"));
    CHECK_FALSE(has(notice, "评委会"));
    CHECK(has(notice, "本质强办〔2026〕12号"));
    CHECK(has(notice, "第二十一条"));
    CHECK(has(notice, "公示期为2026年9月30日至2026年10月12日（5个工作日）"));
    CHECK(has(notice, "共8家"));
    CHECK(has(notice, "本溪钢联特殊钢制品有限公司（再次获奖）"));
    // Ranked 5th but holding 提名奖 (第十二条), and ranked 10th after the five 提名奖 places.
    CHECK_FALSE(has(notice, "本溪山城建设工程有限公司"));
    CHECK_FALSE(has(notice, "本溪太子河环保科技有限公司"));
}

TEST_CASE("BX sample: 2 first-time 市长质量奖 (one paid the 10万元 差额, 第二十五条), the re-winner unpaid (第十二条), five 提名奖") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const auto winners = xlsx_rows(r.folder / "获奖名单.xlsx");
    INFO(joined(winners));
    CHECK(has_row_with(winners, {"市长质量奖|本溪龙泰制药股份有限公司|91210503119403528N|851.7"}));
    CHECK(has_row_with(winners, {"市长质量奖|桓仁浑江冰葡萄酒业有限公司", "第二十五条"}));
    CHECK(has_row_with(winners, {"市长质量奖|本溪钢联特殊钢制品有限公司", "|是|", "第十二条"}));
    for (const char* name : {"本溪华晟矿山机械有限公司", "本溪辽东中药饮片有限公司", "本溪鑫达耐火材料有限公司",
                             "本溪宏达燃气有限公司", "本溪铁联物流有限公司"})
        CHECK(has_row_with(winners, {std::string("市长质量奖提名奖|") + name}));
    CHECK_FALSE(has_row_with(winners, {"本溪山城建设工程有限公司"}));
    CHECK(winners.size() == 9);  // header + 8

    const auto money = xlsx_rows(r.folder / "奖金发放表.xlsx");
    INFO(joined(money));
    CHECK(has_row_with(money, {"本溪龙泰制药股份有限公司", "市长质量奖", "|200000|", "人民币贰拾万元整", "第二十五条"}));
    CHECK(has_row_with(money, {"桓仁浑江冰葡萄酒业有限公司", "市长质量奖", "|100000|", "人民币壹拾万元整", "第二十五条",
                               "已获市长质量奖提名奖，奖金为差额 100000 元（第二十五条）"}));
    CHECK(has_row_with(money, {"本溪钢联特殊钢制品有限公司", "|0|", "第十二条"}));
    CHECK(has_row_with(money, {"本溪铁联物流有限公司", "市长质量奖提名奖", "|100000|"}));
    // 第二十五条第三款: the 2024 winner's 2025 省长质量奖, from the registry's history (make run imports it).
    CHECK(has_row_with(money, {"本溪北方机械重汽有限责任公司|9121050212093811A9|辽宁省省长质量奖追加激励资金|100000|",
                               "人民币壹拾万元整|第二十五条第三款|2024年度市长质量奖获得者，2025年9月26日获辽宁省省长质量奖"}));
    // 200000 + 100000 + 0 + 5 × 100000, and the 100000 top-up.
    CHECK(has_row_with(money, {"合计", "|900000|", "人民币玖拾万元整", "获奖 8 家；追加激励资金 1 家"}));
}

TEST_CASE("BX sample: certificates numbered BX2026Z001… and BX2026T001… by the 本溪市人民政府 (第二十四条)") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"BX2026Z001", "本溪龙泰制药股份有限公司"},   {"BX2026Z002", "桓仁浑江冰葡萄酒业有限公司"},
        {"BX2026Z003", "本溪钢联特殊钢制品有限公司"}, {"BX2026T001", "本溪华晟矿山机械有限公司"},
        {"BX2026T002", "本溪辽东中药饮片有限公司"},   {"BX2026T003", "本溪鑫达耐火材料有限公司"},
        {"BX2026T004", "本溪宏达燃气有限公司"},       {"BX2026T005", "本溪铁联物流有限公司"}};
    CHECK(files_under(r.folder / "证书").size() == expected.size());
    for (const auto& [number, name] : expected) {
        INFO(number + " " + name);
        CHECK(has(r.ran.out, number + "  " + name));
        const std::string cert = squeeze(pdf_text(r.folder / "证书" / (name + ".pdf")));
        CHECK(has(cert, number));
        CHECK(has(cert, name));
        CHECK(has(cert, "本溪市人民政府"));
    }
    CHECK(has(r.ran.out, "BX2026Z003  本溪钢联特殊钢制品有限公司（市长质量奖，再次获奖，不占名额）"));
    CHECK(has(squeeze(pdf_text(r.folder / "证书" / "本溪华晟矿山机械有限公司.pdf")), "2026年度本溪市市长质量奖提名奖"));
}

TEST_CASE("BX sample: explain quotes 第三十二条 for 天力热电 and 第二十五条 for the nominee who won 市长质量奖") {
    Ran rejected = explain(kCase, "本溪天力热电有限公司");
    INFO(rejected.out + rejected.err);
    REQUIRE(rejected.status == 0);
    CHECK(has(rejected.out, "【未通过】第三十二条（bx-32-next-cycle-ban）"));
    CHECK(has(rejected.out, "2025-04-22 撤销 市长质量奖（事故），可再次申报之日 2027-04-22 > 2026-06-30"));
    // The same revocation does not count under 第三十一条 (an accident, not fraud).
    CHECK(has(rejected.out, "【通过】第三十一条（bx-31-fraud-ban）"));
    CHECK(has(rejected.out, "原因“事故”不计"));
    CHECK(has(rejected.out, "结论：不予受理，未满足第三十二条"));

    Ran winner = explain(kCase, "桓仁浑江冰葡萄酒业有限公司");
    INFO(winner.out + winner.err);
    REQUIRE(winner.status == 0);
    CHECK(has(winner.out, "资料评审 30% × 815.0 + 现场评审 70% × 831.5 = 826.55"));
    CHECK(has(winner.out, "已获市长质量奖提名奖，奖金为差额 100000 元（第二十五条）"));
    CHECK(has(winner.out, "→ 获市长质量奖。"));
    CHECK(has(winner.out, "奖金：100,000 元（人民币壹拾万元整）（第二十五条）"));
    CHECK(has(winner.out, "拟获奖组织名单公示：2026年9月30日至2026年10月12日（5个工作日，第二十一条）"));
}

TEST_CASE("BX sample: explain shows the 2024 提名奖 holder ranked 5th passed over for 提名奖 (第十二条)") {
    Ran r = explain(kCase, "本溪山城建设工程有限公司");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "综合排名：第 5 位（共 10 家）"));
    CHECK(has(r.out, "不授予：已获市长质量奖提名奖，不再重复授予市长质量奖提名奖（第十二条）"));
    CHECK(has(r.out, "→ 未获奖。"));
    // And the 2020 winner re-applying: outside the quota, no money.
    Ran again = explain(kCase, "本溪钢联特殊钢制品有限公司");
    REQUIRE(again.status == 0);
    CHECK(has(again.out, "【通过】第十二条（bx-12-cooldown）"));
    CHECK(has(again.out, "2020-11-27 获得该奖项（登记库 benxi 2020年度），可再次申报之日 2025-11-27 ≤ 2026-06-30"));
    CHECK(has(again.out, "→ 获市长质量奖（再次获奖，不占名额）。"));
    CHECK(has(again.out, "再次获奖，不授予奖金（第十二条）"));
    // E03 declared an interest in it: recused at 资料评审 (第三十三条).
    CHECK(has(again.out, "E03 刘长海：回避，不评分、不计入（第三十三条"));
}
