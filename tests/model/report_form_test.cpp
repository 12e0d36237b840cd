// The figures of the yearly report forms: exact hundredths, the years a report covers,
// the due date of a year.
#include <catch2/catch.hpp>

#include "model/report_form.hpp"

using namespace award;

TEST_CASE("Report figures: decimal text with at most two decimals is read exactly as hundredths") {
    CHECK(decimal_text_to_hundredths("1234.56") == 123456);
    CHECK(decimal_text_to_hundredths("1,234.56") == 123456);
    CHECK(decimal_text_to_hundredths("-35.2") == -3520);
    CHECK(decimal_text_to_hundredths("0") == 0);
    CHECK(decimal_text_to_hundredths("356") == 35600);
    CHECK(decimal_text_to_hundredths("0.05") == 5);
    CHECK(decimal_text_to_hundredths("999999999999.99") == 99999999999999LL);
    for (const char* bad : {"", "-", "1.", ".5", "1.234", "12,34", ",123", "1,2345", "1 234", "1e3", "+3", "1,234.5.6",
                            "1234567890123", "--1", "1,234,56", "一万"}) {
        INFO(bad);
        CHECK_FALSE(decimal_text_to_hundredths(bad).has_value());
    }
}

TEST_CASE("Report figures: hundredths printed back without trailing zeros") {
    CHECK(hundredths_text(123456) == "1234.56");
    CHECK(hundredths_text(-3520) == "-35.2");
    CHECK(hundredths_text(35600) == "356");
    CHECK(hundredths_text(5) == "0.05");
    CHECK(hundredths_text(-5) == "-0.05");
    CHECK(hundredths_text(0) == "0");
}

TEST_CASE("Report figures: each kind takes its range, sign and decimals") {
    ReportIndicator money{"revenue", "营业收入", "万元", ReportIndicator::Kind::MoneyWan, false, ""};
    CHECK(report_value_fits(money, 123456));
    CHECK_FALSE(report_value_fits(money, -1));
    money.negative_allowed = true;
    CHECK(report_value_fits(money, -3520));
    const ReportIndicator pct{"q", "质量损失率", "%", ReportIndicator::Kind::Percent, false, ""};
    CHECK(report_value_fits(pct, 10000));
    CHECK_FALSE(report_value_fits(pct, 10001));
    CHECK_FALSE(report_value_fits(pct, -1));
    const ReportIndicator whole{"e", "从业人员", "人", ReportIndicator::Kind::Integer, false, ""};
    CHECK(report_value_fits(whole, 35600));
    CHECK_FALSE(report_value_fits(whole, 350));
}

TEST_CASE("Report years: the report of a year covers the complete years before it, due on the day of that year") {
    CHECK(report_years(2026, 3) == std::vector<int>{2023, 2024, 2025});
    CHECK(report_years(2026, 1) == std::vector<int>{2025});
    CHECK(report_due_date(2026, "03-31") == Date(2026, 3, 31));
    CHECK(report_due_date(2027, "02-29") == Date(2027, 2, 28));
    CHECK(report_due_date(2028, "02-29") == Date(2028, 2, 29));
    CHECK_FALSE(report_due_date(2026, "3-31").has_value());
}
