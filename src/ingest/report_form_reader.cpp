// Reading a filled yearly report form back: see report_form_reader.hpp, and
// render/xlsx/report_form_xlsx.hpp for the layout (model/report_form.hpp holds the parts
// both use).
#include "ingest/report_form_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "ingest/text_rules.hpp"
#include "ingest/xlsx_reader.hpp"
#include "model/text.hpp"
#include "model/utf8.hpp"

namespace award::ingest {

namespace fs = std::filesystem;
namespace L = report_layout;

namespace {

const std::string kNotOurs =
    "由 award reports forms 生成、识别信息完整的报送表（此文件不是秘书处发出的报送表，或隐藏的工作表「识别信息」被删改；"
    "请在秘书处发出的报送表中填写，不要删除或改动隐藏的工作表）";

std::string sheet_record(const std::string& sheet) { return "工作表「" + sheet + "」"; }
std::string cell_record(const std::string& sheet, int row, int col) {
    return sheet_record(sheet) + " 单元格 " + xlsx::cell_name(row, col);
}

std::string cell_text(const xlsx::SheetData& s, int row, int col) {
    const xlsx::CellValue* c = s.at(row, col);
    if (!c || c->type == xlsx::CellValue::Type::Empty) return "";
    return c->text;
}

// What a cell holds, as the user would describe it.
std::string shown_value(const xlsx::CellValue& c) {
    if (c.has_formula) return c.formula.empty() ? "（公式）" : "=" + c.formula;
    return c.text;
}

// Full-width digits, point, minus, comma and percent sign (typed with a Chinese input
// method) as ASCII; the minus signs people paste (U+2212, U+FF0D) as '-'.
std::string ascii_digits(const std::string& s) {
    std::string out;
    for (auto ch : utf8::characters(s)) {
        const char32_t cp = utf8::code_point(ch);
        if (cp >= U'０' && cp <= U'９') out += char('0' + (cp - U'０'));
        else if (cp == U'．') out += '.';
        else if (cp == U'％') out += '%';
        else if (cp == U'，') out += ',';
        else if (cp == U'－' || cp == U'−') out += '-';
        else out += ch;
    }
    return out;
}


// "2026-03-20", "2026/3/20", "2026.3.20", "2026年3月20日".
std::optional<Date> text_date(std::string t) {
    if (auto d = Date::parse(t)) return d;
    if (t.size() > 10 && t[10] == 'T' && t.find_first_not_of("0:.", 11) == std::string::npos) return Date::parse(t.substr(0, 10));
    for (const char* from : {"年", "月", "/", "."}) {
        for (auto at = t.find(from); at != std::string::npos; at = t.find(from)) t.replace(at, std::string(from).size(), "-");
    }
    if (auto at = t.find("日"); at != std::string::npos && at + 3 == t.size()) t.erase(at);
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(t.c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, m, d);
    return Date::parse(iso);
}

class Reader {
public:
    Reader(const xlsx::WorkbookData& wb, const std::string& file, const PolicyCatalog& packs, ProblemList& out)
        : wb_(wb), file_(file), packs_(packs), out_(out) {}

    std::optional<ReportFormRead> read() {
        const xlsx::SheetData* ident = find_ident_sheet();
        if (!ident) {
            out_.add(file_, sheet_record(kReportFormIdentSheet), "", "", kNotOurs);
            return std::nullopt;
        }
        if (!read_ident(*ident)) return std::nullopt;
        const xlsx::SheetData* form = find_form_sheet();
        if (!form) {
            out_.add(file_, sheet_record(kReportFormSheet), "", "",
                     "报送表的工作表「" + std::string(kReportFormSheet) + "」（文件中没有它，或它的表格编号 " +
                         xlsx::cell_name(L::kFormIdRow, L::kColValue) + " 被改动）");
            return std::nullopt;
        }
        r_.ident_record = sheet_record(ident_name_);
        r_.name_cell = cell_record(form->name, L::kNameRow, L::kColValue);
        r_.code_cell = cell_record(form->name, L::kCodeRow, L::kColValue);
        const std::size_t before = out_.items.size();
        check_identity(*form);
        if (out_.items.size() != before) return r_;  // another organisation's or year's form: its figures do not matter
        read_figures(*form);
        read_filer(*form);
        return r_;
    }

private:
    const xlsx::SheetData* find_ident_sheet() const {
        if (const auto* s = wb_.find(kReportFormIdentSheet); s && s->worksheet) return s;
        for (const auto& s : wb_.sheets)  // renamed: known by its first row
            if (s.worksheet && cell_text(s, 1, 1) == "format" && cell_text(s, 1, 2) == kReportFormFormat) return &s;
        return nullptr;
    }

