// The typed quote graph: people, organisations, handles, statements and documents,
// built one Extraction at a time, with people merged across documents.
//
// Example:
//   quotegraph::graph::GraphBuilder builder;
//   for (const Extraction& ex : extractions) builder.add(ex);
//   const quotegraph::graph::Graph& g = builder.graph();
//   count_nodes(g, NodeKind::kStatement);          // statements of every document
//   Graph people = person_graph(g);                 // weighted person-to-person view
#pragma once

// GCC 12 sees a maybe-uninitialized optional in Boost 1.74's edge iterator of a
// directed adjacency_list (used when such a graph is copied); it is a false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#pragma GCC diagnostic pop
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/types.hpp"
#include "graph/facts.hpp"
#include "graph/ptr_map.hpp"
#include "graph/strings.hpp"

namespace quotegraph::graph {

enum class NodeKind { kPerson, kOrganization, kHandle, kStatement, kDocument };

/// kInteracts only appears in person_graph() and kInDocument only in
/// people_documents_graph(): every other relation is SPEC's.
enum class Relation {
  kSaid,
  kMentions,
  kHasHandle,
  kAddressedTo,
  kRepliedTo,
  kAppearsIn,
  kInteracts,
  kInDocument
};

/// "person", "organization", "handle", "statement", "document".
std::string_view to_string(NodeKind kind);
/// "said", "mentions", "has_handle", "addressed_to", "replied_to", "appears_in", "interacts",
/// "in_document".
std::string_view to_string(Relation relation);
/// The inverse of to_string(Relation); nullopt for an unknown name.
std::optional<Relation> relation_from_string(std::string_view name);

/// What a node holds. Fields that do not apply to its kind stay empty. Strings live in
/// the StringPool of the graph (GraphProps::strings), so a node is about 100 bytes
/// whatever its text.
struct NodeProps {
  NodeKind kind = NodeKind::kPerson;
  /// Canonical name, "@handle" (first spelling), statement text or document id.
  Str label;
  Str text;                 ///< statement: the quoted words
  Str cue;                  ///< statement: "said", "tweeted", ...
  Str speaker;              ///< statement: canonical speaker name, empty when unknown
  Str document;             ///< statement and document: the document id
  Str date;                 ///< statement and document
  Str title;                ///< document
  Str url;                  ///< document
  Str publisher;            ///< document
  double confidence = 0.0;  ///< statement
  StrList aliases;          ///< person/organization: other spellings, first seen first
  StrList roles;            ///< person/organization: "British Labour leader"
  /// person/organization: ids of the documents that name it, first seen first (not
  /// exported: the people-documents view shows it as edges).
  StrList documents;
};

/// What an edge holds: repeated edges of one relation between one pair add up in weight.
/// Dates are set on replied_to edges and in the views (from the documents' dates, ISO
/// strings compared as text); empty when no document of the edge has a date.
struct EdgeProps {
  Relation relation = Relation::kSaid;
  int weight = 1;
  Str first_date;
  Str last_date;
};

/// Widens [first_date, last_date] of e to include date (ignored when empty).
void add_date(EdgeProps& e, Str date);

/// What the whole graph holds: the pool its nodes' and edges' strings live in (shared
/// by the views and subgraphs made from it).
struct GraphProps {
  std::shared_ptr<StringPool> strings;
};

/// Directed only: in-edges would cost two more words per edge and one more array per
/// node, and the few questions that need them build an InEdges.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, NodeProps,
                                    EdgeProps, GraphProps>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

/// The pool of g (created when g has none): for graphs built by hand.
StringPool& strings(Graph& g);

/// Moves from into to (from is left empty) without copying: Graph has no move
/// constructor in Boost 1.74, and its swap() copies.
void move_graph(Graph& from, Graph& to);

/// Room for n vertices, so that adding them does not reallocate (and briefly hold twice
/// the vertex storage).
void reserve_vertices(Graph& g, std::size_t n);

/// Adds extractions to a graph. Nodes and edges come in input order, so the same
/// extractions give the same graph. People and organisations are merged by canonical
/// name, handles case-insensitively (the first spelling is kept), documents by id.
/// Statements are never merged: adding a document twice adds its statements twice.
class GraphBuilder {
 public:
  /// Strings go to pool (a new one when null); the graph keeps it alive.
  explicit GraphBuilder(std::shared_ptr<StringPool> pool = nullptr);

  /// Adds the nodes and edges of one document's extraction.
  void add(const Extraction& ex);
  /// The same for facts whose strings are in this builder's pool.
  void add(const DocFacts& ex);

  /// Room for this many nodes in all (see reserve_vertices()).
  void reserve(std::size_t vertices);

  /// The graph so far.
  [[nodiscard]] const Graph& graph();
  /// Moves the graph out (no copy); the builder is empty afterwards.
  [[nodiscard]] Graph release();

  [[nodiscard]] std::optional<Vertex> find_person(std::string_view name) const;
  [[nodiscard]] std::optional<Vertex> find_handle(std::string_view handle) const;
  [[nodiscard]] std::optional<Vertex> find_document(std::string_view id) const;

 private:
  // A party's lists while documents are added; written to its node by sync().
  struct PartyLists {
    std::vector<Str> aliases;
    std::vector<Str> roles;
    std::vector<Str> documents;
    std::size_t last_add = 0;  // the add() that last named it, plus one
  };
  struct LinkKey {
    Vertex from;
    Vertex to;
    Relation relation;
    friend bool operator==(const LinkKey&, const LinkKey&) = default;
  };
  struct LinkHash {
    std::size_t operator()(const LinkKey& k) const {
      constexpr std::size_t kMix = 0x9E3779B97F4A7C15U;
      return (k.from * kMix) ^ (k.to * 31U) ^ static_cast<std::size_t>(k.relation);
    }
  };

