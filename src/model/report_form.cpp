#include "model/report_form.hpp"

#include <cstdlib>

namespace award {

std::vector<int> report_years(int report_year, int years_shown) {
    std::vector<int> out;
    for (int y = report_year - years_shown; y < report_year; ++y) out.push_back(y);
    return out;
}

std::optional<Date> report_due_date(int report_year, const std::string& due) {
    if (due.size() != 5 || due[2] != '-') return std::nullopt;
    const std::string y = std::to_string(report_year);
    if (auto d = Date::parse(y + "-" + due)) return d;
    if (due == "02-29") return Date::parse(y + "-02-28");
    return std::nullopt;
}

std::string hundredths_text(long long h) {
    const bool negative = h < 0;
    const unsigned long long a = negative ? 0ull - static_cast<unsigned long long>(h) : static_cast<unsigned long long>(h);
    std::string s = std::to_string(a / 100);
    const unsigned long long cents = a % 100;
    if (cents != 0) {
        s += '.';
        s += char('0' + cents / 10);
        if (cents % 10 != 0) s += char('0' + cents % 10);
    }
    return (negative ? "-" : "") + s;
}

std::optional<long long> decimal_text_to_hundredths(std::string_view t) {
    if (t.empty()) return std::nullopt;
    bool negative = false;
    if (t.front() == '-') {
        negative = true;
        t.remove_prefix(1);
    }
    const auto point = t.find('.');
    std::string_view whole = t.substr(0, point);
    std::string_view frac = point == std::string_view::npos ? std::string_view() : t.substr(point + 1);
    if (whole.empty() || (point != std::string_view::npos && (frac.empty() || frac.size() > 2))) return std::nullopt;
    for (char c : frac)
        if (c < '0' || c > '9') return std::nullopt;
    std::string digits;
    // Thousands commas, when any: 1–3 digits, then groups of exactly 3.
    std::size_t group = 0;
    for (std::size_t begin = 0;; ++group) {
        const std::size_t comma = whole.find(',', begin);
        const std::string_view part = whole.substr(begin, comma == std::string_view::npos ? std::string_view::npos : comma - begin);
        const bool grouped = comma != std::string_view::npos || group > 0;
        if (part.empty() || (grouped && (group == 0 ? part.size() > 3 : part.size() != 3))) return std::nullopt;
        for (char c : part)
            if (c < '0' || c > '9') return std::nullopt;
        digits += part;
        if (comma == std::string_view::npos) break;
        begin = comma + 1;
    }
    if (digits.size() > 12) return std::nullopt;
    long long value = std::stoll(digits) * 100;
    if (!frac.empty()) value += (frac[0] - '0') * 10 + (frac.size() > 1 ? frac[1] - '0' : 0);
    return negative ? -value : value;
}

namespace {
constexpr long long kMaxMoneyHundredths = 100'000'000'000'00LL;  // 1000亿万元: far above any organisation
constexpr long long kMaxNumberHundredths = 1'000'000'000'00LL;   // 10亿
}  // namespace

bool report_value_fits(const ReportIndicator& ind, long long h) {
    switch (ind.kind) {
    case ReportIndicator::Kind::MoneyWan:
        return (h >= 0 || ind.negative_allowed) && std::llabs(h) <= kMaxMoneyHundredths;
    case ReportIndicator::Kind::Percent:
        return h >= 0 && h <= 100'00;
    case ReportIndicator::Kind::Number:
        return h >= 0 && h <= kMaxNumberHundredths;
    case ReportIndicator::Kind::Integer:
        return h >= 0 && h % 100 == 0 && h <= kMaxNumberHundredths;
    }
    return false;
}

std::string report_value_expectation(const ReportIndicator& ind) {
    switch (ind.kind) {
    case ReportIndicator::Kind::MoneyWan:
        return ind.negative_allowed ? "以" + ind.unit + "为单位的金额，最多两位小数，亏损填负数（如 1234.56、-35.2）"
                                    : "以" + ind.unit + "为单位、不为负数的金额，最多两位小数（如 1234.56）；没有时填 0";
    case ReportIndicator::Kind::Percent:
        return "0–100 之间的百分数，最多两位小数，不带 % 号（如 2.35 表示 2.35%）";
    case ReportIndicator::Kind::Number:
        return "不为负数的数，单位" + ind.unit + "，最多两位小数（如 56.8）";
    case ReportIndicator::Kind::Integer:
        return "不为负数的整数，单位" + ind.unit + "（如 356）";
    }
    return "";
}

const char* report_kind_id(ReportIndicator::Kind kind) {
    switch (kind) {
    case ReportIndicator::Kind::MoneyWan: return "money_wan";
    case ReportIndicator::Kind::Percent: return "percent";
    case ReportIndicator::Kind::Number: return "number";
    case ReportIndicator::Kind::Integer: return "integer";
    }
    return "";
}

std::string report_form_id(const ReportFormIdentity& id, const Policy& policy) {
    std::string code = "A";
    for (std::size_t i = 0; i < policy.awards.size(); ++i)
        if (policy.awards[i].name == id.award)
            code = policy.awards[i].certificate_code.empty() ? "A" + std::to_string(i + 1) : policy.awards[i].certificate_code;
    return id.pack + "-" + std::to_string(id.report_year) + "-" + id.credit_code + "-" + std::to_string(id.award_year) + code;
}

namespace report_layout {

std::vector<IdentityRow> identity_rows(const ReportFormIdentity& id, const std::string& form_id) {
    return {
        {kNameRow, "单位名称", id.name},
        {kCodeRow, "统一社会信用代码", id.credit_code},
        {kAwardYearRow, "获奖年度", std::to_string(id.award_year) + "年度"},
        {kAwardRow, "奖项", id.award},
        {kCertificateRow, "证书编号", id.certificate.empty() ? "（登记库中没有证书编号）" : id.certificate},
        {kReportYearRow, "报送年度", std::to_string(id.report_year) + "年（截止日期 " + id.due.chinese() + "）"},
        {kFormIdRow, "表格编号", form_id},
    };
}

int note_col(std::size_t years) { return kColFirstYear + int(years); }

FilerCells filer_cells(std::size_t indicators, std::size_t years) {
    const int last = note_col(years);
    FilerCells f;
    f.filer_row = kFirstIndicatorRow + int(indicators) + 1;
    f.filer_col = kColValue;
    f.phone_row = f.filer_row;
    f.phone_col = last >= 6 ? 5 : 4;  // label in the column before
    f.date_row = f.filer_row + 1;
    f.date_col = kColValue;
    f.declaration_row = f.date_row + 2;
    return f;
}

}  // namespace report_layout

}  // namespace award
