#include "rules/review.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/text.hpp"

namespace award {

namespace {

const std::string kReviewersFile = "reviewers.json";
const std::string kScoresFolder = "scores/";
const std::string kDecisionsFile = "decisions.json";

std::string label(const Case& c, std::size_t i) {
    const Applicant& a = c.applicants.at(i);
    return a.name + "（" + a.credit_code + "）";
}

std::string points_text(long long units, int decimals) {
    std::string t = Score::units_text(units, decimals);
    return t + " 分";
}

// The pack's items in sheet order with the category each belongs to.
struct ItemTable {
    std::vector<int> points;
    std::vector<std::size_t> category;
    std::size_t categories = 0;
};

ItemTable item_table(const Policy& policy) {
    ItemTable t;
    t.categories = policy.score_sheet.categories.size();
    for (std::size_t k = 0; k < policy.score_sheet.categories.size(); ++k)
        for (const auto& item : policy.score_sheet.categories[k].items) {
            t.points.push_back(item.points);
            t.category.push_back(k);
        }
    return t;
}

// One entry of a sheet: who scored whom.
struct SheetEntry {
    const ScoreSheet* sheet = nullptr;
    const ApplicantScores* scores = nullptr;
};

struct SheetIndex {
    // (stage, reviewer, consensus, credit code) → entry
    std::map<std::tuple<std::string, std::string, bool, std::string>, SheetEntry> entries;
    std::set<std::string> stages_with_sheets;

    const SheetEntry* find(const std::string& stage, const std::string& reviewer, bool consensus,
                           const std::string& code) const {
        auto it = entries.find({stage, reviewer, consensus, code});
        return it == entries.end() ? nullptr : &it->second;
    }
};

SheetIndex index_sheets(const Case& c) {
    SheetIndex idx;
    for (const auto& sheet : c.sheets) {
        idx.stages_with_sheets.insert(sheet.stage);
        for (const auto& a : sheet.applicants)
            idx.entries.emplace(std::make_tuple(sheet.stage, sheet.reviewer, sheet.consensus, a.credit_code),
                                SheetEntry{&sheet, &a});
    }
    return idx;
}

ReviewerScore score_of(const ItemTable& table, const StageSpec& stage, const std::string& reviewer,
                       const ApplicantScores& s) {
    ReviewerScore r;
    r.reviewer = reviewer;
    if (stage.sheet == StageSpec::Sheet::Presentation) {
        r.total = Score::hundredths(static_cast<std::int64_t>(s.presentation_tenths.value_or(0)) * 10);
        return r;
    }
    r.category_totals.assign(table.categories, Score{});
    std::int64_t total = 0;
    for (std::size_t i = 0; i < table.points.size() && i < s.percents.size(); ++i) {
        const int h = table.points[i] * s.percents[i];
        r.item_hundredths.push_back(h);
        r.category_totals[table.category[i]] = r.category_totals[table.category[i]] + Score::hundredths(h);
        total += h;
    }
    r.total = Score::hundredths(total);
    return r;
}

// Mean of the totals (and categories) of `picked`.
void mean_into(StageScore& s, const std::vector<const ReviewerScore*>& picked, std::size_t categories) {
    Score sum;
    std::vector<Score> cats(categories);
    for (const auto* r : picked) {
        sum = sum + r->total;
        for (std::size_t k = 0; k < categories && k < r->category_totals.size(); ++k) cats[k] = cats[k] + r->category_totals[k];
    }
    const auto n = static_cast<std::int64_t>(picked.size());
    if (n == 0) return;
    s.aggregate = sum.divided_by(n);
    s.category_aggregates.clear();
    for (auto& k : cats) s.category_aggregates.push_back(k.divided_by(n));
}

// Aggregates the counted reviewers of `s` by the pack's method; marks the dropped ones.
void aggregate(StageScore& s, const AggregationSpec& spec, std::size_t categories) {
    std::vector<ReviewerScore*> counted;
    for (auto& r : s.reviewers) if (!r.recused) counted.push_back(&r);
    const int n = static_cast<int>(counted.size());
    std::vector<const ReviewerScore*> picked(counted.begin(), counted.end());
    using M = AggregationSpec::Method;
    switch (spec.method) {
    case M::Mean:
        s.method_text = "算术平均（计入 " + std::to_string(n) + " 名评委）";
        break;
    case M::TrimmedMean:
        if (n >= spec.trim_min_reviewers) {
            // The first highest and the first lowest in reviewers.json order: which of
            // equal scores is dropped does not change the mean.
            auto hi = std::max_element(counted.begin(), counted.end(),
                                       [](auto* a, auto* b) { return a->total < b->total; });
            auto lo = std::min_element(counted.begin(), counted.end(),
                                       [](auto* a, auto* b) { return a->total < b->total; });
            if (lo == hi) lo = counted.end() - 1 == hi ? counted.begin() : counted.end() - 1;
            (*hi)->dropped = true;
            (*lo)->dropped = true;
            picked.clear();
            for (auto* r : counted) if (!r->dropped) picked.push_back(r);
            s.method_text = "去掉一个最高分和一个最低分后的平均（" + std::to_string(n) + " 名评委，计入 " +
                            std::to_string(n - 2) + " 名）";
        } else {
            s.method_text = "算术平均（评委 " + std::to_string(n) + " 名，不足 " +
                            std::to_string(spec.trim_min_reviewers) + " 名时不去掉最高分和最低分）";
        }
        break;
    case M::Median: {
        std::vector<const ReviewerScore*> sorted(picked);
        std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->total < b->total; });
        picked.clear();
        if (n > 0) {
            if (n % 2 == 1) picked.push_back(sorted[static_cast<std::size_t>(n / 2)]);
            else {
                picked.push_back(sorted[static_cast<std::size_t>(n / 2 - 1)]);
                picked.push_back(sorted[static_cast<std::size_t>(n / 2)]);
            }
        }
        for (auto* r : counted)
            r->dropped = std::find(picked.begin(), picked.end(), r) == picked.end();
        s.method_text = "中位数（" + std::to_string(n) + " 名评委）";
        break;
    }
    case M::Consensus:
        break;  // set by the caller from the leader's sheet
    }
    s.counted = static_cast<int>(picked.size());
    mean_into(s, picked, categories);
}

