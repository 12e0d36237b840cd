// Origins of the case's values for the documents: each span is tagged with the input
// it comes from, so a character no font has is traced to its file, record and field.
#pragma once
#include <string>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "render/pdf/layout.hpp"

namespace award::pdf {

// Applicant::source is "applicants.json: /applicants/3": its file, and its path with the name as the record.
inline Origin applicant_field(const Applicant& a, std::string field) {
    const auto colon = a.source.find(": ");
    if (colon == std::string::npos) return {"applicants.json", a.name, std::move(field)};
    return {a.source.substr(0, colon), a.source.substr(colon + 2) + "（" + a.name + "）", std::move(field)};
}
inline Origin case_field(std::string field) { return {"case.json", "", std::move(field)}; }
inline Origin policy_field(const Policy& p, std::string field) {
    return {p.source.empty() ? "templates/policies/" + p.id + ".json" : p.source.string(), "", std::move(field)};
}

inline Text issuer(const Case& c) { return Text(c.issuer, case_field("issuer")); }

}  // namespace award::pdf
