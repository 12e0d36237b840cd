// Reading a reviewer's score sheet back: the XLSX `award sheets` wrote (see
// render/xlsx/score_sheet_xlsx.hpp for its layout, mirrored here), as saved again by
// Excel, WPS or LibreOffice, or the same content as JSON.
#include "ingest/score_sheet_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "ingest/text_rules.hpp"
#include "ingest/xlsx_reader.hpp"
#include "model/text.hpp"
#include "model/utf8.hpp"

namespace award::ingest {

namespace fs = std::filesystem;

namespace {

// ---- the layout of render/xlsx/score_sheet_xlsx (1-based rows and columns) ----
const std::string kFormat = kScoreSheetFormat;  // model/review.hpp, shared with the writer
constexpr int kVersion = kScoreSheetVersion;
const std::string kIdentSheet = kScoreSheetIdentSheet;
constexpr int kCreditCodeRow = 5, kCreditCodeCol = 2;  // B5
constexpr int kIdentCol = 8;                           // H1:H5, hidden
constexpr int kFirstDataRow = 9;
constexpr int kColId = 1, kColInput = 4, kColStrengths = 6, kColImprovements = 7;
constexpr int kColComment = 5;  // presentation: the 评语 beside the score in D9
constexpr std::size_t kSheetTextMaxChars = kScoreSheetTextMaxChars;

const std::string kNotOurs =
    "由 award sheets 生成、识别信息完整的评分表（此文件不是由 award sheets 生成的评分表，或识别信息被删改；"
    "请用秘书处发出的评分表填写，不要删除或改动隐藏的工作表「识别信息」）";

std::string sheet_record(const std::string& sheet) { return "工作表「" + sheet + "」"; }
std::string cell_record(const std::string& sheet, int row, int col) {
    return sheet_record(sheet) + " 单元格 " + xlsx::cell_name(row, col);
}

std::string percent_expectation(int step) {
    return "0–100 之间、" + std::to_string(step) + " 的整数倍的整数（如 60、65），不带 %";
}

std::string score_expectation(int max) {
    return "0–" + std::to_string(max) + " 之间的分数，最多一位小数（如 86.5）";
}

// ---- numbers as people type them -------------------------------------------------

// Full-width digits, point and percent sign (typed with a Chinese input method) as ASCII.
std::string ascii_digits(const std::string& s) {
    std::string out;
    for (auto ch : utf8::characters(s)) {
        const char32_t cp = utf8::code_point(ch);
        if (cp >= U'０' && cp <= U'９') out += char('0' + (cp - U'０'));
        else if (cp == U'．') out += '.';
        else if (cp == U'％') out += '%';
        else if (cp == U'＋') out += '+';
        else out += ch;
    }
    return out;
}

// "60", "+60", "62.5": digits with at most one point; nothing else.
std::optional<double> plain_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = s[0] == '+' ? 1 : 0;
    bool digits = false, point = false;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (s[k] >= '0' && s[k] <= '9') digits = true;
        else if (s[k] == '.' && !point) point = true;
        else return std::nullopt;
    }
    if (!digits || s.size() - i > 20) return std::nullopt;
    return std::stod(s.substr(i));
}

struct Number {
    enum class Kind { Empty, Value, Formula, NotNumber } kind = Kind::Empty;
    double value = 0;
    std::string given;  // as it stands in the cell
};

