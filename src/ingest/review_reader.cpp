#include "ingest/review_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "ingest/credit_code.hpp"
#include "ingest/score_sheet_reader.hpp"
#include "model/text.hpp"

namespace award::ingest {

namespace fs = std::filesystem;

namespace {

const std::string kCaseFile = "case.json";
const std::string kReviewersFile = "reviewers.json";
const std::string kScoresDir = "scores";

constexpr std::size_t kReviewerIdMaxChars = 16;

std::string in_brackets(const std::string& article) { return article.empty() ? "" : "（" + article + "）"; }

// "material（资料评审）、onsite（现场评审）", from `first` on.
std::string stage_list(const Policy& policy, std::size_t first = 0) {
    std::vector<std::string> ids;
    for (std::size_t i = first; i < policy.review.stages.size(); ++i)
        ids.push_back(policy.review.stages[i].id + "（" + policy.review.stages[i].name + "）");
    return join(ids);
}

// What a field naming a stage expects: the pack's stage ids, or that it has none yet.
std::string stage_expectation(const Policy& policy) {
    if (policy.review.stages.empty())
        return "政策包 " + policy.id + " 中规定的评审阶段编号（该政策包尚未规定评审阶段 review.stages，"
               "评审阶段的材料暂时无法核对，请联系维护人员补充政策包）";
    return "政策包 " + policy.id + " 的评审阶段编号之一：" + stage_list(policy);
}

std::ptrdiff_t stage_index(const Policy& policy, const std::string& id) {
    const auto& stages = policy.review.stages;
    auto it = std::find_if(stages.begin(), stages.end(), [&](const StageSpec& s) { return s.id == id; });
    return it == stages.end() ? -1 : it - stages.begin();
}

// "（许昌甲公司）" for records that name an applicant, as applicants.json writes it.
std::string name_suffix(const std::string& name) {
    const std::string n = trim(name);
    return n.empty() ? "" : "（" + excerpt(n, kNameMaxChars) + "）";
}

const Applicant* find_applicant(const Case& c, const std::string& code) {
    for (const auto& a : c.applicants)
        if (a.credit_code == code) return &a;
    return nullptr;
}

const std::string kExpectApplicantCode = "本案 applicants.json 中某个申报组织的统一社会信用代码";

// ---- dates and document numbers of the review stage ----------------------------

bool year_known(const Case& c) { return c.year != 0; }
// read_case leaves the acceptance notice_date at its default when it was reported as wrong.
bool notice_known(const Case& c) { return c.acceptance.notice_date != Date{}; }

// The review comes after acceptance: a date after the acceptance notice, in the
// cycle's year or, for a cycle that ends late, early in the next.
// Reports and returns false otherwise.
bool check_review_date(const Fields& f, const std::string& field, const Date& d, const Case& c) {
    const bool wrong_year = year_known(c) && (d.year() < c.year || d.year() > c.year + 1);
    const bool too_early = notice_known(c) && d <= c.acceptance.notice_date;
    if (!wrong_year && !too_early) return true;
    std::vector<std::string> parts;
    if (notice_known(c)) parts.push_back("晚于受理名单公示成文日期 notice_date（" + c.acceptance.notice_date.iso() + "）");
    if (year_known(c)) parts.push_back("在年度 year（" + std::to_string(c.year) + "）当年或下一年内");
    f.problem(field, d.iso(), join(parts, "、") + "的日期（评审在受理之后进行）");
    return false;
}

// ---- case.json "review" -------------------------------------------------------

std::string ratio_text(int tenths) {
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

std::string aggregation_text(AggregationSpec::Method m) {
    switch (m) {
    case AggregationSpec::Method::Mean: return "算术平均";
    case AggregationSpec::Method::Median: return "中位数";
    case AggregationSpec::Method::TrimmedMean: return "去掉一个最高分和一个最低分后平均";
    case AggregationSpec::Method::Consensus: return "组长提交的共识分";
    }
    return "";
}

// The full score of a stage's sheet, 0 when the pack does not say.
int stage_full_points(const Policy& policy, const StageSpec& s) {
    return s.sheet == StageSpec::Sheet::Presentation ? s.max_points : policy.score_sheet.total;
}

// A score in points written as a JSON number with at most `decimals` decimals, in
// units of 10^-decimals points. The number's own text decides the decimals, so that
// 512.3 is 512.3 and not the binary fraction nearest to it.
std::optional<long long> read_points(const Fields& f, const std::string& field, int decimals, int max_points,
                                     const std::string& rounding_article) {
    const json* v = f.find(field);
    if (!v) return std::nullopt;
    const int limit = max_points > 0 ? max_points : 100000;
    std::string expected = "大于 0、不超过 " + std::to_string(limit) + " 分的数（不加引号），";
    expected += decimals == 0 ? "只能是整数分" : "最多 " + std::to_string(decimals) + " 位小数";
    if (decimals > 0 || !rounding_article.empty())
        expected += "（政策包的评审得分保留 " + std::to_string(decimals) + " 位小数" + in_brackets(rounding_article) + "）";
    if (max_points > 0) expected += "，如 " + std::to_string(max_points / 2);
    if (!v->is_number()) {
        f.problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    static const std::regex decimal_re("^([0-9]{1,9})(?:\\.([0-9]+))?$");
    const std::string text = v->dump();
    std::smatch m;
    if (!std::regex_match(text, m, decimal_re)) {
        f.problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    std::string frac = m[2].str();
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (static_cast<int>(frac.size()) > decimals) {
        f.problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    while (static_cast<int>(frac.size()) < decimals) frac += '0';
    const long long whole = std::stoll(m[1].str());
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const long long units = whole * scale + (frac.empty() ? 0 : std::stoll(frac));
    if (units <= 0 || units > static_cast<long long>(limit) * scale) {
        f.problem(field, as_given(*v), expected);
        return std::nullopt;
    }
    return units;
}

StageAdvancement read_advancement(const json& item, const std::string& record, const Policy* policy,
                                  std::map<std::string, std::string>& seen, ProblemList& out) {
    Fields f(out, kCaseFile, record, item, {"stage", "count", "min_score", "planned_awards"});
    StageAdvancement a;
    a.source = kCaseFile + ": " + record;
    const StageSpec* spec = nullptr;
    const StageSpec* previous = nullptr;
    if (auto stage = f.exact_text("stage", Need::required)) {
        a.stage = *stage;
        if (policy) {
            const std::ptrdiff_t index = stage_index(*policy, *stage);
            if (index < 0) {
                f.problem("stage", *stage, stage_expectation(*policy));
            } else if (index == 0) {
                const StageSpec& first = policy->review.stages[0];
                std::string later = policy->review.stages.size() > 1 ? "：" + stage_list(*policy, 1) : "";
                f.problem("stage", *stage,
                          "第一个评审阶段之后的阶段编号" + later + "（" + first.name +
                              "是第一个评审阶段，受理的组织全部参加，不需设置进入条件）");
            } else {
                spec = &policy->review.stages[std::size_t(index)];
                previous = &policy->review.stages[std::size_t(index) - 1];
            }
        }
        auto [first, fresh] = seen.emplace(*stage, record);
        if (!fresh)
            f.problem("stage", *stage, "未与 " + first->second + " 重复的阶段（每个阶段的进入条件只写一条）");
    }
    const int decimals = policy ? policy->review.rounding_decimals : 2;
    const std::string rounding_article = policy ? policy->review.rounding_article : "";
    const bool has_count = f.find("count") != nullptr;
    const bool has_min = f.find("min_score") != nullptr;
    const bool has_planned = f.find("planned_awards") != nullptr;

    int max_planned = 0;  // the quotas' sum: more planned awards than places cannot be
    if (policy)
        for (const auto& award : policy->awards) max_planned += award.quota;
    const auto read_planned = [&] {
        a.planned_awards = f.integer("planned_awards", Need::optional, 1, max_planned > 0 ? max_planned : 1000);
    };
    const auto read_count_or_min = [&] {
        a.count = f.integer("count", Need::optional, 1, 10000);
        const int full = policy && previous ? stage_full_points(*policy, *previous) : 0;
        a.min_units = read_points(f, "min_score", decimals, full, rounding_article);
    };

    if (spec && spec->advancement_ratio_tenths > 0) {
        // The pack sets the number: 1:1.5 per planned award (通州区 第十六条).
        const std::string why = "不填：进入" + spec->name + "的人数由政策包按每个拟获奖名额 1:" +
                                ratio_text(spec->advancement_ratio_tenths) + " 确定" +
                                in_brackets(spec->advancement_article) + "，只可填拟获奖数 planned_awards";
        for (const std::string field : {"count", "min_score"})
            if (const json* v = f.find(field)) f.problem(field, as_given(*v), why);
        read_planned();
    } else if (spec) {
        if (has_planned)
            f.problem("planned_awards", as_given(*f.find("planned_awards")),
                      "不填：政策包 " + policy->id + " 不按拟获奖数的比例确定进入" + spec->name +
                          "的人数，请填 count（进入人数）或 min_score（最低分数）之一");
        if (has_count && has_min)
            f.problem("min_score", as_given(*f.find("min_score")),
                      "count（进入人数）与 min_score（最低分数）只填一个：已填 count（" + as_given(*f.find("count")) + "）");
        else if (!has_count && !has_min)
            f.problem("count", "",
                      "count（进入" + spec->name + "的人数）或 min_score（" + previous->name +
                          "的最低分数）二者填一个");
        read_count_or_min();
    } else {
        // Stage unknown (reported): still check each value's own form.
        read_count_or_min();
        read_planned();
    }
    f.report_unknown_fields();
    return a;
}

std::optional<ReviewNotice> read_notice(const json& j, const std::string& record, bool publicity, const Case& c,
                                        const std::string& example, ProblemList& out) {
    std::vector<std::string> allowed = {"notice_date", "document_number"};
    if (publicity) allowed.insert(allowed.begin() + 1, "publicity_start");
    Fields f(out, kCaseFile, record, j, allowed);
    ReviewNotice n;
    auto notice = f.date("notice_date", Need::required);
    if (notice && !check_review_date(f, "notice_date", *notice, c)) notice.reset();
    n.notice_date = notice.value_or(Date{});
    if (publicity) {
        auto start = f.date("publicity_start", Need::required);
        if (start && notice && *start < *notice)
            f.problem("publicity_start", start->iso(), "不早于公示成文日期 notice_date（" + notice->iso() + "）的日期");
        else
            n.publicity_start = start;
    }
    auto number = f.text("document_number", Need::optional);
    if (number) check_document_number(f, *number, year_known(c) ? std::optional<int>(c.year) : std::nullopt, notice,
                                      "成文日期 notice_date", example);
    n.document_number = number.value_or("");
    f.report_unknown_fields();
    return n;
}

// ---- reviewers.json -------------------------------------------------------------

// What the score sheets can be checked against: only what reviewers.json said
// readably, so that one mistake there is not repeated for every sheet.
struct PanelFacts {
    bool read = false;          // reviewers.json was there and is a JSON object
    bool ids_known = false;     // every reviewer has an id as text (maybe malformed, reported)
    bool groups_known = false;  // every group has its stage, leader and members as text
};

bool valid_reviewer_id(const std::string& id) {
    if (id.empty() || id.size() > kReviewerIdMaxChars) return false;
    return std::all_of(id.begin(), id.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u < 0x80 && (std::isalnum(u) || ch == '-' || ch == '_');
    });
}

const std::string kExpectReviewerId =
    "由英文字母、数字、- 或 _ 组成、不超过 16 个字符的编号，如 \"E01\"（编号会用在评分表的文件名中）";

std::string reviewer_suffix(const json& item) {
    std::vector<std::string> parts;
    for (const char* key : {"id", "name"}) {
        auto it = item.find(key);
        if (it != item.end() && it->is_string() && !trim(it->get<std::string>()).empty())
            parts.push_back(excerpt(trim(it->get<std::string>()), 30));
    }
    return parts.empty() ? "" : "（" + join(parts, " ") + "）";
}

void read_conflicts(const json& list, const std::string& base, const std::string& suffix,
                    const Case& c, Reviewer& r, ProblemList& out) {
    const bool codes_known = applicant_codes_known(c);
    std::map<std::string, std::string> seen;  // credit code -> record
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string record = base + "/conflicts/" + std::to_string(k) + suffix;
        if (!list[k].is_object()) {
            out.add(kReviewersFile, record, "", as_given(list[k]),
                    "对象 {\"credit_code\": 统一社会信用代码, \"reason\": 利害关系}");
            continue;
        }
        Fields f(out, kReviewersFile, record, list[k], {"credit_code", "reason"});
        Conflict conflict;
        if (auto code = f.exact_text("credit_code", Need::required)) {
            conflict.credit_code = *code;
            if (codes_known && !find_applicant(c, *code))
                f.problem("credit_code", *code, kExpectApplicantCode + "（回避只针对本届的申报组织）");
            else if (auto [first, fresh] = seen.emplace(*code, record); !fresh)
                f.problem("credit_code", *code, "未与 " + first->second + " 重复的组织（同一组织只写一条利害关系）");
        }
        conflict.reason = f.text("reason", Need::required).value_or("");
        f.report_unknown_fields();
        r.conflicts.push_back(std::move(conflict));
    }
}


void read_reviewers(const json& list, Case& c, PanelFacts& facts, ProblemList& out) {
    std::map<std::string, std::string> seen;  // id -> record
    facts.ids_known = !list.empty();
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string base = "/reviewers/" + std::to_string(k);
        const json& item = list[k];
        if (!item.is_object()) {
            out.add(kReviewersFile, base, "", as_given(item),
                    "对象 {\"id\": 编号, \"name\": 姓名, \"affiliation\": 工作单位, \"conflicts\": [ … ]}");
            facts.ids_known = false;
            continue;
        }
        const std::string suffix = reviewer_suffix(item);
        Fields f(out, kReviewersFile, base + suffix, item, {"id", "name", "affiliation", "conflicts"});
        Reviewer r;
        r.source = kReviewersFile + ": " + base;
        if (auto id = f.exact_text("id", Need::required)) {
            r.id = *id;
            if (!valid_reviewer_id(*id))
                f.problem("id", *id, kExpectReviewerId);
            else if (auto [first, fresh] = seen.emplace(*id, base + suffix); !fresh)
                f.problem("id", *id, "与 " + first->second + " 不同的编号（每位评委的编号唯一）");
        } else {
            facts.ids_known = false;
        }
        r.name = f.text("name", Need::required).value_or("");
        r.affiliation = f.text("affiliation", Need::optional).value_or("");
        if (const json* conflicts = f.array("conflicts", Need::optional))
            read_conflicts(*conflicts, base, suffix, c, r, out);
        f.report_unknown_fields();
        c.panel.reviewers.push_back(std::move(r));
    }
}

std::string reviewer_ids(const Case& c) {
    std::vector<std::string> ids;
    for (const auto& r : c.panel.reviewers)
        if (!r.id.empty()) ids.push_back(r.id);
    return ids.empty() ? "" : "：" + join(ids);
}

// A group's members as given, with the position each had in "members".
struct GroupMembers {
    std::vector<std::pair<std::string, std::size_t>> listed;
};

// The applicant two groups both score: "" when both score everyone, nullopt when none.
std::optional<std::string> common_applicant(const ReviewGroup& a, const ReviewGroup& b) {
    if (a.all_applicants && b.all_applicants) return std::string();
    if (a.all_applicants) return b.applicants.empty() ? std::nullopt : std::optional<std::string>(b.applicants[0]);
    for (const auto& code : a.applicants)
        if (b.covers(code)) return code;
    return std::nullopt;
}

void read_group_applicants(const Fields& f, const Case& c, ReviewGroup& g, PanelFacts& facts) {
    const std::string expected = "\"all\"（该阶段的全部组织）或统一社会信用代码的数组 [\"…\", …]";
    const json* v = f.find("applicants");
    if (!v) {
        f.problem("applicants", "", expected);
        facts.groups_known = false;
        return;
    }
    if (v->is_string() && v->get<std::string>() == "all") {
        g.all_applicants = true;
        return;
    }
    if (!v->is_array()) {
        f.problem("applicants", as_given(*v), expected);
        facts.groups_known = false;
        return;
    }
    g.all_applicants = false;
    if (v->empty()) {
        f.problem("applicants", "[]", "至少含一个申报组织的数组，或 \"all\"（该阶段的全部组织）");
        return;
    }
    const bool codes_known = applicant_codes_known(c);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string field = "applicants/" + std::to_string(i);
        const json& e = (*v)[i];
        if (!e.is_string() || trim(e.get<std::string>()).empty()) {
            f.problem(field, as_given(e), "统一社会信用代码（文字，用英文双引号括起来）");
            continue;
        }
        const std::string code = e.get<std::string>();
        if (codes_known && !find_applicant(c, code))
            f.problem(field, code, kExpectApplicantCode);
        else if (!seen.insert(code).second)
            f.problem(field, code, "本组 applicants 中不重复的代码（同一组织只写一次）");
        g.applicants.push_back(code);
    }
}

void read_group_members(const Fields& f, const json& list, const StageSpec* spec, const Case& c, ReviewGroup& g,
                        GroupMembers& members, PanelFacts& facts) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string field = "members/" + std::to_string(i);
        const json& e = list[i];
        if (!e.is_string() || e.get<std::string>().empty()) {
            f.problem(field, as_given(e), "reviewers.json 中某位评委的编号（文字，如 \"E01\"）");
            facts.groups_known = false;
            continue;
        }
        const std::string id = e.get<std::string>();
        if (facts.ids_known && !c.panel.find(id)) {
            f.problem(field, id, "本文件 reviewers 中某位评委的编号" + reviewer_ids(c));
            continue;
        }
        if (!seen.insert(id).second) {
            f.problem(field, id, "本组 members 中不重复的评委编号（同一评委只写一次）");
            continue;
        }
        g.members.push_back(id);
        members.listed.emplace_back(id, i);
    }
    if (spec && static_cast<int>(list.size()) < spec->min_reviewers) {
        f.problem("members", as_given(list),
                  "至少 " + std::to_string(spec->min_reviewers) + " 位评委的数组（" + spec->name + "每个评审组不少于 " +
                      std::to_string(spec->min_reviewers) + " 人" + in_brackets(spec->min_reviewers_article) + "）");
    } else if (spec && spec->max_reviewers > 0 && static_cast<int>(list.size()) > spec->max_reviewers) {
        f.problem("members", as_given(list),
                  "至多 " + std::to_string(spec->max_reviewers) + " 位评委的数组（" + spec->name + "每个评审组 " +
                      std::to_string(spec->min_reviewers) + "-" + std::to_string(spec->max_reviewers) + " 人" +
                      in_brackets(spec->min_reviewers_article) + "）");
    } else if (list.empty()) {
        f.problem("members", "[]", "至少含一位评委的数组");
    }
}

