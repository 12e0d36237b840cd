// 受理名单.xlsx: the accepted applicants, the columns of the public notice only.
#include "render/documents.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

void write_acceptance_list_xlsx(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome,
                                const std::filesystem::path& out) {
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "受理名单";
    Workbook wb(out, title, c.issuer, c.acceptance.notice_date);
    Sheet sheet = wb.add_sheet("受理名单", title);
    sheet.header({"序号", "单位名称", "统一社会信用代码", "申报奖项", "所属行业", "注册地"});
    int n = 0;
    for (const auto& r : outcome.results) {
        if (!r.accepted) continue;
        const Applicant& a = c.applicants.at(r.applicant_index);
        sheet.row({Cell::number(++n), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award),
                   Cell::text(a.industry), Cell::text(a.region)});
    }
    if (n == 0) sheet.note_row("本年度无受理的申报组织。");
    sheet.finish();
    wb.close();
}

}  // namespace award
