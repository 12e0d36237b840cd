#include "render/pdf/fonts.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"

namespace award::pdf {

namespace fs = std::filesystem;

const char* role_name(Role r) {
    switch (r) {
        case Role::Title: return "title";
        case Role::Body: return "body";
        case Role::Heading: return "heading";
        case Role::Kai: return "kai";
        case Role::PageNumber: return "page_number";
        case Role::Certificate: return "certificate";
    }
    return "?";
}

namespace {

constexpr Role kRoles[] = {Role::Title, Role::Body, Role::Heading, Role::Kai, Role::PageNumber, Role::Certificate};

// Every face loaded in this process, by (file, face index): parsing a CJK
// font's cmap is done once, not once per document.
struct FaceCache {
    std::mutex mutex;
    std::map<std::pair<std::string, std::size_t>, std::unique_ptr<FontFace>> faces;
    std::map<std::string, const FontFace*> by_spec;  // "file#face" as configured
};

FaceCache& cache() {
    static FaceCache c;
    return c;
}

struct FaceSpec {
    fs::path file;
    std::string face_name;  // family name to look for in a collection
    std::size_t face_index = 0;
    bool by_name = false;
};

std::string describe(const FaceSpec& s) {
    return s.file.string() + (s.by_name ? " (face \"" + s.face_name + "\")" : s.face_index ? " (face " + std::to_string(s.face_index) + ")" : "");
}

// Loads (once) the face a spec names. Caller holds the cache mutex.
const FontFace* load_face(const FaceSpec& spec, const fs::path& config) {
    auto& c = cache();
    auto fail = [&](const std::string& why) {
        return ConfigError(config.string() + ": font " + describe(spec) + ": " + why);
    };
    const std::string spec_key = fs::weakly_canonical(spec.file).string() + "#" +
                                 (spec.by_name ? "name:" + spec.face_name : std::to_string(spec.face_index));
    if (auto it = c.by_spec.find(spec_key); it != c.by_spec.end()) return it->second;
    std::vector<std::uint8_t> bytes;
    std::size_t index = spec.face_index;
    try {
        bytes = read_file_bytes(spec.file);
        const std::size_t n = SfntFace::face_count(bytes);
        if (spec.by_name) {
            index = n;
            for (std::size_t i = 0; i < n && index == n; ++i) {
                SfntFace probe(bytes, i, spec.file.string());
                for (const auto& name : probe.names())
                    if (name == spec.face_name) index = i;
            }
            if (index == n) throw fail("no face of this file is named \"" + spec.face_name + "\"");
        }
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw fail(e.what());
    }
    const auto key = std::make_pair(fs::weakly_canonical(spec.file).string(), index);
    if (auto it = c.faces.find(key); it != c.faces.end()) return c.by_spec[spec_key] = it->second.get();

    auto face = std::make_unique<FontFace>();
    try {
        auto sfnt = std::make_shared<SfntFace>(std::move(bytes), index, spec.file.string());
        if (!sfnt->has_glyf())
            throw fail("has no TrueType (glyf) outlines; the PDFs embed TrueType outlines only (CFF-based .otf "
                       "fonts are not supported). Convert it to TrueType or use another font");
        face->file = spec.file;
        face->index = index;
        face->family = sfnt->names().empty() ? spec.file.stem().string() : sfnt->names().front();
        face->key = "award" + std::to_string(c.faces.size()) + "-" + std::to_string(index);
        face->sfnt = std::move(sfnt);
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw fail(e.what());
    }
    return c.by_spec[spec_key] = c.faces.emplace(key, std::move(face)).first->second.get();
}

FaceSpec parse_spec(const nlohmann::json& j, const fs::path& fonts_dir, const fs::path& config) {
    FaceSpec s;
    const nlohmann::json* file = nullptr;
    if (j.is_string()) file = &j;
    else if (j.is_object() && j.contains("file") && j["file"].is_string()) file = &j["file"];
    if (!file) throw ConfigError(config.string() + ": a font entry must be a file name or {\"file\": …, \"face\": …}, found " + j.dump());
    const fs::path p = fs::path(file->get<std::string>());
    s.file = p.is_absolute() ? p : fonts_dir / p;
    if (j.is_object() && j.contains("face")) {
        const auto& face = j["face"];
        if (face.is_string()) s.by_name = true, s.face_name = face.get<std::string>();
        else if (face.is_number_unsigned()) s.face_index = face.get<std::size_t>();
        else throw ConfigError(config.string() + ": \"face\" must be a family name or a face index, found " + face.dump());
    }
    return s;
}

}  // namespace

FontSet FontSet::load(const fs::path& data_dir) {
    const fs::path fonts_dir = data_dir / "fonts";
    const fs::path config = fonts_dir / "fonts.json";
    nlohmann::json j;
    {
        std::ifstream in(config);
        if (!in) throw ConfigError(config.string() + ": the font configuration is missing");
        try {
            j = nlohmann::json::parse(in);
        } catch (const std::exception& e) {
            throw ConfigError(config.string() + ": not valid JSON: " + e.what());
        }
    }
    if (!j.is_object() || !j.contains("roles") || !j["roles"].is_object())
        throw ConfigError(config.string() + ": expected an object with \"roles\" (title, body, heading, kai, page_number, certificate)");

    std::lock_guard lock(cache().mutex);
    auto present = [&](const nlohmann::json& list, std::vector<const FontFace*>& out) {
        if (!list.is_array()) throw ConfigError(config.string() + ": a font list must be an array, found " + list.dump());
        for (const auto& entry : list) {
            const FaceSpec spec = parse_spec(entry, fonts_dir, config);
            std::error_code ec;
            if (!fs::is_regular_file(spec.file, ec)) continue;  // optional (licensed) fonts may be absent
            const FontFace* f = load_face(spec, config);
            if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
        }
    };
    std::vector<const FontFace*> fallback;
    if (j.contains("fallback")) present(j["fallback"], fallback);

    FontSet set;
    for (Role r : kRoles) {
        const char* name = role_name(r);
        if (!j["roles"].contains(name)) throw ConfigError(config.string() + ": role \"" + name + "\" is not configured");
        std::vector<const FontFace*> chain;
        present(j["roles"][name], chain);
        if (chain.empty())
            throw ConfigError(config.string() + ": none of the fonts configured for role \"" + name +
                              "\" is present; install the Debian font packages named in fonts/README.md or put a font file in " +
                              fonts_dir.string());
        for (const FontFace* f : fallback)
            if (std::find(chain.begin(), chain.end(), f) == chain.end()) chain.push_back(f);
        set.chains_.push_back(std::move(chain));
    }
    return set;
}

const FontFace* FontSet::face_for(Role r, char32_t cp) const {
    if (cp > 0xFFFF) return nullptr;
    for (const FontFace* f : chain(r))
        if (f->sfnt->has(cp)) return f;
    return nullptr;
}

}  // namespace award::pdf
