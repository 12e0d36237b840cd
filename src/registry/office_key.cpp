#include "registry/office_key.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "registry/registry_path.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

// OpenSSL's queued errors, oldest first, as one line (and the queue emptied).
std::string openssl_errors() {
    std::string out;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out.empty() ? "OpenSSL 未给出原因" : out;
}

// "<what>（<where>）失败：<OpenSSL's errors>".
[[noreturn]] void openssl_fail(const std::string& what, const std::string& where) {
    throw RegistryError(what + "（" + where + "）失败：" + openssl_errors());
}

std::string errno_text(int e) { return std::strerror(e); }

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* k) { return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free); }

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, std::size_t(n > 0 ? n : 0));
}

bool is_ed25519(EVP_PKEY* k) { return EVP_PKEY_is_a(k, "ED25519") == 1; }

const char* const kStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const char* const kUrl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string b64_encode(std::string_view bytes, const char* alphabet, bool pad) {
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = unsigned((unsigned char)bytes[i]) << 16 | unsigned((unsigned char)bytes[i + 1]) << 8 |
                           unsigned((unsigned char)bytes[i + 2]);
        out += alphabet[v >> 18 & 63], out += alphabet[v >> 12 & 63], out += alphabet[v >> 6 & 63], out += alphabet[v & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned v = unsigned((unsigned char)bytes[i]) << 16;
        if (rest == 2) v |= unsigned((unsigned char)bytes[i + 1]) << 8;
        out += alphabet[v >> 18 & 63], out += alphabet[v >> 12 & 63];
        if (rest == 2) out += alphabet[v >> 6 & 63];
        if (pad) out += rest == 2 ? "=" : "==";
    }
    return out;
}

// Strict: the alphabet only, padding exactly where `pad` asks, canonical (re-encodes the same).
bool b64_decode(std::string_view text, const char* alphabet, bool pad, std::string& bytes) {
    std::string_view body = text;
    if (pad) {
        if (text.size() % 4 != 0) return false;
        while (!body.empty() && body.back() == '=' && text.size() - body.size() < 2) body.remove_suffix(1);
    }
    if (body.size() % 4 == 1) return false;
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    for (char c : body) {
        const char* at = c ? std::strchr(alphabet, c) : nullptr;
        if (!at) return false;
        acc = acc << 6 | unsigned(at - alphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((acc >> bits) & 0xFF);
        }
    }
    if (b64_encode(out, alphabet, pad) != text) return false;  // non-zero trailing bits, stray '='
    bytes = std::move(out);
    return true;
}

// True when `inner` is `outer` or inside it, compared after resolving symlinks and "..".
bool inside(const fs::path& inner, const fs::path& outer) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(fs::absolute(inner), ec);
    const fs::path b = fs::weakly_canonical(fs::absolute(outer), ec);
    auto ai = a.begin();
    for (auto bi = b.begin(); bi != b.end(); ++bi, ++ai) {
        if (bi->empty()) continue;  // a trailing separator
        if (ai == a.end() || *ai != *bi) return false;
    }
    return true;
}

// The nearest folder at or above `folder` holding a .git (folder or file: worktrees,
// submodules), or empty.
fs::path git_work_tree(const fs::path& folder) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(folder), ec);
    while (true) {
        if (fs::exists(p / ".git", ec)) return p;
        if (!p.has_parent_path() || p.parent_path() == p) return {};
        p = p.parent_path();
    }
}

void check_location(const fs::path& key_file, const fs::path& output_folder) {
    if (!output_folder.empty() && inside(key_file, output_folder))
        throw OfficeKeyRefused("办公室签名私钥 " + key_file.string() + " 位于输出文件夹 " + output_folder.string() +
                               " 之内；输出文件夹会整个交出去，私钥不能放在这里。请把私钥放在输出文件夹之外（默认 " +
                               "~/.local/share/award/keys/office-ed25519.pem，或用 AWARD_OFFICE_KEY 指定）");
    if (const fs::path tree = git_work_tree(key_file.parent_path()); !tree.empty())
        throw OfficeKeyRefused("办公室签名私钥 " + key_file.string() + " 位于 git 工作区 " + tree.string() +
                               " 之内；工作区的文件可能被提交出去，私钥不能放在这里。请把私钥放在工作区之外（默认 " +
                               "~/.local/share/award/keys/office-ed25519.pem，或用 AWARD_OFFICE_KEY 指定）");
}

