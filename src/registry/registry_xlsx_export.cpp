// `award registry export --out FILE.xlsx`: the registry (export_json()) in the workbook's
// layout (registry_xlsx_layout.cpp), so an office gets a filled template that imports back
// to the same records. Typed cells (dates as dates, amounts and years as numbers, codes as
// text), columns formatted for typing (text columns as "文本", so codes stay as typed),
// data validation on 是/否, 结果, 政策包, dates and years, and a sheet 说明.
#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include <unistd.h>

#include "model/utf8.hpp"
#include "registry/registry.hpp"
#include "registry/registry_xlsx_layout.hpp"
#include "render/xlsx/lxw_book.hpp"

namespace award {

namespace fs = std::filesystem;
using namespace registry_xlsx;
using nlohmann::ordered_json;
using xlsx_detail::Book;

namespace {

constexpr lxw_row_t kValidatedRows = 1000;  // rows below the records offered for typing
constexpr double kMaxWidth = 40;

double width_of(const std::string& s) {
    double w = 0;
    for (auto ch : utf8::characters(s)) w += ch.size() >= 3 ? 2.1 : 1.1;
    return w;
}

// A field of a record ("certificate/number" inside "certificate"); nullptr when absent.
const ordered_json* field_of(const ordered_json& record, const std::string& field) {
    const auto slash = field.find('/');
    const std::string head = field.substr(0, slash);
    auto it = record.find(head);
    if (it == record.end() || it->is_null()) return nullptr;
    if (slash == std::string::npos) return &*it;
    return field_of(*it, field.substr(slash + 1));
}

// One row: the record and the records above it, nearest first.
using Stack = std::vector<const ordered_json*>;

struct Formats {
    lxw_format *header, *text, *date, *integer, *number, *note, *note_title;
};

Formats make_formats(lxw_workbook* wb) {
    auto base = [wb]() {
        lxw_format* f = workbook_add_format(wb);
        format_set_font_name(f, "宋体");
        format_set_font_size(f, 11);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        return f;
    };
    Formats f{};
    f.header = base();
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xD9E1F2);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    f.text = base();
    format_set_num_format(f.text, "@");  // typed codes stay text
    f.date = base();
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.integer = base();
    format_set_num_format(f.integer, "0");
    f.number = base();
    f.note = base();
    format_set_text_wrap(f.note);
    format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
    f.note_title = base();
    format_set_bold(f.note_title);
    format_set_font_size(f.note_title, 14);
    return f;
}

// The indicator's name (营业收入) for its id, as the office reads it; the id when unknown.
std::string indicator_name(const PolicyCatalog& packs, const Stack& s, const std::string& id) {
    // s: figure, report, obligation, award, cycle.
    if (s.size() < 5) return id;
    const ordered_json* pack = field_of(*s[4], "pack");
    const ordered_json* obligation = field_of(*s[2], "id");
    if (!pack || !obligation || !pack->is_string() || !obligation->is_string()) return id;
    auto p = packs.find(pack->get<std::string>());
    if (p == packs.end()) return id;
    for (const auto& o : p->second.obligations)
        if (o.id == obligation->get<std::string>() && o.report_form)
            for (const auto& ind : o.report_form->indicators)
                if (ind.id == id) return ind.name;
    return id;
}

class Writer {
public:
    Writer(Book& book, const Formats& f, const PolicyCatalog& packs) : book_(book), f_(f), packs_(packs) {}

    void sheet(const SheetSpec& spec, const std::vector<Stack>& rows) {
        lxw_worksheet* ws = book_.add(spec.name);
        std::vector<double> widths;
        for (lxw_col_t c = 0; c < spec.columns.size(); ++c) {
            const Column& col = spec.columns[c];
            book_.check(worksheet_write_string(ws, 0, c, col.header.c_str(), f_.header), spec.name + " 表头");
            double w = width_of(col.header) + 2;
            if (col.kind == Kind::Date) w = std::max(w, 12.0);
            if (col.kind == Kind::Code) w = std::max(w, 21.0);
            widths.push_back(w);
        }
        lxw_row_t r = 1;
        for (const Stack& s : rows) {
            for (lxw_col_t c = 0; c < spec.columns.size(); ++c) {
                const Column& col = spec.columns[c];
                if (std::size_t(col.up) >= s.size()) continue;
                const ordered_json* v = field_of(*s[std::size_t(col.up)], col.field);
                if (!v) continue;
                const std::string shown = cell(ws, r, c, spec, col, *v, s);
                widths[c] = std::min(kMaxWidth, std::max(widths[c], width_of(shown) + 2));
            }
            ++r;
        }
        for (lxw_col_t c = 0; c < spec.columns.size(); ++c)
            worksheet_set_column(ws, c, c, widths[c], column_format(spec.columns[c].kind));
        worksheet_freeze_panes(ws, 1, 0);
        const lxw_row_t last = lxw_row_t(rows.size()) + kValidatedRows;
        for (lxw_col_t c = 0; c < spec.columns.size(); ++c) validate(ws, spec, spec.columns[c], c, last);
    }

