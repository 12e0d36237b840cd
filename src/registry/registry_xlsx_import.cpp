// `award registry import FILE.xlsx`: an office's workbook of past cycles (layout in
// registry_xlsx_layout.cpp, samples/README.md 第 14.1 节) read into the document of the
// JSON format, then checked and written by the JSON import (Registry::import_document).
//
// The rows are attached to their parents by the columns naming them (an award's 政策包 and
// 年度 name its row of 评选届次; an obligation's 政策包, 年度, 统一社会信用代码 and 奖项 its
// row of 获奖 ...). Where each record and field of the document came from (sheet, row,
// column) is kept, so every problem the JSON checks find is told as a cell of the workbook;
// problems of the cells themselves (a date that is not one, 是/否, 结果 words, a code Excel
// rounded) are found while reading and listed with them, in the workbook's order.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "ingest/json_fields.hpp"
#include "ingest/text_rules.hpp"
#include "ingest/xlsx_reader.hpp"
#include "model/errors.hpp"
#include "model/report_form.hpp"
#include "model/text.hpp"
#include "registry/registry.hpp"
#include "registry/registry_xlsx_layout.hpp"

namespace award {

namespace fs = std::filesystem;
using namespace registry_xlsx;
using ingest::json;
using xlsx::CellValue;

namespace {

constexpr std::size_t kNoSheet = std::numeric_limits<std::size_t>::max();

bool has_value(const CellValue& v) {
    return v.type != CellValue::Type::Empty && !(v.type == CellValue::Type::Text && ingest::trim(v.text).empty());
}

// The cell as the user sees it, for messages.
std::string shown_value(const CellValue& v) {
    if (v.type == CellValue::Type::Number && v.looks_like_date()) return v.text + "（日期序号）";
    return v.text;
}


bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Headers as typed: surrounding spaces dropped, half-width brackets taken as full-width,
// "信用代码" for "统一社会信用代码".
std::string normal_header(const std::string& typed) {
    std::string h = ingest::trim(typed);
    std::string out;
    for (char ch : h) {
        if (ch == '(') out += "（";
        else if (ch == ')') out += "）";
        else out += ch;
    }
    if (out == "信用代码") out = "统一社会信用代码";
    return out;
}

std::string headers_of(const SheetSpec& spec) {
    std::vector<std::string> names;
    for (const auto& c : spec.columns) names.push_back(c.header);
    return join(names);
}

std::string sheet_names() {
    std::vector<std::string> names;
    for (const auto& s : sheets()) names.push_back("“" + s.name + "”");
    return join(names);
}

std::string sheet_label(const std::string& name) { return "工作表“" + name + "”"; }

std::string column_label(int col, const std::string& header) {
    return xlsx::column_name(col) + "列“" + header + "”";
}

// The value to put in the document, or the expectation of a cell that cannot be read.
struct Converted {
    std::optional<json> value;
    std::string expected;
};

Converted convert(Kind kind, const CellValue& v, bool date1904) {
    using T = CellValue::Type;
    const std::string kDate = "日期单元格，或文字 YYYY-MM-DD（如 2024-12-20）";
    switch (kind) {
    case Kind::Text:
        if (v.type == T::Text) return {json(ingest::trim(v.text)), ""};
        if (v.type == T::Number) return {json(v.text), ""};
        return {std::nullopt, "文字"};
    case Kind::Code:
        if (v.type == T::Text) return {json(v.text), ""};
        if (v.type == T::Number && all_digits(v.text)) return {json(v.text), ""};
        if (v.type == T::Number)
            return {std::nullopt, "按文字保存的代码或编号：Excel 已把它当作数字保存（科学计数法或小数），原来的写法无法还原；"
                                  "请把该列设为“文本”格式后重新输入"};
        return {std::nullopt, "文字"};
    case Kind::Integer: {
        const std::string expected = "整数（数字单元格，或只含数字的文字，如 30000；不写“3万”）";
        if (v.type == T::Number && !v.looks_like_date()) {
            if (v.number == std::floor(v.number) && std::fabs(v.number) < 1e15) return {json((long long)v.number), ""};
            return {json(v.number), ""};  // the checks say what is wanted
        }
        if (v.type == T::Number) return {std::nullopt, expected + "（该单元格是日期格式）"};
        if (v.type != T::Text) return {std::nullopt, expected};
        std::string t = ingest::trim(v.text);
        static const std::regex grouped(R"(^-?[0-9]{1,3}(,[0-9]{3})+$)");
        if (std::regex_match(t, grouped)) t.erase(std::remove(t.begin(), t.end(), ','), t.end());
        const std::string digits = !t.empty() && t[0] == '-' ? t.substr(1) : t;
        if (all_digits(digits) && digits.size() <= 15) return {json(std::stoll(t)), ""};
        return {json(t), ""};  // the checks say what is wanted, with the value as typed
    }
    case Kind::Decimal:
        if (v.type == T::Number && !v.looks_like_date()) {
            // The number as Excel shows and keeps it, to 15 significant digits: a writer that
            // prints 17 (libxlsxwriter stores 94.57 as 94.56999999999999) means 94.57.
            char shown[32];
            std::snprintf(shown, sizeof shown, "%.15g", v.number);
            return {json(std::string(shown)), ""};
        }
        if (v.type == T::Text) return {json(ingest::trim(v.text)), ""};
        return {std::nullopt, "数字单元格，或数字的文字（最多两位小数）" +
                                  std::string(v.type == T::Number ? "（该单元格是日期格式）" : "")};
    case Kind::Date: {
        if (v.type == T::Number) {
            auto d = v.looks_like_date() ? xlsx::serial_date(v.number, date1904) : std::nullopt;
            if (d) return {json(d->iso()), ""};
            return {std::nullopt, kDate + (v.looks_like_date() ? "（不是一个整天的日期）" : "（该单元格是数字，不是日期格式）")};
        }
        if (v.type != T::Text) return {std::nullopt, kDate};
        std::string t = ingest::trim(v.text);
        // A date cell saved as text (t="d"): "2010-05-20T00:00:00".
        if (t.size() > 10 && t[10] == 'T' && Date::parse(t.substr(0, 10)) &&
            t.find_first_not_of("0:.", 11) == std::string::npos)
            t = t.substr(0, 10);
        return {json(t), ""};
    }
    case Kind::MonthDay: {
        const std::string expected = "每年的截止月日：文字 MM-DD（如 03-31），或一个日期单元格（只取月日）";
        auto md = [](int m, int d) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%02d-%02d", m % 100, d % 100);
            return std::string(buf);
        };
        if (v.type == T::Number) {
            auto d = v.looks_like_date() ? xlsx::serial_date(v.number, date1904) : std::nullopt;
            if (d) return {json(md(int(d->month()), int(d->day()))), ""};
            return {std::nullopt, expected};
        }
        if (v.type != T::Text) return {std::nullopt, expected};
        const std::string t = ingest::trim(v.text);
        static const std::regex re(R"(^([0-9]{1,2})(?:-|/|\.|月)([0-9]{1,2})(?:日)?$)");
        std::smatch m;
        if (std::regex_match(t, m, re)) return {json(md(std::stoi(m[1].str()), std::stoi(m[2].str()))), ""};
        return {json(t), ""};  // the checks say what is wanted
    }
    case Kind::Bool:
        if (v.type == T::Boolean) return {json(v.text == "TRUE"), ""};
        if (v.type == T::Text && ingest::trim(v.text) == "是") return {json(true), ""};
        if (v.type == T::Text && ingest::trim(v.text) == "否") return {json(false), ""};
        return {std::nullopt, "“是”或“否”（不填等于“否”）"};
    case Kind::Outcome: {
        std::vector<std::string> words;
        for (const auto& w : outcome_words()) {
            words.push_back(w.word);
            if (v.type == T::Text && (ingest::trim(v.text) == w.word || ingest::trim(v.text) == w.code))
                return {json(w.code), ""};
        }
        return {std::nullopt, "结果之一：" + join(words)};
    }
    }
    return {std::nullopt, ""};
}

// Sets `value` at `field` ("certificate/number": inside the object "certificate").
void put(json& object, const std::string& field, json value) {
    const auto slash = field.find('/');
    if (slash == std::string::npos) {
        object[field] = std::move(value);
        return;
    }
    put(object[field.substr(0, slash)], field.substr(slash + 1), std::move(value));
}

// "/cycles/0（benxi 2018年度）/awards/1（某公司）/certificate" -> "/cycles/0/awards/1/certificate":
// the records the JSON checks name, without the names they add.
std::optional<std::string> canonical(const std::string& record) {
    static const std::regex cycles(
        R"(^(/cycles/\d+)(?:（.*?）)?(?:(/(?:applications|awards)/\d+)(?:（.*?）)?(?:(/certificate|/revocation)|(/obligations/\d+)(?:(/reports/\d+)(/figures/\d+)?)?)?)?$)");
    static const std::regex higher(R"(^(/higher_awards/\d+)(?:（.*?）)?(/top_up)?$)");
    std::smatch m;
    if (std::regex_match(record, m, cycles) || std::regex_match(record, m, higher)) {
        std::string path;
        for (std::size_t i = 1; i < m.size(); ++i)
            if (m[i].matched) path += m[i].str();
        return path;
    }
    return std::nullopt;
}

// JSON words in the checks' expectations, as the workbook says them.
std::string workbook_words(std::string text) {
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"（不加引号）", ""},
        {"获奖日期 awarded_on", "获奖日期"},
        {"年度 year（", "年度（"},
        {"bonus_yuan", "“追加激励资金（元）”"},
        {"top_up", "“追加年度”等列"},
        {"（report_form）", ""},
    };
    for (const auto& [from, to] : words)
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    return text;
}

