#include "experiment/analytic.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "experiment/replication.hpp"
#include "io/input_error.hpp"
#include "model/parcours_chain.hpp"
#include "policy/lua_sandbox.hpp"
#include "support/world_run.hpp"

namespace parcours::experiment {
namespace {

// Every duration of the Parcours exponential, every hazard constant, everyone concluded B,
// and 20,000 clients arriving in the first year of six: every Parcours ends within the run.
const std::string kExact =
    R"(scenario { name = "exact", start = "2025-04-01", years = 6, seed = 7 }
arrivals { count = 20000, over_weeks = 52, convened_share = 0.5 }
population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, limiting_age = 45 }
evaluation { agents = 40, interview_hours = { dist = "exponential", mean = 1.5 },
             conclusion_shares = { A = 0, B = 1, C = 0, D = 0 } }
activity { name = "club", duration_weeks = { dist = "exponential", mean = 3 }, dropout_after = 0.1 }
activity { name = "groupe_d", duration_weeks = { dist = "exponential", mean = 10 },
           referral_weeks = { dist = "exponential", mean = 2 } }
parcours { plan = { "groupe_d", "club" }, dropout = { family = "constant", rate_per_week = 0.02 },
           followup_months = 3, school_share = 0.05, other_measure_share = 0.08,
           closure_weeks = { dist = "exponential", mean = 60 } }
job_search { after_parcours = { family = "constant", rate_per_week = 0.125 },
             autonomous = { family = "constant", rate_per_week = 0.125 } }
)";

RunSettings settings(const std::string& text) {
  RunSettings s;
  s.source = policy::ScenarioSource{"exact.lua", text, {}, false};
  return s;
}

ParcoursAnalysis analyse(const std::string& text) {
  policy::LuaSandbox sandbox;
  sandbox.set_print_enabled(false);
  return analyse_parcours(policy::load_scenario(sandbox, settings(text).source, {}), "exact.lua");
}

std::string error_of(const std::string& text) {
  try {
    analyse(text);
  } catch (const io::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(Analytic, TheSimulationAgreesWithTheChainOfTheScenario) {  // rules P2, P7, P8, D6
  const ParcoursAnalysis exact = analyse(kExact);
  EXPECT_EQ(exact.plan, (std::vector<std::string>{"groupe_d", "club"}));
  const ReplicationResult run = run_replication(settings(kExact), 0);
  double started = 0;
  double active_at_end = 0;
  std::map<std::string, double> ended;
  for (const model::IndicatorValue& v : run.yearly) {
    if (v.group != 0) continue;
    const std::string name(v.indicator);
    if (name == "parcours_started") started += v.value;
    if (name.rfind("parcours_ended_", 0) == 0) ended[name.substr(15)] += v.value;
    if (name == "parcours_active_end") active_at_end = v.value;  // the last year's
  }
  ASSERT_EQ(started, 20000);
  ASSERT_EQ(active_at_end, 0) << "a Parcours still open would bias the shares";
  double total = 0;
  for (const std::string& outcome : parcours_outcomes()) {
    const double p = exact.solution.probability(model::kChainStart, outcome);
    total += p;
    EXPECT_GT(p, 0.02) << outcome << ": every outcome is exercised";
    parcours::testing::expect_share(ended.at(outcome), started, p, outcome);
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(Analytic, RefusesHooksThatChangeTheParcoursClientByClient) {
  EXPECT_NE(error_of(kExact + "policy.dropout_multiplier = function(c) return 2 end\n")
                .find("exact.lua: policy.dropout_multiplier makes the Parcours differ"),
            std::string::npos);
  // A conclusion hook acts before the Parcours: still exact.
  EXPECT_NO_THROW(analyse(kExact + "policy.conclusion = function(c) return 'B' end\n"));
}

TEST(Analytic, RefusesHazardsThatAreNotConstant) {
  std::string weibull = kExact;
  weibull.replace(weibull.find("family = \"constant\", rate_per_week = 0.02"), 41,
                  "family = \"weibull\", shape = 0.8, scale_weeks = 40");
  EXPECT_NE(error_of(weibull).find("exact.lua: no exact answer: parcours.dropout must be a "
                                   "constant hazard"),
            std::string::npos)
      << error_of(weibull);
}

}  // namespace
}  // namespace parcours::experiment
