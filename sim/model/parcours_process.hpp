#pragma once
// The Parcours as a process module (issue 11; rules P1-P8, D6, M7, M9, M10, M12): an
// intervention plan of activities done in sequence (parcours.cpp), ICTE's job-integration
// phase inside a participation (integration.cpp), the income support paid while out of work
// and for the weeks of participation (income_support.cpp), the Parcours's exits, and the
// readmission after a followed job is lost (readmission.cpp). It owns the Parcours stock by
// group, the income support stock, and the activities each client completed (M12); it
// handles the events of an activity's end, an abandonment and a closure. It is the Pathway of
// the OSE, employment and evaluation modules, asks them for what is theirs (a place, a job
// search, an evaluation, the accompaniment contacts), and asks the office (`Office`, World)
// only to let a client leave.

#include <array>
#include <cstdint>
#include <vector>

#include "model/client_table.hpp"
#include "model/early_ending.hpp"
#include "model/employment.hpp"
#include "model/evaluation.hpp"
#include "model/income_support.hpp"
#include "model/ose_services.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class Accompaniment;
class DecisionRules;
struct InitialClient;

class ParcoursProcess final : public core::EventHandler,
                              public OseServices::Pathway,
                              public Employment::Pathway,
                              public Evaluation::Pathway {
 public:
  /// What the office does for the Parcours (World).
  class Office {
   public:
    /// The client leaves the system.
    virtual void leave(Slot s) = 0;

   protected:
    ~Office() = default;
  };

  /// `keep_last`: the OSE module keeps the last participation (rules M7, M9, M10).
  ParcoursProcess(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
                  OseServices& ose, bool keep_last);
  ParcoursProcess(const ParcoursProcess&) = delete;
  ParcoursProcess& operator=(const ParcoursProcess&) = delete;

  void wire(Office* office, Accompaniment* accompaniment, Employment* employment,
            Evaluation* evaluation) {
    office_ = office;
    accompaniment_ = accompaniment;
    employment_ = employment;
    evaluation_ = evaluation;
  }
  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// A client took a slot (a new slot grows the side tables).
  void on_admit(ClientTable::Admission a);
  /// Clients in a Parcours in group `g` now.
  [[nodiscard]] std::int64_t active(std::size_t g) const { return parcours_active_[g]; }
  /// A caseload client in a Parcours, `ic.days_done` days into its activity (issue 12;
  /// initial_caseload.cpp).
  void resume_initial(Slot s, const InitialClient& ic);

  // income_support.cpp (rule P7)
  /// The client starts receiving income support (in the system, out of work).
  void start_benefit(Slot s);
  /// The client stops receiving it: `job`, a job starts, which saves the support over
  /// IncomeSupportParameters::savings_days.
  void stop_benefit(Slot s, bool job);
  /// Books the quarter's support paid, at its end, in each group's record.
  void book_benefits(std::size_t quarter);

  // OseServices::Pathway
  double begin_activity(Slot s) override;
  /// Moves past the current step without doing it (not eligible, or no OSE to serve it).
  void skip_step(Slot s) override;
  void waitlist_dropout(Slot s) override;
  // Employment::Pathway
  void job_during_step(Slot s) override;
  void stop_income_support(Slot s) override { stop_benefit(s, true); }
  void end_parcours_by_job(Slot s) override { end_parcours(s, Count::kParcoursEndedEmployment); }
  /// Rule M9: the participation (and its wage contribution) ends at its planned end
  /// (Employment's kIntegrationEnd), or earlier when the job is lost.
  void end_integration(Slot s) override;
  /// Rule M7: back to the original activity (84 days) or to the office (readmission.cpp).
  void after_job_loss(Slot s) override;
  void leave(Slot s) override { office_->leave(s); }
  // Evaluation::Pathway
  void search_alone(Slot s) override;
  void start_parcours(Slot s) override;
  /// Rule E7: a major event stops the step under way; the plan moves past it.
  void interrupt_step(Slot s) override;
  void revise_plan(Slot s) override;
  void close_parcours(Slot s) override { end_parcours(s, Count::kParcoursEndedClosure); }
  /// The plan's next step, or its end.
  void continue_plan(Slot s) override;

 private:
  /// The Parcours's hazards (abandonment, closure) and first step, for a new or resumed one;
  /// `occurrence` names their random streams.
  void open_parcours(Slot s, unsigned occurrence);
  /// Schedules the Parcours's abandonment or closure, whichever comes first (rules P7, D6),
  /// and its accompaniment (P4).
  void schedule_parcours_exit(Slot s, unsigned occurrence);
  void make_plan(Slot s);
  void start_activity(Slot s);
  /// When the step under way ends, for activities that may end early (early_ending.hpp).
  StepEnding step_ending(Slot s, double planned_days);
  /// The planned length of the step under way, in days.
  [[nodiscard]] double planned_step_days(const Client& c) const;
  void on_activity_end(Slot s);
  /// Rules P7, M10: a job found during the step ends it before its planned end.
  void end_step_for_job(Slot s);
  /// An activity without an agreement becomes the last participation (rules M7, M9, M10).
  void record_last_activity(Slot s);
  void finish_plan(Slot s);
  /// Rule M9: when the step under way has a job-integration phase (ICTE), the days from its
  /// start to that job; infinite otherwise.
  double integration_job_days(Slot s, double planned_days);
  /// Rule M9: the integration phase's job begins inside the participation, which goes on.
  void start_integration(Slot s);
  [[nodiscard]] core::Time integration_end(Slot s) const;
  /// Whether a job now is the integration phase's, planned at the step's start.
  [[nodiscard]] bool integration_job_due(Slot s) const;
  /// `allowance_after_days`: days of allowance still paid after now (rule M10: Objectif
  /// emploi keeps its income support to the planned end after a job).
  void pay_income_support(Slot s, std::uint8_t activity, double allowance_after_days = 0.0);
  /// How many activities the current step runs at once (rule P2's concurrent activities).
  [[nodiscard]] unsigned step_width(const Client& c) const;
  void on_parcours_exit(Slot s, Count reason);
  void after_parcours_exit(Slot s);
  void end_parcours(Slot s, Count reason);
  void resume_parcours(Slot s, std::uint8_t activity);

  ClientTable& clients_;
  const ModelParameters& params_;
  DecisionRules& rules_;
  OseServices& ose_;
  Office* office_ = nullptr;
  Accompaniment* accompaniment_ = nullptr;
  Employment* employment_ = nullptr;
  Evaluation* evaluation_ = nullptr;
  std::vector<std::int64_t> parcours_active_;  // by group, like the indicator table
  BenefitStock benefits_;  // rule P7: clients on income support, by group and status

  // Side tables by slot, kept only when the scenario uses them (a run of a million clients
  // without agreements or retention should not pay for them in memory or cache misses).
  bool track_last_ = false;       // rules M7, M9, M10 look back at the last activity
  bool track_completed_ = false;  // rule M12: plans may repeat an activity
  bool early_endings_ = false;    // rules P5, P7: some activity may end before its planned end
  bool major_events_ = false;     // rule E7: major events during activities
  /// Rule M12: activities each client completed (bit per activity id), by slot.
  std::vector<std::array<std::uint64_t, 4>> completed_;
  std::vector<std::uint8_t> plan_buffer_;
};

}  // namespace parcours::model