    const xlsx::SheetData* find_form_sheet() const {
        if (const auto* s = wb_.find(kReportFormSheet); s && s->worksheet) return s;
        for (const auto& s : wb_.sheets)  // renamed: known by its 表格编号
            if (s.worksheet && s.name != ident_name_ && trim(cell_text(s, L::kFormIdRow, L::kColValue)) == r_.form_id)
                return &s;
        return nullptr;
    }

    const std::string& value(const std::string& key) const {
        static const std::string none;
        auto it = values_.find(key);
        return it == values_.end() ? none : it->second.first;
    }
    int row_of(const std::string& key) const {
        auto it = values_.find(key);
        return it == values_.end() ? 0 : it->second.second;
    }
    void ident_problem(const std::string& key, const std::string& expected) {
        const int row = row_of(key);
        out_.add(file_, row ? cell_record(ident_name_, row, 2) : sheet_record(ident_name_), key, value(key), expected);
    }

    // A cell reference of the identification sheet ("B22"); false (reported) otherwise.
    bool cell_ref(const std::string& key, int& row, int& col) {
        if (xlsx::parse_cell_name(value(key), row, col)) return true;
        ident_problem(key, kNotOurs);
        return false;
    }

    bool read_ident(const xlsx::SheetData& s) {
        ident_name_ = s.name;
        struct Listed {
            std::string value, extra;
            int row;
        };
        std::vector<Listed> years, indicators;
        bool ok = true;
        for (int row = 1; row <= s.max_row(); ++row) {
            const std::string key = trim(cell_text(s, row, 1));
            const std::string v = trim(cell_text(s, row, 2));
            const std::string extra = trim(cell_text(s, row, 3));
            if (key.empty()) continue;
            if (key == "year") years.push_back({v, extra, row});
            else if (key == "indicator") indicators.push_back({v, extra, row});
            else if (!values_.emplace(key, std::make_pair(v, row)).second) {
                out_.add(file_, cell_record(s.name, row, 1), key, v, kNotOurs);
                ok = false;
            }
        }
        if (value("format") != kReportFormFormat) {
            ident_problem("format", kNotOurs);
            return false;
        }
        if (value("version") != std::to_string(kReportFormVersion)) {
            ident_problem("version", "第 " + std::to_string(kReportFormVersion) +
                                         " 版报送表（这份报送表的版本不同：请向秘书处索取本年度的报送表重新填写）");
            return false;
        }
        for (const char* key : {"pack", "obligation", "report_year", "credit_code", "name", "award_year", "award", "due",
                                "form_id", "filled_by", "phone", "filled_on"})
            if (value(key).empty()) {
                ident_problem(key, kNotOurs);
                ok = false;
            }
        if (!ok) return false;
        auto pack = packs_.find(value("pack"));
        if (pack == packs_.end()) {
            std::vector<std::string> ids;
            for (const auto& [id, p] : packs_) ids.push_back(id);
            ident_problem("pack", "已知的政策包编号之一：" + join(ids) + "（这份报送表所属的政策包不在 templates/policies/ 中）");
            return false;
        }
        r_.policy = &pack->second;
        for (const auto& o : r_.policy->obligations)
            if (o.id == value("obligation") && o.report_form) r_.obligation = &o;
        if (!r_.obligation) {
            std::vector<std::string> ids;
            for (const auto& o : r_.policy->obligations)
                if (o.report_form) ids.push_back(o.id + "（" + o.article + "）");
            ident_problem("obligation", "政策包 " + r_.policy->id + " 中设有报送表的义务之一：" +
                                            (ids.empty() ? std::string("（没有）") : join(ids)));
            return false;
        }
        const ReportForm& form = *r_.obligation->report_form;
        ReportFormIdentity& id = r_.identity;
        id.pack = r_.policy->id;
        id.obligation = r_.obligation->id;
        id.credit_code = value("credit_code");
        id.name = value("name");
        id.award = value("award");
        id.certificate = value("certificate");
        r_.form_id = value("form_id");
        auto year_of = [&](const std::string& key) -> int {
            const std::string& v = value(key);
            if (v.size() == 4 && v.find_first_not_of("0123456789") == std::string::npos) return std::stoi(v);
            ident_problem(key, kNotOurs);
            return 0;
        };
        id.report_year = year_of("report_year");
        id.award_year = year_of("award_year");
        auto due = Date::parse(value("due"));
        if (!due) ident_problem("due", kNotOurs);
        if (!id.report_year || !id.award_year || !due) return false;
        id.due = *due;
        id.years = report_years(id.report_year, form.years_shown);

        // The years and indicators the form was made with: the pack's, in its order.
        std::vector<std::string> listed_years, expected_years;
        for (const auto& y : years) listed_years.push_back(y.value);
        for (int y : id.years) expected_years.push_back(std::to_string(y));
        if (listed_years != expected_years) {
            out_.add(file_, sheet_record(ident_name_), "year", join(listed_years), kNotOurs);
            return false;
        }
        std::vector<std::string> listed, expected;
        for (const auto& i : indicators) listed.push_back(i.value);
        for (const auto& i : form.indicators) expected.push_back(i.id);
        if (listed != expected) {
            out_.add(file_, sheet_record(ident_name_), "indicator", join(listed),
                     "政策包 " + r_.policy->id + " 现在的指标 " + join(expected) +
                         "（这份报送表是按另一版指标生成的：请用 award reports forms 重新生成报送表后填写）");
            return false;
        }
        for (std::size_t k = 0; k < years.size(); ++k) {
            int row = 0, col = 0;
            if (!xlsx::parse_cell_name(years[k].extra + "1", row, col) || col != L::kColFirstYear + int(k)) {
                out_.add(file_, cell_record(ident_name_, years[k].row, 3), "year", years[k].extra, kNotOurs);
                return false;
            }
        }
        for (std::size_t k = 0; k < indicators.size(); ++k)
            if (indicators[k].extra != std::to_string(L::kFirstIndicatorRow + int(k))) {
                out_.add(file_, cell_record(ident_name_, indicators[k].row, 3), "indicator", indicators[k].extra, kNotOurs);
                return false;
            }
        const auto filer = L::filer_cells(form.indicators.size(), id.years.size());
        int row = 0, col = 0;
        for (const auto& [key, r, c] : {std::tuple{"filled_by", filer.filer_row, filer.filer_col},
                                        std::tuple{"phone", filer.phone_row, filer.phone_col},
                                        std::tuple{"filled_on", filer.date_row, filer.date_col}}) {
            if (!cell_ref(key, row, col)) return false;
            if (row != r || col != c) {
                ident_problem(key, kNotOurs);
                return false;
            }
        }
        return true;
    }

