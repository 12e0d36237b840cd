// 审定与表彰: the certificates the government issues for the awards it granted
// (case.json "commendation"), checked against the regulation. Pure functions.
#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/certificate.hpp"
#include "model/errors.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"

namespace award {

struct CertificateIssue {
    // One per grant, in grant order; empty when the case has no commendation, and
    // empty whenever `problems` is not: a certificate is never issued from a
    // commendation the regulation does not allow.
    std::vector<Certificate> certificates;
    // What the regulation does not allow, each naming "case.json", the grant's record
    // ("/commendation/granted/3（单位名称）"), field, value and what was expected
    // (Chinese, citing the pack's article). Bad input: report like ingest problems.
    std::vector<Problem> problems;
};

// The certificates for the case's commendation. For each grant, in order:
//  - the holder must be on the 受理名单 of `acceptance` (资格审核 comes first:
//    Policy::review_article, 魏都区 第十六条);
//  - an award open to application goes only to an applicant who applied for it;
//    an award not open to application (质量管理创新奖) to any accepted applicant
//    (AwardSpec::article, 第四条);
//  - one award per organisation per cycle;
//  - repeat_winner when the holder already holds the same award (prior_awards, not
//    revoked): certificate and title only, outside the quota (第十二条);
//  - first-time winners of an award with a quota may not exceed it (第四条); one
//    problem per award, listing its holders.
// Numbers follow Policy::certificates.number_pattern with {seq:N} counted per award in
// grant order, from 1. award_title = the award's full_name (default Policy::jurisdiction + its name).
// Throws std::invalid_argument when the pack's pattern or an award's certificate_code
// is unusable (packs are validated when loaded: a programming error).
CertificateIssue issue_certificates(const Policy& policy, const Case& c, const AcceptanceOutcome& acceptance);

// Empty when `pattern` is a usable certificate number pattern: literal text with
// {year}, {award_code} and {seq:N} (N 1–6) each exactly once and no other braces.
// Otherwise what is wrong, in Chinese (for the pack loader's ConfigError).
std::string certificate_pattern_problem(const std::string& pattern);

// The number of the seq-th certificate (from 1) of an award, e.g.
// ("WD{year}{award_code}{seq:3}", 2026, "Z", 2) → "WD2026Z002". A sequence wider than
// N digits is written in full. Throws std::invalid_argument for an unusable pattern.
std::string certificate_number(const std::string& pattern, int year, const std::string& award_code, int seq);

}  // namespace award
