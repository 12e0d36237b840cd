// The charts of the yearly statistics report (年度统计报告, issue 7), described once from
// the figures (model/statistics.hpp) so the PDF (render/statistics_report_pdf.cpp) and
// the XLSX (render/xlsx/statistics_report_xlsx.cpp) show the same numbers under the same
// captions. Figures are numbered in the order of the report's sections: 年度概况,
// 申报结构, 类目得分, 获奖组织报送, 不予受理原因.
#pragma once
#include <string>
#include <vector>

#include "model/policy.hpp"
#include "model/statistics.hpp"
#include "render/pdf/chart.hpp"

namespace award {

struct StatisticsCharts {
    // 年度概况, the cycles since..year by year
    pdf::Chart cycles;       // GroupedBar: 申报, 受理, 进入现场评审, 获奖 (家)
    pdf::Chart awards;       // StackedBar: 获奖组织 by award (家)
    pdf::Chart money;        // StackedBar: 奖金, 追加激励资金 (万元)
    // 申报结构, this year: GroupedBar 申报, 受理, 获奖 (家) per group
    pdf::Chart industry, township, size, history;
    // 类目得分: GroupedBar, the categories × the years, mean 得分率 (%); anonymous
    pdf::Chart categories;
    // 获奖组织报送: a Line per indicator of the pack's report form, mean over the winners
    std::vector<pdf::Chart> indicators;
    // 不予受理原因: Bar (this year) or GroupedBar (this year and the earlier years shown)
    pdf::Chart rejections;
};

StatisticsCharts statistics_charts(const Policy& policy, const YearlyStatistics& s);

// ---- Wording shared by the PDF, the XLSX and the summary ----

// "2026年".
std::string year_text(int year);
// "2211.20", "-35.20" from hundredths: exactly two decimals (Score::units_text has no sign).
std::string two_decimals(long long hundredths);
// "72.27%" from hundredths of a percent; "—" for a share of nothing.
std::string percent_text(int hundredths);
std::string share_text(const Share& s);
// "2024年" or "2024—2025年" (the years before `year` the report compares).
std::string earlier_years_text(const YearlyStatistics& s);
// The stage whose category percentages are compared, as the pack names it ("材料评审").
std::string stage_name(const Policy& policy, const std::string& stage_id);
// Every award name met in the cycles' counts, in pack order.
std::vector<std::string> award_names(const Policy& policy, const YearlyStatistics& s);
int count_of(const std::vector<std::pair<std::string, int>>& counts, const std::string& name);

}  // namespace award
