// Byte scans eight bytes at a time (SWAR), or sixteen with SSE2, for the loops that walk
// whole articles looking for rare bytes.
//
// Example:
//   std::size_t at = quotegraph::scan::find_either(text, 0, '@', '\xEF');  // npos if none
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotegraph::scan {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

/// The high bit of each byte of x that is zero is set; the lowest such bit is exact
/// (bits above a zero byte may be set wrongly), which is all that callers use.
inline std::uint64_t zero_bytes(std::uint64_t x) { return (x - kOnes) & ~x & kHigh; }

/// The offset of the first byte at or after `from` equal to a or b; npos when none.
inline std::size_t find_either(std::string_view s, std::size_t from, char a, char b) {
  std::size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time where there is SSE2: two compares and one mask per block.
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const auto hit = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb))));
    if (hit != 0) return i + static_cast<std::size_t>(__builtin_ctz(hit));
  }
#endif
  const std::uint64_t ma = kOnes * static_cast<unsigned char>(a);
  const std::uint64_t mb = kOnes * static_cast<unsigned char>(b);
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s.data() + i, sizeof x);
    const std::uint64_t hit = zero_bytes(x ^ ma) | zero_bytes(x ^ mb);
    if (hit != 0) return i + static_cast<std::size_t>(__builtin_ctzll(hit) / 8);
  }
  for (; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b) return i;
  }
  return std::string_view::npos;
}

/// The number of leading bytes of s that a JSON string holds as they are: no '"', no
/// backslash, no control byte.
inline std::size_t json_plain_prefix(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s.data() + i, sizeof x);
    // Bytes below 0x20: (x - 0x20 in every byte) & ~x, exact at the lowest, as zero_bytes.
    const std::uint64_t hit = zero_bytes(x ^ (kOnes * '"')) | zero_bytes(x ^ (kOnes * '\\')) |
                              ((x - kOnes * 0x20) & ~x & kHigh);
    if (hit != 0) return i + static_cast<std::size_t>(__builtin_ctzll(hit) / 8);
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
  }
  return i;
}

/// The number of leading ASCII letters and digits of s. Eight bytes at a time: a word
/// then ends without a mispredicted branch per letter.
inline std::size_t alnum_prefix(std::string_view s) {
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time where there is SSE2 (every x86-64), in half the instructions
  // of the eight below: after an add that moves the top of a range to 127, one signed
  // compare tests the range, as every byte outside it lands at or below the bound.
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // 'A'-'Z' -> 'a'-'z'
    const __m128i letter =
        _mm_cmpgt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(127 - 'z')), _mm_set1_epi8(127 - 26));
    const __m128i digit =
        _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8(127 - '9')), _mm_set1_epi8(127 - 10));
    const auto alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    if (alnum != 0xFFFFU) return i + static_cast<std::size_t>(__builtin_ctz(~alnum));
  }
#endif
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s.data() + i, sizeof x);
    // Per byte, on its low seven bits: v in [lo, hi] shows in the high bit of
    // (v + 0x80 - lo) & ~(v + 0x7F - hi); no sum carries into the next byte.
    const std::uint64_t low7 = x & ~kHigh;
    const std::uint64_t folded = low7 | (kOnes * 0x20);  // 'A'-'Z' -> 'a'-'z'
    const std::uint64_t letter = (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x7F - 'z'));
    const std::uint64_t digit = (low7 + kOnes * (0x80 - '0')) & ~(low7 + kOnes * (0x7F - '9'));
    const std::uint64_t other = ~((letter | digit) & ~x) & kHigh;
    if (other != 0) return i + static_cast<std::size_t>(__builtin_ctzll(other) / 8);
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
  }
  return i;
}

/// Lower-cases the ASCII letters of s in place; other bytes (UTF-8 included) stay.
inline void lower_ascii_in_place(char* s, std::size_t n) {
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time where there is SSE2: 'A'-'Z' moved to the top of the signed
  // range is the only range above 127 - 26, and gets the case bit.
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i upper =
        _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8(127 - 'Z')), _mm_set1_epi8(127 - 26));
    const __m128i lowered = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(s + i), lowered);
  }
#endif
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s + i, sizeof x);
    // Per byte, on its low seven bits: >= 'A' and > 'Z' show in the high bit of a sum.
    const std::uint64_t low7 = x & ~kHigh;
    const std::uint64_t ge_a = low7 + kOnes * (0x80 - 'A');
    const std::uint64_t gt_z = low7 + kOnes * (0x7F - 'Z');
    const std::uint64_t upper = (ge_a ^ gt_z) & ~x & kHigh;
    x |= upper >> 2;  // 0x80 >> 2 == 0x20, the case bit
    std::memcpy(s + i, &x, sizeof x);
  }
  for (; i < n; ++i) {
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
  }
}

