// What `award policies` and `award explain` say about the rules that are not
// eligibility checks: cycles, award validity, holder prizes, obligations after the award.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using namespace e2e;

namespace {

// One pack's block of `award policies`, from its id line to the blank line.
std::string pack_block(const std::string& out, const std::string& head) {
    const auto at = out.find(head);
    if (at == std::string::npos) return "";
    return out.substr(at, out.find("\n\n", at) - at);
}

}  // namespace

TEST_CASE("BX-第四条 award policies: every 2 years, the award valid 5 years, 提名奖 never twice, the 差额 for a nominee") {
    Ran r = run_award({"policies"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const std::string bx = pack_block(r.out, "benxi  本溪市  《本溪市市长质量奖管理办法》");
    REQUIRE_FALSE(bx.empty());
    CHECK(bx.find("评选周期：每 2 年一届（第四条）；奖项有效期 5 年（第四条）") != std::string::npos);
    CHECK(bx.find("市长质量奖：名额 2 家，奖金 20万元，已获市长质量奖提名奖者奖金 10万元（差额，第二十五条）") !=
          std::string::npos);
    CHECK(bx.find("市长质量奖提名奖：名额 5 家，奖金 10万元，不单独申报") != std::string::npos);
    CHECK(bx.find("已获市长质量奖提名奖的不再授予（第十二条）") != std::string::npos);
    CHECK(bx.find("在有效期（5年）内，可在形象宣传中使用获奖称号，但需注明获奖年度") != std::string::npos);
}

TEST_CASE("ZM-第二十八条 award policies: the award is valid 3 years, yearly, self-evaluation for 3 years (第二十九条)") {
    Ran r = run_award({"policies"});
    REQUIRE(r.status == 0);
    const std::string zm = pack_block(r.out, "zhongmou  中牟县  《中牟县县长质量奖管理办法》");
    REQUIRE_FALSE(zm.empty());
    CHECK(zm.find("评选周期：每年一届；奖项有效期 3 年（第二十八条）") != std::string::npos);
    CHECK(zm.find("县长质量奖：名额 5 家，奖金 30万元，可申报（第四条）") != std::string::npos);
    CHECK(zm.find("形成《自评报告》（获奖后 3 年）（第二十九条）") != std::string::npos);
    CHECK(zm.find("受理名单公示：未规定（受理名单以通知公布，不设公示期）") != std::string::npos);
}

TEST_CASE("LC-第三条 award policies: two awards of 5 places each, no money, 初选公示 7 days (第十四条（五）), in force from 2023-09-01") {
    Ran r = run_award({"policies"});
    REQUIRE(r.status == 0);
    const std::string lc = pack_block(r.out, "lucheng  鹿城区  《鹿城区政府质量奖评审管理办法》");
    REQUIRE_FALSE(lc.empty());
    CHECK(lc.find("区政府质量奖：名额 5 家，不设奖金，可申报（第三条") != std::string::npos);
    CHECK(lc.find("质量管理创新奖：名额 5 家，不设奖金，可申报（第三条") != std::string::npos);
    CHECK(lc.find("初步入选名单公示：7天（第十四条（五））") != std::string::npos);
    CHECK(lc.find("有效期：自2023年9月1日起施行（第二十一条），此前适用《鹿城区政府质量奖评审管理办法》（2022年修订）（温鹿政发〔2022〕98号）") != std::string::npos);
    CHECK(lc.find("注明获奖年份，不得用于产品宣传（第十九条）") != std::string::npos);
}

TEST_CASE("WD-第二十八条 explain: a winner owes the yearly 质量绩效报告 for 2027 to 2029, and states the award year (第二十九条)") {
    Ran r = run_award({"explain", sample_dir().string(), "远航"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("获奖后义务：") != std::string::npos);
    CHECK(r.out.find("每年如实填写《魏都区长质量奖质量绩效报告》，报送至区长质量奖评审委员会秘书处（2027年至2029年）（第二十八条（二））") !=
          std::string::npos);
    CHECK(r.out.find("应当注明获奖年度（第二十九条）") != std::string::npos);
    // A rejected applicant owes nothing.
    Ran rejected = run_award({"explain", sample_dir().string(), "天诚"});
    REQUIRE(rejected.status == 0);
    CHECK(rejected.out.find("获奖后义务") == std::string::npos);
}
