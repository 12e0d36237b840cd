#include "packs/policy_pack.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "model/errors.hpp"
#include "packs/config_json.hpp"
#include "packs/revocation.hpp"
#include "rules/check_kinds.hpp"
#include "rules/commendation.hpp"
#include "rules/eligibility.hpp"
#include "rules/sentence.hpp"
#include "model/text.hpp"

namespace award {

namespace {

using packs_detail::ConfigProblems;
using packs_detail::describe;
using packs_detail::ObjectReader;

// 第九条, 第十四条第二款, 第十四条（二）, 第三十条、第三十一条: as cited in letters.
bool is_article(const std::string& s) {
    static const std::string num = "(?:零|〇|一|二|三|四|五|六|七|八|九|十|百)+";
    static const std::string one = "第" + num + "条(?:第" + num + "款)?(?:（" + num + "）)?";
    static const std::regex re("^" + one + "(?:、" + one + ")*$");
    return std::regex_match(s, re);
}

std::optional<std::string> read_article(ObjectReader& r, const std::string& key, bool required,
                                        ConfigProblems& problems) {
    auto a = r.text(key, required);
    if (a && !is_article(*a)) {
        problems.add(r.at(key), "条款 \"" + *a + "\" 应写作中文数字的“第九条”“第十四条第二款”或“第三十条、第三十一条”");
        return std::nullopt;
    }
    return a;
}


// A name or phrase the documents print inside a sentence (评委会, 区质委办确定): no
// spaces or sentence punctuation, which would break the sentence around it.
std::optional<std::string> read_phrase(ObjectReader& r, const std::string& key, bool required,
                                       ConfigProblems& problems) {
    auto v = r.text(key, required);
    if (!v) return v;
    for (const char* bad : {" ", "\t", "\n", "。", "，", "；", "（", "）", "(", ")"})
        if (v->find(bad) != std::string::npos) {
            problems.add(r.at(key), "\"" + *v + "\" 会嵌在通知的句子中，应为不含空格、标点和括号的名称或短语");
            return std::nullopt;
        }
    return v;
}
// A list of distinct non-empty strings.
std::vector<std::string> read_names(ObjectReader& r, const std::string& key, bool required, ConfigProblems& problems) {
    std::vector<std::string> out;
    const nlohmann::json* list = r.array(key, required);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& e = (*list)[i];
        std::string p = r.at(key) + "/" + std::to_string(i);
        if (!e.is_string() || e.get<std::string>().empty()) {
            problems.add(p, "应为非空字符串，实际为" + describe(e));
        } else if (std::find(out.begin(), out.end(), e.get<std::string>()) != out.end()) {
            problems.add(p, "\"" + e.get<std::string>() + "\" 重复出现");
        } else {
            out.push_back(e.get<std::string>());
        }
    }
    return out;
}


std::string braced(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "{" : "、{") + n + "}";
    return s;
}

void read_fail_text(ObjectReader& r, CheckSpec& c, ConfigProblems& problems) {
    auto text = r.text("fail_text");
    if (!text) return;
    c.fail_text = *text;
    std::vector<std::string> names;
    try {
        names = template_placeholders(*text);
    } catch (const std::invalid_argument& e) {
        problems.add(r.at("fail_text"), "检查 " + c.id + " 的句子模板有误：" + e.what());
        return;
    }
    if (!find_check_kind(c.kind)) return;  // reported with the kind
    std::vector<std::string> allowed = allowed_placeholders(c.kind);
    for (const auto& n : names) {
        if (std::find(allowed.begin(), allowed.end(), n) == allowed.end()) {
            problems.add(r.at("fail_text"), "检查 " + c.id + "（" + c.kind + "）的句子模板使用了未知占位符 {" + n +
                                                "}；可用：" + braced(allowed));
        }
    }
}

CheckSpec read_check(const nlohmann::json& j, const std::string& ptr, ConfigProblems& problems) {
    CheckSpec c;
    ObjectReader r(j, ptr, problems);
    r.only_keys({"id", "kind", "article", "requirement", "params", "fail_text", "note"});
    r.text("note", false);
    c.id = r.text("id").value_or("");
    if (auto kind = r.text("kind")) {
        c.kind = *kind;
        if (!find_check_kind(c.kind)) {
            problems.add(r.at("kind"), "未知的检查类型 \"" + c.kind + "\"；已知类型：" + join(known_check_kinds()));
        }
    }
    c.article = read_article(r, "article", true, problems).value_or("");
    c.requirement = r.text("requirement").value_or("");
    if (const nlohmann::json* params = r.object("params")) {
        c.params = *params;
        if (find_check_kind(c.kind)) {
            for (const auto& issue : check_param_issues(c.kind, c.params)) {
                problems.add(r.at("params") + issue.pointer, "检查 " + c.id + "（" + c.kind + "）：" + issue.message);
            }
        }
    }
    read_fail_text(r, c, problems);
    return c;
}

AwardConferral read_conferral(ObjectReader& award, const Policy& p, bool review_present, ConfigProblems& problems);

AwardSpec read_award(const nlohmann::json& j, const std::string& ptr, const Policy& p, bool review_present,
                     ConfigProblems& problems) {
    AwardSpec a;
    ObjectReader r(j, ptr, problems);
    r.only_keys({"id", "name", "quota", "prize_yuan", "open_to_application", "article", "prize_article",
                 "certificate_code", "checks", "conferral", "holder_prizes", "higher_award_top_ups", "full_name", "note"});
    r.text("note", false);
    a.id = r.text("id").value_or("");
    a.name = r.text("name").value_or("");
    a.full_name = r.text("full_name", false).value_or(p.jurisdiction + a.name);
    a.quota = int(r.integer("quota", 0).value_or(0));
    a.prize_yuan = r.integer("prize_yuan", 0).value_or(0);
    a.open_to_application = r.boolean("open_to_application").value_or(true);
    a.article = read_article(r, "article", true, problems).value_or("");
    // Money is paid on an article: an award with a prize names where it is set.
    a.prize_article = read_article(r, "prize_article", a.prize_yuan > 0, problems).value_or("");
    if (auto code = r.text("certificate_code")) {
        static const std::regex code_re("^[A-Za-z0-9]+$");
        if (std::regex_match(*code, code_re)) a.certificate_code = *code;
        else problems.add(r.at("certificate_code"), "证书编号中的奖项代码 \"" + *code +
                                                        "\" 应只由英文字母和数字组成，如 \"Z\"（number_pattern 中的 {award_code}）");
    }
    a.checks = read_names(r, "checks", true, problems);
    a.conferral = read_conferral(r, p, review_present, problems);
    if (const nlohmann::json* list = r.array("holder_prizes", false)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader h((*list)[i], r.at("holder_prizes") + "/" + std::to_string(i), problems);
            h.only_keys({"holds", "prize_yuan", "article", "note"});
            h.text("note", false);
            HolderPrize hp;
            hp.holds = h.text("holds").value_or("");
            hp.prize_yuan = h.integer("prize_yuan", 0).value_or(0);
            hp.article = read_article(h, "article", true, problems).value_or("");
            a.holder_prizes.push_back(hp);
        }
    }
    if (const nlohmann::json* list = r.array("higher_award_top_ups", false)) {
        std::set<std::string> named;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = r.at("higher_award_top_ups") + "/" + std::to_string(i);
            ObjectReader h((*list)[i], at, problems);
            h.only_keys({"higher_awards", "prize_yuan", "article", "note"});
            h.text("note", false);
            HigherAwardTopUp t;
            t.higher_awards = read_names(h, "higher_awards", true, problems);
            for (const auto& n : t.higher_awards)
                if (!named.insert(n).second)
                    problems.add(at + "/higher_awards", "奖项名称 \"" + n + "\" 在 higher_award_top_ups 中只能出现一次");
            t.prize_yuan = h.integer("prize_yuan", 1).value_or(0);
            t.article = read_article(h, "article", true, problems).value_or("");
            a.higher_award_top_ups.push_back(t);
        }
    }
    return a;
}