    void notes() {
        lxw_worksheet* ws = book_.add(kNotesSheet);
        worksheet_set_column(ws, 0, 0, 110, nullptr);
        std::vector<std::string> lines = {
            "获奖登记库：往年记录（award registry import / export 的工作簿格式，见 samples/README.md 第 14.1 节）",
            "每张表第1行是表头，第2行起每行一条记录；空行不读；表头和工作表名称不要改。本“说明”表不导入。",
            "评选届次：每届一行（政策包 + 年度）。其他表的“政策包”“年度”须与这里的一行相同，否则报错。",
            "申报结果：每届每个组织一行。结果填：不予受理、已受理、未获奖、异议成立取消、获奖。",
            "获奖：每项获奖一行。再次获奖填 是/否（不填为否）；奖金为整数元；证书编号在登记库中唯一、不得重复使用；"
            "被撤销的填写撤销日期、撤销依据条款、撤销原因（弄虚作假、行贿、事故、其他或政策包列出的原因）和禁止申报年数。",
            "报送义务、已收报告、报送数据：按 政策包、年度、统一社会信用代码、奖项（和义务编号、报送年度）对应到上一张表中的一行；"
            "单位名称只作核对。",
            "更高级别奖项：获奖组织后来获得的更高级别奖项（本溪市第二十五条：追加激励资金）。",
            "日期：日期单元格，或文字 YYYY-MM-DD；截止月日写 03-31。统一社会信用代码和编号请按文字输入（这些列已设为“文本”格式）。",
            "导入：award registry import 本文件.xlsx。先检查全部内容，有任何问题就列出所有问题（工作表、行、列），什么也不导入；"
            "重复导入同一文件不改变任何记录。",
        };
        std::vector<std::string> ids;
        for (const auto& [id, p] : packs_) ids.push_back(id + "（" + p.jurisdiction + "）");
        if (!ids.empty()) {
            std::string s = "政策包编号：";
            for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? "、" : "") + ids[i];
            lines.push_back(s + "。");
        }
        book_.check(worksheet_write_string(ws, 0, 0, lines[0].c_str(), f_.note_title), "说明");
        for (lxw_row_t r = 1; r < lines.size(); ++r)
            book_.check(worksheet_write_string(ws, r, 0, lines[r].c_str(), f_.note), "说明");
    }

private:
    lxw_format* column_format(Kind kind) const {
        switch (kind) {
        case Kind::Date: return f_.date;
        case Kind::Integer: return f_.integer;
        case Kind::Decimal: return f_.number;
        default: return f_.text;
        }
    }

    // Writes the value; returns it as shown, for the width.
    std::string cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const SheetSpec& spec, const Column& col,
                     const ordered_json& v, const Stack& s) {
        const std::string where = spec.name + " " + std::to_string(r + 1) + "行";
        auto text = [&](const std::string& t) {
            book_.check(worksheet_write_string(ws, r, c, t.c_str(), f_.text), where);
            return t;
        };
        switch (col.kind) {
        case Kind::Integer:
        case Kind::Decimal:
            if (v.is_number()) {
                book_.check(worksheet_write_number(ws, r, c, v.get<double>(), col.kind == Kind::Integer ? f_.integer : f_.number),
                            where);
                return v.dump();
            }
            break;
        case Kind::Date:
            if (v.is_string())
                if (auto d = Date::parse(v.get<std::string>())) {
                    lxw_datetime dt{int(d->year()), int(d->month()), int(d->day()), 0, 0, 0};
                    book_.check(worksheet_write_datetime(ws, r, c, &dt, f_.date), where);
                    return "2024-01-01";
                }
            break;
        case Kind::Bool:
            if (v.is_boolean()) return text(v.get<bool>() ? "是" : "否");
            break;
        case Kind::Outcome:
            if (v.is_string())
                for (const auto& w : outcome_words())
                    if (w.code == v.get<std::string>()) return text(w.word);
            break;
        default:
            break;
        }
        if (v.is_string()) {
            if (spec.level == Level::Figure && col.field == "indicator") return text(indicator_name(packs_, s, v.get<std::string>()));
            return text(v.get<std::string>());
        }
        return text(v.dump());
    }

    void validate(lxw_worksheet* ws, const SheetSpec& spec, const Column& col, lxw_col_t c, lxw_row_t last) {
        lxw_data_validation dv{};
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        std::vector<std::string> words;
        std::string message;
        switch (col.kind) {
        case Kind::Bool:
            words = {"是", "否"};
            message = "填“是”或“否”（不填为否）";
            break;
        case Kind::Outcome:
            for (const auto& w : outcome_words()) words.push_back(w.word);
            message = "填：不予受理、已受理、未获奖、异议成立取消、获奖";
            break;
        case Kind::Date:
            dv.validate = LXW_VALIDATION_TYPE_DATE;
            dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            dv.minimum_datetime = lxw_datetime{1990, 1, 1, 0, 0, 0};
            dv.maximum_datetime = lxw_datetime{2100, 12, 31, 0, 0, 0};
            message = "填日期，如 2024-12-20";
            break;
        case Kind::Integer:
            if (col.low == 0 && col.high == 0) return;
            dv.validate = LXW_VALIDATION_TYPE_INTEGER;
            dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            dv.minimum_number = col.low;
            dv.maximum_number = col.high;
            message = "填 " + std::to_string(col.low) + " 至 " + std::to_string(col.high) + " 之间的整数";
            break;
        default:
            if (col.field != "pack" || packs_.empty()) return;
            for (const auto& [id, p] : packs_) words.push_back(id);
            message = "填政策包编号";
            break;
        }
        std::vector<char*> list;
        if (!words.empty()) {
            std::size_t length = 0;
            for (auto& w : words) {
                list.push_back(w.data());
                length += w.size() + 1;
            }
            if (length > 255) return;  // Excel's limit for a list written in the validation
            list.push_back(nullptr);
            dv.validate = LXW_VALIDATION_TYPE_LIST;
            dv.value_list = list.data();
        }
        std::string title = col.header;
        dv.error_title = title.data();
        dv.error_message = message.data();
        book_.check(worksheet_data_validation_range(ws, 1, c, last, c, &dv), spec.name + " " + col.header + " 数据验证");
    }

    Book& book_;
    const Formats& f_;
    const PolicyCatalog& packs_;
};

}  // namespace

