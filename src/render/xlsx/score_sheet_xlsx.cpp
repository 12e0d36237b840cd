// 评分表 (score sheets) for reviewers: see score_sheet_xlsx.hpp for the layout.
#include "render/xlsx/score_sheet_xlsx.hpp"

#include <algorithm>
#include <ctime>
#include <set>
#include <stdexcept>
#include <string_view>

#include <xlsxwriter.h>

#include "model/file_name.hpp"
#include "model/utf8.hpp"
#include "render/xlsx/lxw_book.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

// ---- layout shared with the reader (score_sheet_reader.cpp mirrors these) ----
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kCaseRow = 1;
constexpr lxw_row_t kStageRow = 2;
constexpr lxw_row_t kApplicantRow = 3;
constexpr lxw_row_t kCreditCodeRow = 4;  // B5
constexpr lxw_row_t kReviewerRow = 5;
constexpr lxw_row_t kNoteRow = 6;
constexpr lxw_row_t kHeaderRow = 7;
constexpr lxw_row_t kFirstDataRow = 8;  // row 9
constexpr lxw_col_t kColId = 0, kColName = 1, kColPoints = 2, kColInput = 3, kColScore = 4, kColStrengths = 5,
                    kColImprovements = 6, kColIdent = 7;  // H: hidden
constexpr lxw_col_t kLastVisibleCol = kColImprovements;
// Presentation: the score in D9, the 评语 in E9.
constexpr lxw_col_t kColComment = 4;

// Excel counts a worksheet name in UTF-16 code units.
std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (auto ch : utf8::characters(s)) n += utf8::code_point(ch) > 0xFFFF ? 2 : 1;
    return n;
}

// The first characters of s that fit in max_units UTF-16 code units.
std::string utf16_prefix(std::string_view s, std::size_t max_units) {
    std::string out;
    std::size_t n = 0;
    for (auto ch : utf8::characters(s)) {
        const std::size_t w = utf8::code_point(ch) > 0xFFFF ? 2 : 1;
        if (n + w > max_units) break;
        out += ch;
        n += w;
    }
    return out;
}

std::string ascii_lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    return s;
}

// A name part made safe as (part of) one path component. The same rule as
// sanitize_file_name (src/cli/output_folder.cpp), which render cannot call.
// Parts stay short (60 bytes): the whole name well under 255 bytes.
std::string safe_file_part(const std::string& s) { return sanitize_file_name(s, 60); }

std::string cell(lxw_row_t row, lxw_col_t col) {
    std::string name;
    for (unsigned c = unsigned(col) + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), char('A' + (c - 1) % 26));
    return name + std::to_string(row + 1);
}

struct Formats {
    lxw_format* title;
    lxw_format* label;
    lxw_format* info;
    lxw_format* note;
    lxw_format* header;
    lxw_format* category_text;
    lxw_format* category_number;
    lxw_format* category_note;
    lxw_format* item_text;
    lxw_format* item_number;
    lxw_format* percent_input;
    lxw_format* score_input;
    lxw_format* text_input;
    lxw_format* total_text;
    lxw_format* total_number;
    lxw_format* ident;
};

