// What a certificate's QR code carries once certificates are signed (issue 6): the
// certificate's own words and the office's Ed25519 signature of them. This file is the
// one place the format is defined; format and parse are each other's inverse.
//
//   AWD1|<证书编号>|<统一社会信用代码>|<单位名称>|<奖项>|<年度>|<颁发日期>|<评选>|<签名>
//   e.g. AWD1|WD2026Z001|91411002175206385X|许昌恒远电力装备有限公司|区长质量奖|2026|2026-12-20|weidu|<86 characters>
//
// UTF-8, '|' between fields, no escaping: a field that would need it (holds '|', a
// control character, leading or trailing spaces, is empty) cannot be signed and is
// refused, so every certificate has exactly one text and the text is the signed bytes.
// The signature covers everything before the last '|' (the message), prefix included.
//
// Why each field:
//   AWD1       format and version; also keeps these signatures from being valid for any
//              other message the office key might ever sign.
//   证书编号    what the registry is asked about (revoked? issued at all?); unique, never reused.
//   统一社会信用代码  who holds it, as the registry and the rules know the holder.
//   单位名称    the name printed on the certificate, in full (not a hash): a name changed
//              after issue, in the PDF or the QR, no longer matches the signature or the
//              printed text, and a verifier without the registry can show what was issued.
//   奖项        which award (区长质量奖 or 提名奖 …): changing a 提名奖 into the award fails.
//   年度        the year printed (魏都区 第二十九条); cooldowns and validity count from it.
//   颁发日期    the commendation's date, for validity "per pack" without the registry.
//   评选        the policy pack id: which regulation, and the number's pattern to expect.
//   签名        the office key's Ed25519 signature of the message, base64url without
//              padding (86 characters for the 64 bytes).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "registry/office_key.hpp"

namespace award {

// A payload that cannot be made (a field the format cannot carry) or read (not this
// format): the message names the field, its value and what was expected.
class CertificatePayloadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kCertificatePayloadPrefix = "AWD1";

// What the office vouches for.
struct CertificateClaim {
    std::string number;       // 证书编号, e.g. "WD2026Z001"
    std::string credit_code;  // 统一社会信用代码: 18 characters, digits and capitals
    std::string holder;       // 单位名称, as printed
    std::string award;        // the award's name in the pack, e.g. "区长质量奖"
    int year = 0;             // 年度: four digits
    Date issued;              // 颁发日期
    std::string pack;         // policy pack id: lower-case letters, digits, '-' and '_'

    bool operator==(const CertificateClaim&) const = default;
};

// The signed part: "AWD1|…|<pack>". Throws CertificatePayloadError for a field it cannot carry.
std::string certificate_message(const CertificateClaim& claim);
// SHA-256 of certificate_message(claim), 64 lowercase hex digits: what the registry keeps
// as the certificate's content hash when it is issued, and what a verifier compares.
std::string certificate_content_hash(const CertificateClaim& claim);
// message + "|" + base64url(signature).
std::string format_certificate_payload(const CertificateClaim& claim, const Signature& signature);
// Signs with the office key and formats: what goes into the QR code.
std::string sign_certificate_payload(const CertificateClaim& claim, const OfficeKey& key);

struct ParsedCertificatePayload {
    CertificateClaim claim;
    std::string message;  // the signed bytes, exactly as read
    Signature signature{};
};

// Reads a QR code's text. Throws CertificatePayloadError naming what is wrong (field
// count, which field, its value, what was expected); never checks the signature.
ParsedCertificatePayload parse_certificate_payload(std::string_view text);

// True when the payload's signature is `key`'s signature of its message.
bool verify_certificate_payload(const PublicKey& key, const ParsedCertificatePayload& payload);

}  // namespace award