std::string applicant_sheet_expectation(const StageSpec& stage, const Reviewer& reviewer, bool consensus) {
    return std::string(consensus ? "评审组组长录入的共识分评分表" : "该评委的" + stage.name + "评分表") + "（award sheets 生成，" +
           reviewer.id + "）";
}

std::string stage_candidates_text(std::size_t stage_pos, const StageSpec& stage, const Policy& policy) {
    if (stage_pos == 0) return "受理名单上的组织（" + policy.review_article + "）";
    return "进入" + stage.name + "的组织";
}

const Decision* find_decision(const Case& c, const std::string& kind, const std::string& code_or_boundary) {
    for (const auto& d : c.decisions) {
        if (d.kind != kind) continue;
        if (kind == "tie_resolution" ? d.boundary == code_or_boundary : d.credit_code == code_or_boundary) return &d;
    }
    return nullptr;
}

// Candidates ordered best first by a rounded score; ties keep input order.
struct Ranked {
    std::size_t applicant = 0;
    long long units = 0;
};

std::vector<Ranked> best_first(std::vector<Ranked> v) {
    std::stable_sort(v.begin(), v.end(), [](const Ranked& a, const Ranked& b) { return a.units > b.units; });
    return v;
}

// The cut of `order` (best first) at `places`, honouring a tie_resolution decision for
// `boundary`. Returns the chosen applicants in rank order, or nullopt while a tie waits.
struct Cut {
    std::vector<std::size_t> in;
    std::vector<std::size_t> out;
    bool waiting = false;
};

