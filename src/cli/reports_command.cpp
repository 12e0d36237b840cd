#include "cli/reports_command.hpp"

#include <ctime>
#include <iostream>
#include <map>
#include <memory>

#include "cli/output_folder.hpp"
#include "ingest/report_form_reader.hpp"
#include "ingest/text_rules.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"
#include "packs/policy_pack.hpp"
#include "registry/registry.hpp"
#include "render/report_documents.hpp"

namespace award {

namespace fs = std::filesystem;

Date today_local() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date(tm.tm_year + 1900, unsigned(tm.tm_mon + 1), unsigned(tm.tm_mday));
}

namespace {

const std::string kCommandLine = "命令行";

Problem option_problem(const std::string& option, const std::string& value, const std::string& expected) {
    return {kCommandLine, "", option, value, expected};
}

Date date_option(const std::string& option, const std::string& text) {
    if (text.empty()) return today_local();
    if (auto d = Date::parse(text)) return *d;
    throw InputError({option_problem(option, text, "真实存在的日期，格式 YYYY-MM-DD（如 2026-04-15）")});
}

void check_year(int year) {
    if (year < 1990 || year > 2100)
        throw InputError({option_problem("--year", std::to_string(year), "报送年度，1990 至 2100 之间的四位数年份（如 2026）")});
}

// The packs to look at: --pack, or every pack with an obligation that has a form.
std::vector<const Policy*> packs_with_forms(const PolicyCatalog& catalog, const std::string& pack) {
    auto has_form = [](const Policy& p) {
        for (const auto& o : p.obligations)
            if (o.report_form) return true;
        return false;
    };
    std::vector<const Policy*> out;
    std::vector<std::string> with_forms;
    for (const auto& [id, p] : catalog)
        if (has_form(p)) with_forms.push_back(id);
    if (!pack.empty()) {
        auto it = catalog.find(pack);
        if (it == catalog.end() || !has_form(it->second))
            throw InputError({option_problem("--pack", pack,
                                             "设有报送表（obligations 中的 report_form）的政策包编号之一：" +
                                                 (with_forms.empty() ? std::string("（没有）") : join(with_forms)))});
        out.push_back(&it->second);
        return out;
    }
    for (const auto& [id, p] : catalog)
        if (has_form(p)) out.push_back(&p);
    return out;
}

// One winner's report due in one year.
struct DueReport {
    AwardRecord award;
    ObligationRecord obligation;
    const Obligation* spec = nullptr;  // the pack's, with its report_form
    ReportFormIdentity identity;
    std::optional<RevocationRecord> revocation;  // after the due date (before it: not due)
};

std::string award_text(const AwardRecord& a) {
    return a.name + "（" + a.credit_code + "，" + std::to_string(a.year) + "年度" + a.award + "）";
}

// Whether `year` is in the obligation's window.
bool in_window(const ObligationRecord& o, int year) {
    return year >= o.first_year && (o.years == 0 || year <= o.first_year + o.years - 1);
}

std::string window_text(const ObligationRecord& o) {
    if (o.years == 0) return std::to_string(o.first_year) + "年起每年";
    if (o.years == 1) return std::to_string(o.first_year) + "年";
    return std::to_string(o.first_year) + "—" + std::to_string(o.first_year + o.years - 1) + "年";
}

// Every report due in `year` for the pack's obligations with a form. `notes` gets the
// awards left out and why (revoked; no obligation recorded).
std::vector<DueReport> due_reports(Registry& r, const Policy& policy, int year, std::vector<std::string>& notes) {
    std::vector<DueReport> out;
    for (const auto& award : r.all_awards(policy.id)) {
        const auto revocation = r.revocation_of(award.id);
        const auto recorded = r.obligations_of(award.id);
        for (const auto& spec : policy.obligations) {
            if (!spec.report_form) continue;
            const ObligationRecord* o = nullptr;
            for (const auto& rec : recorded)
                if (rec.obligation == spec.id) o = &rec;
            if (!o) {
                // Awards from paper records may lack the obligation: say so when the pack's
                // rule (from the year after the award, for `years` years) would make it due.
                const ObligationRecord guess{0, spec.id, spec.article, award.year + 1, spec.years, spec.due()};
                if (in_window(guess, year) && !revocation)
                    notes.push_back(award_text(award) + "：登记库中没有该奖项的报送义务（" + spec.id + "，" + spec.article +
                                    "）记录，未列入；如应报送，请在导入文件的 obligations 中补记后重新运行");
                continue;
            }
            if (!in_window(*o, year)) continue;
            const auto due = report_due_date(year, o->due.empty() ? spec.report_form->due : o->due);
            if (!due) continue;  // the pack's due is checked on load; a registry's on import
            if (revocation && revocation->revoked_on <= *due) {
                notes.push_back(award_text(award) + "：已于 " + revocation->revoked_on.iso() + " 撤销，" + std::to_string(year) +
                                "年无须报送");
                continue;
            }
            DueReport d;
            d.award = award;
            d.obligation = *o;
            d.spec = &spec;
            d.revocation = revocation;
            ReportFormIdentity& id = d.identity;
            id.pack = policy.id;
            id.obligation = spec.id;
            id.report_year = year;
            id.credit_code = award.credit_code;
            id.name = award.name;
            id.award_year = award.year;
            id.award = award.award;
            if (auto cert = r.certificate_of(award.id)) id.certificate = cert->number;
            id.due = *due;
            id.years = report_years(year, spec.report_form->years_shown);
            out.push_back(std::move(d));
        }
    }
    return out;
}

std::size_t forms_in(const Policy& p) {
    std::size_t n = 0;
    for (const auto& o : p.obligations) n += o.report_form ? 1 : 0;
    return n;
}

void check_out_dir(const fs::path& out) {
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        throw InputError({option_problem("--out", out.string(), "输出文件夹（不存在时自动创建）：这是一个已有的文件")});
}

}  // namespace

