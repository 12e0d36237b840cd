// 年度统计报告.xlsx (award stats, issue 7): the figures of rules/statistics.hpp, one
// worksheet per section of the report, as numbers, and the report's charts
// (render/statistics_charts.hpp, the same numbers and captions as the PDF) as native
// Excel charts over tables of their own (Sheet::chart_table).
//
//   说明          what the workbook holds and how things are counted
//   年度概况      a row per cycle (numbers, rates, money), then 图 cycles / awards / money
//   申报结构      per grouping (行业门类, 所在镇（街道）, 企业规模, 首次/再次申报): a table with
//                 rates and a 合计 row, then its chart
//   类目得分      the radar of the category means by year, then a table per year (anonymous:
//                 statistics only, never an applicant)
//   报送数据      reports due / received / overdue, the indicators' points, a line chart each
//   不予受理原因  the articles' counts, a column per year compared
//
// Percentages (受理率, 获奖率, 得分率) are cells holding the percentage itself with two
// decimals and a literal "%" in the number format (91.67 shows as 91.67%), as the chart
// tables hold theirs; a rate of no applications is the text "—". Money is in 元 ("#,##0").
// Only the 说明 and 年度概况 sheets use Sheet::header (a frozen, repeated header row);
// sheets with several tables head them with bold rows, so no pane freezes halfway down.
#include <string>
#include <vector>

#include "render/statistics_charts.hpp"
#include "render/statistics_report.hpp"
#include "render/xlsx/workbook.hpp"
#include "render/xlsx/xlsx_chart.hpp"

