-- Researchers' variant: the baseline with a DECREASING dropout hazard (rule D6).
-- Same cumulative hazard at one year as the baseline's constant 1.25 % a week
-- (H(52 weeks) = 0.65, so 1 - exp(-0.65) = 48 % of Parcours that would otherwise stay open
-- are abandoned in their first year), but front-loaded: a Weibull of shape 0.7 (< 1 means falling with time).
--
--   parcours run scenarios/baseline.lua -r 20 --out results/dropout_constant
--   parcours run scenarios/dropout_decreasing.lua -r 20 --out results/dropout_decreasing
--
-- `base` runs the baseline first; a section given again here overlays it key by key.
base "baseline.lua"

scenario { name = "dropout_decreasing" }

parcours {
  -- scale = 52 / 0.65^(1/0.7) = 96.2 weeks, so that (52 / scale)^0.7 = 0.65. Assumption.
  dropout = { family = "weibull", shape = 0.7, scale_weeks = 96.2 },
}
