// The office's Ed25519 key (made on first use, owner-only, never in output/ or a work
// tree) and the signed certificate payload the QR codes will carry (issue 6).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <map>

#include "registry/certificate_payload.hpp"
#include "registry/office_key.hpp"
#include "support.hpp"

using namespace award;
using namespace registry_test;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return unsigned(st.st_mode & 07777);
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

CertificateClaim hengyuan_claim() {
    return {"WD2026Z001", kHengyuan, "许昌恒远电力装备有限公司", "区长质量奖", 2026, Date(2026, 12, 20), "weidu"};
}

// The message of `refusal` thrown by f(), or "" when nothing was thrown.
template <class E, class F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the office key is made on first use: private key file 0600 in a new folder 0700") {
    TempDir tmp;
    const fs::path file = tmp.path() / "award" / "keys" / "office-ed25519.pem";
    const OfficeKey key = OfficeKey::load_or_create(file, tmp.path() / "output");
    CHECK(key.created());
    CHECK(key.path() == file);
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.parent_path()) == 0700);
    const std::string pem = read_text(file);
    CHECK(contains(pem, "-----BEGIN PRIVATE KEY-----"));  // PKCS#8, unencrypted (the file mode protects it)
    CHECK(key.public_key().base64().size() == 44);
}

TEST_CASE("the office key is reused on the next load: same public key, the file untouched") {
    TempDir tmp;
    const fs::path file = tmp.path() / "keys" / "office-ed25519.pem";
    const OfficeKey first = OfficeKey::load_or_create(file, {});
    const std::string pem = read_text(file);
    const OfficeKey second = OfficeKey::load_or_create(file, {});
    CHECK_FALSE(second.created());
    CHECK(second.public_key() == first.public_key());
    CHECK(read_text(file) == pem);
    // And what the first signed, the second's public key verifies.
    CHECK(second.public_key().verify("AWD1|x", first.sign("AWD1|x")));
}

TEST_CASE("a private key file its group or others can read is refused, naming the file and chmod 600") {
    TempDir tmp;
    const fs::path file = tmp.path() / "keys" / "office-ed25519.pem";
    OfficeKey::load_or_create(file, {});
    for (const fs::perms loose : {fs::perms::group_read, fs::perms::others_read}) {
        fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | loose);
        const std::string message = refusal<OfficeKeyRefused>([&] { OfficeKey::load_or_create(file, {}); });
        INFO(message);
        CHECK(contains(message, file.string()));
        CHECK(contains(message, "chmod 600"));
        CHECK(contains(message, loose == fs::perms::group_read ? "640" : "604"));
    }
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    CHECK_FALSE(OfficeKey::load_or_create(file, {}).created());
}

TEST_CASE("a key path inside the output folder or a git work tree is refused, and nothing is created") {
    TempDir tmp;
    const fs::path output = tmp.path() / "output";
    fs::create_directories(output);
    for (const fs::path& file : {output / "keys" / "office-ed25519.pem", tmp.path() / "elsewhere" / ".." / "output" / "k.pem"}) {
        const std::string message = refusal<OfficeKeyRefused>([&] { OfficeKey::load_or_create(file, output); });
        INFO(message);
        CHECK(contains(message, "输出文件夹"));
        CHECK(contains(message, file.string()));
        CHECK_FALSE(fs::exists(file));
    }
    CHECK_FALSE(fs::exists(output / "keys"));

    const fs::path repo = tmp.path() / "repo";
    fs::create_directories(repo / ".git");
    const fs::path in_repo = repo / "secrets" / "office-ed25519.pem";
    const std::string message = refusal<OfficeKeyRefused>([&] { OfficeKey::load_or_create(in_repo, output); });
    INFO(message);
    CHECK(contains(message, "git 工作区"));
    CHECK(contains(message, repo.string()));
    CHECK_FALSE(fs::exists(repo / "secrets"));
    // Beside them, not inside either, is fine.
    CHECK(OfficeKey::load_or_create(tmp.path() / "keys" / "k.pem", output).created());
}

