// The applicant facts added for 中牟县, 通州区, 鹿城区 and 本溪市: 法人类型, 税收归属地, 推荐单位,
// 环保信用等级, 实施卓越绩效起始日期, the three declarations, 近年财务数据 (万元, kept as whole
// yuan) and 撤销原因, read from applicants.json and from applicants.xlsx.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "applicants_xlsx_fixture.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/known_values.hpp"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

json& applicant0(Folder& f) { return f.applicants["applicants"][0]; }

const std::string kA0 = "/applicants/0（许昌甲公司）";

Case read_ok(const fs::path& dir, const PolicyCatalog& catalog = weidu_like_catalog()) {
    try {
        return read_case(dir, catalog);
    } catch (const InputError& e) {
        FAIL("read_case reported problems:\n" << e.what());
    }
    return {};
}

json all_facts() {
    return json::parse(R"({
      "legal_form": "企业法人",
      "tax_region": " 魏都区 ",
      "recommendation": {"by": "魏都区西大街道办事处", "level": "街道办事处"},
      "environmental_credit": "蓝色",
      "excellence_model_since": "2023-03-01",
      "has_chief_quality_officer": true,
      "quality_system_certified": true,
      "internal_publicity_done": false,
      "financials": [
        {"year": 2023, "revenue": 12345.67, "profit": -35.2, "tax": 0},
        {"year": 2024, "revenue": "1,234.56", "profit": "0.01"},
        {"year": 2025, "profit": " -1,000 ", "tax": 12}
      ]
    })");
}

}  // namespace

TEST_CASE("ingest: the new applicant facts are read from applicants.json, amounts exactly in yuan") {
    TempDir tmp("case");
    Folder f;
    applicant0(f).update(all_facts());
    applicant0(f)["prior_awards"][0]["revoked_on"] = "2024-02-01";
    applicant0(f)["prior_awards"][0]["revocation_reason"] = "弄虚作假";
    write_folder(tmp.path(), f);
    const Case c = read_ok(tmp.path());
    const Applicant& a = c.applicants.at(0);
    CHECK(a.legal_form == "企业法人");
    CHECK(a.tax_region == "魏都区");
    REQUIRE(a.recommendation);
    CHECK(a.recommendation->by == "魏都区西大街道办事处");
    CHECK(a.recommendation->level == "街道办事处");
    CHECK(a.environmental_credit == "蓝色");
    CHECK(a.excellence_model_since == Date(2023, 3, 1));
    CHECK(a.has_chief_quality_officer);
    CHECK(a.quality_system_certified);
    CHECK_FALSE(a.internal_publicity_done);
    REQUIRE(a.financials.size() == 3);
    CHECK(a.financials[0].year == 2023);
    CHECK(a.financials[0].revenue_yuan == 123456700LL);  // 12345.67万元, from a JSON number
    CHECK(a.financials[0].profit_yuan == -352000);
    CHECK(a.financials[0].tax_yuan == 0);
    CHECK(a.financials[1].revenue_yuan == 12345600);    // "1,234.56"
    CHECK(a.financials[1].profit_yuan == 100);          // 0.01万元
    CHECK_FALSE(a.financials[1].tax_yuan.has_value());  // not given is not 0
    CHECK(a.financials[2].profit_yuan == -10000000);
    CHECK(a.financials[2].tax_yuan == 120000);
    REQUIRE(a.prior_awards.size() == 1);
    CHECK(a.prior_awards[0].revocation_reason == "弄虚作假");
}

TEST_CASE("ingest: without the new facts an applicant reads as before, with empty defaults") {
    TempDir tmp("case");
    Folder f;
    write_folder(tmp.path(), f);
    const Applicant a = read_ok(tmp.path()).applicants.at(0);
    CHECK(a.legal_form.empty());
    CHECK(a.tax_region.empty());
    CHECK_FALSE(a.recommendation.has_value());
    CHECK(a.environmental_credit.empty());
    CHECK_FALSE(a.excellence_model_since.has_value());
    CHECK_FALSE(a.has_chief_quality_officer);
    CHECK_FALSE(a.quality_system_certified);
    CHECK_FALSE(a.internal_publicity_done);
    CHECK(a.financials.empty());
    CHECK(a.prior_awards.at(0).revocation_reason.empty());
}

