// Reading fields of user-written JSON while collecting every problem found.
// Internal to ingest: each accessor reports what is wrong (file, record, field,
// value as given, what was expected) and returns nullopt, so the caller can go on
// checking the rest of the file instead of stopping at the first mistake.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/text_rules.hpp"
#include "model/date.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"

namespace award::ingest {

using nlohmann::json;

// The problems found so far, in the order found.
struct ProblemList {
    std::vector<Problem> items;
    // Every part is shown safely (control and format characters escaped, see
    // shown()), and an over-long value is cut, so a message is always one readable line.
    void add(const std::string& file, const std::string& record, const std::string& field, const std::string& value,
             const std::string& expected);
};

enum class Need { required, optional };

// Text helpers shared by the readers.
std::string trim(const std::string& s);  // spaces, tabs, line breaks and the full-width space U+3000
std::string excerpt(const std::string& s, std::size_t max_chars = 60);  // cut at a character, not a byte
// Strings as written, numbers and literals as JSON text, arrays and objects by kind
// and size ("数组（3 项）"): never the whole of a nested value.
std::string as_given(const json& value);

// Line and column (1-based, column in characters) of a byte offset (0-based) in text.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition position_of(const std::string& text, std::size_t byte_offset);

// Deepest nesting of arrays and objects a case file may have (the files need 5).
inline constexpr std::size_t kMaxJsonNesting = 32;

// Reads CASE_DIR/name. Missing (when required), unreadable, not JSON or nested deeper
// than kMaxJsonNesting: reports one problem and returns nullopt. Missing and optional:
// nullopt without a problem. A key written twice in one object is reported (with its
// line and column) and the first value is kept, so the other checks can go on.
std::optional<json> load_json_file(const std::filesystem::path& case_dir, const std::string& name, Need need,
                                   ProblemList& out);

// One JSON object of the user's input: where it is (file and record, for messages)
// and which field names it may have.
class Fields {
public:
    Fields(ProblemList& out, std::string file, std::string record, const json& object,
           std::vector<std::string> allowed);

    const std::string& file() const { return file_; }
    const std::string& record() const { return record_; }

    // The field's value; nullptr when absent or null (null counts as not given).
    const json* find(const std::string& field) const;
    void problem(const std::string& field, const std::string& value, const std::string& expected) const;

    // Non-empty text, trimmed of surrounding spaces, of at most max_chars characters
    // and only of characters the documents can show (see character_problem()).
    std::optional<std::string> text(const std::string& field, Need need,
                                    std::size_t max_chars = kShortTextMaxChars) const;
    // The same, exactly as written (codes, where a stray space is itself the mistake).
    std::optional<std::string> exact_text(const std::string& field, Need need,
                                          std::size_t max_chars = kShortTextMaxChars) const;
    // Text of several lines ("\n" or "\r\n" between them, as the program writes a list
    // of reasons): each line as text() would take it, blank lines dropped, at most
    // max_chars characters in all; the lines joined by "\n".
    std::optional<std::string> lines(const std::string& field, Need need, std::size_t max_chars) const;
    // A real calendar day written YYYY-MM-DD.
    std::optional<Date> date(const std::string& field, Need need) const;
    // A JSON integer (not a string, not 2026.0) in [low, high].
    std::optional<int> integer(const std::string& field, Need need, int low, int high) const;
    std::optional<bool> boolean(const std::string& field, Need need) const;
    // An array or object value; nullptr (after reporting, when required) otherwise.
    const json* array(const std::string& field, Need need) const;
    const json* object(const std::string& field, Need need) const;
    // Text that must be one of the given values.
    std::optional<std::string> one_of(const std::string& field, Need need, const std::vector<std::string>& values) const;

    // Reports every field not in the allowed list (a typo such as "fouded").
    void report_unknown_fields() const;

private:
    // Reports a missing required field; returns the value or nullptr.
    const json* given(const std::string& field, Need need, const std::string& expected) const;
    std::optional<std::string> checked_text(const std::string& field, Need need, bool trimmed,
                                            std::size_t max_chars) const;

    ProblemList& out_;
    std::string file_;
    std::string record_;
    const json& object_;
    std::vector<std::string> allowed_;
};

// 发文字号 (GB/T 9704) in the field "document_number": 机关代字〔年份〕序号号, the year that
// of the cycle (when known) or of the document's date (`date_label` names that field).
void check_document_number(const Fields& f, const std::string& number, std::optional<int> cycle_year,
                           const std::optional<Date>& date, const std::string& date_label, const std::string& example);


// Expected-text fragments, so the same thing is always asked for in the same words.
inline const std::string kExpectText = "非空文本";
inline const std::string kExpectDate = "真实存在的日期，格式 YYYY-MM-DD（如 2026-09-18）";
inline const std::string kExpectBool = "true 或 false（不加引号）";
inline const std::string kExpectArray = "数组 [ … ]（没有时写 []）";
inline const std::string kExpectObject = "对象 { … }";

// Empty when s is usable text of at most max_chars characters; otherwise the
// expectation for the problem (bad characters first, then length).
std::string text_expectation_problem(const std::string& s, std::size_t max_chars);

}  // namespace award::ingest
