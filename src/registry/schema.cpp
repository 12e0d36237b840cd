#include "registry/schema.hpp"

#include <utility>

namespace award::registry_schema {

namespace {

// An ISO date (YYYY-MM-DD) in a TEXT column; the program writes only real days.
std::string date_check(const std::string& column, bool nullable) {
    const std::string glob = column + " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
    return "CHECK (" + (nullable ? column + " IS NULL OR " : std::string()) + glob + ")";
}

// A SHA-256 as 64 lowercase hex digits, or NULL.
std::string hash_check(const std::string& column) {
    return "CHECK (" + column + " IS NULL OR (length(" + column + ") = 64 AND " + column +
           " NOT GLOB '*[^0-9a-f]*'))";
}

// Every change to a row of `table` keeps the row as it was in `history` (as a JSON
// object of `columns`), so a record is superseded, never lost.
std::string history_triggers(const std::string& table, const std::vector<std::string>& columns) {
    std::string row = "json_object('id', OLD.id";
    for (const auto& c : columns) row += ", '" + c + "', OLD." + c;
    row += ")";
    std::string sql;
    for (const std::string op : {"update", "delete"}) {
        sql += "CREATE TRIGGER " + table + "_keep_on_" + op + " AFTER " + (op == "update" ? "UPDATE" : "DELETE") +
               " ON " + table + " BEGIN\n  INSERT INTO history (table_name, row_id, operation, old_row, superseded_at)\n"
               "  VALUES ('" + table + "', OLD.id, '" + op + "', " + row +
               ", strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));\nEND;\n";
    }
    return sql;
}

std::string version_1() {
    std::string sql = R"(
-- 评选周期: one cycle of one policy pack (jurisdiction) and year.
CREATE TABLE cycles (
  id INTEGER PRIMARY KEY,
  pack TEXT NOT NULL,                 -- policy pack id, e.g. 'weidu'
  year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
  case_id TEXT,                       -- the case folder's name, when run by the program
  run_on TEXT )" + date_check("run_on", true) + R"(,
  content_hash TEXT )" + hash_check("content_hash") + R"(,  -- SHA-256 of the case as run
  UNIQUE (pack, year)
) STRICT;

-- 申报: one application of a cycle and what became of it.
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES cycles (id),
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  award TEXT NOT NULL,                -- the award applied for
  outcome TEXT NOT NULL CHECK (outcome IN ('rejected', 'accepted', 'not_awarded', 'removed', 'awarded')),
  reasons TEXT,                       -- as the letters give them
  articles TEXT,                      -- e.g. '第九条、第十四条'
  UNIQUE (cycle_id, credit_code)
) STRICT;

-- 获奖: one award granted (表彰决定).
CREATE TABLE awards (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES cycles (id),
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,                 -- the holder's name when awarded
  award TEXT NOT NULL,                -- the award's name in the pack
  awarded_on TEXT NOT NULL )" + date_check("awarded_on", false) + R"(,
  repeat INTEGER NOT NULL CHECK (repeat IN (0, 1)),      -- 再次获奖: outside the quota
  prize_yuan INTEGER NOT NULL CHECK (prize_yuan >= 0),   -- 奖金, whole 元
  UNIQUE (cycle_id, credit_code, award)
) STRICT;
CREATE INDEX awards_by_holder ON awards (credit_code);

-- 证书: a number is never reused; a certificate is never deleted nor renumbered.
CREATE TABLE certificates (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  award_id INTEGER NOT NULL UNIQUE REFERENCES awards (id),  -- holder, award, year through the award
  issued_on TEXT )" + date_check("issued_on", true) + R"(,
  content_hash TEXT )" + hash_check("content_hash") + R"(
) STRICT;
CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates BEGIN
  SELECT RAISE(ABORT, 'certificates are never deleted: their numbers are never reused');
END;
CREATE TRIGGER certificates_never_renumbered BEFORE UPDATE OF number, award_id ON certificates
WHEN NEW.number IS NOT OLD.number OR NEW.award_id IS NOT OLD.award_id BEGIN
  SELECT RAISE(ABORT, 'a certificate keeps its number and its award');
END;
CREATE TRIGGER certificates_hash_kept BEFORE UPDATE OF content_hash ON certificates
WHEN OLD.content_hash IS NOT NULL AND NEW.content_hash IS NOT OLD.content_hash BEGIN
  SELECT RAISE(ABORT, 'a certificate keeps the content hash it was issued with');
END;

-- 撤销: at most one per award.
CREATE TABLE revocations (
  id INTEGER PRIMARY KEY,
  award_id INTEGER NOT NULL UNIQUE REFERENCES awards (id),
  revoked_on TEXT NOT NULL )" + date_check("revoked_on", false) + R"(,
  article TEXT NOT NULL,
  reason TEXT,                        -- e.g. '弄虚作假'
  ban_years INTEGER CHECK (ban_years IS NULL OR ban_years >= 0)  -- years barred from applying
) STRICT;

-- 获奖后的义务 of one award, e.g. a yearly report for 3 years.
CREATE TABLE obligations (
  id INTEGER PRIMARY KEY,
  award_id INTEGER NOT NULL REFERENCES awards (id),
  obligation TEXT NOT NULL,           -- the pack's obligation id, e.g. 'yearly-report'
  article TEXT NOT NULL,
  first_year INTEGER NOT NULL,        -- the first year it is due for
  years INTEGER NOT NULL CHECK (years >= 0),  -- how many years (0: not limited)
  due TEXT CHECK (due IS NULL OR due GLOB '[0-1][0-9]-[0-3][0-9]'),  -- MM-DD each year
  UNIQUE (award_id, obligation)
) STRICT;

-- 报告: one year's report received for an obligation.
CREATE TABLE reports_received (
  id INTEGER PRIMARY KEY,
  obligation_id INTEGER NOT NULL REFERENCES obligations (id),
  year INTEGER NOT NULL,
  received_on TEXT NOT NULL )" + date_check("received_on", false) + R"(,
  content_hash TEXT )" + hash_check("content_hash") + R"(,
  UNIQUE (obligation_id, year)
) STRICT;

-- 更高级别的奖项 a holder won later (本溪市 第二十五条: 中国质量奖, 省长质量奖 → 追加激励资金).
CREATE TABLE higher_awards (
  id INTEGER PRIMARY KEY,
  pack TEXT NOT NULL,                 -- the jurisdiction that pays the bonus
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  award TEXT NOT NULL,                -- e.g. '中国质量奖', '辽宁省省长质量奖'
  awarded_on TEXT NOT NULL )" + date_check("awarded_on", false) + R"(,
  bonus_yuan INTEGER CHECK (bonus_yuan IS NULL OR bonus_yuan >= 0),
  article TEXT,
  UNIQUE (pack, credit_code, award, awarded_on)
) STRICT;

-- Every row as it was before a change or deletion; never itself changed.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('update', 'delete')),
  old_row TEXT NOT NULL,              -- JSON object of the old row
  superseded_at TEXT NOT NULL         -- UTC, e.g. '2027-01-05T08:30:00Z'
) STRICT;
CREATE INDEX history_by_row ON history (table_name, row_id);
CREATE TRIGGER history_never_changed BEFORE UPDATE ON history BEGIN
  SELECT RAISE(ABORT, 'history is never changed');
