#include "ingest/xlsx_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include <minizip/unzip.h>
#include <pugixml.hpp>

#include "ingest/json_fields.hpp"  // excerpt, position_of
#include "ingest/text_rules.hpp"   // shown

namespace award::xlsx {

namespace fs = std::filesystem;

// ---- names of cells ------------------------------------------------------------

std::string column_name(int col) {
    if (col < 1) throw std::out_of_range("column_name: column " + std::to_string(col));
    std::string letters;
    for (; col > 0; col = (col - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (col - 1) % 26));
    return letters;
}

std::string cell_name(int row, int col) {
    if (row < 1) throw std::out_of_range("cell_name: row " + std::to_string(row));
    return column_name(col) + std::to_string(row);
}

bool parse_cell_name(std::string_view ref, int& row, int& col) {
    std::size_t i = 0;
    long c = 0;
    for (; i < ref.size() && i < 4; ++i) {
        char ch = ref[i];
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') break;
        c = c * 26 + (ch - 'A' + 1);
    }
    if (i == 0 || c > kMaxCols) return false;
    const std::size_t digits = i;
    long r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9' || i - digits >= 8) return false;
        r = r * 10 + (ref[i] - '0');
    }
    if (i == digits || ref[digits] == '0' || r < 1 || r > kMaxRows) return false;
    row = static_cast<int>(r);
    col = static_cast<int>(c);
    return true;
}

// ---- number formats -------------------------------------------------------------

