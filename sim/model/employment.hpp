#pragma once
// Employment as a process module (issue 11): job search, the job, and how long it lasts (rules
// P7, M2-M5, M7, M13). It owns the job records of the clients whose job is followed or
// supported (a loss drawn at the job start from the job-loss hazard, lowered during retention
// support), and handles the events of a job found, a job lost, the follow-up's end, and the
// job clock's other exits: the client's stop of retention support (M5) and the end of ICTE's
// integration phase (M9). It talks to the Parcours through `Pathway` and to retention support
// through `Support`; the clients are the ClientTable's.

#include <cstdint>
#include <vector>

#include "core/chunked_vector.hpp"
#include "model/client_table.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class DecisionRules;
class OseServices;

/// The client's current job and retention support (rules M2-M10). Fields by size, so that no
/// padding falls between them (120 bytes): one is kept per client whose job is followed or
/// supported.
struct Job {
  core::Time started = 0.0;
  double loss_mass = 0.0;  // Exp(1) drawn at the start: the job is lost when the
  double used_mass = 0.0;  // multiplied cumulative hazard reaches it
  core::Time segment_start = 0.0;
  double multiplier = 1.0;
  core::Time stop_at = 0.0;   // the client ends the plan (M5), absolute; inf: never
  double direct_share = 1.0;  // of the plan's hours, direct (partner services)
  core::Time retention_started = 0.0;
  double hours_before = 0.0;  // of the plan's hours, given before day 0 (initial caseload)
  RetentionPlan plan;
  unsigned number = 0;  // jobs so far: names the job's random streams (free: the next free)
  int agreement = -1;   // whose books the retention is on; -1: none
  bool full_time = true;
  bool in_retention = false;
  bool partner = false;           // with another partner's agreement (Groupe ME, PH2)
  bool tripartite = false;        // rule M4
  bool cit = false;               // PH2 in a work integration contract
  bool employer_request = false;  // rule M3: a late start asked for by the employer
  std::uint8_t level = 0;
};
static_assert(sizeof(Job) == 120, "fields by size: no padding between them");

class Employment final : public core::EventHandler {
 public:
  /// What the Parcours and the office do for the employment module (ParcoursProcess).
  class Pathway {
   public:
    /// Rules P7, M9: a job found during the step under way ends it (or is the job of its
    /// integration phase, and the participation goes on).
    virtual void job_during_step(Slot s) = 0;
    /// Rule P7: the job ends the client's income support, and saves it.
    virtual void stop_income_support(Slot s) = 0;
    /// Rule P7: the Parcours ends by employment.
    virtual void end_parcours_by_job(Slot s) = 0;
    /// Rule M9: the integration phase's job ends (at the participation's planned end, or
    /// lost before it): so does the participation.
    virtual void end_integration(Slot s) = 0;
    /// Rule M7: after a job loss, readmission to the activity or back to the office.
    virtual void after_job_loss(Slot s) = 0;
    /// The client leaves the system.
    virtual void leave(Slot s) = 0;

   protected:
    ~Pathway() = default;
  };

  /// What retention support does at a job's start and end (rules M1-M6, S4).
  class Support {
   public:
    /// Rules M1, M3, M6, M9, S4: at the job's start, retention support (or a referral, or a
    /// late start) for a participant who needs it; false when the job goes on unsupported.
    virtual bool at_job_start(Slot s, unsigned number) = 0;
    /// Rule M5: the support under way ends (`ending`: the client's stop, the job's loss).
    virtual void finish(Slot s, Count ending) = 0;

   protected:
    ~Support() = default;
  };

  /// `keep_last`: the OSE module keeps the last participation (rules M7, M9, M10).
  Employment(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
             OseServices& ose, bool keep_last);
  Employment(const Employment&) = delete;
  Employment& operator=(const Employment&) = delete;

  void wire(Pathway* pathway, Support* support) {
    pathway_ = pathway;
    support_ = support;
  }
  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// The client leaves: their job record is free.
  void on_leave(Slot s) {
    std::uint32_t& job = clients_[s].job;
    if (job != kNoJob) {
      job_pool_[job].number = free_job_;
      free_job_ = job;
      job = kNoJob;
    }
  }

  /// Searches for a job at the hazard's rate (rules E5, P7); leaves the system when the job
  /// never comes outside a Parcours. `occurrence` names the search's random stream.
  void start_job_search(Slot s, const Hazard& hazard, unsigned occurrence);
  /// Where the job found at `kJobFound` is told (a job during an activity too, rule P7).
  core::EventTarget job_found(Slot s) { return {this, kJobFound, s}; }

  /// The client's job record (one was opened).
  Job& job(Slot s) { return job_pool_[clients_[s].job]; }
  [[nodiscard]] const Job& job(Slot s) const { return job_pool_[clients_[s].job]; }
  /// The client's job record: draws whether it is full time and when it would be lost.
  Job& open_job(Slot s, unsigned number);
  /// Follows an employed client: job loss (the exit event) and the follow-up's end; leaves
  /// at once when there is nothing to follow.
  void follow_job(Slot s);
  /// Sets the job-loss hazard's multiplier from now on and reschedules the loss (and, in
  /// retention, the client's stop), keeping the exponential mass drawn at the job start.
  void set_job_multiplier(Slot s, double multiplier);
  /// Rules M2, M4: the job-loss multiplier of the support under way (1 without).
  [[nodiscard]] double job_multiplier_now(Slot s) const;

 private:
  void on_job_found(Slot s);
  void start_job(Slot s);
  void on_job_loss(Slot s);
  void on_job_followup_end(Slot s);
  /// Rule M5: the client stops the support; the job goes on, followed.
  void on_client_stop(Slot s);
  /// Rule M9: the participation (and its wage contribution) ends at its planned end.
  void on_integration_end(Slot s);

  ClientTable& clients_;
  const ModelParameters& params_;
  DecisionRules& rules_;
  OseServices& ose_;
  bool track_last_;
  Pathway* pathway_ = nullptr;
  Support* support_ = nullptr;
  // Job records of the clients whose job is followed or supported, in a pool (Client::job
  // names a client's). By whole chunks, never copied: a doubling vector held up to twice the
  // records, and both copies while it grew (63 MB at 10 million clients, issue 14). The free
  // records are linked through their `number`, last freed first.
  core::ChunkedVector<Job, 12> job_pool_;
  std::uint32_t free_job_ = kNoJob;
};

}  // namespace parcours::model
