// The evaluation module alone (rules E2, E5, E7): a client table, a simulation, the agents,
// scripted decisions and a stand-in for the Parcours. Interviews take the agent's time one
// after another; a client referred out comes back after the return delay for a second
// evaluation; specialised evaluations take their evaluators' capacity and delay; a major event
// interrupts the step and the decision after it is the Parcours's to carry out.

#include "model/evaluation.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/resource.hpp"
#include "core/simulation.hpp"
#include "model/decision_rules.hpp"
#include "support/model_parameters.hpp"

namespace parcours::model {
namespace {

constexpr double kHorizon = 1000.0;    // days
constexpr double kInterview = 0.5;     // days of agent time
constexpr double kReturn = 60.0;       // days before a referred client comes back (E5, D)
constexpr double kSpecialised = 28.0;  // days of a specialised evaluation (E5, C; E7)

// Decisions in the order the test scripts them.
struct ScriptedRules : DecisionRules {
  std::deque<Conclusion> conclusions;
  AfterMajorEvent after = AfterMajorEvent::kContinue;
  Conclusion conclusion(const Client& /*c*/, const Profile& /*p*/,
                        core::RandomStream& /*rng*/) override {
    const Conclusion next = conclusions.front();
    conclusions.pop_front();
    return next;
  }
  void plan(const Client& /*c*/, const Profile& /*p*/, core::RandomStream& /*rng*/,
            std::vector<std::uint8_t>& /*activities*/) override {}
  bool drops_out_after(const Client& /*c*/, const Profile& /*p*/, std::uint8_t /*activity*/,
                       core::RandomStream& /*rng*/) override {
    return false;
  }
  RetentionDecision retention(const Client& /*c*/, const Profile& /*p*/,
                              core::RandomStream& /*rng*/) override {
    return RetentionDecision::kNone;
  }
  AfterMajorEvent after_major_event(const Client& /*c*/, const Profile& /*p*/,
                                    core::RandomStream& /*rng*/) override {
    return after;
  }
};

// What the Parcours and the office would do: records what was asked, and when.
struct FakePathway : Evaluation::Pathway {
  explicit FakePathway(ClientTable& t) : table(t) {}
  void search_alone(Slot /*s*/) override { alone_at.push_back(table.now()); }
  void start_parcours(Slot s) override {
    table[s].in_parcours = true;
    parcours_at.push_back(table.now());
  }
  void interrupt_step(Slot /*s*/) override { ++interrupted; }
  void revise_plan(Slot /*s*/) override { ++revised; }
  void close_parcours(Slot s) override { table[s].in_parcours = false; }
  void continue_plan(Slot /*s*/) override { continued_at.push_back(table.now()); }
  void leave(Slot /*s*/) override { ++left; }
  ClientTable& table;
  std::vector<double> alone_at;
  std::vector<double> parcours_at;
  std::vector<double> continued_at;
  int interrupted = 0;
  int revised = 0;
  int left = 0;
};

struct Fixture {
  Fixture() : params(testing::small_model()) {
    EvaluationParameters& e = params.evaluation;
    e.agents = 1;
    e.interview_days = core::Distribution::fixed(kInterview);
    e.second_meeting_probability = 0.0;
    e.refusal_probability = 0.0;
    e.referred_return_probability = 1.0;
    e.referred_return_days = core::Distribution::fixed(kReturn);
    e.specialised_delay_days = core::Distribution::fixed(kSpecialised);
    e.specialised_evaluators = 1;
  }
  void start() {
    evaluation = std::make_unique<Evaluation>(table, params, rules, agents);
    evaluation->set_pathway(&pathway);
  }
  Slot add_client(std::uint64_t id) {
    const Slot s = table.admit().slot;
    table[s].number = static_cast<std::uint32_t>(id);
    return s;
  }
  [[nodiscard]] std::uint64_t counted(Count c) const {
    return table.indicators().record(0).counts[static_cast<std::size_t>(c)];
  }
  ModelParameters params;
  ScriptedRules rules;
  core::Simulation sim;
  core::Calendar calendar{params.horizon.model_start()};
  ClientTable table{sim, calendar, kHorizon, {}};
  core::Resource agents{sim, 1};
  FakePathway pathway{table};
  std::unique_ptr<Evaluation> evaluation;
};

TEST(EvaluationModule, InterviewsTakeTheAgentsTimeOneAfterAnother) {
  // Rule E2: one agent, three clients at day 0; each interview takes kInterview days.
  Fixture f;
  f.rules.conclusions = {Conclusion::kAutonomous, Conclusion::kParcours, Conclusion::kAutonomous};
  f.start();
  for (std::uint64_t id = 1; id <= 3; ++id) f.evaluation->join_agent_queue(f.add_client(id));
  f.sim.run(kHorizon);
  ASSERT_EQ(f.pathway.alone_at.size(), 2U);
  EXPECT_DOUBLE_EQ(f.pathway.alone_at[0], kInterview);
  EXPECT_DOUBLE_EQ(f.pathway.alone_at[1], 3 * kInterview);
  ASSERT_EQ(f.pathway.parcours_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.parcours_at[0], 2 * kInterview);
  EXPECT_EQ(f.counted(Count::kInterviews), 3U);
  EXPECT_EQ(f.counted(Count::kConclusionA), 2U);
  EXPECT_EQ(f.counted(Count::kConclusionB), 1U);
}

TEST(EvaluationModule, AReferredClientComesBackForASecondEvaluation) {
  // Rule E5, D: referred out after the first interview, back kReturn days later, evaluated
  // again (rule D4: a second evaluation), then conclusion A.
  Fixture f;
  f.rules.conclusions = {Conclusion::kNotNow, Conclusion::kAutonomous};
  f.start();
  const Slot s = f.add_client(1);
  f.evaluation->join_agent_queue(s);
  f.sim.run(kHorizon);
  EXPECT_EQ(f.counted(Count::kReferredReturns), 1U);
  ASSERT_EQ(f.pathway.alone_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.alone_at[0], kInterview + kReturn + kInterview);
  EXPECT_EQ(f.table[s].evaluations, 2);
}

TEST(EvaluationModule, SpecialisedEvaluationsTakeTheirEvaluatorsCapacity) {
  // Rule E5, C: one specialised evaluator; two clients concluded C at 0.5 and 1 day; the
  // second waits for the first's kSpecialised days, then the agent concludes B.
  Fixture f;
  f.rules.conclusions = {Conclusion::kSpecialised, Conclusion::kSpecialised, Conclusion::kParcours,
                         Conclusion::kParcours};
  f.start();
  f.evaluation->join_agent_queue(f.add_client(1));
  f.evaluation->join_agent_queue(f.add_client(2));
  f.sim.run(kHorizon);
  ASSERT_EQ(f.pathway.parcours_at.size(), 2U);
  EXPECT_DOUBLE_EQ(f.pathway.parcours_at[0], kInterview + kSpecialised);
  EXPECT_DOUBLE_EQ(f.pathway.parcours_at[1], kInterview + 2 * kSpecialised);
  EXPECT_EQ(f.counted(Count::kSpecialisedEvaluations), 2U);
}

TEST(EvaluationModule, AMajorEventInterruptsTheStepAndTheDecisionFollows) {
  // Rule E7: a major event during the Parcours's step; the specialised evaluation takes
  // kSpecialised days; then the plan is revised and goes on.
  Fixture f;
  f.rules.after = AfterMajorEvent::kRevise;
  f.start();
  const Slot s = f.add_client(1);
  f.table[s].in_parcours = true;
  f.table[s].stage = Stage::kInActivity;
  f.sim.schedule_at(10.0, f.evaluation->major_event(s));
  f.sim.run(kHorizon);
  EXPECT_EQ(f.pathway.interrupted, 1);
  EXPECT_EQ(f.pathway.revised, 1);
  ASSERT_EQ(f.pathway.continued_at.size(), 1U);
  EXPECT_DOUBLE_EQ(f.pathway.continued_at[0], 10.0 + kSpecialised);
  EXPECT_EQ(f.counted(Count::kMajorEvents), 1U);
  EXPECT_EQ(f.counted(Count::kMajorEventEvaluations), 1U);
  EXPECT_EQ(f.counted(Count::kMajorEventRevisions), 1U);
  EXPECT_EQ(f.counted(Count::kSpecialisedEvaluations), 0U);  // not a conclusion C
}

}  // namespace
}  // namespace parcours::model