// Where a record of the document came from.
struct Origin {
    std::size_t sheet = kNoSheet;  // index in sheets()
    int row = 0;
    std::string label;                  // 工作表“获奖” 第7行（单位名称）
    std::map<std::string, int> columns;  // field of the record -> column
};

struct Located {
    std::size_t sheet = kNoSheet;
    int row = 0, col = 0;
    Problem problem;
};

// A record the rows are attached to: its path in the document.
struct Parent {
    std::string path;
    int row = 0;
};

class WorkbookReader {
public:
    WorkbookReader(std::string label, const xlsx::WorkbookData& book, Registry& registry, const PolicyCatalog& packs)
        : label_(std::move(label)), book_(book), registry_(registry), packs_(packs) {
        doc_ = {{"cycles", json::array()}, {"higher_awards", json::array()}};
    }

    const json& doc() const { return doc_; }

    void read() {
        for (const auto& s : book_.sheets) {
            if (!s.worksheet || s.visibility != xlsx::SheetData::Visibility::Visible || s.name == kNotesSheet) continue;
            if (std::none_of(sheets().begin(), sheets().end(), [&](const SheetSpec& spec) { return spec.name == s.name; }))
                add({}, sheet_label(s.name), "", s.name,
                    "工作表名称为 " + sheet_names() + " 之一（“" + kNotesSheet + "”表不导入）；不导入的内容请放在另一个工作簿中");
        }
        for (std::size_t i = 0; i < sheets().size(); ++i) {
            const SheetSpec& spec = sheets()[i];
            const xlsx::SheetData* sheet = book_.find(spec.name);
            if (sheet && !sheet->worksheet) sheet = nullptr;
            present_.push_back(sheet != nullptr);
            if (!sheet) {
                if (spec.required)
                    add({}, sheet_label(spec.name), "", "",
                        "工作簿中的一张工作表，第1行为表头：" + headers_of(spec) + "（见 samples/README.md 第 14.1 节）");
                continue;
            }
            read_sheet(i, *sheet);
        }
        if (!present_[index_of(Level::Figure)]) keep_recorded_figures();
        std::stable_sort(rewrites_.begin(), rewrites_.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }

    // The problems of the JSON checks told as cells, with the cells' own, in workbook order.
    std::vector<Problem> finish(std::vector<Problem> found) const {
        std::vector<Located> all = problems_;
        for (Problem& p : found) {
            Located l;
            p.value = rewrite(p.value);
            p.expected = workbook_words(rewrite(p.expected));
            const auto path = canonical(p.record);
            if (path && synthetic_.count(*path)) continue;  // a stand-in: its row's problem is told
            if (path && reported_.count({*path, p.field})) continue;  // its cell was reported
            const auto origin = path ? origins_.find(*path) : origins_.end();
            if (origin == origins_.end()) {
                p.file = label_;
                l.problem = std::move(p);
                all.push_back(std::move(l));
                continue;
            }
            const Origin& o = origin->second;
            l.sheet = o.sheet;
            l.row = o.row;
            p.file = label_;
            p.record = o.label;
            if (auto c = o.columns.find(p.field); c != o.columns.end()) {
                l.col = c->second;
                p.field = column_label(c->second, header_at(o.sheet, c->second));
            } else if (p.field == "figures") {
                p.field = "“报送数据”表中这份报告的数据";
            } else {
                p.field = workbook_words(p.field);
            }
            l.problem = std::move(p);
            all.push_back(std::move(l));
        }
        std::stable_sort(all.begin(), all.end(), [](const Located& a, const Located& b) {
            auto key = [](const Located& x) { return std::make_tuple(x.sheet == kNoSheet ? -1 : int(x.sheet), x.row, x.col); };
            return key(a) < key(b);
        });
        std::vector<Problem> out;
        for (auto& l : all) out.push_back(std::move(l.problem));
        return out;
    }

private:
    std::size_t index_of(Level level) const {
        for (std::size_t i = 0; i < sheets().size(); ++i)
            if (sheets()[i].level == level) return i;
        return 0;
    }

    const std::string& header_at(std::size_t sheet, int col) const {
        static const std::string none;
        auto it = headers_.find({sheet, col});
        return it != headers_.end() ? it->second : none;
    }

    void add(const Located& where, const std::string& record, const std::string& field, const std::string& value,
             const std::string& expected) {
        ingest::ProblemList list;
        list.add(label_, record, field, value, expected);
        Located l = where;
        l.problem = std::move(list.items.front());
        problems_.push_back(std::move(l));
    }

    std::string row_label(const SheetSpec& spec, int row, const std::string& name) const {
        std::string s = sheet_label(spec.name) + " 第" + std::to_string(row) + "行";
        if (!name.empty()) s += "（" + ingest::excerpt(name, ingest::kNameMaxChars) + "）";
        return s;
    }

    void read_sheet(std::size_t index, const xlsx::SheetData& sheet) {
        const SheetSpec& spec = sheets()[index];
        // Row 1: the headers.
        std::map<int, const Column*> by_col;
        std::map<std::string, int> seen;
        std::set<int> headed;  // columns with something in row 1 (known or not)
        for (const auto& [pos, v] : sheet.cells) {
            if (pos.first != 1) break;  // cells are in row order
            if (!has_value(v)) continue;
            headed.insert(pos.second);
            const std::string typed = v.type == CellValue::Type::Text ? ingest::trim(v.text) : v.text;
            const std::string header = normal_header(typed);
            const Located where{index, 1, pos.second, {}};
            auto c = std::find_if(spec.columns.begin(), spec.columns.end(), [&](const Column& c) { return c.header == header; });
            if (c == spec.columns.end()) {
                add(where, sheet_label(spec.name) + " 第1行", xlsx::column_name(pos.second) + "列表头", typed,
                    "“" + spec.name + "”表的表头之一：" + headers_of(spec) + "（该列未导入；见 samples/README.md 第 14.1 节）");
                continue;
            }
            if (auto [first, fresh] = seen.emplace(header, pos.second); !fresh) {
                add(where, sheet_label(spec.name) + " 第1行", xlsx::column_name(pos.second) + "列表头", typed,
                    "只出现一次的表头（与 " + xlsx::column_name(first->second) + "列重复；该列未导入）");
                continue;
            }
            by_col[pos.second] = &*c;
            headers_[{index, pos.second}] = c->header;
        }
        std::vector<std::string> missing;
        std::set<std::string> missing_fields;  // (up == 0) fields without a column
        bool unlinked = false;                 // a column naming the parent is missing
        for (const auto& c : spec.columns)
            if (c.required && !seen.count(c.header)) {
                missing.push_back(c.header);
                if (c.up == 0) missing_fields.insert(c.field);
                else unlinked = true;
            }
        if (!missing.empty())
            add({index, 1, 0, {}}, sheet_label(spec.name) + " 第1行", "表头", "",
                "含有全部必需的列，缺少：" + join(missing) + "（表头写在第1行，见 samples/README.md 第 14.1 节）");

        // The rows below, one record each; rows with nothing in them are skipped.
        std::map<int, std::vector<std::pair<int, const CellValue*>>> rows;
        for (const auto& [pos, v] : sheet.cells)
            if (pos.first > 1 && has_value(v)) rows[pos.first].emplace_back(pos.second, &v);
        for (const auto& [row, cells] : rows) read_row(index, row, cells, by_col, headed, missing_fields, unlinked);
    }

    void read_row(std::size_t index, int row, const std::vector<std::pair<int, const CellValue*>>& cells,
                  const std::map<int, const Column*>& by_col, const std::set<int>& headed,
                  const std::set<std::string>& missing_fields, bool unlinked) {
        const SheetSpec& spec = sheets()[index];
        const int depth = depth_of(spec.level);
        // The 单位名称 of the row (its own or the award's), for messages.
        std::string name;
        for (const auto& [col, v] : cells)
            if (auto c = by_col.find(col); c != by_col.end() && c->second->field == "name" && v->type == CellValue::Type::Text)
                name = ingest::trim(v->text);
        const std::string label = row_label(spec, row, name);

        json record = json::object();
        std::vector<json> ancestors(std::size_t(depth) + 1, json::object());  // [up]: the parents' fields the row names
        std::map<std::pair<int, std::string>, int> named;      // (up, field) -> column, for the parents
        std::set<std::string> bad;                             // (up == 0) fields whose cell was reported
        std::set<std::pair<int, std::string>> bad_named;
        bool known = false;  // a row with cells only under unknown headers (told) is no record
        for (const auto& [col, v] : cells) {
            auto c = by_col.find(col);
            if (c == by_col.end()) {
                if (!headed.count(col))
                    add({index, row, col, {}}, label, xlsx::cell_name(row, col), shown_value(*v),
                        "空单元格：这一列第1行没有表头（内容只能填在有表头的列中）");
                continue;
            }
            known = true;
            const Column& column = *c->second;
            Converted value = convert(column.kind, *v, book_.date1904);
            if (column.up > 0) named[{column.up, column.field}] = col;
            if (!value.value) {
                add({index, row, col, {}}, label, column_label(col, column.header), shown_value(*v), value.expected);
                if (column.up == 0) bad.insert(column.field);
                else bad_named.insert({column.up, column.field});
                continue;
            }
            if (column.up == 0) put(record, column.field, std::move(*value.value));
            else ancestors[std::size_t(column.up)][column.field] = std::move(*value.value);
        }

        if (!known) return;

        // The record's parent: the row the naming columns point to.
        std::string parent_path;
        if (depth > 0) {
            bool usable = !unlinked;
            Level level = spec.level;
            std::vector<std::pair<Level, json>> chain;  // from the parent up
            for (int up = 1; up <= depth; ++up) {
                level = parent_of(level);
                json id = json::object();
                for (const auto& f : identity(level)) {
                    auto it = ancestors[std::size_t(up)].find(f);
                    if (it != ancestors[std::size_t(up)].end()) {
                        id[f] = *it;
                        continue;
                    }
                    usable = false;
                    if (bad_named.count({up, f}) || unlinked) continue;  // told already
                    const Column* c = naming_column(spec, up, f);
                    add({index, row, c ? named_column(spec, *c) : 0, {}}, label,
                        c ? column_label(named_column(spec, *c), c->header) : f, "", naming_expectation(level));
                }
                chain.emplace_back(level, std::move(id));
            }
            parent_path = attach_point(index, row, label, chain, usable, named, ancestors, spec);
        }

        // The record itself, appended to its parent's array.
        json* list = nullptr;
        if (depth == 0) list = &doc_[array_of(spec.level)];
        else list = &doc_[json::json_pointer(parent_path)][array_of(spec.level)];
        if (list->is_null()) *list = json::array();
        const std::string path = parent_path + "/" + array_of(spec.level) + "/" + std::to_string(list->size());

        // Origins: the record and its nested objects (certificate, revocation, top_up).
        Origin o;
        o.sheet = index;
        o.row = row;
        o.label = label;
        std::map<std::string, Origin> nested;
        for (const auto& c : spec.columns) {
            if (c.up != 0) continue;
            const int col = column_of(index, c.header);
            const auto slash = c.field.find('/');
            if (slash == std::string::npos) {
                if (col) o.columns[c.field] = col;
            } else {
                const std::string object = c.field.substr(0, slash);
                Origin& n = nested.try_emplace(object, Origin{index, row, label, {}}).first->second;
                if (col) {
                    n.columns[c.field.substr(slash + 1)] = col;
                    o.columns.try_emplace(object, col);  // the first column of the object, for problems with all of it
                }
            }
            const std::string at = slash == std::string::npos ? path : path + "/" + c.field.substr(0, slash);
            const std::string leaf = slash == std::string::npos ? c.field : c.field.substr(slash + 1);
            if (bad.count(c.field) || missing_fields.count(c.field)) reported_.insert({at, leaf});
        }
        origins_[path] = o;
        for (auto& [object, n] : nested) origins_[path + "/" + object] = n;
        names_for_texts(spec.level, path, record);

        if (spec.level == Level::Figure) indicator_by_name(record, parents_of(parent_path));
        list->push_back(record);

        // Rows below attach to this one by its identity (the first of equal ones; the
        // checks report the others).
        if (!identity(spec.level).empty()) {
            json id = json::object();
            bool complete = true;
            for (const auto& f : identity(spec.level)) {
                if (!record.contains(f)) complete = false;
                else id[f] = record[f];
            }
            const std::string parent_key = depth > 0 ? keys_.count(parent_path) ? keys_[parent_path] : "" : "";
            const bool parent_known = depth == 0 || !synthetic_.count(parent_path);
            if (complete && parent_known) {
                const std::string key = parent_key + "|" + id.dump();
                keys_[path] = key;
                found_.try_emplace(std::make_pair(spec.level, key), Parent{path, row});
            }
        }
        if (spec.level == Level::Report) reports_.push_back(path);
    }

    // The column of the sheet with this header (0 when absent).
    int column_of(std::size_t index, const std::string& header) const {
        for (const auto& [key, h] : headers_)
            if (key.first == index && h == header) return key.second;
        return 0;
    }

    const Column* naming_column(const SheetSpec& spec, int up, const std::string& field) const {
        for (const auto& c : spec.columns)
            if (c.up == up && c.field == field) return &c;
        return nullptr;
    }
    int named_column(const SheetSpec& spec, const Column& c) const { return column_of(index_of(spec.level), c.header); }

    static std::string naming_expectation(Level level) {
        switch (level) {
        case Level::Cycle: return "这一行所属的一届：政策包和年度，与“评选届次”表中的一行相同";
        case Level::Award: return "这一行所属的获奖：统一社会信用代码和奖项，与“获奖”表中的一行相同";
        case Level::Obligation: return "这一行所属的义务：义务编号，与“报送义务”表中的一行相同";
        case Level::Report: return "这一行所属的报告：报送年度，与“已收报告”表中的一行相同";
        default: return "";
        }
    }

    // The path of the parent the row attaches to: the row of the parent's sheet it names,
    // or, when there is none (told) or the naming cells are unusable, a stand-in record
    // holding what the row names, so the row's own cells are still checked.
    std::string attach_point(std::size_t index, int row, const std::string& label,
                             const std::vector<std::pair<Level, json>>& chain, bool usable,
                             const std::map<std::pair<int, std::string>, int>& named, const std::vector<json>& ancestors,
                             const SheetSpec& spec) {
        // Keys from the top: cycle, award, obligation, report.
        std::vector<std::string> keys(chain.size());
        std::string key;
        for (std::size_t k = chain.size(); k-- > 0;) {
            key += "|" + chain[k].second.dump();
            keys[k] = key;
        }
        if (usable) {
            if (auto it = found_.find({chain[0].first, keys[0]}); it != found_.end()) {
                check_name(index, row, label, named, ancestors, spec, it->second);
                return it->second.path;
            }
            // Told once, on the column naming the nearest level that is missing.
            std::size_t missing = 0;
            while (missing + 1 < chain.size() && !found_.count({chain[missing + 1].first, keys[missing + 1]})) ++missing;
            const Level level = chain[missing].first;
            const SheetSpec& parent_sheet = sheet_of(level);
            const std::string& last = identity(level).back();
            const Column* c = naming_column(spec, int(missing) + 1, last);
            const int col = c ? named_column(spec, *c) : 0;
            std::vector<std::string> parts;
            for (std::size_t k = chain.size(); k-- > missing;)
                for (const auto& f : identity(chain[k].first)) {
                    const json& v = chain[k].second[f];
                    parts.push_back(v.is_string() ? v.get<std::string>() : v.dump() + (f == "year" ? "年度" : ""));
                }
            const bool absent_sheet = !present_[index_of(level)];
            add({index, row, col, {}}, label, c ? column_label(col, c->header) : "", join(parts, " "),
                naming_expectation(level) + "；“" + parent_sheet.name + "”表中" +
                    (absent_sheet ? "没有这张工作表" : "没有这一行") + "，先在那里写上它");
        }
        return stand_in(chain, keys, usable);
    }

    // A stand-in chain of parents (shared by rows naming the same missing parent).
    std::string stand_in(const std::vector<std::pair<Level, json>>& chain, const std::vector<std::string>& keys,
                         bool shared) {
        std::string path;
        for (std::size_t k = chain.size(); k-- > 0;) {
            const Level level = chain[k].first;
            if (shared) {
                if (auto it = found_.find({level, keys[k]}); it != found_.end()) {
                    path = it->second.path;
                    continue;
                }
                if (auto it = stand_ins_.find({level, keys[k]}); it != stand_ins_.end()) {
                    path = it->second;
                    continue;
                }
            }
            json& list = path.empty() ? doc_[array_of(level)] : doc_[json::json_pointer(path)][array_of(level)];
            if (list.is_null()) list = json::array();
            const std::string at = path + "/" + array_of(level) + "/" + std::to_string(list.size());
            list.push_back(chain[k].second);
            synthetic_.insert(at);
            if (shared) stand_ins_[{level, keys[k]}] = at;
            path = at;
        }
        return path;
    }

    // 单位名称 in a row below 获奖 is shown for the reader: it must be the award's.
    void check_name(std::size_t index, int row, const std::string& label,
                    const std::map<std::pair<int, std::string>, int>& named,
                    const std::vector<json>& ancestors, const SheetSpec& spec, const Parent& parent) {
        const int up = depth_of(spec.level) - depth_of(Level::Award);
        if (up <= 0) return;
        auto given = ancestors[std::size_t(up)].find("name");
        if (given == ancestors[std::size_t(up)].end() || !given->is_string()) return;
        std::string award_path = parent.path;
        for (int k = 1; k < up; ++k) award_path = award_path.substr(0, award_path.rfind('/', award_path.rfind('/') - 1));
        const json& award = doc_[json::json_pointer(award_path)];
        if (!award.contains("name") || !award["name"].is_string() || award["name"] == *given) return;
        const int col = named.at({up, "name"});
        const auto origin = origins_.find(award_path);
        add({index, row, col, {}}, label, column_label(col, "单位名称"), given->get<std::string>(),
            "与" + (origin != origins_.end() ? origin->second.label : std::string("“获奖”表")) + "的单位名称“" +
                award["name"].get<std::string>() + "”相同（按统一社会信用代码和奖项对应到获奖，单位名称只作核对）");
    }

    // The records above a path, nearest first (the path's own record included).
    std::vector<const json*> parents_of(const std::string& path) const {
        std::vector<const json*> out;
        std::string p = path;
        while (!p.empty()) {
            out.push_back(&doc_[json::json_pointer(p)]);
            p = p.substr(0, p.rfind('/'));
            p = p.substr(0, p.rfind('/'));
        }
        return out;
    }

    // 指标 may be written as the indicator's name (营业收入) as the export writes it.
    void indicator_by_name(json& figure, const std::vector<const json*>& above) const {
        // above: report, obligation, award, cycle.
        if (above.size() < 4 || !figure.contains("indicator") || !figure["indicator"].is_string()) return;
        const json& obligation = *above[1];
        const json& cycle = *above[3];
        if (!cycle.contains("pack") || !cycle["pack"].is_string() || !obligation.contains("id") ||
            !obligation["id"].is_string())
            return;
        auto p = packs_.find(cycle["pack"].get<std::string>());
        if (p == packs_.end()) return;
        const std::string written = figure["indicator"].get<std::string>();
        for (const auto& o : p->second.obligations) {
            if (o.id != obligation["id"].get<std::string>() || !o.report_form) continue;
            for (const auto& ind : o.report_form->indicators)
                if (ind.id == written) return;
            for (const auto& ind : o.report_form->indicators)
                if (ind.name == written) figure["indicator"] = ind.id;
        }
    }

    // Without a 报送数据 sheet, a report with who filled it keeps the figures it has in the
    // registry (the JSON import would replace them by none).
    void keep_recorded_figures() {
        for (const auto& path : reports_) {
            if (synthetic_.count(path)) continue;
            json& report = doc_[json::json_pointer(path)];
            if (!report.contains("filled_by") && !report.contains("phone") && !report.contains("filled_on")) continue;
            const auto above = parents_of(path);  // report, obligation, award, cycle
            if (above.size() < 4 || !report.contains("year") || !report["year"].is_number_integer()) continue;
            const json &obligation = *above[1], &award = *above[2], &cycle = *above[3];
            auto text = [](const json& o, const char* f) {
                return o.contains(f) && o[f].is_string() ? o[f].get<std::string>() : std::string();
            };
            if (!cycle.contains("year") || !cycle["year"].is_number_integer()) continue;
            auto a = registry_.find_award(text(cycle, "pack"), cycle["year"].get<int>(), text(award, "credit_code"),
                                          text(award, "award"));
            if (!a) continue;
            for (const auto& o : registry_.obligations_of(a->id)) {
                if (o.obligation != text(obligation, "id")) continue;
                auto r = registry_.find_report(o.id, report["year"].get<int>());
                if (!r || r->details.figures.empty()) continue;
                json figures = json::array();
                for (const auto& f : r->details.figures)
                    figures.push_back({{"indicator", f.indicator}, {"year", f.year}, {"value", hundredths_text(f.hundredths)}});
                report["figures"] = std::move(figures);
            }
        }
    }

    // The record names the JSON checks write inside their texts ("已写在 /cycles/0（benxi
    // 2018年度）"), with the row they stand for.
    void names_for_texts(Level level, const std::string& path, const json& record) {
        std::string suffix;
        if (level == Level::Cycle) {
            if (record.contains("pack") && record["pack"].is_string() && record.contains("year") &&
                record["year"].is_number_integer())
                suffix = "（" + record["pack"].get<std::string>() + " " + std::to_string(record["year"].get<long long>()) +
                         "年度）";
        } else if (record.contains("name") && record["name"].is_string() &&
                   !ingest::trim(record["name"].get<std::string>()).empty()) {
            suffix = "（" + ingest::excerpt(ingest::trim(record["name"].get<std::string>()), ingest::kNameMaxChars) + "）";
        }
        // The checks name a record after its parent as written (an obligation after its award
        // with the award's name) or as the bare path (an award after its cycle): both are kept.
        const std::string parent = path.substr(0, path.rfind('/', path.rfind('/') - 1));
        auto base = texts_.find(parent);
        const std::string own = path.substr(parent.size()) + suffix;
        const std::string& label = origins_[path].label;
        for (const std::string& written : {(base != texts_.end() ? base->second : parent) + own, parent + own}) {
            rewrites_.emplace_back(written, label);
            for (const char* nested : {"/certificate", "/revocation", "/top_up"}) rewrites_.emplace_back(written + nested, label);
        }
        texts_[path] = (base != texts_.end() ? base->second : parent) + own;
    }

    std::string rewrite(std::string text) const {
        if (text.find("/cycles/") == std::string::npos && text.find("/higher_awards/") == std::string::npos) return text;
        for (const auto& [from, to] : rewrites_)
            for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
                // Not a prefix of a longer path ("/cycles/1" in "/cycles/12").
                const std::size_t end = at + from.size();
                if (end < text.size() && text[end] >= '0' && text[end] <= '9') {
                    at += 1;
                    continue;
                }
                text.replace(at, from.size(), to);
            }
        return text;
    }

