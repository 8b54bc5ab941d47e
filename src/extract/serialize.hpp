// The `extract --format jsonl` schema of SPEC.md.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "extract/types.hpp"

namespace quotegraph {

/// One extraction as the SPEC's JSON object. `explain` adds "rule" and "evidence".
nlohmann::ordered_json to_json(const Extraction& ex, bool explain = false);

/// Reads back what to_json wrote (for `build` from saved extractions and tests).
Extraction extraction_from_json(const nlohmann::json& j);

}  // namespace quotegraph
