// Accompaniment during the Parcours (rules P4, D5, D6): contacts at a frequency set by the
// client's distance from the labour market, made by the agent (taking agent time, in the
// same queue as evaluation interviews, by priority level: rules D3, D5) or by an OSE, which
// reports back to the agent (P4: the report takes agent time too). A contact counts when it is
// made: the agent's when the agent is free, the OSE's at once; each made contact moves the
// dropout hazard's accompaniment term (rule D6, dropout_clock.hpp).
//
// The contacts of a Parcours are not cancelled when it ends; each names its client (slot, id
// and evaluation number) and is dropped if that client has left or moved on.

#include <cmath>

#include "model/world.hpp"

namespace parcours::model {

namespace {
constexpr int kIdBits = 24;
constexpr std::uint64_t kIdMask = (std::uint64_t{1} << kIdBits) - 1;
constexpr double kDaysPerMonth = 365.25 / 12.0;  // the covariate is per month (unit)
}  // namespace

std::uint64_t World::contact_subject(Slot s) const {
  const Client& c = table_[s];
  return std::uint64_t{s} | ((c.id & kIdMask) << 32) | (std::uint64_t{c.evaluations} << 56);
}

bool World::contact_still_due(std::uint64_t subject) const {
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  if (s >= table_.slots()) return false;
  const Client& c = table_[s];
  return c.in_parcours && (c.id & kIdMask) == ((subject >> 32) & kIdMask) &&
         c.evaluations == (subject >> 56);
}

void World::schedule_accompaniment(Slot s) {
  const AccompanimentParameters& a = params_.accompaniment;
  if (!a.enabled) return;
  const double interval = a.interval_days[table_[s].limiting_characteristics >= 3 ? 1 : 0];
  sim_.schedule(interval, core::EventTarget{this, kAccompanimentContact, contact_subject(s)});
}

void World::on_accompaniment_contact(std::uint64_t subject) {
  if (!contact_still_due(subject)) return;
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  Client& c = table_[s];
  const AccompanimentParameters& a = params_.accompaniment;
  const double interval = a.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  // One draw per contact: the contact's number since arrival names it.
  const auto number = static_cast<unsigned>((sim_.now() - c.arrived_at) / interval);
  core::RandomStream rng = stream(c, Draw::kAccompaniment, number);
  if (rng.bernoulli(a.agent_share)) {
    const core::EventTarget granted{this, kContactAgentGranted, subject};
    if (agents_.acquire_or_wait(granted, agent_level(s))) on_contact_agent_granted(subject);
  } else {
    // Made by the OSE now, and reported back to the agent (P4), who takes it in when free.
    count(c, Count::kAccompanimentContacts);
    count(c, Count::kOseReports);
    contact_made(s);
    const core::EventTarget report{this, kOseReportGranted, subject};
    if (agents_.acquire_or_wait(report, agent_level(s))) on_ose_report_granted(subject);
  }
  if (contact_still_due(subject)) {
    sim_.schedule(interval, core::EventTarget{this, kAccompanimentContact, subject});
  }
}

void World::on_contact_agent_granted(std::uint64_t subject) {
  if (!contact_still_due(subject)) {  // the client left while waiting: the agent moves on
    agents_.release();
    return;
  }
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  const Client& c = table_[s];
  count(c, Count::kAccompanimentContacts);
  count(c, Count::kAccompanimentByAgent);
  const double interval =
      params_.accompaniment.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  const auto number = static_cast<unsigned>((sim_.now() - c.arrived_at) / interval);
  core::RandomStream rng = stream(c, Draw::kAccompaniment, 0x8000U + number);
  sim_.schedule(params_.accompaniment.contact_days.sample(rng),
                core::EventTarget{this, kContactEnd, subject});
  contact_made(s);
}

void World::on_ose_report_granted(std::uint64_t subject) {
  if (!contact_still_due(subject)) {  // the Parcours ended meanwhile: nothing to take in
    agents_.release();
    return;
  }
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  const Client& c = table_[s];
  const double interval =
      params_.accompaniment.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  const auto number = static_cast<unsigned>((sim_.now() - c.arrived_at) / interval);
  core::RandomStream rng = stream(c, Draw::kAccompaniment, 0x4000U + number);
  sim_.schedule(params_.accompaniment.report_days.sample(rng),
                core::EventTarget{this, kOseReportEnd, subject});
}

void World::contact_made(Slot s) {
  if (!contact_effect_) return;
  const ParcoursParameters& p = params_.parcours;
  add_contact(p.dropout, dropout_clocks_[s], sim_.now(), accompaniment_beta(p.dropout_effects),
              kDaysPerMonth);
  schedule_exit_from_clock(s);
}

void World::schedule_exit_from_clock(Slot s) {
  Client& c = table_[s];
  const DropoutClock& clock = dropout_clocks_[s];
  sim_.cancel(c.exit_event);
  c.exit_event = core::EventHandle{};
  const double dropout = dropout_delay(params_.parcours.dropout, clock, sim_.now());
  const double closure = clock.closure_at - sim_.now();
  if (std::isfinite(std::min(dropout, closure))) {
    c.exit_event = dropout <= closure ? schedule(dropout, kDropout, s)
                                      : schedule(std::max(0.0, closure), kClosure, s);
  }
}

}  // namespace parcours::model
