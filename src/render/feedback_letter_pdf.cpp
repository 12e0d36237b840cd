// 评审反馈意见书: to each applicant that did not pass the first review stage, its
// score band per category against the stage's cohort and the reviewers' 主要优势 and
// 改进机会, gathered by category, de-duplicated and never attributed. No other
// applicant is named, no single reviewer's score is given, and below three applicants
// the cohort average is left out (with two, it would be the other one's score).
// The wording is templates/documents/评审反馈意见书.md; this file supplies its values.
#include <algorithm>
#include <stdexcept>

#include "model/score.hpp"
#include "model/text.hpp"
#include "model/utf8.hpp"
#include "render/review_documents.hpp"
#include "render/review_support.hpp"
#include "render/template_data.hpp"

namespace award {

namespace {

constexpr int kMinCohort = 3;

// Percent of `full` points, as a Score whose value in points is the percentage.
Score percent_of(const Score& points, int full) { return points.times(100).divided_by(full); }

std::string percent_text(const Score& pct) { return pct.text(0) + "%"; }

std::string band_of(const Score& own, const Score& avg, int step) {
    const Score near = Score::hundredths(static_cast<std::int64_t>(step) * 100);
    if (own >= avg + near) return "高于平均";
    if (own + near <= avg) return "低于平均";
    return "接近平均";
}

// The reviewers' words as the letter prints them: whitespace runs made one, none
// beside Chinese text, no final 。 or ； (the template ends the sentence).
std::string tidy_comment(const std::string& s) {
    std::string flat;
    bool space = false;
    for (char ch : s) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            space = !flat.empty();
            continue;
        }
        if (space) flat += ' ';
        space = false;
        flat += ch;
    }
    flat = review_doc::document_wording(flat);
    static const std::vector<std::string> finals = {"。", "；", "，", "、", ";", ",", "."};
    for (bool again = true; again;) {
        again = false;
        for (const auto& f : finals)
            if (flat.size() >= f.size() && flat.compare(flat.size() - f.size(), f.size(), f) == 0) {
                flat.erase(flat.size() - f.size());
                again = true;
            }
    }
    return flat;
}

struct Comment {
    std::string text;
    pdf::Origin origin;
    std::vector<std::size_t> items;  // flat item indexes it was written for
};

struct CategoryComments {
    std::vector<Comment> strengths, improvements;
};

void add_comment(std::vector<Comment>& list, const std::string& raw, std::size_t item, pdf::Origin origin) {
    const std::string text = tidy_comment(raw);
    if (text.empty()) return;
    for (auto& c : list)
        if (c.text == text) {
            if (std::find(c.items.begin(), c.items.end(), item) == c.items.end()) c.items.push_back(item);
            return;
        }
    list.push_back({text, std::move(origin), {item}});
}

// "scores/资料评审/E01.xlsx 工作表「甲」" less its file: the record of a font problem.
std::string sheet_record(const ScoreSheet& sheet, const ApplicantScores& a) {
    const std::string prefix = sheet.file + " ";
    if (a.location.compare(0, prefix.size(), prefix) == 0) return a.location.substr(prefix.size());
    return a.location;
}

bool award_named_in_title(const Policy& p, const Applicant& a) {
    const std::string& t = p.award_title;
    return t.size() >= a.award.size() && t.compare(t.size() - a.award.size(), a.award.size(), a.award) == 0;
}

}  // namespace

std::vector<std::size_t> feedback_recipients(const ReviewOutcome& outcome) {
    if (outcome.advancements.empty()) return {};
    std::vector<std::size_t> out = outcome.advancements.front().not_advanced;
    std::sort(out.begin(), out.end());
    return out;
}

