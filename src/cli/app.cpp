#include "cli/app.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "cli/evaluate.hpp"
#include "cli/explain_command.hpp"
#include "cli/output_folder.hpp"
#include "cli/policies_command.hpp"
#include "cli/registry_command.hpp"
#include "cli/sheets_command.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"
#include "registry/registry_path.hpp"
#include "registry/sqlite.hpp"
#include "render/acceptance_documents.hpp"
#include "render/certificates.hpp"
#include "render/documents.hpp"
#include "render/review_documents.hpp"

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

const char* unit_name(PeriodUnit u) { return u == PeriodUnit::WorkingDays ? "个工作日" : "天"; }

void print_review_summary(const Evaluated& e) {
    const ReviewOutcome& r = e.review;
    const ReviewSpec& spec = e.policy->review;
    if (spec.stages.empty()) return;
    const int decimals = spec.rounding_decimals;
    auto name_of = [&](std::size_t i) { return e.c.applicants.at(i).name; };
    for (const auto& stage_id : r.stages_scored) {
        const StageSpec* stage = spec.find_stage(stage_id);
        std::cout << stage->name << "（" << stage->article << "）：评分已齐。\n";
        for (const auto& s : r.stage_scores)
            if (s.stage == stage_id)
                std::cout << "  " << name_of(s.applicant_index) << "  " << s.aggregate.text(decimals) << " 分（"
                          << s.method_text << "）\n";
        for (const auto& a : r.advancements) {
            if (spec.find_stage(a.stage) != stage + 1) continue;
            std::cout << "  进入" << (stage + 1)->name << " " << a.advanced.size() << " 家：" << a.rule_text << "\n";
        }
    }
    for (const auto& t : r.ties) {
        std::vector<std::string> names;
        for (auto i : t.applicants) names.push_back(name_of(i));
        std::cout << "并列：" << t.boundary_text << "，" << join(names) << " 同为 " << t.score_text << " 分，"
                  << (t.resolved_by ? "已按决定处理（" + t.resolved_by->basis + "）" : "需" + spec.committee + "决定（decisions.json）")
                  << "\n";
    }
    if (!r.ranking.empty()) {
        std::cout << "综合排名：\n";
        for (const auto& rc : r.ranking)
            std::cout << "  " << rc.rank << ". " << name_of(rc.applicant_index) << "  "
                      << Score::units_text(rc.total_units, decimals) << " 分\n";
    }
    if (r.complete) {
        std::cout << spec.proposed_list << " " << r.proposed.size() << " 家";
        if (r.publicity)
            std::cout << "，公示期 " << r.publicity->start.chinese() << "至" << r.publicity->end.chinese() << "（"
                      << r.publicity->length << unit_name(r.publicity->unit) << "，" << r.publicity->article << "）";
        std::cout << "。\n";
        for (const auto& g : r.removed)
            std::cout << "  公示期间异议成立，取消：" << name_of(g.applicant_index) << "（" << g.award << "）\n";
        for (const auto& g : r.winners)
            std::cout << "  " << g.award << "  " << name_of(g.applicant_index) << (g.repeat_winner ? "（再次获奖）" : "")
                      << (g.refill ? "（递补）" : "")
                      << (e.policy->pays_prizes() ? "  奖金 " + std::to_string(g.prize_yuan) + " 元" : std::string()) << "\n";
        for (const auto& po : r.passed_over)
            std::cout << "  不授予" << po.award << "：" << name_of(po.applicant_index) << "，" << po.reason << "\n";
        for (const auto& v : r.vacancies) std::cout << "  空缺：" << v.award << " " << v.places << " 个名额：" << v.reason << "\n";
    } else if (!r.waiting_for.empty()) {
        std::cout << "评审待续：还需要" << r.waiting_for << "。\n";
    }
}

void print_summary(const Evaluated& e) {
    std::size_t accepted = 0;
    for (const auto& r : e.outcome.results) accepted += r.accepted ? 1 : 0;
    const auto& p = e.outcome.publicity;
    std::cout << e.c.id << "：" << e.policy->regulation << "，" << e.c.year << "年度，申报 " << e.c.applicants.size()
              << " 家，受理 " << accepted << " 家，不予受理 " << e.c.applicants.size() - accepted << " 家。\n";
    if (p)
        std::cout << "受理名单公示期：" << p->start.chinese() << "至" << p->end.chinese() << "（" << p->length
                  << unit_name(p->unit) << "，" << p->article << "）。\n";
    else
        std::cout << "受理名单：以通知公布，不设公示期（《" << e.policy->regulation << "》未规定受理名单公示）。\n";
    for (const auto& r : e.outcome.results) {
        const Applicant& a = e.c.applicants.at(r.applicant_index);
        std::cout << "  " << (r.accepted ? "受理    " : "不予受理") << "  " << a.name << "（" << a.award << "）";
        if (!r.accepted) std::cout << "：" << r.failed_articles();
        std::cout << "\n";
    }
    print_review_summary(e);
    if (!e.certificates.empty()) {
        std::cout << "表彰：颁发证书 " << e.certificates.size() << " 张（" << e.policy->certificates.article << "）。\n";
        for (const auto& content : e.certificates)
            std::cout << "  " << content.cert.number << "  " << content.holder << "（" << content.cert.award
                      << (content.cert.repeat_winner ? "，再次获奖，不占名额" : "") << "）\n";
    }
}

