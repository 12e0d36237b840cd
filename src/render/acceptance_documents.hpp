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

inline const std::string kAcceptanceNoticeFile = "受理名单公示.pdf";      // with a 受理名单公示 (魏都区)
inline const std::string kAcceptanceListNoticeFile = "受理名单通知.pdf";  // without one (通州区)
inline const std::string kRejectionLetterFolder = "不予受理通知书";

// The acceptance notice's file: 受理名单公示.pdf when the outcome has a publicity period, else 受理名单通知.pdf.
const std::string& acceptance_notice_file(const AcceptanceOutcome& outcome);

// 受理名单公示 (受理名单公示.md) when the outcome has a publicity period, else the
// 受理名单 notified without one (受理名单.md).
pdf::Document build_acceptance_notice(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                      const AcceptanceOutcome& outcome);
pdf::Document build_rejection_letter(const std::filesystem::path& data_dir, const Case& c, const Policy& policy,
                                     const EligibilityResult& result);

}  // namespace award
