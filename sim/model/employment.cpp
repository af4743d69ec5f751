// Job search, the job, and how long it lasts: a job-loss hazard from the job start, lowered
// during retention support (rules M2-M5), followed for `retention.followup_days`; on a loss
// the client goes back to the employability activity or to the office (rule M7). The module:
// employment.hpp.

#include "model/employment.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/decision_rules.hpp"
#include "model/ose_services.hpp"

namespace parcours::model {

Employment::Employment(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
                       OseServices& ose, bool keep_last)
    : clients_(clients), params_(params), rules_(rules), ose_(ose), track_last_(keep_last) {}

void Employment::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  const auto s = static_cast<Slot>(subject);
  switch (kind) {
    case kJobFound:
      on_job_found(s);
      break;
    case kJobLoss:
      on_job_loss(s);
      break;
    case kJobFollowupEnd:
      on_job_followup_end(s);
      break;
    case kRetentionClientStop:
      on_client_stop(s);
      break;
    case kIntegrationEnd:
      on_integration_end(s);
      break;
    default:
      assert(false);
      break;
  }
}

void Employment::start_job_search(Slot s, const Hazard& hazard, unsigned occurrence) {
  Client& c = clients_[s];
  c.stage = Stage::kJobSearch;
  core::RandomStream rng = clients_.stream(c, Draw::kJobSearchTime, occurrence);
  const Profile profile = clients_.profile(s);
  const double wait = hazard.sample(
      rng, params_.job_search.effects.multiplier(c, profile) * rules_.job_multiplier(c, profile));
  if (std::isinf(wait)) {       // a hazard that may never fire: no job within the model
    if (c.in_parcours) return;  // the Parcours still ends by abandonment or closure
    pathway_->leave(s);
    return;
  }
  clients_.schedule_step(this, wait, kJobFound, s);
}

void Employment::on_job_found(Slot s) {
  Client& c = clients_[s];
  if (c.stage == Stage::kInActivity) pathway_->job_during_step(s);  // rules P7, M9
  clients_.count(c, Count::kEmployed);
  pathway_->stop_income_support(s);  // rule P7: the job ends the support (and saves it)
  ose_.credit_followup(s);
  c.job_after_parcours = c.in_parcours;
  if (c.in_parcours) pathway_->end_parcours_by_job(s);  // rule P7
  // M13: a job within the follow-up window after a Parcours ended (at 0 days when the job
  // itself ended it), and on the books of each participation's agreement it follows.
  const double window = params_.parcours.followup_days;
  if (c.parcours_ended_at >= 0.0 && clients_.now() - c.parcours_ended_at <= window) {
    clients_.count(c, Count::kEmployedAfterParcours);
  }
  ose_.credit_results(s, false);
  start_job(s);
}

Job& Employment::open_job(Slot s, unsigned number) {
  if (clients_[s].job == kNoJob) {
    if (free_job_ == kNoJob) {
      clients_[s].job = static_cast<std::uint32_t>(job_pool_.size());
      job_pool_.emplace_back();
    } else {
      clients_[s].job = free_job_;
      free_job_ = job_pool_[free_job_].number;
    }
  }
  Job& j = job(s);
  j = Job{};
  j.number = number;
  j.started = clients_.now();
  j.segment_start = clients_.now();
  j.stop_at = std::numeric_limits<double>::infinity();
  core::RandomStream rng = clients_.stream(clients_[s], Draw::kJob, number);
  j.full_time = rng.bernoulli(params_.retention.full_time_share);
  j.loss_mass = rng.exponential(1.0);
  return j;
}