// An input cell's number: a number, or text that is one (" 60 ", "６０", and with
// percent_sign "60%": WPS and LibreOffice users type numbers into text cells).
Number cell_number(const xlsx::CellValue* c, bool percent_sign) {
    Number n;
    if (!c) return n;
    if (c->has_formula) {
        n.kind = Number::Kind::Formula;
        n.given = c->formula.empty() ? "（公式）" : "=" + c->formula;
        return n;
    }
    switch (c->type) {
    case xlsx::CellValue::Type::Empty:
        return n;
    case xlsx::CellValue::Type::Number:
        n.kind = Number::Kind::Value;
        n.value = c->number;
        n.given = c->text.empty() ? std::to_string(c->number) : c->text;
        return n;
    case xlsx::CellValue::Type::Text: {
        n.given = c->text;
        std::string s = ascii_digits(trim(c->text));
        if (s.empty()) return n;  // only spaces: not filled in
        if (percent_sign && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
        if (auto v = plain_number(s)) {
            n.kind = Number::Kind::Value;
            n.value = *v;
        } else {
            n.kind = Number::Kind::NotNumber;
        }
        return n;
    }
    case xlsx::CellValue::Type::Boolean:
    case xlsx::CellValue::Type::Error:
        n.kind = Number::Kind::NotNumber;
        n.given = c->text;
        return n;
    }
    return n;
}

bool whole(double v, double scale = 1) { return std::fabs(v * scale - std::round(v * scale)) < 1e-6; }

// ---- texts -------------------------------------------------------------------------

// Lines trimmed, blank lines dropped, joined by "\n" (Alt+Enter in a cell is allowed).
std::string tidy_lines(const std::string& s) {
    std::string out, line;
    const auto flush = [&] {
        std::string t = trim(line);
        if (!t.empty()) out += (out.empty() ? "" : "\n") + t;
        line.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' || s[i] == '\n') {
            flush();
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            line += s[i];
        }
    }
    flush();
    return out;
}

// A free text as the rules want it, or the expectation it fails ("" when fine).
std::string text_problem(const std::string& tidy, std::size_t max_chars) {
    std::string flat = tidy;
    std::replace(flat.begin(), flat.end(), '\n', ' ');  // line breaks are fine; other control characters are not
    return text_expectation_problem(flat, max_chars);
}

// ---- the identification sheet ------------------------------------------------------

struct Ident {
    std::string sheet;  // its name in the file
    std::map<std::string, std::pair<std::string, int>> values;  // key -> (value, row)
    std::vector<std::string> items;                             // item ids, in order
    struct Entry {
        std::string sheet, code;
        int row = 0;
    };
    std::vector<Entry> applicants;
};

std::string cell_text(const xlsx::SheetData& s, int row, int col) {
    const xlsx::CellValue* c = s.at(row, col);
    if (!c || c->type == xlsx::CellValue::Type::Empty) return "";
    return c->text;  // Text as written; Number in its lexical form ("1")
}

const xlsx::SheetData* find_ident_sheet(const xlsx::WorkbookData& wb) {
    if (const auto* s = wb.find(kIdentSheet); s && s->worksheet) return s;
    for (const auto& s : wb.sheets)  // renamed: known by its first row
        if (s.worksheet && cell_text(s, 1, 1) == "format" && cell_text(s, 1, 2) == kFormat) return &s;
    return nullptr;
}

class XlsxSheetReader {
public:
    XlsxSheetReader(const xlsx::WorkbookData& wb, const std::string& file, const Policy& policy, ProblemList& out)
        : wb_(wb), file_(file), policy_(policy), out_(out) {}

    std::optional<ScoreSheet> read() {
        const xlsx::SheetData* ident_sheet = find_ident_sheet(wb_);
        if (!ident_sheet) {
            out_.add(file_, sheet_record(kIdentSheet), "", "", kNotOurs);
            return std::nullopt;
        }
        if (!read_ident(*ident_sheet)) return std::nullopt;
        ScoreSheet sheet;
        sheet.case_id = value("case");
        sheet.reviewer = value("reviewer");
        sheet.stage = value("stage");
        sheet.consensus = value("consensus") == "yes";
        sheet.version = kVersion;
        sheet.file = file_;
        for (const auto& [entry, data] : match_worksheets()) {
            ApplicantScores a;
            a.credit_code = entry->code;
            a.location = file_ + " " + sheet_record(data->name);
            if (stage_->sheet == StageSpec::Sheet::Items)
                read_items(*data, a);
            else
                read_presentation(*data, a);
            sheet.applicants.push_back(std::move(a));
        }
        return sheet;
    }

private:
    const std::string& value(const std::string& key) const {
        static const std::string none;
        auto it = ident_.values.find(key);
        return it == ident_.values.end() ? none : it->second.first;
    }
    void ident_problem(int row, int col, const std::string& field, const std::string& given,
                       const std::string& expected) {
        out_.add(file_, row > 0 ? cell_record(ident_.sheet, row, col) : sheet_record(ident_.sheet), field, given,
                 expected);
    }

