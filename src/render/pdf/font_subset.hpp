// Font subsets for embedding: only the glyphs a PDF draws, renumbered from 1, by
// HarfBuzz's subsetter (hb-subset). Each master font is loaded and preprocessed
// once per process and shared by every document: writing a thousand
// certificates reads the 20 MB CJK font once, not a thousand times.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "render/pdf/fonts.hpp"

namespace award::pdf {

struct FontSubset {
    std::vector<std::uint8_t> bytes;              // a TrueType font with just these glyphs, no hinting
    std::map<char32_t, std::uint16_t> glyph_of;   // code point → glyph id in `bytes`
};

// The subset of `face` holding the glyphs of `code_points` (and .notdef).
// Throws std::runtime_error naming the font file when HarfBuzz cannot subset it,
// or when the face lacks one of the code points (the layout checked them first).
FontSubset subset_font(const FontFace& face, const std::set<char32_t>& code_points);

// A subset ready for a PDF's FontFile2 stream: the font and its Flate-compressed bytes.
struct EmbeddableSubset {
    FontSubset subset;
    std::string deflated;  // zlib stream of subset.bytes (/Filter /FlateDecode)
};

// subset_font, compressed, from a small cache of the most recent subsets: the
// fixed wording of a batch of certificates (title, award, issuer, date) needs
// the same subset in every file, made and compressed once.
std::shared_ptr<const EmbeddableSubset> embeddable_subset(const FontFace& face, const std::set<char32_t>& code_points);

}  // namespace award::pdf