// ---- forms -------------------------------------------------------------------------

int run_reports_forms(const ReportsOptions& o) {
    check_year(o.year);
    check_out_dir(o.out_dir);
    const PolicyCatalog catalog = load_policy_catalog(o.data_dir / "templates" / "policies");
    const auto packs = packs_with_forms(catalog, o.pack);
    Registry r(o.registry, Registry::Open::MustExist);
    struct Pack {
        const Policy* policy;
        std::vector<DueReport> due;
        std::vector<std::string> notes;
    };
    std::vector<Pack> work;
    for (const Policy* p : packs) {
        Pack w{p, {}, {}};
        w.due = due_reports(r, *p, o.year, w.notes);
        work.push_back(std::move(w));
    }
    std::size_t total = 0;
    for (const auto& w : work) {
        for (const auto& n : w.notes) std::cout << "说明：" << n << "。\n";
        total += w.due.size();
    }
    if (total == 0) {
        std::cout << o.year << "年没有应报送的获奖组织（登记库 " << o.registry.string() << "），未写入任何文件。\n";
        return 0;
    }
    // Everything staged first; the folders are put in place only when all are written.
    std::vector<std::unique_ptr<StagedOutput>> staged;
    std::vector<const Pack*> staged_packs;
    const RenderEnv env{o.data_dir};
    for (const auto& w : work) {
        if (w.due.empty()) {
            std::cout << w.policy->jurisdiction << "（" << w.policy->id << "）：" << o.year << "年没有应报送的获奖组织。\n";
            continue;
        }
        auto out = std::make_unique<StagedOutput>(o.out_dir, w.policy->id + "-" + std::to_string(o.year) + "年度报送表");
        std::map<std::string, int> per_holder;  // one holder with two awards due: the award in the file name
        for (const auto& d : w.due) ++per_holder[d.spec->id + "|" + d.award.credit_code];
        std::cout << w.policy->jurisdiction << "（" << w.policy->id << "）" << o.year << "年应报送 " << w.due.size() << " 家：\n";
        for (const auto& d : w.due) {
            std::string stem = d.award.name;
            if (per_holder[d.spec->id + "|" + d.award.credit_code] > 1)
                stem += "（" + std::to_string(d.award.year) + "年度" + d.award.award + "）";
            fs::path folder = forms_in(*w.policy) > 1 ? fs::path(sanitize_file_name(d.spec->report_form->title)) : fs::path();
            const std::string file = sanitize_file_name(stem);
            ReportFormRequest req{w.policy, d.spec, d.identity};
            write_report_form_xlsx(req, out->reserve(folder / (file + ".xlsx")));
            write_report_form_pdf(env, req, out->reserve(folder / (file + ".pdf")));
            std::cout << "  " << award_text(d.award) << "：" << d.spec->report_form->title << "，截止 " << d.identity.due.iso()
                      << "，填报 " << d.identity.years.front() << "—" << d.identity.years.back() << " 年数据\n";
        }
        staged.push_back(std::move(out));
        staged_packs.push_back(&w);
    }
    for (std::size_t i = 0; i < staged.size(); ++i)
        print_committed(staged[i]->commit(staged_packs[i]->policy->id + "-" + std::to_string(o.year) + "年度报送表",
                                       staged_packs[i]->policy->id),
                     "报送表");
    return 0;
}

