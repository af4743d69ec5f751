// ICTE's job-integration phase (rule M9): within the path's planned length (at most 20 weeks
// in the seed), the last 10-12 weeks are a job, with or without a wage contribution, and
// with retention support included. The job starts inside the participation, which goes on to
// its planned end: the Parcours ends by employment at the job's start (rule P7), the
// participation's hours and price are the service's, and the wage contribution paid for the
// weeks the job lasted is booked on the agreement. A job lost during the phase ends the
// participation then (rule M5), with readmission as after any job (M7).

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/parcours_process.hpp"

namespace parcours::model {

double ParcoursProcess::integration_job_days(Slot s, double planned_days) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  if (!track_last_) return kNone;
  Participation& p = ose_.participation(s);
  p.integration_at = -1.0;
  const Client& c = clients_[s];
  if (step_width(c) != 1) return kNone;  // only a step of its own
  const ActivityParameters& a = params_.activities[clients_.activity(c, c.next_activity)];
  if (!(a.integration_days.highest() > 0)) return kNone;
  core::RandomStream rng = clients_.stream(c, Draw::kIntegration, step_of(c));
  const double integration = std::min(planned_days, a.integration_days.sample(rng));
  p.wage_contribution = rng.bernoulli(a.wage_contribution_share);
  const double days = planned_days - integration;
  p.integration_at = clients_.now() + days;
  return days;
}

bool ParcoursProcess::integration_job_due(Slot s) const {
  if (!track_last_) return false;
  const Participation& p = ose_.participation(s);
  return p.integration_at >= 0 && std::abs(p.integration_at - clients_.now()) < 1e-9;
}

void ParcoursProcess::start_integration(Slot s) {
  Client& c = clients_[s];
  clients_.count(c, Count::kIntegrationJobs);
  pay_income_support(s, clients_.activity(c, c.next_activity));  // rule M10: the job pays from now
  Participation& p = ose_.participation(s);
  if (!p.placed) {  // off the books: the participation is recorded now, and goes on
    const bool contribution = p.wage_contribution;
    const double planned = planned_step_days(c);
    record_last_activity(s);
    p.ended_at = -1.0;
    p.planned_days = planned;
    p.wage_contribution = contribution;
  }
  p.in_integration = true;
  p.integration_at = clients_.now();
}

core::Time ParcoursProcess::integration_end(Slot s) const {
  const Participation& p = ose_.participation(s);
  return p.started + p.planned_days;
}

void ParcoursProcess::end_integration(Slot s) {
  Participation& p = ose_.participation(s);
  const ActivityParameters& a = params_.activities[p.activity];
  const bool early = clients_.now() < integration_end(s) - 1e-9;
  if (p.placed && p.wage_contribution) {
    // Dollars a week for the weeks the job lasted, in the quarters they fell in.
    const std::size_t ai = ose_.a_index(s);
    const core::Time from = p.integration_at;
    const double wage = a.wage_contribution_per_week * (clients_.now() - from) / 7.0;
    clients_.spread_over_quarters(from, clients_.now(), [&](std::size_t q, double share) {
      ose_.book(ai, q, p.level).wage_contribution += wage * share;
    });
  }
  p.in_integration = false;
  p.integration_at = -1.0;
  if (!ose_.close_participation(s, early)) p.ended_at = clients_.now();
}

}  // namespace parcours::model
