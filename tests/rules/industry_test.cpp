// 《国民经济行业分类》GB/T 4754-2017 as compiled in (templates/reference/gbt4754-2017.json)
// and how an applicant's 所属行业 is placed in its 门类 (rules/industry.hpp).
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "rules/industry.hpp"

using award::gbt4754;
using award::IndustryResolution;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// "C34" for a resolution to a 大类, "C" for one to a 门类 only, "" when not resolved.
std::string placed(const std::string& text) {
    const IndustryResolution r = gbt4754().resolve(text);
    if (!r) return "";
    return r.section->code + (r.division ? r.division->code : "");
}

}  // namespace

TEST_CASE("GB/T 4754-2017: 20 门类 A–T and 97 大类 01–97, numbered through, each under its 门类") {
    const auto& t = gbt4754();
    CHECK(t.standard() == "GB/T 4754-2017");
    CHECK(t.title() == "国民经济行业分类");
    REQUIRE(t.sections().size() == 20);
    for (std::size_t k = 0; k < 20; ++k) CHECK(t.sections()[k].code == std::string(1, char('A' + k)));
    REQUIRE(t.divisions().size() == 97);
    for (std::size_t k = 0; k < 97; ++k) {
        const std::string code = (k + 1 < 10 ? "0" : "") + std::to_string(k + 1);
        CHECK(t.divisions()[k].code == code);
    }
    // The 大类 ranges of the 门类 as the standard sets them.
    const std::pair<const char*, std::pair<int, int>> ranges[] = {
        {"A", {1, 5}},   {"B", {6, 12}},  {"C", {13, 43}}, {"D", {44, 46}}, {"E", {47, 50}},
        {"F", {51, 52}}, {"G", {53, 60}}, {"H", {61, 62}}, {"I", {63, 65}}, {"J", {66, 69}},
        {"K", {70, 70}}, {"L", {71, 72}}, {"M", {73, 75}}, {"N", {76, 79}}, {"O", {80, 82}},
        {"P", {83, 83}}, {"Q", {84, 85}}, {"R", {86, 90}}, {"S", {91, 96}}, {"T", {97, 97}}};
    for (const auto& [section, range] : ranges)
        for (int n = range.first; n <= range.second; ++n) {
            INFO(n);
            CHECK(t.divisions()[std::size_t(n - 1)].section == section);
        }
    // Names checked against the standard, a few from each part of the table.
    CHECK(t.find_section("B")->name == "采矿业");
    CHECK(t.find_section("C")->name == "制造业");
    CHECK(t.find_section("D")->name == "电力、热力、燃气及水生产和供应业");
    CHECK(t.find_section("I")->name == "信息传输、软件和信息技术服务业");
    CHECK(t.find_section("S")->name == "公共管理、社会保障和社会组织");
    CHECK(t.find_division("05")->name == "农、林、牧、渔专业及辅助性活动");
    CHECK(t.find_division("11")->name == "开采专业及辅助性活动");
    CHECK(t.find_division("13")->name == "农副食品加工业");
    CHECK(t.find_division("34")->name == "通用设备制造业");
    CHECK(t.find_division("43")->name == "金属制品、机械和设备修理业");
    CHECK(t.find_division("44")->name == "电力、热力生产和供应业");
    CHECK(t.find_division("65")->name == "软件和信息技术服务业");
    CHECK(t.find_division("79")->name == "土地管理业");
    CHECK(t.find_division("87")->name == "广播、电视、电影和录音制作业");
    CHECK(t.find_division("96")->name == "基层群众自治组织及其他组织");
    CHECK(t.find_division("97")->name == "国际组织");
    CHECK_FALSE(t.find_division("98"));
    CHECK_FALSE(t.find_section("U"));
}

TEST_CASE("GB/T 4754-2017: the data file states its source, and the compiled table is that file") {
    std::ifstream in(std::string(AWARD_SOURCE_DIR) + "/templates/reference/gbt4754-2017.json");
    REQUIRE(in);
    const auto j = nlohmann::json::parse(in);
    CHECK(contains(j.at("source").get<std::string>(), "GB/T 4754-2017《国民经济行业分类》"));
    std::size_t divisions = 0;
    for (const auto& s : j.at("sections")) {
        const auto* section = gbt4754().find_section(s.at("code").get<std::string>());
        REQUIRE(section);
        CHECK(section->name == s.at("name").get<std::string>());
        for (const auto& d : s.at("divisions")) {
            const auto* division = gbt4754().find_division(d.at("code").get<std::string>());
            REQUIRE(division);
            CHECK(division->name == d.at("name").get<std::string>());
            CHECK(division->section == section->code);
            ++divisions;
        }
    }
    CHECK(divisions == gbt4754().divisions().size());
}

