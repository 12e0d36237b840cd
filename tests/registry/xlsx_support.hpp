// Shared by the registry workbook tests: writing a workbook as another program would
// (openpyxl, with Debian's /usr/bin/python3), and listing problems.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"
#include "support.hpp"

namespace registry_test {

// {"sheets": [{"name": …, "rows": [[cell, …], …], "hidden": false}]}: a cell {"date": "YYYY-MM-DD"}
// becomes a date cell (shown yyyy-mm-dd), numbers number cells, strings text, true/false
// boolean cells, null an empty cell.
inline const char* kWorkbookWriter = R"PY(
import datetime, json, sys
import openpyxl
spec = json.load(open(sys.argv[1], encoding='utf-8'))
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec['sheets']:
    ws = wb.create_sheet(s['name'])
    if s.get('hidden'): ws.sheet_state = 'hidden'
    for r in s['rows']:
        ws.append([datetime.date.fromisoformat(v['date']) if isinstance(v, dict) else v for v in r])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, (datetime.date, datetime.datetime)): c.number_format = 'yyyy-mm-dd'
wb.save(sys.argv[2])
)PY";

// Writes the workbook `spec` to `out`; returns "" or what python said.
inline std::string write_workbook(const TempDir& tmp, const nlohmann::json& spec, const std::filesystem::path& out) {
    const auto script = tmp.write("write_workbook.py", kWorkbookWriter);
    const auto json_file = tmp.write("workbook.json", spec.dump());
    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + json_file.string() + "' '" + out.string() + "' 2>&1";
    std::string said;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return "popen failed";
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) said.append(buf, n);
    const int status = pclose(p);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? std::string() : "openpyxl could not write the workbook: " + said;
}

inline std::string problem_list(const std::vector<award::Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.message() + "\n";
    return s;
}

}  // namespace registry_test
