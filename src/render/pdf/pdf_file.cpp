#include "render/pdf/pdf_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

#include <podofo/podofo.h>

#include "model/errors.hpp"
#include "render/pdf/font_subset.hpp"
#include "render/sha256.hpp"

namespace award::pdf {

namespace fs = std::filesystem;

namespace {

PoDoFo::PdfString pdf_string(const std::string& s) {
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.c_str()));
}

std::string pdf_date(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02u%02u000000+08'00'", d.year(), d.month(), d.day());
    return buf;
}

// The umask, read once: setting it to read it back would race between the
// threads that write certificates (and leave it 0 for the rest of the run).
mode_t process_umask() {
    static const mode_t mask = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("Umask:", 0) == 0) return mode_t(std::stoul(line.substr(6), nullptr, 8));
        const mode_t m = umask(0);  // no /proc: before any thread writes (first document)
        umask(m);
        return m;
    }();
    return mask;
}

// A file beside the target, renamed onto it once complete: a reader never sees half a PDF.
class TempFile {
public:
    explicit TempFile(const fs::path& target) {
        std::string templ = (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        const int fd = mkstemp(templ.data());
        if (fd < 0) throw std::runtime_error(target.string() + ": cannot create a temporary file beside it");
        close(fd);
        path_ = templ;
    }
    ~TempFile() {
        std::error_code ec;
        if (!path_.empty()) fs::remove(path_, ec);
    }
    const fs::path& path() const { return path_; }
    void commit(const fs::path& target) {
        // mkstemp makes the file private (0600); a finished document gets the usual
        // permissions (0666 less the umask) like any other file the office saves.
        chmod(path_.c_str(), 0666 & ~process_umask());
        fs::rename(path_, target);
        path_.clear();
    }

private:
    fs::path path_;
};

// Numbers in content streams: fixed, at most 3 decimals, no trailing zeros.
void put(std::string& s, double v) {
    char buf[32];
    const double r = std::round(v * 1000) / 1000;
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, r == 0 ? 0.0 : r, std::chars_format::fixed);
    if (ec != std::errc()) throw std::runtime_error("cannot format a number for the PDF");
    s.append(buf, end);
    s += ' ';
}

void put_hex4(std::string& s, unsigned v) {
    static const char* digits = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xF];
}

// The subset's tag (six capital letters before the font name, ISO 32000 9.6.4),
// derived from the glyphs it holds so that the same document gives the same bytes.
std::string subset_tag(const FontFace& face, const std::set<char32_t>& cps) {
    std::string key = face.key;
    for (char32_t c : cps) key.append(reinterpret_cast<const char*>(&c), sizeof c);
    const auto md = sha256(key);
    std::string tag;
    for (std::size_t i = 0; i < 6; ++i) tag += char('A' + md[i] % 26);
    return tag;
}

// PostScript name: the family without spaces or characters a PDF name would need escaped.
std::string postscript_name(const FontFace& face) {
    std::string out;
    for (char ch : face.family)
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') out += ch;
    return out.empty() ? "Font" : out;
}

std::string to_unicode_cmap(const std::map<char32_t, std::uint16_t>& glyph_of) {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<std::uint16_t, char32_t>> pairs;
    for (const auto& [cp, gid] : glyph_of) pairs.emplace_back(gid, cp);
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, pairs.size() - i);
        s += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            s += '<';
            put_hex4(s, pairs[k].first);
            s += "> <";
            put_hex4(s, unsigned(pairs[k].second));  // BMP only: the layout refuses the rest
            s += ">\n";
        }
        s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

}  // namespace

std::shared_ptr<const ImageFile> ImageFile::load(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file.string() + ": the image cannot be read");
    auto img = std::make_shared<ImageFile>();
    img->file_ = file;
    img->bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::string& b = img->bytes_;
    if (b.size() > 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) img->png_ = true;
    else if (!(b.size() > 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8))
        throw ConfigError(file.string() + ": not a PNG or JPEG image");
    return img;
}

// Faces by their key (file and face), not by address: the fonts are embedded in this
// order, so the same document gives the same bytes whatever the heap's layout.
struct ByFaceKey {
    bool operator()(const FontFace* a, const FontFace* b) const { return a->key < b->key; }
};

struct PdfFile::Impl {
    PoDoFo::PdfMemDocument doc;
    std::map<const FontFace*, std::set<char32_t>, ByFaceKey> uses;
    struct Embedded {
        std::string name;  // resource name, e.g. "F0"
        PoDoFo::PdfReference ref;
        std::map<char32_t, std::uint16_t> glyph_of;
    };
    std::map<const FontFace*, Embedded> fonts;
    std::map<const ImageFile*, std::unique_ptr<PoDoFo::PdfImage>> images;
    bool embedded = false;
    std::vector<std::unique_ptr<PoDoFo::PdfPage>> reserved;  // made by reserve_pages, in order
    std::size_t taken = 0;

