#include "graph/names.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "extract/utf8.hpp"

namespace quotegraph::graph {
namespace {

// Base letters of U+00C0..U+00FF; "" keeps the character (× and ÷).
constexpr std::array<std::string_view, 64> kLatin1{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A (U+0100..U+017F) by ranges of one base letter.
struct Range {
  char32_t last;
  std::string_view base;
};
constexpr std::array<Range, 22> kExtendedA{
    {{0x105, "a"}, {0x10D, "c"},  {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
     {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
     {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
     {0x175, "w"}, {0x178, "y"},  {0x17E, "z"}, {0x17F, "s"}}};

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    out.push_back(utf8::decode(s, i, len));
    i += len == 0 ? 1 : len;
  }
  return out;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(s, i, len);
    if (len == 0) break;
    if (is_space(cp)) {
      pending_space = !out.empty();
      i += len;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF && !kLatin1[cp - 0xC0].empty()) {
      out += kLatin1[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
      for (const Range& r : kExtendedA) {
        if (cp <= r.last) {
          out += r.base;
          break;
        }
      }
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
      out += '\'';
    } else if (cp >= 0x2010 && cp <= 0x2013) {
      out += '-';
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> tokens;
  const std::string folded = fold(name);
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.pop_back();
    // The possessive is not part of the name: "Obama's" is Obama.
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    if (!word.empty()) tokens.push_back(std::move(word));
    start = end + 1;
  }
  return tokens;
}

std::string surname(const std::vector<std::string>& tokens) {
  static constexpr std::array<std::string_view, 5> kSuffixes{"jr", "sr", "ii", "iii", "iv"};
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    if (std::find(kSuffixes.begin(), kSuffixes.end(), *it) == kSuffixes.end()) return *it;
  }
  return {};
}

namespace {

// Short forms of English given names that stand for one formal name, sorted by the
// short form (written by hand; ambiguous ones such as chris, alex, sam, pat, terry, ted
// or jamie are left out).
constexpr std::array<std::pair<std::string_view, std::string_view>, 66> kShortForms{{
    {"andy", "andrew"},     {"barb", "barbara"},   {"becky", "rebecca"},  {"ben", "benjamin"},
    {"benny", "benjamin"},  {"bernie", "bernard"}, {"beth", "elizabeth"}, {"betsy", "elizabeth"},
    {"bill", "william"},    {"billy", "william"},  {"bob", "robert"},     {"bobby", "robert"},
    {"charlie", "charles"}, {"chuck", "charles"},  {"cindy", "cynthia"},  {"dan", "daniel"},
    {"danny", "daniel"},    {"dave", "david"},     {"deb", "deborah"},    {"debbie", "deborah"},
    {"dick", "richard"},    {"don", "donald"},     {"donnie", "donald"},  {"doug", "douglas"},
    {"ed", "edward"},       {"eddie", "edward"},   {"gene", "eugene"},    {"greg", "gregory"},
    {"hank", "henry"},      {"herb", "herbert"},   {"jack", "john"},      {"jake", "jacob"},
    {"jeff", "jeffrey"},    {"jen", "jennifer"},   {"jenny", "jennifer"}, {"jim", "james"},
    {"jimmy", "james"},     {"joe", "joseph"},     {"joey", "joseph"},    {"johnny", "john"},
    {"ken", "kenneth"},     {"kenny", "kenneth"},  {"larry", "lawrence"}, {"liz", "elizabeth"},
    {"maggie", "margaret"}, {"matt", "matthew"},   {"meg", "margaret"},   {"mike", "michael"},
    {"mikey", "michael"},   {"newt", "newton"},    {"nick", "nicholas"},  {"peggy", "margaret"},
    {"ray", "raymond"},     {"rich", "richard"},   {"rick", "richard"},   {"ricky", "richard"},
    {"rob", "robert"},      {"robby", "robert"},   {"ron", "ronald"},     {"ronnie", "ronald"},
    {"sue", "susan"},       {"tom", "thomas"},     {"tommy", "thomas"},   {"tony", "anthony"},
    {"walt", "walter"},     {"zach", "zachary"},
}};

}  // namespace

std::string_view formal_given(std::string_view word) {
  const auto it =
      std::lower_bound(kShortForms.begin(), kShortForms.end(), word,
                       [](const auto& entry, std::string_view w) { return entry.first < w; });
  return it != kShortForms.end() && it->first == word ? it->second : word;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<char32_t> x = code_points(a);
  const std::vector<char32_t> y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

}  // namespace quotegraph::graph
