// 获奖组织年度报送表 (award reports): the form each winner fills every year of its
// reporting window, as XLSX (to fill and hand back: read by ingest/report_form_reader)
// and as PDF (to print and fill by hand); the list of reports due, received and overdue
// (报送情况.xlsx) and the reminder to the overdue ones (催报通知.pdf).
//
// The XLSX form, worksheet 报送表 (model/report_form.hpp report_layout, 1-based):
//   A1        title (the pack's report_form.title), A2 报送年度 and the years covered
//   A3:B9     单位名称 / 统一社会信用代码 / 获奖年度 / 奖项 / 证书编号 / 报送年度 / 表格编号
//             (labels in A, values in B merged to the last column), locked
//   A10       填写说明; row 11 headers: 指标 · 单位 · <year>年 … · 说明
//   from A12  one row per indicator (pack order): name, unit, one input cell per year
//             (unlocked, yellow, data validation by kind with an input message), note
//   then      a blank row; 填报人 (input B) and 联系电话 (input E, or D with one or two
//             years); 填报日期 (input B, a date); the declaration; signature lines
//   hidden worksheet 识别信息 (last): key in A, value in B (and C): format
//   award-report-form · version 1 · pack · obligation · report_year · credit_code · name ·
//   award_year · award · certificate · due · form_id · year <year> <column> (one per year) ·
//   indicator <id> <row> (pack order) · filled_by / phone / filled_on <cell>.
// Every worksheet is protected without a password (against slips: the reader checks
// what matters); only the input cells are unlocked.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/policy.hpp"
#include "model/report_form.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"

namespace award {

struct ReportFormRequest {
    const Policy* policy = nullptr;
    const Obligation* obligation = nullptr;  // has a report_form
    ReportFormIdentity identity;
};

// Writes the form. std::invalid_argument for a request without a form; std::runtime_error
// naming the file when writing fails.
void write_report_form_xlsx(const ReportFormRequest& r, const std::filesystem::path& out);

// The same form to print (templates/documents/报送表.md): title, identity, the indicator
// table with empty cells, 填报人 and signature lines. Dated 1 January of the report year
// (no clock): the same registry gives the same bytes.
pdf::Document build_report_form_pdf(const std::filesystem::path& data_dir, const ReportFormRequest& r);
void write_report_form_pdf(const RenderEnv& env, const ReportFormRequest& r, const std::filesystem::path& out);

// One winner's report of one year, as `award reports status` finds it.
struct ReportStatus {
    enum class State { Received, NotYetDue, Overdue };
    ReportFormIdentity identity;
    State state = State::NotYetDue;
    std::optional<Date> received_on;
    int overdue_days = 0;  // Overdue: days past the due date at the as-of date
    std::string note;      // e.g. "截止日期后 5 天收到", "2026-05-08 已撤销"
};
const char* report_state_text(ReportStatus::State s);  // 已报送, 未到期, 逾期

// 报送情况.xlsx: one row per winner (单位名称, 统一社会信用代码, 获奖年度, 奖项, 应报送年度,
// 截止日期, 状态, 收到日期, 逾期天数, 备注), a line on top with the form, its article and
// the as-of date, totals at the foot.
void write_report_status_xlsx(const Policy& policy, const Obligation& obligation, int report_year, const Date& as_of,
                              const std::vector<ReportStatus>& rows, const std::filesystem::path& out);

// What the reminder needs besides the overdue list: who issues it, its 文号, date and
// the new deadline.
struct ReminderNotice {
    std::string issuer;           // 发文机关署名
    std::string document_number;  // 发文字号; "" : no 版头
    Date date;                    // 成文日期
    Date submit_by;               // 请于…前报送
    std::string contact;          // 联系人及电话, "" when not given
};

// 催报通知.pdf (templates/documents/催报通知.md): to the overdue ones (each row Overdue),
// citing the obligation's article, listing them. std::invalid_argument when `overdue` is empty.
pdf::Document build_report_reminder(const std::filesystem::path& data_dir, const Policy& policy,
                                    const Obligation& obligation, int report_year, const Date& as_of,
                                    const std::vector<ReportStatus>& overdue, const ReminderNotice& notice);
void write_report_reminder_pdf(const RenderEnv& env, const Policy& policy, const Obligation& obligation, int report_year,
                               const Date& as_of, const std::vector<ReportStatus>& overdue, const ReminderNotice& notice,
                               const std::filesystem::path& out);

}  // namespace award
