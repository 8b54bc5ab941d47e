#include "exporters/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../graph/sample_extractions.hpp"

namespace quotegraph::exporters {
namespace {

std::string json_of(const std::vector<Extraction>& extractions) {
  graph::GraphBuilder b;
  for (const Extraction& ex : extractions) b.add(ex);
  std::ostringstream out;
  write_json(b.graph(), out);
  return out.str();
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
