#include "exporters/table.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

constexpr std::size_t kMaxCellChars = 72;

std::string fixed4(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", std::isfinite(v) ? v : 0.0);
  return buf;
}

std::string plain(const Cell& cell) {
  struct {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(long long v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fixed4(v); }
    std::string operator()(const std::vector<std::string>& v) const { return join(v); }
  } visit;
  return std::visit(visit, cell);
}

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string one_line(std::string_view s) {
  std::string out = clean_text(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return shorten(out, kMaxCellChars);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

nlohmann::ordered_json json_cell(const Cell& cell) {
  struct {
    nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
    nlohmann::ordered_json operator()(const std::string& s) const { return s; }
    nlohmann::ordered_json operator()(long long v) const { return v; }
    nlohmann::ordered_json operator()(double v) const {
      return std::isfinite(v) ? std::round(v * 1e6) / 1e6 : 0.0;
    }
    nlohmann::ordered_json operator()(const std::vector<std::string>& v) const { return v; }
  } visit;
  return std::visit(visit, cell);
}

}  // namespace

std::optional<TableFormat> table_format_from_name(std::string_view name) {
  if (name == "table") return TableFormat::kTable;
  if (name == "jsonl") return TableFormat::kJsonl;
  if (name == "csv") return TableFormat::kCsv;
  return std::nullopt;
}

void write_table(const Table& table, TableFormat format, std::ostream& out) {
  switch (format) {
    case TableFormat::kJsonl:
      for (const auto& row : table.rows) {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
          j[table.columns[c]] = json_cell(row[c]);
        }
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
      return;
    case TableFormat::kCsv: {
      auto line = [&out](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
          out << (i ? "," : "") << csv_field(clean_text(fields[i]));
        }
        out << "\r\n";
      };
      line(table.columns);
      for (const auto& row : table.rows) {
        std::vector<std::string> fields;
        for (const Cell& cell : row) fields.push_back(plain(cell));
        line(fields);
      }
      return;
    }
    case TableFormat::kTable: {
      std::vector<std::vector<std::string>> cells;
      cells.push_back(table.columns);
      for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (const Cell& cell : row) line.push_back(one_line(plain(cell)));
        cells.push_back(std::move(line));
      }
      std::vector<std::size_t> widths(table.columns.size(), 0);
      for (const auto& line : cells) {
        for (std::size_t c = 0; c < line.size() && c < widths.size(); ++c) {
          widths[c] = std::max(widths[c], width(line[c]));
        }
      }
      auto print = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t c = 0; c < line.size() && c < widths.size(); ++c) {
          if (c > 0) text += "  ";
          text += line[c];
          if (c + 1 < line.size()) text.append(widths[c] - width(line[c]), ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
      };
      print(cells[0]);
      std::vector<std::string> rule;
      for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
      print(rule);
      for (std::size_t i = 1; i < cells.size(); ++i) print(cells[i]);
      return;
    }
  }
}

}  // namespace quotegraph::exporters
