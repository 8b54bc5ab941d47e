#include "exporters/format.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "../graph/sample_extractions.hpp"
#include "exporters/dot.hpp"
#include "exporters/graphml.hpp"
#include "exporters/json.hpp"

namespace quotegraph::exporters {
namespace {

TEST(FormatFromPath, ByExtensionCaseInsensitively) {
  const std::pair<const char*, std::optional<Format>> cases[] = {
      {"out/g.graphml", Format::kGraphml},
      {"G.GraphML", Format::kGraphml},
      {"g.dot", Format::kDot},
      {"g.gv", Format::kDot},
      {"dir.v2/g.json", Format::kJson},
      {"g.gexf", std::nullopt},
      {"g", std::nullopt},
      {"dir.json/g", std::nullopt},
      {"-", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [path, format] : cases) EXPECT_EQ(format_from_path(path), format) << path;
}

TEST(FormatFromName, OnlyTheThreeNames) {
  EXPECT_EQ(format_from_name("graphml"), Format::kGraphml);
  EXPECT_EQ(format_from_name("dot"), Format::kDot);
  EXPECT_EQ(format_from_name("json"), Format::kJson);
  EXPECT_FALSE(format_from_name("GraphML"));
  EXPECT_FALSE(format_from_name("svg"));
}

TEST(WriteGraph, DispatchesToTheWriter) {
  graph::GraphBuilder b;
  b.add(quotegraph::testing::seed_extraction());
  const std::pair<Format, void (*)(const graph::Graph&, std::ostream&)> cases[] = {
      {Format::kGraphml, [](const graph::Graph& g, std::ostream& out) { write_graphml(g, out); }},
      {Format::kDot, [](const graph::Graph& g, std::ostream& out) { write_dot(g, out); }},
      {Format::kJson, [](const graph::Graph& g, std::ostream& out) { write_json(g, out); }}};
  for (const auto& [format, writer] : cases) {
    std::ostringstream via_format;
    std::ostringstream direct;
    write_graph(b.graph(), format, via_format);
    writer(b.graph(), direct);
    EXPECT_EQ(via_format.str(), direct.str());
    EXPECT_FALSE(direct.str().empty());
  }
}

}  // namespace
}  // namespace quotegraph::exporters
