// 报送情况.xlsx: the reports of one year of an obligation with a form, one row per
// winner: due, received, overdue (render/report_documents.hpp).
#include "render/report_documents.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

const char* report_state_text(ReportStatus::State s) {
    switch (s) {
    case ReportStatus::State::Received: return "已报送";
    case ReportStatus::State::NotYetDue: return "未到期";
    case ReportStatus::State::Overdue: return "逾期";
    }
    return "";
}

void write_report_status_xlsx(const Policy& policy, const Obligation& obligation, int report_year, const Date& as_of,
                              const std::vector<ReportStatus>& rows, const std::filesystem::path& out) {
    const ReportForm& form = *obligation.report_form;
    const std::string title = std::to_string(report_year) + "年《" + form.title + "》报送情况";
    Workbook wb(out, title, policy.award_title, as_of);
    Sheet sheet = wb.add_sheet("报送情况", title);
    // One line over the header: what is counted, on what rule, as of when.
    sheet.note_row("依据《" + policy.regulation + "》" + obligation.article + "：" + obligation.text + "。统计截至 " +
                   as_of.iso() + "（“逾期”：截止日期已过而尚未收到）。");
    sheet.header({"序号", "单位名称", "统一社会信用代码", "获奖年度", "奖项", "应报送年度", "截止日期", "状态", "收到日期",
                  "逾期天数", "备注"});
    int n = 0, received = 0, waiting = 0, overdue = 0;
    for (const auto& r : rows) {
        Cell state = Cell::text(report_state_text(r.state));
        if (r.state == ReportStatus::State::Overdue) state = state.bold();
        sheet.row({Cell::number(++n), Cell::text(r.identity.name), Cell::text(r.identity.credit_code),
                   Cell::number(r.identity.award_year), Cell::text(r.identity.award), Cell::number(report_year),
                   Cell::date(r.identity.due), state, r.received_on ? Cell::date(*r.received_on) : Cell::text(""),
                   r.state == ReportStatus::State::Overdue ? Cell::number(r.overdue_days) : Cell::text(""),
                   Cell::wrapped(r.note)});
        if (r.state == ReportStatus::State::Received) ++received;
        if (r.state == ReportStatus::State::NotYetDue) ++waiting;
        if (r.state == ReportStatus::State::Overdue) ++overdue;
    }
    if (n == 0) sheet.note_row(std::to_string(report_year) + "年没有应报送的获奖组织。");
    else
        sheet.note_row("合计：应报送 " + std::to_string(n) + " 家，已报送 " + std::to_string(received) + " 家，未到期 " +
                       std::to_string(waiting) + " 家，逾期 " + std::to_string(overdue) + " 家。");
    sheet.finish();
    wb.close();
}

}  // namespace award
