#include "graph/ptr_map.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace quotegraph::graph {
namespace {

TEST(PtrMap, FindsWhatWasAddedAndNothingElse) {
  std::vector<int> keys(5);
  PtrMap<int> map;
  EXPECT_EQ(map.find(&keys[0]), nullptr);  // empty: no table yet
  EXPECT_TRUE(map.try_emplace(&keys[0], 10).second);
  EXPECT_TRUE(map.try_emplace(&keys[1], 11).second);
  const auto [value, added] = map.try_emplace(&keys[0], 99);
  EXPECT_FALSE(added);  // the first value stays
  EXPECT_EQ(*value, 10);
  ASSERT_NE(map.find(&keys[1]), nullptr);
  EXPECT_EQ(*map.find(&keys[1]), 11);
  EXPECT_EQ(map.find(&keys[2]), nullptr);
  EXPECT_EQ(map.size(), 2u);
  *map.find(&keys[1]) = 12;
  EXPECT_EQ(*map.find(&keys[1]), 12);
  map.clear();
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find(&keys[0]), nullptr);
}

TEST(PtrMap, AgreesWithStdMapThroughGrowth) {
  // Keys close together (as interned strings are) and far apart, looked up after every
  // growth of the table.
  std::vector<char> arena(1 << 16);
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> at(0, arena.size() - 1);
  PtrMap<std::size_t> map;
  std::map<const void*, std::size_t> expected;
  for (std::size_t i = 0; i < 20000; ++i) {
    const void* key = &arena[at(rng)];
    const bool added = map.try_emplace(key, i).second;
    EXPECT_EQ(added, expected.emplace(key, i).second);
    if (i % 997 == 0) {
      for (const auto& [k, v] : expected) {
        const std::size_t* found = map.find(k);
        ASSERT_NE(found, nullptr);
        EXPECT_EQ(*found, v);
      }
    }
  }
  EXPECT_EQ(map.size(), expected.size());
  std::size_t misses = 0;
  for (std::size_t i = 0; i < arena.size(); ++i) {
    if (expected.count(&arena[i]) == 0 && map.find(&arena[i]) == nullptr) ++misses;
  }
  EXPECT_EQ(misses, arena.size() - expected.size());
}

TEST(PtrMap, ReserveKeepsTheContents) {
  int a = 0;
  int b = 0;
  PtrMap<int> map;
  map.try_emplace(&a, 1);
  map.reserve(1000);
  map.try_emplace(&b, 2);
  EXPECT_EQ(*map.find(&a), 1);
  EXPECT_EQ(*map.find(&b), 2);
  EXPECT_EQ(map.size(), 2u);
}

}  // namespace
}  // namespace quotegraph::graph
