// `quotegraph extract`: one JSON object per document on stdout.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/progress.hpp"
#include "extract/error.hpp"
#include "extract/extract.hpp"
#include "extract/serialize.hpp"

namespace quotegraph::cli {

void add_extract_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::vector<std::string> inputs;
    std::string format = "jsonl";
    bool explain = false;
    bool progress = true;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract statements, speakers, handles and replies; one JSON object per document.\n\n"
      "Examples:\n"
      "  quotegraph extract article.txt --format jsonl\n"
      "  quotegraph extract corpus.jsonl more/ --explain > quotes.jsonl\n"
      "  cat article.txt | quotegraph extract -");
  cmd->add_option("inputs", opts->inputs, "Files (.txt, .md, .jsonl), directories, or - for stdin")
      ->required();
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--explain", opts->explain,
                "Add to each statement the rule that chose its speaker and the evidence");
  cmd->add_flag("!--no-progress", opts->progress, "No progress bar on a terminal");
  cmd->callback([opts, &exit_code] {
    // Lines are gathered and written in blocks of about kFlushBytes: few system calls, and
    // memory that does not grow with the corpus.
    constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
    std::string buffer;
    buffer.reserve(kFlushBytes + (kFlushBytes >> 2));
    // A write that fails (a full disk, a closed pipe) ends the run at once: going on would
    // extract the rest for nothing and exit 0 with the output cut short.
    auto flush = [&buffer] {
      if (!buffer.empty() &&
          std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
        throw stdout_write_error();
      }
      buffer.clear();
    };
    // On a terminal each line goes out at once, next to any error message about the input.
    const bool interactive = isatty(fileno(stdout)) != 0;
    JsonlWriter writer;
    Progress progress(opts->progress && spdlog::get_level() <= spdlog::level::warn);
    std::size_t failed = for_each_document(opts->inputs, [&](Document&& doc) {
      writer.append(extract(doc), opts->explain, buffer);
      if (interactive || buffer.size() >= kFlushBytes) flush();
      progress.tick(doc.text.size());
    });
    flush();
    progress.done();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
      throw stdout_write_error();
    }
    exit_code = failed > 0 ? static_cast<int>(ExitCode::kInputFailed) : 0;
  });
}

}  // namespace quotegraph::cli
