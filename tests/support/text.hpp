#pragma once
// Looking for a part of a text (an error message, a report page), for tests of texts.

#include <string_view>

namespace parcours::testing {

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace parcours::testing
