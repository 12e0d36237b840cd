#include "cli/output_folder.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace award {

namespace fs = std::filesystem;

namespace {

std::string lower_hex(const unsigned char* bytes, unsigned len) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) out += digits[bytes[i] >> 4], out += digits[bytes[i] & 15];
    return out;
}

}  // namespace

std::string sha256_hex_of_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("无法读取 " + file.string());
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    std::array<char, 65536> buf;
    while (in) {
        in.read(buf.data(), buf.size());
        EVP_DigestUpdate(ctx, buf.data(), std::size_t(in.gcount()));
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, md, &len);
    EVP_MD_CTX_free(ctx);
    return lower_hex(md, len);
}

std::string sha256_hex_of_text(std::string_view text) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
    return lower_hex(md, len);
}

namespace {

std::vector<ManifestEntry> list_files(const fs::path& dir) {
    std::vector<ManifestEntry> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        files.push_back({fs::relative(e.path(), dir).generic_string(), sha256_hex_of_file(e.path()), e.file_size()});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

bool same_files(const std::vector<ManifestEntry>& a, const std::vector<ManifestEntry>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.path == y.path && x.sha256 == y.sha256; });
}

}  // namespace

StagedOutput::StagedOutput(fs::path out_root, std::string case_id) : root_(std::move(out_root)) {
    // Remember the folders this run creates, so that a run that fails leaves none behind.
    for (fs::path p = fs::absolute(root_); !p.empty() && !fs::exists(p); p = p.parent_path()) {
        created_.push_back(p);
        if (p == p.parent_path()) break;
    }
    fs::create_directories(root_);
    target_ = root_ / sanitize_file_name(case_id);
    staging_ = root_ / ("." + sanitize_file_name(case_id) + ".staging-" + std::to_string(::getpid()));
    fs::remove_all(staging_);
    fs::create_directories(staging_);
}

StagedOutput::~StagedOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
        for (const auto& dir : created_) fs::remove(dir, ec);  // innermost first; only if empty
    }
}

fs::path StagedOutput::reserve(const fs::path& relative) {
    fs::path rel = relative;
    for (int n = 2; std::find(reserved_.begin(), reserved_.end(), rel) != reserved_.end(); ++n)
        rel = relative.parent_path() / (relative.stem().string() + "（" + std::to_string(n) + "）" + relative.extension().string());
    reserved_.push_back(rel);
    fs::path full = staging_ / rel;
    fs::create_directories(full.parent_path());
    return full;
}

StagedOutput::Committed StagedOutput::commit(const std::string& case_id, const std::string& policy_id,
                                             const std::vector<std::string>& warnings) {
    std::vector<ManifestEntry> files = list_files(staging_);
    nlohmann::ordered_json manifest;
    manifest["case"] = case_id;
    manifest["policy"] = policy_id;
    if (!warnings.empty()) manifest["warnings"] = warnings;  // absent otherwise: the usual manifest keeps its bytes
    manifest["files"] = nlohmann::ordered_json::array();
    for (const auto& f : files)
        manifest["files"].push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
    {
        std::ofstream out(staging_ / "manifest.json", std::ios::binary);
        out << manifest.dump(2) << "\n";
        if (!out) throw std::runtime_error("无法写入 " + (staging_ / "manifest.json").string());
    }

    Committed done{Result::Created, target_, {}, files};
    if (fs::exists(target_)) {
        if (same_files(list_files(target_), list_files(staging_))) {
            fs::remove_all(staging_);
            committed_ = true;
            done.result = Result::Unchanged;
            return done;
        }
        fs::path previous;
        for (int n = 1;; ++n) {
            previous = root_ / (target_.filename().string() + ".previous-" + std::to_string(n));
            if (!fs::exists(previous)) break;
        }
        fs::rename(target_, previous);
        done.result = Result::Replaced;
        done.previous = previous;
    }
    fs::rename(staging_, target_);
    committed_ = true;
    return done;
}

void print_committed(const StagedOutput::Committed& done, const std::string& what) {
    switch (done.result) {
    case StagedOutput::Result::Created:
        std::cout << "已写入" << what << "：" << done.folder.string() << "（" << done.files.size() << " 个文件，见 manifest.json）。\n";
        break;
    case StagedOutput::Result::Unchanged:
        std::cout << what << "已是最新，未改动：" << done.folder.string() << "（" << done.files.size() << " 个文件）。\n";
        break;
    case StagedOutput::Result::Replaced:
        std::cout << "已写入" << what << "：" << done.folder.string() << "（" << done.files.size()
                  << " 个文件）；上次的不同结果已保留在 " << done.previous.string() << "。\n";
        break;
    }
}

}  // namespace award