void write_acceptance_documents(StagedOutput& out, const Evaluated& e, const RenderEnv& env) {
    write_acceptance_list_xlsx(e.c, *e.policy, e.outcome, out.reserve("受理名单.xlsx"));
    write_eligibility_review_xlsx(e.c, *e.policy, e.outcome, out.reserve("资格审查结果（内部）.xlsx"), e.internal_warnings);
    write_acceptance_notice_pdf(env, e.c, *e.policy, e.outcome, out.reserve(acceptance_notice_file(e.outcome)));
    for (const auto& r : e.outcome.results) {
        if (r.accepted) continue;
        const Applicant& a = e.c.applicants.at(r.applicant_index);
        write_rejection_letter_pdf(env, e.c, *e.policy, r,
                                   out.reserve(fs::path(kRejectionLetterFolder) / (sanitize_file_name(a.name) + ".pdf")));
    }
}

// The review stage's documents, each as soon as what it shows is settled.
void write_review_documents(StagedOutput& out, const Evaluated& e, const RenderEnv& env) {
    const ReviewOutcome& r = e.review;
    if (r.stages_scored.empty()) return;
    write_score_summary_xlsx(e.c, *e.policy, r, out.reserve(kScoreSummaryFile), e.internal_warnings);
    if (!r.advancements.empty() && e.c.review.onsite_list) {
        write_onsite_list_pdf(env, e.c, *e.policy, r, out.reserve(kOnsiteListFile));
        for (auto i : feedback_recipients(r))
            write_feedback_letter_pdf(
                env, e.c, *e.policy, r, i,
                out.reserve(fs::path(kFeedbackLetterFolder) / (sanitize_file_name(e.c.applicants.at(i).name) + ".pdf")));
    }
    if (!r.complete) return;
    if (!r.proposed.empty() && r.publicity) write_proposed_winners_pdf(env, e.c, *e.policy, r, out.reserve(proposed_winners_file(*e.policy)));
    write_winners_xlsx(e.c, *e.policy, r, out.reserve(kWinnersListFile), e.internal_warnings);
    // No 奖金发放表 where the regulation grants no money: a sheet of zeros would be paid from.
    if (e.policy->pays_prizes())
        write_prize_payment_xlsx(e.c, *e.policy, r, out.reserve(kPrizePaymentFile), e.internal_warnings);
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
    } catch (const PolicyOutOfForce& e) {
        std::cerr << "案卷日期不在政策包的有效期内（未写入任何文件）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const ConfigError& e) {
        std::cerr << "配置有误（未写入任何文件）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const CalendarYearMissing& e) {
        std::cerr << "日历不全（未写入任何文件）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const RegistryRefused& e) {
        std::cerr << "登记库不能使用（未作任何改动）：" << e.what() << "\n";
        return kExitBadInput;
    } catch (const RegistryError& e) {
        std::cerr << "登记库出错（本次写入已全部撤销）：" << e.what() << "\n";
        return kExitInternal;
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
    PolicyOverride policy_override;
    const char* allow_expired_help = "案卷日期超出政策包所依据的管理办法的有效期时，确认仍按该办法执行（警告印在内部报表和 manifest.json 上）";
    check->add_flag("--allow-expired-policy", policy_override.allow_expired, allow_expired_help);

    std::string out_dir = "output";
    auto* run = app.add_subcommand("run", "校验、审查并生成受理阶段的文书到 OUT/<案卷名>/");
    run->fallthrough();
    run->add_option("CASE_DIR", case_dir, "案卷目录")->required()->check(CLI::ExistingDirectory);
    run->add_option("--out", out_dir, "输出根目录（默认 output）")->capture_default_str();
    run->add_flag("--allow-expired-policy", policy_override.allow_expired, allow_expired_help);

    auto* sheets = app.add_subcommand("sheets", "生成评审专家的评分表（XLSX），每位专家每个评审阶段一个文件，写入 OUT/<案卷名>-评分表/");
    sheets->fallthrough();
    sheets->add_option("CASE_DIR", case_dir, "案卷目录（含 reviewers.json）")->required()->check(CLI::ExistingDirectory);
    sheets->add_option("--out", out_dir, "输出根目录（默认 output）")->capture_default_str();
    sheets->add_flag("--allow-expired-policy", policy_override.allow_expired, allow_expired_help);

    std::string applicant_query;
    auto* explain = app.add_subcommand("explain", "逐项列出申报组织的审查与评审过程（资格审查各条件、各阶段评分、排名、奖项与奖金）及所依条款，供人工核对，不写任何文件");
    explain->fallthrough();
    explain->add_option("CASE_DIR", case_dir, "案卷目录")->required()->check(CLI::ExistingDirectory);
    explain->add_option("APPLICANT", applicant_query, "统一社会信用代码、完整的单位名称或名称中唯一的一段（不写：全部申报组织，按申报顺序）");
    explain->add_flag("--allow-expired-policy", policy_override.allow_expired, allow_expired_help);

    auto* policies = app.add_subcommand("policies", "列出可用的政策包：辖区、管理办法、奖项、名额、奖金、评审阶段与公示规则");
    policies->fallthrough();

    auto* registry = app.add_subcommand(
        "registry", "获奖登记库（一个 SQLite 文件，跨年度记录评选、获奖、证书、撤销、报送义务）：import 导入往年记录，export 导出全部记录");
    registry->fallthrough();
    registry->require_subcommand(1);
    std::string registry_opt;
    registry->add_option("--registry", registry_opt,
                         "登记库文件（默认：$AWARD_REGISTRY，否则 $XDG_DATA_HOME/award/registry.sqlite，否则 "
                         "~/.local/share/award/registry.sqlite）");
    std::string registry_file;
    auto* registry_import = registry->add_subcommand(
        "import", "导入往年记录（JSON，格式见 samples/README.md“获奖登记库”）：整个文件一次导入，有任何问题则列出全部问题、什么也不导入；重复导入同一文件不改变任何记录");
    registry_import->fallthrough();
    registry_import->add_option("FILE", registry_file, "要导入的 JSON 文件")->required()->check(CLI::ExistingFile);
    std::string registry_out;
    auto* registry_export = registry->add_subcommand("export", "以导入所用的 JSON 格式导出登记库的全部记录（不含历史表）");
    registry_export->fallthrough();
    registry_export->add_option("--out", registry_out, "写入此文件（默认：标准输出）");
    app.footer(
        "获奖登记库：award registry 使用的 SQLite 文件，默认位置依次为 $AWARD_REGISTRY；$XDG_DATA_HOME/award/registry.sqlite；"
        "~/.local/share/award/registry.sqlite。用 --registry PATH 指定其他文件。");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitDone : kExitBadInput;
    }
    const fs::path data_dir = resolve_data_dir(data_dir_opt);

    if (policies->parsed()) {
        return guarded([&] {
            std::cout << describe_policies(load_policy_catalog(data_dir / "templates" / "policies"));
            return kExitDone;
        });
    }
    if (registry->parsed()) {
        return guarded([&] {
            const fs::path path = registry_opt.empty() ? default_registry_path() : fs::path(registry_opt);
            if (registry_import->parsed()) return run_registry_import(path, registry_file, data_dir);
            return run_registry_export(path, registry_out);
        });
    }
    if (check->parsed()) {
        return guarded([&] {
            PolicyCatalog catalog;
            Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override);
            print_warnings(e.internal_warnings);
            std::cout << "案卷无误。\n";
            print_summary(e);
            return kExitDone;
        });
    }
    if (explain->parsed()) {
        return guarded([&] {
            PolicyCatalog catalog;
            Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override);
            print_warnings(e.internal_warnings);
            std::vector<std::size_t> chosen;
            try {
                chosen = select_applicants(e.c, applicant_query);
            } catch (const ApplicantNotFound& err) {
                std::cerr << err.what() << "\n";
                return kExitBadInput;
            }
            for (std::size_t k = 0; k < chosen.size(); ++k) std::cout << (k ? "\n" : "") << explain_applicant(e, chosen[k]);
            return kExitDone;
        });
    }
    if (fs::exists(out_dir) && !fs::is_directory(out_dir)) {
        std::cerr << "--out " << out_dir << "：已存在且不是文件夹，应为输出文件夹（不存在时自动创建）。\n";
        return kExitBadInput;
    }
    if (sheets->parsed()) return guarded([&] { return run_sheets_command(case_dir, data_dir, out_dir, policy_override); });
    return guarded([&] {
        PolicyCatalog catalog;
        Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override);
        print_warnings(e.internal_warnings);
        print_summary(e);
        StagedOutput out(out_dir, e.c.id);
        write_acceptance_documents(out, e, RenderEnv{data_dir});
        write_review_documents(out, e, RenderEnv{data_dir});
        write_certificates(out, e);
        auto done = out.commit(e.c.id, e.policy->id, e.internal_warnings);
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
