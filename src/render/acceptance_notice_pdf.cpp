// 受理名单公示: the notice publicising the applicants accepted (魏都区第十四条), or,
// for a pack without a 受理名单公示 (通州区), the 受理名单 notified without a
// publicity period. The wording is templates/documents/受理名单公示.md or 受理名单.md;
// this file supplies their values.
#include <stdexcept>

#include "render/acceptance_documents.hpp"
#include "render/documents.hpp"
#include "render/template_data.hpp"

namespace award {

pdf::Document build_acceptance_notice(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                      const AcceptanceOutcome& outcome) {
    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_case_values(d, s, c, policy);
    const bool publicised = outcome.publicity.has_value();
    s.flag("any_accepted").text("accepted_count");
    if (publicised)
        s.text("publicity_article").text("publicity_start").text("publicity_end").text("publicity_length").text("publicity_unit");
    else
        s.flag("any_rejected");
    s.list("accepted", tpl::TemplateSchema().text("number").text("name").text("credit_code").text("award").text("industry"));
    std::vector<tpl::TemplateObject> rows;
    for (const auto& r : outcome.results) {
        if (!r.accepted) continue;
        if (r.applicant_index >= c.applicants.size()) throw std::logic_error("acceptance result for an applicant not in the case");
        const Applicant& a = c.applicants[r.applicant_index];
        rows.push_back(tpl::TemplateObject()
                           .set("number", template_text(std::to_string(rows.size() + 1)))
                           .set("name", template_text(a.name, pdf::applicant_field(a, "name")))
                           .set("credit_code", template_text(a.credit_code, pdf::applicant_field(a, "credit_code")))
                           .set("award", template_text(a.award, pdf::applicant_field(a, "award")))
                           .set("industry", template_text(a.industry, pdf::applicant_field(a, "industry"))));
    }
    const bool any_rejected = rows.size() < outcome.results.size();
    d.set("any_accepted", tpl::TemplateValue::of_flag(!rows.empty()))
        .set("accepted_count", template_text(std::to_string(rows.size())))
        .set("accepted", tpl::TemplateValue::of_list(std::move(rows)));
    if (publicised) {
        const PublicityPeriod& period = *outcome.publicity;
        d.set("publicity_article", template_text(period.article))
            .set("publicity_start", template_text(period.start.chinese()))
            .set("publicity_end", template_text(period.end.chinese()))
            .set("publicity_length", template_text(std::to_string(period.length)))
            .set("publicity_unit", template_text(period.unit == PeriodUnit::WorkingDays ? "个工作日" : "天"));
    } else {
        d.set("any_rejected", tpl::TemplateValue::of_flag(any_rejected));
    }
    const pdf::Text number = c.acceptance.document_number.empty()
                                 ? pdf::Text()
                                 : pdf::Text(c.acceptance.document_number, pdf::case_field("acceptance.document_number"));
    const tpl::DocumentFrame frame{acceptance_notice_file(outcome), pdf::issuer(c), number, c.acceptance.notice_date};
    const char* tpl_name = publicised ? "受理名单公示.md" : "受理名单.md";
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, tpl_name)), s, d, frame);
}

const std::string& acceptance_notice_file(const AcceptanceOutcome& outcome) {
    return outcome.publicity ? kAcceptanceNoticeFile : kAcceptanceListNoticeFile;
}

void write_acceptance_notice_pdf(const RenderEnv& env, const Case& c, const Policy& policy,
                                 const AcceptanceOutcome& outcome, const std::filesystem::path& out) {
    const std::string title = "关于" + std::to_string(c.year) + "年度" + policy.award_title + "受理名单的" +
                              (outcome.publicity ? "公示" : "通知");
    build_acceptance_notice(env.data_dir, c, policy, outcome).write(env.data_dir, title, c.acceptance.notice_date, out);
}

}  // namespace award
