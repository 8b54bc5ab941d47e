#include "extract/attribute.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "extract/scan.hpp"

namespace quotegraph {
namespace {

// Frames and look-backs are bounded, so that no input (a megabyte of "a" "b" "c" in one
// paragraph) makes attribution quadratic; real sentences are far shorter.
constexpr std::size_t kMaxFrame = 300;
constexpr std::size_t kMaxQuotesBack = 64;

template <std::size_t N>
bool in(std::string_view w, const std::string_view (&set)[N]) {
  for (auto s : set) {
    if (s == w) return true;
  }
  return false;
}

constexpr std::string_view kDeterminers[] = {
    "a",     "an",    "the",     "his",     "her",  "their", "its",  "our",  "my",    "this",
    "these", "those", "another", "several", "many", "some",  "most", "both", "other", "each"};

// Words that end a noun phrase when read forward, or stop a backward walk.
constexpr std::string_view kFunction[] = {
    "that",   "which", "and",    "or",     "but",      "to",     "of",      "in",
    "on",     "at",    "for",    "with",   "from",     "by",     "as",      "than",
    "about",  "after", "before", "when",   "while",    "if",     "because", "since",
    "is",     "was",   "are",    "were",   "be",       "been",   "has",     "have",
    "had",    "will",  "would",  "can",    "could",    "should", "may",     "might",
    "must",   "did",   "does",   "do",     "not",      "also",   "then",    "now",
    "there",  "here",  "what",   "how",    "why",      "where",  "into",    "over",
    "during", "so",    "until",  "unless", "although", "though", "whereas", "whether"};

// Adverbs and auxiliaries between a subject and its cue: "Trump then said", "she has said".
constexpr std::string_view kBetween[] = {
    "also",       "long",       "then",       "later",    "has",      "have",      "had",
    "was",        "is",         "were",       "are",      "would",    "will",      "once",
    "first",      "again",      "further",    "just",     "only",     "even",      "never",
    "not",        "did",        "does",       "do",       "can",      "could",     "may",
    "might",      "must",       "should",     "earlier",  "often",    "always",    "previously",
    "recently",   "reportedly", "repeatedly", "quickly",  "publicly", "privately", "finally",
    "separately", "similarly",  "directly",   "simply",   "herself",  "himself",   "themselves",
    "still",      "already",    "back",       "had",      "can’t",    "won’t",     "don’t",
    "doesn’t",    "didn’t",     "wouldn’t",   "couldn’t", "isn’t",    "wasn’t",    "hasn’t",
    "haven’t",    "can't",      "won't",      "don't",    "doesn't",  "didn't",    "wouldn't",
    "couldn't"};

constexpr std::string_view kParticles[] = {"de", "van", "von", "der", "den", "bin", "al",
                                           "la", "le",  "du",  "da",  "dos", "del", "di"};

constexpr std::string_view kConnectives[] = {"but",       "and",     "so",      "yet",    "still",
                                             "meanwhile", "however", "instead", "also",   "then",
                                             "now",       "later",   "earlier", "indeed", "finally",
                                             "moreover",  "again",   "or",      "thus"};

// Words that open an adverbial clause: "Cruz said as the heckler yelled".
constexpr std::string_view kSubordinators[] = {"as",     "while",   "when",     "because", "after",
                                               "before", "if",      "although", "though",  "since",
                                               "until",  "whereas", "once"};

// Time words between a subject and its verb: "Feinstein last week said", "Trump Monday said".
constexpr std::string_view kWhen[] = {"monday",    "tuesday", "wednesday", "thursday",  "friday",
                                      "saturday",  "sunday",  "today",     "yesterday", "tonight",
                                      "week",      "weekend", "month",     "year",      "morning",
                                      "afternoon", "evening", "night",     "last",      "this"};

// Prepositions whose phrase can stand between a subject and its verb ("Beck, who has in
// the past described").
constexpr std::string_view kPhrasePrepositions[] = {
    "in",     "on",     "at",      "for",  "from",   "with",  "through", "across", "into",
    "around", "inside", "outside", "near", "behind", "along", "during",  "over",   "under"};

constexpr std::string_view kPrepositions[] = {
    "in", "on", "at", "after", "before", "during", "when", "while", "speaking", "asked", "for",
    "from", "with", "as", "since", "last", "through", "across", "into", "around", "outside",
    "inside", "near", "behind", "along",
    // Fronted phrases and clauses that end at a comma: "Alongside BLM calls for action,
    // even a top GOP strategist said", "If elected, Trump said".
    "alongside", "amid", "amidst", "despite", "following", "besides", "beyond", "throughout",
    "within", "without", "under", "over", "against", "among", "upon", "unlike", "like", "if",
    "although", "though", "because", "once", "until", "by"};

bool ends_ly(std::string_view w) { return w.size() > 4 && w.ends_with("ly"); }

// "Clinton's", "Clinton’s": a possessive after at least one letter.
bool ends_possessive(std::string_view w) {
  return (w.size() > 2 && w.ends_with("'s")) || (w.size() > 4 && w.ends_with("\xe2\x80\x99s"));
}

}  // namespace

TokenView::TokenView(std::string_view text, const std::vector<Token>& toks, const Lexicon& lex)
    : text_(text), toks_(toks), lex_(lex), lower_text_(text) {
  scan::lower_ascii_in_place(lower_text_.data(), lower_text_.size());
}

bool TokenView::is_punct(std::size_t i, std::string_view p) const {
  return i < toks_.size() && toks_[i].kind == TokKind::kPunct && word(i) == p;
}

bool TokenView::outside(std::size_t i) const { return toks_[i].quote < 0; }

std::string_view TokenView::base(std::size_t i) const {
  std::string_view l = lower(i);
  // Every clitic below has ' or the last byte of ’ (0x99) two or three bytes from the
  // end: two byte tests turn away the words without one.
  const std::size_t n = l.size();
  auto mark = [&](std::size_t back) {
    return n >= back && (l[n - back] == '\'' || l[n - back] == '\x99');
  };
  if (!mark(2) && !mark(3)) return l;
  for (std::string_view suffix : {"\xe2\x80\x99"
                                  "s",
                                  "'s",
                                  "\xe2\x80\x99"
                                  "re",
                                  "'re",
                                  "\xe2\x80\x99"
                                  "d",
                                  "'d",
                                  "\xe2\x80\x99"
                                  "ll",
                                  "'ll",
                                  "\xe2\x80\x99"
                                  "ve",
                                  "'ve"}) {
    if (l.size() > suffix.size() && l.substr(l.size() - suffix.size()) == suffix) {
      return l.substr(0, l.size() - suffix.size());
    }
  }
  return l;
}

bool TokenView::name_word(std::size_t i, bool* title) const {
  if (title) *title = false;
  if (!is_word(i) || !toks_[i].cap) return false;
  // One look-up per spelling answers every list.
  std::string_view l = lower(i);
  const WordInfo* li = lex_.info(l);
  if (li && li->has(WordInfo::kTitle)) {
    if (title) *title = true;
    return true;
  }
  std::string_view b = base(i);
  const WordInfo* bi = b.size() == l.size() ? li : lex_.info(b);
  const std::uint8_t flags = bi ? bi->flags : 0;
  if ((flags & WordInfo::kNotName) != 0 && (flags & WordInfo::kFirstName) != 0 &&
      first_name_before_surname(i)) {
    return true;  // "said Will Doyle", "…,” May Ortiz said"
  }
  if ((flags & (WordInfo::kNotName | WordInfo::kPronoun)) != 0) return false;
  if ((flags & WordInfo::kSpeakerNoun) != 0 && starts_sentence(i)) return false;  // "Critics say"
  const bool first_name = (flags & WordInfo::kFirstName) != 0;
  // Sentence-initial adverbs ("Reluctantly") are not names; "Kelly" and "Holly" are.
  if (b.size() > 4 && b.ends_with("ly") && !first_name) return false;
  // "Preceded at the lectern by ...": a sentence-initial past participle.
  if (b.size() > 5 && b.ends_with("ed") && starts_sentence(i) && !first_name &&
      i + 1 < toks_.size() && toks_[i + 1].kind == TokKind::kWord && !toks_[i + 1].cap) {
    std::string_view n = lower(i + 1);
    if (n == "at" || n == "by" || n == "in" || n == "on" || n == "with" || n == "from" ||
        n == "to" || n == "for" || n == "as")
      return false;
  }
  // "Reprising her attack, ...": a sentence-initial participle before a lower-case word.
  if (b.size() > 5 && b.ends_with("ing") && starts_sentence(i) && !first_name &&
      i + 1 < toks_.size() && (toks_[i + 1].kind != TokKind::kWord || !toks_[i + 1].cap) &&
      !cue_at(i + 1)) {
    return false;
  }
  return true;
}

bool TokenView::first_name_before_surname(std::size_t i) const {
  // After a lower-case word, a comma or a closing quotation mark ("said Will Doyle",
  // "…,” May Ortiz said"), never where a sentence or a headline could start ("Will Trump
  // win?", "Clinton Will Face Trump"); then one capitalised word that can be a name, and
  // no third.
  if (i == 0 || i + 1 >= toks_.size()) return false;
  const Token& p = toks_[i - 1];
  const bool after = (p.kind == TokKind::kWord && !p.cap) ||
                     (p.kind == TokKind::kPunct && word(i - 1) == ",") ||
                     (p.kind == TokKind::kQuote && p.mark == QuoteMark::kClose);
  if (!after) return false;
  const Token& n = toks_[i + 1];
  if (n.kind != TokKind::kWord || !n.cap) return false;
  const WordInfo* ni = lex_.info(lower(i + 1));
  if (ni && (ni->flags & (WordInfo::kNotName | WordInfo::kTitle | WordInfo::kPronoun)) != 0) {
    return false;
  }
  return i + 2 >= toks_.size() || toks_[i + 2].kind != TokKind::kWord || !toks_[i + 2].cap;
}

bool TokenView::starts_sentence(std::size_t i) const {
  if (i == 0) return true;
  const Token& p = toks_[i - 1];
  if (p.kind == TokKind::kBreak || p.quote >= 0) return true;
  if (p.kind != TokKind::kPunct) return false;
  std::string_view w = word(i - 1);
  return w == "." || w == "?" || w == "!";
}

bool TokenView::is_pronoun(std::size_t i) const {
  return is_word(i) && lex_.pronoun(base(i)) != nullptr;
}

bool TokenView::is_determiner(std::size_t i) const {
  return is_word(i) && in(lower(i), kDeterminers);
}

const CueInfo* TokenView::cue_at(std::size_t i) const {
  if (!is_word(i) || toks_[i].quote >= 0) return nullptr;
  // The rules ask the same tokens again and again (each quote walks its sentence): the
  // answer is kept per token, marked unasked by the address of a CueInfo of its own.
  static const CueInfo kUnasked;
  if (cue_memo_.empty()) cue_memo_.assign(toks_.size(), &kUnasked);
  const CueInfo*& memo = cue_memo_[i];
  if (memo == &kUnasked) memo = cue_uncached(i);
  return memo;
}

const CueInfo* TokenView::cue_uncached(std::size_t i) const {
  const CueInfo* info = lex_.cue(lower(i));
  if (!info) return nullptr;
  if (toks_[i].cap) {
    // "According to ..." opens sentences; "Murphy ... Tweeted on Friday" is a cue written
    // in title case. Other capitalised cue words are names ("the Washington Post").
    std::string_view l = lower(i);
    bool past = l.size() > 3 && l.ends_with("ed");
    bool mid_sentence = i > 0 && toks_[i - 1].kind == TokKind::kPunct && word(i - 1) == ",";
    bool starts =
        i == 0 || toks_[i - 1].kind == TokKind::kBreak ||
        (toks_[i - 1].kind == TokKind::kPunct && (word(i - 1) == "." || word(i - 1) == ":"));
    bool inverted = starts && (l == "said" || l == "says" || l == "added" || l == "wrote");
    if (l != "according" && !(past && mid_sentence) && !inverted) return nullptr;
  }
  if (i > 0 && is_determiner(i - 1)) return nullptr;  // "a statement", "the report"
  std::string_view l = lower(i);
  if (l == "according" && !(is_word(i + 1) && lower(i + 1) == "to")) return nullptr;
  // Cue words that are also nouns ("his home state", "the police report") are verbs only
  // after a subject or an auxiliary.
  static constexpr std::string_view kNounLike[] = {
      "state",   "states",   "report", "reports",  "note",    "notes",    "post",     "posts",
      "claim",   "claims",   "call",   "calls",    "tweet",   "tweets",   "remark",   "remarks",
      "promise", "promises", "pledge", "pledges",  "vow",     "vows",     "answer",   "answers",
      "reply",   "replies",  "read",   "reads",    "comment", "comments", "warning",  "demands",
      "charges", "terms",    "cites",  "mentions", "adds",    "stress",   "stresses", "wonders"};
  bool noun_like = std::find(std::begin(kNounLike), std::end(kNounLike), l) != std::end(kNounLike);
  // "The ad claims “...”", "The headline reads:": a quote, colon or "that" right after.
  bool introduces =
      i + 1 < toks_.size() &&
      (toks_[i + 1].kind == TokKind::kQuote ||
       (toks_[i + 1].kind == TokKind::kPunct && (word(i + 1) == ":" || word(i + 1) == ",")) ||
       (toks_[i + 1].kind == TokKind::kWord && lower(i + 1) == "that"));
  if (noun_like && i > 0 && toks_[i - 1].kind == TokKind::kWord) {
    // "Mr. Obama's remarks on Saturday": a noun after a possessive; but "Trump's claim
    // that “...”" still names whose words follow.
    std::string_view before = lower(i - 1);
    if (ends_possessive(before)) return introduces ? info : nullptr;
  }
  if (noun_like && i > 0 && toks_[i - 1].kind == TokKind::kWord && !toks_[i - 1].cap) {
    std::string_view prev = lower(i - 1);
    static constexpr std::string_view kBeforeVerb[] = {
        "to",     "will",   "would", "did",   "does",  "do",      "can",      "could",
        "should", "may",    "might", "must",  "also",  "then",    "often",    "always",
        "never",  "not",    "who",   "he",    "she",   "they",    "it",       "i",
        "we",     "you",    "that",  "which", "and",   "still",   "now",      "just",
        "later",  "simply", "only",  "even",  "again", "sources", "officials"};
    // "her opening remarks that", "the police report that": a noun after a determiner;
    // but "The ad claims “…”": a verb after a speaker noun.
    if (i >= 2 && is_determiner(i - 2) && !(introduces && lex_.is_speaker_noun(prev)))
      return nullptr;
    bool verb_context =
        introduces ||
        std::find(std::begin(kBeforeVerb), std::end(kBeforeVerb), prev) != std::end(kBeforeVerb) ||
        (prev.size() > 4 && prev.ends_with("ly"));
    if (!verb_context) return nullptr;
  }
  // "will continue to be", "added value": these verbs introduce speech only right before
  // the quote or its punctuation ("he continued, “…”", "she added:").
  if (l == "continue" || l == "continues" || l == "continued" || l == "continuing") {
    if (i + 1 < toks_.size() && toks_[i + 1].kind == TokKind::kWord && lower(i + 1) != "by" &&
        lower(i + 1) != "that")
      return nullptr;
  }
  if (l == "went" && !(is_word(i + 1) && lower(i + 1) == "on")) return nullptr;  // "went on"
  if (l == "shot" || l == "fired" || l == "hit") {
    if (!(is_word(i + 1) && lower(i + 1) == "back")) return nullptr;  // "shot back"
  }
  if (l == "put" || l == "puts") {
    // only "as she put it"
    if (!(is_word(i + 1) && lower(i + 1) == "it")) return nullptr;
  }
  return info;
}

namespace {

class Attributor {
 public:
  Attributor(const TokenView& tv, const std::vector<Quote>& quotes) : tv_(tv), quotes_(quotes) {}

