#include "cli/evaluate.hpp"

#include "cli/record_cycle.hpp"
#include "ingest/case_reader.hpp"
#include "ingest/prior_awards.hpp"
#include "model/errors.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "render/documents.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "rules/commendation.hpp"
#include "rules/eligibility.hpp"

namespace award {

namespace fs = std::filesystem;

std::vector<Grant> commendation_grants(const Case& c, const ReviewOutcome& review) {
    if (!c.commendation) return {};
    if (!c.commendation->grants.empty()) return c.commendation->grants;
    std::vector<Grant> grants;
    for (const auto& w : review.winners)
        grants.push_back({c.applicants.at(w.applicant_index).credit_code, w.award, "评审结果：获奖名单"});
    return grants;
}

namespace {

// The date the cycle's 奖金发放表 rests on: the 表彰决定's, else the review's last notice.
Date prize_sheet_date(const Case& c) {
    return c.commendation && c.commendation->date != Date{} ? c.commendation->date : review_doc::review_date(c);
}

TopUpDecision registry_top_ups(Registry& registry, const Case& c, const Policy& policy) {
    bool any = false;
    for (const auto& a : policy.awards) any = any || !a.higher_award_top_ups.empty();
    if (!any) return {};
    std::vector<HigherAwardFact> facts;
    std::map<std::string, std::vector<HeldAward>> holdings;
    for (const auto& h : registry.higher_awards_in(policy.id)) {
        facts.push_back({h.id, h.record.credit_code, h.record.name, h.record.award, h.record.awarded_on,
                         h.record.bonus_yuan, h.top_up ? std::optional<int>(h.top_up->year) : std::nullopt});
        if (holdings.count(h.record.credit_code)) continue;
        auto& held = holdings[h.record.credit_code];
        for (const auto& a : registry.awards_of(policy.id, h.record.credit_code)) {
            if (a.year >= c.year) continue;
            auto revocation = registry.revocation_of(a.id);
            held.push_back({a.award, a.year, a.awarded_on,
                            revocation ? std::optional<Date>(revocation->revoked_on) : std::nullopt});
        }
    }
    return decide_top_ups(policy, c.year, prize_sheet_date(c), facts, holdings);
}

}  // namespace

Evaluated evaluate(const fs::path& case_dir, const fs::path& data_dir, PolicyCatalog& catalog,
                   const PolicyOverride& override, Registry* registry) {
    catalog = load_policy_catalog(data_dir / "templates" / "policies");
    Evaluated e;
    e.c = read_case(case_dir, catalog);
    e.policy = &catalog.at(e.c.policy);
    const Policy& policy = *e.policy;
    if (registry) {
        auto history = merge_registry_history(e.c, policy, registry_history(*registry, e.c),
                                              "登记库 " + registry->path().string());
        if (!history.empty()) throw InputError(std::move(history));
    }
    // The regulation must be in force for the case's dates, or the operator says it still applies.
    e.internal_warnings = policy_validity_warnings(policy, e.c, override);
    HolidayCalendar calendar = load_holiday_calendar(data_dir / "templates" / "holidays.json");
    e.outcome = decide_acceptance(policy, e.c, calendar);
    // What the documents would print must be printable: found here, not half-way through writing.
    std::vector<Problem> problems = font_coverage_problems(RenderEnv{data_dir}, e.c, policy, e.outcome);
    ReviewDecision review = decide_review(policy, e.c, e.outcome, calendar);
    problems.insert(problems.end(), review.problems.begin(), review.problems.end());
    e.review = std::move(review.outcome);
    if (review.problems.empty()) {
        auto p = review_font_coverage_problems(RenderEnv{data_dir}, e.c, policy, e.review);
        problems.insert(problems.end(), p.begin(), p.end());
    }
    if (e.c.commendation && e.c.commendation->grants.empty()) {
        // 审定与表彰 follows the review: without its result there is nobody to commend.
        if (!e.review.complete)
            problems.push_back(Problem{"case.json", "/commendation", "granted", "",
                                       "表彰名单：评审尚未完成（还需要" + e.review.waiting_for +
                                           "），此时请不写 commendation，或在 granted 中列出表彰的组织"});
        else
            e.c.commendation->grants = commendation_grants(e.c, e.review);
    }
    if (registry && e.review.complete) e.top_ups = registry_top_ups(*registry, e.c, policy);
    CertificateIssue issue = issue_certificates(policy, e.c, e.outcome);
    problems.insert(problems.end(), issue.problems.begin(), issue.problems.end());
    if (!problems.empty()) throw InputError(std::move(problems));

    e.certificates = certificate_contents(e.c, policy, issue.certificates);
    if (!e.certificates.empty()) {
        e.printer.emplace(data_dir, policy);
        for (const auto& content : e.certificates) {
            auto p = e.printer->problems(content);
            problems.insert(problems.end(), p.begin(), p.end());
        }
        if (!problems.empty()) throw InputError(std::move(problems));
    }
    return e;
}

std::optional<Registry> open_registry_for_reading(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    return std::optional<Registry>(std::in_place, path, Registry::Open::MustExist);
}

}  // namespace award