Cut cut_at(const Case& c, const std::vector<Ranked>& order, int places, const std::string& boundary,
           const std::string& boundary_text, int decimals, ReviewDecision& d) {
    Cut cut;
    const auto n = static_cast<int>(order.size());
    if (places >= n) {
        for (const auto& r : order) cut.in.push_back(r.applicant);
        return cut;
    }
    const long long edge = order[static_cast<std::size_t>(places - 1 < 0 ? 0 : places - 1)].units;
    const bool tied = places > 0 && order[static_cast<std::size_t>(places)].units == edge;
    if (!tied) {
        for (int k = 0; k < n; ++k) (k < places ? cut.in : cut.out).push_back(order[static_cast<std::size_t>(k)].applicant);
        return cut;
    }
    Tie tie;
    tie.boundary = boundary;
    tie.boundary_text = boundary_text;
    tie.score_text = Score::units_text(edge, decimals);
    std::vector<std::size_t> above;
    for (const auto& r : order) {
        if (r.units > edge) above.push_back(r.applicant);
        else if (r.units == edge) tie.applicants.push_back(r.applicant);
    }
    tie.places = places - static_cast<int>(above.size());
    const Decision* decision = find_decision(c, "tie_resolution", boundary);
    if (decision) {
        std::set<std::string> tied_codes;
        for (auto i : tie.applicants) tied_codes.insert(c.applicants[i].credit_code);
        bool fits = static_cast<int>(decision->chosen.size()) == tie.places;
        for (const auto& code : decision->chosen) fits = fits && tied_codes.count(code);
        std::set<std::string> distinct(decision->chosen.begin(), decision->chosen.end());
        fits = fits && distinct.size() == decision->chosen.size();
        if (fits) {
            tie.resolved_by = decision;
        } else {
            std::vector<std::string> names;
            for (auto i : tie.applicants) names.push_back(label(c, i));
            d.problems.push_back(Problem{kDecisionsFile, decision->source.substr(decision->source.find(' ') + 1),
                                         "chosen", join(decision->chosen),
                                         "从并列的 " + join(names) + " 中选定 " + std::to_string(tie.places) +
                                             " 家（" + boundary_text + "，并列得分 " + tie.score_text + " 分）"});
        }
    }
    if (tie.resolved_by) {
        cut.in = above;
        for (const auto& r : order) {
            if (r.units != edge) continue;
            const bool chosen = std::count(tie.resolved_by->chosen.begin(), tie.resolved_by->chosen.end(),
                                           c.applicants[r.applicant].credit_code) > 0;
            (chosen ? cut.in : cut.out).push_back(r.applicant);
        }
        for (const auto& r : order) if (r.units < edge) cut.out.push_back(r.applicant);
    } else {
        cut.waiting = true;
    }
    d.outcome.ties.push_back(std::move(tie));
    return cut;
}

bool holds_award(const Applicant& a, const std::string& award) {
    for (const auto& p : a.prior_awards)
        if (p.award == award && !p.revoked_on) return true;
    return false;
}

// The prize of a first-time winner: the award's, or a holder prize when the winner
// already holds another award (本溪市第二十五条 补发差额); the reason says which.
std::pair<long long, std::string> first_time_prize(const AwardSpec& award, const Applicant& a) {
    for (const auto& hp : award.holder_prizes) {
        if (holds_award(a, hp.holds))
            return {hp.prize_yuan, "已获" + hp.holds + "，奖金为差额 " + std::to_string(hp.prize_yuan) + " 元（" + hp.article + "）"};
    }
    return {award.prize_yuan, ""};
}

struct Conferral {
    std::vector<AwardGrant> grants;
    std::vector<PassedOver> passed_over;  // candidates the pack keeps from this award, and why
    std::vector<Vacancy> vacancies;
    bool waiting = false;  // a tie at a quota boundary waits for a decision
    std::string waiting_for;
};

