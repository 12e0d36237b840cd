// End-to-end: the 鹿城区 sample (samples/lucheng-2026) through the real binary, checked as
// a clerk of the 区评审办 would: the 受理名单通知 (no publicity: the regulation has none), the
// article in every 不予受理通知书, the 现场评审名单 and the 评审反馈意见书 (第十四条（二）), the
// 初选公示 and its 7 days, the winners read back with openpyxl (two awards ranked apart, the
// tie decided by secret ballot, the objection's place not refilled, a former winner inside
// the quota), no prize money (第十五条), the certificates with the awards' full names, and
// `award explain` quoting the articles. Also: a case dated before 2023-09-01 (第二十一条).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "support.hpp"

using namespace e2e;

namespace {

const std::string kCase = "lucheng-2026";
const std::string kRegulation = "《鹿城区政府质量奖评审管理办法》";

const std::vector<std::string> kAccepted = {
    "浙江鹿瓯鞋业股份有限公司", "浙江江城建设集团有限公司", "温州明眸光学眼镜有限公司", "温州瓯信包装印刷有限公司",
    "温州鹿城康和护理院",       "温州鹿港供应链管理有限公司", "温州瓯越服饰有限公司",   "温州鹿城数智科技有限公司",
    "温州藤桥食品有限公司",     "温州焰辉烟具有限公司"};

// Who is not accepted, the articles their letter gives (in order) and a fact it states.
struct Refusal {
    std::vector<std::string> articles;
    std::string fact;
};
const std::map<std::string, Refusal> kRejected = {
    {"温州瓯南阀门有限公司", {{"第十一条（一）", "第十一条（一）"}, "贵单位注册地为瓯海区，不在鹿城区行政区域内"}},
    {"温州市城发物业服务有限公司", {{"第十一条（一）"}, "贵单位税收归属地为温州市本级"}},
    {"浙江宏瓯建设工程有限公司鹿城分公司", {{"第十一条（一）"}, "贵单位法人类型为非法人分支机构"}},
    {"温州睿视光学科技有限公司", {{"第十一条（一）"}, "贵单位成立于2023年7月1日，截至申报截止日2026年6月30日经营不满3年"}},
    {"温州双屿皮革制品有限公司", {{"第十一条（二）"}, "未声明生产经营符合有关法律法规、强制性标准和产业政策要求"}},
    {"温州五马老街餐饮管理有限公司", {{"第十一条（三）"}, "未声明通过质量管理体系认证并有效运行"}},
    {"温州鹿达电器有限公司", {{"第十一条（五）"}, "一批次电热水壶泄漏电流（安全指标）不合格"}},
    {"温州瓯城表面处理有限公司", {{"第十一条（五）"}, "于2024年8月19日发生较大环境污染事故"}},
    {"温州江心物业服务有限公司", {{"第十一条（五）"}, "于2025年9月15日发生重大投诉"}},
    {"温州鹿城雅派服饰有限公司", {{"第十一条（五）"}, "于2024年11月8日发生重大违法违规行为"}},
    {"温州鹿城华通机电有限公司",
     {{"第十七条"}, "已于2023年5月16日因弄虚作假被撤销，至申报截止日2026年6月30日未满5年（2028年5月16日起方可再次申报）"}},
};

}  // namespace

TEST_CASE("LC sample: award check is clean and counts 21 applicants, 10 accepted, 11 not") {
    Ran r = run_award({"check", case_dir(kCase).string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "申报 21 家，受理 10 家，不予受理 11 家"));
    CHECK(has(r.out, "受理名单：以通知公布，不设公示期"));
}

TEST_CASE("LC-第十四条(一) sample: the 受理名单 is a notice without a publicity period") {
    const auto& r = sample_run(kCase);
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    CHECK_FALSE(fs::exists(r.folder / "受理名单公示.pdf"));
    const std::string notice = squeeze(pdf_text(r.folder / "受理名单通知.pdf"));
    CHECK(has(notice, "关于2026年度鹿城区政府质量奖受理名单的通知"));
    CHECK(has(notice, "鹿质评办〔2026〕5号"));
    CHECK(has(notice, "10家申报组织符合申报条件，予以受理"));
    CHECK_FALSE(has(notice, "公示期"));
    for (const auto& name : kAccepted) CHECK(has(notice, name));
    for (const auto& [name, refusal] : kRejected) CHECK_FALSE(has(notice, name));
}