/// A lower-cased copy of s (ASCII letters only).
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  lower_ascii_in_place(out.data(), out.size());
  return out;
}

}  // namespace quotegraph::scan

// ---------------------------------------------------------------------------------------
// JSON string scans for the JSONL reader and writer: sixteen bytes at a time with SSE2
// (every x86-64 has it), eight at a time (SWAR) elsewhere.

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotegraph::scan {

namespace detail {

// The high bit of each byte of x that is '"', '\\' or below 0x20 (or, with kStopHigh, at
// or above 0x80). Exact in every byte (unlike zero_bytes), so a window may overlap bytes
// that are then shifted out.
template <bool kStopHigh>
inline std::uint64_t json_stop_bytes(std::uint64_t x) {
  constexpr std::uint64_t kLow7 = ~kHigh;
  // A byte is zero iff adding 0x7F to its low seven bits leaves its high bit clear and its
  // own high bit is clear; no sum carries into the next byte.
  auto zero = [](std::uint64_t y) { return ~(((y & kLow7) + kLow7) | y) & kHigh; };
  // Below 0x20: high bit clear and low seven bits + 0x60 below 0x80.
  std::uint64_t stop = zero(x ^ (kOnes * '"')) | zero(x ^ (kOnes * '\\')) |
                       (~((x & kLow7) + kOnes * 0x60) & ~x & kHigh);
  if constexpr (kStopHigh) stop |= x & kHigh;
  return stop;
}

#if defined(__SSE2__)
// Bit k set when byte k of the 16 at p is one to stop at (as json_stop_bytes).
template <bool kStopHigh>
inline unsigned json_stop_mask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i stop =
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
  if constexpr (kStopHigh) {
    // Signed, bytes >= 0x80 are negative: one compare finds them and the controls.
    stop = _mm_or_si128(stop, _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
  } else {
    // Unsigned x <= 0x1F is min(x, 0x1F) == x (SSE2 has no unsigned compare).
    const __m128i low = _mm_set1_epi8(0x1F);
    stop = _mm_or_si128(stop, _mm_cmpeq_epi8(_mm_min_epu8(x, low), x));
  }
  return static_cast<unsigned>(_mm_movemask_epi8(stop));
}
#endif

// The first byte at or after i to stop at (see json_stop_bytes); s.size() when none. The
// last, partial block is read as the whole block ending at s.size(), its bytes before i
// shifted out: short strings need no byte-at-a-time loop.
template <bool kStopHigh>
inline std::size_t find_json_stop(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const char* p = s.data();
#if defined(__SSE2__)
  if (n >= 16) {
    for (; i + 16 <= n; i += 16) {
      if (const unsigned mask = json_stop_mask16<kStopHigh>(p + i); mask != 0) {
        return i + static_cast<std::size_t>(__builtin_ctz(mask));
      }
    }
    if (i >= n) return n;
    const std::size_t last = n - 16;
    const unsigned mask = json_stop_mask16<kStopHigh>(p + last) >> (i - last);
    return mask != 0 ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  if (n >= 8) {
    std::uint64_t x = 0;
    for (; i + 8 <= n; i += 8) {
      std::memcpy(&x, p + i, sizeof x);
      if (const std::uint64_t stop = json_stop_bytes<kStopHigh>(x); stop != 0) {
        return i + static_cast<std::size_t>(__builtin_ctzll(stop) / 8);
      }
    }
    if (i >= n) return n;
    const std::size_t last = n - 8;
    std::memcpy(&x, p + last, sizeof x);
    const std::uint64_t stop = json_stop_bytes<kStopHigh>(x) >> (8 * (i - last));
    return stop != 0 ? i + static_cast<std::size_t>(__builtin_ctzll(stop) / 8) : n;
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '"' || c == '\\' || c < 0x20 || (kStopHigh && c >= 0x80)) return i;
  }
  return n;
}

}  // namespace detail

/// The offset of the first byte at or after `from` that a JSON string cannot hold as it
/// is ('"', '\\' or a control byte); s.size() when none. As json_plain_prefix, faster.
inline std::size_t find_json_special(std::string_view s, std::size_t from) {
  return detail::find_json_stop<false>(s, from);
}

/// As find_json_special, but also stopping at a non-ASCII byte, so that a writer can
/// copy runs of plain ASCII and check UTF-8 only where there is some.
inline std::size_t find_json_special_or_high(std::string_view s, std::size_t from) {
  return detail::find_json_stop<true>(s, from);
}

}  // namespace quotegraph::scan