// The folder for a new key: made 0700 (mkdir's mode, not chmod afterwards) when missing.
void make_key_folder(const fs::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    if (fs::is_directory(folder, ec)) return;
    if (folder.has_parent_path() && folder.parent_path() != folder) {
        fs::create_directories(folder.parent_path(), ec);
        if (ec)
            throw RegistryError("创建办公室签名密钥的上级文件夹 " + folder.parent_path().string() + " 失败：" + ec.message());
    }
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
        throw RegistryError("创建办公室签名密钥文件夹 " + folder.string() + " 失败：" + errno_text(errno));
}

std::shared_ptr<EVP_PKEY> read_private_key(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw RegistryError("打开办公室签名私钥 " + file.string() + " 失败：" + errno_text(errno));
    struct stat st {};
    std::string pem;
    int err = 0;
    if (::fstat(fd, &st) != 0) {
        err = errno;
    } else if (S_ISREG(st.st_mode) && (st.st_mode & 077) == 0) {
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0) pem.append(buf, std::size_t(n));
        if (n < 0) err = errno;
    }
    ::close(fd);
    if (err) throw RegistryError("读取办公室签名私钥 " + file.string() + " 失败：" + errno_text(err));
    if (!S_ISREG(st.st_mode)) throw OfficeKeyRefused("办公室签名私钥 " + file.string() + " 不是普通文件");
    if (st.st_mode & 077) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", unsigned(st.st_mode & 0777));
        throw OfficeKeyRefused("办公室签名私钥 " + file.string() + " 的权限是 " + mode +
                               "，本组或其他用户也能访问；私钥只能由所有者读写。请执行 chmod 600 " + file.string() +
                               "（若私钥可能已被他人读过，应作废并重新生成密钥）");
    }
    Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio) openssl_fail("读取办公室签名私钥", file.string());
    EVP_PKEY* k = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!k) {
        const std::string why = openssl_errors();
        throw OfficeKeyRefused("办公室签名私钥 " + file.string() + " 不是可读的 PEM 私钥（" + why + "）");
    }
    auto key = own(k);
    if (!is_ed25519(k))
        throw OfficeKeyRefused("办公室签名私钥 " + file.string() + " 不是 Ed25519 密钥（是 " +
                               std::string(EVP_PKEY_get0_type_name(k) ? EVP_PKEY_get0_type_name(k) : "?") + "）");
    return key;
}

// Makes a new pair and writes the private key with O_CREAT|O_EXCL, mode 0600. Returns
// null when another process created the file first (the caller then reads it).
std::shared_ptr<EVP_PKEY> create_private_key(const fs::path& file) {
    EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!k) openssl_fail("生成 Ed25519 办公室签名密钥", file.string());
    auto key = own(k);
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), k, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        openssl_fail("把办公室签名私钥编码为 PEM", file.string());
    const std::string pem = bio_text(bio.get());

    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return nullptr;
        throw RegistryError("创建办公室签名私钥 " + file.string() + " 失败：" + errno_text(errno));
    }
    std::size_t done = 0;
    int err = 0;
    while (done < pem.size()) {
        const ssize_t n = ::write(fd, pem.data() + done, pem.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        done += std::size_t(n);
    }
    if (!err && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && !err) err = errno;
    if (err) {
        ::unlink(file.c_str());  // no half-written key for the next run to trip on
        throw RegistryError("写入办公室签名私钥 " + file.string() + " 失败：" + errno_text(err));
    }
    return key;
}

std::shared_ptr<EVP_PKEY> public_half(EVP_PKEY* k, const std::string& where) {
    unsigned char raw[32];
    std::size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(k, raw, &len) != 1 || len != sizeof raw)
        openssl_fail("取出 Ed25519 公钥", where);
    EVP_PKEY* pub = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw, len);
    if (!pub) openssl_fail("构造 Ed25519 公钥", where);
    return own(pub);
}

}  // namespace

fs::path default_office_key_path(const std::function<const char*(const char*)>& getenv) {
    const char* v = getenv ? getenv("AWARD_OFFICE_KEY") : std::getenv("AWARD_OFFICE_KEY");
    if (v && *v) return v;
    return default_registry_path(getenv).parent_path() / "keys" / "office-ed25519.pem";
}

