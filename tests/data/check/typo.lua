-- A scenario with one misspelt key, for the golden test of `parcours check`'s message.
scenario { name = "typo", start = "2025-04-01", years = 1, seed = 7 }
arrivals { per_year = 2000, convened_share = 0.5 }
population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, limiting_age = 45 }
evaluation {
  agnets = 2,
  interview_hours = 1.5,
  conclusion_shares = { A = 0.5, B = 0.5 },
}
activity { name = "club", duration_weeks = 3 }
parcours { plan = { "club" }, followup_months = 3 }
job_search { after_parcours = { family = "constant", rate_per_week = 0.1 }, autonomous = { family = "constant", rate_per_week = 0.1 } }
