#include "experiment/agreement_tables.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <tuple>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "experiment/table_file.hpp"
#include "io/csv_writer.hpp"

namespace parcours::experiment {

namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

// "2025-2026": an agreement year runs 1 July - 30 June, a fiscal year 1 April - 31 March.
std::string year_label(int year) { return std::to_string(year) + "-" + std::to_string(year + 1); }

std::string period_start(const model::AgreementValue& v) {
  if (v.kind == model::PeriodKind::kQuarter) return core::format_date(v.quarter.first_day());
  const unsigned month = v.kind == model::PeriodKind::kAgreementYear ? 7 : 4;
  return core::format_date(
      core::Date{std::chrono::year{v.year}, std::chrono::month{month}, std::chrono::day{1}});
}

// period_kind, period, quarter, period_start and level of an agreement value.
void period_fields(io::CsvWriter& csv, const AgreementLabels& a, const model::AgreementValue& v) {
  csv.field(model::to_string(v.kind));
  csv.field(v.kind == model::PeriodKind::kQuarter ? v.quarter.fiscal_year_label()
                                                  : year_label(v.year));
  if (v.kind == model::PeriodKind::kQuarter) {
    csv.field(v.quarter.quarter);
  } else {
    csv.field(kNa);
  }
  csv.field(period_start(v));
  csv.field(v.level == model::kAllLevels ? std::string_view("all")
                                         : std::string_view(a.levels[v.level]));
}

// The columns that name an agreement value, up to (not including) the indicator.
void key_fields(io::CsvWriter& csv, const AgreementLabels& a, const model::AgreementValue& v) {
  csv.field(a.id).field(a.organisation).field(a.service).field(a.region).field(a.funding_mode);
  period_fields(csv, a, v);
}

// A service without intensity levels has one, the same as all levels together: its rows are
// written once, as level "all".
bool named_level(const AgreementLabels& a, const model::AgreementValue& v) {
  return v.level == model::kAllLevels || a.levels.size() > 1 || a.levels.front() != "all";
}

struct Stats {
  double mean = kNa, sd = kNa, low = kNa, high = kNa, p50 = kNa, p90 = kNa;
};

Stats describe(const std::vector<double>& values) {
  Stats s;
  if (std::any_of(values.begin(), values.end(), [](double x) { return std::isnan(x); })) return s;
  core::Tally tally;
  for (const double x : values) tally.add(x);
  const auto n = static_cast<double>(values.size());
  s.mean = tally.mean();
  if (values.size() > 1) {
    s.sd = std::sqrt(tally.variance());
    const double half =
        core::student_t_quantile(0.975, static_cast<int>(values.size()) - 1) * s.sd / std::sqrt(n);
    s.low = s.mean - half;
    s.high = s.mean + half;
  }
  s.p50 = quantile(values, 0.5);
  s.p90 = quantile(values, 0.9);
  return s;
}

void stats_fields(io::CsvWriter& csv, std::size_t n, const Stats& s) {
  csv.field(n).field(s.mean).field(s.sd).field(s.low).field(s.high).field(s.p50).field(s.p90);
}

void write_values(const std::filesystem::path& path,
                  const std::vector<ReplicationResult>& results) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"replication", "agreement", "organisation", "service", "region", "funding_mode",
              "period_kind", "period", "quarter", "period_start", "level", "indicator", "value"});
  for (const ReplicationResult& r : results) {
    for (const model::AgreementValue& v : r.agreements) {
      if (!named_level(r.agreement_labels[v.agreement], v)) continue;
      csv.field(r.replication + 1);
      key_fields(csv, r.agreement_labels[v.agreement], v);
      csv.field(v.indicator).field(v.value);
      csv.end_row();
    }
  }
  close_output(out, path);
}

void write_summary(const std::filesystem::path& path,
                   const std::vector<ReplicationResult>& results) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"agreement", "organisation", "service", "region", "funding_mode", "period_kind",
              "period", "quarter", "period_start", "level", "indicator", "replications", "mean",
              "sd", "ci95_low", "ci95_high", "p50", "p90"});
  const ReplicationResult& first = results.front();
  std::vector<double> values(results.size());
  for (std::size_t i = 0; i < first.agreements.size(); ++i) {
    for (std::size_t k = 0; k < results.size(); ++k) {
      assert(results[k].agreements[i].indicator == first.agreements[i].indicator);
      values[k] = results[k].agreements[i].value;
    }
    const model::AgreementValue& v = first.agreements[i];
    if (!named_level(first.agreement_labels[v.agreement], v)) continue;
    key_fields(csv, first.agreement_labels[v.agreement], v);
    csv.field(v.indicator);
    stats_fields(csv, results.size(), describe(values));
    csv.end_row();
  }
  close_output(out, path);
}

