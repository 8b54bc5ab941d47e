// The tokenizer as it was before its byte-class rewrite (commit 1600d7b), kept as the
// reference (verbatim but for lowering an abbreviation with scan::lower_ascii, the same
// ASCII lower-casing the removed lower_word did): the fast one must produce the very same
// tokens for any input.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/scan.hpp"
#include "extract/tokenize.hpp"
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
  return from + scan::alnum_prefix(text.substr(from));
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

/// Abbreviations that keep their period (so "Mr." does not end a sentence).
bool is_abbreviation(std::string_view lower) {
  static constexpr std::string_view kAbbrev[] = {
      "mr",   "mrs", "ms",   "dr",   "sen", "rep",  "gov", "gen", "lt",   "col",  "sgt",  "capt",
      "st",   "jr",  "sr",   "prof", "rev", "mt",   "ft",  "adm", "cmdr", "maj",  "pres", "atty",
      "supt", "det", "insp", "cpl",  "pvt", "hon",  "jan", "feb", "mar",  "apr",  "aug",  "sept",
      "sep",  "oct", "nov",  "dec",  "inc", "corp", "ltd", "vs",  "gens", "reps", "sens", "govs"};
  for (auto a : kAbbrev) {
    if (a == lower) return true;
  }
  return false;
}

