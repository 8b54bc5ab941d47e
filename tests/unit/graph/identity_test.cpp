#include "graph/identity.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extract/serialize.hpp"
#include "graph/corpus.hpp"
#include "graph/facts.hpp"
#include "graph/names.hpp"

namespace quotegraph::graph {
namespace {

// A document in which each name says one thing.
Extraction doc(const std::string& id, const std::vector<std::string>& speakers) {
  Extraction ex;
  ex.doc = id;
  for (const std::string& s : speakers) {
    Statement st;
    st.text = "words of " + s;
    st.speaker = s;
    st.cue = "said";
    ex.statements.push_back(st);
    ex.people.push_back(Person{s, EntityKind::kPerson, {}, {}, {}});
  }
  return ex;
}

Identities resolve(const std::vector<Extraction>& docs) {
  IdentityResolver r;
  for (const Extraction& ex : docs) r.add(ex);
  return r.finish();
}

TEST(Names, FoldIgnoresCaseAccentsAndTypography) {
  EXPECT_EQ(fold("  Étienne   O\xE2\x80\x99"
                 "Brien "),
            "etienne o'brien");
  EXPECT_EQ(fold("ŁUKASZ Straße"), "lukasz strasse");
  EXPECT_EQ(name_tokens("Hillary R. Clinton"),
            (std::vector<std::string>{"hillary", "r", "clinton"}));
  EXPECT_EQ(surname(name_tokens("Martin Luther King Jr.")), "king");
  EXPECT_EQ(edit_distance("Clintn", "Clinton"), 1u);
  EXPECT_EQ(edit_distance("é", "e"), 1u);
}

TEST(Identity, SurnameAloneJoinsTheOnlyFullName) {
  const Identities ids = resolve({doc("a", {"Clinton"}), doc("b", {"Hillary Clinton"})});
  EXPECT_EQ(ids.resolve("Clinton"), "Hillary Clinton");
  ASSERT_EQ(ids.merges.size(), 1u);
  EXPECT_EQ(ids.merges[0],
            (Merge{"Clinton", "Hillary Clinton",
                   "surname alone; the only full name with it is Hillary Clinton", 1}));
}

TEST(Identity, ConflictingFirstNamesStayApartAndSoDoesTheBareSurname) {
  const Identities ids =
      resolve({doc("a", {"Clinton"}), doc("b", {"Hillary Clinton"}), doc("c", {"Bill Clinton"})});
  EXPECT_EQ(ids.resolve("Clinton"), "Clinton");
  EXPECT_EQ(ids.resolve("Bill Clinton"), "Bill Clinton");
  EXPECT_EQ(ids.resolve("Hillary Clinton"), "Hillary Clinton");
  EXPECT_TRUE(ids.canonical.empty());
  ASSERT_EQ(ids.merges.size(), 1u);
  EXPECT_EQ(ids.merges[0].into, "");
  EXPECT_EQ(ids.merges[0].reason,
            "surname alone; several people have it: Hillary Clinton, Bill Clinton");
}

TEST(Identity, SurnameAloneJoinsThePersonMostDocumentsName) {
  std::vector<Extraction> docs{doc("bare", {"Ortiz"}), doc("tom", {"Tom Ortiz"})};
  for (int i = 0; i < 4; ++i) docs.push_back(doc("lena" + std::to_string(i), {"Lena Ortiz"}));
  const Identities ids = resolve(docs);
  EXPECT_EQ(ids.resolve("Ortiz"), "Lena Ortiz");
  EXPECT_EQ(ids.resolve("Tom Ortiz"), "Tom Ortiz");
  ASSERT_EQ(ids.merges.size(), 1u);
  EXPECT_EQ(
      ids.merges[0],
      (Merge{"Ortiz", "Lena Ortiz",
             "surname alone; most documents that write it in a full name write Lena Ortiz", 1}));
}

TEST(Identity, SurnameAloneStaysApartBelowFourInFive) {
  std::vector<Extraction> docs{doc("bare", {"Ortiz"}), doc("tom", {"Tom Ortiz"})};
  for (int i = 0; i < 3; ++i) docs.push_back(doc("lena" + std::to_string(i), {"Lena Ortiz"}));
  EXPECT_EQ(resolve(docs).resolve("Ortiz"), "Ortiz");  // 3 of 4
}

TEST(Identity, ShortFormOfAGivenNameIsTheFormalOne) {
  const Identities ids =
      resolve({doc("a", {"Bill Hale"}), doc("b", {"William J. Hale"}), doc("c", {"Tom Ortiz"}),
               doc("d", {"Thomas Ortiz"}), doc("e", {"Chris Vale"}), doc("f", {"Christine Vale"})});
  EXPECT_EQ(ids.resolve("Bill Hale"), ids.resolve("William J. Hale"));
  EXPECT_EQ(ids.resolve("Tom Ortiz"), ids.resolve("Thomas Ortiz"));
  // "Chris" stands for Christopher or Christine: no short form, kept apart.
  EXPECT_NE(ids.resolve("Chris Vale"), ids.resolve("Christine Vale"));
  EXPECT_EQ(formal_given("bill"), "william");
  EXPECT_EQ(formal_given("hillary"), "hillary");
}

TEST(Identity, ShortFormWhenTheSurnameIsIndexed) {
  // More than 64 people of one surname take the indexed path: it must agree.
  std::vector<Extraction> docs;
  for (int i = 0; i < 80; ++i) {
    docs.push_back(doc("p" + std::to_string(i), {"Person" + std::to_string(i) + " Smith"}));
  }
  docs.push_back(doc("bill", {"Bill R. Smith"}));  // the short form is the fuller name
  docs.push_back(doc("william", {"William Smith"}));
  const Identities ids = resolve(docs);
  EXPECT_EQ(ids.resolve("Bill R. Smith"), ids.resolve("William Smith"));
}

TEST(Identity, FullerFormsInitialsAndMiddleNames) {
  const Identities ids =
      resolve({doc("a", {"H. Clinton", "Hillary Clinton"}), doc("b", {"Hillary Rodham Clinton"}),
               doc("c", {"Hillary Clinton", "Bill Clinton"})});
  // "Hillary Clinton" is used in most documents: it names the person.
  EXPECT_EQ(ids.resolve("H. Clinton"), "Hillary Clinton");
  EXPECT_EQ(ids.resolve("Hillary Rodham Clinton"), "Hillary Clinton");
  EXPECT_EQ(ids.resolve("Bill Clinton"), "Bill Clinton");
}

TEST(Identity, FullerFormThatStartsWithAnInitial) {
  // "J. Robert Smith" is a fuller "John Smith" (its initial fits John), not a fuller "Jane
  // Doe" nor "Rob Smith"; among thousands of other Smiths, each stays itself.
  std::vector<std::string> others;
  for (int i = 0; i < 2000; ++i) others.push_back("Given" + std::to_string(i) + " Smith");
  const Identities ids = resolve({doc("a", {"John Smith", "Rob Smith"}), doc("b", others),
                                  doc("c", {"J. Robert Smith", "Jane Doe"})});
  EXPECT_EQ(ids.resolve("John Smith"), "J. Robert Smith");
  EXPECT_EQ(ids.resolve("Rob Smith"), "Rob Smith");
  EXPECT_EQ(ids.resolve("Jane Doe"), "Jane Doe");
  EXPECT_EQ(ids.resolve("Given7 Smith"), "Given7 Smith");
  EXPECT_EQ(ids.resolve("Given1999 Smith"), "Given1999 Smith");
  ASSERT_EQ(ids.merges.size(), 1u);
}

TEST(Identity, InitialThatFitsTwoPeopleStaysApart) {
  const Identities ids = resolve({doc("a", {"J. Smith"}), doc("b", {"John Smith", "Jane Smith"})});
  EXPECT_EQ(ids.resolve("J. Smith"), "J. Smith");
  ASSERT_EQ(ids.merges.size(), 1u);
  EXPECT_EQ(ids.merges[0].reason, "first names fit several people: John Smith, Jane Smith");
}

TEST(Identity, SuffixesAndLowerCaseWordsDoNotMerge) {
  const Identities ids = resolve({doc("a", {"Donald Trump Jr.", "Donald J. Trump"}),
                                  doc("b", {"a New Hampshire Republican", "Arizona Republican"})});
  EXPECT_EQ(ids.resolve("Donald Trump Jr."), "Donald Trump Jr.");
  EXPECT_EQ(ids.resolve("a New Hampshire Republican"), "a New Hampshire Republican");
  EXPECT_TRUE(ids.merges.empty());
}

TEST(Identity, CaseAndAccentsAndHonorifics) {
  const Identities ids =
      resolve({doc("a", {"Etienne Beaulieu", "Mr. Okafor"}),
               doc("b", {"Étienne Beaulieu", "Ruth Okafor"}), doc("c", {"Étienne Beaulieu"})});
  EXPECT_EQ(ids.resolve("Etienne Beaulieu"), "Étienne Beaulieu");
  EXPECT_EQ(ids.resolve("Mr. Okafor"), "Ruth Okafor");
}

TEST(Identity, OrganisationsMergeOnlyByTheirWholeName) {
  Extraction a = doc("a", {});
  a.people.push_back(Person{"Moor Transit", EntityKind::kOrganization, {}, {}, {}});
  Extraction b = doc("b", {"Transit", "MOOR TRANSIT"});
  const Identities ids = resolve({a, b});
  EXPECT_EQ(ids.resolve("MOOR TRANSIT"), "Moor Transit");
  EXPECT_EQ(ids.resolve("Transit"), "Transit");
}

TEST(Identity, CanonicalizeRenamesEverywhereAndKeepsTheSpellingAsAlias) {
  Extraction a = doc("a", {"Clinton"});
  a.statements[0].mentions = {"Clinton", "@x"};
  a.handles = {{"@HillaryClinton", "Clinton"}};
  a.interactions = {{"replied_to", "Clinton", "Trump"}};
  const Identities ids = resolve({a, doc("b", {"Hillary Clinton"})});
  const Extraction c = canonicalize(a, ids);
  EXPECT_EQ(c.statements[0].speaker, "Hillary Clinton");
  EXPECT_EQ(c.statements[0].mentions, (std::vector<std::string>{"Hillary Clinton", "@x"}));
  EXPECT_EQ(c.handles[0].person, "Hillary Clinton");
  EXPECT_EQ(c.interactions[0].from, "Hillary Clinton");
  ASSERT_EQ(c.people.size(), 1u);
  EXPECT_EQ(c.people[0].name, "Hillary Clinton");
  EXPECT_EQ(c.people[0].aliases, std::vector<std::string>{"Clinton"});
}

TEST(Identity, IsCanonicalExactlyWhenCanonicalizeChangesNothing) {
  Extraction a = doc("a", {"Clinton"});
  const Identities ids = resolve({a, doc("b", {"Hillary Clinton"})});
  StringPool pool;
  pool.intern("Clinton");  // CanonicalNames knows the names the pool has
  const CanonicalNames names(ids, pool);

  // A name to make canonical in any one place makes the document not canonical.
  Extraction plain = doc("p", {"Hillary Clinton", "Dana Roe"});
  plain.statements[0].mentions = {"Dana Roe", "@Clinton"};
  plain.statements[1].addressee = "Hillary Clinton";
  plain.handles = {{"@HillaryClinton", "Hillary Clinton"}};
  plain.interactions = {{"replied_to", "Dana Roe", "Hillary Clinton"}};
  std::vector<Extraction> changed(6, plain);
  changed[0].statements[1].speaker = "Clinton";
  changed[1].statements[0].mentions[0] = "Clinton";
  changed[2].statements[1].addressee = "Clinton";
  changed[3].handles[0].person = "Clinton";
  changed[4].interactions[0].to = "Clinton";
  changed[5].people.push_back(Person{"Dana Roe", EntityKind::kPerson, {}, {}, {}});  // merged
  EXPECT_TRUE(is_canonical(facts_of(plain, pool), names));
  for (std::size_t i = 0; i < changed.size(); ++i) {
    const DocFacts f = facts_of(changed[i], pool);
    EXPECT_FALSE(is_canonical(f, names)) << "case " << i;
    EXPECT_NE(to_json(extraction_of(canonicalize(f, names, pool))), to_json(extraction_of(f)))
        << "case " << i;
  }
  const DocFacts f = facts_of(plain, pool);
  EXPECT_EQ(to_json(extraction_of(canonicalize(f, names, pool))), to_json(extraction_of(f)));
}

TEST(Identity, GraphHasOnePersonAndHandlesAttachAcrossDocuments) {
  Extraction a = doc("a", {"Clinton"});
  a.statements[0].mentions = {"@potus"};
  Extraction b = doc("b", {"Hillary Clinton"});
  b.handles = {{"@HillaryClinton", "Hillary Clinton"}};
  Extraction c = doc("c", {"Dana Roe"});
  c.statements[0].mentions = {"@hillaryclinton"};  // a document that does not know whose
  Corpus corpus;
  for (const Extraction& ex : {a, b, c}) {
    Document d;
    d.id = ex.doc;
    d.text = ex.doc;
    corpus.add(d, ex);
  }
  const Graph g = corpus.graph();
  EXPECT_EQ(count_nodes(g, NodeKind::kPerson), 2u);
  const Graph people = person_graph(g);
  ASSERT_EQ(boost::num_edges(people), 1u);
  std::optional<Edge> only;
  for (auto [v, v_end] = boost::vertices(people); v != v_end; ++v) {
    for (auto [it, end] = boost::out_edges(*v, people); it != end; ++it) only = *it;
  }
  ASSERT_TRUE(only.has_value());
  const Edge e = *only;
  EXPECT_EQ(people[boost::source(e, people)].label, "Dana Roe");
  EXPECT_EQ(people[boost::target(e, people)].label, "Hillary Clinton");
}

}  // namespace
}  // namespace quotegraph::graph
