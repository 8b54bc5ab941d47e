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

/// Bytes write_json_string() may need for a string of n bytes: every byte a \u00xx, and
/// the quotes.
constexpr std::size_t json_string_room(std::size_t n) { return 6 * n + 2; }

/// Writes s at p as a JSON string the way nlohmann's dump (ensure_ascii false) writes
/// valid UTF-8: '"' and '\\' escaped, control characters as \b \f \n \r \t or \u00xx,
/// every other byte as is; p has room for json_string_room(s.size()) bytes. Returns the
/// end, or nullptr when s is not valid UTF-8 (nlohmann then substitutes U+FFFD; the caller
/// falls back to it).
char* write_json_string(char* p, std::string_view s);

/// Reads back what to_json wrote (for `build` from saved extractions and tests). Missing
/// fields and some wrong ones are read as empty; others (a string where a number belongs)
/// throw nlohmann::json::exception.
Extraction extraction_from_json(const nlohmann::json& j);

/// What a nlohmann::json exception says, for a message that names the file and line
/// itself: "[json.exception.parse_error.101] parse error at line 1, column 9: syntax
/// error ..." without the id and the parser's own position, at most 160 bytes (cut on a
/// code point), valid UTF-8 (parser messages quote the token they stopped at, which may
/// be a whole line of any bytes).
std::string json_error_detail(std::string_view what);

}  // namespace quotegraph
