#include "cli/app.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "cli/evaluate.hpp"
#include "cli/explain_command.hpp"
#include "cli/output_folder.hpp"
#include "cli/policies_command.hpp"
#include "cli/record_cycle.hpp"
#include "cli/registry_command.hpp"
#include "cli/reports_command.hpp"
#include "cli/stats_command.hpp"
#include "cli/revoke_command.hpp"
#include "cli/sheets_command.hpp"
#include "cli/verify_command.hpp"
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

// The run's date on this computer's calendar (the office's local day).
Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date(local.tm_year + 1900, unsigned(local.tm_mon + 1), unsigned(local.tm_mday));
}

fs::path registry_path_from(const std::string& option) {
    return option.empty() ? default_registry_path() : fs::path(option);
}

void print_recording(const CycleRecording& rec, const Registry& registry) {
    std::cout << "登记库 " << registry.path().string() << "：新增 " << rec.added << " 条，更新 " << rec.changed
              << " 条，删除 " << rec.removed << " 条，未变 " << rec.unchanged << " 条";
    if (!rec.issued.empty()) std::cout << "；新颁发证书编号 " << join(rec.issued);
    std::cout << "。\n";
    if (!rec.changes.empty()) {
        std::cout << "登记库中改动的记录（原记录保留在历史表中）：\n";
        for (const auto& c : rec.changes) std::cout << "  " << c << "\n";
    }
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
    for (const auto& t : e.top_ups.due)
        std::cout << "  追加激励资金：" << t.name << "，" << t.basis() << "，" << t.prize_yuan << " 元（" << t.article
                  << "）\n";
    for (const auto& note : e.top_ups.notes) std::cout << "  不追加：" << note << "\n";
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
        write_prize_payment_xlsx(e.c, *e.policy, r, e.top_ups.due, out.reserve(kPrizePaymentFile), e.internal_warnings);
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
    std::string registry_opt;
    const char* registry_help =
        "获奖登记库文件（默认：$AWARD_REGISTRY，否则 $XDG_DATA_HOME/award/registry.sqlite，否则 "
        "~/.local/share/award/registry.sqlite）";
    check->add_option("--registry", registry_opt, std::string(registry_help) + "：以往各届的获奖与撤销记录从这里读取");

    std::string out_dir = "output";
    auto* run = app.add_subcommand("run", "校验、审查并生成受理阶段的文书到 OUT/<案卷名>/");
    run->fallthrough();
    run->add_option("CASE_DIR", case_dir, "案卷目录")->required()->check(CLI::ExistingDirectory);
    run->add_option("--out", out_dir, "输出根目录（默认 output）")->capture_default_str();
    run->add_flag("--allow-expired-policy", policy_override.allow_expired, allow_expired_help);
    run->add_option("--registry", registry_opt,
                    std::string(registry_help) + "：读取以往各届的记录，并记录本届结果、颁发证书编号（不存在时新建）");
    std::string office_key_opt;
    run->add_option("--office-key", office_key_opt,
                    "签署证书二维码的本机构私钥（默认：$AWARD_OFFICE_KEY，否则登记库所在目录下 keys/office-ed25519.pem；"
                    "不存在时新建，仅本人可读，不得放在输出目录或 git 仓库中）");

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
    explain->add_option("--registry", registry_opt, std::string(registry_help) + "：以往各届的获奖与撤销记录从这里读取");

    // award verify: is a certificate genuine, unaltered and still standing?
    VerifyOptions verify_options;
    std::string verify_as_of, public_key_opt;
    auto* verify = app.add_subcommand(
        "verify",
        "核验证书：读取证书 PDF 上的二维码，核对颁证机构的签名、证书上印的文字和登记库，给出有效、已撤销、已过期或伪造；"
        "全部有效时退出码为 0，否则为 3");
    verify->fallthrough();
    verify->add_option("ITEM", verify_options.items,
                       "证书 PDF 文件（可以多个，合并打印的 PDF 逐页核验）、扫描二维码得到的文字（AWD1|…），或证书编号（只查登记库）")
        ->required();
    verify->add_option("--public-key", public_key_opt, "颁证机构导出的公钥（PEM 文件，award key --out 导出）；不写时用本机的签名密钥");
    verify->add_option("--office-key", office_key_opt, "本机的签名私钥（默认同 award run）");
    verify->add_option("--registry", registry_opt, registry_help);
    verify->add_option("--as-of", verify_as_of, "按哪一天核验有效期（YYYY-MM-DD，默认今天）");

    // award key: the public half of the office key, for whoever verifies.
    std::string key_out;
    auto* key_cmd = app.add_subcommand("key", "显示并导出本机构证书签名密钥的公钥（PEM），交给需要核验证书的单位；私钥不会导出");
    key_cmd->fallthrough();
    key_cmd->add_option("--office-key", office_key_opt, "本机的签名私钥（默认同 award run）");
    key_cmd->add_option("--out", key_out, "把公钥写入此文件（PEM）");

    auto* policies = app.add_subcommand("policies", "列出可用的政策包：辖区、管理办法、奖项、名额、奖金、评审阶段与公示规则");
    policies->fallthrough();

    auto* registry = app.add_subcommand(
        "registry", "获奖登记库（一个 SQLite 文件，跨年度记录评选、获奖、证书、撤销、报送义务）：import 导入往年记录，export 导出全部记录");
    registry->fallthrough();
    registry->require_subcommand(1);
    registry->add_option("--registry", registry_opt, registry_help);
    std::string registry_file;
    auto* registry_import = registry->add_subcommand(
        "import", "导入往年记录（JSON 或 XLSX 工作簿，格式见 samples/README.md“获奖登记库”）：整个文件一次导入，有任何问题则列出全部问题（工作簿中为工作表、行、列）、什么也不导入；重复导入同一文件不改变任何记录");
    registry_import->fallthrough();
    registry_import->add_option("FILE", registry_file, "要导入的 JSON 文件，或 .xlsx 工作簿")->required()->check(CLI::ExistingFile);
    std::string registry_out;
    auto* registry_export = registry->add_subcommand("export", "以导入所用的格式导出登记库的全部记录（不含历史表）：JSON，或 --out 为 .xlsx 时为工作簿（空登记库得到空白模板）");
    registry_export->fallthrough();
    registry_export->add_option("--out", registry_out, "写入此文件，文件名以 .xlsx 结尾时写工作簿（默认：JSON 到标准输出）");
    // ---- award revoke (撤销 and 撤销通报, src/cli/revoke_command.*) ----
    RevokeRequest revoke_request;
    auto* revoke = app.add_subcommand(
        "revoke", "撤销一个奖项：按政策包所列的撤销情形及条款记入获奖登记库，并生成撤销通报（公文）到 OUT/撤销通报/；"
                  "同一撤销重复执行不改变任何记录");
    revoke->fallthrough();
    revoke->add_option("CERTIFICATE_NUMBER", revoke_request.certificate, "要撤销的奖项的证书编号，如 WD2025Z001");
    revoke->add_option("--pack", revoke_request.pack, "登记库中没有证书的奖项：政策包编号，如 weidu（与 --year、--credit-code、--award 同用）");
    revoke->add_option("--year", revoke_request.year, "登记库中没有证书的奖项：获奖年度，如 2025");
    revoke->add_option("--credit-code", revoke_request.credit_code, "登记库中没有证书的奖项：获奖组织的统一社会信用代码");
    revoke->add_option("--award", revoke_request.award, "登记库中没有证书的奖项：奖项名称，如 区长质量奖");
    revoke->add_option("--reason", revoke_request.reason, "撤销原因，须为政策包所列撤销情形之一（award policies 列出），如 弄虚作假")->required();
    revoke->add_option("--article", revoke_request.article, "同一撤销原因对应多项撤销情形时，指明依据的条款，如 第二十五条（三）");
    revoke->add_option("--date", revoke_request.date, "撤销日期，也是通报的成文日期，YYYY-MM-DD")->required();
    revoke->add_option("--doc-number", revoke_request.document_number, "撤销通报的发文字号，如 魏质奖〔2027〕3号")->required();
    revoke->add_option("--issuer", revoke_request.issuer, "发文机关（版头与落款），如 许昌市魏都区人民政府")->required();
    revoke->add_option("--to", revoke_request.addressee, "主送机关（默认：各有关单位）");
    revoke->add_option("--facts", revoke_request.facts, "查实的事实，印在通报正文中，如 \"经查，……\"（每行一段）");
    revoke->add_option("--registry", registry_opt, registry_help);
    std::string revoke_out = "output";
    revoke->add_option("--out", revoke_out, "输出根目录（默认 output），通报写入其中的 撤销通报/ 文件夹")->capture_default_str();
    // ---- award reports (获奖组织年度报送表, src/cli/reports_command.*) ----
    ReportsOptions reports_opt;
    auto* reports = app.add_subcommand(
        "reports", "获奖组织年度报送表（魏都区第二十八条（二）、中牟县第二十九条）：forms 生成报送表，receive 读回填好的报送表，"
                   "status 列出报送情况并给逾期的获奖组织生成催报通知");
    reports->fallthrough();
    reports->require_subcommand(1);
    reports->add_option("--registry", registry_opt, registry_help);
    const char* reports_pack_help = "只处理这个政策包，如 weidu（默认：所有设有报送表的政策包）";
    auto* reports_forms = reports->add_subcommand(
        "forms", "为报送年度在报送期内的每个获奖组织生成报送表（XLSX 供填写，PDF 供打印），写入 OUT/<政策包>-<年度>年度报送表/");
    reports_forms->fallthrough();
    reports_forms->add_option("--year", reports_opt.year, "报送年度，如 2026（报送此前3年的数据）")->required();
    reports_forms->add_option("--pack", reports_opt.pack, reports_pack_help);
    reports_forms->add_option("--out", reports_opt.out_dir, "输出根目录（默认 output）")->capture_default_str();
    auto* reports_receive = reports->add_subcommand(
        "receive", "读回填好的报送表（XLSX）并记入登记库：先检查全部文件，有任何问题则列出全部问题、什么也不记录；同一文件重复读入不改变任何记录");
    reports_receive->fallthrough();
    reports_receive->add_option("FILES", reports_opt.files, "填好的报送表 .xlsx（可多个）")->required();
    reports_receive->add_option("--received-on", reports_opt.received_on, "收到日期 YYYY-MM-DD（默认：今天）");
    auto* reports_status = reports->add_subcommand(
        "status", "列出报送年度应报送、已报送、未到期和逾期的获奖组织（报送情况.xlsx），有逾期的生成催报通知.pdf，写入 "
                  "OUT/<政策包>-<年度>年度报送情况/");
    reports_status->fallthrough();
    reports_status->add_option("--year", reports_opt.year, "报送年度，如 2026")->required();
    reports_status->add_option("--as-of", reports_opt.as_of, "统计截至日期 YYYY-MM-DD，也是催报通知的成文日期（默认：今天）");
    reports_status->add_option("--pack", reports_opt.pack, reports_pack_help);
    reports_status->add_option("--out", reports_opt.out_dir, "输出根目录（默认 output）")->capture_default_str();
    reports_status->add_option("--issuer", reports_opt.issuer, "催报通知的发文机关署名，如 魏都区区长质量奖评审委员会秘书处（有逾期时必填）");
    reports_status->add_option("--submit-by", reports_opt.submit_by, "催报通知要求补报的日期 YYYY-MM-DD，晚于 --as-of（有逾期时必填）");
    reports_status->add_option("--doc-number", reports_opt.doc_number, "催报通知的发文字号，如 魏质奖秘〔2026〕5号（不写：不印版头）");
    reports_status->add_option("--contact", reports_opt.contact, "催报通知上的联系人及电话，如 \"王敏，0374-1234567\"");
    // ---- award stats (年度统计报告, src/cli/stats_command.*) ----
    StatsOptions stats_opt;
    auto* stats = app.add_subcommand(
        "stats", "年度统计报告：按登记库中的评选记录，写出 OUT/<政策包>-<年度>年度统计报告/ 下的 年度统计报告.pdf（摘要、图表）和 "
                 "年度统计报告.xlsx（每部分一个工作表，数据和可编辑的图表）");
    stats->fallthrough();
    stats->add_option("--year", stats_opt.year, "统计年度，如 2026")->required();
    stats->add_option("--since", stats_opt.since, "比较的起始年度，如 2024（默认：登记库中最早的一届，最多往前4年）");
    stats->add_option("--pack", stats_opt.pack, "只统计这个政策包，如 weidu（默认：登记库中有该年度评选记录的所有政策包）");
    stats->add_option("--as-of", stats_opt.as_of, "统计截至日期 YYYY-MM-DD（逾期未报送按此计算），也是报告的日期（默认：今天）");
    stats->add_option("--issuer", stats_opt.issuer, "报告末尾的署名，如 魏都区区长质量奖评委会秘书处（不写：不署名）");
    stats->add_option("--out", stats_opt.out_dir, "输出根目录（默认 output）")->capture_default_str();
    stats->add_option("--registry", registry_opt, registry_help);
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
            const fs::path path = registry_path_from(registry_opt);
            if (registry_import->parsed()) return run_registry_import(path, registry_file, data_dir);
            return run_registry_export(path, registry_out, data_dir);
        });
    }
    if (revoke->parsed()) {  // award revoke (src/cli/revoke_command.*)
        return guarded([&] {
            revoke_request.registry = registry_path_from(registry_opt);
            revoke_request.out_root = revoke_out;
            revoke_request.data_dir = data_dir;
            return run_revoke_command(revoke_request);
        });
    }
    if (reports->parsed()) {  // award reports (src/cli/reports_command.*)
        return guarded([&] {
            reports_opt.registry = registry_path_from(registry_opt);
            reports_opt.data_dir = data_dir;
            if (reports_forms->parsed()) return run_reports_forms(reports_opt);
            if (reports_receive->parsed()) return run_reports_receive(reports_opt);
            return run_reports_status(reports_opt);
        });
    }
    if (stats->parsed()) {  // award stats (src/cli/stats_command.*)
        return guarded([&] {
            stats_opt.registry = registry_path_from(registry_opt);
            stats_opt.data_dir = data_dir;
            return run_stats_command(stats_opt);
        });
    }
    if (verify->parsed()) {
        return guarded([&] {
            verify_options.public_key = public_key_opt;
            verify_options.office_key = office_key_opt.empty() ? default_office_key_path() : fs::path(office_key_opt);
            verify_options.registry = registry_path_from(registry_opt);
            verify_options.data_dir = data_dir;
            if (!verify_as_of.empty()) {
                verify_options.as_of = Date::parse(verify_as_of);
                if (!verify_options.as_of) {
                    std::cerr << "--as-of " << verify_as_of << "：应为 YYYY-MM-DD 格式的日期。\n";
                    return kExitBadInput;
                }
            }
            return run_verify_command(verify_options, today());
        });
    }
    if (key_cmd->parsed()) {
        return guarded([&] {
            const OfficeKey key =
                OfficeKey::load_existing(office_key_opt.empty() ? default_office_key_path() : fs::path(office_key_opt));
            std::cout << "证书签名密钥：" << key.path().string() << "\n公钥（Ed25519，base64）：" << key.public_key().base64()
                      << "\n" << key.public_key().pem();
            if (!key_out.empty()) {
                key.public_key().write_pem_file(key_out);
                std::cout << "已把公钥写入 " << key_out << "。\n";
            }
            return kExitDone;
        });
    }
    if (check->parsed()) {
        return guarded([&] {
            PolicyCatalog catalog;
            auto history = open_registry_for_reading(registry_path_from(registry_opt));
            Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override, history ? &*history : nullptr);
            print_warnings(e.internal_warnings);
            std::cout << "案卷无误。\n";
            print_summary(e);
            return kExitDone;
        });
    }
    if (explain->parsed()) {
        return guarded([&] {
            PolicyCatalog catalog;
            auto history = open_registry_for_reading(registry_path_from(registry_opt));
            Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override, history ? &*history : nullptr);
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
        const fs::path registry_path = registry_path_from(registry_opt);
        std::optional<Registry> registry = open_registry_for_reading(registry_path);
        Evaluated e = evaluate(case_dir, data_dir, catalog, policy_override, registry ? &*registry : nullptr);
        print_warnings(e.internal_warnings);
        // The input is good: from here the registry is written, certificates are numbered and signed.
        std::optional<OfficeKey> key;
        if (!e.certificates.empty()) {
            const fs::path key_path = office_key_opt.empty() ? default_office_key_path() : fs::path(office_key_opt);
            key.emplace(OfficeKey::load_or_create(key_path, fs::path(out_dir) / sanitize_file_name(e.c.id)));
            if (key->created())
                std::cout << "已新建本机构的证书签名密钥 " << key->path().string()
                          << "（仅本人可读，请备份；验证证书用的公钥可用 award key 导出）。\n";
        }
        const bool registry_existed = registry.has_value();
        if (!registry) registry.emplace(registry_path, Registry::Open::CreateIfMissing);
        CycleRecording recording;
        std::optional<StagedOutput::Committed> committed;
        try {
            auto transaction = registry->transaction();
            recording = record_cycle_results(*registry, e, key ? &*key : nullptr, today());
            print_summary(e);
            StagedOutput out(out_dir, e.c.id);
            write_acceptance_documents(out, e, RenderEnv{data_dir});
            write_review_documents(out, e, RenderEnv{data_dir});
            write_certificates(out, e);
            committed = out.commit(e.c.id, e.policy->id, e.internal_warnings);
            transaction.commit();
        } catch (...) {
            // A registry this run created is removed again: a failed run leaves nothing behind.
            if (!registry_existed) {
                registry.reset();
                std::error_code ec;
                fs::remove(registry_path, ec);
            }
            throw;
        }
        auto& done = *committed;
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
        print_recording(recording, *registry);
        return kExitDone;
    });
}

}  // namespace award
