// SHA-256 of a string (OpenSSL), for the names and codes the documents derive
// from their content: subset tags, the certificate QR code's name hash.
#pragma once
#include <array>
#include <string_view>

#include <openssl/evp.h>

namespace award {

inline std::array<unsigned char, 32> sha256(std::string_view data) {
    std::array<unsigned char, 32> md{};
    unsigned len = 0;
    EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
    return md;
}

}  // namespace award
