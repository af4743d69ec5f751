// Job retention support ("maintien en emploi", rules M1-M12), the module of retention.hpp:
// the decision at a participant's job start (M1, M9, S4) and late starts (M3); a plan of
// hours over weeks (integration, then consolidation) by the organisation of the participation
// when it offers retention and can take the client back (M6, M7, M11), otherwise through an
// agent's referral to another partner (retention_partner.cpp); bipartite, turning tripartite
// with consent (M4); ending when its objectives are met, when the client stops, or when the
// job is lost (M5). Income support not yet issued is cancelled when it starts (M10).

#include "model/retention.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/decision_rules.hpp"
#include "model/ose_services.hpp"

namespace parcours::model {

Retention::Retention(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
                     OseServices& ose, Employment& employment, bool keep_last)
    : clients_(clients),
      params_(params),
      rules_(rules),
      ose_(ose),
      employment_(employment),
      track_last_(keep_last) {}

void Retention::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  const auto s = static_cast<Slot>(subject);
  switch (kind) {
    case kRetentionContact:
      on_retention_contact(s);
      break;
    case kRetentionPhaseEnd:
      on_retention_phase_end(s);
      break;
    case kRetentionEnd:
      finish(s, Count::kRetentionEndedObjectives);  // rule M5
      employment_.follow_job(s);
      break;
    case kRetentionLateStart:
      on_late_start(s);
      break;
    case kRetentionReferral:
      on_partner_referral(s);
      break;
    default:
      assert(false);
      break;
  }
}

bool Retention::at_job_start(Slot s, unsigned number) {
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  if (!c.job_after_parcours && !r.after_any_job) return false;  // rules M1, M6: participants
  const Participation* p = track_last_ ? &ose_.participation(s) : nullptr;
  const bool ended = p != nullptr && p->ended_at >= 0;
  // Rule M9: PPE insertion enterprises and MFOR-EE give retention within the participation;
  // after it, only when their agreement provides it (its organisation offers retention,
  // M11): then the participant's need is decided like any (M1).
  const bool after_provided =
      ended && ose_.on_books() && p->agreement >= 0 &&
      params_.agreements.organisations[params_.agreements.agreements[ose_.a_index(s)].organisation]
          .retention;
  if (ended && params_.activities[p->activity].retention_included && !after_provided) {
    clients_.count(c, Count::kRetentionWithinParticipation);  // rule M9
  } else if (ended && params_.activities[p->activity].in_job_support_days > 0) {
    // Rule S4: Démarcheurs d'emploi accompanies every participant in the job.
    employment_.open_job(s, number);
    if (!start_in_job_support(s)) employment_.follow_job(s);
    return true;
  } else if (r.after_any_job || (ended && retention_measure(p->activity))) {
    // Rule M1: the need is decided per participant of an SAE, PPE, ICTE or MFOR-EE
    // service, from a stream of that participation (a readmitted participant who finds a
    // job again has the same need); the reference model decides at every job.
    const unsigned occurrence =
        ended && c.job_after_parcours ? 0x8000U | (c.evaluations & 0x7fU) << 8U | p->step : number;
    core::RandomStream decision = clients_.stream(c, Draw::kRetentionDecision, occurrence);
    switch (rules_.retention(c, clients_.profile(s), decision)) {
      case RetentionDecision::kRetention:
        employment_.open_job(s, number);
        if (!start_in_service_retention(s)) refer_to_partner(s);  // the organisation cannot:
        return true;                                              // another partner (M6, M11)
      case RetentionDecision::kOtherPartner:
        employment_.open_job(s, number);
        refer_to_partner(s);
        return true;
      case RetentionDecision::kNone:
        break;
    }
    return schedule_late_start(s, number);
  }
  return false;
}

bool Retention::schedule_late_start(Slot s, unsigned number) {
  // Rule M3: a problem may show at the administrative follow-up `late_start_days` after the
  // participation's end (only if the job started by then), or the employer may ask for
  // support for the employee; the earlier of the two starts retention.
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  constexpr double kNever = std::numeric_limits<double>::infinity();
  double when = kNever;
  core::RandomStream late = clients_.stream(c, Draw::kLateStart, number);
  if (late.bernoulli(r.late_start_probability)) {
    const Participation* p = track_last_ ? &ose_.participation(s) : nullptr;
    const double end = p != nullptr && p->ended_at >= 0 ? p->ended_at : clients_.now();
    const double at = end + r.late_start_days - clients_.now();
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
  employment_.open_job(s, number);
  employment_.job(s).employer_request = employer;
  clients_.schedule_step(this, when, kRetentionLateStart, s);
  employment_.set_job_multiplier(s, 1.0);
  return true;
}

bool Retention::start_in_service_retention(Slot s) {
  // Rules M6, M7, M11: the same organisation continues, if it offers retention, an agreement
  // for the service is in force (the participation's, or its renewal when the agreement year
  // turned since) and the participation ended at most `readmission_days` ago. The support's
  // hours and cost go on the agreement in force; they also move the participation's level on
  // its own agreement's books (rule M8, finish_retention).
  // A scenario without agreements has retention support off the books, by the office's own
  // services.
  const RetentionParameters& r = params_.retention;
  const bool books = ose_.on_books();
  std::uint8_t level = 0;
  int agreement = -1;
  if (books) {
    const Participation& p = ose_.participation(s);
    level = p.level;
    if (p.agreement < 0 || p.placed || p.waiting) return false;
    const Agreement& a = params_.agreements.agreements[ose_.a_index(s)];
    agreement = agreement_in_force(params_.agreements, p.agreement, clients_.now());
    if (!params_.agreements.organisations[a.organisation].retention || agreement < 0 ||
        clients_.calendar_days_since(p.ended_at) > r.readmission_days) {
      return false;
    }
  }
  Client& c = clients_[s];
  core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, employment_.job(s).number);
  const double hours = r.hours.sample(rng);
  const double weeks =
      r.contacts > 0 ? r.contacts * r.contact_interval_days / 7.0 : r.days.sample(rng) / 7.0;
  const double integration = r.integration_days.sample(rng) / 7.0;
  clients_.count(c, Count::kRetentionInService);
  start_retention(s, make_retention_plan(hours, weeks, integration, r.shape, rng), agreement,
                  level);
  return true;
}

