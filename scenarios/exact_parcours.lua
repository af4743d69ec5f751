-- A Parcours with constant hazards only, for `parcours analytic` (docs/experiments.md): every
-- duration in the plan is exponential and no policy hook changes the Parcours client by
-- client, so it is an absorbing Markov chain whose exact outcome shares the simulation must
-- reproduce. 20,000 clients arrive in the first year; the five years after let every Parcours
-- end, so the simulated shares are not cut short by the horizon.

scenario { name = "exact_parcours", start = "2025-04-01", years = 6, seed = 20250401 }
arrivals { count = 20000, over_weeks = 52, convened_share = 0.6 }
population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, limiting_age = 45 }
evaluation {
  agents = 40,
  interview_hours = { dist = "exponential", mean = 1.5 },
  conclusion_shares = { A = 0.35, B = 0.50, C = 0.05, D = 0.10 },
  specialised_delay_weeks = 6,
}
activity { name = "club_recherche_emploi", duration_weeks = { dist = "exponential", mean = 3 },
           dropout_after = 0.05 }
activity { name = "groupe_d", duration_weeks = { dist = "exponential", mean = 12 },
           dropout_after = 0.10, referral_weeks = { dist = "exponential", mean = 3 } }
parcours {
  plan = { "groupe_d", "club_recherche_emploi" },
  dropout = { family = "constant", rate_per_week = 0.0125 },
  school_share = 0.05,
  other_measure_share = 0.05,
  closure_weeks = { dist = "exponential", mean = 104 },
  followup_months = 12,
}
job_search {
  after_parcours = { family = "constant", rate_per_week = 0.08 },
  autonomous = { family = "weibull", shape = 1.2, scale_weeks = 12 },  -- not in the chain
}
