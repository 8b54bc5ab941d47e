// Hand-made extractions shared by the graph and exporter tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/types.hpp"

namespace quotegraph::testing {

inline Statement statement(std::string text, std::optional<std::string> speaker,
                           std::string cue = "said", std::vector<std::string> mentions = {},
                           std::optional<std::string> addressee = std::nullopt) {
  Statement s;
  s.text = std::move(text);
  s.span = {0, s.text.size()};
  s.speaker = std::move(speaker);
  s.cue = std::move(cue);
  s.mentions = std::move(mentions);
  s.addressee = std::move(addressee);
  s.confidence = 0.9;
  return s;
}

/// The seed article, roughly: Corbyn tweets at @AOC, she replies, Rosenberg responds.
inline Extraction seed_extraction() {
  Extraction ex;
  ex.doc = "seed";
  ex.title = "Corbyn and Ocasio-Cortez";
  ex.date = "2019-04-01";
  ex.people = {
      {"Jeremy Corbyn",
       EntityKind::kPerson,
       {"Corbyn", "Corby"},
       {"@jeremycorbyn"},
       {"British Labour leader"}},
      {"Alexandria Ocasio-Cortez", EntityKind::kPerson, {"Ocasio-Cortez"}, {"@AOC"}, {}},
      {"Yair Rosenberg", EntityKind::kPerson, {"Rosenberg"}, {}, {"journalist"}},
  };
  ex.handles = {{"@AOC", "Alexandria Ocasio-Cortez"}, {"@jeremycorbyn", "Jeremy Corbyn"}};
  ex.statements = {
      statement("Great to speak to @AOC on the phone", "Jeremy Corbyn", "tweeted", {"@AOC"}),
      statement("It was great to speak with you", "Alexandria Ocasio-Cortez", "replied", {},
                "Jeremy Corbyn"),
      statement("Interesting choice", "Yair Rosenberg", "responded", {},
                "Alexandria Ocasio-Cortez"),
      statement("Green New Deal", std::nullopt, ""),
  };
  ex.statements[0].confidence = 0.93;
  ex.interactions = {{"replied_to", "Alexandria Ocasio-Cortez", "Jeremy Corbyn"},
                     {"replied_to", "Yair Rosenberg", "Alexandria Ocasio-Cortez"}};
  return ex;
}

/// A second article naming the same people, with @aoc in lower case and an organisation.
inline Extraction second_extraction() {
  Extraction ex;
  ex.doc = "second";
  ex.people = {
      {"Jeremy Corbyn", EntityKind::kPerson, {"Jez", "Corbyn"}, {}, {"MP"}},
      {"Alexandria Ocasio-Cortez", EntityKind::kPerson, {}, {"@aoc"}, {}},
      {"The New York Times", EntityKind::kOrganization, {}, {}, {}},
  };
  ex.handles = {{"@aoc", "Alexandria Ocasio-Cortez"}};
  ex.statements = {
      statement("Thanks @aoc, and thanks Alexandria Ocasio-Cortez", "Jeremy Corbyn", "says",
                {"@aoc", "Alexandria Ocasio-Cortez"}),
      statement("We stand by our reporting", "The New York Times", "said"),
  };
  ex.interactions = {{"replied_to", "Alexandria Ocasio-Cortez", "Jeremy Corbyn"}};
  return ex;
}

/// One statement full of what exporters must escape.
inline constexpr const char* kNastyText =
    "He said \"no\" \\ then\nleft <b>&</b> \xF0\x9F\x8E\x89\x01"
    "end";

inline Extraction nasty_extraction() {
  Extraction ex;
  ex.doc = "nasty \"doc\" <1>";
  ex.people = {{"Zoë \"Z\" O'Brien", EntityKind::kPerson, {}, {"@zob"}, {"a \\ b"}}};
  ex.handles = {{"@zob", "Zoë \"Z\" O'Brien"}};
  ex.statements = {statement(kNastyText, "Zoë \"Z\" O'Brien", "wrote", {"@zob"})};
  return ex;
}

}  // namespace quotegraph::testing
