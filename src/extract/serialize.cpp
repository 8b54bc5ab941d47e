#include "extract/serialize.hpp"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

#include "extract/scan.hpp"
#include "extract/utf8.hpp"

namespace quotegraph {
namespace {

template <typename T>
nlohmann::ordered_json opt(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

std::string kind_name(EntityKind k) {
  return k == EntityKind::kOrganization ? "organization" : "person";
}

}  // namespace

nlohmann::ordered_json to_json(const Extraction& ex, bool explain) {
  using J = nlohmann::ordered_json;
  J out;
  out["doc"] = ex.doc;
  J statements = J::array();
  for (const Statement& s : ex.statements) {
    J j;
    j["start"] = s.span.start;
    j["end"] = s.span.end;
    j["text"] = s.text;
    j["speaker"] = opt(s.speaker);
    if (s.speaker_mention) {
      j["speaker_mention"] = J{{"start", s.speaker_mention->span.start},
                               {"end", s.speaker_mention->span.end},
                               {"text", s.speaker_mention->text}};
    } else {
      j["speaker_mention"] = nullptr;
    }
    j["cue"] = s.cue.empty() ? J(nullptr) : J(s.cue);
    j["mentions"] = s.mentions;
    j["addressee"] = opt(s.addressee);
    j["confidence"] = s.confidence;
    if (explain) {
      j["rule"] = s.rule;
      j["evidence"] = s.evidence;
    }
    statements.push_back(std::move(j));
  }
  out["statements"] = std::move(statements);
  J people = J::array();
  for (const Person& p : ex.people) {
    people.push_back(J{{"name", p.name},
                       {"kind", kind_name(p.kind)},
                       {"aliases", p.aliases},
                       {"handles", p.handles},
                       {"roles", p.roles}});
  }
  out["people"] = std::move(people);
  J handles = J::array();
  for (const HandleLink& h : ex.handles) {
    handles.push_back(J{{"handle", h.handle}, {"person", opt(h.person)}});
  }
  out["handles"] = std::move(handles);
  J inter = J::array();
  for (const Interaction& i : ex.interactions) {
    inter.push_back(J{{"type", i.type}, {"from", i.from}, {"to", i.to}});
  }
  out["interactions"] = std::move(inter);
  if (explain) {
    J rejected = J::array();
    for (const Statement& s : ex.rejected) {
      rejected.push_back(
          J{{"start", s.span.start}, {"end", s.span.end}, {"text", s.text}, {"rule", s.rule}});
    }
    out["rejected"] = std::move(rejected);
  }
  if (!ex.title.empty()) out["title"] = ex.title;
  if (!ex.date.empty()) out["date"] = ex.date;
  if (!ex.url.empty()) out["url"] = ex.url;
  if (!ex.publisher.empty()) out["publisher"] = ex.publisher;
  return out;
}

namespace {

// Appends s as a JSON string the way nlohmann's dump (ensure_ascii false) writes valid
// UTF-8: '"' and '\\' escaped, control characters as \b \f \n \r \t or \u00xx, every
// other byte as is. Returns false, having appended nothing, when s is not valid UTF-8
// (nlohmann then substitutes U+FFFD; the caller falls back to it).
bool append_string(std::string_view s, std::string& out) {
  if (utf8::first_invalid(s)) return false;
  out += '"';
  std::size_t from = 0;
  for (std::size_t i = scan::json_plain_prefix(s); i < s.size();
       i = from + scan::json_plain_prefix(s.substr(from))) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + from, i - from);
    from = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(s.data() + from, s.size() - from);
  out += '"';
  return true;
}

void append_unsigned(std::size_t v, std::string& out) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

}  // namespace

void JsonlWriter::number(double x, std::string& out) {
  for (const auto& [value, text] : numbers_) {
    // Compared bit for bit: 0.0 and -0.0 are written differently.
    if (std::memcmp(&value, &x, sizeof x) == 0) {
      out += text;
      return;
    }
  }
  std::string text = nlohmann::ordered_json(x).dump();
  out += text;
  if (numbers_.size() < 64) numbers_.emplace_back(x, std::move(text));
}

void JsonlWriter::append(const Extraction& ex, bool explain, std::string& out) {
  const std::size_t begin = out.size();
  bool ok = true;
  auto str = [&](std::string_view s) { ok = append_string(s, out) && ok; };
  auto opt_str = [&](const std::optional<std::string>& s) {
    if (s) {
      str(*s);
    } else {
      out += "null";
    }
  };
  auto strings = [&](const std::vector<std::string>& v) {
    out += '[';
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (k > 0) out += ',';
      str(v[k]);
    }
    out += ']';
  };
  out += "{\"doc\":";
  str(ex.doc);
  out += ",\"statements\":[";
  for (std::size_t k = 0; k < ex.statements.size(); ++k) {
    const Statement& s = ex.statements[k];
    out += k > 0 ? ",{\"start\":" : "{\"start\":";
    append_unsigned(s.span.start, out);
    out += ",\"end\":";
    append_unsigned(s.span.end, out);
    out += ",\"text\":";
    str(s.text);
    out += ",\"speaker\":";
    opt_str(s.speaker);
    out += ",\"speaker_mention\":";
    if (s.speaker_mention) {
      out += "{\"start\":";
      append_unsigned(s.speaker_mention->span.start, out);
      out += ",\"end\":";
      append_unsigned(s.speaker_mention->span.end, out);
      out += ",\"text\":";
      str(s.speaker_mention->text);
      out += '}';
    } else {
      out += "null";
    }
    out += ",\"cue\":";
    if (s.cue.empty()) {
      out += "null";
    } else {
      str(s.cue);
    }
    out += ",\"mentions\":";
    strings(s.mentions);
    out += ",\"addressee\":";
    opt_str(s.addressee);
    out += ",\"confidence\":";
    number(s.confidence, out);
    if (explain) {
      out += ",\"rule\":";
      str(s.rule);
      out += ",\"evidence\":";
      str(s.evidence);
    }
    out += '}';
  }
  out += "],\"people\":[";
  for (std::size_t k = 0; k < ex.people.size(); ++k) {
    const Person& p = ex.people[k];
    out += k > 0 ? ",{\"name\":" : "{\"name\":";
    str(p.name);
    out += ",\"kind\":";
    str(kind_name(p.kind));
    out += ",\"aliases\":";
    strings(p.aliases);
    out += ",\"handles\":";
    strings(p.handles);
    out += ",\"roles\":";
    strings(p.roles);
    out += '}';
  }
  out += "],\"handles\":[";
  for (std::size_t k = 0; k < ex.handles.size(); ++k) {
    out += k > 0 ? ",{\"handle\":" : "{\"handle\":";
    str(ex.handles[k].handle);
    out += ",\"person\":";
    opt_str(ex.handles[k].person);
    out += '}';
  }
  out += "],\"interactions\":[";
  for (std::size_t k = 0; k < ex.interactions.size(); ++k) {
    const Interaction& i = ex.interactions[k];
    out += k > 0 ? ",{\"type\":" : "{\"type\":";
    str(i.type);
    out += ",\"from\":";
    str(i.from);
    out += ",\"to\":";
    str(i.to);
    out += '}';
  }
  out += ']';
  if (explain) {
    out += ",\"rejected\":[";
    for (std::size_t k = 0; k < ex.rejected.size(); ++k) {
      const Statement& s = ex.rejected[k];
      out += k > 0 ? ",{\"start\":" : "{\"start\":";
      append_unsigned(s.span.start, out);
      out += ",\"end\":";
      append_unsigned(s.span.end, out);
      out += ",\"text\":";
      str(s.text);
      out += ",\"rule\":";
      str(s.rule);
      out += '}';
    }
    out += ']';
  }
  if (!ex.title.empty()) {
    out += ",\"title\":";
    str(ex.title);
  }
  if (!ex.date.empty()) {
    out += ",\"date\":";
    str(ex.date);
  }
  if (!ex.url.empty()) {
    out += ",\"url\":";
    str(ex.url);
  }
  if (!ex.publisher.empty()) {
    out += ",\"publisher\":";
    str(ex.publisher);
  }
  out += "}\n";
  if (!ok) {
    // Invalid UTF-8 somewhere: nlohmann's replacement rules are the reference.
    out.resize(begin);
    out += to_json(ex, explain).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
}

Extraction extraction_from_json(const nlohmann::json& j) {
  Extraction ex;
  auto str = [](const nlohmann::json& o, const char* key) -> std::string {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  auto ostr = [](const nlohmann::json& o, const char* key) -> std::optional<std::string> {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto strings = [](const nlohmann::json& o, const char* key) {
    std::vector<std::string> v;
    auto it = o.find(key);
    if (it != o.end() && it->is_array()) {
      for (const auto& x : *it) {
        if (x.is_string()) v.push_back(x.get<std::string>());
      }
    }
    return v;
  };
  ex.doc = str(j, "doc");
  ex.title = str(j, "title");
  ex.date = str(j, "date");
  ex.url = str(j, "url");
  ex.publisher = str(j, "publisher");
  if (auto it = j.find("statements"); it != j.end() && it->is_array()) {
    for (const auto& s : *it) {
      Statement st;
      st.span = Span{s.value("start", std::size_t{0}), s.value("end", std::size_t{0})};
      st.text = str(s, "text");
      st.speaker = ostr(s, "speaker");
      if (auto m = s.find("speaker_mention"); m != s.end() && m->is_object()) {
        st.speaker_mention =
            Mention{Span{m->value("start", std::size_t{0}), m->value("end", std::size_t{0})},
                    str(*m, "text")};
      }
      st.cue = str(s, "cue");
      st.mentions = strings(s, "mentions");
      st.addressee = ostr(s, "addressee");
      st.confidence = s.value("confidence", 0.0);
      ex.statements.push_back(std::move(st));
    }
  }
  if (auto it = j.find("people"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      Person person;
      person.name = str(p, "name");
      person.kind =
          str(p, "kind") == "organization" ? EntityKind::kOrganization : EntityKind::kPerson;
      person.aliases = strings(p, "aliases");
      person.handles = strings(p, "handles");
      person.roles = strings(p, "roles");
      ex.people.push_back(std::move(person));
    }
  }
  if (auto it = j.find("handles"); it != j.end() && it->is_array()) {
    for (const auto& h : *it) ex.handles.push_back(HandleLink{str(h, "handle"), ostr(h, "person")});
  }
  if (auto it = j.find("interactions"); it != j.end() && it->is_array()) {
    for (const auto& i : *it) {
      ex.interactions.push_back(Interaction{str(i, "type"), str(i, "from"), str(i, "to")});
    }
  }
  return ex;
}

}  // namespace quotegraph
