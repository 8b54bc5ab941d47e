#include "extract/tokenize.hpp"

#include <algorithm>
#include <array>

#include "extract/scan.hpp"
#include "extract/utf8.hpp"

namespace quotegraph {
namespace {

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
         c == 0x2028 || c == 0x2029;
}

constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (char32_t c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return t;
}();

bool is_ascii_alnum(char32_t c) { return c < 256 && kAsciiAlnum[c]; }

/// The end of the run of ASCII letters and digits at text[from].
std::size_t ascii_alnum_end(std::string_view text, std::size_t from) {
  // from <= text.size() always: no substr() bounds check.
  return from + scan::alnum_prefix(std::string_view(text.data() + from, text.size() - from));
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

/// Punctuation outside ASCII that must not be glued into words.
bool is_unicode_punct(char32_t c) {
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0xAB || c == 0xBB ||
         c == 0xA1 || c == 0xBF || c == 0xA9 || c == 0xAE || c == 0xB0 || c == 0xB7 || c == 0xD7 ||
         c == 0xF7 || c == 0xFFFD || c == 0x2122 || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0x1F000 && c <= 0x1FAFF) ||
         (c >= 0x2190 && c <= 0x2BFF);
}

bool is_letter_cp(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  return !is_space_cp(c) && !is_unicode_punct(c);
}

bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x100 && c <= 0x17F && (c % 2) == 0) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC; }

/// A word of at most four bytes packed into an integer, ASCII capitals lowered, so that
/// the abbreviation test needs no lower-cased copy. Equal keys mean equal lower-cased
/// words: no word holds a zero byte (NUL is punctuation), so the length shows too.
constexpr std::uint32_t short_word_key(std::string_view word) {
  std::uint32_t key = 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    auto b = static_cast<unsigned char>(word[k]);
    if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
    key |= std::uint32_t{b} << (8 * k);
  }
  return key;
}

/// Abbreviations that keep their period (so "Mr." does not end a sentence), as sorted
/// keys for a binary search.
constexpr auto kAbbrevKeys = [] {
  constexpr std::string_view kAbbrev[] = {
      "mr",   "mrs", "ms",   "dr",   "sen", "rep",  "gov", "gen", "lt",   "col",  "sgt",  "capt",
      "st",   "jr",  "sr",   "prof", "rev", "mt",   "ft",  "adm", "cmdr", "maj",  "pres", "atty",
      "supt", "det", "insp", "cpl",  "pvt", "hon",  "jan", "feb", "mar",  "apr",  "aug",  "sept",
      "sep",  "oct", "nov",  "dec",  "inc", "corp", "ltd", "vs",  "gens", "reps", "sens", "govs"};
  std::array<std::uint32_t, std::size(kAbbrev)> keys{};
  for (std::size_t k = 0; k < keys.size(); ++k) keys[k] = short_word_key(kAbbrev[k]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();

/// Whether a word (at most four bytes) is an abbreviation, in any case.
bool is_abbreviation(std::string_view word) {
  return std::binary_search(kAbbrevKeys.begin(), kAbbrevKeys.end(), short_word_key(word));
}

/// What a byte starts, so that the main loop picks its path with one table load.
enum class Lead : std::uint8_t {
  kSpace,      ///< ' ' '\t' '\r' '\f' '\v': skipped
  kNewline,    ///< maybe a paragraph break
  kAlnum,      ///< an ASCII letter or digit: a word
  kQuote,      ///< '"'
  kSign,       ///< '@' or '#': a handle or hashtag when a name follows
  kPunct,      ///< any other ASCII byte: a one-byte punctuation token
  kMultibyte,  ///< 0x80 and up: decoded, then sorted by its code point
};

constexpr std::array<Lead, 256> kLead = [] {
  std::array<Lead, 256> t{};
  for (std::size_t b = 0; b < 256; ++b) {
    if (b >= 0x80) {
      t[b] = Lead::kMultibyte;
    } else if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
      t[b] = Lead::kSpace;
    } else if (b == '\n') {
      t[b] = Lead::kNewline;
    } else if (kAsciiAlnum[b]) {
      t[b] = Lead::kAlnum;
    } else if (b == '"') {
      t[b] = Lead::kQuote;
    } else if (b == '@' || b == '#') {
      t[b] = Lead::kSign;
    } else {
      t[b] = Lead::kPunct;
    }
  }
  return t;
}();

/// Bytes that may carry a word on past a run of ASCII letters and digits: the joiners and
/// separators ' - . , and any non-ASCII byte (a letter, ’ or the non-breaking hyphen).
/// Every other byte ends the word at once.
constexpr std::array<bool, 256> kMayContinueWord = [] {
  std::array<bool, 256> t{};
  for (std::size_t b = 0; b < 256; ++b) {
    t[b] = b >= 0x80 || b == '\'' || b == '-' || b == '.' || b == ',';
  }
  return t;
}();

/// The code point at text[pos] and its length; 0 (length 0) past the end.
char32_t cp_at(std::string_view text, std::size_t pos, std::size_t& len) {
  if (pos >= text.size()) {
    len = 0;
    return 0;
  }
  // Most text is ASCII: decode it here, without a call.
  if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
    len = 1;
    return b;
  }
  return utf8::decode(text, pos, len);
}

