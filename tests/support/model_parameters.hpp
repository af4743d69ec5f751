#pragma once
// Model parameters built in C++ (no Lua), for model tests.

#include "model/parameters.hpp"

namespace parcours::testing {

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
  p.population.last_resort_share = 0.5;
  p.population.limiting_characteristic_probability = 0.3;
  p.evaluation.agents = 3;
  p.evaluation.interview_days = Distribution::exponential(1.0 / 24);
  p.evaluation.conclusion_shares = {0.3, 0.5, 0.1, 0.1};
  p.evaluation.specialised_delay_days = Distribution::fixed(28);
  p.evaluation.referred_return_probability = 0.5;
  p.evaluation.referred_return_days = Distribution::exponential(60);
  p.activities = {{"first", Distribution::exponential(14), 0.1},
                  {"second", Distribution::exponential(28), 0.2}};
  p.parcours.default_plan = {0, 1};
  p.parcours.dropout = model::Hazard::constant(1.0 / 200);
  p.job_search.after_parcours = model::Hazard::constant(1.0 / 56);
  p.job_search.autonomous = model::Hazard::constant(1.0 / 42);
  p.retention.share = 0.12;
  p.retention.contacts = 5;
  p.retention.contact_interval_days = 14;
  return p;
}

}  // namespace parcours::testing