void Employment::start_job(Slot s) {
  Client& c = clients_[s];
  // Jobs are numbered per client (their random streams); a job record is kept only for a
  // client who is followed or supported.
  const unsigned number = (clients_[s].job == kNoJob ? 0U : job(s).number) + 1;
  c.stage = Stage::kEmployed;

  const Participation* p = track_last_ ? &ose_.participation(s) : nullptr;
  if (p != nullptr && p->in_integration) {  // rule M9: ICTE's job, inside the participation
    if (params_.activities[p->activity].retention_included) {
      clients_.count(c, Count::kRetentionWithinParticipation);
    }
    open_job(s, number);
    const core::Time planned_end = p->started + p->planned_days;
    clients_.schedule_step(this, std::max(0.0, planned_end - clients_.now()), kIntegrationEnd, s);
    set_job_multiplier(s, job_multiplier_now(s));
    return;
  }
  if (support_->at_job_start(s, number)) return;                        // rules M1, M3, M6, S4
  if (!c.job_after_parcours || params_.retention.followup_days <= 0) {  // nothing to follow
    pathway_->leave(s);
    return;
  }
  open_job(s, number);
  follow_job(s);
}

void Employment::follow_job(Slot s) {
  Client& c = clients_[s];
  const Job& j = job(s);
  // Participants (a job that ended a Parcours) are followed; others leave at the job start.
  const double followup = c.job_after_parcours ? params_.retention.followup_days : 0.0;
  const core::Time until = j.started + followup;
  if (until <= clients_.now()) {
    clients_.cancel_exit(s);
    pathway_->leave(s);
    return;
  }
  clients_.schedule_step(this, until - clients_.now(), kJobFollowupEnd, s);
  set_job_multiplier(s, job_multiplier_now(s));
}

double Employment::job_multiplier_now(Slot s) const {
  const Job& j = job(s);
  const RetentionParameters& r = params_.retention;
  if (!j.in_retention) return 1.0;
  return r.retention_effect * (j.tripartite ? r.tripartite_effect : 1.0);
}

void Employment::set_job_multiplier(Slot s, double multiplier) {
  Job& j = job(s);
  const Hazard& h = params_.retention.job_loss;
  const core::Time t = clients_.now();
  clients_.cancel_exit(s);
  if (h.family == Hazard::Family::kNone && !std::isfinite(j.stop_at)) return;
  // The hazard so far, at the old multiplier, uses up part of the mass drawn at the start.
  const double since = h.cumulative(j.segment_start - j.started);
  const double now = h.cumulative(t - j.started);
  j.used_mass += j.multiplier * (now - since);
  j.segment_start = t;
  j.multiplier = multiplier;
  double loss = std::numeric_limits<double>::infinity();
  if (h.family != Hazard::Family::kNone && multiplier > 0) {
    loss = j.started + h.inverse_cumulative(now + (j.loss_mass - j.used_mass) / multiplier);
  }
  // The client's stop of retention support (M5) and the job's loss compete: the earlier exits.
  if (j.in_retention && j.stop_at < loss) {
    clients_.schedule_exit(this, j.stop_at - t, kRetentionClientStop, s);
  } else if (std::isfinite(loss)) {
    clients_.schedule_exit(this, std::max(0.0, loss - t), kJobLoss, s);
  }
}

void Employment::on_job_loss(Slot s) {
  clients_.count(clients_[s], Count::kJobLosses);
  if (job(s).in_retention) support_->finish(s, Count::kRetentionEndedJobLoss);            // rule M5
  if (track_last_ && ose_.participation(s).in_integration) pathway_->end_integration(s);  // M9
  clients_.cancel_step(s);
  pathway_->after_job_loss(s);
}

void Employment::on_job_followup_end(Slot s) {
  clients_.cancel_exit(s);
  pathway_->leave(s);
}

void Employment::on_client_stop(Slot s) {
  clients_.cancel_step(s);
  support_->finish(s, Count::kRetentionEndedClient);  // rule M5
  follow_job(s);
}

void Employment::on_integration_end(Slot s) {
  pathway_->end_integration(s);
  ose_.credit_results(s, false);  // rule M13: employed at the participation's end
  follow_job(s);
}

}  // namespace parcours::model
