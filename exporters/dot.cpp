#include "exporters/dot.hpp"

#include <string>
#include <vector>

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

void quoted(std::ostream& out, std::string_view s) { out << '"' << escape_dot(s) << '"'; }

void attr(std::ostream& out, std::string_view name, std::string_view value, bool first = false) {
  if (!first) out << ", ";
  quoted(out, name);
  out << '=';
  quoted(out, value);
}

}  // namespace

std::string escape_dot(std::string_view s) {
  const std::string clean = clean_text(s);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\r':
        if (i + 1 < clean.size() && clean[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

void write_dot(const graph::Graph& g, std::ostream& out) {
  out << "digraph \"quotegraph\" {\n"
         "  graph [\"rankdir\"=\"LR\", \"charset\"=\"UTF-8\", \"fontname\"=\"Helvetica\"];\n"
         "  node [\"fontname\"=\"Helvetica\", \"fontsize\"=\"10\", \"style\"=\"filled\"];\n"
         "  edge [\"fontname\"=\"Helvetica\", \"fontsize\"=\"8\"];\n";

  const std::vector<std::string> ids = graph::node_ids(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const graph::NodeProps& node = g[*it];
    const KindStyle style = style_of(node.kind);
    out << "  ";
    quoted(out, ids[*it]);
    out << " [";
    attr(out, "label", shorten(display_label(node), kLabelChars), true);
    attr(out, "kind", graph::to_string(node.kind));
    attr(out, "shape", style.shape);
    attr(out, "fillcolor", style.fill);
    if (node.kind == NodeKind::kStatement) {
      attr(out, "tooltip", shorten(node.text, kTooltipChars));
      if (!node.cue.empty()) attr(out, "cue", node.cue);
      attr(out, "confidence", format_double(node.confidence));
    }
    out << "];\n";
  }
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      const graph::EdgeProps& edge = g[*e];
      const std::string relation(graph::to_string(edge.relation));
      out << "  ";
      quoted(out, ids[boost::source(*e, g)]);
      out << " -> ";
      quoted(out, ids[boost::target(*e, g)]);
      out << " [";
      attr(out, "label",
           edge.weight > 1 ? relation + " \u00d7" + std::to_string(edge.weight) : relation, true);
      attr(out, "relation", relation);
      attr(out, "weight", std::to_string(edge.weight));
      attr(out, "color", colour_of(edge.relation));
      out << "];\n";
    }
  }
  out << "}\n";
}

}  // namespace quotegraph::exporters
