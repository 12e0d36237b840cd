// 获奖名单.xlsx: the winners after the objections, by award in the pack's order, with
// the final total, 再次获奖, 递补 and the articles the award rests on.
#include "model/text.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

void write_winners_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                        const std::filesystem::path& out, const std::vector<std::string>& warnings) {
    const int dec = policy.review.rounding_decimals;
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "获奖名单";
    Workbook wb(out, title, c.issuer, review_doc::review_date(c));
    wb.set_warnings(warnings);
    Sheet sheet = wb.add_sheet("获奖名单", title);
    sheet.header({"序号", "奖项", "单位名称", "统一社会信用代码", "综合得分", "再次获奖", "递补", "依据条款", "说明"});
    int n = 0;
    for (const auto& award : policy.awards) {
        for (const auto& g : outcome.winners) {
            if (g.award != award.name) continue;
            const Applicant& a = c.applicants.at(g.applicant_index);
            Cell total = Cell::text("");
            for (const auto& r : outcome.ranking)
                if (r.applicant_index == g.applicant_index)
                    total = Cell::number(review_doc::units_value(r.total_units, dec), review_doc::decimals_format(dec));
            std::vector<std::string> articles = review_doc::articles_in(g.reason);
            if (articles.empty() && !award.article.empty()) articles.push_back(award.article);
            sheet.row({Cell::number(++n), Cell::text(g.award), Cell::text(a.name), Cell::text(a.credit_code), total,
                       Cell::text(g.repeat_winner ? "是" : ""), Cell::text(g.refill ? "是" : ""), Cell::text(join(articles)),
                       Cell::wrapped(review_doc::document_wording(g.reason))});
        }
    }
    if (n == 0) sheet.note_row("本年度没有获奖组织。");
    for (const auto& v : outcome.vacancies)
        sheet.note_row(v.award + "空缺 " + std::to_string(v.places) + " 名：" + review_doc::document_wording(v.reason) + "。");
    sheet.finish();
    wb.close();
}

}  // namespace award
