#include "verify/certificate_reader.hpp"

#include <memory>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <zbar.h>

namespace award {

namespace fs = std::filesystem;

namespace {

std::string utf8(const poppler::ustring& s) {
    const std::vector<char> bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// The QR codes of a grey image, as raw bytes: ZBar's binary mode, since a code in byte
// mode without an ECI would otherwise be guessed as Shift-JIS and the Chinese garbled.
std::vector<std::string> scan_qr(const poppler::image& image) {
    const int w = image.width(), h = image.height();
    std::vector<unsigned char> grey(std::size_t(w) * std::size_t(h));
    const char* data = image.const_data();
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            grey[std::size_t(y) * std::size_t(w) + std::size_t(x)] =
                static_cast<unsigned char>(data[std::size_t(y) * std::size_t(image.bytes_per_row()) + std::size_t(x)]);
    std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
        zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
    std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> zimage(zbar::zbar_image_create(),
                                                                             zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(zimage.get(), unsigned(w), unsigned(h));
    zbar::zbar_image_set_data(zimage.get(), grey.data(), grey.size(), nullptr);
    std::vector<std::string> codes;
    if (zbar::zbar_scan_image(scanner.get(), zimage.get()) > 0)
        for (auto* s = zbar::zbar_image_first_symbol(zimage.get()); s; s = zbar::zbar_symbol_next(s))
            if (zbar::zbar_symbol_get_type(s) == zbar::ZBAR_QRCODE)
                codes.emplace_back(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
    return codes;
}

}  // namespace

std::vector<CertificatePage> read_certificate_pdf(const fs::path& pdf, int dpi) {
    std::error_code ec;
    if (!fs::is_regular_file(pdf, ec)) throw CertificateUnreadable(pdf.string() + "：文件不存在");
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    if (!doc) throw CertificateUnreadable(pdf.string() + "：不是可以读取的 PDF 文件（文件损坏或不是 PDF）");
    if (doc->is_locked()) throw CertificateUnreadable(pdf.string() + "：PDF 已加密，无法读取");
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    std::vector<CertificatePage> pages;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) throw CertificateUnreadable(pdf.string() + "：第 " + std::to_string(i + 1) + " 页无法读取");
        CertificatePage out;
        out.number = i + 1;
        out.text = utf8(page->text());
        const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
        if (!image.is_valid())
            throw CertificateUnreadable(pdf.string() + "：第 " + std::to_string(i + 1) + " 页无法渲染");
        out.codes = scan_qr(image);
        pages.push_back(std::move(out));
    }
    return pages;
}

std::string without_spaces(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
        // U+3000 IDEOGRAPHIC SPACE (E3 80 80)
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

}  // namespace award
