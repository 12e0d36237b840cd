// 评审结果 by hand-computed figures. The score sheet here has two items, 600 and 400
// points (categories "4.1" and "4.7"), so a reviewer giving p1 % and p2 % totals
// 6·p1 + 4·p2 points: every figure below can be checked on paper.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/review.hpp"

using namespace award;

namespace {

AwardSpec rank_award(std::string id, std::string name, int quota, long long prize, std::vector<std::string> from,
                     long long min_units, std::string repeat_article, bool open = true) {
    AwardSpec a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.quota = quota;
    a.prize_yuan = prize;
    a.open_to_application = open;
    a.article = "第四条";
    a.conferral.by = AwardConferral::By::Rank;
    a.conferral.candidates_from = std::move(from);
    a.conferral.min_total_units = min_units;
    a.conferral.repeat_article = std::move(repeat_article);
    return a;
}

StageSpec stage(std::string id, std::string name, std::string article, AggregationSpec::Method m, int trim_min = 0) {
    StageSpec s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.article = std::move(article);
    s.aggregation.method = m;
    s.aggregation.trim_min_reviewers = trim_min;
    s.aggregation.article = "评审细则";
    return s;
}

void two_item_sheet(Policy& p) {
    p.score_sheet.standard = "GB/T 19580-2012";
    p.score_sheet.total = 1000;
    p.score_sheet.percent_step = 5;
    p.score_sheet.categories = {{"4.1", "领导", 600, false, {{"4.1.2", "高层领导的作用", 600}}},
                                {"4.7", "结果", 400, true, {{"4.7.2", "产品和服务结果", 400}}}};
}

// 魏都区-like: 材料评审 and 现场评审 by trimmed mean over 5+, ranked on the on-site score.
Policy weidu_like() {
    Policy p;
    p.id = "weidu";
    p.review_article = "第十六条";
    two_item_sheet(p);
    p.review.stages = {stage("material", "材料评审", "第十八条", AggregationSpec::Method::TrimmedMean, 5),
                       stage("onsite", "现场评审", "第十九条", AggregationSpec::Method::TrimmedMean, 5)};
    p.review.rounding_decimals = 1;
    p.review.weights = {{"onsite", 100}};
    p.review.ranking_article = "第二十条";
    p.review.publicity = {5, PeriodUnit::WorkingDays, "第二十一条"};
    p.review.refill_after_objection = true;
    p.awards = {rank_award("main", "区长质量奖", 2, 50000, {"区长质量奖"}, 6000, "第十二条"),
                rank_award("nomination", "区长质量提名奖", 4, 30000, {"区长质量提名奖"}, 5000, "第十二条")};
    AwardSpec innovation;
    innovation.id = "innovation";
    innovation.name = "质量管理创新奖";
    innovation.open_to_application = false;
    innovation.article = "第四条";
    innovation.conferral.by = AwardConferral::By::Threshold;
    innovation.conferral.min_total_units = 5000;
    innovation.conferral.reached_stage = "onsite";
    innovation.conferral.exclusive = true;
    p.awards.push_back(innovation);
    return p;
}

// 通州区-like: 资料 20 %, 现场 70 % (at most 1.5 per planned award), 演讲 10 % out of 100.
Policy tongzhou_like() {
    Policy p;
    p.id = "tongzhou";
    p.review_article = "第十五条";
    two_item_sheet(p);
    StageSpec onsite = stage("onsite", "现场评审", "第十七条", AggregationSpec::Method::Mean);
    onsite.advancement_ratio_tenths = 15;
    onsite.advancement_article = "第十六条";
    StageSpec talk = stage("presentation", "演讲陈述", "第十八条", AggregationSpec::Method::Mean);
    talk.sheet = StageSpec::Sheet::Presentation;
    talk.max_points = 100;
    p.review.stages = {stage("material", "资料评审", "第十六条", AggregationSpec::Method::Mean), onsite, talk};
    p.review.rounding_decimals = 1;
    p.review.weights = {{"material", 20}, {"onsite", 70}, {"presentation", 10}};
    p.review.ranking_article = "第二十条";
    p.review.publicity = {10, PeriodUnit::CalendarDays, "第二十条"};
    p.review.refill_after_objection = false;
    p.review.refill_article = "第二十条";
    p.awards = {rank_award("main", "区长质量奖", 2, 300000, {"区长质量奖"}, 0, "第二十七条"),
                rank_award("nomination", "区长质量奖提名奖", 2, 50000, {"区长质量奖"}, 0, "第二十七条", false)};
    return p;
}

struct Cycle {
    Policy policy;
    Case c;
    AcceptanceOutcome acceptance;
    HolidayCalendar calendar;

