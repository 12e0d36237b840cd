// `award registry import FILE` and `award registry export`: seeding the award registry
// with earlier years and writing all of it back out (registry/registry.hpp).
#pragma once
#include <filesystem>
#include <string>

namespace award {

// Imports FILE into the registry (created when missing), its packs checked against
// data_dir/templates/policies: a workbook when FILE ends in .xlsx (Registry::import_xlsx),
// JSON otherwise. Prints what was added and changed. Returns the exit status; throws
// InputError (nothing imported), RegistryRefused or RegistryError.
int run_registry_import(const std::filesystem::path& registry, const std::filesystem::path& file,
                        const std::filesystem::path& data_dir);

// Writes the registry as JSON to out_file, or to stdout when out_file is empty; as a
// workbook when out_file ends in .xlsx (Registry::export_xlsx, the packs of data_dir
// offered in its 政策包 columns). The registry must exist. Returns the exit status.
int run_registry_export(const std::filesystem::path& registry, const std::filesystem::path& out_file,
                        const std::filesystem::path& data_dir);

// Whether `file` is a workbook by its name (.xlsx in any case).
bool is_xlsx_name(const std::filesystem::path& file);

}  // namespace award
