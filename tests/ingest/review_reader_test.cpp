// The review stages' input of a case folder: reviewers.json, scores/, case.json
// "review" and the review decisions of decisions.json. Each rule is broken in a
// folder built in a temp dir, and the message must name the file, the record and
// what was expected.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/known_values.hpp"
#include "packs/policy_pack.hpp"
#include "render/xlsx/score_sheet_xlsx.hpp"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

const std::string kCodeC = "91411002726784131D";  // a third valid code (samples/weidu-2026)
const std::string kCaseId = "weidu-2026";

// The real 魏都区 pack (templates/policies/weidu.json) with its review stages:
// material 材料评审 (第十八条) and onsite 现场评审 (第十九条), 3 reviewers per group,
// trimmed mean from 5 reviewers, scores to 1 decimal, 回避 第二十七条. Tests that need
// another rule change a copy.
Policy review_policy() {
    static const Policy loaded = load_policy_pack(fs::path(AWARD_SOURCE_DIR) / "templates/policies/weidu.json");
    return loaded;
}

PolicyCatalog catalog_of(const Policy& p) { return {{p.id, p}}; }

json applicant(const std::string& name, const std::string& code, const std::string& award) {
    json a = minimal_applicant_json();
    a["name"] = name;
    a["credit_code"] = code;
    a["award"] = award;
    return a;
}

// Three applicants: 甲 (区长质量奖, specially approved), 乙 and 丙 (提名奖).
json three_applicants() {
    return json{{"applicants", json::array({applicant("许昌甲公司", kCodeA, "区长质量奖"),
                                            applicant("许昌乙公司", kCodeB, "区长质量提名奖"),
                                            applicant("许昌丙公司", kCodeC, "区长质量提名奖")})}};
}

// Five experts; E01 declared an interest in 乙. One 材料评审 group for everyone, two
// 现场评审 groups splitting the applicants (E04 sits in both: they share nobody).
json valid_reviewers() {
    json r = json::parse(R"({
      "reviewers": [
        {"id": "E01", "name": "张伟", "affiliation": "许昌学院",
         "conflicts": [{"credit_code": "91411002MA47T3QD9A", "reason": "曾任该单位质量顾问"}]},
        {"id": "E02", "name": "李娜", "affiliation": "许昌市质量技术监督检验测试中心"},
        {"id": "E03", "name": "王强", "affiliation": "河南省质量协会", "conflicts": []},
        {"id": "E04", "name": "赵敏", "affiliation": "许昌市标准化研究所"},
        {"id": "E05", "name": "刘洋"}
      ],
      "groups": [
        {"name": "材料评审组", "stage": "material", "leader": "E01", "members": ["E01", "E02", "E03"], "applicants": "all"},
        {"name": "现场评审一组", "stage": "onsite", "leader": "E02", "members": ["E02", "E03", "E04"],
         "applicants": ["91411002175206385X", "91411002MA47T3QD9A"]},
        {"name": "现场评审二组", "stage": "onsite", "leader": "E05", "members": ["E05", "E01", "E04"],
         "applicants": ["91411002726784131D"]}
      ]
    })");
    return r;
}

// A JSON score sheet: every item of the pack's score sheet at `percent`.
json sheet_json(const std::string& reviewer, const std::string& stage, const std::vector<std::string>& codes,
                bool consensus = false, int percent = 60) {
    const Policy p = review_policy();
    json list = json::array();
    for (const auto& code : codes) {
        json items = json::object();
        for (const auto& category : p.score_sheet.categories)
            for (const auto& item : category.items) items[item.id] = percent;
        list.push_back({{"credit_code", code}, {"items", items}});
    }
    return {{"case", kCaseId}, {"reviewer", reviewer}, {"stage", stage}, {"consensus", consensus}, {"applicants", list}};
}

// A case folder with everything of the review: case.json "review", reviewers.json,
// score sheets and review decisions, valid as given; tests break one thing.
struct ReviewFolder {
    Folder base;
    std::optional<json> reviewers = valid_reviewers();
    std::map<std::string, json> sheets;       // path under scores/ -> JSON sheet
    std::map<std::string, std::string> other;  // path under scores/ -> raw content

    ReviewFolder() {
        base.applicants = three_applicants();
        base.case_json["review"] = json::parse(R"({
          "advancement": [{"stage": "onsite", "count": 2}],
          "onsite_list": {"notice_date": "2026-10-20", "document_number": "魏质奖秘〔2026〕5号"},
          "proposed": {"notice_date": "2026-11-20", "publicity_start": "2026-11-23", "document_number": "魏质奖秘〔2026〕8号"}
        })");
        (*base.decisions)["decisions"].push_back(json::parse(R"({"kind": "tie_resolution", "boundary": "onsite",
            "chosen": ["91411002MA47T3QD9A"], "date": "2026-10-16", "basis": "评委会2026年第3次会议纪要"})"));
        (*base.decisions)["decisions"].push_back(json::parse(R"({"kind": "objection_upheld",
            "credit_code": "91411002726784131D", "date": "2026-11-26", "basis": "评委会2026年第5次会议纪要"})"));
        sheets["材料评审/E01-张伟.json"] = sheet_json("E01", "material", {kCodeA, kCodeC});  // 回避 乙
        sheets["材料评审/E02-李娜.json"] = sheet_json("E02", "material", {kCodeA, kCodeB, kCodeC});
        sheets["材料评审/E03-王强.json"] = sheet_json("E03", "material", {kCodeA, kCodeB, kCodeC});
        sheets["现场评审/E04-赵敏.json"] = sheet_json("E04", "onsite", {kCodeA, kCodeB, kCodeC});
    }
};

