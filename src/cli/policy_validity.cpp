#include "cli/policy_validity.hpp"

#include <algorithm>
#include <iostream>

#include "model/text.hpp"

namespace award {

namespace {

constexpr const char* kFlag = "--allow-expired-policy";

// "有效期至2028年11月29日", "自2023年9月1日起施行", "有效期为2023年12月27日至2028年11月29日".
std::string bound_sentence(const PolicyValidity& v) {
    if (v.from && v.until) return "有效期为" + v.from->chinese() + "至" + v.until->chinese();
    if (v.until) return "有效期至" + v.until->chinese();
    return "自" + v.from->chinese() + "起施行";
}

// The same bound in brackets: "至2028年11月29日", "自2023年9月1日起", "2023年12月27日至2028年11月29日".
std::string bound_short(const PolicyValidity& v) {
    if (v.from && v.until) return v.from->chinese() + "至" + v.until->chinese();
    if (v.until) return "至" + v.until->chinese();
    return "自" + v.from->chinese() + "起";
}

}  // namespace

std::vector<DateOutOfForce> dates_out_of_force(const Policy& policy, const Case& c) {
    std::vector<DateOutOfForce> out;
    if (!policy.validity) return out;
    const PolicyValidity& v = *policy.validity;
    auto consider = [&](std::string where, std::string label, const Date& d) {
        if (v.from && d < *v.from) out.push_back({std::move(where), std::move(label), d, true});
        else if (v.until && d > *v.until) out.push_back({std::move(where), std::move(label), d, false});
    };
    const std::string list = policy.acceptance_publicity ? "受理名单公示" : "受理名单通知";
    consider("case.json: /application_deadline", "申报截止日", c.application_deadline);
    consider("case.json: /acceptance/notice_date", list + "成文日期", c.acceptance.notice_date);
    if (policy.acceptance_publicity)  // otherwise the date is not used
        consider("case.json: /acceptance/publicity_start", "受理名单公示开始日期", c.acceptance.publicity_start);
    if (c.review.onsite_list)
        consider("case.json: /review/onsite_list/notice_date", "现场评审名单成文日期", c.review.onsite_list->notice_date);
    if (c.review.proposed) {
        const std::string proposed = policy.review.proposed_list + "公示";
        consider("case.json: /review/proposed/notice_date", proposed + "成文日期", c.review.proposed->notice_date);
        if (c.review.proposed->publicity_start)
            consider("case.json: /review/proposed/publicity_start", proposed + "开始日期", *c.review.proposed->publicity_start);
    }
    if (c.commendation) consider("case.json: /commendation/date", "表彰决定日期", c.commendation->date);
    for (const auto& d : c.decisions) consider(d.source + "/date", "决定日期", d.date);
    return out;
}

std::string out_of_force_refusal(const Policy& policy, const std::vector<DateOutOfForce>& dates) {
    const PolicyValidity& v = *policy.validity;
    std::string m = "政策包 " + policy.source.string() + " 的 validity：《" + policy.regulation + "》" + v.article +
                    "规定" + bound_sentence(v) + "，案卷中以下日期不在有效期内：";
    for (const auto& d : dates)
        m += "\n  " + d.where + "（" + d.label + "）：" + d.date.iso() + "，" +
             (d.before_from ? "早于施行日期 " + v.from->iso() : "晚于有效期截止日 " + v.until->iso());
    const bool any_after = std::any_of(dates.begin(), dates.end(), [](const DateOutOfForce& d) { return !d.before_from; });
    if (any_after) {
        m += "\n请先核对是否已有新的管理办法：如有，应先更新政策包，或改用新的政策包。";
    } else {  // before the regulation took effect: the earlier one governs that cycle
        m += "\n施行日期前的评审适用此前的管理办法" + (v.predecessor.empty() ? std::string() : v.predecessor) +
             "，请改用按该办法编写的政策包。";
    }
    m += "经核对确认本届仍按《" + policy.regulation + "》执行的，在命令中加上 " + kFlag +
         " 重新运行：程序照常处理，并在内部报表（资格审查结果、评分汇总、获奖名单、奖金发放表）和 manifest.json 上注明这一确认。";
    return m;
}

std::string out_of_force_warning(const Policy& policy, const std::vector<DateOutOfForce>& dates) {
    const PolicyValidity& v = *policy.validity;
    std::vector<std::string> listed;
    bool any_after = false;
    for (const auto& d : dates) {
        listed.push_back(d.label + d.date.chinese());
        any_after = any_after || !d.before_from;
    }
    if (!any_after)  // all before 施行: not "expired", but earlier than the regulation
        return "注意：本届评审日期（" + join(listed) + "）早于《" + policy.regulation + "》" + v.article + "规定的施行日期（" +
               v.from->chinese() + "）" + (v.predecessor.empty() ? std::string() : "，当时适用" + v.predecessor) +
               "，经操作人员以 " + kFlag + " 确认仍按该办法执行。";
    return "注意：本届评审日期（" + join(listed) + "）已超出《" + policy.regulation + "》" + v.article +
           "规定的有效期（" + bound_short(v) + "），经操作人员以 " + kFlag + " 确认仍按该办法执行。";
}

std::vector<std::string> policy_validity_warnings(const Policy& policy, const Case& c, const PolicyOverride& override) {
    const auto dates = dates_out_of_force(policy, c);
    if (dates.empty()) return {};
    if (!override.allow_expired) throw PolicyOutOfForce(out_of_force_refusal(policy, dates));
    return {out_of_force_warning(policy, dates)};
}

void print_warnings(const std::vector<std::string>& warnings) {
    for (const auto& w : warnings) std::cerr << w << "\n";
}

}  // namespace award
