// The sub-command table: each command file adds itself to the app and sets
// `exit_code` when it runs. main() only parses, dispatches and maps errors.
#pragma once

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "extract/error.hpp"

namespace quotegraph::cli {

void add_extract_command(CLI::App& app, int& exit_code);
void add_build_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_query_command(CLI::App& app, int& exit_code);

/// The error of a write to stdout that failed (a full disk, a closed pipe), with the
/// system's reason from errno: "cannot write to stdout: No space left on device".
inline Error stdout_write_error() {
  return Error(std::string("cannot write to stdout: ") + std::strerror(errno));
}

}  // namespace quotegraph::cli
