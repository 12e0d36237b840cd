// The acceptance stage's PDF documents, built from their templates in
// <data_dir>/templates/documents/ but not yet written, so the same construction
// serves writing them and checking them beforehand. A template error is a
// ConfigError naming the template file and line.
#pragma once
#include <filesystem>
#include <string>

#include "model/case.hpp"
#include "model/outcome.hpp"
#include "model/policy.hpp"
#include "render/pdf/document.hpp"

namespace award {

inline const std::string kAcceptanceNoticeFile = "受理名单公示.pdf";
inline const std::string kRejectionLetterFolder = "不予受理通知书";

pdf::Document build_acceptance_notice(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                      const AcceptanceOutcome& outcome);
pdf::Document build_rejection_letter(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                     const EligibilityResult& result);

}  // namespace award
