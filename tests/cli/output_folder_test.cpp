#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "cli/output_folder.hpp"
#include "common/temp_dir.hpp"

namespace fs = std::filesystem;
using award::sanitize_file_name;
using award::StagedOutput;
using award::test::TempDir;

namespace {



void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("file names made from user text cannot escape the folder or hide") {
    CHECK(sanitize_file_name("许昌瑞达电气有限公司") == "许昌瑞达电气有限公司");
    CHECK(sanitize_file_name("../../etc/passwd") == "_.._etc_passwd");
    CHECK(sanitize_file_name("A/B\\C:D*E?F\"G<H>I|J") == "A_B_C_D_E_F_G_H_I_J");
    CHECK(sanitize_file_name("..") == "未命名");
    CHECK(sanitize_file_name("") == "未命名");
    CHECK(sanitize_file_name(".hidden") == "hidden");
    CHECK(sanitize_file_name("tab\there\n") == "tab_here_");
    // Long names are cut on a character boundary, at most 200 bytes; a 40-character
    // organisation name stays whole.
    std::string longname;
    for (int i = 0; i < 40; ++i) longname += "长";
    CHECK(sanitize_file_name(longname) == longname);
    for (int i = 0; i < 40; ++i) longname += "长";
    const std::string cut = sanitize_file_name(longname);
    CHECK(cut.size() == 198);
    CHECK(cut.size() % 3 == 0);
}

TEST_CASE("staged output: created, then unchanged on an identical rerun, then kept on a changed one") {
    TempDir tmp;
    {
        StagedOutput out(tmp.path(), "case-1");
        write(out.reserve("a.txt"), "one");
        write(out.reserve(fs::path("sub") / "b.txt"), "two");
        auto done = out.commit("case-1", "weidu");
        CHECK(done.result == StagedOutput::Result::Created);
        CHECK(done.files.size() == 2);
    }
    CHECK(read(tmp.path() / "case-1" / "sub" / "b.txt") == "two");
    CHECK(read(tmp.path() / "case-1" / "manifest.json").find("\"sha256\"") != std::string::npos);
    {
        StagedOutput out(tmp.path(), "case-1");
        write(out.reserve("a.txt"), "one");
        write(out.reserve(fs::path("sub") / "b.txt"), "two");
        CHECK(out.commit("case-1", "weidu").result == StagedOutput::Result::Unchanged);
    }
    CHECK_FALSE(fs::exists(tmp.path() / "case-1.previous-1"));
    {
        StagedOutput out(tmp.path(), "case-1");
        write(out.reserve("a.txt"), "changed");
        auto done = out.commit("case-1", "weidu");
        CHECK(done.result == StagedOutput::Result::Replaced);
        CHECK(done.previous == tmp.path() / "case-1.previous-1");
    }
    CHECK(read(tmp.path() / "case-1.previous-1" / "a.txt") == "one");
    CHECK(read(tmp.path() / "case-1" / "a.txt") == "changed");
    // Only the two folders: no staging left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 2);
}

TEST_CASE("staged output: an abandoned run leaves nothing; two files of the same name both survive") {
    TempDir tmp;
    {
        StagedOutput out(tmp.path() / "new" / "out", "case-2");
        write(out.reserve("x.pdf"), "partial");
    }  // no commit: e.g. a font error half-way
    // Not even the output folders it had to create.
    CHECK_FALSE(fs::exists(tmp.path() / "new"));
    {
        StagedOutput out(tmp.path(), "case-2");
        write(out.reserve("x.pdf"), "partial");
    }
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 0);

    StagedOutput out(tmp.path(), "case-2");
    const fs::path first = out.reserve(fs::path("letters") / "同名.pdf");
    const fs::path second = out.reserve(fs::path("letters") / "同名.pdf");
    CHECK(first != second);
    CHECK(second.filename() == "同名（2）.pdf");
}