    explicit Cycle(Policy p) : policy(std::move(p)) { c.id = "test-2026"; c.year = 2026; }

    std::string applicant(const std::string& name, const std::string& award, bool accepted = true) {
        Applicant a;
        a.name = name;
        a.credit_code = "CC-" + name;
        a.award = award;
        c.applicants.push_back(a);
        EligibilityResult r;
        r.applicant_index = c.applicants.size() - 1;
        r.accepted = accepted;
        acceptance.results.push_back(r);
        return a.credit_code;
    }
    void reviewers(const std::vector<std::string>& ids) {
        for (const auto& id : ids) {
            if (c.panel.find(id)) continue;
            Reviewer r;
            r.id = id;
            r.name = "评委" + id;
            c.panel.reviewers.push_back(r);
        }
    }
    void group(const std::string& name, const std::string& stage_id, const std::vector<std::string>& members,
               const std::vector<std::string>& only = {}) {
        reviewers(members);
        ReviewGroup g;
        g.name = name;
        g.stage = stage_id;
        g.leader = members.front();
        g.members = members;
        g.all_applicants = only.empty();
        g.applicants = only;
        c.panel.groups.push_back(g);
    }
    void conflict(const std::string& reviewer, const std::string& code) {
        for (auto& r : c.panel.reviewers)
            if (r.id == reviewer) r.conflicts.push_back({code, "亲属任职"});
    }
    ScoreSheet& sheet(const std::string& reviewer, const std::string& stage_id) {
        for (auto& s : c.sheets)
            if (s.reviewer == reviewer && s.stage == stage_id) return s;
        ScoreSheet s;
        s.case_id = c.id;
        s.reviewer = reviewer;
        s.stage = stage_id;
        s.file = "scores/" + stage_id + "-" + reviewer + ".json";
        c.sheets.push_back(s);
        return c.sheets.back();
    }
    void score(const std::string& reviewer, const std::string& stage_id, const std::string& code, int p1, int p2) {
        ApplicantScores a;
        a.credit_code = code;
        a.percents = {p1, p2};
        a.strengths = {"", ""};
        a.improvements = {"", ""};
        a.location = "scores/" + stage_id + "-" + reviewer + ".json: " + code;
        sheet(reviewer, stage_id).applicants.push_back(a);
    }
    // Every member of every group of the stage gives `code` the same p1 and p2.
    void score_all(const std::string& stage_id, const std::string& code, int p1, int p2) {
        for (const auto& g : c.panel.groups)
            if (g.stage == stage_id && g.covers(code))
                for (const auto& m : g.members)
                    if (!c.panel.find(m)->conflicted_with(code)) score(m, stage_id, code, p1, p2);
    }
    void presentation(const std::string& reviewer, const std::string& code, int tenths) {
        ApplicantScores a;
        a.credit_code = code;
        a.presentation_tenths = tenths;
        a.location = "scores/presentation-" + reviewer + ".json: " + code;
        sheet(reviewer, "presentation").applicants.push_back(a);
    }
    void advance(const std::string& stage_id, std::optional<int> count, std::optional<long long> min_units = {},
                 std::optional<int> planned = {}) {
        StageAdvancement a;
        a.stage = stage_id;
        a.count = count;
        a.min_units = min_units;
        a.planned_awards = planned;
        c.review.advancement.push_back(a);
    }
    void decide(const std::string& kind, const std::string& code, const std::string& boundary = "",
                std::vector<std::string> chosen = {}) {
        Decision d;
        d.kind = kind;
        d.credit_code = code;
        d.date = Date(2026, 12, 1);
        d.basis = "评委会会议纪要";
        d.boundary = boundary;
        d.chosen = std::move(chosen);
        d.source = "decisions.json: /decisions/" + std::to_string(c.decisions.size());
        c.decisions.push_back(d);
    }
    ReviewDecision run() const { return decide_review(policy, c, acceptance, calendar); }
};

std::string stage_text(const ReviewDecision& d, const std::string& stage_id, std::size_t applicant) {
    const StageScore* s = d.outcome.find(stage_id, applicant);
    REQUIRE(s != nullptr);
    return s->aggregate.text(1);
}

std::vector<std::string> winners(const Cycle& cy, const std::vector<AwardGrant>& grants) {
    std::vector<std::string> out;
    for (const auto& g : grants)
        out.push_back(cy.c.applicants[g.applicant_index].name + ":" + g.award + (g.repeat_winner ? "(再次)" : "") +
                      (g.refill ? "(递补)" : ""));
    return out;
}

}  // namespace

