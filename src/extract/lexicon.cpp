#include "extract/lexicon.hpp"

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

Lexicon Lexicon::from_text(std::string_view cues, std::string_view first_names,
                           std::string_view titles, std::string_view pronouns,
                           std::string_view speaker_nouns, std::string_view not_names) {
  Lexicon lex;
  for_each_entry(cues, [&](std::string_view word, std::string_view flags) {
    CueInfo info;
    info.reply = flags.find("reply") != std::string_view::npos;
    info.weak = flags.find("weak") != std::string_view::npos;
    // "according (to)" looks like a participle but names its speaker after "to".
    info.participle =
        word.size() > 4 && word.substr(word.size() - 3) == "ing" && word != "according";
    lex.cues_[std::string(word)] = info;
  });
  for_each_entry(first_names, [&](std::string_view w, std::string_view g) {
    lex.first_names_[std::string(w)] = parse_gender(g);
  });
  for_each_entry(titles, [&](std::string_view w, std::string_view g) {
    lex.titles_[std::string(w)] = parse_gender(g);
  });
  for_each_entry(pronouns, [&](std::string_view w, std::string_view g) {
    lex.pronouns_[std::string(w)] = parse_gender(g);
  });
  for_each_entry(speaker_nouns,
                 [&](std::string_view w, std::string_view) { lex.speaker_nouns_.emplace(w); });
  for_each_entry(not_names,
                 [&](std::string_view w, std::string_view) { lex.not_names_.emplace(w); });
  return lex;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex =
      from_text(data::lexicon_text("cues"), data::lexicon_text("first_names"),
                data::lexicon_text("titles"), data::lexicon_text("pronouns"),
                data::lexicon_text("speaker_nouns"), data::lexicon_text("not_names"));
  return lex;
}

const CueInfo* Lexicon::cue(std::string_view lower_word) const {
  auto it = cues_.find(lower_word);
  return it == cues_.end() ? nullptr : &it->second;
}

Gender Lexicon::first_name_gender(std::string_view name) const {
  auto it = first_names_.find(name);
  return it == first_names_.end() ? Gender::kUnknown : it->second;
}

bool Lexicon::is_first_name(std::string_view name) const { return first_names_.count(name) > 0; }

bool Lexicon::is_title(std::string_view lower_word) const { return titles_.count(lower_word) > 0; }

Gender Lexicon::title_gender(std::string_view lower_word) const {
  auto it = titles_.find(lower_word);
  return it == titles_.end() ? Gender::kUnknown : it->second;
}

const Gender* Lexicon::pronoun(std::string_view lower_word) const {
  auto it = pronouns_.find(lower_word);
  return it == pronouns_.end() ? nullptr : &it->second;
}

bool Lexicon::is_speaker_noun(std::string_view lower_word) const {
  return speaker_nouns_.count(lower_word) > 0;
}

bool Lexicon::is_not_name(std::string_view lower_word) const {
  return not_names_.count(lower_word) > 0;
}

}  // namespace quotegraph
