#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/json_fields.hpp"
#include "ingest/text_rules.hpp"

using namespace award::ingest;

TEST_CASE("text rules: characters are counted, not bytes") {
    CHECK(char_count("") == 0);
    CHECK(char_count("abc") == 3);
    CHECK(char_count("许昌甲公司") == 5);
    CHECK(char_count("许昌😀") == 3);
    CHECK(char_count("\xC6\xC0") == 2);  // two bytes that are not UTF-8 count one each
}

TEST_CASE("text rules: well-formed UTF-8 is told from GBK, overlong forms and surrogates") {
    CHECK(is_valid_utf8("魏都区 2026"));
    CHECK(is_valid_utf8("𠀀"));
    CHECK_FALSE(is_valid_utf8("\xC6\xC0\xCE\xAF"));  // GBK 评委
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
    CHECK_FALSE(is_valid_utf8("\xE8\xAE"));          // cut short
}

TEST_CASE("text rules: shown() escapes control and format characters and stray bytes, nothing else") {
    CHECK(shown("许昌甲公司") == "许昌甲公司");
    CHECK(shown("许昌😀") == "许昌😀");
    CHECK(shown(std::string("a\0b", 3)) == "a\\u0000b");
    CHECK(shown("a\x07" "b\nc\td") == "a\\u0007b\\u000Ac\\u0009d");
    CHECK(shown("a\x7F") == "a\\u007F");
    CHECK(shown("许昌\u202Egpj.exe") == "许昌\\u202Egpj.exe");
    CHECK(shown("a\u200Bb\uFEFF") == "a\\u200Bb\\uFEFF");
    CHECK(shown("\xC6\xC0") == "\\xC6\\xC0");
    CHECK(shown(shown("a\x07")) == shown("a\x07"));  // showing twice changes nothing more
}

TEST_CASE("text rules: character_problem names the first character the documents cannot take") {
    CHECK(character_problem("许昌甲公司（魏都区）No.1 ·—“”") == "");
    CHECK(character_problem("许昌康泰\x07口腔") == "第5个字符 U+0007 是控制字符（如换行、制表符、响铃）");
    CHECK(character_problem(std::string("许昌\0", 7)) == "第3个字符 U+0000 是控制字符（如换行、制表符、响铃）");
    CHECK(character_problem("a\nb").find("U+000A") != std::string::npos);
    CHECK(character_problem("\u0085").find("U+0085 是控制字符") != std::string::npos);  // C1 control
    for (const char* format : {"\u202A", "\u202E", "\u2066", "\u2069", "\u200B", "\u200F", "\uFEFF", "\u00AD"}) {
        INFO(shown(format));
        CHECK(character_problem(std::string("甲") + format).find("第2个字符 U+") == 0);
        CHECK(character_problem(std::string("甲") + format).find("格式字符") != std::string::npos);
    }
    CHECK(character_problem("许昌😀") == "第3个字符“😀”（U+1F600）在基本多文种平面以外，文书字体无法显示");
    CHECK(character_problem("𠀀").find("U+20000") != std::string::npos);
    CHECK(character_problem("\uFFFD") == "");  // the last plane-0 characters are fine
    CHECK(character_problem("甲\xC6") == "第2个字符不是 UTF-8 编码");
    CHECK(kExpectPlainText.find("扩展B区") != std::string::npos);
}

TEST_CASE("text rules: 发文字号 of the GB/T 9704 form are accepted, with the year read out") {
    int year = 0;
    CHECK(document_number_problem("魏质奖秘〔2026〕3号", &year) == "");
    CHECK(year == 2026);
    CHECK(document_number_problem("魏质奖秘〔2027〕120号", &year) == "");
    CHECK(year == 2027);
    CHECK(document_number_problem("国办发〔2025〕7号") == "");
}

TEST_CASE("text rules: 发文字号 not of the GB/T 9704 form say what is wrong") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"魏质奖秘[2026]03号", "六角括号〔〕"},
        {"魏质奖秘(2026)3号", "六角括号〔〕"},
        {"魏质奖秘【2026】3号", "六角括号〔〕"},
        {"魏质奖秘2026年3号", "缺少用六角括号括起来的年份"},
        {"〔2026〕3号", "机关代字"},
        {"魏质奖秘〔26〕3号", "4 位"},
        {"魏质奖秘〔２０２６〕3号", "4 位半角数字"},
        {"魏质奖秘〔2026〕03号", "补 0"},
        {"魏质奖秘〔2026〕第3号", "不加“第”"},
        {"魏质奖秘〔2026〕号", "序号"},
        {"魏质奖秘〔2026〕3", "以“号”结尾"},
        {"魏质奖秘〔2026〕3号文", "以“号”结尾"},
        {"魏质奖秘〔2026]3号", "〕"},
    };
    for (const auto& [number, why] : cases) {
        INFO(number);
        int year = -1;
        const std::string problem = document_number_problem(number, &year);
        CHECK(problem.find(why) != std::string::npos);
        CHECK_FALSE(problem.empty());
    }
}

TEST_CASE("json fields: text of several lines keeps one reason per line and still refuses control characters within a line") {
    using award::ingest::Fields;
    using award::ingest::Need;
    using award::ingest::ProblemList;
    ProblemList out;
    const nlohmann::json item = {{"a", "第一条理由。\r\n\r\n  第二条理由。 \n"}, {"b", "理由\t中有制表符"}, {"c", "\n \n"}};
    Fields f(out, "r.json", "/cycles/0", item, {"a", "b", "c"});
    CHECK(f.lines("a", Need::required, 100) == std::optional<std::string>("第一条理由。\n第二条理由。"));
    CHECK_FALSE(f.lines("a", Need::required, 5));  // 12 characters in all
    CHECK_FALSE(f.lines("b", Need::required, 100));
    CHECK_FALSE(f.lines("c", Need::required, 100));
    REQUIRE(out.items.size() == 3);
    CHECK(out.items[0].expected.find("不超过 5 个字符") != std::string::npos);
    CHECK(out.items[1].field == "b");
    CHECK(out.items[2].field == "c");
}
