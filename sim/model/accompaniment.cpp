// Accompaniment during the Parcours (rules P4, D5, D6): accompaniment.hpp.

#include "model/accompaniment.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "model/queue_priority.hpp"

namespace parcours::model {

namespace {
constexpr double kDaysPerMonth = 365.25 / 12.0;  // the covariate is per month (unit)
}  // namespace

Accompaniment::Accompaniment(ClientTable& clients, const ModelParameters& params,
                             core::Resource& agents, core::EventHandler& parcours)
    : clients_(clients),
      params_(params),
      agents_(agents),
      parcours_(parcours),
      contact_effect_(params.accompaniment.enabled &&
                      params.parcours.dropout.family != Hazard::Family::kNone &&
                      accompaniment_beta(params.parcours.dropout_effects) != 0.0) {}

void Accompaniment::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  switch (kind) {
    case kAccompanimentContact:
      on_contact(subject);
      break;
    case kContactAgentGranted:
      on_contact_agent_granted(subject);
      break;
    case kContactEnd:
    case kOseReportEnd:
      agents_.release();
      break;
    case kOseReportGranted:
      on_ose_report_granted(subject);
      break;
    default:
      assert(false);
      break;
  }
}

void Accompaniment::on_admit(ClientTable::Admission a) {
  if (!a.new_slot) return;
  if (contact_effect_) clocks_.emplace_back();
  if (params_.accompaniment.enabled) chains_.push_back(0);
}

unsigned Accompaniment::agent_level(Slot s) const {
  return params_.priority.agents ? priority_level(params_.priority, clients_.profile(s),
                                                  clients_[s].limiting_characteristics)
                                 : 0U;
}

std::uint64_t Accompaniment::subject_of(Slot s) const {
  // The chain's low 16 bits only: the kernel's subjects have 48 bits (core/event.hpp). A stale
  // contact is told apart by its chain number when it fires, so the wrap could mislead it only
  // if a multiple of 65 536 chains had started in its slot while it was pending (one contact
  // interval, or an agent's wait). Each chain is a Parcours started or resumed (rule M7), after
  // an evaluation or a job: a slot opens a handful of chains in a run, never 65 536 so fast.
  return std::uint64_t{s} | (std::uint64_t{chains_[s] & 0xffffU} << 32);
}

bool Accompaniment::still_due(std::uint64_t subject) const {
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  return s < chains_.size() && clients_[s].in_parcours && subject_of(s) == subject;
}

std::uint64_t Accompaniment::client_of(std::uint64_t subject) const {
  // A contact names its client's slot and chain: a stale one names nobody.
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  return s < chains_.size() && subject_of(s) == subject ? clients_[s].id() : 0;
}

void Accompaniment::start(Slot s) {
  if (!params_.accompaniment.enabled) return;
  assert(chains_[s] < 0xffffffffU);  // 4 billion chains in one slot: never, but never wrap
  ++chains_[s];  // a new chain: the previous one's pending contact finds it over
  clients_.sim().schedule(interval(clients_[s]),
                          core::EventTarget{this, kAccompanimentContact, subject_of(s)});
}

void Accompaniment::on_contact(std::uint64_t subject) {
  if (!still_due(subject)) return;
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  Client& c = clients_[s];
  const AccompanimentParameters& a = params_.accompaniment;
  const double every = interval(c);
  // One draw per contact: the contact's number since arrival names it.
  const auto number = static_cast<unsigned>((clients_.now() - c.arrived_at) / every);
  core::RandomStream rng = clients_.stream(c, Draw::kAccompaniment, number);
  if (rng.bernoulli(a.agent_share)) {
    const core::EventTarget granted{this, kContactAgentGranted, subject};
    if (agents_.acquire_or_wait(granted, agent_level(s))) on_contact_agent_granted(subject);
  } else {
    // Made by the OSE now, and reported back to the agent (P4), who takes it in when free.
    clients_.count(c, Count::kAccompanimentContacts);
    clients_.count(c, Count::kOseReports);
    contact_made(s);
    const core::EventTarget report{this, kOseReportGranted, subject};
    if (agents_.acquire_or_wait(report, agent_level(s))) on_ose_report_granted(subject);
  }
  if (still_due(subject)) {
    clients_.sim().schedule(every, core::EventTarget{this, kAccompanimentContact, subject});
  }
}

void Accompaniment::on_contact_agent_granted(std::uint64_t subject) {
  if (!still_due(subject)) {  // the client left while waiting: the agent moves on
    agents_.release();
    return;
  }
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  const Client& c = clients_[s];
  clients_.count(c, Count::kAccompanimentContacts);
  clients_.count(c, Count::kAccompanimentByAgent);
  const auto number = static_cast<unsigned>((clients_.now() - c.arrived_at) / interval(c));
  core::RandomStream rng = clients_.stream(c, Draw::kAccompaniment, 0x8000U + number);
  clients_.sim().schedule(params_.accompaniment.contact_days.sample(rng),
                          core::EventTarget{this, kContactEnd, subject});
  contact_made(s);
}

void Accompaniment::on_ose_report_granted(std::uint64_t subject) {
  if (!still_due(subject)) {  // the Parcours ended meanwhile: nothing to take in
    agents_.release();
    return;
  }
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  const Client& c = clients_[s];
  const auto number = static_cast<unsigned>((clients_.now() - c.arrived_at) / interval(c));
  core::RandomStream rng = clients_.stream(c, Draw::kAccompaniment, 0x4000U + number);
  clients_.sim().schedule(params_.accompaniment.report_days.sample(rng),
                          core::EventTarget{this, kOseReportEnd, subject});
}

void Accompaniment::contact_made(Slot s) {
  if (!contact_effect_) return;
  const ParcoursParameters& p = params_.parcours;
  add_contact(p.dropout, clocks_[s], clients_.now(), accompaniment_beta(p.dropout_effects),
              kDaysPerMonth);
  schedule_exit_from_clock(s);
}

void Accompaniment::schedule_exit_from_clock(Slot s) {
  const DropoutClock& clock = clocks_[s];
  core::Simulation& sim = clients_.sim();
  clients_.cancel_exit(s);
  const double dropout = dropout_delay(params_.parcours.dropout, clock, sim.now());
  const double closure = clock.closure_at - sim.now();
  if (!std::isfinite(std::min(dropout, closure))) return;
  if (dropout <= closure) {
    clients_.schedule_exit(dropout, core::EventTarget{&parcours_, kDropout, s});
  } else {
    clients_.schedule_exit(std::max(0.0, closure), core::EventTarget{&parcours_, kClosure, s});
  }
}

}  // namespace parcours::model