std::vector<Token> reference_tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 8);
  // Hard-wrapped text (lines of similar length that end mid-sentence) breaks paragraphs
  // only at blank lines; otherwise every newline ends a paragraph, as in most article
  // exports, where a single newline often separates paragraphs.
  const bool hard_wrapped = [&] {
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
  }();

  std::uint32_t para = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto cp_at = [&](std::size_t pos, std::size_t& len) -> char32_t {
    if (pos >= n) {
      len = 0;
      return 0;
    }
    // Most text is ASCII: decode it here, without a call.
    if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
      len = 1;
      return b;
    }
    return utf8::decode(text, pos, len);
  };
  auto prev_cp = [&](std::size_t pos) -> char32_t {
    if (pos == 0) return 0;
    std::size_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    std::size_t len = 0;
    return utf8::decode(text, p, len);
  };
  auto push = [&](std::size_t s, std::size_t e, TokKind k) -> Token& {
    Token t;
    t.start = static_cast<std::uint32_t>(s);
    t.end = static_cast<std::uint32_t>(e);
    t.kind = k;
    t.para = para;
    out.push_back(t);
    return out.back();
  };

  while (i < n) {
    if (text[i] == ' ') {  // the commonest byte by far
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t c = cp_at(i, len);
    // Letters and digits start words and need none of the tests for marks and spaces.
    const bool ascii_alnum = c < 0x80 && is_ascii_alnum(c);
    if (!ascii_alnum) {
      if (c == '\n') {
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
          if (!out.empty() && out.back().kind != TokKind::kBreak) {
            push(i, i + 1, TokKind::kBreak);
            ++para;
            out.back().para = para;  // the break belongs to the paragraph it starts
          }
        }
        i = j;
        continue;
      }
      if (is_space_cp(c)) {
        i += len;
        continue;
      }
      if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB ||
          c == 0xBB) {
        Token& t = push(i, i + len, TokKind::kQuote);
        // An opening mark typed where a closing one belongs (“rapists“) is read by where it
        // stands: glued to the word before and free after, it closes.
        char32_t before_cp = prev_cp(i);
        std::size_t after_len = 0;
        char32_t after_cp = cp_at(i + len, after_len);
        bool glued_before = before_cp != 0 && !is_space_cp(before_cp) && before_cp != '(' &&
                            before_cp != '[' && before_cp != 0x2014 && before_cp != 0x2013;
        bool free_after = after_cp == 0 || is_space_cp(after_cp) || after_cp == ',' ||
                          after_cp == '.' || after_cp == ';' || after_cp == ')';
        if (c == 0x201C && glued_before && free_after && is_letter_cp(before_cp)) {
          t.mark = QuoteMark::kClose;
        } else if (c == 0x201C || c == 0x201E || c == 0x201F || c == 0xAB) {
          t.mark = QuoteMark::kOpen;
        } else if (c == 0x201D || c == 0xBB) {
          t.mark = QuoteMark::kClose;
        } else {
          char32_t before = prev_cp(i);
          std::size_t nlen = 0;
          char32_t after = cp_at(i + len, nlen);
          bool space_before = before == 0 || is_space_cp(before) || before == '(' ||
                              before == '[' || before == 0x2014 || before == 0x2013 ||
                              before == '-' || before == '/' || before == ':';
          bool space_after = after == 0 || is_space_cp(after);
          bool punct_after = after == ',' || after == '.' || after == ';' || after == ':' ||
                             after == ')' || after == '?' || after == '!' || after == 0x2014 ||
                             after == '-';
          if (is_digit(before) && !space_after && !punct_after) {
            t.mark = QuoteMark::kAmbiguous;
          } else if (is_digit(before)) {
            t.mark = QuoteMark::kInch;
          } else if (space_before && !space_after) {
            t.mark = QuoteMark::kOpen;
          } else if (!space_before && (space_after || punct_after)) {
            t.mark = QuoteMark::kClose;
          } else {
            t.mark = QuoteMark::kAmbiguous;
          }
        }
        i += len;
        continue;
      }
      if (c == '@' || c == 0xFF20 || c == '#') {
        std::size_t nlen = 0;
        char32_t nx = cp_at(i + len, nlen);
        if (is_ascii_alnum(nx) || nx == '_') {
          std::size_t j = i + len;
          while (j < n && (is_ascii_alnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) {
            ++j;
          }
          push(i, j, TokKind::kWord);
          i = j;
          continue;
        }
      }
    }
    if (ascii_alnum || is_letter_cp(c)) {
      std::size_t s = i;
      // U.S., D.C., p.m.: single ASCII letters each followed by a period.
      std::size_t k = i;
      int pairs = 0;
      while (k + 1 < n && text[k + 1] == '.' &&
             is_ascii_alnum(static_cast<unsigned char>(text[k])) &&
             !is_digit(static_cast<unsigned char>(text[k])) &&
             (k + 2 >= n || !is_ascii_alnum(static_cast<unsigned char>(text[k + 2])) ||
              (k + 3 < n && text[k + 3] == '.'))) {
        k += 2;
        ++pairs;
      }
      if (pairs >= 2) {
        Token& t = push(s, k, TokKind::kWord);
        t.cap = is_upper_cp(c);
        i = k;
        continue;
      }
      std::size_t j = i;
      while (j < n) {
        // A run of ASCII letters and digits needs none of the checks below.
        j = ascii_alnum_end(text, j);
        if (j >= n) break;
        // An ASCII byte other than these ends the word: the tests below need not run.
        if (const auto b = static_cast<unsigned char>(text[j]);
            b < 0x80 && b != '\'' && b != '-' && b != '.' && b != ',') {
          break;
        }
        std::size_t l2 = 0;
        char32_t d = cp_at(j, l2);
        if (is_letter_cp(d)) {
          j += l2;
          continue;
        }
        std::size_t l3 = 0;
        char32_t e = cp_at(j + l2, l3);
        // Inner apostrophes and hyphens join: don't, O'Brien, Clinton's, Ocasio-Cortez.
        if ((is_apostrophe(d) || d == '-' || d == 0x2011) && is_letter_cp(e)) {
          j += l2;
          continue;
        }
        // Decimal and thousands separators: 2.75, 1,000.
        if ((d == '.' || d == ',') && is_digit(e) && j > s &&
            is_digit(static_cast<unsigned char>(text[j - 1]))) {
          j += l2;
          continue;
        }
        break;
      }
      // A trailing possessive apostrophe (Jones’ plan) stays out: it may close a quote.
      std::string_view word = text.substr(s, j - s);
      if (j < n && text[j] == '.') {
        bool initial = word.size() == 1 && is_upper_cp(c);
        // Mr. and J. keep the period (no abbreviation is longer than four letters).
        if (initial || (word.size() <= 4 && is_abbreviation(scan::lower_ascii(word)))) ++j;
      }
      Token& t = push(s, j, TokKind::kWord);
      t.cap = is_upper_cp(c);
      i = j;
      continue;
    }
    // Everything else is a one-code-point punctuation token ("...", "--" split; fine).
    push(i, i + len, TokKind::kPunct);
    i += len;
  }
  return out;
}

