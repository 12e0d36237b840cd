// A civil date (year, month, day) with no time zone: the only kind of date the
// regulations speak of. Wraps std::chrono::year_month_day.
#pragma once
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace award {

class Date {
public:
    Date() = default;  // 1970-01-01
    Date(int year, unsigned month, unsigned day);
    explicit Date(std::chrono::sys_days d) : ymd_(d) {}

    // Strict "YYYY-MM-DD"; nullopt when malformed or not a real day (2026-02-30).
    static std::optional<Date> parse(std::string_view text);

    int year() const { return int(ymd_.year()); }
    unsigned month() const { return unsigned(ymd_.month()); }
    unsigned day() const { return unsigned(ymd_.day()); }
    std::chrono::sys_days days() const { return std::chrono::sys_days(ymd_); }
    unsigned weekday() const;  // 1 = Monday … 7 = Sunday

    Date plus_days(int n) const { return Date(days() + std::chrono::days(n)); }
    // Same month and day n years later; 29 February becomes 28 February in a
    // common year (an anniversary cannot fall on a day that does not exist).
    Date plus_years(int n) const;
    int days_until(const Date& other) const { return int((other.days() - days()).count()); }

    std::string iso() const;      // 2026-12-08
    std::string chinese() const;  // 2026年12月8日 (GB/T 9704: Arabic numerals, no leading zeros)
    std::string chinese_numerals() const;  // 二〇二六年十二月二十八日 (certificates)

    friend bool operator==(const Date& a, const Date& b) { return a.ymd_ == b.ymd_; }
    friend auto operator<=>(const Date& a, const Date& b) { return a.days() <=> b.days(); }

private:
    std::chrono::year_month_day ymd_{std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)};
};

}  // namespace award