namespace {

struct FactError {
    std::string what;
    std::function<void(json&)> mutate;  // on applicant 0
    std::string record, field, value, expected_part;
};

std::vector<FactError> fact_errors() {
    const std::string fin = "/applicants/0/financials/";
    const std::string sfx = "（许昌甲公司）";
    return {
        {"an amount with three decimals (JSON number)", [](json& a) { a["financials"] = {{{"year", 2024}, {"profit", 12.345}}}; },
         fin + "0" + sfx, "profit", "12.345", "最多两位小数"},
        {"a decimal comma", [](json& a) { a["financials"] = {{{"year", 2024}, {"revenue", "12,5"}}}; },
         fin + "0" + sfx, "revenue", "12,5", "每三位一组"},
        {"an amount with its unit", [](json& a) { a["financials"] = {{{"year", 2024}, {"tax", "12万元"}}}; },
         fin + "0" + sfx, "tax", "12万元", "以万元为单位"},
        {"a negative revenue", [](json& a) { a["financials"] = {{{"year", 2024}, {"revenue", "-5"}}}; },
         fin + "0" + sfx, "revenue", "-5", "不为负数"},
        {"a negative tax", [](json& a) { a["financials"] = {{{"year", 2024}, {"tax", -1}}}; },
         fin + "0" + sfx, "tax", "-1", "不为负数"},
        {"an amount as true", [](json& a) { a["financials"] = {{{"year", 2024}, {"profit", true}}}; },
         fin + "0" + sfx, "profit", "true", "以万元为单位"},
        {"the same year twice",
         [](json& a) { a["financials"] = {{{"year", 2024}, {"profit", 1}}, {{"year", 2024}, {"revenue", 2}}}; },
         fin + "1" + sfx, "year", "2024", "与 /applicants/0/financials/0 不同的年份"},
        {"a year with no figure", [](json& a) { a["financials"] = {{{"year", 2024}}}; },
         fin + "0" + sfx, "year", "2024", "至少填写营业收入 revenue、利润总额 profit、纳税总额 tax 之一"},
        {"a year after the cycle", [](json& a) { a["financials"] = {{{"year", 2027}, {"profit", 1}}}; },
         fin + "0" + sfx, "year", "2027", "2000 至 2026"},
        {"a misspelt figure is one problem", [](json& a) { a["financials"] = {{{"year", 2024}, {"proft", 1}}}; },
         fin + "0" + sfx, "proft", "1", "是否应为 profit"},
        {"financials not an array", [](json& a) { a["financials"] = {{"year", 2024}}; },
         kA0, "financials", "对象（1 个字段）", "数组"},
        {"a financials entry that is not an object", [](json& a) { a["financials"] = {2024}; },
         fin + "0" + sfx, "", "2024", "\"profit\": 利润总额"},
        {"a revocation reason without a revocation",
         [](json& a) { a["prior_awards"][0]["revocation_reason"] = "弄虚作假"; },
         "/applicants/0/prior_awards/0" + sfx, "revocation_reason", "弄虚作假", "只在奖项被撤销时填写"},
        {"an unknown revocation reason",
         [](json& a) {
             a["prior_awards"][0]["revoked_on"] = "2024-02-01";
             a["prior_awards"][0]["revocation_reason"] = "贪污";
         },
         "/applicants/0/prior_awards/0" + sfx, "revocation_reason", "贪污", "弄虚作假、行贿、事故、其他"},
        {"a recommendation without its level",
         [](json& a) { a["recommendation"] = {{"by", "魏都区西大街道办事处"}}; },
         "/applicants/0/recommendation" + sfx, "level", "", "名称 by 和类别 level 都要写"},
        {"a recommendation as text", [](json& a) { a["recommendation"] = "魏都区西大街道办事处"; },
         kA0, "recommendation", "魏都区西大街道办事处", "对象"},
        {"a typo in a recommendation", [](json& a) { a["recommendation"] = {{"by", "某街道"}, {"level", "街道办事处"}, {"levle", "x"}}; },
         "/applicants/0/recommendation" + sfx, "levle", "x", "是否应为 level"},
        {"excellence model after the deadline", [](json& a) { a["excellence_model_since"] = "2026-09-19"; },
         kA0, "excellence_model_since", "2026-09-19", "不晚于申报截止日期 2026-09-18"},
        {"excellence model not a date", [](json& a) { a["excellence_model_since"] = "2023年3月"; },
         kA0, "excellence_model_since", "2023年3月", "YYYY-MM-DD"},
        {"a declaration as text", [](json& a) { a["has_chief_quality_officer"] = "是"; },
         kA0, "has_chief_quality_officer", "是", "true 或 false"},
        {"a blank legal form", [](json& a) { a["legal_form"] = " "; }, kA0, "legal_form", " ", "非空文本"},
        {"a tax region as a number", [](json& a) { a["tax_region"] = 1; }, kA0, "tax_region", "1", "双引号"},
        {"a typo in a new field", [](json& a) { a["legal_from"] = "企业法人"; },
         kA0, "legal_from", "企业法人", "是否应为 legal_form"},
    };
}

}  // namespace