TEST_CASE("a key file that is not an Ed25519 private key is refused with OpenSSL's reason") {
    TempDir tmp;
    const fs::path file = tmp.write("k.pem", "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    const std::string message = refusal<OfficeKeyRefused>([&] { OfficeKey::load_or_create(file, {}); });
    INFO(message);
    CHECK(contains(message, file.string()));
    CHECK(contains(message, "PEM"));
    CHECK(contains(message, "error:"));  // ERR_error_string's text
}

TEST_CASE("the default key location is beside the registry's data folder, AWARD_OFFICE_KEY overrides") {
    std::map<std::string, std::string> env{{"HOME", "/home/office"}};
    auto getenv = [&](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    CHECK(default_office_key_path(getenv) == "/home/office/.local/share/award/keys/office-ed25519.pem");
    env["XDG_DATA_HOME"] = "/data";
    CHECK(default_office_key_path(getenv) == "/data/award/keys/office-ed25519.pem");
    env["AWARD_OFFICE_KEY"] = "/secure/office.pem";
    CHECK(default_office_key_path(getenv) == "/secure/office.pem");
}

TEST_CASE("the public key exported as PEM and as 44-character base64 reads back as the same key") {
    TempDir tmp;
    const OfficeKey key = OfficeKey::load_or_create(tmp.path() / "keys" / "k.pem", {});
    const fs::path pub = tmp.path() / "office-ed25519.pub.pem";
    key.public_key().write_pem_file(pub);
    CHECK(contains(read_text(pub), "-----BEGIN PUBLIC KEY-----"));
    CHECK(PublicKey::read_pem_file(pub) == key.public_key());
    CHECK(PublicKey::from_base64(key.public_key().base64(), "test") == key.public_key());
    const std::string bad = refusal<OfficeKeyRefused>([] { PublicKey::from_base64("AAAA", "--public-key"); });
    CHECK(contains(bad, "--public-key"));
    CHECK(contains(bad, "44"));
}

TEST_CASE("a signed certificate payload verifies with the office's public key and reads back the same claim") {
    TempDir tmp;
    const OfficeKey key = OfficeKey::load_or_create(tmp.path() / "keys" / "k.pem", {});
    const std::string payload = sign_certificate_payload(hengyuan_claim(), key);
    CHECK(payload.rfind("AWD1|WD2026Z001|91411002175206385X|许昌恒远电力装备有限公司|区长质量奖|2026|2026-12-20|weidu|", 0) == 0);
    const ParsedCertificatePayload parsed = parse_certificate_payload(payload);
    CHECK(parsed.claim == hengyuan_claim());
    CHECK(parsed.message == certificate_message(hengyuan_claim()));
    CHECK(payload.size() == parsed.message.size() + 1 + 86);
    CHECK(verify_certificate_payload(key.public_key(), parsed));
    // Ed25519 is deterministic: the same claim signs to the same text (reruns issue the same QR).
    CHECK(sign_certificate_payload(hengyuan_claim(), key) == payload);
    CHECK(format_certificate_payload(parsed.claim, parsed.signature) == payload);
}

TEST_CASE("a certificate payload changed after signing fails verification: holder name, award, year") {
    TempDir tmp;
    const OfficeKey key = OfficeKey::load_or_create(tmp.path() / "keys" / "k.pem", {});
    const std::string payload = sign_certificate_payload(hengyuan_claim(), key);
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"许昌恒远电力装备有限公司", "许昌恒达电力装备有限公司"},
             {"|区长质量奖|", "|区长质量提名奖|"},
             {"|2026|", "|2027|"},
             {"WD2026Z001", "WD2026Z002"}}) {
        const std::string forged = replace(payload, from, to);
        INFO(forged);
        CHECK_FALSE(verify_certificate_payload(key.public_key(), parse_certificate_payload(forged)));
    }
}

TEST_CASE("a certificate payload signed by another key fails verification") {
    TempDir tmp;
    const OfficeKey office = OfficeKey::load_or_create(tmp.path() / "office" / "k.pem", {});
    const OfficeKey other = OfficeKey::load_or_create(tmp.path() / "other" / "k.pem", {});
    REQUIRE_FALSE(office.public_key() == other.public_key());
    const auto parsed = parse_certificate_payload(sign_certificate_payload(hengyuan_claim(), other));
    CHECK(verify_certificate_payload(other.public_key(), parsed));
    CHECK_FALSE(verify_certificate_payload(office.public_key(), parsed));
}

TEST_CASE("a malformed certificate payload is refused with a message naming the field and what was expected") {
    TempDir tmp;
    const OfficeKey key = OfficeKey::load_or_create(tmp.path() / "keys" / "k.pem", {});
    const std::string good = sign_certificate_payload(hengyuan_claim(), key);
    auto message = [](const std::string& text) {
        return refusal<CertificatePayloadError>([&] { parse_certificate_payload(text); });
    };
    // Today's unsigned QR text is not this format.
    CHECK(contains(message("AWARD1:WEIDU:WD2026Z001:2026-12-20:91411002175206385X:0123456789ABCDEF"), "AWD1|"));
    CHECK(contains(message(replace(good, "|weidu|", "|")), "应有 9 段"));
    CHECK(contains(message(replace(good, "|weidu|", "|weidu|x|")), "实有 10 段"));
    const std::string date = message(replace(good, "2026-12-20", "2026-02-30"));
    CHECK(contains(date, "颁发日期"));
    CHECK(contains(date, "2026-02-30"));
    const std::string sig = message(good.substr(0, good.size() - 2));
    CHECK(contains(sig, "签名"));
    CHECK(contains(sig, "86"));
    CHECK(contains(message(replace(good, kHengyuan, "91411002175206385x")), "统一社会信用代码"));
    CHECK(contains(message(replace(good, "许昌恒远电力装备有限公司", "")), "单位名称"));
    CHECK(contains(message(replace(good, "|2026|", "|26|")), "四位年份"));
    CHECK(message(good).empty());

    // And a claim the format cannot carry is refused before signing, not escaped.
    CertificateClaim piped = hengyuan_claim();
    piped.holder = "许昌恒远|电力";
    const std::string refused = refusal<CertificatePayloadError>([&] { sign_certificate_payload(piped, key); });
    CHECK(contains(refused, "单位名称"));
    CHECK(contains(refused, "许昌恒远|电力"));
    CHECK(contains(refused, "WD2026Z001"));
}

TEST_CASE("base64url decoding is strict: only canonical text decodes") {
    std::string bytes;
    CHECK(base64url_encode(std::string("\xfb\xff", 2)) == "-_8");
    CHECK(base64url_decode("-_8", bytes));
    CHECK(bytes == std::string("\xfb\xff", 2));
    CHECK_FALSE(base64url_decode("-_9", bytes));   // non-zero trailing bits
    CHECK_FALSE(base64url_decode("-_8=", bytes));  // padding
    CHECK_FALSE(base64url_decode("+/8", bytes));   // standard alphabet
    CHECK_FALSE(base64url_decode("A", bytes));     // impossible length
}
