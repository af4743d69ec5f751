// The Parcours (rules P1, P2, P7): an intervention plan of activities done in sequence. It ends
// by a job (after the plan's job search), a return to school or another measure (at the end
// of the plan), abandonment (at any time, from a hazard, or after an activity: rule D6) or
// closure (an open Parcours closed after a time). After abandonment or closure a client may
// still find a job on their own, which the follow-up indicator counts (M13).

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/accompaniment.hpp"
#include "model/decision_rules.hpp"
#include "model/parcours_process.hpp"

namespace parcours::model {

namespace {
constexpr double kSameDay = 1e-6;  // days: a step that ran to within this of its plan did
}  // namespace

void ParcoursProcess::start_parcours(Slot s) {
  Client& c = clients_[s];
  c.in_parcours = true;
  clients_.add_stock(parcours_active_, c, +1);
  clients_.count(c, Count::kParcoursStarted);

  c.revisions = 0;
  make_plan(s);
  open_parcours(s, c.evaluations);
}

void ParcoursProcess::open_parcours(Slot s, unsigned occurrence) {
  schedule_parcours_exit(s, occurrence);
  if (clients_[s].plan_size == 0) {
    finish_plan(s);
  } else {
    start_activity(s);
  }
}

void ParcoursProcess::schedule_parcours_exit(Slot s, unsigned occurrence) {
  Client& c = clients_[s];
  // Abandonment and closure compete: only the earlier is scheduled.
  const ParcoursParameters& p = params_.parcours;
  constexpr double kNever = std::numeric_limits<double>::infinity();
  core::RandomStream dropout_rng = clients_.stream(c, Draw::kDropoutTime, occurrence);
  core::RandomStream closure_rng = clients_.stream(c, Draw::kClosureTime, occurrence);
  if (accompaniment_->contact_effect()) {
    // Rule D6: the accompaniment term follows the contacts made (dropout_clock.hpp); none yet.
    DropoutClock& clock = accompaniment_->clock(s);
    clock = DropoutClock{};
    clock.mass = -std::log(dropout_rng.uniform());  // the one uniform Hazard::sample draws
    clock.origin = clock.since = clients_.now();
    const Profile profile = clients_.profile(s);
    clock.base = clock.multiplier =
        p.dropout_effects.multiplier(c, profile) * rules_.dropout_multiplier(c, profile);
    clock.closure_at =
        clients_.now() + (p.closure_enabled ? p.closure_days.sample(closure_rng)
                                            : std::numeric_limits<double>::infinity());
    accompaniment_->start(s);
    accompaniment_->schedule_exit_from_clock(s);
    return;
  }
  double dropout = kNever;
  if (p.dropout.family != Hazard::Family::kNone) {
    const Profile profile = clients_.profile(s);
    dropout = p.dropout.sample(dropout_rng, p.dropout_effects.multiplier(c, profile) *
                                                rules_.dropout_multiplier(c, profile));
  }
  const double closure = p.closure_enabled ? p.closure_days.sample(closure_rng) : kNever;
  accompaniment_->start(s);
  if (std::isfinite(std::min(dropout, closure))) {
    if (dropout <= closure) {
      clients_.schedule_exit(this, dropout, kDropout, s);
    } else {
      clients_.schedule_exit(this, closure, kClosure, s);
    }
  }
}

void ParcoursProcess::make_plan(Slot s) {
  Client& c = clients_[s];
  core::RandomStream plan_rng =
      clients_.stream(c, Draw::kPlan, c.evaluations | (c.revisions << 8U));
  plan_buffer_.clear();
  rules_.plan(c, clients_.profile(s), plan_rng, plan_buffer_);
  assert(plan_buffer_.size() <= kMaxPlanLength);
  clients_.set_plan(c, plan_buffer_);
}

void ParcoursProcess::start_activity(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kInActivity;
  const ActivityParameters& a = params_.activities[clients_.activity(c, c.next_activity)];
  if (!a.service.eligibility.everyone() &&
      !a.service.eligibility.admits(clients_.profile(s),
                                    c.evaluations > 1)) {  // S2, S4: not for them
    clients_.count(c, Count::kActivitiesIneligible);
    skip_step(s);
    return;
  }
  // Rule M12: an activity completed before is not done again, except by exceptional
  // approval (a readmission, rule M7, resumes the original participation instead).
  const std::uint8_t id = clients_.activity(c, c.next_activity);
  const bool readmission =
      track_last_ && ose_.participation(s).readmission && ose_.participation(s).activity == id;
  if (track_completed_ && !readmission && ((completed_[s][id / 64] >> (id % 64)) & 1U) != 0) {
    core::RandomStream rng = clients_.stream(c, Draw::kRepeatApproval, step_of(c));
    if (!rng.bernoulli(params_.retention.repeat_approval_probability)) {
      clients_.count(c, Count::kActivitiesRepeatRefused);
      skip_step(s);
      return;
    }
  }
  if (a.referral) {  // rule P8: handed over to the OSE, which starts at the planned date
    clients_.count(c, Count::kOseReferrals);
    c.stage = Stage::kAwaitingActivity;
    core::RandomStream rng = clients_.stream(c, Draw::kReferralDelay, step_of(c));
    clients_.schedule_step(&ose_, a.referral_days.sample(rng), kActivityStart, s);
    return;
  }
  ose_.on_planned_start(s);  // an OSE service under agreements, or the office's own
}

unsigned ParcoursProcess::step_width(const Client& c) const {
  // Rule P2: activities marked concurrent run alongside the one before them in the plan.
  unsigned width = 1;
  while (c.next_activity + width < c.plan_size &&
         params_.activities[clients_.activity(c, c.next_activity + width)].concurrent) {
    ++width;
  }
  return width;
}

double ParcoursProcess::begin_activity(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kInActivity;
  c.step_started_at = clients_.now();
  // The step ends when the longest of its concurrent activities does.
  double longest = 0.0;
  for (unsigned k = 0; k < step_width(c); ++k) {
    clients_.count(c, Count::kActivitiesStarted);
    clients_.count_activity(c, clients_.activity(c, c.next_activity + k));
    const ActivityParameters& a = params_.activities[clients_.activity(c, c.next_activity + k)];
    core::RandomStream rng = clients_.stream(c, Draw::kActivityDuration, step_of(c) + 0x100U * k);
    longest = std::max(longest, a.planned_days(rng));
  }
  const double integration = integration_job_days(s, longest);  // rule M9: ICTE's job
  if (!early_endings_ && !major_events_ && !std::isfinite(integration)) {
    clients_.schedule_step(this, longest, kActivityEnd, s);
    return longest;
  }
  StepEnding ending{StepEnding::Kind::kPlanned, longest};
  if (early_endings_) ending = step_ending(s, longest);
  if (integration < ending.days) ending = {StepEnding::Kind::kJob, integration};
  if (major_events_) {  // rule E7: a major event cuts the step short
    const double major = evaluation_->major_event_days(s);
    if (major < ending.days) {
      clients_.schedule_step(major, evaluation_->major_event(s));
      return longest;
    }
  }
  if (ending.kind == StepEnding::Kind::kJob) {
    clients_.schedule_step(ending.days, employment_->job_found(s));
  } else {
    clients_.schedule_step(this, ending.days, kActivityEnd, s);
  }
  return longest;
}

double ParcoursProcess::planned_step_days(const Client& c) const {
  // The durations begin_activity drew, drawn again from the same streams.
  double longest = 0.0;
  for (unsigned k = 0; k < step_width(c); ++k) {
    const ActivityParameters& a = params_.activities[clients_.activity(c, c.next_activity + k)];
    core::RandomStream rng = clients_.stream(c, Draw::kActivityDuration, step_of(c) + 0x100U * k);
    longest = std::max(longest, a.planned_days(rng));
  }
  return longest;
}

StepEnding ParcoursProcess::step_ending(Slot s, double planned_days) {
  const Client& c = clients_[s];
  const unsigned width = step_width(c);
  StepEnding ending{StepEnding::Kind::kPlanned, planned_days};
  for (unsigned k = 0; k < width; ++k) {
    const ActivityParameters& a = params_.activities[clients_.activity(c, c.next_activity + k)];
    if (!may_end_early(a)) continue;
    double multiplier = 1.0;
    if (a.job_during.family != Hazard::Family::kNone) {
      const Profile profile = clients_.profile(s);
      multiplier = a.job_effects.multiplier(c, profile) * rules_.job_multiplier(c, profile);
    }
    core::RandomStream job_rng =
        clients_.stream(c, Draw::kJobDuringActivity, step_of(c) + 0x100U * k);
    core::RandomStream met_rng = clients_.stream(c, Draw::kEarlySuccess, step_of(c) + 0x100U * k);
    fold_early_ending(ending, a, multiplier, width == 1, job_rng, met_rng);
  }
  return ending;
}

void ParcoursProcess::end_step_for_job(Slot s) {
  Client& c = clients_[s];
  clients_.count(c, Count::kJobsDuringActivity);
  for (unsigned k = 0; k < step_width(c); ++k) {
    const std::uint8_t id = clients_.activity(c, c.next_activity + k);
    // Rule M10: income support stops at the job start, except for Objectif emploi clients,
    // who keep it to the activity's planned end (the duration drawn at its start, drawn again
    // from the same stream).
    double after = 0.0;
    if (clients_.profile(s).objectif_emploi) {
      core::RandomStream rng = clients_.stream(c, Draw::kActivityDuration, step_of(c) + 0x100U * k);
      const double planned = params_.activities[id].planned_days(rng);
      after = std::max(0.0, c.step_started_at + planned - clients_.now());
    }
    pay_income_support(s, id, after);
  }
  if (!ose_.close_participation(s, true) && track_last_) record_last_activity(s);
}

void ParcoursProcess::interrupt_step(Slot s) {
  Client& c = clients_[s];
  const unsigned width = step_width(c);
  for (unsigned k = 0; k < width; ++k)
    pay_income_support(s, clients_.activity(c, c.next_activity + k));
  if (!ose_.close_participation(s, true) && track_last_) record_last_activity(s);
  c.next_activity = (c.next_activity + width) & 0xFU;
}

void ParcoursProcess::continue_plan(Slot s) {
  const Client& c = clients_[s];
  if (c.next_activity < c.plan_size) {
    start_activity(s);
  } else {
    finish_plan(s);
  }
}

void ParcoursProcess::record_last_activity(Slot s) {
  // An activity without an agreement is now the last participation, the one rules M7, M9,
  // M10 and M13 look back at.
  const Client& c = clients_[s];
  ose_.book_followup(s);  // rule S2: the last service's follow-up ends with this one
  Participation& last = ose_.participation(s);
  last = Participation{};
  last.activity = clients_.activity(c, c.next_activity);
  last.step = static_cast<std::uint8_t>(step_of(c));
  last.started = c.step_started_at;
  last.ended_at = clients_.now();
}

void ParcoursProcess::on_activity_end(Slot s) {
  Client& c = clients_[s];
  const unsigned width = step_width(c);
  for (unsigned k = 0; k < width; ++k) {
    const std::uint8_t done = clients_.activity(c, c.next_activity + k);
    clients_.count(c, Count::kActivitiesCompleted);
    pay_income_support(s, done);
    if (track_completed_) completed_[s][done / 64] |= std::uint64_t{1} << (done % 64);  // M12
  }
  // Ended before its planned end: its objectives were met early (rules P5, S2).
  const bool early =
      early_endings_ && clients_.now() - c.step_started_at < planned_step_days(c) - kSameDay;
  if (early) clients_.count(c, Count::kActivitiesEndedEarly);
  if (!ose_.close_participation(s, early) && track_last_) record_last_activity(s);
  const unsigned step = step_of(c);
  const unsigned first = c.next_activity;
  c.next_activity = (c.next_activity + width) & 0xFU;  // seen as done
  bool revise = false;
  for (unsigned k = 0; k < width; ++k) {
    const std::uint8_t finished = clients_.activity(c, first + k);
    core::RandomStream rng = clients_.stream(c, Draw::kDropoutDecision, step + 0x100U * k);
    if (rules_.drops_out_after(c, clients_.profile(s), finished, rng)) {
      end_parcours(s, Count::kParcoursEndedDropout);
      after_parcours_exit(s);
      return;
    }
    // Rule P5: each activity's success is checked before moving on; a failure revises the
    // plan (rule P3), back to the plan rule with what the client has done so far.
    core::RandomStream check = clients_.stream(c, Draw::kActivityCheck, step + 0x100U * k);
    if (!check.bernoulli(params_.activities[finished].success_probability)) revise = true;
  }
  if (revise && c.revisions < params_.parcours.max_revisions) {
    clients_.count(c, Count::kPlanRevisions);
    ++c.revisions;
    make_plan(s);
  }
  continue_plan(s);
}

void ParcoursProcess::finish_plan(Slot s) {
  Client& c = clients_[s];
  const ParcoursParameters& p = params_.parcours;
  core::RandomStream rng = clients_.stream(c, Draw::kPlanOutcome, c.evaluations);
  const double u = rng.uniform();
  if (u < p.school_share) {
    ose_.credit_results(s, true);  // rule M13: back to school after the participations' ends
    end_parcours(s, Count::kParcoursEndedSchool);
    leave(s);
  } else if (u < p.school_share + p.other_measure_share) {
    end_parcours(s, Count::kParcoursEndedOtherMeasure);
    leave(s);
  } else {
    employment_->start_job_search(s, params_.job_search.after_parcours, c.evaluations);
  }
}

void ParcoursProcess::skip_step(Slot s) {
  Client& c = clients_[s];
  c.next_activity = (c.next_activity + step_width(c)) & 0xFU;
  continue_plan(s);
}

void ParcoursProcess::waitlist_dropout(Slot s) {
  end_parcours(s, Count::kParcoursEndedDropout);
  after_parcours_exit(s);
}

void ParcoursProcess::on_parcours_exit(Slot s, Count reason) {
  Client& c = clients_[s];
  if (c.stage == Stage::kInActivity) {  // for the weeks the activities under way lasted
    for (unsigned k = 0; k < step_width(c); ++k)
      pay_income_support(s, clients_.activity(c, c.next_activity + k));
    ose_.close_participation(s);
  } else if (c.stage == Stage::kAwaitingActivity) {
    ose_.leave_waitlist(s);
  } else if (c.stage == Stage::kSpecialisedEvaluation) {  // rule E7, after a major event
    evaluation_->leave_specialised_evaluation(s);
  }
  clients_.cancel_step(s);  // the activity or job search under way will not end normally
  end_parcours(s, reason);
  after_parcours_exit(s);
}

void ParcoursProcess::after_parcours_exit(Slot s) {
  const JobSearchParameters& j = params_.job_search;
  if (j.after_exit.family == Hazard::Family::kNone) {
    leave(s);
    return;
  }
  employment_->start_job_search(s, j.after_exit, 0x80U + clients_[s].evaluations);
}

void ParcoursProcess::end_parcours(Slot s, Count reason) {
  Client& c = clients_[s];
  assert(c.in_parcours);
  if (reason != Count::kParcoursEndedEmployment) ose_.book_followup(s);  // rule S2: abandoned
  clients_.cancel_exit(s);
  c.in_parcours = false;
  c.parcours_ended_at = clients_.now();
  clients_.add_stock(parcours_active_, c, -1);
  clients_.count(c, reason);
}

}  // namespace parcours::model
