// Each parameter declared once (issue 15): a schema row says where its value lands in the
// model's parameters, so adding a parameter is one row (and its test). These tests fail when a
// row of a bound section lands nowhere, when two rows write one field, or when a field of a
// bound part of the model's parameters has no row.

#include "policy/parameter_binding.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "policy/scenario.hpp"
#include "support/scenarios.hpp"

namespace parcours::policy {
namespace {

// A value that converts to any type: T{AnyField{}, ...} compiles for as many as T has fields.
struct AnyField {
  template <typename T>
  operator T() const;  // NOLINT(google-explicit-constructor): only named in unevaluated code
};

template <typename T, typename... Fields>
constexpr std::size_t field_count() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; }) {
    return field_count<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

// The sections whose rows all land in the model, but for the keys their builder reads because
// they take a lookup or more than one key (with the reason).
const std::map<std::string_view, std::set<std::string_view>>& bound_sections() {
  static const std::map<std::string_view, std::set<std::string_view>> sections{
      // A name checked against the schedulers.
      {"scenario", {"scheduler"}},
      // 12 weights into an array, checked together (rule E1).
      {"arrivals", {"seasonality"}},
      // Opening days and hours go together; conclusion letters index an array (rules E2, E5).
      {"evaluation", {"open_days", "open_hours", "conclusion_shares"}},
      // Activity names, covariate names and income support statuses, looked up.
      // ... and the three decisions after a major event, named (rule E7).
      {"parcours", {"plan", "dropout_effects", "allowance_statuses", "after_major_event"}},
      {"job_search", {"effects"}},
      // Near and far classes into an array (rule D2), which also turn accompaniment on.
      {"accompaniment", {"interval_weeks"}},
      // Group names, looked up (rules D3, D5).
      {"priority", {"order"}},
      // Activity names, looked up among the scenario's activities.
      {"retention", {"me_service", "ph2_service", "demarcheurs_maintien_service"}},
      // Names looked up (domains, measures, deliveries, statuses, covariates) and levels
      // sorted by their hours (rules E3, S5, M8).
      {"activity", {"domain", "measure", "delivery", "levels", "statuses", "job_effects"}},
  };
  return sections;
}

TEST(ParameterBinding, EveryRowOfABoundSectionLandsInTheModel) {
  for (const auto& [name, by_builder] : bound_sections()) {
    const SectionSpec* section = find_section(name);
    ASSERT_NE(section, nullptr) << name;
    for (const ParamSpec& row : section->params) {
      EXPECT_EQ(static_cast<bool>(row.bind), !by_builder.contains(row.key))
          << name << "." << row.key
          << (row.bind ? ": bound, and read by the builder too"
                       : ": lands nowhere (give it a binding, lands_in<...>)");
    }
    for (const std::string_view key : by_builder) {
      EXPECT_NE(section->find(key), nullptr) << name << "." << key << " is not a row";
    }
  }
}

// Model parameters with one activity, the item an activity row lands in.
model::ModelParameters with_an_activity() {
  model::ModelParameters params;
  params.activities.emplace_back();
  return params;
}

TEST(ParameterBinding, NoTwoRowsWriteOneField) {
  const model::ModelParameters params = with_an_activity();
  std::map<const void*, std::string> written;
  for (const SectionSpec& section : scenario_schema()) {
    for (const ParamSpec& row : section.params) {
      if (!row.bind) continue;
      const std::string name = std::string(section.name) + "." + std::string(row.key);
      ASSERT_NE(row.bind.field(params), nullptr) << name;
      const auto [it, fresh] = written.emplace(row.bind.field(params), name);
      EXPECT_TRUE(fresh) << name << " writes the field " << it->second << " writes";
    }
  }
}

// Rows whose field lies in [part, part + size): the fields of that part they fill.
template <typename Part>
std::size_t rows_into(const model::ModelParameters& params, const Part& part) {
  const auto* begin = reinterpret_cast<const char*>(&part);
  std::size_t rows = 0;
  for (const SectionSpec& section : scenario_schema()) {
    for (const ParamSpec& row : section.params) {
      if (!row.bind) continue;
      const auto* field = static_cast<const char*>(row.bind.field(params));
      if (field >= begin && field < begin + sizeof(Part)) ++rows;
    }
  }
  return rows;
}

TEST(ParameterBinding, EveryFieldOfABoundPartHasARow) {
  const model::ModelParameters params = with_an_activity();
  // RetentionParameters: its shape counts by its own four fields; the three activity ids come
  // from the *_service names (built by hand).
  const std::size_t retention_fields =
      field_count<model::RetentionParameters>() - 1 + field_count<model::RetentionShape>();
  EXPECT_EQ(rows_into(params, params.retention) + 3, retention_fields)
      << "a field of RetentionParameters without a row in policy/schema_retention.cpp";
  // The other bound parts, less the fields their builders fill (named beside each count).
  EXPECT_EQ(rows_into(params, params.horizon) + 1, field_count<model::HorizonParameters>())
      << "scheduler";
  EXPECT_EQ(rows_into(params, params.arrivals) + 1, field_count<model::ArrivalParameters>())
      << "monthly_weight";
  EXPECT_EQ(rows_into(params, params.population.limiting),
            field_count<model::LimitingThresholds>());
  EXPECT_EQ(rows_into(params, params.evaluation) + 5, field_count<model::EvaluationParameters>())
      << "opening_hours, open_days, open_from_hours, open_to_hours, conclusion_shares";
  EXPECT_EQ(rows_into(params, params.parcours) + 4, field_count<model::ParcoursParameters>())
      << "default_plan, dropout_effects, closure_enabled, allowance_statuses";
  EXPECT_EQ(rows_into(params, params.job_search) + 1, field_count<model::JobSearchParameters>())
      << "effects";
  EXPECT_EQ(rows_into(params, params.accompaniment) + 2,
            field_count<model::AccompanimentParameters>())
      << "enabled, interval_days";
  EXPECT_EQ(rows_into(params, params.priority) + 1, field_count<model::PriorityParameters>())
      << "order";
  // An activity with its service terms and their eligibility, counted by their own fields.
  const std::size_t activity_fields = field_count<model::ActivityParameters>() - 1 +
                                      field_count<model::ServiceTerms>() - 1 +
                                      field_count<model::Eligibility>();
  EXPECT_EQ(rows_into(params, params.activities.back()) + 8, activity_fields)
      << "domain, referral, job_effects, measure, delivery, has_hours, levels, statuses";
}

TEST(ParameterBinding, ABoundRowReachesTheModelInItsUnits) {
  // The small scenario's retention { share = 0.12, hours = 20, weeks = 16 }, and a rate per
  // week that lands per day: the binding converts as the section's builder did.
  LuaSandbox sandbox;
  const std::string text =
      parcours::testing::replace(parcours::testing::kSmallScenario, "weeks = 16 }",
                                 "weeks = 16, client_stop_per_week = 0.07, followup_months = 2 }");
  const LoadedScenario loaded = load_scenario(sandbox, {"s.lua", text, {}, false}, {});
  const model::RetentionParameters& r = loaded.params.retention;
  EXPECT_EQ(r.share, 0.12);
  EXPECT_EQ(r.hours.mean(), 20.0);
  EXPECT_EQ(r.days.mean(), 16.0 * 7.0);
  EXPECT_EQ(r.client_stop_per_day, 0.07 / 7.0);
  EXPECT_EQ(r.followup_days, 2.0 * 365.25 / 12.0);
  EXPECT_EQ(r.full_time_share, 1.0) << "a row's neutral default";
}

}  // namespace
}  // namespace parcours::policy
