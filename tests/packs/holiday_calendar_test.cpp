// templates/holidays.json: the real 2024–2026 data, and what the loader refuses.
#include <catch2/catch.hpp>

#include "model/errors.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "temp_dir.hpp"

using award::Date;
using award::PeriodUnit;
using packs_test::source;
using packs_test::TempDir;

namespace {
const award::PublicitySpec kFiveWorkingDays{5, PeriodUnit::WorkingDays, "第十四条"};

const award::HolidayCalendar& real() {
    static const award::HolidayCalendar cal = award::load_holiday_calendar(source("templates/holidays.json"));
    return cal;
}

std::string load_error(const std::string& text) {
    TempDir dir;
    auto file = dir.write("holidays.json", text);
    try {
        award::load_holiday_calendar(file);
    } catch (const award::ConfigError& e) {
        std::string m = e.what();
        CHECK(m.find(file.string()) != std::string::npos);  // every message names the file
        return m;
    }
    FAIL("expected a ConfigError for: " << text);
    return "";
}

std::string one_year(const std::string& days_off, const std::string& working) {
    return R"({"years": {"2026": {"days_off": [)" + days_off + R"(], "working_weekends": [)" + working + "]}}}";
}
}  // namespace

TEST_CASE("Holidays file covers 2024 to 2026 and nothing else") {
    CHECK(real().covers(2024));
    CHECK(real().covers(2025));
    CHECK(real().covers(2026));
    CHECK_FALSE(real().covers(2023));
    CHECK_FALSE(real().covers(2027));
    CHECK(real().years().size() == 3);
}

TEST_CASE("Holidays file matches the State Council notices day by day") {
    // Spot checks against REFERENCE.md's table, both kinds of entry per year.
    CHECK_FALSE(real().is_working_day(Date(2024, 2, 16)));  // Friday in Spring Festival
    CHECK(real().is_working_day(Date(2024, 2, 4)));         // Sunday worked
    CHECK(real().is_working_day(Date(2024, 10, 12)));       // Saturday worked
    CHECK_FALSE(real().is_working_day(Date(2024, 6, 10)));  // 端午
    CHECK_FALSE(real().is_working_day(Date(2025, 6, 2)));   // 端午 Monday
    CHECK_FALSE(real().is_working_day(Date(2025, 10, 8)));  // 国庆 + 中秋, 8 days
    CHECK(real().is_working_day(Date(2025, 10, 11)));       // Saturday worked
    CHECK_FALSE(real().is_working_day(Date(2026, 1, 2)));   // Friday after New Year
    CHECK(real().is_working_day(Date(2026, 1, 4)));         // Sunday worked
    CHECK_FALSE(real().is_working_day(Date(2026, 2, 23)));  // Monday, last day of Spring Festival
    CHECK(real().is_working_day(Date(2026, 2, 28)));        // Saturday worked
    CHECK_FALSE(real().is_working_day(Date(2026, 9, 25)));  // 中秋 Friday
    CHECK(real().is_working_day(Date(2026, 9, 20)));        // Sunday worked
    CHECK(real().is_working_day(Date(2026, 9, 28)));        // ordinary Monday
    // Counted totals: days off incl. weekends inside holidays, per year.
    CHECK(real().years().at(2024).days_off.size() == 1 + 8 + 3 + 5 + 1 + 3 + 7);
    CHECK(real().years().at(2025).days_off.size() == 1 + 8 + 3 + 5 + 3 + 8);
    CHECK(real().years().at(2026).days_off.size() == 3 + 9 + 3 + 5 + 3 + 3 + 7);
    CHECK(real().years().at(2024).working_weekend.size() == 8);
    CHECK(real().years().at(2025).working_weekend.size() == 5);
    CHECK(real().years().at(2026).working_weekend.size() == 6);
}

TEST_CASE("Publicity 2026: from Thursday 10-08 five working days end 10-13 over the worked Saturday") {
    auto p = award::publicity_period(real(), Date(2026, 10, 8), kFiveWorkingDays);
    CHECK(p.start == Date(2026, 10, 8));
    CHECK(p.end == Date(2026, 10, 13));
}

TEST_CASE("Publicity 2026: a start on National Day moves to 10-08") {
    auto p = award::publicity_period(real(), Date(2026, 10, 1), kFiveWorkingDays);
    CHECK(p.start == Date(2026, 10, 8));
    CHECK(p.end == Date(2026, 10, 13));
}

