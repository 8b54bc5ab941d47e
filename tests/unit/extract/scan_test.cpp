#include "extract/scan.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quotegraph::scan {
namespace {

TEST(Scan, FindEitherFindsTheFirstOfTwoBytesAtAnyOffset) {
  // Every position in and around an eight-byte block, and either byte first.
  for (std::size_t pos = 0; pos < 20; ++pos) {
    std::string s(24, 'x');
    s[pos] = '@';
    EXPECT_EQ(find_either(s, 0, '@', '#'), pos) << pos;
    EXPECT_EQ(find_either(s, 0, '#', '@'), pos) << pos;
    EXPECT_EQ(find_either(s, pos + 1, '@', '#'), std::string_view::npos) << pos;
  }
  const std::string both = "abcdefghij#klm@nop";
  EXPECT_EQ(find_either(both, 0, '@', '#'), 10U);
  EXPECT_EQ(find_either(both, 11, '@', '#'), 14U);
  EXPECT_EQ(find_either("", 0, '@', '#'), std::string_view::npos);
}

TEST(Scan, FindEitherIsNotFooledByNeighbouringBytes) {
  // A byte one above the target right after it (the borrow case of zero_bytes), and
  // high bytes that only differ from the target in their top bit.
  const std::string s = std::string("\x01\x41\xC0\xC1zzzz", 8) + "zzzz@" + "\x41";
  EXPECT_EQ(find_either(s, 0, '@', '\x40'), 12U);
  const std::string utf8 = "caf\xC3\xA9 na\xC3\xAFve \xEF\xBC\xA0x";
  EXPECT_EQ(find_either(utf8, 0, '@', '\xEF'), utf8.find('\xEF'));
}

TEST(Scan, FindEitherMatchesTheDefinitionForEveryByteAndOffset) {
  // Every byte value as the one found, at every offset of three sixteen-byte blocks and
  // a tail, from every start, among fillers that differ from it in one bit.
  for (int b = 0; b < 256; ++b) {
    const char target = static_cast<char>(b);
    const char filler = static_cast<char>(b ^ 0x01);
    const char other = static_cast<char>(b ^ 0x80);
    for (std::size_t pos = 0; pos < 53; ++pos) {
      std::string s(53, filler);
      s[pos] = target;
      for (std::size_t from = 0; from <= pos + 1 && from <= s.size(); from += 7) {
        const std::size_t want = from <= pos ? pos : std::string_view::npos;
        EXPECT_EQ(find_either(s, from, target, other), want) << b << " " << pos << " " << from;
      }
    }
  }
}

TEST(Scan, ZeroBytesFlagsTheLowestZeroByteExactly) {
  EXPECT_EQ(zero_bytes(0x1111111111111111ULL), 0U);
  EXPECT_EQ(__builtin_ctzll(zero_bytes(0x1111110011111111ULL)) / 8, 4);
  EXPECT_EQ(__builtin_ctzll(zero_bytes(0x0100000000000000ULL)) / 8, 0);
}

TEST(Scan, LowerAsciiInPlaceChangesOnlyAsciiCapitals) {
  std::string s =
      "Hello, WORLD! @AOC [Z] `a` \xC3\x89lys\xC3\xA9"
      "e ABCDEFGHIJKLMNOPQRSTUVWXYZ@[";
  lower_ascii_in_place(s.data(), s.size());
  EXPECT_EQ(s,
            "hello, world! @aoc [z] `a` \xC3\x89lys\xC3\xA9"
            "e abcdefghijklmnopqrstuvwxyz@[");
  // Every byte value, against the plain definition.
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  std::string expected = all;
  for (char& c : expected) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  lower_ascii_in_place(all.data(), all.size());
  EXPECT_EQ(all, expected);
  // At every offset and length around the sixteen-byte blocks.
  for (std::size_t start = 0; start < 20; ++start) {
    for (std::size_t len = 0; len + start <= 256 && len < 70; ++len) {
      std::string part;
      for (std::size_t k = 0; k < len; ++k) part += static_cast<char>((start * 37 + k * 11) % 256);
      std::string want = part;
      for (char& c : want) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      lower_ascii_in_place(part.data(), part.size());
      EXPECT_EQ(part, want) << start << " " << len;
    }
  }
}

TEST(Scan, AlnumPrefixMatchesTheDefinitionForEveryByte) {
  auto plain = [](std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                            (s[i] >= '0' && s[i] <= '9')))
      ++i;
    return i;
  };
  // Every byte value at every offset of a run longer than one block of sixteen and one of
  // eight, and in the byte-by-byte tail.
  for (int b = 0; b < 256; ++b) {
    for (std::size_t pos = 0; pos < 29; ++pos) {
      std::string s = "abcdefghijKLMNOPQRS0123456789";
      s[pos] = static_cast<char>(b);
      EXPECT_EQ(alnum_prefix(s), plain(s)) << "byte " << b << " at " << pos;
    }
  }
  EXPECT_EQ(alnum_prefix(""), 0U);
  EXPECT_EQ(alnum_prefix("Ocasio-Cortez"), 6U);
  EXPECT_EQ(alnum_prefix("caf\xC3\xA9"), 3U);
}

}  // namespace
}  // namespace quotegraph::scan

