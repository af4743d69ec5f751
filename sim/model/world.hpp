#pragma once
// The simulated employment services of one replication: clients arrive (E1), are evaluated
// by agents (E2, E5), follow a Parcours of activities (P1, P2, P7) with dropout (D6), search
// for and find a job, and may get retention support (M1).
//
// World owns the process modules and wires them (issue 11): the ClientTable they share
// (client_table.hpp), OseServices (ose_services.hpp: places, waitlists, participations, the
// agreements' ledger), Accompaniment (accompaniment.hpp: contacts and dropout clocks),
// Employment (employment.hpp: job search, jobs, job loss, follow-up), Retention
// (retention.hpp: retention support), Evaluation (evaluation.hpp: interviews, conclusions,
// specialised evaluations, major events) and ParcoursProcess (parcours_process.hpp: plans,
// activities, ICTE's integration phase, income support, exits, readmission), each a
// core::EventHandler of its own. World itself handles arrivals (arrivals.cpp), the initial
// caseload's placement (initial_caseload.cpp), opening hours and quarter ends, and the trace.

#include <algorithm>
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
#include "model/event_kind.hpp"
#include "model/indicators.hpp"
#include "model/ose_services.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class Employment;
class Evaluation;
class ParcoursProcess;
class Retention;

class World final : public core::EventHandler, private ClientTable::Observer {
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
  class Wiring;  // world.cpp: what the Parcours asks of the office (ParcoursProcess::Office)

  // arrivals.cpp
  void schedule_next_arrival();
  void on_arrival();
  /// Draws the arrival's profile, stores it in the slot and returns it: the arrival's other
  /// steps read the copy, not the slot's line, which is cold at a million clients.
  Profile draw_profile(Slot s);
  /// Counts the arrival's profile (arrivals_aged_45_plus, ...), for validation (issue 12).
  void count_profile(const Client& c, const Profile& p);
  /// Fixes the client's groups (their profile and limiting characteristics set) and counts
  /// them in the system.
  void assign_groups(Slot s);
  // initial_caseload.cpp
  /// Places the scenario's initial caseload at day 0 (issue 12).
  void place_initial_caseload();
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
  /// Counts into the quarter under way, for all clients and each of the client's groups.
  void count(const Client& c, Count what) { table_.count(c, what); }

  core::Simulation& sim_;
  const ModelParameters& params_;
  core::Calendar calendar_;
  core::Time horizon_;
  core::Resource agents_;
  ClientTable table_;                    // the clients, their profiles, counts and events by kind
  std::vector<std::int64_t> in_system_;  // by group, like the indicator table
  OseServices ose_;  // places, waitlists, participations, the agreements' ledger
  // Plans, activities, exits, income support; before accompaniment_, which names it.
  std::unique_ptr<ParcoursProcess> parcours_;
  Accompaniment accompaniment_;  // contacts during a Parcours and their dropout clocks (D6)
  std::unique_ptr<Employment> employment_;  // job search, jobs and their records
  std::unique_ptr<Retention> retention_;    // retention support, in the job records
  std::unique_ptr<Evaluation> evaluation_;  // interviews, conclusions, specialised evaluations
  std::unique_ptr<Wiring> wiring_;

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