TEST_CASE("Review: a trimmed mean drops one highest and one lowest of five reviewers", "[review]") {
    Cycle cy(weidu_like());
    const auto a = cy.applicant("甲公司", "区长质量奖");
    cy.group("材料评审组", "material", {"E1", "E2", "E3", "E4", "E5"});
    // Totals 600, 650, 700, 800, 950: without 950 and 600, (650 + 700 + 800) / 3 = 716.67 → 716.7.
    cy.score("E1", "material", a, 60, 60);
    cy.score("E2", "material", a, 65, 65);
    cy.score("E3", "material", a, 70, 70);
    cy.score("E4", "material", a, 80, 80);
    cy.score("E5", "material", a, 95, 95);
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    CHECK(stage_text(d, "material", 0) == "716.7");
    const StageScore* s = d.outcome.find("material", 0);
    CHECK(s->counted == 3);
    CHECK(s->reviewers[0].dropped);   // E1, 600
    CHECK(s->reviewers[4].dropped);   // E5, 950
    CHECK_FALSE(s->reviewers[2].dropped);
    // Categories by the same three reviewers: 6 × (65 + 70 + 80) / 3 = 430, 4 × 71.67 = 286.67.
    CHECK(s->category_aggregates.at(0).text(1) == "430.0");
    CHECK(s->category_aggregates.at(1).text(2) == "286.67");
    CHECK(s->method_text.find("去掉一个最高分和一个最低分") != std::string::npos);
    // Not yet at 现场评审: waits for the committee's count.
    CHECK_FALSE(d.outcome.complete);
    CHECK(d.outcome.waiting_for.find("现场评审") != std::string::npos);
}

TEST_CASE("Review: a recused reviewer's score never counts, and fewer than five is a plain mean", "[review]") {
    Cycle cy(weidu_like());
    const auto a = cy.applicant("甲公司", "区长质量奖");
    cy.group("材料评审组", "material", {"E1", "E2", "E3", "E4", "E5"});
    cy.conflict("E3", a);
    cy.score("E1", "material", a, 60, 60);
    cy.score("E2", "material", a, 65, 65);
    cy.score("E4", "material", a, 80, 80);
    cy.score("E5", "material", a, 95, 95);
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    // (600 + 650 + 800 + 950) / 4 = 750.
    CHECK(stage_text(d, "material", 0) == "750.0");
    const StageScore* s = d.outcome.find("material", 0);
    REQUIRE(s->reviewers.size() == 5);
    CHECK(s->reviewers[2].reviewer == "E3");
    CHECK(s->reviewers[2].recused);
    CHECK(s->counted == 4);
    CHECK(s->method_text.find("算术平均") != std::string::npos);
}

