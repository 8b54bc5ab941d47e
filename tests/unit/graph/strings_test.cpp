#include "graph/strings.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quotegraph::graph {
namespace {

TEST(StringPool, InternsOneCopyPerDistinctString) {
  StringPool pool;
  const Str a = pool.intern("Jeremy Corbyn");
  const Str b = pool.intern(std::string("Jeremy ") + "Corbyn");
  const Str c = pool.intern("Jeremy Corby");
  EXPECT_EQ(a.data(), b.data());
  EXPECT_NE(a.data(), c.data());
  EXPECT_EQ(a, "Jeremy Corbyn");
  EXPECT_EQ(a.size(), 13u);
  EXPECT_EQ(pool.size(), 2u);
  EXPECT_EQ(pool.find("Jeremy Corby"), c);
  EXPECT_TRUE(pool.find("nobody").empty());
  EXPECT_EQ(pool.size(), 2u);  // find adds nothing
}

TEST(StringPool, EmptyStringIsTheDefaultStr) {
  StringPool pool;
  const Str e = pool.intern("");
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(e, Str());
  EXPECT_EQ(e.view(), "");
  EXPECT_STREQ(e.data(), "");
  EXPECT_EQ(pool.size(), 0u);
}

TEST(StringPool, StringsStayValidAsThePoolGrows) {
  StringPool pool;
  std::vector<Str> strs;
  for (int i = 0; i < 100000; ++i) strs.push_back(pool.intern("name " + std::to_string(i)));
  // A string larger than a block, with bytes of every value.
  std::string big(3 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 997) big[i] = static_cast<char>(i % 256);
  const Str large = pool.intern(big);
  strs.push_back(pool.intern("after the large one"));
  for (int i = 0; i < 100000; ++i) {
    ASSERT_EQ(strs[static_cast<std::size_t>(i)], "name " + std::to_string(i));
    ASSERT_EQ(pool.intern("name " + std::to_string(i)).data(),
              strs[static_cast<std::size_t>(i)].data());
  }
  EXPECT_EQ(large, big);
  EXPECT_EQ(strs.back(), "after the large one");
  EXPECT_EQ(pool.size(), 100002u);
  EXPECT_GE(pool.bytes(), big.size());
}

TEST(StringPool, StringsWithNulAndHighBytes) {
  StringPool pool;
  const std::string raw("a\0b\xff", 4);
  const Str s = pool.intern(raw);
  EXPECT_EQ(s.size(), 4u);
  EXPECT_EQ(s.view(), raw);
  EXPECT_EQ(pool.intern(std::string("a\0c\xff", 4)).view(), std::string("a\0c\xff", 4));
}

TEST(StrList, HoldsItsItemsInOrder) {
  StringPool pool;
  const StrList l = pool.list({pool.intern("Corbyn"), pool.intern("Corby"), Str()});
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0], "Corbyn");
  EXPECT_EQ(l[1], "Corby");
  EXPECT_TRUE(l[2].empty());
  EXPECT_EQ(l.strings(), (std::vector<std::string>{"Corbyn", "Corby", ""}));
  EXPECT_TRUE(l == (std::vector<std::string>{"Corbyn", "Corby", ""}));
  EXPECT_FALSE(l == (std::vector<std::string>{"Corbyn", "Corby"}));
  EXPECT_TRUE(pool.list({}).empty());
  EXPECT_EQ(pool.list({}).size(), 0u);
  EXPECT_EQ(StrList().begin(), StrList().end());
}

TEST(Str, ComparesByContent) {
  StringPool a;
  StringPool b;
  EXPECT_EQ(a.intern("x"), b.intern("x"));  // different pools, same text
  EXPECT_LT(a.intern("2024-01-01"), a.intern("2024-02-01"));
  EXPECT_LT(Str(), a.intern("a"));
  EXPECT_EQ(std::string(a.intern("y")), "y");
}

}  // namespace
}  // namespace quotegraph::graph
