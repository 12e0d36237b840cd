#include "rules/sentence.hpp"

#include <stdexcept>

namespace award {

namespace {

bool is_name_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

// Walks the template, calling on_text for literal runs and on_name for placeholders.
template <class OnText, class OnName>
void scan(const std::string& text, OnText on_text, OnName on_name) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t open = text.find_first_of("{}", i);
        if (open == std::string::npos) {
            on_text(text.substr(i));
            return;
        }
        if (text[open] == '}') {
            throw std::invalid_argument("多余的 \"}\"（第 " + std::to_string(open) + " 字节）");
        }
        on_text(text.substr(i, open - i));
        std::size_t close = text.find_first_of("{}", open + 1);
        if (close == std::string::npos || text[close] != '}') {
            throw std::invalid_argument("\"{\" 没有对应的 \"}\"（第 " + std::to_string(open) + " 字节）");
        }
        std::string name = text.substr(open + 1, close - open - 1);
        bool ok = !name.empty();
        for (char ch : name) ok = ok && is_name_char(ch);
        if (!ok) {
            throw std::invalid_argument("占位符 {" + name + "} 的名称应为英文字母、数字或下划线（第 " +
                                        std::to_string(open) + " 字节）");
        }
        on_name(name);
        i = close + 1;
    }
}

}  // namespace

std::vector<std::string> template_placeholders(const std::string& text) {
    std::vector<std::string> names;
    scan(text, [](const std::string&) {}, [&](const std::string& n) { names.push_back(n); });
    return names;
}

std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    scan(text, [&](const std::string& t) { out += t; },
         [&](const std::string& n) {
             auto it = values.find(n);
             if (it == values.end()) throw std::invalid_argument("no value for placeholder {" + n + "}");
             out += it->second;
         });
    return out;
}

std::string nest_quotes(const std::string& text) {
    static const std::string open = "\u201C", close = "\u201D", inner_open = "\u2018", inner_close = "\u2019";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, open.size(), open) == 0) {
            out += inner_open;
            i += open.size();
        } else if (text.compare(i, close.size(), close) == 0) {
            out += inner_close;
            i += close.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace award