PublicitySpec read_publicity(ObjectReader& top, const std::string& key, ConfigProblems& problems) {
    PublicitySpec p;
    const nlohmann::json* j = top.object(key);
    if (!j) return p;
    ObjectReader r(*j, top.at(key), problems);
    r.only_keys({"length", "unit", "article", "note"});
    r.text("note", false);
    p.length = int(r.integer("length", 1).value_or(0));
    if (auto unit = r.text("unit")) {
        if (*unit == "working_days") p.unit = PeriodUnit::WorkingDays;
        else if (*unit == "calendar_days") p.unit = PeriodUnit::CalendarDays;
        else problems.add(r.at("unit"), "\"" + *unit + "\" 应为 working_days（工作日）或 calendar_days（自然日）");
    }
    p.article = read_article(r, "article", true, problems).value_or("");
    return p;
}

// 受理名单公示: absent or null when the regulation has none (通州区, 中牟县, 鹿城区).
std::optional<PublicitySpec> read_optional_publicity(ObjectReader& top, const std::string& key, const nlohmann::json& root,
                                                     ConfigProblems& problems) {
    if (!root.is_object() || !root.contains(key) || root[key].is_null()) return std::nullopt;
    return read_publicity(top, key, problems);
}

// 有效期: {"from": "YYYY-MM-DD", "until": "YYYY-MM-DD", "article": "第二十九条"}, either
// bound optional but not both; absent or null when the regulation states none.
std::optional<PolicyValidity> read_validity(ObjectReader& top, const nlohmann::json& root, ConfigProblems& problems) {
    if (!root.is_object() || !root.contains("validity") || root["validity"].is_null()) return std::nullopt;
    const nlohmann::json* j = top.object("validity");
    if (!j) return std::nullopt;
    ObjectReader r(*j, top.at("validity"), problems);
    r.only_keys({"from", "until", "article", "predecessor", "note"});
    r.text("note", false);
    PolicyValidity v;
    v.predecessor = r.text("predecessor", false).value_or("");
    auto date = [&](const char* key, const char* what) -> std::optional<Date> {
        auto text = r.text(key, false);
        if (!text) return std::nullopt;
        auto d = Date::parse(*text);
        if (!d) problems.add(r.at(key), std::string(what) + " \"" + *text + "\" 应为 YYYY-MM-DD 格式的日期，如 \"2028-11-29\"");
        return d;
    };
    v.from = date("from", "施行日期");
    v.until = date("until", "有效期截止日期");
    if (!j->contains("from") && !j->contains("until"))
        problems.add(top.at("validity"), "应至少写 from（施行日期）或 until（有效期至）之一；管理办法未规定有效期时，删去 validity 或写 null");
    if (v.from && v.until && *v.until < *v.from)
        problems.add(r.at("until"), "有效期截止日期 " + v.until->iso() + " 早于施行日期 from（" + v.from->iso() + "）");
    v.article = read_article(r, "article", true, problems).value_or("");
    if (!v.predecessor.empty() && !v.from) problems.add(r.at("predecessor"), "只有写了施行日期 from 才有此前适用的办法");
    return v;
}

// 证书: how certificates are numbered (rules/commendation.hpp) and which template prints them.
CertificateSpec read_certificates(ObjectReader& top, ConfigProblems& problems) {
    CertificateSpec spec;
    const nlohmann::json* j = top.object("certificates");
    if (!j) return spec;
    ObjectReader r(*j, top.at("certificates"), problems);
    r.only_keys({"number_pattern", "article", "template", "note"});
    r.text("note", false);
    if (auto pattern = r.text("number_pattern")) {
        if (auto why = certificate_pattern_problem(*pattern); why.empty()) spec.number_pattern = *pattern;
        else problems.add(r.at("number_pattern"), "证书编号格式 \"" + *pattern + "\" 有误：" + why +
                                                      "；如 \"WD{year}{award_code}{seq:3}\"");
    }
    spec.article = read_article(r, "article", true, problems).value_or("");
    if (auto name = r.text("template")) {
        // A file of templates/certificates/, named as it is there: never a path out of it.
        if (name->find_first_of("/\\") == std::string::npos && *name != "." && *name != "..") spec.template_file = *name;
        else problems.add(r.at("template"), "\"" + *name + "\" 应为 templates/certificates/ 中的文件名（不含路径），如 \"魏都区区长质量奖证书.json\"");
    }
    return spec;
}

