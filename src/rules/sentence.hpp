// Sentence templates with {placeholders}: the letter sentences (fail_text) of a
// policy pack. A placeholder is `{` letters, digits or `_` `}`; there is no escape,
// because the letters never need a literal brace.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace award {

// The placeholder names in a template, in order of appearance (repeats kept).
// Throws std::invalid_argument on a stray `{` or `}` or an empty/ill-formed name,
// saying where (byte offset) and what.
std::vector<std::string> template_placeholders(const std::string& text);

// Replaces every {name} by values.at(name). Throws std::invalid_argument for a
// placeholder missing from `values` (packs are checked when loaded, so this is a bug).
std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values);

// Text quoted inside “…”: its own “” become ‘’ (nested quotation marks, GB/T 15834).
std::string nest_quotes(const std::string& text);

}  // namespace award
