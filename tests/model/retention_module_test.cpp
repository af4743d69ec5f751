// The retention module alone (rules M1-M3, M5, M7): a client table, a simulation, the OSE
// module with one agreement, the employment module, and a stand-in for the Parcours. A
// participant whose job starts within the readmission window after their participation gets
// the organisation's in-service support, its hours on the agreement's books at its end; a day
// past the window, none; a problem found at the administrative follow-up starts it then.

#include "model/retention.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "model/ose_services.hpp"
#include "support/module_world.hpp"
#include "support/ose_run.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 2000.0;    // days
constexpr double kPlanned = 70.0;      // days: the participation, from day 0
constexpr double kReadmission = 84.0;  // calendar days after its end (M7)
constexpr double kHours = 20.0;        // hours of an in-service plan (M2)
constexpr double kPlanDays = 112.0;    // days of an in-service plan (M2: 16 weeks)
constexpr double kLateStart = 91.0;    // days after the participation's end (M3)

// What the Parcours would do for the OSE module: the step lasts kPlanned days.
struct FakeOsePathway : OseServices::Pathway {
  double begin_activity(Slot /*s*/) override { return kPlanned; }
  void skip_step(Slot /*s*/) override {}
  void waitlist_dropout(Slot /*s*/) override {}
};

// What the Parcours and the office would do for the employment module.
struct FakePathway : Employment::Pathway {
  explicit FakePathway(ClientTable& t) : table(t) {}
  void job_during_step(Slot /*s*/) override {}
  void stop_income_support(Slot /*s*/) override {}
  void end_parcours_by_job(Slot s) override { table[s].in_parcours = false; }
  void end_integration(Slot /*s*/) override {}
  void after_job_loss(Slot /*s*/) override {}
  void leave(Slot /*s*/) override { left_at.push_back(table.now()); }
  ClientTable& table;
  std::vector<double> left_at;
};

// Calls a function at a time (the test's own actions inside the run).
struct At : core::EventHandler {
  std::deque<std::function<void()>> actions;  // an action may add one: never moved
  void handle(std::uint32_t kind, std::uint64_t /*subject*/) override { actions[kind](); }
};

struct Fixture : testing::ModuleWorld {
  Fixture() : ModuleWorld(testing::one_service(2, kPlanned, 2), kHorizon) {
    params.agreements.organisations[0].retention = true;  // rule M11
    RetentionParameters& r = params.retention;
    r.share = 1.0;  // every participant needs it (M1)
    r.hours = core::Distribution::fixed(kHours);
    r.days = core::Distribution::fixed(kPlanDays);
    r.integration_days = core::Distribution::fixed(0);
    r.readmission_days = kReadmission;
    r.followup_days = 0.0;
  }
  void start() {
    ose = std::make_unique<OseServices>(table, params, kHorizon, true);
    ose->set_pathway(&ose_pathway);
    employment = std::make_unique<Employment>(table, params, rules, *ose, true);
    retention = std::make_unique<Retention>(table, params, rules, *ose, *employment, true);
    employment->wire(&pathway, retention.get());
  }
  // A participant of the service from day 0 to kPlanned, whose job starts on `job_day`.
  Slot participant(std::uint64_t id, double job_day) {
    const ClientTable::Admission a = table.admit();
    ose->on_admit(a);
    const Slot s = a.slot;
    Client& c = table[s];
    c.number = static_cast<std::uint32_t>(id);
    c.in_parcours = true;
    const std::uint8_t first = 0;
    table.set_plan(c, std::span<const std::uint8_t>(&first, 1));
    c.stage = Stage::kAwaitingActivity;
    ose->on_planned_start(s);
    at(kPlanned, [this, s] {
      ose->close_participation(s);
      table[s].stage = Stage::kJobSearch;
    });
    sim.schedule_at(job_day, employment->job_found(s));
    return s;
  }
  void at(core::Time t, std::function<void()> f) {
    const auto kind = static_cast<std::uint32_t>(actions.actions.size());
    actions.actions.push_back(std::move(f));
    sim.schedule_at(t, core::EventTarget{&actions, kind, 0});
  }
  FakeOsePathway ose_pathway;
  FakePathway pathway{table};
  At actions;
  std::unique_ptr<OseServices> ose;
  std::unique_ptr<Employment> employment;
  std::unique_ptr<Retention> retention;
};

TEST(RetentionModule, InServiceSupportRunsItsPlanAndBooksItsHours) {
  // Rules M2, M6, M7: the job starts 10 days after the participation's end; the organisation
  // gives its plan of kHours over kPlanDays, booked on the agreement when it ends.
  Fixture f;
  f.start();
  const Slot s = f.participant(1, kPlanned + 10.0);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kRetentionStarted), 1U);
  EXPECT_EQ(f.counted(Count::kRetentionInService), 1U);
  EXPECT_EQ(f.counted(Count::kRetentionEndedObjectives), 1U);
  EXPECT_EQ(f.table.events_of(kRetentionEnd), 1U);
  EXPECT_DOUBLE_EQ(f.employment->job(s).retention_started, kPlanned + 10.0);
  ASSERT_EQ(f.pathway.left_at.size(), 1U);  // at the plan's end: nothing to follow after
  EXPECT_DOUBLE_EQ(f.pathway.left_at[0], kPlanned + 10.0 + kPlanDays);
  double hours = 0.0;
  std::uint64_t started = 0;
  for (std::size_t q = 0; q < f.table.indicators().quarters(); ++q) {
    for (std::uint8_t level = 0; level < 4; ++level) {
      hours += f.ose->ledger().at(0, q, level).retention_hours;
      started += f.ose->ledger().at(0, q, level).retention_started;
    }
  }
  EXPECT_DOUBLE_EQ(hours, kHours);
  EXPECT_EQ(started, 1U);
}

TEST(RetentionModule, NoInServiceSupportPastTheReadmissionWindow) {
  // Rule M7: kReadmission calendar days after the end is the last day; a day later the
  // organisation cannot take the participant back, and there is no other partner.
  Fixture f;
  f.start();
  f.participant(1, kPlanned + kReadmission);
  f.participant(2, kPlanned + kReadmission + 1.0);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kRetentionInService), 1U);
  EXPECT_EQ(f.counted(Count::kRetentionStarted), 1U);
}

TEST(RetentionModule, AProblemFoundAtTheFollowUpStartsItThen) {
  // Rule M3: no need at the job start; the administrative follow-up kLateStart days after the
  // participation's end finds a problem, and support starts then.
  Fixture f;
  f.params.retention.share = 0.0;
  f.params.retention.late_start_probability = 1.0;
  f.params.retention.late_start_days = kLateStart;
  f.params.retention.readmission_days = kLateStart;
  f.start();
  const Slot s = f.participant(1, kPlanned + 5.0);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kRetentionLateStarts), 1U);
  EXPECT_EQ(f.counted(Count::kRetentionStarted), 1U);
  EXPECT_DOUBLE_EQ(f.employment->job(s).retention_started, kPlanned + kLateStart);
}

}  // namespace
}  // namespace parcours::model
