#include "rules/commendation.hpp"

#include <map>
#include <stdexcept>

#include "model/text.hpp"

namespace award {

namespace {

// One piece of a number pattern: literal text, or a placeholder.
struct PatternPart {
    enum Kind { Literal, Year, AwardCode, Seq } kind = Literal;
    std::string text;  // Literal: the text
    int width = 0;     // Seq: N
};

// Splits the pattern; `problem` receives what is wrong (empty when usable).
std::vector<PatternPart> parse_pattern(const std::string& pattern, std::string& problem) {
    std::vector<PatternPart> parts;
    int years = 0, codes = 0, seqs = 0;
    const std::string allowed = "可用的占位符只有 {year}、{award_code}、{seq:N}（N 为 1–6）";
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '}') {
            problem = "第 " + std::to_string(i + 1) + " 个字节处的 } 没有对应的 {";
            return {};
        }
        if (pattern[i] != '{') {
            std::size_t next = pattern.find_first_of("{}", i);
            if (next == std::string::npos) next = pattern.size();
            parts.push_back({PatternPart::Literal, pattern.substr(i, next - i), 0});
            i = next;
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        const std::size_t nested = pattern.find('{', i + 1);
        if (close == std::string::npos || (nested != std::string::npos && nested < close)) {
            problem = "{ 没有对应的 }（" + pattern.substr(i) + "）";
            return {};
        }
        const std::string name = pattern.substr(i + 1, close - i - 1);
        if (name == "year") {
            parts.push_back({PatternPart::Year, "", 0});
            ++years;
        } else if (name == "award_code") {
            parts.push_back({PatternPart::AwardCode, "", 0});
            ++codes;
        } else if (name.size() == 5 && name.compare(0, 4, "seq:") == 0 && name[4] >= '1' && name[4] <= '6') {
            parts.push_back({PatternPart::Seq, "", name[4] - '0'});
            ++seqs;
        } else if (name.compare(0, 4, "seq:") == 0 || name == "seq") {
            problem = "{" + name + "} 的位数 N 应为 1 至 6 的一位数字，如 {seq:3}";
            return {};
        } else {
            problem = "未知占位符 {" + name + "}；" + allowed;
            return {};
        }
        i = close + 1;
    }
    // Sequences restart for every award and every year: the code and the year keep
    // the numbers of one award from those of another, and of one year from the next.
    const auto once = [&](int count, const std::string& name, const std::string& why) {
        if (problem.empty() && count != 1)
            problem = (count == 0 ? "缺少占位符 " : "占位符 ") + name + (count == 0 ? "" : " 出现了 " + std::to_string(count) + " 次") +
                      "：每个占位符恰好写一次（" + why + "）";
    };
    once(seqs, "{seq:N}", "{seq:N} 是各奖项内的顺序号，N 为补 0 后的位数");
    once(codes, "{award_code}", "顺序号按奖项分别从 1 起编，不写奖项代码则不同奖项的证书编号会重复");
    once(years, "{year}", "顺序号每年度从 1 起编，不写年度则不同年度的证书编号会重复");
    return problem.empty() ? parts : std::vector<PatternPart>{};
}

std::string padded(int n, int width) {
    std::string digits = std::to_string(n);
    if (int(digits.size()) < width) digits.insert(0, std::size_t(width) - digits.size(), '0');
    return digits;
}

bool holds_already(const Applicant& a, const std::string& award) {
    for (const auto& prior : a.prior_awards)
        if (prior.award == award && !prior.revoked_on) return true;
    return false;
}

// The article that lets a former winner re-apply (魏都区 第十二条): the pack's
// cooldown check of the award, or of any award; empty when the pack has none.
std::string repeat_article(const Policy& policy, const AwardSpec& award) {
    for (const auto& id : award.checks)
        if (const CheckSpec* c = policy.find_check(id); c && c->kind == "cooldown_after_award") return c->article;
    for (const auto& c : policy.checks)
        if (c.kind == "cooldown_after_award") return c.article;
    return "";
}

std::string cited(const Policy& policy, const std::string& article) {
    return "《" + policy.regulation + "》" + article;
}

// "质量管理创新奖": the awards nobody applies for, which may go to any accepted applicant;
// each with its article when it differs from `article` (cited once at the end).
std::string closed_awards_text(const Policy& policy, const std::string& article) {
    std::vector<std::string> names;
    for (const auto& a : policy.awards)
        if (!a.open_to_application)
            names.push_back(a.name + (a.article.empty() || a.article == article ? "" : "（" + a.article + "）"));
    return join(names);
}

struct FirstTimeHolder {
    std::string name;
    std::string record;
};

}  // namespace

std::string certificate_pattern_problem(const std::string& pattern) {
    std::string problem;
    parse_pattern(pattern, problem);
    return problem;
}

std::string certificate_number(const std::string& pattern, int year, const std::string& award_code, int seq) {
    std::string problem;
    const auto parts = parse_pattern(pattern, problem);
    if (!problem.empty()) throw std::invalid_argument("certificate number pattern \"" + pattern + "\": " + problem);
    std::string out;
    for (const auto& p : parts) {
        switch (p.kind) {
        case PatternPart::Literal: out += p.text; break;
        case PatternPart::Year: out += std::to_string(year); break;
        case PatternPart::AwardCode: out += award_code; break;
        case PatternPart::Seq: out += padded(seq, p.width); break;
        }
    }
    return out;
}

