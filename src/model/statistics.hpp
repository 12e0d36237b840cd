// The yearly statistics report for leadership (年度统计报告, issue 7), as plain data:
// what the registry holds about one pack's cycles (StatisticsInput, read by the
// registry) and the figures computed from it (YearlyStatistics, rules/statistics.hpp),
// which the PDF and the XLSX show. Counts are whole numbers; rates, averages and
// spreads are exact enough to print (hundredths), never recomputed by a renderer.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace award {

// 类目得分率 of an application at a stage: hundredths of a percent (81.25% → 8125).
struct CategoryPercent {
    std::string stage;     // e.g. "material"
    std::string category;  // e.g. "4.1"
    std::string name;      // e.g. "领导"
    int percent_hundredths = 0;
    bool operator==(const CategoryPercent&) const = default;
};

// ---- What the registry holds (one pack) ----

struct StatsApplication {
    int year = 0;
    std::string credit_code;
    std::string name;
    std::string award;          // applied for
    std::string outcome;        // rejected, accepted, not_awarded, removed, awarded
    std::string articles;       // of a rejection: "第九条、第十一条（二）"
    std::string industry;       // as written ("" unknown)
    std::string township;       // "" unknown
    std::string size;           // "" unknown
    std::string stage_reached;  // stage id, "" none
    std::vector<CategoryPercent> percents;
};

struct StatsAward {
    int year = 0;
    std::string credit_code;
    std::string name;
    std::string award;
    bool repeat = false;
    long long prize_yuan = 0;
    std::optional<Date> revoked_on = {};
};

struct StatsTopUp {
    int year = 0;  // the cycle that paid it
    std::string credit_code;
    std::string name;
    std::string higher_award;
    long long prize_yuan = 0;
};

// One year's report owed by a winner (获奖后的义务), received or not.
struct StatsReportDue {
    std::string credit_code;
    std::string name;
    int award_year = 0;
    int year = 0;              // the year it is due for
    std::optional<Date> due;   // the deadline (MM-DD of the pack in year + 1... as recorded)
    bool received = false;
};

// One figure of a winner's report: hundredths of the indicator's unit.
struct StatsFigure {
    std::string credit_code;
    int award_year = 0;
    std::string indicator;  // the pack's indicator id
    int year = 0;           // the year the figure is for
    long long hundredths = 0;
};

struct StatisticsInput {
    std::vector<int> cycle_years;  // cycles of the pack in the registry, ascending
    std::vector<StatsApplication> applications;
    std::vector<StatsAward> awards;
    std::vector<StatsTopUp> top_ups;
    std::vector<StatsReportDue> reports_due;
    std::vector<StatsFigure> figures;
};

// ---- What the report shows ----

// A share: n of d, with the percentage to print (hundredths of a percent, half up).
struct Share {
    int n = 0, d = 0;
    int hundredths() const { return d == 0 ? 0 : int((200LL * 100 * n + d) / (2LL * d)); }
    bool defined() const { return d > 0; }
};

// 年度概况: one cycle at a glance.
struct CycleFigures {
    int year = 0;
    int applications = 0;
    int accepted = 0;
    int reached_onsite = 0;  // entered 现场评审 (or a later stage)
    int awarded = 0;         // organisations awarded (any award)
    std::vector<std::pair<std::string, int>> awarded_by_award;  // in pack order
    std::vector<std::pair<std::string, int>> vacancies;         // award → places left empty (quota awards)
    long long prize_yuan = 0;    // 奖金 of the cycle's awards
    long long top_up_yuan = 0;   // 追加激励资金 paid by the cycle
    std::vector<std::pair<std::string, int>> repeats = {};      // award → 再次获奖 among its winners (no place of the quota)
};

// 申报结构: one group (an industry 门类, a 镇街, a size, first-time or returning).
struct GroupFigures {
    std::string group;
    int applications = 0;
    int accepted = 0;
    int awarded = 0;
    Share acceptance() const { return {accepted, applications}; }
    Share success() const { return {awarded, applications}; }
};

// 类目得分率 across the applicants of a cycle, at the first review stage (anonymous).
// A year with fewer scored applicants than this is left out: its mean would all but give
// their scores away.
inline constexpr int kMinScoredForCategories = 3;

struct CategoryFigures {
    std::string category;  // "4.1"
    std::string name;      // "领导"
    struct Year {
        int year = 0;
        int count = 0;            // applicants scored
        int mean_hundredths = 0;  // mean percentage, hundredths of a percent
        int sd_hundredths = 0;    // population standard deviation, hundredths of a percent
        // No minimum or maximum: each is one applicant's score (the top one, likely a named winner's).
    };
    std::vector<Year> years;  // ascending, only years with scores
};

// 获奖组织报送数据: one indicator's average over the winners reporting it, per year.
struct IndicatorTrend {
    std::string indicator;  // id
    std::string name;       // 营业收入
    std::string unit;       // 万元
    struct Point {
        int year = 0;
        int count = 0;              // winners with a figure
        long long mean_hundredths = 0;
    };
    std::vector<Point> points;
};

struct ReportsStatus {
    int due = 0;       // reports due by the as-of date
    int received = 0;
    int overdue = 0;
};

// 不予受理原因: how often each article excluded someone.
struct ArticleCount {
    std::string article;
    int count = 0;           // this year
    int earlier = 0;         // the earlier years shown, together
    std::map<int, int> by_year = {};  // every year shown (since..year) → count
};

struct YearlyStatistics {
    std::string pack;
    int year = 0;   // the report's year
    int since = 0;  // the first year compared
    Date as_of;     // for overdue reports
    std::vector<CycleFigures> cycles;  // since..year, only cycles that exist, ascending
    const CycleFigures* current() const {
        for (const auto& c : cycles)
            if (c.year == year) return &c;
        return nullptr;
    }
    const CycleFigures* previous() const {
        const CycleFigures* p = nullptr;
        for (const auto& c : cycles)
            if (c.year < year) p = &c;
        return p;
    }
    std::vector<GroupFigures> by_industry;   // this year, by GB/T 4754 门类, most applications first
    std::vector<GroupFigures> by_township;   // this year
    std::vector<GroupFigures> by_size;       // this year, 大型 中型 小型 微型 未填写
    std::vector<GroupFigures> by_history;    // this year: 首次申报, 再次申报
    std::string scored_stage;                // the stage whose category percentages are compared
    std::vector<CategoryFigures> categories; // in score sheet order
    std::vector<IndicatorTrend> indicators;  // in report form order
    ReportsStatus reports;
    std::vector<ArticleCount> rejections;    // most frequent first (this year), then by article
    bool earlier_cycles = false;             // the registry has a cycle of the pack before `year` (首次/再次 means something)
};

}  // namespace award
