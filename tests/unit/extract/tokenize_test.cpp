// segment: words, punctuation, quotation marks (with the side they can stand on) and
// paragraph breaks, each with exact byte offsets.
#include "extract/tokenize.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph {
namespace {

// A word or punctuation token as written; a quotation mark as <q (opens), q> (closes),
// q? (either) or inch; a paragraph break as |.
std::vector<std::string> describe(std::string_view text, const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const Token& t : toks) {
    switch (t.kind) {
      case TokKind::kWord:
      case TokKind::kPunct:
        out.emplace_back(text.substr(t.start, t.end - t.start));
        break;
      case TokKind::kBreak:
        out.emplace_back("|");
        break;
      case TokKind::kQuote:
        switch (t.mark) {
          case QuoteMark::kOpen:
            out.emplace_back("<q");
            break;
          case QuoteMark::kClose:
            out.emplace_back("q>");
            break;
          case QuoteMark::kInch:
            out.emplace_back("inch");
            break;
          case QuoteMark::kAmbiguous:
          case QuoteMark::kNone:
            out.emplace_back("q?");
            break;
        }
        break;
    }
  }
  return out;
}

struct TokenizeCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const TokenizeCase& c, std::ostream* os) { *os << c.name; }

class Tokenize : public ::testing::TestWithParam<TokenizeCase> {};

