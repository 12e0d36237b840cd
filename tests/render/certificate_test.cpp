// Certificates (证书): the shipped 魏都区 template laid out with real fonts, measured
// from the PDF (pdftotext -bbox), the QR code read back with zbarimg, and the
// template's own errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "common/temp_dir.hpp"
#include "model/errors.hpp"
#include "model/utf8.hpp"
#include "packs/policy_pack.hpp"
#include "pdf_fixture.hpp"
#include "render/certificates.hpp"

using namespace award;
using namespace award::test;
using namespace award::test::bbox;
using award::test::geometry::kMm;

namespace {


const Policy& pack() {
    static const PolicyCatalog catalog = load_policy_catalog(fs::path(AWARD_SOURCE_DIR) / "templates" / "policies");
    return catalog.at("weidu");
}

CertificateContent content(const std::string& holder, const std::string& award = "区长质量奖",
                           const std::string& number = "WD2026Z001") {
    Certificate c;
    c.number = number;
    c.award = award;
    c.award_title = "魏都区" + award;
    c.year = 2026;
    c.date = Date(2026, 12, 28);
    c.issuer = "许昌市魏都区人民政府";
    c.source = "case.json: /commendation/granted/0";
    // The run signs this (registry/certificate_payload.hpp); here any text of that shape and size.
    const std::string payload = "AWD1|" + number + "|91411002MA44XXXXXX|" + holder + "|" + award + "|2026|2026-12-28|weidu|" +
                                std::string(86, 'A');
    return {c, holder, {"applicants.json", "/applicants/4（" + holder + "）", "name"}, "91411002MA44XXXXXX",
            "魏都区区长质量奖", "weidu", payload};
}

const CertificatePrinter& printer() {
    static const CertificatePrinter p(AWARD_SOURCE_DIR, pack());
    return p;
}

// The holder's line(s): the words of the page between the title and the sentence under it.
std::vector<Word> holder_words(const Page& page) {
    std::vector<Word> out;
    for (const auto& w : page)
        if (w.y0 > 60 * kMm && w.y1 < 92 * kMm) out.push_back(w);
    return out;
}

std::size_t chars(const std::string& s) { return utf8::characters(s).size(); }

}  // namespace

TEST_CASE("a certificate shows the holder, the award with its year, the issuer, the date and its number", "[render][certificate]") {
    TempDir dir;
    const fs::path out = dir.path() / "c.pdf";
    printer().write(content("许昌远航起重机械有限公司"), out);
    const std::string text = squeeze(pdftotext(out, false));
    CHECK(text.find("荣誉证书") != std::string::npos);
    CHECK(text.find("许昌远航起重机械有限公司：") != std::string::npos);
    // WD-第二十九条: the title is used with the award year
    CHECK(text.find("在2026年度魏都区区长质量奖评选中，荣获") != std::string::npos);
    CHECK(text.find("2026年度魏都区区长质量奖特发此证。") != std::string::npos);
    CHECK(text.find("许昌市魏都区人民政府") != std::string::npos);
    CHECK(text.find("二〇二六年十二月二十八日") != std::string::npos);
    CHECK(text.find("证书编号：WD2026Z001") != std::string::npos);
    const Run info = run("pdfinfo " + quoted(out));
    CHECK(info.out.find("Pages:           1") != std::string::npos);
    CHECK(info.out.find("841.89 x 595.276 pts (A4)") != std::string::npos);  // landscape A4
    const Run check = run("qpdf --check " + quoted(out));
    CHECK(check.status == 0);
    // every font embedded as a subset with a Unicode map
    const Run fonts = run("pdffonts " + quoted(out));
    const auto rows = lines_of(fonts.out);
    REQUIRE(rows.size() >= 3);
    for (std::size_t i = 2; i < rows.size(); ++i) {
        INFO(rows[i]);
        CHECK(std::regex_search(rows[i], std::regex(R"(^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes)")));
    }
}

