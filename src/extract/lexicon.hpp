// The word lists extraction relies on (cue verbs, titles, pronouns, first names,
// speaker nouns, capitalised words that are not names), loaded from data files
// embedded at build time (data/*.txt).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace quotegraph {

/// Hash for heterogeneous lookup: finding a string_view allocates nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

enum class Gender { kUnknown, kMale, kFemale, kPlural, kNeuter };

struct CueInfo {
  bool reply = false;       ///< "replied", "responded": the object is the addressee
  bool participle = false;  ///< "writing", "saying": the speaker is the clause subject
  bool weak = false;        ///< "called", "described": speech only with a partial quote
};

class Lexicon {
 public:
  /// The lexicons built into the binary.
  static const Lexicon& builtin();
  /// Builds a lexicon from the text of each data file.
  static Lexicon from_text(std::string_view cues, std::string_view first_names,
                           std::string_view titles, std::string_view pronouns,
                           std::string_view speaker_nouns, std::string_view not_names);

  /// Cue lookup by lower-case single word ("said", "according").
  [[nodiscard]] const CueInfo* cue(std::string_view lower_word) const;
  [[nodiscard]] Gender first_name_gender(std::string_view name) const;
  [[nodiscard]] bool is_first_name(std::string_view name) const;
  /// Title or role word that can precede a name ("sen.", "president", "congresswoman").
  [[nodiscard]] bool is_title(std::string_view lower_word) const;
  [[nodiscard]] Gender title_gender(std::string_view lower_word) const;
  [[nodiscard]] const Gender* pronoun(std::string_view lower_word) const;
  [[nodiscard]] bool is_speaker_noun(std::string_view lower_word) const;
  /// Capitalised words that never start or continue a name ("The", "But", "Monday").
  [[nodiscard]] bool is_not_name(std::string_view lower_word) const;

 private:
  StringMap<CueInfo> cues_;
  StringMap<Gender> first_names_;
  StringMap<Gender> titles_;
  StringMap<Gender> pronouns_;
  StringSet speaker_nouns_;
  StringSet not_names_;
};

}  // namespace quotegraph
