#include "ingest/known_values.hpp"

#include <algorithm>

#include "model/policy.hpp"
#include "packs/revocation.hpp"

namespace award {

const std::vector<std::string>& known_incident_kinds() {
    static const std::vector<std::string> kinds = {"质量事故",     "安全事故",     "环境污染事故", "公共卫生事故",
                                                   "食品安全事故", "质量投诉", "失信行为"};
    return kinds;
}

const std::vector<std::string>& known_severities() {
    static const std::vector<std::string> severities = {"一般", "较大", "重大", "严重", "特别重大"};
    return severities;
}

const std::vector<std::string>& known_self_evaluation_results() {
    static const std::vector<std::string> results = {"优秀", "良好", "一般", "差"};
    return results;
}

// The list lives in model/policy.hpp, so that the pack loader (which cannot use ingest)
// checks a pack's revocation grounds against the same words.
const std::vector<std::string>& known_revocation_reasons() { return common_revocation_reasons(); }

const std::vector<std::string>& known_decision_kinds() {
    static const std::vector<std::string> kinds = {
        "special_approval",  // 特批 (魏都区 第十条), before the acceptance notice
        "tie_resolution",    // 评委会在名额或进入下一阶段的边界上对并列作出的选择
        "objection_upheld",  // 拟奖名单公示期间异议成立
    };
    return kinds;
}

std::vector<std::string> revocation_reasons(const Policy* pack) {
    // The same list the pack loader checks the pack's revocation grounds against.
    return pack ? pack_revocation_reasons(*pack) : known_revocation_reasons();
}

}  // namespace award