void read_groups(const json& list, const Policy* policy, Case& c, PanelFacts& facts, ProblemList& out) {
    facts.groups_known = true;
    std::map<std::string, std::string> names;  // name -> record
    std::vector<std::string> records;          // per group of c.panel.groups
    std::vector<GroupMembers> members_of;      // likewise
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string base = "/groups/" + std::to_string(k);
        const json& item = list[k];
        if (!item.is_object()) {
            out.add(kReviewersFile, base, "", as_given(item),
                    "对象 {\"name\": 组名, \"stage\": 评审阶段, \"leader\": 组长, \"members\": [ … ], \"applicants\": …}");
            facts.groups_known = false;
            continue;
        }
        std::string suffix;
        if (auto it = item.find("name"); it != item.end() && it->is_string()) suffix = name_suffix(it->get<std::string>());
        Fields f(out, kReviewersFile, base + suffix, item, {"name", "stage", "leader", "members", "applicants"});
        ReviewGroup g;
        g.source = kReviewersFile + ": " + base;
        if (auto name = f.text("name", Need::required)) {
            g.name = *name;
            if (auto [first, fresh] = names.emplace(*name, base + suffix); !fresh)
                f.problem("name", *name, "与 " + first->second + " 不同的组名");
        }
        const StageSpec* spec = nullptr;
        if (auto stage = f.exact_text("stage", Need::required)) {
            g.stage = *stage;
            if (policy) {
                spec = policy->review.find_stage(*stage);
                if (!spec) f.problem("stage", *stage, stage_expectation(*policy));
            }
        } else {
            facts.groups_known = false;
        }
        GroupMembers members;
        const json* list_of_members = f.array("members", Need::required);
        if (list_of_members)
            read_group_members(f, *list_of_members, spec, c, g, members, facts);
        else
            facts.groups_known = false;
        if (auto leader = f.exact_text("leader", Need::required)) {
            g.leader = *leader;
            if (list_of_members && std::find(g.members.begin(), g.members.end(), *leader) == g.members.end())
                f.problem("leader", *leader,
                          "本组 members 中的一位评委（组长也是本组成员）" +
                              (g.members.empty() ? std::string() : "：" + join(g.members)));
        } else {
            facts.groups_known = false;
        }
        read_group_applicants(f, c, g, facts);
        f.report_unknown_fields();
        c.panel.groups.push_back(std::move(g));
        records.push_back(base + suffix);
        members_of.push_back(std::move(members));
    }

    // A reviewer scores an applicant once per stage: not in two groups of a stage
    // that both score the same applicant. Reported on the later group.
    const auto& groups = c.panel.groups;
    for (std::size_t j = 0; j < groups.size(); ++j) {
        if (groups[j].stage.empty()) continue;
        for (const auto& [id, position] : members_of[j].listed) {
            for (std::size_t i = 0; i < j; ++i) {
                if (groups[i].stage != groups[j].stage) continue;
                const auto& earlier = groups[i].members;
                if (std::find(earlier.begin(), earlier.end(), id) == earlier.end()) continue;
                auto common = common_applicant(groups[i], groups[j]);
                if (!common) continue;
                std::string whom = "全部组织";
                if (!common->empty()) {
                    const Applicant* a = find_applicant(c, *common);
                    whom = a && !a->name.empty() ? a->name : *common;
                }
                std::string stage_name = groups[j].stage;
                if (const StageSpec* s = policy ? policy->review.find_stage(groups[j].stage) : nullptr) stage_name = s->name;
                out.add(kReviewersFile, records[j], "members/" + std::to_string(position), id,
                        "不在 " + records[i] + " 中的评委：两组都在" + stage_name + "阶段评审" + whom +
                            "，同一评委在同一阶段对同一组织只评一次分，只能在其中一组");
                break;
            }
        }
    }
}

