#include "graph/corpus.hpp"

#include <gtest/gtest.h>

#include <cmath>
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

Extraction speakers(std::string doc, const std::vector<std::string>& names) {
  Extraction ex;
  ex.doc = std::move(doc);
  for (const std::string& name : names) ex.statements.push_back(testing::statement("x", name));
  return ex;
}

// The corpus works out names as documents arrive; a replaced document's names must not
// count any more: the identities are those of a corpus of the documents as they are now.
TEST(Corpus, IdentitiesAreThoseOfTheDocumentsAsTheyAreNow) {
  const Extraction first = speakers("a", {"Jane Roe", "Roe"});
  const Extraction second = speakers("b", {"Roe"});
  const Extraction replaced = speakers("a", {"Jane Roe", "John Roe"});
  for (Keep keep : {Keep::kGraph, Keep::kBoth}) {
    Corpus c(keep);
    c.add(text_of(first, "v1"), first);
    c.add(text_of(second, "b"), second);
    EXPECT_EQ(c.identities().resolve("Roe"), "Jane Roe");
    ASSERT_EQ(c.add(text_of(replaced, "v2"), replaced), AddOutcome::kReplaced);
    Corpus fresh(keep);
    fresh.add(text_of(replaced, "v2"), replaced);
    fresh.add(text_of(second, "b"), second);
    const Identities now = c.identities();
    EXPECT_EQ(now.resolve("Roe"), "Roe");  // two Roes now: kept apart
    EXPECT_EQ(now.canonical, fresh.identities().canonical);
    EXPECT_EQ(now.merges, fresh.identities().merges);
  }
}

// A corpus only turned into a graph hashes with quick_hash: it must still tell every
// changed text from the same one, a byte changed anywhere (in the eight-byte blocks and
// in the tail), and a corpus read from a file goes on with the file's content_hash.
TEST(Corpus, NeverSavedCorpusTellsChangedTextsApart) {
  const Extraction seed = testing::seed_extraction();
  // 37 bytes: eight-byte blocks and a tail; 150: four lanes of 32 bytes and a tail.
  for (const std::size_t size : {37U, 150U}) {
    const std::string text(size, 'a');
    for (std::size_t at = 0; at < text.size(); ++at) {
      Corpus c(Keep::kGraph);
      EXPECT_EQ(c.add(text_of(seed, text), seed), AddOutcome::kAdded);
      EXPECT_EQ(c.add(text_of(seed, text), seed), AddOutcome::kUnchanged);
      std::string changed = text;
      changed[at] = 'b';
      EXPECT_EQ(c.add(text_of(seed, changed), seed), AddOutcome::kReplaced) << size << at;
      EXPECT_EQ(c.add(text_of(seed, changed + "a"), seed), AddOutcome::kReplaced) << size << at;
    }
  }
  EXPECT_NE(quick_hash("a"), quick_hash("b"));
  EXPECT_NE(quick_hash(""), quick_hash(std::string(1, '\0')));
  EXPECT_EQ(quick_hash("same text"), quick_hash("same text"));

  Corpus file;
  file.add(text_of(seed, "v1"), seed);
  std::istringstream in(saved(file));
  Corpus back = Corpus::load(in, "t.qg", Keep::kGraph);
  EXPECT_EQ(back.add(text_of(seed, "v1"), seed), AddOutcome::kUnchanged);
  EXPECT_EQ(back.add(text_of(seed, "v2"), seed), AddOutcome::kReplaced);
}