TEST_CASE("the QR code reads back as exactly the signed payload, the holder's name in UTF-8 included", "[render][certificate]") {
    TempDir dir;
    const fs::path out = dir.path() / "c.pdf";
    const CertificateContent c = content("许昌金桥食品有限公司", "区长质量提名奖", "WD2026T003");
    printer().write(c, out);
    // 200 dpi: a phone photo of the printed page is sharper than this
    REQUIRE(run("pdftoppm -r 200 -png -f 1 -l 1 " + quoted(out) + " " + quoted(dir.path() / "page")).status == 0);
    const Run zbar = run("zbarimg -q --nodbus --raw -Sbinary " + quoted(dir.path() / "page-1.png") + " 2>/dev/null");
    REQUIRE(zbar.status == 0);
    CHECK(zbar.out == c.qr_payload);  // -Sbinary: the bytes as encoded, no newline added
}

TEST_CASE("a certificate without a signed payload is never printed", "[render][certificate]") {
    TempDir dir;
    CertificateContent c = content("许昌金桥食品有限公司");
    c.qr_payload.clear();
    CHECK_THROWS_AS(printer().write(c, dir.path() / "c.pdf"), std::logic_error);
    CHECK_FALSE(fs::exists(dir.path() / "c.pdf"));
}

TEST_CASE("a long name shrinks to fit its box, a longer one goes to two lines; neither overflows", "[render][certificate]") {
    TempDir dir;
    const double left = 36 * kMm, right = (36 + 225) * kMm;
    struct Case_ {
        std::string name;
        std::size_t lines;
    };
    const std::vector<Case_> cases{
        {"许昌远航起重机械有限公司", 1},                                          // 28 pt on one line
        {"许昌市魏都区远航起重机械智能装备制造与检验检测有限公司", 1},             // shrunk
        {"河南省许昌市魏都区远航起重机械智能装备制造与电力装备检验检测技术服务集团有限公司", 2},  // two lines
    };
    double previous_size = 1e9;
    for (const auto& [name, want_lines] : cases) {
        INFO(name);
        const fs::path out = dir.path() / (std::to_string(chars(name)) + ".pdf");
        printer().write(content(name), out);
        const auto pages = words_of(out);
        REQUIRE(pages.size() == 1);
        const auto words = holder_words(pages[0]);
        INFO(dump(pages[0]));
        REQUIRE(!words.empty());
        std::set<long> baselines;
        std::string text;
        for (const auto& w : words) {
            baselines.insert(std::lround(w.y1));
            text += w.text;
            CHECK(w.x0 >= left - 1);
            CHECK(w.x1 <= right + 1);
        }
        CHECK(baselines.size() == want_lines);
        CHECK(text == name + "：");
        const double size = words.front().y1 - words.front().y0;
        if (want_lines == 1) {
            CHECK(size <= previous_size + 0.5);  // longer names are set no larger
            previous_size = size;
        }
        if (&name == &cases[1].name) CHECK(size < 27);  // shrunk below the template's 28 pt
    }
}

TEST_CASE("a name too long for the box at the smallest size on two lines is refused, naming the applicant", "[render][certificate]") {
    std::string name = "许昌";
    for (int i = 0; i < 10; ++i) name += "远航起重机械智能装备";
    name += "有限公司";
    const auto problems = printer().problems(content(name));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.json");
    CHECK(problems[0].record.find("/applicants/4") != std::string::npos);
    CHECK(problems[0].field == "name");
    CHECK(problems[0].expected.find("证书") != std::string::npos);
    CHECK(problems[0].expected.find("/boxes/1") != std::string::npos);
    TempDir dir;
    CHECK_THROWS_AS(printer().write(content(name), dir.path() / "x.pdf"), InputError);
    CHECK(!fs::exists(dir.path() / "x.pdf"));
}

TEST_CASE("a character no font has is refused on a certificate, naming the applicant and the character", "[render][certificate]") {
    const auto problems = printer().problems(content("许昌\xEE\x80\x80有限公司"));  // U+E000
    REQUIRE(!problems.empty());
    CHECK(problems[0].record.find("/applicants/4") != std::string::npos);
    CHECK(problems[0].message().find("U+E000") != std::string::npos);
}

