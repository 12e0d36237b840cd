// The registry's schema: its identity (PRAGMA application_id), its version (PRAGMA
// user_version) and the ordered migrations that bring a file up to date.
#pragma once
#include <string>
#include <vector>

#include "registry/sqlite.hpp"

namespace award::registry_schema {

// 'AWRD': marks an SQLite file as this program's registry.
inline constexpr long long kApplicationId = 0x41575244;

struct Migration {
    int version;              // user_version once applied
    std::string description;  // Chinese, for messages
    std::string sql;
};

// In order; migration n takes a file from version n-1 to n. Never edit one that has
// shipped: add the next.
const std::vector<Migration>& migrations();
int latest_version();

// Checks the open file is a registry this program can use and migrates it to the
// latest version in one transaction. A new, empty file becomes a registry. Throws
// RegistryRefused for an SQLite file of another program, a registry of a newer
// program version, or a file that is not SQLite at all.
void prepare(sqlite::Database& db);

}  // namespace award::registry_schema
