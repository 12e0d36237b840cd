#include "rules/check_support.hpp"

#include <set>
#include <stdexcept>

#include "rules/sentence.hpp"

namespace award::detail {

std::string describe_json(const nlohmann::json& v) {
    const char* type = v.is_string() ? "字符串" : v.is_number_integer() ? "整数" : v.is_number() ? "数字"
                     : v.is_boolean() ? "布尔值" : v.is_array() ? "数组" : v.is_object() ? "对象" : "null";
    std::string dumped = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (dumped.size() > 60) dumped = dumped.substr(0, 57) + "...";
    return std::string(type) + " " + dumped;
}

ParamReader::ParamReader(const nlohmann::json& params) : params_(params) {
    if (!params_.is_object()) issue("", std::string("params 应为 JSON 对象，实际为") + describe_json(params_));
}

const nlohmann::json* ParamReader::field(const std::string& key, bool required) {
    if (!params_.is_object()) return nullptr;
    auto it = params_.find(key);
    if (it == params_.end()) {
        if (required) issue("/" + key, "缺少参数 " + key);
        return nullptr;
    }
    return &*it;
}

int ParamReader::integer(const std::string& key, int min) {
    auto v = optional_integer(key, min);
    if (!v && params_.is_object() && !params_.contains(key)) issue("/" + key, "缺少参数 " + key + "（整数）");
    return v.value_or(0);
}

std::optional<int> ParamReader::optional_integer(const std::string& key, int min) {
    const nlohmann::json* v = field(key, false);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > 1000) {
        issue("/" + key, "应为不小于 " + std::to_string(min) + " 的整数，实际为" + describe_json(*v));
        return std::nullopt;
    }
    return int(v->get<long long>());
}

std::string ParamReader::text(const std::string& key) {
    const nlohmann::json* v = field(key, true);
    if (!v) return "";
    if (!v->is_string() || v->get<std::string>().empty()) {
        issue("/" + key, "应为非空字符串，实际为" + describe_json(*v));
        return "";
    }
    return v->get<std::string>();
}

std::optional<std::string> ParamReader::optional_text(const std::string& key) {
    if (!params_.is_object() || !params_.contains(key)) return std::nullopt;
    return text(key);
}

std::vector<std::string> ParamReader::text_list(const std::string& key, bool required) {
    std::vector<std::string> out;
    const nlohmann::json* v = field(key, required);
    if (!v) return out;
    if (!v->is_array() || (required && v->empty())) {
        issue("/" + key, std::string(required ? "应为非空的" : "应为") + "字符串数组，实际为" + describe_json(*v));
        return out;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const auto& e = (*v)[i];
        std::string ptr = "/" + key + "/" + std::to_string(i);
        if (!e.is_string() || e.get<std::string>().empty()) {
            issue(ptr, "应为非空字符串，实际为" + describe_json(e));
        } else if (!seen.insert(e.get<std::string>()).second) {
            issue(ptr, "重复的值 \"" + e.get<std::string>() + "\"");
        } else {
            out.push_back(e.get<std::string>());
        }
    }
    return out;
}

const nlohmann::json* ParamReader::array(const std::string& key) {
    const nlohmann::json* v = field(key, true);
    if (!v) return nullptr;
    if (!v->is_array() || v->empty()) {
        issue("/" + key, "应为非空数组，实际为" + describe_json(*v));
        return nullptr;
    }
    return v;
}

void ParamReader::only_keys(std::initializer_list<const char*> known) {
    if (!params_.is_object()) return;
    for (auto it = params_.begin(); it != params_.end(); ++it) {
        bool ok = false;
        for (const char* k : known) ok = ok || it.key() == k;
        if (!ok) {
            std::string list;
            for (const char* k : known) list += std::string(list.empty() ? "" : "、") + k;
            issue("/" + it.key(), "未知参数 " + it.key() + "（此检查类型的参数：" + list + "）");
        }
    }
}

void ParamReader::throw_if_issues(const CheckSpec& spec) const {
    if (issues_.empty()) return;
    std::string m = "check " + spec.id + " (" + spec.kind + "): bad params";
    for (const auto& i : issues_) m += "; /params" + i.pointer + ": " + i.message;
    throw std::invalid_argument(m);
}

Finding::Finding(const CheckSpec& spec, const Applicant& applicant, const CheckContext& ctx) : spec_(spec) {
    values_["regulation"] = ctx.policy.regulation;
    values_["jurisdiction"] = ctx.policy.jurisdiction;
    values_["article"] = spec.article;
    values_["requirement"] = nest_quotes(spec.requirement);
    values_["name"] = applicant.name;
    values_["applied_award"] = applicant.award;
    values_["reference_date"] = ctx.reference_date.chinese();
}

void Finding::set(const std::string& name, std::string value) { values_[name] = std::move(value); }

CheckResult Finding::finish(bool passed, std::string trace) const {
    const CheckKindInfo* info = find_check_kind(spec_.kind);
    if (!info) throw std::logic_error("check kind not in the table: " + spec_.kind);
    for (const auto& p : info->placeholders) {
        if (!values_.count(p)) throw std::logic_error("check kind " + spec_.kind + " did not set {" + p + "}");
    }
    CheckResult r;
    r.check_id = spec_.id;
    r.kind = spec_.kind;
    r.article = spec_.article;
    r.passed = passed;
    r.trace = std::move(trace);
    if (!passed) r.reason = fill_template(spec_.fail_text, values_);
    return r;
}


}  // namespace award::detail
