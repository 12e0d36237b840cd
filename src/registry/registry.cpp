#include "registry/registry.hpp"

#include <set>
#include <stdexcept>
#include <utility>

#include "registry/registry_internal.hpp"
#include "registry/schema.hpp"

namespace award {

namespace fs = std::filesystem;
using sqlite::Value;

namespace registry_detail {

Value text_or_null(const std::string& s) { return s.empty() ? Value() : Value(s); }
Value date_or_null(const std::optional<Date>& d) { return d ? Value(d->iso()) : Value(); }

Date date_column(const sqlite::Database& db, const sqlite::Statement& s, int column, const std::string& what) {
    const std::string text = s.text(column);
    if (auto d = Date::parse(text)) return *d;
    throw RegistryError("登记库 " + db.path().string() + "：" + what + "的日期 \"" + text +
                        "\" 不是 YYYY-MM-DD 格式的真实日期（文件可能被其他程序改过）");
}

std::optional<Date> optional_date_column(const sqlite::Database& db, const sqlite::Statement& s, int column,
                                         const std::string& what) {
    if (s.is_null(column)) return std::nullopt;
    return date_column(db, s, column, what);
}

Recorded upsert(sqlite::Database& db, const std::string& table, const std::vector<Column>& key,
                const std::vector<Column>& rest, const std::string& purpose) {
    std::string where, columns;
    for (std::size_t i = 0; i < key.size(); ++i)
        where += (i ? " AND " : "") + key[i].name + " = ?" + std::to_string(i + 1);
    for (const auto& c : rest) columns += ", " + c.name;
    std::optional<long long> id;
    bool same = true;
    {
        auto find = db.prepare("SELECT id" + columns + " FROM " + table + " WHERE " + where, "查找" + purpose);
        for (std::size_t i = 0; i < key.size(); ++i) find.bind(int(i + 1), key[i].value);
        if (find.step()) {
            id = find.integer(0);
            for (std::size_t j = 0; j < rest.size(); ++j)
                if (find.value(int(j + 1)) != rest[j].value) same = false;
        }
    }
    if (id && same) return {*id, Change::Unchanged};
    if (id) {
        std::string set;
        for (std::size_t j = 0; j < rest.size(); ++j) set += (j ? ", " : "") + rest[j].name + " = ?" + std::to_string(j + 1);
        auto update = db.prepare("UPDATE " + table + " SET " + set + " WHERE id = ?" + std::to_string(rest.size() + 1),
                                 "更新" + purpose);
        for (std::size_t j = 0; j < rest.size(); ++j) update.bind(int(j + 1), rest[j].value);
        update.bind(int(rest.size() + 1), *id);
        update.run();
        return {*id, Change::Changed};
    }
    std::string names, params;
    std::vector<Column> all = key;
    all.insert(all.end(), rest.begin(), rest.end());
    for (std::size_t i = 0; i < all.size(); ++i) {
        names += (i ? ", " : "") + all[i].name;
        params += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    auto insert = db.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + params + ")", "新增" + purpose);
    for (std::size_t i = 0; i < all.size(); ++i) insert.bind(int(i + 1), all[i].value);
    insert.run();
    return {db.last_insert_id(), Change::Added};
}

}  // namespace registry_detail

using namespace registry_detail;

namespace {

const std::string kAwardColumns =
    "a.id, c.pack, c.year, a.credit_code, a.name, a.award, a.awarded_on, a.repeat, a.prize_yuan "
    "FROM awards a JOIN cycles c ON c.id = a.cycle_id ";

AwardRecord award_row(const sqlite::Database& db, const sqlite::Statement& s) {
    AwardRecord a;
    a.id = s.integer(0);
    a.pack = s.text(1);
    a.year = int(s.integer(2));
    a.credit_code = s.text(3);
    a.name = s.text(4);
    a.award = s.text(5);
    a.awarded_on = date_column(db, s, 6, "获奖记录 " + a.credit_code + " " + a.award);
    a.repeat = s.integer(7) != 0;
    a.prize_yuan = s.integer(8);
    return a;
}

const std::string kCertificateColumns =
    "t.number, t.award_id, t.issued_on, t.content_hash, c.pack, a.credit_code, a.name, a.award, c.year "
    "FROM certificates t JOIN awards a ON a.id = t.award_id JOIN cycles c ON c.id = a.cycle_id ";

CertificateRecord certificate_row(const sqlite::Database& db, const sqlite::Statement& s) {
    CertificateRecord t;
    t.number = s.text(0);
    t.award_id = s.integer(1);
    t.issued_on = optional_date_column(db, s, 2, "证书 " + t.number);
    t.content_hash = s.text(3);
    t.pack = s.text(4);
    t.credit_code = s.text(5);
    t.name = s.text(6);
    t.award = s.text(7);
    t.year = int(s.integer(8));
    return t;
}

std::string describe(const CertificateRecord& t) {
    return t.name + "（" + t.credit_code + "，" + t.pack + " " + std::to_string(t.year) + "年度" + t.award + "）";
}

}  // namespace

Registry::Registry(const fs::path& file, Open mode) : db_(file, mode) { registry_schema::prepare(db_); }

int Registry::schema_version() { return int(db_.scalar("PRAGMA user_version", "读取结构版本 user_version")); }

long long Registry::cycle_id(const std::string& pack, int year, const std::string& purpose) {
    auto s = db_.prepare("SELECT id FROM cycles WHERE pack = ?1 AND year = ?2", "查找评选周期");
    s.bind(1, pack).bind(2, year);
    if (s.step()) return s.integer(0);
    throw RegistryError("登记库 " + db_.path().string() + "：" + purpose + "：没有 " + pack + " " + std::to_string(year) +
                        "年度的评选记录（应先记录评选周期）");
}

Recorded Registry::record_cycle(const CycleRecord& c) {
    return upsert(db_, "cycles", {{"pack", c.pack}, {"year", (long long)c.year}},
                  {{"case_id", text_or_null(c.case_id)},
                   {"run_on", date_or_null(c.run_on)},
                   {"content_hash", text_or_null(c.content_hash)}},
                  "评选周期（" + c.pack + " " + std::to_string(c.year) + "年度）");
}

std::optional<CycleRecord> Registry::find_cycle(const std::string& pack, int year) {
    auto s = db_.prepare("SELECT case_id, run_on, content_hash FROM cycles WHERE pack = ?1 AND year = ?2",
                         "查找评选周期");
    s.bind(1, pack).bind(2, year);
    if (!s.step()) return std::nullopt;
    return CycleRecord{pack, year, s.text(0), optional_date_column(db_, s, 1, "评选周期"), s.text(2)};
}

Recorded Registry::record_application(const ApplicationRecord& a) {
    const std::string what = "申报记录（" + a.pack + " " + std::to_string(a.year) + "年度 " + a.credit_code + "）";
    const long long cycle = cycle_id(a.pack, a.year, "记录" + what);
    Recorded r = upsert(db_, "applications", {{"cycle_id", cycle}, {"credit_code", a.credit_code}},
                        {{"name", a.name},
                         {"award", a.award},
                         {"outcome", a.outcome},
                         {"reasons", text_or_null(a.reasons)},
                         {"articles", text_or_null(a.articles)},
                         {"industry", text_or_null(a.industry)},
                         {"township", text_or_null(a.township)},
                         {"size", text_or_null(a.size)},
                         {"stage_reached", text_or_null(a.stage_reached)}},
                        what);
    if (!a.category_percents) return r;
    // The category percentages: each upserted, those no longer given removed (kept in history).
    bool changed = false;
    std::set<std::pair<std::string, std::string>> given;
    for (const auto& p : *a.category_percents) {
        given.insert({p.stage, p.category});
        const Recorded c = upsert(db_, "category_scores",
                                  {{"application_id", r.id}, {"stage", p.stage}, {"category", p.category}},
                                  {{"name", p.name}, {"percent_hundredths", (long long)p.percent_hundredths}},
                                  "类目得分率（" + a.credit_code + " " + p.stage + " " + p.category + "）");
        changed = changed || c.change != Change::Unchanged;
    }
    for (const auto& old : category_percents_of(a.pack, a.year, a.credit_code)) {
        if (given.count({old.stage, old.category})) continue;
        auto del = db_.prepare("DELETE FROM category_scores WHERE application_id = ?1 AND stage = ?2 AND category = ?3",
                               "删除不再有的类目得分率");
        del.bind(1, r.id).bind(2, old.stage).bind(3, old.category);
        del.run();
        changed = true;
    }
    if (changed && r.change == Change::Unchanged) r.change = Change::Changed;
    return r;
}

std::vector<CategoryPercent> Registry::category_percents_of(const std::string& pack, int year,
                                                            const std::string& credit_code) {
    auto s = db_.prepare("SELECT s.stage, s.category, s.name, s.percent_hundredths FROM category_scores s "
                         "JOIN applications p ON p.id = s.application_id JOIN cycles c ON c.id = p.cycle_id "
                         "WHERE c.pack = ?1 AND c.year = ?2 AND p.credit_code = ?3 ORDER BY s.id",
                         "查找类目得分率");
    s.bind(1, pack).bind(2, year).bind(3, credit_code);
    std::vector<CategoryPercent> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), int(s.integer(3))});
    return out;
}