PanelFacts read_reviewers_file(const json& j, const Policy* policy, Case& c, ProblemList& out) {
    PanelFacts facts;
    if (!j.is_object()) {
        out.add(kReviewersFile, "", "", as_given(j),
                "JSON 对象 {\"reviewers\": [ … ], \"groups\": [ … ]}（格式见 samples/README.md）");
        return facts;
    }
    facts.read = true;
    Fields f(out, kReviewersFile, "", j, {"reviewers", "groups"});
    const json* reviewers = f.array("reviewers", Need::required);
    const json* groups = f.array("groups", Need::required);
    f.report_unknown_fields();
    if (reviewers && reviewers->empty()) f.problem("reviewers", "[]", "至少含一位评委的数组");
    if (groups && groups->empty()) f.problem("groups", "[]", "至少含一个评审组的数组");
    if (reviewers) read_reviewers(*reviewers, c, facts, out);
    if (groups) read_groups(*groups, policy, c, facts, out);
    return facts;
}

// ---- scores/ ------------------------------------------------------------------

struct ScoreFile {
    fs::path path;
    std::string shown;  // "scores/资料评审/E01.xlsx"
};

// Dotfiles (.DS_Store, LibreOffice's lock file .~lock.E01.xlsx#) and the owner files
// Excel and WPS leave beside an open workbook (~$E01.xlsx) are not sheets.
bool ignored_name(const std::string& name) { return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0; }

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext;
}

