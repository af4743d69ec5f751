#include "report/translations.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/input_error.hpp"
#include "report/translation_entries.hpp"

namespace parcours::report {

namespace {

// The entry of a key, in either table; nullptr when none.
const TranslationEntry* entry_of(std::string_view key) {
  for (const auto table : {text_entries(), name_entries()}) {
    for (const TranslationEntry& e : table) {
      if (e.key == key) return &e;
    }
  }
  return nullptr;
}

}  // namespace

Language parse_language(std::string_view code) {
  if (code == "fr") return Language::kFrench;
  if (code == "en") return Language::kEnglish;
  throw io::InputError("--lang", "expected fr or en, got '" + std::string(code) + "'");
}

std::string_view language_code(Language language) {
  return language == Language::kFrench ? "fr" : "en";
}

std::string label(Language language, std::string_view key) {
  if (const TranslationEntry* e = entry_of(key)) {
    return std::string(language == Language::kFrench ? e->fr : e->en);
  }
  // Indicators by activity of the scenario's catalogue: "activities_started.groupe_d".
  const std::size_t dot = key.find('.');
  if (dot != std::string_view::npos && key.substr(0, dot) == "activities_started") {
    return label(language, key.substr(0, dot)) + (language == Language::kFrench ? " : " : ": ") +
           name_label(language, "service.", key.substr(dot + 1));
  }
  return std::string(key);
}

bool has_label(std::string_view key) { return entry_of(key) != nullptr; }

std::string name_label(Language language, std::string_view prefix, std::string_view name) {
  const std::string key = std::string(prefix) + std::string(name);
  if (has_label(key)) return label(language, key);
  std::string out(name);
  std::ranges::replace(out, '_', ' ');
  return out;
}

std::string format_number(Language language, double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NA" : (value > 0 ? "∞" : "−∞");
  const double magnitude = std::fabs(value);
  int decimals = 0;
  if (magnitude < 1 && magnitude > 0) {
    decimals = std::min(6, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
  } else if (magnitude < 100) {
    decimals = 1;
  }
  std::string text = fmt::format("{:.{}f}", magnitude, decimals);
  if (decimals > 0) {  // "12.50" -> "12.5", "3.0" -> "3"
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  const std::size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  const std::string_view group = language == Language::kFrench ? "\u202f" : ",";
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
    grouped += whole[i];
  }
  std::string out = (value < 0 && text != "0") ? "−" + grouped : grouped;
  if (!fraction.empty()) out += (language == Language::kFrench ? "," : ".") + fraction;
  return out;
}

}  // namespace parcours::report
