#include "cli/app.hpp"

int main(int argc, char** argv) { return award::run_cli(argc, argv); }