    // The page being drawn.
    PoDoFo::PdfPage* page = nullptr;
    double height = 0;
    std::string content;
    std::set<const FontFace*> page_fonts;
    std::set<const ImageFile*> page_images;
    std::vector<std::pair<std::string, PoDoFo::PdfReference>> page_stencils;
    int stencils = 0;
    bool in_text = false;
    const FontFace* cur_face = nullptr;
    double cur_size = -1;
    Rgb fill{}, stroke{};
    double stroke_width = 1;  // the PDF default
    std::vector<double> dash;  // empty: solid, the PDF default
    bool round = false;        // round caps and joins (default: butt caps, mitred joins)
    struct Saved {
        Rgb fill, stroke;
        double stroke_width;
        std::vector<double> dash;
        bool round;
    };
    std::vector<Saved> saved;  // graphics states pushed by begin_clip

    void end_text() {
        if (in_text) content += "ET\n";
        in_text = false;
    }
    void fill_colour(const Rgb& c) {
        if (c == fill) return;
        fill = c;
        put(content, c.r), put(content, c.g), put(content, c.b);
        content += "rg\n";
    }
    void stroke_style(const Rgb& c, double width) {
        if (!(c == stroke)) {
            stroke = c;
            put(content, c.r), put(content, c.g), put(content, c.b);
            content += "RG\n";
        }
        if (width != stroke_width) {
            stroke_width = width;
            put(content, width);
            content += "w\n";
        }
    }
    // Dash and caps, written only when they change: documents that draw no dashed
    // or rounded line carry no such operator (and keep their bytes).
    void line_style(const std::vector<double>& d, bool r) {
        if (d != dash) {
            dash = d;
            content += '[';
            for (double v : d) put(content, v);
            content += "] 0 d\n";
        }
        if (r != round) {
            round = r;
            content += r ? "1 J 1 j\n" : "0 J 0 j\n";
        }
    }
    void path(const std::vector<Point>& pts) {
        for (std::size_t i = 0; i < pts.size(); ++i) {
            put(content, pts[i].x), put(content, height - pts[i].y);
            content += i == 0 ? "m " : "l ";
        }
    }
    void finish_page() {
        if (!page) return;
        if (!saved.empty()) throw std::logic_error("PdfFile: a clip left open at the end of a page");
        end_text();
        PoDoFo::PdfObject* contents = page->GetContentsForAppending();
        contents->GetStream()->Set(content.data(), PoDoFo::pdf_long(content.size()));
        for (const FontFace* f : page_fonts) {
            const Embedded& e = fonts.at(f);
            page->AddResource(PoDoFo::PdfName(e.name), e.ref, PoDoFo::PdfName("Font"));
        }
        for (const ImageFile* i : page_images) {
            const auto& img = images.at(i);
            page->AddResource(img->GetIdentifier(), img->GetObject()->Reference(), PoDoFo::PdfName("XObject"));
        }
        for (const auto& [name, ref] : page_stencils) page->AddResource(PoDoFo::PdfName(name), ref, PoDoFo::PdfName("XObject"));
        page_stencils.clear();
        page = nullptr;
        content.clear();
        page_fonts.clear();
        page_images.clear();
    }

