#pragma once
// A World whose plan is one service under one agreement, run with its agreement ledger: for
// the tests of services, agreements and retention (rules S2-S8, M1-M13).

#include <cmath>
#include <string_view>
#include <vector>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/world_run.hpp"

namespace parcours::testing {

// Everyone in a Parcours whose plan is one OSE service (activity 0) of fixed length, under one
// agreement in force from the start to past the horizon; no dropout, no revision.
inline model::ModelParameters one_service(std::uint64_t clients, double duration_days, int slots) {
  model::ModelParameters p = everyone_in_parcours(clients, 2);
  p.arrivals.over_days = 300;
  p.parcours.dropout = model::Hazard{};
  p.activities = {activity("service", core::Distribution::fixed(duration_days), 0.0)};
  p.parcours.default_plan = {0};
  model::ServiceTerms& t = p.activities[0].service;
  t.measure = model::Measure::kSae;
  t.has_hours = true;
  t.hours_direct = core::Distribution::fixed(40);
  t.hours_indirect = core::Distribution::fixed(10);
  t.levels = {{"D1", 30}, {"D2", 45}, {"D3", 60}, {"D4", 75}};
  model::Organisation o;
  o.name = "ose";
  o.offers = {{0, slots, -1}};
  p.agreements.organisations = {o};
  model::Agreement a;
  a.id = "A";
  a.mode = model::FundingMode::kActualCosts;
  a.start = 0;
  a.end = 1e6;
  a.levels = {{10, 1900}, {10, 2700}, {10, 3500}, {10, 4300}};
  a.hourly_cost = 65;
  a.overhead_share = 0.15;
  p.agreements.agreements = {a};
  return p;
}

struct LedgerRun {
  std::vector<model::AgreementValue> values;
  Totals totals;
};

inline LedgerRun run_world(const model::ModelParameters& p, std::uint64_t replication = 0) {
  core::Simulation sim(core::StreamKey{p.horizon.seed, replication});
  model::ParametricRules rules(p);
  model::World world(sim, p, rules);
  world.run();
  return {world.agreement_ledger().values(world.calendar()), totals_of(world)};
}

// An indicator summed over the rows of one period kind, for level `level` (kAllLevels: all).
inline double total(const LedgerRun& r, model::PeriodKind kind, std::string_view indicator,
                    std::uint8_t level = model::kAllLevels, std::uint16_t agreement = 0) {
  double sum = 0;
  for (const model::AgreementValue& v : r.values) {
    if (v.kind == kind && v.indicator == indicator && v.level == level &&
        v.agreement == agreement && !std::isnan(v.value)) {
      sum += v.value;
    }
  }
  return sum;
}

}  // namespace parcours::testing