  std::vector<Attribution> run() {
    std::vector<Attribution> out(quotes_.size());
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      const Quote& qt = quotes_[q];
      std::size_t mark = tv_.tok(qt.open).start;
      if (mark > 0 && tv_.text()[mark - 1] == '=') {
        out[q].keep = false;  // an attribute value in markup: author="..."
        out[q].rule = "markup";
        continue;
      }
      out[q] = by_cue(q);
      // A title named near a cue ("said on CNN’s “State of the Union”") is not speech; a
      // cue right beside the marks still makes it one ("“Thank You,” she said").
      if ((out[q].cue >= 0 && title_case(tv_, qt) && qt.words <= 6 &&
           out[q].rule != "trailing-cue" && out[q].rule != "inverted-cue" &&
           !adjacent_lead(qt, static_cast<std::size_t>(out[q].cue))) ||
          named_title(qt) || nickname(qt)) {
        out[q] = Attribution{};
        out[q].keep = false;
        out[q].rule = "title";
      }
    }
    // Rules that lean on neighbours run once every quote has had its own chance.
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      if (out[q].speaker || out[q].cue >= 0 || out[q].inherits >= 0 || out[q].rule == "markup" ||
          out[q].rule == "title")
        continue;
      out[q] = by_context(q, out);
    }
    return out;
  }

