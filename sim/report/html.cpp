#include "report/html.hpp"

#include <algorithm>
#include <cctype>

namespace parcours::report {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string script_json(const nlohmann::json& value) {
  // A table in another encoding (Latin-1 "Montr\xe9al") must not stop the report: invalid
  // UTF-8 becomes U+FFFD instead of an exception.
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

}  // namespace

std::string script_text(std::string_view javascript) {
  std::string out;
  out.reserve(javascript.size());
  for (std::size_t i = 0; i < javascript.size(); ++i) {
    out += javascript[i];
    if (javascript[i] != '<') continue;
    if (starts_with_nocase(javascript, i, "</script") ||
        starts_with_nocase(javascript, i, "<!--")) {
      out += '\\';
    }
  }
  return out;
}

}  // namespace parcours::report
