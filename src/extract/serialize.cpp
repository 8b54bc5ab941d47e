#include "extract/serialize.hpp"

#include <algorithm>
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

std::string_view kind_text(EntityKind k) {
  return k == EntityKind::kOrganization ? "organization" : "person";
}

std::string kind_name(EntityKind k) { return std::string(kind_text(k)); }

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

// Writes the escape of '"', '\\' or a control byte at p; returns the end.
char* escape(unsigned char c, char* p) {
  auto two = [p](char second) {
    p[0] = '\\';
    p[1] = second;
    return p + 2;
  };
  switch (c) {
    case '"':
      return two('"');
    case '\\':
      return two('\\');
    case '\b':
      return two('b');
    case '\f':
      return two('f');
    case '\n':
      return two('n');
    case '\r':
      return two('r');
    case '\t':
      return two('t');
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      std::memcpy(p, "\\u00", 4);
      p[4] = kHex[c >> 4];
      p[5] = kHex[c & 0xF];
      return p + 6;
    }
  }
}

// The bytes of one line, written through a pointer into `out`, which grows a few KB at a
// time (within its capacity, mostly): appending a literal is then a bounds check and a
// fixed-size copy instead of a call into std::string with a strlen.
class LineBuffer {
 public:
  explicit LineBuffer(std::string& out) : out_(out), pos_(out.data() + out.size()), end_(pos_) {}

  template <std::size_t N>
  void put(const char (&literal)[N]) {
    room(N - 1);
    std::memcpy(pos_, literal, N - 1);
    pos_ += N - 1;
  }
  void put(char c) {
    room(1);
    *pos_++ = c;
  }
  void put(std::string_view s) {
    room(s.size());
    if (!s.empty()) std::memcpy(pos_, s.data(), s.size());
    pos_ += s.size();
  }
  void put_unsigned(std::size_t v) {
    constexpr std::size_t kDigits = 20;  // of the largest 64-bit value
    room(kDigits);
    pos_ = std::to_chars(pos_, pos_ + kDigits, v).ptr;
  }
  bool put_string(std::string_view s);

  // Cuts out back to what was written.
  void finish() { out_.resize(static_cast<std::size_t>(pos_ - out_.data())); }

 private:
  // Zero-filling this much of out at a time costs little next to what is written into it.
  static constexpr std::size_t kChunk = 1024;

  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - pos_) < n) grow(n);
  }
  void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(pos_ - out_.data());
    out_.resize(used + std::max(n, kChunk));
    pos_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  char* pos_;  // the next byte to write
  char* end_;  // the end of out_ as resized
};

// What write_json_string() writes, or false when s is not valid UTF-8.
bool LineBuffer::put_string(std::string_view s) {
  room(json_string_room(s.size()));
  char* end = write_json_string(pos_, s);
  if (end == nullptr) return false;
  pos_ = end;
  return true;
}

}  // namespace

char* write_json_string(char* p, std::string_view s) {
  *p++ = '"';
  // Plain ASCII runs are copied whole. At the first non-ASCII byte the rest of s is checked
  // as UTF-8 once; from there on only bytes to escape stop the scan.
  bool utf8_checked = false;
  std::size_t from = 0;
  for (;;) {
    const std::size_t i =
        utf8_checked ? scan::find_json_special(s, from) : scan::find_json_special_or_high(s, from);
    if (i > from) {
      std::memcpy(p, s.data() + from, i - from);
      p += i - from;
    }
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (utf8::first_invalid(s.substr(i))) return nullptr;
      utf8_checked = true;
      from = i;
      continue;
    }
    p = escape(c, p);
    from = i + 1;
  }
  *p++ = '"';
  return p;
}

std::string_view JsonlWriter::number(double x) {
  for (const auto& [value, text] : numbers_) {
    // Compared bit for bit: 0.0 and -0.0 are written differently.
    if (std::memcmp(&value, &x, sizeof x) == 0) return text;
  }
  std::string text = nlohmann::ordered_json(x).dump();
  if (numbers_.size() >= 64) {
    overflow_ = std::move(text);
    return overflow_;
  }
  numbers_.emplace_back(x, std::move(text));
  return numbers_.back().second;
}

