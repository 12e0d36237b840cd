#include "packs/holiday_calendar_file.hpp"

#include <string>

#include "packs/config_json.hpp"

namespace award {

namespace {

using packs_detail::ConfigProblems;
using packs_detail::describe;
using packs_detail::ObjectReader;

// A "YYYY" key for a year the calendar can hold.
std::optional<int> parse_year(const std::string& key) {
    if (key.size() != 4) return std::nullopt;
    int y = 0;
    for (char ch : key) {
        if (ch < '0' || ch > '9') return std::nullopt;
        y = y * 10 + (ch - '0');
    }
    if (y < 1900) return std::nullopt;
    return y;
}

std::string weekday_name(unsigned wd) {
    static const char* names[] = {"", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
    return names[wd];
}

// One entry of days_off: "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" (inclusive), all in `year`.
void read_days_off(const nlohmann::json& list, int year, const std::string& ptr, std::set<Date>& out,
                   ConfigProblems& problems) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& e = list[i];
        std::string p = ptr + "/" + std::to_string(i);
        if (!e.is_string()) {
            problems.add(p, "应为日期字符串 YYYY-MM-DD 或区间 YYYY-MM-DD..YYYY-MM-DD，实际为" + describe(e));
            continue;
        }
        std::string s = e.get<std::string>();
        auto dots = s.find("..");
        std::string first_text = dots == std::string::npos ? s : s.substr(0, dots);
        std::string last_text = dots == std::string::npos ? s : s.substr(dots + 2);
        auto first = Date::parse(first_text);
        auto last = Date::parse(last_text);
        if (!first || !last) {
            problems.add(p, "\"" + s + "\" 不是有效的日期或日期区间，应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD");
            continue;
        }
        if (*last < *first) {
            problems.add(p, "区间 \"" + s + "\" 的结束日期早于开始日期");
            continue;
        }
        if (first->year() != year || last->year() != year) {
            problems.add(p, "\"" + s + "\" 不在" + std::to_string(year) + "年内（每年的放假安排写在该年之下）");
            continue;
        }
        if (first->days_until(*last) > 31) {
            problems.add(p, "区间 \"" + s + "\" 超过一个月，请核对（放假区间通常不超过10天）");
            continue;
        }
        for (Date d = *first; d <= *last; d = d.plus_days(1)) {
            if (!out.insert(d).second) problems.add(p, d.iso() + " 重复列出");
        }
    }
}

void read_working_weekends(const nlohmann::json& list, int year, const std::string& ptr, const std::set<Date>& days_off,
                           std::set<Date>& out, ConfigProblems& problems) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& e = list[i];
        std::string p = ptr + "/" + std::to_string(i);
        auto d = e.is_string() ? Date::parse(e.get<std::string>()) : std::nullopt;
        if (!d) {
            problems.add(p, "应为日期字符串 YYYY-MM-DD，实际为" + describe(e));
            continue;
        }
        if (d->year() != year) {
            problems.add(p, d->iso() + " 不在" + std::to_string(year) + "年内");
        } else if (d->weekday() < 6) {
            problems.add(p, d->iso() + " 是" + weekday_name(d->weekday()) + "，调休上班日应为星期六或星期日");
        } else if (days_off.count(*d)) {
            problems.add(p, d->iso() + " 同时列在 days_off 中");
        } else if (!out.insert(*d).second) {
            problems.add(p, d->iso() + " 重复列出");
        }
    }
}

}  // namespace

HolidayCalendar load_holiday_calendar(const std::filesystem::path& file) {
    nlohmann::json root = packs_detail::read_json_file(file);
    ConfigProblems problems(file);
    ObjectReader top(root, "", problems);
    top.only_keys({"note", "years"});
    top.text("note", false);
    std::map<int, HolidayYear> years;
    if (const nlohmann::json* ys = top.object("years")) {
        if (ys->empty()) problems.add("/years", "至少应有一年的放假安排");
        for (auto it = ys->begin(); it != ys->end(); ++it) {
            std::string ptr = "/years/" + packs_detail::pointer_token(it.key());
            auto year = parse_year(it.key());
            if (!year) {
                problems.add(ptr, "年份 \"" + it.key() + "\" 应为四位数字，如 \"2026\"");
                continue;
            }
            ObjectReader y(it.value(), ptr, problems);
            y.only_keys({"source", "days_off", "working_weekends"});
            y.text("source", false);
            HolidayYear hy;
            if (const nlohmann::json* off = y.array("days_off")) read_days_off(*off, *year, ptr + "/days_off", hy.days_off, problems);
            if (const nlohmann::json* work = y.array("working_weekends")) {
                read_working_weekends(*work, *year, ptr + "/working_weekends", hy.days_off, hy.working_weekend, problems);
            }
            years.emplace(*year, std::move(hy));
        }
    }
    problems.throw_if_any();
    return HolidayCalendar(std::move(years), file.string());
}

}  // namespace award
