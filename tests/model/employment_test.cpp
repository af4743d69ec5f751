// The employment module alone (rules P7, M2, M5, M13): a client table, a simulation, the OSE
// module without agreements and stand-ins for the Parcours and retention support. A job that
// ends a Parcours is followed for the follow-up window, a job outside one is not; the M13
// window counts a job at its last day and not after; retention's multiplier keeps the loss
// mass drawn at the job start; the client's stop ends the support and the job is followed.

#include "model/employment.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "model/ose_services.hpp"
#include "support/model_parameters.hpp"
#include "support/module_world.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 1000.0;  // days
constexpr double kFollowup = 90.0;   // days a participant's job is followed (M7)
constexpr double kWindow = 30.0;     // days after a Parcours a job counts for it (M13)
constexpr double kLossRate = 0.01;   // job losses per day
constexpr double kMultiplier = 0.4;  // the job-loss hazard ratio from halfway (M2)

// What the Parcours and the office would do: records when each call came.
struct FakePathway : Employment::Pathway {
  explicit FakePathway(ClientTable& t) : table(t) {}
  void job_during_step(Slot /*s*/) override { ++steps_ended; }
  void stop_income_support(Slot /*s*/) override { ++supports_stopped; }
  void end_parcours_by_job(Slot s) override {
    table[s].in_parcours = false;
    ended_by_job_at = table.now();
  }
  void end_integration(Slot /*s*/) override {}
  void after_job_loss(Slot /*s*/) override { lost_at.push_back(table.now()); }
  void leave(Slot /*s*/) override { left_at.push_back(table.now()); }
  ClientTable& table;
  int steps_ended = 0;
  int supports_stopped = 0;
  double ended_by_job_at = -1.0;
  std::vector<double> lost_at;
  std::vector<double> left_at;
};

// Retention support that never starts by itself; finish() ends it as the real one does.
struct FakeSupport : Employment::Support {
  bool at_job_start(Slot /*s*/, unsigned /*number*/) override { return false; }
  void finish(Slot s, Count ending) override {
    employment->job(s).in_retention = false;
    employment->job(s).stop_at = Hazard::kNever;
    endings.emplace_back(ending, employment->job(s).started);
  }
  Employment* employment = nullptr;
  std::vector<std::pair<Count, double>> endings;
};

// Calls a function at a time (the test's own actions inside the run).
struct At : core::EventHandler {
  std::deque<std::function<void()>> actions;  // an action may add one: never moved
  void handle(std::uint32_t kind, std::uint64_t /*subject*/) override { actions[kind](); }
};

struct Fixture : testing::ModuleWorld {
  Fixture() : ModuleWorld(testing::small_model(), kHorizon) {
    params.retention.job_loss = Hazard{};
    params.retention.followup_days = kFollowup;
    params.parcours.followup_days = kWindow;
  }
  void start() {
    ose = std::make_unique<OseServices>(table, params, kHorizon, false);
    employment = std::make_unique<Employment>(table, params, rules, *ose, false);
    employment->wire(&pathway, &support);
    support.employment = employment.get();
  }
  Slot add_client(std::uint64_t id, bool in_parcours) {
    const ClientTable::Admission a = table.admit();
    ose->on_admit(a);
    Client& c = table[a.slot];
    c.number = static_cast<std::uint32_t>(id);
    c.in_parcours = in_parcours;
    c.stage = Stage::kJobSearch;
    return a.slot;
  }
  void at(core::Time t, std::function<void()> f) {
    sim.schedule_at(
        t, core::EventTarget{&actions, static_cast<std::uint32_t>(actions.actions.size()), 0});
    actions.actions.push_back(std::move(f));
  }
  std::unique_ptr<OseServices> ose;
  std::unique_ptr<Employment> employment;
  FakePathway pathway{table};
  FakeSupport support;
  At actions;
};

TEST(Employment, AParticipantsJobIsFollowedForTheFollowUpWindow) {
  // Rules P7, M7: the job ends the Parcours and the income support; the client is followed
  // for kFollowup days, then leaves.
  Fixture f;
  f.start();
  const Slot s = f.add_client(1, true);
  f.employment->start_job_search(s, Hazard::constant(0.1), 0);
  f.sim.run(kHorizon);
  ASSERT_GE(f.pathway.ended_by_job_at, 0.0);
  EXPECT_EQ(f.pathway.supports_stopped, 1);
  EXPECT_EQ(f.pathway.steps_ended, 0);  // not in an activity
  EXPECT_TRUE(f.table[s].job_after_parcours);
  ASSERT_EQ(f.pathway.left_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.left_at[0] - f.pathway.ended_by_job_at, kFollowup);
  EXPECT_EQ(f.counted(Count::kEmployed), 1U);
  EXPECT_EQ(f.table.events_of(kJobFollowupEnd), 1U);
}

