#include "extract/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace quotegraph::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::uint8_t byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }

bool is_continuation(std::uint8_t b) { return (b & 0xC0U) == 0x80U; }

// Length of the well-formed sequence starting at s[i], or 0 when it is not one.
// Follows the table of well-formed byte sequences in Unicode (ch. 3, table 3-7):
// the second byte's range depends on the lead, which is what rules out overlong
// forms, UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..).
// Inlined into both callers: decode runs once per non-ASCII code point of the tokenizer.
[[gnu::always_inline]] inline std::size_t sequence_length(std::string_view s, std::size_t i) {
  const std::uint8_t lead = byte_at(s, i);
  if (lead < 0x80U) return 1;
  std::size_t need = 0;
  std::uint8_t lo = 0x80U;
  std::uint8_t hi = 0xBFU;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    need = 1;
  } else if (lead == 0xE0U) {
    need = 2;
    lo = 0xA0U;
  } else if (lead >= 0xE1U && lead <= 0xECU) {
    need = 2;
  } else if (lead == 0xEDU) {
    need = 2;
    hi = 0x9FU;
  } else if (lead >= 0xEEU && lead <= 0xEFU) {
    need = 2;
  } else if (lead == 0xF0U) {
    need = 3;
    lo = 0x90U;
  } else if (lead >= 0xF1U && lead <= 0xF3U) {
    need = 3;
  } else if (lead == 0xF4U) {
    need = 3;
    hi = 0x8FU;
  } else {
    return 0;  // C0, C1 (always overlong), F5..FF (beyond U+10FFFF) or a stray continuation
  }
  if (s.size() - i <= need) return 0;
  const std::uint8_t second = byte_at(s, i + 1);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 2; k <= need; ++k) {
    if (!is_continuation(byte_at(s, i + k))) return 0;
  }
  return need + 1;
}

std::uint64_t load_word(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return w;
}

/// Whether the 32 bytes at p are all ASCII.
bool is_ascii_block32(const char* p) {
  std::uint64_t w[4];
  std::memcpy(w, p, sizeof w);
  return ((w[0] | w[1] | w[2] | w[3]) & kHighBits) == 0;
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Most text is ASCII: skip it 32 bytes at a time, four words OR-ed under one test,
    // then go on eight bytes at a time.
    while (n - i >= 32 && is_ascii_block32(s.data() + i)) i += 32;
    if (n - i >= 8) {
      const std::uint64_t high = load_word(s.data() + i) & kHighBits;
      if (high == 0) {
        i += 8;
        continue;
      }
      // Straight to the first byte with its high bit set: the ones before are ASCII.
      i += static_cast<std::size_t>(__builtin_ctzll(high) / 8);
    } else if (n >= 8 && (load_word(s.data() + n - 8) & kHighBits) == 0) {
      // Fewer than eight bytes left, all within the last eight, which are ASCII: no
      // byte-by-byte tail (short strings are most of the calls).
      return std::nullopt;
    }
    if (byte_at(s, i) < 0x80U) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  if (i >= s.size()) {
    len = 0;
    return 0;
  }
  const std::uint8_t lead = byte_at(s, i);
  if (lead < 0x80U) {
    len = 1;
    return lead;
  }
  len = sequence_length(s, i);
  if (len == 0) {
    len = 1;
    return kReplacement;
  }
  char32_t cp = 0;
  if (len == 2) {
    cp = lead & 0x1FU;
  } else if (len == 3) {
    cp = lead & 0x0FU;
  } else {
    cp = lead & 0x07U;
  }
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte_at(s, i + k) & 0x3FU);
  return cp;
}

std::string encode(char32_t cp) {
  // Surrogates and values past U+10FFFF have no UTF-8 form; writing U+FFFD keeps
  // the output valid whatever a caller computed.
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

void line_col(std::string_view s, std::size_t pos, std::size_t& line, std::size_t& col) {
  pos = std::min(pos, s.size());
  const std::string_view before = s.substr(0, pos);
  line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_newline = before.rfind('\n');
  col = last_newline == std::string_view::npos ? pos + 1 : pos - last_newline;
}

}  // namespace quotegraph::utf8
