// Every character the acceptance documents will print, checked against the fonts
// before anything is written, so `award check` finds what `award run` would refuse.
#include <algorithm>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"

namespace award {

std::vector<Problem> font_coverage_problems(const RenderEnv& env, const Case& c, const Policy& policy,
                                            const AcceptanceOutcome& outcome) {
    const pdf::FontSet fonts = pdf::FontSet::load(env.data_dir);
    std::vector<Problem> all;
    auto add = [&](const std::vector<Problem>& found) {
        for (const auto& p : found) {
            const bool seen = std::any_of(all.begin(), all.end(), [&](const Problem& q) {
                return q.file == p.file && q.record == p.record && q.field == p.field && q.value == p.value;
            });
            if (!seen) all.push_back(p);
        }
    };
    add(build_acceptance_notice(env.data_dir, c, policy, outcome).font_problems(fonts));
    for (const auto& r : outcome.results)
        if (!r.accepted) add(build_rejection_letter(env.data_dir, c, policy, r).font_problems(fonts));
    return all;
}

}  // namespace award
