// 奖金发放表.xlsx: the prize money of each winner in figures and in words, the
// article it rests on, and why a winner gets none; the 追加激励资金 of earlier winners
// who won a higher award since; the total in figures and in words.
#include "model/money.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

constexpr const char* kMoneyFormat = "#,##0";

std::string article_note(const std::string& article) { return article.empty() ? "" : "（" + article + "）"; }

}  // namespace

void write_prize_payment_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                              const std::vector<TopUp>& top_ups, const std::filesystem::path& out, const std::vector<std::string>& warnings) {
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "奖金发放表";
    Workbook wb(out, title, c.issuer, review_doc::review_date(c));
    wb.set_warnings(warnings);
    Sheet sheet = wb.add_sheet("奖金发放表", title);
    sheet.header({"序号", "单位名称", "统一社会信用代码", "奖项", "金额（元）", "大写金额", "依据", "备注"});
    int n = 0;
    long long sum = 0;
    for (const auto& award : policy.awards) {
        for (const auto& g : outcome.winners) {
            if (g.award != award.name) continue;
            const Applicant& a = c.applicants.at(g.applicant_index);
            std::string note;
            if (g.repeat_winner)
                note = "再次获奖：不授予奖金" + article_note(award.conferral.repeat_article);
            else if (!g.prize_note.empty())
                note = g.prize_note;
            else if (g.prize_yuan == 0)
                note = "该奖项不设奖金" + article_note(award.prize_article);
            if (g.refill) note += std::string(note.empty() ? "" : "；") + "公示期间异议成立后递补";
            sum += g.prize_yuan;
            sheet.row({Cell::number(++n), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(g.award),
                       Cell::number(double(g.prize_yuan), kMoneyFormat), Cell::text(amount_in_words(g.prize_yuan)),
                       Cell::text(award.prize_article), Cell::text(note)});
        }
    }
    const int winners = n;
    // 追加激励资金: holders of an earlier award who won a higher one since (本溪市第二十五条第三款).
    for (const auto& t : top_ups) {
        sum += t.prize_yuan;
        sheet.row({Cell::number(++n), Cell::text(t.name), Cell::text(t.credit_code),
                   Cell::text(t.higher_award + "追加激励资金"), Cell::number(double(t.prize_yuan), kMoneyFormat),
                   Cell::text(amount_in_words(t.prize_yuan)), Cell::text(t.article), Cell::text(t.basis())});
    }
    sheet.row({Cell::text("").bold(), Cell::text("合计").bold(), Cell::text(""), Cell::text(""),
               Cell::number(double(sum), kMoneyFormat).bold(), Cell::text(amount_in_words(sum)).bold(), Cell::text(""),
               Cell::text((winners == 0 ? std::string("本年度没有获奖组织") : "获奖 " + std::to_string(winners) + " 家") +
                          (top_ups.empty() ? "" : "；追加激励资金 " + std::to_string(top_ups.size()) + " 家"))});
    sheet.finish();
    wb.close();
}

}  // namespace award
