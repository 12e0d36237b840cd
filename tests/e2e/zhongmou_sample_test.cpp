// End-to-end: the 中牟县 sample (samples/zhongmou-2026) through the real binary, checked
// as a clerk of the 秘书处 would: the 受理名单通知 (no publicity: the regulation has none),
// the article in every 不予受理通知书, the 现场评审名单 and the feedback letter, the
// 候选名单公示 and its 5 working days, the winners and the money read back with openpyxl,
// the certificate numbers, and `award explain` quoting the articles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "support.hpp"

using namespace e2e;

namespace {

const std::string kCase = "zhongmou-2026";

const std::vector<std::string> kAccepted = {
    "郑州宏润汽车零部件有限公司", "郑州睿牟智能传感科技有限公司", "郑州牟丰食品有限公司", "郑州雁鸣湖生态农业发展有限公司",
    "河南牟康医疗器械有限公司",   "郑州鸿宇新型建材有限公司",     "郑州广惠包装材料有限公司", "郑州牟源物流有限公司"};

// Who is not accepted and the articles their letter gives, in order.
const std::map<std::string, std::vector<std::string>> kRejected = {
    {"郑州航海精密机械有限公司", {"第十三条（一）"}},
    {"郑州牟翔新材料科技有限公司", {"第十三条（一）"}},
    {"郑州木之源家居有限公司", {"第十三条（二）"}},
    {"郑州牟商电子商务有限公司", {"第十三条（五）"}},
    {"郑州金汇化工有限公司", {"第十四条（一）", "第十四条（二）"}},
    {"郑州豫牟钢构工程有限公司", {"第十四条（三）"}},
    {"郑州牟香调味品有限公司", {"第十四条（四）"}},
    {"郑州万滩机械制造有限公司", {"第十四条（五）"}},
    {"郑州中鼎商贸有限公司", {"第十四条（六）"}},
    {"郑州恒信电缆有限公司", {"第十四条（七）", "第二十五条"}},
    {"郑州牟城建设工程有限公司", {"第十四条（八）"}},
    {"郑州金牟再生资源有限公司", {"第十四条（九）"}},
    {"郑州中牟宏达印务有限公司", {"第二十八条"}},
};

}  // namespace

TEST_CASE("ZM sample: award check is clean and counts 21 applicants, 8 accepted, 13 not") {
    Ran r = run_award({"check", case_dir(kCase).string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "申报 21 家，受理 8 家，不予受理 13 家"));
    CHECK(has(r.out, "受理名单：以通知公布，不设公示期"));
}

TEST_CASE("ZM-第十七条(四) sample: the 受理名单 is a notice without a publicity period") {
    const auto& r = sample_run(kCase);
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    CHECK_FALSE(fs::exists(r.folder / "受理名单公示.pdf"));
    const std::string notice = squeeze(pdf_text(r.folder / "受理名单通知.pdf"));
    CHECK(has(notice, "关于2026年度中牟县县长质量奖受理名单的通知"));
    CHECK(has(notice, "牟质奖秘〔2026〕2号"));
    CHECK(has(notice, "8家申报组织符合申报条件，予以受理"));
    CHECK_FALSE(has(notice, "公示期"));
    for (const auto& name : kAccepted) CHECK(has(notice, name));
    for (const auto& [name, articles] : kRejected) CHECK_FALSE(has(notice, name));
}

TEST_CASE("ZM-第十三条 ZM-第十四条 ZM-第二十五条 ZM-第二十八条 sample: each letter gives its articles, nobody else gets one") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    std::vector<fs::path> expected;
    for (const auto& [name, articles] : kRejected) expected.push_back(name + ".pdf");
    std::sort(expected.begin(), expected.end());
    CHECK(files_under(r.folder / "不予受理通知书") == expected);
    for (const auto& [name, articles] : kRejected) {
        INFO(name);
        const std::string letter = squeeze(pdf_text(r.folder / "不予受理通知书" / (name + ".pdf")));
        CHECK(has(letter, name + "："));
        CHECK(has(letter, "依据《中牟县县长质量奖管理办法》第十七条（四）进行资格审查"));
        for (std::size_t k = 0; k < articles.size(); ++k) {
            CHECK(has(letter, "《中牟县县长质量奖管理办法》" + articles[k]));
            CHECK(has(letter, std::to_string(k + 1) + ".贵单位"));
        }
        CHECK_FALSE(has(letter, std::to_string(articles.size() + 1) + ".贵单位"));
    }
    // The facts as a clerk checks them against the case.
    auto letter = [&](const std::string& name) {
        return squeeze(pdf_text(r.folder / "不予受理通知书" / (name + ".pdf")));
    };
    CHECK(has(letter("郑州航海精密机械有限公司"), "贵单位注册地为管城回族区，不在中牟县行政区域内"));
    CHECK(has(letter("郑州牟翔新材料科技有限公司"), "贵单位成立于2023年9月1日，截至申报截止日2026年6月30日运营不满3年"));
    CHECK(has(letter("郑州万滩机械制造有限公司"), "贵单位2024年度利润总额-35.20万元"));
    CHECK(has(letter("郑州牟城建设工程有限公司"), "贵单位于2025年1月20日被查实有拖欠农民工工资行为"));
    CHECK(has(letter("郑州恒信电缆有限公司"), "已于2024年4月18日被撤销，至申报截止日2026年6月30日未满3年（2027年4月18日起方可再次申报）"));
    CHECK(has(letter("郑州中牟宏达印务有限公司"), "尚在3年有效期内（2027年1月15日起方可再次申请）"));
}