constexpr lxw_color_t kInputFill = 0xFFF2CC;     // light yellow: the cells to fill
constexpr lxw_color_t kCategoryFill = 0xF2F2F2;  // light grey
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;    // light blue, as the office's lists

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.title = make_format(wb, false);
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    f.label = make_format(wb, true);
    format_set_bold(f.label);
    format_set_bg_color(f.label, kCategoryFill);
    f.info = make_format(wb, true);
    format_set_num_format(f.info, "@");
    f.note = make_format(wb, false);
    format_set_text_wrap(f.note);
    format_set_font_size(f.note, 10);
    f.header = make_format(wb, true);
    format_set_bold(f.header);
    format_set_bg_color(f.header, kHeaderFill);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_text_wrap(f.header);
    f.category_text = make_format(wb, true);
    format_set_bold(f.category_text);
    format_set_bg_color(f.category_text, kCategoryFill);
    format_set_num_format(f.category_text, "@");
    f.category_number = make_format(wb, true);
    format_set_bold(f.category_number);
    format_set_bg_color(f.category_number, kCategoryFill);
    format_set_align(f.category_number, LXW_ALIGN_CENTER);
    f.category_note = make_format(wb, true);
    format_set_bg_color(f.category_note, kCategoryFill);
    format_set_font_size(f.category_note, 10);
    f.item_text = make_format(wb, true);
    format_set_num_format(f.item_text, "@");
    format_set_text_wrap(f.item_text);
    f.item_number = make_format(wb, true);
    format_set_align(f.item_number, LXW_ALIGN_CENTER);
    f.percent_input = make_format(wb, true);
    format_set_align(f.percent_input, LXW_ALIGN_CENTER);
    format_set_bg_color(f.percent_input, kInputFill);
    format_set_num_format(f.percent_input, "0");
    format_set_unlocked(f.percent_input);
    f.score_input = make_format(wb, true);
    format_set_align(f.score_input, LXW_ALIGN_CENTER);
    format_set_bg_color(f.score_input, kInputFill);
    format_set_num_format(f.score_input, "0.0");
    format_set_unlocked(f.score_input);
    f.text_input = make_format(wb, true);
    format_set_align(f.text_input, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f.text_input);
    format_set_bg_color(f.text_input, kInputFill);
    format_set_num_format(f.text_input, "@");
    format_set_unlocked(f.text_input);
    f.total_text = make_format(wb, true);
    format_set_bold(f.total_text);
    format_set_bg_color(f.total_text, kHeaderFill);
    f.total_number = make_format(wb, true);
    format_set_bold(f.total_number);
    format_set_bg_color(f.total_number, kHeaderFill);
    format_set_align(f.total_number, LXW_ALIGN_CENTER);
    f.ident = make_format(wb, false);
    format_set_num_format(f.ident, "@");
    return f;
}

using xlsx_detail::Book;

// One applicant worksheet being written.
class Writer {
public:
    Writer(Book& book, lxw_worksheet* ws, const Formats& f) : book_(book), ws_(ws), f_(f) {}

    void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
        book_.check(worksheet_write_string(ws_, r, c, s.c_str(), fmt), "单元格 " + cell(r, c));
    }
    void number(lxw_row_t r, lxw_col_t c, double v, lxw_format* fmt) {
        book_.check(worksheet_write_number(ws_, r, c, v, fmt), "单元格 " + cell(r, c));
    }
    void blank(lxw_row_t r, lxw_col_t c, lxw_format* fmt) {
        book_.check(worksheet_write_blank(ws_, r, c, fmt), "单元格 " + cell(r, c));
    }
    void formula(lxw_row_t r, lxw_col_t c, const std::string& fm, double cached, lxw_format* fmt) {
        book_.check(worksheet_write_formula_num(ws_, r, c, fm.c_str(), fmt, cached), "单元格 " + cell(r, c));
    }
    void merge(lxw_row_t r, lxw_col_t c1, lxw_col_t c2, const std::string& s, lxw_format* fmt) {
        book_.check(worksheet_merge_range(ws_, r, c1, r, c2, s.c_str(), fmt), "合并单元格 " + cell(r, c1));
    }
    void validate(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, lxw_data_validation* dv) {
        book_.check(worksheet_data_validation_range(ws_, r1, c1, r2, c2, dv), "数据验证 " + cell(r1, c1));
    }
    lxw_worksheet* ws() const { return ws_; }
    const Formats& f() const { return f_; }

private:
    Book& book_;
    lxw_worksheet* ws_;
    const Formats& f_;
};

std::string sheet_title(const ScoreSheetRequest& r) {
    return std::to_string(r.c->year) + "年度" + r.policy->award_title + r.stage->name + (r.consensus ? "共识分" : "") +
           "评分表";
}

std::string reviewer_text(const ScoreSheetRequest& r) {
    std::string s = r.reviewer->name + "（" + r.reviewer->id + "）";
    if (r.group) s += "　" + r.group->name;
    if (r.consensus) s += "　组长，代表评审组填写共识分";
    return s;
}

