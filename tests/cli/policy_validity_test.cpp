// 有效期 of a policy pack against a case's dates (cli/policy_validity.hpp): which dates
// are out of force, the refusal's text and the warning carried when the operator allows it.
#include <catch2/catch.hpp>

#include "cli/policy_validity.hpp"

using namespace award;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Policy tongzhou_like() {
    Policy p;
    p.id = "tongzhou";
    p.regulation = "通州区区长质量奖管理办法";
    p.source = "templates/policies/tongzhou.json";
    p.validity = PolicyValidity{std::nullopt, Date(2028, 11, 29), "第二十九条", ""};
    return p;
}

// A cycle whose every date is given, the last on 2028-11-30 at the latest.
Case cycle(int year) {
    Case c;
    c.id = "tongzhou-" + std::to_string(year);
    c.year = year;
    c.application_deadline = Date(year, 3, 31);
    c.acceptance.notice_date = Date(year, 4, 10);
    c.acceptance.publicity_start = Date(year, 4, 13);
    c.review.onsite_list = ReviewNotice{Date(year, 6, 20), std::nullopt, ""};
    c.review.proposed = ReviewNotice{Date(year, 10, 20), Date(year, 10, 21), ""};
    Commendation k;
    k.date = Date(year, 11, 30);
    c.commendation = k;
    Decision d;
    d.kind = "tie_resolution";
    d.date = Date(year, 10, 15);
    d.source = "decisions.json: /decisions/0";
    c.decisions.push_back(d);
    return c;
}

}  // namespace

TEST_CASE("TZ-第二十九条 a cycle inside 2028-11-29 is in force, the commendation on 2028-11-30 is not") {
    const Policy p = tongzhou_like();
    CHECK(dates_out_of_force(p, cycle(2027)).empty());
    const auto late = dates_out_of_force(p, cycle(2028));
    REQUIRE(late.size() == 1);
    CHECK(late[0].where == "case.json: /commendation/date");
    CHECK(late[0].label == "表彰决定日期");
    CHECK(late[0].date == Date(2028, 11, 30));
    CHECK_FALSE(late[0].before_from);
    Case last_day = cycle(2028);
    last_day.commendation->date = Date(2028, 11, 29);  // the last day in force still is
    CHECK(dates_out_of_force(p, last_day).empty());
}

TEST_CASE("TZ-第二十九条 every date the case gives is compared, in case.json order, then the decisions") {
    const Policy p = tongzhou_like();
    const auto all = dates_out_of_force(p, cycle(2029));
    std::vector<std::string> where;
    for (const auto& d : all) where.push_back(d.where);
    // No 受理名单公示 in the pack: acceptance.publicity_start is not used, so not compared.
    CHECK(where == std::vector<std::string>{"case.json: /application_deadline", "case.json: /acceptance/notice_date",
                                            "case.json: /review/onsite_list/notice_date",
                                            "case.json: /review/proposed/notice_date",
                                            "case.json: /review/proposed/publicity_start", "case.json: /commendation/date",
                                            "decisions.json: /decisions/0/date"});
    CHECK(all[1].label == "受理名单通知成文日期");
    Policy with_publicity = p;
    with_publicity.acceptance_publicity = PublicitySpec{5, PeriodUnit::WorkingDays, "第十四条"};
    const auto more = dates_out_of_force(with_publicity, cycle(2029));
    REQUIRE(more.size() == all.size() + 1);
    CHECK(more[1].label == "受理名单公示成文日期");
    CHECK(more[2].where == "case.json: /acceptance/publicity_start");
}

