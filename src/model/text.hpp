// Small text helpers shared by every stage.
#pragma once
#include <string>
#include <vector>

namespace award {

// "a、b、c": lists in messages and letters are joined with the enumeration comma.
inline std::string join(const std::vector<std::string>& parts, const std::string& separator = "、") {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
    return out;
}

}  // namespace award
