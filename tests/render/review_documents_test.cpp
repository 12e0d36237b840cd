// The review stage's documents, checked as the secretariat would: the PDFs through
// pdftotext (who is named, what is not: no reviewer, no reviewer's score), the
// workbooks through openpyxl (numbers are numbers, money in words, recused cells
// shaded). The case goes through decide_review, so the figures are the rules' own.
//
// The score sheet has two items, 600 and 400 points (categories 4.1 and 4.7): a
// reviewer giving p1 % and p2 % totals 6·p1 + 4·p2, checkable on paper.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "pdf_fixture.hpp"
#include "render/review_documents.hpp"
#include "rules/review.hpp"

using namespace award;
using namespace award::test;
using nlohmann::json;

namespace {

AwardSpec rank_award(std::string id, std::string name, int quota, long long prize, long long min_units) {
    AwardSpec a;
    a.id = std::move(id);
    a.name = name;
    a.quota = quota;
    a.prize_yuan = prize;
    a.article = "第四条";
    a.prize_article = "第二十三条";
    a.conferral.by = AwardConferral::By::Rank;
    a.conferral.candidates_from = {name};
    a.conferral.min_total_units = min_units;
    a.conferral.repeat_article = "第十二条";
    return a;
}

StageSpec stage(std::string id, std::string name, std::string article) {
    StageSpec s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.article = std::move(article);
    s.aggregation.method = AggregationSpec::Method::TrimmedMean;
    s.aggregation.trim_min_reviewers = 5;
    s.aggregation.article = "第五条";
    return s;
}

// 魏都区-like: 材料评审 then 现场评审, trimmed mean from 5 reviewers, ranked on 现场评审.
Policy review_policy() {
    Policy p = weidu_policy();
    p.review_article = "第十六条";
    p.score_sheet.standard = "GB/T 19580-2012";
    p.score_sheet.total = 1000;
    p.score_sheet.percent_step = 5;
    p.score_sheet.categories = {{"4.1", "领导", 600, false, {{"4.1.2", "高层领导的作用", 600}}},
                                {"4.7", "结果", 400, true, {{"4.7.2", "产品和服务结果", 400}}}};
    p.review.stages = {stage("material", "材料评审", "第十八条"), stage("onsite", "现场评审", "第十九条")};
    p.review.stages[1].advancement_article = "第十八条";
    p.review.stages[1].advancement_by = "专家评审组提出";
    p.review.rounding_decimals = 1;
    p.review.rounding_article = "第五条";
    p.review.weights = {{"onsite", 100}};
    p.review.total_article = "第二十条";
    p.review.recusal_article = "第二十七条";
    p.review.ranking_article = "第二十条";
    p.review.publicity = {5, PeriodUnit::WorkingDays, "第二十一条"};
    p.review.feedback_article = "第十四条";
    p.awards = {rank_award("main", "区长质量奖", 2, 50000, 6000), rank_award("nomination", "区长质量提名奖", 4, 30000, 5000)};
    AwardSpec innovation;
    innovation.id = "innovation";
    innovation.name = "质量管理创新奖";
    innovation.open_to_application = false;
    innovation.article = "第四条";
    innovation.prize_article = "第二十三条";
    innovation.conferral.by = AwardConferral::By::Threshold;
    innovation.conferral.min_total_units = 5000;
    innovation.conferral.reached_stage = "onsite";
    p.awards.push_back(innovation);
    return p;
}

const std::vector<std::string> kReviewerNames = {"张伟", "李娜", "王强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"};

struct ReviewCase {
    Policy policy = review_policy();
    Case c;
    AcceptanceOutcome acceptance;
    HolidayCalendar calendar{std::map<int, HolidayYear>{{2026, HolidayYear{}}}};
    std::vector<std::string> code;  // by applicant index

