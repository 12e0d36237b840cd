// The shipped templates templates/documents/受理名单公示.md and 不予受理通知书.md
// give, from the same case, the same documents as today's C++ builders.
#include <catch2/catch.hpp>

#include <string>

#include "pdf_fixture.hpp"
#include "render/acceptance_documents.hpp"
#include "render/pdf/document.hpp"
#include "render/pdf/wording.hpp"
#include "render/template/document_template.hpp"

using namespace award;
using namespace award::tpl;
using namespace award::test;

namespace {

fs::path template_path(const std::string& name) { return fs::path(AWARD_SOURCE_DIR) / "templates" / "documents" / name; }

TemplateValue text(const std::string& s, pdf::Origin o = {}) { return TemplateValue::of(s, std::move(o)); }

void set_common(TemplateObject& o, TemplateSchema& s, const Case& c, const Policy& p) {
    s.text("year").text("award_title").text("regulation").text("issuer");
    s.text("contact_person").text("contact_phone").flag("has_department").text("contact_department");
    s.flag("has_address").text("contact_address").flag("has_email").text("contact_email");
    // The same origins as the builders give: a span of data is never broken inside a title.
    using pdf::case_field;
    using pdf::policy_field;
    o.set("year", text(std::to_string(c.year)))
        .set("award_title", text(p.award_title, policy_field(p, "award_title")))
        .set("regulation", text(p.regulation, policy_field(p, "regulation")));
    o.set("issuer", text(c.issuer, case_field("issuer")))
        .set("contact_person", text(c.contact.person, case_field("contact.person")))
        .set("contact_phone", text(c.contact.phone, case_field("contact.phone")));
    o.set("has_department", TemplateValue::of_flag(!c.contact.department.empty()))
        .set("contact_department", text(c.contact.department, case_field("contact.department")));
    o.set("has_address", TemplateValue::of_flag(!c.contact.address.empty()))
        .set("contact_address", text(c.contact.address, case_field("contact.address")));
    o.set("has_email", TemplateValue::of_flag(!c.contact.email.empty()))
        .set("contact_email", text(c.contact.email, case_field("contact.email")));
}

pdf::Document notice_from_template(const Case& c, const Policy& p, const AcceptanceOutcome& o) {
    TemplateSchema s;
    TemplateObject d;
    set_common(d, s, c, p);
    s.text("publicity_article").flag("any_accepted").text("accepted_count").text("publicity_start").text("publicity_end");
    s.text("publicity_length").text("publicity_unit");
    s.list("accepted", TemplateSchema().text("number").text("name").text("credit_code").text("award").text("industry"));
    std::vector<TemplateObject> rows;
    for (const auto& r : o.results) {
        if (!r.accepted) continue;
        const Applicant& a = c.applicants[r.applicant_index];
        rows.push_back(TemplateObject()
                           .set("number", text(std::to_string(rows.size() + 1)))
                           .set("name", text(a.name, pdf::applicant_field(a, "name")))
                           .set("credit_code", text(a.credit_code, pdf::applicant_field(a, "credit_code")))
                           .set("award", text(a.award, pdf::applicant_field(a, "award")))
                           .set("industry", text(a.industry, pdf::applicant_field(a, "industry"))));
    }
    d.set("publicity_article", text(p.acceptance_publicity.article))
        .set("any_accepted", TemplateValue::of_flag(!rows.empty()))
        .set("accepted_count", text(std::to_string(rows.size())))
        .set("publicity_start", text(o.publicity.start.chinese()))
        .set("publicity_end", text(o.publicity.end.chinese()))
        .set("publicity_length", text(std::to_string(o.publicity.length)))
        .set("publicity_unit", text(o.publicity.unit == PeriodUnit::WorkingDays ? "个工作日" : "天"))
        .set("accepted", TemplateValue::of_list(std::move(rows)));
    const DocumentFrame frame{kAcceptanceNoticeFile, pdf::issuer(c),
                              c.acceptance.document_number.empty()
                                  ? pdf::Text()
                                  : pdf::Text(c.acceptance.document_number, pdf::case_field("acceptance.document_number")),
                              c.acceptance.notice_date};
    return render_document(load_document_template(template_path("受理名单公示.md")), s, d, frame);
}

pdf::Document letter_from_template(const Case& c, const Policy& p, const EligibilityResult& r) {
    TemplateSchema s;
    TemplateObject d;
    set_common(d, s, c, p);
    const Applicant& a = c.applicants[r.applicant_index];
    s.text("name").text("award").flag("award_named_in_title").text("rejection_article");
    s.list("reasons", TemplateSchema().text("reason"));
    std::vector<TemplateObject> reasons;
    for (const CheckResult* f : r.failures())
        reasons.push_back(TemplateObject().set("reason", text(f->reason, pdf::applicant_field(a, "reason (" + f->check_id + ")"))));
    const bool named = p.award_title.size() >= a.award.size() &&
                       p.award_title.compare(p.award_title.size() - a.award.size(), a.award.size(), a.award) == 0;
    d.set("name", text(a.name, pdf::applicant_field(a, "name"))).set("award", text(a.award, pdf::applicant_field(a, "award"))).set("award_named_in_title", TemplateValue::of_flag(named));
    d.set("rejection_article", text(p.rejection_article)).set("reasons", TemplateValue::of_list(std::move(reasons)));
    const DocumentFrame frame{kRejectionLetterFolder + "/" + a.name + ".pdf", pdf::issuer(c), pdf::Text(),
                              c.acceptance.notice_date};
    return render_document(load_document_template(template_path("不予受理通知书.md")), s, d, frame);
}

// Both documents written with the same metadata: their text, line for line and place for place, must agree.
void same_document(const pdf::Document& built, const pdf::Document& templated, const Date& date) {
    TempDir dir;
    built.write(env().data_dir, "doc", date, dir.path() / "built.pdf");
    templated.write(env().data_dir, "doc", date, dir.path() / "templated.pdf");
    const std::string a = pdftotext(dir.path() / "built.pdf"), b = pdftotext(dir.path() / "templated.pdf");
    CHECK(!squeeze(a).empty());
    CHECK(a == b);
    CHECK(bytes_of(dir.path() / "built.pdf") == bytes_of(dir.path() / "templated.pdf"));  // the same blocks, the same bytes
    CHECK(built.page_count() == templated.page_count());
}

}  // namespace

