#include "graph/query.hpp"

#include <algorithm>
#include <atomic>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "extract/error.hpp"
#include "graph/names.hpp"

namespace quotegraph::graph {
namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Bidirectional = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

bool is_party(const NodeProps& n) {
  return n.kind == NodeKind::kPerson || n.kind == NodeKind::kOrganization;
}

std::string handle_fold(std::string_view s) {
  if (!s.empty() && s.front() == '@') s.remove_prefix(1);
  return fold(s);
}

// One undirected edge per linked pair, in the order of g's edges; no self-loops.
Undirected undirected(const Graph& g) {
  Undirected u(boost::num_vertices(g));
  std::set<std::pair<Vertex, Vertex>> seen;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      Vertex a = boost::source(*e, g);
      Vertex b = boost::target(*e, g);
      if (a == b) continue;
      if (seen.emplace(std::min(a, b), std::max(a, b)).second) boost::add_edge(a, b, u);
    }
  }
  return u;
}

template <typename G>
std::vector<std::size_t> bfs_distances(const G& g, Vertex from, std::vector<Vertex>* pred) {
  constexpr auto kUnreached = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> dist(boost::num_vertices(g), kUnreached);
  std::vector<Vertex> p(boost::num_vertices(g));
  for (std::size_t i = 0; i < p.size(); ++i) p[i] = i;
  dist[from] = 0;
  boost::breadth_first_search(g, from,
                              boost::visitor(boost::make_bfs_visitor(std::make_pair(
                                  boost::record_distances(dist.data(), boost::on_tree_edge()),
                                  boost::record_predecessors(p.data(), boost::on_tree_edge())))));
  if (pred) *pred = std::move(p);
  return dist;
}

std::string quote_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

NameIndex::NameIndex(const Graph& g) : g_(g) {
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (is_party(g[*it])) parties_.push_back(*it);
    if (g[*it].kind == NodeKind::kHandle) handles_.push_back(*it);
  }
}

std::vector<std::string> NameIndex::suggestions(std::string_view name, std::size_t max) const {
  const bool handle = !name.empty() && name.front() == '@';
  const std::string query = handle ? handle_fold(name) : fold(name);
  const std::size_t limit = std::max<std::size_t>(2, query.size() / 3);
  std::vector<std::tuple<std::size_t, std::string>> scored;
  for (Vertex v : handle ? handles_ : parties_) {
    const std::string label = g_[v].label.str();
    std::size_t best = edit_distance(query, handle ? handle_fold(label) : fold(label));
    if (!handle) {
      const std::vector<std::string> tokens = name_tokens(label);
      for (const std::string& t : tokens) best = std::min(best, edit_distance(query, t) + 1);
      for (Str alias : g_[v].aliases) {
        best = std::min(best, edit_distance(query, fold(alias)));
      }
    }
    if (best <= limit) scored.emplace_back(best, label);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, label] : scored) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
  }
  return out;
}

Vertex NameIndex::find(std::string_view name) const {
  const std::string query = fold(name);
  auto fail = [&]() -> Vertex {
    std::string message = "unknown name '" + std::string(name) + "'";
    const std::vector<std::string> close = suggestions(name);
    if (!close.empty()) message += "; did you mean " + quote_list(close) + "?";
    throw UsageError(message);
  };
  if (query.empty()) fail();
  auto unique = [&](const std::vector<Vertex>& found, const char* how) -> std::optional<Vertex> {
    if (found.size() == 1) return found.front();
    if (found.size() > 1) {
      std::vector<std::string> names;
      for (Vertex v : found) names.push_back(g_[v].label.str());
      throw UsageError("'" + std::string(name) + "' is ambiguous (" + how + " of " +
                       quote_list(names) + "); give the full name");
    }
    return std::nullopt;
  };

  std::vector<Vertex> found;
  for (Vertex v : parties_) {
    if (fold(g_[v].label) == query) found.push_back(v);
  }
  if (auto v = unique(found, "the name")) return *v;
  for (Vertex v : parties_) {
    for (Str alias : g_[v].aliases) {
      if (fold(alias) == query) {
        found.push_back(v);
        break;
      }
    }
  }
  if (auto v = unique(found, "a spelling")) return *v;
  const std::vector<std::string> words = name_tokens(name);
  if (words.size() == 1) {
    for (Vertex v : parties_) {
      const std::vector<std::string> tokens = name_tokens(g_[v].label);
      if (g_[v].kind == NodeKind::kPerson && tokens.size() >= 2 && surname(tokens) == words[0]) {
        found.push_back(v);
      }
    }
    if (auto v = unique(found, "the surname")) return *v;
  }
  // A handle typed without its @ stands for its owner.
  std::optional<InEdges> owners;  // only when a handle matches
  for (Vertex h : handles_) {
    if (handle_fold(g_[h].label) != handle_fold(query)) continue;
    if (!owners) owners.emplace(g_, Relation::kHasHandle);
    for (Vertex owner : owners->sources(h)) found.push_back(owner);
  }
  if (auto v = unique(found, "the owner")) return *v;
  return fail();
}

