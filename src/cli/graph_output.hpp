// Where `build -o`, `export -o` and `query subgraph -o` write, and in which format and
// view: checked before any work is done, so a usage error costs nothing.
//
// Example:
//   GraphOutput out = graph_output("people.graphml", "", "people");
//   write_graph_output(corpus, out);
#pragma once

#include <chrono>
#include <string>

#include "exporters/format.hpp"
#include "graph/corpus.hpp"
#include "graph/graph.hpp"

namespace quotegraph::cli {

struct GraphOutput {
  std::string path;     ///< "-" for stdout
  bool corpus = false;  ///< a .qg corpus rather than an exported graph
  exporters::Format format = exporters::Format::kGraphml;
  graph::View view = graph::View::kFull;
  unsigned threads = 1;  ///< threads making the graph and formatting the output
};

/// Throws UsageError for an unknown format or view, a path whose format cannot be told,
/// or a view asked of a .qg corpus (which keeps everything).
GraphOutput graph_output(const std::string& path, const std::string& format,
                         const std::string& view, bool allow_corpus = true);

/// Wall time of each stage of write_graph_output(), in seconds (0 for a stage not run).
struct StageTimes {
  double identities = 0;  ///< identity resolution over the corpus
  double graph = 0;       ///< building the full graph
  double view = 0;        ///< the people or people-documents view
  double write = 0;       ///< the exporter (or the .qg writer), file included
};

/// Writes the corpus (.qg) or its graph in the chosen view; logs each stage's time
/// (spdlog info, shown with -v) and returns them. The graph is taken out of the corpus
/// (Corpus::take_graph): its facts are gone afterwards. The graph is not freed but kept
/// until the process exits (keep_until_exit): call this as a command's last step.
StageTimes write_graph_output(graph::Corpus& corpus, const GraphOutput& output);

/// Seconds since start, for stage timings.
double seconds_since(std::chrono::steady_clock::time_point start);

/// Writes g to output.path (atomically) or stdout in output.format; the view is the
/// caller's business.
void write_graph_file(const graph::Graph& g, const GraphOutput& output);

}  // namespace quotegraph::cli