TEST_CASE("industry: a 门类 or 大类 name, a code or a code with its name is placed in its 门类") {
    CHECK(placed("通用设备制造业") == "C34");
    CHECK(placed("制造业") == "C");
    CHECK(placed("电力、热力、燃气及水生产和供应业") == "D");
    CHECK(placed("房地产业") == "K70");  // a 门类 and a 大类 of the same name
    CHECK(placed("C34") == "C34");
    CHECK(placed("34") == "C34");
    CHECK(placed("C") == "C");
    CHECK(placed("C 制造业") == "C");
    CHECK(placed("C制造业") == "C");
    CHECK(placed("C34 通用设备制造业") == "C34");
    CHECK(placed("34 通用设备制造业") == "C34");
    CHECK(placed("C 通用设备制造业") == "C34");
    CHECK(placed("C-34") == "C34");
    CHECK(placed("c34") == "C34");
    CHECK(placed("06") == "B06");
    // A 中类 or 小类 code counts under its 大类.
    CHECK(placed("C3411") == "C34");
    CHECK(placed("341") == "C34");
}

TEST_CASE("industry: spaces, full-width characters, another comma and a note in brackets do not matter") {
    CHECK(placed("通用设备制造业 ") == "C34");
    CHECK(placed("　通用设备 制造业") == "C34");  // U+3000 and a space inside
    CHECK(placed("Ｃ３４") == "C34");
    CHECK(placed("Ｃ　制造业") == "C");
    CHECK(placed("电力，热力生产和供应业") == "D44");
    CHECK(placed("电力,热力生产和供应业") == "D44");
    CHECK(placed("其他制造业（发制品）") == "C41");
    CHECK(placed("卫生(口腔专科医院)") == "Q84");
    CHECK(placed("卫生和社会工作（护理机构服务）") == "Q");
}

TEST_CASE("industry: what cannot be placed says why") {
    auto problem = [](const std::string& text) {
        const IndustryResolution r = gbt4754().resolve(text);
        CHECK_FALSE(r);
        CHECK_FALSE(r.section);
        return r.problem;
    };
    // A 小类 name, another wording, a name that is not the standard's.
    CHECK(contains(problem("眼镜制造业"), "“眼镜制造业”不是门类或大类的名称"));
    CHECK(contains(problem("机械制造"), "不是门类或大类的名称"));
    CHECK(contains(problem("IT服务"), "“IT服务”不是门类或大类的名称"));
    CHECK(contains(problem("99"), "没有代码为 99 的大类"));
    CHECK(contains(problem("Z"), "没有字母为 Z 的门类"));
    CHECK(contains(problem("3"), "代码 3 不是大类代码"));
    CHECK(contains(problem(""), "未填写"));
    CHECK(contains(problem("  "), "未填写"));
    // Code and name must agree.
    CHECK(problem("I 制造业") == "“I”与“制造业”不一致：前者为门类 I 信息传输、软件和信息技术服务业，后者为门类 C 制造业");
    CHECK(contains(problem("C65"), "“C”与“65”不一致"));
    CHECK(contains(problem("C65"), "大类 65 软件和信息技术服务业（门类 I 信息传输、软件和信息技术服务业）"));
    CHECK(contains(problem("34 专用设备制造业"), "“34”与“专用设备制造业”不一致"));
}

TEST_CASE("industry: the table refuses a broken data file, naming the entry") {
    using award::IndustryTable;
    CHECK_THROWS_WITH(IndustryTable::from_json("[]"), Catch::Contains("应为 JSON 对象"));
    const std::string head = R"({"standard": "GB/T 4754-2017", "title": "国民经济行业分类", "sections": )";
    CHECK_THROWS_WITH(IndustryTable::from_json(head + R"([{"code": "c", "name": "制造业", "divisions": [{"code": "13", "name": "农副食品加工业"}]}]})"),
                      Catch::Contains("/sections/0/code"));
    CHECK_THROWS_WITH(IndustryTable::from_json(head + R"([{"code": "C", "name": "制造业", "divisions": [{"code": "13", "name": "a"}, {"code": "13", "name": "b"}]}]})"),
                      Catch::Contains("重复的大类代码 13"));
    CHECK_THROWS_WITH(IndustryTable::from_json(head + R"([{"code": "C", "name": "制造业", "divisions": [{"code": "1", "name": "a"}]}]})"),
                      Catch::Contains("/sections/0/divisions/0/code"));
    CHECK_NOTHROW(IndustryTable::from_json(head + R"([{"code": "C", "name": "制造业", "divisions": [{"code": "13", "name": "农副食品加工业"}]}]})"));
}