    // The identity printed on the form, locked: what the identification sheet says.
    void check_identity(const xlsx::SheetData& s) {
        for (const auto& row : L::identity_rows(r_.identity, r_.form_id)) {
            const std::string label = trim(cell_text(s, row.row, L::kColLabel));
            const std::string given = trim(cell_text(s, row.row, L::kColValue));
            if (label == row.label && given == row.value) continue;
            out_.add(file_, cell_record(s.name, row.row, label == row.label ? L::kColValue : L::kColLabel), row.label,
                     label == row.label ? given : label,
                     (label == row.label ? row.value : row.label) + "：与隐藏的工作表「" + ident_name_ +
                         "」一致（报送表上的单位信息已锁定，不能改动；这份表可能被改过，或是从别的单位、别的年度的报送表复制来的："
                         "请在秘书处发给贵单位的本年度报送表中填写）");
        }
    }

    void read_figures(const xlsx::SheetData& s) {
        const ReportForm& form = *r_.obligation->report_form;
        const auto& years = r_.identity.years;
        std::size_t filled = 0;
        for (std::size_t k = 0; k < form.indicators.size(); ++k)
            for (std::size_t y = 0; y < years.size(); ++y) {
                const xlsx::CellValue* c = s.at(L::kFirstIndicatorRow + int(k), L::kColFirstYear + int(y));
                if (c && (c->has_formula || c->type != xlsx::CellValue::Type::Empty) &&
                    !(c->type == xlsx::CellValue::Type::Text && trim(c->text).empty()))
                    ++filled;
            }
        const int last_row = L::kFirstIndicatorRow + int(form.indicators.size()) - 1;
        const int last_col = L::kColFirstYear + int(years.size()) - 1;
        if (filled == 0) {
            out_.add(file_,
                     cell_record(s.name, L::kFirstIndicatorRow, L::kColFirstYear) + "–" + xlsx::cell_name(last_row, last_col),
                     "报送数据", "",
                     "每个指标每年的数值（这份报送表一项也没有填写，共 " +
                         std::to_string(form.indicators.size() * years.size()) + " 格）");
            return;
        }
        for (std::size_t k = 0; k < form.indicators.size(); ++k) {
            const ReportIndicator& ind = form.indicators[k];
            const int row = L::kFirstIndicatorRow + int(k);
            const std::string label = trim(cell_text(s, row, L::kColName));
            if (label != ind.name) {
                out_.add(file_, cell_record(s.name, row, L::kColName), "指标", label,
                         ind.name + "（指标的行被改动过：请在秘书处发出的报送表中填写，不要插入、删除或移动行）");
                continue;
            }
            for (std::size_t y = 0; y < years.size(); ++y) {
                const int col = L::kColFirstYear + int(y);
                if (auto h = figure(s, row, col, ind, years[y])) r_.figures.push_back({ind.id, years[y], *h});
            }
        }
    }

