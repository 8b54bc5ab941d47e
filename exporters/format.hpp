// Choosing an exporter by name or by output file extension.
//
// Example:
//   auto format = format_from_path("out/g.graphml");   // Format::kGraphml
//   if (format) write_graph(g, *format, out);
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

enum class Format { kGraphml, kDot, kJson };

/// "graphml", "dot" or "json" (lower case), else nullopt.
std::optional<Format> format_from_name(std::string_view name);

/// "graphml", "dot" or "json": the inverse of format_from_name.
std::string_view format_name(Format format);

/// By extension, case-insensitively: .graphml, .dot (or .gv), .json; else nullopt.
std::optional<Format> format_from_path(std::string_view path);

/// Calls write_graphml, write_dot or write_json, formatting on `threads` threads.
void write_graph(const graph::Graph& g, Format format, std::ostream& out, unsigned threads = 1);

}  // namespace quotegraph::exporters
