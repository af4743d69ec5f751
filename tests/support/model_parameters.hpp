#pragma once
// Model parameters built in C++ (no Lua), for model tests.

#include "model/parameters.hpp"

namespace parcours::testing {

/// An activity delivered internally (no OSE referral).
inline model::ActivityParameters activity(std::string name, core::Distribution duration,
                                          double dropout_after) {
  model::ActivityParameters a;
  a.name = std::move(name);
  a.duration_days = duration;
  a.dropout_after = dropout_after;
  return a;
}

inline constexpr double kLimitingProbability = 0.3;
inline constexpr int kLimitingDrawn = 5;  // characteristics with a margin in small_model()

/// A small office: 5,000 clients over a year, everything finite and quick.
inline model::ModelParameters small_model() {
  using core::Distribution;
  model::ModelParameters p;
  p.horizon.name = "test";
  p.horizon.start = *core::parse_date("2025-04-01");
  p.horizon.years = 3;
  p.horizon.seed = 11;
  p.arrivals.count = 5000;
  p.arrivals.over_days = 364;
  p.arrivals.convened_share = 0.4;
  // Five of the eight limiting characteristics of rule D1, independent, each with
  // probability kLimitingProbability: the count is Binomial(5, 0.3). Age and months stay 0.
  using model::Attribute;
  for (Attribute a : {Attribute::kSingleParent, Attribute::kChildrenUnder5,
                      Attribute::kHealthConstraints, Attribute::kLeavingInstitution}) {
    p.population.margins.push_back({a, {1 - kLimitingProbability, kLimitingProbability}, {}});
  }
  p.population.margins.push_back(
      {Attribute::kSchooling, {kLimitingProbability, 0, 1 - kLimitingProbability, 0}, {}});
  p.population.correlation.assign(5, std::vector<double>(5, 0.0));
  for (std::size_t i = 0; i < 5; ++i) p.population.correlation[i][i] = 1.0;
  p.population.limiting = {48, 24, 45};
  p.evaluation.agents = 3;
  p.evaluation.interview_days = Distribution::exponential(1.0 / 24);
  p.evaluation.conclusion_shares = {0.3, 0.5, 0.1, 0.1};
  p.evaluation.specialised_delay_days = Distribution::fixed(28);
  p.evaluation.referred_return_probability = 0.5;
  p.evaluation.referred_return_days = Distribution::exponential(60);
  p.activities = {activity("first", Distribution::exponential(14), 0.1),
                  activity("second", Distribution::exponential(28), 0.2)};
  p.parcours.default_plan = {0, 1};
  p.parcours.dropout = model::Hazard::constant(1.0 / 200);
  p.job_search.after_parcours = model::Hazard::constant(1.0 / 56);
  p.job_search.autonomous = model::Hazard::constant(1.0 / 42);
  p.retention.share = 0.12;
  p.retention.hours = Distribution::fixed(20);
  p.retention.days = Distribution::fixed(112);
  p.retention.integration_days = Distribution::fixed(14);
  return p;
}

}  // namespace parcours::testing
