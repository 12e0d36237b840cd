// 评分汇总（内部）.xlsx: every reviewer's scores per applicant and stage, how they were
// aggregated, and the final ranking. Internal: it names the reviewers; nothing of it
// goes into a public document.
#include <algorithm>

#include "model/text.hpp"
#include "model/utf8.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

using review_doc::decimals_format;
using review_doc::units_value;

constexpr const char* kMoneyFormat = "#,##0";

// A worksheet name Excel accepts: at most 31 characters, none of []:*?/\.
std::string sheet_name(const std::string& s) {
    std::string out;
    int n = 0;
    for (auto ch : utf8::characters(s)) {
        if (n == 31) break;
        const std::string c(ch);
        out += (c == "[" || c == "]" || c == ":" || c == "*" || c == "?" || c == "/" || c == "\\") ? "_" : c;
        ++n;
    }
    return out;
}

// Hundredths of a point as the number Excel shows (exact: two decimals at most).
Cell points(double hundredths) { return Cell::number(hundredths / 100.0); }
Cell points(const Score& s) { return Cell::number(s.approximate()); }

struct Layout {
    const Policy& policy;
    const StageSpec& stage;
    bool items = true;
    std::size_t item_count = 0;
    std::size_t category_count = 0;
    int decimals = 1;
};

std::vector<std::string> stage_header(const Layout& l) {
    std::vector<std::string> h = {"单位名称", "统一社会信用代码", "评委编号", "评委姓名"};
    if (l.items) {
        for (const auto& cat : l.policy.score_sheet.categories)
            for (const auto& item : cat.items) h.push_back(item.id + "\n（" + std::to_string(item.points) + "分）");
        for (const auto& cat : l.policy.score_sheet.categories)
            h.push_back(cat.id + " " + cat.name + "\n小计（" + std::to_string(cat.points) + "分）");
        h.push_back("总分\n（" + std::to_string(l.policy.score_sheet.total) + "分）");
    } else {
        h.push_back("得分\n（满分" + std::to_string(l.stage.max_points) + "分）");
    }
    h.push_back("说明");
    return h;
}

std::vector<Cell> lead_cells(const Applicant& a, const std::string& reviewer_id, const std::string& reviewer_name) {
    return {Cell::text(a.name), Cell::text(a.credit_code), Cell::text(reviewer_id), Cell::text(reviewer_name)};
}

// Item points, category subtotals and total of one sheet's percentages (a 共识分 sheet).
struct Scored {
    std::vector<int> item_hundredths;
    std::vector<std::int64_t> category_hundredths;
    std::int64_t total = 0;
};

Scored score_items(const Policy& policy, const ApplicantScores& s) {
    Scored out;
    std::size_t i = 0;
    for (const auto& cat : policy.score_sheet.categories) {
        std::int64_t sum = 0;
        for (const auto& item : cat.items) {
            const int h = i < s.percents.size() ? item.points * s.percents[i] : 0;
            out.item_hundredths.push_back(h);
            sum += h;
            ++i;
        }
        out.category_hundredths.push_back(sum);
        out.total += sum;
    }
    return out;
}

std::string recusal_text(const Case& c, const Policy& policy, const std::string& reviewer, const Applicant& a) {
    std::string why;
    if (const Reviewer* r = c.panel.find(reviewer))
        for (const auto& k : r->conflicts)
            if (k.credit_code == a.credit_code && !k.reason.empty()) why = k.reason;
    std::string t = "回避";
    if (!why.empty()) t += "：" + why;
    t += "，评分不计入";
    if (!policy.review.recusal_article.empty()) t += "（" + policy.review.recusal_article + "）";
    return t;
}

