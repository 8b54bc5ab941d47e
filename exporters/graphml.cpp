#include "exporters/graphml.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeKind;
using graph::NodeProps;

// The order here is the order of the <key>s and of the <data> in every node.
constexpr std::array<std::string_view, 13> kNodeKeys{
    "kind",  "label", "text",      "cue",     "speaker", "document",  "date",
    "title", "url",   "publisher", "aliases", "roles",   "confidence"};

// The document is built in a buffer of this size and handed to the stream when the next
// piece does not fit: one write per megabyte instead of one stream operation per value.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

class Writer {
 public:
  explicit Writer(std::ostream& out)
      : out_(out), buf_(new char[kBlockBytes]), p_(buf_.get()), end_(p_ + kBlockBytes) {}

  void raw(std::string_view s) {
    if (!room(s.size()))
      return out_.write(s.data(), static_cast<std::streamsize>(s.size())), void();
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void escaped(std::string_view s) {
    if (!room(s.size() * kXmlEscapeGrowth)) {  // longer than a block: a string of its own
      std::string text;
      append_xml_escaped(text, s);
      out_.write(text.data(), static_cast<std::streamsize>(text.size()));
      return;
    }
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
  void flush() {
    out_.write(buf_.get(), p_ - buf_.get());
    p_ = buf_.get();
  }

 private:
  // Makes room for n bytes (flushing when needed); false when n is more than a block,
  // after flushing, so that the caller can write past the buffer in order.
  bool room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) >= n) return true;
    flush();
    return n <= kBlockBytes;
  }

  std::ostream& out_;
  std::unique_ptr<char[]> buf_;
  char* p_;
  char* end_;
};

constexpr std::array<char, 5> kPrefix{'p', 'o', 'h', 's', 'd'};

// The id of graph::node_ids() without building the string: prefix and number per kind.
void write_id(Writer& w, NodeKind kind, std::size_t number) {
  w.raw(std::string_view(&kPrefix[static_cast<std::size_t>(kind)], 1));
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

void write_graphml(const graph::Graph& g, std::ostream& out) {
  Writer w(out);
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
  bool dated = false;
  for (auto [v, v_end] = boost::vertices(g); v != v_end && !dated; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end && !dated; ++e) {
      dated = !g[*e].first_date.empty();
    }
  }
  if (dated) {
    w.raw(
        "  <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" "
        "attr.type=\"string\"/>\n"
        "  <key id=\"last_date\" for=\"edge\" attr.name=\"last_date\" "
        "attr.type=\"string\"/>\n");
  }
  w.raw("  <graph id=\"quotegraph\" edgedefault=\"directed\">\n");

  // Per vertex, its number among the nodes of its kind (graph::node_ids() numbering).
  std::array<std::uint32_t, 5> counters{};
  std::vector<std::uint32_t> numbers(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeProps& n = g[*it];
    numbers[*it] = ++counters[static_cast<std::size_t>(n.kind)];
    write_node(w, n, numbers[*it]);
  }
  std::size_t edge_number = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeKind from_kind = g[*it].kind;
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      const graph::Vertex to = boost::target(*e, g);
      const graph::EdgeProps& props = g[*e];
      w.raw("    <edge id=\"e");
      w.number(++edge_number);
      w.raw("\" source=\"");
      write_id(w, from_kind, numbers[*it]);
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
    }
  }
  w.raw("  </graph>\n</graphml>\n");
  w.flush();
}

}  // namespace quotegraph::exporters