void JsonlWriter::append(const Extraction& ex, bool explain, std::string& out) {
  const std::size_t begin = out.size();
  LineBuffer line(out);
  bool ok = true;
  auto str = [&](std::string_view s) { ok = line.put_string(s) && ok; };
  auto opt_str = [&](const std::optional<std::string>& s) {
    if (s) {
      str(*s);
    } else {
      line.put("null");
    }
  };
  auto strings = [&](const std::vector<std::string>& v) {
    line.put('[');
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (k > 0) line.put(',');
      str(v[k]);
    }
    line.put(']');
  };
  line.put("{\"doc\":");
  str(ex.doc);
  line.put(",\"statements\":[");
  for (std::size_t k = 0; k < ex.statements.size(); ++k) {
    const Statement& s = ex.statements[k];
    if (k > 0) line.put(',');
    line.put("{\"start\":");
    line.put_unsigned(s.span.start);
    line.put(",\"end\":");
    line.put_unsigned(s.span.end);
    line.put(",\"text\":");
    str(s.text);
    line.put(",\"speaker\":");
    opt_str(s.speaker);
    line.put(",\"speaker_mention\":");
    if (s.speaker_mention) {
      line.put("{\"start\":");
      line.put_unsigned(s.speaker_mention->span.start);
      line.put(",\"end\":");
      line.put_unsigned(s.speaker_mention->span.end);
      line.put(",\"text\":");
      str(s.speaker_mention->text);
      line.put('}');
    } else {
      line.put("null");
    }
    line.put(",\"cue\":");
    if (s.cue.empty()) {
      line.put("null");
    } else {
      str(s.cue);
    }
    line.put(",\"mentions\":");
    strings(s.mentions);
    line.put(",\"addressee\":");
    opt_str(s.addressee);
    line.put(",\"confidence\":");
    line.put(number(s.confidence));
    if (explain) {
      line.put(",\"rule\":");
      str(s.rule);
      line.put(",\"evidence\":");
      str(s.evidence);
    }
    line.put('}');
  }
  line.put("],\"people\":[");
  for (std::size_t k = 0; k < ex.people.size(); ++k) {
    const Person& p = ex.people[k];
    if (k > 0) line.put(',');
    line.put("{\"name\":");
    str(p.name);
    line.put(",\"kind\":");
    str(kind_text(p.kind));
    line.put(",\"aliases\":");
    strings(p.aliases);
    line.put(",\"handles\":");
    strings(p.handles);
    line.put(",\"roles\":");
    strings(p.roles);
    line.put('}');
  }
  line.put("],\"handles\":[");
  for (std::size_t k = 0; k < ex.handles.size(); ++k) {
    if (k > 0) line.put(',');
    line.put("{\"handle\":");
    str(ex.handles[k].handle);
    line.put(",\"person\":");
    opt_str(ex.handles[k].person);
    line.put('}');
  }
  line.put("],\"interactions\":[");
  for (std::size_t k = 0; k < ex.interactions.size(); ++k) {
    const Interaction& i = ex.interactions[k];
    if (k > 0) line.put(',');
    line.put("{\"type\":");
    str(i.type);
    line.put(",\"from\":");
    str(i.from);
    line.put(",\"to\":");
    str(i.to);
    line.put('}');
  }
  line.put(']');
  if (explain) {
    line.put(",\"rejected\":[");
    for (std::size_t k = 0; k < ex.rejected.size(); ++k) {
      const Statement& s = ex.rejected[k];
      if (k > 0) line.put(',');
      line.put("{\"start\":");
      line.put_unsigned(s.span.start);
      line.put(",\"end\":");
      line.put_unsigned(s.span.end);
      line.put(",\"text\":");
      str(s.text);
      line.put(",\"rule\":");
      str(s.rule);
      line.put('}');
    }
    line.put(']');
  }
  if (!ex.title.empty()) {
    line.put(",\"title\":");
    str(ex.title);
  }
  if (!ex.date.empty()) {
    line.put(",\"date\":");
    str(ex.date);
  }
  if (!ex.url.empty()) {
    line.put(",\"url\":");
    str(ex.url);
  }
  if (!ex.publisher.empty()) {
    line.put(",\"publisher\":");
    str(ex.publisher);
  }
  line.put("}\n");
  line.finish();
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

std::string json_error_detail(std::string_view what) {
  constexpr std::size_t kMaxDetail = 160;
  if (const std::size_t id_end = what.find("] "); id_end != std::string_view::npos) {
    what.remove_prefix(id_end + 2);
  }
  if (what.starts_with("parse error")) {
    if (const std::size_t colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
  }
  std::string detail;
  if (what.size() <= kMaxDetail) {
    detail = what;
  } else {
    std::size_t cut = kMaxDetail;
    while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0U) == 0x80U) --cut;
    detail = std::string(what.substr(0, cut)) + "...";
  }
  if (auto bad = utf8::first_invalid(detail)) detail.resize(*bad);
  return detail;
}

}  // namespace quotegraph
