#include "rules/calendar.hpp"

namespace award {

bool HolidayCalendar::is_working_day(const Date& d) const {
    auto it = years_.find(d.year());
    if (it == years_.end()) {
        throw CalendarYearMissing(
            d.year(), "节假日日历 " + source_ + " 中没有" + std::to_string(d.year()) + "年（计算 " + d.iso() +
                          " 是否为工作日时需要）：请按国务院办公厅" + std::to_string(d.year()) +
                          "年部分节假日安排的通知补充 " + source_);
    }
    const HolidayYear& y = it->second;
    if (y.working_weekend.count(d)) return true;  // 调休上班
    if (y.days_off.count(d)) return false;
    return d.weekday() <= 5;
}

PublicityPeriod publicity_period(const HolidayCalendar& cal, const Date& start, const PublicitySpec& spec) {
    if (spec.length <= 0) {
        throw std::invalid_argument("publicity period length must be positive, got " + std::to_string(spec.length));
    }
    PublicityPeriod p;
    p.length = spec.length;
    p.unit = spec.unit;
    p.article = spec.article;
    if (spec.unit == PeriodUnit::CalendarDays) {
        p.start = start;
        p.end = start.plus_days(spec.length - 1);
        return p;
    }
    // The start stays as announced, even on a holiday; only working days are counted.
    p.start = start;
    Date d = start;
    int counted = cal.is_working_day(d) ? 1 : 0;
    while (counted < spec.length) {
        d = d.plus_days(1);
        if (cal.is_working_day(d)) ++counted;
    }
    p.end = d;
    return p;
}

}  // namespace award
