#include "exporters/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../graph/sample_extractions.hpp"
#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

std::string json_of(const std::vector<Extraction>& extractions) {
  graph::GraphBuilder b;
  for (const Extraction& ex : extractions) b.add(ex);
  std::ostringstream out;
  write_json(b.graph(), out);
  return out.str();
}

// The writer before it streamed: the document as an ordered_json tree, dumped. The
// streaming writer must give its bytes.
std::string tree_json(const graph::Graph& g) {
  using Json = nlohmann::ordered_json;
  auto set_if = [](Json& j, const char* key, graph::Str value) {
    if (!value.empty()) j[key] = value.str();
  };
  Json doc;
  doc["directed"] = true;
  doc["multigraph"] = true;
  doc["graph"] = Json::object();
  doc["nodes"] = Json::array();
  doc["links"] = Json::array();
  const std::vector<std::string> ids = graph::node_ids(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const graph::NodeProps& n = g[*it];
    Json j;
    j["id"] = ids[*it];
    j["kind"] = graph::to_string(n.kind);
    j["label"] = display_label(n);
    switch (n.kind) {
      case graph::NodeKind::kPerson:
      case graph::NodeKind::kOrganization:
        if (!n.aliases.empty()) j["aliases"] = n.aliases.strings();
        if (!n.roles.empty()) j["roles"] = n.roles.strings();
        break;
      case graph::NodeKind::kHandle:
        break;
      case graph::NodeKind::kStatement:
        j["text"] = n.text.str();
        set_if(j, "cue", n.cue);
        set_if(j, "speaker", n.speaker);
        set_if(j, "document", n.document);
        set_if(j, "date", n.date);
        j["confidence"] = n.confidence;
        break;
      case graph::NodeKind::kDocument:
        set_if(j, "document", n.document);
        set_if(j, "title", n.title);
        set_if(j, "date", n.date);
        set_if(j, "url", n.url);
        set_if(j, "publisher", n.publisher);
        break;
    }
    doc["nodes"].push_back(j);
  }
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      Json link;
      link["source"] = ids[boost::source(*e, g)];
      link["target"] = ids[boost::target(*e, g)];
      link["relation"] = graph::to_string(g[*e].relation);
      link["weight"] = g[*e].weight;
      if (!g[*e].first_date.empty()) {
        link["first_date"] = g[*e].first_date.str();
        link["last_date"] = g[*e].last_date.str();
      }
      doc["links"].push_back(std::move(link));
    }
  }
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Where two long texts part, with some context: gtest's diff of megabytes is slow.
std::string first_difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  const auto at = static_cast<std::size_t>(
      std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  const std::size_t from = at < 40 ? 0 : at - 40;
  return "at byte " + std::to_string(at) + ": ..." + a.substr(from, 80) + "... against ..." +
         b.substr(from, 80) + "...";
}

std::string streamed(const graph::Graph& g, unsigned threads) {
  std::ostringstream out;
  write_json(g, out, threads);
  return out.str();
}

// Random bytes, many of them markup, escapes, controls, and pieces of UTF-8 sequences
// (whole and broken).
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"a",
                                                   "Z",
                                                   " ",
                                                   "\"",
                                                   "\\",
                                                   "/",
                                                   "\n",
                                                   "\r",
                                                   "\t",
                                                   "\b",
                                                   "\f",
                                                   std::string(1, '\0'),
                                                   "\x01",
                                                   "\x1f",
                                                   "\x7f",
                                                   "\xc3\xa9",
                                                   "\xe2\x80\x9c",
                                                   "\xe2\x80\xa8",
                                                   "\xf0\x9f\x8e\x89",
                                                   "\xc3",
                                                   "\xe2\x80",
                                                   "\xf0\x9f",
                                                   "\x80",
                                                   "\xbf",
                                                   "\xc0\xaf",
                                                   "\xed\xa0\x80",
                                                   "\xf4\x90\x80\x80",
                                                   "\xf5",
                                                   "\xff",
                                                   "\xef\xbf\xbf",
                                                   "\xe0\x9f\xbf",
                                                   "\xf0\x8f\xbf\xbf"};
  std::string s;
  const std::size_t n = rng() % 12;
  for (std::size_t i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
  return s;
}

