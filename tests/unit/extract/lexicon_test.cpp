// lexicon: the word lists read from their data-file text, and the built-in lists.
#include "extract/lexicon.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

namespace quotegraph {
namespace {

Lexicon small() {
  return Lexicon::from_text(
      /*cues=*/"# cue words\nsaid\nreplied\treply\n\ncalled\tweak\nwriting\nsing\r\n",
      /*first_names=*/"lena\tf\ntom\tm\nrobin\tu\nsasha\n",
      /*titles=*/"mayor\tu\nmrs.\tf\nsen.\tu\n",
      /*pronouns=*/"she\tf\nhe\tm\nthey\tp\nit\tn\nwho\tu\n",
      /*speaker_nouns=*/"# heads\nspokeswoman\nsource\n",
      /*not_names=*/"the\nmonday\n");
}

TEST(Lexicon, CuesWithFlags) {
  const Lexicon lex = small();
  const CueInfo* said = lex.cue("said");
  ASSERT_NE(said, nullptr);
  EXPECT_FALSE(said->reply);
  EXPECT_FALSE(said->weak);
  EXPECT_FALSE(said->participle);
  const CueInfo* replied = lex.cue("replied");
  ASSERT_NE(replied, nullptr);
  EXPECT_TRUE(replied->reply);
  const CueInfo* called = lex.cue("called");
  ASSERT_NE(called, nullptr);
  EXPECT_TRUE(called->weak);
  EXPECT_FALSE(called->reply);
  const CueInfo* writing = lex.cue("writing");
  ASSERT_NE(writing, nullptr);
  EXPECT_TRUE(writing->participle);
  const CueInfo* sing = lex.cue("sing");  // CRLF stripped; too short to be a participle
  ASSERT_NE(sing, nullptr);
  EXPECT_FALSE(sing->participle);
}

TEST(Lexicon, CommentsAndBlankLinesAreSkipped) {
  const Lexicon lex = small();
  EXPECT_EQ(lex.cue("# cue words"), nullptr);
  EXPECT_EQ(lex.cue(""), nullptr);
  EXPECT_FALSE(lex.is_speaker_noun("# heads"));
  EXPECT_TRUE(lex.is_speaker_noun("spokeswoman"));
  EXPECT_TRUE(lex.is_speaker_noun("source"));
}

TEST(Lexicon, LookupsAreExactAndLowerCase) {
  const Lexicon lex = small();
  EXPECT_EQ(lex.cue("Said"), nullptr);
  EXPECT_EQ(lex.cue("sai"), nullptr);
  EXPECT_EQ(lex.cue("saidx"), nullptr);
  EXPECT_FALSE(lex.is_first_name("Lena"));
  EXPECT_TRUE(lex.is_first_name("lena"));
}

TEST(Lexicon, Genders) {
  const Lexicon lex = small();
  EXPECT_EQ(lex.first_name_gender("lena"), Gender::kFemale);
  EXPECT_EQ(lex.first_name_gender("tom"), Gender::kMale);
  EXPECT_EQ(lex.first_name_gender("robin"), Gender::kUnknown);
  EXPECT_TRUE(lex.is_first_name("robin"));
  EXPECT_TRUE(lex.is_first_name("sasha"));  // no gender column
  EXPECT_EQ(lex.first_name_gender("sasha"), Gender::kUnknown);
  EXPECT_FALSE(lex.is_first_name("ortiz"));
  EXPECT_EQ(lex.first_name_gender("ortiz"), Gender::kUnknown);
  EXPECT_TRUE(lex.is_title("mayor"));
  EXPECT_TRUE(lex.is_title("mrs."));
  EXPECT_FALSE(lex.is_title("mrs"));
  EXPECT_EQ(lex.title_gender("mrs."), Gender::kFemale);
  EXPECT_EQ(lex.title_gender("mayor"), Gender::kUnknown);
  EXPECT_EQ(lex.title_gender("baker"), Gender::kUnknown);
}

TEST(Lexicon, Pronouns) {
  const Lexicon lex = small();
  ASSERT_NE(lex.pronoun("she"), nullptr);
  EXPECT_EQ(*lex.pronoun("she"), Gender::kFemale);
  EXPECT_EQ(*lex.pronoun("he"), Gender::kMale);
  EXPECT_EQ(*lex.pronoun("they"), Gender::kPlural);
  EXPECT_EQ(*lex.pronoun("it"), Gender::kNeuter);
  EXPECT_EQ(*lex.pronoun("who"), Gender::kUnknown);
  EXPECT_EQ(lex.pronoun("her"), nullptr);
}

TEST(Lexicon, NotNames) {
  const Lexicon lex = small();
  EXPECT_TRUE(lex.is_not_name("monday"));
  EXPECT_TRUE(lex.is_not_name("the"));
  EXPECT_FALSE(lex.is_not_name("lena"));
}

TEST(Lexicon, EmptyTexts) {
  const Lexicon lex = Lexicon::from_text("", "", "", "", "", "");
  EXPECT_EQ(lex.cue("said"), nullptr);
  EXPECT_FALSE(lex.is_first_name("lena"));
  EXPECT_EQ(lex.pronoun("she"), nullptr);
}

struct BuiltinCue {
  const char* word;
  bool reply;
  bool participle;
  bool weak;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const BuiltinCue& c, std::ostream* os) { *os << c.word; }

class BuiltinCues : public ::testing::TestWithParam<BuiltinCue> {};

TEST_P(BuiltinCues, Flags) {
  const BuiltinCue& c = GetParam();
  const CueInfo* info = Lexicon::builtin().cue(c.word);
  ASSERT_NE(info, nullptr) << c.word;
  EXPECT_EQ(info->reply, c.reply) << c.word;
  EXPECT_EQ(info->participle, c.participle) << c.word;
  EXPECT_EQ(info->weak, c.weak) << c.word;
}

INSTANTIATE_TEST_SUITE_P(
    Lexicon, BuiltinCues,
    ::testing::Values(
        BuiltinCue{"said", false, false, false}, BuiltinCue{"says", false, false, false},
        BuiltinCue{"told", false, false, false}, BuiltinCue{"tweeted", false, false, false},
        BuiltinCue{"wrote", false, false, false}, BuiltinCue{"posted", false, false, false},
        BuiltinCue{"added", false, false, false}, BuiltinCue{"according", false, false, false},
        BuiltinCue{"replied", true, false, false}, BuiltinCue{"responded", true, false, false},
        BuiltinCue{"writing", false, true, false}, BuiltinCue{"saying", false, true, false},
        BuiltinCue{"called", false, false, true}),
    [](const ::testing::TestParamInfo<BuiltinCue>& param_info) {
      return std::string(param_info.param.word);
    });

TEST(Lexicon, BuiltinWordLists) {
  const Lexicon& lex = Lexicon::builtin();
  EXPECT_EQ(&lex, &Lexicon::builtin());  // one instance
  EXPECT_EQ(lex.cue("bridge"), nullptr);
  EXPECT_EQ(lex.first_name_gender("lena"), Gender::kFemale);
  EXPECT_EQ(lex.first_name_gender("tom"), Gender::kMale);
  EXPECT_TRUE(lex.is_title("sen."));
  EXPECT_TRUE(lex.is_title("mayor"));
  EXPECT_EQ(lex.title_gender("mrs."), Gender::kFemale);
  EXPECT_EQ(lex.title_gender("mr."), Gender::kMale);
  ASSERT_NE(lex.pronoun("she"), nullptr);
  EXPECT_EQ(*lex.pronoun("she"), Gender::kFemale);
  EXPECT_EQ(*lex.pronoun("he"), Gender::kMale);
  EXPECT_TRUE(lex.is_speaker_noun("spokeswoman"));
  EXPECT_TRUE(lex.is_not_name("monday"));
  EXPECT_TRUE(lex.is_not_name("the"));
  EXPECT_FALSE(lex.is_not_name("ortiz"));
}

// The table behind every list: a filter turns misses away before hashing, so a key that
// shares length and bytes with a present one must still be told apart, and every
// present key must pass the filter.
TEST(WordTable, FindsWhatWasInsertedAndNothingElse) {
  std::vector<std::string> present = {"",          "a",    "ab",     "said",    "sad",
                                      "sid",       "says", "s",      "senator", "senators",
                                      "according", "mr.",  "o'brien"};
  for (int i = 0; i < 500; ++i) present.push_back("w" + std::to_string(i * 7919));
  WordTable table;
  for (std::size_t i = 0; i < present.size(); ++i) {
    EXPECT_EQ(table.insert(present[i], static_cast<std::uint32_t>(i)), i);
  }
  EXPECT_EQ(table.size(), present.size());
  EXPECT_EQ(table.insert("said", 999), 3U);  // present: its own index, nothing inserted
  const std::unordered_set<std::string> set(present.begin(), present.end());
  for (std::size_t i = 0; i < present.size(); ++i) {
    EXPECT_EQ(table.find(present[i]), static_cast<std::int64_t>(i)) << present[i];
  }
  // Absent words: same first and last byte and length as present ones, prefixes,
  // longer words, other numbers.
  std::vector<std::string> absent = {"saad",
                                     "sayd",
                                     "sa",
                                     "b",
                                     "abc",
                                     "senatos",
                                     "accordinG",
                                     "mr",
                                     "o'briens",
                                     "SAID",
                                     std::string(100, 's')};
  for (int i = 0; i < 2000; ++i) absent.push_back("w" + std::to_string(i * 7919 + 1));
  for (const std::string& w : absent) {
    if (set.count(w) == 0) {
      EXPECT_EQ(table.find(w), -1) << w;
    }
  }
}

TEST(WordTable, EmptyTableFindsNothing) {
  const WordTable table;
  EXPECT_EQ(table.find(""), -1);
  EXPECT_EQ(table.find("said"), -1);
  EXPECT_FALSE(table.contains("x"));
}

}  // namespace
}  // namespace quotegraph