/// The code point that ends right before text[pos]; 0 at the start.
char32_t prev_cp(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  std::size_t len = 0;
  return utf8::decode(text, p, len);
}

bool is_double_quote_cp(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB ||
         c == 0xBB;
}

/// The side a double quotation mark c (len bytes at text[i]) can stand on.
QuoteMark quote_mark(std::string_view text, std::size_t i, std::size_t len, char32_t c) {
  // An opening mark typed where a closing one belongs (“rapists“) is read by where it
  // stands: glued to the word before and free after, it closes.
  char32_t before_cp = prev_cp(text, i);
  std::size_t after_len = 0;
  char32_t after_cp = cp_at(text, i + len, after_len);
  bool glued_before = before_cp != 0 && !is_space_cp(before_cp) && before_cp != '(' &&
                      before_cp != '[' && before_cp != 0x2014 && before_cp != 0x2013;
  bool free_after = after_cp == 0 || is_space_cp(after_cp) || after_cp == ',' || after_cp == '.' ||
                    after_cp == ';' || after_cp == ')';
  if (c == 0x201C && glued_before && free_after && is_letter_cp(before_cp)) {
    return QuoteMark::kClose;
  }
  if (c == 0x201C || c == 0x201E || c == 0x201F || c == 0xAB) return QuoteMark::kOpen;
  if (c == 0x201D || c == 0xBB) return QuoteMark::kClose;
  const char32_t before = before_cp;
  const char32_t after = after_cp;
  bool space_before = before == 0 || is_space_cp(before) || before == '(' || before == '[' ||
                      before == 0x2014 || before == 0x2013 || before == '-' || before == '/' ||
                      before == ':';
  bool space_after = after == 0 || is_space_cp(after);
  bool punct_after = after == ',' || after == '.' || after == ';' || after == ':' || after == ')' ||
                     after == '?' || after == '!' || after == 0x2014 || after == '-';
  if (is_digit(before) && !space_after && !punct_after) return QuoteMark::kAmbiguous;
  if (is_digit(before)) return QuoteMark::kInch;
  if (space_before && !space_after) return QuoteMark::kOpen;
  if (!space_before && (space_after || punct_after)) return QuoteMark::kClose;
  return QuoteMark::kAmbiguous;
}

/// Hard-wrapped text (lines of similar length that end mid-sentence) breaks paragraphs
/// only at blank lines; otherwise every newline ends a paragraph, as in most article
/// exports, where a single newline often separates paragraphs.
bool is_hard_wrapped(std::string_view text) {
  std::size_t long_lines = 0;
  std::size_t open_ended = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;  // the last line says nothing about wrapping
    std::size_t e = nl;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
    if (e - start >= 40) {
      ++long_lines;
      char last = text[e - 1];
      bool closed = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                    last == ')' || (static_cast<unsigned char>(last) & 0x80) != 0;
      if (!closed) ++open_ended;
    }
    start = nl + 1;
  }
  return open_ended >= 3 && open_ended * 10 >= long_lines * 3;
}

