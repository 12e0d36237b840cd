#include "cli/app.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "cli/output_folder.hpp"
#include "ingest/case_reader.hpp"
#include "model/errors.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "packs/policy_pack.hpp"
#include "render/acceptance_documents.hpp"
#include "render/certificates.hpp"
#include "render/documents.hpp"
#include "rules/commendation.hpp"
#include "rules/eligibility.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

constexpr int kExitDone = 0;
constexpr int kExitInternal = 1;
constexpr int kExitBadInput = 2;

// Where templates/ and fonts/ are: --data-dir, else $AWARD_DATA_DIR, else the source tree it was built from.
fs::path resolve_data_dir(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("AWARD_DATA_DIR"); env && *env) return env;
    return AWARD_DATA_DIR;
}

struct Evaluated {
    Case c;
    const Policy* policy;
    AcceptanceOutcome outcome;
    std::vector<CertificateContent> certificates;   // empty until the case records a commendation
    std::optional<CertificatePrinter> printer;      // loaded when there are certificates
};

// Reads and validates the case, then applies the rules. Throws InputError,
// ConfigError or CalendarYearMissing for anything the user can fix.
Evaluated evaluate(const fs::path& case_dir, const fs::path& data_dir, PolicyCatalog& catalog) {
    catalog = load_policy_catalog(data_dir / "templates" / "policies");
    Case c = read_case(case_dir, catalog);
    const Policy& policy = catalog.at(c.policy);
    HolidayCalendar calendar = load_holiday_calendar(data_dir / "templates" / "holidays.json");
    AcceptanceOutcome outcome = decide_acceptance(policy, c, calendar);
    // What the documents would print must be printable: found here, not half-way through writing.
    std::vector<Problem> problems = font_coverage_problems(RenderEnv{data_dir}, c, policy, outcome);
    CertificateIssue issue = issue_certificates(policy, c, outcome);
    problems.insert(problems.end(), issue.problems.begin(), issue.problems.end());
    if (!problems.empty()) throw InputError(std::move(problems));

    Evaluated e{std::move(c), &policy, std::move(outcome), {}, std::nullopt};
    e.certificates = certificate_contents(e.c, policy, issue.certificates);
    if (!e.certificates.empty()) {
        e.printer.emplace(data_dir, policy);
        for (const auto& content : e.certificates) {
            auto p = e.printer->problems(content);
            problems.insert(problems.end(), p.begin(), p.end());
        }
        if (!problems.empty()) throw InputError(std::move(problems));
    }
    return e;
}

const char* unit_name(PeriodUnit u) { return u == PeriodUnit::WorkingDays ? "个工作日" : "天"; }

void print_summary(const Evaluated& e) {
    std::size_t accepted = 0;
    for (const auto& r : e.outcome.results) accepted += r.accepted ? 1 : 0;
    const auto& p = e.outcome.publicity;
    std::cout << e.c.id << "：" << e.policy->regulation << "，" << e.c.year << "年度，申报 " << e.c.applicants.size()
              << " 家，受理 " << accepted << " 家，不予受理 " << e.c.applicants.size() - accepted << " 家。\n"
              << "受理名单公示期：" << p.start.chinese() << "至" << p.end.chinese() << "（" << p.length
              << unit_name(p.unit) << "，" << p.article << "）。\n";
    for (const auto& r : e.outcome.results) {
        const Applicant& a = e.c.applicants.at(r.applicant_index);
        std::cout << "  " << (r.accepted ? "受理    " : "不予受理") << "  " << a.name << "（" << a.award << "）";
        if (!r.accepted) std::cout << "：" << r.failed_articles();
        std::cout << "\n";
    }
    if (!e.certificates.empty()) {
        std::cout << "表彰：颁发证书 " << e.certificates.size() << " 张（" << e.policy->certificates.article << "）。\n";
        for (const auto& content : e.certificates)
            std::cout << "  " << content.cert.number << "  " << content.holder << "（" << content.cert.award
                      << (content.cert.repeat_winner ? "，再次获奖，不占名额" : "") << "）\n";
    }
}

void write_acceptance_documents(StagedOutput& out, const Evaluated& e, const RenderEnv& env) {
    write_acceptance_list_xlsx(e.c, *e.policy, e.outcome, out.reserve("受理名单.xlsx"));
    write_eligibility_review_xlsx(e.c, *e.policy, e.outcome, out.reserve("资格审查结果（内部）.xlsx"));
    write_acceptance_notice_pdf(env, e.c, *e.policy, e.outcome, out.reserve(kAcceptanceNoticeFile));
    for (const auto& r : e.outcome.results) {
        if (r.accepted) continue;
        const Applicant& a = e.c.applicants.at(r.applicant_index);
        write_rejection_letter_pdf(env, e.c, *e.policy, r,
                                   out.reserve(fs::path(kRejectionLetterFolder) / (sanitize_file_name(a.name) + ".pdf")));
    }
}

