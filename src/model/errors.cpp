#include "model/errors.hpp"

namespace award {

std::string Problem::message() const {
    std::string m = file;
    if (!record.empty()) m += ": " + record;
    if (!field.empty()) m += ": 字段 " + field;
    m += value.empty() ? "：缺少或为空" : "：值 \"" + value + "\"";
    if (!expected.empty()) m += "，应为" + expected;
    return m;
}

static std::string summarise(const std::vector<Problem>& ps) {
    std::string s = std::to_string(ps.size()) + " problem(s) in the input";
    for (const auto& p : ps) s += "\n  " + p.message();
    return s;
}

InputError::InputError(std::vector<Problem> problems)
    : std::runtime_error(summarise(problems)), problems_(std::move(problems)) {}

}  // namespace award
