-- pilot: a variant of the baseline scenario.
--
-- `base` runs baseline.lua (next to this file) first; each section below then changes only
-- the keys it gives, and everything else keeps the baseline's value. Each section may be
-- called once in this file. To switch an example on, remove the "-- " at the start of each
-- of its lines.
--
-- Check it:  parcours check scenarios/pilot.lua     (names file:line of any problem)
-- Run it:    parcours run scenarios/pilot.lua -r 20  (20 replications into results/pilot/)
-- Read it:   parcours report results/pilot           (writes results/pilot/report.fr.html)
--
-- Every parameter, with its unit and rule: parcours check --parameters, and docs/scenarios.md.
-- A one-off change needs no edit: parcours run scenarios/pilot.lua --set evaluation.agents=140

base "baseline.lua"

scenario {
  name = "pilot",
  -- years = 5,            -- years simulated (baseline 3)
  -- seed = 20250401,      -- keep the baseline's seed to compare with it run by run
}

-- Demand (rule E1): new clients a year, and the share convened after screening.
-- arrivals {
--   per_year = 70000,     -- clients/year (baseline 65000)
--   convened_share = 0.6, -- probability (baseline 0.6)
-- }

-- Evaluation capacity (rules E2, E6): agents on duty for interviews and accompaniment.
-- evaluation {
--   agents = 140,                  -- agents (baseline 130)
--   refusal_probability = 0.03,    -- probability (baseline 0.03)
-- }

-- Accompaniment intensity during a Parcours (rules P4, D2): weeks between contacts, "near"
-- for up to two limiting characteristics, "far" for three or more.
-- accompaniment {
--   interval_weeks = { near = 4, far = 1 },  -- weeks (baseline near = 6, far = 2)
--   agent_share = 0.6,                       -- share made by the agent, else an OSE (0.6)
-- }

-- An activity's length and budget (rules P2, P6, S5): give its name, then what changes.
-- Dollars are per week of participation.
-- activity {
--   name = "groupe_d",
--   duration_weeks = { dist = "uniform", min = 6, max = 16 },  -- weeks (baseline 8 to 20)
--   extra_costs_per_week = 30,                                  -- dollars/week (baseline 25)
-- }

-- The Parcours (rules P3, P7, D6): abandonment hazard, revisions, closure.
-- parcours {
--   dropout = { family = "constant", rate_per_week = 0.01 },  -- per week (baseline 0.0125)
--   max_revisions = 2,                                          -- revisions (baseline 2)
--   closure_weeks = 104,                                        -- weeks (baseline 104)
-- }

-- Job retention support after a job (rules M1-M5).
-- retention {
--   share = 0.15,                 -- probability (baseline 0.12)
--   hours = { dist = "uniform", min = 15, max = 35 },  -- hours (baseline 12 to 32)
--   tripartite_consent = 0.5,     -- probability (baseline 0.4)
--   retention_effect = 0.5,       -- hazard ratio of job loss (baseline 0.6)
-- }

-- Decision rules are Lua functions (docs/lua_api.md). The baseline defines
-- policy.conclusion and policy.plan; replace one here, or remove it with nil so that the
-- parameters (evaluation.conclusion_shares, parcours.plan) decide.
-- policy.plan = function(client)
--   if client.age < 30 then return { "jeunes_18_29", "club_recherche_emploi" } end
--   return { "club_recherche_emploi" }
-- end