TEST_CASE("a pack without validity never refuses, one in force from a date refuses what comes before it") {
    Policy none = tongzhou_like();
    none.validity.reset();
    CHECK(dates_out_of_force(none, cycle(2035)).empty());
    CHECK(policy_validity_warnings(none, cycle(2035), PolicyOverride{}).empty());

    Policy from = tongzhou_like();  // as 鹿城区 第二十一条: 自2023年9月1日起施行
    from.regulation = "鹿城区政府质量奖评审管理办法";
    from.validity = PolicyValidity{Date(2023, 9, 1), std::nullopt, "第二十一条",
                                   "《鹿城区政府质量奖评审管理办法》（2022年修订）（温鹿政发〔2022〕98号）"};
    Case early = cycle(2024);
    early.application_deadline = Date(2023, 8, 31);  // the only date before 2023-09-01
    const auto before = dates_out_of_force(from, early);
    REQUIRE(before.size() == 1);
    CHECK(before[0].before_from);
    const std::string refusal = out_of_force_refusal(from, before);
    CHECK(contains(refusal, "case.json: /application_deadline（申报截止日）：2023-08-31，早于施行日期 2023-09-01"));
    // Not a regulation that ran out: the one before it governs (第二十一条), so the advice names it.
    CHECK(contains(refusal, "施行日期前的评审适用此前的管理办法《鹿城区政府质量奖评审管理办法》（2022年修订）（温鹿政发〔2022〕98号），"
                            "请改用按该办法编写的政策包。"));
    CHECK_FALSE(contains(refusal, "是否已有新的管理办法"));
    CHECK(out_of_force_warning(from, before) ==
          "注意：本届评审日期（申报截止日2023年8月31日）早于《鹿城区政府质量奖评审管理办法》第二十一条规定的施行日期"
          "（2023年9月1日），当时适用《鹿城区政府质量奖评审管理办法》（2022年修订）（温鹿政发〔2022〕98号），"
          "经操作人员以 --allow-expired-policy 确认仍按该办法执行。");
}

TEST_CASE("TZ-第二十九条 the refusal names the pack file, the regulation, the article, the bound, each field and date, and the flag") {
    const Policy p = tongzhou_like();
    Case c = cycle(2028);
    c.review.proposed->publicity_start = Date(2028, 12, 1);
    c.commendation->date = Date(2028, 12, 20);
    try {
        policy_validity_warnings(p, c, PolicyOverride{});
        FAIL("expected PolicyOutOfForce");
    } catch (const PolicyOutOfForce& e) {
        const std::string m = e.what();
        CHECK(m ==
              "政策包 templates/policies/tongzhou.json 的 validity：《通州区区长质量奖管理办法》第二十九条规定有效期至2028年11月29日，"
              "案卷中以下日期不在有效期内：\n"
              "  case.json: /review/proposed/publicity_start（拟奖名单公示开始日期）：2028-12-01，晚于有效期截止日 2028-11-29\n"
              "  case.json: /commendation/date（表彰决定日期）：2028-12-20，晚于有效期截止日 2028-11-29\n"
              "请先核对是否已有新的管理办法：如有，应先更新政策包，或改用新的政策包。经核对确认本届仍按《通州区区长质量奖管理办法》执行的，"
              "在命令中加上 --allow-expired-policy 重新运行：程序照常处理，并在内部报表（资格审查结果、评分汇总、获奖名单、奖金发放表）"
              "和 manifest.json 上注明这一确认。");
    }
    // A ConfigError, so every command reports it as fixable input.
    CHECK_THROWS_AS(policy_validity_warnings(p, c, PolicyOverride{}), ConfigError);
}

TEST_CASE("TZ-第二十九条 --allow-expired-policy: the run goes on with one warning sentence naming the dates, the article and the bound") {
    const Policy p = tongzhou_like();
    Case c = cycle(2029);
    c.decisions.clear();
    c.review = {};
    c.commendation.reset();
    const auto warnings = policy_validity_warnings(p, c, PolicyOverride{true});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "注意：本届评审日期（申报截止日2029年3月31日、受理名单通知成文日期2029年4月10日）已超出《通州区区长质量奖管理办法》"
          "第二十九条规定的有效期（至2028年11月29日），经操作人员以 --allow-expired-policy 确认仍按该办法执行。");
    CHECK(policy_validity_warnings(p, cycle(2027), PolicyOverride{true}).empty());  // nothing to confirm
}