 private:
  /// Attribution reads the text outside quotes only.
  bool is_word(std::size_t i) const { return tv_.is_word(i) && tv_.outside(i); }
  std::string_view lw(std::size_t i) const { return tv_.lower(i); }
  bool stop_token(std::size_t i) const {
    const Token& t = tv_.tok(i);
    return t.kind == TokKind::kBreak || t.quote >= 0;
  }
  bool sentence_end(std::size_t i) const {
    if (tv_.tok(i).kind != TokKind::kPunct) return false;
    std::string_view p = tv_.word(i);
    if (p != "." && p != "!" && p != "?" && p != ";") return false;
    // "(R-Fla.) said" is no sentence end: the next token must open a sentence.
    std::size_t j = i + 1;
    if (j >= tv_.size()) return true;
    const Token& t = tv_.tok(j);
    return t.kind == TokKind::kBreak || t.kind == TokKind::kQuote ||
           (t.kind == TokKind::kWord && t.cap);
  }

  /// [first, last) of the right frame: after the closing mark to the end of the sentence.
  std::pair<std::size_t, std::size_t> right_frame(const Quote& q) const {
    if (!q.closed) return {q.close, q.close};
    std::size_t s = q.close + 1;
    std::size_t e = s;
    while (e < tv_.size() && !stop_token(e) && e - s < kMaxFrame) {
      if (sentence_end(e)) break;
      ++e;
    }
    return {s, e};
  }

  /// [first, last) of the left frame: from the sentence start to the opening mark. Quotes
  /// inside the sentence are passed over ("called him a “loser,” a “liar” and ...").
  std::pair<std::size_t, std::size_t> left_frame(std::size_t open) const {
    std::size_t s = open;
    while (s > 0 && open - s < kMaxFrame) {
      const Token& t = tv_.tok(s - 1);
      if (t.kind == TokKind::kBreak) break;
      if (t.quote >= 0) {
        const Quote& prev = quotes_[static_cast<std::size_t>(t.quote)];
        if (!prev.closed || ends_sentence(prev, s)) break;
        s = prev.open;
        continue;
      }
      if (sentence_end(s - 1)) break;
      // "... in the U.S. He says": an abbreviation ends the sentence before a pronoun.
      if (tv_.is_word(s - 1) && tv_.word(s - 1).back() == '.' && tv_.is_word(s) && tv_.tok(s).cap &&
          tv_.is_pronoun(s))
        break;
      --s;
    }
    return {s, open};
  }

  /// A title in capitals after "on", "of", "titled" or a possessive: "on CBS's “Face the
  /// Nation,”", "the spot, titled “Arrogant,”".
  bool named_title(const Quote& q) const {
    if (!title_case(tv_, q) || q.words > 6 || q.open == 0) return false;
    std::size_t p = q.open - 1;
    if (!tv_.is_word(p) || !tv_.outside(p)) return false;
    static constexpr std::string_view kBefore[] = {"on",    "of",     "in",   "titled", "entitled",
                                                   "named", "dubbed", "from", "at",     "watch"};
    std::string_view b = tv_.lower(p);
    return ends_possessive(b) ||
           std::find(std::begin(kBefore), std::end(kBefore), b) != std::end(kBefore);
  }

  /// A nickname between the parts of a name: Marcia “Cia” Price.
  bool nickname(const Quote& q) const {
    if (q.words > 3 || !q.closed || q.open == 0 || q.close + 1 >= tv_.size()) return false;
    return tv_.name_word(q.open - 1) && tv_.outside(q.open - 1) && tv_.name_word(q.close + 1) &&
           tv_.outside(q.close + 1) && tv_.tok(q.open + 1).cap;
  }

  /// The cue is a speech noun after a possessive: "Trump's remarks “…”".
  bool possessive_cue(std::size_t c) const {
    if (c == 0 || !tv_.is_word(c - 1)) return false;
    std::string_view b = tv_.lower(c - 1);
    return ends_possessive(b);
  }

  /// A lower-case word that can be the verb after a subject: not a participle cue, and
  /// either a known cue or a word ending like a finite verb (-ed, -s) or an auxiliary.
  bool verb_like_after(std::size_t k) const {
    std::string_view w = lw(k);
    if (in(w, kBetween)) return true;
    if (w.size() > 3 && (w.ends_with("ed") || w.back() == 's')) return true;
    return false;
  }

  /// A dash (― — – -) stands between the closing mark and token i.
  bool dash_before(std::size_t from, std::size_t i) const {
    for (std::size_t k = from; k < i; ++k) {
      std::string_view w = tv_.word(k);
      if (w == "\xe2\x80\x95" || w == "\xe2\x80\x94" || w == "\xe2\x80\x93" || w == "-")
        return true;
    }
    return false;
  }

