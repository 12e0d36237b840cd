// Reading a document template: the front matter between `---` lines, then the body.
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "render/template/document_template.hpp"

namespace award::tpl {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// Errors name the file from its templates/ folder on, as the office sees it.
std::string display_name(const fs::path& p) {
    fs::path out;
    bool found = false;
    for (const auto& part : p) {
        if (part == "templates") found = true, out.clear();
        if (found) out /= part;
    }
    return found ? out.generic_string() : p.generic_string();
}

bool yes_no(const std::string& v, bool& out) {
    if (v == "yes") return out = true, true;
    if (v == "no") return out = false, true;
    return false;
}

}  // namespace

DocumentTemplate load_document_template(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(display_name(path) + ": cannot read the document template (" + path.string() + ")");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    DocumentTemplate t = parse_document_template(text, display_name(path));
    t.path = path;
    return t;
}

DocumentTemplate parse_document_template(const std::string& text_in, const std::string& name) {
    std::string text = text_in;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a BOM some editors add

    DocumentTemplate t;
    t.name = name;
    std::vector<std::string> errors;
    auto error = [&](int line, const std::string& msg) { errors.push_back(name + ":" + std::to_string(line) + ": " + msg); };

    std::istringstream in(text);
    std::string line;
    int n = 0;
    if (!std::getline(in, line) || trim(line) != "---") {
        throw ConfigError(name + ":1: a document template starts with a line `---`, then its `key: value` lines "
                                 "(layout, title, addressee, masthead, signature), then a line `---`; found \"" +
                          trim(line) + "\"");
    }
    n = 1;
    bool closed = false;
    std::set<std::string> seen;
    bool has_layout = false, has_title = false;
    while (std::getline(in, line)) {
        ++n;
        const std::string l = trim(line);
        if (l == "---") {
            closed = true;
            break;
        }
        if (l.empty() || l[0] == '#') continue;
        const auto colon = l.find(':');
        if (colon == std::string::npos) {
            error(n, "expected `key: value` in the front matter, found \"" + l + "\"");
            continue;
        }
        const std::string key = trim(l.substr(0, colon));
        std::string value = trim(l.substr(colon + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (!seen.insert(key).second) {
            error(n, "key `" + key + "` is given twice");
            continue;
        }
        if (key == "layout") {
            has_layout = true;
            if (value != "gongwen") error(n, "unknown layout \"" + value + "\"; expected: gongwen");
            t.layout = value;
        } else if (key == "title") {
            has_title = true;
            if (value.empty()) error(n, "title is empty");
            t.title = value;
            t.title_line = n;
        } else if (key == "addressee") {
            t.addressee = value;
            t.addressee_line = n;
        } else if (key == "masthead" || key == "signature") {
            if (!yes_no(value, key == "masthead" ? t.masthead : t.signature))
                error(n, key + " must be yes or no, found \"" + value + "\"");
        } else {
            error(n, "unknown key `" + key + "`; expected one of: layout, title, addressee, masthead, signature");
        }
    }
    if (!closed) {
        error(1, "the front matter opened here is never closed by a line `---`");
    } else {
        if (!has_layout) error(1, "the front matter has no `layout:` (expected: gongwen)");
        if (!has_title) error(1, "the front matter has no `title:`");
    }
    if (!errors.empty()) {
        std::string msg;
        for (const auto& e : errors) msg += (msg.empty() ? "" : "\n") + e;
        throw ConfigError(msg);
    }
    t.body_line = n + 1;
    std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    t.body = std::move(rest);
    return t;
}

}  // namespace award::tpl