// hash_of() and stored_hash() let a caller skip extracting a stored document: the hash
// is the one add() records, and adding with it ahead gives what adding without gives.
TEST(Corpus, HashAheadIsTheOneAddRecords) {
  const Extraction seed = testing::seed_extraction();
  for (const Keep keep : {Keep::kGraph, Keep::kFile, Keep::kBoth}) {
    Corpus c(keep);
    EXPECT_EQ(c.stored_hash(seed.doc), "");
    EXPECT_EQ(c.add(text_of(seed, "v1"), seed), AddOutcome::kAdded);
    EXPECT_EQ(c.stored_hash(seed.doc), c.hash_of("v1"));
    EXPECT_NE(c.hash_of("v1"), c.hash_of("v2"));
    EXPECT_EQ(c.hash_of("v1").substr(0, 8), keep == Keep::kGraph ? "quick64:" : "fnv1a64:");
    EXPECT_EQ(c.add(text_of(seed, "v1"), seed, c.hash_of("v1")), AddOutcome::kUnchanged);
    EXPECT_EQ(c.add(text_of(seed, "v2"), seed, c.hash_of("v2")), AddOutcome::kReplaced);
    EXPECT_EQ(c.stored_hash(seed.doc), c.hash_of("v2"));
    EXPECT_EQ(c.add(text_of(seed, "v2"), seed), AddOutcome::kUnchanged);
    EXPECT_EQ(c.documents().size(), 1U);
  }
  // A corpus read from a file goes on with the file's hash.
  Corpus file;
  file.add(text_of(seed, "v1"), seed);
  std::istringstream in(saved(file));
  const Corpus loaded = Corpus::load(in, "c.qg", Keep::kGraph);
  EXPECT_EQ(loaded.hash_of("v1"), content_hash("v1"));
  EXPECT_EQ(loaded.stored_hash(seed.doc), content_hash("v1"));
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

// What loading text says: the InputError's message, or "no error".
std::string message(const std::string& text) {
  try {
    (void)loaded(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Corpus, BrokenFilesAreReportedWithTheirLine) {
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
  EXPECT_EQ(
      message("{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":1}\n{\"id\":\"a\","),
      "t.qg:2: not a quotegraph corpus: syntax error while parsing object key - unexpected end "
      "of input; expected string literal");
}

TEST(Corpus, RecordsOfTheWrongShapeAreReportedWithTheirLine) {
  // A value of the wrong type deep inside a record: nlohmann's type errors, which name
  // neither the file nor the line, become the file's error at that line.
  EXPECT_EQ(message("{\"format\":\"quotegraph-corpus\",\"version\":\"1\",\"documents\":0}\n"),
            "t.qg:1: broken corpus header: type must be number, but is string");
  const std::string head = "{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":1}\n";
  EXPECT_EQ(message(head + "{\"id\":\"a\",\"bytes\":\"many\",\"extraction\":{}}\n"),
            "t.qg:2: broken document record: type must be number, but is string");
  EXPECT_EQ(
      message(head + "\n{\"id\":\"a\",\"extraction\":{\"statements\":[{\"start\":\"x\"}]}}\n"),
      "t.qg:3: broken document record: type must be number, but is string");
  for (Keep keep : {Keep::kBoth, Keep::kGraph, Keep::kFile}) {
    std::istringstream in(head +
                          "{\"id\":\"a\",\"extraction\":{\"statements\":[{\"start\":\"x\"}]}}\n");
    EXPECT_THROW((void)Corpus::load(in, "t.qg", keep), InputError);
  }
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

TEST(Corpus, TakeGraphGivesTheSameGraphAndFreesTheFacts) {
  Corpus c;
  c.add(text_of(testing::seed_extraction(), "seed text"), testing::seed_extraction());
  c.add(text_of(testing::second_extraction(), "second"), testing::second_extraction());
  const std::string saved_before = saved(c);
  const Identities ids = c.identities();
  const std::string expected = graphml_like(c.graph(ids));
  const Graph taken = c.take_graph(ids);
  EXPECT_EQ(graphml_like(taken), expected);
  EXPECT_TRUE(c.documents()[0].facts.statements.empty());
  EXPECT_EQ(saved(c), saved_before);  // the saved forms stay
  EXPECT_THROW((void)c.identities(), std::logic_error);
  EXPECT_THROW((void)c.graph(), std::logic_error);
}

TEST(Corpus, TakeGraphOnTwoThreadsGivesTheSameGraph) {
  // Enough documents for a second thread (2,048) taking blocks of them, most naming
  // someone by a short name that becomes canonical ("Okafor" -> "Ruth Okafor"), some
  // twice over.
  auto corpus = [] {
    Corpus c;
    for (int i = 0; i < 2500; ++i) {
      Extraction ex;
      ex.doc = "doc" + std::to_string(i);
      const std::string own = "Dana Roe" + std::to_string(i % 37);
      const std::string ruth = i == 0 ? "Ruth Okafor" : "Okafor";
      ex.people = {Person{ruth, EntityKind::kPerson, {}, {"@rokafor"}, {"mayor"}},
                   Person{own, EntityKind::kPerson, {}, {}, {}}};
      if (i % 5 == 0) ex.people.push_back(Person{ruth, EntityKind::kPerson, {}, {}, {}});
      Statement st;
      st.text = "words " + std::to_string(i);
      st.cue = "said";
      st.speaker = i % 2 == 0 ? ruth : own;
      st.mentions = {ruth, own, ruth, "@rokafor"};
      st.addressee = i % 3 == 0 ? "@rokafor" : own;
      ex.statements.push_back(st);
      ex.handles = {{"@rokafor", ruth}};
      ex.interactions = {{"replied_to", own, ruth}};
      c.add(text_of(ex, ex.doc), ex);
    }
    return c;
  };
  const Corpus one = corpus();
  const Identities ids = one.identities();
  ASSERT_EQ(ids.resolve("Okafor"), "Ruth Okafor");
  const std::string expected = graphml_like(one.graph(ids));
  for (unsigned threads : {1U, 2U, 4U}) {
    Corpus c = corpus();
    EXPECT_EQ(graphml_like(c.take_graph(c.identities(), threads)), expected) << threads;
  }
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

namespace quotegraph::graph {
namespace {

// The facts of a .qg document line through nlohmann, the way Corpus::load reads a line
// that read_document_facts gives up on.
DocFacts slow_facts(const std::string& line, StringPool& pool) {
  const nlohmann::json j = nlohmann::json::parse(line);
  Extraction ex = extraction_from_json(j["extraction"]);
  ex.doc = j["id"].get<std::string>();
  return facts_of(ex, pool);
}

std::string described(const DocFacts& f) {
  std::ostringstream out;
  out << f.doc << '|' << f.title << '|' << f.date << '|' << f.url << '|' << f.publisher;
  for (const StatementFacts& s : f.statements) {
    out << "\nS " << s.text << '|' << s.speaker << '|' << s.cue << '|' << s.addressee << '|'
        << s.confidence << '|' << std::signbit(s.confidence);
    for (Str m : s.mentions) out << "|m:" << m;
  }
  for (const PersonFacts& p : f.people) {
    out << "\nP " << p.name << '|' << (p.kind == EntityKind::kOrganization ? "org" : "person");
    for (Str a : p.aliases) out << "|a:" << a;
    for (Str h : p.handles) out << "|h:" << h;
    for (Str r : p.roles) out << "|r:" << r;
  }
  for (const HandleFacts& h : f.handles) out << "\nH " << h.handle << '|' << h.person;
  for (const InteractionFacts& i : f.interactions) {
    out << "\nI " << i.type << '|' << i.from << '|' << i.to;
  }
  return out.str();
}

TEST(ReadDocumentFacts, GivesWhatNlohmannGivesForSavedLines) {
  Corpus c;
  Extraction odd = testing::seed_extraction();
  odd.doc = "odd \"id\" \\ \xC3\xA9 \xF0\x9F\x8E\x89";
  odd.title = "tab\there, newline\nthere, control \x01, slash /";
  odd.statements[0].confidence = 0.1 + 0.2;
  odd.statements[1].confidence = 1.0;
  c.add(text_of(testing::seed_extraction(), "a"), testing::seed_extraction());
  c.add(text_of(testing::second_extraction(), "b"), testing::second_extraction());
  c.add(text_of(odd, "c"), odd);
  std::istringstream in(saved(c));
  std::string line;
  std::getline(in, line);  // the header
  int lines = 0;
  while (std::getline(in, line)) {
    StringPool fast_pool;
    StringPool slow_pool;
    StoredDocument d;
    ASSERT_TRUE(read_document_facts(line, fast_pool, d)) << line;
    EXPECT_EQ(described(d.facts), described(slow_facts(line, slow_pool)));
    EXPECT_EQ(d.id, d.facts.doc);
    EXPECT_FALSE(d.hash.empty());
    ++lines;
  }
  EXPECT_EQ(lines, 3);
}

TEST(ReadDocumentFacts, ReadsOddButValidJsonAsNlohmannDoes) {
  const char* lines[] = {
      // Whitespace, escapes, unknown keys, fields of other types, non-object entries.
      R"( { "x" : [1, {"y": null}], "id" : "a\u00e9\ud83c\udf89\/", "bytes" : 0,
            "extraction" : {"title": 5, "date": null, "url": "u", "publisher": ["p"],
              "statements": [{"text": "t", "speaker": null, "cue": 1, "mentions": ["@a", 2, "B"],
                              "addressee": "C", "confidence": 1, "start": -3, "end": 1e2,
                              "speaker_mention": {"start": 0, "end": 1, "text": 7}},
                             {"confidence": -0.0, "mentions": "not a list"}],
              "people": [{"name": "N", "kind": "organization", "aliases": ["A"]}, 3, {"kind": 9}],
              "handles": [{"handle": "@h"}, "x", {"handle": "@i", "person": "P"}],
              "interactions": [{"type": "replied_to", "from": "F", "to": "T"}, null]} } )",
      R"({"id":"b","extraction":{"statements":"none","people":{},"doc":"ignored"}})",
      R"({"id":"c","hash":"","extraction":{"statements":[{"confidence":2.5e-1}]}})",
  };
  for (const char* line : lines) {
    StringPool fast_pool;
    StringPool slow_pool;
    StoredDocument d;
    ASSERT_TRUE(read_document_facts(line, fast_pool, d)) << line;
    EXPECT_EQ(described(d.facts), described(slow_facts(line, slow_pool))) << line;
  }
}

TEST(ReadDocumentFacts, GivesUpOnWhatItCannotVouchFor) {
  const char* lines[] = {
      "",
      "[]",
      R"({"id":"a"})",                                  // no extraction
      R"({"extraction":{}})",                           // no id
      R"({"id":1,"extraction":{}})",                    // id not a string
      R"({"id":"a","extraction":{}} x)",                // trailing text
      R"({"id":"a","extraction":{},})",                 // trailing comma
      R"({"id":"a","id":"b","extraction":{}})",         // duplicate key
      R"({"id":"a","hash":null,"extraction":{}})",      // nlohmann's value() throws
      R"({"id":"a","bytes":-1,"extraction":{}})",       // not a size
      R"({"id":"a","extraction":{"statements":[1]}})",  // a statement not an object
      R"({"id":"a","extraction":{"statements":[{"confidence":"x"}]}})",
      R"({"id":"a","extraction":{"title":"a","title":"b"}})",
      R"({"id":"a\ud800","extraction":{}})",   // lone surrogate
      "{\"id\":\"a\xff\",\"extraction\":{}}",  // invalid UTF-8
      "{\"id\":\"a\x01\",\"extraction\":{}}",  // raw control character
      R"({"id":"a","extraction":{"statements":[{"confidence":01}]}})",
      R"({"id":"a","extraction":{"statements":[{"confidence":99999999999999999999}]}})",
  };
  for (const char* line : lines) {
    StringPool pool;
    StoredDocument d;
    EXPECT_FALSE(read_document_facts(line, pool, d)) << line;
  }
}

TEST(Corpus, LoadingTheGraphOnlyFallsBackForLinesTheFastReaderRefuses) {
  // A line with a duplicate key goes through nlohmann (the last one wins there).
  const std::string file =
      "{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":2}\n"
      "{\"id\":\"a\",\"extraction\":{\"title\":\"first\",\"title\":\"second\"}}\n"
      "{\"id\":\"b\",\"extraction\":{\"title\":\"plain\"}}\n";
  std::istringstream in(file);
  const Corpus c = Corpus::load(in, "t.qg", Keep::kGraph);
  ASSERT_EQ(c.documents().size(), 2u);
  EXPECT_EQ(c.documents()[0].facts.title, "second");
  EXPECT_EQ(c.documents()[1].facts.title, "plain");
  // Broken lines keep their errors.
  std::istringstream broken(
      "{\"format\":\"quotegraph-corpus\",\"version\":1,\"documents\":1}\n{\"id\":\"a\"}\n");
  EXPECT_THROW((void)Corpus::load(broken, "t.qg", Keep::kGraph), InputError);
}

}  // namespace
}  // namespace quotegraph::graph
