// Accompaniment during the Parcours (rules P4, D5): contacts at a frequency set by the
// client's distance from the labour market, made by the agent (taking agent time, in the
// same queue as evaluation interviews) or by an OSE.
//
// The contacts of a Parcours are not cancelled when it ends; each names its client (slot, id
// and evaluation number) and is dropped if that client has left or moved on.

#include "model/world.hpp"

namespace parcours::model {

namespace {
constexpr int kIdBits = 24;
constexpr std::uint64_t kIdMask = (std::uint64_t{1} << kIdBits) - 1;
}  // namespace

std::uint64_t World::contact_subject(Slot s) const {
  const Client& c = clients_[s];
  return std::uint64_t{s} | ((c.id & kIdMask) << 32) | (std::uint64_t{c.evaluations} << 56);
}

bool World::contact_still_due(std::uint64_t subject) const {
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  if (s >= clients_.size()) return false;
  const Client& c = clients_[s];
  return c.in_parcours && (c.id & kIdMask) == ((subject >> 32) & kIdMask) &&
         c.evaluations == (subject >> 56);
}

void World::schedule_accompaniment(Slot s) {
  const AccompanimentParameters& a = params_.accompaniment;
  if (!a.enabled) return;
  const double interval = a.interval_days[clients_[s].limiting_characteristics >= 3 ? 1 : 0];
  sim_.schedule(interval, core::EventTarget{this, kAccompanimentContact, contact_subject(s)});
}

void World::on_accompaniment_contact(std::uint64_t subject) {
  if (!contact_still_due(subject)) return;
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  Client& c = clients_[s];
  count(c, Count::kAccompanimentContacts);
  const AccompanimentParameters& a = params_.accompaniment;
  const double interval = a.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  // One draw per contact: the contact's number since arrival names it.
  const auto number = static_cast<unsigned>((sim_.now() - c.arrived_at) / interval);
  core::RandomStream rng = stream(c, Draw::kAccompaniment, number);
  if (rng.bernoulli(a.agent_share)) {
    count(c, Count::kAccompanimentByAgent);
    const core::EventTarget granted{this, kContactAgentGranted, subject};
    if (agents_.acquire_or_wait(granted)) on_contact_agent_granted(subject);
  }
  sim_.schedule(interval, core::EventTarget{this, kAccompanimentContact, subject});
}

void World::on_contact_agent_granted(std::uint64_t subject) {
  if (!contact_still_due(subject)) {  // the client left while waiting: the agent moves on
    agents_.release();
    return;
  }
  const auto s = static_cast<Slot>(subject & 0xffffffffU);
  const Client& c = clients_[s];
  const double interval =
      params_.accompaniment.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  const auto number = static_cast<unsigned>((sim_.now() - c.arrived_at) / interval);
  core::RandomStream rng = stream(c, Draw::kAccompaniment, 0x8000U + number);
  sim_.schedule(params_.accompaniment.contact_days.sample(rng),
                core::EventTarget{this, kContactEnd, subject});
}

}  // namespace parcours::model
