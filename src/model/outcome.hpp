// What the rules decided. Every decision carries the article it rests on.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/policy.hpp"
#include "model/text.hpp"

namespace award {

struct CheckResult {
    std::string check_id;
    std::string kind;
    std::string article;   // e.g. "第九条"
    bool passed = false;
    std::string reason;    // for the letter, Chinese, one sentence, citing the article (only when failed)
    std::string trace;     // inputs and how the result was reached, for `explain` and tests
};

// 资格审查 of one applicant.
struct EligibilityResult {
    std::size_t applicant_index = 0;  // into Case::applicants
    bool accepted = false;
    std::vector<CheckResult> checks;  // every check run, in pack order

    std::vector<const CheckResult*> failures() const {
        std::vector<const CheckResult*> out;
        for (const auto& c : checks) if (!c.passed) out.push_back(&c);
        return out;
    }
    // The articles of the failed checks, each once, in check order, joined by "、".
    std::string failed_articles() const {
        std::vector<std::string> seen;
        for (const auto* f : failures())
            if (std::find(seen.begin(), seen.end(), f->article) == seen.end()) seen.push_back(f->article);
        return join(seen);
    }
};

// 公示期.
struct PublicityPeriod {
    Date start;
    Date end;  // inclusive
    int length = 0;
    PeriodUnit unit = PeriodUnit::WorkingDays;
    std::string article;
};

// The acceptance stage (受理): who is on the 受理名单, who gets a letter, and when the list is publicised.
struct AcceptanceOutcome {
    std::vector<EligibilityResult> results;  // one per applicant, in input order
    std::optional<PublicityPeriod> publicity;  // none when the pack has no 受理名单公示 (通州区)
};

}  // namespace award
