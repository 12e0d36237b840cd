// 撤销通报: the notice revoking an award, a 公文 with 版头 (issuer and 发文字号), title,
// 主送, the facts, the ground and its article, the decision (撤销称号, 收回…), the ban
// that follows when the pack's ban_after_revocation checks count the reason, and the
// issuer over the date of revocation.
// The wording is templates/documents/撤销通报.md; this file supplies its values.
#include <stdexcept>

#include "model/file_name.hpp"
#include "model/money.hpp"
#include "render/revocation_notice.hpp"
#include "render/template_data.hpp"

namespace award {

namespace {

pdf::Origin option(const std::string& name) { return {"命令行", "", name}; }

const AwardSpec* award_spec(const RevocationNotice& n) { return n.policy ? n.policy->find_award_by_name(n.award) : nullptr; }

// A、B和C
std::string listed(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? "和" : "、") + items[i];
    return s;
}

const char* kOrdinals[] = {"一", "二", "三", "四", "五"};

}  // namespace

std::string revocation_award_full_name(const RevocationNotice& n) {
    const AwardSpec* a = award_spec(n);
    return a ? a->full_name : (n.policy ? n.policy->jurisdiction : "") + n.award;
}

std::string revocation_notice_file(const RevocationNotice& n) {
    return sanitize_file_name(std::to_string(n.year) + "年度" + n.name + n.award + "撤销通报", 200 - 4) + ".pdf";
}

std::string revocation_recovery_text(const RevocationNotice& n) {
    if (!n.policy || !n.policy->revocation) return "";
    // Consecutive items with the same verb make one clause: 收回证书和奖杯，追缴奖金30万元.
    std::vector<std::pair<std::string, std::vector<std::string>>> clauses;
    for (const auto& r : n.policy->revocation->recovers) {
        std::string item = r.item;
        if (r.role == RevocationRecovery::Role::Prize) {
            if (n.prize_yuan <= 0) continue;  // nothing was paid: nothing to take back
            item += yuan_wan(n.prize_yuan);
        }
        if (r.role == RevocationRecovery::Role::Certificate && !n.certificate_number.empty())
            item += "（编号：" + n.certificate_number + "）";
        if (clauses.empty() || clauses.back().first != r.verb) clauses.push_back({r.verb, {}});
        clauses.back().second.push_back(item);
    }
    std::string s;
    for (const auto& [verb, items] : clauses) s += (s.empty() ? "" : "，") + verb + listed(items);
    return s;
}

