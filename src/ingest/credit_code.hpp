// 统一社会信用代码 (GB 32100-2015).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/case.hpp"

namespace award {

// The check character the first 17 characters call for, or nullopt when one of
// them is outside the code's alphabet (0-9 and A-Y without I, O, Z, S, V).
std::optional<char> credit_code_check_char(std::string_view first17);

// Empty when valid; otherwise what is wrong, in Chinese (length, a bad character
// and its position, or the check character expected).
std::string credit_code_problem(std::string_view code);

// Whether the applicants' credit codes can be compared with: with the applicant list
// unreadable, or a code there already reported as wrong, a mismatch in a file that
// refers to applicants is that same mistake and is not reported again.
bool applicant_codes_known(const Case& c);

}  // namespace award