// Rule M13: the indicators the retention guide lists for each kind of agreement, by the
// service group: Groupe D (and PH1, also a global-approach service), Groupe ME, Groupe PH2.
struct M13Group {
  std::string_view service_group;
  std::string_view label;
  std::vector<std::string_view> indicators;
};

const std::vector<M13Group>& m13_groups() {
  static const std::vector<std::string_view> kGlobal{"participants_started",
                                                     "participants_target",
                                                     "attainment_pct",
                                                     "participants_ended_at_level_reached",
                                                     "hours_per_participant_at_level_reached",
                                                     "retention_started",
                                                     "employed_0_3_months",
                                                     "employed_end_of_retention_full_time",
                                                     "employed_end_of_retention_part_time",
                                                     "school_0_3_months"};
  static const std::vector<std::string_view> kMe{"participants_started",
                                                 "participants_target",
                                                 "attainment_pct",
                                                 "hours_per_participant",
                                                 "employed_end_of_retention_full_time",
                                                 "employed_end_of_retention_part_time"};
  static const std::vector<M13Group> kGroups = [] {
    std::vector<std::string_view> ph2 = kMe;
    ph2.insert(ph2.end(), {"cit_renewals", "psea_retention"});
    return std::vector<M13Group>{{"groupe_d", "D", kGlobal},
                                 {"ph1", "PH1", kGlobal},
                                 {"groupe_me", "ME", kMe},
                                 {"ph2", "PH2", ph2}};
  }();
  return kGroups;
}

void write_retention_summary(const std::filesystem::path& path,
                             const std::vector<ReplicationResult>& results) {
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"agreement", "organisation", "group", "period_kind", "period", "quarter",
              "period_start", "level", "indicator", "replications", "mean", "sd", "ci95_low",
              "ci95_high", "p50", "p90"});
  const ReplicationResult& first = results.front();
  std::vector<double> values(results.size());
  for (std::size_t i = 0; i < first.agreements.size(); ++i) {
    const model::AgreementValue& v = first.agreements[i];
    const AgreementLabels& a = first.agreement_labels[v.agreement];
    if (!named_level(a, v)) continue;
    const auto group =
        std::find_if(m13_groups().begin(), m13_groups().end(),
                     [&](const M13Group& g) { return g.service_group == a.service_group; });
    if (group == m13_groups().end()) continue;
    if (std::find(group->indicators.begin(), group->indicators.end(), v.indicator) ==
        group->indicators.end()) {
      continue;
    }
    for (std::size_t k = 0; k < results.size(); ++k) values[k] = results[k].agreements[i].value;
    csv.field(a.id).field(a.organisation).field(group->label);
    period_fields(csv, a, v);
    csv.field(v.indicator);
    stats_fields(csv, results.size(), describe(values));
    csv.end_row();
  }
  close_output(out, path);
}

