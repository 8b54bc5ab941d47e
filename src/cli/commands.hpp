// The sub-command table: each command file adds itself to the app and sets
// `exit_code` when it runs. main() only parses, dispatches and maps errors.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace quotegraph::cli {

void add_extract_command(CLI::App& app, int& exit_code);
void add_build_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_query_command(CLI::App& app, int& exit_code);

}  // namespace quotegraph::cli
