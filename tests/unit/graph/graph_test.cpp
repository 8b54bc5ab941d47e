#include "graph/graph.hpp"

#include <gtest/gtest.h>

#include "sample_extractions.hpp"

namespace quotegraph::graph {
namespace {

using quotegraph::testing::second_extraction;
using quotegraph::testing::seed_extraction;

int weight_of(const Graph& g, Vertex from, Vertex to, Relation relation) {
  auto e = find_edge(g, from, to, relation);
  return e ? g[*e].weight : 0;
}

TEST(GraphBuilder, OneDocumentHasEveryKindAndRelation) {
  GraphBuilder b;
  b.add(seed_extraction());
  const Graph& g = b.graph();

  EXPECT_EQ(count_nodes(g, NodeKind::kPerson), 3u);
  EXPECT_EQ(count_nodes(g, NodeKind::kOrganization), 0u);
  EXPECT_EQ(count_nodes(g, NodeKind::kHandle), 2u);
  EXPECT_EQ(count_nodes(g, NodeKind::kStatement), 4u);
  EXPECT_EQ(count_nodes(g, NodeKind::kDocument), 1u);

  const Vertex corbyn = *b.find_person("Jeremy Corbyn");
  const Vertex aoc = *b.find_person("Alexandria Ocasio-Cortez");
  const Vertex rosenberg = *b.find_person("Yair Rosenberg");
  const Vertex at_aoc = *b.find_handle("@AOC");
  const Vertex doc = *b.find_document("seed");

  EXPECT_EQ(g[corbyn].roles, std::vector<std::string>{"British Labour leader"});
  EXPECT_EQ(g[at_aoc].label, "@AOC");
  EXPECT_EQ(g[doc].title, "Corbyn and Ocasio-Cortez");

  // has_handle comes from both Person::handles and the handle list: counted once.
  EXPECT_EQ(weight_of(g, aoc, at_aoc, Relation::kHasHandle), 1);
  EXPECT_EQ(weight_of(g, corbyn, *b.find_handle("@JeremyCorbyn"), Relation::kHasHandle), 1);
  EXPECT_EQ(weight_of(g, aoc, corbyn, Relation::kRepliedTo), 1);
  EXPECT_EQ(weight_of(g, rosenberg, aoc, Relation::kRepliedTo), 1);

  // Statement 0: Corbyn said it, it mentions @AOC, it appears in the document.
  std::optional<Vertex> first;
  for (auto [it, end] = boost::out_edges(corbyn, g); it != end; ++it) {
    if (g[*it].relation == Relation::kSaid) first = boost::target(*it, g);
  }
  ASSERT_TRUE(first);
  EXPECT_EQ(g[*first].kind, NodeKind::kStatement);
  EXPECT_EQ(g[*first].text, "Great to speak to @AOC on the phone");
  EXPECT_EQ(g[*first].cue, "tweeted");
  EXPECT_EQ(g[*first].document, "seed");
  EXPECT_DOUBLE_EQ(g[*first].confidence, 0.93);
  EXPECT_EQ(weight_of(g, *first, at_aoc, Relation::kMentions), 1);
  EXPECT_EQ(weight_of(g, *first, doc, Relation::kAppearsIn), 1);

  // Every statement appears in the document, even the one nobody said.
  EXPECT_EQ(InEdges(g, Relation::kAppearsIn).sources(doc).size(), 4u);
  // said: 3, mentions: 1, addressed_to: 2, appears_in: 4, has_handle: 2, replied_to: 2.
  EXPECT_EQ(boost::num_edges(g), 14u);
}

TEST(GraphBuilder, MergesPeopleAndHandlesAcrossDocuments) {
  GraphBuilder b;
  b.add(seed_extraction());
  b.add(second_extraction());
  const Graph& g = b.graph();

  EXPECT_EQ(count_nodes(g, NodeKind::kPerson), 3u);
  EXPECT_EQ(count_nodes(g, NodeKind::kOrganization), 1u);
  EXPECT_EQ(count_nodes(g, NodeKind::kHandle), 2u);  // @aoc is @AOC
  EXPECT_EQ(count_nodes(g, NodeKind::kStatement), 6u);
  EXPECT_EQ(count_nodes(g, NodeKind::kDocument), 2u);

  const Vertex corbyn = *b.find_person("Jeremy Corbyn");
  const Vertex aoc = *b.find_person("Alexandria Ocasio-Cortez");
  const Vertex at_aoc = *b.find_handle("@aoc");
  EXPECT_EQ(b.find_handle("@AOC"), at_aoc);
  EXPECT_EQ(g[at_aoc].label, "@AOC");  // the first spelling stays
  EXPECT_EQ(g[corbyn].aliases, (std::vector<std::string>{"Corbyn", "Corby", "Jez"}));
  EXPECT_EQ(g[corbyn].roles, (std::vector<std::string>{"British Labour leader", "MP"}));
  EXPECT_EQ(g[*b.find_person("The New York Times")].kind, NodeKind::kOrganization);

  EXPECT_EQ(weight_of(g, aoc, corbyn, Relation::kRepliedTo), 2);
  EXPECT_EQ(weight_of(g, aoc, at_aoc, Relation::kHasHandle), 2);
  EXPECT_EQ(boost::out_degree(corbyn, g), 3u);  // two said, one has_handle
}

TEST(GraphBuilder, HandleAddresseeStandsForItsOwner) {
  Extraction ex = seed_extraction();
  ex.statements[2].addressee = "@aoc";
  GraphBuilder b;
  b.add(ex);
  const Graph& g = b.graph();
  const Vertex aoc = *b.find_person("Alexandria Ocasio-Cortez");
  EXPECT_EQ(InEdges(g, Relation::kAddressedTo).sources(aoc).size(), 1u);
}

TEST(GraphBuilder, SameInputGivesTheSameGraph) {
  auto build = [] {
    GraphBuilder b;
    b.add(seed_extraction());
    b.add(second_extraction());
    return b.release();
  };
  const Graph a = build();
  const Graph c = build();
  ASSERT_EQ(boost::num_vertices(a), boost::num_vertices(c));
  EXPECT_EQ(node_ids(a), node_ids(c));
  for (std::size_t v = 0; v < boost::num_vertices(a); ++v) EXPECT_EQ(a[v].label, c[v].label);
}

TEST(NodeIds, NumberedPerKindInVertexOrder) {
  GraphBuilder b;
  b.add(seed_extraction());
  const std::vector<std::string> ids = node_ids(b.graph());
  // The document comes first, then the people in the order the extraction lists them.
  ASSERT_GE(ids.size(), 6u);
  EXPECT_EQ((std::vector<std::string>(ids.begin(), ids.begin() + 6)),
            (std::vector<std::string>{"d1", "p1", "h1", "p2", "h2", "p3"}));
  EXPECT_EQ(ids.back(), "s4");
}

TEST(Relation, NamesRoundTrip) {
  for (Relation r :
       {Relation::kSaid, Relation::kMentions, Relation::kHasHandle, Relation::kAddressedTo,
        Relation::kRepliedTo, Relation::kAppearsIn, Relation::kInteracts}) {
    EXPECT_EQ(relation_from_string(to_string(r)), r);
  }
  EXPECT_EQ(to_string(Relation::kHasHandle), "has_handle");
  EXPECT_EQ(to_string(NodeKind::kOrganization), "organization");
  EXPECT_FALSE(relation_from_string("retweeted"));
}

TEST(PersonGraph, AggregatesAddressesMentionsAndReplies) {
  GraphBuilder b;
  b.add(seed_extraction());
  b.add(second_extraction());
  const Graph p = person_graph(b.graph());

  EXPECT_EQ(boost::num_vertices(p), 4u);  // three people and the Times
  EXPECT_EQ(count_nodes(p, NodeKind::kStatement), 0u);
  auto find = [&p](std::string_view name) {
    for (auto [it, end] = boost::vertices(p); it != end; ++it) {
      if (p[*it].label == name) return *it;
    }
    ADD_FAILURE() << "no " << name;
    return Vertex{};
  };
  const Vertex corbyn = find("Jeremy Corbyn");
  const Vertex aoc = find("Alexandria Ocasio-Cortez");
  const Vertex rosenberg = find("Yair Rosenberg");

  // Corbyn -> AOC: @AOC in the seed; @aoc and her name in one statement of the second.
  EXPECT_EQ(weight_of(p, corbyn, aoc, Relation::kInteracts), 2);
  // AOC -> Corbyn: one statement addressed to him, two replies.
  EXPECT_EQ(weight_of(p, aoc, corbyn, Relation::kInteracts), 3);
  // Rosenberg -> AOC: one statement addressed to her, one reply.
  EXPECT_EQ(weight_of(p, rosenberg, aoc, Relation::kInteracts), 2);
  EXPECT_EQ(boost::num_edges(p), 3u);
}

TEST(PersonGraph, LeavesOutSelfMentions) {
  Extraction ex = seed_extraction();
  ex.statements[0].mentions = {"@jeremycorbyn", "Jeremy Corbyn"};
  GraphBuilder b;
  b.add(ex);
  const Graph p = person_graph(b.graph());
  for (auto [v, v_end] = boost::vertices(p); v != v_end; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, p); e != e_end; ++e) {
      EXPECT_NE(boost::source(*e, p), boost::target(*e, p));
    }
  }
}

