// The award registry (获奖登记库): one SQLite file that remembers across years what the
// rules and the certificates need — cycles run, applications and their outcome, awards
// granted, certificates issued, revocations, obligations and reports received, later
// higher awards. Plain typed functions; no SQL outside src/registry.
//
// Every record_* function is an upsert by the record's natural key: a record equal to
// the stored one changes nothing (Change::Unchanged), a different one replaces it and
// the old row is kept in the history table (Change::Changed). Nothing is ever deleted
// by these functions. Optional text given as "" is stored as NULL.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/case.hpp"
#include "model/date.hpp"
#include "model/errors.hpp"
#include "model/report_form.hpp"
#include "model/statistics.hpp"
#include "packs/policy_pack.hpp"
#include "registry/sqlite.hpp"

namespace award {

enum class Change { Added, Changed, Unchanged };

struct Recorded {
    long long id = 0;  // the row's id
    Change change = Change::Unchanged;
};

// 评选周期: key (pack, year).
struct CycleRecord {
    std::string pack;  // policy pack id, e.g. "weidu"
    int year = 0;
    std::string case_id;        // the case folder's name ("" for history from paper)
    std::optional<Date> run_on;  // when the program recorded it
    std::string content_hash;    // SHA-256 (64 lowercase hex) of the case as run, or ""
};

// Outcomes of an application (applications.outcome).
inline const std::vector<std::string>& application_outcomes() {
    static const std::vector<std::string> v = {"rejected", "accepted", "not_awarded", "removed", "awarded"};
    return v;
}

// 申报: key (pack, year, credit_code).
struct ApplicationRecord {
    std::string pack;
    int year = 0;
    std::string credit_code;
    std::string name;
    std::string award;    // applied for
    std::string outcome;  // one of application_outcomes()
    std::string reasons;  // "" when none
    std::string articles;
    // For the yearly statistics (schema version 4); "" / empty when not known (paper records).
    std::string industry = {};       // 所属行业, as written
    std::string township = {};       // 所在镇（街道）
    std::string size = {};           // 企业规模: 大型, 中型, 小型, 微型
    std::string stage_reached = {};  // the last review stage entered (stage id)
    // When given, replaces what was recorded for the application; nullopt leaves it alone
    // (an import of paper records that do not have them).
    std::optional<std::vector<CategoryPercent>> category_percents = {};
};

// 获奖: key (pack, year, credit_code, award).
struct AwardRecord {
    long long id = 0;  // filled by lookups; ignored by record_award
    std::string pack;
    int year = 0;
    std::string credit_code;
    std::string name;
    std::string award;
    Date awarded_on;
    bool repeat = false;  // 再次获奖
    long long prize_yuan = 0;
};

// 证书: number unique in the registry, never reused; one per award.
struct CertificateRecord {
    std::string number;
    long long award_id = 0;
    std::optional<Date> issued_on;
    std::string content_hash;  // "" when not known
    // From the award (lookups only).
    std::string pack, credit_code, name, award;
    int year = 0;
};

// 撤销: one per award.
struct RevocationRecord {
    Date revoked_on;
    std::string article;
    std::string reason;  // e.g. "弄虚作假"; "" when not recorded
    std::optional<int> ban_years;
};

// 获奖后的义务: key (award, obligation).
struct ObligationRecord {
    long long id = 0;  // filled by lookups
    std::string obligation;  // the pack's Obligation::id, e.g. "yearly-report"
    std::string article;
    int first_year = 0;
    int years = 0;        // 0: not limited
    std::string due;      // "MM-DD" each year, or ""
};

// 报告: key (obligation, year).
struct ReportRecord {
    int year = 0;
    Date received_on;
    std::string content_hash;
};

// ---- award reports: what a report's form held (src/registry/registry_reports.cpp) ----
// Who filled it and its figures (model/report_form.hpp: exact hundredths).
struct ReportDetails {
    std::string filled_by;           // 填报人, "" when not recorded
    std::string phone;               // 联系电话, "" when not recorded
    std::optional<Date> filled_on;   // 填报日期
    std::vector<ReportFigure> figures;  // in the order first recorded (the form's: indicator, then year)
};
struct ReceivedReport {
    long long id = 0;
    ReportRecord report;
    ReportDetails details;
};

// 更高级别的奖项 (本溪市 第二十五条): key (pack, credit_code, award, awarded_on).
struct HigherAwardRecord {
    std::string pack;  // the jurisdiction that pays the bonus
    std::string credit_code;
    std::string name;
    std::string award;  // e.g. "中国质量奖"
    Date awarded_on;
    std::optional<long long> bonus_yuan;
    std::string article;
};

// 追加激励资金 (本溪市第二十五条第三款) a cycle of the program paid for a higher award:
// listed on that cycle's 奖金发放表, paid once.
struct TopUpRecord {
    int year = 0;            // the cycle (of the higher award's pack) that paid it
    std::string held_award;  // the pack's award it tops up, e.g. "市长质量奖"
    long long prize_yuan = 0;
    std::string article;     // e.g. "第二十五条第三款"
};
struct HigherAwardEntry {
    long long id = 0;
    HigherAwardRecord record;
    std::optional<TopUpRecord> top_up;  // none: not paid by the program (yet)
};

// What an import did.
struct ImportSummary {
    int added = 0, changed = 0, unchanged = 0;
    std::vector<std::string> changed_records;  // "/cycles/0/awards/1（某某有限公司）", for the user
};

class Registry {
public:
    using Open = sqlite::Database::Open;
    // Opens the registry at `file`, creating it (and its folder) when missing and mode
    // allows, then checks and migrates it (registry/schema.hpp). Throws RegistryRefused
    // for a file that is not a usable registry, RegistryError for any other failure.
    explicit Registry(const std::filesystem::path& file, Open mode = Open::CreateIfMissing);