bool same_tokens(std::string_view text, std::string* why) {
  const std::vector<Token> want = reference_tokenize(text);
  const std::vector<Token> got = tokenize(text);
  for (std::size_t k = 0; k < want.size() || k < got.size(); ++k) {
    if (k >= want.size() || k >= got.size()) {
      *why = "token count " + std::to_string(got.size()) + " != " + std::to_string(want.size());
      return false;
    }
    const Token& a = got[k];
    const Token& b = want[k];
    if (a.start != b.start || a.end != b.end || a.kind != b.kind || a.mark != b.mark ||
        a.cap != b.cap || a.quote != b.quote || a.para != b.para) {
      *why = "token " + std::to_string(k) + " at byte " + std::to_string(b.start) + " (got " +
             std::to_string(a.start) + ".." + std::to_string(a.end) + ")";
      return false;
    }
  }
  return true;
}

// Pieces that exercise every branch: spaces of all kinds, newlines and blank lines, straight
// and curly quotes, joiners, separators, abbreviations, initials, handles, UTF-8 letters,
// punctuation and spaces, and malformed UTF-8.
// clang-format off
const std::string_view kPieces[] = {
    "a", "b", "Z", "x", "7", "0", "word", "Word", "WORDS", "longerwordhere", "U", "S", "p", "m",
    " ", " ", " ", "  ", "\t", "\r", "\f", "\v", "\n", "\n", "\n\n", "\n \n", "\r\n", ".", ".",
    ",", ";", ":", "!", "?", "(", ")", "[", "]", "-", "--", "/", "'", "_", "@", "#", "\"", "\"",
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x9F", "\xC2\xAB", "\xC2\xBB",
    "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xE2\x80\x91", "\xE2\x80\x94", "\xE2\x80\x93",
    "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80", "\xEF\xBB\xBF", "\xE2\x80\xA8", "\xEF\xBC\xA0",
    "\xC3\xA9", "\xC3\x89", "\xC3\x97", "\xC4\x80", "\xCE\x91", "\xD0\x96", "\xE4\xB8\xAD",
    "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "\xC2\xA9", "\xE2\x84\xA2", "\xFF", "\x80", "\xC3",
    "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF", std::string_view("\0", 1), "\x01", "\x7F", "Mr",
    "mrs", "Dr", "SEPT", "Gov", "gens", "Jr", "vs", "inc", "U.S.", "D.C.", "p.m.", "a.b", "2.75",
    "1,000", "6'2", "don't", "O'Brien", "Jones'", "Ocasio-Cortez", "@aoc", "#tag", "x_y",
};
// clang-format on

TEST(TokenizeReference, RandomTextTokenizesAsBefore) {
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string why;
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    ASSERT_TRUE(same_tokens(text, &why)) << why << " in [" << text << "]";
  }
}

TEST(TokenizeReference, HardWrappedTextTokenizesAsBefore) {
  std::string text;
  for (int k = 0; k < 8; ++k) {
    text += "this line runs on past forty bytes and then it just stops mid\n";
    text += "sentence, \"quoted\" by Mr. Doe of the U.S. in 1,000 words.\n";
  }
  text += "\nA new paragraph after a blank line.\n \nAnother one.";
  std::string why;
  EXPECT_TRUE(same_tokens(text, &why)) << why;
  EXPECT_TRUE(same_tokens(text.substr(0, text.size() / 2), &why)) << why;
}

TEST(TokenizeReference, EvaluationCorpusTokenizesAsBefore) {
  // Raw JSON lines: escapes and all, they are text like any other.
  std::ifstream in(QG_SHARED_DIR "/eval/polnear-dev.gold.jsonl");
  if (!in) GTEST_SKIP() << "no shared eval data";
  std::string line;
  std::string why;
  int lines = 0;
  while (std::getline(in, line) && lines < 400) {
    ++lines;
    ASSERT_TRUE(same_tokens(line, &why)) << why << " on line " << lines;
  }
}

}  // namespace
}  // namespace quotegraph
