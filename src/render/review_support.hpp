// Small helpers shared by the review stage's documents (render/review_documents.hpp):
// the order of names in public lists, stage names, wording of the rules' texts.
#pragma once
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/policy.hpp"
#include "model/review_outcome.hpp"

namespace award::review_doc {

// Applicant indexes ordered by 单位名称 in pinyin (ICU collation, locale "zh"), the
// credit code breaking exact ties: the order of a list "排名不分先后".
std::vector<std::size_t> pinyin_order(const Case& c, std::vector<std::size_t> applicants);

// The rules' texts put spaces around numbers ("至多 6 家"); a 公文 does not ("至多6家").
// Drops a space that has a CJK character or full-width punctuation on one side.
std::string document_wording(const std::string& s);

// The name of a stage id ("onsite" → "现场评审"), or the id when the pack has none.
std::string stage_name(const Policy& policy, const std::string& stage_id);

// 一, 二, … 十, 十一, … 九十九 (for 一、 and （一） headings).
std::string chinese_number(int n);

// The articles a sentence cites ("第四条", "第二十条"), each once, in order.
std::vector<std::string> articles_in(const std::string& s);

// The date a review-stage workbook carries (its creation date: no wall clock): the
// 拟奖名单公示's date, else the 现场评审名单's, else the acceptance notice's.
Date review_date(const Case& c);

// The published figure of a rounded score (units of 10^-decimals points) as a number.
double units_value(long long units, int decimals);
// Excel number format with `decimals` places: "0", "0.0", "0.00".
std::string decimals_format(int decimals);

// The stage id whose score the final ranking shows for a column, with its weight in %.
struct WeightedStage {
    const StageSpec* stage = nullptr;
    int weight = 0;
};
std::vector<WeightedStage> weighted_stages(const Policy& policy);

// "综合得分＝现场评审得分×100%（第二十条）" and the rounding rule, for notes.
std::string total_formula(const Policy& policy);
std::string rounding_rule(const Policy& policy);

}  // namespace award::review_doc
