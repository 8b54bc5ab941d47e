// detect: which stretches of a document are quoted, with the marks excluded from the
// span, paragraph continuations chained, and unbalanced marks contained.
#include "extract/quotes.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenize.hpp"

namespace quotegraph {
namespace {

// Each quote as its text, then "+" when a closing mark was found and "^" when it
// continues the quote left open at the end of the previous paragraph.
std::vector<std::string> describe(std::string_view text) {
  std::vector<Token> toks = tokenize(text);
  std::vector<std::string> out;
  for (const Quote& q : detect_quotes(text, toks)) {
    std::string d(text.substr(q.span.start, q.span.size()));
    if (q.closed) d += "+";
    if (q.continues) d += "^";
    out.push_back(d);
  }
  return out;
}

struct QuotesCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const QuotesCase& c, std::ostream* os) { *os << c.name; }

class DetectQuotes : public ::testing::TestWithParam<QuotesCase> {};

TEST_P(DetectQuotes, FindsTheQuotedStretches) {
  EXPECT_EQ(describe(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Quotes, DetectQuotes,
    ::testing::Values(
        QuotesCase{"None", "The ferry left at noon.", {}}, QuotesCase{"Empty", "", {}},
        QuotesCase{"EmptyQuote", "She said \"\" and left.", {}},
        QuotesCase{"SingleMarksWhenNoDoubleMarks",
                   "‘We will not close it,’ she said. Residents’ groups agreed. ‘Good.’",
                   {"We will not close it,+", "Good.+"}},
        QuotesCase{"SingleMarksStayInsideDoubleMarks",
                   "“She said ‘no’ twice,” he said.",
                   {"She said ‘no’ twice,+"}},
        QuotesCase{
            "GermanLowHighPair", "„Die Fähre ist alt“, sagte Ivo Brandt.", {"Die Fähre ist alt+"}},
        QuotesCase{"Straight",
                   "\"The ferry is late again,\" Ivo Brandt said.",
                   {"The ferry is late again,+"}},
        QuotesCase{
            "Curly", "“The ferry is late again,” Ivo Brandt said.", {"The ferry is late again,+"}},
        QuotesCase{
            "Guillemets", "« Le bac est en retard », a dit Ivo Brandt.", {"Le bac est en retard+"}},
        QuotesCase{"GuillemetsWithNoBreakSpaces",
                   "«\u00a0Le bac est en retard\u00a0», a dit Ivo Brandt.",
                   {"Le bac est en retard+"}},
        QuotesCase{"NestedSingleQuotesStayInside",
                   "“The captain told me ‘never again’ twice,” Ivo Brandt said.",
                   {"The captain told me ‘never again’ twice,+"}},
        QuotesCase{"NestedStraightSingleQuotes",
                   "\"The captain told me 'never again' twice,\" Ivo Brandt said.",
                   {"The captain told me 'never again' twice,+"}},
        QuotesCase{"ApostrophesAreNotQuotes",
                   "It’s the ’90s again, and Brandt’s crew don’t mind the ferry's age.",
                   {}},
        QuotesCase{"InchMarksAreNotQuotes", "The 6'2\" captain and his 5'11\" mate waved.", {}},
        QuotesCase{"InchMarkBeforeARealQuote",
                   "The 6'2\" captain said \"we sail at dawn\" and left.",
                   {"we sail at dawn+"}},
        QuotesCase{
            "TwoQuotesInOneParagraph", "\"First,\" he said. \"Second.\"", {"First,+", "Second.+"}},
        QuotesCase{"InterruptedQuote",
                   "“The ferry will run,” she said, “but not on Sundays.”",
                   {"The ferry will run,+", "but not on Sundays.+"}},
        QuotesCase{"UnbalancedOpeningEndsAtParagraph",
                   "“The ferry never came. We waited.\n\nLater “it came at last,” Ivo said.",
                   {"The ferry never came. We waited.", "it came at last,+"}},
        QuotesCase{"UnbalancedOpeningAtTheEnd",
                   "Ivo said “the ferry never came",
                   {"the ferry never came"}},
        QuotesCase{"StrayClosingMarkOpensNothing",
                   "He left.” Then “we waited,” she said.",
                   {"we waited,+"}},
        QuotesCase{"SecondOpeningMarkClosesTheFirst",
                   "“One thing “another thing,” he said.",
                   {"One thing", "another thing,+"}},
        QuotesCase{"ContinuationParagraphs",
                   "“The ferry is old.\n\n“The crew is tired.\n\n“We need a new boat,” Ivo said.",
                   {"The ferry is old.", "The crew is tired.^", "We need a new boat,+^"}},
        QuotesCase{"NoContinuationAfterAClosedQuote",
                   "“The ferry is old,” Ivo said.\n\n“We need a new boat,” Mara said.",
                   {"The ferry is old,+", "We need a new boat,+"}},
        QuotesCase{"SpacesInsideMarksAreTrimmed",
                   "\"  The ferry is late  \" he said",
                   {"The ferry is late+"}}),
    [](const ::testing::TestParamInfo<QuotesCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(DetectQuotes, SpanIsTheWordsBetweenTheMarks) {
  const std::string text = "Ivo Brandt said: “The ferry is late again.” Then he left.";
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  ASSERT_EQ(quotes.size(), 1U);
  const std::string words = "The ferry is late again.";
  EXPECT_EQ(quotes[0].span.start, text.find(words));
  EXPECT_EQ(quotes[0].span.end, text.find(words) + words.size());
  EXPECT_EQ(quotes[0].words, 5U);
  EXPECT_EQ(quotes[0].para, 0U);
  EXPECT_TRUE(quotes[0].closed);
}

TEST(DetectQuotes, MarksTheTokensInside) {
  const std::string text = "A \"b c\" d";
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  ASSERT_EQ(quotes.size(), 1U);
  ASSERT_EQ(toks.size(), 6U);
  EXPECT_EQ(toks[0].quote, -1);
  EXPECT_EQ(toks[1].quote, 0);  // opening mark
  EXPECT_EQ(toks[2].quote, 0);
  EXPECT_EQ(toks[3].quote, 0);
  EXPECT_EQ(toks[4].quote, 0);  // closing mark
  EXPECT_EQ(toks[5].quote, -1);
  EXPECT_EQ(quotes[0].open, 1U);
  EXPECT_EQ(quotes[0].close, 4U);
}

TEST(DetectQuotes, UnbalancedMarkKeepsTheRestOfTheDocument) {
  // The stray opening mark in the first paragraph must not swallow the quotes after it.
  const std::string text =
      "Ivo Brandt said the “ferry was late.\n\n“We will sail tomorrow,” Mara Quist said.\n\n"
      "“The weather is fine,” Ivo Brandt said.";
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  ASSERT_EQ(quotes.size(), 3U);
  const std::string second = "We will sail tomorrow,";
  const std::string third = "The weather is fine,";
  EXPECT_EQ(quotes[1].span.start, text.find(second));
  EXPECT_EQ(quotes[1].span.end, text.find(second) + second.size());
  EXPECT_EQ(quotes[2].span.start, text.find(third));
  EXPECT_EQ(quotes[2].span.end, text.find(third) + third.size());
  EXPECT_EQ(quotes[2].para, 2U);
}

}  // namespace
}  // namespace quotegraph