TEST(WriteJson, StreamedBytesAreThoseOfTheTreeDump) {
  std::mt19937 rng(7);
  const double kConfidences[] = {0.93,
                                 1.0,
                                 0.0,
                                 0.1 + 0.2,
                                 1e-7,
                                 123456789.25,
                                 -0.5,
                                 std::numeric_limits<double>::quiet_NaN(),
                                 std::numeric_limits<double>::infinity(),
                                 5e-324,
                                 0.3};
  graph::GraphBuilder b;
  b.add(testing::seed_extraction());
  b.add(testing::second_extraction());
  b.add(testing::nasty_extraction());
  for (std::size_t d = 0; d < 300; ++d) {
    Extraction ex;
    ex.doc = "doc " + random_text(rng);
    ex.title = random_text(rng);
    ex.date = d % 3 == 0 ? "" : "2026-01-0" + std::to_string(d % 9 + 1);
    ex.people = {{"P " + random_text(rng),
                  d % 4 == 0 ? EntityKind::kOrganization : EntityKind::kPerson,
                  {random_text(rng), random_text(rng)},
                  {"@h" + std::to_string(d % 17)},
                  {random_text(rng)}}};
    for (std::size_t i = 0; i < 5; ++i) {
      Statement st =
          testing::statement(random_text(rng) + std::string(i * 40, 'x'), "P " + random_text(rng),
                             random_text(rng), {"@h" + std::to_string(i)});
      st.confidence = kConfidences[(d + i) % std::size(kConfidences)];
      ex.statements.push_back(st);
    }
    ex.interactions = {{"replied_to", ex.people[0].name, "Ann"}};
    b.add(ex);
  }
  const graph::Graph& g = b.graph();
  ASSERT_GT(boost::num_vertices(g), 2U * 512U);
  const std::string expected = tree_json(g);
  for (unsigned threads : {1U, 2U, 5U}) {
    EXPECT_EQ(first_difference(streamed(g, threads), expected), "") << threads << " threads";
  }
  // The people view: dated links.
  const graph::Graph people = graph::person_graph(g);
  EXPECT_EQ(first_difference(streamed(people, 2), tree_json(people)), "");
  // No nodes, no links.
  EXPECT_EQ(streamed(graph::Graph{}, 1), tree_json(graph::Graph{}));
}

TEST(WriteJson, NodeLinkShapeOfNetworkx) {
  const nlohmann::json j =
      nlohmann::json::parse(json_of({testing::seed_extraction(), testing::second_extraction()}));
  EXPECT_EQ(j["directed"], true);
  EXPECT_EQ(j["multigraph"], true);
  EXPECT_TRUE(j["graph"].is_object());
  ASSERT_EQ(j["nodes"].size(), 14u);

  std::set<std::string> ids;
  for (const auto& n : j["nodes"]) ids.insert(n["id"].get<std::string>());
  EXPECT_EQ(ids.size(), j["nodes"].size());
  for (const auto& l : j["links"]) {
    EXPECT_TRUE(ids.count(l["source"].get<std::string>())) << l;
    EXPECT_TRUE(ids.count(l["target"].get<std::string>())) << l;
    EXPECT_TRUE(l["weight"].is_number_integer()) << l;
  }

  const auto& corbyn = j["nodes"][1];
  EXPECT_EQ(corbyn["id"], "p1");
  EXPECT_EQ(corbyn["kind"], "person");
  EXPECT_EQ(corbyn["label"], "Jeremy Corbyn");
  EXPECT_EQ(corbyn["aliases"], (nlohmann::json{"Corbyn", "Corby", "Jez"}));
  EXPECT_EQ(corbyn["roles"], (nlohmann::json{"British Labour leader", "MP"}));

  const nlohmann::json reply = {{"source", "p2"},
                                {"target", "p1"},
                                {"relation", "replied_to"},
                                {"weight", 2},
                                {"first_date", "2019-04-01"},
                                {"last_date", "2019-04-01"}};
  EXPECT_NE(std::find(j["links"].begin(), j["links"].end(), reply), j["links"].end());
}

TEST(WriteJson, StatementFieldsAndExactText) {
  const nlohmann::json j = nlohmann::json::parse(json_of({testing::nasty_extraction()}));
  const nlohmann::json* statement = nullptr;
  for (const auto& n : j["nodes"]) {
    if (n["kind"] == "statement") statement = &n;
  }
  ASSERT_NE(statement, nullptr);
  EXPECT_EQ((*statement)["text"], testing::kNastyText);  // JSON can hold it all
  EXPECT_EQ((*statement)["cue"], "wrote");
  EXPECT_EQ((*statement)["speaker"], "Zoë \"Z\" O'Brien");
  EXPECT_EQ((*statement)["document"], "nasty \"doc\" <1>");
  EXPECT_DOUBLE_EQ((*statement)["confidence"].get<double>(), 0.9);
}

TEST(WriteJson, InvalidUtf8IsReplacedNotThrown) {
  Extraction ex = testing::seed_extraction();
  ex.statements[0].text = "caf\xE9";
  std::string out;
  ASSERT_NO_THROW(out = json_of({ex}));
  EXPECT_NE(out.find("caf\xEF\xBF\xBD"), std::string::npos);
}

TEST(WriteJson, SameGraphSameBytes) {
  const auto input =
      std::vector<Extraction>{testing::seed_extraction(), testing::second_extraction()};
  const std::string first = json_of(input);
  EXPECT_EQ(first, json_of(input));
  EXPECT_EQ(first.rfind("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n", 0),
            0u);
}

}  // namespace
}  // namespace quotegraph::exporters
