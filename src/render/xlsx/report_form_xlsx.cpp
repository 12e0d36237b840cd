// 获奖组织年度报送表 as XLSX: see render/report_documents.hpp for the layout.
#include <ctime>
#include <stdexcept>

#include <xlsxwriter.h>

#include "render/report_documents.hpp"
#include "render/xlsx/lxw_book.hpp"
#include "render/xlsx/workbook.hpp"

namespace award {

namespace {

namespace L = report_layout;

constexpr lxw_color_t kInputFill = 0xFFF2CC;  // light yellow: the cells to fill
constexpr lxw_color_t kLabelFill = 0xF2F2F2;  // light grey
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;

// 1-based (row, col) → libxlsxwriter's 0-based.
lxw_row_t R(int row) { return lxw_row_t(row - 1); }
lxw_col_t C(int col) { return lxw_col_t(col - 1); }

std::string cell(int row, int col) {
    std::string name;
    for (unsigned c = unsigned(col); c > 0; c = (c - 1) / 26) name.insert(name.begin(), char('A' + (c - 1) % 26));
    return name + std::to_string(row);
}
std::string column_letters(int col) {
    const std::string c = cell(1, col);
    return c.substr(0, c.size() - 1);
}

struct Formats {
    lxw_format *title, *subtitle, *label, *info, *note, *header, *name, *unit, *remark, *ident, *declaration;
    lxw_format *money, *percent, *number, *integer, *text_input, *date_input;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.title = make_format(wb, false);
    format_set_bold(f.title);
    format_set_font_size(f.title, 16);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    f.subtitle = make_format(wb, false);
    format_set_align(f.subtitle, LXW_ALIGN_CENTER);
    f.label = make_format(wb, true);
    format_set_bold(f.label);
    format_set_bg_color(f.label, kLabelFill);
    f.info = make_format(wb, true);
    format_set_num_format(f.info, "@");
    f.note = make_format(wb, false);
    format_set_text_wrap(f.note);
    format_set_font_size(f.note, 10);
    format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
    f.header = make_format(wb, true);
    format_set_bold(f.header);
    format_set_bg_color(f.header, kHeaderFill);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_text_wrap(f.header);
    f.name = make_format(wb, true);
    format_set_num_format(f.name, "@");
    f.unit = make_format(wb, true);
    format_set_align(f.unit, LXW_ALIGN_CENTER);
    format_set_num_format(f.unit, "@");
    f.remark = make_format(wb, true);
    format_set_text_wrap(f.remark);
    format_set_font_size(f.remark, 9);
    f.ident = make_format(wb, false);
    format_set_num_format(f.ident, "@");
    f.declaration = make_format(wb, false);
    format_set_text_wrap(f.declaration);
    format_set_align(f.declaration, LXW_ALIGN_VERTICAL_TOP);
    auto input = [&](const char* num_format) {
        lxw_format* x = make_format(wb, true);
        format_set_bg_color(x, kInputFill);
        format_set_num_format(x, num_format);
        format_set_align(x, LXW_ALIGN_RIGHT);
        format_set_unlocked(x);
        return x;
    };
    f.money = input("#,##0.00");
    f.percent = input("0.00");
    f.number = input("0.00");
    f.integer = input("0");
    f.text_input = input("@");
    format_set_align(f.text_input, LXW_ALIGN_LEFT);
    f.date_input = input("yyyy-mm-dd");
    format_set_align(f.date_input, LXW_ALIGN_LEFT);
    return f;
}

using xlsx_detail::Book;

class Writer {
public:
    Writer(Book& book, lxw_worksheet* ws) : book_(book), ws_(ws) {}
    void text(int r, int c, const std::string& s, lxw_format* f) {
        book_.check(worksheet_write_string(ws_, R(r), C(c), s.c_str(), f), "单元格 " + cell(r, c));
    }
    void blank(int r, int c, lxw_format* f) { book_.check(worksheet_write_blank(ws_, R(r), C(c), f), "单元格 " + cell(r, c)); }
    void merge(int r, int c1, int c2, const std::string& s, lxw_format* f) {
        book_.check(worksheet_merge_range(ws_, R(r), C(c1), R(r), C(c2), s.c_str(), f), "合并单元格 " + cell(r, c1));
    }
    void validate(int r1, int c1, int r2, int c2, lxw_data_validation* dv) {
        book_.check(worksheet_data_validation_range(ws_, R(r1), C(c1), R(r2), C(c2), dv), "数据验证 " + cell(r1, c1));
    }
    lxw_worksheet* ws() const { return ws_; }

private:
    Book& book_;
    lxw_worksheet* ws_;
};

// Data validation of input cells; the strings live as long as the object.
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

// Excel caps a validation title at 32 characters and a message at 255: keep under.
std::string cut(const std::string& s, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars > max_chars) return s.substr(0, i);
    }
    return s;
}

