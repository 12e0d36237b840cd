// `award sheets`: the blank score sheets for every reviewer of every stage whose
// candidates are known (资料评审 after acceptance; 现场评审 once the committee's
// count or the pack's ratio has settled who enters it, …).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "cli/policy_validity.hpp"
#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "model/review_outcome.hpp"
#include "render/xlsx/score_sheet_xlsx.hpp"

namespace award {

struct SheetPlan {
    std::vector<ScoreSheetRequest> requests;  // one per reviewer and stage (and 共识分 sheet)
    std::vector<std::string> notes;           // what is not planned yet, and why (Chinese)
};

// Pure: who scores whom. A reviewer never gets an applicant they declared a
// conflict with (回避); a reviewer left with nobody gets no file (said in notes).
SheetPlan plan_score_sheets(const Case& c, const Policy& policy, const AcceptanceOutcome& acceptance,
                            const ReviewOutcome& review);

// Reads the case, plans and writes the sheets to OUT/<case>-评分表/<阶段>/… (staged,
// a previous different set kept). Returns the exit status. A case dated outside the
// pack's 有效期 throws PolicyOutOfForce unless `override` allows it; then the warning goes
// to stderr and into the folder's manifest.json (the sheets themselves are the reviewers').
int run_sheets_command(const std::filesystem::path& case_dir, const std::filesystem::path& data_dir,
                       const std::filesystem::path& out_dir, const PolicyOverride& override = {});

}  // namespace award
