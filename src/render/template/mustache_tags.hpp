// The Mustache tags of a template, read by our own small tokenizer so that
// every problem can be reported with its line before mstch renders anything.
#pragma once
#include <string>
#include <vector>

#include "render/template/document_template.hpp"

namespace award::tpl {

struct Tag {
    enum class Kind { Variable, Section, Inverted, Close, Comment, Raw, Partial, Delimiters } kind;
    std::string name;  // trimmed
    int line = 0;      // line of the `{{` in the file
    std::size_t begin = 0, end = 0;  // byte range of the whole tag in the text
};

// Tags of `text`, whose first line is line `first_line` of the file. An
// unterminated `{{` is reported into `errors` ("file:LINE: …").
std::vector<Tag> tokenize(const std::string& text, int first_line, const std::string& file,
                          std::vector<std::string>& errors);

// Checks the tags against the schema, appending "file:LINE: …" messages to `errors`.
void check_tags(const std::vector<Tag>& tags, const TemplateSchema& schema, const std::string& file,
                std::vector<std::string>& errors);

// `text` with each tag replaced by one letter (comments by nothing), keeping the
// line breaks: the Markdown structure of the template itself, lines unchanged.
std::string blank_tags(const std::string& text, const std::vector<Tag>& tags);

}  // namespace award::tpl
