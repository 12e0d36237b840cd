#include "ingest/json_fields.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace award::ingest {

namespace fs = std::filesystem;

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets where each UTF-8 character of s starts.
std::vector<std::size_t> char_starts(const std::string& s) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!is_continuation_byte(s[i])) starts.push_back(i);
    return starts;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The text around a parse error, so the user can find it: up to 30 characters
// before the error and 20 after, on the error's line.
std::string text_near(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
    std::size_t line_end = text.find('\n', offset);
    if (line_end == std::string::npos) line_end = text.size();
    std::string line = text.substr(line_start, line_end - line_start);
    auto starts = char_starts(line);
    std::size_t at = std::size_t(std::count_if(starts.begin(), starts.end(),
                                               [&](std::size_t s) { return s < offset - line_start; }));
    std::size_t from = at > 30 ? at - 30 : 0;
    std::size_t to = std::min(starts.size(), at + 20);
    std::size_t begin = from < starts.size() ? starts[from] : line.size();
    std::size_t end = to < starts.size() ? starts[to] : line.size();
    return trim(line.substr(begin, end - begin));
}

const std::string kSaveAsUtf8 = "请用记事本打开该文件，“另存为”时编码选 UTF-8";

std::string json_hint(const std::string& what, const std::string& text) {
    if (what.find("ill-formed UTF-8") != std::string::npos || !is_valid_utf8(text))
        return "合法的 JSON，且以 UTF-8 编码保存（此处有非 UTF-8 字符，可能是以 GBK/ANSI 编码保存的；" + kSaveAsUtf8 +
               "）";
    if (what.find("surrogate") != std::string::npos)
        return "合法的 JSON（此处的 \\uD800–\\uDFFF 转义不成对，不是一个完整的字符；请直接写出该字符）";
    if (what.find("unexpected end of input") != std::string::npos)
        return "合法的 JSON（文件在此处提前结束，可能缺少 } 或 ]）";
    return "合法的 JSON（请检查此处附近的逗号、英文双引号和括号）";
}

// nlohmann reports the position of the last byte it read, which for a token such
// as a string is its end. People look for the start of the token that does not
// fit ("…" "credit_code" with a comma missing before it), so step back over the
// token named in the message, when it is there as written.
std::size_t token_start(const std::string& text, std::size_t offset, const std::string& what) {
    if (offset >= text.size()) return offset;
    // A whole string or number that is not expected here (typically after a missing
    // comma): the message does not repeat it, so find its start in the text.
    if (what.find("unexpected string literal") != std::string::npos && text[offset] == '"') {
        for (std::size_t i = offset; i-- > 0;) {
            std::size_t backslashes = 0;
            while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
            if (text[i] == '"' && backslashes % 2 == 0) return i;
        }
        return offset;
    }
    if (what.find("unexpected number literal") != std::string::npos) {
        std::size_t i = offset;
        while (i > 0 && std::string("0123456789+-.eE").find(text[i - 1]) != std::string::npos) --i;
        return i;
    }
    const std::string marker = "last read: '";
    auto from = what.find(marker);
    if (from == std::string::npos) return offset;
    from += marker.size();
    auto to = what.find("'; expected", from);
    if (to == std::string::npos) to = what.rfind('\'');
    if (to == std::string::npos || to < from) return offset;
    const std::string token = what.substr(from, to - from);
    if (token.empty() || token.size() > offset + 1) return offset;
    const std::size_t start = offset + 1 - token.size();
    return text.compare(start, token.size(), token) == 0 ? start : offset;
}

}  // namespace

std::string trim(const std::string& s) {
    static const std::string ideographic_space = "\xE3\x80\x80";
    std::size_t begin = 0, end = s.size();
    for (bool changed = true; changed;) {
        changed = false;
        while (begin < end && std::string(" \t\r\n").find(s[begin]) != std::string::npos) ++begin, changed = true;
        if (s.compare(begin, 3, ideographic_space) == 0 && begin + 3 <= end) begin += 3, changed = true;
    }
    for (bool changed = true; changed;) {
        changed = false;
        while (end > begin && std::string(" \t\r\n").find(s[end - 1]) != std::string::npos) --end, changed = true;
        if (end >= begin + 3 && s.compare(end - 3, 3, ideographic_space) == 0) end -= 3, changed = true;
    }
    return s.substr(begin, end - begin);
}


std::string excerpt(const std::string& s, std::size_t max_chars) {
    auto starts = char_starts(s);
    if (starts.size() <= max_chars) return s;
    return s.substr(0, starts[max_chars]) + "…";
}