/// The end of the run of ASCII letters, digits and '_' at text[from]: the name of a
/// handle or hashtag.
std::size_t name_end(std::string_view text, std::size_t from) {
  std::size_t j = from;
  while (j < text.size() && (kAsciiAlnum[static_cast<unsigned char>(text[j])] || text[j] == '_')) {
    ++j;
  }
  return j;
}

/// The end of U.S., D.C., p.m. (single ASCII letters each followed by a period) at
/// text[s], or s when there are fewer than two such pairs.
std::size_t dotted_initials_end(std::string_view text, std::size_t s) {
  const std::size_t n = text.size();
  std::size_t k = s;
  int pairs = 0;
  while (k + 1 < n && text[k + 1] == '.' && is_ascii_alnum(static_cast<unsigned char>(text[k])) &&
         !is_digit(static_cast<unsigned char>(text[k])) &&
         (k + 2 >= n || !is_ascii_alnum(static_cast<unsigned char>(text[k + 2])) ||
          (k + 3 < n && text[k + 3] == '.'))) {
    k += 2;
    ++pairs;
  }
  return pairs >= 2 ? k : s;
}

/// The end of a word whose run of ASCII letters and digits stopped at text[j], a byte that
/// may carry it on (kMayContinueWord); the word starts at s. Out of the main loop: most
/// words end at a space.
std::size_t continued_word_end(std::string_view text, std::size_t s, std::size_t j) {
  const std::size_t n = text.size();
  for (;;) {
    std::size_t l2 = 0;
    const char32_t d = cp_at(text, j, l2);
    if (is_letter_cp(d)) {
      j += l2;
    } else {
      std::size_t l3 = 0;
      const char32_t e = cp_at(text, j + l2, l3);
      // Inner apostrophes and hyphens join: don't, O'Brien, Clinton's, Ocasio-Cortez.
      // Decimal and thousands separators: 2.75, 1,000.
      if (((is_apostrophe(d) || d == '-' || d == 0x2011) && is_letter_cp(e)) ||
          ((d == '.' || d == ',') && is_digit(e) && j > s &&
           is_digit(static_cast<unsigned char>(text[j - 1])))) {
        j += l2;
      } else {
        return j;
      }
    }
    // A run of ASCII letters and digits needs none of the checks above.
    j = ascii_alnum_end(text, j);
    if (j >= n || !kMayContinueWord[static_cast<unsigned char>(text[j])]) return j;
  }
}

/// The tokens so far and the paragraph the next one belongs to.
struct Tokens {
  std::vector<Token>& out;
  std::uint32_t para = 0;

  Token& push(std::size_t s, std::size_t e, TokKind k, bool cap = false) {
    out.push_back(Token{.start = static_cast<std::uint32_t>(s),
                        .end = static_cast<std::uint32_t>(e),
                        .kind = k,
                        .cap = cap,
                        .para = para});
    return out.back();
  }
};

/// Adds the word whose first code point is len bytes at text[i], a capital or not, and
/// returns its end. Always inlined: the main loop calls it for most tokens.
[[gnu::always_inline]] inline std::size_t add_word(std::string_view text, std::size_t i,
                                                   std::size_t len, bool cap, Tokens& toks) {
  const std::size_t n = text.size();
  std::size_t j = ascii_alnum_end(text, i + len);
  // Most words end at a byte that cannot carry them on, such as a space: what follows
  // is for the others.
  if (j < n && kMayContinueWord[static_cast<unsigned char>(text[j])]) {
    // U.S., D.C., p.m.: a one-letter run, then a period.
    if (j == i + 1 && text[j] == '.' && !is_digit(static_cast<unsigned char>(text[i]))) {
      if (const std::size_t k = dotted_initials_end(text, i); k != i) {
        toks.push(i, k, TokKind::kWord, cap);
        return k;
      }
    }
    j = continued_word_end(text, i, j);
    // A trailing possessive apostrophe (Jones’ plan) stays out: it may close a quote.
    if (j < n && text[j] == '.') {
      const std::size_t size = j - i;
      // Mr. and J. keep the period (no abbreviation is longer than four letters); a
      // one-byte capital is an initial.
      if ((size == 1 && cap) || (size <= 4 && is_abbreviation(text.substr(i, size)))) ++j;
    }
  }
  toks.push(i, j, TokKind::kWord, cap);
  return j;
}