// Every file under CASE_DIR/scores, in the order of their paths (deterministic,
// whatever order the file system lists them in).
std::vector<ScoreFile> find_score_files(const fs::path& case_dir, ProblemList& out) {
    const fs::path dir = case_dir / kScoresDir;
    std::error_code ec;
    if (!fs::exists(dir, ec)) return {};
    if (!fs::is_directory(dir, ec)) {
        out.add(kScoresDir, "", "", "", "存放评分表的文件夹 scores/（现在是一个文件）");
        return {};
    }
    std::vector<std::pair<std::string, fs::path>> found;  // relative path -> path
    fs::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (ignored_name(name)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            ec.clear();
            continue;
        }
        if (it->is_directory(ec)) continue;
        ec.clear();
        found.emplace_back(it->path().lexically_relative(dir).generic_string(), it->path());
    }
    if (ec) out.add(kScoresDir + "/", "", "", "", "可以读取的文件夹（检查 scores/ 及其子文件夹的权限）：" + ec.message());
    std::sort(found.begin(), found.end());
    std::vector<ScoreFile> files;
    for (const auto& [relative, path] : found) {
        const std::string shown = kScoresDir + "/" + relative;
        const std::string ext = lower_extension(path);
        if ((ext == ".xlsx" || ext == ".json") && fs::is_regular_file(path, ec)) {
            files.push_back({path, shown});
            continue;
        }
        out.add(shown, "", "", path.filename().string(),
                "只接受 .xlsx 或 .json 评分表（其他文件请移出 scores/ 文件夹；.xls、.et 等请用 Excel 或 WPS "
                "另存为 .xlsx）");
    }
    return files;
}

