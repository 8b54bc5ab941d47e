#include "graph/query.hpp"

#include <gtest/gtest.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <random>
#include <set>

#include "extract/error.hpp"

namespace quotegraph::graph {
namespace {

// A person-view graph built in code: parties a, b, c... and weighted interacts edges.
struct Small {
  Graph g;
  std::map<std::string, Vertex> v;
  Vertex add(const std::string& name) {
    NodeProps p;
    p.label = strings(g).intern(name);
    return v[name] = boost::add_vertex(p, g);
  }
  void link(const std::string& a, const std::string& b) {
    boost::add_edge(v.at(a), v.at(b), EdgeProps{Relation::kInteracts, 1, {}, {}}, g);
  }
};

// a -> b -> c -> d, and e alone.
Small chain() {
  Small s;
  for (const char* n : {"Ann Lee", "Bob Roe", "Cy Poe", "Di Fox", "Ed Ray"}) s.add(n);
  s.link("Ann Lee", "Bob Roe");
  s.link("Bob Roe", "Cy Poe");
  s.link("Di Fox", "Cy Poe");
  return s;
}

std::vector<std::string> labels(const Graph& g, const std::vector<Vertex>& vs) {
  std::vector<std::string> out;
  for (Vertex v : vs) out.push_back(g[v].label.str());
  return out;
}

TEST(Query, ShortestPathUndirectedAndDirected) {
  const Small s = chain();
  EXPECT_EQ(labels(s.g, shortest_path(s.g, s.v.at("Ann Lee"), s.v.at("Di Fox"), false)),
            (std::vector<std::string>{"Ann Lee", "Bob Roe", "Cy Poe", "Di Fox"}));
  EXPECT_TRUE(shortest_path(s.g, s.v.at("Ann Lee"), s.v.at("Di Fox"), true).empty());
  EXPECT_EQ(shortest_path(s.g, s.v.at("Ann Lee"), s.v.at("Cy Poe"), true).size(), 3u);
  EXPECT_TRUE(shortest_path(s.g, s.v.at("Ann Lee"), s.v.at("Ed Ray"), false).empty());
}

TEST(Query, BetweennessOfAPathAndAStar) {
  const Small s = chain();
  const std::vector<double> b = betweenness(s.g);
  // On a-b-c-d: b lies on a-c and a-d; c on a-d and b-d.
  EXPECT_DOUBLE_EQ(b[s.v.at("Ann Lee")], 0.0);
  EXPECT_DOUBLE_EQ(b[s.v.at("Bob Roe")], 2.0);
  EXPECT_DOUBLE_EQ(b[s.v.at("Cy Poe")], 2.0);
  EXPECT_DOUBLE_EQ(b[s.v.at("Ed Ray")], 0.0);

  Small star;
  for (const char* n : {"Hub", "One", "Two", "Three"}) star.add(n);
  for (const char* n : {"One", "Two", "Three"}) star.link(n, "Hub");
  EXPECT_DOUBLE_EQ(betweenness(star.g)[star.v.at("Hub")], 3.0);
}

// A random graph of n parties with about n * degree / 2 links (some repeated, some
// self-loops: betweenness takes each linked pair once).
Small random_graph(std::size_t n, std::size_t degree, std::uint64_t seed) {
  Small s;
  for (std::size_t i = 0; i < n; ++i) s.add("P" + std::to_string(i));
  std::mt19937_64 rng(seed);
  for (std::size_t e = 0; e < n * degree / 2; ++e) {
    s.link("P" + std::to_string(rng() % n), "P" + std::to_string(rng() % n));
  }
  return s;
}

std::vector<double> boost_betweenness(const Graph& g) {
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected u(boost::num_vertices(g));
  std::set<std::pair<Vertex, Vertex>> seen;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      const Vertex a = boost::source(*e, g);
      const Vertex b = boost::target(*e, g);
      if (a != b && seen.emplace(std::min(a, b), std::max(a, b)).second) {
        boost::add_edge(a, b, u);
      }
    }
  }
  std::vector<double> c(boost::num_vertices(u), 0.0);
  boost::brandes_betweenness_centrality(u, boost::centrality_map(boost::make_iterator_property_map(
                                               c.begin(), boost::get(boost::vertex_index, u))));
  return c;
}

BetweennessOptions options(unsigned threads, std::size_t sample = 0,
                           std::function<void(std::size_t, std::size_t)> progress = nullptr) {
  BetweennessOptions o;
  o.threads = threads;
  o.sample = sample;
  o.progress = std::move(progress);
  return o;
}

TEST(Query, BetweennessIsBoostsWhateverTheThreads) {
  // Sparse (several components, many ties) and denser graphs, more sources than blocks.
  for (const auto& [n, degree] : {std::pair<std::size_t, std::size_t>{300, 2}, {200, 8}, {5, 2}}) {
    const Small s = random_graph(n, degree, n * 31 + degree);
    const std::vector<double> expected = boost_betweenness(s.g);
    const std::vector<double> one = betweenness(s.g, options(1));
    ASSERT_EQ(one.size(), expected.size());
    double largest = 0;
    for (std::size_t v = 0; v < n; ++v) {
      EXPECT_NEAR(one[v], expected[v], 1e-9 * std::max(1.0, expected[v])) << n << " " << v;
      largest = std::max(largest, one[v]);
    }
    if (n > 100) {
      EXPECT_GT(largest, 100.0) << "a graph with paths through its vertices";
    }
    // Bit for bit the same on any number of threads.
    EXPECT_EQ(betweenness(s.g, options(2)), one);
    EXPECT_EQ(betweenness(s.g, options(7)), one);
  }
}

