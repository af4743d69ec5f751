-- Baseline scenario: Québec's public employment services, thin first slice.
--
-- Every number below is a parameter with its unit and the rule it serves (IDs from
-- shared/domain/RULES.md). "Source:" names a published figure (BASELINE_DATA.md or a seed
-- document); "Assumption:" marks a placeholder with no published figure yet, to be replaced
-- with a region's own data. `parcours check --parameters` lists every key.

scenario {
  name  = "baseline",
  start = "2025-04-01",  -- first day of fiscal year 2025-2026
  years = 3,             -- years simulated
  seed  = 20250401,      -- base of every random stream (--seed overrides)
}

-- Rule E1: arrivals at the employment office.
arrivals {
  -- clients/year. Source: about 5,000-6,100 new household admissions to last-resort
  -- assistance a month in 2018-19 (5,397 in March 2019), i.e. ~65,000 a year.
  per_year = 65000,
  -- relative weight per month, January first. Assumption: flat until monthly data is in.
  seasonality = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
  -- probability a client was convened after screening (repérage) rather than coming on
  -- their own. Assumption.
  convened_share = 0.6,
}

-- Rules D1-D3, E3, E4: who arrives. Each characteristic's margin (data/population_margins.csv,
-- with the source of every figure in its last column) and the correlations of their latent
-- normals (data/population_correlation.csv), joined by a Gaussian copula. To use a
-- client-level extract instead: sample = csv "data/my_clients.csv" (columns named after
-- the attributes, listed in docs/scenarios.md).
population {
  margins = csv "data/population_margins.csv",
  correlation = csv "data/population_correlation.csv",
  regions = { "Montréal", "Capitale-Nationale", "Autres régions" },
  -- What makes a characteristic limiting (rule D1). Source: seed 001, "cumul de temps à
  -- l'aide de 4 ans et plus" (48 months) and "être âgé de 45 ans et plus".
  limiting_assistance_months = 48,
  limiting_age = 45,
  -- "absence prolongée du marché du travail": no length given. Assumption: 24 months.
  limiting_out_of_work_months = 24,
}

