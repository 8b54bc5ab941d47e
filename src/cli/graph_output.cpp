#include "cli/graph_output.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/atomic_file.hpp"
#include "cli/corpus_file.hpp"
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
  spdlog::info("{} nodes, {} edges", boost::num_vertices(g), boost::num_edges(g));
  auto write = [&](std::ostream& out) { exporters::write_graph(g, output.format, out); };
  if (output.path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to stdout");
  } else {
    write_file_atomically(output.path, write);
  }
}

void write_graph_output(const graph::Corpus& corpus, const GraphOutput& output) {
  if (output.corpus) {
    if (output.path == "-") {
      corpus.save(std::cout);
      std::cout.flush();
      if (!std::cout) throw Error("cannot write to stdout");
    } else {
      save_corpus_file(corpus, output.path);
    }
    return;
  }
  write_graph_file(graph::make_view(corpus.graph(), output.view), output);
}

}  // namespace quotegraph::cli
