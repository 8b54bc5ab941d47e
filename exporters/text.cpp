#include "exporters/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace quotegraph::exporters {
namespace {

// Length of the valid UTF-8 sequence starting at s[i] and its code point, or 0 when the
// bytes there are not one (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool allowed(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      ++i;  // one stray byte; resynchronise on the next
      continue;
    }
    if (allowed(cp)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

bool is_clean_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0 || !allowed(cp)) return false;
    i += len;
  }
  return true;
}

namespace {

// Per byte: 0 copied as it is, 1 escaped as an entity, 2 needs a look (a control
// character to drop, or the start of a multi-byte sequence to check).
constexpr std::array<unsigned char, 256> kXmlClass = [] {
  std::array<unsigned char, 256> c{};
  for (std::size_t b = 0; b < 256; ++b) c[b] = b < 0x20 || b >= 0x80 ? 2 : 0;
  c['\t'] = 0;
  c['\n'] = 0;
  for (const char ch : {'&', '<', '>', '"', '\r'}) c[static_cast<unsigned char>(ch)] = 1;
  return c;
}();

}  // namespace

char* write_xml_escaped(char* out, std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const char* run = p;
    while (p < end && kXmlClass[static_cast<unsigned char>(*p)] == 0) ++p;
    std::memcpy(out, run, static_cast<std::size_t>(p - run));
    out += p - run;
    if (p == end) break;
    const auto b = static_cast<unsigned char>(*p);
    if (kXmlClass[b] == 1) {
      std::string_view entity;
      switch (b) {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        default:
          entity = "&#13;";
      }
      std::memcpy(out, entity.data(), entity.size());
      out += entity.size();
      ++p;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = b < 0x80 ? 0 : decode(s, static_cast<std::size_t>(p - s.data()), cp);
    if (len != 0 && allowed(cp)) {
      std::memcpy(out, p, len);
      out += len;
    }
    p += len == 0 ? 1 : len;  // a control character or stray byte is dropped
  }
  return out;
}

void append_xml_escaped(std::string& out, std::string_view s) {
  const std::size_t at = out.size();
  out.resize(at + s.size() * kXmlEscapeGrowth);
  char* end = write_xml_escaped(out.data() + at, s);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

std::string shorten(std::string_view s, std::size_t max_chars) {
  if (max_chars == 0) return {};
  std::size_t chars = 0;
  std::size_t cut = s.size();  // byte offset after max_chars - 1 code points
  for (std::size_t i = 0; i < s.size();) {
    if (chars == max_chars - 1) cut = i;
    if (++chars > max_chars) return std::string(s.substr(0, cut)) + "\u2026";
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    i += len == 0 ? 1 : len;
  }
  return std::string(s);
}

std::string display_label(const graph::NodeProps& node) {
  if (node.kind == graph::NodeKind::kStatement) {
    return shorten(clean_text(node.label), kStatementLabelChars);
  }
  return node.label.str();
}

bool display_label_view(const graph::NodeProps& node, std::string_view& head, bool& ellipsis) {
  const std::string_view s = node.label;
  head = s;
  ellipsis = false;
  if (node.kind != graph::NodeKind::kStatement) return true;
  const std::size_t max = kStatementLabelChars;
  std::size_t chars = 0;
  std::size_t cut = 0;  // after max - 1 code points
  for (std::size_t i = 0; i < s.size();) {
    if (chars == max - 1) cut = i;
    if (chars == max) {
      // More than max code points once cleaned only if one of the rest survives cleaning.
      for (std::size_t j = i; j < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(s, j, cp);
        if (len != 0 && allowed(cp)) {
          head = s.substr(0, cut);
          ellipsis = true;
          return true;
        }
        j += len == 0 ? 1 : len;
      }
      head = s.substr(0, i);
      return true;
    }
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0 || !allowed(cp)) return false;  // cleaning would change what is shown
    i += len;
    ++chars;
  }
  return true;
}

std::string format_double(double value) {
  if (!std::isfinite(value)) return "0";
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc()) return "0";
  return std::string(buf.data(), end);
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

}  // namespace quotegraph::exporters