std::string as_given(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    // Described, not dumped: dumping recurses, and a value nested ever so deep is
    // not something to quote anyway.
    if (value.is_array()) return value.empty() ? "空数组 []" : "数组（" + std::to_string(value.size()) + " 项）";
    if (value.is_object()) return value.empty() ? "空对象 {}" : "对象（" + std::to_string(value.size()) + " 个字段）";
    return excerpt(value.dump());
}

void ProblemList::add(const std::string& file, const std::string& record, const std::string& field,
                      const std::string& value, const std::string& expected) {
    items.push_back({shown(file), shown(record), shown(field), shown(excerpt(value, 200)), shown(expected)});
}

std::string text_expectation_problem(const std::string& s, std::size_t max_chars) {
    if (auto why = character_problem(s); !why.empty()) return kExpectPlainText + "（" + why + "）";
    const std::size_t n = char_count(s);
    if (n > max_chars)
        return "不超过 " + std::to_string(max_chars) + " 个字符的文本（现有 " + std::to_string(n) + " 个字符" +
               (n > 60 ? "；此处只引用前 60 个）" : "）");
    return "";
}

TextPosition position_of(const std::string& text, std::size_t byte_offset) {
    TextPosition p;
    for (std::size_t i = 0; i < std::min(byte_offset, text.size()); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!is_continuation_byte(text[i])) {
            ++p.column;
        }
    }
    return p;
}

namespace {

// Hands the text to the parser byte by byte and remembers how far it has got: the
// parser callback is not told where it is, and a problem must name a line and column.
class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* at, const char* begin, std::size_t* consumed)
        : at_(at), begin_(begin), consumed_(consumed) {}
    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        *consumed_ = std::size_t(at_ - begin_);
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
    bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

private:
    const char* at_ = nullptr;
    const char* begin_ = nullptr;
    std::size_t* consumed_ = nullptr;
};

// Thrown by the parser callback to stop at nesting deeper than kMaxJsonNesting,
// before anything that deep is built.
struct TooDeep {
    std::size_t offset;  // of the [ or { that opens the level too many
};

struct DuplicateKey {
    std::string object;  // JSON pointer of the object holding it ("" for the file's top level)
    std::string key;
    std::size_t offset;        // of the second occurrence
    std::size_t first_offset;  // of the first
};

// One array or object the parser is inside.
struct Level {
    bool object = false;
    std::size_t elements = 0;                 // array: elements begun so far
    std::string segment;                      // JSON pointer segment of the element being read
    std::map<std::string, std::size_t> keys;  // object: key -> offset of its first occurrence
};

std::string pointer_segment(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

// The opening quote of the string whose closing quote is at `closing`.
std::size_t string_start(const std::string& text, std::size_t closing) {
    for (std::size_t i = closing; i-- > 0;) {
        std::size_t backslashes = 0;
        while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
        if (text[i] == '"' && backslashes % 2 == 0) return i;
    }
    return closing;
}

std::string line_and_column(const std::string& text, std::size_t offset) {
    TextPosition at = position_of(text, offset);
    return "第" + std::to_string(at.line) + "行第" + std::to_string(at.column) + "列";
}

// Parses text, refusing nesting deeper than kMaxJsonNesting (nlohmann's own
// functions recurse, and a file of 200000 '[' would overflow the stack) and
// noting every key written twice in one object (the first value is kept).
json parse_guarded(const std::string& text, std::vector<DuplicateKey>& duplicates) {
    std::size_t consumed = 0;
    std::vector<Level> levels;
    const auto begin_element = [&] {
        if (!levels.empty() && !levels.back().object) levels.back().segment = std::to_string(levels.back().elements++);
    };
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
        // depth counts the containers open around the event. The end of a container
        // whose key was a duplicate is not reported, so levels are cut back here.
        const auto d = static_cast<std::size_t>(depth);
        if (levels.size() > d) levels.resize(d);
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (d + 1 > kMaxJsonNesting) throw TooDeep{consumed == 0 ? 0 : consumed - 1};
            begin_element();
            levels.push_back(Level{event == json::parse_event_t::object_start, 0, {}, {}});
            return true;
        case json::parse_event_t::key: {
            if (levels.empty()) return true;
            Level& object = levels.back();
            const std::string key = parsed.get<std::string>();
            object.segment = pointer_segment(key);
            const std::size_t at = string_start(text, consumed == 0 ? 0 : consumed - 1);
            auto [first, fresh] = object.keys.emplace(key, at);
            if (fresh) return true;
            std::string where;
            for (std::size_t i = 0; i + 1 < levels.size(); ++i) where += "/" + levels[i].segment;
            duplicates.push_back({where, key, at, first->second});
            return false;  // keep the first value
        }
        case json::parse_event_t::value:
            begin_element();
            return true;
        default:
            return true;
        }
    };
    CountingIterator first(text.data(), text.data(), &consumed);
    CountingIterator last(text.data() + text.size(), text.data(), &consumed);
    return json::parse(first, last, callback);
}

}  // namespace

