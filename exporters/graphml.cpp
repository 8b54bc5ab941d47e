#include "exporters/graphml.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/graph_chunks.hpp"
#include "exporters/in_order.hpp"
#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeKind;
using graph::NodeProps;

// The order here is the order of the <key>s and of the <data> in every node.
constexpr std::array<std::string_view, 13> kNodeKeys{
    "kind",  "label", "text",      "cue",     "speaker", "document",  "date",
    "title", "url",   "publisher", "aliases", "roles",   "confidence"};

// Appends to an OutBuffer through a pointer: one size check per piece.
class Writer {
 public:
  explicit Writer(OutBuffer& buffer)
      : buffer_(buffer), p_(buffer.make_room(0)), end_(buffer.room_end()) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() { buffer_.commit(p_); }

  void raw(std::string_view s) {
    room(s.size());
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void escaped(std::string_view s) {
    if (s.size() > kMinRoom) {  // a long text: escaped to its size, not its worst case
      std::string text;
      append_xml_escaped(text, s);
      return raw(text);
    }
    room(s.size() * kXmlEscapeGrowth);
    p_ = write_xml_escaped(p_, s);
  }
  template <typename Int>
  void number(Int n) {
    room(24);
    p_ = std::to_chars(p_, end_, n).ptr;
  }
  // format_double() without the string.
  void real(double value) {
    room(32);
    auto [end, ec] = std::to_chars(p_, end_, value);
    if (!std::isfinite(value) || ec != std::errc()) {
      *p_++ = '0';
    } else {
      p_ = end;
    }
  }

 private:
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) >= n) return;
    buffer_.commit(p_);
    p_ = buffer_.make_room(std::max(n, kMinRoom));
    end_ = buffer_.room_end();
  }
  static constexpr std::size_t kMinRoom = 64 * 1024;

  OutBuffer& buffer_;
  char* p_;
  char* end_;
};

// The id of graph::node_ids() without building the string: prefix and number per kind.
void write_id(Writer& w, NodeKind kind, std::size_t number) {
  const char prefix = graph::node_id_prefix(kind);
  w.raw(std::string_view(&prefix, 1));
  w.number(number);
}

// One <data> element: its opening tag, and the whole element for an empty value (most
// fields of a node are empty: one copy instead of four pieces).
struct DataTag {
  std::string_view open;
  std::string_view empty;
};
constexpr DataTag kLabel{"      <data key=\"label\">", "      <data key=\"label\"></data>\n"};
constexpr DataTag kText{"      <data key=\"text\">", "      <data key=\"text\"></data>\n"};
constexpr DataTag kCue{"      <data key=\"cue\">", "      <data key=\"cue\"></data>\n"};
constexpr DataTag kSpeaker{"      <data key=\"speaker\">", "      <data key=\"speaker\"></data>\n"};
constexpr DataTag kDocument{"      <data key=\"document\">",
                            "      <data key=\"document\"></data>\n"};
constexpr DataTag kDate{"      <data key=\"date\">", "      <data key=\"date\"></data>\n"};
constexpr DataTag kTitle{"      <data key=\"title\">", "      <data key=\"title\"></data>\n"};
constexpr DataTag kUrl{"      <data key=\"url\">", "      <data key=\"url\"></data>\n"};
constexpr DataTag kPublisher{"      <data key=\"publisher\">",
                             "      <data key=\"publisher\"></data>\n"};
constexpr DataTag kAliases{"      <data key=\"aliases\">", "      <data key=\"aliases\"></data>\n"};
constexpr DataTag kRoles{"      <data key=\"roles\">", "      <data key=\"roles\"></data>\n"};
constexpr DataTag kFirstDate{"      <data key=\"first_date\">",
                             "      <data key=\"first_date\"></data>\n"};
constexpr DataTag kLastDate{"      <data key=\"last_date\">",
                            "      <data key=\"last_date\"></data>\n"};

void data(Writer& w, const DataTag& tag, std::string_view value) {
  if (value.empty()) return w.raw(tag.empty);
  w.raw(tag.open);
  w.escaped(value);
  w.raw("</data>\n");
}

void joined(Writer& w, const DataTag& tag, graph::StrList parts) {
  if (parts.empty()) return w.raw(tag.empty);
  w.raw(tag.open);
  bool first = true;
  for (graph::Str part : parts) {
    if (!first) w.raw("; ");
    first = false;
    w.escaped(part);
  }
  w.raw("</data>\n");
}

