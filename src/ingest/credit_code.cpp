#include "ingest/credit_code.hpp"
#include "model/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace award {

namespace {

// GB 32100-2015: the 31 characters a code may use (no I, O, Z, S, V).
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::size_t kLength = 18;

// Weights of positions 1-17: 3^(i-1) mod 31.
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
    auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : int(pos);
}

std::string position(std::size_t index) { return "第" + std::to_string(index + 1) + "位"; }

}  // namespace

std::optional<char> credit_code_check_char(std::string_view first17) {
    if (first17.size() != kWeights.size()) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < first17.size(); ++i) {
        int v = value_of(first17[i]);
        if (v < 0) return std::nullopt;
        sum += v * kWeights[i];
    }
    return kAlphabet[std::size_t((31 - sum % 31) % 31)];
}

std::string credit_code_problem(std::string_view code) {
    const auto chars = utf8::characters(code);
    if (chars.size() != kLength)
        return "应为 18 位字符，实际为 " + std::to_string(chars.size()) + " 位";
    // Lowercase first: the likeliest slip, and the fix is plain (ingest does not make it).
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const auto& c = chars[i];
        if (c.size() == 1 && c[0] >= 'a' && c[0] <= 'z')
            return position(i) + "“" + std::string(c) + "”是小写字母，统一社会信用代码中的字母应为大写";
    }
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const auto& c = chars[i];
        if (c.size() != 1 || value_of(c[0]) < 0)
            return position(i) + "“" + std::string(c) + "”不是统一社会信用代码可用的字符（只用数字 0-9 和除 I、O、Z、S、V 以外的大写字母，均为半角）";
    }
    char expected = *credit_code_check_char(code.substr(0, 17));
    if (code[17] != expected)
        return std::string("校验位（第18位）应为 ") + expected + "，实际为 " + code[17];
    return {};
}

bool applicant_codes_known(const Case& c) {
    return !c.applicants.empty() && std::all_of(c.applicants.begin(), c.applicants.end(), [](const Applicant& a) {
        return credit_code_problem(a.credit_code).empty();
    });
}

}  // namespace award