// GB/T 19580 评分表: categories and items, whose points must add up (items to their
// category, categories to the total): a sheet that does not add up would score wrongly.
ScoreSheetSpec read_score_sheet(ObjectReader& top, ConfigProblems& problems) {
    ScoreSheetSpec spec;
    const nlohmann::json* j = top.object("score_sheet");
    if (!j) return spec;
    ObjectReader r(*j, top.at("score_sheet"), problems);
    r.only_keys({"standard", "total", "percent_step", "categories", "note"});
    r.text("note", false);
    spec.standard = r.text("standard").value_or("");
    spec.total = int(r.integer("total", 1).value_or(0));
    spec.percent_step = int(r.integer("percent_step", 1).value_or(5));
    if (spec.percent_step > 100 || 100 % spec.percent_step != 0)
        problems.add(r.at("percent_step"), "应能整除 100（如 5：0%、5%、…、100%），实际为 " + std::to_string(spec.percent_step));
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, const std::string& at) {
        if (!id.empty() && !ids.insert(id).second) problems.add(at, "编号 \"" + id + "\" 重复");
    };
    int sum = 0;
    if (const nlohmann::json* cats = r.array("categories")) {
        if (cats->empty()) problems.add(r.at("categories"), "至少应有一个类目");
        for (std::size_t i = 0; i < cats->size(); ++i) {
            ObjectReader c((*cats)[i], r.at("categories") + "/" + std::to_string(i), problems);
            c.only_keys({"id", "name", "points", "kind", "items"});
            ScoreCategory cat;
            cat.id = c.text("id").value_or("");
            unique(cat.id, c.at("id"));
            cat.name = c.text("name").value_or("");
            cat.points = int(c.integer("points", 1).value_or(0));
            if (auto kind = c.text("kind")) {
                if (*kind == "results") cat.results = true;
                else if (*kind != "process")
                    problems.add(c.at("kind"), "应为 \"process\"（过程类）或 \"results\"（结果类），实际为 \"" + *kind + "\"");
            }
            int items_sum = 0;
            if (const nlohmann::json* items = c.array("items")) {
                if (items->empty()) problems.add(c.at("items"), "至少应有一个评分条款");
                for (std::size_t k = 0; k < items->size(); ++k) {
                    ObjectReader it((*items)[k], c.at("items") + "/" + std::to_string(k), problems);
                    it.only_keys({"id", "name", "points"});
                    ScoreItem item;
                    item.id = it.text("id").value_or("");
                    unique(item.id, it.at("id"));
                    if (!item.id.empty() && !cat.id.empty() && item.id.rfind(cat.id + ".", 0) != 0)
                        problems.add(it.at("id"), "条款编号 \"" + item.id + "\" 应以所属类目编号 \"" + cat.id + ".\" 开头");
                    item.name = it.text("name").value_or("");
                    item.points = int(it.integer("points", 1).value_or(0));
                    items_sum += item.points;
                    cat.items.push_back(std::move(item));
                }
            }
            if (cat.points && items_sum && items_sum != cat.points)
                problems.add(c.at("points"), "类目 " + cat.id + " " + cat.name + " 为 " + std::to_string(cat.points) +
                                                 " 分，但其条款合计 " + std::to_string(items_sum) + " 分");
            sum += cat.points;
            spec.categories.push_back(std::move(cat));
        }
    }
    if (spec.total && sum && sum != spec.total)
        problems.add(r.at("total"), "总分为 " + std::to_string(spec.total) + " 分，但各类目合计 " + std::to_string(sum) + " 分");
    return spec;
}

// ---- 评审阶段 (review) and how awards are conferred (conferral) ------------------------

std::string list_ids(const std::vector<std::string>& ids) { return ids.empty() ? "（无）" : join(ids); }

std::vector<std::string> stage_ids(const ReviewSpec& review) {
    std::vector<std::string> ids;
    for (const auto& s : review.stages)
        if (!s.id.empty()) ids.push_back(s.id);
    return ids;
}

long long power_of_ten(int n) {
    long long p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

// A score in points with at most `decimals` decimals, in units of 10^-decimals points.
std::optional<long long> read_units(ObjectReader& r, const std::string& key, int decimals, double max, bool required,
                                    ConfigProblems& problems) {
    const auto v = r.number(key, 0, max, required);
    if (!v) return std::nullopt;
    const double scaled = *v * double(power_of_ten(decimals));
    const double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6) {
        problems.add(r.at(key), "分数最多应有 " + std::to_string(decimals) +
                                    " 位小数（review.rounding.decimals：得分按此取位后才与它比较），实际为" +
                                    describe(*r.any(key, false)));
        return std::nullopt;
    }
    return static_cast<long long>(rounded);
}

AggregationSpec read_aggregation(ObjectReader& stage, ConfigProblems& problems) {
    AggregationSpec a;
    const nlohmann::json* j = stage.object("aggregation");
    if (!j) return a;
    ObjectReader r(*j, stage.at("aggregation"), problems);
    r.only_keys({"method", "trim_min_reviewers", "article", "note"});
    r.text("note", false);
    bool trimmed = false, known = true;  // an unknown method is reported once, not again through trim_min_reviewers
    if (auto m = r.text("method")) {
        if (*m == "mean") a.method = AggregationSpec::Method::Mean;
        else if (*m == "median") a.method = AggregationSpec::Method::Median;
        else if (*m == "trimmed_mean") a.method = AggregationSpec::Method::TrimmedMean, trimmed = true;
        else if (*m == "consensus") a.method = AggregationSpec::Method::Consensus;
        else {
            known = false;
            problems.add(r.at("method"), "未知的汇总方法 \"" + *m +
                                             "\"；可用：mean（算术平均）、median（中位数）、trimmed_mean（去掉一个最高分和一个最低分后平均）、"
                                             "consensus（组长提交的共识分）");
        }
    } else {
        known = false;
    }
    if (trimmed) {
        if (auto n = r.integer("trim_min_reviewers", 0)) {
            if (*n < 3)
                problems.add(r.at("trim_min_reviewers"), "应为不小于 3 的整数（去掉一个最高分和一个最低分后至少还要留下 1 名评委的分数），实际为 " +
                                                             std::to_string(*n));
            else a.trim_min_reviewers = int(*n);
        }
    } else if (known && r.any("trim_min_reviewers", false)) {
        problems.add(r.at("trim_min_reviewers"), "只用于 method 为 trimmed_mean（去掉一个最高分和一个最低分后平均）的阶段");
    }
    a.article = read_article(r, "article", true, problems).value_or("");
    return a;
}

