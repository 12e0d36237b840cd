// 证书: one PDF per certificate, and all of them in one PDF for printing, laid out
// by the pack's certificate template (templates/certificates/*.json). The
// template and the fonts are loaded once for any number of certificates, and
// the master fonts are shared across documents (font_subset.hpp).
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/case.hpp"
#include "model/certificate.hpp"
#include "model/errors.hpp"
#include "model/policy.hpp"
#include "render/pdf/layout.hpp"

namespace award {

inline const std::string kCertificateFolder = "证书";
inline const std::string kMergedCertificatesFile = "证书（合并打印）.pdf";

// What one certificate shows.
struct CertificateContent {
    Certificate cert;
    std::string holder;        // 单位名称
    pdf::Origin holder_origin;  // where the name was read, for messages
    std::string credit_code;   // 统一社会信用代码
    std::string scheme;        // 评选名称, e.g. "魏都区区长质量奖" (the pack's award_title)
    std::string pack;          // the policy pack's id
    // What the QR code carries: the office-signed payload (registry/certificate_payload.hpp),
    // made by the run once the registry has given the number. A certificate is never
    // printed without it.
    std::string qr_payload;
};

std::vector<CertificateContent> certificate_contents(const Case& c, const Policy& policy,
                                                     const std::vector<Certificate>& certificates);

// The file name a person would look for: 证书/<单位名称>.pdf (sanitised by the caller).
class CertificatePrinter {
public:
    // Reads <data_dir>/templates/certificates/<the pack's template> and the fonts.
    // ConfigError naming the template file and field when it is wrong.
    CertificatePrinter(const std::filesystem::path& data_dir, const Policy& policy);
    ~CertificatePrinter();
    CertificatePrinter(CertificatePrinter&&) noexcept;

    // What would stop printing this certificate: a character no font has, a text
    // that does not fit its box even at the template's smallest size on its
    // most lines. Each names the input (file, record, field).
    std::vector<Problem> problems(const CertificateContent& content) const;

    // One certificate, one page. Throws InputError with the problems above.
    void write(const CertificateContent& content, const std::filesystem::path& out) const;
    // contents[i] to outs[i], one file each, on as many threads as the machine has
    // cores (at most 4). All or nothing is the caller's: files already written stay.
    void write_each(const std::vector<CertificateContent>& contents, const std::vector<std::filesystem::path>& outs) const;
    // Every certificate in order, one page each, fonts embedded once.
    void write_merged(const std::vector<CertificateContent>& contents, const std::string& title,
                      const std::filesystem::path& out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace award