std::string base64url_encode(std::string_view bytes) { return b64_encode(bytes, kUrl, false); }
bool base64url_decode(std::string_view text, std::string& bytes) { return b64_decode(text, kUrl, false, bytes); }

// --- PublicKey ---

PublicKey PublicKey::from_pem(const std::string& pem, const std::string& source) {
    Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio) openssl_fail("读取公钥", source);
    EVP_PKEY* k = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!k) {
        const std::string why = openssl_errors();
        throw OfficeKeyRefused(source + " 不是 PEM 格式的公钥（-----BEGIN PUBLIC KEY-----）：" + why);
    }
    auto key = own(k);
    if (!is_ed25519(k)) throw OfficeKeyRefused(source + " 不是 Ed25519 公钥");
    return PublicKey(key);
}

PublicKey PublicKey::read_pem_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw OfficeKeyRefused("无法打开公钥文件 " + file.string() + "：" + errno_text(errno));
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return from_pem(pem, "公钥文件 " + file.string());
}

PublicKey PublicKey::from_base64(const std::string& text, const std::string& source) {
    std::string raw;
    if (!b64_decode(text, kStd, true, raw) || raw.size() != 32)
        throw OfficeKeyRefused(source + " 的公钥 “" + text + "” 不对：应为 44 个字符的 base64（32 字节的 Ed25519 公钥）");
    EVP_PKEY* k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                              reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    if (!k) openssl_fail("构造 Ed25519 公钥", source);
    return PublicKey(own(k));
}

std::string PublicKey::pem() const {
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) openssl_fail("把公钥编码为 PEM", "内存");
    return bio_text(bio.get());
}

std::string PublicKey::base64() const {
    unsigned char raw[32];
    std::size_t len = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key_.get(), raw, &len) != 1) openssl_fail("取出 Ed25519 公钥", "内存");
    return b64_encode(std::string_view(reinterpret_cast<const char*>(raw), len), kStd, true);
}

void PublicKey::write_pem_file(const fs::path& file) const {
    const std::string text = pem();
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw RegistryError("写入公钥文件 " + file.string() + " 失败：" + errno_text(errno));
}

bool PublicKey::verify(std::string_view message, const Signature& signature) const {
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
        openssl_fail("准备验证 Ed25519 签名", "公钥 " + base64());
    const int rc = EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                                    reinterpret_cast<const unsigned char*>(message.data()), message.size());
    if (rc == 1) return true;
    if (rc == 0) {
        ERR_clear_error();  // a wrong signature is an answer, not an error
        return false;
    }
    openssl_fail("验证 Ed25519 签名", "公钥 " + base64());
}

// --- OfficeKey ---

OfficeKey::OfficeKey(fs::path path, std::shared_ptr<EVP_PKEY> key, bool created)
    : path_(std::move(path)), key_(std::move(key)), public_(public_half(key_.get(), path_.string())), created_(created) {}

OfficeKey OfficeKey::load_or_create(const fs::path& key_file, const fs::path& output_folder) {
    if (key_file.empty()) throw OfficeKeyRefused("没有给出办公室签名私钥的位置");
    check_location(key_file, output_folder);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(key_file, ec))) {
        make_key_folder(key_file.parent_path());
        if (auto key = create_private_key(key_file)) return OfficeKey(key_file, key, true);
        // Another run created it between our look and our open: use theirs.
    }
    return OfficeKey(key_file, read_private_key(key_file), false);
}

OfficeKey OfficeKey::load_existing(const fs::path& key_file) {
    std::error_code ec;
    if (key_file.empty() || !fs::exists(fs::symlink_status(key_file, ec)))
        throw OfficeKeyRefused("办公室签名私钥 " + key_file.string() +
                               " 不存在：本机还没有颁发过证书（award run 在第一次颁发证书时生成密钥）；"
                               "用 --office-key 指定密钥文件，或用 --public-key 指定颁证机构导出的公钥");
    return OfficeKey(key_file, read_private_key(key_file), false);
}

Signature OfficeKey::sign(std::string_view message) const {
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
        openssl_fail("准备用办公室签名私钥签名", path_.string());
    Signature sig{};
    std::size_t len = sig.size();
    if (EVP_DigestSign(ctx.get(), sig.data(), &len, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        len != sig.size())
        openssl_fail("用办公室签名私钥签名", path_.string());
    return sig;
}

}  // namespace award