void write_review_folder(const fs::path& dir, const ReviewFolder& f) {
    write_folder(dir, f.base);
    if (f.reviewers) write_json(dir / "reviewers.json", *f.reviewers);
    for (const auto& [name, sheet] : f.sheets) {
        fs::create_directories((dir / "scores" / name).parent_path());
        write_json(dir / "scores" / name, sheet);
    }
    for (const auto& [name, text] : f.other) {
        fs::create_directories((dir / "scores" / name).parent_path());
        write_text(dir / "scores" / name, text);
    }
}

std::vector<Problem> review_problems(const std::function<void(ReviewFolder&)>& mutate,
                                     const Policy& policy = review_policy()) {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    mutate(f);
    write_review_folder(tmp.path(), f);
    return problems_in(tmp.path(), catalog_of(policy));
}

// One mistake, one problem naming file, record, field, value and what was expected.
struct Rule {
    std::string what;
    std::function<void(ReviewFolder&)> mutate;
    std::string file, record, field, value;
    std::vector<std::string> expected_parts;
};

void check_rules(const std::vector<Rule>& rules, const Policy& policy = review_policy()) {
    for (const auto& rule : rules) {
        auto problems = review_problems(rule.mutate, policy);
        INFO(rule.what << "\n" << all_messages(problems));
        REQUIRE(problems.size() == 1);
        const Problem& p = problems[0];
        CHECK(p.file == rule.file);
        CHECK(p.record == rule.record);
        CHECK(p.field == rule.field);
        CHECK(p.value == rule.value);
        for (const auto& part : rule.expected_parts) {
            INFO("expected to contain: " << part);
            CHECK(contains(p.expected, part));
        }
    }
}

json& reviewer(ReviewFolder& f, std::size_t i) { return (*f.reviewers)["reviewers"][i]; }
json& group(ReviewFolder& f, std::size_t i) { return (*f.reviewers)["groups"][i]; }
json& review(ReviewFolder& f) { return f.base.case_json["review"]; }
json& decision(ReviewFolder& f, std::size_t i) { return (*f.base.decisions)["decisions"][i]; }

// E05 under another id, everywhere reviewers.json names them.
void rename_e05(ReviewFolder& f, const std::string& id) {
    reviewer(f, 4)["id"] = id;
    group(f, 2)["members"][0] = id;
    group(f, 2)["leader"] = id;
}

}  // namespace

TEST_CASE("review: a complete review input reads into the Case") {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    write_review_folder(tmp.path(), f);
    Case c = read_case(tmp.path(), catalog_of(review_policy()));

    REQUIRE(c.panel.reviewers.size() == 5);
    const Reviewer& e01 = c.panel.reviewers[0];
    CHECK(e01.id == "E01");
    CHECK(e01.name == "张伟");
    CHECK(e01.affiliation == "许昌学院");
    REQUIRE(e01.conflicts.size() == 1);
    CHECK(e01.conflicts[0].credit_code == kCodeB);
    CHECK(e01.conflicts[0].reason == "曾任该单位质量顾问");
    CHECK(e01.source == "reviewers.json: /reviewers/0");
    CHECK(c.panel.reviewers[4].affiliation.empty());  // optional

    REQUIRE(c.panel.groups.size() == 3);
    const ReviewGroup& material = c.panel.groups[0];
    CHECK(material.name == "材料评审组");
    CHECK(material.stage == "material");
    CHECK(material.leader == "E01");
    CHECK(material.members == std::vector<std::string>{"E01", "E02", "E03"});
    CHECK(material.all_applicants);
    const ReviewGroup& onsite1 = c.panel.groups[1];
    CHECK_FALSE(onsite1.all_applicants);
    CHECK(onsite1.applicants == std::vector<std::string>{kCodeA, kCodeB});
    CHECK(onsite1.covers(kCodeB));
    CHECK_FALSE(onsite1.covers(kCodeC));
    CHECK(c.panel.groups[2].source == "reviewers.json: /groups/2");

    // Sheets in the order of their paths under scores/.
    REQUIRE(c.sheets.size() == 4);
    CHECK(c.sheets[0].file == "scores/材料评审/E01-张伟.json");
    CHECK(c.sheets[0].reviewer == "E01");
    CHECK(c.sheets[0].stage == "material");
    CHECK(c.sheets[0].case_id == kCaseId);
    CHECK_FALSE(c.sheets[0].consensus);
    REQUIRE(c.sheets[0].applicants.size() == 2);
    CHECK(c.sheets[0].applicants[1].credit_code == kCodeC);
    CHECK(c.sheets[3].file == "scores/现场评审/E04-赵敏.json");

    REQUIRE(c.review.advancement.size() == 1);
    CHECK(c.review.advancement[0].stage == "onsite");
    CHECK(c.review.advancement[0].count == 2);
    CHECK_FALSE(c.review.advancement[0].min_units);
    CHECK_FALSE(c.review.advancement[0].planned_awards);
    CHECK(c.review.advancement[0].source == "case.json: /review/advancement/0");
    REQUIRE(c.review.onsite_list);
    CHECK(c.review.onsite_list->notice_date == Date(2026, 10, 20));
    CHECK_FALSE(c.review.onsite_list->publicity_start);
    CHECK(c.review.onsite_list->document_number == "魏质奖秘〔2026〕5号");
    REQUIRE(c.review.proposed);
    CHECK(c.review.proposed->notice_date == Date(2026, 11, 20));
    CHECK(c.review.proposed->publicity_start == Date(2026, 11, 23));

    REQUIRE(c.decisions.size() == 3);
    CHECK(c.decisions[1].kind == "tie_resolution");
    CHECK(c.decisions[1].boundary == "onsite");
    CHECK(c.decisions[1].chosen == std::vector<std::string>{kCodeB});
    CHECK(c.decisions[1].credit_code.empty());
    CHECK(c.decisions[1].date == Date(2026, 10, 16));
    CHECK(c.decisions[2].kind == "objection_upheld");
    CHECK(c.decisions[2].credit_code == kCodeC);
    CHECK(c.decisions[2].basis == "评委会2026年第5次会议纪要");
}