void write_stage_sheet(Workbook& wb, const std::string& title, const Case& c, const Policy& policy,
                       const ReviewOutcome& outcome, const StageSpec& stage) {
    Layout l{policy, stage, stage.sheet == StageSpec::Sheet::Items, 0, 0, policy.review.rounding_decimals};
    for (const auto& cat : policy.score_sheet.categories) l.item_count += cat.items.size();
    l.category_count = policy.score_sheet.categories.size();
    const std::string fmt = decimals_format(l.decimals);
    const std::size_t score_cells = l.items ? l.item_count + l.category_count + 1 : 1;

    Sheet sheet = wb.add_sheet(sheet_name(stage.name), title + "（" + stage.name + "）");
    sheet.header(stage_header(l));
    const bool trimmed = stage.aggregation.method == AggregationSpec::Method::TrimmedMean;
    const bool median = stage.aggregation.method == AggregationSpec::Method::Median;
    const bool consensus = stage.aggregation.method == AggregationSpec::Method::Consensus;
    bool any_recused = false;
    for (const auto& s : outcome.stage_scores) {
        if (s.stage != stage.id) continue;
        const Applicant& a = c.applicants.at(s.applicant_index);
        // Of two dropped scores the higher is 最高分; equal ones (all the same) the first.
        const ReviewerScore* highest = nullptr;
        for (const auto& r : s.reviewers)
            if (r.dropped && !r.recused && (!highest || r.total > highest->total)) highest = &r;
        for (const auto& r : s.reviewers) {
            const Reviewer* who = c.panel.find(r.reviewer);
            std::vector<Cell> row = lead_cells(a, r.reviewer, who ? who->name : "");
            if (r.recused) {
                any_recused = true;
                for (std::size_t k = 0; k + 1 < score_cells; ++k) row.push_back(Cell::marked_text(""));
                row.push_back(Cell::marked_text("回避"));
                row.push_back(Cell::marked_text(recusal_text(c, policy, r.reviewer, a)));
                sheet.row(row);
                continue;
            }
            if (l.items) {
                for (std::size_t k = 0; k < l.item_count; ++k)
                    row.push_back(k < r.item_hundredths.size() ? points(double(r.item_hundredths[k])) : Cell::text(""));
                for (std::size_t k = 0; k < l.category_count; ++k)
                    row.push_back(k < r.category_totals.size() ? points(r.category_totals[k]) : Cell::text(""));
            }
            row.push_back(points(r.total));
            std::string note = "计入";
            if (r.dropped) note = trimmed ? (&r == highest ? "去掉的最高分" : "去掉的最低分")
                                          : median ? "中位数以外，不计入" : "不计入";
            else if (consensus) note = "个人评分，不计入（本阶段按评审组共识分）";
            row.push_back(Cell::text(note));
            sheet.row(row);
        }
        if (consensus) {
            for (const auto& sheet_in : c.sheets) {
                if (sheet_in.stage != stage.id || !sheet_in.consensus) continue;
                for (const auto& entry : sheet_in.applicants) {
                    if (entry.credit_code != a.credit_code) continue;
                    const Reviewer* who = c.panel.find(sheet_in.reviewer);
                    std::vector<Cell> row = lead_cells(a, sheet_in.reviewer, who ? who->name : "");
                    if (l.items) {
                        const Scored sc = score_items(policy, entry);
                        for (auto h : sc.item_hundredths) row.push_back(points(double(h)));
                        for (auto h : sc.category_hundredths) row.push_back(points(double(h)));
                        row.push_back(points(double(sc.total)));
                    } else {
                        row.push_back(points(double(entry.presentation_tenths.value_or(0)) * 10));
                    }
                    row.push_back(Cell::text("评审组共识分（组长录入），计入"));
                    sheet.row(row);
                }
            }
        }
        std::vector<Cell> agg = lead_cells(a, "汇总", "");
        for (auto& cell : agg) cell = cell.bold();
        if (l.items) {
            for (std::size_t k = 0; k < l.item_count; ++k) agg.push_back(Cell::text(""));
            for (std::size_t k = 0; k < l.category_count; ++k)
                agg.push_back(k < s.category_aggregates.size()
                                  ? Cell::number(units_value(s.category_aggregates[k].rounded_units(l.decimals), l.decimals), fmt).bold()
                                  : Cell::text(""));
        }
        agg.push_back(Cell::number(units_value(s.aggregate.rounded_units(l.decimals), l.decimals), fmt).bold());
        std::string method = s.method_text;
        if (!stage.aggregation.article.empty()) method += "（" + stage.aggregation.article + "）";
        agg.push_back(Cell::text(stage.name + "得分：" + method).bold());
        sheet.row(agg);
    }
    sheet.note_row("");
    sheet.note_row("说明：评委行的分数为该评委的评分（分值×百分比）；“汇总”行为" + stage.name +
                   "得分，按精确值汇总后只四舍五入一次，类目小计按同一方法汇总、分别取位。" +
                   review_doc::rounding_rule(policy) + "。");
    if (any_recused)
        sheet.note_row("灰色单元格：评委回避该申报组织，没有评分，也不计入" +
                       (policy.review.recusal_article.empty() ? std::string() : "（" + policy.review.recusal_article + "）") + "。");
    sheet.note_row("本表列有评委姓名和个人评分，仅供评委会和秘书处内部使用，不得公开。");
    sheet.finish();
}