TEST_CASE("Review: the median of an even number of reviewers is the mean of the middle two", "[review]") {
    Policy p = weidu_like();
    p.review.stages[0].aggregation.method = AggregationSpec::Method::Median;
    Cycle cy(p);
    const auto a = cy.applicant("甲公司", "区长质量奖");
    cy.group("材料评审组", "material", {"E1", "E2", "E3", "E4"});
    cy.score("E1", "material", a, 60, 60);  // 600
    cy.score("E2", "material", a, 95, 95);  // 950
    cy.score("E3", "material", a, 70, 65);  // 680
    cy.score("E4", "material", a, 75, 75);  // 750
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    CHECK(stage_text(d, "material", 0) == "715.0");  // (680 + 750) / 2
}

TEST_CASE("Review: every missing sheet of a started stage is listed at once", "[review]") {
    Cycle cy(weidu_like());
    const auto a = cy.applicant("甲公司", "区长质量奖");
    cy.applicant("乙公司", "区长质量提名奖");
    cy.applicant("丙公司", "区长质量奖", false);  // not accepted: no sheet expected
    cy.group("材料评审组", "material", {"E1", "E2", "E3"});
    cy.score("E1", "material", a, 60, 60);
    auto d = cy.run();
    std::string all;
    for (const auto& p : d.problems) all += p.message() + "\n";
    INFO(all);
    REQUIRE(d.problems.size() == 5);
    CHECK(all.find("E2 评委E2（材料评审组）") != std::string::npos);
    CHECK(all.find("乙公司（CC-乙公司）") != std::string::npos);
    CHECK(all.find("丙公司") == std::string::npos);
}

TEST_CASE("Review: a sheet for an applicant not on the 受理名单 is refused", "[review]") {
    Cycle cy(weidu_like());
    const auto a = cy.applicant("甲公司", "区长质量奖");
    const auto b = cy.applicant("丙公司", "区长质量奖", false);
    cy.group("材料评审组", "material", {"E1", "E2", "E3"});
    cy.score_all("material", a, 60, 60);
    cy.score("E1", "material", b, 60, 60);
    auto d = cy.run();
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].value == b);
    CHECK(d.problems[0].expected.find("受理名单上的组织（第十六条）") != std::string::npos);
}

TEST_CASE("Review: TZ-第十九条 the total weighs 资料 20 %, 现场 70 %, 演讲 10 %", "[review]") {
    Cycle cy(tongzhou_like());
    const auto a = cy.applicant("甲公司", "区长质量奖");
    cy.group("资料评审组", "material", {"E1", "E2", "E3"});
    cy.group("现场评审组", "onsite", {"E4", "E5", "E6"});
    cy.group("区质委会成员单位", "presentation", {"U1", "U2", "U3"});
    cy.score("E1", "material", a, 70, 70);  // 700
    cy.score("E2", "material", a, 75, 65);  // 710
    cy.score("E3", "material", a, 80, 55);  // 700
    cy.score("E4", "onsite", a, 80, 80);    // 800
    cy.score("E5", "onsite", a, 85, 75);    // 810
    cy.score("E6", "onsite", a, 80, 85);    // 820
    cy.presentation("U1", a, 865);
    cy.presentation("U2", a, 870);
    cy.presentation("U3", a, 880);
    cy.advance("presentation", 1);
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    // 资料 (700 + 710 + 700) / 3 = 703.33; 现场 810; 演讲 (86.5 + 87 + 88) / 3 = 87.17, ×10 on the 1000 scale.
    CHECK(stage_text(d, "material", 0) == "703.3");
    CHECK(stage_text(d, "onsite", 0) == "810.0");
    CHECK(stage_text(d, "presentation", 0) == "87.2");
    // 0.2 × 703.33 + 0.7 × 810 + 0.1 × 871.67 = 140.67 + 567 + 87.17 = 794.83 → 794.8, rounded once.
    REQUIRE(d.outcome.ranking.size() == 1);
    CHECK(Score::units_text(d.outcome.ranking[0].total_units, 1) == "794.8");
    REQUIRE(d.outcome.complete);
    REQUIRE(d.outcome.winners.size() == 1);
    CHECK(d.outcome.winners[0].award == "区长质量奖");
    CHECK(d.outcome.winners[0].prize_yuan == 300000);
}

