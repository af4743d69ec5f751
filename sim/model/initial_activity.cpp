// An initial caseload client in a Parcours (issue 12): some days into the activity its row
// names, then what the plan rule plans without it; in an OSE participation under its agreement
// (a participant since before day 0: its fixed price was paid then), or waiting for a place.

#include <algorithm>
#include <cassert>
#include <vector>

#include "model/initial_caseload.hpp"
#include "model/parcours_process.hpp"

namespace parcours::model {

void ParcoursProcess::resume_initial(Slot s, const InitialClient& ic) {
  Client& c = clients_[s];
  c.evaluations = 1;  // evaluated before day 0 (conclusion B, rule P1)
  c.in_parcours = true;
  clients_.add_stock(parcours_active_, c, +1);
  // The activity under way first, then what the plan rule plans for the client without it.
  make_plan(s);
  std::vector<std::uint8_t> plan{ic.activity};
  for (const std::uint8_t a : clients_.plan(c)) {
    if (a != ic.activity && plan.size() < kMaxPlanLength) plan.push_back(a);
  }
  clients_.set_plan(c, plan);
  schedule_parcours_exit(s, c.evaluations);

  c.stage = Stage::kInActivity;
  c.step_started_at = -ic.days_done;  // began before day 0
  core::RandomStream rng = clients_.stream(c, Draw::kActivityDuration, step_of(c));
  const double planned = params_.activities[ic.activity].duration_days.sample(rng);
  if (ic.state == InitialClient::State::kInParticipation) {
    // Its participant since before day 0 (rule S7: its fixed price was paid then): on the
    // agreement's books for what it gives from now on, with a place of the organisation.
    assert(ose_.on_books() && ic.agreement >= 0);
    Participation& p = ose_.participation(s);
    const ServiceTerms& terms = params_.activities[ic.activity].service;
    core::RandomStream hours = clients_.stream(c, Draw::kServiceHours, step_of(c));
    p = Participation{};
    p.agreement = ic.agreement;
    p.activity = ic.activity;
    p.step = static_cast<std::uint8_t>(step_of(c));
    p.hours_direct = terms.has_hours ? terms.hours_direct.sample(hours) : 0.0;
    p.hours_indirect = terms.has_hours ? terms.hours_indirect.sample(hours) : 0.0;
    p.level = static_cast<std::uint8_t>(terms.level_of(p.hours_direct + p.hours_indirect));
    p.disability_overhead =
        clients_.profile(s).disability ? terms.disability_overhead.sample(hours) : 0.0;
    const Agreement& a = params_.agreements.agreements[static_cast<std::size_t>(ic.agreement)];
    if (!ose_.places_of(a).acquire_or_wait(ose_.place_granted(s), ose_.organisation_level(s))) {
      // More caseload than places: the client waits for one and starts the activity then.
      c.stage = Stage::kAwaitingActivity;
      c.step_started_at = 0.0;
      p.waiting = true;
      return;
    }
    p.placed = true;
    p.started = c.step_started_at;
    p.planned_days = planned;
  }
  // What is left of the activity; an early ending (a job, objectives met) drawn within the
  // weeks already done happens at once.
  StepEnding ending{StepEnding::Kind::kPlanned, planned};
  if (early_endings_) ending = step_ending(s, planned);
  const double left = std::max(0.0, ending.days - ic.days_done);
  if (ending.kind == StepEnding::Kind::kJob) {
    clients_.schedule_step(left, employment_->job_found(s));
  } else {
    clients_.schedule_step(this, left, kActivityEnd, s);
  }
}

}  // namespace parcours::model