Vertex NameIndex::find_party_or_handle(std::string_view name) const {
  if (name.empty() || name.front() != '@') return find(name);
  const std::string query = handle_fold(name);
  for (Vertex v : handles_) {
    if (handle_fold(g_[v].label) == query) return v;
  }
  std::string message = "unknown handle '" + std::string(name) + "'";
  const std::vector<std::string> close = suggestions(name);
  if (!close.empty()) message += "; did you mean " + quote_list(close) + "?";
  throw UsageError(message);
}

std::optional<Vertex> speaker_of(const Graph& g, Vertex statement) {
  return speaker_of(InEdges(g, Relation::kSaid), statement);
}

std::optional<Vertex> speaker_of(const InEdges& said, Vertex statement) {
  const std::span<const Vertex> speakers = said.sources(statement);
  if (speakers.empty()) return std::nullopt;
  return speakers.front();
}

std::vector<Vertex> find_statements(const Graph& g, const StatementFilter& filter) {
  // What counts as a mention of filter.mentions: itself, its handles, its owners.
  std::set<Vertex> targets;
  if (filter.mentions) {
    const Vertex m = *filter.mentions;
    targets.insert(m);
    for (auto [e, end] = boost::out_edges(m, g); e != end; ++e) {
      if (g[*e].relation == Relation::kHasHandle) targets.insert(boost::target(*e, g));
    }
    for (Vertex owner : InEdges(g, Relation::kHasHandle).sources(m)) targets.insert(owner);
  }
  std::vector<std::string> words;
  for (const std::string& w : filter.words) {
    if (!fold(w).empty()) words.push_back(fold(w));
  }

  std::optional<InEdges> said;
  if (filter.speaker) said.emplace(g, Relation::kSaid);

  std::vector<Vertex> out;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Vertex s = *it;
    if (g[s].kind != NodeKind::kStatement) continue;
    if (filter.speaker && speaker_of(*said, s) != filter.speaker) continue;
    if (filter.mentions) {
      bool hit = false;
      for (auto [e, e_end] = boost::out_edges(s, g); e != e_end && !hit; ++e) {
        const Relation r = g[*e].relation;
        hit = (r == Relation::kMentions || r == Relation::kAddressedTo) &&
              targets.count(boost::target(*e, g)) > 0;
      }
      if (!hit) continue;
    }
    if (!words.empty()) {
      const std::string text = fold(g[s].text);
      if (!std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return text.find(w) != std::string::npos; })) {
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

std::vector<Neighbor> neighbors(const Graph& g, Vertex v) {
  std::vector<Neighbor> out;
  for (const PersonLink& link : person_links(g)) {
    if (link.from == v) out.push_back({link.to, link.relation, true, link.props});
    if (link.to == v) out.push_back({link.from, link.relation, false, link.props});
  }
  for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
    if (g[*e].relation == Relation::kHasHandle) {
      out.push_back({boost::target(*e, g), Relation::kHasHandle, true, g[*e]});
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const Neighbor& a, const Neighbor& b) {
    return std::make_tuple(-a.props.weight, a.relation, !a.outgoing, g[a.vertex].label) <
           std::make_tuple(-b.props.weight, b.relation, !b.outgoing, g[b.vertex].label);
  });
  return out;
}

