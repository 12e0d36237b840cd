// The review stages' input: experts and their groups (reviewers.json) and the
// score sheets they hand back (scores/, XLSX or JSON). Plain data.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace award {

// 回避: an interest an expert declared in an applicant (所有评审阶段均回避).
struct Conflict {
    std::string credit_code;  // the applicant's 统一社会信用代码
    std::string reason;       // e.g. "曾任该单位质量顾问"
};

// 评审专家 (or, at 演讲陈述 in 通州区, a 区质委会成员单位 scoring as one).
struct Reviewer {
    std::string id;           // short, unique in the case, ASCII, e.g. "E01": in file names and sheets
    std::string name;         // 姓名 (never printed in public documents)
    std::string affiliation;  // 工作单位
    std::vector<Conflict> conflicts;
    std::string source;       // "reviewers.json: /reviewers/2"

    bool conflicted_with(const std::string& credit_code) const {
        for (const auto& c : conflicts) if (c.credit_code == credit_code) return true;
        return false;
    }
};

// 评审组: who scores whom at one stage.
struct ReviewGroup {
    std::string name;                  // e.g. "资料评审组", "现场评审一组"
    std::string stage;                 // a stage id of the policy pack, e.g. "material"
    std::string leader;                // 组长: a reviewer id (enters the 共识分 when the pack uses it)
    std::vector<std::string> members;  // reviewer ids, the leader among them
    bool all_applicants = true;        // every applicant that reaches the stage
    std::vector<std::string> applicants;  // else: these credit codes
    std::string source;                // "reviewers.json: /groups/0"

    bool covers(const std::string& credit_code) const {
        if (all_applicants) return true;
        for (const auto& a : applicants) if (a == credit_code) return true;
        return false;
    }
};

struct ReviewPanel {
    std::vector<Reviewer> reviewers;
    std::vector<ReviewGroup> groups;

    const Reviewer* find(const std::string& id) const {
        for (const auto& r : reviewers) if (r.id == id) return &r;
        return nullptr;
    }
};

// The identification `award sheets` writes into every score sheet workbook and the
// reader checks (render/xlsx/score_sheet_xlsx.hpp has the layout).
inline constexpr const char* kScoreSheetFormat = "award-score-sheet";
inline constexpr int kScoreSheetVersion = 1;
inline constexpr const char* kScoreSheetIdentSheet = "识别信息";
// Longest 主要优势 / 改进机会 / 评语 text (characters).
inline constexpr std::size_t kScoreSheetTextMaxChars = 500;

// One applicant's scores on one reviewer's sheet.
struct ApplicantScores {
    std::string credit_code;
    // Items sheet: the percentage per item of the pack's score sheet, in pack order
    // (categories, then items), each 0–100 in the pack's step.
    std::vector<int> percents;
    std::vector<std::string> strengths;     // 主要优势 per item ("" when none), same order
    std::vector<std::string> improvements;  // 改进机会 per item
    // Presentation sheet (演讲陈述): the score in tenths of a point (0 … 10 × max).
    std::optional<int> presentation_tenths;
    std::string comment;   // presentation sheet: 评语 (optional)
    std::string location;  // for messages: "scores/资料评审/E01.xlsx 工作表「许昌某某」"
};

// 评分表: what one reviewer (or, for a 共识分, the group leader) scored at one stage.
struct ScoreSheet {
    std::string case_id;      // the identification written into the sheet
    std::string reviewer;     // reviewer id
    std::string stage;        // stage id
    bool consensus = false;   // 共识分 entered by the group leader for the group
    int version = 0;          // sheet format version
    std::vector<ApplicantScores> applicants;
    std::string file;         // as shown in messages, e.g. "scores/资料评审/E01-张伟.xlsx"
};

}  // namespace award