TEST_CASE("review: reviewers.json and scores/ are optional; without them the case reads as before") {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    f.reviewers.reset();
    f.sheets.clear();
    f.base.case_json.erase("review");
    (*f.base.decisions)["decisions"] = json::array();
    write_review_folder(tmp.path(), f);
    Case c = read_case(tmp.path(), catalog_of(review_policy()));
    CHECK(c.panel.reviewers.empty());
    CHECK(c.panel.groups.empty());
    CHECK(c.sheets.empty());
    CHECK(c.review.advancement.empty());
    CHECK_FALSE(c.review.onsite_list);
    CHECK_FALSE(c.review.proposed);
}

TEST_CASE("review: each mistake in reviewers.json is one problem naming the record and what was expected") {
    const std::string r0 = "/reviewers/0（E01 张伟）";
    check_rules({
        {"reviewer id with a space", [](ReviewFolder& f) { rename_e05(f, "E 05"); },
         "reviewers.json", "/reviewers/4（E 05 刘洋）", "id", "E 05", {"英文字母、数字、- 或 _", "16 个字符", "文件名"}},
        {"reviewer id in Chinese", [](ReviewFolder& f) { rename_e05(f, "专家五"); },
         "reviewers.json", "/reviewers/4（专家五 刘洋）", "id", "专家五", {"英文字母、数字"}},
        {"reviewer id of 17 characters", [](ReviewFolder& f) { rename_e05(f, "E0123456789ABCDEF"); },
         "reviewers.json", "/reviewers/4（E0123456789ABCDEF 刘洋）", "id", "E0123456789ABCDEF", {"不超过 16 个字符"}},
        {"the same id twice", [](ReviewFolder& f) { reviewer(f, 4)["id"] = "E04"; group(f, 2)["members"] = {"E01", "E03", "E04"}; group(f, 2)["leader"] = "E01"; },
         "reviewers.json", "/reviewers/4（E04 刘洋）", "id", "E04", {"与 /reviewers/3（E04 赵敏） 不同的编号"}},
        {"name missing", [](ReviewFolder& f) { reviewer(f, 2).erase("name"); },
         "reviewers.json", "/reviewers/2（E03）", "name", "", {"非空文本"}},
        {"name with a line break (text rules)", [](ReviewFolder& f) { reviewer(f, 2)["name"] = "王\n强"; },
         "reviewers.json", "/reviewers/2（E03 王\\u000A强）", "name", "王\\u000A强", {"控制字符"}},
        {"a conflict with an organisation that did not apply",
         [](ReviewFolder& f) { reviewer(f, 0)["conflicts"][0]["credit_code"] = "91411002MA3XC5L994"; },
         "reviewers.json", "/reviewers/0/conflicts/0（E01 张伟）", "credit_code", "91411002MA3XC5L994",
         {"本案 applicants.json 中某个申报组织的统一社会信用代码"}},
        {"a conflict without its reason", [](ReviewFolder& f) { reviewer(f, 0)["conflicts"][0].erase("reason"); },
         "reviewers.json", "/reviewers/0/conflicts/0（E01 张伟）", "reason", "", {"非空文本"}},
        {"a typo in a reviewer field", [](ReviewFolder& f) { reviewer(f, 0)["afiliation"] = "许昌学院"; reviewer(f, 0).erase("affiliation"); },
         "reviewers.json", r0, "afiliation", "许昌学院", {"是否应为 affiliation"}},
        {"a group at a stage the pack does not have", [](ReviewFolder& f) { group(f, 0)["stage"] = "资料评审"; f.sheets.clear(); },
         "reviewers.json", "/groups/0（材料评审组）", "stage", "资料评审",
         {"政策包 weidu 的评审阶段编号之一：material（材料评审）、onsite（现场评审）"}},
        {"the leader not among the members", [](ReviewFolder& f) { group(f, 0)["leader"] = "E04"; },
         "reviewers.json", "/groups/0（材料评审组）", "leader", "E04", {"本组 members 中的一位评委", "E01、E02、E03"}},
        {"a member who is not a reviewer", [](ReviewFolder& f) { group(f, 1)["members"][2] = "E09"; f.sheets.erase("现场评审/E04-赵敏.json"); },
         "reviewers.json", "/groups/1（现场评审一组）", "members/2", "E09", {"reviewers 中某位评委的编号：E01、E02、E03、E04、E05"}},
        {"a group below the stage's minimum", [](ReviewFolder& f) { group(f, 0)["members"] = {"E01", "E02"}; f.sheets.erase("材料评审/E03-王强.json"); },
         "reviewers.json", "/groups/0（材料评审组）", "members", "数组（2 项）", {"至少 3 位评委", "材料评审每个评审组不少于 3 人"}},
        {"the same member twice in a group", [](ReviewFolder& f) { group(f, 0)["members"] = {"E01", "E02", "E03", "E02"}; },
         "reviewers.json", "/groups/0（材料评审组）", "members/3", "E02", {"不重复的评委编号"}},
        {"a group's applicant that did not apply", [](ReviewFolder& f) { group(f, 2)["applicants"][0] = "91411002MA3XC5L994"; f.sheets.erase("现场评审/E04-赵敏.json"); },
         "reviewers.json", "/groups/2（现场评审二组）", "applicants/0", "91411002MA3XC5L994", {"applicants.json 中某个申报组织"}},
        {"applicants neither \"all\" nor a list", [](ReviewFolder& f) { group(f, 0)["applicants"] = "全部"; },
         "reviewers.json", "/groups/0（材料评审组）", "applicants", "全部", {"\"all\"", "统一社会信用代码的数组"}},
        {"two groups of a name", [](ReviewFolder& f) { group(f, 2)["name"] = "现场评审一组"; },
         "reviewers.json", "/groups/2（现场评审一组）", "name", "现场评审一组", {"与 /groups/1（现场评审一组） 不同的组名"}},
        {"a reviewer in two groups of a stage that share an applicant",
         [](ReviewFolder& f) { group(f, 2)["applicants"] = {kCodeC, kCodeB}; },
         "reviewers.json", "/groups/2（现场评审二组）", "members/2", "E04",
         {"不在 /groups/1（现场评审一组） 中的评委", "现场评审", "许昌乙公司", "只评一次分"}},
        {"a reviewer in two groups of a stage that both score everyone",
         [](ReviewFolder& f) {
             group(f, 2)["stage"] = "material";
             group(f, 2)["applicants"] = "all";
             group(f, 2)["members"] = {"E05", "E03", "E04"};
             f.sheets.erase("现场评审/E04-赵敏.json");
         },
         "reviewers.json", "/groups/2（现场评审二组）", "members/1", "E03", {"不在 /groups/0（材料评审组） 中的评委", "全部组织"}},
        {"reviewers.json not an object", [](ReviewFolder& f) { f.reviewers = json::array(); f.sheets.clear(); },
         "reviewers.json", "", "", "空数组 []", {"{\"reviewers\": [ … ], \"groups\": [ … ]}"}},
    });
}