void write_node(Writer& w, const NodeProps& n, std::size_t number) {
  w.raw("    <node id=\"");
  write_id(w, n.kind, number);
  w.raw("\">\n      <data key=\"kind\">");
  w.raw(graph::to_string(n.kind));
  w.raw("</data>\n");
  // Labels that need no cleaning where shown are written from the node's own string.
  std::string_view head;
  bool ellipsis = false;
  if (!display_label_view(n, head, ellipsis)) {
    data(w, kLabel, display_label(n));
  } else if (!ellipsis) {
    data(w, kLabel, head);
  } else {
    w.raw(kLabel.open);
    w.escaped(head);
    w.raw("\u2026</data>\n");
  }
  data(w, kText, n.text);
  data(w, kCue, n.cue);
  data(w, kSpeaker, n.speaker);
  data(w, kDocument, n.document);
  data(w, kDate, n.date);
  data(w, kTitle, n.title);
  data(w, kUrl, n.url);
  data(w, kPublisher, n.publisher);
  joined(w, kAliases, n.aliases);
  joined(w, kRoles, n.roles);
  w.raw("      <data key=\"confidence\">");
  w.real(n.confidence);
  w.raw("</data>\n    </node>\n");
}

}  // namespace

void write_graphml(const graph::Graph& g, std::ostream& out, unsigned threads) {
  bool dated = false;
  for (auto [v, v_end] = boost::vertices(g); v != v_end && !dated; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end && !dated; ++e) {
      dated = !g[*e].first_date.empty();
    }
  }
  OutBuffer head;
  {
    Writer w(head);
    w.raw(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (const std::string_view key : kNodeKeys) {
      w.raw("  <key id=\"");
      w.raw(key);
      w.raw("\" for=\"node\" attr.name=\"");
      w.raw(key);
      w.raw(key == "confidence" ? "\" attr.type=\"double\"/>\n" : "\" attr.type=\"string\"/>\n");
    }
    w.raw(
        "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n");
    if (dated) {
      w.raw(
          "  <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" "
          "attr.type=\"string\"/>\n"
          "  <key id=\"last_date\" for=\"edge\" attr.name=\"last_date\" "
          "attr.type=\"string\"/>\n");
    }
    w.raw("  <graph id=\"quotegraph\" edgedefault=\"directed\">\n");
  }
  out.write(head.view().data(), static_cast<std::streamsize>(head.view().size()));

  const GraphChunks chunks(g);
  const std::vector<std::uint32_t> numbers = graph::node_numbers(g);

  // The <node>s, then the <edge>s.
  write_in_order(out, chunks.node_chunks() + chunks.edge_chunks(), chunks.threads(threads),
                 [&](std::size_t chunk, OutBuffer& buffer) {
                   Writer w(buffer);
                   if (chunk < chunks.node_chunks()) {
                     return chunks.for_each_node(
                         chunk, [&](graph::Vertex v) { write_node(w, g[v], numbers[v]); });
                   }
                   chunks.for_each_edge(chunk - chunks.node_chunks(),
                                        [&](std::size_t v, graph::Edge e, std::size_t number) {
                                          const graph::Vertex to = boost::target(e, g);
                                          const graph::EdgeProps& props = g[e];
                                          w.raw("    <edge id=\"e");
                                          w.number(number + 1);
                                          w.raw("\" source=\"");
                                          write_id(w, g[v].kind, numbers[v]);
                                          w.raw("\" target=\"");
                                          write_id(w, g[to].kind, numbers[to]);
                                          w.raw("\">\n      <data key=\"relation\">");
                                          w.raw(graph::to_string(props.relation));
                                          w.raw("</data>\n      <data key=\"weight\">");
                                          w.number(props.weight);
                                          w.raw("</data>\n");
                                          if (dated) {
                                            data(w, kFirstDate, props.first_date);
                                            data(w, kLastDate, props.last_date);
                                          }
                                          w.raw("    </edge>\n");
                                        });
                 });
  static constexpr std::string_view kTail = "  </graph>\n</graphml>\n";
  out.write(kTail.data(), static_cast<std::streamsize>(kTail.size()));
}

}  // namespace quotegraph::exporters