TEST_CASE("Publicity 2026: a period needing 2027 names the missing year and the file") {
    // 12-28 (Mon) to 12-31 (Thu) are four working days; the fifth would be in 2027.
    try {
        award::publicity_period(real(), Date(2026, 12, 28), kFiveWorkingDays);
        FAIL("expected CalendarYearMissing");
    } catch (const award::CalendarYearMissing& e) {
        CHECK(e.year() == 2027);
        std::string m = e.what();
        CHECK(m.find("2027年") != std::string::npos);
        CHECK(m.find("holidays.json") != std::string::npos);
    }
    // Four days still fit in 2026.
    auto p = award::publicity_period(real(), Date(2026, 12, 28), {4, PeriodUnit::WorkingDays, "第十四条"});
    CHECK(p.end == Date(2026, 12, 31));
}

TEST_CASE("Publicity 2024: across the Spring Festival and the worked Sunday 02-18") {
    auto p = award::publicity_period(real(), Date(2024, 2, 8), kFiveWorkingDays);
    CHECK(p.start == Date(2024, 2, 8));
    CHECK(p.end == Date(2024, 2, 20));  // 2/8, 2/9, 2/18 (Sunday worked), 2/19, 2/20
}

TEST_CASE("Publicity 2025: across New Year's worked Sunday 01-26 and the Spring Festival") {
    auto p = award::publicity_period(real(), Date(2025, 1, 24), kFiveWorkingDays);
    CHECK(p.end == Date(2025, 2, 6));  // 1/24, 1/26, 1/27, 2/5, 2/6
}

TEST_CASE("Publicity in calendar days counts holidays too") {
    auto p = award::publicity_period(real(), Date(2026, 10, 1), {7, PeriodUnit::CalendarDays, "第十四条"});
    CHECK(p.start == Date(2026, 10, 1));
    CHECK(p.end == Date(2026, 10, 7));
}

TEST_CASE("Holidays loader: a bad date names its entry") {
    auto m = load_error(one_year(R"("2026-01-01", "2026-02-30")", ""));
    CHECK(m.find("/years/2026/days_off/1") != std::string::npos);
    CHECK(m.find("2026-02-30") != std::string::npos);
}

TEST_CASE("Holidays loader: a reversed range is refused") {
    auto m = load_error(one_year(R"("2026-02-23..2026-02-15")", ""));
    CHECK(m.find("/years/2026/days_off/0") != std::string::npos);
    CHECK(m.find("结束日期早于开始日期") != std::string::npos);
}

TEST_CASE("Holidays loader: a date outside its year is refused") {
    auto m = load_error(one_year(R"("2025-10-01..2025-10-07")", ""));
    CHECK(m.find("/years/2026/days_off/0") != std::string::npos);
    CHECK(m.find("不在2026年内") != std::string::npos);
}

TEST_CASE("Holidays loader: a working weekend day must be a Saturday or Sunday") {
    auto m = load_error(one_year("", R"("2026-01-04", "2026-10-09")"));
    CHECK(m.find("/years/2026/working_weekends/1") != std::string::npos);
    CHECK(m.find("星期五") != std::string::npos);
    CHECK(m.find("/working_weekends/0") == std::string::npos);
}

TEST_CASE("Holidays loader: a day both off and worked is refused") {
    auto m = load_error(one_year(R"("2026-10-01..2026-10-10")", R"("2026-10-10")"));
    CHECK(m.find("/years/2026/working_weekends/0") != std::string::npos);
}

TEST_CASE("Holidays loader: bad year keys, missing lists, unknown fields") {
    auto m = load_error(R"({"years": {"26": {"days_off": [], "working_weekends": []},
                                      "2026": {"days_off": [], "workdays": []}}})");
    CHECK(m.find("/years/26") != std::string::npos);
    CHECK(m.find("/years/2026/working_weekends: 缺少字段") != std::string::npos);
    CHECK(m.find("/years/2026/workdays: 未知字段") != std::string::npos);
}

TEST_CASE("Holidays loader: broken JSON gives line and column") {
    auto m = load_error("{\"years\": {\n  \"2026\": [\n}");
    CHECK(m.find("line 3") != std::string::npos);
    CHECK(m.find("JSON") != std::string::npos);
}

TEST_CASE("Holidays loader: a missing file is a ConfigError naming it") {
    TempDir dir;
    CHECK_THROWS_WITH(award::load_holiday_calendar(dir.path() / "nope.json"), Catch::Contains("nope.json"));
}
