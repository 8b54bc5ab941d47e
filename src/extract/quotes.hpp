// detect: pairs quotation marks into quoted stretches, paragraph by paragraph.
// Journalistic continuation (a quote whose closing mark is omitted at the end of a
// paragraph and whose next paragraph opens with a mark) is kept as a chain; an
// unbalanced mark ends its quote at the end of the paragraph, so the rest of the
// document is never lost.
//
// Example:
//   auto toks = tokenize(text);
//   auto quotes = detect_quotes(text, toks);  // toks[i].quote now names the quote
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/tokenize.hpp"
#include "extract/types.hpp"

namespace quotegraph {

struct Quote {
  Span span;                ///< the words between the marks, whitespace trimmed
  std::uint32_t open = 0;   ///< token index of the opening mark
  std::uint32_t close = 0;  ///< token index one past the content (closing mark, break or end)
  std::uint32_t para = 0;
  bool closed = false;      ///< a closing mark was found in the paragraph
  bool continues = false;   ///< continues the previous quote, left open at a paragraph end
  std::uint32_t words = 0;  ///< word tokens inside
};

/// Finds the quoted stretches; marks every token inside with its quote index.
std::vector<Quote> detect_quotes(std::string_view text, std::vector<Token>& toks);

}  // namespace quotegraph
