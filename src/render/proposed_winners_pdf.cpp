// 拟奖名单公示: the proposed winners by award, the publicity period and how to object.
// No score is printed: a public list names the winners, 排名不分先后; the scores stay
// in the internal summary. The wording is templates/documents/拟奖名单公示.md; this
// file supplies its values.
#include <algorithm>
#include <stdexcept>

#include "model/text.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/template_data.hpp"

namespace award {

pdf::Document build_proposed_winners_notice(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                            const ReviewOutcome& outcome) {
    if (outcome.proposed.empty()) throw std::logic_error("拟奖名单公示 without proposed winners");
    if (!c.review.proposed || !c.review.proposed->publicity_start || !outcome.publicity)
        throw InputError({Problem{"case.json", "/review/proposed", "publicity_start", "",
                                  "拟奖名单公示的成文日期 notice_date 和公示开始日期 publicity_start（document_number 可选）"}});
    const ReviewNotice& notice = *c.review.proposed;
    const PublicityPeriod& period = *outcome.publicity;

    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_case_values(d, s, c, policy);
    s.text("stages_text").flag("has_ranking_article").text("ranking_article").text("publicity_article");
    s.text("publicity_start").text("publicity_end").text("publicity_length").text("publicity_unit").text("proposed_count");
    s.list("awards", tpl::TemplateSchema().text("ordinal").text("award").text("count").list(
                         "grants", tpl::TemplateSchema().text("number").text("name").text("credit_code").flag("repeat")));
    s.flag("any_repeat").text("repeat_article").text("deliberation").text("proposed_list");

    std::vector<std::string> stage_names;
    for (const auto& st : policy.review.stages) stage_names.push_back(st.name);
    std::vector<std::string> repeat_articles;
    std::vector<tpl::TemplateObject> awards;
    for (std::size_t k = 0; k < policy.awards.size(); ++k) {
        const AwardSpec& award = policy.awards[k];
        std::vector<std::size_t> holders;
        for (const auto& g : outcome.proposed)
            if (g.award == award.name) holders.push_back(g.applicant_index);
        if (holders.empty()) continue;
        std::vector<tpl::TemplateObject> grants;
        for (auto i : review_doc::pinyin_order(c, holders)) {
            const Applicant& a = c.applicants.at(i);
            bool repeat = false;
            for (const auto& g : outcome.proposed)
                if (g.award == award.name && g.applicant_index == i) repeat = g.repeat_winner;
            if (repeat && !award.conferral.repeat_article.empty() &&
                std::find(repeat_articles.begin(), repeat_articles.end(), award.conferral.repeat_article) == repeat_articles.end())
                repeat_articles.push_back(award.conferral.repeat_article);
            grants.push_back(tpl::TemplateObject()
                                 .set("number", template_text(std::to_string(grants.size() + 1)))
                                 .set("name", template_text(a.name, pdf::applicant_field(a, "name")))
                                 .set("credit_code", template_text(a.credit_code, pdf::applicant_field(a, "credit_code")))
                                 .set("repeat", tpl::TemplateValue::of_flag(repeat)));
        }
        const std::string count = std::to_string(grants.size());
        awards.push_back(tpl::TemplateObject()
                             .set("ordinal", template_text(review_doc::chinese_number(int(awards.size()) + 1)))
                             .set("award", template_text(award.name, pdf::policy_field(policy, "awards[" + std::to_string(k) + "].name")))
                             .set("count", template_text(count))
                             .set("grants", tpl::TemplateValue::of_list(std::move(grants))));
    }
    bool any_repeat = false;
    for (const auto& g : outcome.proposed) any_repeat = any_repeat || g.repeat_winner;

    d.set("stages_text", template_text(join(stage_names)))
        .set("has_ranking_article", tpl::TemplateValue::of_flag(!policy.review.ranking_article.empty()))
        .set("ranking_article", template_text(policy.review.ranking_article))
        .set("publicity_article", template_text(period.article.empty() ? policy.review.publicity.article : period.article))
        .set("publicity_start", template_text(period.start.chinese()))
        .set("publicity_end", template_text(period.end.chinese()))
        .set("publicity_length", template_text(std::to_string(period.length)))
        .set("publicity_unit", template_text(period.unit == PeriodUnit::WorkingDays ? "个工作日" : "天"))
        .set("proposed_count", template_text(std::to_string(outcome.proposed.size())))
        .set("awards", tpl::TemplateValue::of_list(std::move(awards)))
        .set("any_repeat", tpl::TemplateValue::of_flag(any_repeat))
        .set("repeat_article", template_text(join(repeat_articles)))
        .set("deliberation", template_text(policy.review.deliberation, pdf::policy_field(policy, "review.deliberation")))
        .set("proposed_list", template_text(policy.review.proposed_list, pdf::policy_field(policy, "review.proposed_list")));
    const pdf::Text number = notice.document_number.empty()
                                 ? pdf::Text()
                                 : pdf::Text(notice.document_number, pdf::case_field("review.proposed.document_number"));
    const tpl::DocumentFrame frame{proposed_winners_file(policy), pdf::issuer(c), number, notice.notice_date};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "拟奖名单公示.md")), s, d, frame);
}

void write_proposed_winners_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                                const std::filesystem::path& out) {
    const pdf::Document doc = build_proposed_winners_notice(env.data_dir, c, policy, outcome);
    const std::string title = "关于" + std::to_string(c.year) + "年度" + policy.award_title + policy.review.proposed_list + "的公示";
    doc.write(env.data_dir, title, c.review.proposed->notice_date, out);
}

}  // namespace award
