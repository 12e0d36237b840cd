// File names made from user text (organisation names, stage names, reviewer names).
#pragma once
#include <cstddef>
#include <string>

namespace award {

// A name from user text made safe as one path component: no separators, control or
// reserved characters, no leading dots, no trailing dots or spaces, at most
// `max_bytes` bytes (whole UTF-8 characters). Never empty.
std::string sanitize_file_name(const std::string& user_text, std::size_t max_bytes = 200);

}  // namespace award
