#include "packs/revocation.hpp"

#include <algorithm>

namespace award {

namespace {

// A ban check's "reasons", when it lists them (validated with the pack: strings).
std::optional<std::vector<std::string>> counted_reasons(const CheckSpec& c) {
    if (!c.params.is_object() || !c.params.contains("reasons") || !c.params["reasons"].is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& r : c.params["reasons"])
        if (r.is_string()) out.push_back(r.get<std::string>());
    return out;
}

std::vector<std::string> split_articles(const std::string& list) {
    static const std::string sep = "、";
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at; (at = list.find(sep, from)) != std::string::npos; from = at + sep.size())
        out.push_back(list.substr(from, at - from));
    out.push_back(list.substr(from));
    return out;
}

}  // namespace

std::vector<std::string> pack_revocation_reasons(const Policy& p) {
    std::vector<std::string> reasons = common_revocation_reasons();
    for (const auto& check : p.checks) {
        if (check.kind != "ban_after_revocation") continue;
        if (auto listed = counted_reasons(check))
            for (const auto& r : *listed)
                if (std::find(reasons.begin(), reasons.end(), r) == reasons.end()) reasons.push_back(r);
    }
    return reasons;
}

std::string article_without_item(const std::string& article) {
    const std::size_t tiao = article.find("条");
    return tiao == std::string::npos ? article : article.substr(0, tiao + std::string("条").size());
}

std::optional<RevocationBan> revocation_ban(const Policy& p, const RevocationGround& ground) {
    std::optional<RevocationBan> best;
    for (const auto& check : p.checks) {
        if (check.kind != "ban_after_revocation" || !check.params.is_object()) continue;
        if (auto listed = counted_reasons(check);
            listed && std::find(listed->begin(), listed->end(), ground.reason) == listed->end())
            continue;
        const auto years = check.params.value("years", 0);
        if (years <= 0 || (best && best->years >= years)) continue;
        RevocationBan ban;
        ban.years = years;
        ban.requirement = check.requirement;
        ban.check_id = check.id;
        ban.same_award = check.params.value("scope", std::string()) == "same_award";
        const std::string own = article_without_item(ground.article);
        const auto cited = split_articles(check.article);
        ban.article = std::find(cited.begin(), cited.end(), own) != cited.end() ? own : check.article;
        best = std::move(ban);
    }
    return best;
}

}  // namespace award
