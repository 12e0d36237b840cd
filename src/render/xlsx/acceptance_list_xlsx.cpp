// 受理名单.xlsx: the accepted applicants, and on a second sheet the outcome of the
// eligibility review of every applicant with its articles (for the office's own use).
#include <ctime>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "model/errors.hpp"
#include "render/documents.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

std::string failed_articles(const EligibilityResult& r) {
    std::string out;
    for (const CheckResult* f : r.failures()) {
        if (out.find(f->article) != std::string::npos) continue;
        if (!out.empty()) out += "、";
        out += f->article;
    }
    return out;
}

std::string failure_reasons(const EligibilityResult& r) {
    std::string out;
    int n = 0;
    for (const CheckResult* f : r.failures()) {
        if (n) out += "\n";
        out += std::to_string(++n) + ". " + f->reason;
    }
    return out;
}

}  // namespace

void write_acceptance_list_xlsx(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome,
                                const std::filesystem::path& out) {
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "受理名单";
    Workbook wb(out, title, c.issuer, c.acceptance.notice_date);

    // Sheet 1: 受理名单 (what is publicised).
    {
        Sheet sheet = wb.add_sheet("受理名单", title);
        sheet.header({"序号", "单位名称", "统一社会信用代码", "申报奖项", "所属行业", "注册地", "成立日期", "联系人",
                      "联系电话"});
        int n = 0;
        for (const auto& r : outcome.results) {
            if (!r.accepted) continue;
            const Applicant& a = c.applicants.at(r.applicant_index);
            sheet.row({Cell::number(++n), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award),
                       Cell::text(a.industry), Cell::text(a.region), Cell::date(a.founded),
                       Cell::text(a.contact.name), Cell::text(a.contact.phone)});
        }
        if (n == 0) sheet.note_row("本年度无受理的申报组织。");
        sheet.finish();
    }

    // Sheet 2: 资格审查结果 (every applicant, the decision and the articles it rests on).
    {
        Sheet sheet = wb.add_sheet("资格审查结果", std::to_string(c.year) + "年度" + policy.award_title + "资格审查结果");
        sheet.header({"序号", "单位名称", "统一社会信用代码", "申报奖项", "审查结论", "依据条款", "不予受理理由"});
        int n = 0;
        for (const auto& r : outcome.results) {
            const Applicant& a = c.applicants.at(r.applicant_index);
            sheet.row({Cell::number(++n), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award),
                       Cell::text(r.accepted ? "受理" : "不予受理"),
                       Cell::text(r.accepted ? "" : failed_articles(r)),
                       Cell::wrapped(r.accepted ? "" : failure_reasons(r))});
        }
        sheet.finish();
    }
    wb.close();
}

}  // namespace award
