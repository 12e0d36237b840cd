#include "render/certificates.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <qrencode.h>

#include "render/certificate/certificate_template.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/pdf_file.hpp"
#include "render/pdf/wording.hpp"
#include "render/sha256.hpp"

namespace award {

namespace fs = std::filesystem;
using cert::CertificateTemplate;
using cert::TextBox;

namespace {

constexpr double kAscent = 0.88;  // baseline below the top of the em box, for CJK faces
constexpr double kLeading = 1.3;  // line pitch of a box broken into lines, in sizes
constexpr double kShrinkStep = 0.5;

// The variables a certificate template can use.
tpl::TemplateSchema certificate_schema() {
    tpl::TemplateSchema s;
    s.text("holder").text("credit_code").text("year").text("scheme").text("award").text("issuer").text("date").text("number");
    return s;
}

tpl::TemplateObject certificate_values(const CertificateContent& c) {
    const pdf::Origin from_case = pdf::case_field("commendation");
    tpl::TemplateObject o;
    o.set("holder", tpl::TemplateValue::of(c.holder, c.holder_origin))
        .set("credit_code", tpl::TemplateValue::of(c.credit_code))
        .set("year", tpl::TemplateValue::of(std::to_string(c.cert.year)))
        .set("scheme", tpl::TemplateValue::of(c.scheme))
        .set("award", tpl::TemplateValue::of(c.cert.award_title))
        .set("issuer", tpl::TemplateValue::of(c.cert.issuer, pdf::case_field("commendation.issuer")))
        .set("date", tpl::TemplateValue::of(c.cert.date.chinese_numerals()))
        .set("number", tpl::TemplateValue::of(c.cert.number));
    return o;
}

struct GlyphAt {
    const pdf::FontFace* face;
    double size, x, baseline;
    char32_t cp;
    pdf::Rgb colour;
};

struct Laid {
    std::vector<GlyphAt> glyphs;
    std::vector<Problem> problems;
};

// The text of a box, at the largest size that fits on one line; else on as few
// lines as fit (up to the box's max_lines), balanced; else a problem.
void lay_out_box(const TextBox& box, const pdf::Text& text, const pdf::Shaper& shaper, const std::string& template_name,
                 Laid& out) {
    auto shape = [&](double s) { return shaper.shape(text, box.role, s, box.letter_spacing * s); };
    // Letter spacing follows each wide character; after a line's last one it is not part of the text.
    auto trailing = [&](const pdf::Glyphs& line) {
        return !line.empty() && line.back().wide ? box.letter_spacing * line.back().size : 0.0;
    };
    auto fits_width = [&](const pdf::Glyphs& line) { return pdf::width_of(line) - trailing(line) <= box.w + 1e-6; };
    // The sizes tried: the template's size, then 0.5 pt smaller each time, ending on min_size exactly.
    std::vector<double> sizes;
    for (double s = box.size; s > box.min_size + 1e-9; s -= kShrinkStep) sizes.push_back(s);
    sizes.push_back(box.min_size);
    std::vector<pdf::Glyphs> lines;
    double size = 0;
    for (std::size_t i = 0; i < sizes.size() && lines.empty(); ++i) {
        pdf::Glyphs g = shape(sizes[i]);
        if (fits_width(g) && sizes[i] <= box.h + 1e-6) lines = {std::move(g)}, size = sizes[i];
    }
    // Between words where the size allows it (装备|制造), else between any characters.
    for (const pdf::Breaks breaks : {pdf::Breaks::Words, pdf::Breaks::Line}) {
        for (std::size_t i = 0; box.max_lines > 1 && i < sizes.size() && lines.empty(); ++i) {
            const double s = sizes[i];
            const double spacing = box.letter_spacing * s;  // a line may end on a wide character
            auto broken = pdf::break_balanced(shape(s), box.w + spacing, breaks);
            const double height = s + double(broken.size() - 1) * s * kLeading;
            bool fits = int(broken.size()) <= box.max_lines && height <= box.h + 1e-6;
            for (const auto& l : broken) fits = fits && fits_width(l);
            if (fits) lines = std::move(broken), size = s;
        }
    }
    if (lines.empty()) {
        const pdf::Span* data = nullptr;
        for (const auto& sp : text.spans())
            if (sp.origin.is_data() && !data) data = &sp;
        const std::string limit = std::to_string(int(std::lround(box.min_size))) + " pt、" +
                                  std::to_string(box.max_lines) + " 行";
        if (data)
            out.problems.push_back({data->origin.file, data->origin.record, data->origin.field, data->text,
                                    "在证书上放得下的文字（证书模板 " + template_name + " " + box.pointer + " 的文字框最小 " +
                                        limit + "也放不下；请核对名称，或在模板中加宽文字框、减小 min_size_pt 或增加 max_lines）"});
        else
            out.problems.push_back({template_name, box.pointer, "text", text.str(),
                                    "在文字框中放得下的文字（最小 " + limit + "）"});
        return;
    }
    const double pitch = size * kLeading;
    const double block = size + double(lines.size() - 1) * pitch;
    const double top = box.y + (box.h - block) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const pdf::LineBox placed = pdf::place(lines[i], box.w, box.align);
        const double spacing = trailing(lines[i]);
        const double shift = box.align == pdf::Align::Centre ? spacing / 2 : box.align == pdf::Align::Right ? spacing : 0;
        const double baseline = top + kAscent * size + double(i) * pitch;
        for (std::size_t k = 0; k < placed.glyphs.size(); ++k) {
            const pdf::Glyph& g = placed.glyphs[k];
            if (g.cp == U' ' || g.cp == U'\u3000') continue;
            out.glyphs.push_back({g.face, g.size, box.x + placed.x[k] + shift, baseline, g.cp, box.colour});
        }
    }
}

}  // namespace

