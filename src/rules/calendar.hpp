// 工作日: the holiday calendar (国务院办公厅 annual notices) and publicity periods.
// Pure: the calendar is data handed in; loading it from templates/ is packs/.
#pragma once
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "model/date.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"

namespace award {

// A date whose year the calendar does not cover (e.g. 2027 before its notice is published).
class CalendarYearMissing : public std::runtime_error {
public:
    CalendarYearMissing(int year, const std::string& what) : std::runtime_error(what), year_(year) {}
    int year() const { return year_; }

private:
    int year_;
};

struct HolidayYear {
    std::set<Date> days_off;        // 放假 (including weekends inside a holiday)
    std::set<Date> working_weekend; // 调休上班 weekend days
};

class HolidayCalendar {
public:
    HolidayCalendar() = default;
    explicit HolidayCalendar(std::map<int, HolidayYear> years) : years_(std::move(years)) {}
    // `source` names where the calendar came from, for the CalendarYearMissing message.
    HolidayCalendar(std::map<int, HolidayYear> years, std::string source)
        : years_(std::move(years)), source_(std::move(source)) {}

    bool covers(int year) const { return years_.count(year) != 0; }
    // Monday–Friday not a holiday, or an adjusted working weekend day.
    // Throws CalendarYearMissing when the year is not in the calendar.
    bool is_working_day(const Date& d) const;
    const std::map<int, HolidayYear>& years() const { return years_; }
    const std::string& source() const { return source_; }

private:
    std::map<int, HolidayYear> years_;
    std::string source_ = "templates/holidays.json";
};

// The publicity period that starts on `start`, which is kept as given (the notice
// announces the period from that date, even a holiday). With working days, the
// period ends on the Nth working day counted from `start` (`start` itself counts
// only if it is a working day): 2026-10-01 (国庆) with N = 5 runs to 2026-10-13.
// With calendar days, from `start` to start + N − 1.
// Throws CalendarYearMissing when a working day falls in a year the calendar lacks,
// and std::invalid_argument when the length is not positive.
PublicityPeriod publicity_period(const HolidayCalendar& cal, const Date& start, const PublicitySpec& spec);

}  // namespace award
