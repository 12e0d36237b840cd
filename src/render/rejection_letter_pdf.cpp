// 不予受理通知书: the written reasons owed to an applicant not accepted (第十四条).
#include <stdexcept>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"
#include "render/pdf/wording.hpp"

namespace award {

using namespace pdf;

Document build_rejection_letter(const Case& c, const Policy& policy, const EligibilityResult& result) {
    if (result.applicant_index >= c.applicants.size())
        throw std::logic_error("rejection letter for an applicant not in the case");
    const auto failures = result.failures();
    if (result.accepted || failures.empty())
        throw std::logic_error("rejection letter for an accepted applicant");
    const Applicant& a = c.applicants[result.applicant_index];

    Document doc(kRejectionLetterFolder + "/" + a.name + ".pdf");
    // The case's 发文字号 belongs to the 公示, not to the letters.
    doc.title("不予受理通知书");
    doc.addressee(Text(a.name, applicant_field(a, "name")).add("："));

    Text intro = Text("贵单位申报").append(applied_award(c, policy, a));
    intro.add("的材料已收悉。经").append(issuer(c)).add("依据").append(regulation(policy));
    intro.add("初审，贵单位不符合申报条件，决定不予受理。具体理由如下：");
    doc.paragraph(intro);
    int n = 0;
    for (const CheckResult* f : failures)
        doc.paragraph(Text(std::to_string(++n) + ".").add(f->reason, applicant_field(a, "reason (" + f->check_id + ")")));

    Text closing = Text("根据").append(regulation(policy)).add(policy.rejection_article);
    closing.add("规定，现将不予受理的理由书面告知贵单位。如对上述理由有疑问，请与").append(issuer(c));
    closing.add("联系。");
    doc.paragraph(closing);
    doc.paragraph(contact_details(c));
    doc.paragraph("特此通知。");
    doc.signature(issuer(c), c.acceptance.notice_date);
    return doc;
}

void write_rejection_letter_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                const EligibilityResult& result, const std::filesystem::path& out) {
    const Applicant& a = c.applicants.at(result.applicant_index);
    build_rejection_letter(c, policy, result)
        .write(env.data_dir, "不予受理通知书（" + a.name + "）", c.acceptance.notice_date, out);
}

}  // namespace award
