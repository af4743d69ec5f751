// From the population section's rows (margins, correlation, a client-level sample) to the
// model's population parameters: level names to values, errors naming the row at fault.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <tuple>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

using model::Attribute;

[[noreturn]] void fail(const SectionValues& s, const std::string& message) {
  throw io::InputError(s.origin.file, s.origin.line, "population: " + message);
}

// An error at a row's own file:line when it came from a CSV file (csv adds __file and
// __line), else at the section's line.
[[noreturn]] void fail_at_row(const SectionValues& s, const std::map<std::string, std::string>& row,
                              const std::string& message) {
  const auto file = row.find("__file");
  const auto line = row.find("__line");
  if (file != row.end() && line != row.end()) {
    throw io::InputError(file->second, std::strtoul(line->second.c_str(), nullptr, 10),
                         "population: " + message);
  }
  fail(s, message);
}

bool parse_number(const std::string& text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// The names scenarios may use for the values of enumerated attributes.
std::vector<std::string> level_names(Attribute a, const std::vector<std::string>& regions) {
  switch (a) {
    case Attribute::kIncomeSupport: {
      std::vector<std::string> names;
      for (int i = 0; i <= 2; ++i)
        names.emplace_back(to_string(static_cast<model::IncomeSupport>(i)));
      return names;
    }
    case Attribute::kSchooling: {
      std::vector<std::string> names;
      for (int i = 0; i <= 3; ++i) names.emplace_back(to_string(static_cast<model::Schooling>(i)));
      return names;
    }
    case Attribute::kRegion:
      return regions;
    default:
      return {};
  }
}

// A value given as a number or as a level name.
std::optional<double> value_of(Attribute a, const std::string& text,
                               const std::vector<std::string>& regions) {
  double v = 0;
  if (parse_number(text, v)) return v;
  const auto names = level_names(a, regions);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<double>(i);
  }
  return std::nullopt;
}

const std::string& field(const SectionValues& s, const std::string& table, std::size_t row,
                         const std::map<std::string, std::string>& r, const std::string& name) {
  const auto it = r.find(name);
  if (it == r.end()) {
    fail(s, table + " row " + std::to_string(row + 1) + ": missing column '" + name + "'");
  }
  return it->second;
}

model::Attribute attribute_of(const SectionValues& s, const std::string& where,
                              const std::string& name) {
  const auto a = model::attribute_named(name);
  if (a) return *a;
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < model::kAttributeCount; ++i) {
    names.push_back(model::name_of(static_cast<Attribute>(i)));
  }
  fail(s, where + ": unknown attribute '" + name + "'" + suggestion(name, names));
}

double number_of(const SectionValues& s, const std::string& where, const std::string& text) {
  double v = 0;
  if (!parse_number(text, v)) fail(s, where + ": expected a number, got '" + text + "'");
  return v;
}

}  // namespace

std::optional<std::string> set_profile_field(model::Profile& profile, const std::string& column,
                                             const std::string& text,
                                             const std::vector<std::string>& regions) {
  const auto a = model::attribute_named(column);
  if (!a) return "unknown attribute '" + column + "'";
  const auto value = value_of(*a, text, regions);
  if (!value || *value < 0 || *value > model::max_value(*a) ||
      (*a == Attribute::kRegion && *value >= static_cast<double>(regions.size()))) {
    return "'" + text + "' is not a value of " + column;
  }
  model::set_attribute(profile, *a, *value);
  return std::nullopt;
}

