#include "render/statistics_charts.hpp"

#include <algorithm>
#include <cstdlib>

namespace award {

namespace {

pdf::ChartSeries series(std::string name, std::vector<std::optional<double>> values) {
    return pdf::ChartSeries{pdf::Text(std::move(name)), std::move(values)};
}

pdf::Chart chart(pdf::Chart::Kind kind, int number, const std::string& caption, const std::string& unit) {
    pdf::Chart c;
    c.kind = kind;
    c.caption = pdf::Text("图" + std::to_string(number) + " " + caption);
    c.value_axis_title = pdf::Text("单位：" + unit);
    return c;
}

std::vector<pdf::Text> year_categories(const YearlyStatistics& s) {
    std::vector<pdf::Text> out;
    for (const auto& c : s.cycles) out.emplace_back(year_text(c.year));
    return out;
}

// 申报, 受理, 获奖 of each group; no groups: no data (the chart says so). Past
// kMaxGroups groups the smallest are drawn together as "其他" (the table lists each).
pdf::Chart group_chart(const std::vector<GroupFigures>& all, int number, const std::string& caption) {
    constexpr std::size_t kMaxGroups = 10;
    pdf::Chart c = chart(pdf::Chart::Kind::GroupedBar, number, caption, "家");
    c.height_mm = 75;
    c.no_data = pdf::Text("（本年度无申报，未绘制图表）");
    std::vector<GroupFigures> groups = all;
    if (groups.size() > kMaxGroups) {
        // Largest first, 未填写/未能归类 kept as they are sorted (last): the rest into 其他.
        std::vector<GroupFigures> kept, rest;
        std::vector<GroupFigures> sorted = all;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const GroupFigures& a, const GroupFigures& b) { return a.applications > b.applications; });
        for (std::size_t i = 0; i < sorted.size(); ++i) (i < kMaxGroups - 1 ? kept : rest).push_back(sorted[i]);
        GroupFigures other;
        other.group = "其他" + std::to_string(rest.size()) + "个";
        for (const auto& g : rest) {
            other.applications += g.applications;
            other.accepted += g.accepted;
            other.awarded += g.awarded;
        }
        kept.push_back(other);
        groups = kept;
    }
    std::vector<std::optional<double>> applied, accepted, awarded;
    for (const auto& g : groups) {
        c.categories.emplace_back(g.group);
        applied.push_back(g.applications);
        accepted.push_back(g.accepted);
        awarded.push_back(g.awarded);
    }
    if (groups.empty()) return c;
    c.series = {series("申报", applied), series("受理", accepted), series("获奖", awarded)};
    return c;
}

}  // namespace

std::string year_text(int year) { return std::to_string(year) + "年"; }

std::string two_decimals(long long hundredths) {
    const long long whole = std::llabs(hundredths) / 100, frac = std::llabs(hundredths) % 100;
    return std::string(hundredths < 0 ? "-" : "") + std::to_string(whole) + "." + (frac < 10 ? "0" : "") +
           std::to_string(frac);
}

std::string percent_text(int hundredths) { return two_decimals(hundredths) + "%"; }

std::string share_text(const Share& s) { return s.defined() ? percent_text(s.hundredths()) : "—"; }

std::string earlier_years_text(const YearlyStatistics& s) {
    int first = 0, last = 0;
    for (const auto& c : s.cycles)
        if (c.year < s.year) {
            if (!first) first = c.year;
            last = c.year;
        }
    if (!first) return "";
    return first == last ? year_text(first) : std::to_string(first) + "—" + year_text(last);
}

std::string stage_name(const Policy& policy, const std::string& stage_id) {
    for (const auto& st : policy.review.stages)
        if (st.id == stage_id) return st.name;
    return stage_id;
}

std::vector<std::string> award_names(const Policy& policy, const YearlyStatistics& s) {
    std::vector<std::string> out;
    for (const auto& spec : policy.awards)
        for (const auto& c : s.cycles)
            if (count_of(c.awarded_by_award, spec.name) > 0 || spec.open_to_application) {
                out.push_back(spec.name);
                break;
            }
    return out;
}

int count_of(const std::vector<std::pair<std::string, int>>& counts, const std::string& name) {
    for (const auto& [n, k] : counts)
        if (n == name) return k;
    return 0;
}

