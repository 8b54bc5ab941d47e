// quotegraph: who said what to whom, from news articles to graphs.
// main() only builds the command table, parses and maps errors to exit codes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "extract/error.hpp"

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("quotegraph");
  logger->set_pattern("%n: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{
      "quotegraph: turns news articles into a graph of who said what to whom.\n\n"
      "Examples:\n"
      "  quotegraph extract samples/ --format jsonl > quotes.jsonl\n"
      "  quotegraph build samples/ -o out/samples.graphml\n"
      "  quotegraph build samples/ -o corpus.qg && quotegraph query corpus.qg speakers\n\n"
      "Exit codes: 0 ok, 1 some input failed (the rest was processed), 2 usage error.",
      "quotegraph"};
  app.set_version_flag("--version", std::string("quotegraph ") + QUOTEGRAPH_VERSION);
  int verbose = 0;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbose, "More log output on stderr (-vv for debug)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr, no progress bar");
  app.require_subcommand(1);
  app.fallthrough();

  int exit_code = 0;
  quotegraph::cli::add_extract_command(app, exit_code);
  quotegraph::cli::add_build_command(app, exit_code);
  quotegraph::cli::add_export_command(app, exit_code);
  quotegraph::cli::add_query_command(app, exit_code);

  app.parse_complete_callback([&] {
    if (quiet) {
      spdlog::set_level(spdlog::level::err);
    } else if (verbose >= 2) {
      spdlog::set_level(spdlog::level::debug);
    } else if (verbose == 1) {
      spdlog::set_level(spdlog::level::info);
    }
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(quotegraph::ExitCode::kUsage);
  } catch (const quotegraph::Error& e) {
    spdlog::error("{}", e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return static_cast<int>(quotegraph::ExitCode::kInputFailed);
  }
  return exit_code;
}
