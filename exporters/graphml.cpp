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
  // <data key="key">value</data> with value escaped.
  void data(std::string_view key, std::string_view value) {
    raw("      <data key=\"");
    raw(key);
    raw("\">");
    escaped(value);
    raw("</data>\n");
  }
  template <typename List>
  void joined(std::string_view key, const List& parts) {
    raw("      <data key=\"");
    raw(key);
    raw("\">");
    bool first = true;
    for (const auto& part : parts) {
      if (!first) raw("; ");
      first = false;
      escaped(std::string_view(part));
    }
    raw("</data>\n");
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

void write_node(Writer& w, const NodeProps& n, std::size_t number) {
  w.raw("    <node id=\"");
  write_id(w, n.kind, number);
  w.raw("\">\n");
  w.data("kind", graph::to_string(n.kind));
  const std::string_view label(n.label);
  // Most labels need neither cleaning nor shortening: no copy for those.
  if (n.kind == NodeKind::kStatement &&
      (label.size() > kStatementLabelChars || !is_clean_text(label))) {
    w.data("label", display_label(n));
  } else {
    w.data("label", label);
  }
  w.data("text", n.text);
  w.data("cue", n.cue);
  w.data("speaker", n.speaker);
  w.data("document", n.document);
  w.data("date", n.date);
  w.data("title", n.title);
  w.data("url", n.url);
  w.data("publisher", n.publisher);
  w.joined("aliases", n.aliases);
  w.joined("roles", n.roles);
  w.raw("      <data key=\"confidence\">");
  w.real(n.confidence);
  w.raw("</data>\n");
  w.raw("    </node>\n");
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
      w.raw("\">\n");
      w.data("relation", graph::to_string(props.relation));
      w.raw("      <data key=\"weight\">");
      w.number(props.weight);
      w.raw("</data>\n");
      if (dated) {
        w.data("first_date", props.first_date);
        w.data("last_date", props.last_date);
      }
      w.raw("    </edge>\n");
    }
  }
  w.raw("  </graph>\n</graphml>\n");
  w.flush();
}

}  // namespace quotegraph::exporters