Recorded Registry::record_award(const AwardRecord& a) {
    const std::string what =
        "获奖记录（" + a.pack + " " + std::to_string(a.year) + "年度 " + a.credit_code + " " + a.award + "）";
    const long long cycle = cycle_id(a.pack, a.year, "记录" + what);
    return upsert(db_, "awards", {{"cycle_id", cycle}, {"credit_code", a.credit_code}, {"award", a.award}},
                  {{"name", a.name},
                   {"awarded_on", a.awarded_on.iso()},
                   {"repeat", (long long)(a.repeat ? 1 : 0)},
                   {"prize_yuan", a.prize_yuan}},
                  what);
}

std::optional<AwardRecord> Registry::find_award(const std::string& pack, int year, const std::string& credit_code,
                                                const std::string& award) {
    auto s = db_.prepare("SELECT " + kAwardColumns +
                             "WHERE c.pack = ?1 AND c.year = ?2 AND a.credit_code = ?3 AND a.award = ?4",
                         "查找获奖记录");
    s.bind(1, pack).bind(2, year).bind(3, credit_code).bind(4, award);
    if (!s.step()) return std::nullopt;
    return award_row(db_, s);
}

std::vector<AwardRecord> Registry::awards_of(const std::string& pack, const std::string& credit_code) {
    auto s = db_.prepare("SELECT " + kAwardColumns + "WHERE c.pack = ?1 AND a.credit_code = ?2 ORDER BY a.awarded_on, a.id",
                         "查找获奖组织的获奖记录");
    s.bind(1, pack).bind(2, credit_code);
    std::vector<AwardRecord> out;
    while (s.step()) out.push_back(award_row(db_, s));
    return out;
}

