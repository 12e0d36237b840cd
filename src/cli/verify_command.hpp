// award verify FILE.pdf… | CODE… : is this certificate one the office issued, as issued,
// and does it still stand? (issue 6)
//
// For a PDF, each page is rendered and its QR code read (verify/certificate_reader.hpp);
// the payload's Ed25519 signature is checked with the office's public key; the page's
// printed words must be the signed ones (holder, number, year, award); then the registry
// says whether it was issued, revoked (when, why, under which article) or has expired
// (the pack's award validity, 本溪市第四条 5 years, 中牟县第二十八条 3 years).
// A CODE is either a QR code's text as a phone scanned it ("AWD1|…"), checked the same
// way but for the printed words, or a certificate number, looked up in the registry only.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace award {

enum class Verdict {
    Valid,    // 有效
    Revoked,  // 已撤销
    Expired,  // 已过期
    Forged,   // 伪造或被改动: signature, printed words or registry do not match
    Unknown,  // 无法确认: not in the registry, or no registry to ask
};

const char* verdict_name(Verdict v);

struct VerifyOptions {
    std::vector<std::string> items;              // PDF files, QR texts or certificate numbers
    std::filesystem::path public_key;            // PEM; empty: the office key's own public half
    std::filesystem::path office_key;            // where the office key is (for its public half)
    std::filesystem::path registry;              // the registry to ask
    std::filesystem::path data_dir;              // templates/policies, for each pack's validity
    std::optional<Date> as_of;                   // default today
};

struct VerifyFinding {
    std::string item;     // "证书/某公司.pdf 第 1 页", or the code given
    Verdict verdict = Verdict::Unknown;
    std::string summary;  // 证书编号、单位、奖项、年度 when known
    std::vector<std::string> reasons;  // why, in Chinese, with dates and articles
};

// Checks every item; prints one block per certificate and a count. Exit status 0 when
// every certificate is valid, 3 when any is not; 2 for unusable input (a file that is
// not a PDF, no key to check with).
int run_verify_command(const VerifyOptions& options, const Date& today);

// The checks themselves, for tests and the command.
std::vector<VerifyFinding> verify_items(const VerifyOptions& options, const Date& today);

}  // namespace award
