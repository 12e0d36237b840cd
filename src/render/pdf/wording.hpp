// Pieces of wording shared by the documents, each span tagged with the input
// it comes from (so a character no font has is traced to its applicant or field).
#pragma once
#include <string>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "render/pdf/layout.hpp"

namespace award::pdf {

inline Origin applicant_field(const Applicant& a, const char* field) { return {a.name, field}; }
inline Origin case_field(const char* field) { return {"case.json", field}; }
inline Origin policy_field(const Policy& p, const char* field) {
    return {p.source.empty() ? "templates/policies/" + p.id + ".json" : p.source.filename().string(), field};
}

// 《魏都区区长质量奖管理办法》
inline Text regulation(const Policy& p) {
    return Text("《").add(p.regulation, policy_field(p, "regulation")).add("》");
}

// 2026年度魏都区区长质量奖
inline Text cycle_award(const Case& c, const Policy& p) {
    return Text(std::to_string(c.year) + "年度").add(p.award_title, policy_field(p, "award_title"));
}

// 联系部门……，联系人……，联系电话……，通讯地址……，电子邮箱……
inline Text contact_details(const Case& c) {
    Text t;
    t.add("联系部门：").add(c.contact.department, case_field("contact.department"));
    t.add("；联系人：").add(c.contact.person, case_field("contact.person"));
    t.add("；联系电话：").add(c.contact.phone, case_field("contact.phone"));
    t.add("；通讯地址：").add(c.contact.address, case_field("contact.address"));
    if (!c.contact.email.empty()) t.add("；电子邮箱：").add(c.contact.email, case_field("contact.email"));
    return t.add("。");
}

inline Text issuer(const Case& c) { return Text(c.issuer, case_field("issuer")); }

}  // namespace award::pdf
