#include "exporters/dot.hpp"

#include <string>
#include <vector>

#include "exporters/graph_chunks.hpp"
#include "exporters/in_order.hpp"
#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeKind;
using graph::Relation;

// Names, handles and ids are short in practice; the cap only protects Graphviz.
constexpr std::size_t kLabelChars = 200;
constexpr std::size_t kTooltipChars = 1000;

struct KindStyle {
  std::string_view shape;
  std::string_view fill;
};

KindStyle style_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPerson:
      return {"ellipse", "#cfe2f3"};
    case NodeKind::kOrganization:
      return {"box", "#f9cb9c"};
    case NodeKind::kHandle:
      return {"octagon", "#d9ead3"};
    case NodeKind::kStatement:
      return {"note", "#fff2cc"};
    case NodeKind::kDocument:
      return {"folder", "#eeeeee"};
  }
  return {"ellipse", "#ffffff"};
}

std::string_view colour_of(Relation relation) {
  switch (relation) {
    case Relation::kSaid:
      return "#1c4587";
    case Relation::kMentions:
      return "#38761d";
    case Relation::kHasHandle:
      return "#666666";
    case Relation::kAddressedTo:
      return "#b45f06";
    case Relation::kRepliedTo:
      return "#990000";
    case Relation::kAppearsIn:
      return "#999999";
    case Relation::kInteracts:
      return "#351c75";
    case Relation::kInDocument:
      return "#999999";
  }
  return "#000000";
}

// The escapes of escape_dot() for text already cleaned, written at p (room for twice
// its size); returns the end.
char* write_escaped(char* p, std::string_view clean) {
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    switch (c) {
      case '\\':
      case '"':
        *p++ = '\\';
        *p++ = c;
        break;
      case '\r':
        if (i + 1 < clean.size() && clean[i + 1] == '\n') ++i;
        [[fallthrough]];
      case '\n':
        *p++ = '\\';
        *p++ = 'n';
        break;
      case '\t':
        *p++ = ' ';
        break;
      default:
        *p++ = c;
    }
  }
  return p;
}

// escape_dot(s) between quotes, appended without a copy when s needs no cleaning.
void quoted(OutBuffer& out, std::string_view s) {
  std::string cleaned;
  if (!is_clean_text(s)) {
    cleaned = clean_text(s);
    s = cleaned;
  }
  char* p = out.make_room(2 * s.size() + 2);
  *p++ = '"';
  p = write_escaped(p, s);
  *p++ = '"';
  out.commit(p);
}

void attr(OutBuffer& out, std::string_view name, std::string_view value, bool first = false) {
  if (!first) out.append(", ");
  quoted(out, name);
  out.append("=");
  quoted(out, value);
}

void write_node(OutBuffer& out, const std::string& id, const graph::NodeProps& node) {
  const KindStyle style = style_of(node.kind);
  out.append("  ");
  quoted(out, id);
  out.append(" [");
  attr(out, "label", shorten(display_label(node), kLabelChars), true);
  attr(out, "kind", graph::to_string(node.kind));
  attr(out, "shape", style.shape);
  attr(out, "fillcolor", style.fill);
  if (node.kind == NodeKind::kStatement) {
    attr(out, "tooltip", shorten(node.text, kTooltipChars));
    if (!node.cue.empty()) attr(out, "cue", node.cue);
    attr(out, "confidence", format_double(node.confidence));
  }
  out.append("];\n");
}

void write_edge(OutBuffer& out, const std::string& from, const std::string& to,
                const graph::EdgeProps& edge) {
  const std::string relation(graph::to_string(edge.relation));
  out.append("  ");
  quoted(out, from);
  out.append(" -> ");
  quoted(out, to);
  out.append(" [");
  attr(out, "label",
       edge.weight > 1 ? relation + " \u00d7" + std::to_string(edge.weight) : relation, true);
  attr(out, "relation", relation);
  attr(out, "weight", std::to_string(edge.weight));
  attr(out, "color", colour_of(edge.relation));
  out.append("];\n");
}

}  // namespace

std::string escape_dot(std::string_view s) {
  const std::string clean = clean_text(s);
  std::string out(2 * clean.size(), '\0');
  out.resize(static_cast<std::size_t>(write_escaped(out.data(), clean) - out.data()));
  return out;
}

void write_dot(const graph::Graph& g, std::ostream& out, unsigned threads) {
  static constexpr std::string_view kHead =
      "digraph \"quotegraph\" {\n"
      "  graph [\"rankdir\"=\"LR\", \"charset\"=\"UTF-8\", \"fontname\"=\"Helvetica\"];\n"
      "  node [\"fontname\"=\"Helvetica\", \"fontsize\"=\"10\", \"style\"=\"filled\"];\n"
      "  edge [\"fontname\"=\"Helvetica\", \"fontsize\"=\"8\"];\n";
  out.write(kHead.data(), static_cast<std::streamsize>(kHead.size()));

  const std::vector<std::string> ids = graph::node_ids(g);
  const GraphChunks chunks(g);
  // The nodes, then the edges.
  write_in_order(out, chunks.node_chunks() + chunks.edge_chunks(), chunks.threads(threads),
                 [&](std::size_t chunk, OutBuffer& buffer) {
                   if (chunk < chunks.node_chunks()) {
                     return chunks.for_each_node(
                         chunk, [&](graph::Vertex v) { write_node(buffer, ids[v], g[v]); });
                   }
                   chunks.for_each_edge(chunk - chunks.node_chunks(),
                                        [&](graph::Vertex v, graph::Edge e, std::size_t) {
                                          write_edge(buffer, ids[v], ids[boost::target(e, g)],
                                                     g[e]);
                                        });
                 });
  out.write("}\n", 2);
}

}  // namespace quotegraph::exporters