// Awards in pack order over the final ranking, leaving out `excluded` applicants.
Conferral confer(const Policy& policy, const Case& c, const std::vector<RankedCandidate>& ranking,
                 const std::set<std::size_t>& excluded, ReviewDecision& d) {
    Conferral out;
    const int decimals = policy.review.rounding_decimals;
    std::set<std::size_t> awarded;
    for (const auto& award : policy.awards) {
        const AwardConferral& how = award.conferral;
        const std::string min_text = points_text(how.min_total_units, decimals);
        if (how.by == AwardConferral::By::Threshold) {
            for (const auto& r : ranking) {
                if (excluded.count(r.applicant_index) || (how.exclusive && awarded.count(r.applicant_index))) continue;
                if (r.total_units < how.min_total_units) continue;
                const bool again = how.has_repeat_rule() && holds_award(c.applicants[r.applicant_index], award.name);
                AwardGrant g{r.applicant_index, award.name, again, false, again ? 0 : award.prize_yuan,
                             "进入" + (policy.review.find_stage(how.reached_stage)
                                          ? policy.review.find_stage(how.reached_stage)->name
                                          : how.reached_stage) +
                                 "，综合得分 " + points_text(r.total_units, decimals) + "，达到 " + min_text + "（" +
                                 (how.min_total_article.empty() ? award.article : how.min_total_article) + "）"};
                out.grants.push_back(g);
                awarded.insert(r.applicant_index);
            }
            continue;
        }
        // By rank: the applicants for the award's candidate awards not already awarded.
        std::vector<Ranked> first_time;
        std::vector<const RankedCandidate*> repeat;
        for (const auto& r : ranking) {
            if (excluded.count(r.applicant_index) || awarded.count(r.applicant_index)) continue;
            const Applicant& a = c.applicants[r.applicant_index];
            if (std::find(how.candidates_from.begin(), how.candidates_from.end(), a.award) == how.candidates_from.end())
                continue;
            if (r.total_units < how.min_total_units) continue;
            auto held = std::find_if(how.excluded_holders.begin(), how.excluded_holders.end(),
                                     [&](const std::string& h) { return holds_award(a, h); });
            if (held != how.excluded_holders.end()) {
                out.passed_over.push_back({r.applicant_index, award.name,
                                           "已获" + *held + "，不再重复授予" + award.name + "（" +
                                               how.excluded_holders_article + "）"});
                continue;
            }
            if (how.has_repeat_rule() && holds_award(a, award.name)) repeat.push_back(&r);
            else first_time.push_back({r.applicant_index, r.total_units});
        }
        first_time = best_first(first_time);
        const std::string quota_text = award.name + "名额（" + award.article + "，" + std::to_string(award.quota) + " 家）";
        Cut cut;
        if (award.quota > 0) {
            cut = cut_at(c, first_time, award.quota, award.name, quota_text, decimals, d);
        } else {
            for (const auto& r : first_time) cut.in.push_back(r.applicant);
        }
        if (cut.waiting) {
            out.waiting = true;
            out.waiting_for = policy.review.committee + "对" + award.name + "名额边界并列的决定（decisions.json tie_resolution，boundary \"" +
                              award.name + "\"）";
            return out;
        }
        int position = 0;
        for (auto i : cut.in) {
            ++position;
            const auto& r = *std::find_if(ranking.begin(), ranking.end(),
                                          [&](const RankedCandidate& x) { return x.applicant_index == i; });
            std::string reason = "综合得分 " + points_text(r.total_units, decimals) + "，在" + award.name + "候选组织中居第 " +
                                 std::to_string(position) + " 位（" + award.article;
            if (!policy.review.ranking_article.empty() && policy.review.ranking_article != award.article)
                reason += "、" + policy.review.ranking_article;
            reason += "）";
            auto [prize, prize_reason] = first_time_prize(award, c.applicants[i]);
            if (!prize_reason.empty()) reason += "；" + prize_reason;
            out.grants.push_back({i, award.name, false, false, prize, reason, prize_reason});
            awarded.insert(i);
        }
        // A re-winner must win on merit: over the minimum, and, when the quota is full,
        // not below the lowest first-time winner. It then takes no place of the quota.
        long long lowest_winner = -1;
        for (auto i : cut.in)
            for (const auto& r : first_time)
                if (r.applicant == i && (lowest_winner < 0 || r.units < lowest_winner)) lowest_winner = r.units;
        const bool quota_full = award.quota > 0 && static_cast<int>(cut.in.size()) >= award.quota;
        for (const auto* r : repeat) {
            if (quota_full && r->total_units < lowest_winner) continue;
            std::string merit = quota_full ? "不低于首次获奖组织的最低得分 " + points_text(lowest_winner, decimals)
                                           : (how.min_total_units > 0 ? "达到该奖项最低分 " + min_text : "名额未满");
            out.grants.push_back({r->applicant_index, award.name, true, false, 0,
                                  "再次获得" + award.name + "，综合得分 " + points_text(r->total_units, decimals) + "，" +
                                      merit + "；不授予奖金，不占当年名额（" + how.repeat_article + "）"});
            awarded.insert(r->applicant_index);
        }
        if (award.quota > 0 && static_cast<int>(cut.in.size()) < award.quota) {
            const int left = award.quota - static_cast<int>(cut.in.size());
            const std::string who = how.min_total_units > 0 ? "首次获奖的候选组织中达到最低分 " + min_text + "的有 "
                                                            : "首次获奖的候选组织有 ";
            out.vacancies.push_back({award.name, left,
                                     who + std::to_string(cut.in.size()) + " 家，名额 " + std::to_string(award.quota) +
                                         " 家，空缺 " + std::to_string(left) + " 家（" + award.article +
                                         "：奖项可以空缺）"});
        }
    }
    return out;
}

