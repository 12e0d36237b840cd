// 事故、投诉、失信 within a window before the reference date (魏都区第十一条).
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "rules/check_support.hpp"
#include "rules/sentence.hpp"

namespace award::detail {

namespace {

// How a counted record reads in the letter after "于{日期}": the default suits kinds
// with a severity (发生较大质量事故); a kind without one gives its own (被列入经营异常名录).
const std::string kDefaultPhrase = "发生{severity}{kind}";

struct Counted {
    std::string kind;
    std::string min_severity;
    std::string phrase = kDefaultPhrase;
};

// A counted entry's "phrase": non-empty, only {severity} and {kind}, no date of its own.
std::optional<std::string> read_phrase(ParamReader& r, const std::string& ptr, const nlohmann::json& v) {
    const std::string expected = "通知书在短语前写“于某年某月某日”，如 \"被列入经营异常名录\"、\"发生{severity}{kind}\"";
    if (!v.is_string() || v.get<std::string>().empty()) {
        r.issue(ptr, "应为非空字符串（" + expected + "），实际为" + describe_json(v));
        return std::nullopt;
    }
    const std::string phrase = v.get<std::string>();
    std::vector<std::string> names;
    try {
        names = template_placeholders(phrase);
    } catch (const std::invalid_argument& e) {
        r.issue(ptr, "短语 \"" + phrase + "\" 有误：" + e.what());
        return std::nullopt;
    }
    bool ok = true;
    for (const auto& n : names) {
        if (n != "severity" && n != "kind") {
            r.issue(ptr, "短语 \"" + phrase + "\" 使用了未知占位符 {" + n + "}；可用：{severity}（等级）、{kind}（类型）；" + expected);
            ok = false;
        }
    }
    if (phrase.rfind("于", 0) == 0) {
        r.issue(ptr, "短语 \"" + phrase + "\" 不应以“于”开头：" + expected);
        ok = false;
    }
    return ok ? std::optional<std::string>(phrase) : std::nullopt;
}

// Where 近N年 begins. exclusive_start: an incident exactly N years before r is
// outside (the window starts the day after); inclusive_start: it is inside.
enum class WindowStart { Exclusive, Inclusive };

struct IncidentParams {
    int years = 0;
    WindowStart window = WindowStart::Exclusive;
    std::vector<Counted> counted;
    std::map<std::string, int> rank;  // severity → level; names on one level rank equal (重大 = 严重)
};

// severity_levels: mildest first; a level is a name or an array of equal names.
void read_levels(ParamReader& r, IncidentParams& p) {
    const nlohmann::json* levels = r.array("severity_levels");
    if (!levels) return;
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const auto& level = (*levels)[i];
        std::string ptr = "/severity_levels/" + std::to_string(i);
        std::vector<std::pair<std::string, const nlohmann::json*>> names;
        if (level.is_string()) {
            names.push_back({ptr, &level});
        } else if (level.is_array() && !level.empty()) {
            for (std::size_t j = 0; j < level.size(); ++j) names.push_back({ptr + "/" + std::to_string(j), &level[j]});
        } else {
            r.issue(ptr, "应为等级名称或同级名称数组，实际为" + describe_json(level));
        }
        for (const auto& [where, v] : names) {
            if (!v->is_string() || v->get<std::string>().empty()) {
                r.issue(where, "应为非空字符串，实际为" + describe_json(*v));
            } else if (!p.rank.emplace(v->get<std::string>(), int(i)).second) {
                r.issue(where, "等级 \"" + v->get<std::string>() + "\" 重复出现");
            }
        }
    }
}

IncidentParams read_incidents(ParamReader& r) {
    r.only_keys({"years", "window", "counted", "severity_levels"});
    IncidentParams p;
    p.years = r.integer("years", 1);
    // Required: the regulation's 近3年 does not say whether its first day is inside,
    // so each pack states it rather than inheriting a default.
    std::string window = r.text("window");
    if (window == "inclusive_start") {
        p.window = WindowStart::Inclusive;
    } else if (!window.empty() && window != "exclusive_start") {
        r.issue("/window", "\"" + window + "\" 应为 exclusive_start（恰为 N 年前当日发生的事项不计入）或 "
                           "inclusive_start（该日发生的事项计入）");
    }
    read_levels(r, p);
    const nlohmann::json* counted = r.array("counted");
    if (!counted) return p;
    std::set<std::string> kinds;
    for (std::size_t i = 0; i < counted->size(); ++i) {
        const auto& e = (*counted)[i];
        std::string ptr = "/counted/" + std::to_string(i);
        if (!e.is_object()) {
            r.issue(ptr, "应为 {\"kind\": …, \"min_severity\": …, \"phrase\": …（可选）} 对象，实际为" + describe_json(e));
            continue;
        }
        Counted c;
        for (const char* key : {"kind", "min_severity"}) {
            auto it = e.find(key);
            if (it == e.end() || !it->is_string() || it->get<std::string>().empty()) {
                r.issue(ptr + "/" + key, std::string("缺少或不是非空字符串：") + key);
            } else {
                (std::string(key) == "kind" ? c.kind : c.min_severity) = it->get<std::string>();
            }
        }
        if (auto it = e.find("phrase"); it != e.end()) {
            if (auto phrase = read_phrase(r, ptr + "/phrase", *it)) c.phrase = *phrase;
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (it.key() != "kind" && it.key() != "min_severity" && it.key() != "phrase")
                r.issue(ptr + "/" + it.key(), "未知字段 " + it.key() + "（可用：kind、min_severity、phrase）");
        }
        if (!c.kind.empty() && !kinds.insert(c.kind).second) r.issue(ptr + "/kind", "类型 \"" + c.kind + "\" 重复出现");
        if (!c.min_severity.empty() && !p.rank.empty() && !p.rank.count(c.min_severity)) {
            r.issue(ptr + "/min_severity", "\"" + c.min_severity + "\" 不在 severity_levels 中");
        }
        p.counted.push_back(c);
    }
    return p;
}

}  // namespace

