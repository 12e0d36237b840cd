// What the review rules decided: stage scores, who advanced, the ranking, the
// proposed winners and their money. Every decision carries its article.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/score.hpp"

namespace award {

// One reviewer's sheet for one applicant at one stage, as counted (or not).
struct ReviewerScore {
    std::string reviewer;                     // reviewer id
    bool recused = false;                     // 回避: declared conflict, never counted
    bool dropped = false;                     // trimmed mean: the highest or lowest, not counted
    Score total;                              // the reviewer's total (hundredths exact)
    std::vector<Score> category_totals;       // per pack category (Items sheets)
    std::vector<int> item_hundredths;         // per pack item: points × percentage
};

// 阶段得分 of one applicant.
struct StageScore {
    std::string stage;        // stage id
    std::size_t applicant_index = 0;
    std::vector<ReviewerScore> reviewers;     // in reviewers.json order; recused ones included, marked
    Score aggregate;                          // exact, before the one rounding
    std::vector<Score> category_aggregates;   // per category, by the same method (Items sheets)
    int counted = 0;                          // reviewers whose score counts
    std::string method_text;                  // e.g. "去掉一个最高分和一个最低分后的平均分（5 名评委计入 3 名）"
};

// 并列: candidates with equal published scores across a boundary (advancement or a
// quota). Never broken by the program: a tie_resolution decision must choose.
struct Tie {
    std::string boundary;                     // stage id or award name, as decisions.json names it
    std::string boundary_text;                // e.g. "进入现场评审（第十六条，名额 6）"
    std::vector<std::size_t> applicants;      // the tied ones
    int places = 0;                           // how many of them fit
    std::string score_text;                   // their common score, e.g. "812.5"
    const Decision* resolved_by = nullptr;    // the decision that chose, if any
};

// 进入下一阶段.
struct Advancement {
    std::string stage;                        // the stage entered
    std::vector<std::size_t> advanced;        // applicant indexes, by rank
    std::vector<std::size_t> not_advanced;    // by rank
    int places = 0;                           // how many could enter
    std::string rule_text;                    // e.g. "拟获奖 4 家，按不超过1:1.5的比例，至多 6 家（第十六条）"
};

// One candidate in the final ranking.
struct RankedCandidate {
    std::size_t applicant_index = 0;
    Score total;                              // exact
    long long total_units = 0;                // rounded once, as published
    int rank = 0;                             // 1-based; equal totals share a rank
    std::string last_stage;                   // the last stage reached
};

// 拟奖 / 获奖: one award to one applicant.
struct AwardGrant {
    std::size_t applicant_index = 0;
    std::string award;                        // award name
    bool repeat_winner = false;               // 再次获奖: outside the quota, no money
    bool refill = false;                      // 递补 after an upheld objection
    long long prize_yuan = 0;
    std::string reason;                       // e.g. "综合得分 812.5 分，排名第 1（第四条、第二十条）"
    // Why the money differs from the award's, for the 奖金发放表: e.g. "已获市长质量奖提名奖，
    // 奖金为差额 100000 元（第二十五条）" (本溪市 补发差额); "" when it does not.
    std::string prize_note = {};
};

// A place left empty and why (可以空缺; 不进行递补).
struct Vacancy {
    std::string award;
    int places = 0;
    std::string reason;                       // with its article
};

// A candidate the pack keeps from an award although the score would reach it
// (本溪市第十二条: a 提名奖 holder is never given 提名奖 again).
struct PassedOver {
    std::size_t applicant_index = 0;
    std::string award;
    std::string reason;  // with its article
};

struct ReviewOutcome {
    std::vector<StageScore> stage_scores;     // every applicant × stage scored
    std::vector<Advancement> advancements;    // one per stage after the first that has started
    std::vector<RankedCandidate> ranking;     // by final total, when every stage is scored
    std::vector<Tie> ties;                    // resolved or not
    std::vector<AwardGrant> proposed;         // 拟奖名单 as publicised (before any objection)
    std::vector<AwardGrant> removed;          // removed after an upheld objection (公示未通过)
    std::vector<AwardGrant> winners;          // after objections: 获奖名单, money, certificates
    std::vector<Vacancy> vacancies;           // of the winners' list
    std::vector<PassedOver> passed_over;      // as proposed (before any objection)
    std::optional<PublicityPeriod> publicity; // 拟奖名单公示期
    std::vector<std::string> stages_scored;   // stage ids with complete sheets, in order
    std::string waiting_for;                  // what the review waits for next, Chinese ("" when complete)
    bool complete = false;                    // every stage scored and no tie left open

    bool waiting_for_decision() const {
        for (const auto& t : ties) if (!t.resolved_by) return true;
        return false;
    }
    const StageScore* find(const std::string& stage, std::size_t applicant_index) const {
        for (const auto& s : stage_scores)
            if (s.stage == stage && s.applicant_index == applicant_index) return &s;
        return nullptr;
    }
};

}  // namespace award