// Costs rolled up over agreements (all levels), by period and by what budget staff split
// them by: every agreement, then by region, organisation, service and funding mode.
void write_costs(const std::filesystem::path& path, const std::vector<ReplicationResult>& results) {
  static const std::vector<std::string_view> kIndicators{
      "participants_started", "hours_direct", "hours_indirect", "cost", "cost_fixed_price",
      "cost_actual_costs", "allowance_paid", "extra_costs_paid", "wage_contribution", "cost_total",
      "employed_0_3_months",
      // Rule P7's ratios, of each group's sums (never a sum of agreements' ratios).
      "cost_per_participant", "cost_per_person_placed"};
  constexpr std::size_t kSummed = 11;  // the indicators summed over agreements
  using Key = std::tuple<int, int, std::string, std::string, std::size_t>;  // kind, year, dim,
                                                                            // group, indicator
  std::map<Key, std::vector<double>> sums;
  for (std::size_t k = 0; k < results.size(); ++k) {
    const ReplicationResult& r = results[k];
    for (const model::AgreementValue& v : r.agreements) {
      if (v.kind == model::PeriodKind::kQuarter || v.level != model::kAllLevels) continue;
      const auto ind = std::find(kIndicators.begin(), kIndicators.begin() + kSummed, v.indicator);
      if (ind == kIndicators.begin() + kSummed) continue;
      const AgreementLabels& a = r.agreement_labels[v.agreement];
      const std::pair<std::string, std::string> groups[] = {{"all", "all"},
                                                            {"region", a.region},
                                                            {"organisation", a.organisation},
                                                            {"service", a.service},
                                                            {"funding_mode", a.funding_mode}};
      for (const auto& [dimension, group] : groups) {
        std::vector<double>& slot = sums[{static_cast<int>(v.kind), v.year, dimension, group,
                                          static_cast<std::size_t>(ind - kIndicators.begin())}];
        slot.resize(results.size(), 0.0);
        slot[k] += v.value;
      }
    }
  }
  // Per replication, cost_total over participants begun and over people placed (NaN, "NA",
  // where there are none: no cost per person without persons).
  const auto index = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(kIndicators.begin(), kIndicators.end(), name) -
                                    kIndicators.begin());
  };
  std::vector<std::pair<Key, std::vector<double>>> ratios;
  for (const auto& [key, values] : sums) {
    const auto& [kind, year, dimension, group, indicator] = key;
    if (indicator != index("cost_total")) continue;
    for (const auto& [of, name] : {std::pair{"participants_started", "cost_per_participant"},
                                   std::pair{"employed_0_3_months", "cost_per_person_placed"}}) {
      const auto count = sums.find({kind, year, dimension, group, index(of)});
      std::vector<double> ratio(values.size(), kNa);
      for (std::size_t k = 0; k < values.size(); ++k) {
        if (count != sums.end() && count->second[k] > 0) ratio[k] = values[k] / count->second[k];
      }
      ratios.emplace_back(Key{kind, year, dimension, group, index(name)}, std::move(ratio));
    }
  }
  for (auto& [key, ratio] : ratios) sums.emplace(key, std::move(ratio));
  static const std::map<std::string, int> kDimensionOrder{
      {"all", 0}, {"region", 1}, {"organisation", 2}, {"service", 3}, {"funding_mode", 4}};
  std::vector<std::pair<Key, const std::vector<double>*>> rows;
  rows.reserve(sums.size());
  for (const auto& [key, values] : sums) rows.emplace_back(key, &values);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    const auto& [kx, yx, dx, gx, ix] = x.first;
    const auto& [ky, yy, dy, gy, iy] = y.first;
    return std::tuple(kx, yx, kDimensionOrder.at(dx), gx, ix) <
           std::tuple(ky, yy, kDimensionOrder.at(dy), gy, iy);
  });
  std::ofstream out = open_output(path);
  io::CsvWriter csv(out);
  csv.header({"period_kind", "period", "dimension", "group", "indicator", "replications", "mean",
              "sd", "ci95_low", "ci95_high", "p50", "p90"});
  for (const auto& [key, values] : rows) {
    const auto& [kind, year, dimension, group, indicator] = key;
    csv.field(model::to_string(static_cast<model::PeriodKind>(kind))).field(year_label(year));
    csv.field(dimension).field(group).field(kIndicators[indicator]);
    stats_fields(csv, values->size(), describe(*values));
    csv.end_row();
  }
  close_output(out, path);
}

}  // namespace

double quantile(std::vector<double> values, double p) {
  if (values.empty()) return kNa;
  if (std::any_of(values.begin(), values.end(), [](double x) { return std::isnan(x); })) return kNa;
  std::sort(values.begin(), values.end());
  const double h = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

void write_agreement_tables(const std::filesystem::path& folder,
                            const std::vector<ReplicationResult>& results) {
  if (results.empty() || results.front().agreement_labels.empty()) return;
  write_values(folder / "agreements.csv", results);
  write_summary(folder / "agreements_summary.csv", results);
  write_costs(folder / "costs_summary.csv", results);
  write_retention_summary(folder / "retention_summary.csv", results);
}

}  // namespace parcours::experiment