    std::string label_;
    const xlsx::WorkbookData& book_;
    Registry& registry_;
    const PolicyCatalog& packs_;
    json doc_;
    std::vector<bool> present_;                               // by sheet index
    std::map<std::pair<std::size_t, int>, std::string> headers_;  // (sheet, column) -> header
    std::vector<Located> problems_;                           // of the cells
    std::map<std::string, Origin> origins_;                   // canonical path -> where it came from
    std::set<std::string> synthetic_;                         // stand-in records
    std::set<std::pair<std::string, std::string>> reported_;  // (path, field) told as a cell already
    std::map<std::pair<Level, std::string>, Parent> found_;   // (level, identity from the top) -> record
    std::map<std::pair<Level, std::string>, std::string> stand_ins_;
    std::map<std::string, std::string> keys_;                 // path -> identity from the top
    std::map<std::string, std::string> texts_;                // path -> the record as the checks write it
    std::vector<std::pair<std::string, std::string>> rewrites_;  // longest first
    std::vector<std::string> reports_;
};

}  // namespace

ImportSummary Registry::import_xlsx(const fs::path& file, const PolicyCatalog& packs) {
    const std::string label = file.string();
    std::error_code ec;
    if (!fs::exists(file, ec)) throw InputError({{label, "", "", "", "存在的 XLSX 文件（检查路径和文件名）"}});
    xlsx::WorkbookData book;
    try {
        book = xlsx::read_xlsx(file, label);
    } catch (const xlsx::XlsxReadError& e) {
        ingest::ProblemList out;
        out.add(label, e.part(), "", "", "能读取的 Excel 工作簿（" + e.detail() + "）");
        throw InputError(out.items);
    }
    WorkbookReader reader(label, book, *this, packs);
    reader.read();
    return import_document(reader.doc(), label, packs,
                           [&](std::vector<Problem> found) { return reader.finish(std::move(found)); });
}

}  // namespace award