struct SheetContext {
    const Policy& policy;
    const Case& c;
    const PanelFacts& panel;
    bool codes_known;
    std::map<std::tuple<std::string, std::string, bool>, std::string> seen;  // (reviewer, stage, consensus) -> file
};

std::string group_text(const ReviewGroup& g) {
    return (g.name.empty() ? g.source : g.name) + "（组长 " + g.leader + "；成员 " + join(g.members) + "）";
}

// Where one applicant's scores are, for messages: the sheet's own location without
// the file name it starts with (the problem names the file), e.g. "工作表「许昌甲公司」"
// or "/applicants/1（9141…）", with the organisation's name when it shows neither.
std::string applicant_record(const ApplicantScores& a, std::size_t index, const std::string& file, const Case& c) {
    std::string record = a.location;
    if (record.rfind(file + " ", 0) == 0) record.erase(0, file.size() + 1);
    if (record.empty()) record = "/applicants/" + std::to_string(index);
    const Applicant* applicant = find_applicant(c, a.credit_code);
    if (applicant && !applicant->name.empty() && record.find(applicant->name) == std::string::npos &&
        record.find(a.credit_code) == std::string::npos)
        record += name_suffix(applicant->name);
    return record;
}

void check_sheet_applicants(const ScoreSheet& s, const std::string& file, const Reviewer& r,
                            const std::vector<const ReviewGroup*>& mine, const SheetContext& k, ProblemList& out) {
    std::set<std::string> in_sheet;
    for (std::size_t i = 0; i < s.applicants.size(); ++i) {
        const ApplicantScores& a = s.applicants[i];
        const std::string record = applicant_record(a, i, file, k.c);
        // An applicant twice on one sheet is read_score_sheet's to report; checked once here.
        if (!in_sheet.insert(a.credit_code).second) continue;
        if (!find_applicant(k.c, a.credit_code)) {
            if (k.codes_known) out.add(file, record, "credit_code", a.credit_code, kExpectApplicantCode);
            continue;
        }
        if (r.conflicted_with(a.credit_code)) {
            out.add(file, record, "credit_code", a.credit_code,
                    "不在该评委评分表中的组织：该评委已声明与该组织存在利害关系，应回避" +
                        in_brackets(k.policy.review.recusal_article) + "（见 " + r.source +
                        " 的 conflicts；请删去该组织的评分）");
            continue;
        }
        const bool covered = std::any_of(mine.begin(), mine.end(), [&](const ReviewGroup* g) { return g->covers(a.credit_code); });
        if (!covered) {
            std::vector<std::string> names;
            for (const auto* g : mine) names.push_back(g->name.empty() ? g->source : g->name);
            out.add(file, record, "credit_code", a.credit_code,
                    "该评委所在评审组（" + join(names) + "）评审的组织：reviewers.json 中该组的 applicants 没有这个组织");
        }
    }
}

