#include "cli/explain_command.hpp"

#include <algorithm>
#include <sstream>

#include "model/money.hpp"
#include "model/score.hpp"
#include "model/text.hpp"
#include "render/acceptance_documents.hpp"
#include "render/review_documents.hpp"

namespace award {

namespace {

// Letters of a credit code in upper case (codes are ASCII).
std::string upper_ascii(std::string s) {
    for (auto& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

std::string candidates_text(const Case& c, const std::vector<std::size_t>& indexes) {
    std::string out;
    for (auto i : indexes) out += "\n  " + c.applicants[i].name + "（" + c.applicants[i].credit_code + "）";
    return out;
}

// The exact value of a score: as many decimals as it has (at least `min_decimals`),
// at most 4, then "…" when it goes on (812.3333…).
std::string exact_text(const Score& s, int min_decimals) {
    const std::int64_t unit = s.denominator() * 100;  // one point
    std::int64_t num = s.numerator();
    std::string out;
    if (num < 0) {
        out = "-";
        num = -num;
    }
    out += std::to_string(num / unit);
    std::int64_t rest = num % unit;
    std::string digits;
    for (int k = 0; k < 4 && (rest != 0 || k < min_decimals); ++k) {
        rest *= 10;
        digits += static_cast<char>('0' + rest / unit);
        rest %= unit;
    }
    if (!digits.empty()) out += "." + digits;
    if (rest != 0) out += "…";
    return out;
}

std::string unit_name(PeriodUnit u) { return u == PeriodUnit::WorkingDays ? "个工作日" : "天"; }

std::string period_text(const PublicityPeriod& p) {
    return p.start.chinese() + "至" + p.end.chinese() + "（" + std::to_string(p.length) + unit_name(p.unit) + "，" +
           p.article + "）";
}

std::string with_article(const std::string& text, const std::string& article) {
    return article.empty() ? text : text + "（" + article + "）";
}

std::string reviewer_label(const Case& c, const std::string& id) {
    const Reviewer* r = c.panel.find(id);
    return r ? id + " " + r->name : id;
}

class Explainer {
public:
    Explainer(const Evaluated& e, std::size_t index)
        : e_(e), c_(e.c), p_(*e.policy), spec_(e.policy->review), r_(e.review), i_(index), a_(e.c.applicants.at(index)),
          decimals_(e.policy->review.rounding_decimals) {}

    std::string text() {
        header();
        const EligibilityResult* er = eligibility();
        review(er && er->accepted);
        return out_.str();
    }

private:
    const Evaluated& e_;
    const Case& c_;
    const Policy& p_;
    const ReviewSpec& spec_;
    const ReviewOutcome& r_;
    std::size_t i_;
    const Applicant& a_;
    int decimals_;
    std::ostringstream out_;

    std::string name_of(std::size_t i) const { return c_.applicants.at(i).name; }
    std::string rounded(long long units) const { return Score::units_text(units, decimals_) + " 分"; }
    std::string exact(const Score& s) const { return exact_text(s, decimals_); }

    void header() {
        out_ << "════ " << a_.name << " ════\n"
             << "统一社会信用代码：" << a_.credit_code << "\n"
             << "申报奖项：" << a_.award << "\n"
             << "依据：《" << p_.regulation << "》（政策包 " << p_.id << "）\n"
             << "案卷：" << c_.id << "，" << c_.year << "年度，申报截止日期 " << c_.application_deadline.chinese()
             << "（资格审查以此日为准）\n";
        for (const auto& w : e_.internal_warnings) out_ << w << "\n";
        out_ << "\n";
    }

    const EligibilityResult* eligibility() {
        out_ << "一、资格审查\n";
        const EligibilityResult* er = nullptr;
        for (const auto& r : e_.outcome.results)
            if (r.applicant_index == i_) er = &r;
        if (!er) {
            out_ << "  未审查。\n\n";
            return nullptr;
        }
        int n = 0;
        for (const auto& check : er->checks) {
            const CheckSpec* cs = p_.find_check(check.check_id);
            out_ << "  " << ++n << ".【" << (check.passed ? "通过" : "未通过") << "】" << check.article << "（"
                 << check.check_id << "）\n";
            // The regulation's words, quoted: a condition (…以上) or an exclusion (有下列情形之一的，不得申报).
            if (cs && !cs->requirement.empty()) out_ << "     条文：" << cs->requirement << "\n";
            if (!check.trace.empty()) out_ << "     审查：" << check.trace << "\n";
            if (!check.passed) out_ << "     通知书所引理由：" << check.reason << "\n";
        }
        if (er->checks.empty()) out_ << "  （政策包对" << a_.award << "未设申报条件）\n";
        if (er->accepted) {
            out_ << "  结论：受理，列入受理名单";
            if (e_.outcome.publicity) out_ << "，公示期 " << period_text(*e_.outcome.publicity);
            out_ << "。\n\n";
        } else {
            const auto failures = er->failures();
            out_ << "  结论：不予受理，未满足" << er->failed_articles() << "。不予受理通知书（"
                 << kRejectionLetterFolder << "/" << a_.name << ".pdf）依据" << p_.rejection_article << "，列出以上 "
                 << failures.size() << " 条理由。\n\n";
        }
        return er;
    }

    // ---- 评审 ----

    void review(bool accepted) {
        out_ << "二、评审\n";
        if (spec_.stages.empty()) {
            out_ << "  政策包未规定评审阶段。\n";
            return;
        }
        if (!accepted) {
            out_ << "  未受理，不参加评审（" << p_.review_article << "）。\n";
            return;
        }
        if (r_.stages_scored.empty()) {
            out_ << "  评审尚未开始" << (r_.waiting_for.empty() ? "" : "（还需要" + r_.waiting_for + "）") << "。\n";
            return;
        }
        int section = 0;
        for (std::size_t pos = 0; pos < spec_.stages.size(); ++pos) {
            const StageSpec& stage = spec_.stages[pos];
            const StageScore* s = r_.find(stage.id, i_);
            if (!s) break;
            out_ << "  （" << chinese_number(++section) << "）" << stage.name << "（" << stage.article << "）\n";
            stage_score(stage, *s);
            if (pos + 1 < spec_.stages.size() && !advancement(stage, spec_.stages[pos + 1], *s)) break;
        }
        const RankedCandidate* rc = nullptr;
        for (const auto& x : r_.ranking)
            if (x.applicant_index == i_) rc = &x;
        if (rc) {
            out_ << "  （" << chinese_number(++section) << "）综合得分（" << spec_.total_article << "）\n";
            total(*rc);
            out_ << "  （" << chinese_number(++section) << "）奖项\n";
            awards(*rc);
        }
        if (!r_.complete && !r_.waiting_for.empty()) out_ << "  评审待续：还需要" << r_.waiting_for << "。\n";
    }

    static std::string chinese_number(int n) {
        static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        if (n >= 0 && n <= 10) return digits[n];
        return std::to_string(n);
    }

    void stage_score(const StageSpec& stage, const StageScore& s) {
        std::vector<std::string> groups;
        for (const auto& g : c_.panel.groups)
            if (g.stage == stage.id && g.covers(a_.credit_code))
                groups.push_back(g.name + "（组长 " + reviewer_label(c_, g.leader) + "）");
        if (!groups.empty()) out_ << "    评审组：" << join(groups) << "\n";
        const bool presentation = stage.sheet == StageSpec::Sheet::Presentation;
        const bool consensus = stage.aggregation.method == AggregationSpec::Method::Consensus;
        const bool median = stage.aggregation.method == AggregationSpec::Method::Median;
        // Which dropped one is the highest: the larger total (the first of equal ones).
        const ReviewerScore* high = nullptr;
        for (const auto& rs : s.reviewers)
            if (rs.dropped && !rs.recused && (!high || rs.total > high->total)) high = &rs;
        std::vector<std::string> counted;
        for (const auto& rs : s.reviewers) {
            out_ << "    " << reviewer_label(c_, rs.reviewer) << "：";
            if (rs.recused) {
                const Reviewer* rv = c_.panel.find(rs.reviewer);
                std::string why;
                if (rv)
                    for (const auto& cf : rv->conflicts)
                        if (cf.credit_code == a_.credit_code) why = cf.reason;
                out_ << "回避，不评分、不计入（" << spec_.recusal_article << (why.empty() ? "" : "；声明：" + why)
                     << "）\n";
                continue;
            }
            out_ << exact_text(rs.total, presentation ? 1 : 2) << " 分";
            if (presentation && stage.max_points > 0) out_ << "（满分 " << stage.max_points << " 分）";
            if (consensus) out_ << "，个人评分，不计入（采用组长录入的共识分）";
            else if (rs.dropped && median) out_ << "，非中位数，不计入";
            else if (rs.dropped) out_ << (&rs == high ? "，最高分，去掉" : "，最低分，去掉");
            else counted.push_back(exact_text(rs.total, presentation ? 1 : 2));
            out_ << "\n";
        }
        const std::string method = with_article(s.method_text, stage.aggregation.article);
        if (consensus || counted.empty()) {
            out_ << "    汇总：" << method << "：" << exact(s.aggregate) << "\n";
        } else if (median && counted.size() == 1) {
            out_ << "    汇总：" << method << "：" << counted.front() << "\n";
        } else {
            out_ << "    汇总：" << method << "：(" << join(counted, " + ") << ") ÷ " << counted.size() << " = "
                 << exact(s.aggregate) << "\n";
        }
        out_ << "    阶段得分：" << exact(s.aggregate) << " 分，四舍五入保留 " << decimals_ << " 位小数为 "
             << rounded(s.aggregate.rounded_units(decimals_)) << (spec_.rounding_article.empty() ? "" : "（" + spec_.rounding_article + "）")
             << "\n";
    }

    const Tie* tie_at(const std::string& boundary) const {
        for (const auto& t : r_.ties)
            if (t.boundary == boundary && std::count(t.applicants.begin(), t.applicants.end(), i_)) return &t;
        return nullptr;
    }

    void tie_lines(const Tie& t, const std::string& indent, const std::string& chosen_text,
                   const std::string& not_chosen_text) {
        std::vector<std::string> names;
        for (auto j : t.applicants) names.push_back(name_of(j) + "（" + c_.applicants[j].credit_code + "）");
        out_ << indent << "并列：" << t.boundary_text << "，" << join(names) << " 同为 " << t.score_text
             << " 分，可列入 " << t.places << " 家。\n";
        if (!t.resolved_by) {
            out_ << indent << "尚待" << p_.review.committee << "决定（decisions.json tie_resolution，boundary \"" << t.boundary << "\"）。\n";
            return;
        }
        const Decision& d = *t.resolved_by;
        std::vector<std::string> chosen;
        for (const auto& code : d.chosen)
            for (const auto& ap : c_.applicants)
                if (ap.credit_code == code) chosen.push_back(ap.name);
        const bool mine = std::count(d.chosen.begin(), d.chosen.end(), a_.credit_code) > 0;
        out_ << indent << p_.review.committee << "决定（" << d.date.chinese() << "，" << d.source << "）：选定 " << join(chosen) << "。"
             << d.basis << "\n";
        if (!chosen_text.empty()) out_ << indent << "→ 本单位" << (mine ? chosen_text : not_chosen_text) << "。\n";
    }

    // Who entered `next`; false when this applicant did not (or it is not decided yet).
    bool advancement(const StageSpec& stage, const StageSpec& next, const StageScore& mine) {
        const Advancement* adv = nullptr;
        for (const auto& a : r_.advancements)
            if (a.stage == next.id) adv = &a;
        // The applicant's place among everyone scored at this stage, by the rounded score.
        const long long units = mine.aggregate.rounded_units(decimals_);
        int place = 1, cohort = 0;
        std::vector<std::string> equal;
        for (const auto& s : r_.stage_scores) {
            if (s.stage != stage.id) continue;
            ++cohort;
            const long long u = s.aggregate.rounded_units(decimals_);
            if (u > units) ++place;
            if (u == units && s.applicant_index != i_) equal.push_back(name_of(s.applicant_index));
        }
        out_ << "    进入" << next.name << "：";
        if (!adv) {
            out_ << "尚未确定" << (r_.waiting_for.empty() ? "" : "（还需要" + r_.waiting_for + "）") << "。本单位"
                 << stage.name << "得分 " << rounded(units) << "，在 " << cohort << " 家中居第 " << place << " 位"
                 << (equal.empty() ? "" : "（与 " + join(equal) + " 同分）") << "。\n";
            if (const Tie* t = tie_at(next.id)) tie_lines(*t, "    ", "", "");
            return false;
        }
        const bool in = std::count(adv->advanced.begin(), adv->advanced.end(), i_) > 0;
        out_ << adv->rule_text << "。\n"
             << "    本单位" << stage.name << "得分 " << rounded(units) << "，在 " << cohort << " 家中居第 " << place
             << " 位" << (equal.empty() ? "" : "（与 " + join(equal) + " 同分）") << "；进入 " << adv->advanced.size()
             << " 家。\n";
        if (const Tie* t = tie_at(next.id)) tie_lines(*t, "    ", "", "");
        out_ << "    → " << (in ? "进入" : "未进入") << next.name << "。\n";
        if (!in) {
            const auto recipients = feedback_recipients(r_);
            if (std::count(recipients.begin(), recipients.end(), i_)) {
                out_ << "    评审反馈意见书：";
                if (c_.review.onsite_list)
                    out_ << "发给本单位（" << kFeedbackLetterFolder << "/" << a_.name << ".pdf，"
                         << c_.review.onsite_list->notice_date.chinese() << "，与现场评审名单同日；"
                         << (spec_.feedback_article.empty() ? "本办法无相应条款，政策包提供" : spec_.feedback_article)
                         << "）。\n";
                else
                    out_ << "待 case.json review.onsite_list 给出现场评审名单的日期后发出。\n";
            }
        }
        return in;
    }

    void total(const RankedCandidate& rc) {
        const int sheet_total = p_.score_sheet.total;
        std::vector<std::string> terms;
        for (const auto& [stage_id, weight] : spec_.weights) {
            const StageSpec* st = spec_.find_stage(stage_id);
            const StageScore* s = r_.find(stage_id, i_);
            if (!st || !s) continue;
            std::string term = st->name + " " + std::to_string(weight) + "% × " + exact(s->aggregate);
            if (st->sheet == StageSpec::Sheet::Presentation && st->max_points > 0)
                term += " × " + std::to_string(sheet_total) + "/" + std::to_string(st->max_points) + "（满分 " +
                        std::to_string(st->max_points) + " 分折算为 " + std::to_string(sheet_total) + " 分制）";
            terms.push_back(term);
        }
        out_ << "    " << join(terms, " + ") << " = " << exact(rc.total) << "\n"
             << "    综合得分：四舍五入保留 " << decimals_ << " 位小数为 " << rounded(rc.total_units)
             << (spec_.rounding_article.empty() ? "" : "（" + spec_.rounding_article + "）") << "\n";
        std::vector<std::string> equal;
        for (const auto& x : r_.ranking)
            if (x.applicant_index != i_ && x.total_units == rc.total_units) equal.push_back(name_of(x.applicant_index));
        out_ << "    综合排名：第 " << rc.rank << " 位（共 " << r_.ranking.size() << " 家"
             << (equal.empty() ? "" : "；与 " + join(equal) + " 同分") << "）"
             << (spec_.ranking_article.empty() ? "" : "（" + spec_.ranking_article + "）") << "\n";
    }

    static const AwardGrant* grant_in(const std::vector<AwardGrant>& v, std::size_t i, const std::string& award) {
        for (const auto& g : v)
            if (g.applicant_index == i && g.award == award) return &g;
        return nullptr;
    }

    std::string award_rule(const AwardSpec& award) const {
        const AwardConferral& how = award.conferral;
        std::string t = award.name + "：";
        if (how.by == AwardConferral::By::Threshold) {
            const StageSpec* st = spec_.find_stage(how.reached_stage);
            t += "不设名额，进入" + (st ? st->name : how.reached_stage) + "且综合得分达到 " + rounded(how.min_total_units) +
                 "的组织均授予（" + (how.min_total_article.empty() ? award.article : how.min_total_article) + "）";
            return t;
        }
        t += award.quota > 0 ? "名额 " + std::to_string(award.quota) + " 家（" + award.article + "）" : "不设名额";
        t += "，从申报" + join(how.candidates_from) + "的组织中按综合得分排名授予";
        if (how.min_total_units > 0)
            t += "，最低 " + rounded(how.min_total_units) + with_article("", how.min_total_article);
        if (!how.repeat_article.empty()) t += "；再次获奖不占名额、不发奖金（" + how.repeat_article + "）";
        if (!how.excluded_holders.empty())
            t += "；已获" + join(how.excluded_holders) + "的不再授予（" + how.excluded_holders_article + "）";
        return t;
    }

    std::string prize_article(const AwardSpec& award, const AwardGrant& g) const {
        if (g.prize_yuan != award.prize_yuan)
            for (const auto& hp : award.holder_prizes)
                if (hp.prize_yuan == g.prize_yuan) return hp.article;
        return award.prize_article.empty() ? award.article : award.prize_article;
    }

    void money(const AwardSpec& award, const AwardGrant& g) {
        out_ << "      奖金：";
        if (award.prize_yuan <= 0 && award.holder_prizes.empty())
            out_ << "该奖项不设奖金" << with_article("", award.prize_article) << "\n";
        else if (g.repeat_winner)
            out_ << "再次获奖，不授予奖金" << with_article("", award.conferral.repeat_article) << "\n";
        else if (g.prize_yuan <= 0)
            out_ << "无奖金\n";
        else
            out_ << yuan_grouped(g.prize_yuan) << " 元（" << amount_in_words(g.prize_yuan) << "）（"
                 << prize_article(award, g) << "）\n";
    }

    const Decision* objection() const {
        for (const auto& d : c_.decisions)
            if (d.kind == "objection_upheld" && d.credit_code == a_.credit_code) return &d;
        return nullptr;
    }

    // Whether the applicant was among this award's candidates at all.
    bool candidate_for(const AwardSpec& award) const {
        const AwardConferral& how = award.conferral;
        if (how.by == AwardConferral::By::Threshold) return r_.find(how.reached_stage, i_) != nullptr;
        return std::count(how.candidates_from.begin(), how.candidates_from.end(), a_.award) > 0;
    }

    void awards(const RankedCandidate& rc) {
        bool any = false;
        for (const auto& award : p_.awards) {
            const AwardGrant* proposed = grant_in(r_.proposed, i_, award.name);
            const AwardGrant* won = grant_in(r_.winners, i_, award.name);
            const AwardGrant* removed = grant_in(r_.removed, i_, award.name);
            const Tie* tie = tie_at(award.name);
            const PassedOver* passed = nullptr;
            for (const auto& po : r_.passed_over)
                if (po.applicant_index == i_ && po.award == award.name) passed = &po;
            if (!proposed && !won && !removed && !tie && !passed && !candidate_for(award)) continue;
            any = true;
            out_ << "    " << award_rule(award) << "\n";
            if (tie) tie_lines(*tie, "      ", "列入" + award.name + "名额", "未列入" + award.name + "名额");
            if (passed) out_ << "      不授予：" << passed->reason << "\n";
            if (proposed) {
                out_ << "      拟授予：" << proposed->reason << "\n";
                if (r_.publicity) out_ << "      " << p_.review.proposed_list << "公示：" << period_text(*r_.publicity) << "\n";
            }
            if (removed) {
                const Decision* d = objection();
                out_ << "      公示期间异议成立，取消获奖资格";
                if (d) out_ << "（" << d->date.chinese() << "，" << d->source << "：" << d->basis << "）";
                out_ << "。";
                if (spec_.refill_after_objection) out_ << "空出的名额按综合排名递补。\n";
                else out_ << "不进行递补（" << spec_.refill_article << "）。\n";
                vacancies(award);
                out_ << "      → 不获奖，无奖金。\n";
                return;
            }
            if (won) {
                if (won->refill && !proposed) out_ << "      递补授予：" << won->reason << "\n";
                vacancies(award);
                out_ << "      → 获" << award.name << (won->repeat_winner ? (award.quota > 0 ? "（再次获奖，不占名额）" : "（再次获奖）") : "")
                     << (won->refill ? "（递补）" : "") << "。\n";
                money(award, *won);
                obligations();
                return;
            }
            if (!r_.complete) {
                if (!tie) out_ << "      尚未确定。\n";
                continue;
            }
            if (!proposed && !passed) not_awarded(award, rc);  // a passed-over line already says why
            vacancies(award);
        }
        if (!any) out_ << "    不属于任何奖项的候选组织。\n";
        if (r_.complete) out_ << "    → 未获奖。\n";
    }

    // 获奖后的义务: what the winner owes, each with its article and, where limited, the years it runs.
    void obligations() {
        if (p_.obligations.empty()) return;
        out_ << "      获奖后义务：\n";
        for (const auto& o : p_.obligations) {
            out_ << "        · " << o.text;
            if (o.years > 0) out_ << "（" << c_.year + 1 << "年至" << c_.year + o.years << "年）";
            out_ << "（" << o.article << "）\n";
        }
        if (p_.award_validity.years > 0)
            out_ << "        · 奖项有效期 " << p_.award_validity.years << " 年（" << p_.award_validity.article << "）\n";
    }

    void vacancies(const AwardSpec& award) {
        for (const auto& v : r_.vacancies)
            if (v.award == award.name) out_ << "      空缺：" << v.places << " 个名额。" << v.reason << "\n";
    }

    // Why a candidate did not get `award`: under its minimum, or the places went to others.
    void not_awarded(const AwardSpec& award, const RankedCandidate& rc) {
        const AwardConferral& how = award.conferral;
        if (how.min_total_units > 0 && rc.total_units < how.min_total_units) {
            out_ << "      未授予：综合得分 " << rounded(rc.total_units) << "，低于该奖项最低分 "
                 << rounded(how.min_total_units) << with_article("", how.min_total_article.empty() ? award.article : how.min_total_article)
                 << "。\n";
            return;
        }
        std::vector<std::string> winners;
        for (const auto& g : r_.winners) {
            if (g.award != award.name) continue;
            std::string t = name_of(g.applicant_index);
            for (const auto& x : r_.ranking)
                if (x.applicant_index == g.applicant_index) t += " " + rounded(x.total_units);
            if (g.repeat_winner) t += "（再次获奖）";
            winners.push_back(t);
        }
        out_ << "      未授予：本单位 " << rounded(rc.total_units) << "；";
        if (winners.empty()) out_ << "该奖项无人获授。\n";
        else out_ << "授予 " << join(winners) << "。\n";
    }
};

}  // namespace

std::vector<std::size_t> select_applicants(const Case& c, const std::string& query) {
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) all.push_back(i);
    if (query.empty()) return all;
    const std::string code = upper_ascii(query);
    for (std::size_t i = 0; i < c.applicants.size(); ++i)
        if (c.applicants[i].credit_code == code || c.applicants[i].name == query) return {i};
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < c.applicants.size(); ++i)
        if (c.applicants[i].name.find(query) != std::string::npos) found.push_back(i);
    if (found.size() == 1) return found;
    if (found.empty())
        throw ApplicantNotFound("APPLICANT「" + query + "」：案卷 " + c.id +
                                " 中没有这个统一社会信用代码或单位名称，应为以下申报组织之一：" + candidates_text(c, all));
    throw ApplicantNotFound("APPLICANT「" + query + "」：有 " + std::to_string(found.size()) +
                            " 家申报组织的名称含有它，请写统一社会信用代码或完整的单位名称：" + candidates_text(c, found));
}

std::string explain_applicant(const Evaluated& e, std::size_t index) { return Explainer(e, index).text(); }

}  // namespace award