TEST_CASE("the merged PDF has a page per certificate in order and embeds each font once", "[render][certificate]") {
    TempDir dir;
    std::vector<CertificateContent> all;
    for (const std::string name : {"许昌远航起重机械有限公司", "许昌金桥食品有限公司", "许昌安居物业服务有限公司"})
        all.push_back(content(name, "区长质量奖", "WD2026Z00" + std::to_string(all.size() + 1)));
    const fs::path out = dir.path() / "merged.pdf";
    printer().write_merged(all, "证书（合并打印）", out);
    CHECK(run("pdfinfo " + quoted(out)).out.find("Pages:           3") != std::string::npos);
    const auto pages = words_of(out);
    REQUIRE(pages.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        std::string text;
        for (const auto& w : pages[i]) text += w.text;
        CHECK(text.find(all[i].holder) != std::string::npos);
        CHECK(text.find(all[i].cert.number) != std::string::npos);
    }
    const auto font_rows = lines_of(run("pdffonts " + quoted(out)).out);
    std::set<std::string> names;
    for (std::size_t i = 2; i < font_rows.size(); ++i) names.insert(font_rows[i].substr(0, font_rows[i].find(' ')));
    CHECK(names.size() == font_rows.size() - 2);  // no font twice
    CHECK(run("qpdf --check " + quoted(out)).status == 0);
}

TEST_CASE("the same certificate gives the same bytes", "[render][certificate]") {
    TempDir dir;
    printer().write(content("许昌金桥食品有限公司"), dir.path() / "a.pdf");
    printer().write(content("许昌金桥食品有限公司"), dir.path() / "b.pdf");
    CHECK(bytes_of(dir.path() / "a.pdf") == bytes_of(dir.path() / "b.pdf"));
}

