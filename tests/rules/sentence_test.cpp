#include <catch2/catch.hpp>

#include "rules/sentence.hpp"

TEST_CASE("Sentence templates: placeholders are listed and filled") {
    using award::fill_template;
    using award::template_placeholders;
    CHECK(template_placeholders("贵单位{name}于{founded}成立，{name}") ==
          std::vector<std::string>{"name", "founded", "name"});
    CHECK(template_placeholders("没有占位符。").empty());
    CHECK(fill_template("贵单位成立于{founded}。", {{"founded", "2021年9月19日"}}) == "贵单位成立于2021年9月19日。");
    CHECK_THROWS_AS(fill_template("{missing}", {}), std::invalid_argument);
}

TEST_CASE("Sentence templates: stray braces and bad names are refused with a position") {
    using award::template_placeholders;
    CHECK_THROWS_WITH(template_placeholders("abc{name"), Catch::Contains("第 3 字节"));
    CHECK_THROWS_AS(template_placeholders("abc}"), std::invalid_argument);
    CHECK_THROWS_AS(template_placeholders("{}"), std::invalid_argument);
    CHECK_THROWS_AS(template_placeholders("{成立日期}"), std::invalid_argument);
    CHECK_THROWS_AS(template_placeholders("{a{b}}"), std::invalid_argument);
}

TEST_CASE("Quoted requirement text nests its own quotation marks") {
    CHECK(award::nest_quotes("专精特新“小巨人”企业") == "专精特新‘小巨人’企业");
    CHECK(award::nest_quotes("无引号") == "无引号");
}