    // False when the file cannot be read further (each reason reported).
    bool read_ident(const xlsx::SheetData& s) {
        ident_.sheet = s.name;
        bool ok = true;
        std::set<std::string> sheets_seen, codes_seen;
        for (int row = 1; row <= s.max_row(); ++row) {
            const std::string key = trim(cell_text(s, row, 1));
            const std::string v = trim(cell_text(s, row, 2));
            const std::string extra = trim(cell_text(s, row, 3));
            if (key.empty()) continue;
            if (key == "item") {
                ident_.items.push_back(v);
            } else if (key == "applicant") {
                if (v.empty() || extra.empty() || !sheets_seen.insert(v).second || !codes_seen.insert(extra).second) {
                    ident_problem(row, 2, "applicant", v + " " + extra, kNotOurs);
                    ok = false;
                    continue;
                }
                ident_.applicants.push_back({v, extra, row});
            } else if (!ident_.values.emplace(key, std::make_pair(v, row)).second) {
                ident_problem(row, 1, key, v, kNotOurs);
                ok = false;
            }
        }
        if (value("format") != kFormat) {
            ident_problem(0, 0, "format", value("format"), kNotOurs);
            return false;
        }
        if (value("version") != std::to_string(kVersion)) {
            ident_problem(ident_.values.count("version") ? ident_.values["version"].second : 0, 2, "version",
                          value("version"),
                          "第 " + std::to_string(kVersion) +
                              " 版评分表（这份评分表的版本不同：请用本程序 award sheets 重新生成评分表后填写）");
            return false;
        }
        for (const char* key : {"case", "policy", "reviewer", "stage", "sheet", "consensus"}) {
            auto it = ident_.values.find(key);
            if (it == ident_.values.end() || it->second.first.empty()) {
                ident_problem(it == ident_.values.end() ? 0 : it->second.second, 2, key, "", kNotOurs);
                ok = false;
            }
        }
        if (!ok) return false;
        if (value("consensus") != "yes" && value("consensus") != "no") {
            ident_problem(ident_.values["consensus"].second, 2, "consensus", value("consensus"), kNotOurs);
            return false;
        }
        if (value("policy") != policy_.id) {
            ident_problem(ident_.values["policy"].second, 2, "policy", value("policy"),
                          "政策包 " + policy_.id + " 的评分表（这份评分表是为另一政策包生成的）");
            return false;
        }
        stage_ = policy_.review.find_stage(value("stage"));
        if (!stage_) {
            std::vector<std::string> ids;
            for (const auto& st : policy_.review.stages) ids.push_back(st.id + "（" + st.name + "）");
            ident_problem(ident_.values["stage"].second, 2, "stage", value("stage"),
                          "政策包 " + policy_.id + " 的评审阶段之一：" + (ids.empty() ? "（政策包未设评审阶段）" : join(ids)));
            return false;
        }
        const std::string kind = stage_->sheet == StageSpec::Sheet::Items ? "items" : "presentation";
        if (value("sheet") != kind) {
            ident_problem(ident_.values["sheet"].second, 2, "sheet", value("sheet"),
                          kind + "：政策包 " + policy_.id + " 的" + stage_->name + "评分表" +
                              (kind == "items" ? "按评分条款打分" : "只有一个得分") + "（" + kNotOurs + "）");
            return false;
        }
        if (stage_->sheet == StageSpec::Sheet::Items) {
            std::vector<std::string> pack_items;
            for (const auto& cat : policy_.score_sheet.categories)
                for (const auto& item : cat.items) pack_items.push_back(item.id);
            if (ident_.items != pack_items) {
                ident_problem(0, 0, "item", join(ident_.items),
                              "政策包 " + policy_.id + " 的评分条款 " + join(pack_items) +
                                  "（这份评分表按另一份条款表生成，无法对应各条款的分数：请用本程序重新生成评分表）");
                return false;
            }
        }
        if (ident_.applicants.empty()) {
            ident_problem(0, 0, "applicant", "", kNotOurs);
            return false;
        }
        return true;
    }

