// 资格审查结果（内部）.xlsx: the outcome of the eligibility review of every applicant,
// with the articles it rests on and the reasons as the letters give them.
#include "render/documents.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

std::string numbered_reasons(const EligibilityResult& r) {
    std::string out;
    int n = 0;
    for (const CheckResult* f : r.failures()) {
        if (n) out += "\n";
        out += std::to_string(++n) + ". " + f->reason;
    }
    return out;
}

}  // namespace

void write_eligibility_review_xlsx(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome,
                                   const std::filesystem::path& out, const std::vector<std::string>& warnings) {
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "资格审查结果（内部）";
    Workbook wb(out, title, c.issuer, c.acceptance.notice_date);
    wb.set_warnings(warnings);
    Sheet sheet = wb.add_sheet("资格审查结果", title);
    sheet.header({"序号", "单位名称", "统一社会信用代码", "申报奖项", "所属行业", "成立日期", "联系人", "联系电话",
                  "审查结论", "依据条款", "不予受理理由"});
    int n = 0;
    for (const auto& r : outcome.results) {
        const Applicant& a = c.applicants.at(r.applicant_index);
        sheet.row({Cell::number(++n), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award),
                   Cell::text(a.industry), Cell::date(a.founded), Cell::text(a.contact.name), Cell::text(a.contact.phone),
                   Cell::text(r.accepted ? "受理" : "不予受理"), Cell::text(r.failed_articles()),
                   Cell::wrapped(numbered_reasons(r))});
    }
    sheet.finish();
    wb.close();
}

}  // namespace award