// Header block, hidden identification column, print setup and protection.
void write_common(Writer& w, const ScoreSheetRequest& r, const Applicant& a, const std::string& note) {
    const Formats& f = w.f();
    const std::string title = sheet_title(r);
    w.merge(kTitleRow, 0, kLastVisibleCol, title, f.title);
    worksheet_set_row(w.ws(), kTitleRow, 30, nullptr);
    const std::pair<lxw_row_t, std::pair<std::string, std::string>> info[] = {
        {kCaseRow, {"评审项目", std::to_string(r.c->year) + "年度" + r.policy->award_title + "（" + r.c->id + "）"}},
        {kStageRow, {"评审阶段", r.stage->name + (r.consensus ? "（共识分）" : "")}},
        {kApplicantRow, {"申报组织", a.name}},
        {kCreditCodeRow, {"统一社会信用代码", a.credit_code}},
        {kReviewerRow, {"评审专家", reviewer_text(r)}},
    };
    for (const auto& [row, kv] : info) {
        w.text(row, 0, kv.first, f.label);
        // The value in B (the reader checks B5), the rest of the line merged for room.
        w.merge(row, 1, kLastVisibleCol, kv.second, f.info);
    }
    w.merge(kNoteRow, 0, kLastVisibleCol, note, f.note);
    worksheet_set_row(w.ws(), kNoteRow, 45, nullptr);

    // Hidden identification of this worksheet (H1:H5).
    const std::string ident[] = {kScoreSheetFormat, r.c->id, r.reviewer->id, r.stage->id, r.consensus ? "yes" : "no"};
    for (lxw_row_t i = 0; i < 5; ++i) w.text(i, kColIdent, ident[i], f.ident);
    lxw_row_col_options hidden{};
    hidden.hidden = LXW_TRUE;
    worksheet_set_column_opt(w.ws(), kColIdent, kColIdent, 20, nullptr, &hidden);

    worksheet_freeze_panes(w.ws(), kFirstDataRow, 0);
    worksheet_set_landscape(w.ws());
    worksheet_set_paper(w.ws(), 9);  // A4
    worksheet_fit_to_pages(w.ws(), 1, 0);
    worksheet_repeat_rows(w.ws(), kHeaderRow, kHeaderRow);
    std::string header;  // '&' starts a header code: double it
    for (char ch : title) header += ch == '&' ? std::string("&&") : std::string(1, ch);
    header = "&C&\"宋体,Bold\"&12 " + header;  // the space ends the font size before a title starting "2026"
    worksheet_set_header(w.ws(), header.c_str());
    worksheet_set_footer(w.ws(), "&C第 &P 页，共 &N 页");

    lxw_protection protection{};
    protection.format_columns = LXW_TRUE;  // allowed: widen a column, heighten a row for long texts
    protection.format_rows = LXW_TRUE;
    worksheet_protect(w.ws(), nullptr, &protection);  // no password
}

// Data validation of one column of input cells.
struct Validation {
    lxw_data_validation dv{};
    std::string formula, input_title, input_message, error_title, error_message;
    lxw_data_validation* get() {
        dv.input_title = input_title.data();
        dv.input_message = input_message.data();
        dv.error_title = error_title.data();
        dv.error_message = error_message.data();
        if (!formula.empty()) dv.value_formula = formula.data();
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        return &dv;
    }
};

Validation text_validation(const std::string& what) {
    Validation v;
    v.dv.validate = LXW_VALIDATION_TYPE_LENGTH;
    v.dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
    v.dv.value_number = double(kScoreSheetTextMaxChars);
    v.input_title = what;
    v.input_message = "可填写，不超过 " + std::to_string(kScoreSheetTextMaxChars) + " 个字。单元格内换行：Alt+Enter。";
    v.error_title = what + "过长";
    v.error_message = "请不超过 " + std::to_string(kScoreSheetTextMaxChars) + " 个字。";
    return v;
}

