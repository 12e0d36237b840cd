// What a text value of the case folder may contain, and how to show any value
// safely in a message. Internal to ingest.
#pragma once
#include <cstddef>
#include <string>

namespace award::ingest {

// Length limits, in characters (code points, not bytes): long enough for any real
// value, short enough for a line of the documents.
inline constexpr std::size_t kNameMaxChars = 100;         // 单位名称
inline constexpr std::size_t kAddressMaxChars = 200;      // 通讯地址
inline constexpr std::size_t kIndustryMaxChars = 50;      // 所属行业
inline constexpr std::size_t kDescriptionMaxChars = 500;  // 事故简要经过
inline constexpr std::size_t kShortTextMaxChars = 100;    // every other text

// Number of characters of UTF-8 text (an invalid byte counts as one).
std::size_t char_count(const std::string& s);

// True when s is well-formed UTF-8.
bool is_valid_utf8(const std::string& s);

// s with control characters (Unicode Cc) and format characters (Cf: direction
// overrides, zero-width characters, U+FEFF …) written as \u0007, and bytes that are
// not UTF-8 as \xC6, so a message never carries them raw to the terminal.
std::string shown(const std::string& s);

// Empty when every character of s can go into a document; otherwise which character
// is the first that cannot and why ("第5个字符 U+0007 是控制字符"). Refused: control
// characters, format characters, and characters outside the Basic Multilingual Plane
// (emoji, CJK Extension B), which the documents' fonts cannot draw.
std::string character_problem(const std::string& s);

// What a text field may contain, for the expectation of a problem.
extern const std::string kExpectPlainText;

// Empty when s is a 发文字号 of the form of GB/T 9704 (机关代字〔年份〕序号号, e.g.
// 魏质奖秘〔2026〕3号); otherwise what is wrong with it. year_out, when not null,
// receives the year written in it (0 if none could be read).
std::string document_number_problem(const std::string& s, int* year_out = nullptr);

}  // namespace award::ingest