// The sheet against the case and the panel (the file's own content was checked by
// read_score_sheet). Stops at the first mismatch of its identification: the rest
// would only repeat it.
void check_sheet(const ScoreSheet& s, const std::string& file, SheetContext& k, ProblemList& out) {
    const Policy& policy = k.policy;
    const Case& c = k.c;
    // The identification: top-level fields of a JSON sheet, the hidden sheet
    // 「识别信息」 that award sheets writes into an XLSX one.
    const std::string ident = lower_extension(file) == ".xlsx" ? "工作表「识别信息」" : "";
    if (s.case_id != c.id) {
        out.add(file, ident, "case", s.case_id,
                "本案卷的编号 \"" + c.id + "\"（即案卷文件夹名；XLSX 评分表中的标识由 award sheets 写入，"
                "不符说明这份评分表不是为本案卷生成的）");
        return;
    }
    const StageSpec* stage = policy.review.find_stage(s.stage);
    if (!stage) {
        out.add(file, ident, "stage", s.stage, stage_expectation(policy));
        return;
    }
    if (!k.panel.read) return;  // reviewers.json missing or unreadable: reported
    const Reviewer* r = c.panel.find(s.reviewer);
    if (!r) {
        if (k.panel.ids_known)
            out.add(file, ident, "reviewer", s.reviewer, "reviewers.json 中某位评委的编号" + reviewer_ids(c));
        return;
    }
    auto [first, fresh] = k.seen.emplace(std::make_tuple(s.reviewer, s.stage, s.consensus), file);
    if (!fresh) {
        out.add(file, ident, "reviewer", s.reviewer,
                "每位评委每个阶段只交一份" + std::string(s.consensus ? "共识分" : "") + "评分表：评委 " + s.reviewer +
                    " 的" + stage->name + "评分表已有 " + first->second + "（请删去或移走多余的一份）");
        return;
    }
    if (s.consensus && stage->aggregation.method != AggregationSpec::Method::Consensus) {
        out.add(file, ident, "consensus", "true",
                "false：政策包 " + policy.id + " 的" + stage->name + "按" + aggregation_text(stage->aggregation.method) +
                    "汇总" + in_brackets(stage->aggregation.article) + "，不使用组长提交的共识分");
        return;
    }
    if (!k.panel.groups_known) return;  // the groups were reported: membership cannot be judged
    std::vector<const ReviewGroup*> of_stage, mine;
    for (const auto& g : c.panel.groups) {
        if (g.stage != s.stage) continue;
        of_stage.push_back(&g);
        const bool member = std::find(g.members.begin(), g.members.end(), r->id) != g.members.end();
        if (s.consensus ? g.leader == r->id : member) mine.push_back(&g);
    }
    if (mine.empty()) {
        std::vector<std::string> listed;
        for (const auto* g : of_stage) listed.push_back(group_text(*g));
        out.add(file, ident, "reviewer", s.reviewer,
                stage->name + "某个评审组的" +
                    (s.consensus ? std::string("组长（共识分由组长代表评审组提交）") : std::string("成员")) + "：" +
                    (listed.empty() ? "reviewers.json 中还没有" + stage->name + "的评审组"
                                    : "reviewers.json 中" + stage->name + "的评审组为 " + join(listed, "；")));
        return;
    }
    check_sheet_applicants(s, file, *r, mine, k, out);
}

}  // namespace

