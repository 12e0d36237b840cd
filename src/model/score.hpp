// Exact score arithmetic. A reviewer's item score is points × percentage, so it is
// a whole number of hundredths of a point; means, medians and weights divide that.
// Scores stay exact fractions until the one rounding the policy pack prescribes
// (DESIGN.md: "aggregation rounds once, at the end").
#pragma once
#include <compare>
#include <cstdint>
#include <numeric>
#include <string>

namespace award {

// A non-negative fraction of hundredths of a point, kept in lowest terms.
class Score {
public:
    Score() = default;
    static Score hundredths(std::int64_t h) { return Score(h, 1); }
    static Score fraction(std::int64_t num_hundredths, std::int64_t den) { return Score(num_hundredths, den); }

    std::int64_t numerator() const { return num_; }      // in hundredths of a point
    std::int64_t denominator() const { return den_; }

    Score operator+(const Score& o) const { return Score(num_ * o.den_ + o.num_ * den_, den_ * o.den_); }
    Score operator-(const Score& o) const { return Score(num_ * o.den_ - o.num_ * den_, den_ * o.den_); }
    Score times(std::int64_t k) const { return Score(num_ * k, den_); }
    Score divided_by(std::int64_t k) const { return Score(num_, den_ * k); }

    std::strong_ordering operator<=>(const Score& o) const {
        // Numerators stay below 10^6 hundredths and denominators below 10^5: no overflow.
        return num_ * o.den_ <=> o.num_ * den_;
    }
    bool operator==(const Score& o) const { return num_ == o.num_ && den_ == o.den_; }

    // Rounded half up (四舍五入) to `decimals` places (0–2), in units of 10^-decimals points.
    std::int64_t rounded_units(int decimals) const {
        std::int64_t per_unit = 1;  // hundredths per unit
        for (int i = decimals; i < 2; ++i) per_unit *= 10;
        std::int64_t scaled_num = num_;
        std::int64_t scaled_den = den_ * per_unit;
        if (decimals > 2) {  // never used by packs (validated), kept total for safety
            for (int i = 2; i < decimals; ++i) scaled_num *= 10;
        }
        return (2 * scaled_num + scaled_den) / (2 * scaled_den);
    }
    // "512.3" with `decimals` places, rounded half up.
    std::string text(int decimals) const { return units_text(rounded_units(decimals), decimals); }
    double approximate() const { return static_cast<double>(num_) / static_cast<double>(den_) / 100.0; }

    static std::string units_text(std::int64_t units, int decimals) {
        if (decimals <= 0) return std::to_string(units);
        std::int64_t p = 1;
        for (int i = 0; i < decimals; ++i) p *= 10;
        std::string frac = std::to_string(units % p);
        while (static_cast<int>(frac.size()) < decimals) frac.insert(0, "0");
        return std::to_string(units / p) + "." + frac;
    }

private:
    Score(std::int64_t num, std::int64_t den) {
        if (den < 0) { num = -num; den = -den; }
        std::int64_t g = std::gcd(num < 0 ? -num : num, den);
        if (g == 0) g = 1;
        num_ = num / g;
        den_ = den / g;
    }
    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

}  // namespace award
