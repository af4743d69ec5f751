#pragma once
// Job retention support ("maintien en emploi", rules M1-M12, S4) as a process module: the
// decision at a participant's job start (M1, M6, M9), in-service support by the organisation
// of the participation (and Démarcheurs' in-job accompaniment, S4) or through an agent's
// referral to another partner's Groupe ME, PH2 or Démarcheurs maintien agreement, late starts
// (M3), a plan of hours over weeks, bipartite then perhaps tripartite (M4), and its ends (M5).
// It handles the events of a plan's phase end, a meeting, the plan's end, a late start and a
// partner's referral. It keeps its state in the client's job record, which the employment
// module owns (employment.hpp: Employment::job, open_job, follow_job, set_job_multiplier),
// and is that module's Employment::Support; its books are the OSE module's.

#include <cstdint>

#include "model/client_table.hpp"
#include "model/employment.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class DecisionRules;
class OseServices;
struct InitialClient;

class Retention final : public core::EventHandler, public Employment::Support {
 public:
  /// `keep_last`: the OSE module keeps the last participation (rules M3, M7, M10 read it).
  Retention(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
            OseServices& ose, Employment& employment, bool keep_last);
  Retention(const Retention&) = delete;
  Retention& operator=(const Retention&) = delete;

  void handle(std::uint32_t kind, std::uint64_t subject) override;

  // Employment::Support
  bool at_job_start(Slot s, unsigned number) override;
  void finish(Slot s, Count ending) override;

  /// An initial caseload client employed, `ic.days_done` days into retention support under
  /// its agreement (issue 12; initial_retention.cpp).
  void resume_initial(Slot s, const InitialClient& ic);

 private:
  [[nodiscard]] bool start_in_service_retention(Slot s);
  /// Rule S4: Démarcheurs' in-job accompaniment by the same service, on the same agreement;
  /// false when that agreement is no longer in force.
  [[nodiscard]] bool start_in_job_support(Slot s);
  /// Rule M1: the services whose participants' need for retention is decided (SAE, PPE,
  /// ICTE, MFOR-EE), not the office's own activities.
  [[nodiscard]] bool retention_measure(std::uint8_t activity) const {
    return params_.activities[activity].service.measure != Measure::kInternal;
  }
  /// Rule M3: schedules a late start (administrative follow-up, employer's request) if one
  /// comes; false when none does.
  bool schedule_late_start(Slot s, unsigned number);
  void refer_to_partner(Slot s);
  /// The partner service an agent refers the client to (-1: none in the scenario).
  [[nodiscard]] int partner_activity(Slot s) const;
  void on_partner_referral(Slot s);
  void start_retention(Slot s, const RetentionPlan& plan, int agreement, std::uint8_t level);
  void on_retention_phase_end(Slot s);
  void on_retention_contact(Slot s);
  void cancel_unissued_income_support(Slot s);
  void on_late_start(Slot s);

  ClientTable& clients_;
  const ModelParameters& params_;
  DecisionRules& rules_;
  OseServices& ose_;
  Employment& employment_;
  bool track_last_;
};

}  // namespace parcours::model
