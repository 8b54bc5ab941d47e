// JsonlWriter writes what to_json(...).dump(-1, ' ', false, replace) writes, byte for byte.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "extract/extract.hpp"
#include "extract/serialize.hpp"

namespace quotegraph {
namespace {

std::string reference(const Extraction& ex, bool explain) {
  return to_json(ex, explain).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Extraction awkward() {
  Extraction ex;
  ex.doc = "tab\there \"quoted\" back\\slash";
  ex.title = "ctl \x01\x1f\x7f \b\f\n\r end";
  ex.date = "2026";
  ex.publisher = "Zürich “Zeitung” ＠ 😀";
  for (double c : {0.0, -0.0, 1.0, 0.95, 0.1 + 0.2, 1e-5, 123456789.125, 1e300}) {
    Statement s;
    s.span = Span{3, 4000000000ULL};
    s.text = "a \"b\" c";
    s.speaker = "Jane Doe";
    s.speaker_mention = Mention{Span{1, 2}, "she"};
    s.cue = c > 0.5 ? "said" : "";
    s.mentions = {"@x", "Tom"};
    s.confidence = c;
    s.rule = "rule";
    s.evidence = "ev\nidence";
    ex.statements.push_back(s);
  }
  Statement rejected;
  rejected.span = Span{5, 6};
  rejected.text = "scare";
  rejected.rule = "scare-quote";
  ex.rejected.push_back(rejected);
  ex.people.push_back(Person{"Jane Doe", EntityKind::kPerson, {"Doe"}, {"@jd"}, {"Mayor"}});
  ex.people.push_back(Person{"Acme", EntityKind::kOrganization, {}, {}, {}});
  ex.handles.push_back(HandleLink{"@jd", "Jane Doe"});
  ex.handles.push_back(HandleLink{"@nobody", std::nullopt});
  ex.interactions.push_back(Interaction{"replied_to", "Jane Doe", "Acme"});
  return ex;
}

TEST(JsonlWriter, SameBytesAsTheJsonTree) {
  JsonlWriter w;
  for (bool explain : {false, true}) {
    std::string out;
    w.append(awkward(), explain, out);
    EXPECT_EQ(out, reference(awkward(), explain));
    out.clear();
    w.append(Extraction{}, explain, out);  // empty: every list empty, no optional field
    EXPECT_EQ(out, reference(Extraction{}, explain));
  }
}

TEST(JsonlWriter, InvalidUtf8FallsBackToTheReplacementOfTheTree) {
  Extraction ex = awkward();
  ex.statements[1].text = "bad \xff byte";
  JsonlWriter w;
  std::string out = "kept|";
  w.append(ex, false, out);
  EXPECT_EQ(out, "kept|" + reference(ex, false));
}

// Strings of every length around the 8- and 16-byte scan blocks with a byte to escape or
// a non-ASCII character at every place, long strings that grow the line a lot (a control
// byte is six bytes written), and more distinct numbers than the writer keeps.
TEST(JsonlWriter, SameBytesForEscapesAtEveryOffsetAndLongLines) {
  Extraction ex;
  ex.doc = "d";
  for (std::size_t len = 1; len <= 40; ++len) {
    for (std::size_t pos = 0; pos < len; ++pos) {
      for (const std::string odd : {"\"", "\\", "\x01", "\n", "\xC3\xA9", "\xE2\x80\x9C"}) {
        std::string text(len, 'a');
        text.replace(pos, 1, odd);
        Statement st;
        st.text = text;
        st.speaker = odd + text;  // the non-ASCII byte first, an escape later
        st.confidence = static_cast<double>(len * 100 + pos) / 7.0;
        ex.statements.push_back(st);
      }
    }
  }
  ex.title = std::string(5000, '\x02');
  ex.publisher = "\xC3\xA9" + std::string(9000, 'x') + "\"";
  JsonlWriter w;
  for (bool explain : {false, true}) {
    std::string out = "before\n";
    w.append(ex, explain, out);
    EXPECT_EQ(out, "before\n" + reference(ex, explain));
  }
  // Invalid UTF-8 after valid non-ASCII text in the same string.
  ex.statements[3].speaker = "caf\xC3\xA9 \"x\" \xC3";
  std::string out;
  w.append(ex, false, out);
  EXPECT_EQ(out, reference(ex, false));
}

TEST(JsonlWriter, ExtractedDocuments) {
  Document doc;
  doc.id = "d";
  doc.text =
      "\"We won,\" Jane Doe said. \"Tabs\there,\" she added, to @jd.\n\n"
      "Mayor Tom Hale replied: \"No.\"";
  JsonlWriter w;
  std::string out;
  w.append(extract(doc), true, out);
  EXPECT_EQ(out, reference(extract(doc), true));
}

}  // namespace
}  // namespace quotegraph
