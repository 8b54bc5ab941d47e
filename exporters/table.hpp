// Query results as rows: an aligned text table for people, JSON lines or CSV for scripts.
//
// Example:
//   Table t{{"name", "statements"}, {}};
//   t.rows.push_back({std::string("Ruth Okafor"), 4LL});
//   write_table(t, TableFormat::kCsv, std::cout);   // name,statements\nRuth Okafor,4\n
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace quotegraph::exporters {

/// Empty (null in JSON), text, an integer, a number, or a list of text.
using Cell = std::variant<std::monostate, std::string, long long, double, std::vector<std::string>>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

enum class TableFormat { kTable, kJsonl, kCsv };

/// "table", "jsonl", "csv"; else nullopt.
std::optional<TableFormat> table_format_from_name(std::string_view name);

/// kTable: a header, a rule and columns padded to their width in characters; line breaks
/// become spaces and cells longer than 72 characters are cut with "…"; numbers with four
/// decimals; lists joined by "; ". kJsonl: one object per row, keys in column order,
/// numbers rounded to six decimals, lists as arrays. kCsv: RFC 4180 with a header row.
void write_table(const Table& table, TableFormat format, std::ostream& out);

}  // namespace quotegraph::exporters