  /// The cue introduces the quote directly: "said:", "said,", "wrote".
  bool adjacent_lead(const Quote& q, std::size_t cue) const {
    // A comma or colon between them: "she said, “Thank You.”", not "has read “The Hobbit”".
    std::size_t k = cue + 1;
    while (k < q.open && tv_.tok(k).kind == TokKind::kPunct) ++k;
    return k == q.open && k > cue + 1;
  }

  /// A quote ending in . ! or ? and followed by a capitalised word ends its sentence.
  bool ends_sentence(const Quote& q, std::size_t after) const {
    if (q.span.empty()) return false;
    char last = tv_.text()[q.span.end - 1];
    if (last != '.' && last != '!' && last != '?') return false;
    return after >= tv_.size() || tv_.tok(after).kind != TokKind::kWord || tv_.tok(after).cap;
  }

  /// A name right after one to four words from f0 that end in a role ("strategist Ryan
  /// Williams", "political consultant Chris Russell", "Watch President Tom Fitton"), or
  /// nothing.
  std::optional<TokenMention> name_after_role(std::size_t f0, std::size_t limit) const {
    // The cheap tests first: most capitalised runs are not followed by this shape. Up to
    // four words that are lower case, or capitalised but no name ("Judicial Watch
    // President Tom Fitton"), then a name word.
    std::size_t f = f0;
    while (f < limit && f < f0 + 4 && is_word(f) && (!tv_.tok(f).cap || !tv_.name_word(f))) ++f;
    if (f == f0 || f >= limit || !is_word(f) || !tv_.tok(f).cap || !tv_.name_word(f)) {
      return std::nullopt;
    }
    const Lexicon& lex = tv_.lex();
    for (std::size_t k = f0; k < f; ++k) {
      const std::string_view w = lw(k);
      // "secretary of state Madeleine Albright": "of" inside a role.
      const bool role_of = w == "of" && k > f0 && k + 1 < f && lex.is_title(lw(k - 1));
      if ((!role_of && in(w, kFunction)) || tv_.cue_at(k) || ends_ly(w) || w == "the" || w == "a" ||
          w == "an") {
        return std::nullopt;  // "The leader of the Anti-Defamation League, Jonathan ..."
      }
    }
    // The words end in a role ("... strategist", "secretary of state"), or the name starts
    // with a title or a describing word ("Oversight ranking Democrat Elijah Cummings").
    const bool ends_in_role = lex.is_title(lw(f - 1)) || lex.is_speaker_noun(lw(f - 1)) ||
                              (f - f0 >= 3 && lw(f - 2) == "of" && lex.is_title(lw(f - 3)));
    if (!ends_in_role && !lex.is_title(lw(f)) && !lex.is_speaker_noun(lw(f))) {
      return std::nullopt;
    }
    std::size_t end = f;
    bool has_name = false;
    while (end < limit && is_word(end) &&
           (tv_.name_word(end) ||
            (in(lw(end), kParticles) && end + 1 < limit && tv_.name_word(end + 1)))) {
      if (!lex.is_title(lw(end))) has_name = true;
      ++end;
    }
    if (!has_name) return std::nullopt;
    // A describing word alone is no name ("The former Republican presidential candidate").
    if (!lex.is_title(lw(f)) && lex.is_speaker_noun(lw(f)) && end - f < 3) return std::nullopt;
    return TokenMention{static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(end),
                        MentionKind::kName};
  }