TEST(Query, BetweennessReportsProgressAndSamples) {
  const Small s = random_graph(400, 4, 7);
  std::size_t calls = 0;
  std::size_t last = 0;
  std::size_t total = 0;
  const std::vector<double> exact =
      betweenness(s.g, options(3, 0, [&](std::size_t done, std::size_t of) {
                    ++calls;
                    EXPECT_GT(done, last);
                    last = done;
                    total = of;
                  }));
  EXPECT_EQ(calls, 400U);
  EXPECT_EQ(last, 400U);
  EXPECT_EQ(total, 400U);
  // A sample of every vertex is the exact answer; a smaller one an estimate, scaled to
  // the same total, the same every run and on any number of threads.
  EXPECT_EQ(betweenness(s.g, options(1, 400)), exact);
  const std::vector<double> half = betweenness(s.g, options(2, 200));
  EXPECT_EQ(betweenness(s.g, options(1, 200)), half);
  EXPECT_NE(half, exact);
  double sum_exact = 0;
  double sum_half = 0;
  for (std::size_t v = 0; v < exact.size(); ++v) {
    sum_exact += exact[v];
    sum_half += half[v];
  }
  EXPECT_NEAR(sum_half, sum_exact, 0.15 * sum_exact);
  std::size_t calls_sampled = 0;
  (void)betweenness(s.g, options(1, 50, [&](std::size_t, std::size_t of) {
                      ++calls_sampled;
                      EXPECT_EQ(of, 50U);
                    }));
  EXPECT_EQ(calls_sampled, 50U);
}

TEST(Query, PageRankFavoursTheOneEveryoneAddresses) {
  Small star;
  for (const char* n : {"Hub", "One", "Two", "Three"}) star.add(n);
  for (const char* n : {"One", "Two", "Three"}) star.link(n, "Hub");
  star.link("Hub", "One");
  const std::vector<double> r = pagerank(star.g);
  double sum = 0;
  for (double x : r) sum += x;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_GT(r[star.v.at("Hub")], r[star.v.at("One")]);
  EXPECT_GT(r[star.v.at("One")], r[star.v.at("Two")]);
  EXPECT_DOUBLE_EQ(r[star.v.at("Two")], r[star.v.at("Three")]);
}

TEST(Query, DegreeAndComponents) {
  const Small s = chain();
  EXPECT_EQ(degree(s.g), (std::vector<std::size_t>{1, 2, 2, 1, 0}));
  std::size_t count = 0;
  const std::vector<std::size_t> c = components(s.g, count);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(c[s.v.at("Ann Lee")], c[s.v.at("Di Fox")]);
  EXPECT_NE(c[s.v.at("Ann Lee")], c[s.v.at("Ed Ray")]);
}

TEST(Query, EgoNetworkKeepsVerticesWithinDepth) {
  const Small s = chain();
  const Graph one = ego_network(s.g, s.v.at("Bob Roe"), 1);
  EXPECT_EQ(boost::num_vertices(one), 3u);
  EXPECT_EQ(boost::num_edges(one), 2u);
  EXPECT_EQ(boost::num_vertices(ego_network(s.g, s.v.at("Bob Roe"), 2)), 4u);
  EXPECT_EQ(boost::num_vertices(ego_network(s.g, s.v.at("Ed Ray"), 3)), 1u);
}

TEST(NameIndex, FindsByCaseAccentsAliasSurname) {
  Small s;
  s.add("Étienne Beaulieu");
  s.add("Hillary Clinton");
  s.add("Bill Clinton");
  const Vertex ruth = s.add("Ruth Okafor");
  s.g[ruth].aliases = strings(s.g).list({strings(s.g).intern("Mayor Okafor")});
  const NameIndex names(s.g);
  EXPECT_EQ(names.find("etienne BEAULIEU"), s.v.at("Étienne Beaulieu"));
  EXPECT_EQ(names.find("Beaulieu"), s.v.at("Étienne Beaulieu"));
  EXPECT_EQ(names.find("mayor okafor"), ruth);
  EXPECT_EQ(names.find("okafor"), ruth);
}

TEST(NameIndex, UnknownAndAmbiguousNamesAreUsageErrorsWithSuggestions) {
  Small s;
  s.add("Hillary Clinton");
  s.add("Bill Clinton");
  const NameIndex names(s.g);
  try {
    (void)names.find("Hilary Clintn");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown name 'Hilary Clintn'; did you mean 'Hillary Clinton'?");
    EXPECT_EQ(e.code(), ExitCode::kUsage);
  }
  try {
    (void)names.find("Clinton");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "'Clinton' is ambiguous (the surname of 'Hillary Clinton' or 'Bill Clinton'); "
                 "give the full name");
  }
  EXPECT_THROW((void)names.find("Zebedee"), UsageError);
}

}  // namespace
}  // namespace quotegraph::graph
