// `quotegraph build INPUT... -o FILE`: extract every document, merge into one graph,
// write it in the format of FILE's extension.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <optional>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "exporters/format.hpp"
#include "extract/error.hpp"
#include "extract/extract.hpp"
#include "graph/graph.hpp"

namespace quotegraph::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string view = "full";
};

exporters::Format choose_format(const BuildOptions& opts) {
  if (!opts.format.empty()) {
    if (auto f = exporters::format_from_name(opts.format)) return *f;
    throw UsageError("unknown --format '" + opts.format + "' (use graphml, dot or json)");
  }
  if (opts.output == "-") throw UsageError("-o - writes to stdout and needs --format");
  if (auto f = exporters::format_from_path(opts.output)) return *f;
  throw UsageError("cannot tell the format of '" + opts.output +
                   "': use a .graphml, .dot or .json file name, or --format");
}

void run_build(const BuildOptions& opts, int& exit_code) {
  const exporters::Format format = choose_format(opts);
  if (opts.view != "full" && opts.view != "people") {
    throw UsageError("unknown --view '" + opts.view + "' (use full or people)");
  }

  graph::GraphBuilder builder;
  std::size_t documents = 0;
  const std::size_t failed = for_each_document(opts.inputs, [&](Document&& doc) {
    builder.add(extract(doc));
    ++documents;
  });
  const graph::Graph g =
      opts.view == "people" ? graph::person_graph(builder.graph()) : builder.release();
  spdlog::info("{} documents, {} nodes, {} edges", documents, boost::num_vertices(g),
               boost::num_edges(g));

  auto write = [&](std::ostream& out) { exporters::write_graph(g, format, out); };
  if (opts.output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to stdout");
  } else {
    write_file_atomically(opts.output, write);
  }
  exit_code = failed > 0 ? static_cast<int>(ExitCode::kInputFailed) : 0;
}

}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Extract quotes from the inputs and write the graph of who said what to whom");
  cmd->add_option("inputs", opts->inputs,
                  "Articles: .txt/.md files, .jsonl collections, directories, - for stdin")
      ->required();
  cmd->add_option("-o,--output", opts->output,
                  "Output file; the format comes from its extension (.graphml, .dot, .json); "
                  "- for stdout with --format")
      ->required();
  cmd->add_option("--format", opts->format, "graphml, dot or json (default: from -o)");
  cmd->add_option("--view", opts->view,
                  "full: people, handles, statements and documents (default); people: "
                  "person-to-person edges weighted by how often one addresses, mentions or "
                  "replies to the other");
  cmd->footer(
      "Examples:\n"
      "  quotegraph build samples -o out/samples.graphml      # for Gephi, networkx, igraph\n"
      "  quotegraph build article.txt -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n"
      "  quotegraph build news.jsonl --view people -o people.graphml\n"
      "  cat article.txt | quotegraph build - -o - --format json\n"
      "\n"
      "The file is written to a temporary name and renamed, so a failed run leaves no\n"
      "half-written output. Exit codes: 0 ok; 1 some input failed (reported on stderr,\n"
      "the graph of the rest is still written) or the output could not be written;\n"
      "2 usage error.");
  cmd->callback([opts, &exit_code] { run_build(*opts, exit_code); });
}

}  // namespace quotegraph::cli