TEST_CASE("ZM-第十七条(六) sample: 7 of 8 enter 现场评审, the last gets a 评审反馈意见书") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const std::string list = squeeze(pdf_text(r.folder / "现场评审名单.pdf"));
    CHECK(has(list, "牟质奖秘〔2026〕4号"));
    // 第十七条（六） does not say who decides entry: the notice names no one.
    CHECK(has(list, "经材料评审，确定7家进入现场评审（第十七条（六））"));
    CHECK(has(list, "评审组对列入受理名单的"));
    CHECK_FALSE(has(list, "专家评审组"));
    for (const auto& name : kAccepted)
        if (name != "郑州牟源物流有限公司") CHECK(has(list, name));
    CHECK_FALSE(has(list, "郑州牟源物流有限公司"));
    CHECK(files_under(r.folder / "评审反馈意见书") == std::vector<fs::path>{"郑州牟源物流有限公司.pdf"});
    const std::string letter = squeeze(pdf_text(r.folder / "评审反馈意见书" / "郑州牟源物流有限公司.pdf"));
    CHECK(has(letter, "参加了材料评审（第十七条（五））"));
    CHECK(has(letter, "贵单位未进入现场评审"));
    CHECK(has(letter, "财务结果只有三年自身数据，缺少同行业对比"));
    CHECK(has(letter, "建立了客户投诉48小时闭环处理机制"));
}

TEST_CASE("ZM-第十七条(八) sample: the candidates publicised 5 working days across 国庆, re-winner marked") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    // 中牟县 publicises a 候选名单 (第十七条（八）), proposed by the 评委会's 综合评审会议 (（七）).
    const std::string notice = squeeze(pdf_text(r.folder / "候选名单公示.pdf"));
    CHECK(has(notice, "关于2026年度中牟县县长质量奖候选名单的公示"));
    CHECK(has(notice, "经评委会综合评审会议审议表决（第十七条（七）），确定了2026年度中牟县县长质量奖候选名单，共6家。"));
    CHECK(has(notice, "牟质奖秘〔2026〕6号"));
    CHECK(has(notice, "2026年9月29日至2026年10月10日（5个工作日）"));
    CHECK(has(notice, "《中牟县县长质量奖管理办法》第十七条（八）规定"));
    CHECK(has(notice, "县长质量奖（6家）"));
    // As publicised: the five first-time candidates, 河南牟康 among them, and the re-winner.
    for (const char* name : {"郑州宏润汽车零部件有限公司", "郑州睿牟智能传感科技有限公司", "郑州牟丰食品有限公司",
                             "郑州雁鸣湖生态农业发展有限公司", "河南牟康医疗器械有限公司"})
        CHECK(has(notice, name));
    CHECK(has(notice, "郑州鸿宇新型建材有限公司（再次获奖）"));
    CHECK(has(notice, "第二十八条规定，不授予奖金，不占当年授奖名额"));
    CHECK_FALSE(has(notice, "郑州广惠包装材料有限公司"));
    CHECK_FALSE(has(notice, "分（"));  // no scores in a public notice
}

