// 撤销 (award revoke): the reasons a pack accepts and the ban a revocation brings.
// The grounds are the pack's "revocation" section (model/policy.hpp RevocationSpec);
// the ban is not written there a second time: it is whatever the pack's
// ban_after_revocation checks will hold against the organisation when it applies again.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/policy.hpp"

namespace award {

// The 撤销原因 that can be recorded under this pack: common_revocation_reasons() and every
// reason a ban_after_revocation check of the pack lists, in that order, each once.
// (ingest's revocation_reasons(pack) is this list.)
std::vector<std::string> pack_revocation_reasons(const Policy& p);

// The ban after a revocation on `ground`: the ban_after_revocation check that counts its
// reason (no "reasons" list: every reason counts) with the most years; the first such
// check on a tie. None when no check counts the reason (通州区第二十四条: no ban).
struct RevocationBan {
    int years = 0;
    // The article the notice cites: the ground's article (without its item) when the
    // check rests on it (魏都区 "第三十条、第三十一条" → "第三十条" for 第三十条), else the check's.
    std::string article;
    std::string requirement;  // the check's requirement, in the regulation's words
    std::string check_id;
    bool same_award = false;  // scope same_award: only a new application for the same award is barred
};
std::optional<RevocationBan> revocation_ban(const Policy& p, const RevocationGround& ground);

// "第三十二条（一）" → "第三十二条"; "第十四条第二款" → "第十四条".
std::string article_without_item(const std::string& article);

}  // namespace award
