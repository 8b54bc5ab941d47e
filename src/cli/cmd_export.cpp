// `quotegraph export CORPUS.qg -o FILE [--view V]`: a saved corpus as GraphML, DOT or
// JSON, in any view.
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/corpus_file.hpp"
#include "cli/exit_memory.hpp"
#include "cli/graph_output.hpp"
#include "cli/parallel.hpp"

namespace quotegraph::cli {

void add_export_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string corpus;
    std::string output;
    std::string format;
    std::string view = "full";
    unsigned jobs = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("export", "Write the graph of a .qg corpus for other tools");
  cmd->add_option("corpus", opts->corpus, "A corpus written by build -o FILE.qg")->required();
  cmd->add_option("-o,--output", opts->output,
                  "Output file; the format comes from its extension (.graphml, .dot, .json); - "
                  "for stdout with --format")
      ->required();
  cmd->add_option("--format", opts->format, "graphml, dot or json (default: from -o)");
  cmd->add_option("--view", opts->view, "full (default), people or people-documents");
  cmd->add_option("-j,--jobs", opts->jobs,
                  "Threads writing GraphML (default 0: every core); the output is the same "
                  "whatever the number");
  cmd->footer(
      "Examples:\n"
      "  quotegraph export corpus.qg -o corpus.graphml\n"
      "  quotegraph export corpus.qg --view people -o people.graphml     # for Gephi\n"
      "  quotegraph export corpus.qg --view people-documents -o bipartite.json");
  cmd->callback([opts, &exit_code] {
    GraphOutput output = graph_output(opts->output, opts->format, opts->view, false);
    output.threads = opts->jobs == 0 ? default_jobs() : opts->jobs;
    const auto start = std::chrono::steady_clock::now();
    graph::Corpus corpus = load_corpus_file(opts->corpus, graph::Keep::kGraph);
    const double load = seconds_since(start);
    spdlog::info("stage times: load {} {:.3f} s ({} documents)", opts->corpus, load,
                 corpus.documents().size());
    const StageTimes t = write_graph_output(corpus, output);
    keep_until_exit(std::move(corpus));
    spdlog::info("export total {:.3f} s", load + t.identities + t.graph + t.view + t.write);
    exit_code = 0;
  });
}

}  // namespace quotegraph::cli
