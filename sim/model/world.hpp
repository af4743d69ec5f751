#pragma once
// The simulated employment services of one replication: clients arrive (E1), are evaluated
// by agents (E2, E5), follow a Parcours of activities (P1, P2, P7) with dropout (D6), search
// for and find a job, and may get retention support (M1).
//
// World owns the process modules and wires them (issue 11): the ClientTable they share
// (client_table.hpp), OseServices (ose_services.hpp: places, waitlists, participations, the
// agreements' ledger) and Accompaniment (accompaniment.hpp: contacts and dropout clocks), each
// a core::EventHandler of its own. World itself is still the handler of the stages not yet
// split out, each in its own file: arrivals.cpp, evaluation.cpp, parcours.cpp,
// employment.cpp, retention.cpp, integration.cpp, income_support.cpp, world_major_event.cpp.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/calendar.hpp"
#include "core/resource.hpp"
#include "core/simulation.hpp"
#include "model/accompaniment.hpp"
#include "model/agreement_ledger.hpp"
#include "model/client.hpp"
#include "model/client_table.hpp"
#include "model/client_trace.hpp"
#include "model/decision_rules.hpp"
#include "model/dropout_clock.hpp"
#include "model/early_ending.hpp"
#include "model/event_kind.hpp"
#include "model/indicators.hpp"
#include "model/ose_services.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class World final : public core::EventHandler,
                    private OseServices::Pathway,
                    private ClientTable::Observer {
 public:
  /// Called at each quarter's end with the share of the horizon simulated so far.
  using Progress = std::function<void(double fraction)>;

  World(core::Simulation& sim, const ModelParameters& params, DecisionRules& rules);
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  ~World() override;

  /// Runs from day 0 to the horizon.
  void run(const Progress& progress = {});

  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// Follows the clients `trace` names (client_trace.hpp); call before run(). The trace must
  /// outlive the run; nullptr (the default) traces nothing.
  void set_trace(ClientTrace* trace) {
    trace_ = trace;
    table_.set_observer(trace != nullptr ? this : nullptr);
  }

  [[nodiscard]] const IndicatorTable& indicators() const { return table_.indicators(); }
  /// What each agreement delivered and cost (rules S6-S8); empty without agreements.
  [[nodiscard]] const AgreementLedger& agreement_ledger() const { return ose_.ledger(); }
  [[nodiscard]] const core::Calendar& calendar() const { return calendar_; }
  [[nodiscard]] core::Time horizon() const { return horizon_; }
  [[nodiscard]] std::uint64_t events_of(EventKind k) const { return table_.events_of(k); }
  [[nodiscard]] std::uint64_t model_events() const;
  [[nodiscard]] std::size_t clients_in_system() const { return table_.in_system(); }
  /// The tables' group dimensions for a scenario: region (when there are several), income
  /// support, distance from the labour market (rule D2: up to two limiting characteristics,
  /// or three and more).
  static std::vector<GroupDimension> group_dimensions(const ModelParameters& params);
  [[nodiscard]] std::size_t peak_clients_in_system() const { return table_.slots(); }

 private:
  struct Job;  // below, with the other side tables

  // arrivals.cpp
  void schedule_next_arrival();
  void on_arrival();
  void draw_profile(Slot s);
  /// Counts the arrival's profile (arrivals_aged_45_plus, ...), for validation (issue 12).
  void count_profile(Slot s);
  void assign_groups(Slot s);
  // initial_caseload.cpp
  /// Places the scenario's initial caseload at day 0 (issue 12).
  void place_initial_caseload();
  /// A caseload client in a Parcours, `ic.days_done` days into its activity.
  void resume_initial_activity(Slot s, const InitialClient& ic);
  /// A caseload client employed, `ic.days_done` days into retention support under its
  /// agreement (initial_retention.cpp).
  void resume_initial_retention(Slot s, const InitialClient& ic);
  // evaluation.cpp
  void join_agent_queue(Slot s);
  void start_interview(Slot s);
  void on_interview_end(Slot s);
  void apply_conclusion(Slot s, Conclusion conclusion);
  void start_specialised_evaluation(Slot s);
  void on_specialised_evaluation_end(Slot s);
  // world_major_event.cpp (rule E7)
  /// Days from the step's start to a major event; infinite when none comes.
  double major_event_days(Slot s);
  /// The major event cuts the step short; the client goes to the specialised evaluators.
  void on_major_event(Slot s);
  /// The recommendation is back: the agent decides what happens to the Parcours.
  void after_major_event(Slot s);
  /// Leaves the specialised evaluators' queue, or frees the evaluator (the Parcours ended).
  void leave_specialised_evaluation(Slot s);
  // parcours.cpp
  void start_parcours(Slot s);
  /// The Parcours's hazards (abandonment, closure) and first step, for a new or resumed one;
  /// `occurrence` names their random streams.
  void open_parcours(Slot s, unsigned occurrence);
  /// Schedules the Parcours's abandonment or closure, whichever comes first (rules P7, D6),
  /// and its accompaniment (P4).
  void schedule_parcours_exit(Slot s, unsigned occurrence);
  void make_plan(Slot s);
  void start_activity(Slot s);
  double begin_activity(Slot s) override;
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
  /// Moves past the current step without doing it (not eligible, or no OSE to serve it).
  void skip_step(Slot s) override;
  void waitlist_dropout(Slot s) override;
  /// Rule M9: when the step under way has a job-integration phase (ICTE), the days from its
  /// start to that job; infinite otherwise.
  double integration_job_days(Slot s, double planned_days);
  /// Rule M9: the integration phase's job begins inside the participation, which goes on.
  void start_integration(Slot s);
  /// Rule M9: the participation (and its wage contribution) ends at its planned end, or
  /// earlier when the job is lost (end_integration alone).
  void on_integration_end(Slot s);
  void end_integration(Slot s);
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
  /// Calls f(quarter, share) for each quarter [t0, t1) overlaps (ClientTable).
  template <typename F>
  void spread_over_quarters(core::Time t0, core::Time t1, F&& f) const {
    table_.spread_over_quarters(t0, t1, std::forward<F>(f));
  }
  // income_support.cpp (rule P7)
  /// The client starts receiving income support (in the system, out of work).
  void start_benefit(Slot s);
  /// The client stops receiving it: `job`, a job starts, which saves the support over
  /// IncomeSupportParameters::savings_days.
  void stop_benefit(Slot s, bool job);
  /// Books the quarter's support paid, at its end, in each group's record.
  void book_benefits(std::size_t quarter);
  /// Rules D3, D5: the client's priority level in the agents' and the organisations' queues.
  [[nodiscard]] unsigned agent_level(Slot s) const {
    return params_.priority.agents ? priority_level(params_.priority, table_.profile(s),
                                                    table_[s].limiting_characteristics)
                                   : 0U;
  }
  // employment.cpp
  void start_job_search(Slot s, const Hazard& hazard, unsigned occurrence);
  void on_job_found(Slot s);
  void start_job(Slot s);
  /// The client's job record: draws whether it is full time and when it would be lost.
  Job& open_job(Slot s, unsigned number);
  /// Follows an employed client: job loss (the exit event) and the follow-up's end; leaves
  /// at once when there is nothing to follow.
  void follow_job(Slot s);
  /// Sets the job-loss hazard's multiplier from now on and reschedules the loss (and, in
  /// retention, the client's stop), keeping the exponential mass drawn at the job start.
  void set_job_multiplier(Slot s, double multiplier);
  void on_job_loss(Slot s);
  void on_job_followup_end(Slot s);
  // retention.cpp
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
  void finish_retention(Slot s, Count ending);
  void cancel_unissued_income_support(Slot s);
  void on_late_start(Slot s);
  /// Rule M7: back to the original activity (84 days) or to the office.
  void after_job_loss(Slot s);
  void resume_parcours(Slot s, std::uint8_t activity);
  [[nodiscard]] double job_multiplier_now(Slot s) const;
  /// Rule M7's "calendar days": whole days from the day of `t` to today.
  [[nodiscard]] double calendar_days_since(core::Time t) const {
    return std::floor(sim_.now()) - std::floor(t);
  }

  /// Rules M1, M9, S4 read the last participation's service, as do M7 and M10.
  static bool keeps_last(const ModelParameters& params);
  /// The switch over event kinds; handle() counts the event and calls it.
  void dispatch(std::uint32_t kind, std::uint64_t subject);
  // world_trace.cpp: client journeys, only when trace_ is set.
  void on_event(std::uint32_t kind, std::uint64_t subject) override;
  void on_count(const Client& c, Count what) override;
  [[nodiscard]] std::uint64_t client_of_event(std::uint32_t kind, std::uint64_t subject) const;
  void trace_row(Slot s, std::uint64_t client, const char* row, std::string what,
                 std::string stage);
  void trace_leave(Slot s);
  void trace_horizon();

  Slot admit();
  void leave(Slot s);
  void on_quarter_end(std::size_t quarter);
  /// Opens or closes the office at time t, and schedules the next change (rule E2).
  void apply_opening(core::Time t);
  core::RandomStream stream(const Client& c, Draw d, unsigned occurrence = 0) const {
    return table_.stream(c, d, occurrence);
  }
  core::EventHandle schedule(core::Time delay, EventKind kind, Slot s) {
    return sim_.schedule(delay, core::EventTarget{this, kind, s});
  }
  /// Counts into the quarter under way, for all clients and each of the client's groups.
  void count(const Client& c, Count what) { table_.count(c, what); }
  /// Counts a start of catalogue activity `id` (rule P2), for all clients and each group.
  void count_activity(const Client& c, std::uint8_t id) { table_.count_activity(c, id); }

  /// The client's current job and retention support (rules M2-M10).
  struct Job {
    unsigned number = 0;  // jobs so far: names the job's random streams
    core::Time started = 0.0;
    bool full_time = true;
    double loss_mass = 0.0;  // Exp(1) drawn at the start: the job is lost when the
    double used_mass = 0.0;  // multiplied cumulative hazard reaches it
    core::Time segment_start = 0.0;
    double multiplier = 1.0;
    core::Time stop_at = 0.0;  // the client ends the plan (M5), absolute; inf: never
    bool in_retention = false;
    bool partner = false;           // with another partner's agreement (Groupe ME, PH2)
    bool tripartite = false;        // rule M4
    bool cit = false;               // PH2 in a work integration contract
    bool employer_request = false;  // rule M3: a late start asked for by the employer
    int agreement = -1;             // whose books the retention is on; -1: none
    std::uint8_t level = 0;
    double direct_share = 1.0;  // of the plan's hours, direct (partner services)
    core::Time retention_started = 0.0;
    double hours_before = 0.0;  // of the plan's hours, given before day 0 (initial caseload)
    RetentionPlan plan;
  };

  core::Simulation& sim_;
  const ModelParameters& params_;
  DecisionRules& rules_;
  core::Calendar calendar_;
  core::Time horizon_;
  core::Resource agents_;
  std::unique_ptr<core::Resource> specialists_;  // rule E7's capacity; none = no limit
  ClientTable table_;  // the clients, their profiles, counts and events by kind
  std::vector<std::int64_t> parcours_active_;  // by group, like the indicator table
  std::vector<std::int64_t> in_system_;
  BenefitStock benefits_;        // rule P7: clients on income support, by group and status
  OseServices ose_;              // places, waitlists, participations, the agreements' ledger
  Accompaniment accompaniment_;  // contacts during a Parcours and their dropout clocks (D6)

  // Side tables by slot, kept only when the scenario uses them (a run of a million clients
  // without agreements or retention should not pay for them in memory or cache misses).
  bool track_last_ = false;       // rules M7, M9, M10 look back at the last activity
  bool track_completed_ = false;  // rule M12: plans may repeat an activity
  bool early_endings_ = false;    // rules P5, P7: some activity may end before its planned end
  bool major_events_ = false;     // rule E7: major events during activities
  // Job records of the clients whose job is followed or supported, in a pool; by slot, the
  // index of the client's record or kNoJob.
  static constexpr std::uint32_t kNoJob = 0xffffffffU;
  std::vector<std::uint32_t> job_of_;
  std::vector<Job> job_pool_;
  std::vector<std::uint32_t> free_jobs_;
  Job& job(Slot s) { return job_pool_[job_of_[s]]; }
  [[nodiscard]] const Job& job(Slot s) const { return job_pool_[job_of_[s]]; }
  /// Rule M12: activities each client completed (bit per activity id), by slot.
  std::vector<std::array<std::uint64_t, 4>> completed_;
  std::vector<std::uint8_t> plan_buffer_;
  std::unique_ptr<const PopulationSource> population_;
  core::RandomStream arrival_stream_;
  std::uint64_t arrivals_ = 0;
  double busy_mark_ = 0.0;  // agent busy integral at the last quarter end
  double queue_mark_ = 0.0;
  double capacity_mark_ = 0.0;
  Progress progress_;
  ClientTrace* trace_ = nullptr;  // clients followed (issue 15); none when null
};

}  // namespace parcours::model