TEST_CASE("review: the pack's review stages are the ones these tests are written against") {
    const Policy p = review_policy();
    REQUIRE(p.review.stages.size() == 2);
    CHECK(p.review.stages[0].id == "material");
    CHECK(p.review.stages[0].min_reviewers == 3);
    CHECK(p.review.stages[1].id == "onsite");
    CHECK(p.review.stages[1].advancement_ratio_tenths == 0);
    CHECK(p.review.stages[1].aggregation.method == AggregationSpec::Method::TrimmedMean);
    CHECK(p.review.rounding_decimals == 1);
    CHECK(p.review.recusal_article == "第二十七条");
}

TEST_CASE("review: a group below the stage's minimum cites the article that sets it, when the pack has one") {
    Policy p = review_policy();
    p.review.stages[1].min_reviewers = 4;
    p.review.stages[1].min_reviewers_article = "第八条";  // as 通州区 第八条 sets its minimum
    auto problems = review_problems([](ReviewFolder&) {}, p);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);  // both 现场评审 groups have 3
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(problems[i].file == "reviewers.json");
        CHECK(problems[i].record == (i == 0 ? "/groups/1（现场评审一组）" : "/groups/2（现场评审二组）"));
        CHECK(problems[i].field == "members");
        CHECK(problems[i].expected == "至少 4 位评委的数组（现场评审每个评审组不少于 4 人（第八条））");
    }
}