    // The applicant worksheets, matched to the identification table: by name, or, for a
    // renamed worksheet, by the credit code in it. Reports what does not fit.
    std::vector<std::pair<const Ident::Entry*, const xlsx::SheetData*>> match_worksheets() {
        std::map<std::string, const Ident::Entry*> by_sheet, by_code;
        for (const auto& e : ident_.applicants) {
            by_sheet[e.sheet] = &e;
            by_code[e.code] = &e;
        }
        std::map<const Ident::Entry*, const xlsx::SheetData*> found;
        std::vector<const xlsx::SheetData*> unnamed;  // marked worksheets under a name not in the table
        for (const auto& s : wb_.sheets) {
            if (!s.worksheet || s.name == ident_.sheet || cell_text(s, 1, kIdentCol) != kFormat) continue;
            if (!marks_agree(s)) continue;
            const std::string code = trim(cell_text(s, kCreditCodeRow, kCreditCodeCol));
            auto named = by_sheet.find(s.name);
            if (named == by_sheet.end()) {
                unnamed.push_back(&s);
                continue;
            }
            if (code != named->second->code) {
                out_.add(file_, cell_record(s.name, kCreditCodeRow, kCreditCodeCol), "统一社会信用代码", code,
                         named->second->code + "：工作表「" + ident_.sheet + "」" + xlsx::cell_name(named->second->row, 3) +
                             " 所记该工作表的申报组织（两者不符：工作表可能被改动，或是从别的评分表复制来的）");
                continue;
            }
            found[named->second] = &s;
        }
        for (const auto* s : unnamed) {
            const std::string code = trim(cell_text(*s, kCreditCodeRow, kCreditCodeCol));
            auto entry = by_code.find(code);
            if (entry != by_code.end() && !found.count(entry->second) && !wb_.find(entry->second->sheet)) {
                found[entry->second] = s;  // renamed
                continue;
            }
            out_.add(file_, cell_record(s->name, kCreditCodeRow, kCreditCodeCol), "统一社会信用代码", code,
                     entry == by_code.end()
                         ? "识别信息中列出的申报组织之一（这个工作表不属于本评分表，可能是从别的评分表复制来的：请删去它）"
                         : "每个申报组织只有一个工作表（该组织已有工作表「" +
                               (found.count(entry->second) ? found[entry->second]->name : entry->second->sheet) +
                               "」：请删去多余的一个）");
        }
        std::vector<std::pair<const Ident::Entry*, const xlsx::SheetData*>> matched;
        for (const auto& e : ident_.applicants) {
            auto it = found.find(&e);
            if (it != found.end()) {
                matched.emplace_back(&e, it->second);
            } else if (!wb_.find(e.sheet) || cell_text(*wb_.find(e.sheet), 1, kIdentCol) != kFormat) {
                out_.add(file_, sheet_record(e.sheet), "统一社会信用代码", e.code,
                         "该申报组织的评分工作表（工作表「" + ident_.sheet + "」" + xlsx::cell_name(e.row, 2) +
                             " 列出了它，但文件中没有这个工作表，或它已被删改）");
            }
        }
        return matched;
    }

