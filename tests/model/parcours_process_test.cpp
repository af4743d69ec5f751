// The Parcours module (rules P2, P6, P7): a small world of the modules it talks to (the OSE
// module without agreements, accompaniment, employment, evaluation) and a stand-in for the
// office. A plan's activities run in order for their planned days, the allowance is paid for
// the weeks of participation, the plan's outcome ends the Parcours, and an open Parcours is
// closed at its time, its activity under way paid to then.

#include "model/parcours_process.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "core/calendar.hpp"
#include "core/resource.hpp"
#include "core/simulation.hpp"
#include "model/accompaniment.hpp"
#include "support/model_parameters.hpp"
#include "support/module_world.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 1000.0;  // days
constexpr double kFirst = 10.0;      // days of the plan's first activity
constexpr double kSecond = 20.0;     // days of the second
constexpr double kAllowance = 70.0;  // dollars a week, first activity (P6)
constexpr double kClosure = 15.0;    // days after the Parcours's start (P7)

// The office lets clients leave, and records when.
struct FakeOffice : ParcoursProcess::Office {
  explicit FakeOffice(ClientTable& t) : table(t) {}
  void leave(Slot /*s*/) override { left_at.push_back(table.now()); }
  ClientTable& table;
  std::vector<double> left_at;
};

// Retention never starts (not this module's).
struct NoSupport : Employment::Support {
  bool at_job_start(Slot /*s*/, unsigned /*number*/) override { return false; }
  void finish(Slot /*s*/, Count /*ending*/) override {}
};

struct Fixture : testing::ModuleWorld {
  Fixture() : ModuleWorld(testing::small_model(), kHorizon) {
    params.activities[0].duration_days = core::Distribution::fixed(kFirst);
    params.activities[1].duration_days = core::Distribution::fixed(kSecond);
    params.activities[0].dropout_after = 0.0;
    params.activities[1].dropout_after = 0.0;
    params.activities[0].allowance_per_week = kAllowance;
    params.parcours.allowance_statuses = {true, true, true};
    params.parcours.dropout = Hazard{};
    params.parcours.school_share = 1.0;  // the plan's end is a return to school
  }
  void start() {
    table.indicators().set_activities({"first", "second"});
    ose = std::make_unique<OseServices>(table, params, kHorizon, false);
    parcours = std::make_unique<ParcoursProcess>(table, params, rules, *ose, false);
    accompaniment = std::make_unique<Accompaniment>(table, params, agents, *parcours);
    employment = std::make_unique<Employment>(table, params, rules, *ose, false);
    evaluation = std::make_unique<Evaluation>(table, params, rules, agents);
    ose->set_pathway(parcours.get());
    parcours->wire(&office, accompaniment.get(), employment.get(), evaluation.get());
    employment->wire(parcours.get(), &support);
    evaluation->set_pathway(parcours.get());
  }
  // A client evaluated once (conclusion B), whose Parcours starts now.
  Slot parcours_client(std::uint64_t id) {
    const ClientTable::Admission a = table.admit();
    ose->on_admit(a);
    accompaniment->on_admit(a);
    parcours->on_admit(a);
    Client& c = table[a.slot];
    c.number = static_cast<std::uint32_t>(id);
    c.evaluations = 1;
    parcours->start_parcours(a.slot);
    return a.slot;
  }
  [[nodiscard]] double total(double PeriodRecord::*field) const {
    double sum = 0.0;
    for (std::size_t q = 0; q < table.indicators().quarters(); ++q) {
      sum += table.indicators().record(q).*field;
    }
    return sum;
  }
  core::Resource agents{sim, 1};
  FakeOffice office{table};
  NoSupport support;
  std::unique_ptr<OseServices> ose;
  std::unique_ptr<ParcoursProcess> parcours;
  std::unique_ptr<Accompaniment> accompaniment;
  std::unique_ptr<Employment> employment;
  std::unique_ptr<Evaluation> evaluation;
};

TEST(ParcoursProcess, ThePlansActivitiesRunInOrderThenItsOutcomeEndsIt) {
  // Rules P2, P6, P7: kFirst then kSecond days; the allowance for the first's weeks; back to
  // school at the plan's end, and out of the system.
  Fixture f;
  f.start();
  f.parcours_client(1);
  EXPECT_EQ(f.parcours->active(0), 1);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kActivitiesCompleted), 2U);
  EXPECT_EQ(f.counted(Count::kParcoursEndedSchool), 1U);
  EXPECT_EQ(f.table.events_of(kActivityEnd), 2U);
  ASSERT_EQ(f.office.left_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.office.left_at[0], kFirst + kSecond);
  EXPECT_DOUBLE_EQ(f.total(&PeriodRecord::allowance_paid), kAllowance * kFirst / 7.0);
  EXPECT_EQ(f.parcours->active(0), 0);
}

TEST(ParcoursProcess, AnOpenParcoursIsClosedAtItsTime) {
  // Rule P7: closed kClosure days after its start, during the second activity (which pays
  // its allowance for the days it lasted, rule P6).
  Fixture f;
  f.params.parcours.closure_enabled = true;
  f.params.parcours.closure_days = core::Distribution::fixed(kClosure);
  f.params.activities[1].allowance_per_week = 2 * kAllowance;
  f.start();
  f.parcours_client(1);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kParcoursEndedClosure), 1U);
  EXPECT_EQ(f.counted(Count::kActivitiesCompleted), 1U);
  ASSERT_EQ(f.office.left_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.office.left_at[0], kClosure);
  EXPECT_DOUBLE_EQ(f.total(&PeriodRecord::allowance_paid),
                   kAllowance * kFirst / 7.0 + 2 * kAllowance * (kClosure - kFirst) / 7.0);
}

}  // namespace
}  // namespace parcours::model
