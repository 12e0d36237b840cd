// 不予受理通知书: the reasons given to an applicant not accepted, in writing where the
// pack's rejection_article requires it (魏都区第十四条).
// The wording is templates/documents/不予受理通知书.md; this file supplies its values.
#include <stdexcept>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"
#include "render/template_data.hpp"

namespace award {

namespace {

// The award applied for is already named by the title (区长质量奖 in 魏都区区长质量奖):
// the letter does not repeat it in brackets.
bool award_named_in_title(const Policy& p, const Applicant& a) {
    const std::string& t = p.award_title;
    return t.size() >= a.award.size() && t.compare(t.size() - a.award.size(), a.award.size(), a.award) == 0;
}

}  // namespace

pdf::Document build_rejection_letter(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                     const EligibilityResult& result) {
    if (result.applicant_index >= c.applicants.size())
        throw std::logic_error("rejection letter for an applicant not in the case");
    const auto failures = result.failures();
    if (result.accepted || failures.empty()) throw std::logic_error("rejection letter for an accepted applicant");
    const Applicant& a = c.applicants[result.applicant_index];

    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_case_values(d, s, c, policy);
    s.text("name").text("award").flag("award_named_in_title").text("rejection_article").flag("reasons_required");
    s.list("reasons", tpl::TemplateSchema().text("reason"));
    std::vector<tpl::TemplateObject> reasons;
    for (const CheckResult* f : failures)
        reasons.push_back(tpl::TemplateObject().set(
            "reason", template_text(f->reason, pdf::applicant_field(a, "reason (" + f->check_id + ")"))));
    d.set("name", template_text(a.name, pdf::applicant_field(a, "name")))
        .set("award", template_text(a.award, pdf::applicant_field(a, "award")))
        .set("award_named_in_title", tpl::TemplateValue::of_flag(award_named_in_title(policy, a)))
        .set("rejection_article", template_text(policy.rejection_article))
        .set("reasons_required", tpl::TemplateValue::of_flag(policy.rejection_reasons_required))
        .set("reasons", tpl::TemplateValue::of_list(std::move(reasons)));
    // The case's 发文字号 belongs to the 公示, not to the letters.
    const tpl::DocumentFrame frame{kRejectionLetterFolder + "/" + a.name + ".pdf", pdf::issuer(c), pdf::Text(),
                                   c.acceptance.notice_date};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "不予受理通知书.md")), s, d, frame);
}

void write_rejection_letter_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                const EligibilityResult& result, const std::filesystem::path& out) {
    const Applicant& a = c.applicants.at(result.applicant_index);
    build_rejection_letter(env.data_dir, c, policy, result)
        .write(env.data_dir, "不予受理通知书（" + a.name + "）", c.acceptance.notice_date, out);
}

}  // namespace award