StageSpec read_stage(const nlohmann::json& j, const std::string& ptr, bool first, const ScoreSheetSpec& sheet,
                     ConfigProblems& problems) {
    StageSpec s;
    ObjectReader r(j, ptr, problems);
    r.only_keys({"id", "name", "article", "sheet", "max_points", "min_reviewers", "max_reviewers", "min_reviewers_article", "aggregation",
                 "advancement", "note"});
    r.text("note", false);
    if (auto id = r.text("id")) {
        static const std::regex id_re("^[A-Za-z][A-Za-z0-9_-]*$");
        if (std::regex_match(*id, id_re)) s.id = *id;
        else problems.add(r.at("id"), "阶段编号 \"" + *id +
                                          "\" 应由英文字母开头，只含英文字母、数字、- 或 _（评分表、reviewers.json 和 decisions.json 以它指称阶段），如 \"material\"");
    }
    s.name = r.text("name").value_or("");
    s.article = read_article(r, "article", true, problems).value_or("");
    bool presentation = false;
    if (auto kind = r.text("sheet")) {
        if (*kind == "items") s.sheet = StageSpec::Sheet::Items;
        else if (*kind == "presentation") s.sheet = StageSpec::Sheet::Presentation, presentation = true;
        else problems.add(r.at("sheet"), "未知的评分表 \"" + *kind +
                                             "\"；应为 items（按 score_sheet 逐条款打分）或 presentation（演讲陈述，一个总分，满分 max_points）");
    }
    if (presentation) {
        if (auto max = r.integer("max_points", 1)) {
            s.max_points = int(*max);
            // The total converts the score to the sheet's scale: score × total / max_points, in tenths.
            if (sheet.total > 0 && (static_cast<long long>(sheet.total) * 10) % *max != 0)
                problems.add(r.at("max_points"), "满分 " + std::to_string(*max) + " 应能整除评分表总分的 10 倍（" +
                                                     std::to_string(sheet.total) + " × 10 = " + std::to_string(sheet.total * 10) +
                                                     "）：计算总分时演讲陈述得分（最多一位小数）按 " + std::to_string(sheet.total) + "/" +
                                                     std::to_string(*max) + " 折算，须仍是整数的百分之一分");
        }
    } else {
        if (r.any("max_points", false))
            problems.add(r.at("max_points"), "按条款打分（sheet 为 items）的阶段满分即 score_sheet.total，不应另填 max_points");
        s.max_points = sheet.total;
    }
    s.min_reviewers = int(r.integer("min_reviewers", 1).value_or(1));
    if (auto max = r.integer("max_reviewers", 1, false)) {
        if (*max < s.min_reviewers)
            problems.add(r.at("max_reviewers"), "不应少于 min_reviewers（" + std::to_string(s.min_reviewers) + "），实际为 " +
                                                    std::to_string(*max));
        else s.max_reviewers = int(*max);
    }
    s.min_reviewers_article = read_article(r, "min_reviewers_article", false, problems).value_or("");
    s.aggregation = read_aggregation(r, problems);
    if (const nlohmann::json* adv = r.object("advancement", false)) {
        if (first) {
            problems.add(r.at("advancement"), "第一个评审阶段之前没有可据以确定进入名单的阶段，不应有 advancement（进入下一阶段的规则写在后一阶段上）");
        } else {
            ObjectReader a(*adv, r.at("advancement"), problems);
            a.only_keys({"ratio", "by", "article", "note"});
            a.text("note", false);
            s.advancement_by = read_phrase(a, "by", false, problems).value_or("");
            if (auto ratio = a.number("ratio", 1, 100, false)) {
                const double tenths = *ratio * 10;
                if (std::fabs(tenths - std::round(tenths)) > 1e-6)
                    problems.add(a.at("ratio"), "比例最多一位小数（如 1.5 即拟获奖组织与进入本阶段组织之比不超过 1:1.5），实际为" +
                                                    describe((*adv)["ratio"]));
                else s.advancement_ratio_tenths = int(std::round(tenths));
            }
            s.advancement_article = read_article(a, "article", true, problems).value_or("");
        }
    }
    return s;
}

ReviewSpec read_review(ObjectReader& top, const ScoreSheetSpec& sheet, ConfigProblems& problems) {
    ReviewSpec spec;
    const nlohmann::json* j = top.object("review");
    if (!j) return spec;
    ObjectReader r(*j, top.at("review"), problems);
    r.only_keys({"stages", "rounding", "total", "recusal_article", "ranking_article", "publicity", "refill_after_objection",
                 "refill_article", "feedback_article", "committee", "experts", "deliberation", "proposed_list", "note"});
    r.text("note", false);

    if (const nlohmann::json* stages = r.array("stages")) {
        if (stages->empty()) problems.add(r.at("stages"), "至少应有一个评审阶段");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < stages->size(); ++i) {
            const std::string ptr = r.at("stages") + "/" + std::to_string(i);
            StageSpec s = read_stage((*stages)[i], ptr, i == 0, sheet, problems);
            if (!s.id.empty() && !ids.insert(s.id).second) problems.add(ptr + "/id", "阶段编号 \"" + s.id + "\" 重复");
            spec.stages.push_back(std::move(s));
        }
    }

    if (const nlohmann::json* rounding = r.object("rounding")) {
        ObjectReader rr(*rounding, r.at("rounding"), problems);
        rr.only_keys({"decimals", "article", "note"});
        rr.text("note", false);
        if (auto d = rr.integer("decimals", 0)) {
            if (*d > 2) problems.add(rr.at("decimals"), "应为 0、1 或 2（评委打分精确到百分之一分），实际为 " + std::to_string(*d));
            else spec.rounding_decimals = int(*d);
        }
        spec.rounding_article = read_article(rr, "article", false, problems).value_or("");
    }

    if (const nlohmann::json* total = r.object("total")) {
        ObjectReader t(*total, r.at("total"), problems);
        t.only_keys({"weights", "article", "note"});
        t.text("note", false);
        if (const nlohmann::json* weights = t.object("weights")) {
            const std::vector<std::string> known = stage_ids(spec);
            std::map<std::string, int> by_stage;
            long long sum = 0;
            bool all_read = true;
            for (auto it = weights->begin(); it != weights->end(); ++it) {
                const std::string at = t.at("weights") + "/" + packs_detail::pointer_token(it.key());
                if (!spec.find_stage(it.key())) {
                    problems.add(at, "阶段 \"" + it.key() + "\" 不是 review.stages 中的阶段编号（已有：" + list_ids(known) + "）");
                    all_read = false;
                    continue;
                }
                if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 100) {
                    problems.add(at, "权重应为 1 到 100 之间的整数（百分比），实际为" + describe(*it));
                    all_read = false;
                    continue;
                }
                by_stage[it.key()] = int(it->get<long long>());
                sum += it->get<long long>();
            }
            if (weights->empty()) problems.add(t.at("weights"), "至少应有一个阶段的权重");
            else if (all_read && sum != 100)
                problems.add(t.at("weights"), "各阶段权重合计应为 100（百分比），实际为 " + std::to_string(sum));
            for (const auto& s : spec.stages)  // in procedure order
                if (by_stage.count(s.id)) spec.weights.emplace_back(s.id, by_stage[s.id]);
        }
        spec.total_article = read_article(t, "article", true, problems).value_or("");
    }

    spec.recusal_article = read_article(r, "recusal_article", false, problems).value_or("");
    spec.ranking_article = read_article(r, "ranking_article", true, problems).value_or("");
    spec.publicity = read_publicity(r, "publicity", problems);
    spec.refill_after_objection = r.boolean("refill_after_objection").value_or(true);
    // 不进行递补 rests on an article (通州区第二十条); a regulation silent on it leaves the pack free.
    const bool refill_required = j->is_object() && j->contains("refill_after_objection") &&
                                 (*j)["refill_after_objection"].is_boolean() && !spec.refill_after_objection;
    spec.refill_article = read_article(r, "refill_article", refill_required, problems).value_or("");
    spec.feedback_article = read_article(r, "feedback_article", false, problems).value_or("");
    // The regulation's names: a pack that left one out would print 魏都区's name in another district's notice.
    if (auto v = read_phrase(r, "committee", true, problems)) spec.committee = *v;
    if (auto v = read_phrase(r, "experts", true, problems)) spec.experts = *v;
    if (auto v = read_phrase(r, "deliberation", true, problems)) spec.deliberation = *v;
    if (auto v = read_phrase(r, "proposed_list", true, problems)) {
        // It also names the notice's file ({proposed_list}公示.pdf).
        if (v->find('/') != std::string::npos || v->find('\\') != std::string::npos)
            problems.add(r.at("proposed_list"), "名单名称也是文件名的一部分，不能含 / 或 \\");
        else spec.proposed_list = *v;
    }
    return spec;
}

