// resolve: mentions as written -> canonical people and organisations (surnames, first
// names, initials, near-miss spellings, pronouns by gender, roles), and handles -> people.
#include "extract/resolve.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/handles.hpp"
#include "extract/lexicon.hpp"
#include "extract/quotes.hpp"
#include "extract/tokenize.hpp"

namespace quotegraph {
namespace data {
std::string_view lexicon_text(std::string_view name);  // generated from data/*.txt
}  // namespace data
namespace {

std::vector<Token> prepared(std::string_view text) {
  std::vector<Token> toks = tokenize(text);
  detect_quotes(text, toks);
  return toks;
}

/// A document ready for resolution; the resolver sees every name run up front.
class Resolved {
 public:
  explicit Resolved(std::string text)
      : text_(std::move(text)),
        toks_(prepared(text_)),
        tv_(text_, toks_, Lexicon::builtin()),
        resolver_(tv_) {}
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;

  /// Token index of the n-th (0-based) token written exactly `word`; fails the test if absent.
  std::uint32_t token(std::string_view word, int n = 0) const {
    for (std::size_t i = 0; i < tv_.size(); ++i) {
      if (tv_.word(i) == word && n-- == 0) return static_cast<std::uint32_t>(i);
    }
    ADD_FAILURE() << "no token " << word;
    return 0;
  }

  /// The canonical name the mention resolves to, or "" for nobody.
  std::string resolve(std::string_view word, int n, std::uint32_t length, MentionKind kind) {
    const std::uint32_t first = token(word, n);
    const std::int32_t e = resolver_.resolve(TokenMention{first, first + length, kind});
    return e < 0 ? std::string{} : entity(e).name;
  }

