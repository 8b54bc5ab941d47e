#include "exporters/in_order.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

namespace quotegraph::exporters {
namespace {

// Chunk i: its number, then i % 7 * 1000 bytes, so that chunks differ in size and a
// chunk written out of order or twice shows.
void format_chunk(std::size_t i, OutBuffer& buffer) {
  buffer.append("<" + std::to_string(i) + ">");
  buffer.append(std::string(i % 7 * 1000, static_cast<char>('a' + i % 26)));
}

std::string written(std::size_t chunks, unsigned threads) {
  std::ostringstream out;
  write_in_order(out, chunks, threads, format_chunk);
  return out.str();
}

TEST(WriteInOrder, TheSameBytesOnAnyNumberOfThreads) {
  std::string expected;
  for (std::size_t i = 0; i < 500; ++i) {
    OutBuffer b;
    format_chunk(i, b);
    expected += b.view();
  }
  for (unsigned threads : {0U, 1U, 2U, 3U, 8U}) {
    EXPECT_EQ(written(500, threads), expected) << threads << " threads";
  }
}

TEST(WriteInOrder, NoChunksWriteNothing) {
  EXPECT_EQ(written(0, 4), "");
  EXPECT_EQ(written(1, 4), "<0>");
}

TEST(WriteInOrder, AnErrorInAChunkReachesTheCallerAndStopsTheWriting) {
  for (unsigned threads : {1U, 2U, 4U}) {
    std::ostringstream out;
    EXPECT_THROW(write_in_order(out, 200, threads,
                                [](std::size_t i, OutBuffer& b) {
                                  if (i == 50) throw std::runtime_error("chunk 50");
                                  format_chunk(i, b);
                                }),
                 std::runtime_error)
        << threads << " threads";
    // Chunks before the failed one were written, none after it.
    EXPECT_NE(out.str().find("<49>"), std::string::npos);
    EXPECT_EQ(out.str().find("<51>"), std::string::npos);
  }
}

TEST(OutBuffer, GrowsKeepingItsBytesAndKeepsItsRoomWhenCleared) {
  OutBuffer b;
  std::string expected;
  for (int i = 0; i < 2000; ++i) {
    const std::string piece = std::to_string(i) + ",";
    b.append(piece);
    expected += piece;
  }
  EXPECT_EQ(b.view(), expected);
  char* room = b.make_room(10);
  b.clear();
  EXPECT_EQ(b.view(), "");
  EXPECT_EQ(b.make_room(10), room - expected.size());
  char* p = b.make_room(3);
  p[0] = 'x';
  p[1] = 'y';
  b.commit(p + 2);
  EXPECT_EQ(b.view(), "xy");
}

}  // namespace
}  // namespace quotegraph::exporters
