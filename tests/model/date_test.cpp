#include <catch2/catch.hpp>

#include "model/date.hpp"

using award::Date;

TEST_CASE("Date parses strict ISO dates and rejects impossible ones") {
    REQUIRE(Date::parse("2026-12-08") == Date(2026, 12, 8));
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-2-3"));
    CHECK_FALSE(Date::parse("2026/02/03"));
    CHECK_FALSE(Date::parse("二〇二六年"));
    CHECK_FALSE(Date::parse(""));
}

TEST_CASE("Date prints Chinese dates without leading zeros (GB/T 9704)") {
    CHECK(Date(2026, 12, 8).chinese() == "2026年12月8日");
    CHECK(Date(2026, 1, 5).iso() == "2026-01-05");
}

TEST_CASE("certificate dates are written in Chinese numerals: 二〇二六年十二月二十八日") {
    CHECK(Date(2026, 12, 28).chinese_numerals() == "二〇二六年十二月二十八日");
    CHECK(Date(2030, 1, 1).chinese_numerals() == "二〇三〇年一月一日");
    CHECK(Date(2026, 10, 10).chinese_numerals() == "二〇二六年十月十日");
    CHECK(Date(2026, 11, 20).chinese_numerals() == "二〇二六年十一月二十日");
    CHECK(Date(2026, 3, 31).chinese_numerals() == "二〇二六年三月三十一日");
}

TEST_CASE("Date arithmetic: anniversaries and weekdays") {
    CHECK(Date(2021, 6, 30).plus_years(5) == Date(2026, 6, 30));
    CHECK(Date(2024, 2, 29).plus_years(1) == Date(2025, 2, 28));
    CHECK(Date(2026, 11, 21).weekday() == 6);  // a Saturday
    CHECK(Date(2026, 12, 31).plus_days(1) == Date(2027, 1, 1));
    CHECK(Date(2026, 1, 1).days_until(Date(2026, 12, 31)) == 364);
}
