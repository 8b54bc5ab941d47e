// segment: splits a document into tokens (words, punctuation, quotation marks,
// paragraph breaks) with byte offsets. No allocation per token beyond the vector.
//
// Example:
//   auto toks = tokenize("\"Hi,\" Mr. Doe said.");
//   // toks: OpenQuote? "Hi" "," Quote "Mr." "Doe" "said" "."
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace quotegraph {

enum class TokKind : std::uint8_t {
  kWord,
  kPunct,
  kQuote,  ///< a double quotation mark (see QuoteMark)
  kBreak,  ///< a paragraph break
};

enum class QuoteMark : std::uint8_t {
  kNone,
  kOpen,       ///< “ „ « and a straight " that can only open
  kClose,      ///< ” » and a straight " that can only close
  kAmbiguous,  ///< a straight " with text or space on both sides
  kInch,       ///< a straight " right after a digit: 6'2"
};

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokKind kind = TokKind::kWord;
  QuoteMark mark = QuoteMark::kNone;
  bool cap = false;         ///< word starts with an upper-case letter
  std::int32_t quote = -1;  ///< index of the quote the token lies inside, -1 outside
  std::uint32_t para = 0;   ///< paragraph number
};

/// Tokenizes text. Paragraphs are separated by blank lines, or by single newlines
/// when the text has no blank line at all.
std::vector<Token> tokenize(std::string_view text);

}  // namespace quotegraph
