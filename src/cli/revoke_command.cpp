#include "cli/revoke_command.hpp"

#include <algorithm>
#include <iostream>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "cli/output_folder.hpp"  // sha256_hex_of_file
#include "ingest/text_rules.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"
#include "packs/policy_pack.hpp"
#include "packs/revocation.hpp"
#include "registry/registry.hpp"
#include "render/revocation_notice.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

constexpr int kDone = 0;
constexpr int kRefused = 2;

const std::string kCommandLine = "命令行";

// The refusal, printed: nothing was recorded and nothing written.
int refuse(const std::string& why) {
    std::cerr << "未撤销（登记库和输出文件夹均未改动）：" << why << "\n";
    return kRefused;
}

std::string trim(const std::string& s) {
    static const std::vector<std::string> blanks = {" ", "\t", "\r", "\n", "　"};
    std::size_t from = 0, to = s.size();
    for (bool again = true; again;) {
        again = false;
        for (const auto& b : blanks) {
            if (to - from >= b.size() && s.compare(from, b.size(), b) == 0) from += b.size(), again = true;
            if (to - from >= b.size() && s.compare(to - b.size(), b.size(), b) == 0) to -= b.size(), again = true;
        }
    }
    return s.substr(from, to - from);
}

// The paragraphs of --facts: one a line, blank lines dropped.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t nl = text.find('\n', from);
        if (nl == std::string::npos) nl = text.size();
        if (auto line = trim(text.substr(from, nl - from)); !line.empty()) out.push_back(line);
        from = nl + 1;
    }
    return out;
}

std::string award_label(const AwardRecord& a) {
    return a.name + "（" + a.credit_code + "）" + std::to_string(a.year) + "年度" + a.award;
}

std::string revocation_text(const RevocationRecord& r) {
    std::string s = "于" + r.revoked_on.chinese() + "撤销（";
    s += r.reason.empty() ? "未录撤销原因" : "原因：" + r.reason;
    s += "，依据" + (r.article.empty() ? std::string("未录") : r.article);
    s += r.ban_years ? "，" + std::to_string(*r.ban_years) + "年内不得申报" : "，无禁止申报期";
    return s + "）";
}

bool same_revocation(const RevocationRecord& a, const RevocationRecord& b) {
    return a.revoked_on == b.revoked_on && a.article == b.article && a.reason == b.reason && a.ban_years == b.ban_years;
}

std::string grounds_list(const RevocationSpec& spec) {
    std::vector<std::string> parts;
    for (const auto& g : spec.grounds) parts.push_back(g.reason + "（" + g.article + "：" + g.text + "）");
    return join(parts, "；");
}

// Certificate numbers near `number` in sort order (at most 20), for a number not found.
std::string numbers_near(const std::vector<std::string>& all, const std::string& number) {
    if (all.empty()) return "登记库中还没有任何证书";
    const std::size_t at = std::size_t(std::lower_bound(all.begin(), all.end(), number) - all.begin());
    const std::size_t from = at > 10 ? at - 10 : 0, to = std::min(all.size(), from + 20);
    std::vector<std::string> shown(all.begin() + long(from), all.begin() + long(to));
    std::string s = "登记库中共有 " + std::to_string(all.size()) + " 张证书";
    s += all.size() > shown.size() ? "，编号与之相近的有：" : "，编号为：";
    return s + join(shown);
}

// Folders made for the notice, removed again (when empty) unless the notice was committed.
class MadeFolders {
public:
    explicit MadeFolders(const fs::path& dir) {
        for (fs::path p = fs::absolute(dir); !p.empty() && !fs::exists(p); p = p.parent_path()) {
            made_.push_back(p);
            if (p == p.parent_path()) break;
        }
        fs::create_directories(dir);
    }
    ~MadeFolders() {
        if (keep_) return;
        std::error_code ec;
        for (const auto& d : made_) fs::remove(d, ec);  // innermost first; only if empty
    }
    void keep() { keep_ = true; }

private:
    std::vector<fs::path> made_;
    bool keep_ = false;
};

