#include "exporters/table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace quotegraph::exporters {
namespace {

Table sample() {
  Table t{{"name", "n", "score", "members"}, {}};
  t.rows.push_back(
      {std::string("Zoë \"Z\", O'Brien"), 12LL, 0.5, std::vector<std::string>{"a", "b"}});
  t.rows.push_back({Cell(), 3LL, 1.0 / 3, std::vector<std::string>{}});
  return t;
}

std::string written(const Table& t, TableFormat f) {
  std::ostringstream out;
  write_table(t, f, out);
  return out.str();
}

TEST(WriteTable, JsonLinesKeepTypes) {
  EXPECT_EQ(
      written(sample(), TableFormat::kJsonl),
      "{\"name\":\"Zoë \\\"Z\\\", O'Brien\",\"n\":12,\"score\":0.5,\"members\":[\"a\",\"b\"]}\n"
      "{\"name\":null,\"n\":3,\"score\":0.333333,\"members\":[]}\n");
}

TEST(WriteTable, CsvQuotesWhatNeedsIt) {
  EXPECT_EQ(written(sample(), TableFormat::kCsv),
            "name,n,score,members\r\n"
            "\"Zoë \"\"Z\"\", O'Brien\",12,0.5000,a; b\r\n"
            ",3,0.3333,\r\n");
}

TEST(WriteTable, TableAlignsByCharactersNotBytes) {
  EXPECT_EQ(written(sample(), TableFormat::kTable),
            "name              n   score   members\n"
            "----------------  --  ------  -------\n"
            "Zoë \"Z\", O'Brien  12  0.5000  a; b\n"
            "                  3   0.3333\n");
  EXPECT_EQ(table_format_from_name("csv"), TableFormat::kCsv);
  EXPECT_EQ(table_format_from_name("xml"), std::nullopt);
}

}  // namespace
}  // namespace quotegraph::exporters