std::vector<Vertex> shortest_path(const Graph& people, Vertex from, Vertex to, bool directed) {
  std::vector<Vertex> pred;
  const std::vector<std::size_t> dist = directed ? bfs_distances(people, from, &pred)
                                                 : bfs_distances(undirected(people), from, &pred);
  if (dist[to] == std::numeric_limits<std::size_t>::max()) return {};
  std::vector<Vertex> chain{to};
  while (chain.back() != from) chain.push_back(pred[chain.back()]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<std::size_t> degree(const Graph& g) {
  const Undirected u = undirected(g);
  std::vector<std::size_t> out(boost::num_vertices(u));
  for (std::size_t v = 0; v < out.size(); ++v) out[v] = boost::degree(v, u);
  return out;
}

std::vector<double> pagerank(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> rank(n, 0.0);
  if (n == 0) return rank;
  // Boost's page_rank sums over in-edges when the graph has them: a bidirectional copy,
  // edges added by source then out-edge order, keeps its arithmetic (and results) the
  // same as on the view graphs, whose edges were added in that order.
  Bidirectional b(n);
  for (auto [v, v_end] = boost::vertices(g); v != v_end; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end; ++e) {
      boost::add_edge(*v, boost::target(*e, g), b);
    }
  }
  std::vector<double> scratch(n, 0.0);
  auto index = boost::get(boost::vertex_index, b);
  boost::graph::page_rank(b, boost::make_iterator_property_map(rank.begin(), index),
                          boost::graph::n_iterations(100), 0.85, n,
                          boost::make_iterator_property_map(scratch.begin(), index));
  double sum = 0;
  for (double r : rank) sum += r;
  if (sum > 0) {
    for (double& r : rank) r /= sum;
  }
  return rank;
}

namespace {

// The undirected graph as arrays: the neighbours of v are adjacent[start[v], start[v + 1]),
// in the order Boost's adjacency list of undirected() holds them; vertex numbers in 32
// bits, so that more of the search's arrays stay in the caches.
struct Adjacency {
  std::vector<std::size_t> start;
  std::vector<std::uint32_t> adjacent;
};

Adjacency adjacency(const Undirected& u) {
  Adjacency a;
  const std::size_t n = boost::num_vertices(u);
  if (n > std::numeric_limits<std::uint32_t>::max() - 1) {
    throw std::length_error("betweenness: more than 4 billion people");
  }
  a.start.reserve(n + 1);
  a.start.push_back(0);
  a.adjacent.reserve(2 * boost::num_edges(u));
  for (Vertex v = 0; v < n; ++v) {
    for (auto [it, end] = boost::adjacent_vertices(v, u); it != end; ++it) {
      a.adjacent.push_back(static_cast<std::uint32_t>(*it));
    }
    a.start.push_back(a.adjacent.size());
  }
  return a;
}

// One source of Brandes' algorithm, unweighted, in the order of Boost's: a breadth-first
// search counting shortest paths, then the dependencies accumulated from the farthest
// vertex back, each added to sum (the source itself left out). Where Boost divides per
// predecessor (sigma[v] / sigma[w] * (1 + delta[w])), this divides once per vertex
// (sigma[v] * ((1 + delta[w]) / sigma[w])): the same to the last bits or two.
class BrandesSource {
 public:
  explicit BrandesSource(std::size_t n)
      : order_(n + 1), dist_(n, kUnreached), sigma_(n, 0.0), delta_(n, 0.0) {}

  // Without a branch on each neighbour (whether it is new, whether it is one step
  // further): those go either way at random and cost more than the work.
  void run(const Adjacency& a, std::uint32_t s, std::vector<double>& sum) {
    std::uint32_t* order = order_.data();
    std::uint32_t* dist = dist_.data();
    double* sigma = sigma_.data();
    double* delta = delta_.data();
    const std::size_t* start = a.start.data();
    const std::uint32_t* adjacent = a.adjacent.data();
    std::size_t reached = 1;
    order[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    for (std::size_t head = 0; head < reached; ++head) {
      const std::uint32_t v = order[head];
      const std::uint32_t next = dist[v] + 1;
      const double paths = sigma[v];
      for (std::size_t i = start[v]; i < start[v + 1]; ++i) {
        const std::uint32_t w = adjacent[i];
        const bool fresh = dist[w] == kUnreached;
        order[reached] = w;
        reached += fresh ? 1 : 0;
        dist[w] = fresh ? next : dist[w];
        sigma[w] += dist[w] == next ? paths : 0.0;
      }
    }
    for (std::size_t k = reached; k-- > 1;) {
      const std::uint32_t w = order[k];
      const std::uint32_t before = dist[w] - 1;
      const double coefficient = (1.0 + delta[w]) / sigma[w];
      for (std::size_t i = start[w]; i < start[w + 1]; ++i) {
        const std::uint32_t v = adjacent[i];
        delta[v] += dist[v] == before ? sigma[v] * coefficient : 0.0;
      }
      sum[w] += delta[w];
    }
    for (std::size_t k = 0; k < reached; ++k) {
      const std::uint32_t v = order[k];
      dist[v] = kUnreached;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }

 private:
  static constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> order_;  // one slot more than vertices: written before counted
  std::vector<std::uint32_t> dist_;
  std::vector<double> sigma_;
  std::vector<double> delta_;
};

// A fixed permutation of vertex numbers (splitmix64's finaliser) for sampling sources.
std::uint64_t scramble(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options) {
  const Adjacency a = adjacency(undirected(g));
  const std::size_t n = a.start.size() - 1;
  std::vector<Vertex> sources(n);
  for (Vertex v = 0; v < n; ++v) sources[v] = v;
  const bool sampled = options.sample > 0 && options.sample < n;
  if (sampled) {
    std::sort(sources.begin(), sources.end(),
              [](Vertex x, Vertex y) { return scramble(x) < scramble(y); });
    sources.resize(options.sample);
    std::sort(sources.begin(), sources.end());
  }
  // The sources in a fixed number of blocks, each summed on its own and the blocks added
  // up in order: the same values whatever thread took which block (for 32 arrays of n
  // doubles: 26 MB for 100,000 people).
  constexpr std::size_t kBlocks = 32;
  const std::size_t blocks = std::min(kBlocks, sources.size());
  std::vector<std::vector<double>> sums(blocks);
  std::atomic<std::size_t> next_block{0};
  std::mutex progress_mutex;
  std::size_t done = 0;
  const auto work = [&] {
    BrandesSource brandes(n);
    for (std::size_t b = next_block++; b < blocks; b = next_block++) {
      sums[b].assign(n, 0.0);
      const std::size_t first = b * sources.size() / blocks;
      const std::size_t last = (b + 1) * sources.size() / blocks;
      for (std::size_t i = first; i < last; ++i) {
        brandes.run(a, static_cast<std::uint32_t>(sources[i]), sums[b]);
        if (options.progress) {
          const std::lock_guard lock(progress_mutex);
          options.progress(++done, sources.size());
        }
      }
    }
  };
  const unsigned threads = static_cast<unsigned>(
      std::clamp<std::size_t>(options.threads, 1, std::max<std::size_t>(blocks, 1)));
  std::vector<std::thread> helpers;
  std::exception_ptr error;
  for (unsigned t = 1; t < threads; ++t) {
    helpers.emplace_back([&] {
      try {
        work();
      } catch (...) {
        const std::lock_guard lock(progress_mutex);
        if (!error) error = std::current_exception();
        next_block = blocks;
      }
    });
  }
  try {
    work();
  } catch (...) {
    next_block = blocks;
    for (std::thread& t : helpers) t.join();
    throw;
  }
  for (std::thread& t : helpers) t.join();
  if (error) std::rethrow_exception(error);

  std::vector<double> centrality(n, 0.0);
  for (const std::vector<double>& sum : sums) {
    for (Vertex v = 0; v < n; ++v) centrality[v] += sum[v];
  }
  // Each unordered pair was counted from both ends; a sample stands for n sources.
  const double scale =
      sampled ? 0.5 * static_cast<double>(n) / static_cast<double>(sources.size()) : 0.5;
  for (double& c : centrality) c *= scale;
  return centrality;
}

std::vector<std::size_t> components(const Graph& g, std::size_t& count) {
  const Undirected u = undirected(g);
  std::vector<std::size_t> component(boost::num_vertices(u));
  count = boost::num_vertices(u) == 0 ? 0 : boost::connected_components(u, component.data());
  return component;
}

Graph ego_network(const Graph& g, Vertex center, std::size_t depth) {
  const std::vector<std::size_t> dist = bfs_distances(undirected(g), center, nullptr);
  Graph out;
  out[boost::graph_bundle] = g[boost::graph_bundle];
  std::vector<std::optional<Vertex>> mapped(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (dist[*it] <= depth) mapped[*it] = boost::add_vertex(g[*it], out);
  }
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (!mapped[*it]) continue;
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      const Vertex t = boost::target(*e, g);
      if (mapped[t]) boost::add_edge(*mapped[*it], *mapped[t], g[*e], out);
    }
  }
  return out;
}

}  // namespace quotegraph::graph
