// The registry's workbook (往年获奖记录.xlsx, samples/README.md 第 14.1 节): which sheets,
// which columns, and which field of the JSON format (registry_json.cpp) each column is.
// One table read by both the import (registry_xlsx_import.cpp) and the export
// (registry_xlsx_export.cpp), so a column added here is read and written alike.
// Internal to src/registry.
#pragma once
#include <string>
#include <vector>

namespace award::registry_xlsx {

// How a cell is read and written.
enum class Kind {
    Text,      // text; a number cell is taken as the digits shown
    Code,      // text kept exactly (codes, numbers, hashes): a long number Excel rounded is refused
    Integer,   // a whole number (number cell, or digits typed as text; "30,000" too)
    Decimal,   // a number with at most 2 decimals, kept as written (report figures)
    Date,      // a date cell, or text YYYY-MM-DD
    MonthDay,  // "03-31" (text, or a date cell whose month and day are taken)
    Bool,      // 是/否 (or a TRUE/FALSE cell)
    Outcome,   // 结果 in Chinese: outcome_words()
};

struct Column {
    std::string header;
    // 0: a field of the row's own record; n > 0: of the record n levels up (the row's
    // parent: the cycle of an award, the award of an obligation, ...), which the row names
    // to be attached to it. Those are the parent's identity (Level::identity), except
    // "name": shown for the reader, checked against the parent's.
    int up = 0;
    std::string field;  // JSON field; "certificate/number" inside a nested object
    Kind kind = Kind::Text;
    bool required = false;  // the header must be there
    int low = 0, high = 0;  // Integer: the range offered by the export's data validation (0, 0: none)
};

// The kinds of record, from the top: each level's records sit in an array of its parent.
enum class Level { Cycle, Application, Award, Obligation, Report, Figure, Higher };

struct SheetSpec {
    std::string name;
    Level level;
    bool required;  // the workbook must have this sheet
    std::vector<Column> columns;
};

// The sheets in workbook order.
const std::vector<SheetSpec>& sheets();

// The level a record of `level` is attached to, and how many levels lie above it
// (Cycle and Higher: none, 0).
Level parent_of(Level level);
int depth_of(Level level);
// The array of the parent that holds records of `level` ("applications", "awards",
// "obligations", "reports", "figures"; "cycles" and "higher_awards" at the top).
const char* array_of(Level level);
// The fields that identify a record of `level` within its parent (Cycle: pack and year).
const std::vector<std::string>& identity(Level level);
// The sheet of `level` (Application has 申报结果 …).
const SheetSpec& sheet_of(Level level);

// The sheet the export adds with how to fill the others; the import skips it.
inline const std::string kNotesSheet = "说明";

// 结果: the words and the outcome codes of the JSON format (application_outcomes()).
struct OutcomeWord {
    std::string word, code;
};
const std::vector<OutcomeWord>& outcome_words();

}  // namespace award::registry_xlsx