    ReviewCase() {
        const Case sample = sample_case();
        c.id = "weidu-2026";
        c.policy = "weidu";
        c.year = 2026;
        c.issuer = sample.issuer;
        c.contact = sample.contact;
        c.acceptance = sample.acceptance;
        // 0 许昌瑞达 1 安阳恒通 2 郑州博雅 (a repeat winner) 3 洛阳长青 4 开封金石 5 新乡百川 6 南阳天成
        add("许昌瑞达电气有限公司", "区长质量奖");
        add("安阳恒通机械有限公司", "区长质量奖");
        add("郑州博雅包装有限公司", "区长质量提名奖");
        add("洛阳长青环保有限公司", "区长质量提名奖");
        add("开封金石建材有限公司", "区长质量奖");
        add("新乡百川物流有限公司", "区长质量提名奖");
        add("南阳天成纺织有限公司", "区长质量提名奖");
        c.applicants[2].prior_awards.push_back({"区长质量提名奖", Date(2022, 12, 20), std::nullopt});

        for (std::size_t k = 0; k < kReviewerNames.size(); ++k) {
            Reviewer r;
            r.id = "E" + std::to_string(k + 1);
            r.name = kReviewerNames[k];
            r.source = "reviewers.json: /reviewers/" + std::to_string(k);
            c.panel.reviewers.push_back(r);
        }
        c.panel.reviewers[2].conflicts.push_back({code[0], "曾任该单位质量顾问"});  // E3 王强 recuses from 许昌瑞达
        group("材料评审组", "material", {"E1", "E2", "E3", "E4", "E5"});
        group("现场评审组", "onsite", {"E6", "E7", "E8"});

        // 材料评审. 许昌瑞达, E3 recused: (880 + 870 + 890 + 820) / 4 = 865.0 (4 counted: plain mean).
        score("E1", "material", 0, 90, 85);
        score("E2", "material", 0, 85, 90);
        score("E4", "material", 0, 95, 80);
        score("E5", "material", 0, 80, 85);
        // 安阳恒通: 800 830 750 880 700, without 880 and 700: 2380 / 3 = 793.3.
        score("E1", "material", 1, 80, 80);
        score("E2", "material", 1, 85, 80);
        score("E3", "material", 1, 75, 75);
        score("E4", "material", 1, 90, 85);
        score("E5", "material", 1, 70, 70);
        score_all("material", 2, 75, 70);  // 730
        score_all("material", 3, 70, 70);  // 700
        score_all("material", 4, 70, 65);  // 680
        score_all("material", 5, 60, 70);  // 640: not advanced
        score_all("material", 6, 55, 50);  // 530: not advanced
        advance(5);
        // 现场评审: 许昌瑞达 780 790 770 → 780.0; the others the same from all three.
        score("E6", "onsite", 0, 80, 75);
        score("E7", "onsite", 0, 85, 70);
        score("E8", "onsite", 0, 75, 80);
        score_all("onsite", 1, 75, 70);  // 730 区长质量奖
        score_all("onsite", 2, 70, 65);  // 680 区长质量提名奖, again
        score_all("onsite", 3, 65, 60);  // 630 区长质量提名奖
        score_all("onsite", 4, 55, 50);  // 530 under 区长质量奖's 600: 质量管理创新奖
        c.review.onsite_list = ReviewNotice{Date(2026, 11, 10), std::nullopt, "魏质奖秘〔2026〕5号"};
        c.review.proposed = ReviewNotice{Date(2026, 12, 1), Date(2026, 12, 2), "魏质奖秘〔2026〕8号"};
    }