void write_items_sheet(Writer& w, const ScoreSheetRequest& r, const Applicant& a) {
    const Formats& f = w.f();
    const ScoreSheetSpec& spec = r.policy->score_sheet;
    const int step = spec.percent_step > 0 ? spec.percent_step : 1;
    std::string note = "填写说明：只需填写黄色单元格。“评分百分比”填 0–100 之间、" + std::to_string(step) +
                       " 的整数倍的整数（不带 %）";
    if (step == 5) note += "，分档 0–5、10–25、30–45、50–65、70–85、90–100";
    note += "；得分、类目小计与总分自动计算。“主要优势”“改进机会”按条款填写，供反馈报告使用。"
            "其他单元格已锁定，请勿更改工作表名称以外的内容；填好后保存为 .xlsx 交回秘书处。";
    write_common(w, r, a, note);

    const char* headers[] = {"条款", "评分条款", "分值", "评分百分比（%）", "得分", "主要优势", "改进机会"};
    for (lxw_col_t c = 0; c <= kLastVisibleCol; ++c) w.text(kHeaderRow, c, headers[c], f.header);
    worksheet_set_row(w.ws(), kHeaderRow, 30, nullptr);
    worksheet_set_column(w.ws(), kColId, kColId, 17, nullptr);  // room for the label 统一社会信用代码
    worksheet_set_column(w.ws(), kColName, kColName, 22, nullptr);
    worksheet_set_column(w.ws(), kColPoints, kColPoints, 7, nullptr);
    worksheet_set_column(w.ws(), kColInput, kColInput, 11, nullptr);
    worksheet_set_column(w.ws(), kColScore, kColScore, 8, nullptr);
    worksheet_set_column(w.ws(), kColStrengths, kColImprovements, 48, nullptr);

    lxw_row_t row = kFirstDataRow;
    std::vector<lxw_row_t> category_rows;
    for (const auto& cat : spec.categories) {
        const lxw_row_t cat_row = row++;
        category_rows.push_back(cat_row);
        w.text(cat_row, kColId, cat.id, f.category_text);
        w.text(cat_row, kColName, cat.name, f.category_text);
        w.number(cat_row, kColPoints, cat.points, f.category_number);
        w.blank(cat_row, kColInput, f.category_number);
        const lxw_row_t first = row, last = lxw_row_t(row + cat.items.size() - 1);
        const std::string subtotal =
            cat.items.empty() ? "=0" : "=SUM(" + cell(first, kColScore) + ":" + cell(last, kColScore) + ")";
        w.formula(cat_row, kColScore, subtotal, 0, f.category_number);
        w.merge(cat_row, kColStrengths, kColImprovements,
                cat.results ? "结果类：从水平、趋势、对比、整合评价" : "过程类：从方法、展开、学习、整合评价",
                f.category_note);
        for (const auto& item : cat.items) {
            const lxw_row_t ir = row++;
            w.text(ir, kColId, item.id, f.item_text);
            w.text(ir, kColName, item.name, f.item_text);
            w.number(ir, kColPoints, item.points, f.item_number);
            w.blank(ir, kColInput, f.percent_input);
            w.formula(ir, kColScore, "=" + cell(ir, kColPoints) + "*" + cell(ir, kColInput) + "/100", 0,
                      f.item_number);
            w.blank(ir, kColStrengths, f.text_input);
            w.blank(ir, kColImprovements, f.text_input);
        }
    }
    const lxw_row_t total_row = row;
    w.text(total_row, kColId, "合计", f.total_text);
    w.blank(total_row, kColName, f.total_text);
    w.number(total_row, kColPoints, spec.total, f.total_number);
    w.blank(total_row, kColInput, f.total_number);
    std::string total = "=SUM(";
    for (std::size_t i = 0; i < category_rows.size(); ++i) total += (i ? "," : "") + cell(category_rows[i], kColScore);
    total += ")";
    w.formula(total_row, kColScore, category_rows.empty() ? "=0" : total, 0, f.total_number);
    w.blank(total_row, kColStrengths, f.total_text);
    w.blank(total_row, kColImprovements, f.total_text);

    if (total_row == kFirstDataRow) return;  // no items
    // One validation over the percentage column (the category rows in it are locked).
    const std::string d = cell(kFirstDataRow, kColInput);
    Validation pct;
    pct.dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    pct.formula = "=AND(ISNUMBER(" + d + ")," + d + ">=0," + d + "<=100,INT(" + d + ")=" + d + ",MOD(" + d + "," +
                  std::to_string(step) + ")=0)";
    pct.input_title = "评分百分比（%）";
    pct.input_message = "填写 0–100 之间、" + std::to_string(step) + " 的整数倍的整数，不带 % 号。";
    if (step == 5) pct.input_message += "\n分档：0–5、10–25、30–45、50–65、70–85、90–100。";
    pct.error_title = "评分百分比不符合要求";
    pct.error_message = "评分百分比须为 0–100 之间、" + std::to_string(step) + " 的整数倍的整数（如 60、65），不带 % 号。";
    w.validate(kFirstDataRow, kColInput, total_row - 1, kColInput, pct.get());
    Validation strengths = text_validation("主要优势");
    w.validate(kFirstDataRow, kColStrengths, total_row - 1, kColStrengths, strengths.get());
    Validation improvements = text_validation("改进机会");
    w.validate(kFirstDataRow, kColImprovements, total_row - 1, kColImprovements, improvements.get());
}