TEST_CASE("review: an applicant that no group of a stage covers is not a problem of the input") {
    // Who reaches 现场评审 is known only from the scores: the rules check the cover.
    auto problems = review_problems([](ReviewFolder& f) {
        group(f, 1)["applicants"] = {kCodeA};
        group(f, 2)["applicants"] = {kCodeB};  // nobody scores 丙 on site
        f.sheets.erase("现场评审/E04-赵敏.json");
    });
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("review: a reviewer may sit in two groups of a stage that score different applicants") {
    auto problems = review_problems([](ReviewFolder&) {});  // E04 in both 现场评审 groups
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("review: a pack without review stages says so for each group, naming the pack") {
    Policy bare = review_policy();
    bare.review.stages.clear();
    auto problems = review_problems([](ReviewFolder& f) {
        f.sheets.clear();
        f.base.case_json.erase("review");
        (*f.base.decisions)["decisions"].erase(1);  // the tie names a stage too
    }, bare);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(problems[i].file == "reviewers.json");
        CHECK(problems[i].record.rfind("/groups/" + std::to_string(i), 0) == 0);
        CHECK(problems[i].field == "stage");
        CHECK(contains(problems[i].expected, "政策包 weidu 中规定的评审阶段编号（该政策包尚未规定评审阶段 review.stages"));
    }
}

TEST_CASE("review: scores/ takes .xlsx and .json; other files are problems, dotfiles and lock files are ignored") {
    auto problems = review_problems([](ReviewFolder& f) {
        f.other["材料评审/.~lock.E02-李娜.xlsx#"] = ",王敏,PC,22.11.2026 09:30,file:///C:/Users/wm;";
        f.other[".DS_Store"] = "x";
        f.other["~$E02-李娜.xlsx"] = "owner file";
        f.other[".hidden/anything.txt"] = "x";
        f.other["现场评审/说明.txt"] = "评分表说明";
        f.other["材料评审/E05.xls"] = "old excel";
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    // In path order, whatever order the file system lists them in.
    CHECK(problems[0].file == "scores/材料评审/E05.xls");
    CHECK(problems[0].value == "E05.xls");
    CHECK(contains(problems[0].expected, "只接受 .xlsx 或 .json 评分表"));
    CHECK(problems[1].file == "scores/现场评审/说明.txt");
    CHECK(problems[1].value == "说明.txt");
}

TEST_CASE("review: scores/ as a file instead of a folder is one problem") {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    f.sheets.clear();
    write_review_folder(tmp.path(), f);
    write_text(tmp.path() / "scores", "x");
    auto problems = problems_in(tmp.path(), catalog_of(review_policy()));
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "scores");
    CHECK(contains(problems[0].expected, "文件夹"));
}

TEST_CASE("review: score sheets without reviewers.json are one problem naming reviewers.json") {
    auto problems = review_problems([](ReviewFolder& f) { f.reviewers.reset(); });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "reviewers.json");
    CHECK(contains(problems[0].expected, "scores/ 中已有 4 份评分表"));
}

TEST_CASE("review: each sheet that does not fit the panel is one problem naming the file and the applicant") {
    const std::string e01 = "scores/材料评审/E01-张伟.json";
    const std::string e04 = "scores/现场评审/E04-赵敏.json";
    check_rules({
        {"a sheet of another case", [&](ReviewFolder& f) { f.sheets["材料评审/E01-张伟.json"]["case"] = "weidu-2025"; },
         e01, "", "case", "weidu-2025", {"本案卷的编号 \"weidu-2026\"", "案卷文件夹名"}},
        {"a sheet of a reviewer not in reviewers.json",
         [&](ReviewFolder& f) { f.sheets["材料评审/E09.json"] = sheet_json("E09", "material", {kCodeA}); },
         "scores/材料评审/E09.json", "", "reviewer", "E09", {"reviewers.json 中某位评委的编号：E01、E02、E03、E04、E05"}},
        {"a sheet of a reviewer not in any group of its stage",
         [&](ReviewFolder& f) { f.sheets["材料评审/E05.json"] = sheet_json("E05", "material", {kCodeA}); },
         "scores/材料评审/E05.json", "", "reviewer", "E05",
         {"材料评审某个评审组的成员", "材料评审组（组长 E01；成员 E01、E02、E03）"}},
        {"two sheets of one reviewer and stage",
         [&](ReviewFolder& f) { f.sheets["材料评审/补交/E02.json"] = sheet_json("E02", "material", {kCodeA}); },
         "scores/材料评审/补交/E02.json", "", "reviewer", "E02",
         {"每位评委每个阶段只交一份评分表", "scores/材料评审/E02-李娜.json"}},
        {"an applicant that did not apply",
         [&](ReviewFolder& f) { f.sheets["材料评审/E01-张伟.json"] = sheet_json("E01", "material", {kCodeA, "91411002MA3XC5L994"}); },
         e01, "/applicants/1（91411002MA3XC5L994）", "credit_code", "91411002MA3XC5L994", {"本案 applicants.json 中某个申报组织"}},
        {"an applicant the reviewer's group does not score",
         [&](ReviewFolder& f) { f.sheets["现场评审/E02.json"] = sheet_json("E02", "onsite", {kCodeA, kCodeC}); },
         "scores/现场评审/E02.json", "/applicants/1（" + kCodeC + "）", "credit_code", kCodeC,
         {"该评委所在评审组（现场评审一组）评审的组织"}},
        {"an applicant twice on one sheet: reported once (by the sheet reader), not again against the panel",
         [&](ReviewFolder& f) { f.sheets["现场评审/E04-赵敏.json"] = sheet_json("E04", "onsite", {kCodeA, kCodeB, kCodeA}); },
         e04, "/applicants/2（" + kCodeA + "）", "credit_code", kCodeA, {"本评分表中只出现一次的组织"}},
        {"a consensus sheet at a stage aggregated by trimmed mean",
         [&](ReviewFolder& f) { f.sheets["现场评审/共识-E02.json"] = sheet_json("E02", "onsite", {kCodeA}, true); },
         "scores/现场评审/共识-E02.json", "", "consensus", "true",
         {"false", "去掉一个最高分和一个最低分后平均", "不使用组长提交的共识分"}},
    });
}

TEST_CASE("review: a sheet from a reviewer for an applicant they declared an interest in is refused (回避)") {
    auto problems = review_problems([](ReviewFolder& f) {
        f.sheets["材料评审/E01-张伟.json"] = sheet_json("E01", "material", {kCodeA, kCodeB, kCodeC});
    });
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    const Problem& p = problems[0];
    CHECK(p.file == "scores/材料评审/E01-张伟.json");
    CHECK(p.record == "/applicants/1（" + kCodeB + "）");
    CHECK(p.field == "credit_code");
    CHECK(p.value == kCodeB);
    CHECK(contains(p.expected, "该评委已声明与该组织存在利害关系，应回避（第二十七条）"));
    CHECK(contains(p.expected, "reviewers.json: /reviewers/0"));
}

TEST_CASE("review: problems of an XLSX sheet name its identification sheet or the applicant's worksheet") {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    f.sheets.erase("材料评审/E01-张伟.json");
    write_review_folder(tmp.path(), f);
    const Policy policy = review_policy();
    Case c = read_case(tmp.path(), catalog_of(policy));
    const auto request = [&](const Case& of, std::size_t reviewer_index, std::vector<std::size_t> applicants) {
        ScoreSheetRequest r;
        r.c = &of;
        r.policy = &policy;
        r.reviewer = &of.panel.reviewers.at(reviewer_index);
        r.stage = &policy.review.stages.at(0);
        r.applicants = std::move(applicants);
        return r;
    };
    // E05 is in no 材料评审 group; E01 scores 乙, in whom they declared an interest (the
    // writer refuses that, so the sheet is written as if there were no conflict).
    fs::create_directories(tmp.path() / "scores" / "xlsx");
    write_score_sheet_xlsx(request(c, 4, {0}), tmp.path() / "scores" / "xlsx" / "E05.xlsx");
    Case unconflicted = c;
    unconflicted.panel.reviewers[0].conflicts.clear();
    write_score_sheet_xlsx(request(unconflicted, 0, {0, 1}), tmp.path() / "scores" / "xlsx" / "E01.xlsx");

    // The sheets are blank: the reader reports the empty cells too; these two are ours.
    auto problems = problems_in(tmp.path(), catalog_of(policy));
    INFO(all_messages(problems));
    const auto find = [&](const std::string& file, const std::string& field) -> const Problem* {
        for (const auto& p : problems)
            if (p.file == file && p.field == field && p.record.find("单元格") == std::string::npos) return &p;
        return nullptr;
    };
    const Problem* stranger = find("scores/xlsx/E05.xlsx", "reviewer");
    REQUIRE(stranger);
    CHECK(stranger->record == "工作表「识别信息」");
    CHECK(stranger->value == "E05");
    CHECK(contains(stranger->expected, "材料评审某个评审组的成员"));
    const Problem* recused = find("scores/xlsx/E01.xlsx", "credit_code");
    REQUIRE(recused);
    CHECK(recused->record == "工作表「许昌乙公司」");
    CHECK(recused->value == kCodeB);
    CHECK(contains(recused->expected, "应回避（第二十七条）"));
}

TEST_CASE("review: a consensus sheet is the group leader's, at a stage the pack aggregates by consensus") {
    Policy consensus = review_policy();
    consensus.review.stages[1].aggregation.method = AggregationSpec::Method::Consensus;
    // The leader of 现场评审一组 enters its 共识分: fine.
    auto problems = review_problems([](ReviewFolder& f) {
        f.sheets["现场评审/共识-一组.json"] = sheet_json("E02", "onsite", {kCodeA, kCodeB}, true);
    }, consensus);
    INFO(all_messages(problems));
    CHECK(problems.empty());
    // A member who is not a leader cannot.
    problems = review_problems([](ReviewFolder& f) {
        f.sheets["现场评审/共识-一组.json"] = sheet_json("E03", "onsite", {kCodeA, kCodeB}, true);
    }, consensus);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "scores/现场评审/共识-一组.json");
    CHECK(problems[0].field == "reviewer");
    CHECK(problems[0].value == "E03");
    CHECK(contains(problems[0].expected, "现场评审某个评审组的组长（共识分由组长代表评审组提交）"));
    CHECK(contains(problems[0].expected, "现场评审一组（组长 E02；成员 E02、E03、E04）"));
    // The leader's own sheet and their consensus sheet are two different sheets.
    problems = review_problems([](ReviewFolder& f) {
        f.sheets["现场评审/E02.json"] = sheet_json("E02", "onsite", {kCodeA, kCodeB});
        f.sheets["现场评审/共识-一组.json"] = sheet_json("E02", "onsite", {kCodeA, kCodeB}, true);
    }, consensus);
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("review: each mistake in case.json review is one problem naming the record") {
    check_rules({
        {"advancement into a stage the pack does not have", [](ReviewFolder& f) { review(f)["advancement"][0]["stage"] = "现场评审"; },
         "case.json", "/review/advancement/0", "stage", "现场评审", {"material（材料评审）、onsite（现场评审）"}},
        {"advancement into the first stage", [](ReviewFolder& f) { review(f)["advancement"][0]["stage"] = "material"; },
         "case.json", "/review/advancement/0", "stage", "material", {"第一个评审阶段之后的阶段编号：onsite（现场评审）", "受理的组织全部参加"}},
        {"neither count nor min_score", [](ReviewFolder& f) { review(f)["advancement"][0].erase("count"); },
         "case.json", "/review/advancement/0", "count", "", {"count（进入现场评审的人数）或 min_score（材料评审的最低分数）二者填一个"}},
        {"both count and min_score", [](ReviewFolder& f) { review(f)["advancement"][0]["min_score"] = 500; },
         "case.json", "/review/advancement/0", "min_score", "500", {"只填一个"}},
        {"min_score with more decimals than the pack rounds to", [](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}, {"min_score", 512.55}}; },
         "case.json", "/review/advancement/0", "min_score", "512.55", {"最多 1 位小数"}},
        {"min_score as text", [](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}, {"min_score", "500分"}}; },
         "case.json", "/review/advancement/0", "min_score", "500分", {"不加引号"}},
        {"min_score above the previous stage's full score", [](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}, {"min_score", 1000.5}}; },
         "case.json", "/review/advancement/0", "min_score", "1000.5", {"不超过 1000 分"}},
        {"count of zero", [](ReviewFolder& f) { review(f)["advancement"][0]["count"] = 0; },
         "case.json", "/review/advancement/0", "count", "0", {"1 至 10000 之间的整数"}},
        {"planned_awards at a stage without a ratio", [](ReviewFolder& f) { review(f)["advancement"][0]["planned_awards"] = 4; },
         "case.json", "/review/advancement/0", "planned_awards", "4", {"不按拟获奖数的比例"}},
        {"the same stage twice", [](ReviewFolder& f) { review(f)["advancement"].push_back({{"stage", "onsite"}, {"count", 3}}); },
         "case.json", "/review/advancement/1", "stage", "onsite", {"未与 /review/advancement/0 重复的阶段"}},
        {"onsite list not after the acceptance notice", [](ReviewFolder& f) { review(f)["onsite_list"]["notice_date"] = "2026-09-30"; },
         "case.json", "/review/onsite_list", "notice_date", "2026-09-30", {"晚于受理名单公示成文日期 notice_date（2026-09-30）", "2026）当年或下一年内"}},
        {"proposed list two years later", [](ReviewFolder& f) { review(f)["proposed"]["notice_date"] = "2028-01-05"; },
         "case.json", "/review/proposed", "notice_date", "2028-01-05", {"当年或下一年内"}},
        {"publicity before its notice", [](ReviewFolder& f) { review(f)["proposed"]["publicity_start"] = "2026-11-19"; },
         "case.json", "/review/proposed", "publicity_start", "2026-11-19", {"不早于公示成文日期 notice_date（2026-11-20）"}},
        {"publicity start missing", [](ReviewFolder& f) { review(f)["proposed"].erase("publicity_start"); },
         "case.json", "/review/proposed", "publicity_start", "", {"YYYY-MM-DD"}},
        {"proposed list before the on-site list", [](ReviewFolder& f) { review(f)["proposed"]["notice_date"] = "2026-10-19"; review(f)["proposed"]["publicity_start"] = "2026-10-19"; },
         "case.json", "/review/proposed", "notice_date", "2026-10-19", {"晚于现场评审名单成文日期", "2026-10-20"}},
        {"a document number of last year", [](ReviewFolder& f) { review(f)["onsite_list"]["document_number"] = "魏质奖秘〔2025〕5号"; },
         "case.json", "/review/onsite_list", "document_number", "魏质奖秘〔2025〕5号", {"年度 year（2026）"}},
        {"publicity_start in the on-site list", [](ReviewFolder& f) { review(f)["onsite_list"]["publicity_start"] = "2026-10-21"; },
         "case.json", "/review/onsite_list", "publicity_start", "2026-10-21", {"notice_date, document_number"}},
        {"a typo in review", [](ReviewFolder& f) { review(f)["proposd"] = review(f)["proposed"]; review(f).erase("proposed"); (*f.base.decisions)["decisions"].erase(2); },
         "case.json", "/review", "proposd", "对象（3 个字段）", {"是否应为 proposed"}},
    });
}

