// The registry's lookups for `award revoke` (cli/revoke_command.hpp).
#include "registry/registry.hpp"

namespace award {

std::vector<std::string> Registry::certificate_numbers() {
    auto s = db_.prepare("SELECT number FROM certificates ORDER BY number", "列出证书编号");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

}  // namespace award
