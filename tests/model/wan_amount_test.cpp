// 财务数据 in 万元: read exactly into whole yuan, printed with two decimals.
#include <catch2/catch.hpp>

#include "model/money.hpp"

using award::wan_text_to_yuan;
using award::yuan_wan_2dp;

TEST_CASE("Money: 万元 text with at most two decimals is read exactly as yuan") {
    CHECK(wan_text_to_yuan("1.23") == 12300);
    CHECK(wan_text_to_yuan("-12.5") == -125000);
    CHECK(wan_text_to_yuan("1,234.56") == 12345600);
    CHECK(wan_text_to_yuan("1234.56") == 12345600);
    CHECK(wan_text_to_yuan("0") == 0);
    CHECK(wan_text_to_yuan("-0.01") == -100);
    CHECK(wan_text_to_yuan("0.1") == 1000);
    CHECK(wan_text_to_yuan("1,234,567") == 12345670000LL);
    CHECK(wan_text_to_yuan("999999999999.99") == 9999999999999900LL);  // 12 digits before the point
}

TEST_CASE("Money: anything else is not a 万元 amount") {
    for (const char* bad : {"", "-", "1.", ".5", "1.234", "12,34", ",123", "1,2345", "1 234", "1e3", "+3", "３", "12.5万",
                            "1,234.5.6", "1234567890123", "--1", "1,234,56"}) {
        INFO(bad);
        CHECK_FALSE(wan_text_to_yuan(bad).has_value());
    }
}

TEST_CASE("Money: yuan printed in 万元 with two decimals, negative and zero included") {
    CHECK(yuan_wan_2dp(-352000) == "-35.20万元");
    CHECK(yuan_wan_2dp(12345600) == "1234.56万元");
    CHECK(yuan_wan_2dp(0) == "0.00万元");
    CHECK(yuan_wan_2dp(-100) == "-0.01万元");
    CHECK(yuan_wan_2dp(10000) == "1.00万元");
    // Not a multiple of 100 yuan: rounded half away from zero, never "-0.00".
    CHECK(yuan_wan_2dp(150) == "0.02万元");
    CHECK(yuan_wan_2dp(-150) == "-0.02万元");
    CHECK(yuan_wan_2dp(-49) == "0.00万元");
}
