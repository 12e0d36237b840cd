// Prize money as printed: 大写金额 (amounts in words, REFERENCE.md "Amounts in words"),
// grouped figures ("300,000") and the 万元 form the offices use ("30万元").
// Amounts are integers: whole yuan, or fen (分) for amount_in_words_fen.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace award {

// "人民币叁拾万元整" for 300000; "人民币零元整" for 0. A run of zeros inside the number is one
// 零 (壹仟零玖, 壹拾万零壹拾, 壹亿零壹仟); where 支付结算办法 leaves the 零 optional (万位 or
// 元位 zero with 仟位 or 角位 not) it is not written, as the number is read: 壹拾万柒仟. Throws std::invalid_argument for a
// negative amount or one of 10^16 yuan or more (no unit above 亿 is written).
std::string amount_in_words(long long yuan);

// From fen: 140950 → "人民币壹仟肆佰零玖元伍角整", 32504 → "人民币叁佰贰拾伍元零肆分",
// 50 → "人民币伍角整". Ends in 元 or 角 → 整; ends in 分 → no 整. Same limits as above.
std::string amount_in_words_fen(long long fen);

// "300,000": thousands separated by commas. Throws std::invalid_argument when negative.
std::string yuan_grouped(long long yuan);

// "30万元", "5万元", "1.5万元", "1.2345万元" (exact, no rounding); below 10000 yuan "5000元".
// Throws std::invalid_argument when negative.
std::string yuan_wan(long long yuan);

// 财务数据 (applicants' figures, which may be negative): an amount in 万元 written in
// decimal with at most 2 decimals — "-12.5", "1234.56", "1,234.56", "0", "+3" not
// accepted — as whole yuan, exactly (no floating point): "-12.5" → -125000, "1.23" → 12300.
// Commas, when any, must group the integer part by thousands ("12,34" is refused: it
// may be a decimal comma). At most 12 digits before the point. nullopt otherwise
// (empty, spaces inside, exponents, "1.", ".5", a third decimal, full-width digits).
std::optional<long long> wan_text_to_yuan(std::string_view text);

// "-35.20万元", "1234.56万元", "0.00万元": yuan in 万元 with exactly 2 decimals, not grouped,
// for reasons that quote the figures. Exact for multiples of 100 yuan (every amount read
// by wan_text_to_yuan); otherwise rounded half away from zero to 0.01万元.
std::string yuan_wan_2dp(long long yuan);

}  // namespace award
