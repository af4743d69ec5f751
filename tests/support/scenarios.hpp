#pragma once
// Small scenario texts for tests: complete and valid, so each test changes only what it is
// about. Line numbers matter to tests that check error positions: keep the layout.

#include <gtest/gtest.h>

#include <string>

namespace parcours::testing {

inline const std::string kSmallScenario =
    R"(scenario { name = "small", start = "2025-04-01", years = 1, seed = 7 }
arrivals { per_year = 2000, convened_share = 0.5 }
population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, limiting_age = 45 }
evaluation {
  agents = 2,
  interview_hours = { dist = "exponential", mean = 1.5 },
  conclusion_shares = { A = 0.3, B = 0.5, C = 0.1, D = 0.1 },
  specialised_delay_weeks = 4,
  referred_return_probability = 0.5,
  referred_return_weeks = 10,
}
activity { name = "club", duration_weeks = 3, dropout_after = 0.1 }
activity { name = "groupe_d", duration_weeks = { dist = "uniform", min = 8, max = 12 } }
parcours { plan = { "groupe_d", "club" }, dropout = { family = "constant", rate_per_week = 0.02 }, followup_months = 3 }
job_search { after_parcours = { family = "constant", rate_per_week = 0.125 }, autonomous = { family = "weibull", shape = 1.2, scale_weeks = 6 } }
retention { share = 0.12, hours = 20, weeks = 16 }
)";

/// kSmallScenario's "club" (line 12), to redefine on one line so that errors stay at line 12.
inline const std::string kSmallScenarioClub =
    "activity { name = \"club\", duration_weeks = 3, dropout_after = 0.1 }";

/// `text` with the first `from` replaced by `to`; a test fails if `from` is not there.
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

}  // namespace parcours::testing
