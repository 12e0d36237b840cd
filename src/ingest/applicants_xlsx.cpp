#include "ingest/applicants_xlsx.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <regex>

#include "ingest/xlsx_reader.hpp"
#include "model/text.hpp"

namespace award::ingest {

namespace fs = std::filesystem;
using xlsx::CellValue;

namespace {

enum class Kind { Text, Code, Phone, Date, Designations, Bool, SelfEvaluations, Incidents, PriorAwards, Amount };

struct Column {
    std::string header;
    std::string field;  // JSON field of applicants.json ("contact/name" inside contact)
    Kind kind;
    bool required;
};

const std::vector<Column>& columns() {
    static const std::vector<Column> list = {
        {"单位名称", "name", Kind::Text, true},
        {"统一社会信用代码", "credit_code", Kind::Code, true},
        {"申报奖项", "award", Kind::Text, true},
        {"注册地", "region", Kind::Text, true},
        {"通讯地址", "address", Kind::Text, true},
        {"成立日期", "founded", Kind::Date, true},
        {"所属行业", "industry", Kind::Text, true},
        {"称号", "designations", Kind::Designations, false},
        {"具备资质证照", "licences_valid", Kind::Bool, true},
        {"符合政策要求", "policy_compliant", Kind::Bool, true},
        {"自评结果", "self_evaluations", Kind::SelfEvaluations, true},
        {"事故投诉失信", "incidents", Kind::Incidents, true},
        {"以往获奖", "prior_awards", Kind::PriorAwards, true},
        {"联系人", "contact/name", Kind::Text, true},
        {"联系电话", "contact/phone", Kind::Phone, true},
        // Facts some regulations ask about (中牟县, 通州区, 鹿城区, 本溪市): optional columns.
        {"法人类型", "legal_form", Kind::Text, false},
        {"税收归属地", "tax_region", Kind::Text, false},
        {"推荐单位", "recommendation/by", Kind::Text, false},
        {"推荐单位类别", "recommendation/level", Kind::Text, false},
        {"环保信用等级", "environmental_credit", Kind::Text, false},
        {"实施卓越绩效起始日期", "excellence_model_since", Kind::Date, false},
        {"设有首席质量官", "has_chief_quality_officer", Kind::Bool, false},
        {"通过质量管理体系认证", "quality_system_certified", Kind::Bool, false},
        {"已在本单位内部公示", "internal_publicity_done", Kind::Bool, false},
        // For the yearly statistics: optional columns.
        {"所在镇（街道）", "township", Kind::Text, false},
        {"企业规模", "size", Kind::Text, false},
    };
    return list;
}

// 近年财务数据: one column per year and figure, any years, headed "<YYYY>年营业收入（万元）",
// "<YYYY>年利润总额（万元）" or "<YYYY>年纳税总额（万元）" (the brackets full-width or not).
struct FinancialHeader {
    int year = 0;
    std::string field;  // "revenue", "profit", "tax"
};

std::optional<FinancialHeader> financial_header(const std::string& header) {
    static const std::regex re("^([0-9]{4})年(营业收入|利润总额|纳税总额)(?:（|\\()万元(?:）|\\))$");
    std::smatch m;
    if (!std::regex_match(header, m, re)) return std::nullopt;
    const std::string what = m[2].str();
    return FinancialHeader{std::stoi(m[1].str()), what == "营业收入" ? "revenue" : what == "利润总额" ? "profit" : "tax"};
}

const std::string kFinancialHeaders = "以及近年财务数据列“<年份>年营业收入（万元）”“<年份>年利润总额（万元）”“<年份>年纳税总额（万元）”";

const Column* column_for_field(const std::string& field) {
    for (const auto& c : columns())
        if (c.field == field) return &c;
    return nullptr;
}

std::string known_headers() {
    std::vector<std::string> names;
    for (const auto& c : columns()) names.push_back(c.header);
    return join(names) + "，" + kFinancialHeaders;
}

// The cell as the user sees it, for messages.
std::string shown_value(const CellValue& v) {
    if (v.type == CellValue::Type::Number && v.looks_like_date()) return v.text + "（日期序号）";
    return v.text;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Splits at any of the separators (UTF-8 strings), dropping empty pieces (after trim).
std::vector<std::string> split_any(const std::string& s, const std::vector<std::string>& separators) {
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t i = 0; i < s.size();) {
        bool cut = false;
        for (const auto& sep : separators) {
            if (s.compare(i, sep.size(), sep) == 0) {
                parts.push_back(current);
                current.clear();
                i += sep.size();
                cut = true;
                break;
            }
        }
        if (!cut) current += s[i++];
    }
    parts.push_back(current);
    std::vector<std::string> kept;
    for (auto& p : parts)
        if (auto t = trim(p); !t.empty()) kept.push_back(t);
    return kept;
}

std::vector<std::string> lines_of(const std::string& s) { return split_any(s, {"\r\n", "\n", "\r", "；", ";"}); }
std::vector<std::string> words_of(const std::string& s) { return split_any(s, {" ", "\t", "\u3000"}); }


const std::string kTextCell = "文字单元格（该列按文字填写；数字请先把单元格设为“文本”格式再输入）";

struct RowReader {
    ProblemList& out;
    const xlsx::SheetData& sheet;
    bool date1904;
    ApplicantsSheet& result;
    std::size_t index;
    int row;
    std::string record;  // 第N行（单位名称）