Validation figure_validation(const ReportIndicator& ind, const std::string& first_cell) {
    Validation v;
    v.dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    const std::string& x = first_cell;
    switch (ind.kind) {
    case ReportIndicator::Kind::MoneyWan:
        v.formula = "=AND(ISNUMBER(" + x + "),ROUND(" + x + ",2)=" + x +
                    (ind.negative_allowed ? ",ABS(" + x + ")<=100000000000)" : "," + x + ">=0," + x + "<=100000000000)");
        break;
    case ReportIndicator::Kind::Percent:
        v.formula = "=AND(ISNUMBER(" + x + ")," + x + ">=0," + x + "<=100,ROUND(" + x + ",2)=" + x + ")";
        break;
    case ReportIndicator::Kind::Number:
        v.formula = "=AND(ISNUMBER(" + x + ")," + x + ">=0," + x + "<=1000000000,ROUND(" + x + ",2)=" + x + ")";
        break;
    case ReportIndicator::Kind::Integer:
        v.formula = "=AND(ISNUMBER(" + x + ")," + x + ">=0," + x + "<=1000000000,INT(" + x + ")=" + x + ")";
        break;
    }
    v.input_title = cut(ind.name + "（" + ind.unit + "）", 30);
    const std::string expectation = report_value_expectation(ind);
    const bool note_said = ind.note.empty() || expectation.find(ind.note) != std::string::npos;
    v.input_message = cut(expectation + (note_said ? "" : "。" + ind.note + "。"), 250);
    v.error_title = cut(ind.name + "不符合要求", 30);
    v.error_message = cut("请填写" + report_value_expectation(ind) + "。", 250);
    return v;
}

std::string form_title(const ReportFormRequest& r) { return r.obligation->report_form->title; }

std::string subtitle(const ReportFormRequest& r) {
    const auto& years = r.identity.years;
    return std::to_string(r.identity.report_year) + "年报送　填报" + std::to_string(years.front()) + "年至" +
           std::to_string(years.back()) + "年数据　截止日期：" + r.identity.due.chinese();
}

