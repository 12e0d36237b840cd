// The acceptance stage's PDF documents as laid-out-but-unwritten documents, so
// the same construction serves writing them and checking them beforehand.
#pragma once
#include <string>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "render/pdf/document.hpp"

namespace award {

inline const std::string kAcceptanceNoticeFile = "受理名单公示.pdf";
inline const std::string kRejectionLetterFolder = "不予受理通知书";

pdf::Document build_acceptance_notice(const Case& c, const Policy& policy, const AcceptanceOutcome& outcome);
pdf::Document build_rejection_letter(const Case& c, const Policy& policy, const EligibilityResult& result);

}  // namespace award