END;
CREATE TRIGGER history_never_deleted BEFORE DELETE ON history BEGIN
  SELECT RAISE(ABORT, 'history is never deleted');
END;
)";
    const std::vector<std::pair<std::string, std::vector<std::string>>> tables = {
        {"cycles", {"pack", "year", "case_id", "run_on", "content_hash"}},
        {"applications", {"cycle_id", "credit_code", "name", "award", "outcome", "reasons", "articles"}},
        {"awards", {"cycle_id", "credit_code", "name", "award", "awarded_on", "repeat", "prize_yuan"}},
        {"certificates", {"number", "award_id", "issued_on", "content_hash"}},
        {"revocations", {"award_id", "revoked_on", "article", "reason", "ban_years"}},
        {"obligations", {"award_id", "obligation", "article", "first_year", "years", "due"}},
        {"reports_received", {"obligation_id", "year", "received_on", "content_hash"}},
        {"higher_awards", {"pack", "credit_code", "name", "award", "awarded_on", "bonus_yuan", "article"}},
    };
    for (const auto& [table, columns] : tables) sql += history_triggers(table, columns);
    return sql;
}

// Version 2 (award reports): who filled a report received, and its figures.
std::string version_2() {
    std::string sql = R"(
-- 填报人, 联系电话, 填报日期 of a report received, as read from its form.
ALTER TABLE reports_received ADD COLUMN filled_by TEXT;
ALTER TABLE reports_received ADD COLUMN phone TEXT;
ALTER TABLE reports_received ADD COLUMN filled_on TEXT )" + date_check("filled_on", true) + R"(;
DROP TRIGGER reports_received_keep_on_update;
DROP TRIGGER reports_received_keep_on_delete;

-- 报送数据: the figures of a report received, one per indicator and year. A value is
-- exact: hundredths of the indicator's unit (1234.56万元 → 123456, 12.5% → 1250, 356人 → 35600).
CREATE TABLE report_figures (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports_received (id),
  indicator TEXT NOT NULL,            -- the pack's report_form indicator id, e.g. 'revenue'
  year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),  -- the year the figure is for
  value_hundredths INTEGER NOT NULL,
  UNIQUE (report_id, indicator, year)
) STRICT;
)";
    sql += history_triggers("reports_received",
                            {"obligation_id", "year", "received_on", "content_hash", "filled_by", "phone", "filled_on"});
    sql += history_triggers("report_figures", {"report_id", "indicator", "year", "value_hundredths"});
    return sql;
}