    void embed(const FontFace& face, const std::set<char32_t>& cps) {
        using namespace PoDoFo;
        const auto embeddable = embeddable_subset(face, cps);
        const FontSubset& subset = embeddable->subset;
        PdfVecObjects& objects = doc.GetObjects();
        const std::string base = subset_tag(face, cps) + "+" + postscript_name(face);
        const SfntFace::Metrics& m = face.sfnt->metrics();

        PdfObject* file = objects.CreateObject();
        file->GetDictionary().AddKey("Length1", PdfVariant(pdf_int64(subset.bytes.size())));
        file->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
        PdfMemoryInputStream deflated(embeddable->deflated.data(), pdf_long(embeddable->deflated.size()));
        file->GetStream()->SetRawData(&deflated, pdf_long(embeddable->deflated.size()));

        PdfObject* descriptor = objects.CreateObject("FontDescriptor");
        PdfDictionary& d = descriptor->GetDictionary();
        d.AddKey("FontName", PdfName(base));
        d.AddKey("Flags", PdfVariant(pdf_int64(4)));  // symbolic: glyphs addressed by id, not a standard encoding
        PdfArray bbox;
        for (double v : {m.x_min, m.y_min, m.x_max, m.y_max}) bbox.push_back(PdfVariant(pdf_int64(std::lround(v * 1000))));
        d.AddKey("FontBBox", bbox);
        d.AddKey("ItalicAngle", PdfVariant(pdf_int64(0)));
        d.AddKey("Ascent", PdfVariant(pdf_int64(std::lround(m.ascent * 1000))));
        d.AddKey("Descent", PdfVariant(pdf_int64(std::lround(m.descent * 1000))));
        d.AddKey("CapHeight", PdfVariant(pdf_int64(std::lround(m.ascent * 1000))));
        d.AddKey("StemV", PdfVariant(pdf_int64(80)));
        d.AddKey("FontFile2", file->Reference());

        PdfObject* cid = objects.CreateObject("Font");
        PdfDictionary& c = cid->GetDictionary();
        c.AddKey("Subtype", PdfName("CIDFontType2"));
        c.AddKey("BaseFont", PdfName(base));
        PdfDictionary info;
        info.AddKey("Registry", PdfString("Adobe"));
        info.AddKey("Ordering", PdfString("Identity"));
        info.AddKey("Supplement", PdfVariant(pdf_int64(0)));
        c.AddKey("CIDSystemInfo", info);
        c.AddKey("FontDescriptor", descriptor->Reference());
        c.AddKey("CIDToGIDMap", PdfName("Identity"));
        // Widths by glyph id: [gid [w] gid [w] …], in thousandths of the size.
        std::vector<std::pair<std::uint16_t, char32_t>> by_gid;
        for (const auto& [cp, gid] : subset.glyph_of) by_gid.emplace_back(gid, cp);
        std::sort(by_gid.begin(), by_gid.end());
        PdfArray widths;
        for (const auto& [gid, cp] : by_gid) {
            widths.push_back(PdfVariant(pdf_int64(gid)));
            PdfArray w;
            w.push_back(PdfVariant(pdf_int64(std::lround(face.sfnt->advance(cp) * 1000))));
            widths.push_back(w);
        }
        c.AddKey("W", widths);

        const std::string cmap = to_unicode_cmap(subset.glyph_of);
        PdfObject* to_unicode = objects.CreateObject();
        to_unicode->GetStream()->Set(cmap.data(), pdf_long(cmap.size()));

        PdfObject* type0 = objects.CreateObject("Font");
        PdfDictionary& t = type0->GetDictionary();
        t.AddKey("Subtype", PdfName("Type0"));
        t.AddKey("BaseFont", PdfName(base));
        t.AddKey("Encoding", PdfName("Identity-H"));
        PdfArray descendants;
        descendants.push_back(cid->Reference());
        t.AddKey("DescendantFonts", descendants);
        t.AddKey("ToUnicode", to_unicode->Reference());

        fonts[&face] = {"F" + std::to_string(fonts.size()), type0->Reference(), subset.glyph_of};
    }
};

PdfFile::PdfFile() : impl_(std::make_unique<Impl>()) {}
PdfFile::~PdfFile() = default;

void PdfFile::use(const FontFace* face, char32_t cp) {
    if (impl_->embedded) throw std::logic_error("PdfFile::use after embed_fonts");
    impl_->uses[face].insert(cp);
}

void PdfFile::embed_fonts() {
    if (impl_->embedded) throw std::logic_error("PdfFile::embed_fonts called twice");
    try {
        for (const auto& [face, cps] : impl_->uses) impl_->embed(*face, cps);
    } catch (const PoDoFo::PdfError& e) {
        throw std::runtime_error(std::string("PDF font embedding failed: ") + e.what());
    }
    impl_->embedded = true;
}

void PdfFile::reserve_pages(std::size_t count, double width, double height) {
    Impl& m = *impl_;
    if (m.page || !m.reserved.empty() || m.doc.GetPageCount() != 0)
        throw std::logic_error("PdfFile::reserve_pages after the first page");
    m.doc.CreatePages(std::vector<PoDoFo::PdfRect>(count, PoDoFo::PdfRect(0, 0, width, height)));
    // The pages are the root's kids, in order. PdfDocument::GetPage(i) would walk
    // the kids to the i-th on every call: quadratic again.
    PoDoFo::PdfObject* root = m.doc.GetPagesTree()->GetObject();
    const PoDoFo::PdfArray& kids = root->GetIndirectKey("Kids")->GetArray();
    if (kids.size() != count) throw std::logic_error("PdfFile::reserve_pages: PoDoFo made another page tree");
    for (const PoDoFo::PdfObject& kid : kids)
        m.reserved.push_back(std::make_unique<PoDoFo::PdfPage>(m.doc.GetObjects().GetObject(kid.GetReference()),
                                                                std::deque<PoDoFo::PdfObject*>{root}));
}

