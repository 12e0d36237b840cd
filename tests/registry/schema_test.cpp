// Opening a registry: creation, migration, reopening, and refusing files that are not
// registries this program can use (registry/schema.hpp).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "registry/registry_path.hpp"
#include "registry/schema.hpp"
#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;

namespace {

long long pragma(const fs::path& file, const std::string& name) {
    sqlite::Database db(file, sqlite::Database::Open::MustExist);
    return db.scalar("PRAGMA " + name, "test");
}

std::string file_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The message of the RegistryRefused that opening `file` throws ("" when it opens).
std::string refusal(const fs::path& file, Registry::Open mode = Registry::Open::CreateIfMissing) {
    try {
        Registry r(file, mode);
    } catch (const RegistryRefused& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a new registry is created with its folder, marked with the application id and the latest schema version") {
    TempDir tmp;
    const fs::path file = tmp.path() / "office" / "data" / "registry.sqlite";
    {
        Registry r(file);
        CHECK(r.schema_version() == registry_schema::latest_version());
        r.record_cycle(weidu_cycle(2024));
    }
    REQUIRE(fs::is_regular_file(file));
    CHECK(pragma(file, "application_id") == registry_schema::kApplicationId);
    CHECK(pragma(file, "user_version") == registry_schema::latest_version());
    // Rollback journal, not WAL: the header's read/write format bytes (offsets 18, 19) are
    // 1 (2 would be WAL), and once the program is done the one file holds everything.
    const std::string header = file_text(file).substr(0, 20);
    CHECK(header.substr(0, 16) == std::string("SQLite format 3\0", 16));
    CHECK(int(header[18]) == 1);
    CHECK(int(header[19]) == 1);
    CHECK_FALSE(fs::exists(file.string() + "-wal"));
    CHECK_FALSE(fs::exists(file.string() + "-journal"));
    sqlite::Database db(file, sqlite::Database::Open::MustExist);
    CHECK(db.scalar("PRAGMA foreign_keys", "test") == 1);
}

TEST_CASE("reopening a registry keeps its records and does not migrate again") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    {
        Registry r(file);
        r.record_cycle(weidu_cycle(2024));
        r.record_award(weidu_award(2024, kHengyuan, "许昌恒远电力装备有限公司"));
    }
    Registry again(file, Registry::Open::MustExist);
    CHECK(again.schema_version() == registry_schema::latest_version());
    auto award = again.find_award("weidu", 2024, kHengyuan, "区长质量提名奖");
    REQUIRE(award);
    CHECK(award->name == "许昌恒远电力装备有限公司");
    CHECK(award->prize_yuan == 30000);
    CHECK(again.history_size() == 0);
}

TEST_CASE("a registry of an older schema version (our mark, version 0) is migrated on open") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    {
        // Our mark, version 0: as a program before the first migration would have left it.
        sqlite::Database db(file, sqlite::Database::Open::CreateIfMissing);
        db.exec("PRAGMA application_id = " + std::to_string(registry_schema::kApplicationId), "test");
    }
    Registry r(file);
    CHECK(r.schema_version() == registry_schema::latest_version());
    r.record_cycle(weidu_cycle(2025));
    CHECK(r.find_cycle("weidu", 2025));
}

TEST_CASE("a missing registry is refused, not created, when it must exist") {
    TempDir tmp;
    const fs::path file = tmp.path() / "nowhere" / "registry.sqlite";
    const std::string why = refusal(file, Registry::Open::MustExist);
    CHECK(contains(why, file.string()));
    CHECK(contains(why, "不存在"));
    CHECK_FALSE(fs::exists(file.parent_path()));
}

TEST_CASE("a plain text file is refused as not SQLite, naming the path, and left unchanged") {
    TempDir tmp;
    const fs::path file = tmp.write("registry.sqlite", "这是一份获奖名单，不是数据库。\n");
    const std::string why = refusal(file);
    CHECK(contains(why, file.string()));
    CHECK(contains(why, "不是 SQLite 数据库文件"));
    CHECK(file_text(file) == "这是一份获奖名单，不是数据库。\n");
}

TEST_CASE("an SQLite database of another program is refused naming the path, and left unchanged") {
    TempDir tmp;
    SECTION("no application id, but tables of its own") {
        const fs::path file = tmp.path() / "contacts.sqlite";
        {
            sqlite::Database db(file, sqlite::Database::Open::CreateIfMissing);
            db.exec("CREATE TABLE contacts (name TEXT)", "test");
        }
        const std::string why = refusal(file);
        CHECK(contains(why, file.string()));
        CHECK(contains(why, "其他程序的 SQLite 数据库"));
        CHECK(pragma(file, "user_version") == 0);
        CHECK(pragma(file, "application_id") == 0);
    }
    SECTION("another program's application id, even when empty") {
        const fs::path file = tmp.path() / "other.sqlite";
        {
            sqlite::Database db(file, sqlite::Database::Open::CreateIfMissing);
            db.exec("PRAGMA application_id = 1234", "test");
        }
        const std::string why = refusal(file);
        CHECK(contains(why, file.string()));
        CHECK(contains(why, "1234"));
        CHECK(pragma(file, "application_id") == 1234);
    }
}

TEST_CASE("a registry from a newer program version is refused with the versions, and left unchanged") {
    TempDir tmp;
    const fs::path file = tmp.path() / "registry.sqlite";
    { Registry r(file); }
    const int future = registry_schema::latest_version() + 1;
    {
        sqlite::Database db(file, sqlite::Database::Open::MustExist);
        db.exec("PRAGMA user_version = " + std::to_string(future), "test");
    }
    const std::string why = refusal(file);
    CHECK(contains(why, file.string()));
    CHECK(contains(why, "更新版本"));
    CHECK(contains(why, "结构版本 " + std::to_string(future)));
    CHECK(pragma(file, "user_version") == future);
}

TEST_CASE("a folder given as the registry is refused") {
    TempDir tmp;
    const std::string why = refusal(tmp.path());
    CHECK(contains(why, tmp.path().string()));
    CHECK(contains(why, "是文件夹"));
}

TEST_CASE("the default registry path: AWARD_REGISTRY, else XDG_DATA_HOME, else ~/.local/share") {
    std::map<std::string, std::string> env;
    auto getenv = [&](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    env["HOME"] = "/home/clerk";
    CHECK(default_registry_path(getenv) == fs::path("/home/clerk/.local/share/award/registry.sqlite"));
    env["XDG_DATA_HOME"] = "relative/data";  // not absolute: ignored, as the XDG specification asks
    CHECK(default_registry_path(getenv) == fs::path("/home/clerk/.local/share/award/registry.sqlite"));
    env["XDG_DATA_HOME"] = "/srv/data";
    CHECK(default_registry_path(getenv) == fs::path("/srv/data/award/registry.sqlite"));
    env["AWARD_REGISTRY"] = "/backup/魏都区登记库.sqlite";
    CHECK(default_registry_path(getenv) == fs::path("/backup/魏都区登记库.sqlite"));
    env.clear();
    CHECK_THROWS_AS(default_registry_path(getenv), RegistryRefused);
}