TEST_CASE("ingest: each mistake in the new facts is one problem naming record, field, value and expectation") {
    for (const auto& fe : fact_errors()) {
        TempDir tmp("case");
        Folder f;
        fe.mutate(applicant0(f));
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path());
        INFO(fe.what << "\n" << all_messages(problems));
        REQUIRE(problems.size() == 1);
        const Problem& p = problems[0];
        CHECK(p.file == "applicants.json");
        CHECK(p.record == fe.record);
        CHECK(p.field == fe.field);
        CHECK(p.value == fe.value);
        CHECK(contains(p.expected, fe.expected_part));
    }
}

TEST_CASE("ingest: a revocation reason the pack's ban counts is accepted besides the contract's list") {
    CHECK(known_revocation_reasons() == std::vector<std::string>{"弄虚作假", "行贿", "事故", "其他"});
    TempDir tmp("case");
    Folder f;
    applicant0(f)["prior_awards"][0]["revoked_on"] = "2024-02-01";
    applicant0(f)["prior_awards"][0]["revocation_reason"] = "贿赂";
    write_folder(tmp.path(), f);
    auto problems = problems_in(tmp.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].expected == "以下之一：弄虚作假、行贿、事故、其他");

    Policy p = weidu_like_policy();
    CheckSpec ban;
    ban.id = "bx-31-ban";
    ban.kind = "ban_after_revocation";
    ban.article = "第三十一条";
    ban.params = {{"years", 10}, {"reasons", {"弄虚作假", "贿赂"}}};
    p.checks.push_back(ban);
    const Case c = read_ok(tmp.path(), {{"weidu", p}});
    CHECK(c.applicants.at(0).prior_awards.at(0).revocation_reason == "贿赂");
}

// ---- a revocation without a reason, where the pack's ban counts only some reasons

namespace {

// 魏都区 as in the fixture, with a ban on 区长质量奖 counting only revocations for fraud.
Policy with_fraud_ban(const std::string& scope = "any_award") {
    Policy p = weidu_like_policy();
    p.source = "weidu.json";
    CheckSpec ban;
    ban.id = "wd-30-fraud-ban";
    ban.kind = "ban_after_revocation";
    ban.article = "第三十条";
    ban.params = {{"years", 4}, {"reasons", {"弄虚作假", "行贿"}}, {"scope", scope}};
    p.checks.push_back(ban);
    for (auto& a : p.awards)
        if (a.name == "区长质量奖") a.checks.push_back(ban.id);
    return p;
}

}  // namespace

