// serialize: the SPEC's JSON object, field by field, and its reading back.
#include "extract/serialize.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extract.hpp"

namespace quotegraph {
namespace {

Extraction sample() {
  Extraction ex;
  ex.doc = "ferry-news";
  ex.title = "Ferry";
  ex.url = "https://example.org/ferry";
  Statement said;
  said.span = Span{1, 29};
  said.text = "We need a new boat, @tomhale";
  said.speaker = "Lena Ortiz";
  said.speaker_mention = Mention{Span{31, 36}, "Ortis"};
  said.cue = "replied";
  said.mentions = {"@tomhale"};
  said.addressee = "Tom Hale";
  said.confidence = 0.95;
  said.rule = "trailing-cue";
  said.evidence = "Ortis replied";
  ex.statements.push_back(said);
  Statement anonymous;
  anonymous.span = Span{40, 52};
  anonymous.text = "Nobody knows";
  anonymous.confidence = 0.3;
  ex.statements.push_back(anonymous);
  ex.people.push_back(Person{"Lena Ortiz",
                             EntityKind::kPerson,
                             {"Ortiz", "Ortis"},
                             {"@lenaortiz"},
                             {"Green Party leader"}});
  ex.people.push_back(Person{"Riverton Gazette", EntityKind::kOrganization, {}, {}, {}});
  ex.handles.push_back(HandleLink{"@tomhale", "Tom Hale"});
  ex.handles.push_back(HandleLink{"@ferryfan", std::nullopt});
  ex.interactions.push_back(Interaction{"replied_to", "Lena Ortiz", "Tom Hale"});
  return ex;
}

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& item : j.items()) out.push_back(item.key());
  return out;
}

TEST(Serialize, FieldNamesAndOrderAsInSpec) {
  const nlohmann::ordered_json j = to_json(sample());
  EXPECT_EQ(keys(j), (std::vector<std::string>{"doc", "statements", "people", "handles",
                                               "interactions", "title", "url"}));
  EXPECT_EQ(keys(j["statements"][0]),
            (std::vector<std::string>{"start", "end", "text", "speaker", "speaker_mention", "cue",
                                      "mentions", "addressee", "confidence"}));
  EXPECT_EQ(keys(j["statements"][0]["speaker_mention"]),
            (std::vector<std::string>{"start", "end", "text"}));
  EXPECT_EQ(keys(j["people"][0]),
            (std::vector<std::string>{"name", "kind", "aliases", "handles", "roles"}));
  EXPECT_EQ(keys(j["handles"][0]), (std::vector<std::string>{"handle", "person"}));
  EXPECT_EQ(keys(j["interactions"][0]), (std::vector<std::string>{"type", "from", "to"}));
}

TEST(Serialize, Values) {
  const nlohmann::ordered_json j = to_json(sample());
  EXPECT_EQ(j["doc"], "ferry-news");
  const auto& s = j["statements"][0];
  EXPECT_EQ(s["start"], 1);
  EXPECT_EQ(s["end"], 29);
  EXPECT_EQ(s["text"], "We need a new boat, @tomhale");
  EXPECT_EQ(s["speaker"], "Lena Ortiz");
  EXPECT_EQ(s["speaker_mention"]["start"], 31);
  EXPECT_EQ(s["speaker_mention"]["end"], 36);
  EXPECT_EQ(s["speaker_mention"]["text"], "Ortis");
  EXPECT_EQ(s["cue"], "replied");
  EXPECT_EQ(s["mentions"], nlohmann::ordered_json::array({"@tomhale"}));
  EXPECT_EQ(s["addressee"], "Tom Hale");
  EXPECT_DOUBLE_EQ(s["confidence"].get<double>(), 0.95);
  EXPECT_EQ(j["people"][0]["kind"], "person");
  EXPECT_EQ(j["people"][1]["kind"], "organization");
  EXPECT_EQ(j["people"][0]["roles"], nlohmann::ordered_json::array({"Green Party leader"}));
  EXPECT_EQ(j["handles"][0]["person"], "Tom Hale");
  EXPECT_EQ(j["interactions"][0]["type"], "replied_to");
  EXPECT_EQ(j["interactions"][0]["from"], "Lena Ortiz");
  EXPECT_EQ(j["interactions"][0]["to"], "Tom Hale");
}

TEST(Serialize, MissingValuesAreNull) {
  const nlohmann::ordered_json j = to_json(sample());
  const auto& s = j["statements"][1];
  EXPECT_TRUE(s["speaker"].is_null());
  EXPECT_TRUE(s["speaker_mention"].is_null());
  EXPECT_TRUE(s["cue"].is_null());
  EXPECT_TRUE(s["addressee"].is_null());
  EXPECT_EQ(s["mentions"], nlohmann::ordered_json::array());
  EXPECT_TRUE(j["handles"][1]["person"].is_null());
  EXPECT_EQ(j["people"][1]["aliases"], nlohmann::ordered_json::array());
}

TEST(Serialize, EmptyExtractionHasEveryArray) {
  Extraction ex;
  ex.doc = "empty";
  const nlohmann::ordered_json j = to_json(ex);
  EXPECT_EQ(j.dump(),
            R"({"doc":"empty","statements":[],"people":[],"handles":[],"interactions":[]})");
}

TEST(Serialize, ExplainAddsRuleAndEvidence) {
  const nlohmann::ordered_json plain = to_json(sample());
  EXPECT_FALSE(plain["statements"][0].contains("rule"));
  const nlohmann::ordered_json j = to_json(sample(), true);
  EXPECT_EQ(j["statements"][0]["rule"], "trailing-cue");
  EXPECT_EQ(j["statements"][0]["evidence"], "Ortis replied");
}

