// The yearly report forms of the packs (award reports): 魏都区 第二十八条（二） (the
// 《魏都区长质量奖质量绩效报告》 each year for 3 years), 中牟县 第二十九条 (the 绩效统计调查
// each year of the validity), and the loader refusing a broken report_form with its JSON path.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"
#include "packs/policy_pack.hpp"
#include "temp_dir.hpp"

using award::ReportIndicator;
using nlohmann::json;
using packs_test::source;
using packs_test::TempDir;

namespace {

const award::Obligation* obligation(const award::Policy& p, const std::string& id) {
    for (const auto& o : p.obligations)
        if (o.id == id) return &o;
    return nullptr;
}

const ReportIndicator* indicator(const award::ReportForm& f, const std::string& id) {
    for (const auto& i : f.indicators)
        if (i.id == id) return &i;
    return nullptr;
}

// The weidu pack after `edit` to its yearly-report form; the ConfigError message.
std::string broken_form(const std::function<void(json&)>& edit) {
    std::ifstream in(source("templates/policies/weidu.json"));
    json j = json::parse(in);
    for (auto& o : j["obligations"])
        if (o["id"] == "yearly-report") edit(o["report_form"]);
    TempDir dir;
    const auto file = dir.write("weidu.json", j.dump(2));
    try {
        award::load_policy_pack(file);
    } catch (const award::ConfigError& e) {
        const std::string m = e.what();
        CHECK(m.find(file.string()) != std::string::npos);
        return m;
    }
    FAIL("expected ConfigError");
    return "";
}

}  // namespace

TEST_CASE("WD-第二十八条（二） the yearly 质量绩效报告 has a form: the last 3 years' indicators, due each 31 March") {
    const auto p = award::load_policy_pack(source("templates/policies/weidu.json"));
    const auto* o = obligation(p, "yearly-report");
    REQUIRE(o);
    CHECK(o->article == "第二十八条（二）");
    CHECK(o->years == 3);
    REQUIRE(o->report_form);
    const auto& f = *o->report_form;
    CHECK(f.title == "魏都区长质量奖质量绩效报告");  // as the article names it
    CHECK(f.due == "03-31");
    CHECK(o->due() == "03-31");
    CHECK(f.years_shown == 3);
    for (const char* id : {"revenue", "profit", "tax", "rd_expense", "rd_intensity", "quality_loss_rate", "labour_productivity",
                           "employees"})
        CHECK(indicator(f, id));
    CHECK(indicator(f, "revenue")->kind == ReportIndicator::Kind::MoneyWan);
    CHECK_FALSE(indicator(f, "revenue")->negative_allowed);
    CHECK(indicator(f, "profit")->negative_allowed);  // a loss
    CHECK(indicator(f, "quality_loss_rate")->kind == ReportIndicator::Kind::Percent);
    CHECK(indicator(f, "labour_productivity")->unit == "万元/人");
    CHECK(indicator(f, "employees")->kind == ReportIndicator::Kind::Integer);
    // The other obligations have no form.
    CHECK_FALSE(obligation(p, "promote")->report_form);
    CHECK(obligation(p, "promote")->due().empty());
}

TEST_CASE("ZM-第二十九条 the performance statistics survey has the form, the self-evaluation report does not") {
    const auto p = award::load_policy_pack(source("templates/policies/zhongmou.json"));
    const auto* stats = obligation(p, "statistics");
    REQUIRE(stats);
    CHECK(stats->article == "第二十九条");
    REQUIRE(stats->report_form);
    CHECK(stats->report_form->title == "中牟县县长质量奖获奖组织绩效统计调查表");
    CHECK(stats->report_form->due == "03-31");
    CHECK(indicator(*stats->report_form, "revenue"));
    const auto* self = obligation(p, "self-evaluation");
    REQUIRE(self);
    CHECK_FALSE(self->report_form);
}

TEST_CASE("Pack loader: a broken report_form is refused naming the pack file and the JSON path") {
    const std::string base = "/obligations/0/report_form";
    auto m = broken_form([](json& f) { f["due"] = "3-31"; });
    CHECK(m.find(base + "/due") != std::string::npos);
    m = broken_form([](json& f) { f["due"] = "02-30"; });
    CHECK(m.find(base + "/due") != std::string::npos);
    m = broken_form([](json& f) { f["indicators"][0]["kind"] = "money"; });
    CHECK(m.find(base + "/indicators/0/kind") != std::string::npos);
    CHECK(m.find("money_wan") != std::string::npos);
    m = broken_form([](json& f) { f["indicators"][4]["negative_allowed"] = true; });  // a percentage
    CHECK(m.find(base + "/indicators/4/negative_allowed") != std::string::npos);
    m = broken_form([](json& f) { f["indicators"][1]["id"] = "revenue"; });
    CHECK(m.find(base + "/indicators/1/id") != std::string::npos);
    CHECK(m.find("重复") != std::string::npos);
    m = broken_form([](json& f) { f["indicators"][0]["id"] = "营业收入"; });
    CHECK(m.find(base + "/indicators/0/id") != std::string::npos);
    m = broken_form([](json& f) { f["indicators"] = json::array(); });
    CHECK(m.find(base + "/indicators") != std::string::npos);
    m = broken_form([](json& f) { f["years"] = 3; });
    CHECK(m.find(base + "/years") != std::string::npos);
}
