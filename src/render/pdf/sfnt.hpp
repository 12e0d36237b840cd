// Reading TrueType/OpenType (sfnt) fonts just enough to choose and measure
// glyphs ourselves (the subsets for embedding are HarfBuzz's: font_subset.hpp).
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
    // The file's bytes (the whole collection for a .ttc) and this face's index in it.
    const std::vector<std::uint8_t>& file_bytes() const { return bytes_; }
    std::size_t index() const { return index_; }
    double units_per_em() const { return units_per_em_; }
    // head.xMin, yMin, xMax, yMax and hhea ascender, descender, in em units (1.0 = font size).
    struct Metrics {
        double x_min = 0, y_min = -0.2, x_max = 1, y_max = 0.9, ascent = 0.88, descent = -0.12;
    };
    const Metrics& metrics() const { return metrics_; }

    // Glyph id for a Unicode code point, 0 when the face lacks it.
    std::uint32_t glyph(char32_t cp) const;
    bool has(char32_t cp) const { return glyph(cp) != 0; }
    // Advance width of a code point in em units (1.0 = font size).
    double advance(char32_t cp) const;


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
    std::size_t index_ = 0;
    Metrics metrics_;

    const Table& table(const char* tag) const;
    void read_names();
    void read_cmap();
    void read_metrics();
};

std::vector<std::uint8_t> read_file_bytes(const std::filesystem::path& path);

}  // namespace award::pdf