// Version 3 (本溪市第二十五条第三款): the 追加激励资金 a cycle of the program paid for a
// higher award. Apart from higher_awards, so that importing a paper list of higher awards
// again never undoes a payment the program recorded.
std::string version_3() {
    std::string sql = R"(
-- 追加激励资金: paid once, in one cycle's 奖金发放表, to the holder of the award it tops up.
CREATE TABLE top_ups (
  id INTEGER PRIMARY KEY,
  higher_award_id INTEGER NOT NULL UNIQUE REFERENCES higher_awards (id),
  cycle_id INTEGER NOT NULL REFERENCES cycles (id),  -- the cycle whose 奖金发放表 lists it
  held_award TEXT NOT NULL,           -- the pack's award it tops up, e.g. '市长质量奖'
  prize_yuan INTEGER NOT NULL CHECK (prize_yuan >= 0),
  article TEXT NOT NULL               -- e.g. '第二十五条第三款'
) STRICT;
)";
    sql += history_triggers("top_ups", {"higher_award_id", "cycle_id", "held_award", "prize_yuan", "article"});
    return sql;
}

// Version 4 (the yearly statistics report): who applied (industry, 镇街, size), how far
// each application came, and its category percentages, for the averages across years.
std::string version_4() {
    std::string sql = R"(
ALTER TABLE applications ADD COLUMN industry TEXT;       -- 所属行业, as written
ALTER TABLE applications ADD COLUMN township TEXT;       -- 所在镇（街道）
ALTER TABLE applications ADD COLUMN size TEXT CHECK (size IS NULL OR size IN ('大型', '中型', '小型', '微型'));
ALTER TABLE applications ADD COLUMN stage_reached TEXT;  -- the last review stage entered (the pack's stage id)
DROP TRIGGER applications_keep_on_update;
DROP TRIGGER applications_keep_on_delete;

-- 类目得分率: an application's percentage of one score sheet category at one stage (the
-- stage's aggregate over its reviewers), in hundredths of a percent (81.25% → 8125).
CREATE TABLE category_scores (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  stage TEXT NOT NULL,                -- the pack's stage id, e.g. 'material'
  category TEXT NOT NULL,             -- e.g. '4.1'
  name TEXT NOT NULL,                 -- e.g. '领导'
  percent_hundredths INTEGER NOT NULL CHECK (percent_hundredths BETWEEN 0 AND 10000),
  UNIQUE (application_id, stage, category)
) STRICT;
)";
    sql += history_triggers("applications", {"cycle_id", "credit_code", "name", "award", "outcome", "reasons", "articles",
                                             "industry", "township", "size", "stage_reached"});
    sql += history_triggers("category_scores",
                            {"application_id", "stage", "category", "name", "percent_hundredths"});
    return sql;
}

std::string where(const sqlite::Database& db) { return "登记库 " + db.path().string(); }

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1, "建立评选、申报、获奖、证书、撤销、义务、报告、更高级别奖项和历史记录表", version_1()},
        {2, "记录报告的填报人和报送数据（获奖组织年度报送表）", version_2()},
        {3, "记录各届发放的追加激励资金（获得更高级别奖项后）", version_3()},
        {4, "记录申报组织的行业、镇街、规模、评审进度和类目得分率（年度统计报告）", version_4()},
    };
    return list;
}

int latest_version() { return migrations().back().version; }

void prepare(sqlite::Database& db) {
    // A file that is not SQLite fails here, with RegistryRefused (sqlite::Database::fail).
    auto read = [&](long long& app_id, long long& version, long long& objects) {
        app_id = db.scalar("PRAGMA application_id", "读取文件标识 application_id");
        version = db.scalar("PRAGMA user_version", "读取结构版本 user_version");
        objects = db.scalar("SELECT count(*) FROM sqlite_schema", "读取数据库中的表");
    };
    auto check = [&](long long app_id, long long version, long long objects) {
        const bool fresh = app_id == 0 && version == 0 && objects == 0;
        if (!fresh && app_id != kApplicationId)
            throw RegistryRefused(where(db) + " 是其他程序的 SQLite 数据库，不是本程序的登记库（文件标识 application_id 为 " +
                                  std::to_string(app_id) + "，登记库应为 " + std::to_string(kApplicationId) +
                                  "）；请检查 --registry 或 $AWARD_REGISTRY 所指的文件，不要覆盖它");
        if (version > latest_version())
            throw RegistryRefused(where(db) + " 由更新版本的程序建立或升级（结构版本 " + std::to_string(version) +
                                  "，本程序只认识到版本 " + std::to_string(latest_version()) +
                                  "）；请改用更新版本的 award，本程序不会改动这个文件");
        return version < latest_version();
    };
    long long app_id = 0, version = 0, objects = 0;
    read(app_id, version, objects);
    if (!check(app_id, version, objects)) return;
    // Read again under the write lock: another program may have migrated it meanwhile.
    sqlite::Transaction t(db);
    read(app_id, version, objects);
    if (!check(app_id, version, objects)) return;
    for (const auto& m : migrations()) {
        if (m.version <= version) continue;
        db.exec(m.sql, "升级登记库结构到版本 " + std::to_string(m.version) + "（" + m.description + "）");
        db.exec("PRAGMA user_version = " + std::to_string(m.version), "记录结构版本 " + std::to_string(m.version));
    }
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId), "写入登记库的文件标识");
    t.commit();
}

}  // namespace award::registry_schema