TEST(Employment, AJobOutsideAParcoursIsNotFollowed) {
  Fixture f;
  f.start();
  const Slot s = f.add_client(1, false);
  f.sim.schedule_at(12.0, f.employment->job_found(s));
  f.sim.run(kHorizon);
  EXPECT_LT(f.pathway.ended_by_job_at, 0.0);
  ASSERT_EQ(f.pathway.left_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.left_at[0], 12.0);  // at the job's start
}

TEST(Employment, EmployedAfterParcoursCountsJobsWithinTheWindow) {
  // Rule M13: a Parcours ended on day 10; a job on its window's last day counts, a day later
  // does not.
  Fixture f;
  f.start();
  const Slot in = f.add_client(1, false);
  const Slot out = f.add_client(2, false);
  f.table[in].parcours_ended_at = 10.0;
  f.table[out].parcours_ended_at = 10.0;
  f.sim.schedule_at(10.0 + kWindow, f.employment->job_found(in));
  f.sim.schedule_at(11.0 + kWindow, f.employment->job_found(out));
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kEmployed), 2U);
  EXPECT_EQ(f.counted(Count::kEmployedAfterParcours), 1U);
}

TEST(Employment, RetentionsMultiplierKeepsTheLossMassDrawnAtTheJobStart) {
  // Rule M2: halfway to the loss the multiplier drops to 0.4; the mass left is used up at
  // 0.4 times the rate, so the loss comes 1 / 0.4 times later than it would have.
  Fixture f;
  f.params.retention.job_loss = Hazard::constant(kLossRate);
  f.params.retention.followup_days = 1e6;  // the loss comes first
  f.start();
  const Slot s = f.add_client(1, true);
  f.sim.schedule_at(5.0, f.employment->job_found(s));
  double expected = 0.0;
  f.at(5.0, [&] {  // after the job found (scheduled first): its mass is drawn
    const double mass = f.employment->job(s).loss_mass;
    const double halfway = 5.0 + mass / kLossRate / 2.0;
    expected = halfway + mass / 2.0 / (kLossRate * kMultiplier);
    f.at(halfway, [&f, s] { f.employment->set_job_multiplier(s, kMultiplier); });
  });
  f.sim.run(1e7);
  ASSERT_EQ(f.pathway.lost_at.size(), 1U);
  EXPECT_NEAR(f.pathway.lost_at[0], expected, 1e-6 * expected);
  EXPECT_EQ(f.counted(Count::kJobLosses), 1U);
}

TEST(Employment, SupportsMultiplierIsTheRetentionEffect) {
  // Rules M2, M4: the job-loss hazard ratio in retention, times the tripartite one.
  Fixture f;
  f.params.retention.retention_effect = 0.6;
  f.params.retention.tripartite_effect = 0.5;
  f.start();
  const Slot s = f.add_client(1, true);
  Job& j = f.employment->open_job(s, 1);
  EXPECT_DOUBLE_EQ(f.employment->job_multiplier_now(s), 1.0);
  j.in_retention = true;
  EXPECT_DOUBLE_EQ(f.employment->job_multiplier_now(s), 0.6);
  j.tripartite = true;
  EXPECT_DOUBLE_EQ(f.employment->job_multiplier_now(s), 0.3);
}

TEST(Employment, TheClientsStopEndsTheSupportAndTheJobIsFollowed) {
  // Rule M5: the client stops the support on day 20 of the job; the job goes on, followed to
  // the follow-up's end.
  Fixture f;
  f.start();
  const Slot s = f.add_client(1, true);
  f.table[s].job_after_parcours = true;
  f.at(3.0, [&f, s] {
    Job& j = f.employment->open_job(s, 1);
    j.in_retention = true;
    j.stop_at = 23.0;
    f.employment->set_job_multiplier(s, f.employment->job_multiplier_now(s));
  });
  f.sim.run(kHorizon);
  ASSERT_EQ(f.support.endings.size(), 1U);
  EXPECT_EQ(f.support.endings[0].first, Count::kRetentionEndedClient);
  EXPECT_EQ(f.table.events_of(kRetentionClientStop), 1U);
  ASSERT_EQ(f.pathway.left_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.left_at[0], 3.0 + kFollowup);
}

}  // namespace
}  // namespace parcours::model
