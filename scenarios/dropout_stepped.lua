-- Researchers' variant: the baseline with a dropout hazard PIECEWISE by quarter (rule D6):
-- 2.5 % a week in the first 13 weeks, 1.25 % in the next 13, 0.625 % from week 26 on.
-- Same cumulative hazard at one year as the baseline (13 x 0.025 + 13 x 0.0125 + 26 x
-- 0.00625 = 0.65), for comparing the shape of abandonment with the shape held fixed.
base "baseline.lua"

scenario { name = "dropout_stepped" }

parcours {
  dropout = { family = "piecewise", rates_per_week = { 0.025, 0.0125, 0.00625 }, step_weeks = 13 },
}
