// templates/holidays.json: the real 2024–2026 data, and what the loader refuses.
#include <catch2/catch.hpp>

#include <set>
#include <vector>

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

namespace {

// REFERENCE.md's table (国务院办公厅 notices), its rows copied as written:
// days off ("M/D" or "M/D–M/D", weekends inside a holiday included) and weekend days worked.
struct NoticeRow {
    int year;
    const char* days_off;
    const char* working_weekends;
};
const NoticeRow kNotices[] = {
    {2024, "1/1; 2/10–2/17; 4/4–4/6; 5/1–5/5; 6/10; 9/15–9/17; 10/1–10/7",
     "2/4, 2/18, 4/7, 4/28, 5/11, 9/14, 9/29, 10/12"},
    {2025, "1/1; 1/28–2/4; 4/4–4/6; 5/1–5/5; 5/31–6/2; 10/1–10/8", "1/26, 2/8, 4/27, 9/28, 10/11"},
    {2026, "1/1–1/3; 2/15–2/23; 4/4–4/6; 5/1–5/5; 6/19–6/21; 9/25–9/27; 10/1–10/7",
     "1/4, 2/14, 2/28, 5/9, 9/20, 10/10"},
};

// "2/10" in `year`.
Date month_day(int year, const std::string& text) {
    auto slash = text.find('/');
    REQUIRE(slash != std::string::npos);
    return Date(year, unsigned(std::stoi(text.substr(0, slash))), unsigned(std::stoi(text.substr(slash + 1))));
}

// Every day of a row's list: items split by `sep`, each a day or a "–" range.
std::set<Date> days_of(int year, const std::string& list, char sep) {
    static const std::string dash = "\u2013";
    std::set<Date> out;
    std::size_t from = 0;
    while (from < list.size()) {
        std::size_t to = list.find(sep, from);
        if (to == std::string::npos) to = list.size();
        std::string item = list.substr(from, to - from);
        item.erase(0, item.find_first_not_of(' '));
        auto d = item.find(dash);
        Date first = month_day(year, item.substr(0, d));
        Date last = d == std::string::npos ? first : month_day(year, item.substr(d + dash.size()));
        for (Date x = first; x <= last; x = x.plus_days(1)) out.insert(x);
        from = to + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("Holidays file matches the State Council notices day by day") {
    // Every date of 2024–2026 against the table: working or not, and whether it is
    // listed as a day off or a worked weekend, so any wrong, missing or extra entry fails.
    for (const auto& row : kNotices) {
        const std::set<Date> off = days_of(row.year, row.days_off, ';');
        const std::set<Date> worked = days_of(row.year, row.working_weekends, ',');
        const auto& file_year = real().years().at(row.year);
        int days = 0;
        for (Date d(row.year, 1, 1); d.year() == row.year; d = d.plus_days(1), ++days) {
            bool expected = worked.count(d) ? true : off.count(d) ? false : d.weekday() <= 5;
            INFO(d.iso() << " (weekday " << d.weekday() << ")");
            CHECK(real().is_working_day(d) == expected);
            CHECK(file_year.days_off.count(d) == off.count(d));
            CHECK(file_year.working_weekend.count(d) == worked.count(d));
        }
        CHECK(days == (row.year == 2024 ? 366 : 365));
    }
    // The parsed table itself, so a parsing slip cannot make both sides agree on nothing.
    CHECK(days_of(2024, kNotices[0].days_off, ';').size() == 1 + 8 + 3 + 5 + 1 + 3 + 7);
    CHECK(days_of(2025, kNotices[1].days_off, ';').size() == 1 + 8 + 3 + 5 + 3 + 8);
    CHECK(days_of(2026, kNotices[2].days_off, ';').size() == 3 + 9 + 3 + 5 + 3 + 3 + 7);
    CHECK(days_of(2024, kNotices[0].working_weekends, ',').size() == 8);
    CHECK(days_of(2025, kNotices[1].working_weekends, ',').size() == 5);
    CHECK(days_of(2026, kNotices[2].working_weekends, ',').size() == 6);
}

TEST_CASE("Publicity 2026: from Thursday 10-08 five working days end 10-13 over the worked Saturday") {
    auto p = award::publicity_period(real(), Date(2026, 10, 8), kFiveWorkingDays);
    CHECK(p.start == Date(2026, 10, 8));
    CHECK(p.end == Date(2026, 10, 13));
}

TEST_CASE("Publicity 2026: a start on National Day is kept; its five working days are 10-08 to 10-13") {
    auto p = award::publicity_period(real(), Date(2026, 10, 1), kFiveWorkingDays);
    CHECK(p.start == Date(2026, 10, 1));
    CHECK(p.end == Date(2026, 10, 13));
    std::vector<Date> worked;
    for (Date d = p.start; d <= p.end; d = d.plus_days(1)) {
        if (real().is_working_day(d)) worked.push_back(d);
    }
    CHECK(worked == std::vector<Date>{Date(2026, 10, 8), Date(2026, 10, 9), Date(2026, 10, 10), Date(2026, 10, 12),
                                      Date(2026, 10, 13)});
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
