#include "cli/verify_command.hpp"

#include <iostream>

#include "model/errors.hpp"
#include "model/text.hpp"
#include "packs/policy_pack.hpp"
#include "registry/certificate_payload.hpp"
#include "registry/office_key.hpp"
#include "registry/registry.hpp"
#include "verify/certificate_reader.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

constexpr int kExitAllValid = 0;
constexpr int kExitNotValid = 3;

std::string describe(const CertificateClaim& c) {
    return "证书编号 " + c.number + "，" + c.holder + "（" + c.credit_code + "），" + std::to_string(c.year) + "年度" +
           c.award + "，颁发日期 " + c.issued.chinese();
}

// What a verifier checks a payload against.
struct Context {
    const PublicKey* key = nullptr;
    Registry* registry = nullptr;  // none: not available here
    const PolicyCatalog* packs = nullptr;
    Date as_of;
};

// The registry's and the pack's word on a certificate whose signature holds.
void judge_standing(const Context& ctx, const CertificateClaim& claim, VerifyFinding& f) {
    const Policy* policy = nullptr;
    if (auto it = ctx.packs->find(claim.pack); it != ctx.packs->end()) policy = &it->second;
    if (ctx.registry) {
        const auto t = ctx.registry->find_certificate(claim.number);
        if (!t) {
            f.verdict = Verdict::Forged;
            f.reasons.push_back("登记库 " + ctx.registry->path().string() + " 中没有编号为 " + claim.number +
                                " 的证书：签名虽有效，但该证书未经登记颁发");
            return;
        }
        if (t->credit_code != claim.credit_code || t->name != claim.holder || t->award != claim.award ||
            t->year != claim.year || t->pack != claim.pack ||
            (!t->content_hash.empty() && t->content_hash != certificate_content_hash(claim))) {
            f.verdict = Verdict::Forged;
            f.reasons.push_back("与登记库的记录不符：登记库中编号 " + claim.number + " 颁发给 " + t->name + "（" +
                                t->credit_code + "），" + std::to_string(t->year) + "年度" + t->award);
            return;
        }
        if (auto r = ctx.registry->revocation_of(t->award_id)) {
            f.verdict = Verdict::Revoked;
            std::string why = "已于 " + r->revoked_on.chinese() + " 撤销";
            if (!r->reason.empty()) why += "，原因：" + r->reason;
            if (!r->article.empty())
                why += "，依据" + (policy ? "《" + policy->regulation + "》" : std::string()) + r->article;
            if (r->ban_years && *r->ban_years > 0)
                why += "；自撤销之日起 " + std::to_string(*r->ban_years) + " 年内不得申报";
            f.reasons.push_back(why);
            return;
        }
    }
    if (policy && policy->award_validity.years > 0) {
        const Date until = claim.issued.plus_years(policy->award_validity.years).plus_days(-1);
        if (ctx.as_of > until) {
            f.verdict = Verdict::Expired;
            f.reasons.push_back("获奖有效期 " + std::to_string(policy->award_validity.years) + " 年（《" + policy->regulation +
                                "》" + policy->award_validity.article + "），至 " + until.chinese() + " 届满；核验日期 " +
                                ctx.as_of.chinese());
            return;
        }
        f.reasons.push_back("有效期至 " + until.chinese() + "（《" + policy->regulation + "》" +
                            policy->award_validity.article + "：获奖有效期 " +
                            std::to_string(policy->award_validity.years) + " 年）");
    } else if (policy) {
        f.reasons.push_back("《" + policy->regulation + "》未规定获奖有效期");
    } else {
        f.reasons.push_back("本机没有政策包 " + claim.pack + "，无法核对有效期");
    }
    if (!ctx.registry) {
        f.verdict = Verdict::Unknown;
        f.reasons.push_back("签名有效，但本机没有登记库，无法确认该证书未被撤销（请向颁证机构核实）");
        return;
    }
    f.verdict = Verdict::Valid;
}

// A payload's signature and, for a page, its printed words.
void judge_payload(const Context& ctx, const std::string& text, const std::string* page_text, VerifyFinding& f) {
    ParsedCertificatePayload parsed;
    try {
        parsed = parse_certificate_payload(text);
    } catch (const CertificatePayloadError& e) {
        f.verdict = Verdict::Forged;
        f.reasons.push_back(std::string("二维码不是本程序签发的证书内容：") + e.what());
        return;
    }
    const CertificateClaim& claim = parsed.claim;
    f.summary = describe(claim);
    if (!verify_certificate_payload(*ctx.key, parsed)) {
        f.verdict = Verdict::Forged;
        f.reasons.push_back("签名不符：二维码的内容在签发后被改动，或不是用颁证机构的密钥签发的（公钥 " +
                            ctx.key->base64() + "）");
        return;
    }
    if (page_text) {
        const std::string printed = without_spaces(*page_text);
        std::vector<std::string> missing;
        if (printed.find(claim.holder) == std::string::npos) missing.push_back("单位名称“" + claim.holder + "”");
        if (printed.find(claim.number) == std::string::npos) missing.push_back("证书编号 " + claim.number);
        if (printed.find(std::to_string(claim.year) + "年度") == std::string::npos)
            missing.push_back("年度 " + std::to_string(claim.year));
        if (printed.find(claim.award) == std::string::npos) missing.push_back("奖项“" + claim.award + "”");
        if (!missing.empty()) {
            f.verdict = Verdict::Forged;
            f.reasons.push_back("证书上印的文字与二维码中签发的不符：页面上没有签发时的" + join(missing) +
                                "（证书在签发后被改动）");
            return;
        }
    }
    judge_standing(ctx, claim, f);
}

