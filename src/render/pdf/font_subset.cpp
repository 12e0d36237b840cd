#include "render/pdf/font_subset.hpp"

#include <cstdio>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <harfbuzz/hb-subset.h>
#include <zlib.h>

namespace award::pdf {

namespace {

struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;

// Master faces, preprocessed for repeated subsetting, for the life of the
// process (FontFace objects live as long: fonts.cpp caches them).
struct Masters {
    std::mutex mutex;
    std::map<const FontFace*, FacePtr> faces;
};

Masters& masters() {
    static Masters m;
    return m;
}

hb_face_t* master(const FontFace& face) {
    std::lock_guard lock(masters().mutex);
    auto& slot = masters().faces[&face];
    if (!slot) {
        const auto& bytes = face.sfnt->file_bytes();
        // The bytes belong to face.sfnt, which outlives the blob: no copy.
        hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes.data()), unsigned(bytes.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        hb_face_t* raw = hb_face_create(blob, unsigned(face.sfnt->index()));
        hb_blob_destroy(blob);
        // Preprocessing costs about a tenth of a second per CJK face, once, and
        // makes each later subset several times faster.
        slot.reset(hb_subset_preprocess(raw));
        hb_face_destroy(raw);
    }
    return slot.get();
}

}  // namespace

FontSubset subset_font(const FontFace& face, const std::set<char32_t>& code_points) {
    auto fail = [&](const std::string& why) {
        return std::runtime_error(face.file.string() + ": cannot subset the font for embedding: " + why);
    };
    hb_face_t* source = master(face);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) throw fail("out of memory");
    for (char32_t cp : code_points) hb_set_add(hb_subset_input_unicode_set(input), cp);
    // Hinting is for screens at small sizes; print does not need it, and it is
    // often half of a CJK glyph's bytes. Layout tables are not used by a PDF.
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('E', 'B', 'D', 'T'),
                       HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C')})
        hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), t);

    hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(source, input);
    hb_subset_input_destroy(input);
    if (!plan) throw fail("HarfBuzz could not plan the subset");
    FontSubset out;
    const hb_map_t* old_gid = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
    const hb_map_t* new_gid = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (char32_t cp : code_points) {
        const hb_codepoint_t o = hb_map_get(old_gid, cp);
        const hb_codepoint_t n = o == HB_MAP_VALUE_INVALID ? HB_MAP_VALUE_INVALID : hb_map_get(new_gid, o);
        if (n == HB_MAP_VALUE_INVALID || n == 0 || n > 0xFFFF) {
            hb_subset_plan_destroy(plan);
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", unsigned(cp));
            throw fail(std::string("the face has no glyph for ") + hex);
        }
        out.glyph_of.emplace(cp, std::uint16_t(n));
    }
    hb_face_t* result = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    if (!result) throw fail("HarfBuzz could not write the subset");
    hb_blob_t* blob = hb_face_reference_blob(result);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    out.bytes.assign(reinterpret_cast<const std::uint8_t*>(data), reinterpret_cast<const std::uint8_t*>(data) + length);
    hb_blob_destroy(blob);
    hb_face_destroy(result);
    if (out.bytes.empty()) throw fail("HarfBuzz wrote an empty font");
    return out;
}

namespace {

std::string deflate_bytes(const std::vector<std::uint8_t>& bytes, const FontFace& face) {
    uLongf length = compressBound(uLong(bytes.size()));
    std::string out(length, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &length, bytes.data(), uLong(bytes.size()), Z_DEFAULT_COMPRESSION) != Z_OK)
        throw std::runtime_error(face.file.string() + ": cannot compress the font subset");
    out.resize(length);
    return out;
}

struct SubsetCache {
    static constexpr std::size_t kEntries = 16;
    std::mutex mutex;
    // Most recently used first.
    std::list<std::pair<std::pair<const FontFace*, std::set<char32_t>>, std::shared_ptr<const EmbeddableSubset>>> entries;
};

SubsetCache& subset_cache() {
    static SubsetCache c;
    return c;
}

}  // namespace

std::shared_ptr<const EmbeddableSubset> embeddable_subset(const FontFace& face, const std::set<char32_t>& code_points) {
    auto& cache = subset_cache();
    const auto key = std::make_pair(&face, code_points);
    {
        std::lock_guard lock(cache.mutex);
        for (auto it = cache.entries.begin(); it != cache.entries.end(); ++it) {
            if (it->first == key) {
                cache.entries.splice(cache.entries.begin(), cache.entries, it);
                return it->second;
            }
        }
    }
    auto made = std::make_shared<EmbeddableSubset>();
    made->subset = subset_font(face, code_points);
    made->deflated = deflate_bytes(made->subset.bytes, face);
    std::lock_guard lock(cache.mutex);
    cache.entries.emplace_front(key, made);
    if (cache.entries.size() > SubsetCache::kEntries) cache.entries.pop_back();
    return made;
}

}  // namespace award::pdf
