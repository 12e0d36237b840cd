#include "ingest/text_rules.hpp"

#include <cstdio>

namespace award::ingest {

namespace {

// One character of UTF-8 text: its code point and how many bytes it takes.
// An ill-formed sequence is one invalid byte (valid == false).
struct Char {
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = false;
};

Char decode_at(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1, true};
    std::size_t length = 0;
    char32_t code = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) length = 2, code = b0 & 0x1F, min = 0x80;
    else if ((b0 & 0xF0) == 0xE0) length = 3, code = b0 & 0x0F, min = 0x800;
    else if ((b0 & 0xF8) == 0xF0) length = 4, code = b0 & 0x07, min = 0x10000;
    else return {};
    if (i + length > s.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return {};
    return {code, length, true};
}

bool is_control(char32_t c) { return c <= 0x1F || (c >= 0x7F && c <= 0x9F); }  // Unicode Cc

// Unicode Cf in the Basic Multilingual Plane (beyond it every character is refused anyway).
bool is_format(char32_t c) {
    return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD || c == 0x070F ||
           (c >= 0x0890 && c <= 0x0891) || c == 0x08E2 || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) ||
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

std::string code_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

std::string escaped(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
    return buffer;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

const std::string kOpen = "〔";   // U+3014
const std::string kClose = "〕";  // U+3015

}  // namespace

const std::string kExpectPlainText =
    "不含控制字符、方向控制符或基本多文种平面以外字符（如表情符号、扩展B区汉字）的文本；"
    "扩展B区生僻字请改用常用写法或联系维护人员";

std::size_t char_count(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += decode_at(s, i).length) ++n;
    return n;
}

bool is_valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        Char c = decode_at(s, i);
        if (!c.valid) return false;
        i += c.length;
    }
    return true;
}

std::string shown(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        Char c = decode_at(s, i);
        if (!c.valid) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
            out += buffer;
        } else if (is_control(c.code) || is_format(c.code)) {
            out += escaped(c.code);
        } else {
            out.append(s, i, c.length);
        }
        i += c.length;
    }
    return out;
}

std::string character_problem(const std::string& s) {
    std::size_t position = 0;
    for (std::size_t i = 0; i < s.size();) {
        Char c = decode_at(s, i);
        ++position;
        const std::string where = "第" + std::to_string(position) + "个字符";
        if (!c.valid) return where + "不是 UTF-8 编码";
        if (is_control(c.code)) return where + " " + code_name(c.code) + " 是控制字符（如换行、制表符、响铃）";
        if (is_format(c.code))
            return where + " " + code_name(c.code) + " 是看不见的格式字符（方向控制符、零宽字符等）";
        if (c.code > 0xFFFF)
            return where + "“" + s.substr(i, c.length) + "”（" + code_name(c.code) +
                   "）在基本多文种平面以外，文书字体无法显示";
        i += c.length;
    }
    return "";
}

std::string document_number_problem(const std::string& s, int* year_out) {
    if (year_out) *year_out = 0;
    const auto open = s.find(kOpen);
    if (open == std::string::npos) {
        for (const char* bracket : {"[", "(", "（", "【", "〈", "<"})
            if (s.find(bracket) != std::string::npos) return "年份须用六角括号〔〕括起来，不用 [ ]、( )、【】等";
        return "缺少用六角括号括起来的年份〔YYYY〕";
    }
    if (open == 0) return "〔年份〕前缺少机关代字";
    std::size_t i = open + kOpen.size();
    std::size_t digits = 0;
    while (i + digits < s.size() && is_digit(s[i + digits])) ++digits;
    if (digits != 4) return "年份须写全 4 位半角数字，如〔2026〕";
    const int year = std::stoi(s.substr(i, 4));
    i += 4;
    if (s.compare(i, kClose.size(), kClose) != 0) return "年份后须紧跟六角括号〕";
    if (year_out) *year_out = year;
    i += kClose.size();
    if (s.compare(i, std::string("第").size(), "第") == 0) return "序号前不加“第”";
    std::size_t number = 0;
    while (i + number < s.size() && is_digit(s[i + number])) ++number;
    if (number == 0) return "〕后须是序号（半角数字）";
    if (s[i] == '0') return "序号不编虚位（不在前面补 0）";
    if (s.substr(i + number) != "号") return "序号后须以“号”结尾，其后不再有其他文字";
    return "";
}

}  // namespace award::ingest
