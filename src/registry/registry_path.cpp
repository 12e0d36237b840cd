#include "registry/registry_path.hpp"

#include <cstdlib>

#include "registry/sqlite.hpp"

namespace award {

namespace fs = std::filesystem;

fs::path default_registry_path(const std::function<const char*(const char*)>& getenv) {
    auto env = [&](const char* name) -> std::string {
        const char* v = getenv ? getenv(name) : std::getenv(name);
        return v ? v : "";
    };
    if (auto path = env("AWARD_REGISTRY"); !path.empty()) return path;
    if (fs::path data = env("XDG_DATA_HOME"); data.is_absolute()) return data / "award" / "registry.sqlite";
    if (auto home = env("HOME"); !home.empty()) return fs::path(home) / ".local" / "share" / "award" / "registry.sqlite";
    throw RegistryRefused("找不到登记库的默认位置：环境变量 AWARD_REGISTRY、XDG_DATA_HOME 和 HOME 都没有设置；请用 --registry 指定登记库文件");
}

}  // namespace award