CertificateIssue issue_certificates(const Policy& policy, const Case& c, const AcceptanceOutcome& acceptance) {
    CertificateIssue issue;
    if (!c.commendation) return issue;
    const Commendation& commendation = *c.commendation;
    const std::string file = "case.json";

    std::map<std::string, std::size_t> applicant_by_code;
    for (std::size_t i = 0; i < c.applicants.size(); ++i) applicant_by_code.emplace(c.applicants[i].credit_code, i);
    std::map<std::size_t, bool> accepted;  // applicant index -> on the 受理名单
    for (const auto& r : acceptance.results) accepted[r.applicant_index] = r.accepted;

    std::map<std::string, std::string> granted_to;  // credit code -> record of its grant
    std::map<std::string, int> next_seq;            // award name -> last sequence number used
    std::map<std::string, std::vector<FirstTimeHolder>> first_time;  // award name -> holders counted in the quota
    std::map<std::string, std::string> over_quota_record;            // award name -> first grant beyond it

    for (std::size_t g = 0; g < commendation.grants.size(); ++g) {
        const Grant& grant = commendation.grants[g];
        const std::string base = "/commendation/granted/" + std::to_string(g);
        const auto holder = applicant_by_code.find(grant.credit_code);
        if (holder == applicant_by_code.end()) {
            issue.problems.push_back({file, base, "credit_code", grant.credit_code,
                                      "本案 applicants.json 中某个申报组织的统一社会信用代码"});
            continue;
        }
        const Applicant& applicant = c.applicants[holder->second];
        const std::string record = base + "（" + applicant.name + "）";
        const auto [first, fresh] = granted_to.emplace(grant.credit_code, record);
        if (!fresh) {
            issue.problems.push_back({file, record, "credit_code", grant.credit_code,
                                      "未与 " + first->second + " 重复的表彰（同一组织每届只能获得一个奖项，请删去多余的一条）"});
            continue;
        }
        const AwardSpec* award = policy.find_award_by_name(grant.award);
        if (!award) {
            std::vector<std::string> names;
            for (const auto& a : policy.awards) names.push_back(a.name);
            issue.problems.push_back({file, record, "award", grant.award,
                                      "政策包 " + policy.id + " 中的奖项名称之一：" + join(names)});
            continue;
        }
        if (!accepted[holder->second]) {
            std::string why = "本届已列入受理名单的申报组织：该组织未予受理";
            for (const auto& r : acceptance.results)
                if (r.applicant_index == holder->second && !r.failed_articles().empty())
                    why += "（不符合" + r.failed_articles() + "）";
            why += "，不能获奖";
            if (!policy.review_article.empty())
                why += "（" + cited(policy, policy.review_article) + "：评审先经资格审核，未通过资格审核的组织不进入评审）";
            issue.problems.push_back({file, record, "credit_code", grant.credit_code, why});
            continue;
        }
        if (award->open_to_application && award->name != applicant.award) {
            std::string expected = "该组织申报的奖项“" + applicant.award + "”";
            const std::string closed = closed_awards_text(policy, award->article);
            if (!closed.empty()) expected += "，或不需申报、可授予任何已受理组织的" + closed;
            expected += "：" + award->name + "只授予申报了该奖项并经受理的组织";
            if (!award->article.empty()) expected += "（" + cited(policy, award->article) + "）";
            issue.problems.push_back({file, record, "award", grant.award, expected});
            continue;
        }

        Certificate cert;
        cert.applicant_index = holder->second;
        cert.award = award->name;
        cert.award_title = award->full_name.empty() ? policy.jurisdiction + award->name : award->full_name;
        cert.year = c.year;
        cert.date = commendation.date;
        cert.issuer = commendation.issuer;
        cert.repeat_winner = award->conferral.has_repeat_rule() && holds_already(applicant, award->name);
        cert.source = grant.source.empty() ? file + ": " + base : grant.source;
        if (award->certificate_code.empty())
            throw std::invalid_argument("award " + award->name + " has no certificate_code");
        cert.number = certificate_number(policy.certificates.number_pattern, c.year, award->certificate_code,
                                         ++next_seq[award->name]);
        if (!cert.repeat_winner && award->quota > 0) {
            auto& holders = first_time[award->name];
            holders.push_back({applicant.name, base});
            if (int(holders.size()) == award->quota + 1) over_quota_record[award->name] = record;
        }
        issue.certificates.push_back(std::move(cert));
    }

    // One problem per award over its quota, on its first grant beyond it, in pack order.
    for (const auto& award : policy.awards) {
        auto over = over_quota_record.find(award.name);
        if (over == over_quota_record.end()) continue;
        const auto& holders = first_time[award.name];
        std::vector<std::string> listed;
        for (const auto& h : holders) listed.push_back(h.name + "（" + h.record + "）");
        std::string expected = "每年度首次获得" + award.name + "的组织不超过 " + std::to_string(award.quota) + " 家";
        if (!award.article.empty()) expected += "（" + cited(policy, award.article) + "）";
        expected += "，现有 " + std::to_string(holders.size()) + " 家：" + join(listed);
        const std::string repeat = repeat_article(policy, award);
        expected += "；再次获得同一奖项的组织不占名额" + (repeat.empty() ? std::string() : "（" + repeat + "）") +
                    "，请核对表彰决定";
        issue.problems.push_back({file, over->second, "award", award.name, expected});
    }

    if (!issue.problems.empty()) issue.certificates.clear();
    return issue;
}

}  // namespace award
