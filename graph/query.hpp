// Questions asked of a graph: names as users type them, statements by speaker, mention
// or words, neighbours, shortest chains, centrality, components and ego networks. The
// algorithms are Boost.Graph's (breadth_first_search, page_rank, connected_components),
// but for betweenness: Brandes' algorithm as Boost runs it, on flat arrays and on
// several threads.
//
// Example:
//   Graph g = corpus.graph();
//   Graph people = person_graph(g);
//   NameIndex names(people);
//   auto chain = shortest_path(people, names.find("blackwood"), names.find("LFH"), false);
//   std::vector<double> rank = pagerank(people);
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace quotegraph::graph {

/// Finds people, organisations and handles by what a user types: case and accents do not
/// matter, "@handle" finds a handle, a known alias or a surname alone finds its person
/// when only one has it, and a handle typed without its @ finds its owner.
class NameIndex {
 public:
  explicit NameIndex(const Graph& g);

  /// The person or organisation for `name`. Throws UsageError (exit code 2) when it is
  /// unknown, with up to three close names ("unknown name 'Clintn'; did you mean
  /// 'Hillary Clinton'?"), or when it fits several ("'Clinton' is ambiguous: ...").
  [[nodiscard]] Vertex find(std::string_view name) const;
  /// find(), or the handle for a name starting with '@'.
  [[nodiscard]] Vertex find_party_or_handle(std::string_view name) const;
  /// Up to `max` known names closest to `name` by edit distance, closest first.
  [[nodiscard]] std::vector<std::string> suggestions(std::string_view name,
                                                     std::size_t max = 3) const;

 private:
  const Graph& g_;
  std::vector<Vertex> parties_;
  std::vector<Vertex> handles_;
};

/// Statement filters; every filter that is set must hold.
struct StatementFilter {
  std::optional<Vertex> speaker;   ///< said by this party
  std::optional<Vertex> mentions;  ///< mentions or addresses it (a party: or its handles;
                                   ///< a handle: or its owners)
  std::vector<std::string> words;  ///< each occurs in the text (case and accents ignored)
};

/// The statements that pass, in graph order (documents in corpus order).
std::vector<Vertex> find_statements(const Graph& g, const StatementFilter& filter);

/// The speaker of a statement, if any. Goes over every edge: for many statements, build
/// InEdges(g, Relation::kSaid) once and use the overload below.
std::optional<Vertex> speaker_of(const Graph& g, Vertex statement);
/// The speaker of a statement from the said edges of its graph.
std::optional<Vertex> speaker_of(const InEdges& said, Vertex statement);

/// One neighbour of a party in the full graph.
struct Neighbor {
  Vertex vertex;
  Relation relation;  ///< kAddressedTo, kMentions, kRepliedTo or kHasHandle
  bool outgoing;      ///< the party did it (true) or had it done to it (false)
  EdgeProps props;
};

/// The parties v addressed, mentioned or replied to and those that did so to v (see
/// person_links), and v's handles; heaviest first, then by relation, direction and label.
std::vector<Neighbor> neighbors(const Graph& g, Vertex v);

/// The shortest chain from -> to in `people` (a person view), both ends included; empty
/// when none. Undirected unless `directed`. Breadth-first search; ties go to the
/// neighbour added first.
std::vector<Vertex> shortest_path(const Graph& people, Vertex from, Vertex to, bool directed);

/// Distinct neighbours of each vertex, edges taken as undirected.
std::vector<std::size_t> degree(const Graph& g);
/// Boost's page_rank (damping 0.85, 100 iterations) on the directed graph, scaled so the
/// values sum to 1.
std::vector<double> pagerank(const Graph& g);
/// How betweenness() runs.
struct BetweennessOptions {
  unsigned threads = 1;    ///< breadth-first searches on this many threads at once
  std::size_t sample = 0;  ///< 0: every vertex a source; k: k sources, the sums scaled by n / k
  /// Called after each source, with the sources done and their number, from one thread
  /// at a time (any of them).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Brandes betweenness on the undirected graph: for each vertex, the number of shortest
/// paths between other pairs that go through it (each unordered pair counted once,
/// split between tied paths), as Boost's brandes_betweenness_centrality computes it for
/// an undirected graph, to the last bits of a double (the sources are summed in blocks).
/// The same values whatever the threads. With a sample of k < n sources (chosen by a
/// fixed hash of the vertex number: the same every run), an estimate, as networkx's
/// betweenness_centrality(k=...) gives: O(k * edges) instead of O(n * edges).
std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options = {});
/// Connected components of the undirected graph: component index per vertex, numbered
/// by first vertex.
std::vector<std::size_t> components(const Graph& g, std::size_t& count);

/// The vertices within `depth` undirected hops of center and every edge between them,
/// in the order of g.
Graph ego_network(const Graph& g, Vertex center, std::size_t depth);

}  // namespace quotegraph::graph
