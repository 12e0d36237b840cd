// Shared by the *_rows_test.cpp of the packs: the case of a pack's cycle, and the pack's own
// eligibility checks run on an applicant as of the application deadline.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "rules/eligibility.hpp"

namespace packs_test {

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The case <pack id>-<year> of the pack's cycle in the deadline's year.
inline award::Case cycle_case(const award::Policy& p, award::Date deadline,
                              std::vector<award::Applicant> applicants = {}) {
    award::Case c;
    c.id = p.id + "-" + std::to_string(deadline.year());
    c.policy = p.id;
    c.year = deadline.year();
    c.application_deadline = deadline;
    c.applicants = std::move(applicants);
    return c;
}

// Every check of the pack on `a`, the only applicant of the cycle.
inline award::EligibilityResult eligibility(const award::Policy& p, award::Date deadline, const award::Applicant& a) {
    return award::check_eligibility(p, cycle_case(p, deadline, {a}), 0);
}

// One check of the pack, by id, on `a` (no decisions taken).
inline award::CheckResult run_check(const award::Policy& p, award::Date deadline, const std::string& id,
                                    const award::Applicant& a) {
    const award::CheckSpec* spec = p.find_check(id);
    REQUIRE(spec != nullptr);
    static const std::vector<award::Decision> none;
    award::CheckContext ctx{p, deadline, deadline.year(), none};
    return award::run_check(*spec, a, ctx);
}

// `r` accepted, after all `checks` checks of the pack ran; the failures' reasons shown if not.
inline void require_accepted(const award::EligibilityResult& r, std::size_t checks) {
    std::string why;
    for (const auto* f : r.failures()) why += f->article + "：" + f->reason + "\n";
    INFO(why);
    CHECK(r.accepted);
    CHECK(r.checks.size() == checks);
}

}  // namespace packs_test
