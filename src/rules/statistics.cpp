#include "rules/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "model/utf8.hpp"
#include "rules/industry.hpp"

namespace award {

namespace {

// a / b rounded half away from zero (b > 0).
long long divide_rounded(long long a, long long b) { return a >= 0 ? (2 * a + b) / (2 * b) : -((-2 * a + b) / (2 * b)); }

int stage_index(const Policy& policy, const std::string& id) {
    for (std::size_t i = 0; i < policy.review.stages.size(); ++i)
        if (policy.review.stages[i].id == id) return int(i);
    return -1;
}

// A number in Chinese numerals up to 百 (十一 → 11, 二十 → 20, 一百零五 → 105); -1 if none.
int chinese_number(const std::u32string& s) {
    static const std::u32string digits = U"零一二三四五六七八九";
    int total = 0, digit = -1;
    for (char32_t c : s) {
        if (auto d = digits.find(c); d != std::u32string::npos) digit = int(d);
        else if (c == U'十') total += (digit < 0 ? 1 : digit) * 10, digit = -1;
        else if (c == U'百') total += (digit < 0 ? 1 : digit) * 100, digit = -1;
        else return -1;
    }
    return total + (digit > 0 ? digit : 0);
}

// How articles follow each other in the regulation: 第九条 < 第十一条（一） < 第十一条（二） <
// 第十五条 < 第三十条; what cannot be read goes last, by its text.
std::tuple<int, int, int, std::string> article_order(const std::string& article) {
    const std::u32string a = utf8::decode(article);
    int number = 1 << 20, item = 0, paragraph = 0;
    if (const auto start = a.find(U'第'), end = a.find(U'条'); start == 0 && end != std::u32string::npos && end > 1) {
        if (const int n = chinese_number(a.substr(1, end - 1)); n >= 0) number = n;
        if (const auto open = a.find(U'（', end), close = a.find(U'）', end); open != std::u32string::npos && close > open)
            item = std::max(0, chinese_number(a.substr(open + 1, close - open - 1)));
        if (const auto k = a.find(U'款', end); k != std::u32string::npos && k > end + 2 && a[end + 1] == U'第')
            paragraph = std::max(0, chinese_number(a.substr(end + 2, k - end - 2)));
    }
    return {number, paragraph, item, article};
}

std::vector<std::string> split_articles(const std::string& articles) {
    std::vector<std::string> out;
    std::size_t start = 0;
    const std::string sep = "、";
    while (start < articles.size()) {
        std::size_t end = articles.find(sep, start);
        if (end == std::string::npos) end = articles.size();
        if (end > start) out.push_back(articles.substr(start, end - start));
        start = end + sep.size();
    }
    return out;
}

// Groups in order: most applications first, then by name; "未填写"/"未能归类" last.
void sort_groups(std::vector<GroupFigures>& groups) {
    auto rank = [](const GroupFigures& g) { return g.group == "未填写" ? 2 : g.group == "未能归类" ? 1 : 0; };
    std::stable_sort(groups.begin(), groups.end(), [&](const GroupFigures& a, const GroupFigures& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.applications != b.applications) return a.applications > b.applications;
        return a.group < b.group;
    });
}

template <class Key>
std::vector<GroupFigures> grouped(const std::vector<const StatsApplication*>& apps, Key key) {
    std::map<std::string, GroupFigures> by;
    for (const auto* a : apps) {
        GroupFigures& g = by[key(*a)];
        g.group = key(*a);
        ++g.applications;
        if (a->outcome != "rejected") ++g.accepted;
        if (a->outcome == "awarded") ++g.awarded;
    }
    std::vector<GroupFigures> out;
    for (auto& [k, g] : by) out.push_back(g);
    return out;
}

CycleFigures cycle_figures(const Policy& policy, const StatisticsInput& in, int year) {
    CycleFigures c;
    c.year = year;
    const int onsite = stage_index(policy, "onsite");
    for (const auto& a : in.applications) {
        if (a.year != year) continue;
        ++c.applications;
        if (a.outcome != "rejected") ++c.accepted;
        const int reached = stage_index(policy, a.stage_reached);
        if (onsite >= 0 && reached >= onsite) ++c.reached_onsite;
    }
    std::set<std::string> winners;
    for (const auto& a : in.awards) {
        if (a.year != year) continue;
        winners.insert(a.credit_code);
        c.prize_yuan += a.prize_yuan;
    }
    c.awarded = int(winners.size());
    for (const auto& spec : policy.awards) {
        int n = 0, counted = 0;
        for (const auto& a : in.awards) {
            if (a.year != year || a.award != spec.name) continue;
            ++n;
            if (!a.repeat) ++counted;  // 再次获奖 takes no place of the quota
        }
        c.awarded_by_award.push_back({spec.name, n});
        if (n > counted) c.repeats.push_back({spec.name, n - counted});
        if (spec.quota > 0 && counted < spec.quota) c.vacancies.push_back({spec.name, spec.quota - counted});
    }
    for (const auto& t : in.top_ups)
        if (t.year == year) c.top_up_yuan += t.prize_yuan;
    return c;
}

std::vector<CategoryFigures> category_figures(const Policy& policy, const StatisticsInput& in, const std::string& stage,
                                              const std::vector<int>& years) {
    std::vector<CategoryFigures> out;
    for (const auto& category : policy.score_sheet.categories) {
        CategoryFigures f;
        f.category = category.id;
        f.name = category.name;
        for (int y : years) {
            std::vector<long long> values;
            for (const auto& a : in.applications) {
                if (a.year != y) continue;
                for (const auto& p : a.percents)
                    if (p.stage == stage && p.category == category.id) values.push_back(p.percent_hundredths);
            }
            if (values.empty() || int(values.size()) < kMinScoredForCategories) continue;
            CategoryFigures::Year fy;
            fy.year = y;
            fy.count = int(values.size());
            long long sum = 0;
            for (long long v : values) sum += v;
            fy.mean_hundredths = int(divide_rounded(sum, fy.count));
            const double mean = double(sum) / fy.count;
            double squares = 0;
            for (long long v : values) squares += (double(v) - mean) * (double(v) - mean);
            fy.sd_hundredths = int(std::lround(std::sqrt(squares / fy.count)));
            f.years.push_back(fy);
        }
        out.push_back(std::move(f));
    }
    return out;
}

const ReportForm* report_form_of(const Policy& policy) {
    for (const auto& o : policy.obligations)
        if (o.report_form) return &*o.report_form;
    return nullptr;
}

std::vector<IndicatorTrend> indicator_trends(const Policy& policy, const StatisticsInput& in, int year) {
    std::vector<IndicatorTrend> out;
    const ReportForm* form = report_form_of(policy);
    if (!form) return out;
    for (const auto& ind : form->indicators) {
        IndicatorTrend t;
        t.indicator = ind.id;
        t.name = ind.name;
        t.unit = ind.unit;
        // The latest figure of each winner for each year (a later report may correct an earlier one).
        std::map<int, std::map<std::pair<std::string, int>, long long>> by_year;
        for (const auto& f : in.figures)
            if (f.indicator == ind.id && f.year <= year) by_year[f.year][{f.credit_code, f.award_year}] = f.hundredths;
        for (const auto& [y, winners] : by_year) {
            long long sum = 0;
            for (const auto& [who, v] : winners) sum += v;
            t.points.push_back({y, int(winners.size()), divide_rounded(sum, (long long)winners.size())});
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

std::string industry_group(const std::string& industry) {
    if (industry.empty()) return "未填写";
    const IndustryResolution r = gbt4754().resolve(industry);
    return r ? r.section->label() : "未能归类";
}

YearlyStatistics compute_statistics(const Policy& policy, const StatisticsInput& in, int year, int since,
                                    const Date& as_of) {
    if (since > year) throw std::invalid_argument("statistics: since after year");
    YearlyStatistics s;
    s.pack = policy.id;
    s.year = year;
    s.since = since;
    s.as_of = as_of;
    std::vector<int> years;
    for (int y : in.cycle_years)
        if (y >= since && y <= year && (years.empty() || years.back() != y)) years.push_back(y);
    std::sort(years.begin(), years.end());
    for (int y : years) s.cycles.push_back(cycle_figures(policy, in, y));

    std::vector<const StatsApplication*> current;
    for (const auto& a : in.applications)
        if (a.year == year) current.push_back(&a);
    s.by_industry = grouped(current, [](const StatsApplication& a) { return industry_group(a.industry); });
    sort_groups(s.by_industry);
    s.by_township = grouped(current, [](const StatsApplication& a) { return a.township.empty() ? "未填写" : a.township; });
    sort_groups(s.by_township);
    const auto sizes = grouped(current, [](const StatsApplication& a) { return a.size.empty() ? "未填写" : a.size; });
    for (const char* size : {"大型", "中型", "小型", "微型", "未填写"})
        for (const auto& x : sizes)
            if (x.group == size) s.by_size.push_back(x);
    // 再次申报: the organisation applied, or was awarded, in an earlier cycle of the pack.
    std::set<std::string> earlier;
    for (const auto& a : in.applications)
        if (a.year < year) earlier.insert(a.credit_code);
    for (const auto& a : in.awards)
        if (a.year < year) earlier.insert(a.credit_code);
    auto history = grouped(current, [&](const StatsApplication& a) {
        return earlier.count(a.credit_code) ? std::string("再次申报") : std::string("首次申报");
    });
    for (const char* h : {"首次申报", "再次申报"})
        for (const auto& x : history)
            if (x.group == h) s.by_history.push_back(x);

    if (!policy.review.stages.empty()) s.scored_stage = policy.review.stages.front().id;
    s.categories = category_figures(policy, in, s.scored_stage, years);
    s.indicators = indicator_trends(policy, in, year);

    for (const auto& r : in.reports_due) {
        if (!r.due || as_of < *r.due) continue;
        ++s.reports.due;
        if (r.received) ++s.reports.received;
        else ++s.reports.overdue;
    }

    for (int y : in.cycle_years) s.earlier_cycles = s.earlier_cycles || y < year;

    std::map<std::string, ArticleCount> articles;
    for (const auto& a : in.applications) {
        if (a.outcome != "rejected" || a.year < since || a.year > year) continue;
        for (const auto& art : split_articles(a.articles)) {
            ArticleCount& c = articles[art];
            c.article = art;
            (a.year == year ? c.count : c.earlier) += 1;
            c.by_year[a.year] += 1;
        }
    }
    for (auto& [k, c] : articles) s.rejections.push_back(c);
    std::stable_sort(s.rejections.begin(), s.rejections.end(), [](const ArticleCount& a, const ArticleCount& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.earlier != b.earlier) return a.earlier > b.earlier;
        return article_order(a.article) < article_order(b.article);
    });
    return s;
}

}  // namespace award