namespace {

// A data dir with the shipped fonts and packs and a certificate template of our own.
struct TemplateDir {
    TempDir dir;
    explicit TemplateDir(const std::string& template_json) {
        fs::create_directories(dir.path() / "templates" / "certificates");
        fs::copy(fs::path(AWARD_SOURCE_DIR) / "fonts", dir.path() / "fonts", fs::copy_options::recursive);
        std::ofstream(dir.path() / "templates" / "certificates" / pack().certificates.template_file) << template_json;
    }
    const fs::path& path() const { return dir.path(); }
};

std::string config_error(const fs::path& data_dir) {
    try {
        CertificatePrinter p(data_dir, pack());
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

// A 4 × 4 red PNG, written by hand: a seal image the office supplies.
const std::string kRedPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00\x00\x04\x08\x02\x00\x00"
    "\x00\x26\x93\x09\x29\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\x38\xc3\xc0\x00\x47\x0c\xc4\x71\x00\x58\x83\x0c"
    "\xc1\x7a\x6d\x53\xc7\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    73);

}  // namespace

TEST_CASE("certificate template errors name the file and the field, all at once", "[render][certificate][template]") {
    const TemplateDir t(R"({
      "page": {"size": "A4", "orientation": "sideways"},
      "frame": [{"inset_mm": 8, "line_mm": 1, "colour": "gold"}],
      "boxes": [
        {"text": "{{holder}}", "x_mm": 280, "y_mm": 10, "w_mm": 50, "h_mm": 10, "size_pt": 20},
        {"text": "{{winner}}", "x_mm": 10, "y_mm": 10, "w_mm": 50, "h_mm": 10, "size_pt": 20, "role": "fancy"},
        {"text": "{{#year}}x", "x_mm": 10, "y_mm": 30, "w_mm": 50, "h_mm": 10, "size_pt": 20, "min_size_pt": 30, "aling": "left"}
      ],
      "qr": {"x_mm": 290, "y_mm": 180, "size_mm": 30},
      "seal": {"x_mm": 200, "y_mm": 140, "size_mm": 40, "image": "没有这个印章.png"}
    })");
    const std::string e = config_error(t.path());
    INFO(e);
    CHECK(e.find(pack().certificates.template_file) != std::string::npos);
    CHECK(e.find("/page/orientation") != std::string::npos);
    CHECK(e.find("/frame/0/colour") != std::string::npos);
    CHECK(e.find("/boxes/0") != std::string::npos);            // box outside the page
    CHECK(e.find("/boxes/1/text") != std::string::npos);       // unknown variable
    CHECK(e.find("winner") != std::string::npos);
    CHECK(e.find("/boxes/1/role") != std::string::npos);
    CHECK(e.find("/boxes/2/text") != std::string::npos);       // unclosed section
    CHECK(e.find("/boxes/2/min_size_pt") != std::string::npos);
    CHECK(e.find("aling") != std::string::npos);               // unknown field
    CHECK(e.find("/qr") != std::string::npos);                 // QR square off the page
    CHECK(e.find("/seal/image") != std::string::npos);
}

TEST_CASE("the seal is never drawn: its place stays empty unless the office supplies an image", "[render][certificate]") {
    TempDir out;
    printer().write(content("许昌金桥食品有限公司"), out.path() / "plain.pdf");
    // the shipped template: no image at all (the QR code is a stencil, not an image)
    const auto plain = lines_of(run("pdfimages -list " + quoted(out.path() / "plain.pdf")).out);
    std::size_t images = 0;
    for (std::size_t i = 2; i < plain.size(); ++i) images += plain[i].find(" smask ") == std::string::npos &&
                                                              plain[i].find(" stencil ") == std::string::npos;
    CHECK(images == 0);

    std::ifstream in(fs::path(AWARD_SOURCE_DIR) / "templates" / "certificates" / pack().certificates.template_file);
    std::string tmpl((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "\"image\": null";
    REQUIRE(tmpl.find(from) != std::string::npos);
    tmpl.replace(tmpl.find(from), from.size(), "\"image\": \"印章.png\"");
    const TemplateDir t(tmpl);
    std::ofstream(t.path() / "templates" / "certificates" / "印章.png", std::ios::binary) << kRedPng;
    const CertificatePrinter with_seal(t.path(), pack());
    with_seal.write(content("许昌金桥食品有限公司"), out.path() / "seal.pdf");
    const auto listed = lines_of(run("pdfimages -list " + quoted(out.path() / "seal.pdf")).out);
    bool rgb_image = false;
    for (const auto& row : listed) rgb_image = rgb_image || (row.find(" image ") != std::string::npos && row.find(" rgb ") != std::string::npos);
    CHECK(rgb_image);
}

TEST_CASE("a background image the office supplies covers the page, under the text", "[render][certificate]") {
    std::ifstream in(fs::path(AWARD_SOURCE_DIR) / "templates" / "certificates" / pack().certificates.template_file);
    std::string tmpl((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "\"background\": null";
    REQUIRE(tmpl.find(from) != std::string::npos);
    tmpl.replace(tmpl.find(from), from.size(), "\"background\": \"底纹.png\"");
    const TemplateDir t(tmpl);
    std::ofstream(t.path() / "templates" / "certificates" / "底纹.png", std::ios::binary) << kRedPng;
    TempDir out;
    const CertificatePrinter p(t.path(), pack());
    p.write(content("许昌金桥食品有限公司"), out.path() / "bg.pdf");
    CHECK(squeeze(pdftotext(out.path() / "bg.pdf", false)).find("许昌金桥食品有限公司：") != std::string::npos);
    // Rendered, the page's corner (outside the frame) is the image's red, not white.
    REQUIRE(run("pdftoppm -r 20 -x 1 -y 1 -W 1 -H 1 " + quoted(out.path() / "bg.pdf") + " " + quoted(out.path() / "px")).status == 0);
    const std::string ppm = bytes_of(out.path() / "px-1.ppm");
    REQUIRE(ppm.size() >= 3);
    const auto* rgb = reinterpret_cast<const unsigned char*>(ppm.data() + ppm.size() - 3);
    CHECK(int(rgb[0]) > 150);
    CHECK(int(rgb[1]) < 60);
}

TEST_CASE("a name with a character the certificate font lacks is drawn from the fallback font", "[render][certificate][fonts]") {
    const pdf::FontSet fonts = pdf::FontSet::load(AWARD_SOURCE_DIR);
    const pdf::FontFace* primary = fonts.chain(pdf::Role::Certificate).front();
    char32_t missing = 0;  // a CJK character (Extension A or the main block) the primary font lacks, another has
    for (char32_t c = 0x3400; c < 0x9FFF && !missing; ++c)
        if (!primary->sfnt->has(c) && fonts.face_for(pdf::Role::Certificate, c)) missing = c;
    REQUIRE(missing != 0);
    const std::string ch = utf8::encode(missing);
    const pdf::FontFace* fallback = fonts.face_for(pdf::Role::Certificate, missing);
    INFO("U+" << std::hex << std::uint32_t(missing) << " from " << fallback->family);

    TempDir dir;
    const std::string name = "许昌" + ch + "达电气有限公司";
    REQUIRE(printer().problems(content(name)).empty());
    printer().write(content(name), dir.path() / "f.pdf");
    CHECK(squeeze(pdftotext(dir.path() / "f.pdf", false)).find(name + "：") != std::string::npos);
    std::string family;
    for (char c : fallback->family)
        if (c != ' ') family += c;
    CHECK(run("pdffonts " + quoted(dir.path() / "f.pdf")).out.find("+" + family) != std::string::npos);
}

TEST_CASE("letter-spaced and odd-sized boxes still keep their text inside; a box too low for its smallest size is refused", "[render][certificate][template]") {
    // 60 mm wide, 20 pt letter-spaced half an em: Latin letters take no spacing, CJK ones do.
    const TemplateDir t(R"({
      "page": {"size": "A4", "orientation": "landscape"},
      "boxes": [
        {"text": "{{holder}}", "x_mm": 20, "y_mm": 20, "w_mm": 60, "h_mm": 30, "size_pt": 20, "min_size_pt": 20,
         "max_lines": 2, "letter_spacing_em": 0.5, "align": "centre"},
        {"text": "{{number}}", "x_mm": 20, "y_mm": 80, "w_mm": 40, "h_mm": 10, "size_pt": 28, "min_size_pt": 21.2}
      ],
      "qr": {"x_mm": 200, "y_mm": 150, "size_mm": 30},
      "seal": {"x_mm": 120, "y_mm": 140, "size_mm": 40, "image": null}
    })");
    const CertificatePrinter p(t.path(), pack());
    TempDir out;
    // the number box shrinks to a smallest size off the 0.5 pt steps (21.2 pt)
    std::vector<std::string> names{"许昌智联精密传感技术有限公司"};
    for (std::string m = "MMMMMMMM"; m.size() <= 20; m += "M") names.push_back(m);  // across the box's edge
    std::size_t written = 0;
    for (const std::string& name : names) {
        INFO(name);
        if (!p.problems(content(name)).empty()) continue;  // refused: nothing to overflow
        ++written;
        p.write(content(name), out.path() / "s.pdf");
        const auto pages = words_of(out.path() / "s.pdf");
        REQUIRE(pages.size() == 1);
        for (const auto& w : pages[0]) {
            INFO(w.text);
            CHECK(w.x0 >= 20 * kMm - 1);
            CHECK(w.x1 <= (w.y0 > 70 * kMm ? 60 : 80) * kMm + 1);
        }
    }
    CHECK(written >= 3);
    const TemplateDir low(R"({
      "page": {"size": "A4", "orientation": "landscape"},
      "boxes": [{"text": "{{holder}}", "x_mm": 20, "y_mm": 20, "w_mm": 200, "h_mm": 6, "size_pt": 24, "min_size_pt": 20}],
      "qr": {"x_mm": 200, "y_mm": 150, "size_mm": 30},
      "seal": {"x_mm": 120, "y_mm": 140, "size_mm": 40, "image": null}
    })");
    const std::string e = config_error(low.path());
    CHECK(e.find("/boxes/0/min_size_pt") != std::string::npos);
    CHECK(e.find("h_mm") != std::string::npos);
}
