// extract: the whole pipeline on short fictional passages, checked the way a careful
// reader would: each quoted stretch, who said it (canonical name and the mention as
// written), the cue, the addressee, handles, people and interactions.
#include "extract/extract.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph {
namespace {

Extraction run(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  return extract(doc);
}

// Each statement as "text|speaker|cue|speaker mention|addressee" ("-" for none).
std::vector<std::string> describe(const Extraction& ex) {
  std::vector<std::string> out;
  for (const Statement& s : ex.statements) {
    out.push_back(s.text + "|" + s.speaker.value_or("-") + "|" + (s.cue.empty() ? "-" : s.cue) +
                  "|" + (s.speaker_mention ? s.speaker_mention->text : "-") + "|" +
                  s.addressee.value_or("-"));
  }
  return out;
}

struct ExtractCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const ExtractCase& c, std::ostream* os) { *os << c.name; }

class Extract : public ::testing::TestWithParam<ExtractCase> {};

TEST_P(Extract, Statements) {
  const ExtractCase& c = GetParam();
  const Extraction ex = run(c.text);
  EXPECT_EQ(describe(ex), c.expected);
  // Every span is the statement text itself, at the place it was written.
  for (const Statement& s : ex.statements) {
    ASSERT_LE(s.span.end, c.text.size());
    EXPECT_EQ(c.text.substr(s.span.start, s.span.size()), s.text);
    if (s.speaker_mention) {
      EXPECT_EQ(c.text.substr(s.speaker_mention->span.start, s.speaker_mention->span.size()),
                s.speaker_mention->text);
    }
  }
}

