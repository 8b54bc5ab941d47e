#include "extract/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace quotegraph {
namespace data {
std::string_view lexicon_text(std::string_view name);  // generated from data/*.txt
}  // namespace data

namespace {

/// Calls fn(first_field, second_field) for each non-comment, non-blank line.
template <typename Fn>
void for_each_entry(std::string_view text, Fn fn) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::size_t tab = line.find('\t');
    std::string_view key = line.substr(0, tab);
    std::string_view value =
        tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
    fn(key, value);
  }
}

Gender parse_gender(std::string_view v) {
  if (v == "m") return Gender::kMale;
  if (v == "f") return Gender::kFemale;
  if (v == "p") return Gender::kPlural;
  if (v == "n") return Gender::kNeuter;
  return Gender::kUnknown;
}

}  // namespace

void WordTable::place(const Slot& slot) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = (slot.tag >> 1) & mask;
  while (slots_[i].tag != 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

std::uint32_t WordTable::insert(std::string_view key, std::uint32_t index) {
  if (const std::int64_t found = find(key); found >= 0) return static_cast<std::uint32_t>(found);
  if ((size_ + 1) * 2 > slots_.size()) {
    // Grow to keep the load at most one half, and place every entry again.
    std::vector<Slot> old(slots_.size() < 32 ? 64 : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.tag != 0) place(s);
    }
  }
  Slot slot;
  slot.tag = hash_tag(key);
  slot.index = index;
  slot.key = static_cast<std::uint32_t>(keys_.size());
  slot.len = static_cast<std::uint32_t>(key.size());
  keys_ += key;
  place(slot);
  ++size_;
  const std::uint32_t bit = filter_bit(key);
  filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  return index;
}

WordInfo& Lexicon::entry(std::string_view word) {
  const auto next = static_cast<std::uint32_t>(info_.size());
  const std::uint32_t at = words_.insert(word, next);
  if (at == next) info_.emplace_back();
  return info_[at];
}

Lexicon Lexicon::from_text(std::string_view cues, std::string_view first_names,
                           std::string_view titles, std::string_view pronouns,
                           std::string_view speaker_nouns, std::string_view not_names) {
  Lexicon lex;
  // A word listed twice in one list keeps its last value, as an assignment into a map would.
  for_each_entry(cues, [&](std::string_view word, std::string_view flags) {
    WordInfo& w = lex.entry(word);
    w.flags |= WordInfo::kCue;
    w.cue.reply = flags.find("reply") != std::string_view::npos;
    w.cue.weak = flags.find("weak") != std::string_view::npos;
    // "according (to)" looks like a participle but names its speaker after "to".
    w.cue.participle = word.size() > 4 && word.ends_with("ing") && word != "according";
  });
  for_each_entry(first_names, [&](std::string_view word, std::string_view g) {
    WordInfo& w = lex.entry(word);
    w.flags |= WordInfo::kFirstName;
    w.first_name_gender = parse_gender(g);
  });
  for_each_entry(titles, [&](std::string_view word, std::string_view g) {
    WordInfo& w = lex.entry(word);
    w.flags |= WordInfo::kTitle;
    w.title_gender = parse_gender(g);
  });
  for_each_entry(pronouns, [&](std::string_view word, std::string_view g) {
    WordInfo& w = lex.entry(word);
    w.flags |= WordInfo::kPronoun;
    w.pronoun_gender = parse_gender(g);
  });
  for_each_entry(speaker_nouns, [&](std::string_view w, std::string_view) {
    lex.entry(w).flags |= WordInfo::kSpeakerNoun;
  });
  for_each_entry(not_names, [&](std::string_view w, std::string_view) {
    lex.entry(w).flags |= WordInfo::kNotName;
  });
  return lex;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex =
      from_text(data::lexicon_text("cues"), data::lexicon_text("first_names"),
                data::lexicon_text("titles"), data::lexicon_text("pronouns"),
                data::lexicon_text("speaker_nouns"), data::lexicon_text("not_names"));
  return lex;
}

const WordInfo* Lexicon::info(std::string_view lower_word) const {
  const std::int64_t at = words_.find(lower_word);
  return at < 0 ? nullptr : &info_[static_cast<std::size_t>(at)];
}

const CueInfo* Lexicon::cue(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w && w->has(WordInfo::kCue) ? &w->cue : nullptr;
}

bool Lexicon::is_first_name(std::string_view name) const {
  const WordInfo* w = info(name);
  return w && w->has(WordInfo::kFirstName);
}

bool Lexicon::is_title(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w && w->has(WordInfo::kTitle);
}

Gender Lexicon::first_name_gender(std::string_view name) const {
  const WordInfo* w = info(name);
  return w ? w->first_name_gender : Gender::kUnknown;
}

Gender Lexicon::title_gender(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w ? w->title_gender : Gender::kUnknown;
}

const Gender* Lexicon::pronoun(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w && w->has(WordInfo::kPronoun) ? &w->pronoun_gender : nullptr;
}

bool Lexicon::is_speaker_noun(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w && w->has(WordInfo::kSpeakerNoun);
}

bool Lexicon::is_not_name(std::string_view lower_word) const {
  const WordInfo* w = info(lower_word);
  return w && w->has(WordInfo::kNotName);
}

}  // namespace quotegraph
