// UTF-8 helpers: validation and decoding without allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quotegraph::utf8 {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> first_invalid(std::string_view s);

/// What one pass over a line finds: a NUL byte anywhere (which outranks the rest), else
/// the byte offset of the first invalid UTF-8 sequence, else nothing.
struct LineCheck {
  enum Kind { kOk, kNul, kInvalid };
  Kind kind = kOk;
  std::size_t pos = 0;  // for kInvalid
};
LineCheck check_line(std::string_view s);

/// Decodes the code point at s[i]; sets len to its byte length (1 for an invalid byte,
/// which decodes as U+FFFD; 0 when i is past the end, which decodes as 0).
char32_t decode(std::string_view s, std::size_t i, std::size_t& len);

/// Encodes a code point as UTF-8 (surrogates and values past U+10FFFF as U+FFFD).
std::string encode(char32_t cp);

/// 1-based line and column (in bytes) of byte offset `pos`, for messages.
void line_col(std::string_view s, std::size_t pos, std::size_t& line, std::size_t& col);

}  // namespace quotegraph::utf8
