// Job retention support ("maintien en emploi", rules M2-M12): a plan of hours over weeks
// (integration, then consolidation) by the organisation of the participation when it offers
// retention and can take the client back (M6, M7, M11), otherwise through an agent's referral
// to another partner's Groupe ME or PH2 agreement; bipartite, turning tripartite with consent
// (M4); ending when its objectives are met, when the client stops, or when the job is lost
// (M5). Income support not yet issued is cancelled when it starts (M10).

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/world.hpp"

namespace parcours::model {

bool World::start_in_service_retention(Slot s) {
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
    agreement = agreement_in_force(params_.agreements, p.agreement, sim_.now());
    if (!params_.agreements.organisations[a.organisation].retention || agreement < 0 ||
        calendar_days_since(p.ended_at) > r.readmission_days) {
      return false;
    }
  }
  Client& c = table_[s];
  core::RandomStream rng = stream(c, Draw::kRetentionPlan, job(s).number);
  const double hours = r.hours.sample(rng);
  const double weeks =
      r.contacts > 0 ? r.contacts * r.contact_interval_days / 7.0 : r.days.sample(rng) / 7.0;
  const double integration = r.integration_days.sample(rng) / 7.0;
  count(c, Count::kRetentionInService);
  start_retention(s, make_retention_plan(hours, weeks, integration, r.shape, rng), agreement,
                  level);
  return true;
}

bool World::start_in_job_support(Slot s) {
  // Rule S4: Démarcheurs d'emploi supports the job search, then accompanies the participant
  // in the job for `in_job_support_days`, by the same organisation on the same agreement
  // (its hours count in the participation's, rule M8), while that agreement or its renewal
  // is in force (the hours and cost then go on the renewal's books).
  const Participation& p = ose_.participation(s);
  const ActivityParameters& a = params_.activities[p.activity];
  const int agreement =
      ose_.on_books() ? agreement_in_force(params_.agreements, p.agreement, sim_.now()) : -1;
  if (ose_.on_books() && p.agreement >= 0 && agreement < 0) return false;
  Client& c = table_[s];
  core::RandomStream rng = stream(c, Draw::kInJobSupport, job(s).number);
  const double hours = a.in_job_support_hours.sample(rng);
  const double integration = params_.retention.integration_days.sample(rng) / 7.0;
  count(c, Count::kInJobSupportStarted);
  count(c, Count::kRetentionInService);  // by the organisation of the participation
  start_retention(s,
                  make_retention_plan(hours, a.in_job_support_days / 7.0, integration,
                                      params_.retention.shape, rng),
                  agreement, p.level);
  return true;
}

int World::partner_activity(Slot s) const {
  // Rules M6, M7, S4: PH2 for a person with a disability, Démarcheurs maintien for a
  // last-resort assistance recipient, Groupe ME otherwise.
  const RetentionParameters& r = params_.retention;
  if (table_.profile(s).disability && r.ph2_activity >= 0) return r.ph2_activity;
  if (table_[s].support() == IncomeSupport::kLastResort && r.demarcheurs_maintien_activity >= 0) {
    return r.demarcheurs_maintien_activity;
  }
  return r.me_activity;
}

void World::refer_to_partner(Slot s) {
  // Rule M6: a follow-up at the office, where an agent refers the client to a Groupe ME
  // agreement (PH2 for a person with a disability, rule M7).
  Client& c = table_[s];
  const RetentionParameters& r = params_.retention;
  const int activity = partner_activity(s);
  if (activity < 0) {  // no other partner in the scenario: no retention
    follow_job(s);
    return;
  }
  count(c, Count::kRetentionPartnerReferrals);
  core::RandomStream rng = stream(c, Draw::kPartnerReferral, job(s).number);
  c.next_event = schedule(r.referral_days.sample(rng), kRetentionReferral, s);
  set_job_multiplier(s, 1.0);
}

