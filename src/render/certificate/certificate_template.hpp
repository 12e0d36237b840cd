// Certificate templates the office can edit (templates/certificates/*.json): a
// positioned layout, unlike the flowing 公文. The page, a vector frame or a
// background image, text boxes with Mustache content, the QR code's square and
// the seal's place. Measures are in mm from the page's top-left corner.
//
//   {
//     "page": {"size": "A4", "orientation": "landscape"},
//     "background": "证书底纹.png",                       (optional; beside the template)
//     "frame": [{"inset_mm": 9, "line_mm": 1.6, "colour": "#B8860B"}],
//     "boxes": [{"text": "{{holder}}", "x_mm": 38, "y_mm": 64, "w_mm": 221, "h_mm": 28,
//                "role": "certificate", "size_pt": 30, "min_size_pt": 20, "max_lines": 2,
//                "align": "centre", "colour": "#000000", "letter_spacing_em": 0}],
//     "qr": {"x_mm": 24, "y_mm": 160, "size_mm": 26},
//     "seal": {"x_mm": 196, "y_mm": 132, "size_mm": 42, "image": null}
//   }
//
// Errors name the template file and the JSON pointer of the field.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "render/pdf/layout.hpp"
#include "render/pdf/pdf_file.hpp"
#include "render/template/document_template.hpp"

namespace award::cert {

struct TextBox {
    std::string pointer;  // e.g. "/boxes/1", for messages
    std::string text;     // Mustache, one paragraph
    double x = 0, y = 0, w = 0, h = 0;  // pt
    pdf::Role role = pdf::Role::Certificate;
    double size = 0;      // pt
    double min_size = 0;  // pt: a text too wide is shrunk down to this, then broken into lines
    int max_lines = 1;
    pdf::Align align = pdf::Align::Centre;
    pdf::Rgb colour;
    double letter_spacing = 0;  // em
};

struct FrameLine {
    double inset = 0, width = 0;  // pt
    pdf::Rgb colour;
};

struct Square {
    double x = 0, y = 0, size = 0;  // pt
};

struct CertificateTemplate {
    std::string name;     // as errors name it: "templates/certificates/X.json"
    double width = 0, height = 0;  // pt
    std::shared_ptr<const pdf::ImageFile> background;
    std::vector<FrameLine> frame;
    std::vector<TextBox> boxes;
    Square qr;
    Square seal;
    std::shared_ptr<const pdf::ImageFile> seal_image;  // none: the place is left empty for the real seal
};

// Reads and checks a template: every field, the boxes inside the page, the
// Mustache tags of each box against `schema`. Throws one ConfigError listing
// every problem, each naming the file and the JSON pointer.
CertificateTemplate load_certificate_template(const std::filesystem::path& file, const std::string& name,
                                              const tpl::TemplateSchema& schema);

}  // namespace award::cert