void PdfFile::begin_page(double width, double height) {
    if (!impl_->embedded) throw std::logic_error("PdfFile::begin_page before embed_fonts");
    Impl& m = *impl_;
    m.finish_page();
    if (m.taken < m.reserved.size()) {
        m.page = m.reserved[m.taken++].get();
        const PoDoFo::PdfRect box = m.page->GetMediaBox();
        if (std::abs(box.GetWidth() - width) > 0.01 || std::abs(box.GetHeight() - height) > 0.01)
            throw std::logic_error("PdfFile::begin_page: not the size reserved");
    } else {
        m.page = m.doc.CreatePage(PoDoFo::PdfRect(0, 0, width, height));
    }
    m.height = height;
    m.in_text = false;
    m.cur_face = nullptr;
    m.cur_size = -1;
    m.fill = m.stroke = Rgb{};
    m.stroke_width = 1;
    m.dash.clear();
    m.round = false;
}

void PdfFile::text(const FontFace* face, double size, double x, double baseline, char32_t cp, Rgb colour) {
    Impl& m = *impl_;
    auto font = m.fonts.find(face);
    if (font == m.fonts.end() || !font->second.glyph_of.count(cp))
        throw std::logic_error("PdfFile::text: a character not declared with use()");
    if (!m.in_text) {
        m.content += "BT\n";
        m.in_text = true;
        m.cur_face = nullptr;
    }
    m.fill_colour(colour);
    if (face != m.cur_face || size != m.cur_size) {
        m.content += '/' + font->second.name + ' ';
        put(m.content, size);
        m.content += "Tf\n";
        m.cur_face = face;
        m.cur_size = size;
        m.page_fonts.insert(face);
    }
    m.content += "1 0 0 1 ";
    put(m.content, x);
    put(m.content, m.height - baseline);
    m.content += "Tm <";
    put_hex4(m.content, font->second.glyph_of.at(cp));
    m.content += "> Tj\n";
}

void PdfFile::line(double x1, double y1, double x2, double y2, double width, Rgb colour) {
    Impl& m = *impl_;
    m.end_text();
    m.stroke_style(colour, width);
    m.line_style({}, false);
    put(m.content, x1), put(m.content, m.height - y1);
    m.content += "m ";
    put(m.content, x2), put(m.content, m.height - y2);
    m.content += "l S\n";
}

void PdfFile::stroke_rectangle(double x, double y, double w, double h, double width, Rgb colour) {
    Impl& m = *impl_;
    m.end_text();
    m.stroke_style(colour, width);
    m.line_style({}, false);
    put(m.content, x), put(m.content, m.height - y - h), put(m.content, w), put(m.content, h);
    m.content += "re S\n";
}

void PdfFile::fill_rectangle(double x, double y, double w, double h, Rgb colour) {
    Impl& m = *impl_;
    m.end_text();
    m.fill_colour(colour);
    put(m.content, x), put(m.content, m.height - y - h), put(m.content, w), put(m.content, h);
    m.content += "re f\n";
}

void PdfFile::polyline(const std::vector<Point>& points, double width, Rgb colour, const std::vector<double>& dash,
                       bool round) {
    Impl& m = *impl_;
    if (points.size() < 2) return;
    m.end_text();
    m.stroke_style(colour, width);
    m.line_style(dash, round);
    m.path(points);
    m.content += "S\n";
}

void PdfFile::polygon(const std::vector<Point>& points, const std::optional<Rgb>& fill, double stroke_width,
                      Rgb stroke) {
    Impl& m = *impl_;
    if (points.size() < 3 || (!fill && stroke_width <= 0)) return;
    m.end_text();
    if (fill) m.fill_colour(*fill);
    if (stroke_width > 0) {
        m.stroke_style(stroke, stroke_width);
        m.line_style({}, false);
    }
    m.path(points);
    m.content += !fill ? "s\n" : stroke_width > 0 ? "b\n" : "h f\n";
}

void PdfFile::begin_clip(double x, double y, double w, double h) {
    Impl& m = *impl_;
    m.end_text();
    m.saved.push_back({m.fill, m.stroke, m.stroke_width, m.dash, m.round});
    m.content += "q ";
    put(m.content, x), put(m.content, m.height - y - h), put(m.content, w), put(m.content, h);
    m.content += "re W n\n";
}