const ExtractCase kExtractCases[] = {
    {"StraightQuotes",
     "\"We will rebuild the old bridge,\" Lena Ortiz said.",
     {"We will rebuild the old bridge,|Lena Ortiz|said|Lena Ortiz|-"}},
    {"CurlyQuotes",
     "“We will rebuild the old bridge,” Lena Ortiz said.",
     {"We will rebuild the old bridge,|Lena Ortiz|said|Lena Ortiz|-"}},
    {"Guillemets",
     "« Nous reconstruirons le vieux pont », said Lena Ortiz.",
     {"Nous reconstruirons le vieux pont|Lena Ortiz|said|Lena Ortiz|-"}},
    {"NestedSingleQuotes",
     "“The engineer told me ‘never again’ after the flood,” Lena Ortiz said.",
     {"The engineer told me ‘never again’ after the flood,|Lena Ortiz|said|Lena Ortiz|-"}},
    {"ApostrophesInsideAQuote",
     "“It’s not the ’90s and Clinton’s old plan won’t return,” Lena Ortiz said.",
     {"It’s not the ’90s and Clinton’s old plan won’t return,|Lena Ortiz|said|Lena Ortiz|-"}},
    {"ApostrophesOutsideQuotes",
     "Lena Ortiz’s plan isn’t the ’80s plan, and Tom Hale’s aides don’t like it.",
     {}},
    {"InchMarkBeforeAQuote",
     "The 6'2\" centre Tom Hale said \"we will win the cup this year\" after practice.",
     {"we will win the cup this year|Tom Hale|said|Tom Hale|-"}},
    {"InvertedWithTitle",
     "“The budget is balanced at last,” said Mayor Lena Ortiz.",
     {"The budget is balanced at last,|Lena Ortiz|said|Mayor Lena Ortiz|-"}},
    {"LeadingWithColon",
     "Tom Hale said: “The plant will close in May.”",
     {"The plant will close in May.|Tom Hale|said|Tom Hale|-"}},
    {"AccordingTo",
     "“The bridge will reopen in June,” according to Lena Ortiz.",
     {"The bridge will reopen in June,|Lena Ortiz|according to|Lena Ortiz|-"}},
    {"InterruptedBySheSaid",
     "Lena Ortiz spoke at the dock. “The ferry will keep running,” she said, “but not on "
     "Sundays or holidays.”",
     {"The ferry will keep running,|Lena Ortiz|said|she|-",
      "but not on Sundays or holidays.|Lena Ortiz|said|she|-"}},
    {"PronounsByGender",
     "Tom Hale met Lena Ortiz at the dock. “The ferry must keep running all winter,” she "
     "said. “We cannot afford that at all,” he replied.",
     {"The ferry must keep running all winter,|Lena Ortiz|said|she|-",
      "We cannot afford that at all,|Tom Hale|replied|he|-"}},
    {"SurnameToFullName",
     "Lena Ortiz visited the dock on Monday. “The ferry must keep running all winter,” Ortiz "
     "said.",
     {"The ferry must keep running all winter,|Lena Ortiz|said|Ortiz|-"}},
    {"MisspeltSurname",
     "Harriet Quellman chaired the panel. “The report is late and incomplete,” Quelman said.",
     {"The report is late and incomplete,|Harriet Quellman|said|Quelman|-"}},
    {"MisspeltSurnameAmbiguous",
     "Ann Berg met Tom Burg at the dock. “The report is late and incomplete,” Borg said.",
     {"The report is late and incomplete,|Borg|said|Borg|-"}},
    {"ColonBlockQuoteOverTwoParagraphs",
     "Lena Ortiz said in a statement:\n\n“Nobody should swim in the lake this summer.\n\n"
     "“The tests will continue until the autumn.”",
     {"Nobody should swim in the lake this summer.|Lena Ortiz|said:|Lena Ortiz|-",
      "The tests will continue until the autumn.|Lena Ortiz|said:|Lena Ortiz|-"}},
    {"ContinuationAfterASaid",
     "“The ferry is old and the engine fails every week,” Lena Ortiz said. “We need a new "
     "boat soon.\n\n“The winter storms are coming and we are not ready.”",
     {"The ferry is old and the engine fails every week,|Lena Ortiz|said|Lena Ortiz|-",
      "We need a new boat soon.|Lena Ortiz|said|Lena Ortiz|-",
      "The winter storms are coming and we are not ready.|Lena Ortiz|said|Lena Ortiz|-"}},
    {"AppositiveRelativeClauseRespondedWriting",
     "Tom Hale posted the old map. Ruth Amsel, a historian who studies canals, responded to "
     "Hale on Tuesday, writing, “The map is wrong about the river.”",
     {"The map is wrong about the river.|Ruth Amsel|writing|Ruth Amsel|Tom Hale"}},
    {"RepliedTo",
     "“Those numbers are simply wrong,” Lena Ortiz replied to Tom Hale.",
     {"Those numbers are simply wrong,|Lena Ortiz|replied|Lena Ortiz|Tom Hale"}},
    {"ToldSomeone",
     "“We are ready for the storm,” Lena Ortiz told Tom Hale.",
     {"We are ready for the storm,|Lena Ortiz|told|Lena Ortiz|Tom Hale"}},
    {"AnonymousSource",
     "“The mayor knew about the leak for months,” a city official said.",
     {"The mayor knew about the leak for months,|-|said|a city official|-"}},
    {"ScareQuoteIsNotAStatement",
     "Lena Ortiz backs the “Green New Deal.” She spoke for an hour.",
     {}},
    {"TitleIsNotAStatement", "Tom Hale has read “The Long Winter Of The North” twice.", {}},
    {"UnattributedKeptWithoutSpeaker",
     "“Nobody here remembers a flood this bad in many years.”",
     {"Nobody here remembers a flood this bad in many years.|-|-|-|-"}},
    {"InvertedRoleNominalResolvesToThePerson",
     "Mayor Lena Ortiz opened the fair. “The ferry will run all summer,” said the mayor.",
     {"The ferry will run all summer,|Lena Ortiz|said|the mayor|-"}},
    {"QuestionWithAsked",
     "“Where is the ferry we were promised?” asked Tom Hale.",
     {"Where is the ferry we were promised?|Tom Hale|asked|Tom Hale|-"}},
    {"ApostropheInTheSpeakerName",
     "“The harbour needs dredging this year,” Sean O’Brien said.",
     {"The harbour needs dredging this year,|Sean O’Brien|said|Sean O’Brien|-"}},
    {"HyphenatedSpeakerName",
     "“The harbour needs dredging this year,” Alma Ruiz-Ferrer said.",
     {"The harbour needs dredging this year,|Alma Ruiz-Ferrer|said|Alma Ruiz-Ferrer|-"}},
    {"LeadingAccordingTo",
     "According to Lena Ortiz, “the bridge will reopen early in June.”",
     {"the bridge will reopen early in June.|Lena Ortiz|According to|Lena Ortiz|-"}},
    {"PartialQuoteAfterSaid",
     "Lena Ortiz said the ferry was “a floating museum that barely floats.”",
     {"a floating museum that barely floats.|Lena Ortiz|said|Lena Ortiz|-"}},
    {"ColonIntroClosedParagraphs",
     "Lena Ortiz wrote on Friday:\n\n“Nobody should swim in the lake this summer.”\n\n"
     "“The tests will continue until the autumn.”",
     {"Nobody should swim in the lake this summer.|Lena Ortiz|wrote:|Lena Ortiz|-",
      "The tests will continue until the autumn.|Lena Ortiz|wrote:|Lena Ortiz|-"}},
    {"RespondedTo",
     "“Those numbers are simply wrong,” Lena Ortiz responded to Tom Hale.",
     {"Those numbers are simply wrong,|Lena Ortiz|responded|Lena Ortiz|Tom Hale"}},
    {"PronounNotTakenFromInsideAQuote",
     "Tom Hale spoke after Lena Ortiz. “Ruth Amsel was right about the river,” he said.",
     {"Ruth Amsel was right about the river,|Tom Hale|said|he|-"}},
    {"WithYouUnknownHandle",
     "“We stand with you, @ferryfan, all the way,” Lena Ortiz wrote.",
     {"We stand with you, @ferryfan, all the way,|Lena Ortiz|wrote|Lena Ortiz|@ferryfan"}},
    {"HandleInProseIsNotTheAddressee",
     "Lena Ortiz joined the call. “Great to talk to @lenaortiz about the ferry today,” Tom "
     "Hale tweeted.",
     {"Great to talk to @lenaortiz about the ferry today,|Tom Hale|tweeted|Tom Hale|-"}},
    {"TitleAfterSaidIsNotAStatement",
     "Tom Hale said he had read “The Long Winter Of The North” twice.",
     {}},
    {"ScareQuoteAfterSaidIsNotAStatement",
     "Lena Ortiz said the “Green New Deal” was popular on the island.",
     {}},
    {"NoQuotes", "Lena Ortiz opened the new bridge on Monday.", {}},
    {"OrganisationKeepsItsArticle",
     "“The fire started in the kitchen,” The Riverton Gazette reported.",
     {"The fire started in the kitchen,|The Riverton Gazette|reported|The Riverton Gazette|-"}},
    {"RepliedToAHandle",
     "Tom Hale posted the figures. “Those numbers are simply wrong,” Lena Ortiz replied to "
     "@tomhale.",
     {"Those numbers are simply wrong,|Lena Ortiz|replied|Lena Ortiz|Tom Hale"}},
    {"ContinuationAttributedOnlyInTheLastParagraph",
     "“The ferry is old and the engine fails every week.\n\n"
     "“We need a new boat before the winter storms,” Lena Ortiz said.",
     {"The ferry is old and the engine fails every week.|Lena Ortiz|said|Lena Ortiz|-",
      "We need a new boat before the winter storms,|Lena Ortiz|said|Lena Ortiz|-"}},
    {"AnonymousSourcesOfOnePlaceAreNotOnePerson",
     "“We are not ready,” said a Valdoria Republican. “It is over,” said another Valdoria "
     "Republican.",
     {"We are not ready,|-|said|a Valdoria Republican|-",
      "It is over,|-|said|another Valdoria Republican|-"}},
    {"TheModifierAndRoleOpeningASentence",
     "Sen. Lena Ortiz opened the fair. The Valdoria senator is telling reporters in Riverton "
     "that she is looking ahead because she will have “a lot of delegates” next week.",
     {"a lot of delegates|Lena Ortiz|telling|The Valdoria senator|-"}},
    {"InvertedCueOverAnOrganisationAndARole",
     "“The levy is a tax on bread,” said Valdoria Harbor Authority spokesman Tom Hale.",
     {"The levy is a tax on bread,|Tom Hale|said|Tom Hale|-"}},
    {"FirstNameThatIsACommonWord",
     "“The model is expensive,” said Will Doyle, a professor. “We are done,” said May Ortiz.",
     {"The model is expensive,|Will Doyle|said|Will Doyle|-",
      "We are done,|May Ortiz|said|May Ortiz|-"}},
    {"ModalOpeningAQuestionIsNoName",
     "Lena Ortiz met the council. “Will Tom Hale run again?” she asked.",
     {"Will Tom Hale run again?|Lena Ortiz|asked|she|-"}},
    {"Empty", "", {}},
    {"OnlyMarks", "\" “ ” « » „", {}},
};

