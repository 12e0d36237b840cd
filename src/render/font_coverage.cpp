// Every character the documents will print, checked against the fonts before
// anything is written, so `award check` finds what `award run` would refuse.
#include <algorithm>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"
#include "render/review_documents.hpp"

namespace award {

namespace {

// Problems of several documents, each input field and character once.
class Found {
public:
    void add(const std::vector<Problem>& found) {
        for (const auto& p : found) {
            const bool seen = std::any_of(all_.begin(), all_.end(), [&](const Problem& q) {
                return q.file == p.file && q.record == p.record && q.field == p.field && q.value == p.value;
            });
            if (!seen) all_.push_back(p);
        }
    }
    std::vector<Problem> take() { return std::move(all_); }

private:
    std::vector<Problem> all_;
};

}  // namespace

std::vector<Problem> font_coverage_problems(const RenderEnv& env, const Case& c, const Policy& policy,
                                            const AcceptanceOutcome& outcome) {
    const pdf::FontSet fonts = pdf::FontSet::load(env.data_dir);
    Found found;
    found.add(build_acceptance_notice(env.data_dir, c, policy, outcome).font_problems(fonts));
    for (const auto& r : outcome.results)
        if (!r.accepted) found.add(build_rejection_letter(env.data_dir, c, policy, r).font_problems(fonts));
    return found.take();
}

std::vector<Problem> review_font_coverage_problems(const RenderEnv& env, const Case& c, const Policy& policy,
                                                   const ReviewOutcome& outcome) {
    const pdf::FontSet fonts = pdf::FontSet::load(env.data_dir);
    Found found;
    if (!outcome.advancements.empty() && c.review.onsite_list) {
        found.add(build_onsite_list(env.data_dir, c, policy, outcome).font_problems(fonts));
        // The letters quote the reviewers' texts: a problem names the score sheet and worksheet.
        for (auto i : feedback_recipients(outcome))
            found.add(build_feedback_letter(env.data_dir, c, policy, outcome, i).font_problems(fonts));
    }
    if (!outcome.proposed.empty() && c.review.proposed && c.review.proposed->publicity_start && outcome.publicity)
        found.add(build_proposed_winners_notice(env.data_dir, c, policy, outcome).font_problems(fonts));
    return found.take();
}

}  // namespace award