TEST_CASE("review: min_score is read exactly in units of the pack's rounding") {
    TempDir tmp(kCaseId);
    ReviewFolder f;
    review(f)["advancement"][0] = {{"stage", "onsite"}, {"min_score", 512.3}};
    write_review_folder(tmp.path(), f);
    Case c = read_case(tmp.path(), catalog_of(review_policy()));
    REQUIRE(c.review.advancement.size() == 1);
    CHECK(c.review.advancement[0].min_units == 5123);  // 512.3 points at 1 decimal
    CHECK_FALSE(c.review.advancement[0].count);

    review(f)["advancement"][0]["min_score"] = 500;
    write_review_folder(tmp.path(), f);
    CHECK(read_case(tmp.path(), catalog_of(review_policy())).review.advancement[0].min_units == 5000);

    // A pack that rounds to whole points takes no decimals at all.
    Policy whole = review_policy();
    whole.review.rounding_decimals = 0;
    whole.review.rounding_article = "第二十条";
    review(f)["advancement"][0]["min_score"] = 500.5;
    write_review_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path(), catalog_of(whole));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].expected, "只能是整数分"));
    CHECK(contains(problems[0].expected, "保留 0 位小数（第二十条）"));
}

TEST_CASE("review: a stage entered by the pack's ratio takes planned_awards, not count or min_score") {
    // 通州区 第十六条: 1:1.5 per planned award.
    Policy ratio = review_policy();
    ratio.review.stages[1].advancement_ratio_tenths = 15;
    ratio.review.stages[1].advancement_article = "第十六条";
    auto problems = review_problems([](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}, {"planned_awards", 4}}; }, ratio);
    INFO(all_messages(problems));
    CHECK(problems.empty());
    problems = review_problems([](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}}; }, ratio);
    INFO(all_messages(problems));
    CHECK(problems.empty());  // planned_awards defaults to the quotas' sum

    problems = review_problems([](ReviewFolder&) {}, ratio);  // count 2
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].record == "/review/advancement/0");
    CHECK(problems[0].field == "count");
    CHECK(contains(problems[0].expected, "不填：进入现场评审的人数由政策包按每个拟获奖名额 1:1.5 确定（第十六条）"));

    // More planned awards than the quotas (2 + 4) hold.
    problems = review_problems([](ReviewFolder& f) { review(f)["advancement"][0] = {{"stage", "onsite"}, {"planned_awards", 7}}; }, ratio);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "planned_awards");
    CHECK(contains(problems[0].expected, "1 至 6 之间的整数"));
}

