// Working days and publicity periods over small hand-built calendars
// (the real templates/holidays.json is tested in tests/packs).
#include <catch2/catch.hpp>

#include "rules/calendar.hpp"

using award::Date;
using award::HolidayCalendar;
using award::HolidayYear;
using award::PeriodUnit;
using award::PublicitySpec;

namespace {
HolidayCalendar calendar_2026() {
    HolidayYear y;
    for (unsigned d = 1; d <= 7; ++d) y.days_off.insert(Date(2026, 10, d));  // 国庆
    y.working_weekend.insert(Date(2026, 10, 10));                           // Saturday worked
    return HolidayCalendar({{2026, y}}, "templates/holidays.json");
}
}  // namespace

TEST_CASE("Calendar: weekdays work, weekends rest, holidays and adjusted weekends override") {
    auto cal = calendar_2026();
    CHECK(cal.covers(2026));
    CHECK_FALSE(cal.covers(2027));
    CHECK(cal.is_working_day(Date(2026, 10, 8)));        // Thursday
    CHECK_FALSE(cal.is_working_day(Date(2026, 10, 11)));  // Sunday
    CHECK_FALSE(cal.is_working_day(Date(2026, 10, 5)));   // Monday in the holiday
    CHECK(cal.is_working_day(Date(2026, 10, 10)));        // adjusted Saturday
    CHECK_FALSE(cal.is_working_day(Date(2026, 10, 17)));  // ordinary Saturday
}

TEST_CASE("Calendar: a year it lacks is an error naming the year and the file") {
    auto cal = calendar_2026();
    try {
        cal.is_working_day(Date(2027, 1, 4));
        FAIL("expected CalendarYearMissing");
    } catch (const award::CalendarYearMissing& e) {
        CHECK(e.year() == 2027);
        std::string m = e.what();
        CHECK(m.find("2027年") != std::string::npos);
        CHECK(m.find("templates/holidays.json") != std::string::npos);
        CHECK(m.find("国务院办公厅") != std::string::npos);
    }
}

TEST_CASE("Publicity: five working days across an adjusted Saturday") {
    auto p = award::publicity_period(calendar_2026(), Date(2026, 10, 8), {5, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(p.start == Date(2026, 10, 8));
    CHECK(p.end == Date(2026, 10, 13));
    CHECK(p.length == 5);
    CHECK(p.unit == PeriodUnit::WorkingDays);
    CHECK(p.article == "第十四条");
}

TEST_CASE("Publicity: a start on a holiday is kept and the working days are counted from it") {
    auto p = award::publicity_period(calendar_2026(), Date(2026, 10, 1), {5, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(p.start == Date(2026, 10, 1));  // as announced, not moved to 10-08
    CHECK(p.end == Date(2026, 10, 13));   // 10-08, 10-09, 10-10 (worked Saturday), 10-12, 10-13
}

TEST_CASE("Publicity: a start on a weekend before a working day does not count the weekend") {
    // Sunday 10-11 is not counted; 10-12 … 10-16 are the five working days.
    auto p = award::publicity_period(calendar_2026(), Date(2026, 10, 11), {5, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(p.start == Date(2026, 10, 11));
    CHECK(p.end == Date(2026, 10, 16));
    // One working day from a holiday ends on the first working day after it.
    auto one = award::publicity_period(calendar_2026(), Date(2026, 10, 7), {1, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(one.start == Date(2026, 10, 7));
    CHECK(one.end == Date(2026, 10, 8));
}

TEST_CASE("Publicity: one working day starting on a working day ends that day") {
    auto p = award::publicity_period(calendar_2026(), Date(2026, 10, 9), {1, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(p.start == Date(2026, 10, 9));
    CHECK(p.end == Date(2026, 10, 9));
}

TEST_CASE("Publicity: running into a missing year throws CalendarYearMissing") {
    CHECK_THROWS_AS(award::publicity_period(calendar_2026(), Date(2026, 12, 28), {5, PeriodUnit::WorkingDays, "第十四条"}),
                    award::CalendarYearMissing);
}

TEST_CASE("Publicity: calendar days count every day and need no calendar") {
    auto p = award::publicity_period(HolidayCalendar(), Date(2027, 3, 1), {7, PeriodUnit::CalendarDays, "第十四条"});
    CHECK(p.start == Date(2027, 3, 1));
    CHECK(p.end == Date(2027, 3, 7));
    CHECK(p.unit == PeriodUnit::CalendarDays);
}

TEST_CASE("Publicity: a non-positive length is refused") {
    CHECK_THROWS_AS(award::publicity_period(calendar_2026(), Date(2026, 10, 8), {0, PeriodUnit::WorkingDays, "第十四条"}),
                    std::invalid_argument);
}