  Vertex person(Str name, NodeKind kind = NodeKind::kPerson);
  Vertex handle(Str spelling);
  Vertex document(const DocFacts& ex);
  Vertex party(Str name, NodeKind kind = NodeKind::kPerson);
  void link(Vertex from, Vertex to, Relation relation, int weight = 1, Str date = {});
  void sync();

  std::shared_ptr<StringPool> pool_;
  Graph g_;
  // Keyed by the address of an interned string: one per content in the pool, so that a
  // look-up hashes a pointer, not the text.
  PtrMap<Vertex> people_;     // canonical name
  PtrMap<Vertex> handles_;    // lower-cased handle
  PtrMap<Vertex> spellings_;  // handle as written -> its node
  PtrMap<Vertex> documents_;  // document id
  // Per party, in the order the parties were first met; party_slot_[v] is v's index in
  // lists_ plus one, 0 for the other nodes (an array: a party is met for every statement
  // it says and every mention, and hashing its vertex each time cost 8 % of a build).
  std::vector<std::pair<Vertex, PartyLists>> lists_;
  std::vector<std::uint32_t> party_slot_;
  PartyLists& lists_of(Vertex v);
  // has_handle and replied_to edges, the only ones met again: party nodes have many
  // edges, so scanning them would make a large corpus quadratic.
  std::unordered_map<LinkKey, EdgeProps*, LinkHash> repeated_;
  std::unordered_map<Vertex, Vertex> first_owner_;  // handle -> its first owner
  Str current_doc_;                                 // the id of the one being added
  bool new_doc_ = false;                            // current_doc_ was not seen before
  std::size_t adds_ = 0;                            // add() calls so far
};

/// For each vertex, the sources of its in-edges of one relation, by source then out-edge
/// order: found by going over every edge, since Graph keeps out-edges only.
///
/// Example:
///   InEdges said(g, Relation::kSaid);
///   for (Vertex speaker : said.sources(statement)) ...
class InEdges {
 public:
  InEdges(const Graph& g, Relation relation);
  [[nodiscard]] std::span<const Vertex> sources(Vertex v) const;

 private:
  std::vector<std::size_t> start_;  // per vertex, where its sources begin in sources_
  std::vector<Vertex> sources_;
};

/// What a graph holds in memory, counted from its containers (not measured): the vertex
/// array, the out-edge arrays, one heap block of EdgeProps per edge (Boost allocates
/// them one by one), and the string pool.
struct GraphMemory {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t vertex_bytes = 0;    ///< vertex array, reserved capacity included
  std::size_t out_edge_bytes = 0;  ///< out-edge arrays, capacity and heap headers included
  std::size_t edge_props_bytes = 0;
  std::size_t string_bytes = 0;  ///< the pool (shared with whatever else uses it)
};
GraphMemory memory_use(const Graph& g);

/// The number of nodes of one kind.
std::size_t count_nodes(const Graph& g, NodeKind kind);

/// The edge from -> to with this relation, if any.
std::optional<Edge> find_edge(const Graph& g, Vertex from, Vertex to, Relation relation);

/// Synthetic, XML-NMTOKEN ids in vertex order, numbered per kind: p1, o1, h1, s1, d1, ...
std::vector<std::string> node_ids(const Graph& g);

/// The letter of a node_ids() id for a kind: p, o, h, s or d.
constexpr char node_id_prefix(NodeKind kind) {
  constexpr char kPrefix[] = {'p', 'o', 'h', 's', 'd'};
  return kPrefix[static_cast<std::size_t>(kind)];
}

/// Per vertex, the number in its node_ids() id: its place among the nodes of its kind,
/// from 1.
std::vector<std::uint32_t> node_numbers(const Graph& g);

/// How often party a addressed, mentioned or replied to party b, per relation, and when.
struct PersonLink {
  Vertex from;
  Vertex to;
  Relation relation;  ///< kAddressedTo, kMentions or kRepliedTo
  EdgeProps props;    ///< weight = count; dates from the documents
};

/// Every PersonLink of g (vertices of g), sorted by (from, to, relation). A statement
/// counts for its speaker; a handle stands for the parties that own it; self-loops and
/// statements without a speaker are left out. A statement that both addresses and
/// mentions b counts once for each relation.
std::vector<PersonLink> person_links(const Graph& g);

/// The person-to-person view: every person and organisation, and one `interacts` edge
/// a -> b whose weight counts the statements of a that address or mention b (directly
/// or through one of b's handles) plus a's replies to b, with the first and last date of
/// those. Self-loops are left out.
Graph person_graph(const Graph& g);

/// The bipartite person-document view: every person, organisation and document, and one
/// `in_document` edge party -> document whose weight counts the statements of that
/// document the party said, is mentioned in or is addressed by (at least 1 when the
/// party is only listed there), dated with the document.
Graph people_documents_graph(const Graph& g);

enum class View { kFull, kPeople, kPeopleDocuments };

/// "full", "people", "people-documents"; nullopt otherwise.
std::optional<View> view_from_string(std::string_view name);

/// g itself (copied) for kFull, else person_graph(g) or people_documents_graph(g).
Graph make_view(const Graph& g, View view);

}  // namespace quotegraph::graph
