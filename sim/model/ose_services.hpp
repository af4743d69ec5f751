#pragma once
// Services of specialised employability organisations (OSE) under agreements (rules S2-S8,
// M7, M8, M11, M13), as a process module: it owns the organisations' places and waitlists,
// each client's current (or last) participation and ended participations, and the agreements'
// ledger, and handles the events of a planned start, a place granted and a waitlist given up.
// It talks to the Parcours through `Pathway` (what happens to the plan when a participation
// starts, cannot be served, or is given up) and to the clients through the ClientTable.

#include <cstdint>
#include <memory>
#include <vector>

#include "core/resource.hpp"
#include "model/agreement_ledger.hpp"
#include "model/client_table.hpp"
#include "model/parameters.hpp"
#include "model/participation_history.hpp"

namespace parcours::model {

/// A client's current (or last) participation (rules S2-S8), by slot. Also the last activity
/// without an agreement when rules M7, M9, M10 look back at it.
struct Participation {
  std::int32_t agreement = -1;  // index; -1: none
  std::uint8_t activity = 0;
  std::uint8_t step = 0;
  std::uint8_t level = 0;     // intensity level of the planned hours (rule M8)
  bool waiting = false;       // on the organisation's waitlist
  bool placed = false;        // in the service
  double hours_direct = 0.0;  // planned hours
  double hours_indirect = 0.0;
  double disability_overhead = 0.0;  // dollars (rule S7)
  core::Time started = 0.0;
  double planned_days = 0.0;
  core::EventHandle renege;  // giving up on the waitlist
  bool readmission = false;  // rule M7: the original participation resumed, not a new one
  // After its end (rules M7, M8, M13):
  core::Time ended_at = -1.0;
  std::size_t close_quarter = 0;
  double hours_given = 0.0;        // direct + indirect, service and in-service retention
  std::uint8_t level_reached = 0;  // the level those hours fall in
  // Rule M9 (ICTE): when the integration phase's job starts (absolute, planned at the start;
  // -1: none), whether it is under way, and with a wage contribution.
  core::Time integration_at = -1.0;
  bool in_integration = false;
  bool wage_contribution = false;
  // Rule S2: the follow-up after the service (hours over its whole window), until booked.
  double followup_hours = 0.0;
};

class OseServices final : public core::EventHandler {
 public:
  /// What the Parcours does for the OSE module (ParcoursProcess implements it).
  class Pathway {
   public:
    /// The step's activities begin now; returns the step's planned length in days.
    virtual double begin_activity(Slot s) = 0;
    /// Moves past the step without doing it (no OSE to serve it).
    virtual void skip_step(Slot s) = 0;
    /// The client gave up waiting for a place: the Parcours ends by abandonment.
    virtual void waitlist_dropout(Slot s) = 0;

   protected:
    ~Pathway() = default;
  };

  /// `keep_last`: keep each client's last participation even without agreements (rules M7,
  /// M9, M10 look back at it).
  OseServices(ClientTable& clients, const ModelParameters& params, core::Time horizon,
              bool keep_last);
  OseServices(const OseServices&) = delete;
  OseServices& operator=(const OseServices&) = delete;

  void set_pathway(Pathway* pathway) { pathway_ = pathway; }
  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// Whether participations are on agreements' books (the scenario has agreements).
  [[nodiscard]] bool on_books() const { return on_books_; }
  /// Whether participations are kept at all (on the books, or the last one looked back at).
  [[nodiscard]] bool kept() const { return kept_; }
  Participation& participation(Slot s) { return participations_[s]; }
  [[nodiscard]] const Participation& participation(Slot s) const { return participations_[s]; }
  [[nodiscard]] AgreementLedger& ledger() { return *ledger_; }
  [[nodiscard]] const AgreementLedger& ledger() const { return *ledger_; }
  /// The ledger's record of agreement `ai` in quarter `q` at intensity level `level`.
  AgreementRecord& book(std::size_t ai, std::size_t q, std::uint8_t level) {
    return ledger_->at(ai, q, level);
  }
  /// The agreements for catalogue activity `activity`.
  [[nodiscard]] const std::vector<std::uint16_t>& agreements_for(std::uint8_t activity) const {
    return agreements_of_activity_[activity];
  }
  core::Resource& places_of(const Agreement& a);
  /// Who is told when a place frees for a client on a waitlist.
  core::EventTarget place_granted(Slot s) { return {this, kOsePlaceGranted, s}; }
  /// Rule D5: the client's priority level in the organisations' queues.
  [[nodiscard]] unsigned organisation_level(Slot s) const;

  /// A client took a slot: a blank participation (a new slot grows the side tables).
  void on_admit(ClientTable::Admission a);
  /// The client leaves: the follow-up given so far is booked, the history forgotten.
  void on_leave(Slot s);

  /// Rule P8: the planned start of the step's activity under agreements (or the office's own).
  void on_planned_start(Slot s);
  /// Takes the client off the waitlist (the Parcours ended while waiting).
  void leave_waitlist(Slot s);
  /// Ends the OSE participation under way; false if the step was not one. `reprice`: it
  /// ended early by a job or objectives met, so its fixed price is that of the level its
  /// hours reached (rule S7 with M8).
  bool close_participation(Slot s, bool reprice = false);
  /// Rule M13: credits a result (a job or a return to school) to every agreement whose
  /// participation ended within the follow-up window before now.
  void credit_results(Slot s, bool school);
  /// Rule S2: a job during the service's follow-up is the service's result.
  void credit_followup(Slot s);
  /// Rule S2: the follow-up after the service ends now (a job, an abandonment, another
  /// service, leaving) or ended at its window's end: its hours, in the quarters they fell
  /// in, on the agreement's books. Once per participation.
  void book_followup(Slot s);
  /// Rule M8: hours given after the participation's end (retention, a readmission) move its
  /// level reached.
  void add_hours_given(Slot s, double hours);
  [[nodiscard]] std::size_t a_index(Slot s) const {
    return static_cast<std::size_t>(participations_[s].agreement);
  }

 private:
  void on_place_granted(Slot s);
  void begin_ose_activity(Slot s);
  void on_waitlist_dropout(Slot s);

  ClientTable& clients_;
  const ModelParameters& params_;
  core::Time horizon_;
  Pathway* pathway_ = nullptr;
  bool on_books_ = false;
  bool kept_ = false;
  std::vector<Participation> participations_;  // by slot (kept_ only)
  ParticipationHistory history_;               // rule M13: ended participations (on_books_ only)
  std::vector<std::unique_ptr<core::Resource>> places_;  // each organisation's offers in turn
  std::vector<std::size_t> place_base_;                  // first place pool of each organisation
  std::vector<std::vector<std::uint16_t>> agreements_of_activity_;
  std::unique_ptr<AgreementLedger> ledger_;
};

}  // namespace parcours::model
