// The office's signing key (issue 6): an Ed25519 key pair, made on first use, that
// signs what each certificate's QR code carries so anyone holding the public key can
// check a certificate without the registry. OpenSSL 3 (Debian's libcrypto) does the
// cryptography; this file decides where the key lives and who may read it.
//
// - The private key is a PKCS#8 PEM file, created with O_CREAT|O_EXCL and mode 0600
//   (never chmod after writing), in a folder created 0700.
// - An existing private key file that its group or others may read is refused, naming
//   the file and the fix (chmod 600).
// - A key path inside the run's output folder, or inside a git work tree (the repo, a
//   case folder under version control), is refused: output/ is handed out and a work
//   tree gets committed.
// - Every OpenSSL failure is thrown with the file, what was being done and OpenSSL's
//   own error text (ERR_error_string).
#pragma once
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "registry/sqlite.hpp"  // RegistryError, RegistryRefused

struct evp_pkey_st;

namespace award {

// The key file or a public key given is unusable (permissions, location, not an
// Ed25519 key, unreadable PEM): fixable by the user, exit status 2.
class OfficeKeyRefused : public RegistryRefused {
public:
    using RegistryRefused::RegistryRefused;
};

using Signature = std::array<unsigned char, 64>;  // Ed25519: always 64 bytes

// $AWARD_OFFICE_KEY when set; else <the folder of default_registry_path()>/keys/
// office-ed25519.pem, i.e. ~/.local/share/award/keys/office-ed25519.pem or
// $XDG_DATA_HOME/award/keys/… (or beside $AWARD_REGISTRY's file). Throws
// RegistryRefused when no location can be found. `getenv` is replaceable for tests.
std::filesystem::path default_office_key_path(const std::function<const char*(const char*)>& getenv = nullptr);

// The public half: what a verifier holds.
class PublicKey {
public:
    // A PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block; `source` names where it was read
    // (a file, "--public-key") for messages. OfficeKeyRefused when not an Ed25519 key.
    static PublicKey from_pem(const std::string& pem, const std::string& source);
    static PublicKey read_pem_file(const std::filesystem::path& file);
    // The 32 raw key bytes in standard base64 (44 characters), as printed by base64().
    static PublicKey from_base64(const std::string& text, const std::string& source);

    std::string pem() const;     // "-----BEGIN PUBLIC KEY-----\n…"
    std::string base64() const;  // 44 characters: short enough to print on a notice
    // Writes pem() to `file` (mode 0644: it is public), replacing it.
    void write_pem_file(const std::filesystem::path& file) const;

    // True when `signature` is this key's signature of exactly `message`.
    bool verify(std::string_view message, const Signature& signature) const;

    bool operator==(const PublicKey& other) const { return base64() == other.base64(); }

private:
    explicit PublicKey(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> key_;
    friend class OfficeKey;
};

class OfficeKey {
public:
    // Reads the private key at `key_file`, or makes a new pair there when there is no
    // file. `output_folder` is the run's output folder (may be empty: not checked); a key
    // path inside it is refused, as is one inside a git work tree.
    static OfficeKey load_or_create(const std::filesystem::path& key_file, const std::filesystem::path& output_folder);
    // Reads an existing private key (for `award key` and `award verify` on the office's
    // own computer); OfficeKeyRefused naming the file when there is none: never creates.
    static OfficeKey load_existing(const std::filesystem::path& key_file);

    const std::filesystem::path& path() const { return path_; }
    bool created() const { return created_; }  // made by this load_or_create
    const PublicKey& public_key() const { return public_; }

    Signature sign(std::string_view message) const;

private:
    OfficeKey(std::filesystem::path path, std::shared_ptr<evp_pkey_st> key, bool created);
    std::filesystem::path path_;
    std::shared_ptr<evp_pkey_st> key_;
    PublicKey public_;
    bool created_ = false;
};

// Convenience for verifiers: `key.verify(message, signature)`.
inline bool verify(const PublicKey& key, std::string_view message, const Signature& signature) {
    return key.verify(message, signature);
}

// base64url without padding (RFC 4648 §5), as in the certificate payload. The decoder
// is strict: only the alphabet, a canonical length and zero trailing bits; false else.
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string& bytes);

}  // namespace award
