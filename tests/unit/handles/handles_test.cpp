#include "extract/handles.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace quotegraph {
namespace {

// Each handle as "name" or "name/list@start-end" (byte offsets of "@name").
std::vector<std::string> describe(const std::vector<HandleMatch>& found) {
  std::vector<std::string> out;
  for (const HandleMatch& h : found) {
    out.push_back(h.name + h.list + "@" + std::to_string(h.span.start) + "-" +
                  std::to_string(h.span.end));
  }
  return out;
}

struct HandlesCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

class FindHandles : public ::testing::TestWithParam<HandlesCase> {};

TEST_P(FindHandles, FollowsTwitterRules) {
  EXPECT_EQ(describe(find_handles(GetParam().text)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Handles, FindHandles,
    ::testing::Values(
        HandlesCase{"None", "no handles here", {}},
        HandlesCase{"InProse", "Great to speak to @AOC on the phone", {"AOC@18-22"}},
        HandlesCase{"BeforePunctuation", "thanks, @jeremycorbyn.", {"jeremycorbyn@8-21"}},
        HandlesCase{"InParentheses", "(@user_1)", {"user_1@1-8"}},
        HandlesCase{"AfterCurlyQuote", "\xE2\x80\x9C@AOC is right\xE2\x80\x9D", {"AOC@3-7"}},
        HandlesCase{"EmailIsNotAHandle", "write to press@example.com", {}},
        HandlesCase{"AtAfterLetterIsNotAHandle", "a@b", {}},
        HandlesCase{"FollowedByAtIsRejected", "@alice@bob", {}},
        HandlesCase{"FullWidthAt", "\xEF\xBC\xA0jack hi", {"jack@0-7"}},
        HandlesCase{"FullWidthAfterJapanese", "\xE3\x81\xAE\xEF\xBC\xA0jack", {"jack@3-10"}},
        HandlesCase{
            "TruncatedAtTwentyChars", "@abcdefghijklmnopqrstuvwxyz", {"abcdefghijklmnopqrst@0-21"}},
        HandlesCase{"FollowedByAccentIsRejected", "@jos\xC3\xA9 and @ana", {"ana@11-15"}},
        HandlesCase{"FollowedBySchemeIsRejected", "@http://example.com", {}},
        HandlesCase{"AfterHashIsRejected", "#@tag", {}},
        HandlesCase{"RetweetPrefix", "RT:@source says", {"source@3-10"}},
        HandlesCase{"RetweetAfterDotIsRejected", ".RT@x", {}},
        HandlesCase{"List", "see @nyt/politics-team", {"nyt/politics-team@4-8"}},
        HandlesCase{"ListNeedsLetter", "@nyt/2020", {"nyt@0-4"}},
        HandlesCase{"Several", "@a @b, @c", {"a@0-2", "b@3-5", "c@7-9"}},
        HandlesCase{"LoneAt", "meet @ noon", {}},
        HandlesCase{"InvalidUtf8Before", "\xFF@name", {"name@1-6"}}),
    [](const ::testing::TestParamInfo<HandlesCase>& c) { return std::string(c.param.name); });

struct ReplyCase {
  const char* name;
  std::string text;
  std::optional<std::string> expected;
};

class FindReply : public ::testing::TestWithParam<ReplyCase> {};

TEST_P(FindReply, OnlyAMentionAtTheStart) {
  EXPECT_EQ(find_reply(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Handles, FindReply,
                         ::testing::Values(ReplyCase{"AtStart", "@AOC thanks", "AOC"},
                                           ReplyCase{"AfterSpaces", " \t@AOC thanks", "AOC"},
                                           ReplyCase{"AfterNoBreakSpace", "\xC2\xA0@AOC", "AOC"},
                                           ReplyCase{"NotAtStart", "hi @AOC", std::nullopt},
                                           ReplyCase{"Email", "@a@b.com", std::nullopt},
                                           ReplyCase{"Empty", "", std::nullopt},
                                           ReplyCase{"LoneAt", "@ noon", std::nullopt}),
                         [](const ::testing::TestParamInfo<ReplyCase>& c) {
                           return std::string(c.param.name);
                         });

TEST(CodepointIndex, CountsCodePointsNotBytes) {
  const std::string text = "a\xC3\xA9\xE3\x81\xAE\xF0\x9F\x98\x80z";
  EXPECT_EQ(codepoint_index(text, 0), 0U);
  EXPECT_EQ(codepoint_index(text, 1), 1U);
  EXPECT_EQ(codepoint_index(text, 3), 2U);
  EXPECT_EQ(codepoint_index(text, 6), 3U);
  EXPECT_EQ(codepoint_index(text, 10), 4U);
  EXPECT_EQ(codepoint_index(text, text.size()), 5U);
  EXPECT_EQ(codepoint_index(text, 1000), 5U);
  EXPECT_EQ(codepoint_index("\xFF\xFE", 2), 2U);
}

}  // namespace
}  // namespace quotegraph
