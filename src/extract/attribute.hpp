// attribute: finds, for each quote, the cue and the speaker mention as written,
// by a few named rules tried in order (trailing cue, inverted cue, leading cue,
// colon introduction, continuation, same paragraph, previous paragraph).
//
// Example:
//   "Hi," Jane Doe said.   -> rule "trailing-cue", mention "Jane Doe", cue "said"
//   Jane Doe said: "Hi."   -> rule "leading-cue"
//   "Hi," said Jane Doe.   -> rule "inverted-cue"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/quotes.hpp"
#include "extract/tokenize.hpp"

namespace quotegraph {

enum class MentionKind : std::uint8_t { kName, kPronoun, kRelative, kNominal, kHandle };

/// A noun phrase by token range [first, last).
struct TokenMention {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  MentionKind kind = MentionKind::kName;
};

struct Attribution {
  bool keep = true;  ///< false: quoted words nobody says (scare quotes, titles)
  std::optional<TokenMention> speaker;
  std::optional<TokenMention> addressee;  ///< "replied to X", "told X"
  std::int32_t cue = -1;                  ///< token index of the cue word
  std::string cue_text;                   ///< "said", "according to", "said:"
  bool reply = false;
  std::int32_t inherits = -1;  ///< quote whose speaker this one takes (continuations)
  std::string rule;
  double confidence = 0.0;
};

/// Token-level helpers shared by attribute and resolve.
class TokenView {
 public:
  TokenView(std::string_view text, const std::vector<Token>& toks, const Lexicon& lex);
  // The token accessors are asked millions of times from attribute and resolve: inline,
  // and without substr's bounds check (tokens lie inside the text by construction).
  [[nodiscard]] std::string_view word(std::size_t i) const {
    const Token& t = toks_[i];
    return {text_.data() + t.start, t.end - t.start};
  }
  [[nodiscard]] std::string_view lower(std::size_t i) const {
    const Token& t = toks_[i];
    return {lower_text_.data() + t.start, t.end - t.start};
  }
  /// lower() without a clitic: "he’s" -> "he", "Clinton's" -> "clinton".
  [[nodiscard]] std::string_view base(std::size_t i) const;
  [[nodiscard]] bool is_word(std::size_t i) const {
    return i < toks_.size() && toks_[i].kind == TokKind::kWord;
  }
  [[nodiscard]] bool is_punct(std::size_t i, std::string_view p) const;
  [[nodiscard]] bool outside(std::size_t i) const;
  [[nodiscard]] std::size_t size() const { return toks_.size(); }
  [[nodiscard]] const Token& tok(std::size_t i) const { return toks_[i]; }
  [[nodiscard]] std::string_view text() const { return text_; }
  /// The text with ASCII letters lower-cased, byte for byte at the same offsets.
  [[nodiscard]] std::string_view lower_text() const { return lower_text_; }
  [[nodiscard]] const Lexicon& lex() const { return lex_; }
  /// Capitalised word that may be part of a name (not "The", "But", "Monday"); *title,
  /// when given, tells whether it is a title ("Senator"), which is asked of the same
  /// look-up.
  [[nodiscard]] bool name_word(std::size_t i, bool* title = nullptr) const;
  [[nodiscard]] bool is_pronoun(std::size_t i) const;
  /// The token opens a sentence (after a break, a quote or . ? !).
  [[nodiscard]] bool starts_sentence(std::size_t i) const;
  /// A cue verb used as a verb here (lower-case, not after a determiner).
  [[nodiscard]] const CueInfo* cue_at(std::size_t i) const;
  /// A word that is both a first name and a common word ("Will", "May") used as the
  /// first name of a two-word name.
  [[nodiscard]] bool first_name_before_surname(std::size_t i) const;
  [[nodiscard]] bool is_determiner(std::size_t i) const;

 private:
  std::string_view text_;
  const std::vector<Token>& toks_;
  const Lexicon& lex_;
  [[nodiscard]] const CueInfo* cue_uncached(std::size_t i) const;

  std::string lower_text_;
  mutable std::vector<const CueInfo*> cue_memo_;  // cue_at() per token, filled as asked
};

std::vector<Attribution> attribute(const TokenView& tv, const std::vector<Quote>& quotes);

}  // namespace quotegraph