void Registry::export_xlsx(const fs::path& out, const PolicyCatalog& packs) {
    const ordered_json doc = export_json();
    // The rows of each sheet, from the document.
    std::vector<std::vector<Stack>> rows(sheets().size());
    auto emit = [&](Level level, Stack s) {
        for (std::size_t i = 0; i < sheets().size(); ++i)
            if (sheets()[i].level == level) rows[i].push_back(std::move(s));
    };
    auto each = [](const ordered_json& o, const char* key, auto&& f) {
        auto it = o.find(key);
        if (it != o.end() && it->is_array())
            for (const auto& item : *it) f(item);
    };
    std::string newest;  // the newest date in the registry: the file's creation date (the same registry, the same bytes)
    auto seen = [&](const ordered_json& o, const char* key) {
        auto it = o.find(key);
        if (it != o.end() && it->is_string() && it->get<std::string>() > newest) newest = it->get<std::string>();
    };
    each(doc, "cycles", [&](const ordered_json& c) {
        emit(Level::Cycle, {&c});
        seen(c, "run_on");
        each(c, "applications", [&](const ordered_json& a) { emit(Level::Application, {&a, &c}); });
        each(c, "awards", [&](const ordered_json& a) {
            emit(Level::Award, {&a, &c});
            seen(a, "awarded_on");
            each(a, "obligations", [&](const ordered_json& o) {
                emit(Level::Obligation, {&o, &a, &c});
                each(o, "reports", [&](const ordered_json& r) {
                    emit(Level::Report, {&r, &o, &a, &c});
                    each(r, "figures", [&](const ordered_json& f) { emit(Level::Figure, {&f, &r, &o, &a, &c}); });
                });
            });
        });
    });
    each(doc, "higher_awards", [&](const ordered_json& h) { emit(Level::Higher, {&h}); });

    // Written beside the target and renamed into place: never half a file.
    fs::path temp = out;
    temp += ".tmp-" + std::to_string(::getpid()) + ".xlsx";
    {
        Book book(temp);
        lxw_doc_properties props{};
        const std::string title = "获奖登记库", author = "award";
        props.title = const_cast<char*>(title.c_str());
        props.author = const_cast<char*>(author.c_str());
        const Date created = Date::parse(newest).value_or(Date(2000, 1, 1));
        std::tm tm{};
        tm.tm_year = created.year() - 1900;
        tm.tm_mon = int(created.month()) - 1;
        tm.tm_mday = int(created.day());
        tm.tm_hour = 12;
        props.created = timegm(&tm);
        workbook_set_properties(book.get(), &props);
        const Formats f = make_formats(book.get());
        Writer w(book, f, packs);
        for (std::size_t i = 0; i < sheets().size(); ++i) w.sheet(sheets()[i], rows[i]);
        w.notes();
        book.close();
    }
    std::error_code ec;
    fs::rename(temp, out, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw fs::filesystem_error("cannot write", out, ec);
    }
}

}  // namespace award