ReviewSchedule read_review_section(const json& review, const Policy* policy, const Case& c, ProblemList& out) {
    ReviewSchedule schedule;
    if (!review.is_object()) {
        out.add(kCaseFile, "/review", "", as_given(review), kExpectObject);
        return schedule;
    }
    Fields f(out, kCaseFile, "/review", review, {"advancement", "onsite_list", "proposed"});
    if (const json* list = f.array("advancement", Need::optional)) {
        std::map<std::string, std::string> seen;  // stage -> record
        for (std::size_t k = 0; k < list->size(); ++k) {
            const std::string record = "/review/advancement/" + std::to_string(k);
            const json& item = (*list)[k];
            if (!item.is_object()) {
                out.add(kCaseFile, record, "", as_given(item),
                        "对象 {\"stage\": 阶段编号, \"count\": 人数} 或 {\"stage\": …, \"min_score\": 分数}");
                continue;
            }
            schedule.advancement.push_back(read_advancement(item, record, policy, seen, out));
        }
    }
    if (const json* j = f.object("onsite_list", Need::optional))
        schedule.onsite_list = read_notice(*j, "/review/onsite_list", false, c, "魏质奖秘〔2026〕5号", out);
    if (const json* j = f.object("proposed", Need::optional))
        schedule.proposed = read_notice(*j, "/review/proposed", true, c, "魏质奖秘〔2026〕8号", out);
    // 拟奖名单 comes after the on-site review, which comes after its list.
    if (schedule.onsite_list && schedule.proposed && schedule.onsite_list->notice_date != Date{} &&
        schedule.proposed->notice_date != Date{} && schedule.proposed->notice_date <= schedule.onsite_list->notice_date) {
        out.add(kCaseFile, "/review/proposed", "notice_date", schedule.proposed->notice_date.iso(),
                "晚于现场评审名单成文日期 /review/onsite_list notice_date（" +
                    schedule.onsite_list->notice_date.iso() + "）的日期（拟奖名单在现场评审之后公示）");
    }
    f.report_unknown_fields();
    return schedule;
}