TEST(InEdges, SourcesPerTargetAndRelationInVertexOrder) {
  GraphBuilder b;
  b.add(seed_extraction());
  const Graph& g = b.graph();
  const Vertex corbyn = *b.find_person("Jeremy Corbyn");
  const Vertex aoc = *b.find_person("Alexandria Ocasio-Cortez");
  const Vertex at_aoc = *b.find_handle("@AOC");
  const InEdges owners(g, Relation::kHasHandle);
  ASSERT_EQ(owners.sources(at_aoc).size(), 1u);
  EXPECT_EQ(owners.sources(at_aoc)[0], aoc);
  EXPECT_TRUE(owners.sources(corbyn).empty());
  // Every statement's in-edges: its speaker only; sources come in vertex order.
  const InEdges said(g, Relation::kSaid);
  std::size_t total = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const auto sources = said.sources(*it);
    total += sources.size();
    EXPECT_TRUE(std::is_sorted(sources.begin(), sources.end()));
    for (Vertex s : sources) EXPECT_TRUE(find_edge(g, s, *it, Relation::kSaid).has_value());
  }
  EXPECT_EQ(total, 3u);
}

TEST(GraphBuilder, ReleaseMovesTheGraphAndLeavesTheBuilderEmpty) {
  GraphBuilder b;
  b.add(seed_extraction());
  const std::size_t nodes = boost::num_vertices(b.graph());
  const std::size_t edges = boost::num_edges(b.graph());
  const Graph g = b.release();
  EXPECT_EQ(boost::num_vertices(g), nodes);
  EXPECT_EQ(boost::num_edges(g), edges);
  EXPECT_EQ(boost::num_vertices(b.graph()), 0u);
  EXPECT_FALSE(b.find_person("Jeremy Corbyn").has_value());
  // The strings outlive the builder: the graph holds their pool.
  EXPECT_EQ(g[0].kind, NodeKind::kDocument);  // the document comes first
  EXPECT_EQ(g[0].label, "seed");
  EXPECT_TRUE(g[boost::graph_bundle].strings != nullptr);
}

