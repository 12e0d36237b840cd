#include "model/money.hpp"

#include <stdexcept>

namespace award {

namespace {

constexpr const char* kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr long long kWan = 10000;
constexpr long long kYi = 100000000;
constexpr long long kLimitYuan = 10000000000000000;  // 10^16: 万亿 is the largest written

// 1–9999: 仟佰拾 within one group of four digits. Leading zeros write nothing (the caller
// writes the 零 between groups); a run of inner zeros is one 零; trailing zeros nothing.
std::string group_words(long long n) {
    static const char* units[] = {"仟", "佰", "拾", ""};
    const int digits[] = {int(n / 1000 % 10), int(n / 100 % 10), int(n / 10 % 10), int(n % 10)};
    std::string out;
    bool started = false, zero_pending = false;
    for (int i = 0; i < 4; ++i) {
        if (digits[i] == 0) {
            zero_pending = started;
            continue;
        }
        if (zero_pending) out += "零";
        out += kDigits[digits[i]];
        out += units[i];
        started = true;
        zero_pending = false;
    }
    return out;
}

// 1 ≤ n < 10^16: 亿 over 万 over groups. A lower part that does not fill its top
// digit place is preceded by one 零 (100010 → 壹拾万零壹拾; 100001000 → 壹亿零壹仟).
std::string integer_words(long long n) {
    if (n >= kYi) {
        const long long high = n / kYi, low = n % kYi;
        std::string out = integer_words(high) + "亿";
        if (low > 0) out += (low < kYi / 10 ? "零" : "") + integer_words(low);
        return out;
    }
    if (n >= kWan) {
        const long long high = n / kWan, low = n % kWan;
        std::string out = group_words(high) + "万";
        if (low > 0) out += (low < kWan / 10 ? "零" : "") + group_words(low);
        return out;
    }
    return group_words(n);
}

void check_amount(long long fen_or_yuan, long long limit, const char* what) {
    if (fen_or_yuan < 0) throw std::invalid_argument(std::string(what) + " 不能为负数：" + std::to_string(fen_or_yuan));
    if (fen_or_yuan >= limit) throw std::invalid_argument(std::string(what) + " 过大：" + std::to_string(fen_or_yuan));
}

}  // namespace

std::string amount_in_words(long long yuan) {
    check_amount(yuan, kLimitYuan, "金额（元）");
    return "人民币" + (yuan == 0 ? std::string("零") : integer_words(yuan)) + "元整";
}

std::string amount_in_words_fen(long long fen) {
    check_amount(fen, kLimitYuan, "金额（分）");  // fen < 10^16 ⇒ yuan < 10^14
    const long long yuan = fen / 100;
    const int jiao = int(fen / 10 % 10), f = int(fen % 10);
    if (fen == 0) return "人民币零元整";
    std::string out = "人民币";
    if (yuan > 0) out += integer_words(yuan) + "元";
    if (jiao == 0 && f == 0) return out + "整";
    if (jiao > 0) {
        out += std::string(kDigits[jiao]) + "角";
    } else if (yuan > 0) {
        out += "零";  // 元 then 分 with no 角: ¥325.04 → 叁佰贰拾伍元零肆分
    }
    if (f == 0) return out + "整";
    return out + kDigits[f] + "分";
}

std::string yuan_grouped(long long yuan) {
    if (yuan < 0) throw std::invalid_argument("金额（元）不能为负数：" + std::to_string(yuan));
    const std::string digits = std::to_string(yuan);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string yuan_wan(long long yuan) {
    if (yuan < 0) throw std::invalid_argument("金额（元）不能为负数：" + std::to_string(yuan));
    if (yuan < kWan) return std::to_string(yuan) + "元";
    std::string out = std::to_string(yuan / kWan);
    if (long long rest = yuan % kWan) {
        std::string frac = std::to_string(rest);
        frac.insert(0, 4 - frac.size(), '0');
        while (frac.back() == '0') frac.pop_back();
        out += "." + frac;
    }
    return out + "万元";
}

std::optional<long long> wan_text_to_yuan(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    }
    const std::size_t point = text.find('.', i);
    const std::string_view whole = text.substr(i, point == std::string_view::npos ? std::string_view::npos : point - i);
    const std::string_view frac = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    // The integer part: digits, or groups of three after a first group of 1–3 when commas are used.
    std::string digits;
    if (whole.empty()) return std::nullopt;
    if (whole.find(',') != std::string_view::npos) {
        std::size_t start = 0, group = 0;
        while (true) {
            const std::size_t comma = whole.find(',', start);
            const std::string_view part = whole.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
            const bool size_ok = group == 0 ? (part.size() >= 1 && part.size() <= 3) : part.size() == 3;
            if (!size_ok) return std::nullopt;
            digits += part;
            if (comma == std::string_view::npos) break;
            start = comma + 1;
            ++group;
        }
    } else {
        digits = std::string(whole);
    }
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    for (char c : digits)
        if (!is_digit(c)) return std::nullopt;
    if (point != std::string_view::npos && (frac.empty() || frac.size() > 2)) return std::nullopt;
    for (char c : frac)
        if (!is_digit(c)) return std::nullopt;
    long long yuan = std::stoll(digits) * kWan;
    if (!frac.empty()) yuan += (frac[0] - '0') * 1000LL + (frac.size() > 1 ? (frac[1] - '0') * 100LL : 0);
    return negative ? -yuan : yuan;
}

std::string yuan_wan_2dp(long long yuan) {
    // In units of 0.01万元 (100 yuan), rounded half away from zero.
    const bool negative = yuan < 0;
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(yuan)
                                                  : static_cast<unsigned long long>(yuan);
    const unsigned long long cents = (magnitude + 50) / 100;
    std::string frac = std::to_string(cents % 100);
    if (frac.size() < 2) frac.insert(0, 1, '0');
    return std::string(negative && cents > 0 ? "-" : "") + std::to_string(cents / 100) + "." + frac + "万元";
}

}  // namespace award
