// Reading a JSON data file the office may edit (policy packs, the holiday calendar,
// certificate templates) and collecting every problem in it,
// each named by the file and a JSON pointer (RFC 6901), e.g.
// "templates/policies/weidu.json: /checks/3/params/years: 应为不小于 1 的整数，实际为字符串 \"5\"".
#pragma once
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace award::packs_detail {

// Parses the file; ConfigError when it cannot be opened or is not JSON (with line and column).
nlohmann::json read_json_file(const std::filesystem::path& file);

// "a/b" → "a~1b": a key as one JSON pointer token.
std::string pointer_token(const std::string& key);

std::string describe(const nlohmann::json& v);  // type and value, for messages

class ConfigProblems {
public:
    explicit ConfigProblems(std::filesystem::path file) : file_(std::move(file)) {}
    void add(const std::string& pointer, const std::string& message);
    bool empty() const { return lines_.empty(); }
    // One ConfigError listing every problem, one per line.
    void throw_if_any() const;
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::vector<std::string> lines_;
};

// Typed access to one JSON object's fields; a wrong or missing field becomes a problem
// and reads as nullopt/nullptr.
class ObjectReader {
public:
    ObjectReader(const nlohmann::json& object, std::string pointer, ConfigProblems& problems);
    bool ok() const { return object_.is_object(); }
    const std::string& pointer() const { return pointer_; }
    std::string at(const std::string& key) const { return pointer_ + "/" + pointer_token(key); }

    std::optional<std::string> text(const std::string& key, bool required = true);  // non-empty string
    std::optional<long long> integer(const std::string& key, long long min, bool required = true);
    std::optional<double> number(const std::string& key, double min, double max, bool required = true);
    std::optional<bool> boolean(const std::string& key, bool required = true);
    const nlohmann::json* array(const std::string& key, bool required = true);
    const nlohmann::json* object(const std::string& key, bool required = true);
    const nlohmann::json* any(const std::string& key, bool required = true);
    // Unknown keys are typos more often than not: name them and the known ones.
    void only_keys(std::initializer_list<const char*> known);

private:
    const nlohmann::json* find(const std::string& key, bool required, const char* expected);
    const nlohmann::json& object_;
    std::string pointer_;
    ConfigProblems& problems_;
};

}  // namespace award::packs_detail