    const std::filesystem::path& path() const { return db_.path(); }
    int schema_version();

    // One transaction around several record_* calls: all or nothing.
    sqlite::Transaction transaction() { return sqlite::Transaction(db_); }

    Recorded record_cycle(const CycleRecord& c);
    std::optional<CycleRecord> find_cycle(const std::string& pack, int year);
    // The cycle (pack, year) must be recorded first; RegistryError otherwise.
    Recorded record_application(const ApplicationRecord& a);
    Recorded record_award(const AwardRecord& a);
    std::optional<AwardRecord> find_award(const std::string& pack, int year, const std::string& credit_code,
                                          const std::string& award);
    // Every award of the pack to this holder, by date (revoked ones included).
    std::vector<AwardRecord> awards_of(const std::string& pack, const std::string& credit_code);
    // The same as the model's prior awards (with the revocation, when any, and source
    // "登记库 <pack> <year>年度"), as the rules read them. before_year > 0: only awards of
    // cycles before that year (a case never counts its own cycle's awards as prior ones).
    std::vector<PriorAward> prior_awards_of(const std::string& pack, const std::string& credit_code,
                                            int before_year = 0);

    // A cycle's records, for recording a run over an earlier one (cli/record_cycle.hpp).
    std::vector<ApplicationRecord> applications_in(const std::string& pack, int year);
    // The category percentages recorded for an application, by stage and category.
    std::vector<CategoryPercent> category_percents_of(const std::string& pack, int year, const std::string& credit_code);
    std::vector<AwardRecord> awards_in(const std::string& pack, int year);
    // Removes an application the case no longer has (kept in history).
    void remove_application(const std::string& pack, int year, const std::string& credit_code);
    // Removes an award the case no longer grants, with its obligations (kept in history).
    // RegistryRefused when a certificate was issued for it, it was revoked or a report was
    // received: those are facts that stay (revoke it with `award revoke` instead).
    void remove_award(const AwardRecord& award);

    Recorded record_revocation(long long award_id, const RevocationRecord& r);
    std::optional<RevocationRecord> revocation_of(long long award_id);

    // Records the award's certificate. Throws RegistryError when the number is already
    // another award's, or the award already has a different number (numbers are never
    // reused nor changed). The same number again: Unchanged (or Changed when a content
    // hash is added to one recorded without).
    Recorded issue_certificate(long long award_id, const std::string& number, const std::optional<Date>& issued_on,
                               const std::string& content_hash = "");
    std::optional<CertificateRecord> find_certificate(const std::string& number);
    std::optional<CertificateRecord> certificate_of(long long award_id);
    // ---- award revoke (撤销, src/registry/registry_revocation.cpp) ----
    // Every certificate number issued, sorted: what exists, for a number not found.
    std::vector<std::string> certificate_numbers();
    // The next number for a pack's pattern (policy.hpp CertificateSpec::number_pattern,
    // "WD{year}{award_code}{seq:3}"): one above the highest sequence issued with the same
    // year and award code, from 1. Throws std::invalid_argument without {seq:N}.
    std::string next_certificate_number(const std::string& pattern, int year, const std::string& award_code);

