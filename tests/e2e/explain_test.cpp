// End-to-end: `award explain` on both samples through the real binary, checked the
// way a clerk would: against the letters `award run` writes (pdftotext), the pack's
// articles, the scores in the case's sheets, and the committee's decisions.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "support.hpp"

using namespace e2e;

namespace {

// The lines of `text` that start (after indentation) with `label`, the label cut off.
std::vector<std::string> labelled(const std::string& text, const std::string& label) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto at = line.find(label);
        if (at != std::string::npos && line.find_first_not_of(' ') == at) out.push_back(line.substr(at + label.size()));
    }
    return out;
}

// The line of `text` containing every part (empty when none).
std::string line_with(const std::string& text, const std::vector<std::string>& parts) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        bool all = true;
        for (const auto& p : parts) all = all && has(line, p);
        if (all) return line;
    }
    return "";
}

// explain without APPLICANT: one block per applicant, split at the "════ name ════" headers.
std::vector<std::pair<std::string, std::string>> blocks(const std::string& out) {
    std::vector<std::pair<std::string, std::string>> v;
    const std::string mark = "════ ";
    std::size_t at = out.find(mark);
    while (at != std::string::npos) {
        const std::size_t name_end = out.find(" ════", at + mark.size());
        const std::size_t next = out.find("\n" + mark, at);
        v.emplace_back(out.substr(at + mark.size(), name_end - at - mark.size()),
                       out.substr(at, next == std::string::npos ? std::string::npos : next + 1 - at));
        at = next == std::string::npos ? next : next + 1;
    }
    return v;
}

// Every applicant of the sample, in input order; for each one `award run` refused,
// every reason under 通知书所引理由 is in its 不予受理通知书 and sits under a failed
// check of the article the reason cites.
void check_rejections_match_letters(const std::string& id, const std::string& rejection_article, int expected_rejected) {
    const auto& r = sample_run(id);
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    Ran all = explain(id);
    INFO(all.err);
    REQUIRE(all.status == 0);
    const auto bs = blocks(all.out);
    const auto applicants = read_json(case_dir(id) / "applicants.json")["applicants"];
    REQUIRE(bs.size() == applicants.size());
    int rejected = 0;
    for (std::size_t k = 0; k < bs.size(); ++k) {
        const auto& [name, text] = bs[k];
        CHECK(name == applicants[k]["name"].get<std::string>());
        const fs::path letter = r.folder / "不予受理通知书" / (name + ".pdf");
        if (!fs::exists(letter)) {
            CHECK(has(text, "结论：受理"));
            CHECK(labelled(text, "通知书所引理由：").empty());
            continue;
        }
        ++rejected;
        INFO(name);
        CHECK(has(text, "结论：不予受理"));
        CHECK(has(text, "依据" + rejection_article));
        const std::string pdf = squeeze(pdf_text(letter));
        const auto reasons = labelled(text, "通知书所引理由：");
        CHECK(!reasons.empty());
        for (const auto& reason : reasons) {
            INFO(reason);
            CHECK(has(pdf, squeeze(reason)));
            std::smatch m;
            REQUIRE(std::regex_search(reason, m, std::regex("管理办法》(第.{1,30}?条)")));
            CHECK(has(text, "【未通过】" + m[1].str()));
        }
    }
    CHECK(rejected == expected_rejected);
}

}  // namespace

TEST_CASE("explain: WD every rejected applicant's trace quotes the article and the very reasons of its 不予受理通知书") {
    check_rejections_match_letters("weidu-2026", "第十四条", 10);
}

TEST_CASE("explain: TZ every rejected applicant's trace quotes the article and the very reasons of its 不予受理通知书") {
    check_rejections_match_letters("tongzhou-2026", "第十五条", 9);
}

TEST_CASE("explain: WD 天诚 fails 第十一条 and 第十二条, with the pack's requirement and the inputs") {
    Ran r = explain("weidu-2026", "914110025896324726");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "【未通过】第十一条"));
    CHECK(has(r.out, "条文：近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，无重大质量投诉，无严重失信行为"));
    CHECK(has(r.out, "2025-06-01 失信行为 严重"));
    CHECK(has(r.out, "【未通过】第十二条"));
    CHECK(has(r.out, "【通过】第九条"));
    CHECK(has(r.out, "结论：不予受理，未满足第十一条、第十二条"));
    CHECK(has(r.out, "未受理，不参加评审（第十六条）"));
    CHECK(!has(r.out, "综合得分"));
}

