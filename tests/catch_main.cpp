#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

#include "common/temp_dir.hpp"

// Every `award` a test runs keeps its registry and office key in this test process's
// own folder (ctest runs each test case in a process of its own), never in the
// user's home: AWARD_REGISTRY and AWARD_OFFICE_KEY are inherited by the children.
int main(int argc, char* argv[]) {
    award::test::TempDir state;
    setenv("AWARD_REGISTRY", (state.path() / "registry.sqlite").c_str(), 1);
    setenv("AWARD_OFFICE_KEY", (state.path() / "keys" / "office-ed25519.pem").c_str(), 1);
    setenv("XDG_DATA_HOME", (state.path() / "xdg").c_str(), 1);
    return Catch::Session().run(argc, argv);
}