void World::on_partner_referral(Slot s) {
  Client& c = table_[s];
  const RetentionParameters& r = params_.retention;
  const auto activity = static_cast<std::uint8_t>(partner_activity(s));
  // An agreement in force for the service, with an organisation of the client's region and a
  // free place (an employed client does not wait: without a place, no retention).
  int chosen = -1;
  int full = -1;
  for (const std::uint16_t i : ose_.agreements_for(activity)) {
    const Agreement& a = params_.agreements.agreements[i];
    const Organisation& o = params_.agreements.organisations[a.organisation];
    if ((o.region >= 0 && o.region != static_cast<int>(table_.profile(s).region)) ||
        !a.active_at(sim_.now())) {
      continue;
    }
    const core::Resource& places = ose_.places_of(a);
    if (places.busy() < places.capacity()) {
      chosen = i;
      break;
    }
    if (full < 0) full = i;
  }
  const ServiceTerms& terms = params_.activities[activity].service;
  core::RandomStream rng = stream(c, Draw::kRetentionPlan, job(s).number);
  const double direct = terms.has_hours ? terms.hours_direct.sample(rng) : 0.0;
  const double indirect = terms.has_hours ? terms.hours_indirect.sample(rng) : 0.0;
  const double weeks = params_.activities[activity].duration_days.sample(rng) / 7.0;
  const double integration = r.integration_days.sample(rng) / 7.0;
  const auto level = static_cast<std::uint8_t>(terms.level_of(direct + indirect));
  if (chosen < 0) {
    if (full >= 0)
      ose_.book(static_cast<std::size_t>(full), table_.quarter(), level).turned_away += 1;
    count(c, Count::kOseNotServed);
    follow_job(s);
    return;
  }
  const Agreement& a = params_.agreements.agreements[static_cast<std::size_t>(chosen)];
  [[maybe_unused]] const bool placed =
      ose_.places_of(a).acquire_or_wait(ose_.place_granted(s), ose_.organisation_level(s));
  assert(placed);
  Job& j = job(s);
  j.partner = true;
  j.direct_share = direct + indirect > 0 ? direct / (direct + indirect) : 1.0;
  // A new participant of the partner's agreement (rule M13: Groupe ME, PH2), priced at the
  // start like any (rule M11: preferably a fixed price by intensity).
  AgreementRecord& rec = ose_.book(static_cast<std::size_t>(chosen), table_.quarter(), level);
  rec.started += 1;
  rec.cost_fixed_price += a.fixed_price_cost(level);
  if (rng.bernoulli(r.ph2_psea_share) && static_cast<int>(activity) == r.ph2_activity) {
    rec.psea_retention += 1;
  }
  j.cit = static_cast<int>(activity) == r.ph2_activity && rng.bernoulli(r.ph2_cit_share);
  count(c, Count::kRetentionPartnerStarted);
  count_activity(c, activity);  // the partner's service is in use (rules M6, M7)
  start_retention(s, make_retention_plan(direct + indirect, weeks, integration, r.shape, rng),
                  chosen, level);
}

void World::start_retention(Slot s, const RetentionPlan& plan, int agreement, std::uint8_t level) {
  Client& c = table_[s];
  Job& j = job(s);
  const RetentionParameters& r = params_.retention;
  count(c, Count::kRetentionStarted);
  cancel_unissued_income_support(s);
  j.in_retention = true;
  j.tripartite = false;  // rule M4: a plan starts bipartite
  j.agreement = agreement;
  j.level = level;
  j.plan = plan;
  j.retention_started = sim_.now();
  if (agreement >= 0) {
    ose_.book(static_cast<std::size_t>(agreement), table_.quarter(), level).retention_started += 1;
  }
  core::RandomStream rng = stream(c, Draw::kRetentionPlan, 0x100U + j.number);
  j.stop_at = r.client_stop_per_day > 0 ? sim_.now() + rng.exponential(1.0 / r.client_stop_per_day)
                                        : std::numeric_limits<double>::infinity();
  c.stage = Stage::kRetention;
  const double integration = 7.0 * static_cast<double>(plan.integration_weeks);
  if (r.contacts > 0 && !j.partner) {  // rule M3's meetings as events
    c.contacts_left = static_cast<std::uint8_t>(r.contacts);
    c.next_event = schedule(r.contact_interval_days, kRetentionContact, s);
  } else if (integration > 0 && integration < plan.days()) {
    c.next_event = schedule(integration, kRetentionPhaseEnd, s);
  } else {
    c.next_event = schedule(plan.days(), kRetentionEnd, s);
  }
  set_job_multiplier(s, job_multiplier_now(s));
}

void World::on_retention_contact(Slot s) {
  Client& c = table_[s];
  Job& j = job(s);
  const RetentionParameters& r = params_.retention;
  count(c, Count::kRetentionContacts);
  // Rule M4 at the first meeting after integration.
  const double integration = 7.0 * static_cast<double>(j.plan.integration_weeks);
  const double since = sim_.now() - j.retention_started;
  if (integration > 0 && !j.tripartite && since >= integration &&
      since - r.contact_interval_days < integration) {
    core::RandomStream rng = stream(c, Draw::kRetentionPlan, 0x200U + j.number);
    if (rng.bernoulli(r.tripartite_consent)) {
      j.tripartite = true;
      count(c, Count::kTripartiteSwitches);
      set_job_multiplier(s, job_multiplier_now(s));
    }
  }
  if (--c.contacts_left > 0) {
    c.next_event = schedule(r.contact_interval_days, kRetentionContact, s);
    return;
  }
  finish_retention(s, Count::kRetentionEndedObjectives);  // rule M5
  follow_job(s);
}