std::vector<PriorAward> Registry::prior_awards_of(const std::string& pack, const std::string& credit_code,
                                                 int before_year) {
    std::vector<PriorAward> out;
    for (const auto& a : awards_of(pack, credit_code)) {
        if (before_year > 0 && a.year >= before_year) continue;
        PriorAward p{a.award, a.awarded_on, std::nullopt, "", "登记库 " + pack + " " + std::to_string(a.year) + "年度"};
        if (auto r = revocation_of(a.id)) {
            p.revoked_on = r->revoked_on;
            p.revocation_reason = r->reason;
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ApplicationRecord> Registry::applications_in(const std::string& pack, int year) {
    auto s = db_.prepare("SELECT p.credit_code, p.name, p.award, p.outcome, p.reasons, p.articles, p.industry, "
                         "p.township, p.size, p.stage_reached "
                         "FROM applications p JOIN cycles c ON c.id = p.cycle_id WHERE c.pack = ?1 AND c.year = ?2 "
                         "ORDER BY p.id",
                         "查找一届的申报记录");
    s.bind(1, pack).bind(2, year);
    std::vector<ApplicationRecord> out;
    while (s.step())
        out.push_back({pack, year, s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                       s.text(8), s.text(9)});
    return out;
}

std::vector<AwardRecord> Registry::awards_in(const std::string& pack, int year) {
    auto s = db_.prepare("SELECT " + kAwardColumns + "WHERE c.pack = ?1 AND c.year = ?2 ORDER BY a.id", "查找一届的获奖记录");
    s.bind(1, pack).bind(2, year);
    std::vector<AwardRecord> out;
    while (s.step()) out.push_back(award_row(db_, s));
    return out;
}

void Registry::remove_application(const std::string& pack, int year, const std::string& credit_code) {
    const long long cycle = cycle_id(pack, year, "删除申报记录");
    auto scores = db_.prepare("DELETE FROM category_scores WHERE application_id IN "
                              "(SELECT id FROM applications WHERE cycle_id = ?1 AND credit_code = ?2)",
                              "删除申报记录的类目得分率");
    scores.bind(1, cycle).bind(2, credit_code);
    scores.run();
    auto s = db_.prepare("DELETE FROM applications WHERE cycle_id = ?1 AND credit_code = ?2", "删除申报记录");
    s.bind(1, cycle).bind(2, credit_code);
    s.run();
}

void Registry::remove_award(const AwardRecord& a) {
    const std::string what = a.name + "（" + a.credit_code + "）" + std::to_string(a.year) + "年度" + a.award;
    const std::string where = "登记库 " + db_.path().string() + " 中 " + what;
    if (auto t = certificate_of(a.id))
        throw RegistryRefused(where + " 已颁发证书 " + t->number +
                              "：证书颁发后获奖记录不再删除。本次案卷不再授予该奖项；如须取消，请用 award revoke " + t->number +
                              " 撤销，再运行本案卷");
    if (auto r = revocation_of(a.id))
        throw RegistryRefused(where + " 已于 " + r->revoked_on.iso() + " 撤销：撤销记录不删除");
    for (const auto& o : obligations_of(a.id))
        if (!reports_of(o.id).empty())
            throw RegistryRefused(where + " 已收到报送的报告（" + o.obligation + "）：获奖记录不再删除");
    auto obligations = db_.prepare("DELETE FROM obligations WHERE award_id = ?1", "删除获奖后的义务记录");
    obligations.bind(1, a.id);
    obligations.run();
    auto award = db_.prepare("DELETE FROM awards WHERE id = ?1", "删除获奖记录");
    award.bind(1, a.id);
    award.run();
}

Recorded Registry::record_revocation(long long award_id, const RevocationRecord& r) {
    return upsert(db_, "revocations", {{"award_id", award_id}},
                  {{"revoked_on", r.revoked_on.iso()},
                   {"article", r.article},
                   {"reason", text_or_null(r.reason)},
                   {"ban_years", r.ban_years ? Value((long long)*r.ban_years) : Value()}},
                  "撤销记录（获奖记录 " + std::to_string(award_id) + "）");
}

std::optional<RevocationRecord> Registry::revocation_of(long long award_id) {
    auto s = db_.prepare("SELECT revoked_on, article, reason, ban_years FROM revocations WHERE award_id = ?1",
                         "查找撤销记录");
    s.bind(1, award_id);
    if (!s.step()) return std::nullopt;
    RevocationRecord r;
    r.revoked_on = date_column(db_, s, 0, "撤销记录");
    r.article = s.text(1);
    r.reason = s.text(2);
    if (auto n = s.optional_integer(3)) r.ban_years = int(*n);
    return r;
}

Recorded Registry::issue_certificate(long long award_id, const std::string& number,
                                     const std::optional<Date>& issued_on, const std::string& content_hash) {
    const std::string where = "登记库 " + db_.path().string() + "：证书编号 " + number;
    if (auto taken = find_certificate(number); taken && taken->award_id != award_id)
        throw RegistryError(where + " 已颁发给 " + describe(*taken) + "，证书编号不得重复使用");
    auto existing = certificate_of(award_id);
    if (existing && existing->number != number)
        throw RegistryError(where + "：该奖项 " + describe(*existing) + " 已有证书编号 " + existing->number +
                            "，证书编号不得更改");
    std::string hash = content_hash;
    if (existing && !existing->content_hash.empty()) {
        if (!hash.empty() && hash != existing->content_hash)
            throw RegistryError(where + "：证书颁发时的内容摘要为 " + existing->content_hash + "，不得更改为 " + hash);
        hash = existing->content_hash;
    }
    return upsert(db_, "certificates", {{"award_id", award_id}},
                  {{"number", number}, {"issued_on", date_or_null(issued_on)}, {"content_hash", text_or_null(hash)}},
                  "证书记录（" + number + "）");
}

std::optional<CertificateRecord> Registry::find_certificate(const std::string& number) {
    auto s = db_.prepare("SELECT " + kCertificateColumns + "WHERE t.number = ?1", "按编号查找证书");
    s.bind(1, number);
    if (!s.step()) return std::nullopt;
    return certificate_row(db_, s);
}

std::optional<CertificateRecord> Registry::certificate_of(long long award_id) {
    auto s = db_.prepare("SELECT " + kCertificateColumns + "WHERE t.award_id = ?1", "查找奖项的证书");
    s.bind(1, award_id);
    if (!s.step()) return std::nullopt;
    return certificate_row(db_, s);
}

std::string Registry::next_certificate_number(const std::string& pattern, int year, const std::string& award_code) {
    std::string p = pattern;
    auto replace = [&p](const std::string& placeholder, const std::string& value) {
        if (auto at = p.find(placeholder); at != std::string::npos) p.replace(at, placeholder.size(), value);
    };
    replace("{year}", std::to_string(year));
    replace("{award_code}", award_code);
    const auto seq = p.find("{seq:");
    const auto close = seq == std::string::npos ? std::string::npos : p.find('}', seq);
    if (close == std::string::npos || close != seq + 6 || p[seq + 5] < '1' || p[seq + 5] > '6')
        throw std::invalid_argument("certificate number pattern without {seq:N} (N 1-6): " + pattern);
    const std::size_t width = std::size_t(p[seq + 5] - '0');
    const std::string prefix = p.substr(0, seq), suffix = p.substr(close + 1);
    auto s = db_.prepare("SELECT number FROM certificates WHERE substr(number, 1, ?2) = ?1", "查找已用的证书编号");
    s.bind(1, prefix).bind(2, (long long)prefix.size());
    long long highest = 0;
    while (s.step()) {
        const std::string n = s.text(0);
        if (n.size() <= prefix.size() + suffix.size() || n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string digits = n.substr(prefix.size(), n.size() - prefix.size() - suffix.size());
        if (digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        highest = std::max(highest, std::stoll(digits));
    }
    std::string next = std::to_string(highest + 1);
    if (next.size() < width) next.insert(0, width - next.size(), '0');
    return prefix + next + suffix;
}

Recorded Registry::record_obligation(long long award_id, const ObligationRecord& o) {
    return upsert(db_, "obligations", {{"award_id", award_id}, {"obligation", o.obligation}},
                  {{"article", o.article},
                   {"first_year", (long long)o.first_year},
                   {"years", (long long)o.years},
                   {"due", text_or_null(o.due)}},
                  "义务记录（获奖记录 " + std::to_string(award_id) + " " + o.obligation + "）");
}

std::vector<ObligationRecord> Registry::obligations_of(long long award_id) {
    auto s = db_.prepare("SELECT id, obligation, article, first_year, years, due FROM obligations WHERE award_id = ?1 "
                         "ORDER BY id",
                         "查找奖项的义务");
    s.bind(1, award_id);
    std::vector<ObligationRecord> out;
    while (s.step())
        out.push_back({s.integer(0), s.text(1), s.text(2), int(s.integer(3)), int(s.integer(4)), s.text(5)});
    return out;
}

Recorded Registry::record_report(long long obligation_id, const ReportRecord& r) {
    return upsert(db_, "reports_received", {{"obligation_id", obligation_id}, {"year", (long long)r.year}},
                  {{"received_on", r.received_on.iso()}, {"content_hash", text_or_null(r.content_hash)}},
                  "报告记录（义务 " + std::to_string(obligation_id) + " " + std::to_string(r.year) + "年度）");
}

std::vector<ReportRecord> Registry::reports_of(long long obligation_id) {
    auto s = db_.prepare("SELECT year, received_on, content_hash FROM reports_received WHERE obligation_id = ?1 "
                         "ORDER BY year",
                         "查找已收到的报告");
    s.bind(1, obligation_id);
    std::vector<ReportRecord> out;
    while (s.step()) out.push_back({int(s.integer(0)), date_column(db_, s, 1, "报告记录"), s.text(2)});
    return out;
}

Recorded Registry::record_higher_award(const HigherAwardRecord& h) {
    return upsert(db_, "higher_awards",
                  {{"pack", h.pack}, {"credit_code", h.credit_code}, {"award", h.award}, {"awarded_on", h.awarded_on.iso()}},
                  {{"name", h.name},
                   {"bonus_yuan", h.bonus_yuan ? Value(*h.bonus_yuan) : Value()},
                   {"article", text_or_null(h.article)}},
                  "更高级别奖项记录（" + h.credit_code + " " + h.award + "）");
}

long long Registry::history_size() { return db_.scalar("SELECT count(*) FROM history", "统计历史记录"); }

}  // namespace award