AwardConferral read_conferral(ObjectReader& award, const Policy& p, bool review_present, ConfigProblems& problems) {
    AwardConferral c;
    const nlohmann::json* j = award.object("conferral", review_present);
    if (!j) return c;
    if (!review_present) {
        problems.add(award.at("conferral"), "政策包没有 review（评审阶段），conferral 无从适用；请先补充 review，或删去 conferral");
        return c;
    }
    ObjectReader r(*j, award.at("conferral"), problems);
    r.only_keys({"by", "candidates_from", "min_total", "min_total_article", "reached_stage", "exclusive", "repeat_article",
                 "excluded_holders", "note"});
    r.text("note", false);
    enum { Unknown, Rank, Threshold } by = Unknown;
    if (auto b = r.text("by")) {
        if (*b == "rank") by = Rank, c.by = AwardConferral::By::Rank;
        else if (*b == "threshold") by = Threshold, c.by = AwardConferral::By::Threshold;
        else problems.add(r.at("by"), "\"" + *b + "\" 应为 rank（候选组织按综合得分排名，在名额内授予）或 threshold（达到 min_total 且进入 reached_stage 的组织均授予）");
    }
    auto only_for = [&](const char* key, const char* which) {
        if (r.any(key, false)) problems.add(r.at(key), std::string("只用于 by 为 ") + which + " 的奖项");
    };
    if (by == Rank) {
        c.candidates_from = read_names(r, "candidates_from", true, problems);
        if (const nlohmann::json* list = r.array("candidates_from", false); list && list->empty())
            problems.add(r.at("candidates_from"), "至少应列出一个奖项（其申报组织为候选组织）");
        only_for("reached_stage", "threshold");
        only_for("exclusive", "threshold");
    } else if (by == Threshold) {
        only_for("candidates_from", "rank");
        if (auto stage = r.text("reached_stage")) {
            if (p.review.find_stage(*stage)) c.reached_stage = *stage;
            else problems.add(r.at("reached_stage"), "阶段 \"" + *stage + "\" 不是 review.stages 中的阶段编号（已有：" +
                                                          list_ids(stage_ids(p.review)) + "）");
        }
        c.exclusive = r.boolean("exclusive", false).value_or(true);
    }
    const double max = p.score_sheet.total > 0 ? double(p.score_sheet.total) : 1e9;
    const auto units = read_units(r, "min_total", p.review.rounding_decimals, max, by == Threshold, problems);
    c.min_total_units = units.value_or(0);
    c.min_total_article = read_article(r, "min_total_article", r.any("min_total", false) != nullptr, problems).value_or("");
    c.repeat_article = read_article(r, "repeat_article", false, problems).value_or("");
    if (const nlohmann::json* ex = r.object("excluded_holders", false)) {
        ObjectReader e(*ex, r.at("excluded_holders"), problems);
        e.only_keys({"awards", "article", "note"});
        e.text("note", false);
        c.excluded_holders = read_names(e, "awards", true, problems);
        c.excluded_holders_article = read_article(e, "article", true, problems).value_or("");
    }
    return c;
}

// Conferral against the other awards: candidates_from names awards that take applications;
// a ranked award needs places, a threshold award has none.
void cross_check_conferral(const Policy& p, ConfigProblems& problems) {
    std::vector<std::string> names;
    for (const auto& a : p.awards)
        if (!a.name.empty()) names.push_back(a.name);
    for (std::size_t i = 0; i < p.awards.size(); ++i) {
        const AwardSpec& a = p.awards[i];
        const std::string ptr = "/awards/" + std::to_string(i);
        for (std::size_t k = 0; k < a.conferral.candidates_from.size(); ++k) {
            const std::string& name = a.conferral.candidates_from[k];
            const std::string at = ptr + "/conferral/candidates_from/" + std::to_string(k);
            const AwardSpec* named = p.find_award_by_name(name);
            if (!named) problems.add(at, "奖项 \"" + name + "\" 不是本政策包的奖项（已有：" + list_ids(names) + "）");
            else if (!named->open_to_application)
                problems.add(at, "奖项 \"" + name + "\" 不接受申报（open_to_application 为 false），没有以它申报的组织可作候选");
        }
        for (std::size_t k = 0; k < a.conferral.excluded_holders.size(); ++k) {
            const std::string& name = a.conferral.excluded_holders[k];
            if (!p.find_award_by_name(name))
                problems.add(ptr + "/conferral/excluded_holders/awards/" + std::to_string(k),
                             "奖项 \"" + name + "\" 不是本政策包的奖项（已有：" + list_ids(names) + "）");
        }
        for (std::size_t k = 0; k < a.holder_prizes.size(); ++k) {
            const HolderPrize& hp = a.holder_prizes[k];
            const std::string at = ptr + "/holder_prizes/" + std::to_string(k);
            if (!hp.holds.empty() && !p.find_award_by_name(hp.holds))
                problems.add(at + "/holds", "奖项 \"" + hp.holds + "\" 不是本政策包的奖项（已有：" + list_ids(names) + "）");
            else if (hp.holds == a.name)
                problems.add(at + "/holds", "再次获得同一奖项按 conferral.repeat_article 处理（不授予奖金），不在 holder_prizes 中列出");
            if (hp.prize_yuan > a.prize_yuan)
                problems.add(at + "/prize_yuan", "持有其他奖项者的奖金 " + std::to_string(hp.prize_yuan) +
                                                     " 元不应高于本奖项奖金 " + std::to_string(a.prize_yuan) + " 元");
        }
        if (a.conferral.by == AwardConferral::By::Rank && !a.conferral.candidates_from.empty() && a.quota == 0)
            problems.add(ptr + "/quota", "按排名授予（conferral.by 为 rank）的奖项应有名额（quota 不小于 1）");
        if (a.conferral.by == AwardConferral::By::Threshold && a.quota != 0)
            problems.add(ptr + "/quota", "达到分数线即授予（conferral.by 为 threshold）的奖项不设名额，quota 应为 0");
    }
}

