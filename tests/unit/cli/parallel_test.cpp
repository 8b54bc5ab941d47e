#include "cli/parallel.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extract/serialize.hpp"

namespace quotegraph::cli {
namespace {

std::vector<std::string> run(unsigned jobs) {
  std::vector<std::string> out;
  const std::size_t failed = extract_in_order(
      {std::string(QG_SOURCE_DIR) + "/samples"}, jobs,
      [&](Document&& doc, Extraction&& ex) { out.push_back(doc.id + " " + to_json(ex).dump()); });
  EXPECT_EQ(failed, 0u);
  return out;
}

TEST(ExtractInOrder, ThreadsGiveTheSameResultsInInputOrder) {
  const std::vector<std::string> one = run(1);
  ASSERT_GT(one.size(), 10u);
  EXPECT_EQ(run(2), one);
  EXPECT_EQ(run(7), one);
  EXPECT_GE(default_jobs(), 1u);
}

}  // namespace
}  // namespace quotegraph::cli
