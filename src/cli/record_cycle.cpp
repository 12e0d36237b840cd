#include "cli/record_cycle.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "cli/output_folder.hpp"
#include "model/text.hpp"
#include "registry/certificate_payload.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

// What became of an applicant in this run, in the registry's words.
std::string outcome_of(const Evaluated& e, std::size_t i, const std::set<std::size_t>& granted) {
    const EligibilityResult& r = e.outcome.results.at(i);
    if (!r.accepted) return "rejected";
    if (granted.count(i)) return "awarded";
    for (const auto& g : e.review.removed)
        if (g.applicant_index == i) return "removed";
    if (e.review.complete && e.c.commendation) return "not_awarded";
    return "accepted";
}

void count(CycleRecording& rec, const Recorded& r, const std::string& what) {
    switch (r.change) {
    case Change::Added: ++rec.added; break;
    case Change::Unchanged: ++rec.unchanged; break;
    case Change::Changed:
        ++rec.changed;
        rec.changes.push_back("更改：" + what);
        break;
    }
}

// The money of a grant: the review's when it proposed it, else the pack's for a first-time winner.
long long prize_of(const Evaluated& e, const CertificateContent& content) {
    for (const auto& w : e.review.winners)
        if (w.applicant_index == content.cert.applicant_index && w.award == content.cert.award) return w.prize_yuan;
    if (content.cert.repeat_winner) return 0;
    const AwardSpec* spec = e.policy->find_award_by_name(content.cert.award);
    return spec ? spec->prize_yuan : 0;
}

// The last review stage the applicant entered (stage id), "" before the review.
std::string stage_reached(const Evaluated& e, std::size_t i) {
    std::string reached;
    for (const auto& stage : e.policy->review.stages) {
        bool entered = e.review.find(stage.id, i) != nullptr;
        for (const auto& adv : e.review.advancements)
            if (adv.stage == stage.id)
                entered = entered || std::find(adv.advanced.begin(), adv.advanced.end(), i) != adv.advanced.end();
        if (entered) reached = stage.id;
    }
    return reached;
}

// The applicant's percentage of each score sheet category at each stage it was scored at
// on the items sheet, in hundredths of a percent, rounded half up once.
std::vector<CategoryPercent> category_percents(const Evaluated& e, std::size_t i) {
    std::vector<CategoryPercent> out;
    const auto& categories = e.policy->score_sheet.categories;
    for (const auto& s : e.review.stage_scores) {
        if (s.applicant_index != i || s.category_aggregates.size() != categories.size() || s.counted == 0) continue;
        for (std::size_t k = 0; k < categories.size(); ++k) {
            const Score& got = s.category_aggregates[k];
            const std::int64_t den = got.denominator() * categories[k].points;
            if (den <= 0 || got.numerator() < 0) continue;
            const std::int64_t hundredths = (got.numerator() * 200 + den) / (2 * den);
            out.push_back({s.stage, categories[k].id, categories[k].name, int(std::min<std::int64_t>(hundredths, 10000))});
        }
    }
    return out;
}

}  // namespace

std::string case_content_hash(const fs::path& case_folder) {
    std::vector<std::pair<std::string, fs::path>> files;
    for (const auto& entry : fs::recursive_directory_iterator(case_folder))
        if (entry.is_regular_file()) files.emplace_back(fs::relative(entry.path(), case_folder).generic_string(), entry.path());
    std::sort(files.begin(), files.end());
    std::string listing;
    for (const auto& [name, path] : files) listing += name + '\0' + sha256_hex_of_file(path) + '\n';
    return sha256_hex_of_text(listing);
}

RegistryHistory registry_history(Registry& registry, const Case& c) {
    RegistryHistory history;
    for (const Applicant& a : c.applicants) {
        auto prior = registry.prior_awards_of(c.policy, a.credit_code, c.year);
        if (!prior.empty()) history[a.credit_code] = std::move(prior);
    }
    return history;
}

