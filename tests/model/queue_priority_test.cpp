// Rules D3, D5: a client's priority level, and the agents' queue served by it.
#include "model/queue_priority.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/simulation.hpp"
#include "model/world.hpp"
#include "support/world_run.hpp"

namespace parcours::model {
namespace {

TEST(QueuePriority, TheLevelIsTheFirstGroupOfTheOrderTheClientBelongsTo) {
  PriorityParameters p;
  p.order = {PriorityGroup::kFar, PriorityGroup::kDisability, PriorityGroup::kAged45Plus,
             PriorityGroup::kYouth};
  p.older_from_age = 45;
  p.youth_below_age = 30;
  Profile someone;
  someone.age = 35;
  EXPECT_EQ(priority_level(p, someone, 2), 4U);  // in no group: last
  EXPECT_EQ(priority_level(p, someone, 3), 0U);  // far (rule D2's 3+)
  someone.disability = true;
  EXPECT_EQ(priority_level(p, someone, 0), 1U);
  EXPECT_EQ(priority_level(p, someone, 5), 0U);  // the first group wins
  someone.disability = false;
  someone.age = 45;
  EXPECT_EQ(priority_level(p, someone, 0), 2U);
  someone.age = 44;
  EXPECT_EQ(priority_level(p, someone, 0), 4U);
  someone.age = 29;
  EXPECT_EQ(priority_level(p, someone, 0), 3U);
  someone.age = 30;
  EXPECT_EQ(priority_level(p, someone, 0), 4U);
  EXPECT_EQ(priority_level(PriorityParameters{}, someone, 8), 0U);  // no order: all alike
  for (std::string_view name : priority_group_names()) {
    ASSERT_TRUE(priority_group_named(name)) << name;
  }
  EXPECT_FALSE(priority_group_named("women"));
}

// Accompaniment contacts made per Parcours started, by distance group ("0-2", "3+").
std::map<std::string, double> contacts_per_parcours(const ModelParameters& params) {
  core::Simulation sim(core::StreamKey{params.horizon.seed, 0});
  ParametricRules rules(params);
  World world(sim, params, rules);
  world.run();
  std::map<std::string, double> contacts;
  std::map<std::string, double> started;
  const GroupLabels& labels = world.indicators().group_labels();
  for (const IndicatorValue& v : world.indicators().quarterly_values()) {
    if (labels[v.group].first != "distance") continue;
    if (v.indicator == "accompaniment_contacts") contacts[labels[v.group].second] += v.value;
    if (v.indicator == "parcours_started") started[labels[v.group].second] += v.value;
  }
  for (auto& [group, n] : contacts) n /= started.at(group);
  return contacts;
}

TEST(QueuePriority, FarClientsContactsGoFirstWhenAgentsAreScarce) {  // rules D3, D5, P4
  // Everyone in a 70-day activity with a contact a week by the agent (10 due): about 770 in a
  // Parcours at once want 110 contacts a day; ten agents at 6 hours a contact make 40. The far
  // (about 16 %) want 17 a day: with them first (D5) theirs are nearly all made and the near
  // get the rest; first come, first served, both get the same share.
  ModelParameters p = parcours::testing::everyone_in_parcours(4000, 2);
  p.evaluation.agents = 10;
  p.evaluation.interview_days = core::Distribution::fixed(0.01);
  p.activities = {parcours::testing::activity("ten_weeks", core::Distribution::fixed(70.5), 0)};
  p.parcours.default_plan = {0};
  p.parcours.dropout = Hazard::none();
  p.parcours.school_share = 1.0;
  p.retention.share = 0;
  p.accompaniment.enabled = true;
  p.accompaniment.interval_days = {7, 7};
  p.accompaniment.contact_days = core::Distribution::fixed(0.25);
  p.accompaniment.agent_share = 1.0;
  const std::map<std::string, double> fifo = contacts_per_parcours(p);
  EXPECT_LT(fifo.at("3+"), 9.0);  // agents are short: contacts are missed
  EXPECT_NEAR(fifo.at("3+"), fifo.at("0-2"), 0.5);
  p.priority.order = {PriorityGroup::kFar};
  p.priority.agents = true;
  const std::map<std::string, double> first = contacts_per_parcours(p);
  EXPECT_GT(first.at("3+"), fifo.at("3+") + 1.0);
  EXPECT_LT(first.at("0-2"), fifo.at("0-2"));
  // The organisations' order alone does not touch the agents' queue.
  p.priority.agents = false;
  p.priority.organisations = true;
  EXPECT_NEAR(contacts_per_parcours(p).at("3+"), fifo.at("3+"), 1e-9);
}

}  // namespace
}  // namespace parcours::model