std::optional<json> load_json_file(const fs::path& case_dir, const std::string& name, Need need, ProblemList& out) {
    const fs::path path = case_dir / name;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        if (need == Need::required)
            out.add(name, "", "", "", "案卷文件夹 " + case_dir.string() + " 中的必备文件（格式见 samples/README.md）");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    if (fs::is_regular_file(path, ec) && in) {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
    }
    if (!fs::is_regular_file(path, ec) || !in) {
        out.add(name, "", "", "", "可以读取的文件（检查它是不是文件夹，以及文件权限）");
        return std::nullopt;
    }
    std::vector<DuplicateKey> duplicates;
    const auto report_duplicates = [&] {
        for (const auto& d : duplicates) {
            const std::string at = line_and_column(text, d.offset);
            out.add(name, d.object.empty() ? at : d.object + "（" + at + "）", d.key, text_near(text, d.offset),
                    "每个字段在同一对象中只写一次：重复的字段 " + d.key + "（第一次出现在" +
                        line_and_column(text, d.first_offset) + "；程序不会替你选用哪一个，请删去多余的一个）");
        }
    };
    try {
        json j = parse_guarded(text, duplicates);
        report_duplicates();
        return j;
    } catch (const TooDeep& e) {
        report_duplicates();
        out.add(name, line_and_column(text, e.offset), "", text_near(text, e.offset),
                "数组、对象嵌套不超过 " + std::to_string(kMaxJsonNesting) + " 层的 JSON（此处是第 " +
                    std::to_string(kMaxJsonNesting + 1) + " 层 [ 或 {；案卷文件最多只用到 5 层，请检查多余的括号）");
        return std::nullopt;
    } catch (const json::parse_error& e) {
        report_duplicates();
        // e.byte counts from 1 and points at the byte the parser stopped on.
        std::size_t offset = token_start(text, e.byte == 0 ? 0 : e.byte - 1, e.what());
        out.add(name, line_and_column(text, offset), "", text_near(text, offset), json_hint(e.what(), text));
        return std::nullopt;
    }
}

Fields::Fields(ProblemList& out, std::string file, std::string record, const json& object,
               std::vector<std::string> allowed)
    : out_(out), file_(std::move(file)), record_(std::move(record)), object_(object), allowed_(std::move(allowed)) {}

