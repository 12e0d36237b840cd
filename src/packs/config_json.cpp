#include "packs/config_json.hpp"

#include <sstream>

#include <fstream>

#include "model/errors.hpp"

namespace award::packs_detail {

nlohmann::json read_json_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file.string() + ": 无法打开文件（不存在或无读取权限）");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 5: …"
        std::string what = e.what();
        auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        throw ConfigError(file.string() + ": 不是有效的 JSON：" + what);
    }
}

std::string pointer_token(const std::string& key) {
    std::string out;
    for (char ch : key) {
        if (ch == '~') out += "~0";
        else if (ch == '/') out += "~1";
        else out += ch;
    }
    return out;
}

std::string describe(const nlohmann::json& v) {
    const char* type = v.is_string() ? "字符串" : v.is_number_integer() ? "整数" : v.is_number() ? "数字"
                     : v.is_boolean() ? "布尔值" : v.is_array() ? "数组" : v.is_object() ? "对象" : "null";
    std::string dumped = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (dumped.size() > 60) dumped = dumped.substr(0, 57) + "...";
    return std::string(type) + " " + dumped;
}

void ConfigProblems::add(const std::string& pointer, const std::string& message) {
    lines_.push_back(file_.string() + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " + message);
}

void ConfigProblems::throw_if_any() const {
    if (lines_.empty()) return;
    std::string m;
    for (const auto& l : lines_) m += (m.empty() ? "" : "\n") + l;
    throw ConfigError(m);
}

ObjectReader::ObjectReader(const nlohmann::json& object, std::string pointer, ConfigProblems& problems)
    : object_(object), pointer_(std::move(pointer)), problems_(problems) {
    if (!object_.is_object()) problems_.add(pointer_, "应为 JSON 对象，实际为" + describe(object_));
}

const nlohmann::json* ObjectReader::find(const std::string& key, bool required, const char* expected) {
    if (!object_.is_object()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
        if (required) problems_.add(at(key), std::string("缺少字段 ") + key + "（" + expected + "）");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> ObjectReader::text(const std::string& key, bool required) {
    const nlohmann::json* v = find(key, required, "非空字符串");
    if (!v) return std::nullopt;
    if (!v->is_string() || v->get<std::string>().empty()) {
        problems_.add(at(key), "应为非空字符串，实际为" + describe(*v));
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<long long> ObjectReader::integer(const std::string& key, long long min, bool required) {
    const nlohmann::json* v = find(key, required, "整数");
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<long long>() < min) {
        problems_.add(at(key), "应为不小于 " + std::to_string(min) + " 的整数，实际为" + describe(*v));
        return std::nullopt;
    }
    return v->get<long long>();
}

std::optional<double> ObjectReader::number(const std::string& key, double min, double max, bool required) {
    const nlohmann::json* v = find(key, required, "数");
    if (!v) return std::nullopt;
    if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
        std::ostringstream range;
        range << min << " 到 " << max;
        problems_.add(at(key), "应为 " + range.str() + " 之间的数，实际为" + describe(*v));
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<bool> ObjectReader::boolean(const std::string& key, bool required) {
    const nlohmann::json* v = find(key, required, "true 或 false");
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        problems_.add(at(key), "应为 true 或 false，实际为" + describe(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

const nlohmann::json* ObjectReader::array(const std::string& key, bool required) {
    const nlohmann::json* v = find(key, required, "数组");
    if (v && !v->is_array()) {
        problems_.add(at(key), "应为数组，实际为" + describe(*v));
        return nullptr;
    }
    return v;
}

const nlohmann::json* ObjectReader::object(const std::string& key, bool required) {
    const nlohmann::json* v = find(key, required, "对象");
    if (v && !v->is_object()) {
        problems_.add(at(key), "应为 JSON 对象，实际为" + describe(*v));
        return nullptr;
    }
    return v;
}

const nlohmann::json* ObjectReader::any(const std::string& key, bool required) { return find(key, required, "值"); }

void ObjectReader::only_keys(std::initializer_list<const char*> known) {
    if (!object_.is_object()) return;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        bool ok = false;
        for (const char* k : known) ok = ok || it.key() == k;
        if (ok) continue;
        std::string list;
        for (const char* k : known) list += std::string(list.empty() ? "" : "、") + k;
        problems_.add(at(it.key()), "未知字段 " + it.key() + "（可用字段：" + list + "）");
    }
}

}  // namespace award::packs_detail
