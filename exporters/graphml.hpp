// GraphML for Gephi, networkx and igraph, written by hand rather than with
// boost::write_graphml (whose key names, escaping and control characters the
// readers reject; see FORMATS.md).
//
// Example:
//   std::ofstream out("g.graphml");
//   quotegraph::exporters::write_graphml(builder.graph(), out);
#pragma once

#include <ostream>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

/// Writes g as GraphML: every key declared (id == attr.name, typed string/double/int)
/// before <graph>, ids from graph::node_ids() and e1, e2, ..., every value written on
/// every node and edge, text cleaned to what XML 1.0 allows. Node keys: kind, label
/// (statements shortened), text, cue, speaker, document, date, title, url, publisher,
/// aliases and roles ("; "-joined), confidence. Edge keys: relation, weight, and
/// first_date and last_date when some edge carries a date (the people views). Formatted
/// on `threads` threads (write_in_order): the same bytes for any number.
void write_graphml(const graph::Graph& g, std::ostream& out, unsigned threads = 1);

}  // namespace quotegraph::exporters