    void bad(const Column& c, int col, const std::string& value, const std::string& expected,
             const std::string& part = "") {
        out.add(kApplicantsXlsxFile, record, c.header + "（" + xlsx::cell_name(row, col) + "）" + part, value, expected);
        result.reported.emplace(index, c.field);
    }

    // The cell's text, or nullopt (reported) when it is not text.
    std::optional<std::string> text(const Column& c, int col, const CellValue& v) {
        if (v.type == CellValue::Type::Text) return v.text;
        bad(c, col, shown_value(v), kTextCell);
        return std::nullopt;
    }

    std::optional<json> value(const Column& c, int col, const CellValue& v) {
        switch (c.kind) {
            case Kind::Text:
                if (auto t = text(c, col, v)) return json(*t);
                return std::nullopt;
            case Kind::Code:
            case Kind::Phone:
                if (v.type == CellValue::Type::Number && all_digits(v.text)) return json(v.text);
                if (v.type == CellValue::Type::Number && c.kind == Kind::Code) {
                    bad(c, col, v.text,
                        "按文字保存的 18 位代码：Excel 已把这个代码当作数字保存并四舍五入，原来的代码无法还原；"
                        "请把该列设为“文本”格式后重新输入代码");
                    return std::nullopt;
                }
                if (auto t = text(c, col, v)) return json(*t);
                return std::nullopt;
            case Kind::Date: {
                const std::string expected = "日期单元格，或文字 YYYY-MM-DD（如 2026-09-18）";
                if (v.type == CellValue::Type::Number) {
                    auto d = v.looks_like_date() ? xlsx::serial_date(v.number, date1904) : std::nullopt;
                    if (d) return json(d->iso());
                    bad(c, col, shown_value(v), expected + (v.looks_like_date() ? "（不是一个整天的日期）" : "（该单元格是数字，不是日期格式）"));
                    return std::nullopt;
                }
                if (v.type != CellValue::Type::Text) {
                    bad(c, col, shown_value(v), expected);
                    return std::nullopt;
                }
                std::string t = trim(v.text);
                // A date cell saved as text (t="d"): "2010-05-20T00:00:00".
                if (t.size() > 10 && t[10] == 'T' && Date::parse(t.substr(0, 10)) &&
                    t.find_first_not_of("0:.", 11) == std::string::npos)
                    t = t.substr(0, 10);
                return json(t);
            }
            case Kind::Designations: {
                auto t = text(c, col, v);
                if (!t) return std::nullopt;
                json list = json::array();
                for (const auto& d : split_any(*t, {"、", "，", ","})) list.push_back(d);
                return list;
            }
            case Kind::Bool: {
                if (v.type == CellValue::Type::Boolean) return json(v.text == "TRUE");
                const std::string t = v.type == CellValue::Type::Text ? trim(v.text) : "";
                if (t == "是") return json(true);
                if (t == "否") return json(false);
                bad(c, col, shown_value(v), "“是”或“否”");
                return std::nullopt;
            }
            case Kind::SelfEvaluations:
            case Kind::Incidents:
            case Kind::PriorAwards:
                return list(c, col, v);
            case Kind::Amount:
                // As written (the stored digits of a number cell), for the applicants.json
                // checks to read exactly; a date is not an amount.
                if (v.type == CellValue::Type::Number && !v.looks_like_date()) return json(v.text);
                if (v.type == CellValue::Type::Text) return json(trim(v.text));
                bad(c, col, shown_value(v),
                    "数值单元格或文字：以万元为单位、最多两位小数的金额，如 1234.56、-35.2" +
                        std::string(v.type == CellValue::Type::Number ? "（该单元格是日期格式）" : ""));
                return std::nullopt;
        }
        return std::nullopt;
    }