TEST_CASE("Review: TZ-第十六条 at most 1.5 on-site candidates per planned award", "[review]") {
    Cycle cy(tongzhou_like());
    cy.group("资料评审组", "material", {"E1", "E2", "E3"});
    std::vector<std::string> codes;
    // Eight accepted applicants, 资料 scores 800, 790, …, 730.
    for (int k = 0; k < 8; ++k) {
        codes.push_back(cy.applicant("单位" + std::to_string(k + 1), "区长质量奖"));
        cy.score_all("material", codes.back(), 80 - k, 80 - k);
    }
    SECTION("two awards of two places: 4 × 1.5 = 6 enter 现场评审") {
        auto d = cy.run();
        REQUIRE(d.problems.empty());
        REQUIRE(d.outcome.advancements.size() == 1);
        const Advancement& adv = d.outcome.advancements[0];
        CHECK(adv.places == 6);
        CHECK(adv.advanced == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
        CHECK(adv.not_advanced == std::vector<std::size_t>{6, 7});
        CHECK(adv.rule_text.find("1:1.5") != std::string::npos);
        CHECK(adv.rule_text.find("第十六条") != std::string::npos);
    }
    SECTION("three planned awards set in the case: 3 × 1.5 = 4.5, so 4") {
        cy.advance("onsite", {}, {}, 3);
        auto d = cy.run();
        REQUIRE(d.outcome.advancements.size() == 1);
        CHECK(d.outcome.advancements[0].places == 4);
        CHECK(d.outcome.advancements[0].advanced.size() == 4);
    }
    SECTION("a tie across the cut waits for the committee, then follows its decision") {
        // 单位6 and 单位7 both at 750.
        for (auto& s : cy.c.sheets)
            for (auto& a : s.applicants)
                if (a.credit_code == codes[6]) a.percents = {75, 75};
        auto d = cy.run();
        REQUIRE(d.problems.empty());
        CHECK(d.outcome.advancements.empty());
        REQUIRE(d.outcome.ties.size() == 1);
        CHECK(d.outcome.ties[0].applicants == std::vector<std::size_t>{5, 6});
        CHECK(d.outcome.ties[0].places == 1);
        CHECK(d.outcome.ties[0].resolved_by == nullptr);
        CHECK(d.outcome.waiting_for.find("tie_resolution") != std::string::npos);

        cy.decide("tie_resolution", "", "onsite", {codes[6]});
        d = cy.run();
        REQUIRE(d.problems.empty());
        REQUIRE(d.outcome.advancements.size() == 1);
        CHECK(d.outcome.advancements[0].advanced == std::vector<std::size_t>{0, 1, 2, 3, 4, 6});
        CHECK(d.outcome.ties[0].resolved_by != nullptr);
    }
    SECTION("a tie decision choosing someone not tied is refused") {
        for (auto& s : cy.c.sheets)
            for (auto& a : s.applicants)
                if (a.credit_code == codes[6]) a.percents = {75, 75};
        cy.decide("tie_resolution", "", "onsite", {codes[7]});
        auto d = cy.run();
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].file == "decisions.json");
        CHECK(d.problems[0].record == "/decisions/0");
        CHECK(d.problems[0].expected.find("选定 1 家") != std::string::npos);
    }
}

namespace {

// Material for everyone at 700, the committee takes all to 现场评审, on-site totals given.
Cycle weidu_onsite(const std::vector<std::pair<std::string, std::string>>& applicants,
                   const std::vector<std::pair<int, int>>& onsite) {
    Cycle cy(weidu_like());
    cy.group("材料评审组", "material", {"E1", "E2", "E3"});
    cy.group("现场评审组", "onsite", {"E4", "E5", "E6"});
    for (std::size_t k = 0; k < applicants.size(); ++k) {
        const auto code = cy.applicant(applicants[k].first, applicants[k].second);
        cy.score_all("material", code, 70, 70);
        cy.score_all("onsite", code, onsite[k].first, onsite[k].second);
    }
    cy.advance("onsite", static_cast<int>(applicants.size()));
    return cy;
}

}  // namespace