// One applicant's score at one stage from the sheets of every group covering it;
// missing sheets and uncovered applicants go to d.problems (nullopt when uncovered).
std::optional<StageScore> score_applicant(const Case& c, const ItemTable& table, const SheetIndex& index,
                                          const StageSpec& stage, std::size_t i, ReviewDecision& d) {
    const bool consensus = stage.aggregation.method == AggregationSpec::Method::Consensus;
    const Applicant& a = c.applicants[i];
    StageScore s;
    s.stage = stage.id;
    s.applicant_index = i;
    std::vector<Score> consensus_totals;
    std::vector<std::vector<Score>> consensus_categories;
    bool covered = false;
    int free_members = 0;  // covering members who need not recuse
    for (const auto& group : c.panel.groups) {
        if (group.stage != stage.id || !group.covers(a.credit_code)) continue;
        covered = true;
        for (const auto& member : group.members) {
            const Reviewer* reviewer = c.panel.find(member);
            if (!reviewer) continue;  // reported by ingest
            if (reviewer->conflicted_with(a.credit_code)) {
                ReviewerScore r;
                r.reviewer = member;
                r.recused = true;
                s.reviewers.push_back(r);
                continue;
            }
            ++free_members;
            const SheetEntry* e = index.find(stage.id, member, false, a.credit_code);
            if (e) s.reviewers.push_back(score_of(table, stage, member, *e->scores));
            else if (!consensus)
                d.problems.push_back(Problem{kScoresFolder, member + " " + reviewer->name + "（" + group.name + "）",
                                             stage.name, "缺少",
                                             "对" + label(c, i) + "的" + applicant_sheet_expectation(stage, *reviewer, false)});
        }
        if (consensus) {
            const Reviewer* leader = c.panel.find(group.leader);
            const SheetEntry* e = index.find(stage.id, group.leader, true, a.credit_code);
            if (e) {
                ReviewerScore r = score_of(table, stage, group.leader, *e->scores);
                consensus_totals.push_back(r.total);
                consensus_categories.push_back(r.category_totals);
            } else if (leader) {
                d.problems.push_back(Problem{kScoresFolder, group.leader + " " + leader->name + "（" + group.name + "组长）",
                                             stage.name, "缺少",
                                             "对" + label(c, i) + "的" + applicant_sheet_expectation(stage, *leader, true)});
            }
        }
    }
    if (!covered) {
        d.problems.push_back(Problem{kReviewersFile, "/groups", "applicants", a.name,
                                     "有评审组（stage 为 \"" + stage.id + "\"）负责该组织的" + stage.name});
        return std::nullopt;
    }
    if (consensus) {
        Score sum;
        std::vector<Score> cats(table.categories);
        for (std::size_t g = 0; g < consensus_totals.size(); ++g) {
            sum = sum + consensus_totals[g];
            for (std::size_t k = 0; k < consensus_categories[g].size() && k < cats.size(); ++k)
                cats[k] = cats[k] + consensus_categories[g][k];
        }
        const auto n = static_cast<std::int64_t>(consensus_totals.size());
        if (n > 0) {
            s.aggregate = sum.divided_by(n);
            for (auto& k : cats) s.category_aggregates.push_back(k.divided_by(n));
        }
        s.counted = static_cast<int>(n);
        s.method_text = "评审组共识分（组长录入）";
    } else {
        aggregate(s, stage.aggregation, table.categories);
        if (free_members == 0)
            d.problems.push_back(Problem{kReviewersFile, "/groups", "members", a.name,
                                         "至少一名未回避的评委评" + stage.name + "（全部成员均已声明回避）"});
    }
    return s;
}

