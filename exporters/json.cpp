#include "exporters/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/graph_chunks.hpp"
#include "exporters/in_order.hpp"
#include "exporters/text.hpp"
#include "extract/serialize.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeKind;

// Writes JSON text into an OutBuffer exactly as nlohmann's dump(2, ' ', false, replace)
// lays out the document write_json() once built as an ordered_json tree.
class Writer {
 public:
  explicit Writer(OutBuffer& buffer) : buffer_(buffer) {}

  void raw(std::string_view s) { buffer_.append(s); }

  // A JSON string as nlohmann writes it (write_json_string); a string with invalid UTF-8
  // goes to nlohmann itself, whose replacement of bad bytes by U+FFFD this does not copy.
  void string(std::string_view s) {
    char* end = write_json_string(buffer_.make_room(json_string_room(s.size())), s);
    if (end != nullptr) return buffer_.commit(end);
    raw(nlohmann::json(std::string(s))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  template <typename Int>
  void integer(Int n) {
    char* p = buffer_.make_room(24);
    buffer_.commit(std::to_chars(p, p + 24, n).ptr);
  }

  // nlohmann's float format: its own shortest round trip, "1.0" for whole numbers, null
  // for NaN and infinities.
  void real(double x) {
    if (!std::isfinite(x)) return raw("null");
    char* p = buffer_.make_room(64);
    buffer_.commit(nlohmann::detail::to_chars(p, p + 64, x));
  }

  // `"key": ` at the indent of an object's members; the first member opens the object.
  void key(std::string_view name, bool& first, std::string_view indent) {
    raw(first ? "{\n" : ",\n");
    first = false;
    raw(indent);
    raw("\"");
    raw(name);
    raw("\": ");
  }

 private:
  OutBuffer& buffer_;
};

void write_id(Writer& w, NodeKind kind, std::uint32_t number) {
  char id[16];
  id[0] = graph::node_id_prefix(kind);
  const char* end = std::to_chars(id + 1, id + sizeof id, number).ptr;
  w.string(std::string_view(id, static_cast<std::size_t>(end - id)));
}

constexpr std::string_view kMember = "      ";  // members of a node or link

void field(Writer& w, bool& first, std::string_view name, graph::Str value) {
  w.key(name, first, kMember);
  w.string(value);
}

void field_if(Writer& w, bool& first, std::string_view name, graph::Str value) {
  if (!value.empty()) field(w, first, name, value);
}

void list_if(Writer& w, bool& first, std::string_view name, graph::StrList items) {
  if (items.empty()) return;
  w.key(name, first, kMember);
  w.raw("[");
  bool first_item = true;
  for (graph::Str item : items) {
    w.raw(first_item ? "\n        " : ",\n        ");
    first_item = false;
    w.string(item);
  }
  w.raw("\n      ]");
}

void write_node(Writer& w, const graph::NodeProps& n, std::uint32_t number) {
  bool first = true;
  w.key("id", first, kMember);
  write_id(w, n.kind, number);
  w.key("kind", first, kMember);
  w.string(graph::to_string(n.kind));
  w.key("label", first, kMember);
  std::string_view head;
  bool ellipsis = false;
  if (display_label_view(n, head, ellipsis) && !ellipsis) {
    w.string(head);
  } else {
    w.string(display_label(n));
  }
  switch (n.kind) {
    case NodeKind::kPerson:
    case NodeKind::kOrganization:
      list_if(w, first, "aliases", n.aliases);
      list_if(w, first, "roles", n.roles);
      break;
    case NodeKind::kHandle:
      break;
    case NodeKind::kStatement:
      field(w, first, "text", n.text);
      field_if(w, first, "cue", n.cue);
      field_if(w, first, "speaker", n.speaker);
      field_if(w, first, "document", n.document);
      field_if(w, first, "date", n.date);
      w.key("confidence", first, kMember);
      w.real(n.confidence);
      break;
    case NodeKind::kDocument:
      field_if(w, first, "document", n.document);
      field_if(w, first, "title", n.title);
      field_if(w, first, "date", n.date);
      field_if(w, first, "url", n.url);
      field_if(w, first, "publisher", n.publisher);
      break;
  }
  w.raw("\n    }");
}

}  // namespace

void write_json(const graph::Graph& g, std::ostream& out, unsigned threads) {
  const std::size_t n = boost::num_vertices(g);
  const GraphChunks chunks(g);
  const std::size_t node_chunks = chunks.node_chunks();
  const std::vector<std::uint32_t> numbers = graph::node_numbers(g);

  // A statement may both mention and address the same person: two edges, one pair.
  static constexpr std::string_view kHead =
      "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n  \"nodes\": [";
  out.write(kHead.data(), static_cast<std::streamsize>(kHead.size()));
  // Chunks [0, node_chunks) hold the nodes, then one chunk closes the nodes and opens the
  // links, then the links.
  write_in_order(out, node_chunks + 1 + chunks.edge_chunks(), chunks.threads(threads),
                 [&](std::size_t chunk, OutBuffer& buffer) {
                   Writer w(buffer);
                   if (chunk < node_chunks) {
                     return chunks.for_each_node(chunk, [&](graph::Vertex v) {
                       w.raw(v == 0 ? "\n    " : ",\n    ");
                       write_node(w, g[v], numbers[v]);
                     });
                   }
                   if (chunk == node_chunks) {
                     w.raw(n == 0 ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [");
                     return;
                   }
                   chunks.for_each_edge(chunk - node_chunks - 1,
                                        [&](std::size_t v, graph::Edge e, std::size_t number) {
                                          const graph::Vertex to = boost::target(e, g);
                                          const graph::EdgeProps& props = g[e];
                                          w.raw(number == 0 ? "\n    " : ",\n    ");
                                          bool first = true;
                                          w.key("source", first, kMember);
                                          write_id(w, g[v].kind, numbers[v]);
                                          w.key("target", first, kMember);
                                          write_id(w, g[to].kind, numbers[to]);
                                          w.key("relation", first, kMember);
                                          w.string(graph::to_string(props.relation));
                                          w.key("weight", first, kMember);
                                          w.integer(props.weight);
                                          if (!props.first_date.empty()) {
                                            field(w, first, "first_date", props.first_date);
                                            field(w, first, "last_date", props.last_date);
                                          }
                                          w.raw("\n    }");
                                        });
                 });
  static constexpr std::string_view kTail = "\n  ]\n}\n";
  if (chunks.edge_chunks() == 0) {
    out.write("]\n}\n", 4);
  } else {
    out.write(kTail.data(), static_cast<std::streamsize>(kTail.size()));
  }
}

}  // namespace quotegraph::exporters