TEST_CASE("TZ-第二十三条 a case with a revocation without a reason is refused at ingest, naming the record, the field, the pack's ban and the accepted reasons") {
    const fs::path pack = fs::path(AWARD_SOURCE_DIR) / "templates" / "policies" / "tongzhou.json";
    const PolicyCatalog catalog = {{"tongzhou", load_policy_pack(pack)}};
    TempDir tmp("case");
    const fs::path dir = tmp.path() / "tongzhou-2026";  // the score sheets name their case by the folder's name
    fs::copy(fs::path(AWARD_SOURCE_DIR) / "samples" / "tongzhou-2026", dir, fs::copy_options::recursive);
    json applicants = read_json(dir / "applicants.json");
    std::size_t index = 0;
    while (applicants["applicants"][index]["name"] != "南通联泰纸业有限公司") ++index;
    json& revoked = applicants["applicants"][index]["prior_awards"][0];
    REQUIRE(revoked["revoked_on"] == "2022-09-15");
    revoked.erase("revocation_reason");
    write_json(dir / "applicants.json", applicants);

    const auto problems = problems_in(dir, catalog);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    const Problem& p = problems[0];
    CHECK(p.file == "applicants.json");
    CHECK(p.record == "/applicants/" + std::to_string(index) + "/prior_awards/0（南通联泰纸业有限公司）");
    CHECK(p.field == "revocation_reason");
    CHECK(p.value.empty());
    CHECK(p.expected ==
          "撤销原因，以下之一：弄虚作假、行贿、事故、其他（政策包 tongzhou.json 中检查 tz-23-revocation-ban（第二十三条）"
          "只计入因弄虚作假、行贿被撤销的奖项：未写撤销原因就无法判断这次撤销是否禁止申报，程序不会当作不计入）");
    CHECK(contains(p.message(), "applicants.json: /applicants/" + std::to_string(index) +
                                    "/prior_awards/0（南通联泰纸业有限公司）: 字段 revocation_reason：缺少或为空，应为撤销原因"));
    // The sample as shipped, with its reason, reads cleanly.
    fs::copy_file(fs::path(AWARD_SOURCE_DIR) / "samples" / "tongzhou-2026" / "applicants.json", dir / "applicants.json",
                  fs::copy_options::overwrite_existing);
    CHECK(problems_in(dir, catalog).empty());
}

TEST_CASE("ingest: a revocation without a reason is read when no ban that could count it filters by reason") {
    TempDir tmp("case");
    Folder f;
    applicant0(f)["prior_awards"][0] = {{"award", "区长质量奖"}, {"awarded_on", "2020-09-18"}, {"revoked_on", "2024-02-01"}};
    write_folder(tmp.path(), f);
    CHECK(read_ok(tmp.path()).applicants.at(0).prior_awards.at(0).revocation_reason.empty());  // no reasons: every revocation counts
    CHECK(problems_in(tmp.path(), {{"weidu", with_fraud_ban()}}).size() == 1);
    // A 提名奖 applicant: the fraud ban is not among its award's checks.
    applicant0(f)["award"] = "区长质量提名奖";
    f.decisions.reset();
    write_folder(tmp.path(), f);
    fs::remove(tmp.path() / "decisions.json");
    read_ok(tmp.path(), {{"weidu", with_fraud_ban()}});
    // scope same_award: a revocation of another award than the one applied for never counts.
    applicant0(f)["award"] = "区长质量奖";
    applicant0(f)["prior_awards"][0]["award"] = "区长质量提名奖";
    write_folder(tmp.path(), f);
    read_ok(tmp.path(), {{"weidu", with_fraud_ban("same_award")}});
    CHECK(problems_in(tmp.path(), {{"weidu", with_fraud_ban("any_award")}}).size() == 1);
}

// ---- applicants.xlsx

namespace {

// The minimal applicant of fixtures.hpp as a workbook row, plus extra columns.
struct Sheet {
    json headers = {"单位名称", "统一社会信用代码", "申报奖项", "注册地", "通讯地址", "成立日期", "所属行业",
                    "具备资质证照", "符合政策要求", "自评结果", "事故投诉失信", "以往获奖", "联系人", "联系电话"};
    json row = {"许昌甲公司", kCodeA, "区长质量奖", "魏都区", "许昌市魏都区魏武大道1168号", "2010-05-20",
                "电气机械和器材制造业", "是", "是", "2024 良好；2025 优秀", "2025-04-22 安全事故 一般 叉车轻微碰撞",
                "区长质量提名奖 2021-01-15", "张伟", "13903741026"};

    void add(const std::string& header, const json& value) {
        headers.push_back(header);
        row.push_back(value);
    }
    // "R2": the cell of `header` in the applicant's row.
    std::string cell(const std::string& header) const {
        for (std::size_t i = 0; i < headers.size(); ++i)
            if (headers[i] == header) return std::string(1, char('A' + i)) + "2";
        return "?";
    }
};

// A case folder with the minimal case.json and the sheet as applicants.xlsx.
struct XlsxFolder {
    TempDir tmp{"case"};
    explicit XlsxFolder(const Sheet& s) {
        Folder f;
        f.decisions.reset();
        write_folder(tmp.path(), f);
        const std::string failed = write_applicants_xlsx(tmp, s.headers, json::array({s.row}));
        if (!failed.empty()) FAIL(failed);
    }
};

}  // namespace