// The notice rendered into a staging folder beside its place, under its own name (the
// PDF's file identifier is made from the name: the same notice gives the same bytes).
// The folder, and the file unless moved into place, are removed at the end.
struct StagedFile {
    fs::path dir, path;
    StagedFile(const fs::path& target)
        : dir(target.parent_path() / ("." + target.filename().string() + ".staging-" + std::to_string(::getpid()))),
          path(dir / target.filename()) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~StagedFile() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

}  // namespace

int run_revoke_command(const RevokeRequest& q) {
    // ---- The options, every problem at once -----------------------------------------
    std::vector<Problem> problems;
    auto option_problem = [&](const std::string& field, const std::string& value, const std::string& expected) {
        problems.push_back({kCommandLine, "", field, ingest::shown(value), expected});
    };
    const bool by_number = !q.certificate.empty();
    const bool by_key = !q.pack.empty() || !q.year.empty() || !q.credit_code.empty() || !q.award.empty();
    std::optional<int> year;
    if (q.year.size() == 4 && q.year.find_first_not_of("0123456789") == std::string::npos) year = std::stoi(q.year);
    else if (!q.year.empty()) option_problem("--year", q.year, "四位数字的获奖年度，如 2025");
    if (by_number && by_key)
        option_problem("CERTIFICATE_NUMBER", q.certificate,
                       "证书编号，或 --pack、--year、--credit-code、--award 四项，二者只用其一");
    else if (!by_number && !by_key)
        option_problem("CERTIFICATE_NUMBER", "",
                       "要撤销的奖项的证书编号；登记库中没有证书的奖项用 --pack、--year、--credit-code、--award 指明");
    else if (by_key) {
        if (q.pack.empty()) option_problem("--pack", "", "政策包编号，如 weidu");
        if (q.year.empty()) option_problem("--year", "", "获奖年度，如 2025");
        if (q.credit_code.empty()) option_problem("--credit-code", "", "获奖组织的统一社会信用代码");
        if (q.award.empty()) option_problem("--award", "", "奖项名称，如 区长质量奖");
    }
    const std::optional<Date> date = Date::parse(q.date);
    if (!date) option_problem("--date", q.date, "撤销日期（也是通报的成文日期），YYYY-MM-DD 格式的真实日期，如 2027-03-01");
    {
        int written = 0;  // the year written in the 发文字号
        if (auto why = ingest::document_number_problem(q.document_number, &written); !why.empty())
            option_problem("--doc-number", q.document_number,
                           "符合 GB/T 9704 的发文字号：机关代字＋〔年份〕＋序号＋“号”，如 魏质奖〔2027〕3号（" + why + "）");
        else if (date && written != date->year())
            option_problem("--doc-number", q.document_number,
                           "〔〕中的年份与撤销日期 --date 的年份（" + std::to_string(date->year()) + "）一致的发文字号");
    }
    const std::string issuer = trim(q.issuer);
    std::string addressee = trim(q.addressee);
    for (const std::string colon : {"：", ":"})
        if (addressee.size() >= colon.size() && addressee.compare(addressee.size() - colon.size(), colon.size(), colon) == 0)
            addressee.erase(addressee.size() - colon.size());
    if (issuer.empty()) option_problem("--issuer", q.issuer, "发文机关全称，如 许昌市魏都区人民政府");
    if (addressee.empty()) option_problem("--to", q.addressee, "主送机关，如 各有关单位");
    if (trim(q.reason).empty()) option_problem("--reason", q.reason, "撤销原因，如 弄虚作假");
    for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
             {"--issuer", issuer}, {"--to", addressee}, {"--facts", q.facts}, {"--doc-number", q.document_number}}) {
        std::string text = value;
        if (field == "--facts") std::replace(text.begin(), text.end(), '\n', ' ');  // new lines separate paragraphs
        if (auto why = ingest::character_problem(text); !why.empty())
            option_problem(field, value, ingest::kExpectPlainText + "（" + why + "）");
    }
    if (!problems.empty()) throw InputError(problems);
    const std::string reason = trim(q.reason);

    // ---- The award ----------------------------------------------------------------------
    const PolicyCatalog packs = load_policy_catalog(q.data_dir / "templates" / "policies");
    Registry registry(q.registry, Registry::Open::MustExist);
    const std::string where = "登记库 " + registry.path().string();
    std::optional<AwardRecord> award;
    if (by_number) {
        const auto cert = registry.find_certificate(q.certificate);
        if (!cert)
            return refuse(where + " 中没有证书编号 " + q.certificate + "。" + numbers_near(registry.certificate_numbers(), q.certificate) +
                          "。没有证书的奖项用 --pack、--year、--credit-code、--award 指明。");
        award = registry.find_award(cert->pack, cert->year, cert->credit_code, cert->award);
    } else {
        const auto pack = packs.find(q.pack);
        if (pack == packs.end()) {
            std::vector<std::string> ids;
            for (const auto& [id, p] : packs) ids.push_back(id);
            return refuse("没有政策包 \"" + q.pack + "\"（--pack）；可用：" + join(ids));
        }
        if (!pack->second.find_award_by_name(q.award)) {
            std::vector<std::string> names;
            for (const auto& a : pack->second.awards) names.push_back(a.name);
            return refuse("政策包 " + q.pack + " 没有奖项 \"" + q.award + "\"（--award）；该政策包的奖项：" + join(names));
        }
        // Credit codes are stored in capitals (ingest); the letters may be typed in either case.
        std::string code = q.credit_code;
        for (char& c : code)
            if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
        award = registry.find_award(q.pack, *year, code, q.award);
        if (!award) {
            std::vector<std::string> held;
            for (const auto& a : registry.awards_of(q.pack, code)) {
                const auto c = registry.certificate_of(a.id);
                held.push_back(std::to_string(a.year) + "年度" + a.award + (c ? "（证书编号 " + c->number + "）" : ""));
            }
            return refuse(where + " 中没有 " + q.pack + " " + std::to_string(*year) + "年度 " + code + " 的" + q.award +
                          "获奖记录；" +
                          (held.empty() ? "该统一社会信用代码在政策包 " + q.pack + " 下没有任何获奖记录"
                                        : "该组织在政策包 " + q.pack + " 下的获奖记录：" + join(held)));
        }
    }
    if (!award) throw RegistryError(where + "：证书 " + q.certificate + " 所属的获奖记录找不到（文件可能被其他程序改过）");
    const auto pack = packs.find(award->pack);
    if (pack == packs.end())
        return refuse(award_label(*award) + " 属于政策包 \"" + award->pack + "\"，但 " +
                      (q.data_dir / "templates" / "policies").string() + " 中没有这个政策包");
    const Policy& policy = pack->second;
    if (!policy.revocation)
        return refuse("政策包 " + policy.id + "（" + policy.source.string() + "）没有 revocation 部分（撤销情形），无从依据条款撤销");

    // ---- The ground ---------------------------------------------------------------------
    const auto grounds = policy.revocation->grounds_for(reason);
    if (grounds.empty())
        return refuse("撤销原因 \"" + reason + "\"（--reason）不是《" + policy.regulation + "》规定的撤销情形；可用：" +
                      grounds_list(*policy.revocation));
    const RevocationGround* ground = nullptr;
    if (grounds.size() == 1 && (q.article.empty() || q.article == grounds[0]->article)) ground = grounds[0];
    for (const RevocationGround* g : grounds)
        if (!ground && !q.article.empty() && g->article == q.article) ground = g;
    if (!ground) {
        std::vector<std::string> options;
        for (const RevocationGround* g : grounds) options.push_back(g->article + "（" + g->text + "）");
        return refuse("撤销原因 \"" + reason + "\" 对应《" + policy.regulation + "》的 " + std::to_string(grounds.size()) +
                      " 项撤销情形" + (q.article.empty() ? "，请用 --article 指明其一：" : "，--article \"" + q.article + "\" 不是其中之一：") +
                      join(options, "；"));
    }
    if (*date < award->awarded_on)
        return refuse("撤销日期 " + date->iso() + "（--date）早于获奖日期 " + award->awarded_on.iso() + "（" + award_label(*award) + "）");

    const std::optional<RevocationBan> ban = revocation_ban(policy, *ground);
    RevocationRecord record;
    record.revoked_on = *date;
    record.article = ground->article;
    record.reason = reason;
    if (ban) record.ban_years = ban->years;
    const auto earlier = registry.revocation_of(award->id);
    if (earlier && !same_revocation(*earlier, record))
        return refuse(award_label(*award) + " 已" + revocation_text(*earlier) + "；本次为" + revocation_text(record) +
                      "。一个奖项只撤销一次，登记库中已记录的撤销不改动。");

    // ---- The notice, rendered beside its place ----------------------------------------
    RevocationNotice n;
    n.policy = &policy;
    n.ground = ground;
    n.ban = ban;
    n.name = award->name;
    n.credit_code = award->credit_code;
    n.award = award->award;
    n.year = award->year;
    n.awarded_on = award->awarded_on;
    n.prize_yuan = award->prize_yuan;
    if (const auto cert = registry.certificate_of(award->id)) n.certificate_number = cert->number;
    n.award_origin = {registry.path().string(), "获奖记录（" + award->pack + " " + award_label(*award) + "）", ""};
    n.revoked_on = *date;
    n.document_number = q.document_number;
    n.issuer = issuer;
    n.addressee = addressee;
    n.facts = paragraphs(q.facts);

    if (fs::exists(q.out_root) && !fs::is_directory(q.out_root))
        return refuse("--out " + q.out_root.string() + "：已存在且不是文件夹，应为输出文件夹（不存在时自动创建）");
    const fs::path folder = q.out_root / kRevocationNoticeFolder;
    const fs::path target = folder / revocation_notice_file(n);
    MadeFolders made(folder);
    StagedFile staged(target);
    write_revocation_notice_pdf(RenderEnv{q.data_dir}, n, staged.path);
    bool same_file = false;
    if (fs::exists(target)) {
        same_file = sha256_hex_of_file(target) == sha256_hex_of_file(staged.path);
        if (!same_file)
            return refuse(target.string() + " 已存在，内容与本次的通报不同（文号、事实、主送或落款等不同）；已出具的通报不覆盖。"
                                            "如确需重新出具，请先将该文件移走，或用 --out 指定其他文件夹。");
    }

    // ---- Recorded and moved into place together --------------------------------------
    Recorded recorded;
    {
        auto tx = registry.transaction();
        recorded = registry.record_revocation(award->id, record);
        if (!same_file) fs::rename(staged.path, target);
        try {
            tx.commit();
        } catch (...) {
            std::error_code ec;
            if (!same_file) fs::remove(target, ec);
            throw;
        }
    }
    made.keep();

    const std::string ban_text =
        ban ? "自撤销之日起" + std::to_string(ban->years) + "年内不得再次申报（" + ban->article + "，至" +
                  date->plus_years(ban->years).plus_days(-1).chinese() + "）"
            : "《" + policy.regulation + "》对此撤销情形未规定禁止申报期";
    if (recorded.change == Change::Unchanged) {
        std::cout << "未改动：" << award_label(*award) << " 已" << revocation_text(*earlier) << "，登记库 "
                  << registry.path().string() << " 中已有此记录。\n";
        std::cout << (same_file ? "撤销通报 " + target.string() + " 已是本次内容，未改动。\n"
                                : "已写入撤销通报 " + target.string() + "。\n");
        return kDone;
    }
    std::cout << "已撤销 " << award_label(*award) << (n.certificate_number.empty() ? "" : "（证书编号 " + n.certificate_number + "）")
              << "：" << date->chinese() << "，依据《" << policy.regulation << "》" << ground->article << "，原因：" << reason
              << "；" << ban_text << "。已记入登记库 " << registry.path().string() << "。\n";
    std::cout << (same_file ? "撤销通报 " + target.string() + " 已是本次内容，未改动。\n"
                            : "已写入撤销通报 " + target.string() + "。\n");
    return kDone;
}

}  // namespace award