void write_presentation_sheet(Writer& w, const ScoreSheetRequest& r, const Applicant& a) {
    const Formats& f = w.f();
    const int max = r.stage->max_points;
    const std::string note = "填写说明：只需填写黄色单元格。“得分”填 0–" + std::to_string(max) +
                             " 之间的分数，最多一位小数；“评语”可填。其他单元格已锁定；填好后保存为 .xlsx 交回秘书处。";
    write_common(w, r, a, note);
    const char* headers[] = {"项目", "说明", "满分", "得分", "评语"};
    for (lxw_col_t c = 0; c <= kColComment; ++c) w.text(kHeaderRow, c, headers[c], f.header);
    worksheet_set_row(w.ws(), kHeaderRow, 30, nullptr);
    worksheet_set_column(w.ws(), 0, 0, 17, nullptr);
    worksheet_set_column(w.ws(), 1, 1, 30, nullptr);
    worksheet_set_column(w.ws(), 2, 3, 9, nullptr);
    worksheet_set_column(w.ws(), kColComment, kColComment, 60, nullptr);
    worksheet_set_column(w.ws(), kColComment + 1, kLastVisibleCol, 4, nullptr);

    const lxw_row_t row = kFirstDataRow;
    w.text(row, 0, r.stage->name, f.item_text);
    w.text(row, 1, "对申报组织" + r.stage->name + "的总体评分", f.item_text);
    w.number(row, 2, max, f.item_number);
    w.blank(row, kColInput, f.score_input);
    w.blank(row, kColComment, f.text_input);
    worksheet_set_row(w.ws(), row, 60, nullptr);

    const std::string d = cell(row, kColInput);
    Validation score;
    score.dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    score.formula = "=AND(ISNUMBER(" + d + ")," + d + ">=0," + d + "<=" + std::to_string(max) + ",ROUND(" + d +
                    ",1)=" + d + ")";
    score.input_title = "得分";
    score.input_message = "填写 0–" + std::to_string(max) + " 之间的分数，最多一位小数（如 86.5）。";
    score.error_title = "得分不符合要求";
    score.error_message = "得分须在 0–" + std::to_string(max) + " 之间，最多一位小数（如 86.5）。";
    w.validate(row, kColInput, row, kColInput, score.get());
    Validation comment = text_validation("评语");
    w.validate(row, kColComment, row, kColComment, comment.get());
}

void write_identification(Book& book, lxw_worksheet* ws, const Formats& f, const ScoreSheetRequest& r,
                          const std::vector<std::string>& names) {
    lxw_row_t row = 0;
    const auto put = [&](const std::string& key, const std::string& value, const std::string& extra = "") {
        book.check(worksheet_write_string(ws, row, 0, key.c_str(), f.ident), "识别信息");
        book.check(worksheet_write_string(ws, row, 1, value.c_str(), f.ident), "识别信息");
        if (!extra.empty()) book.check(worksheet_write_string(ws, row, 2, extra.c_str(), f.ident), "识别信息");
        ++row;
    };
    const bool items = r.stage->sheet == StageSpec::Sheet::Items;
    put("format", kScoreSheetFormat);
    put("version", std::to_string(kScoreSheetVersion));
    put("case", r.c->id);
    put("policy", r.policy->id);
    put("reviewer", r.reviewer->id);
    put("stage", r.stage->id);
    put("sheet", items ? "items" : "presentation");
    put("consensus", r.consensus ? "yes" : "no");
    if (r.group) put("group", r.group->name);
    if (items)
        for (const auto& cat : r.policy->score_sheet.categories)
            for (const auto& item : cat.items) put("item", item.id, std::to_string(item.points));
    for (std::size_t i = 0; i < r.applicants.size(); ++i)
        put("applicant", names[i], r.c->applicants[r.applicants[i]].credit_code);
    worksheet_set_column(ws, 0, 0, 12, nullptr);
    worksheet_set_column(ws, 1, 2, 40, nullptr);
    worksheet_protect(ws, nullptr, nullptr);
    worksheet_hide(ws);
}

}  // namespace

