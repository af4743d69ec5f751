#include "experiment/targets.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

#include "core/calendar.hpp"
#include "io/input_error.hpp"
#include "policy/parameter_schema.hpp"

namespace parcours::experiment {

namespace {

std::optional<int> year_of(std::string_view text) {
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc{} || end != text.data() + text.size() || text.size() != 4) {
    return std::nullopt;
  }
  return year;
}

// "2025", "2025-2026", "2025-2026 Q3" or "yearly"; nullopt when malformed.
std::optional<TargetPeriod> parse_period(std::string_view text) {
  if (text == "yearly") return TargetPeriod{};
  TargetPeriod period;
  period.kind = TargetPeriod::Kind::kFiscalYear;
  if (text.size() == 12 && text.substr(9, 2) == " Q" && text[11] >= '1' && text[11] <= '4') {
    period.kind = TargetPeriod::Kind::kQuarter;
    period.quarter = text[11] - '0';
    text = text.substr(0, 9);
  }
  const std::optional<int> first = year_of(text.substr(0, 4));
  if (!first) return std::nullopt;
  if (text.size() == 9) {
    const std::optional<int> second = year_of(text.substr(5));
    if (text[4] != '-' || !second || *second != *first + 1) return std::nullopt;
  } else if (text.size() != 4 || period.kind == TargetPeriod::Kind::kQuarter) {
    return std::nullopt;
  }
  period.year = *first;
  return period;
}

std::optional<double> parse_number(std::string_view text) {
  double x = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(x)) {
    return std::nullopt;
  }
  return x;
}

std::string number_text(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", x);
  return text;
}

bool in_period(const TargetPeriod& period, const core::FiscalQuarter& at) {
  switch (period.kind) {
    case TargetPeriod::Kind::kYearly:
      return true;
    case TargetPeriod::Kind::kFiscalYear:
      return at.year == period.year;
    case TargetPeriod::Kind::kQuarter:
      return at.year == period.year && at.quarter == period.quarter;
  }
  return false;
}

}  // namespace

std::string TargetPeriod::label() const {
  const core::FiscalQuarter at{year, quarter == 0 ? 1 : quarter};
  switch (kind) {
    case Kind::kYearly:
      return "yearly";
    case Kind::kFiscalYear:
      return at.fiscal_year_label();
    case Kind::kQuarter:
      return at.label();
  }
  return "";
}

double Tolerance::absolute(double published) const {
  return relative ? amount * std::abs(published) : amount;
}

std::string Tolerance::label() const {
  return relative ? number_text(amount * 100) + "%" : number_text(amount);
}

std::string Target::indicator() const {
  return denominator.empty() ? numerator : numerator + "/" + denominator;
}

bool Target::within(double simulated) const {
  return std::abs(simulated - value) <= tolerance.absolute(value);
}

double Target::of(const ReplicationResult& result) const {
  // The group's index among the result's groups.
  std::optional<std::size_t> group_index;
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    if (result.groups[g].first == dimension && result.groups[g].second == group) group_index = g;
  }
  if (!group_index) {
    std::vector<std::string> names;
    for (const auto& [d, label] : result.groups) names.push_back(d + "/" + label);
    std::vector<std::string_view> views(names.begin(), names.end());
    throw io::InputError(file, line,
                         "the run has no group '" + dimension + "/" + group + "'" +
                             policy::suggestion(dimension + "/" + group, views));
  }
  const bool quarterly = period.kind == TargetPeriod::Kind::kQuarter;
  const std::vector<model::IndicatorValue>& values = quarterly ? result.quarterly : result.yearly;
  int periods = 0;  // of the last sum
  const auto sum_of = [&](const std::string& name) {
    double sum = 0.0;
    bool found = false;
    std::set<int> seen;
    for (const model::IndicatorValue& v : values) {
      if (v.indicator != name) continue;
      found = true;
      if (v.group != *group_index || !in_period(period, v.period)) continue;
      seen.insert(v.period.index());
      sum += v.value;
    }
    if (!found && !quarterly && *group_index == 0) {
      // An indicator of the agreement tables: summed over every agreement, all levels.
      for (const model::AgreementValue& v : result.agreements) {
        if (v.indicator != name || v.kind != model::PeriodKind::kFiscalYear ||
            v.level != model::kAllLevels) {
          continue;
        }
        found = true;
        if (!in_period(period, core::FiscalQuarter{v.year, 1})) continue;
        seen.insert(core::FiscalQuarter{v.year, 1}.index());
        if (!std::isnan(v.value)) sum += v.value;
      }
    }
    if (!found) {
      std::set<std::string_view> names;
      for (const model::IndicatorValue& v : values) names.insert(v.indicator);
      throw io::InputError(file, line,
                           "unknown indicator '" + name + "'" +
                               policy::suggestion(name, {names.begin(), names.end()}));
    }
    if (seen.empty()) {
      throw io::InputError(file, line,
                           "the run has no value of '" + name + "' for group '" + dimension + "/" +
                               group + "' in period " + period.label());
    }
    periods = static_cast<int>(seen.size());
    return sum;
  };
  const double top = sum_of(numerator);
  if (!denominator.empty()) return top / sum_of(denominator);
  // "yearly": the mean of the fiscal years' values.
  return top / periods;
}

