// 获奖组织年度报送表 to print (报送表.md) and 催报通知 (催报通知.md): their values. The
// wording is in templates/documents/; render/report_documents.hpp says what each shows.
#include <stdexcept>

#include "render/report_documents.hpp"
#include "render/template_data.hpp"

namespace award {

namespace {

pdf::Origin registry_field(const ReportFormIdentity& id, const std::string& field) {
    return {"登记库", id.pack + " " + std::to_string(id.award_year) + "年度 " + id.award + "（" + id.name + "）", field};
}

void add_form_values(tpl::TemplateObject& d, tpl::TemplateSchema& s, const Policy& policy, const Obligation& obligation,
                     int report_year, const Date& due, const std::vector<int>& years) {
    const ReportForm& form = *obligation.report_form;
    s.text("form_title").text("report_year").text("first_year").text("last_year").text("due").text("regulation").text("article");
    d.set("form_title", template_text(form.title, pdf::policy_field(policy, "obligations." + obligation.id + ".report_form.title")))
        .set("report_year", template_text(std::to_string(report_year)))
        .set("first_year", template_text(std::to_string(years.front())))
        .set("last_year", template_text(std::to_string(years.back())))
        .set("due", template_text(due.chinese()))
        .set("regulation", template_text(policy.regulation, pdf::policy_field(policy, "regulation")))
        .set("article", template_text(obligation.article));
}

}  // namespace

pdf::Document build_report_form_pdf(const std::filesystem::path& data_dir, const ReportFormRequest& r) {
    if (!r.policy || !r.obligation || !r.obligation->report_form || r.identity.years.empty())
        throw std::invalid_argument("报送表请求不完整（政策包、义务或其报送表缺失）");
    const ReportForm& form = *r.obligation->report_form;
    const ReportFormIdentity& id = r.identity;
    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_form_values(d, s, *r.policy, *r.obligation, id.report_year, id.due, id.years);
    s.text("name").text("credit_code").text("award_year").text("award").text("certificate").text("form_id");
    s.list("years", tpl::TemplateSchema().text("year"));
    s.list("indicators", tpl::TemplateSchema().text("name").text("unit").text("note").list("cells", tpl::TemplateSchema().text("space")));
    std::vector<tpl::TemplateObject> years, indicators;
    for (int y : id.years) years.push_back(tpl::TemplateObject().set("year", template_text(std::to_string(y))));
    const std::string indicators_field = "obligations." + r.obligation->id + ".report_form.indicators";
    for (const auto& ind : form.indicators) {
        // Room to write a figure by hand: the column is as wide as its widest cell.
        std::vector<tpl::TemplateObject> cells(id.years.size(), tpl::TemplateObject().set("space", template_text("　　　　")));
        indicators.push_back(tpl::TemplateObject()
                                 .set("name", template_text(ind.name, pdf::policy_field(*r.policy, indicators_field)))
                                 .set("unit", template_text(ind.unit, pdf::policy_field(*r.policy, indicators_field)))
                                 .set("note", template_text(ind.note, pdf::policy_field(*r.policy, indicators_field)))
                                 .set("cells", tpl::TemplateValue::of_list(std::move(cells))));
    }
    d.set("name", template_text(id.name, registry_field(id, "name")))
        .set("credit_code", template_text(id.credit_code))
        .set("award_year", template_text(std::to_string(id.award_year)))
        .set("award", template_text(id.award, registry_field(id, "award")))
        .set("certificate", template_text(id.certificate.empty() ? "—" : id.certificate, registry_field(id, "certificate")))
        .set("form_id", template_text(report_form_id(id, *r.policy)))
        .set("years", tpl::TemplateValue::of_list(std::move(years)))
        .set("indicators", tpl::TemplateValue::of_list(std::move(indicators)));
    const tpl::DocumentFrame frame{id.name + ".pdf", pdf::Text(r.policy->award_title), pdf::Text(), Date(id.report_year, 1, 1)};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "报送表.md")), s, d, frame);
}

void write_report_form_pdf(const RenderEnv& env, const ReportFormRequest& r, const std::filesystem::path& out) {
    const pdf::Document doc = build_report_form_pdf(env.data_dir, r);
    doc.write(env.data_dir, r.obligation->report_form->title + "（" + r.identity.name + "）", Date(r.identity.report_year, 1, 1),
              out);
}

pdf::Document build_report_reminder(const std::filesystem::path& data_dir, const Policy& policy,
                                    const Obligation& obligation, int report_year, const Date& as_of,
                                    const std::vector<ReportStatus>& overdue, const ReminderNotice& notice) {
    if (overdue.empty()) throw std::invalid_argument("催报通知 without any overdue report");
    if (!obligation.report_form) throw std::invalid_argument("催报通知 for an obligation without a report form");
    const ReportFormIdentity& first = overdue.front().identity;
    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_form_values(d, s, policy, obligation, report_year, first.due, first.years);
    s.text("duty").text("as_of").text("count").text("submit_by").text("issuer").flag("has_contact").text("contact");
    s.list("overdue", tpl::TemplateSchema().text("number").text("name").text("credit_code").text("award").text("days"));
    std::vector<tpl::TemplateObject> rows;
    for (const auto& o : overdue)
        rows.push_back(tpl::TemplateObject()
                           .set("number", template_text(std::to_string(rows.size() + 1)))
                           .set("name", template_text(o.identity.name, registry_field(o.identity, "name")))
                           .set("credit_code", template_text(o.identity.credit_code))
                           .set("award", template_text(std::to_string(o.identity.award_year) + "年度" + o.identity.award,
                                                       registry_field(o.identity, "award")))
                           .set("days", template_text(std::to_string(o.overdue_days))));
    const pdf::Origin option{"命令行", "award reports status", ""};
    d.set("duty", template_text(obligation.text, pdf::policy_field(policy, "obligations." + obligation.id + ".text")))
        .set("as_of", template_text(as_of.chinese()))
        .set("count", template_text(std::to_string(overdue.size())))
        .set("submit_by", template_text(notice.submit_by.chinese()))
        .set("issuer", template_text(notice.issuer, {option.file, option.record, "--issuer"}))
        .set("has_contact", tpl::TemplateValue::of_flag(!notice.contact.empty()))
        .set("contact", template_text(notice.contact, {option.file, option.record, "--contact"}))
        .set("overdue", tpl::TemplateValue::of_list(std::move(rows)));
    const tpl::DocumentFrame frame{"催报通知.pdf", pdf::Text(notice.issuer, {option.file, option.record, "--issuer"}),
                                   pdf::Text(notice.document_number, {option.file, option.record, "--doc-number"}),
                                   notice.date};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "催报通知.md")), s, d, frame);
}

void write_report_reminder_pdf(const RenderEnv& env, const Policy& policy, const Obligation& obligation, int report_year,
                               const Date& as_of, const std::vector<ReportStatus>& overdue, const ReminderNotice& notice,
                               const std::filesystem::path& out) {
    const pdf::Document doc = build_report_reminder(env.data_dir, policy, obligation, report_year, as_of, overdue, notice);
    doc.write(env.data_dir, "关于催报" + std::to_string(report_year) + "年《" + obligation.report_form->title + "》的通知",
              notice.date, out);
}

}  // namespace award
