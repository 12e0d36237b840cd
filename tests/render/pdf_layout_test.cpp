// The layout engine on its own: fonts.json roles, font fallback, the font
// subsetter, line breaking (避头尾, Latin words kept whole), justification.
#include <catch2/catch.hpp>

#include <set>

#include "model/errors.hpp"
#include "model/utf8.hpp"
#include "pdf_fixture.hpp"
#include "render/pdf/font_subset.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/sfnt.hpp"

using namespace award;
using namespace award::pdf;
using award::test::TempDir;

namespace {

const FontSet& fonts() {
    static const FontSet set = FontSet::load(AWARD_SOURCE_DIR);
    return set;
}

std::string str(const Glyphs& g) {
    std::string s;
    for (const auto& x : g) s += utf8::encode(x.cp);
    return s;
}

using award::test::geometry::kTextWidth;
constexpr double kTracking = kTextWidth / 28 - 16;


}  // namespace

TEST_CASE("fonts.json gives every role a font; the free defaults stand in for licensed ones", "[render][fonts]") {
    CHECK(fonts().chain(Role::Body).front()->family == "AR PL UMing CN");
    CHECK(fonts().chain(Role::Body).front()->index == 0);
    CHECK(fonts().chain(Role::Title).front()->family == "WenQuanYi Micro Hei");
    CHECK(fonts().chain(Role::Heading).front()->family == "WenQuanYi Micro Hei");
    CHECK(fonts().chain(Role::Kai).front()->family == "AR PL UKai CN");
    CHECK(fonts().chain(Role::Certificate).front()->family == "AR PL UKai CN");
}

TEST_CASE("a font file in fonts/ named in the config takes its role", "[render][fonts]") {
    TempDir data;
    std::filesystem::create_directories(data.path() / "fonts");
    std::filesystem::copy_file("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
                               data.path() / "fonts" / "FZXBSJW.ttf");
    std::ofstream(data.path() / "fonts" / "fonts.json") << R"({"roles": {
        "title": ["FZXBSJW.ttf", {"file": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "face": 0}],
        "body": ["仿宋_GB2312.ttf", {"file": "/usr/share/fonts/truetype/arphic/uming.ttc", "face": "AR PL UMing CN"}],
        "heading": [{"file": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "face": "WenQuanYi Micro Hei"}],
        "kai": ["/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"],
        "page_number": ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"],
        "certificate": ["/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"]},
      "fallback": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]})";
    const FontSet set = FontSet::load(data.path());
    CHECK(set.chain(Role::Title).front()->file == data.path() / "fonts" / "FZXBSJW.ttf");
    CHECK(set.chain(Role::Title).size() == 3);  // user font, the default, the shared fallback
    CHECK(set.chain(Role::Body).front()->family == "AR PL UMing CN");  // 仿宋_GB2312.ttf absent
    // fallback character by character: a character LXGW WenKai lacks comes from DejaVu Sans
    const FontFace* kai = set.chain(Role::Kai).front();
    char32_t c = 0x100;
    while (c < 0x3000 && (kai->sfnt->has(c) || !set.chain(Role::Kai).back()->sfnt->has(c))) ++c;
    REQUIRE(c < 0x3000);
    CHECK(set.face_for(Role::Kai, c)->family == "DejaVu Sans");
}

TEST_CASE("font configuration errors are ConfigErrors naming the file", "[render][fonts]") {
    TempDir data;
    CHECK_THROWS_AS(FontSet::load(data.path()), ConfigError);
    std::filesystem::create_directories(data.path() / "fonts");
    std::ofstream(data.path() / "fonts" / "fonts.json") << R"({"roles": {"title": ["nothere.ttf"], "body": [], "heading": [], "kai": [], "page_number": [], "certificate": []}})";
    try {
        FontSet::load(data.path());
        FAIL("no ConfigError");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()).find("title") != std::string::npos);
        CHECK(std::string(e.what()).find("fonts.json") != std::string::npos);
    }
    std::ofstream(data.path() / "fonts" / "fonts.json") << R"({"roles": {"title": [{"file": "/usr/share/fonts/truetype/arphic/uming.ttc", "face": "No Such Face"}]}})";
    CHECK_THROWS_WITH(FontSet::load(data.path()), Catch::Contains("No Such Face"));
}

TEST_CASE("a subset holds just the glyphs used, renumbered, without hinting, and reads back", "[render][fonts]") {
    const FontFace* body = fonts().chain(Role::Body).front();  // face 0 of uming.ttc: a collection
    REQUIRE(body->sfnt->is_collection());
    const std::set<char32_t> used{U'荣', U'誉', U'证', U'书', U'〇', U'2'};
    const FontSubset subset = subset_font(*body, used);
    REQUIRE(subset.glyph_of.size() == used.size());
    const SfntFace back(subset.bytes, 0, "subset");
    CHECK(!back.is_collection());
    for (char32_t c : used) {
        INFO(std::uint32_t(c));
        CHECK(subset.glyph_of.at(c) >= 1);
        CHECK(subset.glyph_of.at(c) <= used.size());  // renumbered from 1 (.notdef is 0)
        CHECK(back.glyph(c) == subset.glyph_of.at(c));
        CHECK(back.advance(c) == Approx(body->sfnt->advance(c)));
    }
    CHECK(!back.has(U'中'));
    CHECK(subset.bytes.size() < 20000);  // six glyphs of a 20 MB font
    // no hinting programs
    const std::string bytes(subset.bytes.begin(), subset.bytes.end());
    CHECK(bytes.find("fpgm") == std::string::npos);
    CHECK(bytes.find("prep") == std::string::npos);
}