INSTANTIATE_TEST_SUITE_P(Extract, Extract, ::testing::ValuesIn(kExtractCases),
                         [](const ::testing::TestParamInfo<ExtractCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

// Cases a careful reader expects that the pipeline does not yet meet (see the report).
const ExtractCase kKnownGaps[] = {
    {"ContinuationAttributedInTheLastParagraph",
     "Lena Ortiz spoke at the dock.\n\n“The ferry is old and the engine fails every week.\n\n"
     "“We need a new boat before the winter storms,” she said.",
     {"The ferry is old and the engine fails every week.|Lena Ortiz|said|she|-",
      "We need a new boat before the winter storms,|Lena Ortiz|said|she|-"}},
};

class ExtractKnownGap : public ::testing::TestWithParam<ExtractCase> {};

TEST_P(ExtractKnownGap, Statements) {
  GTEST_SKIP() << "known gap: " << GetParam().text;
  EXPECT_EQ(describe(run(GetParam().text)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Extract, ExtractKnownGap, ::testing::ValuesIn(kKnownGaps),
                         [](const ::testing::TestParamInfo<ExtractCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(Extract, ByteOffsetsAreExact) {
  const std::string text =
      "Zoë Müller opened the café. “Ça coûte trop cher,” Müller said.\n\n"
      "Tom Hale said: “The price is fair.”";
  const Extraction ex = run(text);
  ASSERT_EQ(ex.statements.size(), 2U);
  const std::string first = "Ça coûte trop cher,";
  const std::string second = "The price is fair.";
  EXPECT_EQ(ex.statements[0].span.start, text.find(first));
  EXPECT_EQ(ex.statements[0].span.end, text.find(first) + first.size());
  EXPECT_EQ(ex.statements[1].span.start, text.find(second));
  EXPECT_EQ(ex.statements[1].span.end, text.find(second) + second.size());
  ASSERT_TRUE(ex.statements[0].speaker_mention.has_value());
  EXPECT_EQ(ex.statements[0].speaker_mention->span.start, text.find("Müller said"));
  EXPECT_EQ(ex.statements[0].speaker_mention->span.end,
            text.find("Müller said") + std::string("Müller").size());
  EXPECT_EQ(ex.statements[0].speaker, "Zoë Müller");
  ASSERT_TRUE(ex.statements[1].speaker_mention.has_value());
  EXPECT_EQ(ex.statements[1].speaker_mention->span.start, text.find("Tom Hale said"));
}

TEST(Extract, ReplyMakesAnInteraction) {
  const Extraction ex = run("“Those numbers are simply wrong,” Lena Ortiz replied to Tom Hale.");
  EXPECT_EQ(ex.interactions, (std::vector<Interaction>{{"replied_to", "Lena Ortiz", "Tom Hale"}}));
}

TEST(Extract, RespondedToThenWritingMakesAnInteraction) {
  const Extraction ex =
      run("Tom Hale posted the old map. Ruth Amsel, a historian who studies canals, responded to "
          "Hale on Tuesday, writing, “The map is wrong about the river.”");
  EXPECT_EQ(ex.interactions, (std::vector<Interaction>{{"replied_to", "Ruth Amsel", "Tom Hale"}}));
}

TEST(Extract, ToldIsNotAReply) {
  const Extraction ex = run("“We are ready for the storm,” Lena Ortiz told Tom Hale.");
  EXPECT_TRUE(ex.interactions.empty());
}

TEST(Extract, WithYouHandleIsTheAddressee) {
  const Extraction ex =
      run("Lena Ortiz posted her ferry plan. “I stand with you, @lenaortiz, on the ferry plan,” "
          "Tom Hale wrote.");
  ASSERT_EQ(ex.statements.size(), 1U);
  const Statement& s = ex.statements[0];
  EXPECT_EQ(s.speaker, "Tom Hale");
  EXPECT_EQ(s.cue, "wrote");
  EXPECT_EQ(s.addressee, "Lena Ortiz");
  EXPECT_EQ(s.mentions, (std::vector<std::string>{"@lenaortiz"}));
  ASSERT_EQ(ex.handles.size(), 1U);
  EXPECT_EQ(ex.handles[0].handle, "@lenaortiz");
  EXPECT_EQ(ex.handles[0].person, "Lena Ortiz");
}

TEST(Extract, HandlesOnceEachFirstSpellingKept) {
  const Extraction ex =
      run("Lena Ortiz (@LenaOrtiz) spoke first. “Thanks to @lenaortiz and @FerryFan for the "
          "support,” Tom Hale said. Later @LENAORTIZ and @ferryfan replied.");
  ASSERT_EQ(ex.handles.size(), 2U);
  EXPECT_EQ(ex.handles[0].handle, "@LenaOrtiz");
  EXPECT_EQ(ex.handles[0].person, "Lena Ortiz");
  EXPECT_EQ(ex.handles[1].handle, "@FerryFan");
  EXPECT_EQ(ex.handles[1].person, std::nullopt);
  ASSERT_EQ(ex.statements.size(), 1U);
  EXPECT_EQ(ex.statements[0].mentions, (std::vector<std::string>{"@lenaortiz", "@FerryFan"}));
}

TEST(Extract, ThousandsOfHandlesOnceEachAndStillLinked) {
  // A list of handles as long as a follow list: each once, in order, first spelling
  // kept, and a quote spoken by one of them still goes to the person it links to.
  std::string text = "Lena Ortiz (@LenaOrtiz) spoke first. Also there:";
  constexpr int kHandles = 3000;
  for (int i = 0; i < kHandles; ++i) text += " @Fan" + std::to_string(i);
  for (int i = 0; i < kHandles; ++i) text += " @FAN" + std::to_string(i);
  text += ".\n\n“Thanks, everyone,” @lenaortiz wrote.";
  const Extraction ex = run(text);
  ASSERT_EQ(ex.handles.size(), std::size_t{kHandles} + 1);
  EXPECT_EQ(ex.handles[0].handle, "@LenaOrtiz");
  EXPECT_EQ(ex.handles[0].person, "Lena Ortiz");
  EXPECT_EQ(ex.handles[1].handle, "@Fan0");
  EXPECT_EQ(ex.handles[kHandles].handle, "@Fan" + std::to_string(kHandles - 1));
  ASSERT_EQ(ex.statements.size(), 1U);
  EXPECT_EQ(ex.statements[0].speaker, "Lena Ortiz");
}

TEST(Extract, PronounAfterThousandsOfQuotedNames) {
  // Names inside quotes are passed over: "she" is Anna Smith however many came since, and
  // a pronoun costs the same whatever their number.
  std::string text = "Anna Smith arrived first.";
  for (int i = 0; i < 2000; ++i) text += " “Thanks to Person" + std::to_string(i) + ",” she said.";
  const Extraction ex = run(text);
  ASSERT_EQ(ex.statements.size(), 2000U);
  EXPECT_EQ(ex.statements.front().speaker, "Anna Smith");
  EXPECT_EQ(ex.statements.back().speaker, "Anna Smith");
}

TEST(Extract, HandleLinkedBySurnameAndInitials) {
  const Extraction ex =
      run("Lena Maria Ortiz and Tom Hale met. “The plan is ready for the council,” Tom Hale said, "
          "tagging @LMO and @hale.");
  ASSERT_EQ(ex.handles.size(), 2U);
  EXPECT_EQ(ex.handles[0].person, "Lena Maria Ortiz");
  EXPECT_EQ(ex.handles[1].person, "Tom Hale");
}

TEST(Extract, PeopleNamedInsideAStatementAreMentions) {
  const Extraction ex =
      run("Tom Hale arrived late. “Tom Hale never read the report,” Lena Ortiz said.");
  ASSERT_EQ(ex.statements.size(), 1U);
  EXPECT_EQ(ex.statements[0].speaker, "Lena Ortiz");
  EXPECT_EQ(ex.statements[0].mentions, (std::vector<std::string>{"Tom Hale"}));
}

TEST(Extract, PeopleCarryAliasesHandlesAndRoles) {
  const Extraction ex =
      run("Green Party leader Lena Ortiz (@lenaortiz) visited the dock. “The ferry must keep "
          "running,” Ortiz said. “It is the only link to the island,” Ortis added.");
  ASSERT_EQ(ex.statements.size(), 2U);
  EXPECT_EQ(ex.statements[1].speaker, "Lena Ortiz");
  const Person* lena = nullptr;
  for (const Person& p : ex.people) {
    if (p.name == "Lena Ortiz") lena = &p;
  }
  ASSERT_NE(lena, nullptr);
  EXPECT_EQ(lena->kind, EntityKind::kPerson);
  EXPECT_EQ(lena->aliases, (std::vector<std::string>{"Ortiz", "Ortis"}));
  EXPECT_EQ(lena->handles, (std::vector<std::string>{"@lenaortiz"}));
  EXPECT_EQ(lena->roles, (std::vector<std::string>{"Green Party leader"}));
}

TEST(Extract, DocumentFieldsAreCopied) {
  Document doc;
  doc.id = "a1";
  doc.title = "Ferry";
  doc.date = "2024-05-01";
  doc.url = "https://example.org/a1";
  doc.publisher = "Riverton Gazette";
  const Extraction ex = extract(doc);
  EXPECT_EQ(ex.doc, "a1");
  EXPECT_EQ(ex.title, "Ferry");
  EXPECT_EQ(ex.date, "2024-05-01");
  EXPECT_EQ(ex.url, "https://example.org/a1");
  EXPECT_EQ(ex.publisher, "Riverton Gazette");
  EXPECT_TRUE(ex.statements.empty());
  EXPECT_TRUE(ex.people.empty());
  EXPECT_TRUE(ex.handles.empty());
  EXPECT_TRUE(ex.interactions.empty());
}

TEST(Extract, BinaryGarbageGivesNoStatements) {
  std::string text;
  for (int round = 0; round < 4; ++round) {
    for (int b = 0; b < 256; ++b) text += static_cast<char>(b);
  }
  const Extraction ex = run(text);
  EXPECT_TRUE(ex.statements.empty());
}

TEST(Extract, InvalidUtf8DoesNotLoseTheQuote) {
  const std::string text =
      "Lena Ortiz \xFF\xFE spoke. “The ferry must keep running,” she said \xC3";
  const Extraction ex = run(text);
  ASSERT_EQ(ex.statements.size(), 1U);
  EXPECT_EQ(ex.statements[0].text, "The ferry must keep running,");
  EXPECT_EQ(ex.statements[0].speaker, "Lena Ortiz");
}

TEST(Extract, UnbalancedMarkDoesNotLoseTheRestOfTheDocument) {
  const std::string text =
      "Lena Ortiz said the “ferry was late.\n\n“We will sail tomorrow at dawn,” Tom Hale "
      "said.\n\n“The weather is fine for sailing,” Lena Ortiz said.";
  const Extraction ex = run(text);
  ASSERT_GE(ex.statements.size(), 2U);
  const Statement& a = ex.statements[ex.statements.size() - 2];
  const Statement& b = ex.statements.back();
  EXPECT_EQ(a.text, "We will sail tomorrow at dawn,");
  EXPECT_EQ(a.speaker, "Tom Hale");
  EXPECT_EQ(b.text, "The weather is fine for sailing,");
  EXPECT_EQ(b.speaker, "Lena Ortiz");
}

}  // namespace
}  // namespace quotegraph