namespace quotegraph::scan {
namespace {

// find_json_special and find_json_special_or_high against the byte-at-a-time definition.
TEST(Scan, FindJsonSpecialMatchesTheDefinitionForEveryByteAndOffset) {
  auto plain = [](std::string_view s, std::size_t from, bool high) {
    for (std::size_t i = from; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"' || c == '\\' || c < 0x20 || (high && c >= 0x80)) return i;
    }
    return s.size();
  };
  // Every byte value at every offset of a run longer than two 16-byte blocks, scanned
  // from several starts (so that the stop falls in the wide loop, the SWAR loop or the tail).
  for (int b = 0; b < 256; ++b) {
    for (std::size_t pos = 0; pos < 37; ++pos) {
      std::string s = "abcdefghijKLMNOPQRS0123456789 ,.;:{}[]";
      s[pos] = static_cast<char>(b);
      for (std::size_t from : {0U, 1U, 9U, 17U, 30U}) {
        EXPECT_EQ(find_json_special(s, from), plain(s, from, false)) << b << " " << pos;
        EXPECT_EQ(find_json_special_or_high(s, from), plain(s, from, true)) << b << " " << pos;
      }
    }
  }
  // Every length up to three blocks (the byte loop, the eight-byte windows, the 16-byte
  // blocks and the overlapping last block), a byte to stop at anywhere, any start.
  for (std::size_t len = 0; len <= 48; ++len) {
    for (std::size_t pos = 0; pos <= len; ++pos) {
      for (const char b : {'"', '\\', '\x01', '\x1f', '\x80', '\xff', 'x'}) {
        std::string s(len, 'a');
        if (pos < len) s[pos] = b;
        for (std::size_t from = 0; from <= len; ++from) {
          EXPECT_EQ(find_json_special(s, from), plain(s, from, false)) << len << " " << pos;
          EXPECT_EQ(find_json_special_or_high(s, from), plain(s, from, true)) << len << " " << pos;
        }
      }
    }
  }
  // Every byte value in the eight-byte windows of short strings.
  for (int b = 0; b < 256; ++b) {
    for (std::size_t len : {7U, 8U, 11U, 15U}) {
      for (std::size_t pos = 0; pos < len; ++pos) {
        std::string s(len, 'a');
        s[pos] = static_cast<char>(b);
        for (std::size_t from = 0; from <= len; from += 3) {
          EXPECT_EQ(find_json_special(s, from), plain(s, from, false)) << b << " " << pos;
          EXPECT_EQ(find_json_special_or_high(s, from), plain(s, from, true)) << b << " " << pos;
        }
      }
    }
  }
  EXPECT_EQ(find_json_special("", 0), 0U);
  EXPECT_EQ(find_json_special("abc", 3), 3U);
  EXPECT_EQ(find_json_special("caf\xC3\xA9 \"x\"", 0), 6U);
  EXPECT_EQ(find_json_special_or_high("caf\xC3\xA9 \"x\"", 0), 3U);
}

}  // namespace
}  // namespace quotegraph::scan