TEST_CASE("characters fall back to the next font that has them; none for 𪚥 or U+E000", "[render][fonts]") {
    CHECK(fonts().face_for(Role::Body, U'中')->family == "AR PL UMing CN");
    CHECK(fonts().face_for(Role::Body, 0x2A6A5) == nullptr);  // outside the BMP: PoDoFo would draw boxes
    CHECK(fonts().face_for(Role::Body, 0xE000) == nullptr);
    CHECK(fonts().face_for(Role::Title, 0xE000) == nullptr);
    // a character the role's font lacks comes from the next font of the chain
    const FontFace* title = fonts().chain(Role::Title).front();
    char32_t missing = 0;
    for (char32_t c = 0x2000; c < 0xFFFF && !missing; ++c)
        if (!title->sfnt->has(c) && fonts().face_for(Role::Title, c)) missing = c;
    REQUIRE(missing != 0);
    CHECK(fonts().face_for(Role::Title, missing) != title);
}

TEST_CASE("body lines hold 28 characters and no line starts with closing punctuation", "[render][layout]") {
    Shaper shaper(fonts(), "t.pdf");
    // 28 characters, then a comma that must not start the next line
    const std::string s = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八，九十。结束";
    const auto lines = break_lines(shaper.shape(Text(s), Role::Body, 16, kTracking), kTextWidth, kTextWidth);
    REQUIRE(lines.size() == 2);
    CHECK(str(lines[0]) == "一二三四五六七八九十一二三四五六七八九十一二三四五六七");
    CHECK(str(lines[1]) == "八，九十。结束");
    // exactly 28 characters fill a line
    const auto full = break_lines(shaper.shape(Text(std::string("二十八字") + "一二三四五六七八九十一二三四五六七八九十一二三四"), Role::Body, 16, kTracking),
                                  kTextWidth, kTextWidth);
    CHECK(full.size() == 1);
    // an opening bracket never ends a line: 27 characters then （
    const auto open = break_lines(shaper.shape(Text("一二三四五六七八九十一二三四五六七八九十一二三四五六七（八）"), Role::Body, 16, kTracking),
                                  kTextWidth, kTextWidth);
    REQUIRE(open.size() == 2);
    CHECK(str(open[1]).rfind("（", 0) == 0);
    CHECK(shaper.problems().empty());
}

TEST_CASE("Latin words, codes and numbers are never split", "[render][layout]") {
    Shaper shaper(fonts(), "t.pdf");
    for (const std::string word : {"91411002MA44XXXXXX", "0374-2961234", "GB/T 19580", "2026"}) {
        INFO(word);
        for (int pad = 18; pad <= 27; ++pad) {
            std::string s;
            for (int i = 0; i < pad; ++i) s += "字";
            const auto lines = break_lines(shaper.shape(Text(s + word + "的要求"), Role::Body, 16, kTracking), kTextWidth, kTextWidth);
            bool whole = false;
            for (const auto& l : lines) whole = whole || str(l).find(word) != std::string::npos;
            CHECK(whole);
        }
    }
    // longer than a line: split, nothing lost
    std::string longword(60, 'A');
    const auto lines = break_lines(shaper.shape(Text(longword), Role::Body, 16), kTextWidth, kTextWidth);
    CHECK(lines.size() >= 2);
    std::string joined;
    for (const auto& l : lines) joined += str(l);
    CHECK(joined == longword);
}

TEST_CASE("justified lines fill the measure; the last line of a paragraph is not stretched", "[render][layout]") {
    Shaper shaper(fonts(), "t.pdf");
    const std::string s = "经初审，许昌瑞达电气有限公司等10家申报组织列入受理名单，现予以公示，接受社会监督。公示期内如有异议，请以书面形式提出。";
    const auto lines = break_lines(shaper.shape(Text(s), Role::Body, 16, kTracking), kTextWidth, kTextWidth);
    REQUIRE(lines.size() >= 2);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        const LineBox box = place(lines[i], kTextWidth, Align::Justify, last);
        const double right = box.x.back() + box.glyphs.back().advance;
        if (last) CHECK(right == Approx(width_of(lines[i])));
        else CHECK(right == Approx(kTextWidth).margin(0.01));
        // inside "10" no space is added
        for (std::size_t k = 1; k < box.glyphs.size(); ++k)
            if (box.glyphs[k - 1].cp == U'1' && box.glyphs[k].cp == U'0')
                CHECK(box.x[k] - box.x[k - 1] == Approx(box.glyphs[k - 1].advance));
    }
}

TEST_CASE("titles break into balanced lines, never inside the award's name", "[render][layout]") {
    Shaper shaper(fonts(), "t.pdf");
    Text title = Text("关于2026年度").add("魏都区区长质量奖", {"weidu.json", "", "award_title"}).add("受理名单的公示");
    const auto lines = break_balanced(shaper.shape(title, Role::Title, 22), kTextWidth);
    REQUIRE(lines.size() == 2);
    CHECK(str(lines[0]) == "关于2026年度魏都区区长质量奖");
    CHECK(str(lines[1]) == "受理名单的公示");
    // a title that fits stays on one line
    CHECK(break_balanced(shaper.shape(Text("不予受理通知书"), Role::Title, 22), kTextWidth).size() == 1);
}