TEST_CASE("LC-第十四条 sample: a publicity_start for the 受理名单 is refused, the regulation has no such publicity") {
    TempDir tmp;
    const fs::path dir = copy_sample_with(tmp.path(), kCase, "case.json",
                                          [](auto& c) { c["acceptance"]["publicity_start"] = "2026-07-13"; });
    const fs::path out = tmp.path() / "out";
    Ran r = run_award({"run", dir.string(), "--out", out.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "case.json: /acceptance: 字段 publicity_start"));
    CHECK(has(r.err, "政策包 lucheng（《鹿城区政府质量奖评审管理办法》）没有受理名单公示"));
    CHECK(files_under(out).empty());
}

TEST_CASE("LC-第十一条 LC-第十七条 LC-第十四条(二) sample: each letter gives its articles and facts, nobody else gets one") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    std::vector<fs::path> expected;
    for (const auto& [name, refusal] : kRejected) expected.push_back(name + ".pdf");
    std::sort(expected.begin(), expected.end());
    CHECK(files_under(r.folder / "不予受理通知书") == expected);
    for (const auto& [name, refusal] : kRejected) {
        INFO(name);
        const std::string letter = squeeze(pdf_text(r.folder / "不予受理通知书" / (name + ".pdf")));
        CHECK(has(letter, name + "："));
        for (std::size_t k = 0; k < refusal.articles.size(); ++k) {
            CHECK(has(letter, std::to_string(k + 1) + ".贵单位"));
            CHECK(has(letter, kRegulation + refusal.articles[k] + "关于"));
        }
        CHECK_FALSE(has(letter, std::to_string(refusal.articles.size() + 1) + ".贵单位"));
        CHECK(has(letter, refusal.fact));
        // 第十四条（二）: the office tells those failing 资格审查 why, in writing.
        CHECK(has(letter, "根据" + kRegulation + "第十四条（二）规定，现将不予受理的理由书面告知贵单位"));
    }
    // The two awards are applied for separately: the letter names the one applied for.
    CHECK(has(squeeze(pdf_text(r.folder / "不予受理通知书" / "温州睿视光学科技有限公司.pdf")),
              "申报2026年度鹿城区政府质量奖（质量管理创新奖）"));
}

TEST_CASE("LC-第十四条(二) sample: 9 of 10 reach 600 points and enter 现场评审, the 10th gets a 评审反馈意见书") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const std::string list = squeeze(pdf_text(r.folder / "现场评审名单.pdf"));
    CHECK(has(list, "鹿质评办〔2026〕8号"));
    CHECK(has(list, "资料评审得分达到600.0分的组织进入现场评审（第十四条（二））"));
    CHECK(has(list, "进入现场评审的9家申报组织"));
    for (const auto& name : kAccepted)
        if (name != "温州焰辉烟具有限公司") CHECK(has(list, name));
    CHECK_FALSE(has(list, "温州焰辉烟具有限公司"));
    CHECK(files_under(r.folder / "评审反馈意见书") == std::vector<fs::path>{"温州焰辉烟具有限公司.pdf"});
    const std::string letter = squeeze(pdf_text(r.folder / "评审反馈意见书" / "温州焰辉烟具有限公司.pdf"));
    CHECK(has(letter, "2026年度鹿城区政府质量奖评审反馈意见书"));
    CHECK(has(letter, "申报2026年度鹿城区政府质量奖（质量管理创新奖）"));
    CHECK(has(letter, "参加了资料评审（第十四条（二））"));
    CHECK(has(letter, "贵单位未进入现场评审"));
    CHECK(has(letter, kRegulation + "第十四条（二）规定"));
    CHECK(has(letter, "关键过程识别不完整，注塑、充气等工序缺少过程指标"));
    CHECK(has(letter, "建立了出口客户投诉快速响应机制"));
    for (const char* reviewer : {"郑晓东", "林秀珍", "陈国良", "黄一鸣", "潘雅琴"}) CHECK_FALSE(has(letter, reviewer));
}