pdf::Document build_feedback_letter(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                    const ReviewOutcome& outcome, std::size_t applicant_index) {
    const auto recipients = feedback_recipients(outcome);
    if (std::find(recipients.begin(), recipients.end(), applicant_index) == recipients.end() ||
        policy.review.stages.size() < 2)
        throw std::logic_error("评审反馈意见书 for an applicant that did not stop at the first stage");
    if (!c.review.onsite_list)
        throw InputError({Problem{"case.json", "/review", "onsite_list", "",
                                  "现场评审名单的成文日期（review.onsite_list.notice_date）：评审反馈意见书与名单同日发出"}});
    const Applicant& a = c.applicants.at(applicant_index);
    const StageSpec& stage = policy.review.stages.front();
    const Advancement& adv = outcome.advancements.front();
    const StageScore* own = outcome.find(stage.id, applicant_index);
    if (!own) throw std::logic_error("评审反馈意见书 for an applicant without a first-stage score");
    const ScoreSheetSpec& sheet_spec = policy.score_sheet;
    const bool items = stage.sheet == StageSpec::Sheet::Items;

    // The cohort: every applicant the stage scored.
    std::vector<const StageScore*> cohort;
    for (const auto& s : outcome.stage_scores)
        if (s.stage == stage.id && s.counted > 0) cohort.push_back(&s);
    const bool comparison = static_cast<int>(cohort.size()) >= kMinCohort;

    std::vector<tpl::TemplateObject> bands;
    auto band_row = [&](const std::string& label, int full, auto&& score_of) {
        const Score mine = percent_of(score_of(*own), full);
        Score sum;
        for (const auto* s : cohort) sum = sum + percent_of(score_of(*s), full);
        const Score avg = cohort.empty() ? Score{} : sum.divided_by(static_cast<std::int64_t>(cohort.size()));
        bands.push_back(tpl::TemplateObject()
                            .set("category", template_text(label))
                            .set("points", template_text(std::to_string(full)))
                            .set("own", template_text(percent_text(mine)))
                            .set("cohort", template_text(comparison ? percent_text(avg) : ""))
                            .set("band", template_text(comparison ? band_of(mine, avg, sheet_spec.percent_step) : "")));
    };
    if (items) {
        for (std::size_t k = 0; k < sheet_spec.categories.size(); ++k) {
            const ScoreCategory& cat = sheet_spec.categories[k];
            if (cat.points <= 0) continue;
            band_row(cat.id + " " + cat.name, cat.points, [k](const StageScore& s) {
                return k < s.category_aggregates.size() ? s.category_aggregates[k] : Score{};
            });
        }
    }
    const int full = items ? sheet_spec.total : stage.max_points;
    if (full > 0) band_row("合计", full, [](const StageScore& s) { return s.aggregate; });

    // The reviewers' texts, by category, once each; the sheets' own order.
    std::vector<std::size_t> item_category;
    std::vector<const ScoreItem*> item_spec;
    for (std::size_t k = 0; k < sheet_spec.categories.size(); ++k)
        for (const auto& item : sheet_spec.categories[k].items) {
            item_category.push_back(k);
            item_spec.push_back(&item);
        }
    std::vector<CategoryComments> by_category(sheet_spec.categories.size());
    for (const auto& sheet : c.sheets) {
        if (sheet.stage != stage.id) continue;
        const Reviewer* reviewer = c.panel.find(sheet.reviewer);
        if (reviewer && reviewer->conflicted_with(a.credit_code)) continue;  // never counted, never quoted
        for (const auto& scores : sheet.applicants) {
            if (scores.credit_code != a.credit_code) continue;
            const std::string record = sheet_record(sheet, scores);
            for (std::size_t i = 0; i < item_category.size(); ++i) {
                const std::string id = item_spec[i]->id;
                if (i < scores.strengths.size())
                    add_comment(by_category[item_category[i]].strengths, scores.strengths[i], i,
                                {sheet.file, record, "主要优势（" + id + "）"});
                if (i < scores.improvements.size())
                    add_comment(by_category[item_category[i]].improvements, scores.improvements[i], i,
                                {sheet.file, record, "改进机会（" + id + "）"});
            }
        }
    }
    auto comment_list = [&](const std::vector<Comment>& list) {
        std::vector<tpl::TemplateObject> out;
        for (const auto& cm : list) {
            std::string where;
            if (cm.items.size() == 1) {
                where = item_spec[cm.items[0]]->id + " " + item_spec[cm.items[0]]->name;
            } else {
                std::vector<std::string> ids;
                for (auto i : cm.items) ids.push_back(item_spec[i]->id);
                where = join(ids);
            }
            out.push_back(tpl::TemplateObject()
                              .set("text", template_text(cm.text, cm.origin))
                              .set("item", template_text(where)));
        }
        return out;
    };
    std::vector<tpl::TemplateObject> categories;
    for (std::size_t k = 0; k < by_category.size(); ++k) {
        const auto& cc = by_category[k];
        if (cc.strengths.empty() && cc.improvements.empty()) continue;
        const ScoreCategory& cat = sheet_spec.categories[k];
        categories.push_back(tpl::TemplateObject()
                                 .set("ordinal", template_text(review_doc::chinese_number(int(categories.size()) + 1)))
                                 .set("category", template_text(cat.name))
                                 .set("category_id", template_text(cat.id))
                                 .set("has_strengths", tpl::TemplateValue::of_flag(!cc.strengths.empty()))
                                 .set("strengths", tpl::TemplateValue::of_list(comment_list(cc.strengths)))
                                 .set("has_improvements", tpl::TemplateValue::of_flag(!cc.improvements.empty()))
                                 .set("improvements", tpl::TemplateValue::of_list(comment_list(cc.improvements))));
    }

    tpl::TemplateSchema s;
    tpl::TemplateObject d;
    add_case_values(d, s, c, policy);
    s.text("name").text("award").flag("award_named_in_title").text("stage_name").text("stage_article").text("next_stage");
    s.text("rule_text").flag("has_feedback_article").text("feedback_article").text("standard");
    s.flag("has_comparison").text("cohort_count").text("min_cohort").text("near_points");
    s.list("bands", tpl::TemplateSchema().text("category").text("points").text("own").text("cohort").text("band"));
    const tpl::TemplateSchema comment = tpl::TemplateSchema().text("text").text("item");
    s.flag("has_comments");
    s.list("comment_categories", tpl::TemplateSchema()
                                     .text("ordinal")
                                     .text("category")
                                     .text("category_id")
                                     .flag("has_strengths")
                                     .list("strengths", comment)
                                     .flag("has_improvements")
                                     .list("improvements", comment));
    const bool has_comments = !categories.empty();
    d.set("name", template_text(a.name, pdf::applicant_field(a, "name")))
        .set("award", template_text(a.award, pdf::applicant_field(a, "award")))
        .set("award_named_in_title", tpl::TemplateValue::of_flag(award_named_in_title(policy, a)))
        .set("stage_name", template_text(stage.name, pdf::policy_field(policy, "review.stages[0].name")))
        .set("stage_article", template_text(stage.article))
        .set("next_stage", template_text(review_doc::stage_name(policy, adv.stage)))
        .set("rule_text", template_text(review_doc::document_wording(adv.rule_text)))
        .set("has_feedback_article", tpl::TemplateValue::of_flag(!policy.review.feedback_article.empty()))
        .set("feedback_article", template_text(policy.review.feedback_article))
        .set("standard", template_text(sheet_spec.standard.empty() ? "评审标准" : sheet_spec.standard,
                                       pdf::policy_field(policy, "score_sheet.standard")))
        .set("has_comparison", tpl::TemplateValue::of_flag(comparison))
        .set("cohort_count", template_text(std::to_string(cohort.size())))
        .set("min_cohort", template_text(std::to_string(kMinCohort)))
        .set("near_points", template_text(std::to_string(sheet_spec.percent_step)))
        .set("bands", tpl::TemplateValue::of_list(std::move(bands)))
        .set("has_comments", tpl::TemplateValue::of_flag(has_comments))
        .set("comment_categories", tpl::TemplateValue::of_list(std::move(categories)));
    const tpl::DocumentFrame frame{kFeedbackLetterFolder + "/" + a.name + ".pdf", pdf::issuer(c), pdf::Text(),
                                   c.review.onsite_list->notice_date};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "评审反馈意见书.md")), s, d, frame);
}

void write_feedback_letter_pdf(const RenderEnv& env, const Case& c, const Policy& policy, const ReviewOutcome& outcome,
                               std::size_t applicant_index, const std::filesystem::path& out) {
    const pdf::Document doc = build_feedback_letter(env.data_dir, c, policy, outcome, applicant_index);
    const Applicant& a = c.applicants.at(applicant_index);
    doc.write(env.data_dir, "评审反馈意见书（" + a.name + "）", c.review.onsite_list->notice_date, out);
}

}  // namespace award
