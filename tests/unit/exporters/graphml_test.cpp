#include "exporters/graphml.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../graph/sample_extractions.hpp"

namespace quotegraph::exporters {
namespace {

std::string graphml_of(const std::vector<Extraction>& extractions) {
  graph::GraphBuilder b;
  for (const Extraction& ex : extractions) b.add(ex);
  std::ostringstream out;
  write_graphml(b.graph(), out);
  return out.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

TEST(WriteGraphml, DeclaresEveryKeyTypedBeforeTheGraph) {
  const std::string xml = graphml_of({testing::seed_extraction()});
  const std::size_t graph_at = xml.find("<graph id=\"quotegraph\" edgedefault=\"directed\">");
  ASSERT_NE(graph_at, std::string::npos);
  for (const char* key : {
           R"(<key id="kind" for="node" attr.name="kind" attr.type="string"/>)",
           R"(<key id="label" for="node" attr.name="label" attr.type="string"/>)",
           R"(<key id="text" for="node" attr.name="text" attr.type="string"/>)",
           R"(<key id="cue" for="node" attr.name="cue" attr.type="string"/>)",
           R"(<key id="document" for="node" attr.name="document" attr.type="string"/>)",
           R"(<key id="confidence" for="node" attr.name="confidence" attr.type="double"/>)",
           R"(<key id="relation" for="edge" attr.name="relation" attr.type="string"/>)",
           R"(<key id="weight" for="edge" attr.name="weight" attr.type="int"/>)",
       }) {
    const std::size_t at = xml.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_LT(at, graph_at) << key;
  }
  // 13 node keys, relation and weight, and first/last date: the replies are dated.
  EXPECT_EQ(count(xml, "<key "), 17u);
  EXPECT_EQ(xml.rfind("<key "), xml.rfind("<key ", graph_at));
  EXPECT_EQ(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""), 39u);
}

TEST(WriteGraphml, WritesEveryValueOnEveryNodeAndEdge) {
  const std::string xml = graphml_of({testing::seed_extraction()});
  const std::size_t nodes = count(xml, "<node id=");
  const std::size_t edges = count(xml, "<edge id=");
  EXPECT_EQ(nodes, 10u);
  EXPECT_EQ(edges, 14u);
  // Dated replies: every edge then carries first_date and last_date too.
  EXPECT_EQ(count(xml, "<data key="), nodes * 13 + edges * 4);
  EXPECT_NE(xml.find("    <node id=\"p1\">\n"
                     "      <data key=\"kind\">person</data>\n"
                     "      <data key=\"label\">Jeremy Corbyn</data>\n"),
            std::string::npos);
  EXPECT_NE(xml.find("<data key=\"roles\">British Labour leader</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"aliases\">Corbyn; Corby</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"confidence\">0.93</data>"), std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"e1\" source=\"p1\" target=\"h1\">\n"
                     "      <data key=\"relation\">has_handle</data>\n"
                     "      <data key=\"weight\">1</data>\n"),
            std::string::npos);
}

TEST(WriteGraphml, AggregatedWeights) {
  const std::string xml = graphml_of({testing::seed_extraction(), testing::second_extraction()});
  // AOC replied to Corbyn in both documents, and owns @AOC/@aoc in both.
  EXPECT_EQ(count(xml, "<data key=\"weight\">2</data>"), 2u);
  EXPECT_EQ(count(xml, "<data key=\"kind\">organization</data>"), 1u);
}

TEST(WriteGraphml, EscapesMarkupAndStripsWhatXmlForbids) {
  const std::string xml = graphml_of({testing::nasty_extraction()});
  EXPECT_NE(xml.find("<data key=\"text\">He said &quot;no&quot; \\ then\nleft "
                     "&lt;b&gt;&amp;&lt;/b&gt; \xF0\x9F\x8E\x89"
                     "end</data>"),
            std::string::npos);
  EXPECT_NE(xml.find("<data key=\"label\">Zoë &quot;Z&quot; O'Brien</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"label\">nasty &quot;doc&quot; &lt;1&gt;</data>"),
            std::string::npos);
  for (char c : xml) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n') << "control character " << static_cast<int>(u);
  }
}