  /// The noun phrase starting at s. `relaxed`: any lower-case phrase will do (after an
  /// inverted cue the phrase is the speaker whatever its head: ," read one.).
  std::optional<TokenMention> np_forward(std::size_t s, std::size_t limit,
                                         bool relaxed = false) const {
    if (s >= limit || !is_word(s)) return std::nullopt;
    std::string_view l = lw(s);
    if (l.front() == '@') {  // "replied to @tomhale"
      return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s + 1),
                          MentionKind::kHandle};
    }
    if (tv_.is_pronoun(s)) {
      return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s + 1),
                          l == "who" ? MentionKind::kRelative : MentionKind::kPronoun};
    }
    if (tv_.tok(s).cap && (tv_.name_word(s) || l == "the")) {
      std::size_t e = s;
      bool has_name = tv_.name_word(s) && !tv_.lex().is_title(l);
      while (e + 1 < limit && is_word(e + 1) &&
             (tv_.name_word(e + 1) ||
              (in(lw(e + 1), kParticles) && e + 2 < limit && tv_.name_word(e + 2)))) {
        ++e;
        if (!tv_.lex().is_title(lw(e))) has_name = true;
      }
      // "said Republican strategist Ryan Williams", "Clinton's campaign manager Robby
      // Mook": capitalised words, a lower-case role, then a name: the name speaks.
      if (auto named = name_after_role(e + 1, limit)) return named;
      // "Clinton's campaign", "The Trump campaign": a possessive or modifier before a noun.
      std::string_view last = lw(e);
      const bool possessive = ends_possessive(last);
      // "The Florida senator", "The Democratic presidential candidate": "the", a name
      // used as a modifier and a role is a description of somebody, not a name.
      const bool the_modifier = l == "the" && has_name;
      if ((possessive || !has_name || the_modifier) && e + 1 < limit && is_word(e + 1) &&
          !tv_.tok(e + 1).cap) {
        std::size_t f = e;
        int count = 0;
        while (f + 1 < limit && is_word(f + 1) && !tv_.tok(f + 1).cap && count < 4 &&
               !in(lw(f + 1), kFunction) && !tv_.cue_at(f + 1) && !ends_ly(lw(f + 1))) {
          ++f;
          ++count;
        }
        if (the_modifier) {
          // Up to the last role word, before any verb or article ("The Vermont senator
          // emailed supporters"; "The Democratic National Committee released a statement"
          // has no role word and stays a name).
          std::size_t role = 0;
          for (std::size_t k = e + 1; k <= f; ++k) {
            const std::string_view w = lw(k);
            if (w == "a" || w == "an" || w == "the" || (w.size() > 4 && w.ends_with("ed"))) break;
            if (tv_.lex().is_title(w)) role = k;
          }
          f = role == 0 ? e : role;
        }
        if (f > e)
          return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(f + 1),
                              MentionKind::kNominal};
      }
      if (!has_name && l == "the") return std::nullopt;
      return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e + 1),
                          has_name ? MentionKind::kName : MentionKind::kNominal};
    }
    // "Critics say", "Officials said": a capitalised common noun opening a sentence.
    if (tv_.tok(s).cap && !tv_.is_determiner(s) && l != "one" && !tv_.lex().is_speaker_noun(l))
      return std::nullopt;
    if (in(l, kFunction) || tv_.cue_at(s)) return std::nullopt;
    // A lower-case noun phrase: "a campaign spokesman", "officials", "the Trump campaign".
    std::size_t e = s;
    int count = 0;
    auto verb_like = [&](std::size_t k) {
      // "The attack sparked", "The results aren’t": past tenses and negations end the phrase.
      std::string_view w = lw(k);
      return (k > s + 1 && w.size() > 4 && w.ends_with("ed") && !tv_.tok(k).cap) ||
             (w.size() > 3 &&
              (w.ends_with("n't") || (w.size() > 5 && w.ends_with("n\xe2\x80\x99t"))));
    };
    while (e + 1 < limit && is_word(e + 1) && count < 5 && !in(lw(e + 1), kFunction) &&
           !tv_.cue_at(e + 1) && !ends_ly(lw(e + 1)) && !in(lw(e + 1), kBetween) &&
           !verb_like(e + 1)) {
      ++e;
      ++count;
    }
    if (!relaxed && !tv_.is_determiner(s) && !tv_.lex().is_speaker_noun(lw(e)) && !tv_.tok(e).cap)
      return std::nullopt;
    if (tv_.is_determiner(s) && e == s && !relaxed) return std::nullopt;
    // "union organiser Lucie Fontaine-Roy": a role before a name; the name is the speaker.
    if (tv_.name_word(e) && !tv_.lex().is_title(lw(e))) {
      std::size_t n0 = e;
      while (n0 > s && tv_.name_word(n0 - 1)) --n0;
      if (n0 > s && !tv_.is_determiner(n0 - 1)) {
        return TokenMention{static_cast<std::uint32_t>(n0), static_cast<std::uint32_t>(e + 1),
                            MentionKind::kName};
      }
    }
    // "the Gazette", "the Associated Press": "the" before a name is the name; "a New
    // Hampshire Republican", "another Iowa Democrat" stay nobody in particular.
    bool named = l == "the" && e > s;
    for (std::size_t k = s + 1; named && k <= e; ++k) named = tv_.name_word(k);
    return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e + 1),
                        named ? MentionKind::kName : MentionKind::kNominal};
  }

  std::optional<TokenMention> np_backward(std::size_t e, std::size_t floor) const {
    if (e < floor || !is_word(e)) return std::nullopt;
    std::string_view l = lw(e);
    if (tv_.is_pronoun(e)) {
      return TokenMention{static_cast<std::uint32_t>(e), static_cast<std::uint32_t>(e + 1),
                          l == "who" ? MentionKind::kRelative : MentionKind::kPronoun};
    }
    if (tv_.name_word(e)) {
      std::size_t s = e;
      while (s > floor && is_word(s - 1) &&
             (tv_.name_word(s - 1) || (in(lw(s - 1), kParticles) && tv_.tok(s - 1).cap == false &&
                                       s >= floor + 2 && tv_.name_word(s - 2)))) {
        --s;
      }
      if (s > floor && is_word(s - 1) && lw(s - 1) == "the") --s;  // "the Post", "The Times"
      return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e + 1),
                          MentionKind::kName};
    }
    if (tv_.tok(e).cap && !tv_.lex().is_speaker_noun(l)) return std::nullopt;
    if (in(l, kFunction) || in(l, kBetween) || tv_.cue_at(e)) return std::nullopt;
    std::size_t s = e;
    int count = 0;
    while (s > floor && is_word(s - 1) && count < 5) {
      std::string_view w = lw(s - 1);
      if (tv_.is_determiner(s - 1)) {
        --s;
        break;
      }
      if (in(w, kFunction) || tv_.cue_at(s - 1) || tv_.is_pronoun(s - 1)) break;
      --s;
      ++count;
    }
    return TokenMention{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e + 1),
                        MentionKind::kNominal};
  }

  /// The subject of the clause that starts at s: skips connectives and a leading
  /// prepositional phrase ("In a statement, Trump said ...").
  std::optional<TokenMention> clause_subject(std::size_t s, std::size_t limit) const {
    // A dateline opens the paragraph: "WASHINGTON (AP) — ...", "PARIS — ...".
    if (s == 0 || tv_.tok(s - 1).kind == TokKind::kBreak) {
      for (std::size_t k = s; k < limit && k < s + 8; ++k) {
        std::string_view w = tv_.word(k);
        if (tv_.tok(k).kind == TokKind::kPunct &&
            (w == "\xe2\x80\x94" || w == "\xe2\x80\x93" || w == "-")) {
          s = k + 1;
          break;
        }
      }
    }
    while (s < limit && !is_word(s)) ++s;
    while (s < limit && is_word(s) && in(lw(s), kConnectives)) ++s;
    while (s < limit && !is_word(s)) ++s;
    const bool fronted = s < limit && is_word(s) && (in(lw(s), kPrepositions) || ends_ly(lw(s)));
    if (fronted) {
      std::size_t c = s;
      while (c < limit && !(tv_.is_punct(c, ",") && tv_.outside(c))) ++c;
      if (c < limit) s = c + 1;
      while (s < limit && !is_word(s)) ++s;  // past the closing mark of a quoted title
    }
    auto np = np_forward(s, limit);
    // "In a wide-ranging, in-prison interview with X last year, Lazar said": the fronted
    // phrase may hold commas of its own; the subject follows one of them.
    for (int more = 0; fronted && more < 2 && !is_person(np); ++more) {
      std::size_t c = s;
      while (c < limit && !(tv_.is_punct(c, ",") && tv_.outside(c))) ++c;
      if (c >= limit) break;
      std::size_t t = c + 1;
      while (t < limit && !is_word(t)) ++t;
      auto next = np_forward(t, limit);
      if (is_person(next)) {
        return next;
      }
      s = t;
    }
    // "To wit, Trump told ...": a short opening phrase before a comma.
    if (!is_person(np)) {
      for (std::size_t c = s; c < limit && c < s + 4; ++c) {
        if (tv_.is_punct(c, ",")) {
          auto after = np_forward(c + 1, limit);
          if (is_person(after)) return after;
          break;
        }
      }
    }
    return np;
  }

  /// The subject of the cue at c, looking left from it within [floor, c).
  std::size_t skip_between(std::size_t j, std::size_t floor) const {
    while (j > floor && is_word(j) &&
           ((!tv_.tok(j).cap && (in(lw(j), kBetween) || ends_ly(lw(j)))) || in(lw(j), kWhen))) {
      --j;
    }
    return j;
  }

  std::optional<TokenMention> subject_before(std::size_t c, std::size_t floor) const {
    if (c <= floor) return std::nullopt;
    // "Trump was asked, “…”": a passive cue's subject is spoken to, not the speaker.
    if (c > floor && is_word(c - 1)) {
      std::string_view aux = lw(c - 1);
      std::string_view v = lw(c);
      bool participle = v.size() > 3 && (v.ends_with("ed") || v == "told");
      if (participle && (aux == "was" || aux == "were" || aux == "been" || aux == "being" ||
                         aux == "is" || aux == "are" || aux == "be")) {
        return std::nullopt;
      }
    }
    std::size_t j = skip_between(c - 1, floor);
    // "The email goes on to say:", "he went on to write": the subject of the verb before "to".
    if (j > floor && is_word(j) && lw(j) == "to") {
      --j;
      for (int k = 0; k < 2 && j > floor && is_word(j) && !tv_.tok(j).cap && !tv_.is_pronoun(j) &&
                      !tv_.is_determiner(j) && !tv_.lex().is_speaker_noun(lw(j));
           ++k) {
        --j;
      }
      j = skip_between(j, floor);
    }
    // "Governor Mary Fallin (R-OK) said": step over the parenthesis.
    if (j > floor && tv_.is_punct(j, ")")) {
      std::size_t k = j;
      while (k > floor && j - k < 10 && !tv_.is_punct(k, "(")) --k;
      if (tv_.is_punct(k, "(") && k > floor) j = skip_between(k - 1, floor);
    }
    if (is_word(j)) {
      std::string_view w = lw(j);
      // "Trump ..., but now said", "He ... and joked": the subject of the first verb.
      if (w == "but" || w == "and" || w == "yet") return clause_subject(floor, c);
      // "the report, which notes": the phrase before the relative pronoun.
      if ((w == "which" || w == "that") && j > floor + 1 && tv_.is_punct(j - 1, ",")) {
        return is_word(j - 2) ? np_backward(j - 2, floor) : std::nullopt;
      }
      auto np = np_backward(j, floor);
      // "Beck, who has in the past described": skip a prepositional phrase to the subject.
      // "A source speaking to Fox News said": a name after a participle and a preposition
      // is that participle's object.
      auto object_of_participle = [&](const TokenMention& m) {
        if (m.kind != MentionKind::kName || m.first < floor + 2 || !is_word(m.first - 1) ||
            !is_word(m.first - 2))
          return false;
        std::string_view prep = lw(m.first - 1);
        std::string_view verb = lw(m.first - 2);
        return (prep == "to" || prep == "with" || prep == "from" || prep == "by") &&
               verb.size() > 4 && (verb.ends_with("ing") || verb.ends_with("ed"));
      };
      for (int hop = 0;
           hop < 2 && np && np->first > floor && is_word(np->first - 1) &&
           ((np->kind == MentionKind::kNominal && in(lw(np->first - 1), kPhrasePrepositions)) ||
            object_of_participle(*np));
           ++hop) {
        std::size_t k = skip_between(np->first - 1, floor);
        if (k <= floor) break;
        k = skip_between(k - 1, floor);
        // "... but in a later interview said": the subject of the first verb.
        if (is_word(k) && (lw(k) == "but" || lw(k) == "and")) return clause_subject(floor, c);
        auto before = is_word(k) ? np_backward(k, floor) : std::nullopt;
        if (!before) break;
        np = before;
      }
      return np;
    }
    if (tv_.is_punct(j, ",") || tv_.is_punct(j, ")") || tv_.is_punct(j, "\xe2\x80\x94")) {
      // "Clinton, during a town hall in Columbus, Ohio, said": a clause opening with a
      // name or pronoun and a comma is about that subject.
      if (auto first = clause_subject(floor, c);
          is_person(first) && tv_.is_punct(first->last, ",")) {
        return first;
      }
      // ", Jeff Weaver, said": an appositive name right before the cue.
      if (j > floor && tv_.name_word(j - 1)) {
        auto np = np_backward(j - 1, floor);
        if (np && np->first > floor && tv_.is_punct(np->first - 1, ",")) return np;
      }
      // "he, once again, pledged", "Rosenberg, a journalist who ..., responded": the name
      // or pronoun before the parenthetical remark.
      if (tv_.is_punct(j, ",")) {
        std::size_t k = j;
        while (k > floor && j - k < 30 && !tv_.is_punct(k - 1, ",") && tv_.outside(k - 1)) --k;
        if (k > floor + 1 && tv_.is_punct(k - 1, ",") && is_word(k - 2)) {
          auto np = np_backward(k - 2, floor);
          if (np &&
              (np->kind == MentionKind::kName || np->kind == MentionKind::kPronoun ||
               np->kind == MentionKind::kRelative) &&
              (np->first == floor || !is_word(np->first - 1) ||
               in(lw(np->first - 1), kConnectives))) {
            return np;
          }
        }
      }
      // "Gov. John Kasich (R-OH), said": a parenthesis before the comma.
      if (tv_.is_punct(j, ",") && j > floor + 1 && tv_.is_punct(j - 1, ")")) {
        std::size_t k = j - 1;
        while (k > floor && j - k < 10 && !tv_.is_punct(k, "(")) --k;
        if (tv_.is_punct(k, "(") && k > floor && tv_.name_word(k - 1)) {
          return np_backward(k - 1, floor);
        }
      }
      return clause_subject(floor, c);
    }
    return std::nullopt;
  }

  void set_addressee(Attribution& a, std::size_t c, std::size_t limit) const {
    std::size_t j = c + 1;
    while (j < limit && is_word(j) && (lw(j) == "back" || ends_ly(lw(j)))) ++j;
    if (a.reply) {
      if (j < limit && is_word(j) && lw(j) == "to") {
        if (auto np = np_forward(j + 1, limit)) a.addressee = np;
      }
      return;
    }
    std::string_view cue = lw(c);
    if (cue == "told" || cue == "tells" || cue == "tell" || cue == "telling") {
      auto np = np_forward(j, limit);
      if (np && np->kind == MentionKind::kName) a.addressee = np;
    }
  }

  /// Someone in particular: a name, a pronoun, or "the", a name as modifier and a role: "the
  /// Florida senator", "The GOP presidential candidate".
  bool is_person(const std::optional<TokenMention>& np) const {
    if (!np) return false;
    if (np->kind == MentionKind::kName || np->kind == MentionKind::kPronoun) return true;
    return np->kind == MentionKind::kNominal && lw(np->first) == "the" &&
           np->first + 2 < np->last && tv_.tok(np->first + 1).cap &&
           tv_.lex().is_title(lw(np->last - 1));
  }
  /// A person, or a noun phrase that can speak (the statement, a spokesman).
  bool is_source(const std::optional<TokenMention>& np) const {
    return is_person(np) || (np && np->kind == MentionKind::kNominal);
  }

  /// Records a speaker found without a cue of its own (or after ":") and returns it.
  static Attribution& with_speaker(Attribution& a, const TokenMention& np, const char* rule,
                                   double confidence, const char* cue_text = nullptr) {
    a.speaker = np;
    if (cue_text) a.cue_text = cue_text;
    a.rule = rule;
    a.confidence = confidence;
    return a;
  }

  /// Records a speaker found by a cue under the named rule.
  void found(Attribution& a, std::size_t c, const CueInfo& info, const TokenMention& np,
             const char* rule, double confidence) const {
    set_cue(a, c, info);
    a.speaker = np;
    a.rule = rule;
    a.confidence = confidence;
  }

  void set_cue(Attribution& a, std::size_t c, const CueInfo& info) const {
    a.cue = static_cast<std::int32_t>(c);
    a.cue_text = std::string(tv_.word(c));
    if (lw(c) == "according") a.cue_text += " to";
    a.reply = info.reply;
  }

  /// Speaker of a cue verb at c inside a frame [fs, fe).
  std::optional<TokenMention> cue_subject(std::size_t c, const CueInfo& info, std::size_t fs,
                                          std::size_t fe) const {
    if (lw(c) == "according") return np_forward(c + 2, fe, true);
    // "The paradox of Nancy, says Carl Anthony, historian ..., is that": inverted aside.
    if (c > fs && tv_.is_punct(c - 1, ",")) {
      if (auto np = np_forward(c + 1, fe);
          np && np->kind == MentionKind::kName && tv_.is_punct(np->last, ",")) {
        return np;
      }
    }
    if (c == fs || (c > fs && !is_word(c - 1) && c - 1 == fs)) {
      return np_forward(c + 1, fe, true);  // "Said Dorothy Poynter, who ...: “...”"
    }
    if (info.participle) {
      // "footage of Hillary Clinton asking, “…”": the person shown speaking.
      std::size_t k = skip_between(c - 1, fs);
      if (k > fs && tv_.name_word(k) && tv_.outside(k)) {
        auto np = np_backward(k, fs);
        if (np && np->kind == MentionKind::kName && np->first > fs && is_word(np->first - 1) &&
            (lw(np->first - 1) == "of" || lw(np->first - 1) == "with")) {
          return np;
        }
      }
      if (auto np = clause_subject(fs, c); is_person(np)) {
        return np;
      }
      // The subject of the nearest clause before it: "Spicer said, adding", "Warren
      // appeared ... and endorsed Clinton, saying", "she issued a statement calling".
      for (std::size_t j = c; j-- > fs;) {
        if (!is_word(j)) continue;
        std::string_view w = lw(j);
        if (w == "he" || w == "she" || w == "they" || w == "we" || w == "i" || w == "who") {
          return TokenMention{static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(j + 1),
                              w == "who" ? MentionKind::kRelative : MentionKind::kPronoun};
        }
        bool verb_next = j + 1 < c && is_word(j + 1) && !tv_.tok(j + 1).cap &&
                         (tv_.cue_at(j + 1) != nullptr || verb_like_after(j + 1));
        if (tv_.name_word(j) && !tv_.lex().is_title(w) && verb_next) return np_backward(j, fs);
      }
      if (auto np = clause_subject(fs, c)) return np;
      // "replacing it with softer language calling for": the nearest pronoun or name.
      for (std::size_t k2 = c; k2 > fs; --k2) {
        if (is_word(k2 - 1) && (tv_.is_pronoun(k2 - 1) || tv_.name_word(k2 - 1))) {
          return tv_.is_pronoun(k2 - 1) ? np_forward(k2 - 1, c) : np_backward(k2 - 1, fs);
        }
      }
      return std::nullopt;
    }
    return subject_before(c, fs);
  }

  Attribution by_cue(std::size_t qi) {
    const Quote& q = quotes_[qi];
    Attribution a;
    auto [rs, re] = right_frame(q);
    auto [ls, le] = left_frame(q.open);

    std::size_t i = rs;
    while (i < re && !is_word(i)) ++i;
    auto trailing = [&]() -> bool {
      // Trailing: ," Trump said / ," said Trump / ," Trump, who ..., said.
      bool adjacent = i < re && i <= rs + 2;
      if (adjacent) {
        if (const CueInfo* info = tv_.cue_at(i)) {
          if (info->participle) {
            // ", adding ..." continues the sentence before the quote.
            if (auto np = clause_subject(ls, le)) {
              found(a, i, *info, *np, "participle-after", 0.75);
              return true;
            }
          } else {
            std::size_t after = lw(i) == "according" ? i + 2 : i + 1;
            if (auto np = np_forward(after, re, true)) {
              found(a, i, *info, *np, "inverted-cue", np->kind == MentionKind::kName ? 0.95 : 0.85);
              set_addressee(a, np->last - 1, re);
              return true;
            }
          }
        } else if (auto np = np_forward(i, re)) {
          // Find the cue within a short reach after the subject, over an appositive.
          // Far only over an appositive (", who ...,"); otherwise a few adverbs at most.
          std::size_t words = 0;
          const std::size_t reach =
              tv_.is_punct(np->last, ",") || tv_.is_punct(np->last, "(") ? 14 : 4;
          for (std::size_t c = np->last; c < re && words < reach; ++c) {
            if (!is_word(c)) continue;
            ++words;
            if (const CueInfo* cue = tv_.cue_at(c)) {
              found(a, c, *cue, *np, "trailing-cue", np->kind == MentionKind::kName ? 0.95 : 0.9);
              set_addressee(a, c, re);
              return true;
            }
          }
          // “…” ― Pamela Padilla: a signature after a dash.
          // Not after a quote introduced in its own sentence: there the dash opens an aside.
          bool introduced = false;
          for (std::size_t k = ls; k < le && !introduced; ++k)
            introduced = tv_.cue_at(k) != nullptr;
          if (np->kind == MentionKind::kName && dash_before(rs, i) && !introduced) {
            a.speaker = np;
            a.rule = "dash-signature";
            a.confidence = 0.85;
            return true;
          }
        }
      }
      return false;
    };
    auto leading = [&]() -> bool {
      // Leading: Trump said: "..." / Rosenberg, a journalist, responded, writing, "..."
      std::optional<std::size_t> strong;
      std::optional<std::size_t> weak;
      for (std::size_t c = le; c > ls; --c) {
        const CueInfo* info = tv_.cue_at(c - 1);
        if (!info) continue;
        if (!info->weak) {
          strong = c - 1;
          break;
        }
        if (!weak) weak = c - 1;
      }
      std::optional<std::size_t> chosen = strong ? strong : weak;
      if (weak && strong && *weak > *strong) chosen = weak;  // nearest verb governs a partial quote
      if (chosen) {
        const CueInfo* info = tv_.cue_at(*chosen);
        auto np = cue_subject(*chosen, *info, ls, le);
        // "Obama said he expected that Americans will say “no”": reported speech inside
        // reported speech belongs to the outer speaker.
        if (np && !info->participle) {
          for (std::size_t c = np->first; c-- > ls;) {
            const CueInfo* outer = tv_.cue_at(c);
            if (!outer || outer->weak || outer->participle || lw(c) == "according") continue;
            // Only a complement clause ("said (that) Americans will say"), not a clause
            // of its own after a comma ("Asked by X to respond, Carson said").
            bool boundary = false;
            for (std::size_t k = c + 1; k < np->first; ++k) {
              boundary = boundary || tv_.tok(k).kind == TokKind::kPunct ||
                         tv_.tok(k).kind == TokKind::kQuote ||
                         (is_word(k) && in(lw(k), kSubordinators));
            }
            if (boundary) break;
            auto np1 = subject_before(c, ls);
            if (np1 &&
                (np1->kind == MentionKind::kName || np1->kind == MentionKind::kPronoun ||
                 (np1->kind == MentionKind::kNominal &&
                  (np->kind != MentionKind::kName || possessive_cue(*chosen)))) &&
                np1->last <= c) {
              np = np1;
              chosen = c;
              info = outer;
            }
            break;
          }
        }
        if (np) {
          set_cue(a, *chosen, *info);
          a.speaker = np;
          a.rule = info->participle ? "participle-before" : "leading-cue";
          a.confidence = np->kind == MentionKind::kName ? 0.9 : 0.85;
          set_addressee(a, *chosen, le);
          // "Rosenberg responded to Ocasio-Cortez on Twitter, writing, ...": the reply verb
          // of the clause names the addressee.
          for (std::size_t c = np->last; !a.addressee && c < *chosen; ++c) {
            const CueInfo* verb = tv_.cue_at(c);
            if (verb && verb->reply) {
              Attribution r;
              r.reply = true;
              set_addressee(r, c, *chosen);
              if (r.addressee) {
                a.addressee = r.addressee;
                a.reply = true;
              }
            }
          }
          return true;
        }
      }
      return false;
    };
    // A quote that ends its sentence with a full stop ("… a failed candidate.” Romney
    // fired back …) is introduced before it; the cue after it starts the next sentence.
    bool sentence_final = q.closed && !q.span.empty() && tv_.text()[q.span.end - 1] == '.' &&
                          i < re && i == rs && tv_.tok(i).cap;
    if (sentence_final) {
      if (leading()) return a;
      // After a full stop, "He said." attributes the quote; "He said he had directed
      // his team to ..." is the next piece of reported speech.
      if (trailing()) {
        std::size_t words_after = 0;
        for (std::size_t k = static_cast<std::size_t>(a.cue) + 1; k < re; ++k) {
          if (is_word(k)) ++words_after;
        }
        if (a.cue < 0 || words_after <= 4) return a;
        a = Attribution{};
      }
    } else if (trailing() || leading()) {
      return a;
    }

    // Colon introduction at the end of the previous paragraph: The mayor said:
    if (ls == q.open && q.open > 0 && tv_.tok(q.open - 1).kind == TokKind::kBreak && !q.continues) {
      std::size_t colon = q.open - 1;
      while (colon > 0 && tv_.tok(colon).kind == TokKind::kBreak) --colon;
      if (tv_.is_punct(colon, ":") && tv_.outside(colon)) {
        auto [ps, pe] = left_frame(colon);
        for (std::size_t c = pe; c > ps; --c) {
          if (const CueInfo* info = tv_.cue_at(c - 1)) {
            if (auto np = cue_subject(c - 1, *info, ps, pe)) {
              set_cue(a, c - 1, *info);
              a.cue_text += ":";
              return with_speaker(a, *np, "colon-intro", 0.85);
            }
          }
        }
        if (auto np = clause_subject(ps, pe); is_source(np)) {
          return with_speaker(a, *np, "colon-intro", 0.7, ":");
        }
      }
    }
    // "Trump on Twitter: "..."": a colon right before the quote, no verb.
    if (le > ls && tv_.is_punct(le - 1, ":")) {
      // "... surprise Republican pollster Daron Shaw: “...”": the name before the colon.
      std::optional<TokenMention> np;
      if (le >= ls + 2 && tv_.name_word(le - 2)) np = np_backward(le - 2, ls);
      if (!np || np->kind != MentionKind::kName) np = clause_subject(ls, le - 1);
      if (is_source(np)) {
        return with_speaker(a, *np, "colon-intro", 0.7, ":");
      }
    }
    // A trailing cue further away: "...," the senator from Texas told reporters.
    if (i < re) {
      for (std::size_t c = i; c < re && c < i + 16; ++c) {
        if (const CueInfo* info = tv_.cue_at(c)) {
          if (info->weak || info->participle) break;
          if (auto np = subject_before(c, i)) {
            found(a, c, *info, *np, "trailing-cue-far", 0.7);
            return a;
          }
          break;
        }
      }
    }
    return a;
  }

  static bool title_case(const TokenView& tv, const Quote& q) {
    if (q.open + 1 >= tv.size() || !tv.tok(q.open + 1).cap) return false;
    // Every word capitalised or a short function word; the first other word decides.
    bool any = false;
    for (std::size_t k = q.open + 1; k < q.close && k < tv.size(); ++k) {
      if (!tv.is_word(k)) continue;
      any = true;
      if (tv.tok(k).cap) continue;
      std::string_view l = tv.lower(k);
      if (!(l == "of" || l == "the" || l == "a" || l == "and" || l == "in" || l == "to" ||
            l == "for" || l == "on"))
        return false;
    }
    return any;
  }

  Attribution by_context(std::size_t qi, const std::vector<Attribution>& done) const {
    const Quote& q = quotes_[qi];
    Attribution a;
    auto inherit = [&](std::size_t from, const char* rule, double conf) {
      a.inherits = static_cast<std::int32_t>(from);
      a.rule = rule;
      a.confidence = conf;
      a.cue_text = done[from].cue_text;
      return a;
    };
    auto attributed = [&](std::size_t k) { return done[k].speaker || done[k].inherits >= 0; };
    if (q.continues && qi > 0 && attributed(qi - 1)) return inherit(qi - 1, "continuation", 0.85);
    bool short_quote = q.words < 5 || title_case(tv_, q);
    // A long quote inside a sentence about someone, with no speech verb ("Clinton shared
    // her anxiety with an audience, “…”"): the subject of that sentence.
    bool paragraph_speaker = qi > 0 && quotes_[qi - 1].para == q.para && attributed(qi - 1);
    if (!short_quote && !paragraph_speaker) {
      auto [fs, fe] = left_frame(q.open);
      if (fs < fe) {
        if (auto np = clause_subject(fs, fe); is_source(np)) {
          return with_speaker(a, *np, "sentence-subject", 0.5);
        }
      }
    }
    // Another quote of the same paragraph: "A," he said. "B." A short one too, when it
    // is a sentence of its own ("Signatures are easy," he said. "Volunteers are not.").
    auto [ls, le] = left_frame(q.open);
    bool own_sentence = ls == le && q.words >= 2 && !title_case(tv_, q);
    if (qi > 0 && quotes_[qi - 1].para == q.para && attributed(qi - 1) &&
        (!short_quote || own_sentence)) {
      return inherit(qi - 1, "same-paragraph", 0.75);
    }
    if (qi + 1 < quotes_.size() && quotes_[qi + 1].para == q.para && done[qi + 1].speaker &&
        done[qi + 1].rule != "leading-cue" && !short_quote) {
      return inherit(qi + 1, "same-paragraph", 0.7);
    }
    // A paragraph that is a quote, right after a paragraph with an attributed quote.
    bool starts_para = q.open == 0 || tv_.tok(q.open - 1).kind == TokKind::kBreak;
    if (starts_para && qi > 0 && quotes_[qi - 1].para + 1 == q.para && attributed(qi - 1) &&
        !short_quote) {
      return inherit(qi - 1, "previous-paragraph", 0.6);
    }
    if (short_quote) {
      // A few words quoted inside a sentence about a named person ("Bush referred to Rubio
      // as a “work in progress”") are that person's words; alone, they are scare quotes.
      if (q.words >= 2 && !title_case(tv_, q)) {
        if (auto np = clause_subject(ls, le); is_person(np)) {
          return with_speaker(a, *np, "sentence-subject", 0.4);
        }
      }
      a.keep = false;
      a.rule = "scare-quote";
      return a;
    }
    // A quote that opens a sentence right after one about a person ("Bolton distanced
    // himself ... “I’m going to support him ...”"): the subject of that sentence.
    if (ls == le && ls > 0) {
      std::size_t end = ls;
      while (end > 0 && tv_.tok(end - 1).kind == TokKind::kBreak) --end;
      if (end > 0 && end + 3 > ls && tv_.outside(end - 1)) {
        auto [ps, pe] = left_frame(end - 1);
        if (auto np = clause_subject(ps, pe); is_source(np)) {
          return with_speaker(a, *np, "previous-sentence", 0.45);
        }
      }
    }
    // A quote running over paragraphs with no attribution before it is attributed in a
    // later paragraph ("…" / "…," she said.): the whole chain takes that attribution.
    for (std::size_t k = qi + 1;
         k < quotes_.size() && quotes_[k].continues && k - qi < kMaxQuotesBack; ++k) {
      if (done[k].speaker && done[k].cue >= 0) return inherit(k, "continuation", 0.75);
    }
    // A long quote nobody introduces, in a story that has been quoting someone: news
    // goes on quoting the current speaker (transcripts, "as follows:" blocks).
    for (std::size_t k = qi; k > 0 && qi - k < kMaxQuotesBack; --k) {
      const Quote& prev = quotes_[k - 1];
      if (prev.para + 3 < q.para) break;
      if (attributed(k - 1) && done[k - 1].keep) return inherit(k - 1, "recent-speaker", 0.35);
    }
    a.rule = "unattributed";
    a.confidence = 0.3;
    return a;
  }

  const TokenView& tv_;
  const std::vector<Quote>& quotes_;
};

}  // namespace

std::vector<Attribution> attribute(const TokenView& tv, const std::vector<Quote>& quotes) {
  return Attributor(tv, quotes).run();
}

}  // namespace quotegraph
