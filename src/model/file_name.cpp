#include "model/file_name.hpp"

#include <string_view>

#include "model/utf8.hpp"

namespace award {

std::string sanitize_file_name(const std::string& s, std::size_t max_bytes) {
    std::string out;
    for (auto ch : utf8::characters(s)) {
        const auto b = static_cast<unsigned char>(ch[0]);
        if (ch.size() != utf8::sequence_length(b)) break;  // a truncated sequence: drop it
        // 200 bytes by default (66 CJK characters) keeps a whole organisation name in
        // nearly every case and leaves room, under the 255-byte limit of a file name,
        // for "（2）.pdf" and the temporary name a document is written under.
        if (out.size() + ch.size() > max_bytes) break;
        if (ch.size() == 1) {
            const bool reserved = b < 0x20 || b == 0x7F || std::string_view("/\\:*?\"<>|").find(char(b)) != std::string_view::npos;
            out += reserved ? '_' : char(b);
        } else {
            out += ch;
        }
    }
    // No hidden files, no "." or "..", no trailing dots or spaces (Windows drops them).
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    return out.empty() ? "未命名" : out;
}

}  // namespace award
