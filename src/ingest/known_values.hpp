// The fixed vocabularies of a case folder that ingest checks values against, in one
// place. Incident kinds and severities are the regulation's vocabulary: a policy pack
// that lists its own (Policy::incident_kinds, Policy::severities) takes precedence,
// and these lists are the contract's default for a pack that does not.
#pragma once
#include <string>
#include <vector>

namespace award {

struct Policy;

// 事故、投诉、失信的种类 (魏都区 第十一条), when the pack lists none.
const std::vector<std::string>& known_incident_kinds();

// 严重程度, mildest first: 一般 < 较大 < 重大 (= 严重) < 特别重大; when the pack lists none.
const std::vector<std::string>& known_severities();

// 卓越绩效自评结果.
const std::vector<std::string>& known_self_evaluation_results();

// 撤销原因 of a revoked prior award (applicants.json prior_awards[].revocation_reason),
// besides any reason a pack's ban_after_revocation check lists in its "reasons".
const std::vector<std::string>& known_revocation_reasons();

// The reasons accepted under a pack: the known ones and any a ban_after_revocation check
// of the pack counts (so the words recorded are the words the check compares with).
std::vector<std::string> revocation_reasons(const Policy* pack);

// decisions.json kinds: decisions made by people that the rules take into account.
const std::vector<std::string>& known_decision_kinds();

}  // namespace award