void World::on_retention_phase_end(Slot s) {
  // Rule M4: after integration, the plan may turn tripartite with both parties' consent.
  Client& c = table_[s];
  Job& j = job(s);
  core::RandomStream rng = stream(c, Draw::kRetentionPlan, 0x200U + j.number);
  if (rng.bernoulli(params_.retention.tripartite_consent)) {
    j.tripartite = true;
    count(c, Count::kTripartiteSwitches);
    set_job_multiplier(s, job_multiplier_now(s));
  }
  c.next_event = schedule(j.retention_started + j.plan.days() - sim_.now(), kRetentionEnd, s);
}

void World::finish_retention(Slot s, Count ending) {
  Client& c = table_[s];
  Job& j = job(s);
  assert(j.in_retention);
  count(c, ending);
  const double hours = j.plan.hours_by(sim_.now() - j.retention_started) - j.hours_before;
  table_.indicators().for_groups(c.groups, [&](std::size_t g) {
    table_.indicators().record(table_.quarter(), g).retention_hours += hours;
  });
  const bool employed = ending != Count::kRetentionEndedJobLoss;
  if (employed) {  // rule M13: still employed at the end, full or part time
    count(c, j.full_time ? Count::kEmployedEndOfRetentionFullTime
                         : Count::kEmployedEndOfRetentionPartTime);
  }
  if (j.agreement >= 0) {
    const auto ai = static_cast<std::size_t>(j.agreement);
    const Agreement& a = params_.agreements.agreements[ai];
    AgreementRecord& r = ose_.book(ai, table_.quarter(), j.level);
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

void World::cancel_unissued_income_support(Slot s) {
  // Rule M10: payments for weeks of participation not yet issued (issued `payment_lag_days`
  // after the weeks) are cancelled when retention starts, except for Objectif emploi clients.
  const double lag = params_.retention.payment_lag_days;
  if (lag <= 0 || table_.profile(s).objectif_emploi) return;
  const Participation& p = ose_.participation(s);  // kept: track_last_ holds with a lag
  if (p.ended_at < 0) return;
  // The last `lag` days of the participation (no more than it lasted) are issued after it.
  const double unissued_days =
      std::min({lag, p.ended_at - p.started, p.ended_at + lag - sim_.now()});
  if (unissued_days <= 0) return;
  const ActivityParameters& a = params_.activities[p.activity];
  const auto status = static_cast<std::size_t>(table_[s].support());
  const double allowance =
      params_.parcours.allowance_statuses[status] ? a.allowance_per_week * unissued_days / 7 : 0.0;
  const double extra = a.extra_costs_per_week * unissued_days / 7;
  if (allowance + extra <= 0) return;
  const Client& c = table_[s];
  count(c, Count::kIncomeSupportCancelled);
  table_.indicators().for_groups(c.groups, [&](std::size_t g) {
    PeriodRecord& r = table_.indicators().record(table_.quarter(), g);
    r.allowance_paid -= allowance;
    r.extra_costs_paid -= extra;
    r.income_support_cancelled += allowance + extra;
  });
  if (p.agreement >= 0) {  // the agreement's books show what was paid, too
    AgreementRecord& r = ose_.book(ose_.a_index(s), table_.quarter(), p.level);
    r.allowance_paid -= allowance;
    r.extra_costs_paid -= extra;
  }
}

void World::on_late_start(Slot s) {
  // Rule M3: a problem found at the administrative follow-up after the participation, or the
  // employer's request.
  count(table_[s],
        job(s).employer_request ? Count::kRetentionEmployerRequests : Count::kRetentionLateStarts);
  if (start_in_service_retention(s)) return;
  refer_to_partner(s);
}

void World::after_job_loss(Slot s) {
  // Rule M7: readmission to the original activity within `readmission_days` of its actual
  // end if its agreement is in force; otherwise back to the office for a new evaluation.
  Client& c = table_[s];
  start_benefit(s);  // out of work again (rule P7)
  Participation* last = track_last_ ? &ose_.participation(s) : nullptr;
  if (last != nullptr && !last->placed && !last->waiting && last->ended_at >= 0 &&
      calendar_days_since(last->ended_at) <= params_.retention.readmission_days &&
      (last->agreement < 0 ||
       params_.agreements.agreements[ose_.a_index(s)].active_at(sim_.now()))) {
    count(c, Count::kReadmissions);
    last->readmission = true;
    resume_parcours(s, last->activity);
    return;
  }
  count(c, Count::kReturnsToOffice);
  join_agent_queue(s);
}

void World::resume_parcours(Slot s, std::uint8_t activity) {
  Client& c = table_[s];
  c.in_parcours = true;
  table_.add_stock(parcours_active_, c, +1);
  count(c, Count::kParcoursResumed);
  c.plan_size = 1;
  c.plan[0] = activity;
  c.next_activity = 0;
  open_parcours(s, 0x1000U + job(s).number);  // streams of its own, not the first Parcours's
}

}  // namespace parcours::model
