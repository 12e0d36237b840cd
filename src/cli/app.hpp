#pragma once

namespace award {
// The command line: `award check CASE_DIR`, `award run CASE_DIR [--out DIR]`.
// Returns the exit status: 0 done, 2 bad input (nothing written), 1 internal failure.
int run_cli(int argc, char** argv);
}  // namespace award