bool Retention::start_in_job_support(Slot s) {
  // Rule S4: Démarcheurs d'emploi supports the job search, then accompanies the participant
  // in the job for `in_job_support_days`, by the same organisation on the same agreement
  // (its hours count in the participation's, rule M8), while that agreement or its renewal
  // is in force (the hours and cost then go on the renewal's books).
  const Participation& p = ose_.participation(s);
  const ActivityParameters& a = params_.activities[p.activity];
  const int agreement =
      ose_.on_books() ? agreement_in_force(params_.agreements, p.agreement, clients_.now()) : -1;
  if (ose_.on_books() && p.agreement >= 0 && agreement < 0) return false;
  Client& c = clients_[s];
  core::RandomStream rng = clients_.stream(c, Draw::kInJobSupport, employment_.job(s).number);
  const double hours = a.in_job_support_hours.sample(rng);
  const double integration = params_.retention.integration_days.sample(rng) / 7.0;
  clients_.count(c, Count::kInJobSupportStarted);
  clients_.count(c, Count::kRetentionInService);  // by the organisation of the participation
  start_retention(s,
                  make_retention_plan(hours, a.in_job_support_days / 7.0, integration,
                                      params_.retention.shape, rng),
                  agreement, p.level);
  return true;
}

void Retention::start_retention(Slot s, const RetentionPlan& plan, int agreement,
                                std::uint8_t level) {
  Client& c = clients_[s];
  Job& j = employment_.job(s);
  const RetentionParameters& r = params_.retention;
  clients_.count(c, Count::kRetentionStarted);
  cancel_unissued_income_support(s);
  j.in_retention = true;
  j.tripartite = false;  // rule M4: a plan starts bipartite
  j.agreement = agreement;
  j.level = level;
  j.plan = plan;
  j.retention_started = clients_.now();
  if (agreement >= 0) {
    ose_.book(static_cast<std::size_t>(agreement), clients_.quarter(), level).retention_started +=
        1;
  }
  core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, 0x100U + j.number);
  j.stop_at = r.client_stop_per_day > 0
                  ? clients_.now() + rng.exponential(1.0 / r.client_stop_per_day)
                  : std::numeric_limits<double>::infinity();
  c.stage = Stage::kRetention;
  const double integration = 7.0 * static_cast<double>(plan.integration_weeks());
  c.tripartite_check_due = integration > 0;
  if (r.contacts > 0 && !j.partner) {  // rule M3's meetings as events
    c.contacts_left = static_cast<std::uint8_t>(r.contacts);
    clients_.schedule_step(this, r.contact_interval_days, kRetentionContact, s);
  } else if (integration > 0 && integration < plan.days()) {
    clients_.schedule_step(this, integration, kRetentionPhaseEnd, s);
  } else {
    clients_.schedule_step(this, plan.days(), kRetentionEnd, s);
  }
  employment_.set_job_multiplier(s, employment_.job_multiplier_now(s));
}

void Retention::on_retention_contact(Slot s) {
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  clients_.count(c, Count::kRetentionContacts);
  // Rule M4 at the first meeting after integration. The job record is read only while such a
  // meeting may still come: it is a cache miss at a million clients.
  if (c.tripartite_check_due) {
    Job& j = employment_.job(s);
    const double integration = 7.0 * static_cast<double>(j.plan.integration_weeks());
    const double since = clients_.now() - j.retention_started;
    if (!j.tripartite && since >= integration && since - r.contact_interval_days < integration) {
      core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, 0x200U + j.number);
      if (rng.bernoulli(r.tripartite_consent)) {
        j.tripartite = true;
        clients_.count(c, Count::kTripartiteSwitches);
        employment_.set_job_multiplier(s, employment_.job_multiplier_now(s));
      }
    }
    // `since` only grows: once this holds, no later meeting is the first after integration.
    if (since - r.contact_interval_days >= integration) c.tripartite_check_due = false;
  }
  if (--c.contacts_left > 0) {
    clients_.schedule_step(this, r.contact_interval_days, kRetentionContact, s);
    return;
  }
  finish(s, Count::kRetentionEndedObjectives);  // rule M5
  employment_.follow_job(s);
}

