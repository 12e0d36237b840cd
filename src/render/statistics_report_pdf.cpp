// 年度统计报告.pdf: the values of templates/documents/年度统计报告.md. The summary's
// sentences are the template's, filled with the figures' words here (counts, changes
// against the year before, rates, the weakest category); the sections' charts and tables
// are figures (render/statistics_charts.hpp) the template places.
#include <algorithm>

#include "model/money.hpp"
#include "model/report_form.hpp"
#include "render/statistics_charts.hpp"
#include "render/statistics_report.hpp"
#include "render/template_data.hpp"

namespace award {

namespace {

using pdf::Align;

constexpr double kTableSize = 10.5;  // 五号: the wide tables of figures

// "增加3家", "减少2家", "持平".
std::string change_text(long long now, long long before, const std::string& unit) {
    if (now == before) return "持平";
    return (now > before ? "增加" : "减少") + std::to_string(now > before ? now - before : before - now) + unit;
}

// "增加10万元", "减少5万元", "持平".
std::string money_change_text(long long now, long long before) {
    if (now == before) return "持平";
    return (now > before ? "增加" : "减少") + yuan_wan(now > before ? now - before : before - now);
}
// A figure in 万元 without the unit, for a column headed "（万元）": 600000 → "60", 15000 → "1.5".
std::string wan_number(long long yuan) { return hundredths_text(yuan / 100); }

// "提高1.25个百分点", "下降0.40个百分点", "持平" (hundredths of a percent).
std::string points_change_text(int now, int before) {
    if (now == before) return "持平";
    const int d = std::abs(now - before);
    return (now > before ? "提高" : "下降") + two_decimals(d) + "个百分点";
}

pdf::Origin registry_origin(const YearlyStatistics& s, const std::string& field) {
    return {"登记库", s.pack + " " + std::to_string(s.year) + "年度申报记录", field};
}

pdf::Table table(std::vector<std::pair<std::string, Align>> columns) {
    pdf::Table t;
    for (auto& [h, a] : columns) t.columns.push_back({pdf::Text(h), a});
    return t;
}

pdf::ParagraphStyle note_style() {
    pdf::ParagraphStyle st;
    st.align = Align::Left;
    return st;
}

// A figure's table caption: "表1 …", centred, kept with its table.
pdf::ParagraphStyle caption_style() {
    pdf::ParagraphStyle st;
    st.indent_chars = 0;
    st.align = Align::Centre;
    st.keep_with_next = true;
    return st;
}

tpl::Figure cycles_figure(const Policy& policy, const YearlyStatistics& s, const StatisticsCharts& charts, int& table_no) {
    tpl::Figure f;
    f.chart(charts.cycles);
    if (s.cycles.empty()) return f;
    f.paragraph(pdf::Text("表" + std::to_string(++table_no) + " 历年评选情况（奖金单位：万元）"), caption_style());
    const auto awards = award_names(policy, s);
    std::vector<std::pair<std::string, Align>> cols{{"年度", Align::Centre}, {"申报", Align::Right}, {"受理", Align::Right},
                                                    {"受理率", Align::Right}, {"进入现场评审", Align::Right}};
    for (const auto& a : awards) cols.push_back({a, Align::Right});
    cols.push_back({"奖金", Align::Right});
    pdf::Table t = table(cols);
    t.font_size = kTableSize;
    for (const auto& c : s.cycles) {
        std::vector<pdf::Text> row{pdf::Text(year_text(c.year)), pdf::Text(std::to_string(c.applications)),
                                   pdf::Text(std::to_string(c.accepted)), pdf::Text(share_text({c.accepted, c.applications})),
                                   pdf::Text(std::to_string(c.reached_onsite))};
        for (const auto& a : awards) {
            std::string cell = std::to_string(count_of(c.awarded_by_award, a));
            if (int r = count_of(c.repeats, a); r > 0) cell += "（含再次获奖" + std::to_string(r) + "）";
            if (int v = count_of(c.vacancies, a); v > 0) cell += "（空缺" + std::to_string(v) + "）";
            row.emplace_back(cell);
        }
        std::string money = wan_number(c.prize_yuan + c.top_up_yuan);
        if (c.top_up_yuan > 0) money += "（含追加" + wan_number(c.top_up_yuan) + "）";
        row.emplace_back(money);
        t.rows.push_back(std::move(row));
    }
    f.table(std::move(t));
    f.chart(charts.awards);
    f.chart(charts.money);
    return f;
}

tpl::Figure group_figure(const YearlyStatistics& s, const std::vector<GroupFigures>& groups, const pdf::Chart& chart,
                         const std::string& title, const std::string& field, int& table_no) {
    tpl::Figure f;
    f.chart(chart);
    if (groups.empty()) return f;
    f.paragraph(pdf::Text("表" + std::to_string(++table_no) + " " + title), caption_style());
    pdf::Table t = table({{"组别", Align::Left}, {"申报", Align::Right}, {"受理", Align::Right}, {"受理率", Align::Right},
                          {"获奖", Align::Right}, {"获奖率", Align::Right}});
    t.font_size = kTableSize;
    GroupFigures total;
    for (const auto& g : groups) {
        t.rows.push_back({pdf::Text(g.group, registry_origin(s, field)), pdf::Text(std::to_string(g.applications)),
                          pdf::Text(std::to_string(g.accepted)), pdf::Text(share_text(g.acceptance())),
                          pdf::Text(std::to_string(g.awarded)), pdf::Text(share_text(g.success()))});
        total.applications += g.applications;
        total.accepted += g.accepted;
        total.awarded += g.awarded;
    }
    t.rows.push_back({pdf::Text("合计"), pdf::Text(std::to_string(total.applications)), pdf::Text(std::to_string(total.accepted)),
                      pdf::Text(share_text(total.acceptance())), pdf::Text(std::to_string(total.awarded)),
                      pdf::Text(share_text(total.success()))});
    f.table(std::move(t));
    return f;
}

tpl::Figure categories_figure(const YearlyStatistics& s, const StatisticsCharts& charts, int& table_no) {
    tpl::Figure f;
    f.chart(charts.categories);
    std::vector<int> years;
    for (const auto& c : s.categories)
        for (const auto& y : c.years)
            if (std::find(years.begin(), years.end(), y.year) == years.end()) years.push_back(y.year);
    std::sort(years.begin(), years.end());
    if (years.empty()) return f;
    f.paragraph(pdf::Text("表" + std::to_string(++table_no) + " 各类目得分率（平均值 ± 标准差）"), caption_style());
    std::vector<std::pair<std::string, Align>> cols{{"类目", Align::Left}};
    for (int y : years) cols.push_back({year_text(y), Align::Right});
    pdf::Table t = table(cols);
    t.font_size = kTableSize;
    for (const auto& c : s.categories) {
        std::vector<pdf::Text> row{pdf::Text(c.category + " " + c.name)};
        for (int y : years) {
            const CategoryFigures::Year* fy = nullptr;
            for (const auto& x : c.years)
                if (x.year == y) fy = &x;
            row.emplace_back(fy ? percent_text(fy->mean_hundredths) + " ± " + two_decimals(fy->sd_hundredths)
                                : std::string("—"));
        }
        t.rows.push_back(std::move(row));
    }
    f.table(std::move(t));
    std::string counts;
    for (int y : years) {
        int n = 0;
        for (const auto& c : s.categories)
            for (const auto& x : c.years)
                if (x.year == y) n = std::max(n, x.count);
        counts += (counts.empty() ? "" : "，") + year_text(y) + std::to_string(n) + "家";
    }
    f.paragraph(pdf::Text("注：参评组织数 " + counts + "。只列各类目的汇总，不列任何组织的得分。"), note_style());
    return f;
}

tpl::Figure reports_figure(const YearlyStatistics& s, const StatisticsCharts& charts, int& table_no) {
    tpl::Figure f;
    std::vector<int> years;
    for (const auto& t : s.indicators)
        for (const auto& p : t.points)
            if (std::find(years.begin(), years.end(), p.year) == years.end()) years.push_back(p.year);
    std::sort(years.begin(), years.end());
    if (!years.empty()) {
        f.paragraph(pdf::Text("表" + std::to_string(++table_no) + " 获奖组织报送数据（平均值）"), caption_style());
        std::vector<std::pair<std::string, Align>> cols{{"指标", Align::Left}, {"单位", Align::Centre}};
        for (int y : years) cols.push_back({year_text(y), Align::Right});
        pdf::Table t = table(cols);
        t.font_size = kTableSize;
        // The winners reporting each year: the most of any indicator; an indicator fewer
        // winners gave says how many in brackets.
        std::vector<int> reporting(years.size(), 0);
        for (const auto& ind : s.indicators)
            for (const auto& p : ind.points)
                for (std::size_t i = 0; i < years.size(); ++i)
                    if (years[i] == p.year) reporting[i] = std::max(reporting[i], p.count);
        for (const auto& ind : s.indicators) {
            std::vector<pdf::Text> row{pdf::Text(ind.name), pdf::Text(ind.unit)};
            for (std::size_t i = 0; i < years.size(); ++i) {
                std::string cell = "—";
                for (const auto& p : ind.points)
                    if (p.year == years[i])
                        cell = two_decimals(p.mean_hundredths) +
                               (p.count < reporting[i] ? "（" + std::to_string(p.count) + "家）" : std::string());
                row.emplace_back(cell);
            }
            t.rows.push_back(std::move(row));
        }
        std::vector<pdf::Text> count_row{pdf::Text("报送家数"), pdf::Text("家")};
        for (int n : reporting) count_row.emplace_back(std::to_string(n));
        t.rows.push_back(std::move(count_row));
        f.table(std::move(t));
        f.paragraph(pdf::Text("注：各年度平均值按报送该年数据的获奖组织计算，各年度的组织不尽相同，年度间的变化"
                              "有一部分来自组织构成的不同。"),
                    note_style());
    } else if (!s.indicators.empty()) {
        f.paragraph(pdf::Text("获奖组织尚未报送年度数据，未列表，未绘制图表。"));
        return f;
    }
    for (const auto& c : charts.indicators) f.chart(c);
    return f;
}

tpl::Figure rejections_figure(const YearlyStatistics& s, const StatisticsCharts& charts, int& table_no) {
    tpl::Figure f;
    f.chart(charts.rejections);
    if (s.rejections.empty()) return f;
    f.paragraph(pdf::Text("表" + std::to_string(++table_no) + " 不予受理依据条款（人次）"), caption_style());
    std::vector<std::pair<std::string, Align>> cols{{"条款", Align::Left}};
    for (const auto& c : s.cycles) cols.push_back({year_text(c.year), Align::Right});
    pdf::Table t = table(cols);
    t.font_size = kTableSize;
    for (const auto& r : s.rejections) {
        std::vector<pdf::Text> row{pdf::Text(r.article)};
        for (const auto& c : s.cycles) {
            const auto it = r.by_year.find(c.year);
            row.emplace_back(std::to_string(it == r.by_year.end() ? 0 : it->second));
        }
        t.rows.push_back(std::move(row));
    }
    f.table(std::move(t));
    f.paragraph(pdf::Text("注：一家组织不符合多项条款的，每项各计一人次。"), note_style());
    return f;
}

}  // namespace

pdf::Document build_statistics_report_pdf(const std::filesystem::path& data_dir, const Policy& policy,
                                          const YearlyStatistics& s, const std::string& issuer) {
    const StatisticsCharts charts = statistics_charts(policy, s);
    tpl::TemplateSchema sc;
    tpl::TemplateObject d;
    auto text = [&](const std::string& name, const std::string& value, pdf::Origin o = {}) {
        sc.text(name);
        d.set(name, template_text(value, std::move(o)));
    };
    auto flag = [&](const std::string& name, bool value) {
        sc.flag(name);
        d.set(name, tpl::TemplateValue::of_flag(value));
    };
    auto figure = [&](const std::string& name, tpl::Figure f) {
        sc.figure(name);
        d.set(name, tpl::TemplateValue::of_figure(std::move(f)));
    };

    text("jurisdiction", policy.jurisdiction, pdf::policy_field(policy, "jurisdiction"));
    text("award_title", policy.award_title, pdf::policy_field(policy, "award_title"));
    text("regulation", policy.regulation, pdf::policy_field(policy, "regulation"));
    text("year", std::to_string(s.year));
    text("as_of", s.as_of.chinese());
    const std::string first = s.cycles.empty() ? year_text(s.year) : year_text(s.cycles.front().year);
    text("years", s.cycles.size() > 1 ? std::to_string(s.cycles.front().year) + "—" + year_text(s.year) : first);
    text("cycle_count", std::to_string(s.cycles.size()));

    // 总体情况: this year, against the year before.
    const CycleFigures* now = s.current();
    const CycleFigures* before = s.previous();
    flag("has_cycle", now != nullptr);
    flag("has_previous", now && before);
    text("previous_year", before ? std::to_string(before->year) : "");
    const CycleFigures none;
    const CycleFigures& c = now ? *now : none;
    const CycleFigures& b = before ? *before : none;
    text("applications", std::to_string(c.applications));
    text("applications_change", change_text(c.applications, b.applications, "家"));
    text("accepted", std::to_string(c.accepted));
    text("accepted_change", change_text(c.accepted, b.accepted, "家"));
    text("acceptance_rate", share_text({c.accepted, c.applications}));
    text("rejected", std::to_string(c.applications - c.accepted));
    text("reached_onsite", std::to_string(c.reached_onsite));
    text("awarded", std::to_string(c.awarded));
    text("awarded_change", change_text(c.awarded, b.awarded, "家"));
    std::string by_award, vacancies;
    for (const auto& [name, n] : c.awarded_by_award)
        if (n > 0) by_award += (by_award.empty() ? "" : "、") + name + std::to_string(n) + "家";
    for (const auto& [name, n] : c.vacancies) {
        vacancies += (vacancies.empty() ? "" : "、") + name + "空缺" + std::to_string(n) + "名";
        if (const int r = count_of(c.repeats, name); r > 0)
            vacancies += "（另有再次获奖" + std::to_string(r) + "家，不占名额）";
    }
    flag("has_applications", c.applications > 0);
    flag("has_awards", !by_award.empty());
    text("awards_detail", by_award);
    flag("has_vacancies", !vacancies.empty());
    text("vacancies", vacancies);
    bool pays = c.prize_yuan > 0 || b.prize_yuan > 0;
    for (const auto& a : policy.awards) pays = pays || a.prize_yuan > 0;
    flag("has_money", pays);
    text("prize", yuan_wan(c.prize_yuan));
    text("prize_change", money_change_text(c.prize_yuan + c.top_up_yuan, b.prize_yuan + b.top_up_yuan));
    flag("has_top_up", c.top_up_yuan > 0);
    text("top_up", yuan_wan(c.top_up_yuan));

    // 申报结构: the largest groups, all of them when several are as large.
    auto leaders = [&](const std::vector<GroupFigures>& groups, const std::string& prefix, const std::string& kind,
                       const std::string& field) {
        int most = 0, named = 0;
        for (const auto& g : groups)
            if (g.group != "未填写" && g.group != "未能归类") {
                most = std::max(most, g.applications);
                ++named;
            }
        std::vector<std::string> top;
        for (const auto& g : groups)
            if (g.group != "未填写" && g.group != "未能归类" && g.applications == most && most > 0) top.push_back(g.group);
        std::string names;
        for (std::size_t i = 0; i < top.size() && i < 3; ++i) names += (i ? "、" : "") + top[i];
        if (top.size() > 3) names += "等" + std::to_string(top.size()) + "个" + kind;
        flag("has_" + prefix, !top.empty());
        flag("top_" + prefix + "_tied", top.size() > 1);
        text(prefix + "_groups", std::to_string(named));
        text("top_" + prefix, names, registry_origin(s, field));
        text("top_" + prefix + "_count", std::to_string(most));
        text("top_" + prefix + "_share", share_text({most, c.applications}));
    };
    leaders(s.by_industry, "industry", "门类", "industry");
    leaders(s.by_township, "township", "镇（街道）", "township");
    GroupFigures first_time, returning;
    for (const auto& g : s.by_history) (g.group == "首次申报" ? first_time : returning) = g;
    flag("has_history", s.earlier_cycles);
    flag("has_returning", returning.applications > 0);
    text("first_time", std::to_string(first_time.applications));
    text("first_time_success", share_text(first_time.success()));
    text("returning", std::to_string(returning.applications));
    text("returning_success", share_text(returning.success()));

    // 类目得分: this year's weakest and strongest category, anonymous.
    const CategoryFigures* weakest = nullptr;
    const CategoryFigures* strongest = nullptr;
    auto mean_in = [](const CategoryFigures& f, int year) -> const CategoryFigures::Year* {
        for (const auto& y : f.years)
            if (y.year == year && y.count > 0) return &y;
        return nullptr;
    };
    for (const auto& f : s.categories) {
        const auto* y = mean_in(f, s.year);
        if (!y) continue;
        if (!weakest || y->mean_hundredths < mean_in(*weakest, s.year)->mean_hundredths) weakest = &f;
        if (!strongest || y->mean_hundredths > mean_in(*strongest, s.year)->mean_hundredths) strongest = &f;
    }
    flag("has_categories", weakest != nullptr);
    text("stage", stage_name(policy, s.scored_stage));
    text("scored", weakest ? std::to_string(mean_in(*weakest, s.year)->count) : "");
    text("weakest", weakest ? weakest->category + " " + weakest->name : "");
    text("weakest_mean", weakest ? percent_text(mean_in(*weakest, s.year)->mean_hundredths) : "");
    const auto* weakest_before = weakest && before ? mean_in(*weakest, before->year) : nullptr;
    flag("has_weakest_previous", weakest_before != nullptr);
    text("weakest_change",
         weakest_before ? points_change_text(mean_in(*weakest, s.year)->mean_hundredths, weakest_before->mean_hundredths) : "");
    text("strongest", strongest ? strongest->category + " " + strongest->name : "");
    text("strongest_mean", strongest ? percent_text(mean_in(*strongest, s.year)->mean_hundredths) : "");

    // 获奖组织报送
    flag("has_reports", s.reports.due > 0);
    text("reports_due", std::to_string(s.reports.due));
    text("reports_received", std::to_string(s.reports.received));
    text("reports_overdue", std::to_string(s.reports.overdue));
    flag("has_report_form", !s.indicators.empty());

    // 不予受理原因
    // The articles cited most this year (rejections come most cited first).
    std::string top_articles;
    int most_cited = s.rejections.empty() ? 0 : s.rejections.front().count;
    for (const auto& r : s.rejections)
        if (r.count == most_cited && most_cited > 0) top_articles += (top_articles.empty() ? "" : "、") + r.article;
    flag("has_rejections", most_cited > 0);
    flag("top_article_tied", top_articles.find("、") != std::string::npos);
    text("top_article", top_articles);
    text("top_article_count", std::to_string(most_cited));

    int table_no = 0;
    figure("cycles_figure", cycles_figure(policy, s, charts, table_no));
    figure("industry_figure", group_figure(s, s.by_industry, charts.industry, "申报组织行业分布", "industry", table_no));
    figure("township_figure", group_figure(s, s.by_township, charts.township, "申报组织所在镇（街道）", "township", table_no));
    figure("size_figure", group_figure(s, s.by_size, charts.size, "申报组织规模", "size", table_no));
    // Without an earlier cycle in the registry every applicant would look first-time: no table.
    figure("history_figure", group_figure(s, s.earlier_cycles ? s.by_history : std::vector<GroupFigures>{}, charts.history,
                                          "首次申报与再次申报", "applications", table_no));
    figure("categories_figure", categories_figure(s, charts, table_no));
    figure("reports_figure", reports_figure(s, charts, table_no));
    figure("rejections_figure", rejections_figure(s, charts, table_no));

    const tpl::DocumentFrame frame{"年度统计报告.pdf", pdf::Text(issuer, {"命令行", "award stats", "--issuer"}), pdf::Text(),
                                   s.as_of};
    tpl::DocumentTemplate t = tpl::load_document_template(document_template_path(data_dir, "年度统计报告.md"));
    if (issuer.empty()) t.signature = false;  // no 署名 to print
    return tpl::render_document(t, sc, d, frame);
}

void write_statistics_report_pdf(const RenderEnv& env, const Policy& policy, const YearlyStatistics& s,
                                 const std::string& issuer, const std::filesystem::path& out) {
    const pdf::Document doc = build_statistics_report_pdf(env.data_dir, policy, s, issuer);
    doc.write(env.data_dir, policy.award_title + std::to_string(s.year) + "年度统计报告", s.as_of, out);
}

}  // namespace award
