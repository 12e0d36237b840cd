// 现场评审名单: the applicants entering the second review stage, by the rule that put
// them through. Names only: no score, no reviewer. The wording is
// templates/documents/现场评审名单.md; this file supplies its values.
#include <stdexcept>

#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/template_data.hpp"

namespace award {

pdf::Document build_onsite_list(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                const ReviewOutcome& outcome) {
    if (outcome.advancements.empty() || policy.review.stages.empty())
        throw std::logic_error("现场评审名单 before anyone advanced");
    if (!c.review.onsite_list)
        throw InputError({Problem{"case.json", "/review", "onsite_list", "",
                                  "现场评审名单的成文日期和发文字号（review.onsite_list：notice_date，document_number 可选）"}});
    const ReviewNotice& notice = *c.review.onsite_list;
    const Advancement& adv = outcome.advancements.front();
    const StageSpec& from = policy.review.stages.front();
    const StageSpec* to = policy.review.find_stage(adv.stage);

    std::size_t to_index = 0;
    while (to_index < policy.review.stages.size() && policy.review.stages[to_index].id != adv.stage) ++to_index;
    const std::string to_field = "review.stages[" + std::to_string(to_index) + "].name";

    int cohort = 0;
    for (const auto& s : outcome.stage_scores) cohort += s.stage == from.id ? 1 : 0;

    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_case_values(d, s, c, policy);
    s.text("previous_stage").text("previous_stage_article").text("stage_name").text("stage_article");
    s.text("candidates_count").text("rule_text").flag("any_advanced").text("advanced_count").flag("any_not_advanced");
    s.list("advanced", tpl::TemplateSchema().text("number").text("name").text("credit_code").text("award"));
    std::vector<tpl::TemplateObject> rows;
    for (auto i : review_doc::pinyin_order(c, adv.advanced)) {
        const Applicant& a = c.applicants.at(i);
        rows.push_back(tpl::TemplateObject()
                           .set("number", template_text(std::to_string(rows.size() + 1)))
                           .set("name", template_text(a.name, pdf::applicant_field(a, "name")))
                           .set("credit_code", template_text(a.credit_code, pdf::applicant_field(a, "credit_code")))
                           .set("award", template_text(a.award, pdf::applicant_field(a, "award"))));
    }
    d.set("previous_stage", template_text(from.name, pdf::policy_field(policy, "review.stages[0].name")))
        .set("previous_stage_article", template_text(from.article))
        .set("stage_name", template_text(to ? to->name : adv.stage, pdf::policy_field(policy, to_field)))
        .set("stage_article", template_text(to ? to->article : ""))
        .set("candidates_count", template_text(std::to_string(cohort)))
        .set("rule_text", template_text(review_doc::document_wording(adv.rule_text)))
        .set("any_advanced", tpl::TemplateValue::of_flag(!rows.empty()))
        .set("advanced_count", template_text(std::to_string(rows.size())))
        .set("any_not_advanced", tpl::TemplateValue::of_flag(!adv.not_advanced.empty()))
        .set("advanced", tpl::TemplateValue::of_list(std::move(rows)));
    const pdf::Text number = notice.document_number.empty()
                                 ? pdf::Text()
                                 : pdf::Text(notice.document_number, pdf::case_field("review.onsite_list.document_number"));
    const tpl::DocumentFrame frame{kOnsiteListFile, pdf::issuer(c), number, notice.notice_date};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "现场评审名单.md")), s, d, frame);
}

void write_onsite_list_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                           const std::filesystem::path& out) {
    const pdf::Document doc = build_onsite_list(env.data_dir, c, policy, outcome);
    const StageSpec* to = policy.review.find_stage(outcome.advancements.front().stage);
    const std::string title = "关于" + std::to_string(c.year) + "年度" + policy.award_title +
                              (to ? to->name : std::string("现场评审")) + "名单的通知";
    doc.write(env.data_dir, title, c.review.onsite_list->notice_date, out);
}

}  // namespace award
