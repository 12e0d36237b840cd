#include "registry/sqlite.hpp"

#include <csignal>
#include <cstdlib>
#include <system_error>

#include <sqlite3.h>

namespace award::sqlite {

namespace fs = std::filesystem;

namespace {

std::string where(const fs::path& file) { return "登记库 " + file.string(); }

// For the test that the registry survives a kill in the middle of a write (issue 6):
// AWARD_TEST_KILL_AFTER_WRITES=N makes the process kill itself with SIGKILL right after
// its N-th write statement, as a power cut or `kill -9` would: no destructor, no
// rollback, the journal left behind. Read once; unset in normal use.
void count_write_for_kill_test() {
    static const long long kill_after = [] {
        const char* v = std::getenv("AWARD_TEST_KILL_AFTER_WRITES");
        return v && *v ? std::atoll(v) : 0LL;
    }();
    static long long writes = 0;
    if (kill_after > 0 && ++writes == kill_after) std::raise(SIGKILL);
}

}  // namespace

Database::Database(const fs::path& file, Open mode) : path_(file) {
    std::error_code ec;
    const bool exists = fs::exists(file, ec);
    if (exists && fs::is_directory(file, ec))
        throw RegistryRefused(where(file) + " 是文件夹，应为登记库文件（如 " + (file / "registry.sqlite").string() + "）");
    if (!exists) {
        if (mode == Open::MustExist)
            throw RegistryRefused(where(file) + " 不存在（用 award registry import 导入往年记录时会新建；或用 --registry 指定已有的登记库）");
        if (file.has_parent_path()) {
            fs::create_directories(file.parent_path(), ec);
            if (ec)
                throw RegistryError(where(file) + "：无法建立所在文件夹 " + file.parent_path().string() + "：" + ec.message());
        }
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE;
    if (mode == Open::CreateIfMissing) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw RegistryError(where(file) + "：打开失败：" + message + "（SQLite 错误码 " + std::to_string(rc) + "）", rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another program holding the write lock (a second run at the same time) is waited
    // for, up to 10 s, rather than failing at once.
    sqlite3_busy_timeout(db_, 10000);
    try {
        exec("PRAGMA foreign_keys = ON", "启用外键约束");
        // The office backs up one file. A rollback journal (DELETE) keeps every committed
        // change in the database file itself; the journal exists only while a write is
        // under way and is gone after it. WAL would keep committed changes in a separate
        // -wal file until a checkpoint, so copying the .sqlite file alone could miss them.
        exec("PRAGMA journal_mode = DELETE", "设置日志模式（回滚日志，所有记录都在同一个文件中）");
        exec("PRAGMA synchronous = FULL", "设置写入方式（每次提交都写到磁盘）");
        if (scalar("PRAGMA foreign_keys", "检查外键约束是否启用") != 1)
            throw RegistryError(where(file) + "：本机的 SQLite 不支持外键约束，无法保证登记库记录一致");
    } catch (...) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int rc, const std::string& purpose) const {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_NOTADB)
        throw RegistryRefused(where(path_) + " 不是 SQLite 数据库文件，不是本程序的登记库（" + message +
                                  "）；请检查 --registry 或 $AWARD_REGISTRY 所指的文件",
                              rc);
    throw RegistryError(where(path_) + "：" + purpose + "失败：" + message + "（SQLite 错误码 " + std::to_string(rc) + "）",
                        rc);
}

void Database::exec(const std::string& sql, const std::string& purpose) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);  // sqlite3_errmsg() still has the message
    if (rc != SQLITE_OK) fail(rc, purpose);
}

Statement Database::prepare(const std::string& sql, const std::string& purpose) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.c_str(), int(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, purpose);
    return Statement(*this, stmt, purpose);
}

long long Database::scalar(const std::string& sql, const std::string& purpose) {
    Statement s = prepare(sql, purpose);
    if (!s.step()) throw RegistryError(where(path_) + "：" + purpose + "失败：查询没有结果");
    return s.integer(0);
}

long long Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), purpose_(std::move(other.purpose_)) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, const Value& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(value)) {
        rc = sqlite3_bind_null(stmt_, index);
    } else if (const auto* n = std::get_if<long long>(&value)) {
        rc = sqlite3_bind_int64(stmt_, index, *n);
    } else {
        const auto& s = std::get<std::string>(value);
        rc = sqlite3_bind_text(stmt_, index, s.data(), int(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) db_->fail(rc, purpose_ + "（参数 " + std::to_string(index) + "）");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Leave the statement reusable (and its locks released) before reporting.
    sqlite3_reset(stmt_);
    db_->fail(rc, purpose_);
}

void Statement::run() {
    while (step()) {
    }
    if (!sqlite3_stmt_readonly(stmt_)) count_write_for_kill_test();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return "";
    return std::string(p, std::size_t(sqlite3_column_bytes(stmt_, column)));
}

std::optional<long long> Statement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

Value Statement::value(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_NULL: return Value();
    case SQLITE_INTEGER: return Value(integer(column));
    default: return Value(text(column));
    }
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE", "开始事务（取得写锁）"); }

Transaction::~Transaction() {
    if (!open_) return;
    // Never throws: a failed rollback (the connection already rolled back, e.g. after
    // SQLITE_FULL) leaves nothing to undo.
    try {
        db_.exec("ROLLBACK", "撤销事务");
    } catch (...) {
    }
}

void Transaction::commit() {
    db_.exec("COMMIT", "提交事务");
    open_ = false;
}

}  // namespace award::sqlite
