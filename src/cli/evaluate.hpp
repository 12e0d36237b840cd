// Reading a case and applying the rules, shared by the subcommands: everything the
// documents need, checked before anything is written.
#pragma once
#include <filesystem>
#include <optional>
#include <vector>

#include "cli/policy_validity.hpp"
#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "packs/policy_pack.hpp"
#include "registry/registry.hpp"
#include "render/certificates.hpp"
#include "rules/review.hpp"
#include "rules/top_ups.hpp"

namespace award {

struct Evaluated {
    Case c;
    const Policy* policy = nullptr;
    AcceptanceOutcome outcome;
    ReviewOutcome review;                           // empty until the review stages start
    std::vector<CertificateContent> certificates;   // empty until the case records a commendation
    std::optional<CertificatePrinter> printer;      // loaded when there are certificates
    // 追加激励资金 (本溪市第二十五条第三款) this cycle pays, from the registry's higher
    // awards; empty without a registry or before the review is complete.
    TopUpDecision top_ups;
    // Sentences every internal report, the manifest and stderr carry (never a public
    // document): e.g. the case is dated outside the pack's 有效期 and the operator
    // confirmed with --allow-expired-policy (cli/policy_validity.hpp). Usually empty.
    std::vector<std::string> internal_warnings;
};

// Reads and validates the case, then applies the rules: acceptance, review,
// commendation. Throws InputError, ConfigError or CalendarYearMissing for anything
// the user can fix; PolicyOutOfForce (a ConfigError) when the case is dated outside
// the pack's 有效期 and `override` does not allow it. `catalog` outlives the result
// (it holds the policy). With a `registry`, the applicants' awards in earlier cycles
// it remembers join those the case lists (ingest/prior_awards.hpp) before the rules run.
Evaluated evaluate(const std::filesystem::path& case_dir, const std::filesystem::path& data_dir, PolicyCatalog& catalog,
                   const PolicyOverride& override = {}, Registry* registry = nullptr);

// The registry the rules read history from: the one at `path` when it exists (never
// created by reading), else none.
std::optional<Registry> open_registry_for_reading(const std::filesystem::path& path);

// The commendation's grants: as written in case.json, or, when it lists none, the
// review's winners (after objections) in award order.
std::vector<Grant> commendation_grants(const Case& c, const ReviewOutcome& review);

}  // namespace award
