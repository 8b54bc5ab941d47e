#include "cli/graph_output.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/corpus_file.hpp"
#include "cli/exit_memory.hpp"
#include "extract/error.hpp"

namespace quotegraph::cli {

GraphOutput graph_output(const std::string& path, const std::string& format,
                         const std::string& view, bool allow_corpus) {
  GraphOutput out;
  out.path = path;
  const std::string formats = allow_corpus ? "graphml, dot, json or qg" : "graphml, dot or json";
  if (!format.empty()) {
    if (format == "qg" && allow_corpus) {
      out.corpus = true;
    } else if (auto f = exporters::format_from_name(format)) {
      out.format = *f;
    } else {
      throw UsageError("unknown --format '" + format + "' (use " + formats + ")");
    }
  } else if (path == "-") {
    throw UsageError("-o - writes to stdout and needs --format");
  } else if (allow_corpus && is_corpus_path(path)) {
    out.corpus = true;
  } else if (auto f = exporters::format_from_path(path)) {
    out.format = *f;
  } else {
    throw UsageError("cannot tell the format of '" + path + "': use a .graphml, .dot" +
                     (allow_corpus ? ", .json or .qg" : " or .json") + " file name, or --format");
  }
  if (auto v = graph::view_from_string(view)) {
    out.view = *v;
  } else {
    throw UsageError("unknown --view '" + view + "' (use full, people or people-documents)");
  }
  if (out.corpus && out.view != graph::View::kFull) {
    throw UsageError("a .qg corpus keeps everything: --view applies to graph formats");
  }
  return out;
}

void write_graph_file(const graph::Graph& g, const GraphOutput& output) {
  // num_edges() of a directed adjacency_list adds up every vertex's out-degree: 5 ms on
  // a graph of 585,000 nodes, paid for nothing unless the message is shown.
  if (spdlog::should_log(spdlog::level::info)) {
    spdlog::info("{} nodes, {} edges", boost::num_vertices(g), boost::num_edges(g));
  }
  auto write = [&](std::ostream& out) {
    exporters::write_graph(g, output.format, out, output.threads);
  };
  if (output.path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw stdout_write_error();
  } else {
    write_file_atomically(output.path, write);
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

StageTimes write_graph_output(graph::Corpus& corpus, const GraphOutput& output) {
  StageTimes times;
  auto start = std::chrono::steady_clock::now();
  if (output.corpus) {
    if (output.path == "-") {
      corpus.save(std::cout);
      std::cout.flush();
      if (!std::cout) throw stdout_write_error();
    } else {
      save_corpus_file(corpus, output.path);
    }
    times.write = seconds_since(start);
    spdlog::info("stage times: write .qg {:.3f} s", times.write);
    return times;
  }
  const graph::Identities ids = corpus.identities();
  times.identities = seconds_since(start);
  start = std::chrono::steady_clock::now();
  graph::Graph full = corpus.take_graph(ids, output.threads);
  times.graph = seconds_since(start);
  if (spdlog::should_log(spdlog::level::info)) {
    const graph::GraphMemory m = graph::memory_use(full);
    const auto per = [](std::size_t bytes, std::size_t n) {
      return n == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(n);
    };
    spdlog::info(
        "graph memory (counted): {} nodes x {:.0f} bytes (vertex array), {} edges x {:.0f} "
        "bytes (out-edge arrays {:.0f} + properties {:.0f}), strings {:.1f} MB",
        m.nodes, per(m.vertex_bytes, m.nodes), m.edges,
        per(m.out_edge_bytes + m.edge_props_bytes, m.edges), per(m.out_edge_bytes, m.edges),
        per(m.edge_props_bytes, m.edges), static_cast<double>(m.string_bytes) / 1e6);
  }
  start = std::chrono::steady_clock::now();
  if (output.view == graph::View::kFull) {
    times.view = seconds_since(start);
    start = std::chrono::steady_clock::now();
    write_graph_file(full, output);
    keep_until_exit(full);
  } else {
    graph::Graph view = graph::make_view(full, output.view);
    full = graph::Graph();
    times.view = seconds_since(start);
    start = std::chrono::steady_clock::now();
    write_graph_file(view, output);
    keep_until_exit(view);
  }
  times.write = seconds_since(start);
  spdlog::info("stage times: identities {:.3f} s, graph {:.3f} s, view {:.3f} s, write {} {:.3f} s",
               times.identities, times.graph, times.view, exporters::format_name(output.format),
               times.write);
  return times;
}

}  // namespace quotegraph::cli