StatisticsCharts statistics_charts(const Policy& policy, const YearlyStatistics& s) {
    StatisticsCharts out;
    int number = 0;
    const auto years = year_categories(s);
    const std::string span = s.cycles.empty() ? year_text(s.year)
                                              : (s.cycles.front().year == s.year ? year_text(s.year)
                                                                                 : std::to_string(s.cycles.front().year) + "—" +
                                                                                       year_text(s.year));

    // 年度概况
    out.cycles = chart(pdf::Chart::Kind::GroupedBar, ++number, span + "申报、受理与获奖情况", "家");
    out.cycles.categories = years;
    out.cycles.category_axis_title = pdf::Text("年度");
    out.awards = chart(pdf::Chart::Kind::StackedBar, ++number, span + "获奖组织（按奖项）", "家");
    out.awards.categories = years;
    out.awards.category_axis_title = pdf::Text("年度");
    out.money = chart(pdf::Chart::Kind::StackedBar, ++number, span + "奖金发放", "万元");
    out.money.categories = years;
    out.money.category_axis_title = pdf::Text("年度");
    if (!s.cycles.empty()) {
        std::vector<std::optional<double>> applied, accepted, onsite, awarded, prize, top_up;
        bool whole_wan = true;
        for (const auto& c : s.cycles) {
            applied.push_back(c.applications);
            accepted.push_back(c.accepted);
            onsite.push_back(c.reached_onsite);
            awarded.push_back(c.awarded);
            prize.push_back(double(c.prize_yuan) / 10000);
            top_up.push_back(double(c.top_up_yuan) / 10000);
            whole_wan = whole_wan && c.prize_yuan % 10000 == 0 && c.top_up_yuan % 10000 == 0;
        }
        out.cycles.series = {series("申报", applied), series("受理", accepted), series("进入现场评审", onsite),
                             series("获奖", awarded)};
        for (const auto& name : award_names(policy, s)) {
            std::vector<std::optional<double>> v;
            for (const auto& c : s.cycles) v.push_back(count_of(c.awarded_by_award, name));
            out.awards.series.push_back(series(name, v));
        }
        out.money.series = {series("奖金", prize)};
        bool any_top_up = false;
        for (const auto& c : s.cycles) any_top_up = any_top_up || c.top_up_yuan > 0;
        if (any_top_up) out.money.series.push_back(series("追加激励资金", top_up));
        else out.money.kind = pdf::Chart::Kind::Bar;
        out.money.decimals = whole_wan ? 0 : 2;
    }

    // 申报结构
    const std::string y = year_text(s.year);
    out.industry = group_chart(s.by_industry, ++number, y + "申报组织行业分布（GB/T 4754 门类）");
    out.township = group_chart(s.by_township, ++number, y + "申报组织所在镇（街道）");
    out.size = group_chart(s.by_size, ++number, y + "申报组织规模");
    out.history = group_chart(s.earlier_cycles ? s.by_history : std::vector<GroupFigures>{}, ++number,
                              y + "首次申报与再次申报");
    if (!s.earlier_cycles) out.history.no_data = pdf::Text("（登记库中没有往届评选记录，无法区分首次申报与再次申报，未绘制图表）");

    // 类目得分
    out.categories = chart(pdf::Chart::Kind::GroupedBar, ++number,
                           "各类目平均得分率（" + stage_name(policy, s.scored_stage) + "）", "%");
    out.categories.decimals = 1;
    out.categories.height_mm = 100;
    out.categories.no_data = pdf::Text("（所列年度没有记录类目得分，未绘制图表）");
    for (const auto& f : s.categories) out.categories.categories.emplace_back(f.category + " " + f.name);
    for (const auto& c : s.cycles) {
        std::vector<std::optional<double>> v;
        bool any = false;
        for (const auto& f : s.categories) {
            std::optional<double> x;
            for (const auto& fy : f.years)
                if (fy.year == c.year && fy.count > 0) x = fy.mean_hundredths / 100.0;
            any = any || x.has_value();
            v.push_back(x);
        }
        if (any) out.categories.series.push_back(series(year_text(c.year), v));
    }
    if (out.categories.series.size() > 2) out.categories.show_values = false;  // the table under it has the numbers

    // 获奖组织报送
    for (const auto& t : s.indicators) {
        pdf::Chart c = chart(pdf::Chart::Kind::Line, ++number, "获奖组织" + t.name + "（平均值）", t.unit);
        c.height_mm = 60;
        c.category_axis_title = pdf::Text("数据年度");
        c.no_data = pdf::Text("（获奖组织尚未报送该项数据，未绘制图表）");
        std::vector<std::optional<double>> v;
        bool whole = true;
        for (const auto& p : t.points) {
            c.categories.emplace_back(year_text(p.year));
            v.push_back(double(p.mean_hundredths) / 100);
            whole = whole && p.mean_hundredths % 100 == 0;
        }
        c.decimals = whole ? 0 : 2;
        if (!t.points.empty()) c.series = {series("平均值", v)};
        out.indicators.push_back(std::move(c));
    }

    // 不予受理原因
    // 不予受理原因: one series per cycle compared, so each year stands against each year.
    out.rejections = chart(s.cycles.size() > 1 ? pdf::Chart::Kind::GroupedBar : pdf::Chart::Kind::Bar, ++number,
                           "不予受理依据条款（人次）", "人次");
    out.rejections.height_mm = 70;
    out.rejections.no_data = pdf::Text("（所列年度没有不予受理的申报，未绘制图表）");
    if (!s.rejections.empty()) {
        for (const auto& r : s.rejections) out.rejections.categories.emplace_back(r.article);
        for (const auto& c : s.cycles) {
            std::vector<std::optional<double>> v;
            for (const auto& r : s.rejections) {
                const auto it = r.by_year.find(c.year);
                v.push_back(it == r.by_year.end() ? 0 : it->second);
            }
            out.rejections.series.push_back(series(year_text(c.year), v));
        }
        if (out.rejections.series.size() > 3) out.rejections.show_values = false;  // the table has them
    }
    return out;
}

}  // namespace award