    // One item per line (or per "；"); all the lines must be readable for the list to be checked.
    std::optional<json> list(const Column& c, int col, const CellValue& v) {
        auto t = text(c, col, v);
        if (!t) return std::nullopt;
        json items = json::array();
        bool ok = true;
        const auto lines = lines_of(*t);
        for (std::size_t j = 0; j < lines.size(); ++j) {
            const auto w = words_of(lines[j]);
            const std::string part = "第" + std::to_string(j + 1) + "条";
            if (c.kind == Kind::SelfEvaluations) {
                if (w.size() == 2 && all_digits(w[0]) && w[0].size() <= 4) {
                    items.push_back({{"year", std::stoi(w[0])}, {"result", w[1]}});
                    continue;
                }
                bad(c, col, lines[j], "每行一年：“年份 自评结果”，如“2024 良好”（多年分行写，或用“；”隔开）", part);
            } else if (c.kind == Kind::Incidents) {
                if (w.size() >= 3) {
                    json item = {{"date", w[0]}, {"kind", w[1]}, {"severity", w[2]}};
                    if (w.size() > 3)
                        item["description"] = join(std::vector<std::string>(w.begin() + 3, w.end()), " ");
                    items.push_back(std::move(item));
                    continue;
                }
                bad(c, col, lines[j], "每行一条：“日期 类别 程度 描述”，如“2024-05-01 质量事故 较大 一批产品召回”", part);
            } else {
                if (w.size() == 2 || ((w.size() == 4 || w.size() == 5) && w[2] == "撤销")) {
                    json item = {{"award", w[0]}, {"awarded_on", w[1]}};
                    if (w.size() >= 4) item["revoked_on"] = w[3];
                    if (w.size() == 5) item["revocation_reason"] = w[4];
                    items.push_back(std::move(item));
                    continue;
                }
                bad(c, col, lines[j],
                    "每行一项：“奖项名称 获奖日期”，被撤销的写“奖项名称 获奖日期 撤销 撤销日期 撤销原因”（政策包不按撤销原因区分禁止期时，撤销原因可省略），"
                    "如“区长质量提名奖 2025-09-18”“区长质量奖 2020-09-18 撤销 2022-03-01 弄虚作假”",
                    part);
            }
            ok = false;
        }
        if (!ok) return std::nullopt;
        return items;
    }
};

bool has_value(const CellValue& v) {
    return v.type != CellValue::Type::Empty && !(v.type == CellValue::Type::Text && trim(v.text).empty());
}

}  // namespace

std::optional<ApplicantsSheet> load_applicants_xlsx(const fs::path& case_dir, ProblemList& out) {
    xlsx::WorkbookData book;
    try {
        book = xlsx::read_xlsx(case_dir / kApplicantsXlsxFile, kApplicantsXlsxFile);
    } catch (const xlsx::XlsxReadError& e) {
        out.add(kApplicantsXlsxFile, e.part(), "", "", "能读取的 Excel 工作簿（" + e.detail() + "）");
        return std::nullopt;
    }
    const xlsx::SheetData* sheet = nullptr;
    for (const auto& s : book.sheets)
        if (s.worksheet && s.visibility == xlsx::SheetData::Visibility::Visible) {
            sheet = &s;
            break;
        }
    if (!sheet) {
        out.add(kApplicantsXlsxFile, "", "", "", "至少有一个未隐藏的工作表（第一个未隐藏的工作表就是申报组织名单）");
        return std::nullopt;
    }
    ApplicantsSheet result;
    result.sheet = sheet->name;
    const std::string sheet_label = "工作表“" + sheet->name + "”";

    // Row 1: the headers.
    bool header_problems = false;
    std::map<int, const Column*> by_col;
    std::deque<Column> financial_columns;  // field "financials/<year>/<revenue|profit|tax>"
    for (const auto& [pos, v] : sheet->cells) {
        if (pos.first != 1) break;  // cells are in row order
        if (!has_value(v)) continue;
        const std::string cell = xlsx::cell_name(1, pos.second);
        const std::string header = v.type == CellValue::Type::Text ? trim(v.text) : v.text;
        auto it = std::find_if(columns().begin(), columns().end(), [&](const Column& c) { return c.header == header; });
        const auto financial = v.type == CellValue::Type::Text ? financial_header(header) : std::nullopt;
        if (financial) {
            const auto key = std::make_pair(financial->year, financial->field);
            const auto same = result.financial_headers.find(key);
            const auto written = result.columns.emplace(header, pos.second);
            if (same != result.financial_headers.end() || !written.second) {
                const int first_col = same != result.financial_headers.end() ? result.columns.at(same->second)
                                                                             : written.first->second;
                out.add(kApplicantsXlsxFile, sheet_label + " 第1行", "表头（" + cell + "）", header,
                        "只出现一次的表头（与 " + xlsx::cell_name(1, first_col) + " 是同一年度的同一项）");
                header_problems = true;
                continue;
            }
            result.financial_headers.emplace(key, header);
            financial_columns.push_back(Column{header, "financials/" + std::to_string(financial->year) + "/" +
                                                           financial->field, Kind::Amount, false});
            by_col[pos.second] = &financial_columns.back();
            continue;
        }
        if (v.type != CellValue::Type::Text || it == columns().end()) {
            out.add(kApplicantsXlsxFile, sheet_label + " 第1行", "表头（" + cell + "）", header,
                    "已知的表头之一：" + known_headers() + "（见 samples/README.md 第 4.1 节）");
            header_problems = true;
            continue;
        }
        if (auto [first, fresh] = result.columns.emplace(header, pos.second); !fresh) {
            out.add(kApplicantsXlsxFile, sheet_label + " 第1行", "表头（" + cell + "）", header,
                    "只出现一次的表头（与 " + xlsx::cell_name(1, first->second) + " 重复）");
            header_problems = true;
            continue;
        }
        by_col[pos.second] = &*it;
    }
    std::vector<std::string> missing;
    for (const auto& c : columns())
        if (c.required && !result.columns.count(c.header)) missing.push_back(c.header);
    if (!missing.empty()) {
        out.add(kApplicantsXlsxFile, sheet_label + " 第1行", "表头", "",
                "含有全部必需的列，缺少：" + join(missing) + "（表头写在第1行，见 samples/README.md 第 4.1 节）");
        header_problems = true;
    }
    if (header_problems) return std::nullopt;

    // The rows below, one applicant each; rows with nothing in them are skipped.
    std::map<int, std::vector<std::pair<int, const CellValue*>>> rows;
    for (const auto& [pos, v] : sheet->cells)
        if (pos.first > 1 && has_value(v)) rows[pos.first].emplace_back(pos.second, &v);
    json list = json::array();
    for (const auto& [row, cells] : rows) {
        const std::size_t index = list.size();
        std::string suffix;
        if (auto it = result.columns.find("单位名称"); it != result.columns.end())
            if (const CellValue* v = sheet->at(row, it->second); v && v->type == CellValue::Type::Text && !trim(v->text).empty())
                suffix = "（" + excerpt(trim(v->text), kNameMaxChars) + "）";
        RowReader reader{out, *sheet, book.date1904, result, index, row, "第" + std::to_string(row) + "行" + suffix};
        json applicant = json::object();
        json contact = json::object();
        json recommendation = json::object();
        std::map<int, json> financials;  // year -> {"year": …, "revenue": …, …}
        for (const auto& [col, v] : cells) {
            auto c = by_col.find(col);
            if (c == by_col.end()) {
                out.add(kApplicantsXlsxFile, reader.record, xlsx::cell_name(row, col), shown_value(*v),
                        "空单元格：这一列第1行没有表头（内容只能填在有表头的列中）");
                continue;
            }
            auto value = reader.value(*c->second, col, *v);
            if (!value) continue;
            const std::string& field = c->second->field;
            if (field.rfind("contact/", 0) == 0) {
                contact[field.substr(8)] = std::move(*value);
            } else if (field.rfind("recommendation/", 0) == 0) {
                recommendation[field.substr(15)] = std::move(*value);
            } else if (field.rfind("financials/", 0) == 0) {
                const std::string rest = field.substr(11);  // "<year>/<figure>"
                const int year = std::stoi(rest.substr(0, rest.find('/')));
                json& item = financials[year];
                item["year"] = year;
                item[rest.substr(rest.find('/') + 1)] = std::move(*value);
            } else {
                applicant[field] = std::move(*value);
            }
        }
        // A year whose cells were all unusable (reported) is left out, not reported again as empty.
        if (!financials.empty()) {
            json list = json::array();
            for (auto& [year, item] : financials) list.push_back(std::move(item));
            applicant["financials"] = std::move(list);
        }
        if (!recommendation.empty()) applicant["recommendation"] = std::move(recommendation);
        // An empty list cell: none (applicants.json's []).
        for (const char* f : {"self_evaluations", "incidents", "prior_awards", "designations"})
            if (!applicant.contains(f) && !result.reported.count({index, f})) applicant[f] = json::array();
        applicant["contact"] = std::move(contact);
        list.push_back(std::move(applicant));
        result.rows.push_back(row);
    }
    result.doc = {{"applicants", std::move(list)}};
    return result;
}

namespace {

// "/applicants/3/incidents/0（名称）" -> index 3, sub "incidents", item 0, suffix "（名称）".
struct RecordPath {
    std::size_t index = 0;
    std::string sub;
    std::optional<std::size_t> item;
    std::string suffix;
};

std::optional<RecordPath> parse_record(const std::string& record) {
    static const std::regex re(R"(^/applicants/(\d+)(?:/([a-z_]+)(?:/(\d+))?)?(.*)$)");
    std::smatch m;
    if (!std::regex_match(record, m, re)) return std::nullopt;
    RecordPath p;
    p.index = std::stoul(m[1].str());
    p.sub = m[2].str();
    if (m[3].matched) p.item = std::stoul(m[3].str());
    p.suffix = m[4].str();
    return p;
}

std::string part_name(const std::string& field) {
    static const std::map<std::string, std::string> names = {
        {"year", "年份"},   {"result", "自评结果"},     {"date", "日期"},          {"kind", "类别"},
        {"severity", "程度"}, {"description", "描述"}, {"award", "奖项名称"}, {"awarded_on", "获奖日期"},
        {"revoked_on", "撤销日期"}, {"revocation_reason", "撤销原因"}};
    auto it = names.find(field);
    return it != names.end() ? it->second : field;
}

std::string row_of(const ApplicantsSheet& sheet, std::size_t k) {
    return k < sheet.rows.size() ? "第" + std::to_string(sheet.rows[k]) + "行" : "第?行";
}

// "/applicants/2（名称）" and "/applicants/2/self_evaluations/0" in a message -> 第4行…
std::string rewrite_paths(const std::string& text, const ApplicantsSheet& sheet) {
    static const std::regex re(R"(/applicants/(\d+)(?:/([a-z_]+)/(\d+))?)");
    std::string result;
    auto begin = std::sregex_iterator(text.begin(), text.end(), re);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        result += text.substr(last, std::size_t(m.position()) - last);
        result += row_of(sheet, std::stoul(m[1].str()));
        if (m[2].matched)
            if (const Column* c = column_for_field(m[2].str()))
                result += " " + c->header + "第" + std::to_string(std::stoul(m[3].str()) + 1) + "条";
        last = std::size_t(m.position() + m.length());
    }
    return result + text.substr(last);
}

// "2024年利润总额（万元）（F5）" for a problem in item `item` of applicant k's financials:
// the column of the figure named by `field`, or for its year the first column of that year.
std::string financial_field(const ApplicantsSheet& sheet, std::size_t k, std::size_t item, const std::string& field) {
    const json& apps = sheet.doc.at("applicants");
    if (k >= apps.size() || !apps[k].contains("financials") || item >= apps[k]["financials"].size())
        return "财务数据";
    const int year = apps[k]["financials"][item].value("year", 0);
    std::string header;
    for (const auto& [key, written] : sheet.financial_headers)
        if (key.first == year && (key.second == field || (header.empty() && field == "year"))) header = written;
    if (header.empty()) return std::to_string(year) + "年财务数据";
    auto col = sheet.columns.find(header);
    if (col != sheet.columns.end() && k < sheet.rows.size())
        header += "（" + xlsx::cell_name(sheet.rows[k], col->second) + "）";
    return header;
}

}  // namespace