// Checks that look at other parts of the pack: award names, incident kinds, severities, designations.
void cross_check(const Policy& p, const std::vector<std::string>& designations, ConfigProblems& problems) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < p.checks.size(); ++i) {
        const CheckSpec& c = p.checks[i];
        std::string ptr = "/checks/" + std::to_string(i);
        if (!c.id.empty() && !ids.insert(c.id).second) problems.add(ptr + "/id", "检查编号 \"" + c.id + "\" 重复");
        if (!c.params.is_object()) continue;
        if (c.kind == "requires_prior_award" && c.params.contains("awards") && c.params["awards"].is_array()) {
            const auto& awards = c.params["awards"];
            for (std::size_t k = 0; k < awards.size(); ++k) {
                if (awards[k].is_string() && !p.find_award_by_name(awards[k].get<std::string>())) {
                    problems.add(ptr + "/params/awards/" + std::to_string(k),
                                 "奖项 \"" + awards[k].get<std::string>() + "\" 不是本政策包的奖项");
                }
            }
        }
        if (c.kind == "min_years_operating" && !designations.empty() && c.params.contains("reduced_for") &&
            c.params["reduced_for"].is_array()) {
            for (std::size_t k = 0; k < c.params["reduced_for"].size(); ++k) {
                const auto& d = c.params["reduced_for"][k];
                if (d.is_string() && std::find(designations.begin(), designations.end(), d.get<std::string>()) == designations.end()) {
                    problems.add(ptr + "/params/reduced_for/" + std::to_string(k),
                                 "称号 \"" + d.get<std::string>() + "\" 不在 designations 中（" + join(designations) + "）");
                }
            }
        }
        if (c.kind == "no_incident_within") {
            if (!p.incident_kinds.empty() && c.params.contains("counted") && c.params["counted"].is_array()) {
                const auto& counted = c.params["counted"];
                for (std::size_t k = 0; k < counted.size(); ++k) {
                    if (!counted[k].is_object() || !counted[k].contains("kind") || !counted[k]["kind"].is_string()) continue;
                    std::string kind = counted[k]["kind"].get<std::string>();
                    if (std::find(p.incident_kinds.begin(), p.incident_kinds.end(), kind) == p.incident_kinds.end()) {
                        problems.add(ptr + "/params/counted/" + std::to_string(k) + "/kind",
                                     "事项类型 \"" + kind + "\" 不在 incident_kinds 中（" + join(p.incident_kinds) + "）");
                    }
                }
            }
            if (!p.severities.empty() && c.params.contains("severity_levels") && c.params["severity_levels"].is_array()) {
                std::set<std::string> in_levels;
                for (const auto& level : c.params["severity_levels"]) {
                    if (level.is_string()) in_levels.insert(level.get<std::string>());
                    if (level.is_array()) {
                        for (const auto& n : level) if (n.is_string()) in_levels.insert(n.get<std::string>());
                    }
                }
                std::set<std::string> listed(p.severities.begin(), p.severities.end());
                if (in_levels != listed) {
                    problems.add(ptr + "/params/severity_levels",
                                 "等级名称应与 severities（" + join(p.severities) + "）完全一致");
                }
            }
        }
    }
    std::set<std::string> award_ids, award_names, certificate_codes, used;
    for (std::size_t i = 0; i < p.awards.size(); ++i) {
        const AwardSpec& a = p.awards[i];
        std::string ptr = "/awards/" + std::to_string(i);
        if (!a.id.empty() && !award_ids.insert(a.id).second) problems.add(ptr + "/id", "奖项编号 \"" + a.id + "\" 重复");
        if (!a.name.empty() && !award_names.insert(a.name).second) problems.add(ptr + "/name", "奖项名称 \"" + a.name + "\" 重复");
        if (!a.certificate_code.empty() && !certificate_codes.insert(a.certificate_code).second)
            problems.add(ptr + "/certificate_code", "奖项代码 \"" + a.certificate_code +
                                                       "\" 重复：各奖项的证书分别编号，代码相同则证书编号会重复");
        for (std::size_t k = 0; k < a.checks.size(); ++k) {
            used.insert(a.checks[k]);
            if (!p.find_check(a.checks[k])) {
                std::vector<std::string> known;
                for (const auto& c : p.checks) known.push_back(c.id);
                problems.add(ptr + "/checks/" + std::to_string(k),
                             "奖项 " + a.name + " 引用了不存在的检查 \"" + a.checks[k] + "\"；已定义：" + join(known));
            }
        }
    }
    // A check no award lists is never run: most likely a typo in an award's list, or a forgotten award.
    for (std::size_t i = 0; i < p.checks.size(); ++i) {
        const CheckSpec& c = p.checks[i];
        if (!c.id.empty() && !used.count(c.id))
            problems.add("/checks/" + std::to_string(i) + "/id",
                         "检查 \"" + c.id + "\" 没有被任何奖项的 checks 引用，不会执行；请在相应奖项的 checks 中列出，或删去该检查");
    }
}

// {"years": N, "article": "第四条"}: both required when the key is there.
std::optional<YearsRule> read_years_rule(ObjectReader& top, const std::string& key, ConfigProblems& problems) {
    const nlohmann::json* j = top.object(key, false);
    if (!j) return std::nullopt;
    ObjectReader r(*j, top.at(key), problems);
    r.only_keys({"years", "article", "note"});
    r.text("note", false);
    YearsRule rule;
    rule.years = int(r.integer("years", 1).value_or(1));
    rule.article = read_article(r, "article", true, problems).value_or("");
    return rule;
}

// ---- 撤销 (award revoke): the revocation section ------------------------------------