    void add(const std::string& name, const std::string& award) {
        code.push_back("91411002MA44XXXX" + std::to_string(10 + code.size()));
        Applicant a = applicant(name, code.back(), award, "制造业");
        a.source = "applicants.json: /applicants/" + std::to_string(c.applicants.size());
        c.applicants.push_back(a);
        EligibilityResult r;
        r.applicant_index = c.applicants.size() - 1;
        r.accepted = true;
        acceptance.results.push_back(r);
    }
    void group(const std::string& name, const std::string& stage_id, const std::vector<std::string>& members) {
        ReviewGroup g;
        g.name = name;
        g.stage = stage_id;
        g.leader = members.front();
        g.members = members;
        c.panel.groups.push_back(g);
    }
    ScoreSheet& sheet(const std::string& reviewer, const std::string& stage_id) {
        for (auto& s : c.sheets)
            if (s.reviewer == reviewer && s.stage == stage_id) return s;
        ScoreSheet s;
        s.case_id = c.id;
        s.reviewer = reviewer;
        s.stage = stage_id;
        const StageSpec* st = policy.review.find_stage(stage_id);
        s.file = "scores/" + (st ? st->name : stage_id) + "/" + reviewer + ".xlsx";
        c.sheets.push_back(s);
        return c.sheets.back();
    }
    ApplicantScores& score(const std::string& reviewer, const std::string& stage_id, std::size_t i, int p1, int p2) {
        ApplicantScores a;
        a.credit_code = code[i];
        a.percents = {p1, p2};
        a.strengths = {"", ""};
        a.improvements = {"", ""};
        ScoreSheet& s = sheet(reviewer, stage_id);
        a.location = s.file + " 工作表「" + c.applicants[i].name + "」";
        s.applicants.push_back(a);
        return s.applicants.back();
    }
    void score_all(const std::string& stage_id, std::size_t i, int p1, int p2) {
        for (const auto& g : c.panel.groups)
            if (g.stage == stage_id)
                for (const auto& m : g.members) score(m, stage_id, i, p1, p2);
    }
    ApplicantScores& entry(const std::string& reviewer, const std::string& stage_id, std::size_t i) {
        for (auto& a : sheet(reviewer, stage_id).applicants)
            if (a.credit_code == code[i]) return a;
        FAIL("no sheet entry");
        throw std::logic_error("unreachable");
    }
    void presentation(const std::string& reviewer, std::size_t i, int tenths) {
        ApplicantScores a;
        a.credit_code = code[i];
        a.presentation_tenths = tenths;
        ScoreSheet& s = sheet(reviewer, "presentation");
        a.location = s.file + " 工作表「" + c.applicants[i].name + "」";
        s.applicants.push_back(a);
    }
    void advance(int count, const std::string& stage_id = "onsite") {
        StageAdvancement a;
        a.stage = stage_id;
        a.count = count;
        c.review.advancement.push_back(a);
    }
    ReviewOutcome decide() const {
        ReviewDecision d = decide_review(policy, c, acceptance, calendar);
        INFO((d.problems.empty() ? std::string() : d.problems.front().message()));
        REQUIRE(d.problems.empty());
        return d.outcome;
    }
    // Every number a single reviewer gave (item points, category subtotals, totals), as text.
    std::set<std::string> reviewer_numbers() const {
        std::set<std::string> out;
        for (const auto& s : c.sheets)
            for (const auto& a : s.applicants) {
                const int c1 = 6 * a.percents[0], c2 = 4 * a.percents[1];
                for (int v : {c1, c2, c1 + c2}) {
                    out.insert(std::to_string(v));
                    out.insert(std::to_string(v) + ".0");
                }
            }
        return out;
    }
};

// The numbers of a text: maximal runs of digits and dots, a final dot dropped.
std::set<std::string> numbers_in(const std::string& text) {
    std::set<std::string> out;
    std::string run;
    auto flush = [&] {
        while (!run.empty() && run.back() == '.') run.pop_back();
        if (!run.empty()) out.insert(run);
        run.clear();
    };
    for (char ch : text) {
        if ((ch >= '0' && ch <= '9') || (ch == '.' && !run.empty())) run += ch;
        else flush();
    }
    flush();
    return out;
}

// No reviewer's name and none of `forbidden` as a number of the text.
void check_no_reviewer_or_score(const std::string& text, const std::set<std::string>& forbidden) {
    for (const auto& name : kReviewerNames) {
        INFO(name);
        CHECK(text.find(name) == std::string::npos);
    }
    for (const auto& n : numbers_in(text)) {
        INFO("number in the text: " << n);
        CHECK(forbidden.count(n) == 0);
    }
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The workbook as openpyxl reads it: sheet name → rows → cells {v, t, fill, bold}.
json read_xlsx(const fs::path& file) {
    const std::string script =
        "import json, sys, openpyxl\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "out = {}\n"
        "for ws in wb.worksheets:\n"
        "    rows = []\n"
        "    for row in ws.iter_rows():\n"
        "        cells = []\n"
        "        for c in row:\n"
        "            v = c.value\n"
        "            if v is not None and not isinstance(v, (int, float, str)): v = str(v)\n"
        "            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None\n"
        "            cells.append({'v': v, 't': c.data_type, 'fill': fill if isinstance(fill, str) else None,\n"
        "                          'bold': bool(c.font is not None and c.font.b), 'format': c.number_format})\n"
        "        rows.append(cells)\n"
        "    out[ws.title] = rows\n"
        "print(json.dumps(out, ensure_ascii=False))\n";
    TempDir dir;
    const fs::path py = dir.path() / "read.py";
    std::ofstream(py) << script;
    const Run r = run("/usr/bin/python3 " + quoted(py) + " " + quoted(file));
    INFO(r.out);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

// Column index of a header (row 0) that starts with `title`.
std::size_t column(const json& sheet, const std::string& title) {
    const json& header = sheet.at(0);
    for (std::size_t k = 0; k < header.size(); ++k)
        if (header[k]["v"].is_string() && header[k]["v"].get<std::string>().rfind(title, 0) == 0) return k;
    FAIL("no column " << title);
    return 0;
}

// Rows whose cells `col_a` and `col_b` hold `a` and `b`.
std::vector<const json*> rows_with(const json& sheet, std::size_t col_a, const std::string& a, std::size_t col_b,
                                   const std::string& b) {
    std::vector<const json*> out;
    for (const auto& row : sheet)
        if (row.size() > std::max(col_a, col_b) && row[col_a]["v"] == a && row[col_b]["v"] == b) out.push_back(&row);
    return out;
}

const json& only_row(const json& sheet, std::size_t col_a, const std::string& a, std::size_t col_b, const std::string& b) {
    const auto rows = rows_with(sheet, col_a, a, col_b, b);
    INFO(a << " / " << b);
    REQUIRE(rows.size() == 1);
    return *rows.front();
}

std::string all_text(const json& sheet) {
    std::string s;
    for (const auto& row : sheet)
        for (const auto& cell : row)
            if (cell["v"].is_string()) s += cell["v"].get<std::string>() + "\n";
    return s;
}

}  // namespace

TEST_CASE("Review documents: 评分汇总 lists every reviewer, shades the recused, names the dropped, ranks by the total",
          "[review][xlsx]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    REQUIRE(o.complete);
    TempDir dir;
    const fs::path file = dir.path() / kScoreSummaryFile;
    write_score_summary_xlsx(rc.c, rc.policy, o, file);
    const json book = read_xlsx(file);
    REQUIRE(book.contains("材料评审"));
    REQUIRE(book.contains("现场评审"));
    REQUIRE(book.contains("最终排名"));

    const json& m = book["材料评审"];
    const std::size_t name = column(m, "单位名称"), id = column(m, "评委编号"), who = column(m, "评委姓名");
    const std::size_t item1 = column(m, "4.1.2"), cat1 = column(m, "4.1 领导"), cat2 = column(m, "4.7 结果");
    const std::size_t total = column(m, "总分"), note = column(m, "说明");

    // 许昌瑞达: E3 王强 recused: shaded, no number, 回避 with the reason and the article.
    const json& recused = only_row(m, name, "许昌瑞达电气有限公司", id, "E3");
    CHECK(recused[who]["v"] == "王强");
    for (std::size_t k = item1; k <= total; ++k) {
        INFO("column " << k);
        CHECK_FALSE(recused[k]["v"].is_number());
        CHECK(recused[k]["fill"].is_string());
    }
    CHECK(recused[total]["v"] == "回避");
    CHECK(recused[note]["v"].get<std::string>().find("曾任该单位质量顾问") != std::string::npos);
    CHECK(recused[note]["v"].get<std::string>().find("第二十七条") != std::string::npos);
    // A counted reviewer: E1 gave 90 % and 85 %: 540 + 340 = 880, as numbers, unshaded.
    const json& e1 = only_row(m, name, "许昌瑞达电气有限公司", id, "E1");
    CHECK(e1[who]["v"] == "张伟");
    CHECK(e1[item1]["t"] == "n");
    CHECK(e1[item1]["v"].get<double>() == Approx(540));
    CHECK(e1[cat2]["v"].get<double>() == Approx(340));
    CHECK(e1[total]["v"].get<double>() == Approx(880));
    CHECK(e1[total]["fill"].is_null());
    // Its aggregate: 4 counted, a plain mean: 3460 / 4 = 865.0; categories 525 and 340.
    const json& agg = only_row(m, name, "许昌瑞达电气有限公司", id, "汇总");
    CHECK(agg[total]["t"] == "n");
    CHECK(agg[total]["v"].get<double>() == Approx(865.0));
    CHECK(agg[total]["format"] == "0.0");
    CHECK(agg[cat1]["v"].get<double>() == Approx(525.0));
    CHECK(agg[note]["v"].get<std::string>().find("算术平均") != std::string::npos);

    // 安阳恒通: 880 (E4) and 700 (E5) dropped; (800 + 830 + 750) / 3 = 793.33 → 793.3.
    CHECK(only_row(m, name, "安阳恒通机械有限公司", id, "E4")[note]["v"] == "去掉的最高分");
    CHECK(only_row(m, name, "安阳恒通机械有限公司", id, "E5")[note]["v"] == "去掉的最低分");
    CHECK(only_row(m, name, "安阳恒通机械有限公司", id, "E1")[note]["v"] == "计入");
    const json& agg2 = only_row(m, name, "安阳恒通机械有限公司", id, "汇总");
    CHECK(agg2[total]["v"].get<double>() == Approx(793.3));
    CHECK(agg2[note]["v"].get<std::string>().find("去掉一个最高分和一个最低分") != std::string::npos);
    // Nobody else recused: only E3's row for 许昌瑞达 is shaded.
    int shaded = 0;
    for (std::size_t row = 1; row < m.size(); ++row)  // the header row has its own fill
        for (const auto& cell : m[row]) shaded += cell["fill"].is_string() ? 1 : 0;
    CHECK(shaded == static_cast<int>(total - item1 + 2));  // items, subtotals, total and 说明 of one row

    // 最终排名: rank, the on-site score, the total rounded once, the proposed award and money.
    const json& r = book["最终排名"];
    const std::size_t rank = column(r, "名次"), rname = column(r, "单位名称"), onsite = column(r, "现场评审得分");
    const std::size_t rtotal = column(r, "综合得分"), award = column(r, "拟奖奖项"), again = column(r, "再次获奖");
    const std::size_t money = column(r, "奖金");
    CHECK(r.at(1)[rname]["v"] == "许昌瑞达电气有限公司");
    CHECK(r.at(1)[rank]["v"].get<double>() == 1);
    CHECK(r.at(1)[onsite]["v"].get<double>() == Approx(780.0));
    CHECK(r.at(1)[rtotal]["t"] == "n");
    CHECK(r.at(1)[rtotal]["v"].get<double>() == Approx(780.0));
    CHECK(r.at(1)[award]["v"] == "区长质量奖");
    CHECK(r.at(1)[money]["v"].get<double>() == 50000);
    const json& repeat = only_row(r, rname, "郑州博雅包装有限公司", award, "区长质量提名奖");
    CHECK(repeat[again]["v"] == "是");
    CHECK(repeat[money]["v"].get<double>() == 0);
    CHECK(only_row(r, rname, "开封金石建材有限公司", award, "质量管理创新奖")[rtotal]["v"].get<double>() == Approx(530.0));
    // The two that stopped at 材料评审 are listed without a rank.
    CHECK(only_row(r, rname, "新乡百川物流有限公司", rank, "—")[column(r, "备注")]["v"] == "未进入现场评审");
    const std::string notes = all_text(r);
    CHECK(notes.find("综合得分＝现场评审得分×100%（第二十条）") != std::string::npos);
    CHECK(notes.find("各阶段得分与总分均在最后一次四舍五入，保留1位小数（第五条）") != std::string::npos);
}

TEST_CASE("Review documents: 评分汇总 of a 20/70/10 pack shows each weighted stage and the total rounded once",
          "[review][xlsx]") {
    ReviewCase rc;
    StageSpec talk = stage("presentation", "演讲陈述", "第十八条");
    talk.sheet = StageSpec::Sheet::Presentation;
    talk.max_points = 100;
    talk.aggregation.method = AggregationSpec::Method::Mean;
    rc.policy.review.stages.push_back(talk);
    rc.policy.review.weights = {{"material", 20}, {"onsite", 70}, {"presentation", 10}};
    rc.policy.review.total_article = "第十九条";
    for (const char* u : {"U1", "U2", "U3"}) {
        Reviewer r;
        r.id = u;
        r.name = std::string("成员单位") + u;
        rc.c.panel.reviewers.push_back(r);
    }
    rc.group("区质委会成员单位", "presentation", {"U1", "U2", "U3"});
    rc.advance(5, "presentation");
    // 许昌瑞达: 86.5, 87, 88 → 87.17 of 100; the others 80 from each.
    rc.presentation("U1", 0, 865);
    rc.presentation("U2", 0, 870);
    rc.presentation("U3", 0, 880);
    for (std::size_t i = 1; i < 5; ++i)
        for (const char* u : {"U1", "U2", "U3"}) rc.presentation(u, i, 800);
    const ReviewOutcome o = rc.decide();
    REQUIRE(o.complete);
    TempDir dir;
    const fs::path file = dir.path() / kScoreSummaryFile;
    write_score_summary_xlsx(rc.c, rc.policy, o, file);
    const json book = read_xlsx(file);
    REQUIRE(book.contains("演讲陈述"));
    const json& t = book["演讲陈述"];
    const std::size_t tname = column(t, "单位名称"), tid = column(t, "评委编号"), score = column(t, "得分");
    CHECK(t.at(0)[score]["v"] == "得分\n（满分100分）");
    CHECK(only_row(t, tname, "许昌瑞达电气有限公司", tid, "U1")[score]["v"].get<double>() == Approx(86.5));
    CHECK(only_row(t, tname, "许昌瑞达电气有限公司", tid, "汇总")[score]["v"].get<double>() == Approx(87.2));

    const json& r = book["最终排名"];
    const std::size_t name = column(r, "单位名称"), total = column(r, "综合得分");
    const std::size_t material = column(r, "材料评审得分"), onsite = column(r, "现场评审得分"), pres = column(r, "演讲陈述得分");
    CHECK(r.at(0)[material]["v"] == "材料评审得分\n（权重20%）");
    CHECK(r.at(0)[pres]["v"] == "演讲陈述得分\n（满分100分，权重10%）");
    // 0.2 × 865 + 0.7 × 780 + 0.1 × 871.67 = 173 + 546 + 87.17 = 806.17 → 806.2, rounded once.
    CHECK(r.at(1)[name]["v"] == "许昌瑞达电气有限公司");
    CHECK(r.at(1)[material]["v"].get<double>() == Approx(865.0));
    CHECK(r.at(1)[onsite]["v"].get<double>() == Approx(780.0));
    CHECK(r.at(1)[pres]["v"].get<double>() == Approx(87.2));
    CHECK(r.at(1)[total]["v"].get<double>() == Approx(806.2));
    // 安阳恒通: 0.2 × 793.33 + 0.7 × 730 + 0.1 × 800 = 158.67 + 511 + 80 = 749.67 → 749.7.
    CHECK(r.at(2)[name]["v"] == "安阳恒通机械有限公司");
    CHECK(r.at(2)[total]["v"].get<double>() == Approx(749.7));
    CHECK(all_text(r).find("综合得分＝材料评审得分×20%＋现场评审得分×70%＋演讲陈述得分（满分100分，折算为1000分制）×10%（第十九条）") !=
          std::string::npos);
    // Those who stopped at 现场评审 would read 未进入演讲陈述; here all five went on.
    CHECK(all_text(r).find("未进入演讲陈述") == std::string::npos);
    CHECK(all_text(r).find("未进入现场评审") != std::string::npos);
}

TEST_CASE("Review documents: 现场评审名单 names who enters 现场评审 in pinyin order, without reviewers or scores",
          "[review][pdf]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    TempDir dir;
    const fs::path file = dir.path() / kOnsiteListFile;
    write_onsite_list_pdf(env(), rc.c, rc.policy, o, file);
    const std::string raw = pdftotext(file);
    const std::string text = squeeze(raw);
    INFO(raw);
    CHECK(text.find("关于2026年度魏都区区长质量奖现场评审名单的通知") != std::string::npos);
    CHECK(text.find("魏质奖秘〔2026〕5号") != std::string::npos);
    CHECK(text.find("专家评审组提出5家进入现场评审（第十八条）") != std::string::npos);
    CHECK(text.find("排名不分先后") != std::string::npos);
    CHECK(text.find("2026年11月10日") != std::string::npos);
    // 安阳 an, 开封 kai, 洛阳 luo, 许昌 xu, 郑州 zheng: not the order of the scores.
    const std::vector<std::string> order = {"安阳恒通机械有限公司", "开封金石建材有限公司", "洛阳长青环保有限公司",
                                            "许昌瑞达电气有限公司", "郑州博雅包装有限公司"};
    std::size_t last = 0;
    for (const auto& n : order) {
        INFO(n);
        const auto at = text.find(n);
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    CHECK(text.find("新乡百川物流有限公司") == std::string::npos);
    CHECK(text.find("南阳天成纺织有限公司") == std::string::npos);
    // No reviewer, no score: neither a reviewer's nor a stage score.
    std::set<std::string> forbidden = rc.reviewer_numbers();
    for (const char* s : {"865", "865.0", "793.3", "780.0"}) forbidden.insert(s);
    check_no_reviewer_or_score(raw, forbidden);
}

TEST_CASE("Review documents: 拟奖名单公示 lists the proposed winners by award with the publicity period, without scores",
          "[review][pdf]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    REQUIRE(o.publicity);
    TempDir dir;
    const fs::path file = dir.path() / proposed_winners_file(rc.policy);
    write_proposed_winners_pdf(env(), rc.c, rc.policy, o, file);
    const std::string raw = pdftotext(file);
    const std::string text = squeeze(raw);
    INFO(raw);
    CHECK(file.filename() == "拟奖名单公示.pdf");
    CHECK(text.find("关于2026年度魏都区区长质量奖拟奖名单的公示") != std::string::npos);
    CHECK(text.find("经评委会审议（第二十条），确定了2026年度魏都区区长质量奖拟奖名单") != std::string::npos);
    CHECK(text.find("魏质奖秘〔2026〕8号") != std::string::npos);
    // 5 working days from Wednesday 2 December: 2, 3, 4, 7, 8.
    CHECK(text.find("公示期为2026年12月2日至2026年12月8日（5个工作日）") != std::string::npos);
    CHECK(text.find("第二十一条") != std::string::npos);
    // By award in the pack's order, pinyin within an award.
    const auto main_at = text.find("一、区长质量奖（2家）");
    const auto nomination_at = text.find("二、区长质量提名奖（2家）");
    const auto innovation_at = text.find("三、质量管理创新奖（1家）");
    REQUIRE(main_at != std::string::npos);
    REQUIRE(nomination_at != std::string::npos);
    REQUIRE(innovation_at != std::string::npos);
    CHECK(main_at < text.find("安阳恒通机械有限公司"));
    CHECK(text.find("安阳恒通机械有限公司") < text.find("许昌瑞达电气有限公司"));
    CHECK(text.find("许昌瑞达电气有限公司") < nomination_at);
    CHECK(text.find("洛阳长青环保有限公司") < text.find("郑州博雅包装有限公司"));
    CHECK(text.find("郑州博雅包装有限公司（再次获奖）") != std::string::npos);
    CHECK(text.find("郑州博雅包装有限公司") < innovation_at);
    CHECK(text.find("开封金石建材有限公司") > innovation_at);
    CHECK(text.find("第十二条") != std::string::npos);
    // How to object: in writing, by name, to the secretariat, and whom to call.
    CHECK(text.find("实名提出") != std::string::npos);
    CHECK(text.find("王敏；联系电话：0374-2961234") != std::string::npos);
    CHECK(text.find("新乡百川物流有限公司") == std::string::npos);
    std::set<std::string> forbidden = rc.reviewer_numbers();
    for (const char* s : {"780", "780.0", "730.0", "680.0", "630.0", "530.0"}) forbidden.insert(s);
    check_no_reviewer_or_score(raw, forbidden);
}

TEST_CASE("Review documents: 获奖名单 and 奖金发放表 give numbers as numbers and the money in words", "[review][xlsx]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    TempDir dir;
    const fs::path winners = dir.path() / kWinnersListFile;
    const fs::path money = dir.path() / kPrizePaymentFile;
    write_winners_xlsx(rc.c, rc.policy, o, winners);
    write_prize_payment_xlsx(rc.c, rc.policy, o, {}, money);

    const json w = read_xlsx(winners)["获奖名单"];
    const std::size_t award = column(w, "奖项"), name = column(w, "单位名称"), total = column(w, "综合得分");
    const std::size_t again = column(w, "再次获奖"), refill = column(w, "递补"), basis = column(w, "依据条款");
    CHECK(column(w, "统一社会信用代码") == name + 1);
    const json& first = only_row(w, award, "区长质量奖", name, "许昌瑞达电气有限公司");
    CHECK(first[total]["t"] == "n");
    CHECK(first[total]["v"].get<double>() == Approx(780.0));
    CHECK(first[basis]["v"] == "第四条、第二十条");
    CHECK(first[refill]["v"].is_null());
    const json& repeat = only_row(w, award, "区长质量提名奖", name, "郑州博雅包装有限公司");
    CHECK(repeat[again]["v"] == "是");
    CHECK(repeat[basis]["v"].get<std::string>().find("第十二条") != std::string::npos);
    CHECK(only_row(w, award, "质量管理创新奖", name, "开封金石建材有限公司")[total]["v"].get<double>() == Approx(530.0));

    const json p = read_xlsx(money)["奖金发放表"];
    const std::size_t pname = column(p, "单位名称"), amount = column(p, "金额"), words = column(p, "大写金额");
    const std::size_t article = column(p, "依据"), note = column(p, "备注"), paward = column(p, "奖项");
    const json& main = only_row(p, paward, "区长质量奖", pname, "许昌瑞达电气有限公司");
    CHECK(main[amount]["t"] == "n");
    CHECK(main[amount]["v"].get<double>() == 50000);
    CHECK(main[words]["v"] == "人民币伍万元整");
    CHECK(main[article]["v"] == "第二十三条");
    const json& again_row = only_row(p, paward, "区长质量提名奖", pname, "郑州博雅包装有限公司");
    CHECK(again_row[amount]["t"] == "n");
    CHECK(again_row[amount]["v"].get<double>() == 0);
    CHECK(again_row[words]["v"] == "人民币零元整");
    CHECK(again_row[note]["v"] == "再次获奖：不授予奖金（第十二条）");
    const json& innovation = only_row(p, paward, "质量管理创新奖", pname, "开封金石建材有限公司");
    CHECK(innovation[amount]["v"].get<double>() == 0);
    CHECK(innovation[note]["v"].get<std::string>().find("不设奖金") != std::string::npos);
    // 合计: 50000 × 2 + 30000 (洛阳长青) = 130000.
    const json* sum = nullptr;
    for (const auto& row : p)
        if (row.size() > pname && row[pname]["v"] == "合计") sum = &row;
    REQUIRE(sum != nullptr);
    CHECK((*sum)[amount]["t"] == "n");
    CHECK((*sum)[amount]["v"].get<double>() == 130000);
    CHECK((*sum)[words]["v"] == "人民币壹拾叁万元整");
}

TEST_CASE("Review documents: a feedback letter compares each category with the cohort and quotes the reviewers once, "
          "unnamed",
          "[review][pdf]") {
    ReviewCase rc;
    // 新乡百川 (60 %, 70 % from all five): E1 and E2 write the same strength (one with a final 。),
    // E3 an improvement; E4 leaves nothing.
    rc.entry("E1", "material", 5).strengths[0] = "领导班子重视质量管理";
    rc.entry("E2", "material", 5).strengths[0] = "领导班子重视质量管理。";
    rc.entry("E3", "material", 5).improvements[1] = "关键绩效指标缺少与竞争对手的对比数据";
    rc.entry("E5", "material", 5).improvements[0] = "战略目标的分解不够清晰";
    const ReviewOutcome o = rc.decide();
    REQUIRE(feedback_recipients(o) == std::vector<std::size_t>{5, 6});
    TempDir dir;
    const fs::path file = dir.path() / "新乡百川物流有限公司.pdf";
    write_feedback_letter_pdf(env(), rc.c, rc.policy, o, 5, file);
    const std::string raw = pdftotext(file);
    const std::string text = squeeze(raw);
    INFO(raw);
    CHECK(text.find("新乡百川物流有限公司：") != std::string::npos);
    CHECK(text.find("评审反馈意见书") != std::string::npos);
    CHECK(text.find("材料评审") != std::string::npos);
    CHECK(text.find("贵单位未进入现场评审") != std::string::npos);
    CHECK(text.find("第十四条") != std::string::npos);
    // Cohort of 7. 4.1: (87.5 + 80 + 75 + 70 + 70 + 60 + 55) / 7 = 71.07 %, own 60 %: 低于.
    // 4.7: (85 + 78.33 + 70 + 70 + 65 + 70 + 50) / 7 = 69.76 %, own 70 %: 接近.
    // 合计: (865 + 793.33 + 730 + 700 + 680 + 640 + 530) / 7 = 705.48 → 70.5 %, own 64 %: 低于.
    CHECK(text.find("4.1领导60060%71%低于平均") != std::string::npos);
    CHECK(text.find("4.7结果40070%70%接近平均") != std::string::npos);
    CHECK(text.find("合计100064%71%低于平均") != std::string::npos);
    // The reviewers' words once each, by category, and no one named.
    CHECK(count_of(text, "领导班子重视质量管理") == 1);
    CHECK(text.find("关键绩效指标缺少与竞争对手的对比数据（4.7.2产品和服务结果）") != std::string::npos);
    CHECK(text.find("战略目标的分解不够清晰（4.1.2高层领导的作用）") != std::string::npos);
    CHECK(text.find("主要优势") != std::string::npos);
    CHECK(text.find("改进机会") != std::string::npos);
    CHECK(text.find("未对贵单位填写") == std::string::npos);
    // No other applicant, no reviewer, no single reviewer's score.
    for (std::size_t i = 0; i < rc.c.applicants.size(); ++i)
        if (i != 5) CHECK(text.find(rc.c.applicants[i].name) == std::string::npos);
    check_no_reviewer_or_score(raw, rc.reviewer_numbers());
}

TEST_CASE("Review documents: a feedback letter without any reviewer text says so", "[review][pdf]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    TempDir dir;
    const fs::path file = dir.path() / "南阳天成纺织有限公司.pdf";
    write_feedback_letter_pdf(env(), rc.c, rc.policy, o, 6, file);
    const std::string text = squeeze(pdftotext(file));
    INFO(text);
    CHECK(text.find("南阳天成纺织有限公司：") != std::string::npos);
    CHECK(text.find("未对贵单位填写书面的主要优势和改进机会意见") != std::string::npos);
    CHECK(text.find("4.1领导60055%71%低于平均") != std::string::npos);
}

TEST_CASE("Review documents: with fewer than three applicants at the stage a letter gives no cohort average",
          "[review][pdf]") {
    // Two applicants: the average would give the other one's score away.
    ReviewCase rc;
    rc.acceptance.results.resize(2);
    rc.c.sheets.erase(std::remove_if(rc.c.sheets.begin(), rc.c.sheets.end(), [](const ScoreSheet& s) { return s.stage == "onsite"; }),
                      rc.c.sheets.end());
    for (auto& s : rc.c.sheets)
        s.applicants.erase(std::remove_if(s.applicants.begin(), s.applicants.end(),
                                          [&](const ApplicantScores& a) { return a.credit_code != rc.code[0] && a.credit_code != rc.code[1]; }),
                           s.applicants.end());
    rc.c.review.advancement[0].count = 1;
    const ReviewOutcome o = rc.decide();
    REQUIRE(feedback_recipients(o) == std::vector<std::size_t>{1});
    TempDir dir;
    const fs::path file = dir.path() / "letter.pdf";
    write_feedback_letter_pdf(env(), rc.c, rc.policy, o, 1, file);
    const std::string text = squeeze(pdftotext(file));
    INFO(text);
    CHECK(text.find("不足3家") != std::string::npos);
    CHECK(text.find("平均") == text.find("平均得分率"));  // only in the sentence saying it is left out
    CHECK(text.find("低于平均") == std::string::npos);
    CHECK(text.find("高于平均") == std::string::npos);
    // 安阳恒通's own 4.1: (80 + 85 + 75) / 3 = 80 %.
    CHECK(text.find("4.1领导60080%") != std::string::npos);
}

TEST_CASE("Review documents: a character no font has in a reviewer's text is reported with its score sheet",
          "[review][pdf]") {
    ReviewCase rc;
    rc.entry("E2", "material", 5).strengths[1] = "客户满意度逐年提升\xF0\x9F\x98\x80";  // U+1F600, outside the BMP
    const ReviewOutcome o = rc.decide();
    const auto problems = review_font_coverage_problems(env(), rc.c, rc.policy, o);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "scores/材料评审/E2.xlsx");
    CHECK(problems[0].record == "工作表「新乡百川物流有限公司」");
    CHECK(problems[0].field == "主要优势（4.7.2）");
    // Writing the letter refuses it the same way, before any file exists.
    TempDir dir;
    const fs::path file = dir.path() / "letter.pdf";
    CHECK_THROWS_AS(write_feedback_letter_pdf(env(), rc.c, rc.policy, o, 5, file), InputError);
    CHECK_FALSE(fs::exists(file));
    // Without it, every review document of the case can be printed.
    ReviewCase clean;
    CHECK(review_font_coverage_problems(env(), clean.c, clean.policy, clean.decide()).empty());
}

TEST_CASE("Review documents: an internal warning is the first row of every sheet of 评分汇总, 获奖名单, 奖金发放表 and 资格审查结果",
          "[review][xlsx]") {
    ReviewCase rc;
    const ReviewOutcome o = rc.decide();
    TempDir dir;
    const std::vector<std::string> warnings = {
        "注意：本届评审日期（申报截止日2029年3月31日）已超出《魏都区区长质量奖管理办法》第二十九条规定的有效期（至2028年11月29日），"
        "经操作人员以 --allow-expired-policy 确认仍按该办法执行。"};
    const fs::path summary = dir.path() / kScoreSummaryFile, winners = dir.path() / kWinnersListFile;
    const fs::path money = dir.path() / kPrizePaymentFile, eligibility = dir.path() / "资格审查结果（内部）.xlsx";
    write_score_summary_xlsx(rc.c, rc.policy, o, summary, warnings);
    write_winners_xlsx(rc.c, rc.policy, o, winners, warnings);
    write_prize_payment_xlsx(rc.c, rc.policy, o, {}, money, warnings);
    write_eligibility_review_xlsx(rc.c, rc.policy, rc.acceptance, eligibility, warnings);
    std::size_t sheets = 0;
    for (const auto& file : {summary, winners, money, eligibility}) {
        const json book = read_xlsx(file);
        for (const auto& [name, rows] : book.items()) {
            INFO(file.filename().string() << " / " << name);
            ++sheets;
            REQUIRE(rows.size() >= 2);
            CHECK(rows[0][0]["v"] == warnings[0]);
            CHECK(rows[0][0]["bold"] == true);
            CHECK(rows[1][0]["v"].is_string());  // then the header row, as without the warning
            CHECK(rows[1][0]["bold"] == true);
        }
    }
    CHECK(sheets >= 5);  // 评分汇总: each stage scored and 最终排名

    // Without warnings the first row is the header.
    const fs::path plain = dir.path() / "plain.xlsx";
    write_winners_xlsx(rc.c, rc.policy, o, plain);
    CHECK(read_xlsx(plain)["获奖名单"][0][0]["v"] == "序号");
}
