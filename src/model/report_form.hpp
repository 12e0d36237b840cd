// 获奖组织年度报送表 (award reports): what the form a winner fills each year is made of,
// shared by the writer (render/xlsx/report_form_xlsx), the reader
// (ingest/report_form_reader) and the registry (figures of a report received).
//
// Figures are exact: a value is kept as hundredths of its unit (1234.56万元 → 123456,
// 12.5% → 1250, 356人 → 35600), never as floating point.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/policy.hpp"

namespace award {

inline constexpr const char* kReportFormFormat = "award-report-form";
inline constexpr int kReportFormVersion = 1;
inline constexpr const char* kReportFormSheet = "报送表";
inline constexpr const char* kReportFormIdentSheet = "识别信息";
inline constexpr std::size_t kReportFilerMaxChars = 30;  // 填报人, 联系电话

// One figure of a report: an indicator's value for one year.
struct ReportFigure {
    std::string indicator;     // ReportIndicator::id, e.g. "revenue"
    int year = 0;              // the year the figure is for
    long long hundredths = 0;  // the value × 100 in the indicator's unit, exactly
    friend bool operator==(const ReportFigure&, const ReportFigure&) = default;
};

// The years a report of `report_year` gives figures for: the `years_shown` complete
// years before it, oldest first (the report due in 2026 covers 2023–2025).
std::vector<int> report_years(int report_year, int years_shown);

// The due date of `report_year` for "MM-DD"; 02-29 is 02-28 in a common year. nullopt
// when `due` is not MM-DD.
std::optional<Date> report_due_date(int report_year, const std::string& due);

// Hundredths as decimal text without trailing zeros: 123456 → "1234.56", -3520 → "-35.2",
// 35600 → "356".
std::string hundredths_text(long long hundredths);

// Decimal text with at most 2 decimals, an optional leading '-', and thousands commas
// ("1,234.56") → hundredths, exactly. nullopt for anything else ("1.", ".5", "1e3",
// "+3", spaces, a third decimal, more than 12 digits before the point).
std::optional<long long> decimal_text_to_hundredths(std::string_view text);

// Whether a value (hundredths) fits the indicator's kind: range, sign, decimals.
bool report_value_fits(const ReportIndicator& indicator, long long hundredths);
// What the indicator takes, for messages and the form's input prompts, e.g.
// "以万元为单位的金额，最多两位小数，亏损填负数（如 1234.56、-35.2）".
std::string report_value_expectation(const ReportIndicator& indicator);
// The JSON name of a kind: "money_wan", "percent", "number", "integer".
const char* report_kind_id(ReportIndicator::Kind kind);

// Who and what a form is for: the identity block printed (and locked) on it.
struct ReportFormIdentity {
    std::string pack;        // policy pack id
    std::string obligation;  // Obligation::id
    int report_year = 0;     // 报送年度
    std::string credit_code;
    std::string name;        // 单位名称 as in the registry
    int award_year = 0;      // 获奖年度 (the cycle's year)
    std::string award;       // 奖项
    std::string certificate; // 证书编号, "" when none recorded
    Date due;                // 报送截止日期
    std::vector<int> years;  // the figures' years, oldest first
};

// 表格编号, ASCII: pack, report year, credit code, award year and the award's certificate
// code (its 1-based place in the pack, "A2", when it has none), e.g.
// "weidu-2026-91411002175206385X-2024T".
std::string report_form_id(const ReportFormIdentity& id, const Policy& policy);

// ---- The worksheet 报送表 (1-based rows and columns; writer and reader) ------------
namespace report_layout {
inline constexpr int kTitleRow = 1;
inline constexpr int kSubtitleRow = 2;
// Identity: label in column A, value in B (merged to the last column).
inline constexpr int kNameRow = 3, kCodeRow = 4, kAwardYearRow = 5, kAwardRow = 6, kCertificateRow = 7,
                     kReportYearRow = 8, kFormIdRow = 9;
inline constexpr int kNoteRow = 10;
inline constexpr int kHeaderRow = 11;
inline constexpr int kFirstIndicatorRow = 12;
inline constexpr int kColName = 1, kColUnit = 2, kColFirstYear = 3;  // then one column per year, then 说明
inline constexpr int kColLabel = 1, kColValue = 2;

// The identity rows as printed: (row, label, value).
struct IdentityRow {
    int row;
    std::string label, value;
};
std::vector<IdentityRow> identity_rows(const ReportFormIdentity& id, const std::string& form_id);

// After the indicators: a blank row, then 填报人 (label A, input B) and 联系电话 (label D,
// input E) — with fewer than 3 year columns the phone goes in the column after the
// last year —, then 填报日期 (label A, input B), then the declaration.
struct FilerCells {
    int filer_row = 0, filer_col = 0;  // 填报人 input
    int phone_row = 0, phone_col = 0;  // 联系电话 input
    int date_row = 0, date_col = 0;    // 填报日期 input
    int declaration_row = 0;
};
FilerCells filer_cells(std::size_t indicators, std::size_t years);
int note_col(std::size_t years);  // the 说明 column
}  // namespace report_layout

}  // namespace award
