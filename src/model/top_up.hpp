// 追加激励资金 (本溪市第二十五条第三款): what the rules read from the registry and what
// they decide a cycle pays (rules/top_ups.hpp), as plain data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace award {

// A higher award as the registry records it (更高级别的奖项).
struct HigherAwardFact {
    long long id = 0;  // the registry's, to record the payment against
    std::string credit_code;
    std::string name;
    std::string award;  // e.g. "辽宁省省长质量奖"
    Date awarded_on;
    std::optional<long long> paid_before_registry = {};  // bonus_yuan: paid on paper before the registry
    std::optional<int> paid_in_year = {};                 // the cycle of the program that paid it
};

// An award of the pack a holder won, as the registry records it.
struct HeldAward {
    std::string award;  // e.g. "市长质量奖"
    int year = 0;       // 评选年度
    Date awarded_on;
    std::optional<Date> revoked_on = {};
};

struct TopUp {
    long long higher_award_id = 0;
    std::string credit_code;
    std::string name;
    std::string higher_award;
    Date higher_awarded_on;
    HeldAward held;  // the award it tops up
    long long prize_yuan = 0;
    std::string article;  // e.g. "第二十五条第三款"

    // "2024年度市长质量奖获得者，2025年9月26日获辽宁省省长质量奖"
    std::string basis() const {
        return std::to_string(held.year) + "年度" + held.award + "获得者，" + higher_awarded_on.chinese() + "获" + higher_award;
    }
};

struct TopUpDecision {
    std::vector<TopUp> due;          // to list on this cycle's 奖金发放表, by date
    std::vector<std::string> notes;  // higher awards not topped up here, and why (for the run summary)
};

}  // namespace award