    // The hidden H1:H5 of an applicant worksheet against the identification sheet.
    bool marks_agree(const xlsx::SheetData& s) {
        struct Mark {
            int row;
            const char* key;
            const char* field;
        };
        static const Mark marks[] = {{2, "case", "案卷编号"},
                                     {3, "reviewer", "评审专家编号"},
                                     {4, "stage", "评审阶段"},
                                     {5, "consensus", "共识分"}};
        for (const auto& m : marks) {
            const std::string in_sheet = trim(cell_text(s, m.row, kIdentCol));
            if (in_sheet == value(m.key)) continue;
            const std::string key = m.key;
            const std::string from = key == "reviewer" ? "另一位评审专家"
                                     : key == "stage"  ? "另一评审阶段"
                                     : key == "case"   ? "另一案卷"
                                                       : "另一种（个人评分或共识分）";
            auto at = ident_.values.find(key);
            out_.add(file_, cell_record(s.name, m.row, kIdentCol), std::string(m.field) + "（隐藏的识别信息）", in_sheet,
                     value(key) + "：与工作表「" + ident_.sheet + "」" +
                         (at == ident_.values.end() ? std::string() : xlsx::cell_name(at->second.second, 2)) +
                         " 一致（两者不符：这个工作表可能是从" + from +
                         "的评分表复制来的，不能计入，请在发给您的评分表中填写；或识别信息被改动）");
            return false;
        }
        return true;
    }

    std::string read_text(const xlsx::SheetData& s, int row, int col, const std::string& field) {
        const xlsx::CellValue* c = s.at(row, col);
        if (!c) return "";
        if (c->has_formula) {
            out_.add(file_, cell_record(s.name, row, col), field, c->formula.empty() ? "（公式）" : "=" + c->formula,
                     "直接填写的文字（不能是公式）");
            return "";
        }
        if (c->type == xlsx::CellValue::Type::Empty) return "";
        const std::string tidy = tidy_lines(c->text);
        if (auto why = text_problem(tidy, kSheetTextMaxChars); !why.empty()) {
            out_.add(file_, cell_record(s.name, row, col), field, char_count(tidy) > 60 ? excerpt(tidy, 60) : tidy, why);
            return "";
        }
        return tidy;
    }

    void read_items(const xlsx::SheetData& s, ApplicantScores& a) {
        const int step = policy_.score_sheet.percent_step > 0 ? policy_.score_sheet.percent_step : 1;
        std::map<std::string, int> rows;  // item id -> row
        for (int row = kFirstDataRow; row <= s.max_row(); ++row) {
            const std::string id = trim(cell_text(s, row, kColId));
            if (!id.empty()) rows.emplace(id, row);
        }
        // A worksheet left blank is one problem, not one per item.
        std::size_t filled = 0, total = 0;
        int first_row = 0, last_row = 0;
        for (const auto& cat : policy_.score_sheet.categories)
            for (const auto& item : cat.items) {
                ++total;
                auto it = rows.find(item.id);
                if (it == rows.end()) continue;
                if (!first_row) first_row = it->second;
                last_row = it->second;
                if (cell_number(s.at(it->second, kColInput), true).kind != Number::Kind::Empty) ++filled;
            }
        a.percents.assign(total, 0);
        a.strengths.assign(total, "");
        a.improvements.assign(total, "");
        if (filled == 0 && first_row) {
            out_.add(file_,
                     cell_record(s.name, first_row, kColInput) + "–" + xlsx::cell_name(last_row, kColInput),
                     "评分百分比（%）", "",
                     "每个评分条款的评分百分比（这个工作表一项也没有填写，共 " + std::to_string(total) + " 项）");
            return;
        }
        std::size_t at = 0;
        for (const auto& cat : policy_.score_sheet.categories) {
            for (const auto& item : cat.items) {
                const std::size_t i = at++;
                const std::string field = item.id + " " + item.name;
                auto it = rows.find(item.id);
                if (it == rows.end()) {
                    out_.add(file_, sheet_record(s.name), field, "",
                             "评分条款 " + item.id + " 所在的行（表格被改动过，找不到这一条款：请用秘书处发出的评分表填写）");
                    continue;
                }
                const int row = it->second;
                const Number n = cell_number(s.at(row, kColInput), true);
                const std::string record = cell_record(s.name, row, kColInput);
                switch (n.kind) {
                case Number::Kind::Empty:
                    out_.add(file_, record, field, "", percent_expectation(step) + "（每个条款都须评分）");
                    break;
                case Number::Kind::Formula:
                    out_.add(file_, record, field, n.given, "直接填写的评分百分比，不能是公式：" + percent_expectation(step));
                    break;
                case Number::Kind::NotNumber:
                    out_.add(file_, record, field, n.given, "数字：" + percent_expectation(step));
                    break;
                case Number::Kind::Value:
                    if (!whole(n.value) || n.value < 0 || n.value > 100 || std::llround(n.value) % step != 0)
                        out_.add(file_, record, field, n.given, percent_expectation(step));
                    else
                        a.percents[i] = int(std::llround(n.value));
                    break;
                }
                a.strengths[i] = read_text(s, row, kColStrengths, field + "（主要优势）");
                a.improvements[i] = read_text(s, row, kColImprovements, field + "（改进机会）");
            }
        }
    }

