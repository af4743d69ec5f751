#include "report/html.hpp"

#include <gtest/gtest.h>

namespace parcours::report {
namespace {

TEST(Html, EscapesEveryCharacterThatCouldStartMarkup) {
  EXPECT_EQ(escape_html("a < b & c > d \"e\" 'f'"),
            "a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;");
  EXPECT_EQ(escape_html("Montréal"), "Montréal");  // UTF-8 passes through
  EXPECT_EQ(escape_html(""), "");
}

TEST(Html, JsonCannotCloseItsScriptElement) {
  const std::string text = script_json({{"label", "</script><script>alert(1)</script>"}});
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_NE(text.find("\\u003c/script>"), std::string::npos) << text;
  // Still the same JSON once parsed.
  EXPECT_EQ(nlohmann::json::parse(text)["label"], "</script><script>alert(1)</script>");
}

TEST(Html, JsonOfTextThatIsNotUtf8IsStillWritten) {
  const std::string text =
      script_json({{"label", std::string("Montr") + static_cast<char>(0xE9) + "al"}});
  EXPECT_EQ(nlohmann::json::parse(text)["label"],
            "Montr\xEF\xBF\xBD"
            "al");  // U+FFFD
}

TEST(Html, ScriptTextBreaksUpClosingTagsInAnyCase) {
  EXPECT_EQ(script_text("var s = '</script>'; var t = '</SCRIPT '; var c = '<!--';"),
            "var s = '<\\/script>'; var t = '<\\/SCRIPT '; var c = '<\\!--';");
  EXPECT_EQ(script_text("a < b && c <d"), "a < b && c <d");
}

}  // namespace
}  // namespace parcours::report