TEST_CASE("applicants.xlsx: the new columns and the financial columns of any year are read") {
    Sheet s;
    s.add("法人类型", "企业法人");
    s.add("税收归属地", "魏都区");
    s.add("推荐单位", "魏都区西大街道办事处");
    s.add("推荐单位类别", "街道办事处");
    s.add("环保信用等级", "蓝色");
    s.add("实施卓越绩效起始日期", {{"date", "2023-03-01"}});
    s.add("设有首席质量官", "是");
    s.add("通过质量管理体系认证", true);
    s.add("已在本单位内部公示", "否");
    s.add("2024年营业收入（万元）", 12345.67);
    s.add("2024年利润总额（万元）", "-35.2");
    s.add("2025年利润总额(万元)", 0);
    s.add("2025年纳税总额（万元）", "1,234.56");
    s.add("2023年利润总额（万元）", nullptr);  // a column with nothing in this row: no 2023 entry
    s.row[11] = "区长质量奖 2020-09-18 撤销 2022-03-01 弄虚作假\n区长质量提名奖 2019-01-15";
    XlsxFolder xf(s);
    const Case c = read_ok(xf.tmp.path());
    const Applicant& a = c.applicants.at(0);
    CHECK(a.legal_form == "企业法人");
    CHECK(a.tax_region == "魏都区");
    REQUIRE(a.recommendation);
    CHECK(a.recommendation->by == "魏都区西大街道办事处");
    CHECK(a.recommendation->level == "街道办事处");
    CHECK(a.environmental_credit == "蓝色");
    CHECK(a.excellence_model_since == Date(2023, 3, 1));
    CHECK(a.has_chief_quality_officer);
    CHECK(a.quality_system_certified);
    CHECK_FALSE(a.internal_publicity_done);
    REQUIRE(a.financials.size() == 2);  // in year order
    CHECK(a.financials[0].year == 2024);
    CHECK(a.financials[0].revenue_yuan == 123456700LL);
    CHECK(a.financials[0].profit_yuan == -352000);
    CHECK_FALSE(a.financials[0].tax_yuan.has_value());
    CHECK(a.financials[1].year == 2025);
    CHECK(a.financials[1].profit_yuan == 0);
    CHECK(a.financials[1].tax_yuan == 12345600);
    REQUIRE(a.prior_awards.size() == 2);
    CHECK(a.prior_awards[0].revoked_on == Date(2022, 3, 1));
    CHECK(a.prior_awards[0].revocation_reason == "弄虚作假");
    CHECK(a.prior_awards[1].revocation_reason.empty());
}

TEST_CASE("applicants.xlsx: a revocation without a reason under a ban counting only some reasons names the row, the cell and 撤销原因") {
    Sheet s;
    s.row[11] = "区长质量奖 2020-09-18 撤销 2022-03-01";
    XlsxFolder xf(s);
    const auto problems = problems_in(xf.tmp.path(), {{"weidu", with_fraud_ban()}});
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.xlsx");
    CHECK(problems[0].record == "第2行（许昌甲公司）");
    CHECK(problems[0].field == "以往获奖（" + s.cell("以往获奖") + "）第1条 撤销原因");
    CHECK(problems[0].value.empty());
    CHECK(problems[0].expected ==
          "撤销原因，以下之一：弄虚作假、行贿、事故、其他（政策包 weidu.json 中检查 wd-30-fraud-ban（第三十条）"
          "只计入因弄虚作假、行贿被撤销的奖项：未写撤销原因就无法判断这次撤销是否禁止申报，程序不会当作不计入）");
}

