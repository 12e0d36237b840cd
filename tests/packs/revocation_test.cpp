// The packs' "revocation" sections (award revoke): every pack lists the grounds of its
// regulation, each citing its article and quoted word for word; the ban a revocation
// brings is the one the pack's ban_after_revocation checks hold for its reason; a broken
// section is refused naming the file and the JSON pointer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"
#include "packs/policy_pack.hpp"
#include "packs/revocation.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using packs_test::source;
using packs_test::TempDir;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const award::PolicyCatalog& catalog() {
    static const award::PolicyCatalog c = award::load_policy_catalog(source("templates/policies"));
    return c;
}

const award::Policy& pack(const std::string& id) { return catalog().at(id); }

// The regulation's text without white space (the texts carry layout spaces and line breaks).
std::string regulation_text(const std::string& id) {
    static const std::map<std::string, std::string> files = {{"weidu", "weidu-district"},
                                                             {"zhongmou", "zhongmou-county"},
                                                             {"tongzhou", "tongzhou-district"},
                                                             {"lucheng", "lucheng-district"},
                                                             {"benxi", "benxi-city"}};
    std::ifstream in(source("../shared/regulations/" + files.at(id) + ".txt"));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
    return out;
}

std::string without_spaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

const award::RevocationGround& ground(const std::string& id, const std::string& reason, const std::string& article = "") {
    for (const auto* g : pack(id).revocation->grounds_for(reason))
        if (article.empty() || g->article == article) return *g;
    throw std::logic_error("no ground " + reason + " " + article + " in " + id);
}

// Loads weidu.json after `edit`; returns the ConfigError message (after checking it names the file).
std::string broken(const std::function<void(json&)>& edit) {
    TempDir dir;
    std::ifstream in(source("templates/policies/weidu.json"));
    json j = json::parse(in);
    edit(j);
    auto file = dir.write("weidu.json", j.dump(2));
    try {
        award::load_policy_pack(file);
    } catch (const award::ConfigError& e) {
        std::string m = e.what();
        CHECK(contains(m, file.string()));
        return m;
    }
    FAIL("expected ConfigError");
    return "";
}

}  // namespace

TEST_CASE("Packs: every pack lists its revocation grounds, each with an article, quoted word for word from the regulation") {
    REQUIRE(catalog().size() == 5);
    for (const auto& [id, p] : catalog()) {
        INFO(id);
        REQUIRE(p.revocation);
        CHECK_FALSE(p.revocation->grounds.empty());
        CHECK_FALSE(p.revocation->recovers.empty());
        const std::string text = regulation_text(id);
        const auto reasons = award::pack_revocation_reasons(p);
        for (const auto& g : p.revocation->grounds) {
            INFO(g.reason + " " + g.article);
            CHECK(g.article.rfind("第", 0) == 0);
            CHECK(std::find(reasons.begin(), reasons.end(), g.reason) != reasons.end());
            if (text.empty()) continue;  // the shared regulations are not beside this checkout
            CHECK(contains(text, without_spaces(g.text)));
            CHECK(contains(text, without_spaces(g.consequence)));
        }
    }
}

TEST_CASE("WD-第三十条 a revocation for 弄虚作假 brings the 4-year ban, cited by its own article") {
    const auto ban = award::revocation_ban(pack("weidu"), ground("weidu", "弄虚作假"));
    REQUIRE(ban);
    CHECK(ban->years == 4);
    CHECK(ban->article == "第三十条");  // the check cites 第三十条、第三十一条
    CHECK(ban->requirement == "4年内不接受该组织再次申报");
}

TEST_CASE("WD-第三十一条 a revocation for 事故 brings the same 4-year ban, cited as 第三十一条") {
    const auto ban = award::revocation_ban(pack("weidu"), ground("weidu", "事故"));
    REQUIRE(ban);
    CHECK(ban->years == 4);
    CHECK(ban->article == "第三十一条");
}

TEST_CASE("ZM-第二十五条 every ground bans for 3 years, and 其他 is two grounds, (三) and (四)") {
    CHECK(pack("zhongmou").revocation->grounds_for("其他").size() == 2);
    for (const auto& g : pack("zhongmou").revocation->grounds) {
        INFO(g.article);
        const auto ban = award::revocation_ban(pack("zhongmou"), g);
        REQUIRE(ban);
        CHECK(ban->years == 3);
        CHECK(ban->article == "第二十五条");
    }
    CHECK(ground("zhongmou", "其他", "第二十五条（三）").text == "造成严重不良社会影响");
    // 中牟县第二十五条: 追缴奖金
    CHECK(pack("zhongmou").revocation->recovers.back().verb == "追缴");
}

