#include "cli/exit_memory.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "graph/graph.hpp"

namespace quotegraph::cli {
namespace {

// Counts its destructions (moved-from shells included: only a live one counts).
struct Tracked {
  static inline int destroyed_live = 0;
  bool live = true;
  std::vector<std::string> payload{"a", "b"};
  Tracked() = default;
  Tracked(Tracked&& other) noexcept : live(other.live), payload(std::move(other.payload)) {
    other.live = false;
  }
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  Tracked& operator=(Tracked&&) = delete;
  ~Tracked() {
    if (live) ++destroyed_live;
  }
};

TEST(ExitMemory, KeptValueIsMovedInAndNeverDestroyed) {
  {
    Tracked t;
    keep_until_exit(std::move(t));
    EXPECT_FALSE(t.live);  // moved from
    EXPECT_TRUE(t.payload.empty());
  }
  EXPECT_EQ(Tracked::destroyed_live, 0);
}

TEST(ExitMemory, KeptGraphIsMovedNotCopied) {
  graph::Graph g;
  const auto a = boost::add_vertex(g);
  const auto b = boost::add_vertex(g);
  boost::add_edge(a, b, g);
  keep_until_exit(g);
  EXPECT_EQ(boost::num_vertices(g), 0U);
}

}  // namespace
}  // namespace quotegraph::cli
