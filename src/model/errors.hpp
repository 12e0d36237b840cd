// Errors that reach the user. Each names where the problem is and what was expected.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace award {

// One problem in the user's input: file, record (JSON path or row), field, value, expectation.
struct Problem {
    std::string file;      // e.g. "applicants.json"
    std::string record;    // e.g. "/applicants/3 (许昌某某有限公司)" or "第5行"
    std::string field;     // e.g. "credit_code"
    std::string value;     // the bad value as given ("" when missing)
    std::string expected;  // what was expected, Chinese

    std::string message() const;  // one line, for the terminal
};

// Bad input: the run stops before writing anything. Exit status 2.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Problem> problems);
    const std::vector<Problem>& problems() const { return problems_; }

private:
    std::vector<Problem> problems_;
};

// A template, policy pack, calendar or font problem (data the program ships or the
// office edits, not the case). Exit status 2 as well: it is fixable input.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace award
