#include "packs/policy_pack.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "model/errors.hpp"
#include "packs/config_json.hpp"
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

AwardSpec read_award(const nlohmann::json& j, const std::string& ptr, ConfigProblems& problems) {
    AwardSpec a;
    ObjectReader r(j, ptr, problems);
    r.only_keys({"id", "name", "quota", "prize_yuan", "open_to_application", "article", "prize_article",
                 "certificate_code", "checks", "note"});
    r.text("note", false);
    a.id = r.text("id").value_or("");
    a.name = r.text("name").value_or("");
    a.quota = int(r.integer("quota", 0).value_or(0));
    a.prize_yuan = r.integer("prize_yuan", 0).value_or(0);
    a.open_to_application = r.boolean("open_to_application").value_or(true);
    a.article = read_article(r, "article", true, problems).value_or("");
    a.prize_article = read_article(r, "prize_article", false, problems).value_or("");
    if (auto code = r.text("certificate_code")) {
        static const std::regex code_re("^[A-Za-z0-9]+$");
        if (std::regex_match(*code, code_re)) a.certificate_code = *code;
        else problems.add(r.at("certificate_code"), "证书编号中的奖项代码 \"" + *code +
                                                        "\" 应只由英文字母和数字组成，如 \"Z\"（number_pattern 中的 {award_code}）");
    }
    a.checks = read_names(r, "checks", true, problems);
    return a;
}

PublicitySpec read_publicity(ObjectReader& top, const std::string& key, ConfigProblems& problems) {
    PublicitySpec p;
    const nlohmann::json* j = top.object(key);
    if (!j) return p;
    ObjectReader r(*j, top.at(key), problems);
    r.only_keys({"length", "unit", "article"});
    p.length = int(r.integer("length", 1).value_or(0));
    if (auto unit = r.text("unit")) {
        if (*unit == "working_days") p.unit = PeriodUnit::WorkingDays;
        else if (*unit == "calendar_days") p.unit = PeriodUnit::CalendarDays;
        else problems.add(r.at("unit"), "\"" + *unit + "\" 应为 working_days（工作日）或 calendar_days（自然日）");
    }
    p.article = read_article(r, "article", true, problems).value_or("");
    return p;
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
    std::set<std::string> award_ids, award_names, certificate_codes;
    for (std::size_t i = 0; i < p.awards.size(); ++i) {
        const AwardSpec& a = p.awards[i];
        std::string ptr = "/awards/" + std::to_string(i);
        if (!a.id.empty() && !award_ids.insert(a.id).second) problems.add(ptr + "/id", "奖项编号 \"" + a.id + "\" 重复");
        if (!a.name.empty() && !award_names.insert(a.name).second) problems.add(ptr + "/name", "奖项名称 \"" + a.name + "\" 重复");
        if (!a.certificate_code.empty() && !certificate_codes.insert(a.certificate_code).second)
            problems.add(ptr + "/certificate_code", "奖项代码 \"" + a.certificate_code +
                                                       "\" 重复：各奖项的证书分别编号，代码相同则证书编号会重复");
        for (std::size_t k = 0; k < a.checks.size(); ++k) {
            if (!p.find_check(a.checks[k])) {
                std::vector<std::string> known;
                for (const auto& c : p.checks) known.push_back(c.id);
                problems.add(ptr + "/checks/" + std::to_string(k),
                             "奖项 " + a.name + " 引用了不存在的检查 \"" + a.checks[k] + "\"；已定义：" + join(known));
            }
        }
    }
}

}  // namespace

Policy load_policy_pack(const std::filesystem::path& file) {
    nlohmann::json root = packs_detail::read_json_file(file);
    ConfigProblems problems(file);
    ObjectReader top(root, "", problems);
    top.only_keys({"id", "jurisdiction", "regulation", "award_title", "incident_kinds", "severities", "designations",
                   "acceptance_publicity", "rejection_article", "review_article", "certificates", "score_sheet", "awards", "checks",
                   "note"});
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
    p.acceptance_publicity = read_publicity(top, "acceptance_publicity", problems);
    p.rejection_article = read_article(top, "rejection_article", true, problems).value_or("");
    p.review_article = read_article(top, "review_article", true, problems).value_or("");
    p.certificates = read_certificates(top, problems);
    p.score_sheet = read_score_sheet(top, problems);

    if (const nlohmann::json* checks = top.array("checks")) {
        for (std::size_t i = 0; i < checks->size(); ++i) {
            p.checks.push_back(read_check((*checks)[i], "/checks/" + std::to_string(i), problems));
        }
    }
    if (const nlohmann::json* awards = top.array("awards")) {
        if (awards->empty()) problems.add("/awards", "至少应有一个奖项");
        for (std::size_t i = 0; i < awards->size(); ++i) {
            p.awards.push_back(read_award((*awards)[i], "/awards/" + std::to_string(i), problems));
        }
    }
    cross_check(p, p.designations, problems);
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