namespace {

// Built-in number formats (ECMA-376 Part 1, 18.8.30; 27–36 and 50–58 as in zh-CN).
const std::unordered_map<int, std::string>& builtin_formats() {
    static const std::unordered_map<int, std::string> formats{
        {0, "General"},
        {1, "0"},
        {2, "0.00"},
        {3, "#,##0"},
        {4, "#,##0.00"},
        {9, "0%"},
        {10, "0.00%"},
        {11, "0.00E+00"},
        {12, "# ?/?"},
        {13, "# ?" "?/?" "?"},  // split: "??/" would be a trigraph
        {14, "mm-dd-yy"},
        {15, "d-mmm-yy"},
        {16, "d-mmm"},
        {17, "mmm-yy"},
        {18, "h:mm AM/PM"},
        {19, "h:mm:ss AM/PM"},
        {20, "h:mm"},
        {21, "h:mm:ss"},
        {22, "m/d/yy h:mm"},
        {27, "yyyy\"年\"m\"月\""},
        {28, "m\"月\"d\"日\""},
        {29, "m\"月\"d\"日\""},
        {30, "m-d-yy"},
        {31, "yyyy\"年\"m\"月\"d\"日\""},
        {32, "h\"时\"mm\"分\""},
        {33, "h\"时\"mm\"分\"ss\"秒\""},
        {34, "上午/下午h\"时\"mm\"分\""},
        {35, "上午/下午h\"时\"mm\"分\"ss\"秒\""},
        {36, "yyyy\"年\"m\"月\""},
        {37, "#,##0 ;(#,##0)"},
        {38, "#,##0 ;[Red](#,##0)"},
        {39, "#,##0.00;(#,##0.00)"},
        {40, "#,##0.00;[Red](#,##0.00)"},
        {45, "mm:ss"},
        {46, "[h]:mm:ss"},
        {47, "mmss.0"},
        {48, "##0.0E+0"},
        {49, "@"},
        {50, "yyyy\"年\"m\"月\""},
        {51, "m\"月\"d\"日\""},
        {52, "yyyy\"年\"m\"月\""},
        {53, "m\"月\"d\"日\""},
        {54, "m\"月\"d\"日\""},
        {55, "上午/下午h\"时\"mm\"分\""},
        {56, "上午/下午h\"时\"mm\"分\"ss\"秒\""},
        {57, "yyyy\"年\"m\"月\""},
        {58, "m\"月\"d\"日\""},
    };
    return formats;
}

bool is_builtin_date_id(int id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool ieq_prefix(std::string_view s, std::size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        char a = s[at + k], b = word[k];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

}  // namespace

bool is_date_format(int id, std::string_view code) {
    if (is_builtin_date_id(id)) return true;
    for (std::size_t i = 0; i < code.size();) {
        const char ch = code[i];
        if (ch == '"') {  // literal text
            const auto end = code.find('"', i + 1);
            if (end == std::string_view::npos) return false;
            i = end + 1;
        } else if (ch == '\\' || ch == '_' || ch == '*') {  // escaped, space-of-width, fill character
            i += 2;
        } else if (ch == '[') {  // colour, condition, locale, [DBNum1] ... or elapsed time [h] [mm] [ss]
            const auto end = code.find(']', i + 1);
            if (end == std::string_view::npos) return false;
            const std::string_view inside = code.substr(i + 1, end - i - 1);
            if (!inside.empty() && std::all_of(inside.begin(), inside.end(), [&](char c) {
                    return c == inside[0] && (c == 'h' || c == 'H' || c == 'm' || c == 'M' || c == 's' || c == 'S');
                }))
                return true;
            i = end + 1;
        } else if (ieq_prefix(code, i, "general")) {
            i += 7;
        } else if (std::string_view("yYmMdDhHsS").find(ch) != std::string_view::npos) {
            return true;
        } else {
            ++i;
        }
    }
    return false;
}

bool CellValue::looks_like_date() const { return type == Type::Number && is_date_format(num_fmt_id, number_format); }

// ---- the data -------------------------------------------------------------------

const CellValue* SheetData::at(int row, int col) const {
    auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
}

int SheetData::max_row() const { return cells.empty() ? 0 : cells.rbegin()->first.first; }

int SheetData::max_col() const {
    int m = 0;
    for (const auto& [pos, value] : cells) m = std::max(m, pos.second);
    return m;
}

const SheetData* WorkbookData::find(const std::string& name) const {
    for (const auto& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

XlsxReadError::XlsxReadError(std::string file, std::string part, std::string detail)
    : std::runtime_error(ingest::shown(file) + "：" + detail),
      file_(std::move(file)),
      part_(std::move(part)),
      detail_(std::move(detail)) {}

// ---- reading --------------------------------------------------------------------

namespace {

// A value from the file, quoted for a message: control characters escaped, cut when long.
std::string quote_value(std::string_view value, std::size_t max_chars = 40) {
    return "“" + ingest::shown(ingest::excerpt(std::string(value), max_chars)) + "”";
}

// A part name from the file, for a message.
std::string part_shown(const std::string& part) { return ingest::shown(ingest::excerpt(part, 80)); }

// "超过 64 MiB 的上限", "超过 1500 字节的上限".
std::string over_limit(std::uint64_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return "超过 " + std::to_string(bytes >> 20) + " MiB 的上限";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return "超过 " + std::to_string(bytes >> 10) + " KiB 的上限";
    return "超过 " + std::to_string(bytes) + " 字节的上限";
}

std::string ascii_lower(std::string s) {
    for (auto& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// A zip entry's name as a key: '/' separators, no leading '/', ASCII lower case (part
// names of Open Packaging are compared without case).
std::string part_key(std::string name) {
    std::replace(name.begin(), name.end(), '\\', '/');
    const auto first = name.find_first_not_of('/');
    name.erase(0, first == std::string::npos ? name.size() : first);
    return ascii_lower(std::move(name));
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string_view trim_xml_space(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

class Failer {
public:
    explicit Failer(std::string shown_name) : shown_name_(std::move(shown_name)) {}
    [[noreturn]] void operator()(const std::string& part, const std::string& detail) const {
        throw XlsxReadError(shown_name_, part, detail);
    }

private:
    std::string shown_name_;
};

// ---- the zip --------------------------------------------------------------------

class Zip {
public:
    Zip(const fs::path& file, const Failer& fail, const ReadLimits& limits) : fail_(fail), limits_(limits) {
        std::error_code ec;
        const auto status = fs::status(file, ec);
        if (ec || !fs::exists(status)) fail_("", "文件不存在或无法访问");
        if (fs::is_directory(status)) fail_("", "这是一个文件夹，不是 XLSX 文件");
        std::array<unsigned char, 8> head{};
        std::streamsize got = 0;
        {
            std::ifstream in(file, std::ios::binary);
            if (!in) fail_("", "无法读取文件（没有读取权限或文件正被占用）");
            in.read(reinterpret_cast<char*>(head.data()), head.size());
            got = in.gcount();
        }
        if (got == 0) fail_("", "文件为空（0 字节），不是有效的 XLSX 文件");
        if (got >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            fail_("", "文件已加密或为旧版 .xls，请另存为 .xlsx");
        handle_.zip = zip_ = unzOpen64(file.c_str());
        if (!zip_) {
            if (got >= 2 && head[0] == 'P' && head[1] == 'K')
                fail_("", "不是有效的 XLSX 文件（zip 结构不完整或已损坏，文件可能没有完整保存或下载）");
            fail_("", "不是有效的 XLSX 文件（无法作为 zip 打开）");
        }
        index();
    }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;

    bool has(const std::string& part) const { return entries_.count(part_key(part)) != 0; }

    // The inflated part; `label` says what it is for messages ("工作表“评分”（xl/...）").
    std::string read(const std::string& part, const std::string& label) {
        const std::string key = part_key(part);
        auto it = entries_.find(key);
        if (it == entries_.end()) fail_(part, label + "不在文件中（文件已损坏）");
        Entry& e = it->second;
        if (duplicated_.count(key)) fail_(part, label + "在 zip 中出现了不止一次（文件已损坏）");
        if (e.flag & 1u) fail_(part, label + "已用 zip 密码加密，请去掉密码后另存为 .xlsx");
        if (e.size > limits_.max_part_bytes)
            fail_(part, label + "解压后有 " + std::to_string(e.size) + " 字节，" +
                            over_limit(limits_.max_part_bytes) + "（文件过大或已损坏）");
        if (unzGoToFilePos64(zip_, &e.pos) != UNZ_OK) fail_(part, label + "无法定位（zip 已损坏）");
        if (unzOpenCurrentFile(zip_) != UNZ_OK) {
            if (e.method != 0 && e.method != Z_DEFLATED)
                fail_(part, label + "使用了不支持的压缩方式（" + std::to_string(e.method) +
                                "），请用 Excel、WPS 或 LibreOffice 另存为 .xlsx");
            fail_(part, label + "无法解压（文件已损坏）");
        }
        struct Close {
            unzFile zip;
            bool open = true;
            ~Close() {
                if (open) unzCloseCurrentFile(zip);
            }
        } close{zip_};

        std::string out;
        out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(e.size, limits_.max_part_bytes)));
        std::array<char, 1 << 16> buffer;
        for (;;) {
            const int n = unzReadCurrentFile(zip_, buffer.data(), static_cast<unsigned>(buffer.size()));
            if (n < 0) fail_(part, label + "解压失败（文件已损坏或不完整）");
            if (n == 0) break;
            // Checked as it inflates: the sizes in the zip's headers are the file's word only.
            if (out.size() + static_cast<std::size_t>(n) > limits_.max_part_bytes)
                fail_(part, label + "解压后" + over_limit(limits_.max_part_bytes) + "（文件过大或已损坏）");
            total_ += static_cast<std::uint64_t>(n);
            if (total_ > limits_.max_total_bytes)
                fail_(part, "文件各部分解压后合计" + over_limit(limits_.max_total_bytes) +
                                "（文件过大或已损坏），停在" + label);
            out.append(buffer.data(), static_cast<std::size_t>(n));
        }
        close.open = false;
        const int rc = unzCloseCurrentFile(zip_);
        if (rc == UNZ_CRCERROR) fail_(part, label + "校验失败（CRC 不符，文件已损坏）");
        if (rc != UNZ_OK) fail_(part, label + "解压失败（文件已损坏或不完整）");
        if (out.size() != e.size) fail_(part, label + "解压后的大小与 zip 目录所记不符（文件已损坏）");
        return out;
    }

private:
    struct Entry {
        unz64_file_pos pos{};
        std::uint64_t size = 0;
        unsigned long flag = 0;
        unsigned long method = 0;
    };

    void index() {
        unz_global_info64 info{};
        if (unzGetGlobalInfo64(zip_, &info) != UNZ_OK) fail_("", "不是有效的 XLSX 文件（zip 目录无法读取）");
        if (info.number_entry > limits_.max_zip_entries)
            fail_("", "zip 中的条目过多（" + std::to_string(info.number_entry) + " 个，上限 " +
                          std::to_string(limits_.max_zip_entries) + " 个），不像是 Excel 工作簿");
        std::size_t count = 0;
        int rc = unzGoToFirstFile(zip_);
        while (rc == UNZ_OK) {
            if (++count > limits_.max_zip_entries)
                fail_("", "zip 中的条目过多（超过 " + std::to_string(limits_.max_zip_entries) + " 个），不像是 Excel 工作簿");
            unz_file_info64 fi{};
            std::array<char, 1024> name{};
            if (unzGetCurrentFileInfo64(zip_, &fi, name.data(), name.size(), nullptr, 0, nullptr, 0) != UNZ_OK)
                fail_("", "不是有效的 XLSX 文件（zip 目录已损坏）");
            // A name longer than any part of a workbook is left out (it would be cut).
            if (fi.size_filename < name.size()) {
                std::string key = part_key(std::string(name.data(), fi.size_filename));
                Entry e;
                e.size = fi.uncompressed_size;
                e.flag = fi.flag;
                e.method = fi.compression_method;
                if (unzGetFilePos64(zip_, &e.pos) != UNZ_OK) fail_("", "不是有效的 XLSX 文件（zip 目录已损坏）");
                if (!key.empty() && key.back() != '/' && !entries_.emplace(key, e).second) duplicated_.insert(key);
            }
            rc = unzGoToNextFile(zip_);
        }
        if (rc != UNZ_END_OF_LIST_OF_FILE) fail_("", "不是有效的 XLSX 文件（zip 目录已损坏）");
    }

    // Closes the zip also when the constructor throws after opening it.
    struct Handle {
        unzFile zip = nullptr;
        Handle() = default;
        Handle(const Handle&) = delete;
        Handle& operator=(const Handle&) = delete;
        ~Handle() {
            if (zip) unzClose(zip);
        }
    };

    const Failer& fail_;
    const ReadLimits& limits_;
    Handle handle_;
    unzFile zip_ = nullptr;
    std::unordered_map<std::string, Entry> entries_;  // by part_key
    std::unordered_set<std::string> duplicated_;
    std::uint64_t total_ = 0;
};

// ---- XML helpers ------------------------------------------------------------------

// Element and attribute names without their namespace prefix ("x:row" -> "row"): some
// writers prefix SpreadsheetML, and "r:id" is whatever prefix the file chose.
std::string_view local(const char* name) {
    std::string_view s(name);
    const auto colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

template <class F>
void each(pugi::xml_node n, std::string_view name, F&& f) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c.name()) == name) f(c);
}

// The attribute named `name` (without prefix); `prefixed`: only one written with a prefix.
pugi::xml_attribute attr(pugi::xml_node n, std::string_view name, bool prefixed = false) {
    for (auto a : n.attributes()) {
        if (local(a.name()) != name) continue;
        if (prefixed && std::string_view(a.name()).find(':') == std::string_view::npos) continue;
        return a;
    }
    return {};
}

std::string text_of(pugi::xml_node n) {
    std::string s;
    for (auto c : n.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    return s;
}

const char* xml_status_text(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_out_of_memory: return "内存不足";
        case pugi::status_unrecognized_tag: return "无法识别的标记";
        case pugi::status_bad_pi: return "处理指令有误";
        case pugi::status_bad_comment: return "注释有误";
        case pugi::status_bad_cdata: return "CDATA 段有误";
        case pugi::status_bad_doctype: return "DOCTYPE 有误";
        case pugi::status_bad_pcdata: return "文本有误";
        case pugi::status_bad_start_element: return "开始标签有误";
        case pugi::status_bad_attribute: return "属性有误";
        case pugi::status_bad_end_element: return "结束标签有误";
        case pugi::status_end_element_mismatch: return "结束标签与开始标签不匹配或缺少结束标签";
        case pugi::status_no_document_element: return "没有任何元素";
        default: return "无法解析";
    }
}

// _xHHHH_ (a UTF-16 code unit written as hex, how OOXML stores characters XML cannot
// carry, e.g. _x000D_ for a carriage return) decoded to UTF-8; _x005F_ is "_".
int hex4(std::string_view s, std::size_t at) {
    int v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        const char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

int escape_at(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    return hex4(s, i + 2);
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string decode_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const int unit = escape_at(s, i);
        if (unit < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        unsigned cp = static_cast<unsigned>(unit);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const int low = escape_at(s, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// Whether xml:space="preserve" holds for n (set on it or an ancestor).
bool preserves_space(pugi::xml_node n) {
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
        auto a = n.attribute("xml:space");
        if (a) return std::string_view(a.value()) == "preserve";
    }
    return false;
}

// One <t>: without xml:space="preserve" surrounding spaces and line breaks are not
// part of the text (Excel drops them too).
std::string t_text(pugi::xml_node t) {
    const std::string raw = text_of(t);
    return decode_escapes(preserves_space(t) ? std::string_view(raw) : trim_xml_space(raw));
}

// The text of a string item (<si> of the shared strings, <is> of an inline string):
// a plain <t>, or rich-text runs <r><t>…</t></r>; phonetic runs <rPh> are not text.
std::string string_item(pugi::xml_node item) {
    std::string out;
    for (auto c : item.children()) {
        if (c.type() != pugi::node_element) continue;
        const auto name = local(c.name());
        if (name == "t") out += t_text(c);
        else if (name == "r") each(c, "t", [&](pugi::xml_node t) { out += t_text(t); });
    }
    return out;
}

std::optional<double> parse_number(std::string_view s) {
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    if (s.empty() || s[0] == '+') return std::nullopt;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) return std::nullopt;
    double d = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(d)) return std::nullopt;
    return d;
}

// A non-negative integer written in decimal digits only.
std::optional<std::size_t> parse_index(std::string_view s) {
    if (s.empty() || s.size() > 12) return std::nullopt;
    std::size_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
}

// ---- the workbook -----------------------------------------------------------------

struct Relationship {
    std::string type;
    std::string target;  // the part, resolved from the package root ("" when external or outside it)
};

// Target of a relationship, resolved against the folder of its source part.
std::string resolve_target(const std::string& source_dir, std::string target) {
    // Percent-encoded characters (a space is %20 in a part name).
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] == '%' && i + 2 < target.size()) {
            auto hex = [](char c) {
                return (c >= '0' && c <= '9') ? c - '0'
                       : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                       : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
            };
            const int hi = hex(target[i + 1]), lo = hex(target[i + 2]);
            if (hi >= 0 && lo >= 0) {
                decoded += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        decoded += target[i];
    }
    std::replace(decoded.begin(), decoded.end(), '\\', '/');
    const std::string path = (!decoded.empty() && decoded[0] == '/') ? decoded : source_dir + decoded;
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        const std::string seg = path.substr(start, slash - start);
        if (seg == "..") {
            if (segments.empty()) return "";
            segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& seg : segments) out += (out.empty() ? "" : "/") + seg;
    return out;
}

std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

struct Styles {
    std::vector<int> xf_format;  // cellXfs: numFmtId of each
    std::unordered_map<int, std::string> custom;
};

class WorkbookReader {
public:
    WorkbookReader(const fs::path& file, const std::string& shown_name, const ReadLimits& limits)
        : fail_(shown_name), limits_(limits), zip_(file, fail_, limits) {}

    WorkbookData read() {
        WorkbookData wb;
        const std::string wb_part = workbook_part();
        const std::string wb_label = "工作簿目录（" + part_shown(wb_part) + "）";
        std::string wb_text = zip_.read(wb_part, wb_label);
        pugi::xml_document wb_doc;
        const auto root = parse(wb_doc, wb_text, wb_part, wb_label, "workbook");
        if (auto pr = child(root, "workbookPr")) {
            const std::string_view v = pr.attribute("date1904").value();
            wb.date1904 = v == "1" || v == "true";
        }
        const auto rels = relationships(wb_part);

        // Shared strings and styles: through the relationships, else where Excel puts them.
        const std::string sst_part = related(rels, "/sharedStrings", "xl/sharedStrings.xml");
        if (!sst_part.empty()) read_shared_strings(sst_part);
        const std::string styles_part = related(rels, "/styles", "xl/styles.xml");
        if (!styles_part.empty()) read_styles(styles_part);

        struct Listed {
            std::string name, rid;
            SheetData::Visibility visibility;
        };
        std::vector<Listed> listed;
        std::set<std::string> names_seen;
        auto sheets = child(root, "sheets");
        each(sheets, "sheet", [&](pugi::xml_node s) {
            const std::string no = "第 " + std::to_string(listed.size() + 1) + " 个工作表";
            const std::string name = s.attribute("name").value();
            if (name.empty()) fail_(wb_part, wb_label + "中的" + no + "没有名称（文件已损坏）");
            if (!names_seen.insert(ascii_lower(name)).second)
                fail_(wb_part, wb_label + "中工作表名称 " + quote_value(name) + " 出现了不止一次（文件已损坏）");
            const std::string_view state = s.attribute("state").value();
            SheetData::Visibility visibility = SheetData::Visibility::Visible;
            if (state == "hidden") visibility = SheetData::Visibility::Hidden;
            else if (state == "veryHidden") visibility = SheetData::Visibility::VeryHidden;
            else if (!state.empty() && state != "visible")
                fail_(wb_part, wb_label + "中工作表 " + quote_value(name) + " 的显示状态 state=" + quote_value(state) +
                                   " 无法识别（应为 visible、hidden 或 veryHidden）");
            const std::string rid = attr(s, "id", true).value();
            if (rid.empty()) fail_(wb_part, wb_label + "中工作表 " + quote_value(name) + " 没有关系编号 r:id（文件已损坏）");
            listed.push_back({name, rid, visibility});
        });

        for (const auto& item : listed) {
            SheetData sheet;
            sheet.name = item.name;
            sheet.visibility = item.visibility;
            const std::string sheet_label = "工作表" + quote_value(item.name);
            auto rel = rels.find(item.rid);
            if (rel == rels.end())
                fail_(wb_part, sheet_label + "在 " + part_shown(rels_part_of(wb_part)) + " 中找不到关系 " +
                                   quote_value(item.rid) + "（文件已损坏）");
            sheet.part = rel->second.target;
            if (sheet.part.empty())
                fail_(wb_part, sheet_label + "的关系 " + quote_value(item.rid) + " 指向文件之外（文件已损坏）");
            if (!zip_.has(sheet.part))
                fail_(sheet.part, sheet_label + "的部件 " + part_shown(sheet.part) + " 不在文件中（文件已损坏）");
            const std::string& type = rel->second.type;
            if (ends_with(type, "/worksheet")) {
                read_worksheet(sheet, sheet_label + "（" + part_shown(sheet.part) + "）");
            } else if (ends_with(type, "/chartsheet") || ends_with(type, "/dialogsheet") ||
                       ends_with(type, "/macrosheet") || ends_with(type, "/xlMacrosheet") ||
                       ends_with(type, "/xlIntlMacrosheet")) {
                sheet.worksheet = false;
            } else {
                fail_(sheet.part, sheet_label + "的关系类型 " + quote_value(type, 100) + " 无法识别（文件已损坏）");
            }
            wb.sheets.push_back(std::move(sheet));
        }
        return wb;
    }

private:
    // The part of the workbook: the package's officeDocument relationship, else xl/workbook.xml.
    std::string workbook_part() {
        const auto root_rels = relationships("");
        for (const auto& [id, rel] : root_rels)
            if (ends_with(rel.type, "/officeDocument") && !rel.target.empty() && zip_.has(rel.target))
                return rel.target;
        if (zip_.has("xl/workbook.xml")) return "xl/workbook.xml";
        fail_("xl/workbook.xml", "缺少工作簿目录 xl/workbook.xml，不是 Excel 工作簿（请确认文件是用 Excel、WPS 或 "
                                 "LibreOffice 保存的 .xlsx）");
    }

    static std::string rels_part_of(const std::string& part) {
        const auto slash = part.rfind('/');
        const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
        return folder_of(part) + "_rels/" + file + ".rels";
    }

    // The relationships of `part` ("" for the package), by id; empty when it has none.
    std::map<std::string, Relationship> relationships(const std::string& part) {
        std::map<std::string, Relationship> out;
        const std::string rels_part = rels_part_of(part);
        if (!zip_.has(rels_part)) return out;
        const std::string label = "关系文件（" + part_shown(rels_part) + "）";
        std::string text = zip_.read(rels_part, label);
        pugi::xml_document doc;
        const auto root = parse(doc, text, rels_part, label, "Relationships");
        each(root, "Relationship", [&](pugi::xml_node r) {
            Relationship rel;
            rel.type = r.attribute("Type").value();
            if (std::string_view(r.attribute("TargetMode").value()) != "External")
                rel.target = resolve_target(folder_of(part), r.attribute("Target").value());
            out.emplace(r.attribute("Id").value(), std::move(rel));
        });
        return out;
    }

    // The target of the first relationship whose type ends with `type_tail`; else
    // `fallback` when the zip has it; else "".
    std::string related(const std::map<std::string, Relationship>& rels, std::string_view type_tail,
                        const std::string& fallback) {
        for (const auto& [id, rel] : rels)
            if (ends_with(rel.type, type_tail) && !rel.target.empty() && zip_.has(rel.target)) return rel.target;
        return zip_.has(fallback) ? fallback : "";
    }

    // Parses `text` into `doc`; returns the root element, which must be `root_name`.
    pugi::xml_node parse(pugi::xml_document& doc, std::string& text, const std::string& part, const std::string& label,
                         std::string_view root_name) {
        // Each '<' may become a node of the tree (64 bytes or more): counted first, so
        // a small zip of a huge run of "<c/>" cannot take the memory.
        const auto tags = static_cast<std::size_t>(std::count(text.begin(), text.end(), '<'));
        if (tags > limits_.max_xml_tags)
            fail_(part, label + "的 XML 标签过多（" + std::to_string(tags) + " 个，上限 " +
                            std::to_string(limits_.max_xml_tags) + " 个）");
        const auto result = doc.load_buffer(text.data(), text.size(),
                                            pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!result) {
            const auto at = ingest::position_of(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
            fail_(part, label + "不是格式正确的 XML（第 " + std::to_string(at.line) + " 行第 " + std::to_string(at.column) +
                            " 列：" + xml_status_text(result.status) + "），文件已损坏");
        }
        std::string().swap(text);  // the tree holds its own copy
        const auto root = doc.document_element();
        if (local(root.name()) != root_name)
            fail_(part, label + "的内容不对（根元素是 <" + ingest::shown(ingest::excerpt(root.name(), 40)) + ">，应为 <" +
                            std::string(root_name) + ">）");
        return root;
    }

    void read_shared_strings(const std::string& part) {
        const std::string label = "共享字符串表（" + part_shown(part) + "）";
        std::string text = zip_.read(part, label);
        pugi::xml_document doc;
        const auto root = parse(doc, text, part, label, "sst");
        has_sst_ = true;
        each(root, "si", [&](pugi::xml_node si) { sst_.push_back(string_item(si)); });
    }

    void read_styles(const std::string& part) {
        const std::string label = "样式表（" + part_shown(part) + "）";
        std::string text = zip_.read(part, label);
        pugi::xml_document doc;
        const auto root = parse(doc, text, part, label, "styleSheet");
        auto id_of = [](pugi::xml_node n) {
            const auto v = parse_index(n.attribute("numFmtId").value());
            return v && *v < 100000 ? static_cast<int>(*v) : 0;
        };
        each(child(root, "numFmts"), "numFmt",
             [&](pugi::xml_node f) { styles_.custom[id_of(f)] = f.attribute("formatCode").value(); });
        each(child(root, "cellXfs"), "xf", [&](pugi::xml_node xf) { styles_.xf_format.push_back(id_of(xf)); });
    }

    void set_format(CellValue& v, pugi::xml_node c) const {
        const auto s = parse_index(c.attribute("s").value());
        if (!s || *s >= styles_.xf_format.size()) return;  // no style, or one the file lacks: General
        v.num_fmt_id = styles_.xf_format[*s];
        if (auto it = styles_.custom.find(v.num_fmt_id); it != styles_.custom.end()) {
            v.number_format = it->second;
        } else {
            const auto& builtin = builtin_formats();
            auto b = builtin.find(v.num_fmt_id);
            v.number_format = b == builtin.end() ? "General" : b->second;
        }
    }

    // `label` names the sheet; the cell is at (row, col).
    CellValue read_cell(pugi::xml_node c, const std::string& label, int row, int col) const {
        // Only built for a message: most cells are fine.
        auto where = [&] { return label + "单元格 " + cell_name(row, col) + " "; };
        CellValue v;
        if (auto f = child(c, "f")) {
            v.has_formula = true;
            v.formula = text_of(f);
        }
        set_format(v, c);
        const auto vnode = child(c, "v");
        const std::string raw = text_of(vnode);
        const std::string_view trimmed = trim_xml_space(raw);
        const std::string_view t = c.attribute("t") ? std::string_view(c.attribute("t").value()) : "n";

        auto set_text = [&](std::string s) {
            // An empty string shows as an empty cell.
            if (s.empty()) return;
            v.type = CellValue::Type::Text;
            v.text = std::move(s);
        };
        if (t == "n") {
            if (trimmed.empty()) return v;
            const auto d = parse_number(trimmed);
            if (!d) fail_(part_, where() + "的数值 " + quote_value(trimmed) + " 不是数字（文件已损坏）");
            v.type = CellValue::Type::Number;
            v.number = *d;
            v.text = std::string(trimmed);
        } else if (t == "s") {
            if (trimmed.empty()) return v;
            if (!has_sst_)
                fail_(part_, where() + "引用了共享字符串，但文件中没有共享字符串表（xl/sharedStrings.xml），文件已损坏");
            const auto i = parse_index(trimmed);
            if (!i || *i >= sst_.size())
                fail_(part_, where() + "引用的共享字符串序号 " + quote_value(trimmed) + " 超出范围（共享字符串表只有 " +
                                 std::to_string(sst_.size()) + " 项），文件已损坏");
            set_text(sst_[*i]);
        } else if (t == "inlineStr") {
            if (auto is = child(c, "is")) set_text(string_item(is));
            else set_text(decode_escapes(raw));
        } else if (t == "str") {
            set_text(decode_escapes(raw));
        } else if (t == "b") {
            if (trimmed.empty()) return v;
            v.type = CellValue::Type::Boolean;
            if (trimmed == "1" || trimmed == "true") {
                v.text = "TRUE";
                v.number = 1;
            } else if (trimmed == "0" || trimmed == "false") {
                v.text = "FALSE";
                v.number = 0;
            } else {
                fail_(part_, where() + "的逻辑值 " + quote_value(trimmed) + " 无效（应为 0 或 1），文件已损坏");
            }
        } else if (t == "e") {
            if (trimmed.empty()) return v;
            v.type = CellValue::Type::Error;
            v.text = std::string(trimmed);
        } else if (t == "d") {
            set_text(std::string(trimmed));
        } else {
            fail_(part_, where() + "的类型 t=" + quote_value(t) + " 无法识别（文件已损坏）");
        }
        return v;
    }

    void read_worksheet(SheetData& sheet, const std::string& label) {
        part_ = sheet.part;
        std::string text = zip_.read(sheet.part, label);
        pugi::xml_document doc;
        const auto root = parse(doc, text, sheet.part, label, "worksheet");

        int row_no = 0;
        each(child(root, "sheetData"), "row", [&](pugi::xml_node row) {
            if (auto r = row.attribute("r")) {
                const auto n = parse_index(trim_xml_space(r.value()));
                if (!n || *n < 1 || *n > static_cast<std::size_t>(kMaxRows))
                    fail_(part_, label + "中的行号 r=" + quote_value(r.value()) + " 无效（应为 1 到 " +
                                     std::to_string(kMaxRows) + " 的整数）");
                row_no = static_cast<int>(*n);
            } else if (++row_no > kMaxRows) {
                fail_(part_, label + "的行数超过 Excel 的上限 " + std::to_string(kMaxRows) + " 行");
            }
            int col_no = 0;
            each(row, "c", [&](pugi::xml_node c) {
                int r = row_no, col = col_no + 1;
                if (auto ref = c.attribute("r")) {
                    if (!parse_cell_name(trim_xml_space(ref.value()), r, col))
                        fail_(part_, label + "中的单元格位置 r=" + quote_value(ref.value()) +
                                         " 无效（应为 A1 到 XFD1048576 之间的单元格名）");
                    row_no = r;
                } else if (col > kMaxCols) {
                    fail_(part_, label + "第 " + std::to_string(row_no) + " 行的单元格超过 Excel 的最后一列 XFD");
                }
                col_no = col;
                CellValue v = read_cell(c, label, r, col);
                if (v.type == CellValue::Type::Empty && !v.has_formula) return;
                if (++cells_ > limits_.max_cells)
                    fail_(part_, "单元格超过 " + std::to_string(limits_.max_cells) + " 个的上限，停在" + label +
                                     "单元格 " + cell_name(r, col));
                if (!sheet.cells.emplace(std::make_pair(r, col), std::move(v)).second)
                    fail_(part_, label + "中单元格 " + cell_name(r, col) + " 出现了不止一次（文件已损坏）");
            });
        });

        each(child(root, "mergeCells"), "mergeCell", [&](pugi::xml_node m) {
            const std::string_view ref = m.attribute("ref").value();
            const auto colon = ref.find(':');
            CellRange range;
            if (colon != std::string_view::npos &&
                parse_cell_name(ref.substr(0, colon), range.first_row, range.first_col) &&
                parse_cell_name(ref.substr(colon + 1), range.last_row, range.last_col) &&
                range.first_row <= range.last_row && range.first_col <= range.last_col)
                sheet.merged.push_back(range);
        });
    }

    Failer fail_;
    const ReadLimits& limits_;
    Zip zip_;
    bool has_sst_ = false;
    std::vector<std::string> sst_;
    Styles styles_;
    std::string part_;  // the worksheet being read
    std::size_t cells_ = 0;
};

}  // namespace

WorkbookData read_xlsx(const fs::path& file, const std::string& shown_name, const ReadLimits& limits) {
    WorkbookReader reader(file, shown_name, limits);
    return reader.read();
}

std::optional<Date> serial_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial != std::floor(serial) || serial < 0 || serial > 2958465) return std::nullopt;
    const int n = int(serial);
    if (date1904) return Date(1904, 1, 1).plus_days(n);
    if (n < 1 || n == 60) return std::nullopt;
    return n < 60 ? Date(1899, 12, 31).plus_days(n) : Date(1899, 12, 30).plus_days(n);
}

}  // namespace award::xlsx