TEST_CASE("explain: TZ 海晟 shows the weighted total 20%/70%/10% = 808.0 and the committee's tie decision") {
    Ran r = explain("tongzhou-2026", "海晟");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "════ 南通海晟电力工程有限公司 ════"));
    CHECK(has(r.out, "《通州区区长质量奖管理办法》"));
    const std::string formula = line_with(r.out, {"资料评审 20% × ", "现场评审 70% × ", "演讲陈述 10% × "});
    INFO(formula);
    CHECK(has(formula, "资料评审 20% × 780.0 + 现场评审 70% × 810.0 + 演讲陈述 10% × 85.0 × 1000/100"));
    CHECK(has(formula, "= 808.0"));
    CHECK(has(r.out, "（四）综合得分（第十九条）"));
    CHECK(has(r.out, "综合得分：四舍五入保留 1 位小数为 808.0 分"));
    // 780×20% + 810×70% + 85×10×10% = 156 + 567 + 85 = 808.
    const std::string tie = line_with(r.out, {"并列：", "区长质量奖名额（第四条"});
    CHECK(has(tie, "南通金港建设集团有限公司"));
    CHECK(has(tie, "808.0"));
    CHECK(has(r.out, "区质委会决定（2026年10月15日，decisions.json: /decisions/0）：选定 南通海晟电力工程有限公司"));
    CHECK(has(r.out, "→ 本单位列入区长质量奖名额"));
    CHECK(has(r.out, "→ 获区长质量奖。"));
    CHECK(has(r.out, "奖金：300,000 元（人民币叁拾万元整）（第二十一条）"));
    // Dropped highest and lowest at 资料评审 (trimmed mean, 5 reviewers).
    CHECK(has(r.out, "E05 蒋红：790.00 分，最高分，去掉"));
    CHECK(has(r.out, "E04 曹敏：770.00 分，最低分，去掉"));
    CHECK(has(r.out, "(780.00 + 775.00 + 785.00) ÷ 3 = 780.0"));
}

TEST_CASE("explain: TZ 金港 lost the tie for 区长质量奖 and wins 提名奖 with its money") {
    Ran r = explain("tongzhou-2026", "金港");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "→ 本单位未列入区长质量奖名额"));
    CHECK(has(r.out, "→ 获区长质量奖提名奖。"));
    CHECK(has(r.out, "奖金：50,000 元（人民币伍万元整）（第二十一条）"));
}

TEST_CASE("explain: a recused reviewer is marked 回避 with the pack's article and left out of the mean") {
    SECTION("TZ 先锋: E03 at 资料评审, 第二十二条") {
        Ran r = explain("tongzhou-2026", "91320612MA1T8N4W3H");
        INFO(r.out + r.err);
        REQUIRE(r.status == 0);
        const std::string line = line_with(r.out, {"E03 徐卫国："});
        CHECK(has(line, "回避"));
        CHECK(has(line, "第二十二条"));
        CHECK(has(line, "本人配偶在该单位任职"));
        CHECK(has(r.out, "(760.00 + 755.00 + 750.00 + 770.00) ÷ 4 = 758.75"));
        CHECK(has(r.out, "四舍五入保留 1 位小数为 758.8 分"));
    }
    SECTION("TZ 金港: U05 at 演讲陈述, 第二十二条") {
        Ran r = explain("tongzhou-2026", "南通金港建设集团有限公司");
        REQUIRE(r.status == 0);
        const std::string line = line_with(r.out, {"U05 区住房和城乡建设局："});
        CHECK(has(line, "回避"));
        CHECK(has(line, "第二十二条"));
        CHECK(has(r.out, "(88.0 + 87.5 + 88.5 + 88.0) ÷ 4 = 88.0"));
    }
    SECTION("WD 仁和: E03 at 材料评审, 第二十七条") {
        Ran r = explain("weidu-2026", "仁和");
        REQUIRE(r.status == 0);
        const std::string line = line_with(r.out, {"E03 王晓燕："});
        CHECK(has(line, "回避"));
        CHECK(has(line, "第二十七条"));
        CHECK(has(r.out, "算术平均（评委 4 名，不足 5 名时不去掉最高分和最低分）（第五条）"));
    }
}

