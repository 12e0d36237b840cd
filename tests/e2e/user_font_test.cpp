// End-to-end: an office that owns a licensed title font (方正小标宋) drops the file
// into fonts/ under one of the names fonts.json lists, and the next run sets the
// notice's title and 版头 in it. LXGW WenKai stands in for the licensed file.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace e2e;

TEST_CASE("a font file dropped into fonts/ under a listed name takes its role in the next run") {
    TempDir tmp;
    const fs::path data = tmp.path() / "data";
    const fs::path source = sample_dir().parent_path().parent_path();
    fs::create_directories(data);
    fs::copy(source / "templates", data / "templates", fs::copy_options::recursive);
    fs::copy(source / "fonts", data / "fonts", fs::copy_options::recursive);
    fs::copy_file("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", data / "fonts" / "FZXBSJW.ttf");

    const fs::path out = tmp.path() / "out";
    const Ran r = run(quote(AWARD_BINARY) + " --data-dir " + quote(data.string()) + " run " + quote(sample_dir().string()) +
                      " --out " + quote(out.string()));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const Ran fonts = run("pdffonts " + quote((out / "weidu-2026" / "受理名单公示.pdf").string()));
    CHECK(fonts.out.find("+LXGWWenKai") != std::string::npos);          // the title role's new font
    // A letter has no table (whose header is 黑体, also WenQuanYi): the stand-in is gone.
    const Ran letter = run("pdffonts " + quote((out / "weidu-2026" / "不予受理通知书" / "许昌宏基建设工程有限公司.pdf").string()));
    CHECK(letter.out.find("+LXGWWenKai") != std::string::npos);
    CHECK(letter.out.find("+WenQuanYiMicroHei") == std::string::npos);
    const Ran cert = run("pdffonts " + quote((out / "weidu-2026" / "证书" / "许昌金桥食品有限公司.pdf").string()));
    CHECK(cert.out.find("+LXGWWenKai") != std::string::npos);           // 荣誉证书 is set in the title role
}
