#include "exporters/text.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace quotegraph::exporters {
namespace {

struct CleanCase {
  const char* name;
  std::string in;
  std::string out;
};

TEST(CleanText, KeepsWhatXmlAndGraphvizAcceptDropsTheRest) {
  const CleanCase cases[] = {
      {"ascii", "plain text", "plain text"},
      {"tab and line ends kept", "a\tb\nc\r\nd", "a\tb\nc\r\nd"},
      {"C0 controls dropped",
       std::string("a\x01"
                   "b\x1f"
                   "c\x0b") +
           std::string(1, '\0') + "d",
       "abcd"},
      {"DEL kept", "a\x7f", "a\x7f"},
      {"two-byte", "Zo\xC3\xAB", "Zo\xC3\xAB"},
      {"emoji", "\xF0\x9F\x8E\x89", "\xF0\x9F\x8E\x89"},
      {"stray continuation byte",
       "a\x80"
       "b",
       "ab"},
      {"latin-1 byte", "caf\xE9!", "caf!"},
      {"overlong slash",
       "a\xC0\xAF"
       "b",
       "ab"},
      {"overlong three-byte",
       "a\xE0\x80\xAF"
       "b",
       "ab"},
      {"surrogate",
       "a\xED\xA0\x80"
       "b",
       "ab"},
      {"past U+10FFFF",
       "a\xF4\x90\x80\x80"
       "b",
       "ab"},
      {"U+FFFE and U+FFFF",
       "a\xEF\xBF\xBE\xEF\xBF\xBF"
       "b",
       "ab"},
      {"truncated at the end", "ab\xE2\x82", "ab"},
  };
  for (const CleanCase& c : cases) EXPECT_EQ(clean_text(c.in), c.out) << c.name;
}

TEST(Shorten, CutsOnCodePointsAndMarksTheCut) {
  EXPECT_EQ(shorten("a long statement", 6), "a lon\u2026");
  EXPECT_EQ(shorten("exactly", 7), "exactly");
  EXPECT_EQ(shorten("", 3), "");
  EXPECT_EQ(shorten("abc", 0), "");
  // Four emoji of four bytes each: never cut inside one.
  EXPECT_EQ(shorten("\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89", 3),
            "\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89\u2026");
}

TEST(DisplayLabel, ShortensStatementsOnly) {
  graph::StringPool pool;
  graph::NodeProps statement;
  statement.kind = graph::NodeKind::kStatement;
  statement.label = pool.intern(std::string(200, 'x'));
  EXPECT_EQ(display_label(statement), std::string(79, 'x') + "\u2026");
  graph::NodeProps person;
  person.label = pool.intern(std::string(200, 'y'));
  EXPECT_EQ(display_label(person), person.label.str());
}

std::string xml_escaped(std::string_view s) {
  std::string out = "[";
  append_xml_escaped(out, s);
  return out + "]";
}

TEST(AppendXmlEscaped, EscapesMarkupAndCleansInOnePass) {
  EXPECT_EQ(xml_escaped(""), "[]");
  EXPECT_EQ(xml_escaped("plain"), "[plain]");
  EXPECT_EQ(xml_escaped("a<b>&\"c\"'"), "[a&lt;b&gt;&amp;&quot;c&quot;']");
  EXPECT_EQ(xml_escaped("]]>"), "[]]&gt;]");
  EXPECT_EQ(xml_escaped("CR\r\nLF\ttab"), "[CR&#13;\nLF\ttab]");
  // Dropped: C0 controls, a stray byte, a truncated sequence, U+FFFF, a surrogate.
  EXPECT_EQ(xml_escaped("a\x01"
                        "b\xff"
                        "c\xE2\x80"),
            "[abc]");
  EXPECT_EQ(xml_escaped("x\xEF\xBF\xBFy\xED\xA0\x80z"), "[xyz]");
  // Kept: any valid character, escapes next to multi-byte ones.
  EXPECT_EQ(xml_escaped("Zo\xC3\xAB<\xF0\x9F\x8E\x89>"), "[Zo\xC3\xAB&lt;\xF0\x9F\x8E\x89&gt;]");
}

TEST(AppendXmlEscaped, AgreesWithCleanTextThenEscaping) {
  // Every byte value, alone and around markup, against the two-step definition.
  for (int b = 0; b < 256; ++b) {
    const std::string raw = std::string("<") + static_cast<char>(b) + "\xC3\xA9&" +
                            static_cast<char>(b) + static_cast<char>(b);
    std::string expected = "[";
    for (char c : clean_text(raw)) {
      switch (c) {
        case '&':
          expected += "&amp;";
          break;
        case '<':
          expected += "&lt;";
          break;
        case '>':
          expected += "&gt;";
          break;
        case '"':
          expected += "&quot;";
          break;
        case '\r':
          expected += "&#13;";
          break;
        default:
          expected += c;
      }
    }
    EXPECT_EQ(xml_escaped(raw), expected + "]") << "byte " << b;
  }
}

TEST(DisplayLabelView, AgreesWithDisplayLabelWhenItAnswers) {
  graph::StringPool pool;
  const std::string x79(79, 'x');
  const std::string cases[] = {
      "",
      "short",
      std::string(80, 'a'),
      std::string(81, 'a'),
      std::string(200, 'b'),
      x79 + "\xC3\xA9",               // 80 code points
      x79 + "\xC3\xA9\xC3\xA9",       // 81
      std::string(80, 'c') + "\xff",  // the 81st would be dropped: no cut
      std::string(80, 'c') + "\xff" + "d",
      std::string(90, 'e') + "\x01",  // unclean past what is shown
      "bad \xff byte",                // unclean where shown: no answer
      x79 + "<&>" + std::string(10, 'f'),
  };
  for (const std::string& text : cases) {
    graph::NodeProps n;
    n.kind = graph::NodeKind::kStatement;
    n.label = pool.intern(text);
    std::string_view head;
    bool ellipsis = false;
    if (!display_label_view(n, head, ellipsis)) {
      EXPECT_NE(clean_text(text.substr(0, 80)), text.substr(0, 80)) << text;
      continue;
    }
    EXPECT_EQ(std::string(head) + (ellipsis ? "\u2026" : ""), display_label(n)) << text;
  }
  graph::NodeProps person;
  person.label = pool.intern(std::string(200, 'p'));
  std::string_view head;
  bool ellipsis = true;
  ASSERT_TRUE(display_label_view(person, head, ellipsis));
  EXPECT_EQ(head.size(), 200u);
  EXPECT_FALSE(ellipsis);
}

TEST(IsCleanText, TrueExactlyWhenCleanTextKeepsEverything) {
  for (const char* s :
       {"", "plain", "tab\tnl\ncr\r", "\xC3\xA9", "\x01", "\xff", "\xEF\xBF\xBF", "a\xE2\x80"}) {
    EXPECT_EQ(is_clean_text(s), clean_text(s) == s) << s;
  }
}

TEST(FormatDouble, ShortestRoundTrip) {
  EXPECT_EQ(format_double(0.93), "0.93");
  EXPECT_EQ(format_double(1.0), "1");
  EXPECT_EQ(format_double(0.0), "0");
  EXPECT_EQ(format_double(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(format_double(std::numeric_limits<double>::quiet_NaN()), "0");
  EXPECT_EQ(format_double(std::numeric_limits<double>::infinity()), "0");
}

}  // namespace
}  // namespace quotegraph::exporters