std::vector<CertificateContent> certificate_contents(const Case& c, const Policy& policy,
                                                     const std::vector<Certificate>& certificates) {
    std::vector<CertificateContent> out;
    for (const Certificate& cert : certificates) {
        const Applicant& a = c.applicants.at(cert.applicant_index);
        out.push_back({cert, a.name, pdf::applicant_field(a, "name"), a.credit_code, policy.award_title, policy.id, ""});
    }
    return out;
}

struct CertificatePrinter::Impl {
    CertificateTemplate tmpl;
    pdf::FontSet fonts;
    std::string template_name;

    Laid lay_out(const CertificateContent& content, const std::string& file_name) const {
        Laid laid;
        pdf::Shaper shaper(fonts, file_name);
        const tpl::TemplateObject values = certificate_values(content);
        for (const TextBox& box : tmpl.boxes) lay_out_box(box, tpl::fill_line(box.text, values), shaper, template_name, laid);
        laid.problems.insert(laid.problems.begin(), shaper.problems().begin(), shaper.problems().end());
        return laid;
    }

    void draw(pdf::PdfFile& pdf, const CertificateContent& content, const Laid& laid) const {
        pdf.begin_page(tmpl.width, tmpl.height);
        if (tmpl.background) pdf.image(*tmpl.background, 0, 0, tmpl.width, tmpl.height);
        for (const auto& f : tmpl.frame)
            pdf.stroke_rectangle(f.inset + f.width / 2, f.inset + f.width / 2, tmpl.width - 2 * f.inset - f.width,
                                 tmpl.height - 2 * f.inset - f.width, f.width, f.colour);
        if (tmpl.seal_image) pdf.image(*tmpl.seal_image, tmpl.seal.x, tmpl.seal.y, tmpl.seal.size, tmpl.seal.size);
        for (const GlyphAt& g : laid.glyphs) pdf.text(g.face, g.size, g.x, g.baseline, g.cp, g.colour);
        // An unsigned code would look verifiable and is not: refuse instead (a programming error).
        if (content.qr_payload.empty())
            throw std::logic_error("certificate " + content.cert.number + " has no signed QR payload");
        draw_qr(pdf, content.qr_payload);
    }