    std::optional<long long> figure(const xlsx::SheetData& s, int row, int col, const ReportIndicator& ind, int year) {
        const xlsx::CellValue* c = s.at(row, col);
        const std::string record = cell_record(s.name, row, col);
        const std::string field = ind.name + "（" + std::to_string(year) + "年，" + ind.unit + "）";
        const std::string expected = report_value_expectation(ind);
        auto bad = [&](const std::string& given, const std::string& why) -> std::optional<long long> {
            out_.add(file_, record, field, given, why);
            return std::nullopt;
        };
        if (!c) return bad("", expected + "（每一格都须填写）");
        if (c->has_formula) return bad(shown_value(*c), "直接填写的数值，不能是公式：" + expected);
        std::optional<long long> h;
        switch (c->type) {
        case xlsx::CellValue::Type::Empty:
            return bad("", expected + "（每一格都须填写）");
        case xlsx::CellValue::Type::Number:
            if (c->looks_like_date()) return bad(c->text + "（日期格式）", "数值，不是日期：" + expected);
            h = decimal_text_to_hundredths(c->text);
            if (!h && std::isfinite(c->number) && std::fabs(c->number) < 1e13) {
                // Excel may store 1234.56 as 1234.5599999999999: the nearest hundredth, when that close.
                const double x = c->number * 100;
                const double r = std::round(x);
                if (std::fabs(x - r) <= 1e-6 * std::max(1.0, std::fabs(x))) h = static_cast<long long>(r);
                else return bad(c->text, expected);
            }
            break;
        case xlsx::CellValue::Type::Text: {
            std::string t = ascii_digits(trim(c->text));
            if (t.empty()) return bad("", expected + "（每一格都须填写）");
            if (ind.kind == ReportIndicator::Kind::Percent && t.back() == '%') t = trim(t.substr(0, t.size() - 1));
            if (!t.empty() && t.front() == '+') t.erase(0, 1);
            h = decimal_text_to_hundredths(t);
            if (!h) return bad(c->text, "数字：" + expected);
            break;
        }
        case xlsx::CellValue::Type::Boolean:
        case xlsx::CellValue::Type::Error:
            return bad(c->text, "数字：" + expected);
        }
        if (!h) return bad(c->text, "数字：" + expected);
        if (!report_value_fits(ind, *h)) return bad(c->text, expected);
        return h;
    }

