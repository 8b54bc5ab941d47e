// Node-link JSON, the shape of networkx's node_link_data, for scripts and web viewers.
//
// Example:
//   quotegraph::exporters::write_json(builder.graph(), std::cout);
//   // python: networkx.node_link_graph(json.load(f))
#pragma once

#include <ostream>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

/// Writes {"directed":true,"multigraph":true,"graph":{},"nodes":[...],"links":[...]}:
/// nodes carry "id" (graph::node_ids), "kind", "label" and the fields of their kind
/// that are set; links carry "source", "target", "relation" and "weight" (and
/// "first_date", "last_date" when the edge is dated). Indented by
/// two spaces, keys in a fixed order, invalid UTF-8 replaced by U+FFFD: the bytes
/// nlohmann::ordered_json::dump(2) gives for that document, written as it goes (no tree)
/// and formatted on `threads` threads (write_in_order), the same for any number.
void write_json(const graph::Graph& g, std::ostream& out, unsigned threads = 1);

}  // namespace quotegraph::exporters
