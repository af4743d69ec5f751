// An initial caseload client employed with retention support (issue 12): in a job since
// before day 0, some weeks into a plan under a named agreement, either another partner's
// retention service (Groupe ME, PH2, Démarcheurs maintien: the participation is the
// retention, rules M6, M7) or the in-service retention of an organisation that offers it
// (M11). It began before day 0: no retention_started, no participant and no fixed price on the
// books (paid then), only the hours given from day 0 on.

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/initial_caseload.hpp"
#include "model/ose_services.hpp"
#include "model/retention.hpp"

namespace parcours::model {

void Retention::resume_initial(Slot s, const InitialClient& ic) {
  assert(ose_.on_books() && ic.agreement >= 0);
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  c.evaluations = 1;
  c.job_after_parcours = true;  // a participant's job: followed after the support (M13)
  Job& j = employment_.open_job(s, 1);
  j.started = -ic.days_done;  // at least as long ago as the support began
  const auto ai = static_cast<std::size_t>(ic.agreement);
  const Agreement& a = params_.agreements.agreements[ai];
  core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, j.number);
  const int activity = ic.activity;
  const bool partner = activity == r.me_activity || activity == r.ph2_activity ||
                       activity == r.demarcheurs_maintien_activity;
  RetentionPlan plan;
  std::uint8_t level = 0;
  if (partner) {
    const ServiceTerms& terms = params_.activities[ic.activity].service;
    const double direct = terms.has_hours ? terms.hours_direct.sample(rng) : 0.0;
    const double indirect = terms.has_hours ? terms.hours_indirect.sample(rng) : 0.0;
    const double weeks = params_.activities[ic.activity].duration_days.sample(rng) / 7.0;
    const double integration = r.integration_days.sample(rng) / 7.0;
    level = static_cast<std::uint8_t>(terms.level_of(direct + indirect));
    core::Resource& places = ose_.places_of(a);
    if (places.busy() >= places.capacity()) {  // an employed client does not wait (M6)
      clients_.count(c, Count::kOseNotServed);
      employment_.follow_job(s);
      return;
    }
    [[maybe_unused]] const bool placed = places.acquire_or_wait(ose_.place_granted(s));
    assert(placed);
    j.partner = true;
    j.direct_share = direct + indirect > 0 ? direct / (direct + indirect) : 1.0;
    plan = make_retention_plan(direct + indirect, weeks, integration, r.shape, rng);
  } else {
    const double hours = r.hours.sample(rng);
    const double weeks =
        r.contacts > 0 ? r.contacts * r.contact_interval_days / 7.0 : r.days.sample(rng) / 7.0;
    const double integration = r.integration_days.sample(rng) / 7.0;
    plan = make_retention_plan(hours, weeks, integration, r.shape, rng);
  }
  j.in_retention = true;
  j.agreement = ic.agreement;
  j.level = level;
  j.plan = plan;
  j.retention_started = -ic.days_done;
  j.hours_before = plan.hours_by(ic.days_done);
  core::RandomStream stop = clients_.stream(c, Draw::kRetentionPlan, 0x100U + j.number);
  j.stop_at = r.client_stop_per_day > 0 ? stop.exponential(1.0 / r.client_stop_per_day)
                                        : std::numeric_limits<double>::infinity();
  c.stage = Stage::kRetention;
  // What is left of the plan, as start_retention schedules it; a phase already over is not
  // revisited (the plan stays bipartite, rule M4).
  const double done = ic.days_done;
  const double integration = 7.0 * static_cast<double>(plan.integration_weeks());
  c.tripartite_check_due = integration > 0;
  if (r.contacts > 0 && !partner) {  // rule M3's meetings as events
    const double interval = r.contact_interval_days;
    const int held = static_cast<int>(std::floor(done / interval));
    const int left = std::max(1, r.contacts - held);
    c.contacts_left = static_cast<std::uint8_t>(left);
    clients_.schedule_step(this, std::max(0.0, interval * (held + 1) - done), kRetentionContact, s);
  } else if (integration > done && integration < plan.days()) {
    clients_.schedule_step(this, integration - done, kRetentionPhaseEnd, s);
  } else {
    clients_.schedule_step(this, std::max(0.0, plan.days() - done), kRetentionEnd, s);
  }
  employment_.set_job_multiplier(s, employment_.job_multiplier_now(s));
}

}  // namespace parcours::model
