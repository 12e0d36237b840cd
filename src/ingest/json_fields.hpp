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

#include "model/date.hpp"
#include "model/errors.hpp"

namespace award::ingest {

using nlohmann::json;

// The problems found so far, in the order found.
struct ProblemList {
    std::vector<Problem> items;
    void add(std::string file, std::string record, std::string field, std::string value, std::string expected) {
        items.push_back({std::move(file), std::move(record), std::move(field), std::move(value), std::move(expected)});
    }
};

enum class Need { required, optional };

// Text helpers shared by the readers.
std::string trim(const std::string& s);  // spaces, tabs, line breaks and the full-width space U+3000
std::string join(const std::vector<std::string>& items, const std::string& separator = "、");
std::string excerpt(const std::string& s, std::size_t max_chars = 60);  // cut at a character, not a byte
std::string as_given(const json& value);  // strings as written, other values as JSON text

// Line and column (1-based, column in characters) of a byte offset (0-based) in text.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition position_of(const std::string& text, std::size_t byte_offset);

// Reads CASE_DIR/name. Missing (when required), unreadable or not JSON: reports one
// problem and returns nullopt. Missing and optional: nullopt without a problem.
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

    // Non-empty text, trimmed of surrounding spaces.
    std::optional<std::string> text(const std::string& field, Need need) const;
    // Non-empty text exactly as written (codes, where a stray space is itself the mistake).
    std::optional<std::string> exact_text(const std::string& field, Need need) const;
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

    ProblemList& out_;
    std::string file_;
    std::string record_;
    const json& object_;
    std::vector<std::string> allowed_;
};

// Expected-text fragments, so the same thing is always asked for in the same words.
inline const std::string kExpectText = "非空文本";
inline const std::string kExpectDate = "真实存在的日期，格式 YYYY-MM-DD（如 2026-09-18）";
inline const std::string kExpectBool = "true 或 false（不加引号）";
inline const std::string kExpectArray = "数组 [ … ]（没有时写 []）";
inline const std::string kExpectObject = "对象 { … }";

}  // namespace award::ingest
