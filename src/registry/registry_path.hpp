// Where the registry is when the user does not say (--registry PATH).
#pragma once
#include <filesystem>
#include <functional>

namespace award {

// $AWARD_REGISTRY when set; else $XDG_DATA_HOME/award/registry.sqlite (XDG_DATA_HOME
// only when absolute, as the XDG Base Directory specification asks); else
// $HOME/.local/share/award/registry.sqlite. Throws RegistryRefused when none of them is
// set. `getenv` is replaceable for tests.
std::filesystem::path default_registry_path(const std::function<const char*(const char*)>& getenv = nullptr);

}  // namespace award
