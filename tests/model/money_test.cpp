// 大写金额 and the printed forms of prize money (REFERENCE.md "Amounts in words").
#include <catch2/catch.hpp>

#include <stdexcept>

#include "model/money.hpp"

using award::amount_in_words;
using award::amount_in_words_fen;
using award::yuan_grouped;
using award::yuan_wan;

TEST_CASE("Money: the REFERENCE.md examples in words") {
    CHECK(amount_in_words_fen(140950) == "人民币壹仟肆佰零玖元伍角整");   // ¥1,409.50
    CHECK(amount_in_words_fen(32504) == "人民币叁佰贰拾伍元零肆分");      // ¥325.04: 零 for the empty 角, no 整
    CHECK(amount_in_words(300000) == "人民币叁拾万元整");
    CHECK(amount_in_words_fen(30000000) == "人民币叁拾万元整");
}

TEST_CASE("Money: the prize amounts of the packs in words") {
    CHECK(amount_in_words(50000) == "人民币伍万元整");    // 魏都区 区长质量奖, 通州区 提名奖
    CHECK(amount_in_words(30000) == "人民币叁万元整");    // 魏都区 提名奖
    CHECK(amount_in_words(200000) == "人民币贰拾万元整");  // 本溪市
    CHECK(amount_in_words(600000) == "人民币陆拾万元整");  // 2 × 30万
}

TEST_CASE("Money: zero, a leading ten, and trailing zeros") {
    CHECK(amount_in_words(0) == "人民币零元整");
    CHECK(amount_in_words(1) == "人民币壹元整");
    CHECK(amount_in_words(10) == "人民币壹拾元整");  // 壹拾, never a bare 拾
    CHECK(amount_in_words(15) == "人民币壹拾伍元整");
    CHECK(amount_in_words(110) == "人民币壹佰壹拾元整");
    CHECK(amount_in_words(100) == "人民币壹佰元整");
    CHECK(amount_in_words(9999) == "人民币玖仟玖佰玖拾玖元整");
    CHECK(amount_in_words(100000) == "人民币壹拾万元整");
    CHECK(amount_in_words(1000000) == "人民币壹佰万元整");
}

TEST_CASE("Money: a run of inner zeros is one 零, within a group and across 万 and 亿") {
    CHECK(amount_in_words(1001) == "人民币壹仟零壹元整");
    CHECK(amount_in_words(1010) == "人民币壹仟零壹拾元整");
    CHECK(amount_in_words(100010) == "人民币壹拾万零壹拾元整");
    CHECK(amount_in_words(100001) == "人民币壹拾万零壹元整");
    // 万位 zero but 千位 not: 支付结算办法 allows one 零 or none; we write none, as the
    // number is read (12000 → 壹万贰仟, 107000 → 壹拾万柒仟).
    CHECK(amount_in_words(10001000) == "人民币壹仟万壹仟元整");
    CHECK(amount_in_words(12000) == "人民币壹万贰仟元整");
    CHECK(amount_in_words(107000) == "人民币壹拾万柒仟元整");
    CHECK(amount_in_words(6007) == "人民币陆仟零柒元整");
    CHECK(amount_in_words(10010000) == "人民币壹仟零壹万元整");
    CHECK(amount_in_words(12345678) == "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整");
    CHECK(amount_in_words(100000000) == "人民币壹亿元整");
    CHECK(amount_in_words(1000000000) == "人民币壹拾亿元整");
    CHECK(amount_in_words(20000000000) == "人民币贰佰亿元整");
    CHECK(amount_in_words(20000000001) == "人民币贰佰亿零壹元整");
    CHECK(amount_in_words(20005000300) == "人民币贰佰亿零伍佰万零叁佰元整");
    CHECK(amount_in_words(100001000) == "人民币壹亿零壹仟元整");   // an empty 万 group: no 万, one 零
    CHECK(amount_in_words(110000000) == "人民币壹亿壹仟万元整");
    CHECK(amount_in_words(101000000) == "人民币壹亿零壹佰万元整");
    CHECK(amount_in_words(1234500000000) == "人民币壹万贰仟叁佰肆拾伍亿元整");  // 万 above 亿
}

TEST_CASE("Money: 角 and 分") {
    CHECK(amount_in_words_fen(0) == "人民币零元整");
    CHECK(amount_in_words_fen(50) == "人民币伍角整");
    CHECK(amount_in_words_fen(5) == "人民币伍分");
    CHECK(amount_in_words_fen(56) == "人民币伍角陆分");
    CHECK(amount_in_words_fen(100) == "人民币壹元整");
    CHECK(amount_in_words_fen(1001) == "人民币壹拾元零壹分");
    CHECK(amount_in_words_fen(1010) == "人民币壹拾元壹角整");
    CHECK(amount_in_words_fen(10000000001) == "人民币壹亿元零壹分");
    CHECK(amount_in_words_fen(1640902) == "人民币壹万陆仟肆佰零玖元零贰分");
    CHECK(amount_in_words_fen(600714) == "人民币陆仟零柒元壹角肆分");
    CHECK(amount_in_words_fen(168032) == "人民币壹仟陆佰捌拾元叁角贰分");  // 元位 zero, 角 not: 零 optional, not written
}

TEST_CASE("Money: negative or absurd amounts are refused") {
    CHECK_THROWS_AS(amount_in_words(-1), std::invalid_argument);
    CHECK_THROWS_AS(amount_in_words_fen(-1), std::invalid_argument);
    CHECK_THROWS_AS(amount_in_words(10000000000000000), std::invalid_argument);
    CHECK(amount_in_words(9999999999999999) == "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整");
    CHECK_THROWS_AS(yuan_grouped(-5), std::invalid_argument);
    CHECK_THROWS_AS(yuan_wan(-5), std::invalid_argument);
}

TEST_CASE("Money: figures grouped by thousands") {
    CHECK(yuan_grouped(0) == "0");
    CHECK(yuan_grouped(999) == "999");
    CHECK(yuan_grouped(1000) == "1,000");
    CHECK(yuan_grouped(50000) == "50,000");
    CHECK(yuan_grouped(300000) == "300,000");
    CHECK(yuan_grouped(1234567) == "1,234,567");
    CHECK(yuan_grouped(20000000000) == "20,000,000,000");
}

TEST_CASE("Money: the 万元 form as the regulations write it") {
    CHECK(yuan_wan(50000) == "5万元");
    CHECK(yuan_wan(300000) == "30万元");
    CHECK(yuan_wan(30000) == "3万元");
    CHECK(yuan_wan(15000) == "1.5万元");
    CHECK(yuan_wan(12345) == "1.2345万元");
    CHECK(yuan_wan(100010) == "10.001万元");
    CHECK(yuan_wan(10000) == "1万元");
    CHECK(yuan_wan(5000) == "5000元");
    CHECK(yuan_wan(0) == "0元");
}