TEST_CASE("review: each mistake in a review decision is one problem naming the record") {
    check_rules({
        {"tie at a boundary the pack does not know", [](ReviewFolder& f) { decision(f, 1)["boundary"] = "现场"; },
         "decisions.json", "/decisions/1", "boundary", "现场", {"onsite（现场评审）", "区长质量奖、区长质量提名奖"}},
        {"tie at the first stage", [](ReviewFolder& f) { decision(f, 1)["boundary"] = "material"; },
         "decisions.json", "/decisions/1", "boundary", "material", {"第一个评审阶段之后的阶段编号"}},
        {"tie at an award without a quota", [](ReviewFolder& f) { decision(f, 1)["boundary"] = "质量管理创新奖"; },
         "decisions.json", "/decisions/1", "boundary", "质量管理创新奖", {"有名额的奖项名称"}},
        {"two decisions on one tie", [](ReviewFolder& f) { json again = decision(f, 1); (*f.base.decisions)["decisions"].push_back(again); },
         "decisions.json", "/decisions/3", "boundary", "onsite", {"未与 /decisions/1 重复的边界"}},
        {"tie chosen not an applicant", [](ReviewFolder& f) { decision(f, 1)["chosen"][0] = "91411002MA3XC5L994"; },
         "decisions.json", "/decisions/1", "chosen/0", "91411002MA3XC5L994", {"applicants.json 中某个申报组织"}},
        {"tie with nobody chosen", [](ReviewFolder& f) { decision(f, 1)["chosen"] = json::array(); },
         "decisions.json", "/decisions/1", "chosen", "[]", {"至少含一个统一社会信用代码"}},
        {"tie naming a credit_code", [](ReviewFolder& f) { decision(f, 1)["credit_code"] = kCodeB; },
         "decisions.json", "/decisions/1", "credit_code", kCodeB, {"kind, boundary, chosen, date, basis"}},
        {"tie before the acceptance notice", [](ReviewFolder& f) { decision(f, 1)["date"] = "2026-09-22"; },
         "decisions.json", "/decisions/1", "date", "2026-09-22", {"晚于受理名单公示成文日期 notice_date（2026-09-30）", "评审阶段的决定在受理之后作出"}},
        {"objection two years later", [](ReviewFolder& f) { decision(f, 2)["date"] = "2028-01-10"; },
         "decisions.json", "/decisions/2（许昌丙公司）", "date", "2028-01-10", {"在年度 year（2026）当年或下一年内"}},
        {"objection before the publicity", [](ReviewFolder& f) { decision(f, 2)["date"] = "2026-11-22"; },
         "decisions.json", "/decisions/2（许昌丙公司）", "date", "2026-11-22", {"不早于拟奖名单公示开始日期", "2026-11-23"}},
        {"objection without its credit code", [](ReviewFolder& f) { decision(f, 2).erase("credit_code"); },
         "decisions.json", "/decisions/2", "credit_code", "", {"非空文本"}},
        {"two objections for one applicant", [](ReviewFolder& f) { json again = decision(f, 2); (*f.base.decisions)["decisions"].push_back(again); },
         "decisions.json", "/decisions/3（许昌丙公司）", "credit_code", kCodeC, {"同一组织的 objection_upheld 只能记录一条"}},
        {"special approval still before the notice", [](ReviewFolder& f) { decision(f, 0)["date"] = "2026-10-10"; },
         "decisions.json", "/decisions/0（许昌甲公司）", "date", "2026-10-10", {"不晚于受理名单公示成文日期"}},
    });
}

