// 撤销通报: the notice that revokes an award (award revoke, cli/revoke_command.hpp).
// The wording is templates/documents/撤销通报.md; this file supplies its values.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/policy.hpp"
#include "packs/revocation.hpp"
#include "render/documents.hpp"
#include "render/pdf/document.hpp"

namespace award {

inline const std::string kRevocationNoticeFolder = "撤销通报";

// Everything the notice says. Values carry where they come from, so a character no
// font has is reported against the registry record or the command-line option.
struct RevocationNotice {
    const Policy* policy = nullptr;
    const RevocationGround* ground = nullptr;  // one of policy->revocation->grounds
    std::optional<RevocationBan> ban;          // revocation_ban(*policy, *ground)

    // The award, as the registry has it.
    std::string name, credit_code, award;  // award: the pack's award name, e.g. 区长质量奖
    int year = 0;
    Date awarded_on;
    long long prize_yuan = 0;        // paid (0: none, e.g. a repeat winner)
    std::string certificate_number;  // "" when none was recorded
    pdf::Origin award_origin;        // the registry record, for messages

    // The decision, as given on the command line.
    Date revoked_on;                // 撤销日期, also the 成文日期
    std::string document_number;    // 发文字号, e.g. 魏质奖〔2027〕3号
    std::string issuer;             // 发文机关, e.g. 许昌市魏都区人民政府
    std::string addressee;          // 主送, e.g. 各有关单位
    std::vector<std::string> facts;  // paragraphs (--facts); may be empty
};

// The award's name as on certificates (AwardSpec::full_name, e.g. 魏都区区长质量奖).
std::string revocation_award_full_name(const RevocationNotice& n);

// "2027年度许昌某某有限公司区长质量奖撤销通报.pdf", made safe as a file name.
std::string revocation_notice_file(const RevocationNotice& n);

// The recovery sentence, e.g. "收回证书（编号：WD2025Z001）、奖杯和奖励资金5万元".
std::string revocation_recovery_text(const RevocationNotice& n);

pdf::Document build_revocation_notice(const std::filesystem::path& data_dir, const RevocationNotice& n);
void write_revocation_notice_pdf(const RenderEnv& env, const RevocationNotice& n, const std::filesystem::path& out);

}  // namespace award
