#include "render/review_support.hpp"

#include <algorithm>
#include <memory>
#include <regex>
#include <stdexcept>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "model/utf8.hpp"

namespace award::review_doc {

std::vector<std::size_t> pinyin_order(const Case& c, std::vector<std::size_t> applicants) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !coll) throw std::runtime_error(std::string("ICU 无法按拼音排序（zh 排序规则）：") + u_errorName(status));
    std::vector<std::pair<icu::UnicodeString, std::size_t>> keyed;
    for (auto i : applicants) keyed.emplace_back(icu::UnicodeString::fromUTF8(c.applicants.at(i).name), i);
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        UErrorCode st = U_ZERO_ERROR;
        const UCollationResult r = coll->compare(a.first, b.first, st);
        if (r != UCOL_EQUAL) return r == UCOL_LESS;
        return c.applicants[a.second].credit_code < c.applicants[b.second].credit_code;
    });
    std::vector<std::size_t> out;
    for (const auto& k : keyed) out.push_back(k.second);
    return out;
}

namespace {

bool wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F) || c >= 0x20000;
}

}  // namespace

std::string document_wording(const std::string& s) {
    const std::u32string u = utf8::decode(s);
    std::string out;
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (u[i] == U' ') {
            const bool before = i > 0 && wide(u[i - 1]);
            const bool after = i + 1 < u.size() && wide(u[i + 1]);
            if (before || after) continue;
        }
        utf8::append(out, u[i]);
    }
    return out;
}

std::string stage_name(const Policy& policy, const std::string& stage_id) {
    const StageSpec* s = policy.review.find_stage(stage_id);
    return s ? s->name : stage_id;
}

std::string chinese_number(int n) {
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n >= 100) return std::to_string(n);
    if (n < 10) return digits[n];
    const int tens = n / 10, ones = n % 10;
    return std::string(tens > 1 ? digits[tens] : "") + "十" + (ones ? digits[ones] : "");
}

std::vector<std::string> articles_in(const std::string& s) {
    static const std::regex article("第[一二三四五六七八九十百零〇]+条");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), article); it != std::sregex_iterator(); ++it)
        if (std::find(out.begin(), out.end(), it->str()) == out.end()) out.push_back(it->str());
    return out;
}

Date review_date(const Case& c) {
    if (c.review.proposed && c.review.proposed->notice_date != Date{}) return c.review.proposed->notice_date;
    if (c.review.onsite_list && c.review.onsite_list->notice_date != Date{}) return c.review.onsite_list->notice_date;
    return c.acceptance.notice_date;
}

double units_value(long long units, int decimals) {
    double p = 1;
    for (int i = 0; i < decimals; ++i) p *= 10;
    return static_cast<double>(units) / p;
}

std::string decimals_format(int decimals) {
    return decimals <= 0 ? "0" : "0." + std::string(static_cast<std::size_t>(decimals), '0');
}

std::vector<WeightedStage> weighted_stages(const Policy& policy) {
    std::vector<WeightedStage> out;
    for (const auto& stage : policy.review.stages)
        for (const auto& [id, weight] : policy.review.weights)
            if (id == stage.id) out.push_back({&stage, weight});
    return out;
}

std::string total_formula(const Policy& policy) {
    std::string f = "综合得分＝";
    bool first = true;
    for (const auto& w : weighted_stages(policy)) {
        f += first ? "" : "＋";
        first = false;
        f += w.stage->name + "得分";
        if (w.stage->sheet == StageSpec::Sheet::Presentation && w.stage->max_points > 0 &&
            w.stage->max_points != policy.score_sheet.total)
            f += "（满分" + std::to_string(w.stage->max_points) + "分，折算为" + std::to_string(policy.score_sheet.total) +
                 "分制）";
        f += "×" + std::to_string(w.weight) + "%";
    }
    if (!policy.review.total_article.empty()) f += "（" + policy.review.total_article + "）";
    return f;
}

std::string rounding_rule(const Policy& policy) {
    const int d = policy.review.rounding_decimals;
    std::string r = "各阶段得分与总分均在最后一次四舍五入，" +
                    (d > 0 ? "保留" + std::to_string(d) + "位小数" : std::string("取整数"));
    if (!policy.review.rounding_article.empty()) r += "（" + policy.review.rounding_article + "）";
    return r;
}

}  // namespace award::review_doc