model::PopulationParameters build_population(const SectionValues& s) {
  model::PopulationParameters p;
  p.regions = s.texts("regions");
  if (p.regions.empty() || p.regions.size() > 256) fail(s, "regions needs 1 to 256 names");
  if (s.has("market")) {
    p.market = s.numbers("market");
    if (p.market.size() != p.regions.size()) {
      fail(s, "market needs one index per region (" + std::to_string(p.regions.size()) + "), got " +
                  std::to_string(p.market.size()));
    }
  }

  if (s.has("margins")) {
    const Rows& rows = s.rows("margins");
    // Without this, a header-only file would surface later as "no margin to correlate".
    if (rows.empty()) fail(s, "margins has no rows (a file with only its header?)");
    // (attribute, kind, level or quantile) -> first row, so a repeated row is not silently
    // taken over by the last one.
    std::map<std::tuple<Attribute, std::string, double>, std::size_t> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string where = "margins row " + std::to_string(i + 1);
      const Attribute a = attribute_of(s, where, field(s, "margins", i, rows[i], "attribute"));
      auto margin = std::find_if(p.margins.begin(), p.margins.end(),
                                 [a](const model::Margin& m) { return m.attribute == a; });
      if (margin == p.margins.end()) {
        p.margins.push_back(model::Margin{a, {}, {}});
        margin = p.margins.end() - 1;
      }
      const std::string& kind = field(s, "margins", i, rows[i], "kind");
      const std::string& key = field(s, "margins", i, rows[i], "key");
      const double value = number_of(s, where, field(s, "margins", i, rows[i], "value"));
      double level_or_quantile = 0;
      if (kind == "probability") {
        const auto level = value_of(a, key, p.regions);
        level_or_quantile = level ? *level : -1;
      } else if (kind == "quantile") {
        level_or_quantile = number_of(s, where, key);
      }
      const auto [first, inserted] = seen.emplace(std::make_tuple(a, kind, level_or_quantile), i);
      if (!inserted && (kind == "probability" || kind == "quantile")) {
        fail_at_row(s, rows[i],
                    where + ": " + std::string(model::name_of(a)) + " " + kind + " '" + key +
                        "' is given twice (first in margins row " +
                        std::to_string(first->second + 1) + ")");
      }
      if (kind == "probability") {
        const auto level = value_of(a, key, p.regions);
        if (!level || *level < 0 || *level != std::floor(*level) || *level > model::max_value(a) ||
            (a == Attribute::kRegion && *level >= static_cast<double>(p.regions.size()))) {
          fail(s, where + ": '" + key + "' is not a value of " + std::string(model::name_of(a)));
        }
        const auto index = static_cast<std::size_t>(*level);
        if (margin->probabilities.size() <= index) margin->probabilities.resize(index + 1, 0.0);
        if (!(value >= 0.0 && value <= 1.0)) {
          fail(s, where + ": a probability must be between 0 and 1, got " + std::to_string(value));
        }
        margin->probabilities[index] = value;
      } else if (kind == "quantile") {
        margin->quantiles.emplace_back(number_of(s, where, key), value);
      } else {
        fail(s, where + ": kind must be 'probability' or 'quantile', got '" + kind + "'");
      }
    }
    // Booleans may give only P(1): the rest of the mass is on 0.
    for (model::Margin& m : p.margins) {
      if (m.probabilities.size() == 2 && m.probabilities[0] == 0.0 &&
          model::max_value(m.attribute) == 1) {
        m.probabilities[0] = 1.0 - m.probabilities[1];
      }
    }
  }
  const std::size_t n = p.margins.size();
  p.correlation.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) p.correlation[i][i] = 1.0;
  if (s.has("correlation")) {
    const Rows& rows = s.rows("correlation");
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;  // pair -> first row
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string where = "correlation row " + std::to_string(i + 1);
      std::size_t index[2] = {0, 0};
      const char* columns[2] = {"attribute_a", "attribute_b"};
      for (int k = 0; k < 2; ++k) {
        const Attribute a = attribute_of(s, where, field(s, "correlation", i, rows[i], columns[k]));
        const auto it = std::find_if(p.margins.begin(), p.margins.end(),
                                     [a](const model::Margin& m) { return m.attribute == a; });
        if (it == p.margins.end()) {
          fail(s, where + ": " + std::string(model::name_of(a)) + " has no margin to correlate");
        }
        index[k] = static_cast<std::size_t>(it - p.margins.begin());
      }
      const double r = number_of(s, where, field(s, "correlation", i, rows[i], "correlation"));
      if (index[0] == index[1]) {
        fail_at_row(s, rows[i],
                    where + ": " + std::string(model::name_of(p.margins[index[0]].attribute)) +
                        " is correlated with itself (its correlation is 1 by definition)");
      }
      if (!(r >= -1.0 && r <= 1.0)) {
        fail_at_row(s, rows[i],
                    where + ": a correlation must be between -1 and 1, got " +
                        field(s, "correlation", i, rows[i], "correlation"));
      }
      const auto pair = std::minmax(index[0], index[1]);
      const auto [first, inserted] = seen.emplace(std::make_pair(pair.first, pair.second), i);
      if (!inserted) {
        fail_at_row(s, rows[i],
                    where + ": the correlation of " +
                        std::string(model::name_of(p.margins[pair.first].attribute)) + " and " +
                        std::string(model::name_of(p.margins[pair.second].attribute)) +
                        " is given twice (first in correlation row " +
                        std::to_string(first->second + 1) + ")");
      }
      p.correlation[index[0]][index[1]] = r;
      p.correlation[index[1]][index[0]] = r;
    }
  }
  if (s.has("sample")) {
    const Rows& rows = s.rows("sample");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      model::Profile profile;
      for (const auto& [column, text] : rows[i]) {
        if (column == "source" || column.starts_with("__"))
          continue;  // notes on where a row comes from, as in margins
        const std::string where = "sample row " + std::to_string(i + 1);
        attribute_of(s, where, column);  // an unknown column, with a suggestion
        if (const auto error = set_profile_field(profile, column, text, p.regions)) {
          fail(s, where + ": " + *error);
        }
      }
      p.sample.push_back(profile);
    }
    if (p.sample.empty()) fail(s, "sample has no rows");
  }
  // The copula checks the margins and the matrix (sums, ranges, positive definiteness).
  try {
    const model::CopulaPopulation check(p.margins, p.correlation);
  } catch (const std::invalid_argument& e) {
    fail(s, e.what());
  }
  return p;
}

}  // namespace parcours::policy