// ---- receive -----------------------------------------------------------------------

int run_reports_receive(const ReportsOptions& o) {
    const Date received_on = date_option("--received-on", o.received_on);
    const PolicyCatalog catalog = load_policy_catalog(o.data_dir / "templates" / "policies");
    Registry r(o.registry, Registry::Open::MustExist);
    ingest::ProblemList out;
    struct Ready {
        ingest::ReportFormRead form;
        long long obligation_id = 0;
        std::string hash;
        AwardRecord award;
    };
    std::vector<Ready> ready;
    std::map<std::pair<long long, int>, std::size_t> seen;  // (obligation, year) -> index in ready
    for (const auto& name : o.files) {
        const fs::path file(name);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            out.add(name, "", "", "", "存在的报送表文件（.xlsx）：检查路径和文件名");
            continue;
        }
        const std::size_t before = out.items.size();
        auto form = ingest::read_report_form(file, name, catalog, out);
        if (!form) continue;
        const ReportFormIdentity& id = form->identity;
        const std::string key = id.pack + " " + std::to_string(id.award_year) + "年度" + id.award + " " + id.credit_code;
        auto award = r.find_award(id.pack, id.award_year, id.credit_code, id.award);
        if (!award) {
            out.add(name, form->ident_record, "获奖记录", key,
                    "登记库 " + o.registry.string() + " 中的一项获奖（登记库中没有这项获奖：这份报送表不是为本登记库中的获奖组织生成的）");
            continue;
        }
        if (award->name != id.name) {
            out.add(name, form->name_cell, "单位名称", id.name, award->name + "（登记库中该获奖组织的名称）");
            continue;
        }
        const ObligationRecord* obligation = nullptr;
        const auto obligations = r.obligations_of(award->id);
        for (const auto& ob : obligations)
            if (ob.obligation == id.obligation) obligation = &ob;
        if (!obligation) {
            out.add(name, form->ident_record, "报送义务", id.obligation,
                    "登记库中该奖项的报送义务（" + award_text(*award) + " 没有 " + id.obligation + " 的记录，无须报送）");
            continue;
        }
        if (!in_window(*obligation, id.report_year)) {
            out.add(name, form->ident_record, "报送年度", std::to_string(id.report_year),
                    "该奖项应报送的年度 " + window_text(*obligation) + "（" + obligation->article + "）");
            continue;
        }
        const auto due = report_due_date(id.report_year, obligation->due.empty() ? form->obligation->report_form->due
                                                                                : obligation->due);
        if (auto rev = r.revocation_of(award->id); rev && due && rev->revoked_on <= *due) {
            out.add(name, form->ident_record, "报送年度", std::to_string(id.report_year),
                    "应报送的年度：该奖项已于 " + rev->revoked_on.iso() + " 撤销（" + rev->article + "），" +
                        std::to_string(id.report_year) + "年无须报送");
            continue;
        }
        if (out.items.size() != before) continue;  // the cells have problems: listed already
        Ready ok{*form, obligation->id, sha256_hex_of_file(file), *award};
        const auto k = std::make_pair(obligation->id, id.report_year);
        if (auto it = seen.find(k); it != seen.end()) {
            if (ready[it->second].hash != ok.hash)
                out.add(name, form->ident_record, "报送年度", std::to_string(id.report_year),
                        "每个获奖组织每年一份报送表（" + award_text(*award) + " 的" + std::to_string(id.report_year) +
                            "年报送表在本次还有另一份不同的文件 " + ready[it->second].form.file + "：请只交其中正确的一份）");
            continue;  // the same file twice: once is enough
        }
        seen.emplace(k, ready.size());
        ready.push_back(std::move(ok));
    }
    if (!out.items.empty()) throw InputError(out.items);

    struct Done {
        const Ready* ready;
        Change change;
        std::optional<ReceivedReport> before;
    };
    std::vector<Done> done;
    {
        auto t = r.transaction();
        for (const auto& x : ready) {
            auto before = r.find_report(x.obligation_id, x.form.identity.report_year);
            if (before && before->report.content_hash == x.hash) {
                done.push_back({&x, Change::Unchanged, before});
                continue;
            }
            ReportDetails details{x.form.filled_by, x.form.phone, x.form.filled_on, x.form.figures};
            const Recorded rec = r.record_report_details(
                x.obligation_id, ReportRecord{x.form.identity.report_year, received_on, x.hash}, details);
            done.push_back({&x, rec.change, before});
        }
        t.commit();
    }
    int added = 0, changed = 0, unchanged = 0;
    for (const auto& d : done) {
        const Ready& x = *d.ready;
        std::cout << "  " << x.form.file << "：" << award_text(x.award) << " " << x.form.identity.report_year << "年";
        switch (d.change) {
        case Change::Added:
            ++added;
            std::cout << "，已记录（收到日期 " << received_on.iso() << "，" << x.form.figures.size() << " 项数据，填报人 "
                      << x.form.filled_by << "）\n";
            break;
        case Change::Changed:
            ++changed;
            std::cout << "，已更正：替换 " << d.before->report.received_on.iso()
                      << " 收到的报送表（原记录保留在登记库的历史表中），收到日期 " << received_on.iso() << "\n";
            break;
        case Change::Unchanged:
            ++unchanged;
            std::cout << "，与 " << d.before->report.received_on.iso() << " 收到的文件相同，未改动\n";
            break;
        }
    }
    std::cout << "已读入 " << o.files.size() << " 个文件到登记库 " << o.registry.string() << "：新记录 " << added << " 份，更正 "
              << changed << " 份，未变 " << unchanged << " 份。\n";
    return 0;
}