TEST(GraphMemory, CountsEveryNodeEdgeAndTheStrings) {
  GraphBuilder b;
  b.add(seed_extraction());
  const Graph& g = b.graph();
  const GraphMemory m = memory_use(g);
  EXPECT_EQ(m.nodes, boost::num_vertices(g));
  EXPECT_EQ(m.edges, boost::num_edges(g));
  EXPECT_GE(m.vertex_bytes, m.nodes * sizeof(NodeProps));
  EXPECT_GE(m.out_edge_bytes, m.edges * 16);    // a target and a pointer per edge at least
  EXPECT_EQ(m.edge_props_bytes, m.edges * 32);  // 24 bytes of EdgeProps in a 32-byte block
  EXPECT_GT(m.string_bytes, 0u);
  // A node's strings are handles: its size does not grow with its text.
  EXPECT_LE(sizeof(NodeProps), 112u);
  EXPECT_EQ(sizeof(EdgeProps), 24u);
}

TEST(GraphBuilder, ReserveChangesNothingButCapacity) {
  GraphBuilder a;
  GraphBuilder b;
  b.reserve(1000);
  a.add(seed_extraction());
  b.add(seed_extraction());
  const Graph& ga = a.graph();
  const Graph& gb = b.graph();
  ASSERT_EQ(boost::num_vertices(ga), boost::num_vertices(gb));
  for (std::size_t v = 0; v < boost::num_vertices(ga); ++v) {
    EXPECT_EQ(ga[v].label, gb[v].label);
    EXPECT_EQ(boost::out_degree(v, ga), boost::out_degree(v, gb));
  }
}

}  // namespace
}  // namespace quotegraph::graph