namespace award {

namespace {

constexpr const char* kPercentFormat = "0.00\"%\"";  // the cell holds the percentage: 91.67 → 91.67%
constexpr const char* kPointsFormat = "0.00";         // 标准差, in percentage points
constexpr const char* kMoneyFormat = "#,##0";
constexpr const char* kNoneText = "—";


Cell percent_cell(int hundredths) { return Cell::number(hundredths / 100.0, kPercentFormat); }
Cell share_cell(const Share& s) { return s.defined() ? percent_cell(s.hundredths()) : Cell::text(kNoneText); }
Cell money_cell(long long yuan) { return Cell::number(double(yuan), kMoneyFormat); }
Cell count_cell(int n) { return Cell::number(n); }

// The header of a table on a sheet with several tables: bold cells, no frozen pane.
void heading(Sheet& sheet, const std::vector<std::string>& titles) {
    std::vector<Cell> cells;
    for (const auto& t : titles) cells.push_back(Cell::text(t).bold());
    sheet.row(cells);
}

void blank_row(Sheet& sheet) { sheet.note_row(""); }

xlsx::Chart converted(const pdf::Chart& chart, const std::string& category_title) {
    xlsx::Chart c = xlsx::from_pdf(chart);
    if (!category_title.empty()) c.category_title = category_title;
    return c;
}

std::string compared_years_text(const YearlyStatistics& s) {
    if (s.cycles.empty()) return "";
    std::string out;
    for (const auto& c : s.cycles) out += (out.empty() ? "" : "、") + year_text(c.year);
    return out;
}

std::string vacancies_text(const CycleFigures& c) {
    std::string out;
    for (const auto& [award, n] : c.vacancies)
        if (n > 0) out += (out.empty() ? "" : "、") + award + std::to_string(n) + "名";
    return out.empty() ? "无" : out;
}

int vacancies_total(const CycleFigures& c) {
    int n = 0;
    for (const auto& [award, k] : c.vacancies) n += k;
    return n;
}

// ---- 说明 ----

void write_notes(Workbook& wb, const Policy& policy, const YearlyStatistics& s, const std::string& title) {
    Sheet sheet = wb.add_sheet("说明", title);
    sheet.note_row(title);
    sheet.header({"项目", "说明"});
    const std::string stage = stage_name(policy, s.scored_stage);
    const std::string span = s.since < s.year ? std::to_string(s.since) + "—" + year_text(s.year) : year_text(s.year);
    auto line = [&](const std::string& what, const std::string& text) {
        sheet.row({Cell::text(what), Cell::wrapped(text)});
    };
    line("报告", title);
    line("依据", "《" + policy.regulation + "》（政策包 " + s.pack + "）");
    line("比较年度", s.cycles.empty() ? span + "登记库中没有评选记录"
                                      : compared_years_text(s) + "（" + span + "中登记库有评选记录的年度）");
    line("统计截至", s.as_of.chinese());
    line("工作表“年度概况”", "各年度申报、受理、进入现场评审、获奖组织家数，各奖项获奖家数，空缺名额，奖金和追加激励资金；"
                          "其后为历年申报与获奖、获奖组织、奖金发放三幅图及其数据。");
    line("工作表“申报结构”", year_text(s.year) + "申报组织按行业门类（GB/T 4754—2017）、所在镇（街道）、企业规模、"
                                                 "首次或再次申报分组的申报、受理、获奖家数和受理率、获奖率，各附一图。");
    line("工作表“类目得分”", "各年度" + stage + "中 GB/T 19580 各类目的平均得分率（雷达图）及评审家数、标准差（不列最低、最高得分率：那是某一组织的得分；参评不足3家的年度不列）。"
                          "本表为统计值，不列任何申报组织的名称或代码。");
    line("工作表“报送数据”", "获奖组织年度报表的应报送、已报送、逾期份数，各指标历年平均值及其折线图。");
    line("工作表“不予受理原因”", "各条款不予受理的人次，所列各年度分列。");
    line("口径：受理", "除不予受理以外的全部申报（含未获奖、被取消的）；受理率＝受理÷申报。");
    line("口径：进入现场评审", "评审进入现场评审阶段（或其后阶段）的申报。");
    line("口径：获奖组织", "获得任一奖项的组织，同一组织获得多个奖项只计一家；各奖项列按奖项分别计数；"
                         "获奖率＝获奖÷该组申报。");
    line("口径：空缺名额", "有名额的奖项，名额减去首次获奖家数（再次获奖不占名额）。");
    line("口径：金额", "奖金为当年评选所授奖项的奖金合计，追加激励资金为当年评选发放的追加激励；表中单位为元，图中为万元。");
    line("口径：百分数", "受理率、获奖率、得分率为保留两位小数的百分数，单元格中的数值即百分数（91.67 表示 91.67%）；"
                       "没有申报的组别，比率为“—”。");
    line("口径：类目得分率", "取" + stage + "各类目的汇总得分占该类目分值的百分比，每份申报计一次；标准差为总体标准差，"
                           "单位为百分点。匿名统计，不列申报组织。");
    line("口径：报送数据", "各指标为报送该项数据的获奖组织的平均值（同一组织同一数据年度以最近一次报送为准）；"
                         "应报送为截止日期不晚于" + s.as_of.chinese() + "的报表，逾期为其中尚未收到的。");
    line("口径：不予受理原因", "一份申报依据多个条款不予受理的，每个条款各计一次（人次）。");
    sheet.finish();
}

// ---- 年度概况 ----

void write_overview(Workbook& wb, const Policy& policy, const YearlyStatistics& s, const StatisticsCharts& charts,
                    const std::string& title) {
    Sheet sheet = wb.add_sheet("年度概况", title + "　年度概况");
    const auto awards = award_names(policy, s);
    if (s.cycles.empty()) {
        sheet.note_row("所列年度登记库中没有评选记录，未列表。");
        blank_row(sheet);
    } else {
        sheet.note_row("各年度评选概况（受理率＝受理÷申报；金额单位：元）");
        std::vector<std::string> titles{"年度", "申报", "受理", "受理率", "进入现场评审", "获奖组织"};
        for (const auto& a : awards) titles.push_back(a);
        for (const char* t : {"空缺名额", "空缺奖项", "奖金（元）", "追加激励资金（元）"}) titles.push_back(t);
        sheet.header(titles);
        for (const auto& c : s.cycles) {
            std::vector<Cell> row{Cell::number(c.year),    count_cell(c.applications), count_cell(c.accepted),
                                  share_cell({c.accepted, c.applications}), count_cell(c.reached_onsite),
                                  count_cell(c.awarded)};
            for (const auto& a : awards) row.push_back(count_cell(count_of(c.awarded_by_award, a)));
            row.push_back(count_cell(vacancies_total(c)));
            row.push_back(Cell::text(vacancies_text(c)));
            row.push_back(money_cell(c.prize_yuan));
            row.push_back(money_cell(c.top_up_yuan));
            sheet.row(row);
        }
        blank_row(sheet);
    }
    sheet.chart_table(converted(charts.cycles, ""));
    sheet.chart_table(converted(charts.awards, ""));
    sheet.chart_table(converted(charts.money, ""));
    sheet.finish();
}

// ---- 申报结构 ----

void write_groups(Sheet& sheet, const YearlyStatistics& s, const std::vector<GroupFigures>& groups,
                  const pdf::Chart& chart, const std::string& dimension, const std::string& caption,
                  const std::string& why_empty = "") {
    xlsx::Chart c = converted(chart, dimension);
    if (groups.empty()) {
        // One sentence for the table and the chart: no empty table.
        c.no_data = why_empty.empty() ? "（" + year_text(s.year) + "无申报，未列表，未绘制图表）" : why_empty;
        sheet.chart_table(c);
        return;
    }
    sheet.note_row(caption);
    heading(sheet, {dimension, "申报", "受理", "受理率", "获奖", "获奖率"});
    GroupFigures total;
    total.group = "合计";
    for (const auto& g : groups) {
        sheet.row({Cell::text(g.group), count_cell(g.applications), count_cell(g.accepted), share_cell(g.acceptance()),
                   count_cell(g.awarded), share_cell(g.success())});
        total.applications += g.applications;
        total.accepted += g.accepted;
        total.awarded += g.awarded;
    }
    sheet.row({Cell::text(total.group).bold(), count_cell(total.applications).bold(), count_cell(total.accepted).bold(),
               share_cell(total.acceptance()).bold(), count_cell(total.awarded).bold(),
               share_cell(total.success()).bold()});
    blank_row(sheet);
    sheet.chart_table(c);
}

void write_structure(Workbook& wb, const YearlyStatistics& s, const StatisticsCharts& charts, const std::string& title) {
    Sheet sheet = wb.add_sheet("申报结构", title + "　申报结构");
    const std::string y = year_text(s.year);
    sheet.note_row(y + "申报组织的构成（受理率＝受理÷该组申报，获奖率＝获奖÷该组申报）");
    blank_row(sheet);
    write_groups(sheet, s, s.by_industry, charts.industry, "行业门类", y + "申报组织按行业门类（GB/T 4754—2017）");
    write_groups(sheet, s, s.by_township, charts.township, "所在镇（街道）", y + "申报组织按所在镇（街道）");
    write_groups(sheet, s, s.by_size, charts.size, "企业规模", y + "申报组织按企业规模");
    // Without an earlier cycle in the registry every applicant would look first-time.
    write_groups(sheet, s, s.earlier_cycles ? s.by_history : std::vector<GroupFigures>{}, charts.history, "申报类别",
                 y + "首次申报与再次申报",
                 s.earlier_cycles ? "" : "（登记库中没有往届评选记录，无法区分首次申报与再次申报，未列表，未绘制图表）");
    sheet.finish();
}

// ---- 类目得分 (anonymous: statistics of the categories only) ----

void write_categories(Workbook& wb, const Policy& policy, const YearlyStatistics& s, const StatisticsCharts& charts,
                      const std::string& title) {
    Sheet sheet = wb.add_sheet("类目得分", title + "　类目得分");
    const std::string stage = stage_name(policy, s.scored_stage);
    sheet.note_row("GB/T 19580 各类目得分率（" + stage + "，各类目汇总得分占类目分值的百分比）；匿名统计，不列申报组织。");
    blank_row(sheet);

    xlsx::Chart radar = converted(charts.categories, "类目");
    if (s.categories.size() >= 3) radar.kind = xlsx::Chart::Kind::Radar;  // the seven categories around the centre
    radar.show_values = false;                                             // the tables below hold the numbers
    radar.height_mm = 110;
    radar.width_mm = 150;
    sheet.chart_table(radar);

    // A table per year, this year first, then the earlier years, newest first.
    if (s.categories.empty()) {  // the chart said there is nothing
        sheet.finish();
        return;
    }
    for (auto it = s.cycles.rbegin(); it != s.cycles.rend(); ++it) {
        const int year = it->year;
        int scored = 0;
        for (const auto& f : s.categories)
            for (const auto& fy : f.years)
                if (fy.year == year && fy.count > 0) ++scored;
        if (scored == 0) {
            sheet.note_row(year_text(year) + stage + "没有记录类目得分，未列表。");
            blank_row(sheet);
            continue;
        }
        sheet.note_row(year_text(year) + "各类目得分率（" + stage + "）");
        heading(sheet, {"类目", "名称", "评审家数", "平均得分率", "标准差（百分点）"});
        for (const auto& f : s.categories) {
            const CategoryFigures::Year* fy = nullptr;
            for (const auto& y : f.years)
                if (y.year == year && y.count > 0) fy = &y;
            if (!fy) {
                sheet.row({Cell::text(f.category), Cell::text(f.name), count_cell(0), Cell::text(kNoneText),
                           Cell::text(kNoneText)});
                continue;
            }
            sheet.row({Cell::text(f.category), Cell::text(f.name), count_cell(fy->count), percent_cell(fy->mean_hundredths),
                       Cell::number(fy->sd_hundredths / 100.0, kPointsFormat)});
        }
        blank_row(sheet);
    }
    sheet.finish();
}

// ---- 报送数据 ----

void write_reports(Workbook& wb, const YearlyStatistics& s, const StatisticsCharts& charts, const std::string& title) {
    Sheet sheet = wb.add_sheet("报送数据", title + "　报送数据");
    sheet.note_row("获奖组织年度报表报送情况（截至" + s.as_of.chinese() + "；应报送：截止日期已到的报表）");
    heading(sheet, {"统计截至", "应报送（份）", "已报送（份）", "逾期（份）"});
    sheet.row({Cell::date(s.as_of), count_cell(s.reports.due), count_cell(s.reports.received),
               count_cell(s.reports.overdue)});
    blank_row(sheet);

    if (s.indicators.empty()) {
        sheet.note_row("本评选的获奖组织不报送年度数据表，没有指标数据。");
        sheet.finish();
        return;
    }
    sheet.note_row("各指标历年平均值（报送该项数据的获奖组织的平均值）");
    heading(sheet, {"指标", "单位", "数据年度", "报送家数", "平均值"});
    for (const auto& t : s.indicators) {
        if (t.points.empty()) {
            sheet.row({Cell::text(t.name), Cell::text(t.unit), Cell::text(kNoneText), count_cell(0),
                       Cell::text("尚未报送")});
            continue;
        }
        for (const auto& p : t.points)
            sheet.row({Cell::text(t.name), Cell::text(t.unit), Cell::number(p.year), count_cell(p.count),
                       Cell::number(double(p.mean_hundredths) / 100, "#,##0.00")});
    }
    blank_row(sheet);
    for (const auto& chart : charts.indicators) {
        xlsx::Chart c = converted(chart, "");
        // Thousands separators: 12,345.67 (万元), as the table above shows them.
        c.number_format = c.decimals > 0 ? "#,##0." + std::string(std::size_t(c.decimals), '0') : "#,##0";
        sheet.chart_table(c);
    }
    sheet.finish();
}

// ---- 不予受理原因 ----

void write_rejections(Workbook& wb, const YearlyStatistics& s, const StatisticsCharts& charts, const std::string& title) {
    Sheet sheet = wb.add_sheet("不予受理原因", title + "　不予受理原因");
    int now = 0, before = 0;
    for (const auto& c : s.cycles) (c.year == s.year ? now : before) += c.applications - c.accepted;
    const std::string earlier = earlier_years_text(s);
    sheet.note_row(year_text(s.year) + "不予受理申报" + std::to_string(now) + "家" +
                   (earlier.empty() ? "" : "，" + earlier + "共" + std::to_string(before) + "家") +
                   "；一份申报依据多个条款的，每个条款各计一次（人次）。");
    blank_row(sheet);
    sheet.chart_table(converted(charts.rejections, "条款"));
    sheet.finish();
}

}  // namespace

void write_statistics_report_xlsx(const Policy& policy, const YearlyStatistics& s, const std::filesystem::path& out) {
    const std::string title = policy.award_title + std::to_string(s.year) + "年度统计报告";
    const StatisticsCharts charts = statistics_charts(policy, s);
    Workbook wb(out, title, policy.award_title, s.as_of);
    write_notes(wb, policy, s, title);
    write_overview(wb, policy, s, charts, title);
    write_structure(wb, s, charts, title);
    write_categories(wb, policy, s, charts, title);
    write_reports(wb, s, charts, title);
    write_rejections(wb, s, charts, title);
    wb.close();
}

}  // namespace award