pdf::Document build_revocation_notice(const std::filesystem::path& data_dir, const RevocationNotice& n) {
    if (!n.policy || !n.policy->revocation || !n.ground) throw std::logic_error("revocation notice without its pack and ground");
    const Policy& p = *n.policy;
    const RevocationSpec& spec = *p.revocation;
    bool certificate_recovered = false;
    for (const auto& r : spec.recovers) certificate_recovered |= r.role == RevocationRecovery::Role::Certificate;
    const std::string recovery = revocation_recovery_text(n);
    const AwardSpec* award = award_spec(n);

    tpl::TemplateSchema s;
    s.text("name").text("credit_code").text("year").text("award").text("award_full_name").text("awarded_on");
    s.flag("has_certificate").text("certificate_number").flag("certificate_recovered");
    s.text("regulation").text("award_title").text("article").text("ground_text").text("consequence");
    s.text("consequence_article").text("reason");
    s.flag("has_named_reason").flag("has_facts").list("facts", tpl::TemplateSchema().text("paragraph"));
    s.flag("has_proposer").text("proposed_by").flag("has_decider").text("decided_by");
    s.flag("has_recovery").text("recovery").text("ban_ordinal");
    s.flag("has_ban").text("ban_article").text("ban_requirement").text("ban_years").text("ban_until").text("ban_award");
    s.text("issuer").text("addressee").text("revoked_on");

    auto from_award = [&](const std::string& field) {
        pdf::Origin o = n.award_origin;
        o.field = field;
        return o;
    };
    const std::string pack_file = p.source.empty() ? "templates/policies/" + p.id + ".json" : p.source.string();
    auto from_pack = [&](const std::string& field) { return pdf::Origin{pack_file, "", field}; };

    std::vector<tpl::TemplateObject> facts;
    for (const auto& para : n.facts)
        facts.push_back(tpl::TemplateObject().set("paragraph", template_text(para, option("--facts"))));
    const int ordinal = recovery.empty() ? 1 : 2;  // 一、撤销称号 (二、收回…) then the ban

    tpl::TemplateObject d;
    d.set("name", template_text(n.name, from_award("name")))
        .set("credit_code", template_text(n.credit_code, from_award("credit_code")))
        .set("year", template_text(std::to_string(n.year)))
        .set("award", template_text(n.award, from_award("award")))
        .set("award_full_name", template_text(revocation_award_full_name(n), from_pack("awards/full_name")))
        .set("awarded_on", template_text(n.awarded_on.chinese()))
        .set("has_certificate", tpl::TemplateValue::of_flag(!n.certificate_number.empty()))
        .set("certificate_number", template_text(n.certificate_number, from_award("certificate")))
        .set("certificate_recovered", tpl::TemplateValue::of_flag(certificate_recovered))
        .set("regulation", template_text(p.regulation, from_pack("regulation")))
        .set("award_title", template_text(p.award_title, from_pack("award_title")))
        .set("article", template_text(n.ground->article, from_pack("revocation/grounds/article")))
        .set("ground_text", template_text(n.ground->text, from_pack("revocation/grounds/text")))
        .set("consequence", template_text(n.ground->consequence, from_pack("revocation/grounds/consequence")))
        .set("consequence_article", template_text(article_without_item(n.ground->article), from_pack("revocation/grounds/article")))
        .set("reason", template_text(n.ground->reason, option("--reason")))
        .set("has_named_reason", tpl::TemplateValue::of_flag(n.ground->reason != "其他"))
        .set("has_facts", tpl::TemplateValue::of_flag(!facts.empty()))
        .set("facts", tpl::TemplateValue::of_list(std::move(facts)))
        .set("has_proposer", tpl::TemplateValue::of_flag(!spec.proposed_by.empty()))
        .set("proposed_by", template_text(spec.proposed_by, from_pack("revocation/proposed_by")))
        .set("has_decider", tpl::TemplateValue::of_flag(!spec.decided_by.empty()))
        .set("decided_by", template_text(spec.decided_by, from_pack("revocation/decided_by")))
        .set("has_recovery", tpl::TemplateValue::of_flag(!recovery.empty()))
        .set("recovery", template_text(recovery, from_pack("revocation/recovers")))
        .set("ban_ordinal", template_text(kOrdinals[ordinal]))
        .set("has_ban", tpl::TemplateValue::of_flag(n.ban.has_value()))
        .set("ban_article", template_text(n.ban ? n.ban->article : "", from_pack("checks/article")))
        .set("ban_requirement", template_text(n.ban ? n.ban->requirement : "", from_pack("checks/requirement")))
        .set("ban_years", template_text(n.ban ? std::to_string(n.ban->years) : ""))
        .set("ban_until",
             template_text(n.ban ? n.revoked_on.plus_years(n.ban->years).plus_days(-1).chinese() : std::string()))
        .set("ban_award", template_text(n.ban && n.ban->same_award && award ? award->full_name : p.award_title,
                                        from_pack("award_title")))
        .set("issuer", template_text(n.issuer, option("--issuer")))
        .set("addressee", template_text(n.addressee, option("--to")))
        .set("revoked_on", template_text(n.revoked_on.chinese()));

    const tpl::DocumentFrame frame{kRevocationNoticeFolder + "/" + revocation_notice_file(n),
                                   pdf::Text(n.issuer, option("--issuer")),
                                   pdf::Text(n.document_number, option("--doc-number")), n.revoked_on};
    return tpl::render_document(tpl::load_document_template(document_template_path(data_dir, "撤销通报.md")), s, d, frame);
}

void write_revocation_notice_pdf(const RenderEnv& env, const RevocationNotice& n, const std::filesystem::path& out) {
    build_revocation_notice(env.data_dir, n)
        .write(env.data_dir, "撤销通报（" + n.name + "）", n.revoked_on, out);
}

}  // namespace award
