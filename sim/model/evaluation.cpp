// The evaluation interview (EEAE, rule E2) by an employment-assistance agent, and what its
// conclusion leads to (rule E5): A job search on one's own, B a Parcours, C a specialised
// evaluation before deciding (E7), D a referral to health and social services. The module:
// evaluation.hpp.

#include "model/evaluation.hpp"

#include <algorithm>
#include <cassert>

#include "model/decision_rules.hpp"

namespace parcours::model {

Evaluation::Evaluation(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
                       core::Resource& agents)
    : clients_(clients), params_(params), rules_(rules), agents_(agents) {
  if (params.evaluation.specialised_evaluators > 0) {
    specialists_ =
        std::make_unique<core::Resource>(clients.sim(), params.evaluation.specialised_evaluators);
  }
}

void Evaluation::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  const auto s = static_cast<Slot>(subject);
  switch (kind) {
    case kAgentGranted:
      start_interview(s);
      break;
    case kInterviewEnd:
      on_interview_end(s);
      break;
    case kSpecialistGranted:
      start_specialised_evaluation(s);
      break;
    case kSpecialisedEvaluationEnd:
      on_specialised_evaluation_end(s);
      break;
    case kReferredReturn:
      clients_.count(clients_[s], Count::kReferredReturns);
      join_agent_queue(s);
      break;
    case kMajorEvent:
      on_major_event(s);
      break;
    default:
      assert(false);
      break;
  }
}

void Evaluation::join_agent_queue(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kWaitingInterview;
  c.step_started_at = clients_.now();
  // Interviews are first come, first served at level 0, never passed by a contact: the seeds'
  // priority (rules D3, D5) is for accompaniment, which the contacts' requests carry.
  if (agents_.acquire_or_wait(core::EventTarget{this, kAgentGranted, s})) start_interview(s);
}

void Evaluation::start_interview(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kInInterview;
  if (c.evaluations > 0) {
    // Rule D4: distance is a snapshot that changes. Back for a new evaluation, the client is
    // older and has spent the time since arrival out of work (and on assistance, if on it).
    Profile now = clients_.profile(s);
    const double months = (clients_.now() - c.arrived_at) / (365.25 / 12.0);
    now.age = static_cast<std::uint8_t>(std::min(double{kMaxAge}, now.age + months / 12.0));
    now.months_out_of_work =
        static_cast<std::uint16_t>(std::min(double{kMaxMonths}, now.months_out_of_work + months));
    if (now.income_support == IncomeSupport::kLastResort) {
      now.months_on_assistance = static_cast<std::uint16_t>(
          std::min(double{kMaxMonths}, now.months_on_assistance + months));
    }
    c.limiting_characteristics =
        limiting_characteristics(now, params_.population.limiting) & 0xFU;  // 0 to 8
  }
  const double wait = clients_.now() - c.step_started_at;
  clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
    clients_.indicators().record(clients_.quarter(), g).interview_wait_days.add(wait);
  });
  const EvaluationParameters& e = params_.evaluation;
  core::RandomStream duration = clients_.stream(c, Draw::kInterviewDuration, c.evaluations);
  double agent_days = e.interview_days.sample(duration);
  // Rule E2: exceptionally, a second meeting (for people far from the labour market).
  core::RandomStream second = clients_.stream(c, Draw::kSecondMeeting, c.evaluations);
  if (second.bernoulli(e.second_meeting_probability)) {
    clients_.count(c, Count::kSecondMeetings);
    agent_days += e.interview_days.sample(duration);
  }
  clients_.schedule_step(this, agent_days, kInterviewEnd, s);
}

void Evaluation::on_interview_end(Slot s) {
  agents_.release();
  Client& c = clients_[s];
  clients_.count(c, Count::kInterviews);
  // Rule E6: a client who refuses services or disagrees leaves without a conclusion; without
  // a valid reason, the file goes to a compliance agent.
  const EvaluationParameters& e = params_.evaluation;
  core::RandomStream refusal = clients_.stream(c, Draw::kRefusal, c.evaluations);
  if (refusal.bernoulli(e.refusal_probability)) {
    clients_.count(c, Count::kRefusals);
    if (refusal.bernoulli(e.refusal_without_reason_share)) {
      clients_.count(c, Count::kComplianceReferrals);
    }
    pathway_->leave(s);
    return;
  }
  core::RandomStream rng = clients_.stream(c, Draw::kConclusion, c.evaluations);
  ++c.evaluations;
  apply_conclusion(s, rules_.conclusion(c, clients_.profile(s), rng));
}

void Evaluation::apply_conclusion(Slot s, Conclusion conclusion) {
  Client& c = clients_[s];
  switch (conclusion) {
    case Conclusion::kAutonomous:
      clients_.count(c, Count::kConclusionA);
      pathway_->search_alone(s);
      break;
    case Conclusion::kParcours:
      clients_.count(c, Count::kConclusionB);
      pathway_->start_parcours(s);
      break;
    case Conclusion::kSpecialised:
      clients_.count(c, Count::kConclusionC);
      request_specialist(s);
      break;
    case Conclusion::kNotNow:
      clients_.count(c, Count::kConclusionD);
      refer_out(s, c.evaluations);
      break;
  }
}

void Evaluation::refer_out(Slot s, unsigned occurrence) {
  Client& c = clients_[s];
  c.stage = Stage::kReferredOut;
  core::RandomStream rng = clients_.stream(c, Draw::kReferredReturn, occurrence);
  if (rng.bernoulli(params_.evaluation.referred_return_probability)) {
    clients_.schedule_step(this, params_.evaluation.referred_return_days.sample(rng),
                           kReferredReturn, s);
  } else {
    pathway_->leave(s);
  }
}

void Evaluation::request_specialist(Slot s) {
  Client& c = clients_[s];
  c.stage = Stage::kSpecialisedEvaluation;
  c.step_started_at = clients_.now();
  if (!specialists_ ||
      specialists_->acquire_or_wait(core::EventTarget{this, kSpecialistGranted, s})) {
    start_specialised_evaluation(s);
  }
}

void Evaluation::start_specialised_evaluation(Slot s) {
  Client& c = clients_[s];
  const double wait = clients_.now() - c.step_started_at;
  clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
    clients_.indicators().record(clients_.quarter(), g).specialised_wait_days.add(wait);
  });
  // Rule E7: one inside a Parcours (after a major event) draws from its step's own stream.
  core::RandomStream rng = clients_.stream(
      c, Draw::kSpecialisedDelay, c.in_parcours ? 0x100U + step_of(c) : unsigned{c.evaluations});
  clients_.schedule_step(this, params_.evaluation.specialised_delay_days.sample(rng),
                         kSpecialisedEvaluationEnd, s);
}

void Evaluation::on_specialised_evaluation_end(Slot s) {
  if (specialists_) specialists_->release();
  Client& c = clients_[s];
  if (c.in_parcours) {  // rule E7: after a major event during the Parcours
    after_major_event(s);
    return;
  }
  clients_.count(c, Count::kSpecialisedEvaluations);
  // Rule E5: the recommendation comes back and the agent decides; the decision rules see
  // stage == kSpecialisedEvaluation and must not refer again (rule E7).
  core::RandomStream rng = clients_.stream(c, Draw::kConclusion, 0x100U + c.evaluations);
  const Conclusion next = rules_.conclusion(c, clients_.profile(s), rng);
  assert(next != Conclusion::kSpecialised);
  apply_conclusion(s, next);
}

}  // namespace parcours::model