void PdfFile::end_clip() {
    Impl& m = *impl_;
    if (m.saved.empty()) throw std::logic_error("PdfFile::end_clip without begin_clip");
    m.end_text();
    const Impl::Saved& s = m.saved.back();
    m.fill = s.fill, m.stroke = s.stroke, m.stroke_width = s.stroke_width, m.dash = s.dash, m.round = s.round;
    m.saved.pop_back();
    m.cur_face = nullptr;  // the font is part of the graphics state Q restores
    m.cur_size = -1;
    m.content += "Q\n";
}

void PdfFile::image(const ImageFile& img, double x, double y, double w, double h) {
    Impl& m = *impl_;
    auto& slot = m.images[&img];
    try {
        if (!slot) {
            slot = std::make_unique<PoDoFo::PdfImage>(&m.doc);
            const auto* data = reinterpret_cast<const unsigned char*>(img.bytes().data());
            if (img.png()) slot->LoadFromPngData(data, PoDoFo::pdf_long(img.bytes().size()));
            else slot->LoadFromJpegData(data, PoDoFo::pdf_long(img.bytes().size()));
        }
    } catch (const PoDoFo::PdfError& e) {
        slot.reset();
        throw ConfigError(img.file().string() + ": the image cannot be embedded: " + e.what());
    }
    m.end_text();
    m.page_images.insert(&img);
    m.content += "q ";
    put(m.content, w), m.content += "0 0 ", put(m.content, h), put(m.content, x), put(m.content, m.height - y - h);
    m.content += "cm /" + slot->GetIdentifier().GetName() + " Do Q\n";
}

void PdfFile::stencil(const std::vector<bool>& cells, int columns, double x, double y, double w, double h, Rgb colour) {
    using namespace PoDoFo;
    Impl& m = *impl_;
    if (columns <= 0 || cells.empty() || cells.size() % std::size_t(columns) != 0)
        throw std::invalid_argument("PdfFile::stencil: cells do not fill whole rows");
    const int rows = int(cells.size() / std::size_t(columns));
    const int row_bytes = (columns + 7) / 8;
    std::string bits(std::size_t(row_bytes * rows), '\0');
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (cells[std::size_t(r * columns + c)]) bits[std::size_t(r * row_bytes + c / 8)] |= char(0x80 >> (c % 8));
    try {
        PdfObject* obj = m.doc.GetObjects().CreateObject("XObject");
        PdfDictionary& d = obj->GetDictionary();
        d.AddKey("Subtype", PdfName("Image"));
        d.AddKey("Width", PdfVariant(pdf_int64(columns)));
        d.AddKey("Height", PdfVariant(pdf_int64(rows)));
        d.AddKey("ImageMask", PdfVariant(true));
        d.AddKey("BitsPerComponent", PdfVariant(pdf_int64(1)));
        PdfArray decode;  // 1 = paint
        decode.push_back(PdfVariant(pdf_int64(1)));
        decode.push_back(PdfVariant(pdf_int64(0)));
        d.AddKey("Decode", decode);
        obj->GetStream()->Set(bits.data(), pdf_long(bits.size()));
        const std::string name = "S" + std::to_string(m.stencils++);
        m.page_stencils.emplace_back(name, obj->Reference());
        m.end_text();
        m.fill_colour(colour);
        m.content += "q ";
        put(m.content, w), m.content += "0 0 ", put(m.content, h), put(m.content, x), put(m.content, m.height - y - h);
        m.content += "cm /" + name + " Do Q\n";
    } catch (const PdfError& e) {
        throw std::runtime_error(std::string("PDF stencil failed: ") + e.what());
    }
}

void PdfFile::write(const fs::path& out, const std::string& title, const Date& date) {
    Impl& m = *impl_;
    try {
        m.finish_page();
        PoDoFo::PdfInfo* info = m.doc.GetInfo();
        info->SetTitle(pdf_string(title));
        info->SetProducer(pdf_string("award"));
        info->SetCreator(pdf_string("award"));
        info->SetCustomKey(PoDoFo::PdfName("CreationDate"), PoDoFo::PdfString(pdf_date(date)));
        info->SetCustomKey(PoDoFo::PdfName("ModDate"), PoDoFo::PdfString(pdf_date(date)));
        if (!out.parent_path().empty()) fs::create_directories(out.parent_path());
        TempFile tmp(out);
        m.doc.Write(tmp.path().c_str());
        tmp.commit(out);
    } catch (const PoDoFo::PdfError& e) {
        throw std::runtime_error(out.string() + ": PDF writing failed: " + e.what());
    }
}

}  // namespace award::pdf
