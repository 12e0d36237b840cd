#include "rules/top_ups.hpp"

#include <algorithm>

namespace award {

namespace {

struct Match {
    const AwardSpec* award = nullptr;
    const HigherAwardTopUp* top_up = nullptr;
};

// The pack's top-ups for a higher award of this name, in pack order.
std::vector<Match> matches(const Policy& policy, const std::string& higher_award) {
    std::vector<Match> out;
    for (const auto& a : policy.awards)
        for (const auto& t : a.higher_award_top_ups)
            if (std::find(t.higher_awards.begin(), t.higher_awards.end(), higher_award) != t.higher_awards.end())
                out.push_back({&a, &t});
    return out;
}

std::vector<std::string> all_names(const Policy& policy) {
    std::vector<std::string> out;
    for (const auto& a : policy.awards)
        for (const auto& t : a.higher_award_top_ups) out.insert(out.end(), t.higher_awards.begin(), t.higher_awards.end());
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : "、") + n;
    return s;
}

// The latest award of this name won on or before `by`, not revoked by `as_of`.
const HeldAward* held_before(const std::vector<HeldAward>& held, const std::string& award, const Date& by,
                             const Date& as_of) {
    const HeldAward* best = nullptr;
    for (const auto& h : held) {
        if (h.award != award || by < h.awarded_on) continue;
        if (h.revoked_on && !(as_of < *h.revoked_on)) continue;
        if (!best || best->awarded_on < h.awarded_on) best = &h;
    }
    return best;
}

}  // namespace

TopUpDecision decide_top_ups(const Policy& policy, int year, const Date& as_of, const std::vector<HigherAwardFact>& facts,
                             const std::map<std::string, std::vector<HeldAward>>& holdings) {
    TopUpDecision d;
    if (all_names(policy).empty()) return d;
    static const std::vector<HeldAward> none;
    for (const auto& f : facts) {
        const std::string who = f.name + "（" + f.credit_code + "）" + f.awarded_on.chinese() + "获" + f.award;
        if (f.paid_in_year && *f.paid_in_year != year) continue;  // paid by another cycle, listed there
        if (!f.paid_in_year && f.paid_before_registry) {
            d.notes.push_back(who + "：登记库记载已追加激励资金 " + std::to_string(*f.paid_before_registry) +
                              " 元（登记前发放），本届不再追加");
            continue;
        }
        if (as_of < f.awarded_on) {
            d.notes.push_back(who + "：获奖日期晚于本届奖金发放表的日期 " + as_of.chinese() + "，在下一届列出");
            continue;
        }
        const auto candidates = matches(policy, f.award);
        if (candidates.empty()) {
            d.notes.push_back(who + "：“" + f.award + "”不是本办法规定追加激励资金的奖项（" + joined(all_names(policy)) +
                              "），不追加；如是名称写法不同，请更正登记库中的记录");
            continue;
        }
        const auto it = holdings.find(f.credit_code);
        const auto& held = it == holdings.end() ? none : it->second;
        bool paid = false;
        for (const auto& m : candidates) {
            const HeldAward* h = held_before(held, m.award->name, f.awarded_on, as_of);
            if (!h) continue;
            d.due.push_back({f.id, f.credit_code, f.name, f.award, f.awarded_on, *h, m.top_up->prize_yuan, m.top_up->article});
            paid = true;
            break;
        }
        if (!paid) {
            const Match& m = candidates.front();
            d.notes.push_back(who + "：获该奖前未获得" + m.award->name + "（或已被撤销），不追加激励资金（" + m.top_up->article +
                              "：对已获得" + m.award->name + "的组织追加）");
        }
    }
    return d;
}

}  // namespace award
