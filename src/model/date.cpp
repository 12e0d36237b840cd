#include "model/date.hpp"

#include <cstdio>

namespace award {

namespace ch = std::chrono;

Date::Date(int y, unsigned m, unsigned d) : ymd_(ch::year(y), ch::month(m), ch::day(d)) {}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t n, int& out) {
        out = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, m, d;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
    ch::year_month_day ymd{ch::year(y), ch::month(unsigned(m)), ch::day(unsigned(d))};
    if (!ymd.ok() || y < 1900) return std::nullopt;
    return Date(ch::sys_days(ymd));
}

unsigned Date::weekday() const { return std::chrono::weekday(days()).iso_encoding(); }

Date Date::plus_years(int n) const {
    ch::year_month_day t{ymd_.year() + ch::years(n), ymd_.month(), ymd_.day()};
    if (!t.ok()) t = ch::year_month_day{t.year(), t.month(), ch::day(28)};
    return Date(ch::sys_days(t));
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

std::string Date::chinese() const {
    return std::to_string(year()) + "年" + std::to_string(month()) + "月" + std::to_string(day()) + "日";
}

namespace {
const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1–31 as read aloud: 十, 十二, 二十, 二十八, 三十一.
std::string small_number(unsigned n) {
    if (n < 10) return kDigits[n];
    std::string s = n / 10 == 1 ? "" : kDigits[n / 10];
    s += "十";
    if (n % 10) s += kDigits[n % 10];
    return s;
}
}  // namespace

std::string Date::chinese_numerals() const {
    std::string s;
    for (char c : std::to_string(year())) s += kDigits[c - '0'];  // the year digit by digit: 二〇二六
    return s + "年" + small_number(month()) + "月" + small_number(day()) + "日";
}

}  // namespace award
