// Graphviz DOT that renders whatever the text holds: every ID and attribute
// name quoted, values escaped as FORMATS.md says, labels shortened.
//
// Example:
//   std::ofstream out("g.dot");
//   quotegraph::exporters::write_dot(builder.graph(), out);   // then: dot -Tsvg g.dot
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

/// The body of a quoted DOT string for s: invalid UTF-8 and control characters other
/// than line ends and TAB dropped, then `\` -> `\\`, `"` -> `\"`, CRLF/CR/LF -> `\n`,
/// TAB -> space.
std::string escape_dot(std::string_view s);

/// Writes g as a `digraph` with a shape and colour per node kind and the relation as
/// edge label. Statement labels are cut to ~80 characters (the full text, up to 1000
/// characters, goes in the tooltip); no quoted string comes near Graphviz's 16 KB limit.
/// Formatted on `threads` threads (write_in_order): the same bytes for any number.
void write_dot(const graph::Graph& g, std::ostream& out, unsigned threads = 1);

}  // namespace quotegraph::exporters
