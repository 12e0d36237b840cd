// Loading the holiday calendar (templates/holidays.json).
#pragma once
#include <filesystem>

#include "rules/calendar.hpp"

namespace award {

// Throws ConfigError naming the file and the entry that is wrong.
HolidayCalendar load_holiday_calendar(const std::filesystem::path& file);

}  // namespace award
