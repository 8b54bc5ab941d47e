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

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/types.hpp"

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

/// What a node holds. Fields that do not apply to its kind stay empty.
struct NodeProps {
  NodeKind kind = NodeKind::kPerson;
  /// Canonical name, "@handle" (first spelling), statement text or document id.
  std::string label;
  std::string text;                  ///< statement: the quoted words
  std::string cue;                   ///< statement: "said", "tweeted", ...
  std::string speaker;               ///< statement: canonical speaker name, empty when unknown
  std::string document;              ///< statement and document: the document id
  std::string date;                  ///< statement and document
  std::string title;                 ///< document
  std::string url;                   ///< document
  std::string publisher;             ///< document
  double confidence = 0.0;           ///< statement
  std::vector<std::string> aliases;  ///< person/organization: other spellings, first seen first
  std::vector<std::string> roles;    ///< person/organization: "British Labour leader"
  /// person/organization: ids of the documents that name it, first seen first (not
  /// exported: the people-documents view shows it as edges).
  std::vector<std::string> documents;
};

/// What an edge holds: repeated edges of one relation between one pair add up in weight.
/// Dates are set on replied_to edges and in the views (from the documents' dates, ISO
/// strings compared as text); empty when no document of the edge has a date.
struct EdgeProps {
  Relation relation = Relation::kSaid;
  int weight = 1;
  std::string first_date;
  std::string last_date;
};

/// Widens [first_date, last_date] of e to include date (ignored when empty).
void add_date(EdgeProps& e, const std::string& date);

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

/// Adds extractions to a graph. Nodes and edges come in input order, so the same
/// extractions give the same graph. People and organisations are merged by canonical
/// name, handles case-insensitively (the first spelling is kept), documents by id.
/// Statements are never merged: adding a document twice adds its statements twice.
class GraphBuilder {
 public:
  /// Adds the nodes and edges of one document's extraction.
  void add(const Extraction& ex);

  [[nodiscard]] const Graph& graph() const { return g_; }
  /// Moves the graph out; the builder is empty afterwards.
  [[nodiscard]] Graph release();

  [[nodiscard]] std::optional<Vertex> find_person(std::string_view name) const;
  [[nodiscard]] std::optional<Vertex> find_handle(std::string_view handle) const;
  [[nodiscard]] std::optional<Vertex> find_document(std::string_view id) const;

 private:
  Vertex person(const std::string& name, NodeKind kind = NodeKind::kPerson);
  Vertex handle(const std::string& spelling);
  Vertex document(const Extraction& ex);
  Vertex party(const std::string& name, NodeKind kind = NodeKind::kPerson);
  void link(Vertex from, Vertex to, Relation relation, int weight = 1,
            const std::string& date = {});

  Graph g_;
  std::map<std::string, Vertex, std::less<>> people_;     // canonical name
  std::map<std::string, Vertex, std::less<>> handles_;    // lower-cased handle
  std::map<std::string, Vertex, std::less<>> documents_;  // document id
  std::string current_doc_;                               // the id of the one being added
};

/// The number of nodes of one kind.
std::size_t count_nodes(const Graph& g, NodeKind kind);

/// The edge from -> to with this relation, if any.
std::optional<Edge> find_edge(const Graph& g, Vertex from, Vertex to, Relation relation);

/// Synthetic, XML-NMTOKEN ids in vertex order, numbered per kind: p1, o1, h1, s1, d1, ...
std::vector<std::string> node_ids(const Graph& g);

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