TEST_CASE("Review: WD-第四条 质量管理创新奖 for every on-site applicant at 500 points or more", "[review]") {
    // 甲 720 and 乙 650 win 区长质量奖; 丙 590 is under its 600 minimum but reaches 500;
    // 丁 exactly 500 (以上 includes it); 戊 490 does not.
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}, {"丙", "区长质量奖"}, {"丁", "区长质量提名奖"},
                             {"戊", "区长质量提名奖"}},
                            {{80, 60}, {65, 65}, {65, 50}, {50, 50}, {45, 55}});
    // 提名奖 minimum above 丁's 500, so 丁 is left to the innovation award.
    cy.policy.awards[1].conferral.min_total_units = 5500;
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:区长质量奖", "乙:区长质量奖", "丙:质量管理创新奖", "丁:质量管理创新奖"});
    CHECK(d.outcome.winners[2].prize_yuan == 0);
    CHECK(d.outcome.winners[2].reason.find("达到 500.0 分") != std::string::npos);
}

TEST_CASE("Review: a quota place nobody reaches the minimum for stays vacant", "[review]") {
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}}, {{80, 60}, {60, 55}});  // 720, 580
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.winners) == std::vector<std::string>{"甲:区长质量奖", "乙:质量管理创新奖"});
    auto main_vacancy = std::find_if(d.outcome.vacancies.begin(), d.outcome.vacancies.end(),
                                     [](const Vacancy& v) { return v.award == "区长质量奖"; });
    REQUIRE(main_vacancy != d.outcome.vacancies.end());
    CHECK(main_vacancy->places == 1);
    CHECK(main_vacancy->reason.find("600.0 分") != std::string::npos);
    CHECK(main_vacancy->reason.find("可以空缺") != std::string::npos);
}

TEST_CASE("Review: WD-第十二条 a re-winner gets the award outside the quota and without money", "[review]") {
    Cycle cy = weidu_onsite({{"甲", "区长质量提名奖"}, {"乙", "区长质量提名奖"}, {"丙", "区长质量提名奖"},
                             {"丁", "区长质量提名奖"}, {"戊", "区长质量提名奖"}},
                            {{70, 70}, {65, 65}, {60, 60}, {60, 55}, {55, 55}});  // 700 650 600 580 550
    cy.c.applicants[2].prior_awards.push_back({"区长质量提名奖", Date(2021, 12, 20), std::nullopt});
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    // Four first-time places for 甲 乙 丁 戊; 丙 on top, as a re-winner.
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:区长质量提名奖", "乙:区长质量提名奖", "丁:区长质量提名奖", "戊:区长质量提名奖",
                                   "丙:区长质量提名奖(再次)"});
    const auto& again = d.outcome.winners[4];
    CHECK(again.prize_yuan == 0);
    CHECK(again.reason.find("不占当年名额（第十二条）") != std::string::npos);
    CHECK(d.outcome.winners[0].prize_yuan == 30000);
}

TEST_CASE("Review: a tie at a quota boundary is never broken silently", "[review]") {
    // 丙 has 乙's 650 with other percentages: 6·75 + 4·50 = 6·65 + 4·65.
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}, {"丙", "区长质量奖"}},
                            {{80, 60}, {65, 65}, {75, 50}});  // 720, 650, 650
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    CHECK_FALSE(d.outcome.complete);
    CHECK(d.outcome.proposed.empty());
    REQUIRE(d.outcome.ties.size() == 1);
    CHECK(d.outcome.ties[0].boundary == "区长质量奖");
    CHECK(d.outcome.ties[0].score_text == "650.0");
    CHECK(d.outcome.waiting_for.find("区长质量奖名额边界并列") != std::string::npos);

    cy.decide("tie_resolution", "", "区长质量奖", {"CC-丙"});
    d = cy.run();
    REQUIRE(d.outcome.complete);
    // 乙, not chosen, is still over 500 after 现场评审: 质量管理创新奖.
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:区长质量奖", "丙:区长质量奖", "乙:质量管理创新奖"});
}

