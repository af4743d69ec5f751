#pragma once
// The one-service world of the retention tests (rules M1-M13): a 21-day Groupe D-like service
// by an organisation offering retention, and jobs and job losses at exact times.

#include <cstdint>

#include "support/ose_run.hpp"

namespace parcours::testing {

// One 21-day Groupe D-like service (40 + 10 hours, level D3) by an organisation offering
// retention; everyone who completes it finds a job after ~5 days; retention plans of 20 hours
// over 16 weeks, 2 of integration.
inline model::ModelParameters retention_world(std::uint64_t clients, double share) {
  model::ModelParameters p = one_service(clients, 21, 100000);
  p.horizon.years = 3;
  p.agreements.organisations[0].retention = true;
  p.job_search.after_parcours = model::Hazard::constant(1.0 / 5);
  model::RetentionParameters& r = p.retention;
  r.share = share;
  r.hours = core::Distribution::fixed(20);
  r.days = core::Distribution::fixed(112);
  r.integration_days = core::Distribution::fixed(14);
  r.readmission_days = 84;
  r.followup_days = 365;
  return p;
}

// A job exactly `job_days` after the participation's end and lost exactly `loss_days` after
// its start (piecewise hazards jumping from 0 to a huge rate).
inline model::ModelParameters timed_loss(double job_days, double loss_days) {
  model::ModelParameters p = retention_world(3000, 0.0);
  p.job_search.after_parcours = model::Hazard::piecewise_constant({0.0, 1e7}, job_days);
  p.retention.job_loss = model::Hazard::piecewise_constant({0.0, 1e7}, loss_days);
  return p;
}

}  // namespace parcours::testing