bool looks_like_file(const std::string& item) {
    std::error_code ec;
    if (fs::exists(item, ec)) return true;
    const std::string ext = fs::path(item).extension().string();
    return ext == ".pdf" || ext == ".PDF" || item.find('/') != std::string::npos;
}

}  // namespace

const char* verdict_name(Verdict v) {
    switch (v) {
    case Verdict::Valid: return "有效";
    case Verdict::Revoked: return "已撤销";
    case Verdict::Expired: return "已过期";
    case Verdict::Forged: return "伪造或被改动";
    case Verdict::Unknown: return "无法确认";
    }
    return "";
}

std::vector<VerifyFinding> verify_items(const VerifyOptions& o, const Date& today) {
    const PolicyCatalog packs = load_policy_catalog(o.data_dir / "templates" / "policies");
    std::optional<PublicKey> key;
    if (!o.public_key.empty()) key = PublicKey::read_pem_file(o.public_key);
    std::optional<Registry> registry;
    std::error_code ec;
    if (!o.registry.empty() && fs::exists(o.registry, ec)) registry.emplace(o.registry, Registry::Open::MustExist);
    Context ctx;
    ctx.registry = registry ? &*registry : nullptr;
    ctx.packs = &packs;
    ctx.as_of = o.as_of.value_or(today);

    auto need_key = [&]() -> const PublicKey* {
        if (!key) key = OfficeKey::load_existing(o.office_key).public_key();
        return &*key;
    };

    std::vector<VerifyFinding> out;
    for (const std::string& item : o.items) {
        if (item.rfind(std::string(kCertificatePayloadPrefix) + "|", 0) == 0) {
            VerifyFinding f{"二维码内容", Verdict::Unknown, "", {}};
            ctx.key = need_key();
            judge_payload(ctx, item, nullptr, f);
            f.reasons.push_back("只核对了二维码，未核对证书上印的文字：请对照证书查看单位名称、编号是否与上面一致");
            out.push_back(std::move(f));
        } else if (looks_like_file(item)) {
            ctx.key = need_key();
            const auto pages = read_certificate_pdf(item);
            for (const auto& page : pages) {
                VerifyFinding f{item + (pages.size() > 1 ? " 第 " + std::to_string(page.number) + " 页" : std::string()),
                                Verdict::Forged, "", {}};
                std::vector<const std::string*> ours;
                for (const auto& code : page.codes)
                    if (code.rfind(std::string(kCertificatePayloadPrefix) + "|", 0) == 0) ours.push_back(&code);
                if (ours.size() != 1) {
                    f.reasons.push_back(ours.empty() ? "页面上没有可读的证书二维码（没有二维码、被遮挡，或不是本程序签发的证书）"
                                                     : "页面上有 " + std::to_string(ours.size()) + " 个证书二维码，一张证书只应有一个");
                } else {
                    judge_payload(ctx, *ours.front(), &page.text, f);
                }
                out.push_back(std::move(f));
            }
        } else {
            // A certificate number typed in: the registry's word only.
            VerifyFinding f{"证书编号 " + item, Verdict::Unknown, "", {}};
            if (!ctx.registry) {
                f.reasons.push_back("本机没有登记库（" + o.registry.string() + "），无法按编号查询；请核验证书 PDF 或二维码内容");
            } else if (auto t = ctx.registry->find_certificate(item)) {
                CertificateClaim claim{t->number, t->credit_code, t->name, t->award, t->year,
                                       t->issued_on.value_or(Date{}), t->pack};
                f.summary = describe(claim);
                judge_standing(ctx, claim, f);
                f.reasons.push_back("只查了登记库：证书上的文字和二维码签名请用证书 PDF 或扫描二维码核验");
            } else {
                f.verdict = Verdict::Forged;
                f.reasons.push_back("登记库 " + ctx.registry->path().string() + " 中没有编号为 " + item + " 的证书");
            }
            out.push_back(std::move(f));
        }
    }
    return out;
}

int run_verify_command(const VerifyOptions& o, const Date& today) {
    std::vector<VerifyFinding> findings;
    try {
        findings = verify_items(o, today);
    } catch (const CertificateUnreadable& e) {
        std::cerr << "无法读取证书：" << e.what() << "\n";
        return 2;
    }
    int counts[5] = {0, 0, 0, 0, 0};
    for (const auto& f : findings) {
        ++counts[int(f.verdict)];
        std::cout << "【" << verdict_name(f.verdict) << "】" << f.item << "\n";
        if (!f.summary.empty()) std::cout << "  " << f.summary << "\n";
        for (const auto& r : f.reasons) std::cout << "  " << r << "\n";
    }
    std::cout << "共核验 " << findings.size() << " 张：有效 " << counts[0] << "，已撤销 " << counts[1] << "，已过期 "
              << counts[2] << "，伪造或被改动 " << counts[3] << "，无法确认 " << counts[4] << "。\n";
    return counts[0] == int(findings.size()) ? kExitAllValid : kExitNotValid;
}

}  // namespace award