void write_certificates(StagedOutput& out, const Evaluated& e) {
    if (e.certificates.empty()) return;
    std::vector<fs::path> paths;
    for (const auto& content : e.certificates)
        paths.push_back(out.reserve(fs::path(kCertificateFolder) / (sanitize_file_name(content.holder) + ".pdf")));
    e.printer->write_each(e.certificates, paths);
    e.printer->write_merged(e.certificates, std::to_string(e.c.year) + "年度" + e.policy->award_title + "证书（合并打印）",
                            out.reserve(kMergedCertificatesFile));
}

int report_problems(const InputError& e) {
    std::cerr << "输入有误，共 " << e.problems().size() << " 处（未写入任何文件）：\n";
    for (const auto& p : e.problems()) std::cerr << "  " << p.message() << "\n";
    return kExitBadInput;
}

// Runs `body`, mapping each kind of failure to its exit status and a message.
template <class F>
int guarded(F&& body) {
    try {
        return body();
    } catch (const InputError& e) {
        return report_problems(e);
    } catch (const ConfigError& e) {
        std::cerr << "配置有误（未写入任何文件）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const CalendarYearMissing& e) {
        std::cerr << "日历不全（未写入任何文件）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const fs::filesystem_error& e) {
        std::cerr << "写入失败（未留下任何文件）：" << e.path1().string() << "：" << e.code().message() << "\n";
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "内部错误：" << e.what() << "\n";
        return kExitInternal;
    }
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"award：区县质量奖秘书处的文书流水线。读取案卷（申报单位与评审数据），按奖励管理办法审查，生成公示、通知书与名单。"};
    app.set_version_flag("--version", AWARD_VERSION);
    app.require_subcommand(1);
    std::string data_dir_opt;
    app.add_option("--data-dir", data_dir_opt, "templates/ 与 fonts/ 所在目录（默认：$AWARD_DATA_DIR 或源代码目录）");

    std::string case_dir;
    auto* check = app.add_subcommand("check", "校验案卷并列出全部问题，不写任何文件");
    check->fallthrough();  // --data-dir may come after the subcommand too
    check->add_option("CASE_DIR", case_dir, "案卷目录（含 case.json、applicants.json）")->required()->check(CLI::ExistingDirectory);

    std::string out_dir = "output";
    auto* run = app.add_subcommand("run", "校验、审查并生成受理阶段的文书到 OUT/<案卷名>/");
    run->fallthrough();
    run->add_option("CASE_DIR", case_dir, "案卷目录")->required()->check(CLI::ExistingDirectory);
    run->add_option("--out", out_dir, "输出根目录（默认 output）")->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitDone : kExitBadInput;
    }
    const fs::path data_dir = resolve_data_dir(data_dir_opt);

    if (check->parsed()) {
        return guarded([&] {
            PolicyCatalog catalog;
            Evaluated e = evaluate(case_dir, data_dir, catalog);
            std::cout << "案卷无误。\n";
            print_summary(e);
            return kExitDone;
        });
    }
    if (fs::exists(out_dir) && !fs::is_directory(out_dir)) {
        std::cerr << "--out " << out_dir << "：已存在且不是文件夹，应为输出文件夹（不存在时自动创建）。\n";
        return kExitBadInput;
    }
    return guarded([&] {
        PolicyCatalog catalog;
        Evaluated e = evaluate(case_dir, data_dir, catalog);
        print_summary(e);
        StagedOutput out(out_dir, e.c.id);
        write_acceptance_documents(out, e, RenderEnv{data_dir});
        write_certificates(out, e);
        auto done = out.commit(e.c.id, e.policy->id);
        switch (done.result) {
        case StagedOutput::Result::Created:
            std::cout << "已写入 " << done.folder.string() << "（" << done.files.size() << " 个文件，见 manifest.json）。\n";
            break;
        case StagedOutput::Result::Unchanged:
            std::cout << done.folder.string() << " 已是本次结果，未改动（" << done.files.size() << " 个文件）。\n";
            break;
        case StagedOutput::Result::Replaced:
            std::cout << "已写入 " << done.folder.string() << "（" << done.files.size() << " 个文件）；上次的不同结果已保留在 "
                      << done.previous.string() << "。\n";
            break;
        }
        return kExitDone;
    });
}

}  // namespace award
