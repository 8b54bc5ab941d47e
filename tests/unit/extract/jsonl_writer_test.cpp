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
