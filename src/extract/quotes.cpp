#include "extract/quotes.hpp"

#include <algorithm>
#include <memory>

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

/// British style quotes with single marks (‘…’), for a text with no double marks at all:
/// ‘ after a space opens, ’ before a space or punctuation closes (an apostrophe inside a
/// word is part of the word already). Returns whether any mark was found.
bool use_single_marks(std::string_view text, std::vector<Token>& toks) {
  bool found = false;
  for (Token& t : toks) {
    // One branch, rarely taken, instead of one on the kind of every token.
    if (!((t.kind == TokKind::kPunct) & (t.end - t.start == 3))) continue;
    std::string_view w = text.substr(t.start, 3);
    char before = t.start > 0 ? text[t.start - 1] : ' ';
    char after = t.end < text.size() ? text[t.end] : ' ';
    bool space_before = before == ' ' || before == '\n' || before == '\t' || before == '(';
    bool free_after = after == ' ' || after == '\n' || after == ',' || after == '.' ||
                      after == ';' || after == ':' || after == '?' || after == '!' || after == ')';
    if (w == "\xe2\x80\x98" && space_before) {
      t.kind = TokKind::kQuote;
      t.mark = QuoteMark::kOpen;
      found = true;
    } else if (w == "\xe2\x80\x99" && !space_before && free_after) {
      t.kind = TokKind::kQuote;
      t.mark = QuoteMark::kClose;
      found = true;
    }
  }
  return found;
}

/// Whether text holds ‘ or ’ at all: most texts without double marks have neither, and
/// skip the walk over their tokens in use_single_marks.
bool has_single_mark(std::string_view text) {
  for (std::size_t pos = text.find('\xe2'); pos != std::string_view::npos;
       pos = text.find('\xe2', pos + 1)) {
    if (pos + 2 < text.size() && text[pos + 1] == '\x80' &&
        (text[pos + 2] == '\x98' || text[pos + 2] == '\x99')) {
      return true;
    }
  }
  return false;
}

/// Writes the indices of the quotation marks and paragraph breaks (the only tokens the
/// pairing looks at) to events and returns their number. Branch-free: every index is
/// stored, and the count moves on only for those two kinds, so a run of words costs no
/// misprediction. events holds toks.size() entries.
std::uint32_t find_events(const std::vector<Token>& toks, std::uint32_t* events) {
  // kind >> 1 is 1 for kQuote and kBreak, 0 for kWord and kPunct.
  static_assert(static_cast<int>(TokKind::kWord) == 0 && static_cast<int>(TokKind::kPunct) == 1 &&
                static_cast<int>(TokKind::kQuote) == 2 && static_cast<int>(TokKind::kBreak) == 3);
  // Unsigned and full width, so that no step needs a zero extension.
  auto is_event = [](const Token& t) -> std::size_t {
    const std::uint32_t kind = static_cast<std::uint8_t>(t.kind);
    return kind >> 1;
  };
  const std::size_t n = toks.size();
  const Token* tok = toks.data();
  std::size_t m = 0;
  std::size_t i = 0;
  // Four tokens a round: less loop overhead.
  for (; i + 4 <= n; i += 4, tok += 4) {
    events[m] = static_cast<std::uint32_t>(i);
    m += is_event(tok[0]);
    events[m] = static_cast<std::uint32_t>(i + 1);
    m += is_event(tok[1]);
    events[m] = static_cast<std::uint32_t>(i + 2);
    m += is_event(tok[2]);
    events[m] = static_cast<std::uint32_t>(i + 3);
    m += is_event(tok[3]);
  }
  for (; i < n; ++i, ++tok) {
    events[m] = static_cast<std::uint32_t>(i);
    m += is_event(*tok);
  }
  return static_cast<std::uint32_t>(m);
}

}  // namespace

std::vector<Quote> detect_quotes(std::string_view text, std::vector<Token>& toks) {
  std::vector<Quote> quotes;
  const auto n = static_cast<std::uint32_t>(toks.size());
  // One walk over the tokens lists the marks and breaks; the pairing below visits only
  // those.
  const auto events = std::make_unique_for_overwrite<std::uint32_t[]>(n + 1);
  std::uint32_t n_events = find_events(toks, events.get());
  bool any_double = false;
  for (std::uint32_t k = 0; k < n_events; ++k) {
    any_double |= toks[events[k]].kind == TokKind::kQuote;
  }
  // Single marks turned into quotes (rare) join the list: list again.
  if (!any_double && has_single_mark(text) && use_single_marks(text, toks))
    n_events = find_events(toks, events.get());
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
    const std::uint32_t inside_end = std::min(close_idx, n);
    for (std::uint32_t k = open_idx + 1; k < inside_end; ++k) {
      if (toks[k].kind == TokKind::kWord) ++q.words;
      toks[k].quote = qi;
    }
    toks[open_idx].quote = qi;
    if (closed && close_idx < n) toks[close_idx].quote = qi;
    quotes.push_back(q);
  };

  for (std::uint32_t k = 0; k < n_events; ++k) {
    const std::uint32_t i = events[k];
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