    void read_presentation(const xlsx::SheetData& s, ApplicantScores& a) {
        const int max = stage_->max_points;
        const int row = kFirstDataRow;
        const std::string field = stage_->name + "得分";
        const std::string record = cell_record(s.name, row, kColInput);
        const Number n = cell_number(s.at(row, kColInput), false);
        switch (n.kind) {
        case Number::Kind::Empty:
            out_.add(file_, record, field, "", score_expectation(max));
            break;
        case Number::Kind::Formula:
            out_.add(file_, record, field, n.given, "直接填写的得分，不能是公式：" + score_expectation(max));
            break;
        case Number::Kind::NotNumber:
            out_.add(file_, record, field, n.given, "数字：" + score_expectation(max));
            break;
        case Number::Kind::Value:
            if (!whole(n.value, 10) || n.value < 0 || n.value > max)
                out_.add(file_, record, field, n.given, score_expectation(max));
            else
                a.presentation_tenths = int(std::llround(n.value * 10));
            break;
        }
        a.comment = read_text(s, row, kColComment, "评语");
    }

    const xlsx::WorkbookData& wb_;
    const std::string& file_;
    const Policy& policy_;
    ProblemList& out_;
    Ident ident_;
    const StageSpec* stage_ = nullptr;
};

std::optional<ScoreSheet> read_xlsx_sheet(const fs::path& file, const std::string& shown_name, const Policy& policy,
                                          ProblemList& out) {
    xlsx::WorkbookData wb;
    try {
        wb = xlsx::read_xlsx(file, shown_name);
    } catch (const xlsx::XlsxReadError& e) {
        out.add(shown_name, e.part(), "", "", "可以打开的 .xlsx 工作簿（" + e.detail() + "）");
        return std::nullopt;
    }
    return XlsxSheetReader(wb, shown_name, policy, out).read();
}

// ---- JSON ------------------------------------------------------------------------

class JsonSheetReader {
public:
    JsonSheetReader(const std::string& file, const Policy& policy, ProblemList& out)
        : file_(file), policy_(policy), out_(out) {}