// Who enters `next` after `stage` is scored: the pack's ratio (拟获奖数 × ratio), or the
// case's count or minimum score. nullopt, with waiting_for said, while the case has not
// set it or a tie at the boundary waits for the committee.
std::optional<Advancement> advance(const Policy& policy, const Case& c, const StageSpec& stage, const StageSpec& next,
                                   const std::vector<std::size_t>& candidates, ReviewDecision& d) {
    const int decimals = policy.review.rounding_decimals;
    const StageAdvancement* rule = nullptr;
    for (const auto& a : c.review.advancement) if (a.stage == next.id) rule = &a;
    std::vector<Ranked> order;
    for (auto i : candidates) {
        const StageScore* s = d.outcome.find(stage.id, i);
        order.push_back({i, s->aggregate.rounded_units(decimals)});
    }
    order = best_first(order);
    Advancement adv;
    adv.stage = next.id;
    // Where the pack says who decides entry (魏都区 第十八条, 通州区 第十八条), else the stage itself.
    const std::string entry_article = next.advancement_article.empty() ? stage.article : next.advancement_article;
    Cut cut;
    if (next.advancement_ratio_tenths > 0) {
        int planned = 0;
        if (rule && rule->planned_awards) planned = *rule->planned_awards;
        else
            for (const auto& aw : policy.awards)
                if (aw.conferral.by == AwardConferral::By::Rank) planned += aw.quota;
        adv.places = planned * next.advancement_ratio_tenths / 10;
        adv.rule_text = "拟获奖 " + std::to_string(planned) + " 家，按不超过1:" +
                        Score::units_text(next.advancement_ratio_tenths, 1) + "的比例，至多 " +
                        std::to_string(adv.places) + " 家进入" + next.name + "（" + next.advancement_article + "）";
        cut = cut_at(c, order, adv.places, next.id, "进入" + next.name + "（" + next.advancement_article + "，至多 " +
                                                    std::to_string(adv.places) + " 家）",
                     decimals, d);
    } else if (rule && rule->count) {
        adv.places = *rule->count;
        adv.rule_text = (next.advancement_by.empty() ? std::string("确定") : next.advancement_by) + " " +
                        std::to_string(adv.places) + " 家进入" + next.name + "（" + entry_article + "）";
        cut = cut_at(c, order, adv.places, next.id, "进入" + next.name + "（" + std::to_string(adv.places) + " 家）",
                     decimals, d);
    } else if (rule && rule->min_units) {
        for (const auto& r : order) (r.units >= *rule->min_units ? cut.in : cut.out).push_back(r.applicant);
        adv.places = static_cast<int>(cut.in.size());
        adv.rule_text = stage.name + "得分达到 " + points_text(*rule->min_units, decimals) + "的组织进入" + next.name + "（" +
                        entry_article + "）";
    } else {
        d.outcome.waiting_for = "进入" + next.name + "的人数或分数线（case.json review.advancement，stage \"" + next.id + "\"）";
        return std::nullopt;
    }
    if (cut.waiting) {
        d.outcome.waiting_for = policy.review.committee + "对进入" + next.name + "边界并列的决定（decisions.json tie_resolution，boundary \"" +
                          next.id + "\"）";
        return std::nullopt;
    }
    adv.advanced = cut.in;
    adv.not_advanced = cut.out;
    return adv;
}

}  // namespace

