#include "rules/industry.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace award {

namespace detail {
// templates/reference/gbt4754-2017.json as it was at build time (generated gbt4754_data.cpp).
extern const std::string_view kGbt4754Json;
}  // namespace detail

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

// Full-width ASCII forms (U+FF01–U+FF5E: Ｃ３４，（）) read as ASCII, the ideographic space
// U+3000 as a space; everything else unchanged.
std::string halfwidth(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 == 0xEF && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {  // U+FF01..U+FF3F
                out += char(0x20 + (b2 & 0x3F));
                i += 2;
                continue;
            }
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {  // U+FF40..U+FF5E
                out += char(0x60 + (b2 & 0x3F));
                i += 2;
                continue;
            }
        }
        if (b0 == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000
            out += ' ';
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string trim_ascii(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// A name as compared: half-width, no spaces, the comma written , or ， read as 、.
std::string name_key(std::string_view name) {
    std::string out;
    for (char c : halfwidth(name)) {
        if (is_space(c)) continue;
        if (c == ',') out += "、";
        else out += c;
    }
    return out;
}

// "其他制造业(发制品)" -> "其他制造业": a note in brackets at the end, after something.
std::string without_trailing_note(const std::string& s) {
    if (s.empty() || s.back() != ')') return s;
    int depth = 0;
    for (std::size_t i = s.size(); i-- > 0;) {
        if (s[i] == ')') ++depth;
        else if (s[i] == '(' && --depth == 0) {
            std::string head = trim_ascii(s.substr(0, i));
            return head.empty() ? s : head;
        }
    }
    return s;
}

bool is_separator(char c) { return is_space(c) || c == '-' || c == '.' || c == ':' || c == '_'; }

// One reading of part of the text, e.g. the code "C34" or the name "制造业".
struct Claim {
    std::string given;  // as written (after half-width), for messages
    const IndustrySection* section = nullptr;
    const IndustryDivision* division = nullptr;
};

std::string claim_place(const Claim& c) {
    return c.division ? "大类 " + c.division->label() + "（门类 " + c.section->label() + "）" : "门类 " + c.section->label();
}

}  // namespace

std::string IndustryResolution::description() const {
    if (!section) return "";
    return "门类 " + section->label() + (division ? "（大类 " + division->label() + "）" : "");
}

const IndustrySection* IndustryTable::find_section(std::string_view code) const {
    for (const auto& s : sections_)
        if (s.code == code) return &s;
    return nullptr;
}

const IndustryDivision* IndustryTable::find_division(std::string_view code) const {
    for (const auto& d : divisions_)
        if (d.code == code) return &d;
    return nullptr;
}

IndustryResolution IndustryTable::resolve(std::string_view text) const {
    IndustryResolution out;
    const std::string written = trim_ascii(halfwidth(text));
    if (written.empty()) {
        out.problem = "未填写所属行业";
        return out;
    }
    const std::string s = without_trailing_note(written);

    // A code first: a 门类 letter (not the start of a word such as "IT"), then 大类 digits.
    std::size_t i = 0;
    std::string letter, digits;
    if (is_letter(s[0]) && (s.size() == 1 || !is_letter(s[1]))) {
        letter = std::string(1, upper(s[0]));
        i = 1;
        while (i < s.size() && is_separator(s[i])) ++i;
    }
    while (i < s.size() && is_digit(s[i])) digits += s[i++];
    while (i < s.size() && is_separator(s[i])) ++i;
    const std::string name = s.substr(i);

    std::vector<Claim> claims;
    if (!letter.empty()) {
        const IndustrySection* sec = find_section(letter);
        if (!sec) {
            out.problem = "没有字母为 " + letter + " 的门类（门类为 A–T）";
            return out;
        }
        claims.push_back({letter, sec, nullptr});
    }
    if (!digits.empty()) {
        if (digits.size() < 2 || digits.size() > 4) {
            out.problem = "代码 " + digits + " 不是大类代码（两位数字 01–97，可在前面加门类字母，如 C34）";
            return out;
        }
        const IndustryDivision* div = find_division(digits.substr(0, 2));
        if (!div) {
            out.problem = "没有代码为 " + digits.substr(0, 2) + " 的大类（大类代码为 01–97）";
            return out;
        }
        claims.push_back({digits, find_section(div->section), div});
    }
    if (!name.empty()) {
        const std::string key = name_key(name);
        Claim c{name, nullptr, nullptr};
        for (const auto& d : divisions_)
            if (name_key(d.name) == key) c.division = &d;
        if (c.division) c.section = find_section(c.division->section);
        for (const auto& sec : sections_)
            if (!c.section && name_key(sec.name) == key) c.section = &sec;
        if (!c.section) {
            out.problem = "“" + name + "”不是门类或大类的名称（中类、小类的名称或其他写法不能据以归入门类）";
            return out;
        }
        claims.push_back(c);
    }
    if (claims.empty()) {
        out.problem = "“" + written + "”不是门类或大类的名称或代码";
        return out;
    }
    // Every part must name the same 门类, and the same 大类 where two name one.
    const Claim* with_division = nullptr;
    for (const auto& c : claims) {
        if (c.division && !with_division) with_division = &c;
        const Claim& first = claims.front();
        const bool same_section = c.section == first.section;
        const bool same_division = !c.division || !with_division || c.division == with_division->division;
        if (!same_section || !same_division) {
            const Claim& other = !same_section ? first : *with_division;
            out.problem = "“" + other.given + "”与“" + c.given + "”不一致：前者为" + claim_place(other) + "，后者为" +
                          claim_place(c);
            return out;
        }
    }
    out.section = claims.front().section;
    out.division = with_division ? with_division->division : nullptr;
    return out;
}

IndustryTable IndustryTable::from_json(std::string_view json_text) {
    using nlohmann::json;
    const std::string file = "templates/reference/gbt4754-2017.json";
    auto fail = [&](const std::string& where, const std::string& what) {
        throw std::invalid_argument(file + ": " + where + ": " + what);
    };
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::parse_error& e) {
        fail("", std::string("不是有效的 JSON：") + e.what());
    }
    if (!j.is_object()) fail("", "应为 JSON 对象");
    IndustryTable t;
    auto text_at = [&](const json& obj, const std::string& key, const std::string& where) {
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_string() || it->get<std::string>().empty())
            fail(where + "/" + key, "应为非空字符串");
        return it->get<std::string>();
    };
    t.standard_ = text_at(j, "standard", "");
    t.title_ = text_at(j, "title", "");
    auto secs = j.find("sections");
    if (secs == j.end() || !secs->is_array() || secs->empty()) fail("/sections", "应为非空数组");
    std::set<std::string> division_names;
    std::map<std::string, std::string> section_by_name;
    for (std::size_t k = 0; k < secs->size(); ++k) {
        const std::string where = "/sections/" + std::to_string(k);
        const json& sj = (*secs)[k];
        if (!sj.is_object()) fail(where, "应为对象 {\"code\", \"name\", \"divisions\"}");
        IndustrySection sec{text_at(sj, "code", where), text_at(sj, "name", where)};
        if (sec.code.size() != 1 || sec.code[0] < 'A' || sec.code[0] > 'Z')
            fail(where + "/code", "门类代码应为一个大写字母，实际为 \"" + sec.code + "\"");
        if (t.find_section(sec.code)) fail(where + "/code", "重复的门类 " + sec.code);
        if (!section_by_name.emplace(name_key(sec.name), sec.code).second) fail(where + "/name", "重复的门类名称");
        auto divs = sj.find("divisions");
        if (divs == sj.end() || !divs->is_array() || divs->empty()) fail(where + "/divisions", "应为非空数组");
        for (std::size_t m = 0; m < divs->size(); ++m) {
            const std::string dwhere = where + "/divisions/" + std::to_string(m);
            const json& dj = (*divs)[m];
            if (!dj.is_object()) fail(dwhere, "应为对象 {\"code\", \"name\"}");
            IndustryDivision d{text_at(dj, "code", dwhere), text_at(dj, "name", dwhere), sec.code};
            if (d.code.size() != 2 || !is_digit(d.code[0]) || !is_digit(d.code[1]))
                fail(dwhere + "/code", "大类代码应为两位数字，实际为 \"" + d.code + "\"");
            if (t.find_division(d.code)) fail(dwhere + "/code", "重复的大类代码 " + d.code);
            if (!division_names.insert(name_key(d.name)).second) fail(dwhere + "/name", "重复的大类名称");
            t.divisions_.push_back(std::move(d));
        }
        t.sections_.push_back(std::move(sec));
    }
    // A 门类 and a 大类 may share a name (K 房地产业, 70 房地产业) only within one 门类.
    for (const auto& d : t.divisions_) {
        auto it = section_by_name.find(name_key(d.name));
        if (it != section_by_name.end() && it->second != d.section)
            fail("/sections", "大类 " + d.label() + " 与门类 " + it->second + " 同名但不属于该门类");
    }
    return t;
}

const IndustryTable& gbt4754() {
    static const IndustryTable table = IndustryTable::from_json(detail::kGbt4754Json);
    return table;
}

std::string industry_text_expected() {
    return "《国民经济行业分类》（GB/T 4754-2017）的门类或大类名称（如 \"制造业\"、\"通用设备制造业\"）或代码"
           "（如 \"C\"、\"C34\"、\"34\"），可在后面用括号加注，如 \"其他制造业（发制品）\"";
}

std::vector<const CheckSpec*> industry_scoped_checks(const Policy& policy, const AwardSpec& award) {
    std::vector<const CheckSpec*> out;
    for (const auto& id : award.checks) {
        const CheckSpec* spec = policy.find_check(id);
        if (spec && spec->kind == "min_rating" && spec->params.is_object() && spec->params.contains("sections"))
            out.push_back(spec);
    }
    return out;
}

}  // namespace award