// ---- status ------------------------------------------------------------------------

int run_reports_status(const ReportsOptions& o) {
    check_year(o.year);
    check_out_dir(o.out_dir);
    const Date as_of = date_option("--as-of", o.as_of);
    const PolicyCatalog catalog = load_policy_catalog(o.data_dir / "templates" / "policies");
    const auto packs = packs_with_forms(catalog, o.pack);
    Registry r(o.registry, Registry::Open::MustExist);

    struct Group {
        const Policy* policy;
        const Obligation* obligation;
        std::vector<ReportStatus> rows;
        std::vector<ReportStatus> overdue;
    };
    std::vector<Group> groups;
    for (const Policy* p : packs) {
        std::vector<std::string> notes;
        const auto due = due_reports(r, *p, o.year, notes);
        for (const auto& n : notes) std::cout << "说明：" << n << "。\n";
        for (const auto& spec : p->obligations) {
            if (!spec.report_form) continue;
            Group g{p, &spec, {}, {}};
            for (const auto& d : due) {
                if (d.spec != &spec) continue;
                ReportStatus s;
                s.identity = d.identity;
                // As of the date asked: a report received later was not there yet.
                const auto report = r.find_report(d.obligation.id, o.year);
                if (report && report->report.received_on <= as_of) {
                    s.state = ReportStatus::State::Received;
                    s.received_on = report->report.received_on;
                    const int late = d.identity.due.days_until(report->report.received_on);
                    if (late > 0) s.note = "截止日期后 " + std::to_string(late) + " 天收到";
                } else if (as_of > d.identity.due) {
                    s.state = ReportStatus::State::Overdue;
                    s.overdue_days = d.identity.due.days_until(as_of);
                } else {
                    s.state = ReportStatus::State::NotYetDue;
                }
                if (d.revocation) s.note += (s.note.empty() ? "" : "；") + std::string("已于 ") + d.revocation->revoked_on.iso() + " 撤销";
                g.rows.push_back(s);
                if (s.state == ReportStatus::State::Overdue) g.overdue.push_back(s);
            }
            if (!g.rows.empty()) groups.push_back(std::move(g));
        }
    }
    if (groups.empty()) {
        std::cout << o.year << "年没有应报送的获奖组织（登记库 " << o.registry.string() << "），未写入任何文件。\n";
        return 0;
    }

    // The notice's particulars, checked before anything is written.
    std::size_t overdue = 0;
    for (const auto& g : groups) overdue += g.overdue.size();
    ReminderNotice notice;
    if (overdue > 0) {
        std::vector<Problem> problems;
        if (o.issuer.empty())
            problems.push_back(option_problem("--issuer", "", "催报通知的发文机关署名（有 " + std::to_string(overdue) +
                                                                  " 家逾期，需要发催报通知），如 --issuer 魏都区区长质量奖评审委员会秘书处"));
        else if (auto why = ingest::text_expectation_problem(o.issuer, ingest::kShortTextMaxChars); !why.empty())
            problems.push_back(option_problem("--issuer", o.issuer, why));
        if (o.submit_by.empty())
            problems.push_back(option_problem("--submit-by", "", "催报通知要求补报的日期（晚于 --as-of " + as_of.iso() +
                                                                     "），格式 YYYY-MM-DD，如 --submit-by " +
                                                                     as_of.plus_days(15).iso()));
        else if (auto d = Date::parse(o.submit_by); !d || *d <= as_of)
            problems.push_back(option_problem("--submit-by", o.submit_by,
                                              "晚于 --as-of（" + as_of.iso() + "）的真实日期，格式 YYYY-MM-DD"));
        else
            notice.submit_by = *d;
        if (!o.doc_number.empty())
            if (auto why = ingest::document_number_problem(o.doc_number); !why.empty())
                problems.push_back(option_problem("--doc-number", o.doc_number,
                                                  "GB/T 9704 的发文字号，如 魏质奖秘〔" + std::to_string(as_of.year()) + "〕5号（" + why + "）"));
        if (!o.contact.empty())
            if (auto why = ingest::text_expectation_problem(o.contact, ingest::kShortTextMaxChars); !why.empty())
                problems.push_back(option_problem("--contact", o.contact, why));
        if (!problems.empty()) throw InputError(problems);
        notice.issuer = o.issuer;
        notice.document_number = o.doc_number;
        notice.date = as_of;
        notice.contact = o.contact;
    }

    const RenderEnv env{o.data_dir};
    std::map<const Policy*, std::unique_ptr<StagedOutput>> staged;
    std::vector<const Policy*> order;
    for (const auto& g : groups) {
        auto& out = staged[g.policy];
        if (!out) {
            out = std::make_unique<StagedOutput>(o.out_dir, g.policy->id + "-" + std::to_string(o.year) + "年度报送情况");
            order.push_back(g.policy);
        }
        const bool several = forms_in(*g.policy) > 1;
        const std::string suffix = several ? "（" + sanitize_file_name(g.obligation->report_form->title) + "）" : "";
        write_report_status_xlsx(*g.policy, *g.obligation, o.year, as_of, g.rows, out->reserve("报送情况" + suffix + ".xlsx"));
        if (!g.overdue.empty())
            write_report_reminder_pdf(env, *g.policy, *g.obligation, o.year, as_of, g.overdue, notice,
                                      out->reserve("催报通知" + suffix + ".pdf"));
        int received = 0, waiting = 0;
        for (const auto& s : g.rows) {
            received += s.state == ReportStatus::State::Received;
            waiting += s.state == ReportStatus::State::NotYetDue;
        }
        std::cout << g.policy->jurisdiction << "（" << g.policy->id << "）" << o.year << "年《" << g.obligation->report_form->title
                  << "》，截至 " << as_of.iso() << "：应报送 " << g.rows.size() << " 家，已报送 " << received << " 家，未到期 "
                  << waiting << " 家，逾期 " << g.overdue.size() << " 家。\n";
        for (const auto& s : g.rows) {
            std::cout << "  " << report_state_text(s.state) << "  " << s.identity.name << "（" << s.identity.credit_code << "，"
                      << s.identity.award_year << "年度" << s.identity.award << "）截止 " << s.identity.due.iso();
            if (s.received_on) std::cout << "，" << s.received_on->iso() << " 收到";
            if (s.state == ReportStatus::State::Overdue) std::cout << "，逾期 " << s.overdue_days << " 天";
            if (!s.note.empty()) std::cout << "（" << s.note << "）";
            std::cout << "\n";
        }
        if (g.overdue.empty()) std::cout << "  没有逾期未报送的获奖组织，不生成催报通知。\n";
    }
    for (const Policy* p : order)
        print_committed(staged[p]->commit(p->id + "-" + std::to_string(o.year) + "年度报送情况", p->id), "报送情况");
    return 0;
}

}  // namespace award
