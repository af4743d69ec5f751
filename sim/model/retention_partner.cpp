// Retention support through another partner (rules M6, M7, S4): when the organisation of the
// participation cannot give it, or the agent recommends another partner, an agent's referral
// to a Groupe ME agreement (PH2 for a person with a disability, Démarcheurs maintien for a
// last-resort assistance recipient) with a free place in the client's region; the
// participation is the retention, a new participant on the partner's books.

#include <cassert>

#include "model/ose_services.hpp"
#include "model/retention.hpp"

namespace parcours::model {

int Retention::partner_activity(Slot s) const {
  // Rules M6, M7, S4: PH2 for a person with a disability, Démarcheurs maintien for a
  // last-resort assistance recipient, Groupe ME otherwise.
  const RetentionParameters& r = params_.retention;
  if (clients_.profile(s).disability && r.ph2_activity >= 0) return r.ph2_activity;
  if (clients_[s].support() == IncomeSupport::kLastResort && r.demarcheurs_maintien_activity >= 0) {
    return r.demarcheurs_maintien_activity;
  }
  return r.me_activity;
}

void Retention::refer_to_partner(Slot s) {
  // Rule M6: a follow-up at the office, where an agent refers the client to a Groupe ME
  // agreement (PH2 for a person with a disability, rule M7).
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  const int activity = partner_activity(s);
  if (activity < 0) {  // no other partner in the scenario: no retention
    employment_.follow_job(s);
    return;
  }
  clients_.count(c, Count::kRetentionPartnerReferrals);
  core::RandomStream rng = clients_.stream(c, Draw::kPartnerReferral, employment_.job(s).number);
  clients_.schedule_step(this, r.referral_days.sample(rng), kRetentionReferral, s);
  employment_.set_job_multiplier(s, 1.0);
}

void Retention::on_partner_referral(Slot s) {
  Client& c = clients_[s];
  const RetentionParameters& r = params_.retention;
  const auto activity = static_cast<std::uint8_t>(partner_activity(s));
  // An agreement in force for the service, with an organisation of the client's region and a
  // free place (an employed client does not wait: without a place, no retention).
  int chosen = -1;
  int full = -1;
  for (const std::uint16_t i : ose_.agreements_for(activity)) {
    const Agreement& a = params_.agreements.agreements[i];
    const Organisation& o = params_.agreements.organisations[a.organisation];
    if ((o.region >= 0 && o.region != static_cast<int>(clients_.profile(s).region)) ||
        !a.active_at(clients_.now())) {
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
  core::RandomStream rng = clients_.stream(c, Draw::kRetentionPlan, employment_.job(s).number);
  const double direct = terms.has_hours ? terms.hours_direct.sample(rng) : 0.0;
  const double indirect = terms.has_hours ? terms.hours_indirect.sample(rng) : 0.0;
  const double weeks = params_.activities[activity].duration_days.sample(rng) / 7.0;
  const double integration = r.integration_days.sample(rng) / 7.0;
  const auto level = static_cast<std::uint8_t>(terms.level_of(direct + indirect));
  if (chosen < 0) {
    if (full >= 0)
      ose_.book(static_cast<std::size_t>(full), clients_.quarter(), level).turned_away += 1;
    clients_.count(c, Count::kOseNotServed);
    employment_.follow_job(s);
    return;
  }
  const Agreement& a = params_.agreements.agreements[static_cast<std::size_t>(chosen)];
  [[maybe_unused]] const bool placed =
      ose_.places_of(a).acquire_or_wait(ose_.place_granted(s), ose_.organisation_level(s));
  assert(placed);
  Job& j = employment_.job(s);
  j.partner = true;
  j.direct_share = direct + indirect > 0 ? direct / (direct + indirect) : 1.0;
  // A new participant of the partner's agreement (rule M13: Groupe ME, PH2), priced at the
  // start like any (rule M11: preferably a fixed price by intensity).
  AgreementRecord& rec = ose_.book(static_cast<std::size_t>(chosen), clients_.quarter(), level);
  rec.started += 1;
  rec.cost_fixed_price += a.fixed_price_cost(level);
  if (rng.bernoulli(r.ph2_psea_share) && static_cast<int>(activity) == r.ph2_activity) {
    rec.psea_retention += 1;
  }
  j.cit = static_cast<int>(activity) == r.ph2_activity && rng.bernoulli(r.ph2_cit_share);
  clients_.count(c, Count::kRetentionPartnerStarted);
  clients_.count_activity(c, activity);  // the partner's service is in use (rules M6, M7)
  start_retention(s, make_retention_plan(direct + indirect, weeks, integration, r.shape, rng),
                  chosen, level);
}

}  // namespace parcours::model
