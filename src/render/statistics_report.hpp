// 年度统计报告 (award stats, issue 7): the yearly statistics report for the leading
// group, from the figures of rules/statistics.hpp, as
//   - PDF (templates/documents/年度统计报告.md, the 公文 engine): the summary whose
//     sentences the template builds from the figures, then the sections with their
//     charts (render/statistics_charts.hpp) and tables;
//   - XLSX: one worksheet per section, the figures as numbers and native Excel charts
//     over exactly those cells.
// The 类目得分 section is anonymous: it never names an applicant.
// Both are dated by the figures' as-of date (no clock): the same registry gives the
// same bytes.
#pragma once
#include <filesystem>
#include <string>

#include "model/policy.hpp"
#include "model/statistics.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"

namespace award {

// The worksheets, in order: 说明, 年度概况, 申报结构, 类目得分, 报送数据, 不予受理原因.
void write_statistics_report_xlsx(const Policy& policy, const YearlyStatistics& s, const std::filesystem::path& out);

// `issuer`: the 署名 over the date (s.as_of); empty: no signature.
pdf::Document build_statistics_report_pdf(const std::filesystem::path& data_dir, const Policy& policy,
                                          const YearlyStatistics& s, const std::string& issuer);
void write_statistics_report_pdf(const RenderEnv& env, const Policy& policy, const YearlyStatistics& s,
                                 const std::string& issuer, const std::filesystem::path& out);

}  // namespace award