TEST_CASE("Review: TZ-第二十条 a winner removed after an upheld objection is not replaced", "[review]") {
    Cycle cy(tongzhou_like());
    cy.group("资料评审组", "material", {"E1", "E2", "E3"});
    cy.group("现场评审组", "onsite", {"E4", "E5", "E6"});
    cy.group("成员单位", "presentation", {"U1", "U2", "U3"});
    std::vector<std::string> codes;
    for (int k = 0; k < 5; ++k) {
        codes.push_back(cy.applicant("单位" + std::to_string(k + 1), "区长质量奖"));
        cy.score_all("material", codes.back(), 80 - 2 * k, 80 - 2 * k);
        cy.score_all("onsite", codes.back(), 80 - 2 * k, 80 - 2 * k);
        for (const auto& u : {"U1", "U2", "U3"}) cy.presentation(u, codes.back(), 800);
    }
    cy.advance("presentation", 5);
    auto before = cy.run();
    REQUIRE(before.outcome.complete);
    CHECK(winners(cy, before.outcome.winners) ==
          std::vector<std::string>{"单位1:区长质量奖", "单位2:区长质量奖", "单位3:区长质量奖提名奖", "单位4:区长质量奖提名奖"});

    cy.decide("objection_upheld", codes[1]);
    auto after = cy.run();
    REQUIRE(after.problems.empty());
    REQUIRE(after.outcome.complete);
    CHECK(winners(cy, after.outcome.proposed) == winners(cy, before.outcome.winners));  // as publicised
    CHECK(winners(cy, after.outcome.winners) ==
          std::vector<std::string>{"单位1:区长质量奖", "单位3:区长质量奖提名奖", "单位4:区长质量奖提名奖"});
    REQUIRE(after.outcome.removed.size() == 1);
    CHECK(after.outcome.removed[0].applicant_index == 1);
    REQUIRE(after.outcome.vacancies.size() == 1);
    CHECK(after.outcome.vacancies[0].award == "区长质量奖");
    CHECK(after.outcome.vacancies[0].reason.find("不进行递补（第二十条）") != std::string::npos);
    // 公示: 10 calendar days from the start set in the case.
    cy.c.review.proposed = ReviewNotice{Date(2026, 12, 1), Date(2026, 12, 2), ""};
    auto with_notice = cy.run();
    REQUIRE(with_notice.outcome.publicity);
    CHECK(with_notice.outcome.publicity->end == Date(2026, 12, 11));
}

TEST_CASE("Review: where the pack allows it, the next in rank fills a place freed by an objection", "[review]") {
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}, {"丙", "区长质量奖"}},
                            {{80, 60}, {65, 65}, {70, 50}});  // 720, 650, 620
    cy.decide("objection_upheld", "CC-甲");
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.proposed) ==
          std::vector<std::string>{"甲:区长质量奖", "乙:区长质量奖", "丙:质量管理创新奖"});
    CHECK(winners(cy, d.outcome.winners) == std::vector<std::string>{"乙:区长质量奖", "丙:区长质量奖(递补)"});
}

TEST_CASE("Review: an objection to an organisation not on the proposed list is refused", "[review]") {
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}}, {{80, 60}, {40, 40}});  // 720, 400
    cy.decide("objection_upheld", "CC-乙");
    auto d = cy.run();
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].record == "/decisions/0");
    CHECK(d.problems[0].expected.find("拟奖名单上的组织") != std::string::npos);
}

