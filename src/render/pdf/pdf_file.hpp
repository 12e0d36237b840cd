// Writing a PDF: pages of glyphs, rules, filled boxes and images, with text in
// subset fonts embedded as Type0/CIDFontType2 (Identity-H, a ToUnicode map so
// text can be searched and copied). Built on PoDoFo's object model; the fonts
// are subset by HarfBuzz (font_subset.hpp) instead of PoDoFo's own subsetter,
// which keeps every glyph slot and is several times larger and slower.
//
// Coordinates are in pt from the page's top-left corner, y downwards, as the
// layouts measure them; text is placed by its baseline.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "render/pdf/fonts.hpp"

namespace award::pdf {

struct Rgb {
    double r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

// A point in pt from the page's top-left corner, y downwards.
struct Point {
    double x = 0, y = 0;
};

// An image file read once and embedded in each PDF that draws it.
class ImageFile {
public:
    // PNG or JPEG. Throws ConfigError naming the file when it cannot be read.
    static std::shared_ptr<const ImageFile> load(const std::filesystem::path& file);
    const std::filesystem::path& file() const { return file_; }
    bool png() const { return png_; }
    const std::string& bytes() const { return bytes_; }

private:
    std::filesystem::path file_;
    bool png_ = false;
    std::string bytes_;
};

class PdfFile {
public:
    PdfFile();
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    // First every character the pages will draw, in the face that draws it;
    // then embed_fonts() once; then the pages.
    void use(const FontFace* face, char32_t cp);
    void embed_fonts();

    // Pages of this size, made in one go before drawing them: PoDoFo inserts a
    // page created one at a time by walking its page tree, quadratic over a
    // 10,000-page print run. begin_page then takes the next of them.
    void reserve_pages(std::size_t count, double width, double height);
    void begin_page(double width, double height);
    void text(const FontFace* face, double size, double x, double baseline, char32_t cp, Rgb colour = {});
    void line(double x1, double y1, double x2, double y2, double width, Rgb colour = {});
    void stroke_rectangle(double x, double y, double w, double h, double width, Rgb colour = {});
    void fill_rectangle(double x, double y, double w, double h, Rgb colour = {});
    // An open path through the points, stroked. dash: lengths on, off, on … in pt
    // (empty: solid). round: round caps and joins (a dash of length 0 is then a dot).
    void polyline(const std::vector<Point>& points, double width, Rgb colour = {}, const std::vector<double>& dash = {},
                  bool round = false);
    // A closed polygon, filled when `fill` is given, outlined when stroke_width > 0.
    void polygon(const std::vector<Point>& points, const std::optional<Rgb>& fill, double stroke_width = 0,
                 Rgb stroke = {});
    // What is drawn until the matching end_clip() is clipped to the rectangle
    // (clips nest; each page must close its own before the next page or write()).
    void begin_clip(double x, double y, double w, double h);
    void end_clip();
    void image(const ImageFile& img, double x, double y, double w, double h);
    // A 1-bit stencil (rows of `columns` cells, true = painted) scaled to the box
    // and painted in `colour`, without smoothing: a QR code's modules.
    void stencil(const std::vector<bool>& cells, int columns, double x, double y, double w, double h, Rgb colour = {});

    // Finishes the last page and writes the file: to a temporary file beside
    // `out`, renamed into place when complete. The Info dates come from `date`,
    // not the clock, so the same input gives the same bytes.
    void write(const std::filesystem::path& out, const std::string& title, const Date& date);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace award::pdf
