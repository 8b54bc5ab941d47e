#include "extract/quotes.hpp"

namespace quotegraph {
namespace {

bool is_trim_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

Span trimmed(std::string_view text, std::size_t s, std::size_t e) {
  while (s < e && is_trim_space(text[s])) ++s;
  while (e > s && is_trim_space(text[e - 1])) --e;
  // U+00A0 (no-break space) at either end.
  while (e - s >= 2 && static_cast<unsigned char>(text[s]) == 0xC2 &&
         static_cast<unsigned char>(text[s + 1]) == 0xA0)
    s += 2;
  while (e - s >= 2 && static_cast<unsigned char>(text[e - 2]) == 0xC2 &&
         static_cast<unsigned char>(text[e - 1]) == 0xA0)
    e -= 2;
  return Span{s, e};
}

}  // namespace

namespace {

/// British style quotes with single marks (‘…’) when a text has no double marks at all:
/// ‘ after a space opens, ’ before a space or punctuation closes (an apostrophe inside a
/// word is part of the word already).
void use_single_marks(std::string_view text, std::vector<Token>& toks) {
  for (const Token& t : toks) {
    if (t.kind == TokKind::kQuote) return;
  }
  for (std::size_t i = 0; i < toks.size(); ++i) {
    Token& t = toks[i];
    if (t.kind != TokKind::kPunct || t.end - t.start != 3) continue;
    std::string_view w = text.substr(t.start, 3);
    char before = t.start > 0 ? text[t.start - 1] : ' ';
    char after = t.end < text.size() ? text[t.end] : ' ';
    bool space_before = before == ' ' || before == '\n' || before == '\t' || before == '(';
    bool free_after = after == ' ' || after == '\n' || after == ',' || after == '.' ||
                      after == ';' || after == ':' || after == '?' || after == '!' || after == ')';
    if (w == "\xe2\x80\x98" && space_before) {
      t.kind = TokKind::kQuote;
      t.mark = QuoteMark::kOpen;
    } else if (w == "\xe2\x80\x99" && !space_before && free_after) {
      t.kind = TokKind::kQuote;
      t.mark = QuoteMark::kClose;
    }
  }
}

}  // namespace

std::vector<Quote> detect_quotes(std::string_view text, std::vector<Token>& toks) {
  use_single_marks(text, toks);
  std::vector<Quote> quotes;
  const auto n = static_cast<std::uint32_t>(toks.size());
  bool open = false;
  std::uint32_t open_idx = 0;
  bool pending_continuation = false;  // the previous paragraph ended inside a quote

  auto finish = [&](std::uint32_t close_idx, bool closed) {
    Quote q;
    q.open = open_idx;
    q.close = close_idx;
    q.para = toks[open_idx].para;
    q.closed = closed;
    std::size_t s = toks[open_idx].end;
    std::size_t e = close_idx < n ? toks[close_idx].start : text.size();
    if (!closed && close_idx < n) e = toks[close_idx].start;
    q.span = trimmed(text, s, e);
    open = false;
    if (q.span.empty()) return;
    // A quote opening a paragraph right after one left open continues it.
    bool first_in_para = open_idx == 0 || toks[open_idx - 1].kind == TokKind::kBreak;
    q.continues = pending_continuation && first_in_para;
    const auto qi = static_cast<std::int32_t>(quotes.size());
    // One pass over the tokens inside: count the words, mark them as the quote's.
    for (std::uint32_t k = open_idx + 1; k < close_idx && k < n; ++k) {
      if (toks[k].kind == TokKind::kWord) ++q.words;
      toks[k].quote = qi;
    }
    toks[open_idx].quote = qi;
    if (closed && close_idx < n) toks[close_idx].quote = qi;
    quotes.push_back(q);
  };

  for (std::uint32_t i = 0; i < n; ++i) {
    Token& t = toks[i];
    if (t.kind == TokKind::kBreak) {
      bool was_open = open;
      if (open) finish(i, false);
      pending_continuation = was_open;
      continue;
    }
    if (t.kind != TokKind::kQuote) continue;
    bool first_in_para = i == 0 || toks[i - 1].kind == TokKind::kBreak;
    if (!first_in_para && !open) pending_continuation = false;
    switch (t.mark) {
      case QuoteMark::kInch:
        if (open) finish(i, true);
        break;
      case QuoteMark::kOpen:
        // German style opens with „ and closes with “.
        if (open && text.substr(toks[open_idx].start, 3) == "\xe2\x80\x9e" &&
            text.substr(t.start, 3) == "\xe2\x80\x9c") {
          finish(i, true);
          break;
        }
        if (open) {
          // A second opening mark: the first quote lost its closing mark.
          finish(i, false);
        }
        open = true;
        open_idx = i;
        break;
      case QuoteMark::kClose:
        if (open) finish(i, true);
        break;  // a stray closing mark opens nothing
      case QuoteMark::kAmbiguous:
      case QuoteMark::kNone:
        if (open) {
          finish(i, true);
        } else {
          open = true;
          open_idx = i;
        }
        break;
    }
  }
  if (open) finish(n, false);
  return quotes;
}

}  // namespace quotegraph
