-- Baseline scenario: Québec's public employment services, thin first slice.
--
-- Every number below is a parameter with its unit and the rule it serves (IDs of
-- docs/rules.md). "Source:" names a published figure (its publication, as in
-- scenarios/baseline_targets.csv) or a seed document; "Assumption:" marks a placeholder with
-- no published figure yet, to be replaced with a region's own data. `parcours check
-- --parameters` lists every key.

scenario {
  name  = "baseline",
  start = "2025-04-01",  -- first day of fiscal year 2025-2026
  years = 3,             -- years reported
  seed  = 20250401,      -- base of every random stream (--seed overrides)
  -- years simulated before start and not reported, so that the first reported year starts
  -- with a caseload in steady state (clients in the system at the end of 2025-2026 within
  -- 5 % of 2027-2028's; without it they climbed from about 37,000 to 58,000)
  warmup_years = 2,
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

-- Rules P2, S1-S5: the service catalogue, one activity each. Services of OSE have
-- referral_weeks (P8) and run under the agreements below (S6-S8). measure sets the income
-- support (S5): SAE pays extra costs only (extra_costs_per_week, dollars a week, an assumption
-- for childcare and transport) and stays under 180 hours; PPE adds an allowance
-- (allowance_per_week, paid to the statuses in parcours.allowance_statuses). Hours are per
-- participation: hours_direct received by the participant, hours_indirect of work about them.
activity {
  name = "club_recherche_emploi",            -- job-search club (rule S2)
  service_group = "job_search_club",
  measure = "SAE", delivery = "group",
  group_size = 10,                           -- participants per group. Assumption.
  duration_weeks = 3,                        -- weeks. Source: seed 002, 3 weeks at 30 h/week
  hours_direct = 90,                         -- hours. Source: seed 002, 3 weeks x 30 h
  hours_indirect = { dist = "uniform", min = 3, max = 8 },  -- hours. Assumption.
  followup_weeks = 26,                       -- Source: seed 002, "au plus 6 mois" after start
  -- a personalised follow-up until a job or the 26 weeks' end (S2), booked as the share of
  -- the window it ran. Assumption: 4-10 hours over the whole window.
  followup_hours = { dist = "uniform", min = 4, max = 10 },
  referral_weeks = { dist = "uniform", min = 1, max = 3 },  -- weeks (P8). Assumption.
  dropout_after = 0.05,                      -- probability. Assumption.
  extra_costs_per_week = 25,
}
activity {
  name = "groupe_d",                         -- specialised services, Groupe D (rule S2)
  service_group = "groupe_d",
  measure = "SAE",
  duration_weeks = { dist = "uniform", min = 8, max = 20 },  -- weeks. Assumption.
  -- hours: direct + indirect fall in the levels D1-D4 below (15-75 h). Assumption: spread
  -- evenly over them.
  hours_direct = { dist = "uniform", min = 12, max = 60 },
  hours_indirect = { dist = "uniform", min = 3, max = 15 },
  -- most hours of each intensity level. Source: seed 004, D1 15-30, D2 31-45, D3 46-60,
  -- D4 61-75 hours (rule M8).
  levels = { D1 = 30, D2 = 45, D3 = 60, D4 = 75 },
  referral_weeks = { dist = "uniform", min = 1, max = 4 },  -- weeks (P8). Assumption.
  dropout_after = 0.10,                      -- probability. Assumption.
  extra_costs_per_week = 25,
  success_probability = 0.85,  -- the follow-up finds it successful (P5). Assumption.
  -- a job found during the service ends it early (P7); the participant then continues in
  -- the same service with in-job support (seed 004: "poursuit dans le même service son
  -- accompagnement en emploi", M1). Assumption: as fast as a search on one's own
  -- (job_search.after_exit).
  job_during = { family = "constant", rate_per_week = 1 / 40 },
  disability_overhead = { dist = "uniform", min = 0, max = 6000 },  -- dollars (S7). Assumption.
}
activity {
  name = "jeunes_18_29",                     -- specialised services for youth (rule S2)
  service_group = "youth",
  measure = "SAE",
  min_age = 18, max_age = 29,                -- years. Source: seed 002, "jeunes de 18 à 29 ans"
  duration_weeks = 26,                       -- weeks. Source: seed 002, "usually 26 weeks"
  -- "peut être prolongée en fonction des besoins" (S2), without limit. Assumption: one in
  -- five is extended by 4-8 weeks, and again.
  extension_probability = 0.2,
  extension_weeks = { dist = "uniform", min = 4, max = 8 },
  hours_direct = { dist = "uniform", min = 20, max = 60 },  -- hours. Assumption.
  hours_indirect = { dist = "uniform", min = 5, max = 15 },  -- hours. Assumption.
  referral_weeks = { dist = "uniform", min = 1, max = 4 },  -- weeks (P8). Assumption.
  dropout_after = 0.10,                      -- probability. Assumption.
  extra_costs_per_week = 25,
  -- a job found during the service ends it early (P7); the participant then continues in
  -- the same service with in-job support (seed 004: "poursuit dans le même service son
  -- accompagnement en emploi", M1). Assumption: as fast as a search on one's own
  -- (job_search.after_exit).
  job_during = { family = "constant", rate_per_week = 1 / 40 },
  -- objectives (school, a project) reached before the 26 weeks end the service early (P5);
  -- the plan goes on. Assumption: 1 in 52 a week.
  early_success = { family = "constant", rate_per_week = 1 / 52 },
}
activity {
  name = "stage_exploration",                -- exploration internship (rule S3)
  service_group = "internship",
  measure = "SAE",
  duration_weeks = { dist = "uniform", min = 1, max = 4 },  -- weeks. Source: seed 002, at most 4
  hours_direct = { dist = "uniform", min = 4, max = 12 },  -- counsellor hours. Assumption.
  hours_indirect = 2,                        -- hours. Assumption.
  dropout_after = 0.05,                      -- probability. Assumption.
  extra_costs_per_week = 25,
}
activity {
  name = "ph1",                              -- specialised services, disabilities (rule S2)
  service_group = "ph1",
  measure = "SAE",
  disability_only = true,
  duration_weeks = { dist = "uniform", min = 12, max = 26 },  -- weeks. Assumption.
  hours_direct = { dist = "uniform", min = 20, max = 80 },  -- hours. Assumption.
  hours_indirect = { dist = "uniform", min = 5, max = 20 },  -- hours. Assumption.
  referral_weeks = { dist = "uniform", min = 1, max = 4 },  -- weeks (P8). Assumption.
  dropout_after = 0.10,                      -- probability. Assumption.
  extra_costs_per_week = 25,
  disability_overhead = { dist = "uniform", min = 2000, max = 12000 },  -- dollars (S7),
                                             -- capped by agreements.disability_overhead_limit
  -- a job found during the service ends it early (P7); the participant then continues in
  -- the same service with in-job support (seed 004: "poursuit dans le même service son
  -- accompagnement en emploi", M1). Assumption: as fast as a search on one's own
  -- (job_search.after_exit).
  job_during = { family = "constant", rate_per_week = 1 / 40 },
}
activity {
  name = "services_de_base",                 -- unit services: basic support (rule S1)
  service_group = "unit",
  measure = "SAE",
  duration_weeks = 2,                        -- weeks. Assumption.
  hours_direct = { dist = "uniform", min = 2, max = 6 },  -- hours. Assumption.
  hours_indirect = 1,                        -- hours. Assumption.
}
activity {
  name = "demarcheurs",                      -- Démarcheurs d'emploi (rule S4)
  service_group = "demarcheurs",
  measure = "SAE",
  -- Source: seed 002, "nouveaux demandeurs de l'aide financière de dernier recours, les
  -- participants au Programme objectif emploi et les réitérants" (rule S4). Assumption: a
  -- new applicant has at most 6 months on assistance; a re-entrant is back at the office.
  statuses = { "afdr" }, new_applicant_months = 6,
  duration_weeks = { dist = "uniform", min = 4, max = 12 },  -- weeks. Assumption.
  hours_direct = { dist = "uniform", min = 15, max = 40 },  -- hours. Assumption.
  hours_indirect = { dist = "uniform", min = 5, max = 15 },  -- hours. Assumption.
  -- Source: seed 002, "l'accompagner par la suite en emploi pendant une période de 12 mois"
  -- (S4), by the same service; its hours (direct + indirect) are an assumption.
  in_job_support_weeks = 52,
  in_job_support_hours = { dist = "uniform", min = 12, max = 32 },
  referral_weeks = { dist = "uniform", min = 1, max = 3 },  -- weeks (P8). Assumption.
  extra_costs_per_week = 25,
}
activity {
  name = "ppe",                              -- Projet de préparation à l'emploi (rule S5)
  service_group = "ppe",
  measure = "PPE", delivery = "group",
  group_size = 12,                           -- participants per group. Assumption.
  duration_weeks = { dist = "uniform", min = 12, max = 26 },  -- weeks. Assumption.
  -- hours: over 180, at least 20 a week for each participant. Source: seed 002 (rule S5).
  -- The fewest, 520, is 20 a week over the longest participation (26 weeks).
  hours_direct = { dist = "uniform", min = 520, max = 650 },
  hours_indirect = { dist = "uniform", min = 10, max = 30 },  -- hours. Assumption.
  referral_weeks = { dist = "uniform", min = 2, max = 6 },  -- weeks (P8). Assumption.
  allowance_per_week = 45,                   -- dollars a week. Assumption.
  extra_costs_per_week = 25,
  dropout_after = 0.10,                      -- probability. Assumption.
  -- a job found during the service ends it early (P7); the participant then continues in
  -- the same service with in-job support (seed 004: "poursuit dans le même service son
  -- accompagnement en emploi", M1). Assumption: as fast as a search on one's own
  -- (job_search.after_exit).
  job_during = { family = "constant", rate_per_week = 1 / 40 },
}
activity {
  name = "icte",                             -- integration with wage contribution (rule S5)
  service_group = "icte",
  measure = "ICTE",
  retention_included = true,                 -- a 10-12-week integration phase inside (M9)
  duration_weeks = 20,                       -- weeks. Source: seed 004, "maximum de 20 semaines"
  -- Source: seed 004, "une phase d'intégration à l'emploi avec ou sans contribution salariale
  -- (entre 10 et 12 semaines)" (M9): the job starts inside the 20 weeks.
  integration_weeks = { dist = "uniform", min = 10, max = 12 },
  -- Assumption: half the integration jobs carry a contribution of about half a full-time
  -- minimum wage, dollars a week, paid through the organisation ("gérée par l'OSE").
  wage_contribution_share = 0.5, wage_contribution_per_week = 275,
}
activity {
  name = "mfor_ee",                          -- training in a training enterprise (rule S5)
  service_group = "mfor_ee",
  measure = "MFOR-EE",
  retention_included = true,                 -- retention within the participation (M9)
  duration_weeks = 26,                       -- weeks. Assumption.
  allowance_per_week = 45,                   -- dollars a week. Assumption.
  extra_costs_per_week = 25,
}

activity {
  name = "groupe_me",                        -- Groupe ME, retention only (rules M2, M6, M7)
  service_group = "groupe_me",
  measure = "SAE",
  duration_weeks = { dist = "uniform", min = 15, max = 20 },  -- Source: seed 004 (M2)
  hours_direct = { dist = "uniform", min = 11, max = 22 },  -- Source: seed 004, 15-30 h in all
  hours_indirect = { dist = "uniform", min = 4, max = 8 },   -- (M2); the split is an assumption
}
activity {
  name = "demarcheurs_maintien",             -- Démarcheurs maintien (rule S4)
  service_group = "demarcheurs",             -- in-job support for AFDR recipients after another
  measure = "SAE",                           -- preparation service. Source: seed 002.
  statuses = { "afdr" },
  duration_weeks = { dist = "uniform", min = 15, max = 20 },  -- weeks. Assumption, as Groupe ME.
  hours_direct = { dist = "uniform", min = 11, max = 22 },  -- hours. Assumption, as Groupe ME.
  hours_indirect = { dist = "uniform", min = 4, max = 8 },
}
activity {
  name = "ph2_soutien",                      -- Groupe PH2, disabilities (rules M2, M7)
  service_group = "ph2",
  measure = "SAE",
  disability_only = true,
  duration_weeks = { dist = "uniform", min = 15, max = 20 },  -- Source: seed 004 (M2)
  hours_direct = { dist = "uniform", min = 11, max = 22 },
  hours_indirect = { dist = "uniform", min = 4, max = 8 },
}

-- Rules S6, M11: organisations (OSE), the services they offer with their places (slots:
-- participants at once) and waitlists (most clients waiting). Assumption: names are
-- placeholders and places are sized for about 85 % occupancy of the baseline's flows.
organisation {
  name = "OSE Montréal-Centre", region = "Montréal", non_profit = true,
  retention = true,                          -- offers retention within its services (M11)
  slots = { groupe_d = 850, club_recherche_emploi = 600, ph1 = 200 },
  waitlist = { groupe_d = 300, club_recherche_emploi = 200, ph1 = 60 },
  waiting_dropout_per_week = 0.02,           -- per week. Assumption.
}
organisation {
  name = "Carrefour jeunesse Montréal", region = "Montréal", non_profit = true,
  slots = { jeunes_18_29 = 1500 },
  waitlist = { jeunes_18_29 = 400 },
  waiting_dropout_per_week = 0.02,
}
organisation {
  name = "OSE Capitale", region = "Capitale-Nationale", non_profit = true,
  slots = { groupe_d = 260, club_recherche_emploi = 150, jeunes_18_29 = 450, ph1 = 60 },
  waitlist = { groupe_d = 100, club_recherche_emploi = 60, jeunes_18_29 = 120, ph1 = 20 },
  waiting_dropout_per_week = 0.02,
}
organisation {
  name = "OSE Régions", non_profit = true,   -- no region: serves every region (overflow too)
  retention = true,
  slots = { groupe_d = 1300, club_recherche_emploi = 850, jeunes_18_29 = 2400, ph1 = 270 },
  waitlist = { groupe_d = 400, club_recherche_emploi = 300, jeunes_18_29 = 600, ph1 = 80 },
  waiting_dropout_per_week = 0.02,
}
organisation {
  name = "Maintien emploi Québec", non_profit = true,  -- Groupe ME and PH2 in every region
  slots = { groupe_me = 400, ph2_soutien = 80, demarcheurs_maintien = 150 },
}
organisation {
  name = "Groupe conseil Régions", region = "Autres régions",  -- a for-profit firm
  slots = { groupe_d = 350 },
  waitlist = { groupe_d = 100 },
  waiting_dropout_per_week = 0.02,
}

-- The services of the catalogue beyond the specialised ones, province-wide (issue 12): PPE,
-- ICTE, Démarcheurs and the unit services by one network of OSE, MFOR-EE by the training
-- enterprises. Assumption: places sized like the others, for about 85 % occupancy of the
-- baseline's flows (starts a year times weeks in the service).
organisation {
  name = "Réseau des OSE du Québec", non_profit = true,  -- no region: serves every region
  slots = { ppe = 1500, icte = 1250, demarcheurs = 760, services_de_base = 360 },
  waitlist = { ppe = 380, icte = 310, demarcheurs = 190, services_de_base = 90 },
  waiting_dropout_per_week = 0.02,
}
organisation {
  name = "Entreprises d'insertion du Québec", non_profit = true,  -- training enterprises
  slots = { mfor_ee = 2350 },
  waitlist = { mfor_ee = 590 },
  waiting_dropout_per_week = 0.02,
}

-- Rules S6-S8: agreements, one row each (data/agreements.csv: organisation, service, dates
-- of the agreement year or years, funding mode, hourly cost, overhead share and ceiling for
-- actual costs) and their targets and fixed prices by intensity level
-- (data/agreement_levels.csv).
agreements {
  rows = csv "data/agreements.csv",
  levels = csv "data/agreement_levels.csv",
  -- dollars per participant with a disability. Source: seed 002, "jusqu'à 10 000 $" (S7).
  disability_overhead_limit = 10000,
}

-- Rule P7: income support paid while clients are in the system and out of work, and the
-- savings when a job ends it. Source: average yearly cost of last-resort assistance per
-- recipient about $7,300 and of employment insurance about $11,000 (RSSMO study,
-- 2014-15). Clients with neither receive nothing from these programs.
income_support {
  afdr_per_year = 7300,                      -- dollars a year per recipient. Source: above
  ei_per_year = 11000,                       -- dollars a year per claimant. Source: above
  none_per_year = 0,                         -- dollars a year
  -- months of support a job saves, from its start (gross: job losses after it are not
  -- netted out). Assumption: one year, the horizon budget staff report savings over.
  savings_months = 12,
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
  -- a major event during an activity, after which the agent cannot tell whether the client can
  -- go on: a specialised evaluation inside the Parcours (E7; seed 000, 2.2: "dans des
  -- situations plus rares [...] si un évènement majeur survenait pendant la participation").
  -- Rate: assumption, rare (about 1 in 500 a week, ~4 % of 20 weeks of activities).
  major_event = { family = "constant", rate_per_week = 0.002 },
  -- on the recommendation: go on with the plan, revise it, or stop (referred to a resource
  -- suited to the client's needs, as conclusion D). Assumption.
  after_major_event = { continue = 0.5, revise = 0.3, stop = 0.2 },
  -- statuses paid the allowance of PPE and MFOR-EE (rules P6, S5). Seed 000 says the
  -- allowance depends on "le statut de la personne et la mesure convenue" without naming the
  -- statuses. Assumption: last-resort assistance recipients and clients without income
  -- support; employment insurance claimants keep their benefits during the measure.
  allowance_statuses = { "afdr", "none" },
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
  -- agent hours to take in an OSE's report of its contact: the OSE "doit rétro informer
  -- l'agent du CLE en tant que gestionnaire du Parcours" (seed 000, 3.1). Hours: assumption.
  report_hours = { dist = "lognormal", mean = 0.25, sd = 0.1 },
}

-- Rules D3, D5: who is accompanied first, in the agents' queue (contacts, OSE reports) and in
-- the organisations' waitlists. Source: seed 003, "les personnes en provenance des groupes
-- défavorisés [...] devraient être accompagnées en priorité" (its note 11 names persons with
-- disabilities, immigrants, persons with a judicial record, workers over 45, women and youth in
-- difficulty) and priority to "populations à risques d'interrompre leur participation" (far:
-- 3+ limiting characteristics, D2). The seeds give no order among the groups: the at-risk
-- first, then note 11's order, is an assumption.
priority {
  order = { "far", "disability", "immigrant", "judicial_record", "aged_45_plus", "female", "youth" },
  agents = true,
  organisations = true,
  older_from_age = 45,   -- Source: seed 003, "travailleurs âgés de plus de 45 ans"
  youth_below_age = 30,  -- Source: seed 002, youth services for ages 18-29
}

-- Rules M1-M13: job retention support ("maintien en emploi") and how long jobs last.
retention {
  -- probability that a participant of an SAE, PPE, ICTE or MFOR-EE service (not the office's
  -- own activities) who gets a job that ends the Parcours needs retention, decided once per
  -- participation (M1). Source: seed 004, "entre 10 % et 15 %" of those services'
  -- participants ("des participants totaux"): about half the participants get such a job,
  -- so 0.25 of them puts retention starts (with the late starts and the employers' requests)
  -- near 12 % of the participations (measured: docs/rules.md, M1).
  share = 0.25,
  -- of those, recommended to another partner (Groupe ME, PH2) by the OSE (M6). Assumption.
  other_partner_share = 0.1,
  -- an in-service plan. Source: seed 004, "entre 12 et 32 heures", "entre 15 et 20 semaines" (M2)
  hours = { dist = "uniform", min = 12, max = 32 },
  weeks = { dist = "uniform", min = 15, max = 20 },
  -- Source: seed 004, "2 à 3 premières semaines approximativement" (M3)
  integration_weeks = { dist = "uniform", min = 2, max = 3 },
  -- weekly intensity of integration vs the first consolidation week, of the last week, and
  -- occasional returns to a higher intensity (M3). Assumption.
  integration_intensity = 3, final_intensity = 0.3,
  return_probability = 0.1, return_intensity = 2,
  tripartite_consent = 0.4,     -- probability (M4). Assumption.
  -- losing the job, per week from its start. Assumption: a third of jobs lost within a year.
  job_loss = { family = "weibull", shape = 0.7, scale_weeks = 160 },
  retention_effect = 0.6,       -- hazard ratio during retention. Assumption.
  tripartite_effect = 0.8,      -- further hazard ratio in tripartite mode (M4). Assumption.
  client_stop_per_week = 0.01,  -- the client ends the plan (M5). Assumption.
  full_time_share = 0.65,       -- probability (M13). Assumption.
  followup_months = 12,         -- employed participants followed a year (M7). Assumption.
  -- Source: seed 004, a problem found at "le suivi administratif 3 mois suivant la fin d'une
  -- participation" (M3), counted from that end; its probability is an assumption.
  late_start_probability = 0.03, late_start_weeks = 13,
  -- Source: seed 004, "L'employeur peut également adresser une demande d'accompagnement en
  -- emploi" (M3). Assumption: 2 % of employers ask, 1 to 6 months into the job.
  employer_request_probability = 0.02,
  employer_request_weeks = { dist = "uniform", min = 4, max = 26 },
  readmission_days = 84,        -- calendar days. Source: seed 004, "délai de 84 jours" (M7)
  repeat_approval_probability = 0.1,  -- "exceptionnelle" (M12). Assumption.
  payment_lag_weeks = 2,        -- income support issued two weeks after (M10). Assumption.
  me_service = "groupe_me", ph2_service = "ph2_soutien",
  demarcheurs_maintien_service = "demarcheurs_maintien",  -- for AFDR recipients (rule S4)
  referral_weeks = { dist = "uniform", min = 1, max = 3 },  -- the agent's referral (M6). Assumption.
  ph2_cit_share = 0.3, ph2_psea_share = 0.1,  -- probabilities (M13). Assumption.
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

-- Rule P2: the plan sends each client to the services of the catalogue the seeds describe for
-- them (seed 002). The order of the tests is an assumption; who each service is for is not.
policy.plan = function(client)
  local far = client.limiting_characteristics >= 3   -- rule D2: three or more
  -- S4: Démarcheurs d'emploi, for Objectif emploi participants and new last-resort assistance
  -- applicants who want to work: job search, then 12 months of in-job accompaniment.
  if client.objectif_emploi or
     (client.income_support == "afdr" and client.months_on_assistance == 0 and not far) then
    return { "demarcheurs" }
  end
  -- S2: youth 18-29 to the youth services (observation and exploration internships are
  -- among their activities, seed 002), then the job-search club.
  if client.age < 30 then return { "jeunes_18_29", "club_recherche_emploi" } end
  if far and client.disability then return { "ph1", "club_recherche_emploi" } end
  if far then
    -- S3: an exploration internship to check a professional choice, before Groupe D.
    if client.needs_professional_choice then
      return { "stage_exploration", "groupe_d", "club_recherche_emploi" }
    end
    -- S5: PPE for clients "défavorisés sur le plan socioprofessionnel" whose needs are
    -- personal skills and insertion in a job (a group project over 180 hours).
    if client.needs_skills then return { "ppe" } end
    -- Groupe D, then a job with a wage contribution (ICTE, its retention inside: M9).
    return { "groupe_d", "icte" }
  end
  -- Near the labour market (up to two limiting characteristics), "prêtes à l'emploi":
  -- skills short of the profession's requirements go to a training enterprise (MFOR-EE);
  -- the others to the unit services (S1: basic support) and the job-search club (S2).
  if client.needs_skills and not client.meets_requirements then return { "mfor_ee" } end
  return { "services_de_base", "club_recherche_emploi" }
end