    std::optional<ScoreSheet> read(const json& j) {
        if (!j.is_object()) {
            out_.add(file_, "", "", as_given(j), kExpectObject + "：{\"case\": …, \"reviewer\": …, \"stage\": …, \"applicants\": [ … ]}");
            return std::nullopt;
        }
        Fields f(out_, file_, "", j, {"case", "reviewer", "stage", "consensus", "applicants"});
        f.report_unknown_fields();
        ScoreSheet sheet;
        sheet.file = file_;
        sheet.version = kVersion;
        auto case_id = f.exact_text("case", Need::required);
        auto reviewer = f.exact_text("reviewer", Need::required);
        std::vector<std::string> stage_ids;
        for (const auto& st : policy_.review.stages) stage_ids.push_back(st.id);
        auto stage = f.one_of("stage", Need::required, stage_ids);
        auto consensus = f.boolean("consensus", Need::optional);
        const json* list = f.array("applicants", Need::required);
        // Which sheet the applicants are on depends on the stage: without it, nothing more to read.
        if (!stage) return std::nullopt;
        stage_ = policy_.review.find_stage(*stage);
        sheet.case_id = case_id.value_or("");
        sheet.reviewer = reviewer.value_or("");
        sheet.stage = *stage;
        sheet.consensus = consensus.value_or(false);
        const bool identified = case_id && reviewer && (!f.find("consensus") || consensus);
        if (!list) return std::nullopt;
        std::map<std::string, std::string> seen;  // credit code -> record
        for (std::size_t k = 0; k < list->size(); ++k) {
            const json& item = (*list)[k];
            std::string record = "/applicants/" + std::to_string(k);
            if (!item.is_object()) {
                out_.add(file_, record, "", as_given(item),
                         kExpectObject + (items() ? "：{\"credit_code\": …, \"items\": { … }}" : "：{\"credit_code\": …, \"score\": …}"));
                continue;
            }
            sheet.applicants.push_back(read_applicant(item, record, seen));
        }
        if (list->empty()) f.problem("applicants", "空数组 []", "至少一个申报组织的评分");
        if (!identified) return std::nullopt;
        return sheet;
    }

private:
    bool items() const { return stage_->sheet == StageSpec::Sheet::Items; }

    ApplicantScores read_applicant(const json& j, std::string record, std::map<std::string, std::string>& seen) {
        ApplicantScores a;
        const json* code_value = j.contains("credit_code") ? &j["credit_code"] : nullptr;
        if (code_value && code_value->is_string()) record += "（" + excerpt(code_value->get<std::string>(), 20) + "）";
        a.location = file_ + " " + record;
        Fields f(out_, file_, record, j,
                 items() ? std::vector<std::string>{"credit_code", "items", "strengths", "improvements"}
                         : std::vector<std::string>{"credit_code", "score", "comment"});
        f.report_unknown_fields();
        if (auto code = f.exact_text("credit_code", Need::required)) {
            a.credit_code = *code;
            if (auto [it, fresh] = seen.emplace(*code, record); !fresh)
                f.problem("credit_code", *code, "本评分表中只出现一次的组织（与 " + it->second + " 重复）");
        }
        if (items()) {
            read_percents(f, record, a);
            a.strengths = read_texts(f, record, "strengths");
            a.improvements = read_texts(f, record, "improvements");
        } else {
            read_score(f, a);
        }
        return a;
    }

    std::vector<std::string> item_ids() const {
        std::vector<std::string> ids;
        for (const auto& cat : policy_.score_sheet.categories)
            for (const auto& item : cat.items) ids.push_back(item.id);
        return ids;
    }

    void read_percents(const Fields& f, const std::string& record, ApplicantScores& a) {
        const int step = policy_.score_sheet.percent_step > 0 ? policy_.score_sheet.percent_step : 1;
        const std::vector<std::string> ids = item_ids();
        a.percents.assign(ids.size(), 0);
        const json* obj = f.object("items", Need::required);
        if (!obj) return;
        Fields items(out_, file_, record + "/items", *obj, ids);
        items.report_unknown_fields();
        if (obj->empty()) {
            f.problem("items", "空对象 {}", "每个评分条款的评分百分比，如 {\"4.1.2\": 60, …}（共 " + std::to_string(ids.size()) + " 项）");
            return;
        }
        std::size_t i = 0;
        for (const auto& cat : policy_.score_sheet.categories) {
            for (const auto& item : cat.items) {
                const std::size_t at = i++;
                const json* v = items.find(item.id);
                if (!v) {
                    items.problem(item.id, "", item.name + "的评分百分比：" + percent_expectation(step) + "（每个条款都须评分）");
                    continue;
                }
                if (!v->is_number_integer()) {
                    items.problem(item.id, as_given(*v),
                                  item.name + "的评分百分比：" + percent_expectation(step) + "（JSON 整数，不加引号）");
                    continue;
                }
                const bool too_big = v->is_number_unsigned() && v->get<unsigned long long>() > 100;
                const long long p = too_big ? 101 : v->get<long long>();
                if (p < 0 || p > 100 || p % step != 0) {
                    items.problem(item.id, as_given(*v), item.name + "的评分百分比：" + percent_expectation(step));
                    continue;
                }
                a.percents[at] = int(p);
            }
        }
    }