void read_review_inputs(const fs::path& case_dir, const Policy* policy, Case& c, ProblemList& out) {
    std::error_code ec;
    const bool has_reviewers_file = fs::exists(case_dir / kReviewersFile, ec);
    PanelFacts panel;
    if (auto j = load_json_file(case_dir, kReviewersFile, Need::optional, out))
        panel = read_reviewers_file(*j, policy, c, out);
    const std::vector<ScoreFile> files = find_score_files(case_dir, out);
    if (!files.empty() && !has_reviewers_file)
        out.add(kReviewersFile, "", "", "",
                "案卷文件夹中的评委名单：scores/ 中已有 " + std::to_string(files.size()) +
                    " 份评分表，须有 reviewers.json 列出评委和评审组才能核对（格式见 samples/README.md）");
    if (!policy) return;  // the sheets' items are the pack's; case.json's policy was reported
    SheetContext context{*policy, c, panel, applicant_codes_known(c), {}};
    for (const auto& file : files) {
        std::optional<ScoreSheet> sheet = read_score_sheet(file.path, file.shown, *policy, out);
        if (!sheet) continue;
        if (sheet->file.empty()) sheet->file = file.shown;
        check_sheet(*sheet, file.shown, context, out);
        c.sheets.push_back(std::move(*sheet));
    }
}

}  // namespace award::ingest