void expect_same(const Extraction& a, const Extraction& b) {
  EXPECT_EQ(a.doc, b.doc);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.publisher, b.publisher);
  ASSERT_EQ(a.statements.size(), b.statements.size());
  for (std::size_t i = 0; i < a.statements.size(); ++i) {
    const Statement& x = a.statements[i];
    const Statement& y = b.statements[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.text, y.text);
    EXPECT_EQ(x.speaker, y.speaker);
    ASSERT_EQ(x.speaker_mention.has_value(), y.speaker_mention.has_value());
    if (x.speaker_mention) {
      EXPECT_EQ(x.speaker_mention->span, y.speaker_mention->span);
      EXPECT_EQ(x.speaker_mention->text, y.speaker_mention->text);
    }
    EXPECT_EQ(x.cue, y.cue);
    EXPECT_EQ(x.mentions, y.mentions);
    EXPECT_EQ(x.addressee, y.addressee);
    EXPECT_DOUBLE_EQ(x.confidence, y.confidence);
  }
  ASSERT_EQ(a.people.size(), b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    EXPECT_EQ(a.people[i].name, b.people[i].name);
    EXPECT_EQ(a.people[i].kind, b.people[i].kind);
    EXPECT_EQ(a.people[i].aliases, b.people[i].aliases);
    EXPECT_EQ(a.people[i].handles, b.people[i].handles);
    EXPECT_EQ(a.people[i].roles, b.people[i].roles);
  }
  ASSERT_EQ(a.handles.size(), b.handles.size());
  for (std::size_t i = 0; i < a.handles.size(); ++i) {
    EXPECT_EQ(a.handles[i].handle, b.handles[i].handle);
    EXPECT_EQ(a.handles[i].person, b.handles[i].person);
  }
  EXPECT_EQ(a.interactions, b.interactions);
}

TEST(Serialize, RoundTrip) {
  const Extraction ex = sample();
  const nlohmann::json j = nlohmann::json::parse(to_json(ex).dump());
  expect_same(extraction_from_json(j), ex);
}

TEST(Serialize, RoundTripOfARealExtraction) {
  Document doc;
  doc.id = "d";
  doc.text =
      "Lena Ortiz (@lenaortiz) met Tom Hale. “The ferry must keep running all winter,” she "
      "replied to Hale. “Ça coûte cher,” Tom Hale said.";
  const Extraction ex = extract(doc);
  ASSERT_FALSE(ex.statements.empty());
  const std::string dumped = to_json(ex).dump();
  const Extraction back = extraction_from_json(nlohmann::json::parse(dumped));
  expect_same(back, ex);
  EXPECT_EQ(to_json(back).dump(), dumped);
}

TEST(Serialize, ReadingToleratesMissingAndWrongFields) {
  const nlohmann::json j = nlohmann::json::parse(
      R"({"doc": 7, "statements": [{"text": "hi", "speaker": null, "mentions": [1, "@a"]}],
          "people": "none", "handles": [{"handle": "@a"}]})");
  const Extraction ex = extraction_from_json(j);
  EXPECT_EQ(ex.doc, "");
  ASSERT_EQ(ex.statements.size(), 1U);
  EXPECT_EQ(ex.statements[0].text, "hi");
  EXPECT_EQ(ex.statements[0].speaker, std::nullopt);
  EXPECT_EQ(ex.statements[0].speaker_mention.has_value(), false);
  EXPECT_EQ(ex.statements[0].mentions, (std::vector<std::string>{"@a"}));
  EXPECT_EQ(ex.statements[0].span, (Span{0, 0}));
  EXPECT_TRUE(ex.people.empty());
  ASSERT_EQ(ex.handles.size(), 1U);
  EXPECT_EQ(ex.handles[0].person, std::nullopt);
}

TEST(Serialize, JsonErrorDetailKeepsWhatTheFileNeedsToSay) {
  auto detail_of_parsing = [](const std::string& text) -> std::string {
    try {
      const nlohmann::json j = nlohmann::json::parse(text);
      return "no error: " + j.dump();
    } catch (const nlohmann::json::exception& e) {
      return json_error_detail(e.what());
    }
  };
  // No "[json.exception.parse_error.101] parse error at line 1, column 4:".
  EXPECT_EQ(detail_of_parsing("{\"a\""),
            "syntax error while parsing object separator - unexpected end of input; expected ':'");
  try {
    (void)extraction_from_json(nlohmann::json::parse(R"({"statements": [{"start": "x"}]})"));
    ADD_FAILURE() << "a string for a number was read";
  } catch (const nlohmann::json::exception& e) {
    EXPECT_EQ(json_error_detail(e.what()), "type must be number, but is string");
  }
  // At most 160 bytes, cut before a code point rather than inside it, then "...".
  const std::string long_what =
      "[json.exception.other_error.501] " + std::string(159, 'x') + "\u00e9!";
  EXPECT_EQ(json_error_detail(long_what), std::string(159, 'x') + "...");
  // Bytes quoted from a broken line stop at the first invalid one.
  EXPECT_EQ(json_error_detail("[json.exception.x.1] last read: 'ab\xff\xfe'"), "last read: 'ab");
}

TEST(Serialize, Utf8TextSurvives) {
  Extraction ex;
  ex.doc = "ü";
  Statement s;
  s.text = "“Ça” \\ \"quoted\"\nnew line";
  ex.statements.push_back(s);
  const Extraction back = extraction_from_json(nlohmann::json::parse(to_json(ex).dump()));
  ASSERT_EQ(back.statements.size(), 1U);
  EXPECT_EQ(back.statements[0].text, s.text);
  EXPECT_EQ(back.doc, "ü");
}

}  // namespace
}  // namespace quotegraph
