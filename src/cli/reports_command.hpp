// `award reports forms|receive|status`: the yearly report forms of the winners
// (获奖组织年度报送表: 魏都区 第二十八条（二）, 中牟县 第二十九条), from the registry.
//
//   forms   --year Y: for every award whose obligation with a report_form has Y in its
//           window (registry obligations: first_year … first_year+years-1) and that was
//           not revoked on or before Y's due date, OUT/<pack>-<Y>年度报送表/<单位名称>.xlsx
//           and .pdf, written all together (cli/output_folder.hpp: an earlier, different
//           folder is kept, never overwritten).
//   receive FILE.xlsx…: every file read and checked first (ingest/report_form_reader and
//           the registry: the award, its obligation, the year due); any problem → all of
//           them listed and nothing recorded. Then each report and its figures in one
//           transaction; the same file again changes nothing; a corrected one replaces the
//           earlier (kept in the registry's history) and says so.
//   status  --year Y [--as-of D]: 已报送 / 未到期 / 逾期 for each winner due in Y:
//           OUT/<pack>-<Y>年度报送情况/报送情况.xlsx, and 催报通知.pdf to the overdue ones
//           (needs --issuer and --submit-by; --doc-number and --contact optional).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace award {

struct ReportsOptions {
    std::filesystem::path registry;  // the registry file (must exist)
    std::filesystem::path data_dir;  // templates/ and fonts/
    std::filesystem::path out_dir = "output";
    int year = 0;                    // --year
    std::string pack;                // --pack ("" : every pack with a form)
    std::vector<std::string> files;  // receive: the forms
    std::string received_on;         // receive: --received-on ("" : today)
    std::string as_of;               // status: --as-of ("" : today)
    std::string issuer, doc_number, submit_by, contact;  // status: the 催报通知
};

// Each returns the exit status; bad input throws InputError (nothing written, nothing
// recorded), a registry that cannot be used RegistryRefused.
int run_reports_forms(const ReportsOptions& o);
int run_reports_receive(const ReportsOptions& o);
int run_reports_status(const ReportsOptions& o);

// Today's civil date on this computer (the default of --received-on and --as-of).
Date today_local();

}  // namespace award
