// 受理名单公示: the notice publicising the applicants accepted (第十四条).
#include <stdexcept>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"
#include "render/pdf/wording.hpp"

namespace award {

using namespace pdf;

namespace {

// Part of the opening paragraph, not a paragraph of its own: alone, its closing
// "日）。" cannot start a line and the line before it is stretched across the page.
std::string period_clause(const PublicityPeriod& p) {
    const std::string unit = p.unit == PeriodUnit::WorkingDays ? "个工作日" : "天";
    return "公示期为" + p.start.chinese() + "至" + p.end.chinese() + "（" + std::to_string(p.length) + unit + "）";
}

Table accepted_table(const Case& c, const AcceptanceOutcome& outcome) {
    Table t;
    t.columns = {{"序号", Align::Centre}, {"单位名称", Align::Left}, {"统一社会信用代码", Align::Centre},
                 {"申报奖项", Align::Left}, {"所属行业", Align::Left}};
    int n = 0;
    for (const auto& r : outcome.results) {
        if (!r.accepted) continue;
        if (r.applicant_index >= c.applicants.size()) throw std::logic_error("acceptance result for an applicant not in the case");
        const Applicant& a = c.applicants[r.applicant_index];
        t.rows.push_back({Text(std::to_string(++n)), Text(a.name, applicant_field(a, "name")),
                          Text(a.credit_code, applicant_field(a, "credit_code")), Text(a.award, applicant_field(a, "award")),
                          Text(a.industry, applicant_field(a, "industry"))});
    }
    return t;
}

}  // namespace

namespace {

Text notice_title(const Case& c, const Policy& policy) {
    return Text("关于").append(cycle_award(c, policy)).add("受理名单的公示");
}

}  // namespace

Document build_acceptance_notice(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome) {
    Document doc(kAcceptanceNoticeFile);
    if (!c.acceptance.document_number.empty())
        doc.masthead(issuer(c), Text(c.acceptance.document_number, case_field("acceptance.document_number")));
    doc.title(notice_title(c, policy));

    const Table table = accepted_table(c, outcome);
    const std::string article = policy.acceptance_publicity.article;
    Text basis = Text("根据").append(regulation(policy)).add(article + "规定，").append(issuer(c));
    basis.add("对").append(cycle_award(c, policy)).add("申报组织提交的申报材料进行了初审。");
    if (table.rows.empty()) {
        doc.paragraph(basis.add("经初审并征求相关部门意见，本年度没有申报组织列入受理名单。"));
    } else {
        basis.add("经初审并征求相关部门意见，" + std::to_string(table.rows.size()) + "家申报组织列入受理名单，现予以公示。" +
                  period_clause(outcome.publicity) + "，公示期间接受社会监督。");
        doc.paragraph(basis);
        ParagraphStyle lead;
        lead.keep_with_next = true;
        doc.paragraph("受理名单如下（排名不分先后）：", lead);
        doc.table(table);
        doc.paragraph(Text("公示期内，任何单位或个人对列入受理名单的申报组织有异议的，可以书面形式向").append(issuer(c))
                          .add("实名提出，写明理由并提供必要的证明材料；匿名异议和逾期提出的异议不予受理。"));
    }
    doc.paragraph(contact_details(c));
    doc.signature(issuer(c), c.acceptance.notice_date);
    return doc;
}

void write_acceptance_notice_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                 const AcceptanceOutcome& outcome, const std::filesystem::path& out) {
    build_acceptance_notice(c, policy, outcome)
        .write(env.data_dir, notice_title(c, policy).str(), c.acceptance.notice_date, out);
}

}  // namespace award
