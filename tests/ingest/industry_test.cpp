// 所属行业 (industry) at ingest: free text, except for an award with a check that applies by
// GB/T 4754-2017 门类 (min_rating with sections: 通州区第十一条（六）, 工业企业 = B、C、D), where
// an industry that cannot be placed in a 门类 is refused rather than taken for "not industrial".
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "applicants_xlsx_fixture.hpp"
#include "ingest/case_reader.hpp"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSources = fs::path(AWARD_SOURCE_DIR);

PolicyCatalog tongzhou_catalog() {
    return {{"tongzhou", load_policy_pack(kSources / "templates" / "policies" / "tongzhou.json")}};
}

// The index of the first applicant for `award`.
std::size_t first_applicant_for(const json& applicants, const std::string& award) {
    std::size_t k = 0;
    while (applicants["applicants"][k]["award"] != award) ++k;
    return k;
}

// The minimal weidu-like case's applicant with a min_rating check by 门类 on 区长质量奖.
PolicyCatalog weidu_with_sections() {
    Policy p = weidu_like_policy();
    CheckSpec rating;
    rating.id = "wd-x-credit";
    rating.kind = "min_rating";
    rating.article = "第九条";
    rating.requirement = "工业企业环保信用等级不低于蓝色";
    rating.params = {{"field", "environmental_credit"}, {"scale", {"红色", "黄色", "蓝色", "绿色"}}, {"min", "蓝色"},
                     {"sections", {"B", "C", "D"}}};
    rating.fail_text = "贵单位{finding}。";
    p.checks.push_back(rating);
    for (auto& a : p.awards)
        if (a.name == "区长质量奖") a.checks.push_back(rating.id);
    return {{"weidu", p}};
}

}  // namespace

TEST_CASE("TZ-第十一条（六） an industry that is no GB/T 4754 门类 or 大类 is refused at ingest, naming the record, the field, the value and what to write") {
    const PolicyCatalog catalog = tongzhou_catalog();
    TempDir tmp("case");
    const fs::path dir = tmp.path() / "tongzhou-2026";  // the score sheets name the case by its folder
    fs::copy(kSources / "samples" / "tongzhou-2026", dir, fs::copy_options::recursive);
    // The sample as shipped reads cleanly: its industries are all 大类 names.
    CHECK(problems_in(dir, catalog).empty());

    json applicants = read_json(dir / "applicants.json");
    const std::size_t k = first_applicant_for(applicants, "区长质量奖");
    const std::string name = applicants["applicants"][k]["name"];
    applicants["applicants"][k]["industry"] = "眼镜制造业";  // a 小类 name (3587 眼镜制造)
    write_json(dir / "applicants.json", applicants);
    const auto problems = problems_in(dir, catalog);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    const Problem& p = problems[0];
    CHECK(p.file == "applicants.json");
    CHECK(p.record == "/applicants/" + std::to_string(k) + "（" + name + "）");
    CHECK(p.field == "industry");
    CHECK(p.value == "眼镜制造业");
    CHECK(p.expected ==
          "《国民经济行业分类》（GB/T 4754-2017）的门类或大类名称（如 \"制造业\"、\"通用设备制造业\"）或代码（如 \"C\"、\"C34\"、\"34\"），"
          "可在后面用括号加注，如 \"其他制造业（发制品）\"（“眼镜制造业”不是门类或大类的名称（中类、小类的名称或其他写法不能据以归入门类）。"
          "政策包 tongzhou.json 中检查 tz-11-environmental-credit（第十一条（六））只适用于所属行业属门类 B、C、D 的申报组织："
          "无法归入门类就无法判断是否适用，程序不会当作不适用）");

    // Written as a code, with a code, full-width or with a note, it reads.
    for (const char* fine : {"C34", "34", "C 制造业", "Ｃ３４", "通用设备制造业 ", "其他制造业（发制品）", "软件和信息技术服务业"}) {
        INFO(fine);
        applicants["applicants"][k]["industry"] = fine;
        write_json(dir / "applicants.json", applicants);
        CHECK(problems_in(dir, catalog).empty());
    }
    // A code that contradicts the name is a mistake too.
    applicants["applicants"][k]["industry"] = "C 软件和信息技术服务业";
    write_json(dir / "applicants.json", applicants);
    const auto mixed = problems_in(dir, catalog);
    REQUIRE(mixed.size() == 1);
    CHECK(contains(mixed[0].expected, "“C”与“软件和信息技术服务业”不一致"));
}

TEST_CASE("ingest: without a check by 门类 the industry is free text (鹿城区 has 眼镜制造业, 魏都区 卫生（口腔专科医院）)") {
    TempDir tmp("case");
    Folder f;
    f.applicants["applicants"][0]["industry"] = "眼镜制造业";
    write_folder(tmp.path(), f);
    CHECK(problems_in(tmp.path()).empty());
    // With such a check on the award applied for (区长质量奖), the same text is refused.
    const auto problems = problems_in(tmp.path(), weidu_with_sections());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "industry");
    CHECK(problems[0].value == "眼镜制造业");
    CHECK(contains(problems[0].expected, "政策包 weidu 中检查 wd-x-credit（第九条）只适用于所属行业属门类 B、C、D 的申报组织"));
    // An applicant for an award without the check is not asked.
    f.applicants["applicants"][0]["award"] = "区长质量提名奖";
    f.applicants["applicants"][0]["prior_awards"] = json::array();
    f.decisions.reset();  // its 特批 concerns a 区长质量奖 applicant
    write_folder(tmp.path(), f);
    fs::remove(tmp.path() / "decisions.json");
    const auto nomination = problems_in(tmp.path(), weidu_with_sections());
    INFO(all_messages(nomination));
    CHECK(nomination.empty());
}

TEST_CASE("applicants.xlsx: an industry that cannot be placed names the row, the 所属行业 column and the cell") {
    json headers = {"单位名称", "统一社会信用代码", "申报奖项", "注册地", "通讯地址", "成立日期", "所属行业",
                    "具备资质证照", "符合政策要求", "自评结果", "事故投诉失信", "以往获奖", "联系人", "联系电话"};
    json row = {"许昌甲公司", "91411002175206385X", "区长质量奖", "魏都区", "许昌市魏都区魏武大道1168号", "2010-05-20",
                "机械制造", "是", "是", "2024 良好；2025 优秀", "", "区长质量提名奖 2021-01-15", "张伟", "13903741026"};
    TempDir tmp("case");
    Folder f;
    f.decisions.reset();
    write_folder(tmp.path(), f);
    const std::string failed = write_applicants_xlsx(tmp, headers, json::array({row}));
    if (!failed.empty()) FAIL(failed);

    const auto problems = problems_in(tmp.path(), weidu_with_sections());
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.xlsx");
    CHECK(problems[0].record == "第2行（许昌甲公司）");
    CHECK(contains(problems[0].field, "所属行业"));
    CHECK(contains(problems[0].field, "G2"));
    CHECK(problems[0].value == "机械制造");
    CHECK(contains(problems[0].expected, "“机械制造”不是门类或大类的名称"));
}
