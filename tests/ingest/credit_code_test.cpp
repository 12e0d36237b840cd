#include <catch2/catch.hpp>

#include "ingest/credit_code.hpp"

using award::credit_code_check_char;
using award::credit_code_problem;

TEST_CASE("credit code: the public example 91110000600037341L is valid (REFERENCE.md)") {
    REQUIRE(credit_code_check_char("91110000600037341") == 'L');
    CHECK(credit_code_problem("91110000600037341L").empty());
}

TEST_CASE("credit code: the codes used as test fixtures and in the sample are valid") {
    CHECK(credit_code_problem("91411002175206385X").empty());
    CHECK(credit_code_problem("91411002MA47T3QD9A").empty());
    CHECK(credit_code_check_char("91411002175206385") == 'X');
    CHECK(credit_code_check_char("91411002MA47T3QD9") == 'A');
}

TEST_CASE("credit code: a check character that is 0 (sum divisible by 31) is '0', not 'Y'") {
    // 17 zeros sum to 0, so the check is alphabet[(31 - 0) % 31] = '0' (the final "mod 31").
    CHECK(credit_code_check_char("00000000000000000") == '0');
    CHECK(credit_code_problem("000000000000000000").empty());
}

TEST_CASE("credit code: a wrong check character names the one expected") {
    auto why = credit_code_problem("91110000600037341X");
    CHECK(why.find("校验位") != std::string::npos);
    CHECK(why.find("应为 L") != std::string::npos);
    CHECK(why.find("实际为 X") != std::string::npos);
}

TEST_CASE("credit code: one changed digit in the body is caught by the check character") {
    CHECK_FALSE(credit_code_problem("91110000600037342L").empty());
    CHECK_FALSE(credit_code_problem("91110000600073341L").empty());  // two digits swapped
}

TEST_CASE("credit code: lowercase letters are an error telling to use capitals, not silently fixed") {
    auto why = credit_code_problem("91110000600037341l");
    CHECK(why.find("第18位") != std::string::npos);
    CHECK(why.find("小写") != std::string::npos);
    CHECK(why.find("大写") != std::string::npos);
    CHECK(credit_code_problem("91411002ma47T3QD9A").find("第9位") != std::string::npos);
}

TEST_CASE("credit code: wrong length") {
    CHECK(credit_code_problem("91110000600037341").find("18 位") != std::string::npos);
    CHECK(credit_code_problem("91110000600037341").find("17 位") != std::string::npos);
    CHECK(credit_code_problem("91110000600037341LL").find("19 位") != std::string::npos);
    CHECK(credit_code_problem("").find("0 位") != std::string::npos);
    CHECK_FALSE(credit_code_check_char("9111000060003734").has_value());
    CHECK_FALSE(credit_code_check_char("911100006000373412").has_value());
}

TEST_CASE("credit code: letters outside the alphabet (I, O, Z, S, V) and other characters are named") {
    for (char bad : {'I', 'O', 'Z', 'S', 'V'}) {
        std::string code = "91110000600037341L";
        code[5] = bad;
        auto why = credit_code_problem(code);
        INFO(code);
        CHECK(why.find("第6位") != std::string::npos);
        CHECK(why.find(std::string("“") + bad + "”") != std::string::npos);
        std::string first17 = code.substr(0, 17);
        CHECK_FALSE(credit_code_check_char(first17).has_value());
    }
    CHECK(credit_code_problem("9111000060003734 L").find("第17位") != std::string::npos);
    CHECK(credit_code_problem("9111000060003734-L").find("第17位") != std::string::npos);
}

TEST_CASE("credit code: a full-width digit counts as one character and is reported as such") {
    // "９" is three bytes in UTF-8 but one character on screen.
    std::string code = "\xEF\xBC\x99" "1110000600037341L";
    auto why = credit_code_problem(code);
    CHECK(why.find("第1位") != std::string::npos);
    CHECK(why.find("半角") != std::string::npos);
}
