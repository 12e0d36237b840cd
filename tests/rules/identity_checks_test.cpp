// 第九条: registration, years in operation (小巨人 reduction), declarations.
#include <catch2/catch.hpp>

#include "wd_fixture.hpp"

using award::Date;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("WD-第九条 registered in 魏都区 passes") {
    wd::Runner w;
    auto r = w.run("wd-9-region", wd::applicant());
    CHECK(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "满足"));
}

TEST_CASE("WD-第九条 registered in another district fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.region = "建安区";
    auto r = w.run("wd-9-region", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.check_id == "wd-9-region");
    CHECK(r.kind == "registered_in");
    CHECK(r.reason ==
          "贵单位注册地为建安区，不在魏都区行政区域内，不符合《魏都区区长质量奖管理办法》第九条关于“在魏都区行政区域内登记注册”的规定。");
    CHECK(contains(r.trace, "建安区"));
    CHECK(contains(r.trace, "不满足"));
}

TEST_CASE("WD-第九条 five years exactly passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.founded = Date(2021, 9, 18);
    auto r = w.run("wd-9-years", a);
    CHECK(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.reason.empty());
    CHECK(contains(r.trace, "满 5 年之日为 2026-09-18"));
}

TEST_CASE("WD-第九条 five years one day short fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.founded = Date(2021, 9, 19);
    auto r = w.run("wd-9-years", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.reason ==
          "贵单位成立于2021年9月19日，截至申报截止日2026年9月18日生产经营不满5年，不符合《魏都区区长质量奖管理办法》"
          "第九条关于“生产经营5年以上（专精特新‘小巨人’企业可放宽至3年以上）”的规定。");
    CHECK(r.trace == "成立日期 2021-09-19；要求 5 年（非专精特新小巨人）；截至 2026-09-18 满 5 年之日为 2026-09-19；不满足");
}

TEST_CASE("WD-第九条 小巨人 three years exactly passes") {
    wd::Runner w;
    auto a = wd::applicant();
    a.founded = Date(2023, 9, 18);
    a.designations = {"专精特新小巨人"};
    auto r = w.run("wd-9-years", a);
    CHECK(r.passed);
    CHECK(contains(r.trace, "要求 3 年（专精特新小巨人，由 5 年放宽）"));
}

TEST_CASE("WD-第九条 小巨人 three years one day short fails") {
    wd::Runner w;
    auto a = wd::applicant();
    a.founded = Date(2023, 9, 19);
    a.designations = {"高新技术企业", "专精特新小巨人"};
    auto r = w.run("wd-9-years", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(contains(r.reason, "成立于2023年9月19日"));
    CHECK(contains(r.reason, "生产经营不满3年"));
    CHECK(contains(r.reason, "第九条"));
}

TEST_CASE("WD-第九条 a designation other than 小巨人 does not reduce the years") {
    wd::Runner w;
    auto a = wd::applicant();
    a.founded = Date(2022, 1, 1);  // 4 years 8 months: enough for 3, not for 5
    a.designations = {"高新技术企业"};
    auto r = w.run("wd-9-years", a);
    CHECK_FALSE(r.passed);
    CHECK(contains(r.reason, "不满5年"));
    CHECK(contains(r.reason, "2022年1月1日"));
}

TEST_CASE("WD-第九条 founded on 29 February reaches five years on 28 February") {
    wd::Runner w;
    w.reference = Date(2025, 2, 28);
    auto a = wd::applicant();
    a.founded = Date(2020, 2, 29);
    CHECK(w.run("wd-9-years", a).passed);
    w.reference = Date(2025, 2, 27);
    CHECK_FALSE(w.run("wd-9-years", a).passed);
}

TEST_CASE("WD-第九条 licences declared passes and not declared fails") {
    wd::Runner w;
    auto a = wd::applicant();
    CHECK(w.run("wd-9-licences", a).passed);
    a.licences_valid = false;
    auto r = w.run("wd-9-licences", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(r.reason ==
          "贵单位在申报材料中未声明具备相关资质或证照，不符合《魏都区区长质量奖管理办法》第九条关于“具备相关资质或证照”的规定。");
    CHECK(contains(r.trace, "licences_valid"));
}

TEST_CASE("WD-第九条 policy compliance declared passes and not declared fails") {
    wd::Runner w;
    auto a = wd::applicant();
    CHECK(w.run("wd-9-policy", a).passed);
    a.policy_compliant = false;
    auto r = w.run("wd-9-policy", a);
    CHECK_FALSE(r.passed);
    CHECK(r.article == "第九条");
    CHECK(contains(r.reason, "未声明符合相关法律法规及政策要求"));
    CHECK(contains(r.reason, "第九条关于“符合国家和本市有关产业导向"));
    CHECK(contains(r.trace, "policy_compliant"));
}
