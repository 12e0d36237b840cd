#include "cli/registry_command.hpp"

#include <cctype>
#include <cerrno>
#include <fstream>
#include <iostream>
#include <system_error>

#include <unistd.h>

#include "packs/policy_pack.hpp"
#include "registry/registry.hpp"

namespace award {

namespace fs = std::filesystem;

bool is_xlsx_name(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& ch : ext) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return ext == ".xlsx";
}

int run_registry_import(const fs::path& registry, const fs::path& file, const fs::path& data_dir) {
    const PolicyCatalog packs = load_policy_catalog(data_dir / "templates" / "policies");
    std::error_code ec;
    const bool existed = fs::exists(registry, ec);
    ImportSummary s;
    try {
        Registry r(registry, Registry::Open::CreateIfMissing);
        s = is_xlsx_name(file) ? r.import_xlsx(file, packs) : r.import_json(file, packs);
    } catch (...) {
        // A registry this import created is removed again: nothing is left behind.
        if (!existed) fs::remove(registry, ec);
        throw;
    }
    if (!existed) std::cout << "已新建登记库 " << registry.string() << "。\n";
    std::cout << "已导入 " << file.string() << " 到登记库 " << registry.string() << "：新增 " << s.added << " 条，更新 "
              << s.changed << " 条，未变 " << s.unchanged << " 条。\n";
    if (!s.changed_records.empty()) {
        std::cout << "更新的记录（原记录保留在登记库的历史表中）：\n";
        for (const auto& rec : s.changed_records) std::cout << "  " << rec << "\n";
    }
    return 0;
}

int run_registry_export(const fs::path& registry, const fs::path& out_file, const fs::path& data_dir) {
    Registry r(registry, Registry::Open::MustExist);
    if (!out_file.empty() && is_xlsx_name(out_file)) {
        r.export_xlsx(out_file, load_policy_catalog(data_dir / "templates" / "policies"));
        std::cout << "已导出登记库 " << registry.string() << " 到工作簿 " << out_file.string() << "。\n";
        return 0;
    }
    const std::string text = r.export_json().dump(2, ' ', false) + "\n";
    if (out_file.empty()) {
        std::cout << text;
        return 0;
    }
    // Written beside the target and renamed into place: never half a file.
    fs::path temp = out_file;
    temp += ".tmp-" + std::to_string(::getpid());
    std::ofstream out(temp, std::ios::binary);
    if (!out) throw fs::filesystem_error("cannot create", temp, std::error_code(errno, std::generic_category()));
    out << text;
    out.close();
    if (!out) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw fs::filesystem_error("cannot write", out_file, std::make_error_code(std::errc::io_error));
    }
    fs::rename(temp, out_file);
    std::cout << "已导出登记库 " << registry.string() << " 到 " << out_file.string() << "。\n";
    return 0;
}

}  // namespace award
