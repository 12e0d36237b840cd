// applicants.xlsx: the list of applicants as the office keeps it in a workbook, one
// row per applicant under Chinese column headers (samples/README.md, 第 4.1 节).
//
// The workbook is turned into the JSON applicants.json would hold and checked by the
// same code; the problems found are then told in the workbook's terms: the row as Excel
// shows it (第5行), the column header and the cell.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/json_fields.hpp"

namespace award::ingest {

inline const std::string kApplicantsXlsxFile = "applicants.xlsx";

// What was read from the workbook, and where each value came from.
struct ApplicantsSheet {
    json doc;                 // {"applicants": [ … ]}, as applicants.json would be
    std::string sheet;        // the worksheet's name
    std::vector<int> rows;    // Excel row of applicant k
    std::map<std::string, int> columns;  // header -> column
    // 近年财务数据 columns ("2025年利润总额（万元）"): (year, JSON field "revenue" | "profit" |
    // "tax") -> the header as written.
    std::map<std::pair<int, std::string>, std::string> financial_headers;
    // (applicant, JSON field) whose cell was already reported as unusable: the checks
    // that follow would only repeat it (e.g. as "missing").
    std::set<std::pair<std::size_t, std::string>> reported;
};

// Reads CASE_DIR/applicants.xlsx. Problems with the file, its headers or a cell are
// added to `out`; nullopt when the rows could not be read at all.
std::optional<ApplicantsSheet> load_applicants_xlsx(const std::filesystem::path& case_dir, ProblemList& out);

// The problems the applicants.json checks found in sheet.doc, told in terms of the
// workbook (file, 第N行（单位名称）, column header and cell), added to `out`.
void translate_applicant_problems(const ProblemList& found, const ApplicantsSheet& sheet, ProblemList& out);

// "applicants.xlsx: 第N行" for applicant k (Applicant::source).
std::string applicant_xlsx_source(const ApplicantsSheet& sheet, std::size_t k);

}  // namespace award::ingest
