// A thin RAII wrapper over the SQLite C API, for the registry only. Every failure is
// thrown as RegistryError naming the database file, what the statement was for and
// SQLite's own message, so nothing is ever reported as a bare "constraint failed".
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace award {

// A registry operation failed (I/O, a constraint, a locked file): exit status 1.
class RegistryError : public std::runtime_error {
public:
    RegistryError(const std::string& message, int sqlite_code = 0)
        : std::runtime_error(message), code_(sqlite_code) {}
    int sqlite_code() const { return code_; }  // extended result code, 0 when not from SQLite

private:
    int code_;
};

// The file given is not a registry this program can use (not SQLite, another
// program's database, a newer schema, a folder): fixable by the user, exit status 2.
class RegistryRefused : public RegistryError {
public:
    using RegistryError::RegistryError;
};

namespace sqlite {

// A column or parameter value: NULL, an integer or text (the registry stores nothing else).
using Value = std::variant<std::monostate, long long, std::string>;

class Statement;

class Database {
public:
    enum class Open { CreateIfMissing, MustExist };
    // Opens (or creates) the file; foreign keys on, rollback journal (see database.cpp).
    Database(const std::filesystem::path& file, Open mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Runs one or more statements without results. `purpose` says what for, in Chinese.
    void exec(const std::string& sql, const std::string& purpose);
    Statement prepare(const std::string& sql, const std::string& purpose);
    // A query's single integer result (e.g. PRAGMA user_version).
    long long scalar(const std::string& sql, const std::string& purpose);
    long long last_insert_id() const;

    // Throws RegistryError for the result code `rc` with this database's message.
    [[noreturn]] void fail(int rc, const std::string& purpose) const;

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Parameters count from 1, as in SQL (?1, ?2, …).
    Statement& bind(int index, const Value& value);
    Statement& bind(int index, long long value) { return bind(index, Value(value)); }
    Statement& bind(int index, int value) { return bind(index, Value(static_cast<long long>(value))); }
    Statement& bind(int index, const std::string& value) { return bind(index, Value(value)); }
    Statement& bind(int index, const char* value) { return bind(index, Value(std::string(value))); }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, Value());
    }

    // Advances: true when a row is available, false when done. Throws on error.
    bool step();
    // Runs a statement that returns no rows (INSERT, UPDATE, DDL).
    void run();
    void reset();  // ready to bind and step again (bindings cleared)

    bool is_null(int column) const;
    long long integer(int column) const;
    std::string text(int column) const;  // "" for NULL
    std::optional<long long> optional_integer(int column) const;
    std::optional<std::string> optional_text(int column) const;
    Value value(int column) const;

private:
    friend class Database;
    Statement(const Database& db, sqlite3_stmt* stmt, std::string purpose)
        : db_(&db), stmt_(stmt), purpose_(std::move(purpose)) {}
    const Database* db_;
    sqlite3_stmt* stmt_;
    std::string purpose_;
};

// BEGIN IMMEDIATE (the write lock is taken at once, so two programs writing the same
// registry wait for each other instead of failing half-way); rolled back when
// destroyed without commit(), as when an exception leaves the scope.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace sqlite
}  // namespace award
