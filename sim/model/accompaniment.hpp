#pragma once
// Accompaniment during the Parcours (rules P4, D5, D6) as a process module: contacts at a
// frequency set by the client's distance from the labour market, made by the agent (taking
// agent time, in the same queue as evaluation interviews, by priority level: rules D3, D5) or
// by an OSE, which reports back to the agent (P4: the report takes agent time too). A contact
// counts when it is made: the agent's when the agent is free, the OSE's at once; each made
// contact moves the dropout hazard's accompaniment term (rule D6, dropout_clock.hpp), whose
// clocks this module keeps by slot.
//
// The contacts of a Parcours are not cancelled when it ends; each names its client's slot and
// its contact chain, and is dropped if that chain is no longer the slot's current one. Each
// start() opens a new chain (a new Parcours, or one resumed after a job loss, rule M7), so a
// client has one chain at a time, and a slot's numbers never repeat for a later client.

#include <cstdint>
#include <vector>

#include "core/resource.hpp"
#include "model/client_table.hpp"
#include "model/dropout_clock.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class Accompaniment final : public core::EventHandler {
 public:
  /// `agents`: the office's agents (World's); `parcours`: who handles abandonment and closure
  /// (kDropout, kClosure) when the dropout clock reschedules them.
  Accompaniment(ClientTable& clients, const ModelParameters& params, core::Resource& agents,
                core::EventHandler& parcours);
  Accompaniment(const Accompaniment&) = delete;
  Accompaniment& operator=(const Accompaniment&) = delete;

  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// Rule D6: whether the dropout hazard follows the contacts made (its clocks are kept).
  [[nodiscard]] bool contact_effect() const { return contact_effect_; }
  void on_admit(ClientTable::Admission a);
  /// Starts the contacts of the client's Parcours (rule P4), if there is accompaniment.
  void start(Slot s);
  /// The client's dropout clock (contact_effect() only).
  DropoutClock& clock(Slot s) { return clocks_[s]; }
  /// Rule D6: (re)schedules the earlier of abandonment (from the dropout clock) and closure.
  void schedule_exit_from_clock(Slot s);
  /// The client a contact event names; 0 when the contact is stale (for traces).
  [[nodiscard]] std::uint64_t client_of(std::uint64_t subject) const;

 private:
  void on_contact(std::uint64_t subject);
  void on_contact_agent_granted(std::uint64_t subject);
  /// Rule P4: an OSE's contact is reported back to the agent, who takes it in (agent time).
  void on_ose_report_granted(std::uint64_t subject);
  /// Rule D6: a contact was made; the dropout hazard's accompaniment term follows.
  void contact_made(Slot s);
  [[nodiscard]] std::uint64_t subject_of(Slot s) const;
  [[nodiscard]] bool still_due(std::uint64_t subject) const;
  /// Days between contacts for the client (rule D5: near or far from the labour market).
  [[nodiscard]] double interval(const Client& c) const {
    return params_.accompaniment.interval_days[c.limiting_characteristics >= 3 ? 1 : 0];
  }
  /// Rules D3, D5: the client's priority level in the agents' queue.
  [[nodiscard]] unsigned agent_level(Slot s) const;

  ClientTable& clients_;
  const ModelParameters& params_;
  core::Resource& agents_;
  core::EventHandler& parcours_;
  bool contact_effect_ = false;
  std::vector<DropoutClock> clocks_;  // by slot, contact_effect_ only
  /// By slot: the number of the current contact chain (0: none yet), counted up at each start
  /// and never reset, so that a contact of an earlier chain (or client) is recognised.
  std::vector<std::uint32_t> chains_;
};

}  // namespace parcours::model
