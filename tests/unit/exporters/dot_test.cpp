#include "exporters/dot.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "../graph/sample_extractions.hpp"

namespace quotegraph::exporters {
namespace {

std::string dot_of(const std::vector<Extraction>& extractions) {
  graph::GraphBuilder b;
  for (const Extraction& ex : extractions) b.add(ex);
  std::ostringstream out;
  write_dot(b.graph(), out);
  return out.str();
}

TEST(EscapeDot, BackslashFirstThenQuotesThenLineEnds) {
  const std::pair<std::string, std::string> cases[] = {
      {"plain", "plain"},
      {R"(say "hi")", R"(say \"hi\")"},
      {R"(C:\dir\n)", R"(C:\\dir\\n)"},
      {R"(\")", R"(\\\")"},
      {"trailing \\", "trailing \\\\"},
      {"two\nlines", "two\\nlines"},
      {"dos\r\nline", "dos\\nline"},
      {"old\rmac", "old\\nmac"},
      {"tab\there", "tab here"},
      {std::string("bell\x07 nul") + std::string(1, '\0') + "!", "bell nul!"},
      {"\\N \\G \\l", "\\\\N \\\\G \\\\l"},
      {"<b>&amp;</b>", "<b>&amp;</b>"},
      {"emoji \xF0\x9F\x8E\x89 ok", "emoji \xF0\x9F\x8E\x89 ok"},
      {"bad \xFF byte", "bad  byte"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(escape_dot(in), out) << in;
}

TEST(WriteDot, QuotesEveryIdAndStylesEveryKind) {
  const std::string dot = dot_of({testing::seed_extraction(), testing::second_extraction()});
  EXPECT_EQ(dot.rfind("digraph \"quotegraph\" {\n", 0), 0u);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  EXPECT_NE(dot.find("  \"p1\" [\"label\"=\"Jeremy Corbyn\", \"kind\"=\"person\", "
                     "\"shape\"=\"ellipse\", \"fillcolor\"=\"#cfe2f3\"];\n"),
            std::string::npos);
  EXPECT_NE(dot.find("\"label\"=\"@AOC\", \"kind\"=\"handle\", \"shape\"=\"octagon\""),
            std::string::npos);
  EXPECT_NE(dot.find("\"label\"=\"The New York Times\", \"kind\"=\"organization\", "
                     "\"shape\"=\"box\""),
            std::string::npos);
  EXPECT_NE(dot.find("\"label\"=\"seed\", \"kind\"=\"document\", \"shape\"=\"folder\""),
            std::string::npos);
  EXPECT_NE(dot.find("\"kind\"=\"statement\", \"shape\"=\"note\""), std::string::npos);
  EXPECT_NE(dot.find("  \"p1\" -> \"h1\" [\"label\"=\"has_handle\", \"relation\"=\"has_handle\", "
                     "\"weight\"=\"1\", \"color\"=\"#666666\"];\n"),
            std::string::npos);
  // AOC replied to Corbyn in both documents.
  EXPECT_NE(dot.find("  \"p2\" -> \"p1\" [\"label\"=\"replied_to \u00d72\", "
                     "\"relation\"=\"replied_to\", \"weight\"=\"2\""),
            std::string::npos);
}

TEST(WriteDot, EscapesNastyText) {
  const std::string dot = dot_of({testing::nasty_extraction()});
  EXPECT_NE(dot.find(R"("label"="He said \"no\" \\ then\nleft <b>&</b> )"
                     "\xF0\x9F\x8E\x89"
                     R"(end")"),
            std::string::npos);
  EXPECT_NE(dot.find(R"("label"="Zoë \"Z\" O'Brien")"), std::string::npos);
  EXPECT_NE(dot.find(R"("label"="nasty \"doc\" <1>")"), std::string::npos);
  for (char c : dot) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n') << "control character " << static_cast<int>(u);
  }
}

TEST(WriteDot, KeywordsAndDigitsAreQuotedToo) {
  Extraction ex;
  ex.doc = "1abc";
  ex.statements = {testing::statement("x", "node"), testing::statement("y", "Strict")};
  const std::string dot = dot_of({ex});
  EXPECT_NE(dot.find(R"("label"="node", "kind"="person")"), std::string::npos);
  EXPECT_NE(dot.find(R"("label"="Strict", "kind"="person")"), std::string::npos);
  EXPECT_NE(dot.find(R"("label"="1abc", "kind"="document")"), std::string::npos);
}

TEST(WriteDot, ShortensLongStatementsFarBelowTheQuotedStringLimit) {
  Extraction ex;
  ex.doc = "long";
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\"\\\n";  // 60 KB, each char doubles when escaped
  ex.statements = {testing::statement(text, "Someone")};
  const std::string dot = dot_of({ex});

  // The longest quoted string in the output.
  std::size_t longest = 0;
  bool in_quotes = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < dot.size(); ++i) {
    if (dot[i] == '\\' && in_quotes) {
      ++i;
    } else if (dot[i] == '"') {
      if (in_quotes) longest = std::max(longest, i - start);
      in_quotes = !in_quotes;
      start = i + 1;
    }
  }
  EXPECT_FALSE(in_quotes);
  EXPECT_LT(longest, std::size_t{16} * 1024);
  // The label keeps 79 characters and the ellipsis: 26 triples and a quote.
  std::string label;
  for (int i = 0; i < 26; ++i) label += "\\\"\\\\\\n";
  label += "\\\"\u2026";
  EXPECT_NE(dot.find("\"label\"=\"" + label + "\""), std::string::npos);
}

TEST(WriteDot, SameGraphSameBytes) {
  const auto input = std::vector<Extraction>{
      testing::seed_extraction(), testing::second_extraction(), testing::nasty_extraction()};
  EXPECT_EQ(dot_of(input), dot_of(input));
}

}  // namespace
}  // namespace quotegraph::exporters

namespace quotegraph::exporters {
namespace {

// Nodes and edges are cut into chunks formatted on several threads, edges by count, so a
// chunk may start among a busy speaker's out-edges: every line is still written once, in
// order, whatever the number of threads.
TEST(WriteDot, ManyThreadsWriteEveryEdgeOnceInOrder) {
  graph::GraphBuilder b;
  Extraction busy;
  busy.doc = "busy";
  for (int i = 0; i < 5000; ++i) {
    busy.statements.push_back(testing::statement("line " + std::to_string(i), "Ann Busy"));
  }
  b.add(busy);
  for (int i = 0; i < 600; ++i) {
    Extraction ex = testing::seed_extraction();
    ex.doc += "-" + std::to_string(i);
    b.add(ex);
  }
  const graph::Graph& g = b.graph();
  const std::vector<std::string> ids = graph::node_ids(g);
  std::string expected;  // every edge's ends, in vertex and out-edge order
  for (auto [v, v_end] = boost::vertices(g); v != v_end; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end; ++e) {
      expected += "\"" + ids[*v] + "\" -> \"" + ids[boost::target(*e, g)] + "\"\n";
    }
  }
  std::ostringstream one;
  write_dot(g, one, 1);
  std::string edges;
  std::size_t nodes = 0;
  std::istringstream lines(one.str());
  for (std::string line; std::getline(lines, line);) {
    const std::size_t arrow = line.find(" -> ");
    if (arrow != std::string::npos) {
      edges += line.substr(2, line.find(" [") - 2) + "\n";
    } else if (line.starts_with("  \"")) {
      ++nodes;
    }
  }
  EXPECT_EQ(edges, expected);
  EXPECT_EQ(nodes, boost::num_vertices(g));
  for (unsigned threads : {2U, 3U}) {
    std::ostringstream many;
    write_dot(g, many, threads);
    EXPECT_TRUE(many.str() == one.str()) << threads << " threads";
  }
}

}  // namespace
}  // namespace quotegraph::exporters