  const Entity& entity(std::int32_t e) const {
    return resolver_.entities()[static_cast<std::size_t>(e)];
  }
  const Entity* find(std::string_view name) const {
    for (const Entity& e : resolver_.entities()) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  Resolver& resolver() { return resolver_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::vector<Token> toks_;
  TokenView tv_;
  Resolver resolver_;
};

struct ResolveCase {
  const char* name;
  std::string text;
  const char* word;  // first token of the mention
  int occurrence;    // which occurrence of that token
  std::uint32_t length;
  MentionKind kind;
  std::string expected;  // canonical name, "" when nobody fits
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const ResolveCase& c, std::ostream* os) { *os << c.name; }

class Resolve : public ::testing::TestWithParam<ResolveCase> {};

TEST_P(Resolve, MentionToCanonicalName) {
  const ResolveCase& c = GetParam();
  Resolved doc(c.text);
  EXPECT_EQ(doc.resolve(c.word, c.occurrence, c.length, c.kind), c.expected);
}

const ResolveCase kResolveCases[] = {
    {"FullName", "Lena Ortiz opened the hearing.", "Lena", 0, 2, MentionKind::kName, "Lena Ortiz"},
    {"SurnameToFullName", "Lena Ortiz opened the hearing. Ortiz spoke first.", "Ortiz", 1, 1,
     MentionKind::kName, "Lena Ortiz"},
    {"PossessiveSurname", "Lena Ortiz opened the hearing. Ortiz’s plan passed.", "Ortiz’s", 0, 1,
     MentionKind::kName, "Lena Ortiz"},
    {"FirstNameAlone", "Lena Ortiz opened the hearing. Later Lena spoke.", "Lena", 1, 1,
     MentionKind::kName, "Lena Ortiz"},
    {"InitialAndSurname", "Lena Ortiz opened the hearing. L. Ortiz spoke.", "L.", 0, 2,
     MentionKind::kName, "Lena Ortiz"},
    {"TitleIsNotPartOfTheName", "Mayor Lena Ortiz opened the hearing.", "Mayor", 0, 3,
     MentionKind::kName, "Lena Ortiz"},
    {"MisspeltSurnameOneEdit", "Harriet Quellman chaired the panel. Quelman spoke at length.",
     "Quelman", 0, 1, MentionKind::kName, "Harriet Quellman"},
    {"MisspeltSurnameTransposed", "Harriet Quellman chaired the panel. Quellamn spoke at length.",
     "Quellamn", 0, 1, MentionKind::kName, "Harriet Quellman"},
    {"MisspeltSurnameAmbiguousStaysAsWritten",
     "Ann Berg met Tom Burg at the dock. Borg spoke at length.", "Borg", 0, 1, MentionKind::kName,
     "Borg"},
    {"ExactSurnameBeatsANearMiss", "Ann Berg met Tom Borg at the dock. Borg spoke at length.",
     "Borg", 1, 1, MentionKind::kName, "Tom Borg"},
    {"TwoEditsAwayIsSomeoneElse", "Harriet Quellman chaired the panel. Qelmann spoke at length.",
     "Qelmann", 0, 1, MentionKind::kName, "Qelmann"},
    {"SheIsTheWomanAfterAMan", "Lena Ortiz met Tom Hale at noon. She spoke first.", "She", 0, 1,
     MentionKind::kPronoun, "Lena Ortiz"},
    {"HeIsTheManBeforeAWoman", "Tom Hale met Lena Ortiz at noon. He spoke first.", "He", 0, 1,
     MentionKind::kPronoun, "Tom Hale"},
    {"SheIsTheWomanWhoOpensTheSentence",
     "Ruth Amsel met Lena Ortiz and Tom Hale at noon. She spoke first.", "She", 0, 1,
     MentionKind::kPronoun, "Ruth Amsel"},
    {"SheIsTheNearestWomanWhenNoneOpensASentence",
     "At noon, Tom Hale met Ruth Amsel and then Lena Ortiz. She spoke first.", "She", 0, 1,
     MentionKind::kPronoun, "Lena Ortiz"},
    {"HeIsTheSubjectNotTheObject",
     "Tom Hale says Owen Pryce is wrong about the bridge. He says the money is gone.", "He", 0, 1,
     MentionKind::kPronoun, "Tom Hale"},
    {"HeIsWhomTheCueFollows",
     "The bridge will close in June, Tom Hale said after a talk with Owen Pryce. He left early.",
     "He", 0, 1, MentionKind::kPronoun, "Tom Hale"},
    {"GenderFromTitles", "Mrs. Robin Vale met Mr. Casey Dunn at noon. He spoke first.", "He", 0, 1,
     MentionKind::kPronoun, "Casey Dunn"},
    {"GenderFromTitlesFemale", "Mr. Casey Dunn met Mrs. Robin Vale at noon. She spoke first.",
     "She", 0, 1, MentionKind::kPronoun, "Robin Vale"},
    {"PronounWithoutAntecedent", "She spoke first.", "She", 0, 1, MentionKind::kPronoun, ""},
    {"TheyIsNotAPerson", "Tom Hale arrived. They left.", "They", 0, 1, MentionKind::kPronoun, ""},
    {"ItIsTheOrganisation", "The Riverton Gazette reported the fire. It said more.", "It", 0, 1,
     MentionKind::kPronoun, "Riverton Gazette"},
    {"RelativeWho", "Lena Ortiz, who chairs the board, spoke.", "who", 0, 1, MentionKind::kRelative,
     "Lena Ortiz"},
    {"NominalByRole", "Mayor Lena Ortiz opened the fair. Later the mayor spoke.", "the", 1, 2,
     MentionKind::kNominal, "Lena Ortiz"},
    {"AnonymousNominal", "Lena Ortiz left. A source spoke.", "A", 0, 2, MentionKind::kNominal, ""},
    {"Organisation", "The Riverton Gazette reported the fire.", "The", 0, 3, MentionKind::kName,
     "Riverton Gazette"},
    {"PartyWordBeforeAFullName", "The race pits Republican Lena Ortiz against Tom Hale.",
     "Republican", 0, 3, MentionKind::kName, "Lena Ortiz"},
    {"DescribingWordsBeforeAFullName", "Later, Valdoria County Democrat Tom Hale spoke.",
     "Valdoria", 0, 5, MentionKind::kName, "Tom Hale"},
    {"PlaceBasedBeforeAFullName", "The Riverton-based Lena Ortiz spoke.", "Riverton-based", 0, 3,
     MentionKind::kName, "Lena Ortiz"},
    {"OccupationBeforeAFullName", "Comedian Lena Ortiz spoke.", "Comedian", 0, 3,
     MentionKind::kName, "Lena Ortiz"},
    {"PluralTitle", "Sens. Lena Ortiz and Tom Hale spoke.", "Sens.", 0, 3, MentionKind::kName,
     "Lena Ortiz"},
    {"EndOfAnOfTitle", "Secretary of State Lena Ortiz spoke.", "State", 0, 3, MentionKind::kName,
     "Lena Ortiz"},
    {"PossessiveOrganisationBeforeAName", "The Riverton Gazette’s Lena Ortiz wrote.", "The", 0, 5,
     MentionKind::kName, "Lena Ortiz"},
    {"PossessiveBeforeOneWordStaysWhole", "Tom Hale’s Valdoria spoke.", "Tom", 0, 3,
     MentionKind::kName, "Tom Hale’s Valdoria"},
    {"ANameWithAFirstNameInsideStaysWhole", "Ruth Lena Ortiz spoke.", "Ruth", 0, 3,
     MentionKind::kName, "Ruth Lena Ortiz"},
    {"OrganisationIsNotStripped", "The Valdoria Republican Committee met.", "The", 0, 4,
     MentionKind::kName, "Valdoria Republican Committee"},
    {"TitleAndSurnameIsTheFullNameOfTheArticle",
     "Lena Ortiz opened the hearing. Later Sen. Ortiz spoke.", "Sen.", 0, 2, MentionKind::kName,
     "Lena Ortiz"},
    {"SurnameAfterTitleAndSurnameIsTheFullName",
     "Lena Ortiz opened the hearing. Sen. Ortiz left early. Ortiz spoke.", "Ortiz", 2, 1,
     MentionKind::kName, "Lena Ortiz"},
    {"GenderedTitleOfAnotherGenderIsSomebodyElse",
     "Lena Ortiz opened the hearing. Later Mr. Ortiz spoke.", "Mr.", 0, 2, MentionKind::kName,
     "Ortiz"},
    {"TitleAndSurnameOfTwoFullNamesStaysApart",
     "Lena Ortiz and Tom Ortiz opened the hearing. Later Sen. Ortiz spoke.", "Sen.", 0, 2,
     MentionKind::kName, "Ortiz"},
    {"GenderedTitleChoosesBetweenTwoFullNames",
     "Lena Ortiz and Tom Ortiz opened the hearing. Later Mr. Ortiz spoke.", "Mr.", 0, 2,
     MentionKind::kName, "Tom Ortiz"},
    {"TheSenatorIsTheLatestSen", "Sen. Lena Ortiz met Tom Hale. The senator spoke first.", "The", 0,
     2, MentionKind::kNominal, "Lena Ortiz"},
    {"ModifierAndRoleIsTheLatestWithThatRole",
     "The race pits Republican Lena Ortiz against Tom Hale. The Republican nominee spoke.", "The",
     1, 3, MentionKind::kNominal, "Lena Ortiz"},
    {"DescribingWordAloneIsTheLatestItDescribed",
     "The race pits Republican Lena Ortiz against Tom Hale. The Republican spoke first.", "The", 1,
     2, MentionKind::kName, "Lena Ortiz"},
};

INSTANTIATE_TEST_SUITE_P(Resolve, Resolve, ::testing::ValuesIn(kResolveCases),
                         [](const ::testing::TestParamInfo<ResolveCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(Resolve, AliasesAreRecorded) {
  Resolved doc("Harriet Quellman chaired the panel. Quelman spoke. Quellman left.");
  EXPECT_EQ(doc.resolve("Quelman", 0, 1, MentionKind::kName), "Harriet Quellman");
  const Entity* e = doc.find("Harriet Quellman");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"Quellman", "Quelman"}));
  EXPECT_EQ(e->gender, Gender::kFemale);
  EXPECT_EQ(e->kind, EntityKind::kPerson);
}

// Hundreds of people in one article, each with a first name of their own: the names
// (a full name, a first and a last part each) outgrow the table the resolver sizes from
// the runs, and the lists of entities sharing a last name grow long; every surname still
// finds its person.
TEST(Resolve, ManyPeopleInOneArticle) {
  std::vector<std::string> firsts;
  const std::string_view list = data::lexicon_text("first_names");
  for (std::size_t at = 0; at < list.size() && firsts.size() < 400;) {
    std::size_t end = list.find('\n', at);
    if (end == std::string_view::npos) end = list.size();
    std::string_view line = list.substr(at, end - at);
    at = end + 1;
    line = line.substr(0, line.find('\t'));
    if (line.size() < 3 || line.front() < 'a' || line.front() > 'z' ||
        line.find('-') != std::string_view::npos) {
      continue;
    }
    std::string name(line);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    firsts.push_back(name);
  }
  ASSERT_EQ(firsts.size(), 400U);
  std::string text;
  std::vector<std::string> surnames;
  for (std::size_t i = 0; i < firsts.size(); ++i) {
    std::string surname = "Zor";
    surname += static_cast<char>('a' + i / 26 % 26);
    surname += static_cast<char>('a' + i % 26);
    surname += i % 2 == 0 ? "ski" : "wicz";
    surnames.push_back(surname);
    text += firsts[i] + " " + surname + " spoke. ";
  }
  text += "Then " + surnames[7] + " left, and " + surnames[399] + " stayed.";
  Resolved doc(text);
  for (std::size_t i = 0; i < firsts.size(); i += 37) {
    const Entity* e = doc.find(firsts[i] + " " + surnames[i]);
    ASSERT_NE(e, nullptr) << firsts[i] << " " << surnames[i];
    EXPECT_EQ(e->kind, EntityKind::kPerson);
  }
  EXPECT_EQ(doc.resolve(surnames[7], 1, 1, MentionKind::kName), firsts[7] + " " + surnames[7]);
  EXPECT_EQ(doc.resolve(surnames[399], 1, 1, MentionKind::kName),
            firsts[399] + " " + surnames[399]);
}

TEST(Resolve, HeadlineRunIsCutToTheNameTheTextUses) {
  Resolved doc(
      "Lena Ortiz Beats Establishment In Valdoria Primary\n\nLena Ortiz won the primary on "
      "Tuesday, beating the party's choice by nine points.");
  EXPECT_EQ(doc.find("Lena Ortiz Beats Establishment"), nullptr);
  EXPECT_EQ(doc.resolve("Lena", 0, 4, MentionKind::kName), "Lena Ortiz");
}

TEST(Resolve, HeadlineRunWithoutAStartTheTextUsesStaysWhole) {
  // A title-case line listing names, not a headline's words after a name.
  Resolved doc(
      "Supporters: Lena Ortiz Marsh, Tomas Hale Brandt, Owen Pryce Vance\n\nThe committee "
      "met on Tuesday and voted by nine to two.");
  EXPECT_EQ(doc.resolve("Lena", 0, 3, MentionKind::kName), "Lena Ortiz Marsh");
}

TEST(Resolve, NamesInAnOrdinarySentenceAreNotCut) {
  Resolved doc("Lena Ortiz Beats, a cousin of Tom Hale, said nothing. Lena Ortiz Beats left.");
  EXPECT_EQ(doc.resolve("Lena", 1, 3, MentionKind::kName), "Lena Ortiz Beats");
}

TEST(Resolve, FirstNameThatIsACommonWordOnlyAfterAWordOrAClosingQuote) {
  const Resolved named("“We are done,” said May Ortiz after the vote.");
  EXPECT_NE(named.find("May Ortiz"), nullptr);
  const Resolved question("Lena Ortiz met the council. “Will Hale run again?” she asked.");
  EXPECT_EQ(question.find("Will Hale"), nullptr);
}

TEST(Resolve, RolesAreKept) {
  Resolved doc("Green Party leader Lena Ortiz and Mayor Tom Hale met.");
  EXPECT_EQ(doc.resolve("Lena", 0, 2, MentionKind::kName), "Lena Ortiz");
  const Entity* lena = doc.find("Lena Ortiz");
  ASSERT_NE(lena, nullptr);
  EXPECT_EQ(lena->roles, (std::vector<std::string>{"Green Party leader"}));
  const Entity* tom = doc.find("Tom Hale");
  ASSERT_NE(tom, nullptr);
  EXPECT_EQ(tom->roles, (std::vector<std::string>{"Mayor"}));
}

TEST(Resolve, OrganisationKind) {
  Resolved doc("The Riverton Gazette reported the fire.");
  EXPECT_EQ(doc.resolve("The", 0, 3, MentionKind::kName), "Riverton Gazette");
  const Entity* e = doc.find("Riverton Gazette");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, EntityKind::kOrganization);
}

TEST(Resolve, PronounTeachesGenderToAnUnknownName) {
  Resolved doc("Robin Vale arrived. She spoke.");
  const Entity* robin = doc.find("Robin Vale");
  ASSERT_NE(robin, nullptr);
  EXPECT_EQ(robin->gender, Gender::kUnknown);  // "Robin" says nothing
  EXPECT_EQ(doc.resolve("She", 0, 1, MentionKind::kPronoun), "Robin Vale");
  robin = doc.find("Robin Vale");
  ASSERT_NE(robin, nullptr);
  EXPECT_EQ(robin->gender, Gender::kFemale);
}

struct HandleCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;  // the person per handle, "" when unknown
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const HandleCase& c, std::ostream* os) { *os << c.name; }

class LinkHandles : public ::testing::TestWithParam<HandleCase> {};

TEST_P(LinkHandles, HandleToPerson) {
  const HandleCase& c = GetParam();
  Resolved doc(c.text);
  const std::vector<HandleMatch> handles = find_handles(doc.text());
  const std::vector<std::int32_t> linked = doc.resolver().link_handles(handles);
  ASSERT_EQ(linked.size(), handles.size());
  std::vector<std::string> names;
  for (std::int32_t e : linked) names.push_back(e < 0 ? std::string{} : doc.entity(e).name);
  EXPECT_EQ(names, c.expected);
}

const HandleCase kHandleCases[] = {
    {"Concatenation", "Lena Ortiz posted as @lenaortiz on Friday.", {"Lena Ortiz"}},
    {"ConcatenationMixedCase", "Lena Ortiz posted as @LenaOrtiz on Friday.", {"Lena Ortiz"}},
    {"FirstInitialAndSurname", "Lena Ortiz posted as @lortiz on Friday.", {"Lena Ortiz"}},
    {"Surname", "Lena Ortiz posted as @Ortiz on Friday.", {"Lena Ortiz"}},
    {"Initials", "Lena Maria Ortiz posted as @LMO on Friday.", {"Lena Maria Ortiz"}},
    {"HyphenatedInitials", "Alma Ruiz-Ferrer posted as @ARF on Friday.", {"Alma Ruiz-Ferrer"}},
    {"RealPrefix", "Lena Ortiz posted as @RealLenaOrtiz on Friday.", {"Lena Ortiz"}},
    {"TrailingDigits", "Lena Ortiz posted as @lenaortiz2024 on Friday.", {"Lena Ortiz"}},
    {"NameBeforeParenthesis", "Lena Ortiz (@harbourqueen) posted on Friday.", {"Lena Ortiz"}},
    {"Unknown", "Lena Ortiz thanked @ferryfan99 on Friday.", {""}},
    {"SharedSurnameIsAmbiguous", "Ann Berg and Tom Berg thanked @berg.", {""}},
    {"TwoPeople",
     "Lena Ortiz (@lenaortiz) replied to Tom Hale, @tomhale, at once.",
     {"Lena Ortiz", "Tom Hale"}},
    {"EmailIsNotAHandle", "Lena Ortiz wrote from lena@ortiz.example today.", {}},
};

INSTANTIATE_TEST_SUITE_P(Resolve, LinkHandles, ::testing::ValuesIn(kHandleCases),
                         [](const ::testing::TestParamInfo<HandleCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(LinkHandles, SameHandleInTwoSpellingsIsKeptOnce) {
  Resolved doc("Lena Ortiz (@LenaOrtiz) spoke. Later @lenaortiz posted.");
  const std::vector<HandleMatch> handles = find_handles(doc.text());
  doc.resolver().link_handles(handles);
  const Entity* e = doc.find("Lena Ortiz");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->handles, (std::vector<std::string>{"@LenaOrtiz"}));
}

}  // namespace
}  // namespace quotegraph
