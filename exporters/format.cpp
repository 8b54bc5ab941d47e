#include "exporters/format.hpp"

#include <string>

#include "exporters/dot.hpp"
#include "exporters/graphml.hpp"
#include "exporters/json.hpp"

namespace quotegraph::exporters {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "graphml") return Format::kGraphml;
  if (name == "dot") return Format::kDot;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == "gv") return Format::kDot;
  return format_from_name(ext);
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kGraphml:
      return "graphml";
    case Format::kDot:
      return "dot";
    case Format::kJson:
      return "json";
  }
  return "graphml";
}

void write_graph(const graph::Graph& g, Format format, std::ostream& out, unsigned threads) {
  switch (format) {
    case Format::kGraphml:
      write_graphml(g, out, threads);
      return;
    case Format::kDot:
      write_dot(g, out, threads);
      return;
    case Format::kJson:
      write_json(g, out, threads);
      return;
  }
}

}  // namespace quotegraph::exporters
