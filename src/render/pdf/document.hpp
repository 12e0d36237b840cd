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
    enum class Kind { Masthead, Title, Addressee, Paragraph, Blank, Table, Signature } kind;
    Text text;
    ParagraphStyle style;
    int count = 0;    // blank lines
    Table table;
    Text extra;       // signature: the date line; masthead: the 发文字号
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
    void heading(Text t, int level);              // 1: "一、" 黑体; 2: "（一）" 楷体; 3: "1." 仿宋
    void blank_lines(int n);
    void table(Table t);                          // header repeated on each page; rows never split
    void signature(Text issuer, const Date& date);  // 署名 centred over 成文日期 (right-indented 4 characters)

    // Lays out and writes the PDF. The PDF's Info dates come from `date` (not
    // the clock), so the same document gives the same bytes. Throws
    // InputError listing every character no configured font has, before
    // anything is written; writes to a temporary file beside `out` and renames it.
    void write(const std::filesystem::path& data_dir, const std::string& info_title, const Date& date,
               const std::filesystem::path& out) const;

    // Every character of the document that no configured font has, as write()
    // would refuse them, without writing anything.
    std::vector<Problem> font_problems(const std::filesystem::path& data_dir) const;

    // Number of pages of the last write() (for tests and checks).
    int page_count() const { return pages_written_; }

private:
    struct Composed;
    Composed compose(const std::filesystem::path& data_dir) const;

    std::string file_name_;
    std::vector<Block> blocks_;
    mutable int pages_written_ = 0;
};

}  // namespace award::pdf