    // 填报人 and 联系电话 (required), 填报日期 (optional).
    void read_filer(const xlsx::SheetData& s) {
        const ReportForm& form = *r_.obligation->report_form;
        const auto cells = L::filer_cells(form.indicators.size(), r_.identity.years.size());
        auto text = [&](int row, int col, const std::string& field, bool digits_ok) -> std::string {
            const xlsx::CellValue* c = s.at(row, col);
            const std::string record = cell_record(s.name, row, col);
            const std::string expected = "不超过 " + std::to_string(kReportFilerMaxChars) + " 个字的文字";
            if (!c || c->type == xlsx::CellValue::Type::Empty || (c->type == xlsx::CellValue::Type::Text && trim(c->text).empty())) {
                out_.add(file_, record, field, "", expected + "（必填：秘书处核对数据时与谁联系）");
                return "";
            }
            if (c->has_formula) {
                out_.add(file_, record, field, shown_value(*c), "直接填写的" + expected + "，不能是公式");
                return "";
            }
            std::string t;
            if (c->type == xlsx::CellValue::Type::Text) t = trim(c->text);
            else if (digits_ok && c->type == xlsx::CellValue::Type::Number && !c->text.empty() &&
                     c->text.find_first_not_of("0123456789") == std::string::npos)
                t = c->text;  // a phone number typed into a number cell
            else {
                out_.add(file_, record, field, c->text, expected);
                return "";
            }
            if (auto why = text_expectation_problem(t, kReportFilerMaxChars); !why.empty()) {
                out_.add(file_, record, field, excerpt(t, 40), why);
                return "";
            }
            return t;
        };
        r_.filled_by = text(cells.filer_row, cells.filer_col, "填报人", false);
        r_.phone = text(cells.phone_row, cells.phone_col, "联系电话", true);
        const xlsx::CellValue* c = s.at(cells.date_row, cells.date_col);
        if (!c || (c->type == xlsx::CellValue::Type::Empty && !c->has_formula)) return;
        const std::string record = cell_record(s.name, cells.date_row, cells.date_col);
        const std::string expected = "日期（如 2026-03-20），或不填";
        if (c->has_formula) {
            out_.add(file_, record, "填报日期", shown_value(*c), "直接填写的" + expected + "，不能是公式（如 =TODAY()）");
        } else if (c->type == xlsx::CellValue::Type::Number) {
            if (auto d = c->looks_like_date() ? xlsx::serial_date(c->number, wb_.date1904) : std::nullopt) r_.filled_on = d;
            else out_.add(file_, record, "填报日期", c->text, expected);
        } else if (c->type == xlsx::CellValue::Type::Text) {
            const std::string t = ascii_digits(trim(c->text));
            if (t.empty()) return;
            if (auto d = text_date(t)) r_.filled_on = d;
            else out_.add(file_, record, "填报日期", c->text, expected);
        } else {
            out_.add(file_, record, "填报日期", c->text, expected);
        }
    }

    const xlsx::WorkbookData& wb_;
    const std::string& file_;
    const PolicyCatalog& packs_;
    ProblemList& out_;
    std::string ident_name_;
    std::map<std::string, std::pair<std::string, int>> values_;  // key -> (value, row)
    ReportFormRead r_;
};

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& ch : ext)
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    return ext;
}

}  // namespace

std::optional<ReportFormRead> read_report_form(const fs::path& file, const std::string& shown_name,
                                               const PolicyCatalog& packs, ProblemList& out) {
    if (lower_extension(file) != ".xlsx") {
        out.add(shown_name, "", "", file.filename().string(),
                "报送表文件 .xlsx（由 award reports forms 生成；.xls、.et、.ods 请用 Excel 或 WPS 另存为 .xlsx）");
        return std::nullopt;
    }
    xlsx::WorkbookData wb;
    try {
        wb = xlsx::read_xlsx(file, shown_name);
    } catch (const xlsx::XlsxReadError& e) {
        out.add(shown_name, e.part(), "", "", "可以打开的 .xlsx 工作簿（" + e.detail() + "）");
        return std::nullopt;
    }
    auto r = Reader(wb, shown_name, packs, out).read();
    if (r) r->file = shown_name;
    return r;
}

}  // namespace award::ingest
