// `award registry import` and `award registry export` as the office runs them: the
// registry found through $AWARD_REGISTRY or --registry (never the user's home in tests),
// bad input refused with every problem and nothing left behind.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace e2e;

namespace {

// `award ARGS` with $AWARD_REGISTRY set to `registry` and HOME pointed into the test's
// folder, so nothing can reach the real home.
Ran run_with_registry(const fs::path& registry, const fs::path& home, const std::vector<std::string>& args) {
    std::string cmd = "env -u XDG_DATA_HOME -u AWARD_REGISTRY -u AWARD_OFFICE_KEY HOME=" + quote(home.string()) +
                      (registry.empty() ? std::string() : " AWARD_REGISTRY=" + quote(registry.string())) + " " +
                      quote(AWARD_BINARY) + " --data-dir " + quote(AWARD_SOURCE_DIR);
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

const char* kHistory = R"({"cycles": [
  {"pack": "weidu", "year": 2024, "awards": [
    {"credit_code": "91411002175206385X", "name": "许昌恒远电力装备有限公司", "award": "区长质量提名奖",
     "awarded_on": "2024-12-20", "prize_yuan": 30000, "certificate": {"number": "WD2024T001"}}]}]})";

}  // namespace

TEST_CASE("award registry import creates the registry named by AWARD_REGISTRY, a second import changes nothing, export prints it") {
    TempDir tmp;
    const fs::path registry = tmp.path() / "data" / "registry.sqlite";
    const fs::path history = tmp.path() / "history.json";
    write_file(history, kHistory);
    Ran first = run_with_registry(registry, tmp.path(), {"registry", "import", history.string()});
    INFO(first.out + first.err);
    CHECK(first.status == 0);
    CHECK(first.out.find("已新建登记库 " + registry.string()) != std::string::npos);
    CHECK(first.out.find("新增 3 条") != std::string::npos);
    CHECK(fs::is_regular_file(registry));

    Ran again = run_with_registry(registry, tmp.path(), {"registry", "import", history.string()});
    CHECK(again.status == 0);
    CHECK(again.out.find("新增 0 条，更新 0 条，未变 3 条") != std::string::npos);

    Ran out = run_with_registry(registry, tmp.path(), {"registry", "export"});
    CHECK(out.status == 0);
    const auto doc = nlohmann::json::parse(out.out);
    CHECK(doc["cycles"][0]["awards"][0]["certificate"]["number"] == "WD2024T001");

    // --out writes the same document to a file; --registry overrides the environment.
    const fs::path file = tmp.path() / "export.json";
    Ran to_file = run_with_registry("", tmp.path(), {"registry", "export", "--registry", registry.string(), "--out", file.string()});
    CHECK(to_file.status == 0);
    CHECK(read_file(file) == out.out);
    CHECK_FALSE(fs::exists(tmp.path() / ".local"));
}

TEST_CASE("award registry import of a bad file exits 2 with every problem and leaves no registry behind") {
    TempDir tmp;
    const fs::path registry = tmp.path() / "registry.sqlite";
    const fs::path history = tmp.path() / "history.json";
    write_file(history, R"({"cycles": [{"pack": "weidu", "year": "2024年"}], "higher_award": []})");
    Ran r = run_with_registry(registry, tmp.path(), {"registry", "import", history.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("共 2 处") != std::string::npos);
    CHECK(r.err.find(history.string() + ": /cycles/0: 字段 year：值 \"2024年\"") != std::string::npos);
    CHECK(r.err.find("字段 higher_award") != std::string::npos);
    CHECK_FALSE(fs::exists(registry));
}

TEST_CASE("award registry refuses a file that is not a registry, names it and leaves it alone") {
    TempDir tmp;
    const fs::path notes = tmp.path() / "notes.txt";
    write_file(notes, "会议纪要\n");
    Ran r = run_with_registry(notes, tmp.path(), {"registry", "export"});
    CHECK(r.status == 2);
    CHECK(r.err.find(notes.string()) != std::string::npos);
    CHECK(r.err.find("不是 SQLite 数据库文件") != std::string::npos);
    CHECK(read_file(notes) == "会议纪要\n");
    // Without AWARD_REGISTRY the default is under HOME (here the test's folder); export
    // needs an existing registry and creates nothing.
    Ran none = run_with_registry("", tmp.path(), {"registry", "export"});
    CHECK(none.status == 2);
    CHECK(none.err.find((tmp.path() / ".local/share/award/registry.sqlite").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / ".local"));
}

TEST_CASE("award --help names the registry command and where the registry is by default") {
    Ran h = run_award({"--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("registry") != std::string::npos);
    CHECK(h.out.find("$AWARD_REGISTRY") != std::string::npos);
    CHECK(h.out.find("~/.local/share/award/registry.sqlite") != std::string::npos);
}