std::vector<Target> parse_targets(const io::CsvTable& table) {
  table.require_columns(
      {"id", "indicator", "period", "dimension", "group", "value", "source", "tolerance"});
  const std::size_t c_id = table.column("id");
  const std::size_t c_indicator = table.column("indicator");
  const std::size_t c_period = table.column("period");
  const std::size_t c_dimension = table.column("dimension");
  const std::size_t c_group = table.column("group");
  const std::size_t c_value = table.column("value");
  const std::size_t c_source = table.column("source");
  const std::size_t c_tolerance = table.column("tolerance");
  if (table.empty()) {
    throw io::InputError(table.source(), table.header_line(), "no targets after the header");
  }
  std::vector<Target> targets;
  std::set<std::string> ids;
  for (std::size_t r = 0; r < table.size(); ++r) {
    Target t;
    t.file = table.source();
    t.line = table.row(r).line;
    t.id = table.text(r, c_id);
    if (t.id.empty()) throw table.field_error(r, c_id, "an id is required");
    if (!ids.insert(t.id).second) {
      throw table.field_error(r, c_id, "duplicate id '" + t.id + "'");
    }
    const std::string& indicator = table.text(r, c_indicator);
    const std::size_t slash = indicator.find('/');
    t.numerator = indicator.substr(0, slash);
    if (slash != std::string::npos) t.denominator = indicator.substr(slash + 1);
    if (t.numerator.empty() || (slash != std::string::npos && t.denominator.empty()) ||
        t.denominator.find('/') != std::string::npos) {
      throw table.field_error(r, c_indicator,
                              "expected NAME or NAME/NAME, got '" + indicator + "'");
    }
    const std::optional<TargetPeriod> period = parse_period(table.text(r, c_period));
    if (!period) {
      throw table.field_error(r, c_period,
                              "expected a fiscal year (2025-2026), a quarter (2025-2026 Q3) or "
                              "'yearly', got '" +
                                  table.text(r, c_period) + "'");
    }
    t.period = *period;
    const std::string& dimension = table.text(r, c_dimension);
    const std::string& group = table.text(r, c_group);
    if (dimension.empty() != group.empty()) {
      throw table.field_error(r, dimension.empty() ? c_dimension : c_group,
                              "dimension and group are given together (or both left empty)");
    }
    if (!dimension.empty()) {
      t.dimension = dimension;
      t.group = group;
    }
    t.value = table.number(r, c_value);
    t.source = table.text(r, c_source);
    if (t.source.empty()) throw table.field_error(r, c_source, "a source is required");
    std::string_view tolerance = table.text(r, c_tolerance);
    t.tolerance.relative = !tolerance.empty() && tolerance.back() == '%';
    if (t.tolerance.relative) tolerance.remove_suffix(1);
    const std::optional<double> amount = parse_number(tolerance);
    if (!amount || *amount < 0) {
      throw table.field_error(r, c_tolerance,
                              "expected an absolute amount (0.05) or a share of the value "
                              "(10%), not negative, got '" +
                                  table.text(r, c_tolerance) + "'");
    }
    t.tolerance.amount = t.tolerance.relative ? *amount / 100 : *amount;
    targets.push_back(std::move(t));
  }
  return targets;
}

std::vector<Target> read_targets(const std::filesystem::path& path) {
  return parse_targets(io::read_csv_file(path));
}

}  // namespace parcours::experiment
