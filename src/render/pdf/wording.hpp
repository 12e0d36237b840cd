// Pieces of wording shared by the documents, each span tagged with the input
// it comes from (so a character no font has is traced to its applicant or field).
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

// 《魏都区区长质量奖管理办法》
inline Text regulation(const Policy& p) {
    return Text("《").add(p.regulation, policy_field(p, "regulation")).add("》");
}

// 2026年度魏都区区长质量奖
inline Text cycle_award(const Case& c, const Policy& p) {
    return Text(std::to_string(c.year) + "年度").add(p.award_title, policy_field(p, "award_title"));
}

// 联系部门……；联系人……；联系电话……；通讯地址……；电子邮箱……。 Items not given are left out.
inline Text contact_details(const Case& c) {
    const std::pair<const char*, std::pair<const std::string*, const char*>> items[] = {
        {"联系部门：", {&c.contact.department, "contact.department"}},
        {"联系人：", {&c.contact.person, "contact.person"}},
        {"联系电话：", {&c.contact.phone, "contact.phone"}},
        {"通讯地址：", {&c.contact.address, "contact.address"}},
        {"电子邮箱：", {&c.contact.email, "contact.email"}},
    };
    Text t;
    for (const auto& [label, value] : items) {
        if (value.first->empty()) continue;
        if (!t.spans().empty()) t.add("；");
        t.add(label).add(*value.first, case_field(value.second));
    }
    return t.add("。");
}

// 申报奖项 as a letter names it: "2026年度魏都区区长质量奖（区长质量提名奖）", without
// the bracket when the award is the one the title already names.
inline Text applied_award(const Case& c, const Policy& p, const Applicant& a) {
    Text t = cycle_award(c, p);
    const std::string& title = p.award_title;
    const bool named = title.size() >= a.award.size() && title.compare(title.size() - a.award.size(), a.award.size(), a.award) == 0;
    if (!named) t.add("（").add(a.award, applicant_field(a, "award")).add("）");
    return t;
}

inline Text issuer(const Case& c) { return Text(c.issuer, case_field("issuer")); }

}  // namespace award::pdf
