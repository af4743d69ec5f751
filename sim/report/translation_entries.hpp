#pragma once
// The report's label tables, French and English, in two files: the page's own words by
// section (translation_texts.cpp) and the names of indicators, groups and services of the
// result tables (translation_names.cpp). translations.cpp looks keys up in both.

#include <span>
#include <string_view>

namespace parcours::report {

struct TranslationEntry {
  std::string_view key;
  std::string_view fr;
  std::string_view en;
};

std::span<const TranslationEntry> text_entries();
std::span<const TranslationEntry> name_entries();

}  // namespace parcours::report