/// Adds the token at text[i] whose first byte is neither a space nor an ASCII letter or
/// digit (those the main loop handles itself), or skips a non-ASCII space or a newline
/// that breaks no paragraph; returns where the next token may start. Never inlined: in
/// the main loop its registers would crowd out those of the words.
[[gnu::noinline]] std::size_t add_other(std::string_view text, std::size_t i, bool hard_wrapped,
                                        Tokens& toks) {
  const std::size_t n = text.size();
  const auto b = static_cast<unsigned char>(text[i]);
  switch (kLead[b]) {
    case Lead::kSpace:
    case Lead::kAlnum:
      break;  // not here
    case Lead::kNewline: {
      // A paragraph break: any newline, or only a blank line in hard-wrapped text.
      std::size_t j = i + 1;
      bool blank = false;
      while (j < n) {
        char ch = text[j];
        if (ch == '\n') {
          blank = true;
          ++j;
        } else if (ch == ' ' || ch == '\t' || ch == '\r') {
          ++j;
        } else {
          break;
        }
      }
      if (blank || !hard_wrapped) {
        if (!toks.out.empty() && toks.out.back().kind != TokKind::kBreak) {
          toks.push(i, i + 1, TokKind::kBreak);
          ++toks.para;
          toks.out.back().para = toks.para;  // the break belongs to the paragraph it starts
        }
      }
      return j;
    }
    case Lead::kQuote:
      toks.push(i, i + 1, TokKind::kQuote).mark = quote_mark(text, i, 1, b);
      return i + 1;
    case Lead::kSign:
      // @name and #tag: the sign and the ASCII letters, digits and '_' after it.
      if (const std::size_t j = name_end(text, i + 1); j != i + 1) {
        toks.push(i, j, TokKind::kWord);
        return j;
      }
      toks.push(i, i + 1, TokKind::kPunct);
      return i + 1;
    case Lead::kPunct:
      toks.push(i, i + 1, TokKind::kPunct);
      return i + 1;
    case Lead::kMultibyte:
      break;
  }
  std::size_t len = 0;
  const char32_t c = utf8::decode(text, i, len);
  if (is_space_cp(c)) return i + len;
  if (is_double_quote_cp(c)) {
    toks.push(i, i + len, TokKind::kQuote).mark = quote_mark(text, i, len, c);
    return i + len;
  }
  if (c == 0xFF20) {  // the full-width at sign starts a handle as '@' does
    if (const std::size_t j = name_end(text, i + len); j != i + len) {
      toks.push(i, j, TokKind::kWord);
      return j;
    }
  }
  if (is_letter_cp(c)) return add_word(text, i, len, is_upper_cp(c), toks);
  // Everything else is a one-code-point punctuation token ("...", "--" split; fine).
  toks.push(i, i + len, TokKind::kPunct);
  return i + len;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 8);
  const bool hard_wrapped = is_hard_wrapped(text);
  Tokens toks{out};
  // The loop itself takes what most text is made of, spaces and words that start with
  // an ASCII letter or digit; add_other takes the rest.
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const Lead lead = kLead[b];
    if (lead == Lead::kAlnum) {
      i = add_word(text, i, 1, b >= 'A' && b <= 'Z', toks);
      // Most words are followed by one space: skip it here rather than in another round.
      if (i < text.size() && text[i] == ' ') ++i;
    } else if (lead == Lead::kSpace) {
      ++i;
    } else {
      i = add_other(text, i, hard_wrapped, toks);
    }
  }
  return out;
}

}  // namespace quotegraph
