#include "registry/certificate_payload.hpp"

#include <algorithm>
#include <vector>

#include <openssl/evp.h>

namespace award {

namespace {

const char* const kFieldNames[] = {"格式前缀", "证书编号", "统一社会信用代码", "单位名称", "奖项",
                                   "年度",     "颁发日期", "评选（政策包）",   "签名"};
constexpr std::size_t kFields = 9;

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = (unsigned char)s[i];
        std::size_t n;
        unsigned cp;
        if (c < 0x80) n = 1, cp = c;
        else if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
        else return false;
        if (i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const unsigned char d = (unsigned char)s[i + k];
            if ((d & 0xC0) != 0x80) return false;
            cp = cp << 6 | (d & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

// Why a free-text field (number, holder, award) cannot be carried, or "".
std::string text_problem(std::string_view v) {
    if (v.empty()) return "不能为空";
    if (!valid_utf8(v)) return "应为 UTF-8 文字";
    for (char ch : v) {
        if (ch == '|') return "不能含有 “|”（二维码内容的分隔符）";
        if ((unsigned char)ch < 0x20 || ch == 0x7F) return "不能含有换行、制表符等控制字符";
    }
    if (v.front() == ' ' || v.back() == ' ') return "首尾不能有空格";
    return "";
}

std::string credit_code_problem(std::string_view v) {
    if (v.size() != 18) return "应为 18 位统一社会信用代码";
    for (char ch : v)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) return "应为 18 位统一社会信用代码（数字和大写字母）";
    return "";
}

std::string year_problem(std::string_view v) {
    if (v.size() != 4 || v[0] < '1' || v[0] > '9') return "应为四位年份，如 2026";
    for (char ch : v)
        if (ch < '0' || ch > '9') return "应为四位年份，如 2026";
    return "";
}

std::string pack_problem(std::string_view v) {
    if (v.empty()) return "不能为空";
    for (char ch : v)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
            return "应为政策包标识（小写字母、数字、“-”和“_”），如 weidu";
    return "";
}

// "证书二维码内容的<field> “<value>” <problem>".
[[noreturn]] void refuse(std::size_t field, std::string_view value, const std::string& problem, const std::string& whose) {
    throw CertificatePayloadError(whose + "的" + kFieldNames[field] + " “" + std::string(value) + "” " + problem);
}

}  // namespace

std::string certificate_message(const CertificateClaim& c) {
    const std::string whose = "证书 " + c.number + " 的二维码内容";
    const std::string year = std::to_string(c.year);
    const std::string fields[] = {std::string(kCertificatePayloadPrefix), c.number, c.credit_code, c.holder, c.award,
                                  year, c.issued.iso(), c.pack};
    const std::string problems[] = {"", text_problem(c.number), credit_code_problem(c.credit_code),
                                    text_problem(c.holder), text_problem(c.award), year_problem(year), "",
                                    pack_problem(c.pack)};
    std::string out;
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (!problems[i].empty()) refuse(i, fields[i], problems[i], whose);
        if (i) out += '|';
        out += fields[i];
    }
    return out;
}

std::string certificate_content_hash(const CertificateClaim& claim) {
    const std::string message = certificate_message(claim);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(message.data(), message.size(), md, &len, EVP_sha256(), nullptr);
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) out += digits[md[i] >> 4], out += digits[md[i] & 0xF];
    return out;
}

std::string format_certificate_payload(const CertificateClaim& claim, const Signature& signature) {
    return certificate_message(claim) + "|" +
           base64url_encode(std::string_view(reinterpret_cast<const char*>(signature.data()), signature.size()));
}

std::string sign_certificate_payload(const CertificateClaim& claim, const OfficeKey& key) {
    const std::string message = certificate_message(claim);
    const Signature sig = key.sign(message);
    return message + "|" + base64url_encode(std::string_view(reinterpret_cast<const char*>(sig.data()), sig.size()));
}

ParsedCertificatePayload parse_certificate_payload(std::string_view text) {
    const std::string whose = "证书二维码内容";
    std::vector<std::string_view> f;
    for (std::size_t from = 0;;) {
        const std::size_t bar = text.find('|', from);
        f.push_back(text.substr(from, bar == std::string_view::npos ? std::string_view::npos : bar - from));
        if (bar == std::string_view::npos) break;
        from = bar + 1;
    }
    if (f.empty() || f[0] != kCertificatePayloadPrefix)
        throw CertificatePayloadError(whose + " “" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "…" : "") +
                                      "” 不是本程序签发的证书：应以 “AWD1|” 开头");
    if (f.size() != kFields)
        throw CertificatePayloadError(whose + "应有 9 段（AWD1|证书编号|统一社会信用代码|单位名称|奖项|年度|颁发日期|评选|签名），"
                                      "实有 " + std::to_string(f.size()) + " 段");
    const std::string problems[] = {"", text_problem(f[1]), credit_code_problem(f[2]), text_problem(f[3]),
                                    text_problem(f[4]), year_problem(f[5]), "", pack_problem(f[7])};
    for (std::size_t i = 1; i < std::size(problems); ++i)
        if (!problems[i].empty()) refuse(i, f[i], problems[i], whose);

    ParsedCertificatePayload p;
    const auto date = Date::parse(f[6]);
    if (!date) refuse(6, f[6], "应为 YYYY-MM-DD 格式的真实日期", whose);
    std::string sig;
    if (!base64url_decode(f[8], sig) || sig.size() != p.signature.size())
        refuse(8, f[8].substr(0, 90), "应为 86 个字符的 base64url（64 字节的 Ed25519 签名）", whose);
    std::copy(sig.begin(), sig.end(), p.signature.begin());
    p.claim = {std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]),
               std::stoi(std::string(f[5])), *date, std::string(f[7])};
    p.message = std::string(text.substr(0, text.size() - f[8].size() - 1));
    return p;
}

bool verify_certificate_payload(const PublicKey& key, const ParsedCertificatePayload& payload) {
    return key.verify(payload.message, payload.signature);
}

}  // namespace award
