// Job search, the job, and how long it lasts: a job-loss hazard from the job start, lowered
// during retention support (rules M2-M5), followed for `retention.followup_days`; on a loss
// the client goes back to the employability activity or to the office (rule M7).

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/world.hpp"

namespace parcours::model {

void World::start_job_search(Slot s, const Hazard& hazard, unsigned occurrence) {
  Client& c = table_[s];
  c.stage = Stage::kJobSearch;
  core::RandomStream rng = stream(c, Draw::kJobSearchTime, occurrence);
  const double wait =
      hazard.sample(rng, params_.job_search.effects.multiplier(c, table_.profile(s)) *
                             rules_.job_multiplier(c, table_.profile(s)));
  if (std::isinf(wait)) {       // a hazard that may never fire: no job within the model
    if (c.in_parcours) return;  // the Parcours still ends by abandonment or closure
    leave(s);
    return;
  }
  c.next_event = schedule(wait, kJobFound, s);
}

void World::on_job_found(Slot s) {
  Client& c = table_[s];
  if (c.stage == Stage::kInActivity) {
    if (integration_job_due(s)) {
      start_integration(s);  // rule M9: the job is inside the participation, which goes on
    } else {
      end_step_for_job(s);  // a job during an activity (P7)
    }
  }
  count(c, Count::kEmployed);
  stop_benefit(s, true);  // rule P7: the job ends the support (and saves it)
  ose_.credit_followup(s);
  c.job_after_parcours = c.in_parcours;
  if (c.in_parcours) end_parcours(s, Count::kParcoursEndedEmployment);  // rule P7
  // M13: a job within the follow-up window after a Parcours ended (at 0 days when the job
  // itself ended it), and on the books of each participation's agreement it follows.
  const double window = params_.parcours.followup_days;
  if (c.parcours_ended_at >= 0.0 && sim_.now() - c.parcours_ended_at <= window) {
    count(c, Count::kEmployedAfterParcours);
  }
  ose_.credit_results(s, false);
  start_job(s);
}

World::Job& World::open_job(Slot s, unsigned number) {
  if (job_of_[s] == kNoJob) {
    if (free_jobs_.empty()) {
      job_of_[s] = static_cast<std::uint32_t>(job_pool_.size());
      job_pool_.emplace_back();
    } else {
      job_of_[s] = free_jobs_.back();
      free_jobs_.pop_back();
    }
  }
  Job& j = job(s);
  j = Job{};
  j.number = number;
  j.started = sim_.now();
  j.segment_start = sim_.now();
  j.stop_at = std::numeric_limits<double>::infinity();
  core::RandomStream rng = stream(table_[s], Draw::kJob, number);
  j.full_time = rng.bernoulli(params_.retention.full_time_share);
  j.loss_mass = rng.exponential(1.0);
  return j;
}

void World::start_job(Slot s) {
  Client& c = table_[s];
  const RetentionParameters& r = params_.retention;
  // Jobs are numbered per client (their random streams); a job record is kept only for a
  // client who is followed or supported.
  const unsigned number = (job_of_[s] == kNoJob ? 0U : job(s).number) + 1;
  c.stage = Stage::kEmployed;

  const Participation* p = track_last_ ? &ose_.participation(s) : nullptr;
  if (p != nullptr && p->in_integration) {  // rule M9: ICTE's job, inside the participation
    if (params_.activities[p->activity].retention_included) {
      count(c, Count::kRetentionWithinParticipation);
    }
    open_job(s, number);
    c.next_event = schedule(std::max(0.0, integration_end(s) - sim_.now()), kIntegrationEnd, s);
    set_job_multiplier(s, job_multiplier_now(s));
    return;
  }
  if (c.job_after_parcours || r.after_any_job) {  // rules M1, M6: the employability part's end
    const bool ended = p != nullptr && p->ended_at >= 0;
    // Rule M9: PPE insertion enterprises and MFOR-EE give retention within the participation;
    // after it, only when their agreement provides it (its organisation offers retention,
    // M11): then the participant's need is decided like any (M1).
    const bool after_provided =
        ended && ose_.on_books() && p->agreement >= 0 &&
        params_.agreements
            .organisations[params_.agreements.agreements[ose_.a_index(s)].organisation]
            .retention;
    if (ended && params_.activities[p->activity].retention_included && !after_provided) {
      count(c, Count::kRetentionWithinParticipation);  // rule M9
    } else if (ended && params_.activities[p->activity].in_job_support_days > 0) {
      // Rule S4: Démarcheurs d'emploi accompanies every participant in the job.
      open_job(s, number);
      if (start_in_job_support(s)) return;
      follow_job(s);
      return;
    } else if (r.after_any_job || (ended && retention_measure(p->activity))) {
      // Rule M1: the need is decided per participant of an SAE, PPE, ICTE or MFOR-EE
      // service, from a stream of that participation (a readmitted participant who finds a
      // job again has the same need); the reference model decides at every job.
      const unsigned occurrence = ended && c.job_after_parcours
                                      ? 0x8000U | (c.evaluations & 0x7fU) << 8U | p->step
                                      : number;
      core::RandomStream decision = stream(c, Draw::kRetentionDecision, occurrence);
      switch (rules_.retention(c, table_.profile(s), decision)) {
        case RetentionDecision::kRetention:
          open_job(s, number);
          if (start_in_service_retention(s)) return;
          refer_to_partner(s);  // the organisation cannot: another partner (M6, M11)
          return;
        case RetentionDecision::kOtherPartner:
          open_job(s, number);
          refer_to_partner(s);
          return;
        case RetentionDecision::kNone:
          break;
      }
      if (schedule_late_start(s, number)) return;
    }
  }
  if (!c.job_after_parcours || r.followup_days <= 0) {  // nothing to follow
    leave(s);
    return;
  }
  open_job(s, number);
  follow_job(s);
}

bool World::schedule_late_start(Slot s, unsigned number) {
  // Rule M3: a problem may show at the administrative follow-up `late_start_days` after the
  // participation's end (only if the job started by then), or the employer may ask for
  // support for the employee; the earlier of the two starts retention.
  Client& c = table_[s];
  const RetentionParameters& r = params_.retention;
  constexpr double kNever = std::numeric_limits<double>::infinity();
  double when = kNever;
  core::RandomStream late = stream(c, Draw::kLateStart, number);
  if (late.bernoulli(r.late_start_probability)) {
    const Participation* p = track_last_ ? &ose_.participation(s) : nullptr;
    const double end = p != nullptr && p->ended_at >= 0 ? p->ended_at : sim_.now();
    const double at = end + r.late_start_days - sim_.now();
    if (at >= 0) when = at;
  }
  bool employer = false;
  if (late.bernoulli(r.employer_request_probability)) {
    const double at = r.employer_request_days.sample(late);
    if (at < when) {
      when = at;
      employer = true;
    }
  }
  if (!std::isfinite(when)) return false;
  open_job(s, number);
  job(s).employer_request = employer;
  c.next_event = schedule(when, kRetentionLateStart, s);
  set_job_multiplier(s, 1.0);
  return true;
}

void World::follow_job(Slot s) {
  Client& c = table_[s];
  const Job& j = job(s);
  // Participants (a job that ended a Parcours) are followed; others leave at the job start.
  const double followup = c.job_after_parcours ? params_.retention.followup_days : 0.0;
  const core::Time until = j.started + followup;
  if (until <= sim_.now()) {
    sim_.cancel(c.exit_event);
    leave(s);
    return;
  }
  c.next_event = schedule(until - sim_.now(), kJobFollowupEnd, s);
  set_job_multiplier(s, job_multiplier_now(s));
}

double World::job_multiplier_now(Slot s) const {
  const Job& j = job(s);
  const RetentionParameters& r = params_.retention;
  if (!j.in_retention) return 1.0;
  return r.retention_effect * (j.tripartite ? r.tripartite_effect : 1.0);
}

void World::set_job_multiplier(Slot s, double multiplier) {
  Client& c = table_[s];
  Job& j = job(s);
  const Hazard& h = params_.retention.job_loss;
  sim_.cancel(c.exit_event);
  c.exit_event = core::EventHandle{};
  if (h.family == Hazard::Family::kNone && !std::isfinite(j.stop_at)) return;
  // The hazard so far, at the old multiplier, uses up part of the mass drawn at the start.
  const double since = h.cumulative(j.segment_start - j.started);
  const double now = h.cumulative(sim_.now() - j.started);
  j.used_mass += j.multiplier * (now - since);
  j.segment_start = sim_.now();
  j.multiplier = multiplier;
  double loss = std::numeric_limits<double>::infinity();
  if (h.family != Hazard::Family::kNone && multiplier > 0) {
    loss = j.started + h.inverse_cumulative(now + (j.loss_mass - j.used_mass) / multiplier);
  }
  if (j.in_retention && j.stop_at < loss) {
    c.exit_event = schedule(j.stop_at - sim_.now(), kRetentionClientStop, s);
  } else if (std::isfinite(loss)) {
    c.exit_event = schedule(std::max(0.0, loss - sim_.now()), kJobLoss, s);
  }
}

void World::on_job_loss(Slot s) {
  Client& c = table_[s];
  c.exit_event = core::EventHandle{};
  count(c, Count::kJobLosses);
  if (job(s).in_retention) finish_retention(s, Count::kRetentionEndedJobLoss);  // rule M5
  if (track_last_ && ose_.participation(s).in_integration) end_integration(s);  // rule M9
  sim_.cancel(c.next_event);
  after_job_loss(s);
}

void World::on_job_followup_end(Slot s) {
  Client& c = table_[s];
  sim_.cancel(c.exit_event);
  c.exit_event = core::EventHandle{};
  leave(s);
}

}  // namespace parcours::model