ReviewDecision decide_review(const Policy& policy, const Case& c, const AcceptanceOutcome& acceptance,
                             const HolidayCalendar& calendar) {
    ReviewDecision d;
    ReviewOutcome& out = d.outcome;
    const ReviewSpec& spec = policy.review;
    if (spec.stages.empty()) return d;
    const ItemTable table = item_table(policy);
    const SheetIndex index = index_sheets(c);
    const int decimals = spec.rounding_decimals;

    std::vector<std::size_t> candidates;
    for (const auto& r : acceptance.results) if (r.accepted) candidates.push_back(r.applicant_index);

    std::size_t open_from = spec.stages.size();  // the first stage whose candidates are not known
    for (std::size_t pos = 0; pos < spec.stages.size(); ++pos) {
        const StageSpec& stage = spec.stages[pos];
        if (!index.stages_with_sheets.count(stage.id)) {
            out.waiting_for = stage.name + "的评分表（scores/）";
            open_from = pos + 1;
            break;
        }
        const std::set<std::size_t> in_stage(candidates.begin(), candidates.end());
        // Sheets for organisations not in this stage.
        for (const auto& [key, entry] : index.entries) {
            if (std::get<0>(key) != stage.id) continue;
            bool known = false;
            for (auto i : in_stage) known = known || c.applicants[i].credit_code == std::get<3>(key);
            if (!known)
                d.problems.push_back(Problem{entry.sheet->file, entry.scores->location, "统一社会信用代码",
                                             std::get<3>(key), stage_candidates_text(pos, stage, policy)});
        }
        for (auto i : candidates)
            if (auto s = score_applicant(c, table, index, stage, i, d)) out.stage_scores.push_back(std::move(*s));
        if (!d.problems.empty()) return d;
        out.stages_scored.push_back(stage.id);

        if (pos + 1 == spec.stages.size()) break;
        const StageSpec& next = spec.stages[pos + 1];
        std::optional<Advancement> adv = advance(policy, c, stage, next, candidates, d);
        if (!adv) {
            open_from = pos + 1;
            break;
        }
        candidates = adv->advanced;
        out.advancements.push_back(std::move(*adv));
    }
    // Sheets for stages after the one reached: too early.
    for (std::size_t later = open_from; later < spec.stages.size(); ++later) {
        for (const auto& sheet : c.sheets)
            if (sheet.stage == spec.stages[later].id)
                d.problems.push_back(Problem{sheet.file, "", "stage", spec.stages[later].name,
                                             "已经可以开始的阶段的评分表（" + spec.stages[later].name + "尚未开始，还需要" +
                                                 out.waiting_for + "）"});
    }
    if (!d.problems.empty()) return d;
    if (out.stages_scored.size() != spec.stages.size()) return d;

    // Final total: the weighted stages, exact, then rounded once.
    const int sheet_total = policy.score_sheet.total;
    for (auto i : candidates) {
        RankedCandidate rc;
        rc.applicant_index = i;
        rc.last_stage = spec.stages.back().id;
        Score total;
        for (const auto& [stage_id, weight] : spec.weights) {
            const StageSpec* st = spec.find_stage(stage_id);
            const StageScore* s = out.find(stage_id, i);
            if (!st || !s) continue;
            Score part = s->aggregate.times(weight).divided_by(100);
            if (st->sheet == StageSpec::Sheet::Presentation && st->max_points > 0)
                part = part.times(sheet_total).divided_by(st->max_points);
            total = total + part;
        }
        rc.total = total;
        rc.total_units = total.rounded_units(decimals);
        out.ranking.push_back(rc);
    }
    std::stable_sort(out.ranking.begin(), out.ranking.end(),
                     [](const RankedCandidate& a, const RankedCandidate& b) { return a.total_units > b.total_units; });
    for (auto& r : out.ranking) {
        r.rank = 1;
        for (const auto& o : out.ranking) r.rank += o.total_units > r.total_units ? 1 : 0;
    }

    // Awards, then the objections upheld during publicity.
    Conferral proposed = confer(policy, c, out.ranking, {}, d);
    if (proposed.waiting) {
        out.waiting_for = proposed.waiting_for;
        return d;
    }
    out.proposed = proposed.grants;
    out.passed_over = proposed.passed_over;
    std::set<std::size_t> objected;
    for (const auto& dec : c.decisions) {
        if (dec.kind != "objection_upheld") continue;
        auto it = std::find_if(out.proposed.begin(), out.proposed.end(),
                               [&](const AwardGrant& g) { return c.applicants[g.applicant_index].credit_code == dec.credit_code; });
        if (it == out.proposed.end()) {
            d.problems.push_back(Problem{kDecisionsFile, dec.source.substr(dec.source.find(' ') + 1), "credit_code",
                                         dec.credit_code, "拟奖名单上的组织（异议只能针对公示的拟获奖组织）"});
            continue;
        }
        objected.insert(it->applicant_index);
        out.removed.push_back(*it);
    }
    if (!d.problems.empty()) return d;
    if (objected.empty()) {
        out.winners = out.proposed;
        out.vacancies = proposed.vacancies;
    } else if (spec.refill_after_objection) {
        // The refilled ranking may meet a new tie: recorded once, waiting like any other.
        ReviewDecision scratch;
        Conferral refilled = confer(policy, c, out.ranking, objected, scratch);
        for (auto& t : scratch.outcome.ties)
            if (std::none_of(out.ties.begin(), out.ties.end(), [&](const Tie& x) { return x.boundary == t.boundary; }))
                out.ties.push_back(std::move(t));
        d.problems.insert(d.problems.end(), scratch.problems.begin(), scratch.problems.end());
        if (refilled.waiting) {
            out.waiting_for = refilled.waiting_for;
            return d;
        }
        for (auto g : refilled.grants) {
            const bool was_proposed = std::any_of(out.proposed.begin(), out.proposed.end(), [&](const AwardGrant& p) {
                return p.applicant_index == g.applicant_index && p.award == g.award;
            });
            if (!was_proposed) {
                g.refill = true;
                g.reason += "；因公示期间异议成立的空出名额递补";
            }
            out.winners.push_back(g);
        }
        out.vacancies = refilled.vacancies;
    } else {
        out.vacancies = proposed.vacancies;
        for (const auto& g : out.proposed) {
            if (!objected.count(g.applicant_index)) {
                out.winners.push_back(g);
                continue;
            }
            if (g.repeat_winner) continue;
            const AwardSpec* award = policy.find_award_by_name(g.award);
            if (!award || award->quota == 0) continue;
            auto v = std::find_if(out.vacancies.begin(), out.vacancies.end(), [&](const Vacancy& x) { return x.award == g.award; });
            const std::string why = "公示期间异议成立，取消" + c.applicants[g.applicant_index].name + "的获奖资格，不进行递补（" +
                                    spec.refill_article + "）";
            if (v == out.vacancies.end()) out.vacancies.push_back({g.award, 1, why});
            else {
                v->places += 1;
                v->reason += "；" + why;
            }
        }
    }
    if (c.review.proposed && c.review.proposed->publicity_start && spec.publicity.length > 0)
        out.publicity = publicity_period(calendar, *c.review.proposed->publicity_start, spec.publicity);
    out.complete = true;
    out.waiting_for.clear();
    return d;
}

}  // namespace award