void translate_applicant_problems(const ProblemList& found, const ApplicantsSheet& sheet, ProblemList& out) {
    for (const Problem& p : found.items) {
        Problem q = p;
        q.file = kApplicantsXlsxFile;
        q.value = rewrite_paths(p.value, sheet);
        q.expected = rewrite_paths(p.expected, sheet);
        auto path = parse_record(p.record);
        if (!path) {  // the file as a whole: no applicant rows
            q.record = "工作表“" + sheet.sheet + "”";
            if (p.field == "applicants") {
                q.field = "";
                q.value = "";
                q.expected = "至少一行申报组织（第1行是表头，第2行起每行一个组织）";
            }
            out.items.push_back(std::move(q));
            continue;
        }
        // The column: a field of the applicant, of its contact, or of an item in a list cell.
        std::string key = path->sub.empty() ? p.field.substr(0, p.field.find('/')) : path->sub;
        if (path->sub == "contact" || path->sub == "recommendation") key = path->sub + "/" + p.field;
        if (sheet.reported.count({path->index, key})) continue;
        q.record = row_of(sheet, path->index) + path->suffix;
        if (path->sub == "financials" && path->item) {  // the column of that year's figure
            q.field = financial_field(sheet, path->index, *path->item, p.field);
            out.items.push_back(std::move(q));
            continue;
        }
        const Column* c = column_for_field(key);
        if (!c) {
            q.field = rewrite_paths(p.field, sheet);
        } else {
            auto col = sheet.columns.find(c->header);
            q.field = c->header;
            if (col != sheet.columns.end() && path->index < sheet.rows.size())
                q.field += "（" + xlsx::cell_name(sheet.rows[path->index], col->second) + "）";
            if (path->item) {
                q.field += "第" + std::to_string(*path->item + 1) + "条";
                if (!p.field.empty()) q.field += " " + part_name(p.field);
            } else if (auto slash = p.field.find('/'); slash != std::string::npos && key == "designations") {
                q.field += "第" + std::to_string(std::stoul(p.field.substr(slash + 1)) + 1) + "项";
            }
        }
        out.items.push_back(std::move(q));
    }
}

std::string applicant_xlsx_source(const ApplicantsSheet& sheet, std::size_t k) {
    return kApplicantsXlsxFile + ": " + row_of(sheet, k);
}

}  // namespace award::ingest
