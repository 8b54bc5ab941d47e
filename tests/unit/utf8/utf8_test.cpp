#include "extract/utf8.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace quotegraph::utf8 {
namespace {

struct ValidityCase {
  const char* name;
  std::string text;
  std::optional<std::size_t> first_bad;
};

class FirstInvalid : public ::testing::TestWithParam<ValidityCase> {};

TEST_P(FirstInvalid, FindsTheFirstBadByte) {
  EXPECT_EQ(first_invalid(GetParam().text), GetParam().first_bad);
}

INSTANTIATE_TEST_SUITE_P(
    Utf8, FirstInvalid,
    ::testing::Values(ValidityCase{"Empty", "", std::nullopt},
                      ValidityCase{"Ascii", "plain ASCII, longer than eight bytes", std::nullopt},
                      ValidityCase{"TwoByte", "caf\xC3\xA9", std::nullopt},
                      ValidityCase{"ThreeByte", "\xE2\x80\x9Cquote\xE2\x80\x9D", std::nullopt},
                      ValidityCase{"FourByte", "emoji \xF0\x9F\x98\x80 ok", std::nullopt},
                      ValidityCase{"MaxCodePoint", "\xF4\x8F\xBF\xBF", std::nullopt},
                      ValidityCase{"LastBeforeSurrogates", "\xED\x9F\xBF", std::nullopt},
                      ValidityCase{"FirstAfterSurrogates", "\xEE\x80\x80", std::nullopt},
                      ValidityCase{"StrayContinuation", "ab\x80", 2},
                      ValidityCase{"OverlongSlash", "a\xC0\xAF", 1},
                      ValidityCase{"OverlongC1", "\xC1\xBF", 0},
                      ValidityCase{"OverlongThreeByte", "\xE0\x80\xAF", 0},
                      ValidityCase{"OverlongFourByte", "\xF0\x80\x80\xAF", 0},
                      ValidityCase{"SurrogateHigh", "x\xED\xA0\x80", 1},
                      ValidityCase{"SurrogateLow", "x\xED\xBF\xBF", 1},
                      ValidityCase{"AboveMax", "\xF4\x90\x80\x80", 0},
                      ValidityCase{"F5Lead", "\xF5\x80\x80\x80", 0},
                      ValidityCase{"FF", "0123456789\xFF", 10},
                      ValidityCase{"TruncatedAtEnd", "abc\xE2\x82", 3},
                      ValidityCase{"TruncatedBeforeAscii", "abc\xE2\x82z", 3},
                      ValidityCase{"AfterAsciiBlock", "0123456789abcdef\xC3", 16},
                      ValidityCase{"ValidThenInvalid", "\xC3\xA9\xC3\xA9\xC3", 4}),
    [](const ::testing::TestParamInfo<ValidityCase>& c) { return std::string(c.param.name); });

struct DecodeCase {
  const char* name;
  std::string text;
  std::size_t at;
  char32_t code_point;
  std::size_t length;
};

class Decode : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(Decode, ReturnsCodePointAndLength) {
  std::size_t len = 99;
  EXPECT_EQ(decode(GetParam().text, GetParam().at, len), GetParam().code_point);
  EXPECT_EQ(len, GetParam().length);
}

INSTANTIATE_TEST_SUITE_P(
    Utf8, Decode,
    ::testing::Values(DecodeCase{"Ascii", "abc", 1, U'b', 1},
                      DecodeCase{"TwoByte", "\xC3\xA9", 0, U'\u00E9', 2},
                      DecodeCase{"ThreeByte", "x\xEF\xBC\xA0", 1, U'\uFF20', 3},
                      DecodeCase{"FourByte", "\xF0\x9F\x98\x80", 0, U'\U0001F600', 4},
                      DecodeCase{"InvalidIsReplacement", "\xFF", 0, U'\uFFFD', 1},
                      DecodeCase{"SurrogateIsReplacement", "\xED\xA0\x80", 0, U'\uFFFD', 1},
                      DecodeCase{"TruncatedIsReplacement", "\xE2\x82", 0, U'\uFFFD', 1},
                      DecodeCase{"PastTheEnd", "a", 1, 0, 0}),
    [](const ::testing::TestParamInfo<DecodeCase>& c) { return std::string(c.param.name); });

TEST(Utf8, FirstInvalidFindsABadByteAtAnyOffsetOfTheBlocks) {
  // Every offset in and after a 32-byte block, an 8-byte block and the byte tail, with
  // valid multi-byte sequences before it (so that the blocks restart after them).
  for (std::size_t pos = 0; pos < 90; ++pos) {
    std::string s(90, 'a');
    s[pos] = '\xFF';
    EXPECT_EQ(first_invalid(s), pos) << pos;
    std::string t = "\xC3\xA9" + std::string(pos, 'b') + "\xE2\x80\x9C" + std::string(40, 'c');
    EXPECT_FALSE(first_invalid(t).has_value()) << pos;
    t[2 + pos + 3 + pos % 40] = '\x80';
    EXPECT_EQ(first_invalid(t), 2 + pos + 3 + pos % 40) << pos;
  }
  // Short tails: the last eight bytes overlap a sequence checked already.
  EXPECT_FALSE(first_invalid("abcdefg\xC3\xA9xy").has_value());
  EXPECT_EQ(first_invalid("abcdefg\xC3\xA9x\xFF"), 10U);
  EXPECT_EQ(first_invalid("abcdefghi\x80"), 9U);
  EXPECT_EQ(first_invalid("abc\xFF"), 3U);
}

TEST(Utf8, CheckLineFindsANulOrABadByteAtAnyOffset) {
  for (std::size_t len = 0; len < 70; ++len) {
    const std::string base = std::string(len, 'a') + "\xC3\xA9" + std::string(len % 17, 'b');
    EXPECT_EQ(check_line(base).kind, LineCheck::kOk) << len;
    for (std::size_t pos = 0; pos < base.size(); ++pos) {
      std::string nul = base;
      nul[pos] = '\0';
      EXPECT_EQ(check_line(nul).kind, LineCheck::kNul) << len << " " << pos;
      std::string bad = base;
      bad[pos] = '\xFF';
      const LineCheck c = check_line(bad);
      EXPECT_EQ(c.kind, LineCheck::kInvalid) << len << " " << pos;
      // Over the continuation byte, the sequence from its lead is the bad one.
      EXPECT_EQ(c.pos, pos == len + 1 ? len : pos) << len << " " << pos;
      // A NUL after the bad byte still makes the line binary.
      bad += std::string(pos % 40, 'c') + '\0';
      EXPECT_EQ(check_line(bad).kind, LineCheck::kNul) << len << " " << pos;
    }
  }
  // A NUL inside a multi-byte sequence is a NUL, not only a bad sequence.
  EXPECT_EQ(check_line(std::string("ab\xE2\0\x9Cz", 6)).kind, LineCheck::kNul);
}

TEST(Utf8Encode, RoundTripsEveryLength) {
  for (const char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) {
    const std::string bytes = encode(cp);
    std::size_t len = 0;
    EXPECT_EQ(decode(bytes, 0, len), cp);
    EXPECT_EQ(len, bytes.size());
    EXPECT_FALSE(first_invalid(bytes).has_value());
  }
}

TEST(Utf8Encode, WritesReplacementForWhatUtf8CannotHold) {
  EXPECT_EQ(encode(0xD800), "\xEF\xBF\xBD");
  EXPECT_EQ(encode(0x110000), "\xEF\xBF\xBD");
}

struct LineColCase {
  const char* name;
  std::string text;
  std::size_t pos;
  std::size_t line;
  std::size_t col;
};

class LineCol : public ::testing::TestWithParam<LineColCase> {};

TEST_P(LineCol, CountsLinesAndByteColumnsFromOne) {
  std::size_t line = 0;
  std::size_t col = 0;
  line_col(GetParam().text, GetParam().pos, line, col);
  EXPECT_EQ(line, GetParam().line);
  EXPECT_EQ(col, GetParam().col);
}

INSTANTIATE_TEST_SUITE_P(Utf8, LineCol,
                         ::testing::Values(LineColCase{"Start", "abc", 0, 1, 1},
                                           LineColCase{"FirstLine", "abc", 2, 1, 3},
                                           LineColCase{"SecondLine", "ab\ncd", 4, 2, 2},
                                           LineColCase{"RightAfterNewline", "ab\ncd", 3, 2, 1},
                                           LineColCase{"ColumnsAreBytes", "\xC3\xA9x", 2, 1, 3},
                                           LineColCase{"PastTheEndIsClamped", "a\nb", 10, 2, 2}),
                         [](const ::testing::TestParamInfo<LineColCase>& c) {
                           return std::string(c.param.name);
                         });

}  // namespace
}  // namespace quotegraph::utf8
