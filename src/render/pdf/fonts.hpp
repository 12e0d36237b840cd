// Font roles (fonts/fonts.json): which font file sets the title, the body, the
// headings and 楷体 text, and which fonts stand in for a character a role's font lacks.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "render/pdf/sfnt.hpp"

namespace award::pdf {

enum class Role { Title, Body, Heading, Kai, PageNumber, Certificate };

const char* role_name(Role r);

// One face of a font file (a .ttf, or one face of a .ttc collection), parsed once
// per process and shared by every document.
struct FontFace {
    std::filesystem::path file;  // as configured
    std::size_t index = 0;       // face index in the file
    std::string family;          // first name in the name table
    std::string key;             // unique per file and face (seeds the subset's name tag)
    std::shared_ptr<const SfntFace> sfnt;
};

// The fonts of every role, resolved against the files present on this machine.
class FontSet {
public:
    // Reads <data_dir>/fonts/fonts.json. Throws ConfigError when the file is
    // missing or malformed, when a configured face is unusable, or when a role
    // has no font present at all.
    static FontSet load(const std::filesystem::path& data_dir);

    // The role's chain: its own fonts present (first = the role's font), then the shared fallbacks.
    const std::vector<const FontFace*>& chain(Role r) const { return chains_.at(std::size_t(r)); }
    // The first font of the role's chain that has the character; nullptr when none has it.
    // Characters outside the BMP count as missing: PoDoFo 0.9.8 draws them as two boxes.
    const FontFace* face_for(Role r, char32_t cp) const;

private:
    std::vector<std::vector<const FontFace*>> chains_;
};

}  // namespace award::pdf