TEST_CASE("review: an objection may concern any applicant's award; the special approval rule stays its own") {
    // objection_upheld for a 提名奖 applicant is not held to the 特批 awards (第十条).
    auto problems = review_problems([](ReviewFolder& f) { decision(f, 2)["credit_code"] = kCodeB; });
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("review: the decision kinds include the review's") {
    CHECK(known_decision_kinds() == std::vector<std::string>{"special_approval", "tie_resolution", "objection_upheld"});
}

TEST_CASE("ZM-第十一条 a review group of more than 5 experts is refused, naming the group and the article") {
    // 中牟县 第十一条: 聘请3-5名专家，组成评审组. The 现场评审 groups of this fixture have 3:
    // a cap of 2 refuses both, a cap of 3 none.
    Policy p = review_policy();
    p.review.stages[1].min_reviewers = 1;
    p.review.stages[1].max_reviewers = 2;
    p.review.stages[1].min_reviewers_article = "第十一条";
    auto problems = review_problems([](ReviewFolder&) {}, p);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);  // both 现场评审 groups have 3
    CHECK(problems[0].file == "reviewers.json");
    CHECK(problems[0].record == "/groups/1（现场评审一组）");
    CHECK(problems[0].field == "members");
    CHECK(problems[0].expected == "至多 2 位评委的数组（现场评审每个评审组 1-2 人（第十一条））");
    p.review.stages[1].max_reviewers = 3;
    CHECK(review_problems([](ReviewFolder&) {}, p).empty());
}