TEST_CASE("the 受理名单公示 template reproduces today's notice", "[template][pdf]") {
    const Case c = sample_case();
    const Policy p = weidu_policy();
    const AcceptanceOutcome o = outcome_for(c, {2, 7});
    same_document(build_acceptance_notice(c, p, o), notice_from_template(c, p, o), c.acceptance.notice_date);

    SECTION("with nobody accepted, without a 发文字号 and with a shorter contact") {
        Case c2 = sample_case();
        c2.acceptance.document_number.clear();
        c2.contact.department.clear();
        c2.contact.email.clear();
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < c2.applicants.size(); ++i) all.push_back(i);
        const AcceptanceOutcome none = outcome_for(c2, all);
        same_document(build_acceptance_notice(c2, p, none), notice_from_template(c2, p, none), c2.acceptance.notice_date);
    }
}

TEST_CASE("the 不予受理通知书 template reproduces today's letters", "[template][pdf]") {
    const Case c = sample_case();
    const Policy p = weidu_policy();
    const AcceptanceOutcome o = outcome_for(c, {1, 2});  // 1 applied for 区长质量奖 (named in the title), 2 for the 提名奖
    for (std::size_t i : {1u, 2u})
        same_document(build_rejection_letter(c, p, o.results[i]), letter_from_template(c, p, o.results[i]),
                      c.acceptance.notice_date);
}