void write_form_sheet(Book& book, Writer& w, const Formats& f, const ReportFormRequest& r, const std::string& form_id) {
    const ReportForm& form = *r.obligation->report_form;
    const auto& years = r.identity.years;
    const int last = L::note_col(years.size());
    lxw_worksheet* ws = w.ws();

    w.merge(L::kTitleRow, 1, last, form_title(r), f.title);
    worksheet_set_row(ws, R(L::kTitleRow), 30, nullptr);
    w.merge(L::kSubtitleRow, 1, last, subtitle(r), f.subtitle);
    for (const auto& row : L::identity_rows(r.identity, form_id)) {
        w.text(row.row, L::kColLabel, row.label, f.label);
        w.merge(row.row, L::kColValue, last, row.value, f.info);
    }
    w.merge(L::kNoteRow, 1, last,
            "填写说明：只需填写黄色单元格，其他单元格已锁定。每个指标每年都须填写（没有时填 0）；金额以万元为单位，"
            "最多两位小数，亏损填负数；百分比填数字、不带 % 号（如 2.35 表示 2.35%）。" +
                std::string("请如实填写，与报送统计、税务部门的数据一致。填好后保存为 .xlsx 报送秘书处，不要改动工作表的名称和结构。"),
            f.note);
    worksheet_set_row(ws, R(L::kNoteRow), 48, nullptr);

    w.text(L::kHeaderRow, L::kColName, "指标", f.header);
    w.text(L::kHeaderRow, L::kColUnit, "单位", f.header);
    for (std::size_t y = 0; y < years.size(); ++y)
        w.text(L::kHeaderRow, L::kColFirstYear + int(y), std::to_string(years[y]) + "年", f.header);
    w.text(L::kHeaderRow, last, "说明", f.header);
    worksheet_set_row(ws, R(L::kHeaderRow), 22, nullptr);

    std::vector<Validation> validations;
    validations.reserve(form.indicators.size() + 3);
    for (std::size_t k = 0; k < form.indicators.size(); ++k) {
        const ReportIndicator& ind = form.indicators[k];
        const int row = L::kFirstIndicatorRow + int(k);
        w.text(row, L::kColName, ind.name, f.name);
        w.text(row, L::kColUnit, ind.unit, f.unit);
        lxw_format* input = ind.kind == ReportIndicator::Kind::MoneyWan  ? f.money
                            : ind.kind == ReportIndicator::Kind::Percent ? f.percent
                            : ind.kind == ReportIndicator::Kind::Number  ? f.number
                                                                         : f.integer;
        for (std::size_t y = 0; y < years.size(); ++y) w.blank(row, L::kColFirstYear + int(y), input);
        if (ind.note.empty()) w.blank(row, last, f.remark);
        else w.text(row, last, ind.note, f.remark);
        worksheet_set_row(ws, R(row), 24, nullptr);
        validations.push_back(figure_validation(ind, cell(row, L::kColFirstYear)));
        w.validate(row, L::kColFirstYear, row, L::kColFirstYear + int(years.size()) - 1, validations.back().get());
    }

    const auto filer = L::filer_cells(form.indicators.size(), years.size());
    const int filer_end = filer.phone_col - 2;  // the 填报人 input runs up to the phone's label
    w.text(filer.filer_row, 1, "填报人", f.label);
    if (filer_end > filer.filer_col) w.merge(filer.filer_row, filer.filer_col, filer_end, "", f.text_input);
    else w.blank(filer.filer_row, filer.filer_col, f.text_input);
    w.text(filer.phone_row, filer.phone_col - 1, "联系电话", f.label);
    if (last > filer.phone_col) w.merge(filer.phone_row, filer.phone_col, last, "", f.text_input);
    else w.blank(filer.phone_row, filer.phone_col, f.text_input);
    w.text(filer.date_row, 1, "填报日期", f.label);
    if (filer_end > filer.date_col) w.merge(filer.date_row, filer.date_col, filer_end, "", f.date_input);
    else w.blank(filer.date_row, filer.date_col, f.date_input);
    worksheet_set_row(ws, R(filer.filer_row), 22, nullptr);
    worksheet_set_row(ws, R(filer.date_row), 22, nullptr);

    Validation name;
    name.dv.validate = LXW_VALIDATION_TYPE_LENGTH;
    name.dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    name.dv.minimum_number = 1;
    name.dv.maximum_number = double(kReportFilerMaxChars);
    name.input_title = "填报人";
    name.input_message = "必填：填表人姓名，秘书处核对数据时与其联系。";
    name.error_title = "填报人过长";
    name.error_message = "请填写不超过 " + std::to_string(kReportFilerMaxChars) + " 个字的姓名。";
    w.validate(filer.filer_row, filer.filer_col, filer.filer_row, filer.filer_col, name.get());
    Validation phone = name;
    phone.input_title = "联系电话";
    phone.input_message = "必填：手机或带区号的固定电话（如 0374-1234567）。";
    phone.error_title = "联系电话过长";
    phone.error_message = "请填写不超过 " + std::to_string(kReportFilerMaxChars) + " 个字符的电话号码。";
    w.validate(filer.phone_row, filer.phone_col, filer.phone_row, filer.phone_col, phone.get());
    Validation date;
    date.dv.validate = LXW_VALIDATION_TYPE_DATE;
    date.dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    date.dv.minimum_datetime = lxw_datetime{r.identity.report_year - 1, 1, 1, 0, 0, 0};
    date.dv.maximum_datetime = lxw_datetime{r.identity.report_year + 1, 12, 31, 0, 0, 0};
    date.input_title = "填报日期";
    date.input_message = "填写日期，如 " + std::to_string(r.identity.report_year) + "-03-20。";
    date.error_title = "填报日期不符合要求";
    date.error_message = "请填写 " + std::to_string(r.identity.report_year - 1) + "—" +
                         std::to_string(r.identity.report_year + 1) + " 年间的日期，如 " +
                         std::to_string(r.identity.report_year) + "-03-20。";
    w.validate(filer.date_row, filer.date_col, filer.date_row, filer.date_col, date.get());

    w.merge(filer.declaration_row, 1, last,
            "本单位承诺：以上数据真实、准确、完整，如有不实，愿承担相应责任。", f.declaration);
    w.merge(filer.declaration_row + 2, 1, last, "单位负责人（签字）：　　　　　　　　　　　单位（盖章）", f.declaration);
    w.merge(filer.declaration_row + 3, 1, last, "　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日", f.declaration);

    worksheet_set_column(ws, C(L::kColName), C(L::kColName), 18, nullptr);
    worksheet_set_column(ws, C(L::kColUnit), C(L::kColUnit), 10, nullptr);
    worksheet_set_column(ws, C(L::kColFirstYear), C(L::kColFirstYear + int(years.size()) - 1), 15, nullptr);
    worksheet_set_column(ws, C(last), C(last), 30, nullptr);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 1);
    worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
    std::string header;  // '&' starts a header code: double it
    for (char ch : form_title(r)) header += ch == '&' ? std::string("&&") : std::string(1, ch);
    worksheet_set_footer(ws, ("&C" + header + "　第 &P 页，共 &N 页").c_str());
    (void)book;

    lxw_protection protection{};
    protection.format_columns = LXW_TRUE;  // allowed: widen a column, heighten a row
    protection.format_rows = LXW_TRUE;
    worksheet_protect(ws, nullptr, &protection);  // no password: against slips, not intent
    worksheet_activate(ws);
}