// "revocation": {"proposed_by", "decided_by", "recovers": [{"item", "role", "verb"}],
// "grounds": [{"reason", "article", "text", "consequence"}]}. Optional (a pack without it
// cannot be used by award revoke); the checks must be read first (the reasons a ground
// may give are those the ingest accepts for the pack, packs/revocation.hpp).
std::optional<RevocationSpec> read_revocation(ObjectReader& top, const nlohmann::json& root, const Policy& p,
                                              ConfigProblems& problems) {
    if (!root.is_object() || !root.contains("revocation")) return std::nullopt;
    const nlohmann::json* j = top.object("revocation");
    if (!j) return std::nullopt;
    ObjectReader r(*j, top.at("revocation"), problems);
    r.only_keys({"proposed_by", "decided_by", "recovers", "grounds", "note"});
    r.text("note", false);
    RevocationSpec spec;
    spec.proposed_by = read_phrase(r, "proposed_by", false, problems).value_or("");
    spec.decided_by = read_phrase(r, "decided_by", false, problems).value_or("");
    // Words quoted inside “…” in the notice: no final punctuation, no quotation marks of their own.
    auto quotable = [&](ObjectReader& g, const char* key) -> std::string {
        auto v = g.text(key);
        if (!v) return "";
        for (const char* end : {"。", "，", "；", "：", "、", "”", "\""})
            if (v->size() >= std::string(end).size() && v->compare(v->size() - std::string(end).size(), std::string::npos, end) == 0) {
                problems.add(g.at(key), "\"" + *v + "\" 在通报中加引号引用，不应以“" + end + "”结尾");
                return "";
            }
        return *v;
    };
    if (const nlohmann::json* list = r.array("recovers")) {
        if (list->empty()) problems.add(r.at("recovers"), "至少应列出一项收回的物品（如 证书、奖杯、奖金），按管理办法的写法");
        bool certificate = false, prize = false;
        std::set<std::string> items;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader e((*list)[i], r.at("recovers") + "/" + std::to_string(i), problems);
            e.only_keys({"item", "role", "verb", "note"});
            e.text("note", false);
            RevocationRecovery rec;
            rec.item = read_phrase(e, "item", true, problems).value_or("");
            if (!rec.item.empty() && !items.insert(rec.item).second) problems.add(e.at("item"), "\"" + rec.item + "\" 重复出现");
            const auto role = e.text("role", false);
            if (role) {
                if (*role == "certificate") rec.role = RevocationRecovery::Role::Certificate;
                else if (*role == "prize") rec.role = RevocationRecovery::Role::Prize;
                else if (*role != "other")
                    problems.add(e.at("role"), "\"" + *role + "\" 应为 certificate（证书：通报写出证书编号）、prize（奖金：写出金额，未发奖金时不写）或 other");
            }
            bool& seen = rec.role == RevocationRecovery::Role::Certificate ? certificate : prize;
            if (rec.role != RevocationRecovery::Role::Other) {
                if (seen) problems.add(e.at("role"), "role \"" + *role + "\" 只能有一项");
                seen = true;
            }
            if (auto verb = read_phrase(e, "verb", false, problems)) rec.verb = *verb;
            spec.recovers.push_back(std::move(rec));
        }
    }
    if (const nlohmann::json* list = r.array("grounds")) {
        if (list->empty()) problems.add(r.at("grounds"), "至少应有一项撤销情形（管理办法规定撤销的情形，每项一个撤销原因）");
        const std::vector<std::string> reasons = pack_revocation_reasons(p);
        std::set<std::pair<std::string, std::string>> keys;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader g((*list)[i], r.at("grounds") + "/" + std::to_string(i), problems);
            g.only_keys({"reason", "article", "text", "consequence", "note"});
            g.text("note", false);
            RevocationGround ground;
            if (auto reason = g.text("reason")) {
                if (std::find(reasons.begin(), reasons.end(), *reason) != reasons.end()) ground.reason = *reason;
                else
                    problems.add(g.at("reason"), "撤销原因 \"" + *reason + "\" 不是本政策包可录入的撤销原因（" + join(reasons) +
                                                     "；另加原因须写入 ban_after_revocation 检查的 reasons）");
            }
            ground.article = read_article(g, "article", true, problems).value_or("");
            ground.text = quotable(g, "text");
            ground.consequence = quotable(g, "consequence");
            if (!ground.reason.empty() && !ground.article.empty() && !keys.insert({ground.reason, ground.article}).second)
                problems.add(g.at("article"), "撤销原因 \"" + ground.reason + "\" 与条款 " + ground.article + " 的撤销情形重复");
            spec.grounds.push_back(std::move(ground));
        }
    }
    return spec;
}

// ---- 获奖组织年度报送表 (award reports): an obligation's report_form ---------------------
// {"title", "due": "MM-DD", "years_shown": 3, "indicators": [{id, name, unit, kind, …}]}.
std::optional<ReportForm> read_report_form(ObjectReader& obligation, ConfigProblems& problems) {
    const nlohmann::json* j = obligation.object("report_form", false);
    if (!j) return std::nullopt;
    ObjectReader r(*j, obligation.at("report_form"), problems);
    r.only_keys({"title", "due", "years_shown", "indicators", "note"});
    r.text("note", false);
    ReportForm form;
    form.title = r.text("title").value_or("");
    if (form.title.find_first_of("/\\") != std::string::npos || form.title.find("《") != std::string::npos)
        problems.add(r.at("title"), "\"" + form.title + "\" 应为不带书名号、不含 / 和 \\ 的表格名称（也用作文件夹名中的文字）");
    if (auto due = r.text("due")) {
        // MM-DD of a real day (29 February allowed: 2000 was a leap year).
        static const std::regex due_re("^[0-1][0-9]-[0-3][0-9]$");
        if (std::regex_match(*due, due_re) && Date::parse("2000-" + *due)) form.due = *due;
        else problems.add(r.at("due"), "每年的报送截止月日应写作 MM-DD（如 \"03-31\"），实际为 \"" + *due + "\"");
    }
    if (auto n = r.integer("years_shown", 1, false)) {
        if (*n > 10) problems.add(r.at("years_shown"), "表中列出的年数应为 1 到 10，实际为 " + std::to_string(*n));
        else form.years_shown = int(*n);
    }
    static const std::map<std::string, ReportIndicator::Kind> kinds = {
        {"money_wan", ReportIndicator::Kind::MoneyWan},
        {"percent", ReportIndicator::Kind::Percent},
        {"number", ReportIndicator::Kind::Number},
        {"integer", ReportIndicator::Kind::Integer}};
    if (const nlohmann::json* list = r.array("indicators")) {
        if (list->empty()) problems.add(r.at("indicators"), "至少应有一项指标");
        std::set<std::string> ids, names;
        static const std::regex id_re("^[a-z][a-z0-9_]*$");
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader in((*list)[i], r.at("indicators") + "/" + std::to_string(i), problems);
            in.only_keys({"id", "name", "unit", "kind", "negative_allowed", "note"});
            ReportIndicator ind;
            if (auto id = in.text("id")) {
                if (!std::regex_match(*id, id_re))
                    problems.add(in.at("id"), "\"" + *id + "\" 应由小写英文字母、数字和 _ 组成、以字母开头（登记库按它保存数据，定下后不要再改）");
                else if (!ids.insert(*id).second)
                    problems.add(in.at("id"), "指标编号 \"" + *id + "\" 重复");
                else
                    ind.id = *id;
            }
            if (auto name = read_phrase(in, "name", true, problems)) {
                if (!names.insert(*name).second) problems.add(in.at("name"), "指标名称 \"" + *name + "\" 重复");
                ind.name = *name;
            }
            ind.unit = in.text("unit").value_or("");
            if (auto kind = in.text("kind")) {
                auto it = kinds.find(*kind);
                if (it == kinds.end())
                    problems.add(in.at("kind"), "未知的指标类型 \"" + *kind +
                                                    "\"；应为 money_wan（万元，最多两位小数）、percent（百分比 0–100，最多两位小数）、"
                                                    "number（不为负的数，最多两位小数）或 integer（不为负的整数）");
                else
                    ind.kind = it->second;
            }
            ind.negative_allowed = in.boolean("negative_allowed", false).value_or(false);
            if (ind.negative_allowed && ind.kind != ReportIndicator::Kind::MoneyWan)
                problems.add(in.at("negative_allowed"), "只有金额指标（kind 为 money_wan，如利润总额）可以为负数");
            ind.note = in.text("note", false).value_or("");
            form.indicators.push_back(std::move(ind));
        }
    }
    return form;
}

}  // namespace