    // The modules as a 1-bit stencil with 4 modules of quiet zone inside the square.
    void draw_qr(pdf::PdfFile& pdf, const std::string& payload) const {
        // 8-bit mode: the payload carries the holder's name in UTF-8 (about 200 bytes, version 10).
        QRcode* qr = QRcode_encodeString8bit(payload.c_str(), 0, QR_ECLEVEL_M);
        if (!qr) throw std::runtime_error("libqrencode could not encode the certificate's QR code (" + payload + ")");
        const int n = qr->width, side = n + 8;
        std::vector<bool> cells(std::size_t(side * side), false);
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) cells[std::size_t((y + 4) * side + x + 4)] = qr->data[y * n + x] & 1;
        QRcode_free(qr);
        pdf.stencil(cells, side, tmpl.qr.x, tmpl.qr.y, tmpl.qr.size, tmpl.qr.size);
    }

    std::string file_name(const CertificateContent& c) const { return kCertificateFolder + "/" + c.holder + ".pdf"; }
};

CertificatePrinter::CertificatePrinter(const fs::path& data_dir, const Policy& policy) {
    const std::string name = "templates/certificates/" + policy.certificates.template_file;
    CertificateTemplate t =
        cert::load_certificate_template(data_dir / "templates" / "certificates" / policy.certificates.template_file,
                                        name, certificate_schema());
    impl_ = std::make_unique<Impl>(Impl{std::move(t), pdf::FontSet::load(data_dir), name});
}

CertificatePrinter::~CertificatePrinter() = default;
CertificatePrinter::CertificatePrinter(CertificatePrinter&&) noexcept = default;

std::vector<Problem> CertificatePrinter::problems(const CertificateContent& content) const {
    return impl_->lay_out(content, impl_->file_name(content)).problems;
}

void CertificatePrinter::write(const CertificateContent& content, const fs::path& out) const {
    const Laid laid = impl_->lay_out(content, impl_->file_name(content));
    if (!laid.problems.empty()) throw InputError(laid.problems);
    pdf::PdfFile pdf;
    for (const GlyphAt& g : laid.glyphs) pdf.use(g.face, g.cp);
    pdf.embed_fonts();
    impl_->draw(pdf, content, laid);
    pdf.write(out, content.cert.award_title + "证书 " + content.cert.number, content.cert.date);
}

void CertificatePrinter::write_each(const std::vector<CertificateContent>& contents,
                                    const std::vector<fs::path>& outs) const {
    if (contents.size() != outs.size()) throw std::invalid_argument("write_each: one path per certificate");
    const std::size_t threads =
        std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 4, contents.size()});
    for (const auto& out : outs)  // before the threads: they would race to make the same folder
        if (!out.parent_path().empty()) fs::create_directories(out.parent_path());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < contents.size() && !failed; i = next++) {
            try {
                write(contents[i], outs[i]);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> pool;
    try {
        for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones started and this one do the work.
    }
    work();
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

void CertificatePrinter::write_merged(const std::vector<CertificateContent>& contents, const std::string& title,
                                      const fs::path& out) const {
    if (contents.empty()) throw std::invalid_argument("write_merged: no certificates");
    pdf::PdfFile pdf;
    // Laid out twice (to collect the glyphs, then to draw) rather than held: the
    // memory of a 10,000-page print run stays that of its PDF.
    std::vector<Problem> problems;
    for (const auto& c : contents) {
        const Laid laid = impl_->lay_out(c, impl_->file_name(c));
        problems.insert(problems.end(), laid.problems.begin(), laid.problems.end());
        for (const GlyphAt& g : laid.glyphs) pdf.use(g.face, g.cp);
    }
    if (!problems.empty()) throw InputError(problems);
    pdf.embed_fonts();
    pdf.reserve_pages(contents.size(), impl_->tmpl.width, impl_->tmpl.height);
    for (const auto& c : contents) impl_->draw(pdf, c, impl_->lay_out(c, impl_->file_name(c)));
    pdf.write(out, title, contents.front().cert.date);
}

}  // namespace award
