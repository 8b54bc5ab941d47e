#include "exporters/graphml.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeProps;

struct NodeKey {
  std::string_view name;
  std::string_view type;
  std::string (*value)(const NodeProps&);
};

// The order here is the order of the <key>s and of the <data> in every node.
const std::array<NodeKey, 13> kNodeKeys{{
    {"kind", "string", [](const NodeProps& n) { return std::string(graph::to_string(n.kind)); }},
    {"label", "string", [](const NodeProps& n) { return display_label(n); }},
    {"text", "string", [](const NodeProps& n) { return n.text; }},
    {"cue", "string", [](const NodeProps& n) { return n.cue; }},
    {"speaker", "string", [](const NodeProps& n) { return n.speaker; }},
    {"document", "string", [](const NodeProps& n) { return n.document; }},
    {"date", "string", [](const NodeProps& n) { return n.date; }},
    {"title", "string", [](const NodeProps& n) { return n.title; }},
    {"url", "string", [](const NodeProps& n) { return n.url; }},
    {"publisher", "string", [](const NodeProps& n) { return n.publisher; }},
    {"aliases", "string", [](const NodeProps& n) { return join(n.aliases); }},
    {"roles", "string", [](const NodeProps& n) { return join(n.roles); }},
    {"confidence", "double", [](const NodeProps& n) { return format_double(n.confidence); }},
}};

// Element content: only & and < must go, > too for "]]>"; CR as a reference so that
// parsers' line-end normalisation keeps it.
void write_escaped(std::ostream& out, std::string_view raw) {
  for (char c : clean_text(raw)) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      case '\r':
        out << "&#13;";
        break;
      default:
        out << c;
    }
  }
}

void write_data(std::ostream& out, std::string_view key, std::string_view value) {
  out << "      <data key=\"" << key << "\">";
  write_escaped(out, value);
  out << "</data>\n";
}

}  // namespace

void write_graphml(const graph::Graph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const NodeKey& key : kNodeKeys) {
    out << "  <key id=\"" << key.name << "\" for=\"node\" attr.name=\"" << key.name
        << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  out << "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n";
  bool dated = false;
  for (auto [it, end] = boost::edges(g); it != end && !dated; ++it) {
    dated = !g[*it].first_date.empty();
  }
  if (dated) {
    out << "  <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" "
           "attr.type=\"string\"/>\n"
           "  <key id=\"last_date\" for=\"edge\" attr.name=\"last_date\" "
           "attr.type=\"string\"/>\n";
  }
  out << "  <graph id=\"quotegraph\" edgedefault=\"directed\">\n";

  const std::vector<std::string> ids = graph::node_ids(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    out << "    <node id=\"" << ids[*it] << "\">\n";
    for (const NodeKey& key : kNodeKeys) write_data(out, key.name, key.value(g[*it]));
    out << "    </node>\n";
  }
  std::size_t edge_number = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      out << "    <edge id=\"e" << ++edge_number << "\" source=\"" << ids[boost::source(*e, g)]
          << "\" target=\"" << ids[boost::target(*e, g)] << "\">\n";
      write_data(out, "relation", graph::to_string(g[*e].relation));
      write_data(out, "weight", std::to_string(g[*e].weight));
      if (dated) {
        write_data(out, "first_date", g[*e].first_date);
        write_data(out, "last_date", g[*e].last_date);
      }
      out << "    </edge>\n";
    }
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace quotegraph::exporters
