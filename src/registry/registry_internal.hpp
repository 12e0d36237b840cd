// Helpers shared by the registry's source files; not for use outside src/registry.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "registry/registry.hpp"
#include "registry/sqlite.hpp"

namespace award::registry_detail {

struct Column {
    std::string name;
    sqlite::Value value;
};

sqlite::Value text_or_null(const std::string& s);
sqlite::Value date_or_null(const std::optional<Date>& d);

// A date column as stored (YYYY-MM-DD); RegistryError naming `what` when it is not one.
Date date_column(const sqlite::Database& db, const sqlite::Statement& s, int column, const std::string& what);
std::optional<Date> optional_date_column(const sqlite::Database& db, const sqlite::Statement& s, int column,
                                         const std::string& what);

// The row of `table` with these key values: inserted when missing, updated (the old row
// kept in history by the schema's triggers) when any of `rest` differs, left alone
// when equal. `purpose` names the record for error messages, in Chinese.
Recorded upsert(sqlite::Database& db, const std::string& table, const std::vector<Column>& key,
                const std::vector<Column>& rest, const std::string& purpose);

}  // namespace award::registry_detail
