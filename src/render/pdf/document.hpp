// A GB/T 9704-2012 document (公文格式): A4, 版心 156 × 225 mm at 天头 37 mm and
// 订口 28 mm, 22 lines of 28 characters in 3号 body type on a fixed line pitch,
// page numbers "— 1 —" under the 版心. Documents are built from blocks
// (title, paragraphs, headings, tables, signature) and written to PDF with
// every font embedded as a subset.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/errors.hpp"
#include "render/pdf/chart.hpp"
#include "render/pdf/layout.hpp"

namespace award::pdf {

// Chinese type sizes in pt (号).
namespace size {
constexpr double er = 22;      // 二号: titles
constexpr double san = 16;     // 三号: body
constexpr double si = 14;      // 四号: page numbers, tables
constexpr double xiao_si = 12; // 小四: dense tables
}  // namespace size

struct TableColumn {
    Text header;
    Align align = Align::Left;  // body cells; headers are centred
};

struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<Text>> rows;  // each row has one Text per column
    double font_size = size::xiao_si;
};

struct ParagraphStyle {
    Role role = Role::Body;
    double indent_chars = 2;  // first-line indent, in body characters
    Align align = Align::Justify;
    bool keep_with_next = false;  // keep the last line on the page of what follows (lead-in lines, headings)
};

// One block of a document, before layout.
struct Block {
    enum class Kind { Masthead, Title, Addressee, Paragraph, Blank, Table, Signature, Attachments, Imprint, Chart } kind;
    Text text;
    ParagraphStyle style;
    int count = 0;    // blank lines
    Table table;
    Text extra;       // signature: the date line; masthead: the 发文字号; imprint: 印发机关
    std::vector<Text> items;  // attachments: the names; imprint: the 印发日期 line
    Chart chart{};    // chart
};

class Document {
public:
    // file_name: the document's name in error messages (e.g. "受理名单公示.pdf").
    explicit Document(std::string file_name) : file_name_(std::move(file_name)) {}

    // 版头: the issuing body's name in red (发文机关标志, its top 35 mm below the top of
    // the 版心), two lines below it the 发文字号, 4 mm below that a red rule the width
    // of the 版心, then two blank lines before the title.
    void masthead(Text issuing_body, Text document_number);
    void title(Text t);                           // 2号 title role, centred, balanced lines, then a blank line
    void addressee(Text t);                       // 主送机关 / 主送单位 line, flush left
    void paragraph(Text t, ParagraphStyle style = {});
    // 1: "一、" 黑体; 2: "（一）" 楷体; 3: "1." and 4: "（1）" 仿宋. Any other level throws std::invalid_argument.
    void heading(Text t, int level);
    void blank_lines(int n);
    void table(Table t);                          // header repeated on each page; rows never split
    // A chart (chart.hpp) in the flow of the text: its caption centred in 黑体 四号 on
    // the line grid, the drawing under it the width of the 版心 and chart.height_mm
    // high; caption and drawing never split across pages (both go to the next page
    // when they do not fit). A chart without data draws nothing: the caption, then
    // chart.no_data (or kNoChartData) centred in body type. Throws std::logic_error
    // for a chart taller than a page or whose data do not match its categories.
    void chart(Chart c);
    void signature(Text issuer, const Date& date);  // 署名 centred over 成文日期 (right-indented 4 characters)

    // 附件说明: one blank line under the body, indented 2 characters: "附件：1.××",
    // the following items' numbers under the first one's, a long name's next
    // lines under its first character; one attachment is "附件：××" without a number.
    // Final punctuation of a name is dropped. No names: nothing is added.
    void attachments(std::vector<Text> names);

    // 版记 at the foot of the last page, 4号 body type between rules the width of the
    // 版心 (0.35 mm outside, 0.25 mm between 抄送 and 印发): "抄送：…。" (left out when
    // copy_to is empty) indented 1 character, then 印发机关 on the left and
    // "2026年9月30日印发" on the right, each 1 character in; the last rule lies on the
    // foot of the 版心. It goes to a new page when the last page's text leaves no room.
    // Given twice, throws std::logic_error.
    void imprint(Text copy_to, Text printed_by, const Date& printed_on);

    // Lays out and writes the PDF. The PDF's Info dates come from `date` (not
    // the clock), so the same document gives the same bytes. Throws
    // InputError listing every character no configured font has, before
    // anything is written; writes to a temporary file beside `out` and renames it.
    void write(const std::filesystem::path& data_dir, const std::string& info_title, const Date& date,
               const std::filesystem::path& out) const;

    // Every character of the document that no configured font has, as write()
    // would refuse them, without writing anything.
    std::vector<Problem> font_problems(const std::filesystem::path& data_dir) const;
    std::vector<Problem> font_problems(const FontSet& fonts) const;  // the font set loaded once for many documents

    // Number of pages of the last write() (for tests and checks).
    int page_count() const { return pages_written_; }

private:
    struct Composed;
    Composed compose(const std::filesystem::path& data_dir) const;
    Composed compose(const FontSet& fonts) const;

    std::string file_name_;
    std::vector<Block> blocks_;
    mutable int pages_written_ = 0;
};

}  // namespace award::pdf