TEST_CASE("ZM-第四条 sample: 4 first-time winners at 30万元, the re-winner without money, the objection's place not refilled") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const auto winners = xlsx_rows(r.folder / "获奖名单.xlsx");
    INFO(joined(winners));
    for (const char* name : {"郑州宏润汽车零部件有限公司", "郑州睿牟智能传感科技有限公司", "郑州牟丰食品有限公司",
                             "郑州雁鸣湖生态农业发展有限公司"})
        CHECK(has_row_with(winners, {"县长质量奖", name}));
    CHECK(has_row_with(winners, {"郑州鸿宇新型建材有限公司", "|是|", "第二十八条"}));
    CHECK_FALSE(has_row_with(winners, {"|河南牟康医疗器械有限公司|"}));  // objection upheld: only in the note
    CHECK_FALSE(has_row_with(winners, {"|郑州广惠包装材料有限公司|"}));  // 6th first-time: 不进行递补
    CHECK(has_row_with(winners, {"空缺 1 名", "河南牟康医疗器械有限公司", "不进行递补（第十七条（八））"}));

    const auto money = xlsx_rows(r.folder / "奖金发放表.xlsx");
    INFO(joined(money));
    CHECK(has_row_with(money, {"郑州宏润汽车零部件有限公司", "|300000|", "人民币叁拾万元整", "第四条"}));
    CHECK(has_row_with(money, {"郑州鸿宇新型建材有限公司", "|0|", "第二十八条"}));
    CHECK(has_row_with(money, {"合计", "|1200000|", "人民币壹佰贰拾万元整"}));
    CHECK_FALSE(has_row_with(money, {"河南牟康医疗器械有限公司"}));
}

TEST_CASE("ZM-第三十条 sample: certificates ZM2026Z001–Z005 from 中牟县人民政府, none for the struck-out candidate") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const std::vector<std::pair<std::string, std::string>> numbered = {
        {"ZM2026Z001", "郑州宏润汽车零部件有限公司"}, {"ZM2026Z002", "郑州睿牟智能传感科技有限公司"},
        {"ZM2026Z003", "郑州牟丰食品有限公司"},       {"ZM2026Z004", "郑州雁鸣湖生态农业发展有限公司"},
        {"ZM2026Z005", "郑州鸿宇新型建材有限公司"}};
    for (const auto& [number, name] : numbered) {
        INFO(name);
        const fs::path pdf = r.folder / "证书" / (name + ".pdf");
        REQUIRE(fs::exists(pdf));
        const std::string text = squeeze(pdf_text(pdf));
        CHECK(has(text, "证书编号：" + number));
        CHECK(has(text, "中牟县人民政府"));
        CHECK(has(text, "2026年度中牟县县长质量奖"));
    }
    CHECK(files_under(r.folder / "证书").size() == 5);
    CHECK_FALSE(fs::exists(r.folder / "证书" / "河南牟康医疗器械有限公司.pdf"));
}

TEST_CASE("ZM sample: award explain quotes the article for a rejected and for a winning applicant") {
    Ran rejected = explain(kCase, "郑州万滩机械制造有限公司");
    INFO(rejected.out + rejected.err);
    REQUIRE(rejected.status == 0);
    CHECK(has(rejected.out, "【未通过】第十四条（五）（zm-14-loss）"));
    CHECK(has(rejected.out, "2024 -35.20万元（亏损）"));
    CHECK(has(rejected.out, "结论：不予受理，未满足第十四条（五）"));
    CHECK(has(rejected.out, "依据第十七条（四）"));

    Ran winner = explain(kCase, "郑州鸿宇新型建材有限公司");
    INFO(winner.out + winner.err);
    REQUIRE(winner.status == 0);
    // Won 2023-06-30: the 3-year validity ends the day before the deadline.
    CHECK(has(winner.out, "【通过】第二十八条（zm-28-cooldown）"));
    CHECK(has(winner.out, "2023-06-30 获得该奖项，可再次申报之日 2026-06-30 ≤ 2026-06-30；满足"));
    CHECK(has(winner.out, "不授予奖金，不占当年名额（第二十八条）"));
    CHECK(has(winner.out, "→ 获县长质量奖（再次获奖，不占名额）"));

    Ran boundary = explain(kCase, "郑州牟丰食品有限公司");
    REQUIRE(boundary.status == 0);
    CHECK(has(boundary.out, "不计：2023-06-30 安全事故 一般（在窗口之前）"));  // 第十四条（三）, 3 years to the day
}

TEST_CASE("ZM-第十一条 sample: a 评审组 of 2 experts is refused, citing 第十一条") {
    TempDir tmp;
    const fs::path dir = copy_sample_with(tmp.path(), kCase, "reviewers.json",
                                          [](auto& r) { r["groups"][0]["members"] = {"E01", "E02"}; });
    Ran r = run_award({"check", dir.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err + r.out, "至少 3 位评委的数组（材料评审每个评审组不少于 3 人（第十一条））"));
}

TEST_CASE("ZM sample: a publicity_start for the 受理名单 is refused, the regulation has no such publicity") {
    TempDir tmp;
    const fs::path dir = copy_sample_with(tmp.path(), kCase, "case.json",
                                          [](auto& c) { c["acceptance"]["publicity_start"] = "2026-07-13"; });
    Ran r = run_award({"check", dir.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err + r.out, "字段 publicity_start"));
    CHECK(has(r.err + r.out, "没有受理名单公示，受理名单以通知公布，不设公示期"));
}