void write_ranking_sheet(Workbook& wb, const std::string& title, const Case& c, const Policy& policy,
                         const ReviewOutcome& outcome) {
    const int dec = policy.review.rounding_decimals;
    const std::string fmt = decimals_format(dec);
    const auto weighted = review_doc::weighted_stages(policy);
    Sheet sheet = wb.add_sheet("最终排名", title + "（最终排名）");
    std::vector<std::string> h = {"名次", "单位名称", "统一社会信用代码", "申报奖项"};
    for (const auto& w : weighted) {
        std::string t = w.stage->name + "得分\n（";
        if (w.stage->sheet == StageSpec::Sheet::Presentation && w.stage->max_points > 0)
            t += "满分" + std::to_string(w.stage->max_points) + "分，";
        h.push_back(t + "权重" + std::to_string(w.weight) + "%）");
    }
    for (const char* t : {"综合得分", "拟奖奖项", "再次获奖", "奖金（元）", "备注"}) h.push_back(t);
    sheet.header(h);

    auto stage_cells = [&](std::vector<Cell>& row, std::size_t applicant) {
        for (const auto& w : weighted) {
            const StageScore* s = outcome.find(w.stage->id, applicant);
            row.push_back(s ? Cell::number(units_value(s->aggregate.rounded_units(dec), dec), fmt) : Cell::text(""));
        }
    };
    for (const auto& r : outcome.ranking) {
        const Applicant& a = c.applicants.at(r.applicant_index);
        std::vector<Cell> row = {Cell::number(r.rank), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award)};
        stage_cells(row, r.applicant_index);
        row.push_back(Cell::number(units_value(r.total_units, dec), fmt).bold());
        std::vector<std::string> awards;
        bool repeat = false;
        long long money = 0;
        for (const auto& g : outcome.proposed)
            if (g.applicant_index == r.applicant_index) {
                awards.push_back(g.award);
                repeat = repeat || g.repeat_winner;
                money += g.prize_yuan;
            }
        std::vector<std::string> notes;
        for (const auto& p : outcome.passed_over)  // 本溪市第十二条: ranked high enough, not given the award
            if (p.applicant_index == r.applicant_index) notes.push_back("未授予" + p.award + "：" + p.reason);
        for (const auto& g : outcome.removed)
            if (g.applicant_index == r.applicant_index) notes.push_back("公示期间异议成立，取消" + g.award + "获奖资格");
        for (const auto& g : outcome.winners)
            if (g.applicant_index == r.applicant_index && g.refill)
                notes.push_back("递补获得" + g.award + "，奖金 " + std::to_string(g.prize_yuan) + " 元");
        row.push_back(Cell::text(join(awards)));
        row.push_back(Cell::text(repeat ? "是" : ""));
        row.push_back(awards.empty() ? Cell::text("") : Cell::number(double(money), kMoneyFormat));
        row.push_back(Cell::text(join(notes, "；")));
        sheet.row(row);
    }
    // Those who stopped at an earlier stage: their scores, no rank.
    for (const auto& adv : outcome.advancements) {
        for (auto i : adv.not_advanced) {
            const Applicant& a = c.applicants.at(i);
            std::vector<Cell> row = {Cell::text("—"), Cell::text(a.name), Cell::text(a.credit_code), Cell::text(a.award)};
            stage_cells(row, i);
            for (int k = 0; k < 4; ++k) row.push_back(Cell::text(""));
            row.push_back(Cell::text("未进入" + review_doc::stage_name(policy, adv.stage)));
            sheet.row(row);
        }
    }
    sheet.note_row("");
    sheet.note_row("计分方法：" + review_doc::total_formula(policy) + "。" + review_doc::rounding_rule(policy) +
                   "。名次按取位后的综合得分排列，得分相同者名次相同。");
    for (const auto& t : outcome.ties) {
        std::vector<std::string> names;
        for (auto i : t.applicants) names.push_back(c.applicants.at(i).name);
        std::string line = "并列：" + t.boundary_text + "，" + join(names) + "并列 " + t.score_text + " 分，" +
                           std::to_string(t.places) + " 个名额；";
        if (t.resolved_by) {
            std::vector<std::string> chosen;
            for (const auto& code : t.resolved_by->chosen)
                for (const auto& a : c.applicants)
                    if (a.credit_code == code) chosen.push_back(a.name);
            line += policy.review.committee + "决定" + join(chosen) + "（" + t.resolved_by->basis + "，" + t.resolved_by->date.chinese() + "）。";
        } else {
            line += "尚待" + policy.review.committee + "决定（decisions.json tie_resolution）。";
        }
        sheet.note_row(line);
    }
    for (const auto& v : outcome.vacancies)
        sheet.note_row("空缺：" + v.award + " " + std::to_string(v.places) + " 名。" + review_doc::document_wording(v.reason) + "。");
    if (!outcome.complete)
        sheet.note_row("评审尚未完成" + (outcome.waiting_for.empty() ? std::string("。") : "：尚需" + outcome.waiting_for + "。"));
    sheet.finish();
}

}  // namespace

void write_score_summary_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                              const std::filesystem::path& out, const std::vector<std::string>& warnings) {
    const std::string title = std::to_string(c.year) + "年度" + policy.award_title + "评分汇总（内部）";
    Workbook wb(out, title, c.issuer, review_doc::review_date(c));
    wb.set_warnings(warnings);
    for (const auto& id : outcome.stages_scored)
        if (const StageSpec* stage = policy.review.find_stage(id)) write_stage_sheet(wb, title, c, policy, outcome, *stage);
    write_ranking_sheet(wb, title, c, policy, outcome);
    wb.close();
}

}  // namespace award