TEST_CASE("LC-第十四条(五) sample: the 初选公示 runs 7 calendar days, 5 for 区政府质量奖 and 3 for 质量管理创新奖") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    // 鹿城区 publishes its 初步入选名单 (第十四条（五）初选公示), decided by the 区评委会's
    // secret ballot (第十四条（四）).
    CHECK_FALSE(fs::exists(r.folder / "拟奖名单公示.pdf"));
    const std::string notice = squeeze(pdf_text(r.folder / "初步入选名单公示.pdf"));
    CHECK(has(notice, "关于2026年度鹿城区政府质量奖初步入选名单的公示"));
    CHECK(has(notice, "经区评委会全体成员会议审查并无记名投票表决（第十四条（四）），确定了2026年度鹿城区政府质量奖初步入选名单，共8家。"));
    CHECK(has(notice, "对初步入选名单有异议的"));
    CHECK_FALSE(has(notice, "拟奖名单"));
    CHECK(has(notice, "鹿质评办〔2026〕12号"));
    CHECK(has(notice, "2026年10月21日至2026年10月27日（7天）"));
    CHECK(has(notice, kRegulation + "第十四条（五）规定"));
    CHECK(has(notice, "区政府质量奖（5家）"));
    CHECK(has(notice, "质量管理创新奖（3家）"));
    // As publicised: the committee's choice in the tie, and 瓯信 before the objection.
    for (const char* name : {"浙江鹿瓯鞋业股份有限公司", "浙江江城建设集团有限公司", "温州明眸光学眼镜有限公司",
                             "温州瓯信包装印刷有限公司", "温州鹿城康和护理院", "温州瓯越服饰有限公司",
                             "温州鹿城数智科技有限公司", "温州藤桥食品有限公司"})
        CHECK(has(notice, name));
    CHECK_FALSE(has(notice, "温州鹿港供应链管理有限公司"));  // lost the secret ballot at 689.5
    CHECK_FALSE(has(notice, "再次获奖"));  // the former winner is an ordinary candidate here
}

TEST_CASE("LC-第三条 LC-第十四条(六) sample: 4 区政府质量奖 after the ballot and the objection, 3 创新奖, vacancies kept") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    const auto winners = xlsx_rows(r.folder / "获奖名单.xlsx");
    INFO(joined(winners));
    CHECK(has_row_with(winners, {"|区政府质量奖|浙江鹿瓯鞋业股份有限公司|", "|742.5|"}));
    CHECK(has_row_with(winners, {"|区政府质量奖|浙江江城建设集团有限公司|", "综合得分728.0分"}));
    // The former winner (2022) competes inside the quota: third of the candidates, not marked 再次获奖.
    CHECK(has_row_with(winners, {"|区政府质量奖|温州明眸光学眼镜有限公司|", "居第3位"}));
    CHECK_FALSE(has_row_with(winners, {"温州明眸光学眼镜有限公司", "|是|"}));
    CHECK(has_row_with(winners, {"|区政府质量奖|温州鹿城康和护理院|", "|689.5|", "居第5位"}));
    CHECK(has_row_with(winners, {"|质量管理创新奖|温州瓯越服饰有限公司|", "居第1位"}));
    CHECK(has_row_with(winners, {"|质量管理创新奖|温州鹿城数智科技有限公司|"}));
    CHECK(has_row_with(winners, {"|质量管理创新奖|温州藤桥食品有限公司|"}));
    CHECK_FALSE(has_row_with(winners, {"|温州瓯信包装印刷有限公司|"}));     // objection upheld
    CHECK_FALSE(has_row_with(winners, {"|温州鹿港供应链管理有限公司|"}));   // not refilled
    CHECK(has_row_with(winners, {"区政府质量奖空缺 1 名", "温州瓯信包装印刷有限公司", "不进行递补（第十四条（六））"}));
    CHECK(has_row_with(winners, {"质量管理创新奖空缺 2 名", "第三条"}));
}

TEST_CASE("LC-第十五条 sample: no prize money is paid, the awards are certificates and plaques") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    // Whatever money sheet the program writes for a pack without money, it pays nobody anything.
    const fs::path sheet = r.folder / "奖金发放表.xlsx";
    if (fs::exists(sheet)) {
        const auto money = xlsx_rows(sheet);
        INFO(joined(money));
        for (const auto& row : money) {
            if (!has(row, "|区政府质量奖|") && !has(row, "|质量管理创新奖|")) continue;
            CHECK(has(row, "该奖项不设奖金（第十五条）"));
            CHECK(has(row, "|0|"));
        }
        CHECK(has_row_with(money, {"合计", "|0|"}));
    }
}

