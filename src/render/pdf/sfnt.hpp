// Reading TrueType/OpenType (sfnt) fonts just enough to choose and measure
// glyphs ourselves, and to pull one face out of a .ttc collection: PoDoFo 0.9.8
// can embed subsets of single-face .ttf files only.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace award::pdf {

// One face of a font file, parsed from its bytes.
class SfntFace {
public:
    // Parses face `index` of `bytes` (a .ttf/.otf, or a .ttc collection).
    // Throws std::runtime_error naming `label` when the data is not a usable font.
    SfntFace(std::vector<std::uint8_t> bytes, std::size_t index, const std::string& label);

    // Number of faces in a font file (1 for a plain .ttf).
    static std::size_t face_count(const std::vector<std::uint8_t>& bytes);

    // Family and full names from the name table (nameID 1, 4, 16; every language).
    const std::vector<std::string>& names() const { return names_; }
    bool is_collection() const { return collection_; }
    bool has_glyf() const { return tables_.count("glyf") != 0; }

    // Glyph id for a Unicode code point, 0 when the face lacks it.
    std::uint32_t glyph(char32_t cp) const;
    bool has(char32_t cp) const { return glyph(cp) != 0; }
    // Advance width of a code point in em units (1.0 = font size).
    double advance(char32_t cp) const;

    // The face as a standalone single-face sfnt (tables copied, offsets,
    // padding, table checksums and head.checkSumAdjustment recomputed).
    std::vector<std::uint8_t> standalone() const;

private:
    struct Table {
        std::uint32_t checksum = 0, offset = 0, length = 0;
    };
    std::vector<std::uint8_t> bytes_;
    std::string label_;
    bool collection_ = false;
    std::uint32_t sfnt_version_ = 0;
    std::map<std::string, Table> tables_;
    std::vector<std::string> names_;
    std::map<char32_t, std::uint32_t> cmap_;
    std::vector<std::uint16_t> advances_;
    double units_per_em_ = 1000;

    const Table& table(const char* tag) const;
    void read_names();
    void read_cmap();
    void read_metrics();
};

std::vector<std::uint8_t> read_file_bytes(const std::filesystem::path& path);

}  // namespace award::pdf