-- Rules E2, E5, E7: the evaluation interview (EEAE) by employment-assistance agents.
evaluation {
  -- agents (AAE) on duty for interviews and accompaniment contacts while the office is open.
  -- Assumption: sized for ~80 % utilisation of their open hours.
  agents = 130,
  -- opening days and hours of the office (E2: the agents' working hours). Assumption:
  -- weekdays, 8:30 to 16:30.
  open_days = { "mon", "tue", "wed", "thu", "fri" },
  open_hours = { 8.5, 16.5 },
  -- hours of agent time per meeting. Assumption.
  interview_hours = { dist = "lognormal", mean = 1.5, sd = 0.5 },
  -- probability of a second meeting, "exceptionally" (rule E2). Assumption.
  second_meeting_probability = 0.05,
  -- probability a client refuses services or disagrees, so the evaluation cannot be
  -- completed; and the share of those without a valid reason, referred to a compliance
  -- agent (rule E6). Assumption.
  refusal_probability = 0.03,
  refusal_without_reason_share = 0.5,
  -- conclusions A (autonomous), B (Parcours), C (specialised evaluation), D (health and
  -- social services) when policy.conclusion does not decide (rule E5). Assumption.
  conclusion_shares = { A = 0.35, B = 0.50, C = 0.05, D = 0.10 },
  -- weeks from referral to the specialised evaluation's recommendation (E5, E7). Assumption.
  specialised_delay_weeks = { dist = "uniform", min = 4, max = 8 },
  -- conclusion D: probability of coming back for a new evaluation, and after how many weeks
  -- (E5, D4: distance changes over time). Assumption.
  referred_return_probability = 0.4,
  referred_return_weeks = { dist = "exponential", mean = 26 },
}

-- Rule P2: activities a plan can hold (services of seed 002; the full catalogue, hours and
-- costs come with the services and agreements work). These are SAE services: income support
-- is extra costs only, no allowance (rules P6, S5); extra_costs_per_week is in dollars a week,
-- an assumption for childcare and transport. (A PPE would add allowance_per_week, paid to the
-- statuses in parcours.allowance_statuses.)
activity {
  name = "club_recherche_emploi",            -- job-search club (rule S2)
  duration_weeks = 3,                        -- weeks. Source: seed 002, 3 weeks at 30 h/week
  dropout_after = 0.05,                      -- probability. Assumption.
  extra_costs_per_week = 25,
}
activity {
  name = "groupe_d",                         -- specialised services, Groupe D (rule S2)
  duration_weeks = { dist = "uniform", min = 8, max = 20 },  -- weeks. Assumption.
  dropout_after = 0.10,                      -- probability. Assumption.
  extra_costs_per_week = 25,
  success_probability = 0.85,  -- the follow-up finds it successful (P5). Assumption.
}
activity {
  name = "jeunes_18_29",                     -- specialised services for youth (rule S2)
  duration_weeks = 26,                       -- weeks. Source: seed 002, "usually 26 weeks"
  dropout_after = 0.10,                      -- probability. Assumption.
  extra_costs_per_week = 25,
}
activity {
  name = "stage_exploration",                -- exploration internship (rule S3)
  duration_weeks = { dist = "uniform", min = 1, max = 4 },  -- weeks. Source: seed 002, at most 4
  dropout_after = 0.05,                      -- probability. Assumption.
  extra_costs_per_week = 25,
}

-- Rules P1, P2, P7, D6: the Parcours.
parcours {
  plan = { "groupe_d", "club_recherche_emploi" },  -- default plan, when policy.plan is unset
  -- abandonment hazard from the Parcours start (D6): constant, weibull (shape < 1: falling
  -- with time) or piecewise by week. Assumption: 1.25 % a week (mean 80 weeks).
  dropout = { family = "constant", rate_per_week = 0.0125 },
  -- log hazard ratios by covariate (D5: risk grows with distance). Assumption: each limiting
  -- characteristic raises the dropout hazard by ~10 % (exp(0.1)).
  -- and each accompaniment contact a month lowers it by ~10 % (D6). Assumption.
  dropout_effects = { limiting_characteristics = 0.1, accompaniment = -0.1 },
  -- revisions of the plan after the follow-up finds an activity unsuccessful (P3, P5); the
  -- plan rule is asked again (client.revisions tells it). Assumption.
  max_revisions = 2,
  -- at the end of the plan, probabilities of returning to school or going on to another
  -- measure rather than searching for a job (P7). Assumption.
  school_share = 0.05,
  other_measure_share = 0.05,
  -- weeks after which a Parcours still open is closed (P7). Assumption: two years.
  closure_weeks = 104,
  -- months after a Parcours ends in which a job counts as its result. Source: seed 004,
  -- "en emploi 0-3 mois après la fin" (M13).
  followup_months = 3,
}

-- Job finding as hazards from the start of the search (per week), scaled by effects.
job_search {
  after_parcours = { family = "constant", rate_per_week = 1 / 12 },  -- P7. Assumption.
  autonomous = { family = "constant", rate_per_week = 1 / 10 },      -- E5, A. Assumption.
  -- on one's own after abandoning or closing a Parcours (P7). Assumption: slower.
  after_exit = { family = "constant", rate_per_week = 1 / 40 },
  -- log hazard ratios (E4, D2): distance slows job finding. Assumption.
  effects = { limiting_characteristics = -0.15 },
}

-- Rules P4, D5, D6: accompaniment during the Parcours, at a frequency set by need.
accompaniment {
  -- weeks between contacts, by distance (D2: near = up to two limiting characteristics).
  -- Source: seed 000, "un contact téléphonique dans un mois ou deux" for an autonomous client,
  -- "une entrevue dès la semaine suivante" for one in difficulty; 6 and 2 weeks here, an
  -- assumption within those words.
  interval_weeks = { near = 6, far = 2 },
  contact_hours = { dist = "lognormal", mean = 0.75, sd = 0.25 },  -- agent hours. Assumption.
  agent_share = 0.6,  -- probability the agent makes the contact, else an OSE (P4). Assumption.
}

-- Rules M1-M3 (thin slice: decision and contacts; plans, phases and hours come later).
retention {
  share = 0.12,                 -- probability. Source: seed 004, "about 10-15 %" (M1)
  contacts = 8,                 -- contacts. Source: seed 004, 12-32 h over 15-20 weeks (M2)
  contact_interval_weeks = 2,   -- weeks between contacts (8 x 2 = 16 weeks, M2)
}

-- Decision rules. Lua runs only here, at decision points.

-- Rule E5 with D2: up to two limiting characteristics, people leave assistance fairly well
-- on their own; three or more compromise the return to work.
policy.conclusion = function(client)
  if client.after_specialised_evaluation then
    return math.random() < 0.7 and "B" or "D"   -- probability. Assumption.
  end
  local u = math.random()
  if client.limiting_characteristics <= 2 then
    if u < 0.50 then return "A" elseif u < 0.93 then return "B"
    elseif u < 0.97 then return "C" else return "D" end   -- shares. Assumption.
  end
  if u < 0.10 then return "A" elseif u < 0.70 then return "B"
  elseif u < 0.80 then return "C" else return "D" end     -- shares. Assumption.
end

-- Rule P2: youth 18-29 go to the youth services; people further from the labour market get
-- Groupe D before the job-search club.
policy.plan = function(client)
  if client.age < 30 then return { "jeunes_18_29", "club_recherche_emploi" } end
  if client.limiting_characteristics >= 3 then
    return { "stage_exploration", "groupe_d", "club_recherche_emploi" }
  end
  return { "club_recherche_emploi" }
end
