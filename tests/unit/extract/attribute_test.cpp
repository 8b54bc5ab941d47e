// attribute: for each quote, the rule that found its speaker, the speaker mention as
// written, the cue and the addressee, one named rule at a time.
#include "extract/attribute.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/quotes.hpp"
#include "extract/tokenize.hpp"

namespace quotegraph {
namespace {

std::string mention_text(const TokenView& tv, const std::optional<TokenMention>& m) {
  if (!m) return "-";
  const Token& a = tv.tok(m->first);
  const Token& b = tv.tok(m->last - 1);
  return std::string(tv.text().substr(a.start, b.end - a.start));
}

// Each quote as "rule|speaker|cue|addressee"; a speaker taken from another quote is
// written "=qN"; a quote nobody says is "rule|drop".
std::vector<std::string> describe(std::string_view text) {
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  const TokenView tv(text, toks, Lexicon::builtin());
  std::vector<std::string> out;
  for (const Attribution& a : attribute(tv, quotes)) {
    if (!a.keep) {
      out.push_back(a.rule + "|drop");
      continue;
    }
    std::string speaker =
        a.inherits >= 0 ? "=q" + std::to_string(a.inherits) : mention_text(tv, a.speaker);
    out.push_back(a.rule + "|" + speaker + "|" + (a.cue_text.empty() ? "-" : a.cue_text) + "|" +
                  mention_text(tv, a.addressee));
  }
  return out;
}

struct AttributeCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const AttributeCase& c, std::ostream* os) { *os << c.name; }

class Attribute : public ::testing::TestWithParam<AttributeCase> {};

TEST_P(Attribute, FindsSpeakerAndCue) { EXPECT_EQ(describe(GetParam().text), GetParam().expected); }

const AttributeCase kAttributeCases[] = {
    {"TrailingCue",
     "“We will rebuild the old bridge,” Lena Ortiz said.",
     {"trailing-cue|Lena Ortiz|said|-"}},
    {"TrailingCueStraightQuotes",
     "\"We will rebuild the old bridge,\" Lena Ortiz said on Monday.",
     {"trailing-cue|Lena Ortiz|said|-"}},
    {"TrailingPronoun", "“We will rebuild the old bridge,” she said.", {"trailing-cue|she|said|-"}},
    {"TrailingNominal",
     "“The lake is safe for swimming again,” a city spokeswoman said.",
     {"trailing-cue|a city spokeswoman|said|-"}},
    {"TrailingOverAppositive",
     "“The canal was never finished,” Ruth Amsel, a historian at the university, said.",
     {"trailing-cue|Ruth Amsel|said|-"}},
    {"TrailingTweeted",
     "“Vote early and bring a friend,” Owen Pryce tweeted on Sunday.",
     {"trailing-cue|Owen Pryce|tweeted|-"}},
    {"TrailingFumed",
     "“If they were serious, they would act,” Lena Ortiz fumed on Tuesday.",
     {"trailing-cue|Lena Ortiz|fumed|-"}},
    {"WeakCueBlastedWithAPartialQuote",
     "Tom Hale blasted the plan as “a fraud on taxpayers.”",
     {"leading-cue|Tom Hale|blasted|-"}},
    {"ParticipleAfterAFrontedPhrase",
     "Amid the protests, Lena Ortiz dismissed the plan, saying “it was doomed from the start.”",
     {"participle-before|Lena Ortiz|saying|-"}},
    {"InvertedCueWithTitle",
     "“The budget is balanced at last,” said Mayor Lena Ortiz.",
     {"inverted-cue|Mayor Lena Ortiz|said|-"}},
    {"InvertedCueOverARoleToTheName",
     "“The levy is a tax on bread,” said Republican strategist Ryan Williams.",
     {"inverted-cue|Ryan Williams|said|-"}},
    {"InvertedCueOverTwoRoleWordsToTheName",
     "“It was never meant to be,” said Valdoria Harbor Authority press secretary Tom Hale.",
     {"inverted-cue|Tom Hale|said|-"}},
    {"InvertedCueOverAPossessiveAndARole",
     "“We are confident,” said Ortiz’s campaign manager Tom Hale.",
     {"inverted-cue|Tom Hale|said|-"}},
    {"InvertedCueOverAnOrganisationOfCommonWordsToATitledName",
     "“The email makes it plain,” said Harbor Watch President Tom Hale.",
     {"inverted-cue|President Tom Hale|said|-"}},
    {"InvertedCueOverARoleWithOf",
     "“We were never told,” said Valdoria’s former secretary of state Lena Ortiz.",
     {"inverted-cue|Lena Ortiz|said|-"}},
    {"InvertedCueOverADescribingWordBeforeTheName",
     "“This is a disgrace,” said Oversight ranking Democrat Tom Hale.",
     {"inverted-cue|Democrat Tom Hale|said|-"}},
    {"InvertedCueWithoutARoleKeepsTheName",
     "“We are confident,” said Lena Ortiz after the vote.",
     {"inverted-cue|Lena Ortiz|said|-"}},
    {"AnonymousSourceWithAPlaceIsNotAName",
     "“We are not ready for this,” said a Valdoria Republican.",
     {"inverted-cue|a Valdoria Republican|said|-"}},
    {"TheModifierAndARoleIsADescription",
     "Lena Ortiz opened her campaign. The Valdoria senator told reporters that she had “a lot of "
     "delegates” already.",
     {"leading-cue|The Valdoria senator|told|-"}},
    {"InvertedAccordingTo",
     "“The bridge will reopen in June,” according to Lena Ortiz.",
     {"inverted-cue|Lena Ortiz|according to|-"}},
    {"LeadingCueWithColon",
     "Tom Hale said: “The plant will close in May.”",
     {"leading-cue|Tom Hale|said|-"}},
    {"LeadingCueWithComma",
     "Tom Hale told reporters, “The plant will close in May.”",
     {"leading-cue|Tom Hale|told|-"}},
    {"LeadingPronoun",
     "Later she wrote, “The plant will close in May.”",
     {"leading-cue|she|wrote|-"}},
    {"AppositiveRelativeClauseAndParticiple",
     "Ruth Amsel, a historian who studies canals, responded on Tuesday, writing, “The map "
     "is wrong about the river.”",
     {"participle-before|Ruth Amsel|writing|-"}},
    {"ParticipleAfter",
     "Ruth Amsel defended the old map, “It was drawn by hand in 1820,” adding that it was "
     "accurate.",
     {"participle-after|Ruth Amsel|adding|-"}},
    {"ColonIntroOverTwoParagraphs",
     "Lena Ortiz said in a statement:\n\n“Nobody should swim in the lake this summer.\n\n"
     "“The tests will continue until the autumn.”",
     {"colon-intro|Lena Ortiz|said:|-", "continuation|=q0|said:|-"}},
    {"InterruptedBySaid",
     "“The ferry will keep running,” Ivo Brandt said, “but not on Sundays or holidays.”",
     {"trailing-cue|Ivo Brandt|said|-", "leading-cue|Ivo Brandt|said|-"}},
    {"SameParagraph",
     "“The water is clean now and the fish are back,” Lena Ortiz said. “We tested it at "
     "four different sites.”",
     {"trailing-cue|Lena Ortiz|said|-", "same-paragraph|=q0|said|-"}},
    {"ContinuationOpeningMarkRepeated",
     "“The water is clean now and the fish are back,” Lena Ortiz said. “We tested it at "
     "four different sites.\n\n“The results will all be public on Friday.”",
     {"trailing-cue|Lena Ortiz|said|-", "same-paragraph|=q0|said|-", "continuation|=q1|said|-"}},
    {"PreviousParagraph",
     "“The water is clean now and the fish are back,” Lena Ortiz said.\n\n“We tested it at "
     "four different sites last week.”",
     {"trailing-cue|Lena Ortiz|said|-", "previous-paragraph|=q0|said|-"}},
    {"RepliedToNamesTheAddressee",
     "“Those numbers are simply wrong,” Lena Ortiz replied to Tom Hale.",
     {"trailing-cue|Lena Ortiz|replied|Tom Hale"}},
    {"RespondedToBeforeParticiple",
     "Lena Ortiz responded to Tom Hale on Friday, writing, “The numbers speak for "
     "themselves.”",
     {"participle-before|Lena Ortiz|writing|Tom Hale"}},
    {"ToldNamesTheAddressee",
     "“We are ready for the storm,” Lena Ortiz told Tom Hale.",
     {"trailing-cue|Lena Ortiz|told|Tom Hale"}},
    {"ScareQuoteIsDropped",
     "The rally was about the “Green New Deal.” Hundreds came.",
     {"scare-quote|drop"}},
    {"TitleIsDropped", "She has read “The Long Winter Of The North” twice.", {"title|drop"}},
    {"UnattributedKeptWithoutSpeaker",
     "“Nobody here remembers a flood this bad in many years.”",
     {"unattributed|-|-|-"}},
};

INSTANTIATE_TEST_SUITE_P(Attribute, Attribute, ::testing::ValuesIn(kAttributeCases),
                         [](const ::testing::TestParamInfo<AttributeCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(Attribute, ReplyFlagAndCueIndex) {
  const std::string text = "“Those numbers are simply wrong,” Lena Ortiz replied to Tom Hale.";
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  const TokenView tv(text, toks, Lexicon::builtin());
  const std::vector<Attribution> attrs = attribute(tv, quotes);
  ASSERT_EQ(attrs.size(), 1U);
  EXPECT_TRUE(attrs[0].reply);
  ASSERT_GE(attrs[0].cue, 0);
  EXPECT_EQ(tv.word(static_cast<std::size_t>(attrs[0].cue)), "replied");
  ASSERT_TRUE(attrs[0].speaker.has_value());
  EXPECT_EQ(attrs[0].speaker->kind, MentionKind::kName);
  EXPECT_GT(attrs[0].confidence, 0.5);
}

TEST(Attribute, NoQuotesNoAttributions) {
  const std::string text = "Lena Ortiz said nothing at all.";
  std::vector<Token> toks = tokenize(text);
  const std::vector<Quote> quotes = detect_quotes(text, toks);
  const TokenView tv(text, toks, Lexicon::builtin());
  EXPECT_TRUE(attribute(tv, quotes).empty());
}

TEST(TokenView, CueAtRejectsNounsAndCapitalisedNames) {
  const std::string text = "The Said family issued a statement and she said no.";
  const std::vector<Token> toks = tokenize(text);
  const TokenView tv(text, toks, Lexicon::builtin());
  ASSERT_EQ(tv.word(1), "Said");
  EXPECT_EQ(tv.cue_at(1), nullptr);  // a name, not a verb
  ASSERT_EQ(tv.word(5), "statement");
  EXPECT_EQ(tv.cue_at(5), nullptr);
  ASSERT_EQ(tv.word(8), "said");
  EXPECT_NE(tv.cue_at(8), nullptr);
}

TEST(TokenView, NameWordsAndPronouns) {
  const std::string text = "But Kelly and Reluctantly she Monday";
  const std::vector<Token> toks = tokenize(text);
  const TokenView tv(text, toks, Lexicon::builtin());
  EXPECT_FALSE(tv.name_word(0));  // But
  EXPECT_TRUE(tv.name_word(1));   // Kelly
  EXPECT_FALSE(tv.name_word(2));  // and
  EXPECT_FALSE(tv.name_word(3));  // Reluctantly
  EXPECT_TRUE(tv.is_pronoun(4));
  EXPECT_FALSE(tv.name_word(5));  // Monday
  EXPECT_EQ(tv.lower(1), "kelly");
}

}  // namespace
}  // namespace quotegraph
