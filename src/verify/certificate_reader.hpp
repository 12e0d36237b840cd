// Reading a certificate back as a verifier sees it (award verify, issue 6): each page's
// text, as a PDF viewer or pdftotext extracts it, and the QR codes on it, decoded from
// the page rendered as an image (what a phone camera would see), not from any copy the
// file might carry elsewhere. Poppler (libpoppler-cpp) renders and extracts text; ZBar
// (libzbar) decodes the QR codes.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace award {

// The file is not a readable PDF (missing, damaged, encrypted): names the file and why.
class CertificateUnreadable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CertificatePage {
    int number = 0;                 // 1-based
    std::string text;               // UTF-8, as extracted
    std::vector<std::string> codes; // every QR code's raw bytes (UTF-8 for ours), in scan order
};

// Every page of `pdf`, rendered at `dpi` for the scan.
std::vector<CertificatePage> read_certificate_pdf(const std::filesystem::path& pdf, int dpi = 200);

// The text without any white space: extraction puts spaces and line breaks where the
// layout spaced the characters (荣 誉 证 书), which are not part of the words.
std::string without_spaces(const std::string& text);

}  // namespace award