void write_identification(Book& book, lxw_worksheet* ws, const Formats& f, const ReportFormRequest& r,
                          const std::string& form_id) {
    const ReportForm& form = *r.obligation->report_form;
    const ReportFormIdentity& id = r.identity;
    lxw_row_t row = 0;
    const auto put = [&](const std::string& key, const std::string& value, const std::string& extra = "") {
        book.check(worksheet_write_string(ws, row, 0, key.c_str(), f.ident), "识别信息");
        if (!value.empty()) book.check(worksheet_write_string(ws, row, 1, value.c_str(), f.ident), "识别信息");
        if (!extra.empty()) book.check(worksheet_write_string(ws, row, 2, extra.c_str(), f.ident), "识别信息");
        ++row;
    };
    put("format", kReportFormFormat);
    put("version", std::to_string(kReportFormVersion));
    put("pack", id.pack);
    put("obligation", id.obligation);
    put("report_year", std::to_string(id.report_year));
    put("credit_code", id.credit_code);
    put("name", id.name);
    put("award_year", std::to_string(id.award_year));
    put("award", id.award);
    put("certificate", id.certificate);
    put("due", id.due.iso());
    put("form_id", form_id);
    for (std::size_t y = 0; y < id.years.size(); ++y)
        put("year", std::to_string(id.years[y]), column_letters(L::kColFirstYear + int(y)));
    for (std::size_t k = 0; k < form.indicators.size(); ++k)
        put("indicator", form.indicators[k].id, std::to_string(L::kFirstIndicatorRow + int(k)));
    const auto filer = L::filer_cells(form.indicators.size(), id.years.size());
    put("filled_by", cell(filer.filer_row, filer.filer_col));
    put("phone", cell(filer.phone_row, filer.phone_col));
    put("filled_on", cell(filer.date_row, filer.date_col));
    worksheet_set_column(ws, 0, 0, 12, nullptr);
    worksheet_set_column(ws, 1, 2, 40, nullptr);
    worksheet_protect(ws, nullptr, nullptr);
    worksheet_hide(ws);
}

}  // namespace

void write_report_form_xlsx(const ReportFormRequest& r, const std::filesystem::path& out) {
    if (!r.policy || !r.obligation || !r.obligation->report_form || r.identity.years.empty())
        throw std::invalid_argument("报送表请求不完整（政策包、义务或其报送表缺失）");
    const std::string form_id = report_form_id(r.identity, *r.policy);
    Book book(out);
    const std::string title = form_title(r);
    const std::string subject = std::to_string(r.identity.report_year) + "年报送：" + r.identity.name;
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(subject.c_str());
    props.author = const_cast<char*>(r.policy->award_title.c_str());
    std::tm tm{};  // fixed: the same registry gives the same bytes
    tm.tm_year = r.identity.report_year - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_hour = 12;
    props.created = timegm(&tm);
    book.check(workbook_set_properties(book.get(), &props), "文档属性");

    const Formats formats = make_formats(book.get());
    Writer w(book, book.add(kReportFormSheet));
    write_form_sheet(book, w, formats, r, form_id);
    write_identification(book, book.add(kReportFormIdentSheet), formats, r, form_id);
    book.close();
}

}  // namespace award
