// UTF-8 text as characters rather than bytes: the one decoder and encoder the
// program uses wherever it measures, splits or draws text. Input is validated
// by ingest (text_rules), so these are lenient: a byte that starts no valid
// sequence, or a sequence cut short, reads as U+FFFD.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace award::utf8 {

// Bytes in the sequence a lead byte starts; 1 for a byte that starts none.
inline std::size_t sequence_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

// Each character's bytes; a sequence cut short at the end is kept as it is.
inline std::vector<std::string_view> characters(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// The code point of one character as `characters` gives it.
inline char32_t code_point(std::string_view ch) {
    if (ch.empty()) return 0;
    const auto lead = static_cast<unsigned char>(ch[0]);
    const std::size_t n = sequence_length(lead);
    if (n != ch.size() || (n == 1 && lead >= 0x80)) return U'\uFFFD';
    char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3F);
    return cp;
}

inline std::u32string decode(std::string_view s) {
    std::u32string out;
    for (auto ch : characters(s)) out += code_point(ch);
    return out;
}

inline void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

inline std::string encode(char32_t c) {
    std::string s;
    append(s, c);
    return s;
}

}  // namespace award::utf8