void validate_no_incident_within(ParamReader& r) { read_incidents(r); }

CheckResult run_no_incident_within(const CheckSpec& spec, const Applicant& a, const CheckContext& ctx) {
    ParamReader reader(spec.params);
    IncidentParams p = read_incidents(reader);
    reader.throw_if_issues(spec);
    const Date r = ctx.reference_date;
    // The window's first day. An incident after r still counts (it is known when the
    // list is drawn up, and 近3年 has no upper bound in the text), but the letter says
    // it happened after the deadline rather than within the years before it.
    const Date n_years_before = r.plus_years(-p.years);
    const Date window_start = p.window == WindowStart::Inclusive ? n_years_before : n_years_before.plus_days(1);

    auto rank_of = [&](const Incident& i) {
        auto it = p.rank.find(i.severity);
        if (it == p.rank.end()) {
            // ingest validates severities against the pack, so this is a bug upstream
            throw std::invalid_argument("check " + spec.id + ": applicant " + a.name + " (" + a.source +
                                        ") has incident severity \"" + i.severity + "\" not in severity_levels");
        }
        return it->second;
    };

    struct Hit {
        const Incident* incident;
        const Counted* counted;
    };
    std::vector<Hit> hits;
    std::vector<std::string> trace_in, trace_out;
    for (const auto& i : a.incidents) {
        std::string label = i.date.iso() + " " + i.kind + " " + i.severity;
        auto c = std::find_if(p.counted.begin(), p.counted.end(), [&](const Counted& x) { return x.kind == i.kind; });
        if (c == p.counted.end()) {
            trace_out.push_back(label + "（类型不计）");
        } else if (rank_of(i) < p.rank.at(c->min_severity)) {
            trace_out.push_back(label + "（低于" + c->min_severity + "）");
        } else if (i.date < window_start) {
            trace_out.push_back(label + "（在窗口之前）");
        } else {
            hits.push_back({&i, &*c});
            trace_in.push_back(label + "（≥" + c->min_severity + (i.date > r ? "，申报截止日后" : "") + "）");
        }
    }
    // Most recent first: the letter leads with the freshest fact.
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.incident->date > y.incident->date; });
    bool passed = hits.empty();

    Finding f(spec, a, ctx);
    f.set("years", std::to_string(p.years));
    f.set("window_start", window_start.chinese());
    std::vector<std::string> all, after, within;
    for (const auto& [i, c] : hits) {
        std::string phrase = "于" + i->date.chinese() + fill_template(c->phrase, {{"severity", i->severity}, {"kind", i->kind}}) +
                             (i->description.empty() ? "" : "（" + i->description + "）");
        all.push_back(phrase);
        (i->date > r ? after : within).push_back(phrase);
    }
    // {findings}: each group of incidents with the timing that is true of it.
    std::vector<std::string> groups;
    if (!after.empty()) groups.push_back(join(after, "，") + "，系申报截止日" + r.chinese() + "后发生的事项");
    if (!within.empty()) {
        groups.push_back(join(within, "，") + "，属申报截止日" + r.chinese() + "前" + std::to_string(p.years) +
                         "年内发生的事项");
    }
    f.set("incidents", join(all, "，"));
    f.set("findings", join(groups, "；"));
    const Incident* latest = passed ? nullptr : hits.front().incident;
    f.set("incident_date", latest ? latest->date.chinese() : "");
    f.set("incident_kind", latest ? latest->kind : "");
    f.set("incident_severity", latest ? latest->severity : "");
    f.set("incident_description", latest ? latest->description : "");

    std::string trace = "统计窗口自 " + window_start.iso() + " 起（" + r.iso() + " 前近 " + std::to_string(p.years) +
                        " 年，" + (p.window == WindowStart::Inclusive ? "含" : "不含") + " " + n_years_before.iso() +
                        "）；";
    trace += "计入：" + (trace_in.empty() ? std::string("无") : join(trace_in, "，"));
    if (!trace_out.empty()) trace += "；不计：" + join(trace_out, "，");
    return f.finish(passed, trace + "；" + verdict(passed));
}

}  // namespace award::detail
