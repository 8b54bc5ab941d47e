// A hand-written scanner equivalent to twitter-text's
//   validMentionOrList = (preceding)(@|＠)([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_-]{0,24})?
//   preceding = ^ | [^a-zA-Z0-9_!#$%&*@＠] | (^|[^a-zA-Z0-9_+~.-])(rt|RT|rT|Rt):?
// applied globally, followed by its endMentionMatch check on the text after each
// match. The regex consumes the preceding character, so matches never overlap and
// a rejected match still consumes its text ("@a@b" yields nothing); the scanner
// keeps those semantics because the conformance cases depend on them.
#include "extract/handles.hpp"

#include <cstdint>

#include "extract/scan.hpp"
#include "extract/utf8.hpp"

namespace quotegraph {
namespace {

constexpr std::size_t kMaxName = 20;
constexpr std::size_t kMaxListTail = 24;  // after the slug's first letter
constexpr char32_t kFullWidthAt = 0xFF20;

bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char32_t c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_name_char(char32_t c) { return is_ascii_alnum(c) || c == '_'; }

// Length in bytes of an at sign at s[i] ('@' or '＠'), or 0.
std::size_t at_sign_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '@') return 1;
  if (s.size() - i >= 3 && s.compare(i, 3, "\xEF\xBC\xA0") == 0) return 3;
  return 0;
}

// A character that may not come right before a mention: [a-zA-Z0-9_!#$%&*@＠].
bool blocks_mention(char32_t c) {
  switch (c) {
    case '_':
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '*':
    case '@':
    case kFullWidthAt:
      return true;
    default:
      return is_ascii_alnum(c);
  }
}

// A character that may not come before "RT": [a-zA-Z0-9_+~.-].
bool blocks_retweet(char32_t c) {
  return is_name_char(c) || c == '+' || c == '~' || c == '.' || c == '-';
}

bool is_rt(std::string_view s, std::size_t i) {
  return s.size() - i >= 2 && (s[i] == 'r' || s[i] == 'R') && (s[i + 1] == 't' || s[i + 1] == 'T');
}

// twitter-text's latinAccentChars: a mention followed by one of these is part of a longer
// word and is no mention at all.
bool is_latin_accent(char32_t c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) ||
         c == 0x253 || c == 0x254 || c == 0x256 || c == 0x257 || c == 0x259 || c == 0x25B ||
         c == 0x263 || c == 0x268 || c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B ||
         c == 0x2BB || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

// twitter-text's endMentionMatch: an at sign, a latin accented letter or "://".
bool bad_mention_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (at_sign_length(s, i) > 0) return true;
  if (s.compare(i, 3, "://") == 0) return true;
  std::size_t len = 0;
  return is_latin_accent(utf8::decode(s, i, len));
}

// twitter-text's spaces, which may precede a reply's at sign.
bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

std::size_t name_end(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && i - from < kMaxName && is_name_char(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  return i;
}

struct RawMatch {
  std::size_t at = 0;    // the at sign
  std::size_t name = 0;  // first byte of the name
  std::size_t name_end = 0;
  std::size_t end = 0;  // after the list slug, if any
};

// The part of the pattern after the preceding characters, with the at sign at s[at].
std::optional<RawMatch> match_from_at(std::string_view s, std::size_t at) {
  const std::size_t at_len = at_sign_length(s, at);
  if (at_len == 0) return std::nullopt;
  RawMatch m;
  m.at = at;
  m.name = at + at_len;
  m.name_end = name_end(s, m.name);
  if (m.name_end == m.name) return std::nullopt;
  m.end = m.name_end;
  if (m.end + 1 < s.size() && s[m.end] == '/' &&
      is_ascii_alpha(static_cast<unsigned char>(s[m.end + 1]))) {
    std::size_t i = m.end + 2;
    const std::size_t tail = i;
    while (i < s.size() && i - tail < kMaxListTail) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!is_name_char(c) && c != '-') break;
      ++i;
    }
    m.end = i;
  }
  return m;
}

// The whole pattern tried at start position s[start], alternatives in the regex's order.
std::optional<RawMatch> match_at(std::string_view s, std::size_t start) {
  if (start == 0) {
    if (auto m = match_from_at(s, 0)) return m;
  }
  std::size_t len = 0;
  const char32_t c = utf8::decode(s, start, len);
  if (!blocks_mention(c)) {
    if (auto m = match_from_at(s, start + len)) return m;
  }
  auto after_rt = [&](std::size_t rt) -> std::optional<RawMatch> {
    if (!is_rt(s, rt)) return std::nullopt;
    std::size_t at = rt + 2;
    if (at < s.size() && s[at] == ':') ++at;
    return match_from_at(s, at);
  };
  if (start == 0) {
    if (auto m = after_rt(0)) return m;
  }
  if (!blocks_retweet(c)) return after_rt(start + len);
  return std::nullopt;
}

std::size_t previous_codepoint(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0U) == 0x80U; ++k) --j;
  return j;
}

std::size_t next_at_sign(std::string_view s, std::size_t from) {
  // '@', or the first byte of the full-width at sign.
  for (std::size_t i = scan::find_either(s, from, '@', '\xEF'); i != std::string_view::npos;
       i = scan::find_either(s, i + 1, '@', '\xEF')) {
    if (s[i] == '@' || at_sign_length(s, i) == 3) return i;
  }
  return std::string_view::npos;
}

// A preceding part spans at most four code points: a character, "RT" and ':'.
constexpr int kMaxPrecedingCodepoints = 4;

}  // namespace

std::vector<HandleMatch> find_handles(std::string_view text) {
  std::vector<HandleMatch> out;
  std::size_t pos = 0;  // the regex resumes after its last match
  while (pos < text.size()) {
    const std::size_t at = next_at_sign(text, pos);
    if (at == std::string_view::npos) break;
    // No match can start before `first`: the preceding part of a match is at most four code
    // points long and, but for its first character, holds no at sign.
    std::size_t first = at;
    for (int k = 0; k < kMaxPrecedingCodepoints && first > pos; ++k) {
      first = previous_codepoint(text, first);
    }
    if (first < pos) first = pos;
    std::optional<RawMatch> found;
    for (std::size_t start = first; start <= at && !found;) {
      found = match_at(text, start);
      std::size_t len = 0;
      utf8::decode(text, start, len);
      start += len;
    }
    if (!found) {
      pos = at + at_sign_length(text, at);
      continue;
    }
    pos = found->end;
    if (bad_mention_end(text, found->end)) continue;
    out.push_back(HandleMatch{
        .span = Span{found->at, found->name_end},
        .name = std::string(text.substr(found->name, found->name_end - found->name)),
        .list = std::string(text.substr(found->name_end, found->end - found->name_end))});
  }
  return out;
}

std::optional<std::string> find_reply(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    if (!is_space(utf8::decode(text, i, len))) break;
    i += len;
  }
  const std::size_t at_len = at_sign_length(text, i);
  if (at_len == 0) return std::nullopt;
  const std::size_t begin = i + at_len;
  const std::size_t end = name_end(text, begin);
  if (end == begin || bad_mention_end(text, end)) return std::nullopt;
  return std::string(text.substr(begin, end - begin));
}

std::size_t codepoint_index(std::string_view text, std::size_t byte_offset) {
  if (byte_offset > text.size()) byte_offset = text.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset; ++count) {
    std::size_t len = 0;
    utf8::decode(text, i, len);
    i += len;
  }
  return count;
}

}  // namespace quotegraph