TEST(WriteGraphml, CarriageReturnSurvivesAsReference) {
  Extraction ex = testing::seed_extraction();
  ex.statements[0].text = "line one\r\nline two";
  const std::string xml = graphml_of({ex});
  EXPECT_NE(xml.find("line one&#13;\nline two"), std::string::npos);
}

TEST(WriteGraphml, SameGraphSameBytes) {
  const auto input = std::vector<Extraction>{
      testing::seed_extraction(), testing::second_extraction(), testing::nasty_extraction()};
  const std::string first = graphml_of(input);
  EXPECT_EQ(first, graphml_of(input));
  graph::GraphBuilder b;
  for (const Extraction& ex : input) b.add(ex);
  std::ostringstream a;
  std::ostringstream c;
  write_graphml(b.graph(), a);
  write_graphml(b.graph(), c);
  EXPECT_EQ(a.str(), c.str());
  EXPECT_EQ(a.str(), first);
}

TEST(WriteGraphml, ManyThreadsWriteTheBytesOfOne) {
  // Thousands of documents: several chunks of nodes and of edges.
  graph::GraphBuilder b;
  for (int i = 0; i < 2000; ++i) {
    Extraction ex = i % 2 == 0 ? testing::seed_extraction() : testing::second_extraction();
    ex.doc += "-" + std::to_string(i);
    b.add(ex);
  }
  ASSERT_GT(boost::num_vertices(b.graph()), 6000U);  // several chunks of 512 vertices
  std::ostringstream one;
  write_graphml(b.graph(), one, 1);
  for (unsigned threads : {2U, 3U, 8U}) {
    std::ostringstream many;
    write_graphml(b.graph(), many, threads);
    EXPECT_EQ(many.str(), one.str()) << threads << " threads";
  }
  // Edges are numbered e1, e2, ... across the chunks.
  const std::string& xml = one.str();
  const std::size_t edges = boost::num_edges(b.graph());
  EXPECT_EQ(count(xml, "<edge id=\""), edges);
  EXPECT_NE(xml.find("<edge id=\"e" + std::to_string(edges) + "\""), std::string::npos);
  EXPECT_EQ(xml.find("<edge id=\"e" + std::to_string(edges + 1) + "\""), std::string::npos);
  EXPECT_EQ(count(xml, "<node id=\""), boost::num_vertices(b.graph()));
}

// Edges are cut into chunks by count, so a chunk may start among the out-edges of a
// speaker of thousands of statements: every edge is still written once, in order.
TEST(WriteGraphml, EdgesOfOneBusyNodeAcrossChunks) {
  Extraction ex;
  ex.doc = "busy";
  for (int i = 0; i < 5000; ++i) {
    ex.statements.push_back(testing::statement("line " + std::to_string(i), "Ann Busy"));
  }
  graph::GraphBuilder b;
  b.add(ex);
  const graph::Graph& g = b.graph();
  const std::vector<std::string> ids = graph::node_ids(g);
  std::string expected;  // every edge's id, source and target, in vertex and out-edge order
  std::size_t number = 0;
  for (auto [v, v_end] = boost::vertices(g); v != v_end; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end; ++e) {
      expected += "<edge id=\"e" + std::to_string(++number) + "\" source=\"" + ids[*v] +
                  "\" target=\"" + ids[boost::target(*e, g)] + "\">\n";
    }
  }
  ASSERT_GT(number, 3U * 2048U);
  for (unsigned threads : {1U, 3U}) {
    std::ostringstream out;
    write_graphml(g, out, threads);
    std::string got;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("    <edge ")) got += line.substr(4) + "\n";
    }
    EXPECT_EQ(got, expected) << threads << " threads";
  }
}

TEST(WriteGraphml, EmptyGraphIsStillAGraph) {
  std::ostringstream out;
  write_graphml(graph::Graph{}, out);
  EXPECT_NE(out.str().find("<graph id=\"quotegraph\" edgedefault=\"directed\">\n  </graph>\n"
                           "</graphml>\n"),
            std::string::npos);
}

}  // namespace
}  // namespace quotegraph::exporters