const json* Fields::find(const std::string& field) const {
    auto it = object_.find(field);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

void Fields::problem(const std::string& field, const std::string& value, const std::string& expected) const {
    out_.add(file_, record_, field, value, expected);
}

const json* Fields::given(const std::string& field, Need need, const std::string& expected) const {
    const json* v = find(field);
    if (!v && need == Need::required) problem(field, "", expected);
    return v;
}

std::optional<std::string> Fields::checked_text(const std::string& field, Need need, bool trimmed,
                                                std::size_t max_chars) const {
    const json* v = given(field, need, kExpectText);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        std::string expected = kExpectText;
        if (v->is_number() || v->is_boolean()) expected += "（用英文双引号括起来，如 \"" + as_given(*v) + "\"）";
        problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (trim(s).empty()) {
        problem(field, s, kExpectText);
        return std::nullopt;
    }
    std::string value = trimmed ? trim(s) : s;
    if (auto why = text_expectation_problem(value, max_chars); !why.empty()) {
        problem(field, char_count(value) > max_chars ? excerpt(value, 60) : value, why);
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> Fields::exact_text(const std::string& field, Need need, std::size_t max_chars) const {
    return checked_text(field, need, false, max_chars);
}

std::optional<std::string> Fields::text(const std::string& field, Need need, std::size_t max_chars) const {
    return checked_text(field, need, true, max_chars);
}

std::optional<std::string> Fields::lines(const std::string& field, Need need, std::size_t max_chars) const {
    const json* v = given(field, need, kExpectText);
    if (!v) return std::nullopt;
    if (!v->is_string()) return checked_text(field, need, true, max_chars);  // reports it
    const auto& s = v->get_ref<const std::string&>();
    std::string joined;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        std::string line = s.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        line = trim(line);
        if (!line.empty()) {
            if (auto why = text_expectation_problem(line, max_chars); !why.empty()) {
                problem(field, char_count(line) > max_chars ? excerpt(line, 60) : line, why);
                return std::nullopt;
            }
            joined += (joined.empty() ? "" : "\n") + line;
        }
        start = end + 1;
    }
    if (joined.empty()) {
        problem(field, s, kExpectText);
        return std::nullopt;
    }
    if (const std::size_t n = char_count(joined); n > max_chars) {
        problem(field, excerpt(joined, 60),
                "不超过 " + std::to_string(max_chars) + " 个字符的文本（现有 " + std::to_string(n) + " 个字符；此处只引用前 60 个）");
        return std::nullopt;
    }
    return joined;
}

std::optional<Date> Fields::date(const std::string& field, Need need) const {
    const json* v = given(field, need, kExpectDate);
    if (!v) return std::nullopt;
    std::optional<Date> d;
    if (v->is_string()) d = Date::parse(v->get_ref<const std::string&>());
    if (!d) problem(field, as_given(*v), kExpectDate);
    return d;
}

std::optional<int> Fields::integer(const std::string& field, Need need, int low, int high) const {
    const std::string expected = std::to_string(low) + " 至 " + std::to_string(high) + " 之间的整数（不加引号）";
    const json* v = given(field, need, expected);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    auto n = v->get<long long>();
    if (v->is_number_unsigned() && v->get<unsigned long long>() > (unsigned long long)high) n = (long long)high + 1;
    if (n < low || n > high) {
        problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    return int(n);
}

std::optional<bool> Fields::boolean(const std::string& field, Need need) const {
    const json* v = given(field, need, kExpectBool);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        problem(field, as_given(*v), kExpectBool);
        return std::nullopt;
    }
    return v->get<bool>();
}

const json* Fields::array(const std::string& field, Need need) const {
    const json* v = given(field, need, kExpectArray);
    if (v && !v->is_array()) {
        problem(field, as_given(*v), kExpectArray);
        return nullptr;
    }
    return v;
}

const json* Fields::object(const std::string& field, Need need) const {
    const json* v = given(field, need, kExpectObject);
    if (v && !v->is_object()) {
        problem(field, as_given(*v), kExpectObject);
        return nullptr;
    }
    return v;
}

std::optional<std::string> Fields::one_of(const std::string& field, Need need,
                                          const std::vector<std::string>& values) const {
    const std::string expected = "以下之一：" + join(values);
    const json* v = given(field, need, expected);
    if (!v) return std::nullopt;
    if (v->is_string() && std::find(values.begin(), values.end(), v->get_ref<const std::string&>()) != values.end())
        return v->get<std::string>();
    problem(field, as_given(*v), expected);
    return std::nullopt;
}

void Fields::report_unknown_fields() const {
    for (const auto& [key, value] : object_.items()) {
        if (std::find(allowed_.begin(), allowed_.end(), key) != allowed_.end()) continue;
        std::string expected = "已知的字段名之一：" + join(allowed_, ", ");
        // A near miss is almost always a typo: name the field it probably meant.
        auto nearest = std::min_element(allowed_.begin(), allowed_.end(), [&](const auto& a, const auto& b) {
            return edit_distance(key, a) < edit_distance(key, b);
        });
        if (nearest != allowed_.end() && edit_distance(key, *nearest) <= 2)
            expected += "（是否应为 " + *nearest + "？）";
        problem(key, as_given(value), expected);
    }
}

void check_document_number(const Fields& f, const std::string& number, std::optional<int> cycle_year,
                           const std::optional<Date>& date, const std::string& date_label, const std::string& example) {
    const std::string form = "符合 GB/T 9704 的发文字号：机关代字＋〔年份〕＋序号＋“号”，年份写全并用六角括号〔〕，"
                             "序号不补 0、不加“第”，如 " + example;
    int year = 0;
    if (auto why = document_number_problem(number, &year); !why.empty()) {
        f.problem("document_number", number, form + "（" + why + "）");
        return;
    }
    if (!cycle_year || year == *cycle_year || (date && year == date->year())) return;
    std::string years = "年度 year（" + std::to_string(*cycle_year) + "）";
    if (date && date->year() != *cycle_year) years += "或" + date_label + " 的年份（" + std::to_string(date->year()) + "）";
    f.problem("document_number", number, "〔〕中的年份与" + years + "一致的发文字号");
}

}  // namespace award::ingest
