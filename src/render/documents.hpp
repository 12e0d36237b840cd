// The documents of the acceptance stage. One file per document kind under render/.
// Each writer renders into the path given (the caller stages and moves files).
// A character that no configured font has stops the run with an InputError
// naming the document, the applicant (or case field) and the character.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/errors.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"

namespace award {

struct RenderEnv {
    std::filesystem::path data_dir;  // holds templates/ and fonts/
};

// 受理名单公示.pdf: GB/T 9704 notice with the publicity period and the table of accepted applicants;
// 受理名单通知.pdf instead when the pack has no 受理名单公示 (acceptance_notice_file).
void write_acceptance_notice_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                 const AcceptanceOutcome& outcome, const std::filesystem::path& out);

// 不予受理通知书/<单位名称>.pdf: one letter to an applicant not accepted, each failed check a numbered reason.
void write_rejection_letter_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                const EligibilityResult& result, const std::filesystem::path& out);

// Every character the PDFs of the acceptance stage would print that no configured
// font has, one Problem per input field and character (file, record and field of
// the input it comes from). Empty when all can be printed.
std::vector<Problem> font_coverage_problems(const RenderEnv& env, const Case& c, const Policy& policy,
                                            const AcceptanceOutcome& outcome);

// 受理名单.xlsx: the accepted applicants, only what the public notice shows (it may be published).
void write_acceptance_list_xlsx(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome,
                                const std::filesystem::path& out);

// 资格审查结果（内部）.xlsx: every applicant, the decision, its articles and reasons, and the
// applicant's contact: the secretariat's working list, not for publication. `warnings`:
// lines the worksheet starts with (Evaluated::internal_warnings).
void write_eligibility_review_xlsx(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome,
                                   const std::filesystem::path& out, const std::vector<std::string>& warnings = {});

}  // namespace award
