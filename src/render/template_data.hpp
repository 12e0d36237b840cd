// Values the document templates (templates/documents/*.md) can use, built from the
// case and the policy. Each value keeps the Origin of the input it comes from, so
// a character no font has is reported against its file, record and field.
#pragma once
#include <filesystem>
#include <string>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "render/pdf/wording.hpp"
#include "render/template/document_template.hpp"

namespace award {

inline std::filesystem::path document_template_path(const std::filesystem::path& data_dir, const std::string& name) {
    return data_dir / "templates" / "documents" / name;
}

inline tpl::TemplateValue template_text(const std::string& s, pdf::Origin o = {}) {
    return tpl::TemplateValue::of(s, std::move(o));
}

// The variables every document of a case has: year, award, regulation, issuer, contact.
inline void add_case_values(tpl::TemplateObject& o, tpl::TemplateSchema& s, const Case& c, const Policy& p) {
    using pdf::case_field;
    using pdf::policy_field;
    s.text("year").text("award_title").text("regulation").text("issuer");
    // The regulation's names for its acceptance check and its scoring experts (初审 / 资格审查; 专家评审组 / 评审组).
    s.text("acceptance_review").flag("has_consultation").text("acceptance_consultation").text("experts");
    s.text("contact_person").text("contact_phone").flag("has_department").text("contact_department");
    s.flag("has_address").text("contact_address").flag("has_email").text("contact_email");
    o.set("year", template_text(std::to_string(c.year)))
        .set("award_title", template_text(p.award_title, policy_field(p, "award_title")))
        .set("regulation", template_text(p.regulation, policy_field(p, "regulation")))
        .set("issuer", template_text(c.issuer, case_field("issuer")))
        .set("acceptance_review", template_text(p.acceptance_review, policy_field(p, "acceptance_review")))
        .set("has_consultation", tpl::TemplateValue::of_flag(!p.acceptance_consultation.empty()))
        .set("acceptance_consultation", template_text(p.acceptance_consultation, policy_field(p, "acceptance_consultation")))
        .set("experts", template_text(p.review.experts, policy_field(p, "review.experts")))
        .set("contact_person", template_text(c.contact.person, case_field("contact.person")))
        .set("contact_phone", template_text(c.contact.phone, case_field("contact.phone")))
        .set("has_department", tpl::TemplateValue::of_flag(!c.contact.department.empty()))
        .set("contact_department", template_text(c.contact.department, case_field("contact.department")))
        .set("has_address", tpl::TemplateValue::of_flag(!c.contact.address.empty()))
        .set("contact_address", template_text(c.contact.address, case_field("contact.address")))
        .set("has_email", tpl::TemplateValue::of_flag(!c.contact.email.empty()))
        .set("contact_email", template_text(c.contact.email, case_field("contact.email")));
}

}  // namespace award