TEST_CASE("explain: TZ 先锋's proposed 提名奖 is withdrawn on the upheld objection, not refilled (第二十条)") {
    Ran r = explain("tongzhou-2026", "先锋");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "拟授予：综合得分 786.8 分，在区长质量奖提名奖候选组织中居第 2 位"));
    CHECK(has(r.out, "公示期间异议成立，取消获奖资格（2026年10月28日，decisions.json: /decisions/1"));
    CHECK(has(r.out, "不进行递补（第二十条）"));
    CHECK(has(r.out, "→ 不获奖，无奖金。"));
    CHECK(!has(r.out, "奖金："));
}

TEST_CASE("explain: WD 安居 lost the tie at 材料评审's 6th place and gets the feedback letter") {
    Ran r = explain("weidu-2026", "安居");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "在 7 家中居第 6 位（与 许昌绿源环保科技有限公司 同分）"));
    CHECK(has(r.out, "评委会决定（2026年11月6日，decisions.json: /decisions/1）：选定 许昌绿源环保科技有限公司"));
    CHECK(has(r.out, "→ 未进入现场评审。"));
    CHECK(has(r.out, "评审反馈意见书：发给本单位"));
    CHECK(!has(r.out, "综合得分"));
}

TEST_CASE("explain: WD 远航 wins 区长质量奖 with 50,000 元 and a place left vacant, 金桥 below 600 gets 创新奖 again") {
    Ran r = explain("weidu-2026", "远航");
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.out, "现场评审 100% × "));
    CHECK(has(r.out, "综合排名：第 1 位（共 6 家）（第二十条）"));
    CHECK(has(r.out, "→ 获区长质量奖。"));
    CHECK(has(r.out, "奖金：50,000 元（人民币伍万元整）（第二十三条）"));
    CHECK(has(r.out, "空缺：1 个名额。"));

    Ran j = explain("weidu-2026", "金桥");
    REQUIRE(j.status == 0);
    CHECK(has(j.out, "已有 special_approval 决定"));  // 第十条 特批
    CHECK(has(j.out, "(770.00 + 755.00 + 760.00) ÷ 3 = 761.6666…"));
    CHECK(has(j.out, "761.6666… 分，四舍五入保留 1 位小数为 761.7 分（第五条）"));
    CHECK(has(j.out, "未授予：综合得分 585.7 分，低于该奖项最低分 600.0 分（第四条、第二十六条）"));
    CHECK(has(j.out, "→ 获质量管理创新奖（再次获奖）。"));
}

TEST_CASE("explain: the same applicant by credit code (any letter case), full name or a unique part") {
    Ran by_code = explain("tongzhou-2026", "91320612ma1xk3r8h3");
    Ran by_name = explain("tongzhou-2026", "南通海晟电力工程有限公司");
    Ran by_part = explain("tongzhou-2026", "海晟");
    REQUIRE(by_code.status == 0);
    CHECK(by_code.out == by_name.out);
    CHECK(by_code.out == by_part.out);
    CHECK(blocks(by_code.out).size() == 1);
}

TEST_CASE("explain: an ambiguous part of a name is refused, listing the candidates with their codes") {
    Ran r = explain("weidu-2026", "医院");
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "医院"));
    CHECK(has(r.err, "许昌康泰口腔医院有限公司（91411002MA4GK2N77C）"));
    CHECK(has(r.err, "许昌仁和康复医院有限公司（91411002MA3Y0E4U2W）"));
    CHECK(!has(r.err, "许昌远航起重机械有限公司"));
}

TEST_CASE("explain: an unknown applicant is refused, listing the case's applicants") {
    Ran r = explain("tongzhou-2026", "91320612000000000X");
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "91320612000000000X"));
    CHECK(has(r.err, "南通海晟电力工程有限公司（91320612MA1XK3R8H3）"));
    CHECK(has(r.err, "南通宏盛电子有限公司（91320612MA1N7L4F83）"));
}

TEST_CASE("explain: writes no file and prints the same trace every time") {
    TempDir tmp;
    const fs::path copy = copy_sample(tmp.path());
    const auto before = files_under(tmp.path());
    Ran first = run("cd " + quote(tmp.path().string()) + " && " + quote(AWARD_BINARY) + " --data-dir " +
                    quote(AWARD_SOURCE_DIR) + " explain " + quote(copy.string()));
    REQUIRE(first.status == 0);
    CHECK(files_under(tmp.path()) == before);
    Ran second = explain("weidu-2026");
    CHECK(second.out == first.out);
}