    std::vector<std::string> read_texts(const Fields& f, const std::string& record, const std::string& field) {
        const std::vector<std::string> ids = item_ids();
        std::vector<std::string> texts(ids.size());
        const json* obj = f.object(field, Need::optional);
        if (!obj) return texts;
        Fields texts_fields(out_, file_, record + "/" + field, *obj, ids);
        texts_fields.report_unknown_fields();
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const json* v = texts_fields.find(ids[i]);
            if (!v) continue;
            if (!v->is_string()) {
                texts_fields.problem(ids[i], as_given(*v), kExpectText);
                continue;
            }
            const std::string tidy = tidy_lines(v->get<std::string>());
            if (tidy.empty()) continue;
            if (auto why = text_problem(tidy, kSheetTextMaxChars); !why.empty()) {
                texts_fields.problem(ids[i], char_count(tidy) > 60 ? excerpt(tidy, 60) : tidy, why);
                continue;
            }
            texts[i] = tidy;
        }
        return texts;
    }

    void read_score(const Fields& f, ApplicantScores& a) {
        const int max = stage_->max_points;
        const std::string expected = score_expectation(max) + "（JSON 数字，不加引号）";
        if (const json* v = f.find("score")) {
            const bool number = v->is_number();
            const double x = number ? v->get<double>() : 0;
            if (!number || x < 0 || x > max || !whole(x, 10))
                f.problem("score", as_given(*v), expected);
            else
                a.presentation_tenths = int(std::llround(x * 10));
        } else {
            f.problem("score", "", expected);
        }
        if (const json* v = f.find("comment")) {
            if (!v->is_string()) {
                f.problem("comment", as_given(*v), kExpectText);
            } else {
                const std::string tidy = tidy_lines(v->get<std::string>());
                if (auto why = text_problem(tidy, kSheetTextMaxChars); !why.empty())
                    f.problem("comment", char_count(tidy) > 60 ? excerpt(tidy, 60) : tidy, why);
                else
                    a.comment = tidy;
            }
        }
    }

    const std::string& file_;
    const Policy& policy_;
    ProblemList& out_;
    const StageSpec* stage_ = nullptr;
};

std::optional<ScoreSheet> read_json_sheet(const fs::path& file, const std::string& shown_name, const Policy& policy,
                                          ProblemList& out) {
    // load_json_file names the file as it was asked for: ask for it by its own name in
    // its folder, then name it as the caller shows it.
    const std::size_t before = out.items.size();
    std::optional<json> j = load_json_file(file.parent_path(), file.filename().string(), Need::required, out);
    for (std::size_t i = before; i < out.items.size(); ++i) out.items[i].file = shown(shown_name);
    if (!j) return std::nullopt;
    return JsonSheetReader(shown_name, policy, out).read(*j);
}

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& ch : ext)
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    return ext;
}

}  // namespace

std::optional<ScoreSheet> read_score_sheet(const fs::path& file, const std::string& shown_name, const Policy& policy,
                                           ProblemList& out) {
    const std::string ext = lower_extension(file);
    if (ext == ".xlsx") return read_xlsx_sheet(file, shown_name, policy, out);
    if (ext == ".json") return read_json_sheet(file, shown_name, policy, out);
    out.add(shown_name, "", "", file.filename().string(),
            "评分表文件：.xlsx（由 award sheets 生成）或 .json（.xls、.et、.ods 请用 Excel 或 WPS 另存为 .xlsx）");
    return std::nullopt;
}

}  // namespace award::ingest
