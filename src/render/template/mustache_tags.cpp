// Tokenizing and checking the Mustache tags of a document template.
#include "render/template/mustache_tags.hpp"

#include <algorithm>

namespace award::tpl {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string at(const std::string& file, int line) { return file + ":" + std::to_string(line) + ": "; }

const char* kind_word(VariableKind k) {
    switch (k) {
        case VariableKind::Text: return "text";
        case VariableKind::Flag: return "yes/no flag";
        case VariableKind::List: return "list";
        case VariableKind::Figure: return "figure";
    }
    return "";
}

}  // namespace

std::vector<Tag> tokenize(const std::string& text, int first_line, const std::string& file,
                          std::vector<std::string>& errors) {
    std::vector<Tag> tags;
    int line = first_line;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            ++line, ++i;
            continue;
        }
        if (text.compare(i, 2, "{{") != 0) {
            ++i;
            continue;
        }
        Tag t{Tag::Kind::Variable, "", line, i, 0};
        const bool triple = text.compare(i, 3, "{{{") == 0;
        const std::string closer = triple ? "}}}" : "}}";
        const std::size_t start = i + (triple ? 3 : 2);
        const std::size_t close = text.find(closer, start);
        if (close == std::string::npos) {
            errors.push_back(at(file, line) + "`{{` is never closed by `}}`");
            return tags;
        }
        std::string inner = text.substr(start, close - start);
        t.end = close + closer.size();
        if (triple) {
            t.kind = Tag::Kind::Raw;
        } else if (!inner.empty()) {
            switch (inner[0]) {
                case '#': t.kind = Tag::Kind::Section; break;
                case '^': t.kind = Tag::Kind::Inverted; break;
                case '/': t.kind = Tag::Kind::Close; break;
                case '!': t.kind = Tag::Kind::Comment; break;
                case '&': t.kind = Tag::Kind::Raw; break;
                case '>': t.kind = Tag::Kind::Partial; break;
                case '=': t.kind = Tag::Kind::Delimiters; break;
                default: break;
            }
            if (t.kind != Tag::Kind::Variable) inner.erase(0, 1);
        }
        t.name = trim(inner);
        for (std::size_t k = i; k < t.end; ++k) line += text[k] == '\n';
        i = t.end;
        tags.push_back(std::move(t));
    }
    return tags;
}

namespace {

struct Open {
    const Tag* tag;
    const std::vector<TemplateVariable>* scope;  // the item's variables inside a list section, else null
};

const TemplateVariable* lookup(const std::string& name, const std::vector<const std::vector<TemplateVariable>*>& scopes) {
    for (auto s = scopes.rbegin(); s != scopes.rend(); ++s)
        for (const auto& v : **s)
            if (v.name == name) return &v;
    return nullptr;
}

std::string known_names(const std::vector<const std::vector<TemplateVariable>*>& scopes) {
    std::string out;
    std::vector<std::string> seen;
    for (auto s = scopes.rbegin(); s != scopes.rend(); ++s)
        for (const auto& v : **s) {
            if (std::find(seen.begin(), seen.end(), v.name) != seen.end()) continue;
            seen.push_back(v.name);
            out += (out.empty() ? "" : ", ") + v.name;
        }
    return out.empty() ? "(none)" : out;
}

}  // namespace

void check_tags(const std::vector<Tag>& tags, const TemplateSchema& schema, const std::string& file,
                std::vector<std::string>& errors) {
    std::vector<Open> open;
    std::vector<const std::vector<TemplateVariable>*> scopes{&schema.variables()};
    auto pop = [&] {
        if (open.back().scope) scopes.pop_back();
        open.pop_back();
    };

    for (const Tag& t : tags) {
        const std::string where = at(file, t.line);
        switch (t.kind) {
            case Tag::Kind::Comment: continue;
            case Tag::Kind::Raw:
                errors.push_back(where + "`{{{" + t.name + "}}}` / `{{&" + t.name +
                                 "}}`: unescaped values are not allowed in document templates; write {{" + t.name + "}}");
                continue;
            case Tag::Kind::Partial:
                errors.push_back(where + "`{{>" + t.name + "}}`: partials are not supported in document templates");
                continue;
            case Tag::Kind::Delimiters:
                errors.push_back(where + "`{{=" + t.name + "}}`: changing the tag delimiters is not supported");
                continue;
            case Tag::Kind::Close: {
                if (open.empty()) {
                    errors.push_back(where + "{{/" + t.name + "}} closes a section that was never opened");
                    continue;
                }
                if (open.back().tag->name == t.name) {
                    pop();
                    continue;
                }
                const auto match = std::find_if(open.rbegin(), open.rend(), [&](const Open& o) { return o.tag->name == t.name; });
                const Tag& top = *open.back().tag;
                errors.push_back(where + "{{/" + t.name + "}} does not match the open section {{" +
                                 (top.kind == Tag::Kind::Inverted ? "^" : "#") + top.name + "}} of line " +
                                 std::to_string(top.line) + "; close that one first with {{/" + top.name + "}}");
                if (match != open.rend()) {
                    // Close up to the matching section, so later tags are checked in the right scope.
                    while (open.back().tag->name != t.name) pop();
                    pop();
                }
                continue;
            }
            case Tag::Kind::Variable:
            case Tag::Kind::Section:
            case Tag::Kind::Inverted: break;
        }

        const TemplateVariable* v = t.name.empty() ? nullptr : lookup(t.name, scopes);
        if (!v) {
            errors.push_back(where + "unknown variable `" + t.name + "`; known here: " + known_names(scopes));
            if (t.kind != Tag::Kind::Variable) open.push_back({&t, nullptr});
            continue;
        }
        if (v->kind == VariableKind::Figure) {
            if (t.kind != Tag::Kind::Variable)
                errors.push_back(where + "`" + t.name + "` is a figure (chart or table), not a section: print it with {{" +
                                 t.name + "}} alone in its paragraph");
            if (t.kind != Tag::Kind::Variable) open.push_back({&t, nullptr});
            continue;
        }
        if (t.kind == Tag::Kind::Variable) {
            if (v->kind != VariableKind::Text)
                errors.push_back(where + "`" + t.name + "` is a " + kind_word(v->kind) + ", not a text: use {{#" + t.name +
                                 "}}…{{/" + t.name + "}}");
            continue;
        }
        if (t.kind == Tag::Kind::Section && v->kind == VariableKind::Text)
            errors.push_back(where + "`" + t.name + "` is a text, not a section: print it with {{" + t.name +
                             "}} (only {{^" + t.name + "}}…{{/" + t.name + "}} may test it for being empty)");
        const bool list_scope = t.kind == Tag::Kind::Section && v->kind == VariableKind::List;
        open.push_back({&t, list_scope ? &v->fields : nullptr});
        if (list_scope) scopes.push_back(&v->fields);
    }
    for (const Open& o : open)
        errors.push_back(at(file, o.tag->line) + "section {{" + (o.tag->kind == Tag::Kind::Inverted ? "^" : "#") +
                         o.tag->name + "}} is never closed: add {{/" + o.tag->name + "}}");
}

std::string blank_tags(const std::string& text, const std::vector<Tag>& tags) {
    std::string out;
    std::size_t pos = 0;
    for (const Tag& t : tags) {
        out.append(text, pos, t.begin - pos);
        if (t.kind != Tag::Kind::Comment) out += 'x';
        out.append(static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(t.begin),
                                                       text.begin() + static_cast<long>(t.end), '\n')),
                   '\n');
        pos = t.end;
    }
    out.append(text, pos);
    return out;
}

}  // namespace award::tpl
