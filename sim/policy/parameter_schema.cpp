#include "policy/parameter_schema.hpp"

#include "policy/schema_sections.hpp"

#include <algorithm>
#include <limits>

namespace parcours::policy {

namespace {

using T = ParamType;

std::vector<SectionSpec> build_schema() {
  return {
      scenario_section(),  arrivals_section(),       population_section(),    evaluation_section(),
      activity_section(),  organisation_section(),   agreements_section(),    caseload_section(),
      parcours_section(),  job_search_section(),     accompaniment_section(), priority_section(),
      retention_section(), income_support_section(),
  };
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view type_name(ParamType type) {
  switch (type) {
    case T::kNumber:
      return "a number";
    case T::kInteger:
      return "an integer";
    case T::kBoolean:
      return "a boolean";
    case T::kString:
      return "a string";
    case T::kDate:
      return "a date \"YYYY-MM-DD\"";
    case T::kDistribution:
      return "a number or a distribution table";
    case T::kNumberList:
      return "a list of numbers";
    case T::kStringList:
      return "a list of strings";
    case T::kShares:
      return "a table of shares";
    case T::kHazard:
      return "a hazard table";
    case T::kEffects:
      return "a table of numbers by name";
    case T::kRows:
      return "a list of rows (csv \"file.csv\")";
  }
  return "?";
}

const ParamSpec* SectionSpec::find(std::string_view key) const {
  for (const ParamSpec& p : params) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::span<const SectionSpec> scenario_schema() {
  static const std::vector<SectionSpec> schema = build_schema();  // immutable after first use
  return schema;
}

const SectionSpec* find_section(std::string_view name) {
  for (const SectionSpec& s : scenario_schema()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  // A word that starts exactly one candidate is taken as that candidate cut short.
  if (word.size() >= 4) {
    std::optional<std::string> only;
    int starts = 0;
    for (std::string_view c : candidates) {
      if (c.size() > word.size() && c.substr(0, word.size()) == word) {
        only = std::string(c);
        ++starts;
      }
    }
    if (starts == 1) return only;
    // ... or as the only candidate it starts with, made longer ("thurs" for "thu").
    starts = 0;
    for (std::string_view c : candidates) {
      if (c.size() >= 3 && word.size() > c.size() && word.substr(0, c.size()) == c) {
        only = std::string(c);
        ++starts;
      }
    }
    if (starts == 1) return only;
  }
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates) {
  const auto best = did_you_mean(word, candidates);
  return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace parcours::policy
