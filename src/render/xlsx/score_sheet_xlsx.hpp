// 评分表: the XLSX one reviewer fills at one review stage, one worksheet per
// applicant, read back by ingest/score_sheet_reader.
//
// Layout (the reader relies on it; 1-based Excel references):
//   every applicant worksheet
//     A1           title
//     A2:B6        案例 / 评审阶段 / 申报组织 / 统一社会信用代码 / 评审专家 (labels in A, values in B)
//     B5           the applicant's 统一社会信用代码 (checked against the identification table)
//     H1:H5        hidden column: "award-score-sheet", case id, reviewer id, stage id,
//                  "yes"/"no" (共识分), so a worksheet copied or renamed is still identified
//     row 7        填写说明; row 8 the column headers
//   Items sheet (GB/T 19580), from row 9, pack order:
//     category row: A id, B name, C points, E subtotal (formula)
//     item row:     A id, B name, C points, D 评分百分比 (input), E score = C*D/100 (formula),
//                   F 主要优势 (input), G 改进机会 (input)
//     last row:     A "合计", C total, E total (formula)
//   Presentation sheet: row 9: A stage name, C max points, D score (input), E 评语 (input)
//   hidden worksheet "识别信息" (last): rows of key in A, value in B (and C):
//     format award-score-sheet · version 1 · case · policy · reviewer · stage ·
//     sheet items|presentation · consensus yes|no · group · item <id> <points> (one per
//     item, pack order; items sheets only) · applicant <worksheet name> <credit code>
// Every cell is locked except the inputs; each worksheet is protected without a
// password (against slips, not against intent: the reader checks what matters).
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "model/review.hpp"

namespace award {

// One XLSX for one reviewer and one stage: one worksheet per applicant.
struct ScoreSheetRequest {
    const Case* c = nullptr;
    const Policy* policy = nullptr;
    const Reviewer* reviewer = nullptr;
    const ReviewGroup* group = nullptr;  // may be null (then no group name in the file name or sheet)
    const StageSpec* stage = nullptr;
    bool consensus = false;              // the group leader's 共识分 sheet
    std::vector<std::size_t> applicants;  // indexes into c->applicants, already without conflicted ones
};

// Writes the workbook. Throws std::invalid_argument when the request is unusable
// (no applicants, an applicant the reviewer declared a conflict with, a consensus
// sheet without a group) and std::runtime_error naming the file when writing fails.
void write_score_sheet_xlsx(const ScoreSheetRequest& r, const std::filesystem::path& out);

// "资料评审-E01-张伟.xlsx"; a consensus sheet "资料评审-资料评审组-共识分-E01-张伟.xlsx".
// Each part is made safe as a file name (no separators, reserved or control characters).
std::string score_sheet_file_name(const ScoreSheetRequest& r);

// The worksheet names for applicant names, in order: at most 31 characters, none of
// []:*?/\, no leading or trailing apostrophe, unique (case-insensitively) and never
// the identification sheet's name.
std::vector<std::string> score_sheet_worksheet_names(const std::vector<std::string>& applicant_names);

}  // namespace award
