// A fresh, private folder under the system temp dir for one test, removed with
// everything in it when the test ends. Shared by every test program.
#pragma once
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <stdlib.h>

namespace award::test {

class TempDir {
public:
    // With `subfolder`, path() is a folder of that name inside the private one
    // (a case folder's name is its id, so tests can choose it).
    explicit TempDir(const std::string& subfolder = "") {
        std::string t = (std::filesystem::temp_directory_path() / "award-test-XXXXXX").string();
        if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp failed under " + t);
        base_ = t;
        path_ = subfolder.empty() ? base_ : base_ / subfolder;
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(base_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Writes `text` to path()/name and returns the file's path.
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        auto p = path_ / name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }

private:
    std::filesystem::path base_, path_;
};

}  // namespace award::test
