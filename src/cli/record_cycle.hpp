// Recording a run in the award registry (获奖登记库, issue 6): the cycle, every
// application and what became of it, the awards granted with their certificates and
// obligations. Called inside the caller's registry transaction, before the documents
// are rendered: the registry gives the certificate numbers, and each certificate's QR
// payload is signed here with the office key.
//
// Idempotent: the same case recorded again changes nothing and keeps every number.
// A changed case (an objection upheld, a corrected name) updates what it must; the
// registry keeps each old row in its history table. What has been issued stays: an
// award whose certificate was issued is never removed by a rerun (RegistryRefused:
// revoke it), and a certificate's content never changes.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "cli/evaluate.hpp"
#include "ingest/prior_awards.hpp"
#include "registry/office_key.hpp"
#include "registry/registry.hpp"

namespace award {

struct CycleRecording {
    int added = 0, changed = 0, unchanged = 0, removed = 0;
    std::vector<std::string> changes;  // what changed or was removed, for the user
    std::vector<std::string> issued;   // certificate numbers newly issued
};

// SHA-256 (hex) over the case folder's files: their relative paths and contents.
std::string case_content_hash(const std::filesystem::path& case_folder);

// Records `e` (numbers and signed payloads are written into e.certificates; `key` is
// needed when there are certificates: std::logic_error without it). `today` is
// the run's date, kept as the cycle's run_on only when the case changed since.
CycleRecording record_cycle_results(Registry& registry, Evaluated& e, const OfficeKey* key, const Date& today);

// The registry's awards of the case's applicants from earlier cycles, for
// merge_registry_history (ingest/prior_awards.hpp).
RegistryHistory registry_history(Registry& registry, const Case& c);

}  // namespace award