TEST_P(Tokenize, SplitsAsWritten) {
  const TokenizeCase& c = GetParam();
  EXPECT_EQ(describe(c.text, tokenize(c.text)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Tokenize, Tokenize,
    ::testing::Values(
        TokenizeCase{"Empty", "", {}}, TokenizeCase{"OnlySpaces", "  \t ", {}},
        TokenizeCase{"StraightQuotesBySide",
                     "\"We won,\" Jane Doe said.",
                     {"<q", "We", "won", ",", "q>", "Jane", "Doe", "said", "."}},
        TokenizeCase{"CurlyQuotes",
                     "“We won,” she said.",
                     {"<q", "We", "won", ",", "q>", "she", "said", "."}},
        TokenizeCase{"Guillemets", "« Oui », dit-il.", {"<q", "Oui", "q>", ",", "dit-il", "."}},
        TokenizeCase{"LowNinetyNineOpens", "„Ja", {"<q", "Ja"}},
        TokenizeCase{"StraightQuoteAfterColonOpens",
                     "She said:\"No.\"",
                     {"She", "said", ":", "<q", "No", ".", "q>"}},
        TokenizeCase{"ApostrophesStayInWords",
                     "Clinton’s aides don’t agree; O'Brien's didn't.",
                     {"Clinton’s", "aides", "don’t", "agree", ";", "O'Brien's", "didn't", "."}},
        TokenizeCase{"DecadeApostropheIsNotAQuote", "the ’90s", {"the", "’", "90s"}},
        TokenizeCase{"InchMark", "a 6'2\" guard", {"a", "6'2", "inch", "guard"}},
        TokenizeCase{"InchMarkBeforeComma", "a 6'2\", fast", {"a", "6'2", "inch", ",", "fast"}},
        TokenizeCase{"HyphenatedName", "Alma Ruiz-Ferrer spoke", {"Alma", "Ruiz-Ferrer", "spoke"}},
        TokenizeCase{"AbbreviationsKeepTheirPeriod",
                     "Sen. Vale and Dr. Moss left.",
                     {"Sen.", "Vale", "and", "Dr.", "Moss", "left", "."}},
        TokenizeCase{"Initialisms", "the U.S. team", {"the", "U.S.", "team"}},
        TokenizeCase{"InitialKeepsPeriod", "J. Vale", {"J.", "Vale"}},
        TokenizeCase{"Numbers", "1,000 or 2.75.", {"1,000", "or", "2.75", "."}},
        TokenizeCase{"Handle", "thanks @lena_o!", {"thanks", "@lena_o", "!"}},
        TokenizeCase{"BlankLineIsAParagraphBreak", "One.\n\nTwo.", {"One", ".", "|", "Two", "."}},
        TokenizeCase{"SingleNewlineSplitsInArticleExports",
                     "One\ntwo.\n\nThree.",
                     {"One", "|", "two", ".", "|", "Three", "."}},
        TokenizeCase{"HardWrappedLinesJoinUntilABlankLine",
                     "The harbour board met on Monday and the chair said that the\n"
                     "ferry would run again in the spring if the engine could be\n"
                     "repaired in time, which the engineers think is likely but\n"
                     "not certain.\n\nThree.",
                     {"The",    "harbour", "board",     "met",      "on",     "Monday", "and",
                      "the",    "chair",   "said",      "that",     "the",    "ferry",  "would",
                      "run",    "again",   "in",        "the",      "spring", "if",     "the",
                      "engine", "could",   "be",        "repaired", "in",     "time",   ",",
                      "which",  "the",     "engineers", "think",    "is",     "likely", "but",
                      "not",    "certain", ".",         "|",        "Three",  "."}},
        TokenizeCase{"SingleNewlinesSplitWhenNoBlankLine",
                     "One.\nTwo.\nThree.",
                     {"One", ".", "|", "Two", ".", "|", "Three", "."}},
        TokenizeCase{"LeadingNewlinesMakeNoBreak", "\n\nOne.", {"One", "."}},
        TokenizeCase{"EmDashIsPunctuation", "yes—no", {"yes", "—", "no"}}),
    [](const ::testing::TestParamInfo<TokenizeCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(Tokenize, ByteOffsetsPointAtTheTokenText) {
  const std::string text = "“Ça va,” dit Zoë Müller. “Très bien.”";
  const std::vector<Token> toks = tokenize(text);
  ASSERT_EQ(toks.size(), 14U);
  EXPECT_EQ(toks[0].start, text.find("“"));
  EXPECT_EQ(toks[0].end, text.find("Ça"));
  EXPECT_EQ(toks[1].start, text.find("Ça"));
  EXPECT_EQ(toks[1].end, text.find("Ça") + std::string("Ça").size());
  EXPECT_EQ(toks[6].start, text.find("Zoë"));
  EXPECT_EQ(toks[7].start, text.find("Müller"));
  EXPECT_EQ(toks[7].end, text.find("Müller") + std::string("Müller").size());
  EXPECT_EQ(toks[13].end, text.size());
  for (const Token& t : toks) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, text.size());
  }
}

TEST(Tokenize, CapitalisationIsRecorded) {
  const std::string text = "Élodie met ümit and Ösel";
  const std::vector<Token> toks = tokenize(text);
  ASSERT_EQ(toks.size(), 5U);
  EXPECT_TRUE(toks[0].cap);
  EXPECT_FALSE(toks[1].cap);
  EXPECT_FALSE(toks[2].cap);
  EXPECT_FALSE(toks[3].cap);
  EXPECT_TRUE(toks[4].cap);
}

TEST(Tokenize, ParagraphNumbers) {
  const std::string text = "A b.\n\nC d.\n\n\n\nEve.";
  const std::vector<Token> toks = tokenize(text);
  std::vector<std::uint32_t> paras;
  for (const Token& t : toks) paras.push_back(t.para);
  EXPECT_EQ(paras, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 1, 2, 2, 2}));
}

TEST(Tokenize, NothingInsideAQuoteBeforeDetection) {
  for (const Token& t : tokenize("\"a\" b")) EXPECT_EQ(t.quote, -1);
}

TEST(Tokenize, InvalidUtf8DoesNotCrashAndCoversTheText) {
  const std::string text = "ab\xFF\xFE cd \xC3";
  const std::vector<Token> toks = tokenize(text);
  ASSERT_FALSE(toks.empty());
  for (const Token& t : toks) EXPECT_LE(t.end, text.size());
  EXPECT_EQ(toks.back().end, text.size());
}

}  // namespace
}  // namespace quotegraph
