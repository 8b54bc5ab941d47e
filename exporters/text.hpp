// Text clean-up shared by the exporters: every reader has its own idea of what a
// string may hold, but all of them want valid UTF-8 and short display labels.
//
// Example:
//   clean_text("a\x01b\xff")          == "ab"
//   shorten("a long statement", 6)     == "a lon…"
//   format_double(0.93)                == "0.93"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

/// Drops invalid UTF-8 (bad bytes, overlong forms, surrogates, > U+10FFFF), control
/// characters other than TAB/LF/CR, and U+FFFE/U+FFFF: what XML 1.0 and Graphviz accept.
std::string clean_text(std::string_view s);

/// Appends clean_text(s) to out with &, <, >, " escaped and CR written as &#13; (XML
/// element content or attribute value); one pass, no temporary string.
/// Example: append_xml_escaped(out, "a<b\x01") appends "a&lt;b".
void append_xml_escaped(std::string& out, std::string_view s);

/// At most this many output bytes per input byte of append_xml_escaped ("&quot;").
inline constexpr std::size_t kXmlEscapeGrowth = 6;

/// append_xml_escaped() into out, which has room for kXmlEscapeGrowth * s.size() bytes;
/// returns the end of what was written.
char* write_xml_escaped(char* out, std::string_view s);

/// True when clean_text(s) == s: no byte needs dropping.
bool is_clean_text(std::string_view s);

/// At most max_chars code points of (valid UTF-8) s; when cut, the last one is "…".
std::string shorten(std::string_view s, std::size_t max_chars);

/// The label to display for a node: statements shortened to kStatementLabelChars.
std::string display_label(const graph::NodeProps& node);

/// display_label(node) without a copy, when that is possible: head is a prefix of the
/// label and ellipsis says whether "…" follows it. False when the shown part of the label
/// needs cleaning; then call display_label().
bool display_label_view(const graph::NodeProps& node, std::string_view& head, bool& ellipsis);

/// A list as one value: aliases or roles joined with "; ".
std::string join(const std::vector<std::string>& parts);

/// The shortest decimal that reads back as the same double ("0.93", "1", "0");
/// NaN and infinities, which no reader agrees on, are written as "0".
std::string format_double(double value);

inline constexpr std::size_t kStatementLabelChars = 80;

}  // namespace quotegraph::exporters
