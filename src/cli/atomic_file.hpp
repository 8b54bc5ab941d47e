// Output files are written to a temporary name beside the target and renamed
// into place on success, so a failed run never leaves half a file.
//
// Example:
//   write_file_atomically("out/g.graphml", [&](std::ostream& os) { write_graphml(g, os); });
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace quotegraph::cli {

/// Calls write with a stream on a temporary file, then renames it to path.
/// Throws quotegraph::Error (and removes the temporary) when anything fails.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace quotegraph::cli