void Retention::on_retention_phase_end(Slot s) {
  // Rule M4: after integration, the plan may turn tripartite with both parties' consent.
  Client& c = clients_[s];
  Job& j = employment_.job(s);
  core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, 0x200U + j.number);
  if (rng.bernoulli(params_.retention.tripartite_consent)) {
    j.tripartite = true;
    clients_.count(c, Count::kTripartiteSwitches);
    employment_.set_job_multiplier(s, employment_.job_multiplier_now(s));
  }
  clients_.schedule_step(this, j.retention_started + j.plan.days() - clients_.now(), kRetentionEnd,
                         s);
}

void Retention::finish(Slot s, Count ending) {
  Client& c = clients_[s];
  Job& j = employment_.job(s);
  assert(j.in_retention);
  clients_.count(c, ending);
  const double hours = j.plan.hours_by(clients_.now() - j.retention_started) - j.hours_before;
  clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
    clients_.indicators().record(clients_.quarter(), g).retention_hours += hours;
  });
  const bool employed = ending != Count::kRetentionEndedJobLoss;
  if (employed) {  // rule M13: still employed at the end, full or part time
    clients_.count(c, j.full_time ? Count::kEmployedEndOfRetentionFullTime
                                  : Count::kEmployedEndOfRetentionPartTime);
  }
  if (j.agreement >= 0) {
    const auto ai = static_cast<std::size_t>(j.agreement);
    const Agreement& a = params_.agreements.agreements[ai];
    AgreementRecord& r = ose_.book(ai, clients_.quarter(), j.level);
    r.retention_hours += hours;
    r.hours_ended += hours;
    r.cost_actual_costs += a.actual_cost(hours, 0.0);
    if (employed) {
      (j.full_time ? r.employed_end_full_time : r.employed_end_part_time) += 1;
      if (j.cit) r.cit_renewals += 1;
    }
    if (j.partner) {  // the participation is the retention: its hours are the service's
      r.ended += 1;
      r.hours_direct += hours * j.direct_share;
      r.hours_indirect += hours * (1.0 - j.direct_share);
      ose_.places_of(a).release();
    } else if (ose_.participation(s).agreement >= 0) {
      ose_.add_hours_given(s, hours);  // rule M8: in-service retention counts in the level
    }
    // Else in-service retention of the initial caseload, begun before day 0: the participation
    // it continues ended before the run and is on no book, so no level moves (its hours are
    // the agreement's retention_hours above). Clang's UBSan found the index of "no
    // participation" (-1) used here.
  }
  j.in_retention = false;
  j.stop_at = std::numeric_limits<double>::infinity();
  c.stage = Stage::kEmployed;
}

void Retention::cancel_unissued_income_support(Slot s) {
  // Rule M10: payments for weeks of participation not yet issued (issued `payment_lag_days`
  // after the weeks) are cancelled when retention starts, except for Objectif emploi clients.
  const double lag = params_.retention.payment_lag_days;
  if (lag <= 0 || clients_.profile(s).objectif_emploi) return;
  const Participation& p = ose_.participation(s);  // kept: track_last_ holds with a lag
  if (p.ended_at < 0) return;
  // The last `lag` days of the participation (no more than it lasted) are issued after it.
  const double unissued_days =
      std::min({lag, p.ended_at - p.started, p.ended_at + lag - clients_.now()});
  if (unissued_days <= 0) return;
  const ActivityParameters& a = params_.activities[p.activity];
  const auto status = static_cast<std::size_t>(clients_[s].support());
  const double allowance =
      params_.parcours.allowance_statuses[status] ? a.allowance_per_week * unissued_days / 7 : 0.0;
  const double extra = a.extra_costs_per_week * unissued_days / 7;
  if (allowance + extra <= 0) return;
  const Client& c = clients_[s];
  clients_.count(c, Count::kIncomeSupportCancelled);
  clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
    PeriodRecord& r = clients_.indicators().record(clients_.quarter(), g);
    r.allowance_paid -= allowance;
    r.extra_costs_paid -= extra;
    r.income_support_cancelled += allowance + extra;
  });
  if (p.agreement >= 0) {  // the agreement's books show what was paid, too
    AgreementRecord& r = ose_.book(ose_.a_index(s), clients_.quarter(), p.level);
    r.allowance_paid -= allowance;
    r.extra_costs_paid -= extra;
  }
}

void Retention::on_late_start(Slot s) {
  // Rule M3: a problem found at the administrative follow-up after the participation, or the
  // employer's request.
  clients_.count(clients_[s], employment_.job(s).employer_request
                                  ? Count::kRetentionEmployerRequests
                                  : Count::kRetentionLateStarts);
  if (start_in_service_retention(s)) return;
  refer_to_partner(s);
}

}  // namespace parcours::model