CycleRecording record_cycle_results(Registry& registry, Evaluated& e, const OfficeKey* key, const Date& today) {
    const Case& c = e.c;
    const Policy& policy = *e.policy;
    CycleRecording rec;

    // The cycle: run_on stays the day the case was first recorded as it is now.
    const std::string hash = case_content_hash(c.folder);
    const auto before = registry.find_cycle(policy.id, c.year);
    std::optional<Date> run_on = today;
    if (before && before->content_hash == hash && before->run_on) run_on = before->run_on;
    if (before && !before->case_id.empty() && before->case_id != c.id)
        rec.changes.push_back("评选周期 " + policy.id + " " + std::to_string(c.year) + "年度原由案卷 " + before->case_id +
                              " 记录，现由案卷 " + c.id + " 记录");
    count(rec, registry.record_cycle({policy.id, c.year, c.id, run_on, hash}),
          "评选周期 " + policy.id + " " + std::to_string(c.year) + "年度（案卷内容已改变）");

    std::set<std::size_t> granted;
    for (const auto& content : e.certificates) granted.insert(content.cert.applicant_index);

    // Applications, and those the case no longer has.
    std::set<std::string> codes;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) {
        const Applicant& a = c.applicants[i];
        const EligibilityResult& r = e.outcome.results.at(i);
        std::vector<std::string> reasons;
        for (const auto* f : r.failures()) reasons.push_back(f->reason);
        codes.insert(a.credit_code);
        count(rec,
              registry.record_application({policy.id, c.year, a.credit_code, a.name, a.award, outcome_of(e, i, granted),
                                           join(reasons, "\n"), r.failed_articles(), a.industry, a.township, a.size,
                                           stage_reached(e, i), category_percents(e, i)}),
              "申报记录 " + a.name + "（" + a.credit_code + "）");
    }
    for (const auto& old : registry.applications_in(policy.id, c.year)) {
        if (codes.count(old.credit_code)) continue;
        registry.remove_application(policy.id, c.year, old.credit_code);
        ++rec.removed;
        rec.changes.push_back("删除：申报记录 " + old.name + "（" + old.credit_code + "），案卷中已没有该组织");
    }

    // Awards the case no longer grants: removed unless already a fact (certificate, revocation, report).
    std::set<std::pair<std::string, std::string>> grants;
    for (const auto& content : e.certificates) grants.insert({content.credit_code, content.cert.award});
    for (const auto& old : registry.awards_in(policy.id, c.year)) {
        if (grants.count({old.credit_code, old.award})) continue;
        registry.remove_award(old);
        ++rec.removed;
        rec.changes.push_back("删除：获奖记录 " + old.name + "（" + old.credit_code + "）" + old.award +
                              "，案卷中已不再授予（尚未颁发证书）");
    }

    // Awards, their certificates (numbers from the registry, in grant order) and obligations.
    for (auto& content : e.certificates) {
        const Certificate& cert = content.cert;
        const std::string what = content.holder + "（" + content.credit_code + "）" + cert.award;
        const Recorded award = registry.record_award({0, policy.id, c.year, content.credit_code, content.holder, cert.award,
                                                      cert.date, cert.repeat_winner, prize_of(e, content)});
        count(rec, award, "获奖记录 " + what);

        std::string number;
        const auto existing = registry.certificate_of(award.id);
        if (existing) {
            number = existing->number;
        } else {
            const AwardSpec* spec = policy.find_award_by_name(cert.award);
            number = registry.next_certificate_number(policy.certificates.number_pattern, c.year,
                                                      spec ? spec->certificate_code : "");
        }
        content.cert.number = number;
        const CertificateClaim claim{number, content.credit_code, content.holder, cert.award, c.year, cert.date, policy.id};
        const std::string message_hash = certificate_content_hash(claim);
        if (existing && !existing->content_hash.empty() && existing->content_hash != message_hash)
            throw RegistryRefused("登记库 " + registry.path().string() + "：证书 " + number + "（" + what +
                                  "）颁发时的内容与本次不同（单位名称、奖项、年度或颁发日期已改）。证书颁发后内容不再更改："
                                  "如须更正，请用 award revoke " + number + " 撤销后重新表彰");
        if (!key) throw std::logic_error("certificates to sign and no office key");
        content.qr_payload = sign_certificate_payload(claim, *key);
        count(rec, registry.issue_certificate(award.id, number, cert.date, message_hash), "证书 " + number);
        if (!existing) rec.issued.push_back(number);

        for (const Obligation& o : policy.obligations)
            count(rec, registry.record_obligation(award.id, {0, o.id, o.article, c.year + 1, o.years, o.due()}),
                  "获奖后的义务 " + what + " " + o.id);
    }

    // 追加激励资金 this cycle's 奖金发放表 lists; those it listed before and no longer does are removed.
    std::set<long long> paid;
    for (const auto& t : e.top_ups.due) {
        paid.insert(t.higher_award_id);
        count(rec, registry.record_top_up(t.higher_award_id, policy.id, {c.year, t.held.award, t.prize_yuan, t.article}),
              "追加激励资金 " + t.name + "（" + t.credit_code + "）" + t.higher_award);
    }
    for (const auto& gone : registry.remove_top_ups_except(policy.id, c.year, paid)) {
        ++rec.removed;
        rec.changes.push_back("删除：追加激励资金 " + gone.record.name + "（" + gone.record.credit_code + "）" +
                              gone.record.award + "，本届不再发放");
    }
    return rec;
}

}  // namespace award