Policy load_policy_pack(const std::filesystem::path& file) {
    nlohmann::json root = packs_detail::read_json_file(file);
    ConfigProblems problems(file);
    ObjectReader top(root, "", problems);
    top.only_keys({"id", "jurisdiction", "regulation", "award_title", "incident_kinds", "severities", "designations",
                   "validity", "acceptance_publicity", "rejection_article", "rejection_reasons_required", "acceptance_review", "acceptance_consultation", "review_article", "certificates", "score_sheet", "review",
                   "awards", "checks", "cycle", "award_validity", "obligations", "note",
                   "revocation"});
    top.text("note", false);

    Policy p;
    p.source = file;
    if (auto id = top.text("id")) {
        static const std::regex id_re("^[a-z0-9][a-z0-9_-]*$");
        if (std::regex_match(*id, id_re)) p.id = *id;
        else problems.add("/id", "\"" + *id + "\" 应由小写英文字母、数字、- 或 _ 组成（案卷 case.json 的 policy 字段引用它）");
    }
    p.jurisdiction = top.text("jurisdiction").value_or("");
    p.regulation = top.text("regulation").value_or("");
    if (p.regulation.find("《") != std::string::npos) problems.add("/regulation", "请不带书名号填写，句子模板中写《{regulation}》");
    p.award_title = top.text("award_title").value_or("");
    p.incident_kinds = read_names(top, "incident_kinds", false, problems);
    p.severities = read_names(top, "severities", false, problems);
    p.designations = read_names(top, "designations", false, problems);
    p.validity = read_validity(top, root, problems);
    p.acceptance_publicity = read_optional_publicity(top, "acceptance_publicity", root, problems);
    p.rejection_article = read_article(top, "rejection_article", true, problems).value_or("");
    p.rejection_reasons_required = top.boolean("rejection_reasons_required", false).value_or(false);
    if (auto v = read_phrase(top, "acceptance_review", true, problems)) p.acceptance_review = *v;
    p.acceptance_consultation = read_phrase(top, "acceptance_consultation", false, problems).value_or("");
    p.review_article = read_article(top, "review_article", true, problems).value_or("");
    p.certificates = read_certificates(top, problems);
    if (auto c = read_years_rule(top, "cycle", problems)) p.cycle = *c;
    if (auto v = read_years_rule(top, "award_validity", problems)) p.award_validity = *v;
    if (const nlohmann::json* list = top.array("obligations", false)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader o((*list)[i], "/obligations/" + std::to_string(i), problems);
            o.only_keys({"id", "article", "text", "years", "report_form", "note"});
            o.text("note", false);
            Obligation ob;
            ob.report_form = read_report_form(o, problems);
            ob.id = o.text("id").value_or("");
            if (!ob.id.empty() && !ids.insert(ob.id).second) problems.add(o.at("id"), "义务编号 \"" + ob.id + "\" 重复");
            ob.article = read_article(o, "article", true, problems).value_or("");
            ob.text = o.text("text").value_or("");
            ob.years = int(o.integer("years", 0, false).value_or(0));
            p.obligations.push_back(ob);
        }
    }
    p.score_sheet = read_score_sheet(top, problems);
    // 评审阶段: optional (a pack may cover acceptance only), complete when present.
    const bool review_present = root.is_object() && root.contains("review");
    if (review_present) p.review = read_review(top, p.score_sheet, problems);

    if (const nlohmann::json* checks = top.array("checks")) {
        for (std::size_t i = 0; i < checks->size(); ++i) {
            p.checks.push_back(read_check((*checks)[i], "/checks/" + std::to_string(i), problems));
        }
    }
    if (const nlohmann::json* awards = top.array("awards")) {
        if (awards->empty()) problems.add("/awards", "至少应有一个奖项");
        for (std::size_t i = 0; i < awards->size(); ++i) {
            p.awards.push_back(read_award((*awards)[i], "/awards/" + std::to_string(i), p, review_present, problems));
        }
    }
    p.revocation = read_revocation(top, root, p, problems);  // 撤销 (award revoke): after the checks
    cross_check(p, p.designations, problems);
    if (review_present) cross_check_conferral(p, problems);
    problems.throw_if_any();
    return p;
}

PolicyCatalog load_policy_catalog(const std::filesystem::path& policies_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(policies_dir, ec)) {
        throw ConfigError(policies_dir.string() + ": 政策包目录不存在");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(policies_dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // stable order, so the same duplicate is reported each time
    PolicyCatalog catalog;
    for (const auto& f : files) {
        Policy p = load_policy_pack(f);
        auto [it, inserted] = catalog.emplace(p.id, p);
        if (!inserted) {
            throw ConfigError(f.string() + ": /id: 政策包编号 \"" + p.id + "\" 与 " + it->second.source.string() + " 重复");
        }
    }
    if (catalog.empty()) throw ConfigError(policies_dir.string() + ": 目录中没有政策包（*.json）");
    return catalog;
}

}  // namespace award
