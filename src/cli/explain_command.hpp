// `award explain CASE_DIR [APPLICANT]`: the full decision trace of an applicant, in
// Chinese, as a clerk checks it by hand against the text of the regulation: each
// eligibility check with its article, requirement, inputs and result (and, when it
// failed, the very sentence the 不予受理通知书 prints); each review stage with every
// reviewer's total (回避 and the dropped highest/lowest marked), the method and its
// article, the exact and the rounded score; who entered the next stage and how a
// tie was decided; the weighted total, the rank, the quota and how the award was (or
// was not) conferred, the money in figures and in words. An internal tool: reviewers
// are named. Writes no files.
#pragma once
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/evaluate.hpp"
#include "model/case.hpp"

namespace award {

// APPLICANT named no applicant, or several: what() says so and lists the candidates
// (单位名称 and 统一社会信用代码), one per line. An input error (exit status 2).
class ApplicantNotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The applicants `query` names, in input order: all of them when `query` is empty;
// else the one whose 统一社会信用代码 (letters in any case) or full 单位名称 it is, else
// the one whose name contains it. Throws ApplicantNotFound when none or several match.
std::vector<std::size_t> select_applicants(const Case& c, const std::string& query);

// The trace of one applicant (index into Case::applicants), several lines, each
// ending in "\n". Pure and deterministic.
std::string explain_applicant(const Evaluated& e, std::size_t index);

}  // namespace award
