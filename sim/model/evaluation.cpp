// The evaluation interview (EEAE, rule E2) by an employment-assistance agent, and what its
// conclusion leads to (rule E5): A job search on one's own, B a Parcours, C a specialised
// evaluation before deciding (E7), D a referral to health and social services.

#include <algorithm>
#include <cassert>

#include "model/employment.hpp"
#include "model/world.hpp"

namespace parcours::model {

void World::join_agent_queue(Slot s) {
  Client& c = table_[s];
  c.stage = Stage::kWaitingInterview;
  c.step_started_at = sim_.now();
  // Interviews are first come, first served at level 0, never passed by a contact: the seeds'
  // priority (rules D3, D5) is for accompaniment, which the contacts' requests carry.
  if (agents_.acquire_or_wait(core::EventTarget{this, kAgentGranted, s})) start_interview(s);
}

void World::start_interview(Slot s) {
  Client& c = table_[s];
  c.stage = Stage::kInInterview;
  if (c.evaluations > 0) {
    // Rule D4: distance is a snapshot that changes. Back for a new evaluation, the client is
    // older and has spent the time since arrival out of work (and on assistance, if on it).
    Profile now = table_.profile(s);
    const double months = (sim_.now() - c.arrived_at) / (365.25 / 12.0);
    now.age = static_cast<std::uint8_t>(std::min(120.0, now.age + months / 12.0));
    now.months_out_of_work =
        static_cast<std::uint16_t>(std::min(65535.0, now.months_out_of_work + months));
    if (now.income_support == IncomeSupport::kLastResort) {
      now.months_on_assistance =
          static_cast<std::uint16_t>(std::min(65535.0, now.months_on_assistance + months));
    }
    c.limiting_characteristics =
        static_cast<std::uint8_t>(limiting_characteristics(now, params_.population.limiting));
  }
  const double wait = sim_.now() - c.step_started_at;
  table_.indicators().for_groups(c.groups, [&](std::size_t g) {
    table_.indicators().record(table_.quarter(), g).interview_wait_days.add(wait);
  });
  const EvaluationParameters& e = params_.evaluation;
  core::RandomStream duration = stream(c, Draw::kInterviewDuration, c.evaluations);
  double agent_days = e.interview_days.sample(duration);
  // Rule E2: exceptionally, a second meeting (for people far from the labour market).
  core::RandomStream second = stream(c, Draw::kSecondMeeting, c.evaluations);
  if (second.bernoulli(e.second_meeting_probability)) {
    count(c, Count::kSecondMeetings);
    agent_days += e.interview_days.sample(duration);
  }
  c.next_event = schedule(agent_days, kInterviewEnd, s);
}

void World::on_interview_end(Slot s) {
  agents_.release();
  Client& c = table_[s];
  count(c, Count::kInterviews);
  // Rule E6: a client who refuses services or disagrees leaves without a conclusion; without
  // a valid reason, the file goes to a compliance agent.
  const EvaluationParameters& e = params_.evaluation;
  core::RandomStream refusal = stream(c, Draw::kRefusal, c.evaluations);
  if (refusal.bernoulli(e.refusal_probability)) {
    count(c, Count::kRefusals);
    if (refusal.bernoulli(e.refusal_without_reason_share)) count(c, Count::kComplianceReferrals);
    leave(s);
    return;
  }
  core::RandomStream rng = stream(c, Draw::kConclusion, c.evaluations);
  ++c.evaluations;
  apply_conclusion(s, rules_.conclusion(c, table_.profile(s), rng));
}

void World::apply_conclusion(Slot s, Conclusion conclusion) {
  Client& c = table_[s];
  switch (conclusion) {
    case Conclusion::kAutonomous:
      count(c, Count::kConclusionA);
      employment_->start_job_search(s, params_.job_search.autonomous, c.evaluations);
      break;
    case Conclusion::kParcours:
      count(c, Count::kConclusionB);
      start_parcours(s);
      break;
    case Conclusion::kSpecialised: {
      count(c, Count::kConclusionC);
      c.stage = Stage::kSpecialisedEvaluation;
      c.step_started_at = sim_.now();
      if (!specialists_ ||
          specialists_->acquire_or_wait(core::EventTarget{this, kSpecialistGranted, s})) {
        start_specialised_evaluation(s);
      }
      break;
    }
    case Conclusion::kNotNow: {
      count(c, Count::kConclusionD);
      c.stage = Stage::kReferredOut;
      core::RandomStream rng = stream(c, Draw::kReferredReturn, c.evaluations);
      if (rng.bernoulli(params_.evaluation.referred_return_probability)) {
        c.next_event =
            schedule(params_.evaluation.referred_return_days.sample(rng), kReferredReturn, s);
      } else {
        leave(s);
      }
      break;
    }
  }
}

void World::start_specialised_evaluation(Slot s) {
  Client& c = table_[s];
  const double wait = sim_.now() - c.step_started_at;
  table_.indicators().for_groups(c.groups, [&](std::size_t g) {
    table_.indicators().record(table_.quarter(), g).specialised_wait_days.add(wait);
  });
  // Rule E7: one inside a Parcours (after a major event) draws from its step's own stream.
  core::RandomStream rng = stream(c, Draw::kSpecialisedDelay,
                                  c.in_parcours ? 0x100U + step_of(c) : unsigned{c.evaluations});
  c.next_event =
      schedule(params_.evaluation.specialised_delay_days.sample(rng), kSpecialisedEvaluationEnd, s);
}

void World::on_specialised_evaluation_end(Slot s) {
  if (specialists_) specialists_->release();
  Client& c = table_[s];
  if (c.in_parcours) {  // rule E7: after a major event during the Parcours
    after_major_event(s);
    return;
  }
  count(c, Count::kSpecialisedEvaluations);
  // Rule E5: the recommendation comes back and the agent decides; the decision rules see
  // stage == kSpecialisedEvaluation and must not refer again (rule E7).
  core::RandomStream rng = stream(c, Draw::kConclusion, 0x100U + c.evaluations);
  const Conclusion next = rules_.conclusion(c, table_.profile(s), rng);
  assert(next != Conclusion::kSpecialised);
  apply_conclusion(s, next);
}

}  // namespace parcours::model
