// A review set up by hand on a real pack (as tests/rules/review_test.cpp does), shared by the
// *_rows_test.cpp of the packs: the case with its panel, the accepted applicants and their
// score sheets, on which a reviewer gives one percentage to every item of the pack's sheet
// (so a reviewer's total is that percentage of the sheet's total).
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "model/review.hpp"
#include "pack_rows.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "rules/eligibility.hpp"
#include "rules/review.hpp"
#include "temp_dir.hpp"

namespace packs_test {

inline const award::HolidayCalendar& holidays() {
    static const award::HolidayCalendar cal = award::load_holiday_calendar(source("templates/holidays.json"));
    return cal;
}

// How many items the pack's score sheet has, in all its categories.
inline std::size_t sheet_items(const award::Policy& p) {
    std::size_t n = 0;
    for (const auto& cat : p.score_sheet.categories) n += cat.items.size();
    return n;
}

struct ReviewCycle {
    award::Policy policy;
    award::Case c;
    award::AcceptanceOutcome acceptance;

    // The case of the pack's cycle in the deadline's year, 受理 notified on `notice`; each
    // applicant's sheet carries `items` percentages.
    ReviewCycle(award::Policy p, award::Date deadline, award::Date notice, std::size_t items)
        : policy(std::move(p)), c(cycle_case(policy, deadline)), items_(items) {
        c.acceptance.notice_date = notice;
    }

    std::size_t items() const { return items_; }

    // Reviewer `id` (named 评委<id>) on the panel, once.
    void reviewer(const std::string& id) {
        if (c.panel.find(id)) return;
        award::Reviewer r;
        r.id = id;
        r.name = "评委" + id;
        c.panel.reviewers.push_back(r);
    }
    // `reviewer` declared an interest in `code`: it gets no sheet for it from score(stage, …).
    void conflict(const std::string& reviewer, const std::string& code, const std::string& reason) {
        for (auto& r : c.panel.reviewers)
            if (r.id == reviewer) r.conflicts.push_back({code, reason});
    }
    // A review group for `stage`, led by its first member, scoring every applicant.
    void group(const std::string& name, const std::string& stage, const std::vector<std::string>& members) {
        for (const auto& id : members) reviewer(id);
        award::ReviewGroup g;
        g.name = name;
        g.stage = stage;
        g.leader = members.front();
        g.members = members;
        c.panel.groups.push_back(g);
    }
    // One 评审组（<stage>） per stage, the same experts in each, scoring every applicant.
    void same_group_each_stage(const std::vector<std::string>& stages, const std::vector<std::string>& members) {
        for (const auto& stage : stages) group("评审组（" + stage + "）", stage, members);
    }

    award::ScoreSheet& sheet(const std::string& reviewer, const std::string& stage) {
        for (auto& s : c.sheets)
            if (s.reviewer == reviewer && s.stage == stage) return s;
        award::ScoreSheet s;
        s.case_id = c.id;
        s.reviewer = reviewer;
        s.stage = stage;
        s.file = "scores/" + stage + "/" + reviewer + ".json";
        c.sheets.push_back(s);
        return c.sheets.back();
    }
    // `reviewer` gives `percent` to every item for `code` at `stage`.
    void score(const std::string& reviewer, const std::string& stage, const std::string& code, int percent) {
        award::ScoreSheet& s = sheet(reviewer, stage);
        award::ApplicantScores as;
        as.credit_code = code;
        as.percents.assign(items_, percent);
        as.strengths.assign(items_, "");
        as.improvements.assign(items_, "");
        as.location = s.file + ": " + code;
        s.applicants.push_back(as);
    }
    // Every member of the stage's groups without an interest in `code` gives it `percent`.
    void score(const std::string& stage, const std::string& code, int percent) {
        for (const auto& g : c.panel.groups) {
            if (g.stage != stage) continue;
            for (const auto& m : g.members)
                if (!c.panel.find(m)->conflicted_with(code)) score(m, stage, code, percent);
        }
    }

    // `a` renamed `name` (credit code CC-<name>) on the 受理名单, scored `material` % at
    // 资料评审 and `onsite` % on site (onsite < 0: not scored on site). Returns its code.
    std::string add_applicant(award::Applicant a, const std::string& name, int material, int onsite = -1) {
        a.name = name;
        a.credit_code = "CC-" + name;
        c.applicants.push_back(a);
        award::EligibilityResult r;
        r.applicant_index = c.applicants.size() - 1;
        r.accepted = true;
        acceptance.results.push_back(r);
        score("material", a.credit_code, material);
        if (onsite >= 0) score("onsite", a.credit_code, onsite);
        return a.credit_code;
    }

    // The next entry of decisions.json.
    award::Decision& decide(const std::string& kind, const std::string& code, award::Date date,
                            const std::string& basis) {
        award::Decision d;
        d.kind = kind;
        d.credit_code = code;
        d.date = date;
        d.basis = basis;
        d.source = "decisions.json: /decisions/" + std::to_string(c.decisions.size());
        c.decisions.push_back(d);
        return c.decisions.back();
    }

    award::ReviewDecision run() const { return award::decide_review(policy, c, acceptance, holidays()); }

    // Each grant as name[:award][(再次)][:prize in 元].
    std::vector<std::string> grants(const std::vector<award::AwardGrant>& gs, bool with_award, bool with_prize) const {
        std::vector<std::string> out;
        for (const auto& g : gs)
            out.push_back(c.applicants[g.applicant_index].name + (with_award ? ":" + g.award : "") +
                          (g.repeat_winner ? "(再次)" : "") + (with_prize ? ":" + std::to_string(g.prize_yuan) : ""));
        return out;
    }

private:
    std::size_t items_;
};

}  // namespace packs_test
