#include "render/pdf/sfnt.hpp"
#include "model/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace award::pdf {

namespace {

// Big-endian readers with bounds checks: font files come from the user's fonts/ folder.
struct Reader {
    const std::vector<std::uint8_t>& b;
    const std::string& label;

    void need(std::size_t off, std::size_t n) const {
        if (off > b.size() || n > b.size() - off)
            throw std::runtime_error(label + ": truncated or malformed font data");
    }
    std::uint16_t u16(std::size_t off) const {
        need(off, 2);
        return std::uint16_t((b[off] << 8) | b[off + 1]);
    }
    std::int16_t s16(std::size_t off) const { return std::int16_t(u16(off)); }
    std::uint32_t u32(std::size_t off) const {
        need(off, 4);
        return (std::uint32_t(b[off]) << 24) | (std::uint32_t(b[off + 1]) << 16) |
               (std::uint32_t(b[off + 2]) << 8) | std::uint32_t(b[off + 3]);
    }
    std::string tag(std::size_t off) const {
        need(off, 4);
        return std::string(reinterpret_cast<const char*>(&b[off]), 4);
    }
};




std::size_t face_offset(const Reader& r, std::size_t index, bool& collection) {
    collection = r.tag(0) == "ttcf";
    if (!collection) {
        if (index != 0) throw std::runtime_error(r.label + ": not a font collection, face " + std::to_string(index) + " does not exist");
        return 0;
    }
    const std::uint32_t n = r.u32(8);
    if (index >= n)
        throw std::runtime_error(r.label + ": the collection has " + std::to_string(n) + " faces, no face " + std::to_string(index));
    return r.u32(12 + 4 * index);
}

}  // namespace

std::vector<std::uint8_t> read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw std::runtime_error(path.string() + ": cannot be read");
    // One read of the whole file: CJK fonts are 10–20 MB.
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size())))
        throw std::runtime_error(path.string() + ": cannot be read");
    return bytes;
}

std::size_t SfntFace::face_count(const std::vector<std::uint8_t>& bytes) {
    const std::string label = "font";
    Reader r{bytes, label};
    return r.tag(0) == "ttcf" ? r.u32(8) : 1;
}

SfntFace::SfntFace(std::vector<std::uint8_t> bytes, std::size_t index, const std::string& label)
    : bytes_(std::move(bytes)), label_(label), index_(index) {
    Reader r{bytes_, label_};
    const std::size_t base = face_offset(r, index, collection_);
    sfnt_version_ = r.u32(base);
    if (sfnt_version_ != 0x00010000 && sfnt_version_ != 0x4F54544F /*OTTO*/ && sfnt_version_ != 0x74727565 /*true*/)
        throw std::runtime_error(label_ + ": not a TrueType/OpenType font");
    const std::uint16_t n = r.u16(base + 4);
    for (std::uint16_t i = 0; i < n; ++i) {
        const std::size_t rec = base + 12 + 16 * std::size_t(i);
        Table t{r.u32(rec + 4), r.u32(rec + 8), r.u32(rec + 12)};
        r.need(t.offset, t.length);
        tables_[r.tag(rec)] = t;
    }
    read_names();
    read_cmap();
    read_metrics();
}

const SfntFace::Table& SfntFace::table(const char* tag) const {
    auto it = tables_.find(tag);
    if (it == tables_.end()) throw std::runtime_error(label_ + ": the font has no '" + tag + "' table");
    return it->second;
}

void SfntFace::read_names() {
    Reader r{bytes_, label_};
    const Table& t = table("name");
    const std::size_t count = r.u16(t.offset + 2);
    const std::size_t strings = t.offset + r.u16(t.offset + 4);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t rec = t.offset + 6 + 12 * i;
        const std::uint16_t platform = r.u16(rec), encoding = r.u16(rec + 2), id = r.u16(rec + 6);
        const std::uint16_t len = r.u16(rec + 8), off = r.u16(rec + 10);
        if (id != 1 && id != 4 && id != 16) continue;
        r.need(strings + off, len);
        const std::uint8_t* p = &bytes_[strings + off];
        std::string s;
        if (platform == 3 || platform == 0) {  // UTF-16BE
            for (std::size_t k = 0; k + 1 < len; k += 2) {
                char32_t c = char32_t((p[k] << 8) | p[k + 1]);
                if (c >= 0xD800 && c < 0xDC00 && k + 3 < len) {
                    const char32_t lo = char32_t((p[k + 2] << 8) | p[k + 3]);
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    k += 2;
                }
                utf8::append(s, c);
            }
        } else if (platform == 1 && encoding == 0) {  // Mac Roman: keep the ASCII names
            bool ascii = std::all_of(p, p + len, [](std::uint8_t c) { return c < 0x80; });
            if (ascii) s.assign(reinterpret_cast<const char*>(p), len);
        }
        if (!s.empty() && std::find(names_.begin(), names_.end(), s) == names_.end()) names_.push_back(s);
    }
}