TEST_CASE("Review: a re-winner below every first-time winner of a full quota does not win again", "[review]") {
    // 区长质量奖 for 甲 720 and 乙 650 (quota 2 full); 丙, a holder, at 620 is over the 600 minimum
    // but below 650: not on merit. Over 500 after 现场评审, so 质量管理创新奖.
    Cycle cy = weidu_onsite({{"甲", "区长质量奖"}, {"乙", "区长质量奖"}, {"丙", "区长质量奖"}},
                            {{80, 60}, {65, 65}, {70, 50}});
    cy.c.applicants[2].prior_awards.push_back({"区长质量奖", Date(2021, 12, 20), std::nullopt});
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:区长质量奖", "乙:区长质量奖", "丙:质量管理创新奖"});
    // At 660 it is above 650: awarded again outside the quota.
    for (auto& s : cy.c.sheets)
        if (s.stage == "onsite")
            for (auto& a : s.applicants)
                if (a.credit_code == "CC-丙") a.percents = {70, 60};
    d = cy.run();
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:区长质量奖", "乙:区长质量奖", "丙:区长质量奖(再次)"});
    CHECK(d.outcome.winners[2].reason.find("不低于首次获奖组织的最低得分 650.0 分") != std::string::npos);
}

namespace {

// 本溪市-like awards: everyone applies for 市长质量奖; after its 2 places, the next
// in rank get 提名奖 (≤5), never a second time (第十二条); a nominee winning the
// main award gets the 10万元 difference (第二十五条).
Cycle benxi_onsite(const std::vector<std::pair<int, int>>& onsite) {
    std::vector<std::pair<std::string, std::string>> names;
    const char* who[] = {"甲", "乙", "丙", "丁", "戊"};
    for (std::size_t k = 0; k < onsite.size(); ++k) names.push_back({who[k], "区长质量奖"});
    Cycle cy = weidu_onsite(names, onsite);
    for (auto& a : cy.c.applicants) a.award = "市长质量奖";
    AwardSpec main = rank_award("main", "市长质量奖", 2, 200000, {"市长质量奖"}, 0, "第十二条");
    main.holder_prizes.push_back({"市长质量奖提名奖", 100000, "第二十五条"});
    AwardSpec nomination = rank_award("nomination", "市长质量奖提名奖", 5, 100000, {"市长质量奖"}, 0, "第十二条", false);
    nomination.conferral.excluded_holders = {"市长质量奖提名奖"};
    nomination.conferral.excluded_holders_article = "第十二条";
    cy.policy.awards = {main, nomination};
    return cy;
}

}  // namespace

TEST_CASE("Review: BX-第十二条 a 提名奖 holder may win the main award but is never given 提名奖 again", "[review]") {
    // 720 700 650 600: 甲 乙 take the main award; 丙 holds 提名奖 and is passed over; 丁 gets 提名奖.
    Cycle cy = benxi_onsite({{80, 60}, {70, 70}, {65, 65}, {60, 60}});
    cy.c.applicants[2].prior_awards.push_back({"市长质量奖提名奖", Date(2024, 12, 20), std::nullopt});
    auto d = cy.run();
    REQUIRE(d.problems.empty());
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:市长质量奖", "乙:市长质量奖", "丁:市长质量奖提名奖"});
    REQUIRE(d.outcome.passed_over.size() == 1);
    CHECK(d.outcome.passed_over[0].applicant_index == 2);
    CHECK(d.outcome.passed_over[0].reason == "已获市长质量奖提名奖，不再重复授予市长质量奖提名奖（第十二条）");
}

TEST_CASE("Review: BX-第二十五条 a nominee winning the main award gets the 10万元 difference", "[review]") {
    Cycle cy = benxi_onsite({{80, 60}, {70, 70}, {65, 65}});  // 720 700 650
    cy.c.applicants[0].prior_awards.push_back({"市长质量奖提名奖", Date(2024, 12, 20), std::nullopt});
    auto d = cy.run();
    REQUIRE(d.outcome.complete);
    CHECK(winners(cy, d.outcome.winners) ==
          std::vector<std::string>{"甲:市长质量奖", "乙:市长质量奖", "丙:市长质量奖提名奖"});
    CHECK(d.outcome.winners[0].prize_yuan == 100000);
    CHECK(d.outcome.winners[0].reason.find("已获市长质量奖提名奖，奖金为差额 100000 元（第二十五条）") != std::string::npos);
    CHECK(d.outcome.winners[1].prize_yuan == 200000);
    CHECK(d.outcome.winners[2].prize_yuan == 100000);
}
