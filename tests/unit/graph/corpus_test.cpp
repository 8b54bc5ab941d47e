#include "graph/corpus.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/error.hpp"
#include "extract/serialize.hpp"
#include "sample_extractions.hpp"

namespace quotegraph::graph {
namespace {

std::string saved(const Corpus& c) {
  std::ostringstream out;
  c.save(out);
  return out.str();
}

Corpus loaded(const std::string& text) {
  std::istringstream in(text);
  return Corpus::load(in, "t.qg");
}

Document text_of(const Extraction& ex, std::string text) {
  Document d;
  d.id = ex.doc;
  d.text = std::move(text);
  return d;
}

TEST(Corpus, SaveLoadRoundTripIsByteIdentical) {
  Corpus c;
  c.add(text_of(testing::seed_extraction(), "seed text"), testing::seed_extraction());
  c.add(text_of(testing::second_extraction(), "second text"), testing::second_extraction());
  const std::string once = saved(c);
  EXPECT_EQ(once.substr(0, once.find('\n')),
            R"({"format":"quotegraph-corpus","version":1,"documents":2})");
  const Corpus back = loaded(once);
  ASSERT_EQ(back.documents().size(), 2u);
  EXPECT_EQ(back.documents()[0].hash, content_hash("seed text"));
  EXPECT_EQ(back.documents()[1].bytes, 11u);
  EXPECT_EQ(saved(back), once);
  EXPECT_EQ(boost::num_edges(back.graph()), boost::num_edges(c.graph()));
}

TEST(Corpus, SameDocumentIsSkippedChangedOneReplacedInPlace) {
  Corpus c;
  const Extraction seed = testing::seed_extraction();
  EXPECT_EQ(c.add(text_of(seed, "v1"), seed), AddOutcome::kAdded);
  EXPECT_EQ(c.add(text_of(testing::second_extraction(), "x"), testing::second_extraction()),
            AddOutcome::kAdded);
  EXPECT_EQ(c.add(text_of(seed, "v1"), seed), AddOutcome::kUnchanged);
  EXPECT_EQ(c.documents().size(), 2u);
  Extraction changed = seed;
  changed.statements.pop_back();
  EXPECT_EQ(c.add(text_of(seed, "v2"), changed), AddOutcome::kReplaced);
  ASSERT_EQ(c.documents().size(), 2u);
  EXPECT_EQ(c.documents()[0].id, seed.doc);
  EXPECT_EQ(c.documents()[0].facts.statements.size(), seed.statements.size() - 1);
}

TEST(Corpus, AddingInTwoStepsGivesTheSameFileAsInOne) {
  Corpus one;
  one.add(text_of(testing::seed_extraction(), "a"), testing::seed_extraction());
  one.add(text_of(testing::second_extraction(), "b"), testing::second_extraction());
  Corpus first;
  first.add(text_of(testing::seed_extraction(), "a"), testing::seed_extraction());
  Corpus two = loaded(saved(first));
  two.add(text_of(testing::seed_extraction(), "a"), testing::seed_extraction());
  two.add(text_of(testing::second_extraction(), "b"), testing::second_extraction());
  EXPECT_EQ(saved(two), saved(one));
}

TEST(Corpus, BrokenFilesAreReportedWithTheirLine) {
  auto message = [](const std::string& text) -> std::string {
    try {
      (void)loaded(text);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message(""), "t.qg: not a quotegraph corpus (empty file)");
  EXPECT_EQ(message("{\"id\":1}\n"), "t.qg:1: not a quotegraph corpus (no .qg header)");
  EXPECT_EQ(message("{\"format\":\"quotegraph-corpus\",\"version\":9,\"documents\":0}\n"),
            "t.qg:1: corpus format version 9 is not supported (this quotegraph reads version 1)");
  EXPECT_EQ(
      message("{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":1}\n{\"id\":\"a\"}\n"),
      "t.qg:2: broken document record (needs id and extraction)");
  EXPECT_EQ(message("{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":2}\n"
                    "{\"id\":\"a\",\"extraction\":{}}\n"),
            "t.qg:2: truncated corpus: 1 of 2 documents");
}

std::string graphml_like(const Graph& g) {
  // Enough of the graph to tell two apart: every node's fields and every edge.
  std::ostringstream out;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeProps& n = g[*it];
    out << to_string(n.kind) << '|' << n.label << '|' << n.cue << '|' << n.speaker << '|'
        << n.document << '|' << n.date << '|' << n.confidence;
    for (Str a : n.aliases) out << "|a:" << a;
    for (Str r : n.roles) out << "|r:" << r;
    for (Str d : n.documents) out << "|d:" << d;
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      out << " -> " << boost::target(*e, g) << ':' << to_string(g[*e].relation) << ':'
          << g[*e].weight << ':' << g[*e].first_date << ':' << g[*e].last_date;
    }
    out << '\n';
  }
  return out.str();
}

TEST(Corpus, KeepingOnlyTheGraphGivesTheSameGraphAndNoSave) {
  Corpus both;
  Corpus graph_only(Keep::kGraph);
  for (Corpus* c : {&both, &graph_only}) {
    c->add(text_of(testing::seed_extraction(), "seed text"), testing::seed_extraction());
    c->add(text_of(testing::second_extraction(), "second"), testing::second_extraction());
  }
  EXPECT_EQ(graphml_like(graph_only.graph()), graphml_like(both.graph()));
  EXPECT_FALSE(graphml_like(both.graph()).empty());
  EXPECT_TRUE(graph_only.documents()[0].saved.empty());
  EXPECT_EQ(graph_only.documents()[0].facts.statements.size(),
            testing::seed_extraction().statements.size());
  EXPECT_THROW(saved(graph_only), std::logic_error);

  // Loading only what the graph needs gives the same graph as loading everything.
  std::istringstream in(saved(both));
  const Corpus back = Corpus::load(in, "t.qg", Keep::kGraph);
  EXPECT_EQ(graphml_like(back.graph()), graphml_like(both.graph()));
}

TEST(Corpus, KeepingOnlyTheFileSavesTheSameBytesAndNoGraph) {
  Corpus both;
  Corpus file_only(Keep::kFile);
  for (Corpus* c : {&both, &file_only}) {
    c->add(text_of(testing::seed_extraction(), "seed text"), testing::seed_extraction());
    c->add(text_of(testing::second_extraction(), "second"), testing::second_extraction());
  }
  EXPECT_EQ(saved(file_only), saved(both));
  EXPECT_TRUE(file_only.documents()[0].facts.statements.empty());
  EXPECT_THROW((void)file_only.graph(), std::logic_error);
  std::istringstream in(saved(both));
  EXPECT_EQ(saved(Corpus::load(in, "t.qg", Keep::kFile)), saved(both));
}

TEST(Corpus, SavedLineIsWhatNlohmannWrites) {
  Extraction ex = testing::seed_extraction();
  ex.doc = "id with \"quotes\", a tab\t and a bad byte \xff";
  Corpus c;
  c.add(text_of(ex, "text"), ex);
  const std::string file = saved(c);
  const std::string line = file.substr(file.find('\n') + 1);
  nlohmann::ordered_json expected{{"id", ex.doc}, {"hash", content_hash("text")}, {"bytes", 4}};
  expected["extraction"] = to_json(ex);
  EXPECT_EQ(line, expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace
}  // namespace quotegraph::graph