TEST_CASE("TZ-第二十三条 fraud bans for 5 years, TZ-第二十四条 an incident brings no ban") {
    const auto fraud = award::revocation_ban(pack("tongzhou"), ground("tongzhou", "弄虚作假"));
    REQUIRE(fraud);
    CHECK(fraud->years == 5);
    CHECK(fraud->article == "第二十三条");
    CHECK(ground("tongzhou", "事故").article == "第二十四条");
    CHECK_FALSE(award::revocation_ban(pack("tongzhou"), ground("tongzhou", "事故")));
    CHECK_FALSE(award::revocation_ban(pack("tongzhou"), ground("tongzhou", "其他")));
}

TEST_CASE("LC-第十七条 only fraud is a ground, with the 5-year ban, and nothing is paid back") {
    const auto& r = *pack("lucheng").revocation;
    REQUIRE(r.grounds.size() == 1);
    CHECK(r.grounds[0].reason == "弄虚作假");
    const auto ban = award::revocation_ban(pack("lucheng"), r.grounds[0]);
    REQUIRE(ban);
    CHECK(ban->years == 5);
    CHECK(ban->article == "第十七条");
    for (const auto& rec : r.recovers) CHECK(rec.role != award::RevocationRecovery::Role::Prize);
}

TEST_CASE("BX-第三十一条 fraud or bribery bans for 10 years, BX-第三十二条 the listed incidents for the next cycle (2 years)") {
    for (const char* reason : {"弄虚作假", "行贿"}) {
        const auto ban = award::revocation_ban(pack("benxi"), ground("benxi", reason));
        REQUIRE(ban);
        CHECK(ban->years == 10);
        CHECK(ban->article == "第三十一条");
    }
    for (const char* reason : {"事故", "质量问题", "典型失信", "欺诈消费者", "其他"}) {
        INFO(reason);
        const auto& g = ground("benxi", reason);
        CHECK(g.article.rfind("第三十二条（", 0) == 0);
        const auto ban = award::revocation_ban(pack("benxi"), g);
        REQUIRE(ban);
        CHECK(ban->years == 2);
        CHECK(ban->article == "第三十二条");
        CHECK(ban->requirement == "被撤销奖项的组织不得参加下一届市长质量奖的评审");
    }
}

TEST_CASE("Pack loader: a revocation ground with a reason the pack does not accept is refused, naming the pointer and the accepted reasons") {
    const std::string m = broken([](json& j) { j["revocation"]["grounds"][0]["reason"] = "违约"; });
    CHECK(contains(m, "/revocation/grounds/0/reason"));
    CHECK(contains(m, "\"违约\""));
    CHECK(contains(m, "弄虚作假、行贿、事故、其他"));
    // 质量问题 is 本溪市's own reason (its ban check counts it), not 魏都区's.
    CHECK(contains(broken([](json& j) { j["revocation"]["grounds"][2]["reason"] = "质量问题"; }), "/revocation/grounds/2/reason"));
}

TEST_CASE("Pack loader: a broken revocation section is refused with every problem, each by its pointer") {
    const std::string m = broken([](json& j) {
        auto& r = j["revocation"];
        r["grounds"][0]["article"] = "第30条";
        r["grounds"][1]["text"] = "采取不正当手段获得区长质量奖。";
        r["grounds"][3]["reason"] = "事故";
        r["grounds"][3]["article"] = "第三十一条";  // 事故 on 第三十一条 twice
        r["recovers"][0]["role"] = "medal";
        r["grounds"][2].erase("consequence");
        r["extra"] = 1;
    });
    CHECK(contains(m, "/revocation/grounds/0/article"));
    CHECK(contains(m, "/revocation/grounds/1/text"));
    CHECK(contains(m, "/revocation/grounds/3/article"));
    CHECK(contains(m, "/revocation/recovers/0/role"));
    CHECK(contains(m, "/revocation/grounds/2/consequence"));
    CHECK(contains(m, "extra"));
}

TEST_CASE("Pack loader: a pack without a revocation section loads (award revoke refuses it), an empty one is refused") {
    TempDir dir;
    std::ifstream in(source("templates/policies/weidu.json"));
    json j = json::parse(in);
    j.erase("revocation");
    CHECK_FALSE(award::load_policy_pack(dir.write("weidu.json", j.dump(2))).revocation);
    const std::string m = broken([](json& k) { k["revocation"]["grounds"] = json::array(); });
    CHECK(contains(m, "/revocation/grounds"));
}
