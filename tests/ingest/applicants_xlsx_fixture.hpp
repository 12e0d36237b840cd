// Writing an applicants.xlsx for a test, with openpyxl (Debian's /usr/bin/python3), as an
// office's own workbook would be: one header row, one row per applicant.
#pragma once

#include <filesystem>
#include <string>

#include "common/score_sheet_fixture.hpp"
#include "fixtures.hpp"

namespace award::test {

// {"headers": [...], "rows": [[...], ...]}; a cell {"date": "YYYY-MM-DD"} becomes a date cell
// (shown 2026年6月30日), numbers number cells, true/false boolean cells.
inline const char* kApplicantsXlsxWriter = R"PY(
import datetime, json, sys
import openpyxl
spec = json.load(open(sys.argv[1], encoding='utf-8'))
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '申报名单'
ws.append(spec['headers'])
for r in spec['rows']:
    ws.append([datetime.date.fromisoformat(v['date']) if isinstance(v, dict) else v for v in r])
for row in ws.iter_rows(min_row=2):
    for c in row:
        if isinstance(c.value, (datetime.date, datetime.datetime)): c.number_format = 'yyyy"年"m"月"d"日"'
wb.save(sys.argv[2])
)PY";

// Replaces the case folder's applicants.json by applicants.xlsx with these rows; the spec is
// written beside the folder, not in it. Returns "" or openpyxl's complaint.
inline std::string write_applicants_xlsx(const TempDir& tmp, const json& headers, const json& rows) {
    std::filesystem::remove(tmp.path() / "applicants.json");
    const std::filesystem::path spec = tmp.path().parent_path() / "sheet.json";
    write_json(spec, {{"headers", headers}, {"rows", rows}});
    const auto r = sheets::python(tmp, kApplicantsXlsxWriter, {spec.string(), (tmp.path() / "applicants.xlsx").string()});
    return r.status == 0 ? std::string() : "openpyxl could not write the workbook: " + r.out;
}

}  // namespace award::test