std::vector<std::string> score_sheet_worksheet_names(const std::vector<std::string>& applicant_names) {
    constexpr std::size_t kMax = 31;
    std::set<std::string> taken{ascii_lower(kScoreSheetIdentSheet), "history"};  // "History" is Excel's own
    std::vector<std::string> out;
    for (std::size_t i = 0; i < applicant_names.size(); ++i) {
        std::string base;
        for (auto ch : utf8::characters(applicant_names[i])) {
            const char32_t cp = utf8::code_point(ch);
            if (cp < 0x20 || cp == 0x7F) continue;
            base += std::string_view("[]:*?/\\").find(char(cp)) != std::string_view::npos && cp < 0x80
                        ? std::string("_")
                        : std::string(ch);
        }
        while (!base.empty() && (base.front() == '\'' || base.front() == ' ')) base.erase(base.begin());
        base = utf16_prefix(base, kMax);
        while (!base.empty() && (base.back() == '\'' || base.back() == ' ')) base.pop_back();
        if (base.empty()) base = "申报组织" + std::to_string(i + 1);
        std::string name = base;
        for (int n = 2; taken.count(ascii_lower(name)); ++n) {
            const std::string suffix = "（" + std::to_string(n) + "）";
            std::string head = utf16_prefix(base, kMax - utf16_length(suffix));
            while (!head.empty() && head.back() == '\'') head.pop_back();
            name = head + suffix;
        }
        taken.insert(ascii_lower(name));
        out.push_back(name);
    }
    return out;
}

std::string score_sheet_file_name(const ScoreSheetRequest& r) {
    std::string name = safe_file_part(r.stage->name) + "-";
    if (r.consensus) name += (r.group ? safe_file_part(r.group->name) + "-" : std::string()) + "共识分-";
    name += safe_file_part(r.reviewer->id) + "-" + safe_file_part(r.reviewer->name) + ".xlsx";
    return name;
}

void write_score_sheet_xlsx(const ScoreSheetRequest& r, const std::filesystem::path& out) {
    if (!r.c || !r.policy || !r.reviewer || !r.stage)
        throw std::invalid_argument("评分表请求不完整（案卷、政策包、评审专家或评审阶段缺失）");
    if (r.applicants.empty())
        throw std::invalid_argument("评审专家 " + r.reviewer->id + " 在" + r.stage->name + "没有需要评分的申报组织");
    if (r.consensus && !r.group)
        throw std::invalid_argument("共识分评分表须指明评审组（评审专家 " + r.reviewer->id + "）");
    std::vector<std::string> applicant_names;
    for (std::size_t index : r.applicants) {
        const Applicant& a = r.c->applicants.at(index);
        if (r.reviewer->conflicted_with(a.credit_code))
            throw std::invalid_argument("评审专家 " + r.reviewer->id + " 已声明与 " + a.name + "（" + a.credit_code +
                                        "）回避，不能为其生成评分表");
        applicant_names.push_back(a.name);
    }
    const std::vector<std::string> names = score_sheet_worksheet_names(applicant_names);

    Book book(out);
    const std::string title = sheet_title(r);
    const std::string author = r.c->issuer;
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>(author.c_str());
    props.company = const_cast<char*>(author.c_str());
    std::tm tm{};  // fixed: the same case gives the same bytes
    tm.tm_year = r.c->acceptance.notice_date.year() - 1900;
    tm.tm_mon = int(r.c->acceptance.notice_date.month()) - 1;
    tm.tm_mday = int(r.c->acceptance.notice_date.day());
    tm.tm_hour = 12;
    props.created = timegm(&tm);
    book.check(workbook_set_properties(book.get(), &props), "文档属性");

    const Formats formats = make_formats(book.get());
    for (std::size_t i = 0; i < r.applicants.size(); ++i) {
        Writer w(book, book.add(names[i]), formats);
        const Applicant& a = r.c->applicants[r.applicants[i]];
        if (r.stage->sheet == StageSpec::Sheet::Items)
            write_items_sheet(w, r, a);
        else
            write_presentation_sheet(w, r, a);
        if (i == 0) worksheet_activate(w.ws());
    }
    write_identification(book, book.add(kScoreSheetIdentSheet), formats, r, names);
    book.close();
}

}  // namespace award
