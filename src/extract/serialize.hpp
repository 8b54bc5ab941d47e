// The `extract --format jsonl` schema of SPEC.md.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/types.hpp"

namespace quotegraph {

/// One extraction as the SPEC's JSON object. `explain` adds "rule" and "evidence".
nlohmann::ordered_json to_json(const Extraction& ex, bool explain = false);

/// Writes extractions as JSON lines, byte for byte what
/// `to_json(ex, explain).dump(-1, ' ', false, error_handler_t::replace)` and a newline give,
/// without building the JSON tree (the tree and its dump cost more than extraction).
///
/// Example:
///   JsonlWriter w;
///   std::string out;
///   w.append(extract(doc), /*explain=*/false, out);  // one line, '\n' included
class JsonlWriter {
 public:
  void append(const Extraction& ex, bool explain, std::string& out);

 private:
  // x as nlohmann writes it; valid until the next call.
  std::string_view number(double x);
  // Doubles already formatted by nlohmann (confidences take a handful of values), so that
  // their text is nlohmann's own.
  std::vector<std::pair<double, std::string>> numbers_;
  std::string overflow_;  // the text of a number past the 64 kept in numbers_
};

/// Reads back what to_json wrote (for `build` from saved extractions and tests).
Extraction extraction_from_json(const nlohmann::json& j);

}  // namespace quotegraph