TEST_CASE("LC-第二条 LC-第十五条 sample: certificates LC2026Q001–Q004 and C001–C003 with the awards' full names") {
    const auto& r = sample_run(kCase);
    REQUIRE(r.ran.status == 0);
    struct Cert {
        std::string number, holder, award;
    };
    const std::vector<Cert> certs = {
        {"LC2026Q001", "浙江鹿瓯鞋业股份有限公司", "2026年度鹿城区政府质量奖"},
        {"LC2026Q002", "浙江江城建设集团有限公司", "2026年度鹿城区政府质量奖"},
        {"LC2026Q003", "温州明眸光学眼镜有限公司", "2026年度鹿城区政府质量奖"},
        {"LC2026Q004", "温州鹿城康和护理院", "2026年度鹿城区政府质量奖"},
        {"LC2026C001", "温州瓯越服饰有限公司", "2026年度鹿城区质量管理创新奖"},
        {"LC2026C002", "温州鹿城数智科技有限公司", "2026年度鹿城区质量管理创新奖"},
        {"LC2026C003", "温州藤桥食品有限公司", "2026年度鹿城区质量管理创新奖"}};
    for (const auto& c : certs) {
        INFO(c.holder);
        const fs::path pdf = r.folder / "证书" / (c.holder + ".pdf");
        REQUIRE(fs::exists(pdf));
        const std::string text = squeeze(pdf_text(pdf));
        CHECK(has(text, "证书编号：" + c.number));
        CHECK(has(text, c.award));
        CHECK_FALSE(has(text, "鹿城区区政府"));
        CHECK(has(text, "温州市鹿城区人民政府"));
        CHECK(has(text, "二〇二六年十一月二十日"));
    }
    CHECK(files_under(r.folder / "证书").size() == certs.size());
}

TEST_CASE("LC sample: award explain quotes the article for a rejected and for a winning applicant") {
    Ran rejected = explain(kCase, "温州鹿城华通机电有限公司");
    INFO(rejected.out + rejected.err);
    REQUIRE(rejected.status == 0);
    CHECK(has(rejected.out, "【未通过】第十七条（lc-17-revocation-ban）"));
    CHECK(has(rejected.out, "2023-05-16 撤销 区政府质量奖（弄虚作假），可再次申报之日 2028-05-16 > 2026-06-30；不满足"));
    CHECK(has(rejected.out, "结论：不予受理，未满足第十七条"));
    CHECK(has(rejected.out, "依据第十四条（二）"));

    Ran winner = explain(kCase, "浙江江城建设集团有限公司");
    INFO(winner.out + winner.err);
    REQUIRE(winner.status == 0);
    // Revoked in 2023 for an accident (not fraud): 第十七条 does not bar it; the accident is before 近3年.
    CHECK(has(winner.out, "【通过】第十七条（lc-17-revocation-ban）"));
    CHECK(has(winner.out, "2023-02-20 撤销 区政府质量奖（原因“事故”不计）"));
    CHECK(has(winner.out, "2022-08-16 生产安全事故 较大（在窗口之前）"));
    CHECK(has(winner.out, "E03 陈国良：回避"));
    CHECK(has(winner.out, "在区政府质量奖候选组织中居第 2 位（第三条、第十四条（四））"));
    CHECK(has(winner.out, "→ 获区政府质量奖。"));
    CHECK(has(winner.out, "该奖项不设奖金（第十五条）"));

    Ran boundary = explain(kCase, "浙江鹿瓯鞋业股份有限公司");
    REQUIRE(boundary.status == 0);
    // 第十一条（五）: a failed spot check exactly 3 years before the deadline is outside 近3年.
    CHECK(has(boundary.out, "不计：2023-06-30 监督抽查安全或主要性能指标不合格 一般（在窗口之前）"));
}

TEST_CASE("LC-第二十一条 sample: a cycle dated before 2023-09-01 is refused, citing 第二十一条") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "lucheng-2023";
    fs::create_directories(dir);
    auto applicants = read_json(case_dir(kCase) / "applicants.json");
    nlohmann::json one = applicants["applicants"][0];
    one["self_evaluations"] = nlohmann::json::array();
    one["incidents"] = nlohmann::json::array();
    nlohmann::json list = nlohmann::json::array();
    list.push_back(one);
    nlohmann::json file;
    file["applicants"] = list;
    write_file(dir / "applicants.json", file.dump(2));
    nlohmann::json c = read_json(case_dir(kCase) / "case.json");
    c.erase("review");
    c.erase("commendation");
    c["year"] = 2023;
    c["application_deadline"] = "2023-08-31";
    c["acceptance"] = {{"notice_date", "2023-08-31"}};
    write_file(dir / "case.json", c.dump(2));
    Ran r = run_award({"check", dir.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(has(r.err, "第二十一条规定自2023年9月1日起施行"));
    CHECK(has(r.err, "/application_deadline（申报截止日）：2023-08-31，早于施行日期 2023-09-01"));
}