TEST_CASE("applicants.xlsx: a bad amount names the row, the year's column and the cell") {
    Sheet s;
    s.add("2024年利润总额（万元）", "12.345");
    s.add("2025年纳税总额（万元）", -3);
    XlsxFolder xf(s);
    auto problems = problems_in(xf.tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "applicants.xlsx");
    CHECK(problems[0].record == "第2行（许昌甲公司）");
    CHECK(problems[0].field == "2024年利润总额（万元）（" + s.cell("2024年利润总额（万元）") + "）");
    CHECK(problems[0].value == "12.345");
    CHECK(contains(problems[0].expected, "最多两位小数"));
    CHECK(problems[1].field == "2025年纳税总额（万元）（" + s.cell("2025年纳税总额（万元）") + "）");
    CHECK(problems[1].value == "-3");
    CHECK(contains(problems[1].expected, "不为负数"));
}

TEST_CASE("applicants.xlsx: a date in an amount column is reported once, in the workbook's terms") {
    Sheet s;
    s.add("2024年利润总额（万元）", {{"date", "2024-12-31"}});
    XlsxFolder xf(s);
    auto problems = problems_in(xf.tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "2024年利润总额（万元）（" + s.cell("2024年利润总额（万元）") + "）");
    CHECK(contains(problems[0].expected, "日期格式"));
}

TEST_CASE("applicants.xlsx: the same year's figure in two columns is a header problem") {
    Sheet s;
    s.add("2024年利润总额（万元）", 1);
    s.add("2024年利润总额(万元)", 2);
    XlsxFolder xf(s);
    auto problems = problems_in(xf.tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "2024年利润总额(万元)");
    CHECK(contains(problems[0].expected, "同一年度的同一项"));
    CHECK(contains(problems[0].expected, s.cell("2024年利润总额（万元）").substr(0, 1) + "1"));
}

TEST_CASE("applicants.xlsx: an unknown header's message names the financial columns too") {
    Sheet s;
    s.add("2024年利润（万元）", 1);
    XlsxFolder xf(s);
    auto problems = problems_in(xf.tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "2024年利润（万元）");
    CHECK(contains(problems[0].expected, "<年份>年利润总额（万元）"));
    CHECK(contains(problems[0].expected, "推荐单位类别"));
}

TEST_CASE("applicants.xlsx: a recommender without its level and a bad revocation reason name their columns") {
    Sheet s;
    s.add("推荐单位", "魏都区西大街道办事处");
    s.row[11] = "区长质量奖 2020-09-18 撤销 2022-03-01 贪污";
    XlsxFolder xf(s);
    auto problems = problems_in(xf.tmp.path());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].record == "第2行（许昌甲公司）");
    CHECK(problems[0].field == "以往获奖（L2）第1条 撤销原因");
    CHECK(problems[0].value == "贪污");
    CHECK(contains(problems[0].expected, "弄虚作假、行贿、事故、其他"));
    CHECK(problems[1].field == "推荐单位类别");
    CHECK(contains(problems[1].expected, "都要写"));
}

TEST_CASE("ingest: 所在镇（街道） and 企业规模 for the statistics are read from applicants.json and applicants.xlsx, an unknown size is refused") {
    {
        TempDir tmp("case");
        Folder f;
        applicant0(f)["township"] = " 高桥街道 ";
        applicant0(f)["size"] = "中型";
        write_folder(tmp.path(), f);
        const Applicant a = read_ok(tmp.path()).applicants.at(0);
        CHECK(a.township == "高桥街道");
        CHECK(a.size == "中型");
    }
    {
        TempDir tmp("case");
        Folder f;
        applicant0(f)["size"] = "特大型";
        write_folder(tmp.path(), f);
        auto problems = problems_in(tmp.path());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].record == kA0);
        CHECK(problems[0].field == "size");
        CHECK(problems[0].value == "特大型");
        CHECK(contains(problems[0].expected, "大型"));
        CHECK(contains(problems[0].expected, "微型"));
    }
    {
        Sheet s;
        s.add("所在镇（街道）", "魏都区西大街道");
        s.add("企业规模", "小型");
        XlsxFolder xf(s);
        const Applicant a = read_ok(xf.tmp.path()).applicants.at(0);
        CHECK(a.township == "魏都区西大街道");
        CHECK(a.size == "小型");
    }
    {
        // Not given: empty, as before.
        TempDir tmp("case");
        Folder f;
        write_folder(tmp.path(), f);
        const Applicant a = read_ok(tmp.path()).applicants.at(0);
        CHECK(a.township.empty());
        CHECK(a.size.empty());
    }
}