void SfntFace::read_cmap() {
    Reader r{bytes_, label_};
    const Table& t = table("cmap");
    const std::size_t n = r.u16(t.offset + 2);
    std::size_t best = 0;
    int best_rank = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t rec = t.offset + 4 + 8 * i;
        const std::uint16_t platform = r.u16(rec), encoding = r.u16(rec + 2);
        const std::size_t sub = t.offset + r.u32(rec + 4);
        const std::uint16_t format = r.u16(sub);
        int rank = 0;
        if (format == 12 && ((platform == 3 && encoding == 10) || platform == 0)) rank = 3;
        else if (format == 4 && ((platform == 3 && encoding == 1) || platform == 0)) rank = 2;
        if (rank > best_rank) best_rank = rank, best = sub;
    }
    if (best_rank == 0) throw std::runtime_error(label_ + ": the font has no Unicode cmap");
    if (r.u16(best) == 12) {
        const std::uint32_t groups = r.u32(best + 12);
        for (std::uint32_t g = 0; g < groups; ++g) {
            const std::size_t rec = best + 16 + 12 * std::size_t(g);
            const std::uint32_t first = r.u32(rec), last = r.u32(rec + 4), gid = r.u32(rec + 8);
            if (last < first || last - first > 0x10FFFF) continue;
            for (std::uint32_t c = first; c <= last; ++c)
                if (gid + (c - first) != 0) cmap_[char32_t(c)] = gid + (c - first);
        }
        return;
    }
    const std::size_t segs = r.u16(best + 6) / 2;
    const std::size_t ends = best + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                      ranges = deltas + 2 * segs;
    for (std::size_t s = 0; s < segs; ++s) {
        const std::uint16_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
        const std::uint16_t delta = r.u16(deltas + 2 * s), range = r.u16(ranges + 2 * s);
        for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
            std::uint16_t gid;
            if (range == 0) {
                gid = std::uint16_t(c + delta);
            } else {
                const std::size_t at = ranges + 2 * s + range + 2 * (c - start);
                gid = r.u16(at);
                if (gid != 0) gid = std::uint16_t(gid + delta);
            }
            if (gid != 0) cmap_[char32_t(c)] = gid;
        }
    }
}

void SfntFace::read_metrics() {
    Reader r{bytes_, label_};
    units_per_em_ = r.u16(table("head").offset + 18);
    if (units_per_em_ <= 0) throw std::runtime_error(label_ + ": head.unitsPerEm is 0");
    const std::size_t head = table("head").offset, hhea = table("hhea").offset;
    metrics_ = {r.s16(head + 36) / units_per_em_, r.s16(head + 38) / units_per_em_, r.s16(head + 40) / units_per_em_,
                r.s16(head + 42) / units_per_em_, r.s16(hhea + 4) / units_per_em_, r.s16(hhea + 6) / units_per_em_};
    const std::size_t n = r.u16(table("hhea").offset + 34);
    const Table& h = table("hmtx");
    advances_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) advances_.push_back(r.u16(h.offset + 4 * i));
    if (advances_.empty()) throw std::runtime_error(label_ + ": the font has no horizontal metrics");
}

std::uint32_t SfntFace::glyph(char32_t cp) const {
    auto it = cmap_.find(cp);
    return it == cmap_.end() ? 0 : it->second;
}

double SfntFace::advance(char32_t cp) const {
    const std::uint32_t g = glyph(cp);
    const std::uint16_t a = g < advances_.size() ? advances_[g] : advances_.back();
    return a / units_per_em_;
}


}  // namespace award::pdf