    Recorded record_obligation(long long award_id, const ObligationRecord& o);
    std::vector<ObligationRecord> obligations_of(long long award_id);
    Recorded record_report(long long obligation_id, const ReportRecord& r);
    std::vector<ReportRecord> reports_of(long long obligation_id);

    // ---- award reports (获奖组织年度报送表, src/registry/registry_reports.cpp) ----
    // Every award of the pack, all years, by year, award and id (revoked ones included).
    std::vector<AwardRecord> all_awards(const std::string& pack);
    // The report of (obligation, year) with who filled it and its figures: the report row
    // is upserted (received_on, content_hash, filled_by, phone, filled_on), each figure
    // upserted by (indicator, year), and a figure the report no longer has is removed;
    // every old row is kept in the history table. Unchanged when all is equal, Added for
    // a new report, Changed otherwise. One transaction is the caller's (transaction()).
    Recorded record_report_details(long long obligation_id, const ReportRecord& r, const ReportDetails& d);
    // The report of (obligation, year), with its details; nullopt when none was received.
    std::optional<ReceivedReport> find_report(long long obligation_id, int year);

    Recorded record_higher_award(const HigherAwardRecord& h);

    // ---- 追加激励资金 (src/registry/registry_top_ups.cpp) ----
    // Every higher award of the pack with its top-up, by date.
    std::vector<HigherAwardEntry> higher_awards_in(const std::string& pack);
    // Records the top-up of a higher award; the cycle (pack, t.year) must be recorded.
    Recorded record_top_up(long long higher_award_id, const std::string& pack, const TopUpRecord& t);
    // Removes the top-ups cycle (pack, year) paid whose higher award is not in `keep`
    // (a rerun no longer pays them; kept in history). Returns what it removed.
    std::vector<HigherAwardEntry> remove_top_ups_except(const std::string& pack, int year, const std::set<long long>& keep);

    // ---- the yearly statistics report (src/registry/registry_statistics.cpp) ----
    // Everything of the pack the statistics read, all years (rules/statistics.hpp):
    // reports due are listed for each year an obligation with a form runs, until the
    // award is revoked (unlimited obligations: ten years).
    StatisticsInput statistics_input(const std::string& pack);

    // Rows kept in the history table (changed or deleted records).
    long long history_size();

    // Seeds the registry from a JSON file (samples/README.md, 获奖登记库): every record
    // validated against `packs` first, then all of it in one transaction. Any problem →
    // InputError listing every one (file, JSON path and name, field, value, expected)
    // and nothing imported. Importing the same file again changes nothing.
    ImportSummary import_json(const std::filesystem::path& file, const PolicyCatalog& packs);
    // Everything (but the history) in the import format, in a stable order:
    // export → import into an empty registry → export gives the same document.
    nlohmann::ordered_json export_json();

    // ---- registry XLSX (往年获奖记录.xlsx, src/registry/registry_xlsx_*.cpp) ----
    // Seeds the registry from an office's workbook of past cycles (samples/README.md 第 14.1 节:
    // one sheet per kind of record, one row each, Chinese headers). The workbook is read into
    // the JSON format's document and checked and written by import_document, as import_json
    // does: every problem at once (file, sheet, row, column letter and header, value,
    // expected), nothing imported on any, the same workbook again changes nothing.
    ImportSummary import_xlsx(const std::filesystem::path& file, const PolicyCatalog& packs);
    // Everything export_json() holds, in the workbook's layout (headers, data validation of
    // 是/否, 结果, dates and years; the pack ids of `packs` as a list): a registry with no
    // records gives the empty template. Written beside `out` and renamed into place.
    void export_xlsx(const std::filesystem::path& out, const PolicyCatalog& packs);
    // The JSON import's checks and writing, on a document already read (registry_json.cpp),
    // shared by import_json and import_xlsx. Every problem found, checking or writing, goes
    // through `finish` (which may add, reword, reorder or drop problems) before InputError is
    // thrown; `finish` is called once with the checks' problems even when there are none.
    using ProblemsHook = std::function<std::vector<Problem>(std::vector<Problem>)>;
    ImportSummary import_document(const nlohmann::json& doc, const std::string& label, const PolicyCatalog& packs,
                                  const ProblemsHook& finish);

private:
    long long cycle_id(const std::string& pack, int year, const std::string& purpose);
    sqlite::Database db_;
};

}  // namespace award
