// The documents of the review stages (评分, 现场评审名单, 拟奖名单公示, 获奖名单,
// 奖金发放表, 评审反馈意见书). One file per document kind under render/; each writer
// renders into the path given (the caller stages and moves files).
//
// Public documents (现场评审名单, 拟奖名单公示, the feedback letters) never carry a
// reviewer's name or one reviewer's score: only 评分汇总（内部）.xlsx does.
//
// The PDFs are built from their templates in <data_dir>/templates/documents/ (the
// office can edit them); a template error is a ConfigError naming the file and line.
// A builder whose case data is missing (the notice's date in case.json review)
// throws InputError naming the case.json field; review_font_coverage_problems skips
// such a document.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/errors.hpp"
#include "model/policy.hpp"
#include "model/review_outcome.hpp"
#include "model/top_up.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"

namespace award {

inline const std::string kScoreSummaryFile = "评分汇总（内部）.xlsx";
inline const std::string kOnsiteListFile = "现场评审名单.pdf";
// The proposed-winner notice is named for the regulation's list: 拟奖名单公示.pdf (魏都区),
// 候选名单公示.pdf (中牟县), 初步入选名单公示.pdf (鹿城区), 拟获奖组织名单公示.pdf.
inline std::string proposed_winners_file(const Policy& policy) { return policy.review.proposed_list + "公示.pdf"; }
inline const std::string kWinnersListFile = "获奖名单.xlsx";
inline const std::string kPrizePaymentFile = "奖金发放表.xlsx";
inline const std::string kFeedbackLetterFolder = "评审反馈意见书";

// 评分汇总（内部）.xlsx: one worksheet per stage scored (ReviewOutcome::stages_scored):
// per applicant a row per reviewer (id and name), the item scores, category
// subtotals, total and 说明 (回避: shaded cells without numbers; 去掉的最高分/最低分),
// then the applicant's aggregate row (method, category aggregates, the stage score
// rounded by the pack). Then 最终排名: rank, name, credit code, each weighted stage's
// score, the weighted total (rounded once), the proposed award, 再次获奖, money, and
// notes stating the formula and the rounding rule. Numbers are numbers. Internal:
// it names the reviewers.
// Each writer of an internal workbook takes `warnings`: lines every worksheet starts
// with (Evaluated::internal_warnings, e.g. an expired policy pack applied on the operator's word).
void write_score_summary_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                              const std::filesystem::path& out, const std::vector<std::string>& warnings = {});

// 现场评审名单.pdf (templates/documents/现场评审名单.md): who enters the second stage
// (ReviewOutcome::advancements.front()), by the rule and its article, names in pinyin
// order (排名不分先后), without scores. Dated and numbered by case.json review.onsite_list.
// Throws std::logic_error when no advancement is decided yet (the caller checks first).
pdf::Document build_onsite_list(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                const ReviewOutcome& outcome);
void write_onsite_list_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                           const std::filesystem::path& out);

// 拟奖名单公示.pdf (templates/documents/拟奖名单公示.md): the proposed winners
// (ReviewOutcome::proposed) by award in pack order, names in pinyin order within an
// award, 再次获奖 marked, without scores; the publicity period (ReviewOutcome::publicity)
// and how to object. Dated and numbered by case.json review.proposed.
// Throws std::logic_error when the outcome has no proposed winners.
pdf::Document build_proposed_winners_notice(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                            const ReviewOutcome& outcome);
void write_proposed_winners_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                                const std::filesystem::path& out);

// 获奖名单.xlsx: the winners after the objections (ReviewOutcome::winners): 奖项,
// 单位名称, 统一社会信用代码, 综合得分, 再次获奖, 递补, 依据条款, 说明; vacancies noted.
void write_winners_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                        const std::filesystem::path& out, const std::vector<std::string>& warnings = {});

// 奖金发放表.xlsx: one row per winner: 金额（元） as a number and in words (大写金额),
// 依据 (the award's prize article), 备注 (再次获奖: no money, with its article; an award
// without money); then the 追加激励资金 this cycle pays (本溪市第二十五条第三款), each with
// its basis; a 合计 row in figures and in words.
void write_prize_payment_xlsx(const Case& c, const Policy& policy, const ReviewOutcome& outcome, const std::vector<TopUp>& top_ups,
                              const std::filesystem::path& out, const std::vector<std::string>& warnings = {});

// 评审反馈意见书: the applicants that did not pass the first stage
// (ReviewOutcome::advancements.front().not_advanced), in applicant order; empty until decided.
std::vector<std::size_t> feedback_recipients(const ReviewOutcome& outcome);

// 评审反馈意见书/<单位名称>.pdf (templates/documents/评审反馈意见书.md): to one of
// feedback_recipients(): its stage, per score category its 得分率 against the average
// of the stage's cohort (高于/接近/低于平均; no comparison below 3 applicants, so no
// other applicant's score can be worked out), and the reviewers' 主要优势 and 改进机会
// by category, de-duplicated, never naming a reviewer. Dated by case.json review.onsite_list.
pdf::Document build_feedback_letter(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                    const ReviewOutcome& outcome, std::size_t applicant_index);
void write_feedback_letter_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                               std::size_t applicant_index, const std::filesystem::path& out);

// Every character the review stage's PDFs would print that no configured font has
// (the reviewers' texts included: their score sheet file and worksheet), one Problem
// per input field and character. Only the documents the outcome and case.json allow
// are checked: 现场评审名单 and the letters once an advancement is decided and
// review.onsite_list is given, 拟奖名单公示 once winners are proposed and review.proposed
// has its publicity_start.
std::vector<Problem> review_font_coverage_problems(const RenderEnv& env, const Case& c, const Policy& policy,
                                                   const ReviewOutcome& outcome);

}  // namespace award
