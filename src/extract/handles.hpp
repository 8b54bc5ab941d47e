// Handles (@name) found by Twitter's own rules (twitter-text's extractor):
// not e-mail addresses, not "a@b", at most 20 of [A-Za-z0-9_].
//
// Example:
//   find_handles("Great to speak to @AOC") -> {{span {18,22}, "AOC"}}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/types.hpp"

namespace quotegraph {

struct HandleMatch {
  Span span;         ///< byte offsets of "@name", including the @ (or full-width ＠), not the list
  std::string name;  ///< without the @
  std::string list;  ///< "/list-slug" when written as @user/list, else empty
};

/// Every mention in text, in order (lists reported with their slug).
std::vector<HandleMatch> find_handles(std::string_view text);

/// The handle a post replies to: a mention at the very start, after optional spaces.
std::optional<std::string> find_reply(std::string_view text);

/// The code point offset of a byte offset, as twitter-text's indices count (an invalid
/// byte counts as one code point).
std::size_t codepoint_index(std::string_view text, std::size_t byte_offset);

}  // namespace quotegraph
