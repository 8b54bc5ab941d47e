#include "extract/utf8.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotegraph::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

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

#if defined(__SSE2__)
/// Bits of the bytes in the 16 at p that stop a scan: with kNul a NUL or a byte with the
/// high bit set (one signed compare: both are < 1 as signed bytes), else the high bits only.
template <bool kNul>
unsigned stop_mask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  if constexpr (kNul)
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(1))));
  return static_cast<unsigned>(_mm_movemask_epi8(v));
}

/// The same for 32 bytes, the two halves OR-ed: only whether there is a stop.
template <bool kNul>
bool has_stop32(const char* p) {
  const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
  if constexpr (kNul) {
    const __m128i one = _mm_set1_epi8(1);
    return _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(a, one), _mm_cmplt_epi8(b, one))) != 0;
  }
  return _mm_movemask_epi8(_mm_or_si128(a, b)) != 0;
}
#endif

/// Offset of the next stop byte at or after i (a byte >= 0x80, or with kNul a NUL), or n.
template <bool kNul>
std::size_t next_stop(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const char* d = s.data();
#if defined(__SSE2__)
  // Most text is ASCII: skip it 32 bytes at a time, then find the stop in a 16-byte mask.
  while (n - i >= 32 && !has_stop32<kNul>(d + i)) i += 32;
  while (n - i >= 16) {
    const unsigned m = stop_mask16<kNul>(d + i);
    if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(m));
    i += 16;
  }
  if (i == n) return n;
  if (n >= 16) {
    // Fewer than sixteen bytes left: one load of the last sixteen, the bits before i dropped
    // (short strings are most of the calls).
    const std::size_t base = n - 16;
    const unsigned m = stop_mask16<kNul>(d + base) & (~0U << (i - base));
    return m == 0 ? n : base + static_cast<std::size_t>(__builtin_ctz(m));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<std::uint8_t>(d[i]);
    if (c >= 0x80U || (kNul && c == 0)) return i;
  }
  return n;
}

/// Validates s from its first stop byte on; with kNul a NUL stops the scan too.
/// Returns the offset of the first invalid sequence or NUL, or nullopt.
template <bool kNul>
std::optional<std::size_t> first_stop(std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (;;) {
    i = next_stop<kNul>(s, i);
    if (i == n) return std::nullopt;
    if (kNul && s[i] == '\0') return i;
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view s) { return first_stop<false>(s); }

LineCheck check_line(std::string_view s) {
  const auto at = first_stop<true>(s);
  if (!at) return {};
  // A NUL anywhere outranks invalid UTF-8, as when the two were separate passes.
  if (s[*at] == '\0' || s.find('\0', *at) != std::string_view::npos) return {LineCheck::kNul, 0};
  return {LineCheck::kInvalid, *at};
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
