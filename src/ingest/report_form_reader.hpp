// Reading a winner's filled yearly report form back (获奖组织年度报送表): the XLSX that
// `award reports forms` wrote (render/xlsx/report_form_xlsx.hpp for its layout), as saved
// again by Excel, WPS or LibreOffice. Checks the file on its own: that it is one of our
// forms (hidden identification sheet), for a pack and obligation that has a form, made
// from the pack's current indicators; that the identity printed on it was not edited;
// every figure (a number of the indicator's kind) and who filled it. Whether the award
// and the year are due is the registry's business (cli/reports_command).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ingest/json_fields.hpp"
#include "model/policy.hpp"
#include "model/report_form.hpp"
#include "packs/policy_pack.hpp"

namespace award::ingest {

struct ReportFormRead {
    std::string file;              // as messages name it
    const Policy* policy = nullptr;
    const Obligation* obligation = nullptr;  // has a report_form
    ReportFormIdentity identity;   // as the form was generated (its identification sheet)
    std::string form_id;
    // Where the identity is shown, for the registry's checks: "工作表「报送表」 单元格 B3".
    std::string name_cell, code_cell, ident_record;
    std::string filled_by, phone;  // 填报人, 联系电话
    std::optional<Date> filled_on;  // 填报日期, when filled in
    std::vector<ReportFigure> figures;  // every indicator (pack order) × every year (oldest first)
};

// Every problem found is added to `out` (file, sheet and cell, field, value, expected);
// returns nullopt when the file cannot be used at all. A form with problems in its cells
// is returned too (with those figures left out): the caller checks `out`.
std::optional<ReportFormRead> read_report_form(const std::filesystem::path& file, const std::string& shown_name,
                                               const PolicyCatalog& packs, ProblemList& out);

}  // namespace award::ingest
