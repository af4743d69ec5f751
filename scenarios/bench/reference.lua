-- The reference model of docs/performance.md, run through the real program so that
-- parcours can be timed beside SimPy, simmer and a bare C++ loop on the same model.
-- N = 1,000,000 clients by default; smaller runs: --set arrivals.count=10000.

scenario { name = "reference", start = "2025-04-01", years = 3, seed = 1 }

-- 1. N clients arrive as a Poisson process over 52 weeks.
local a = arrivals { count = 1000000, over_weeks = 52, convened_share = 0 }

-- Who arrives does not matter here; the rule D1 thresholds are required all the same.
population { limiting_assistance_months = 48, limiting_out_of_work_months = 24, limiting_age = 45 }

-- 2. An interview of Exp(mean 1 h) with one of K = ceil(lambda / 0.8) agents, lambda the
--    arrival rate per hour: utilisation about 0.8, agents available around the clock.
local lambda_per_hour = a.count / (52 * 168)
evaluation {
  agents = math.max(1, math.ceil(lambda_per_hour / 0.8)),
  interview_hours = { dist = "exponential", mean = 1 },
  conclusion_shares = { A = 0.4, B = 0.6 },  -- unused: policy.conclusion decides
}

-- 3. Three activities in sequence, Exp(mean 2, 4 and 3 weeks); after each, dropout with
--    probability 0.15 (decided by policy.dropout_after below).
activity { name = "first", duration_weeks = { dist = "exponential", mean = 2 } }
activity { name = "second", duration_weeks = { dist = "exponential", mean = 4 } }
activity { name = "third", duration_weeks = { dist = "exponential", mean = 3 } }
parcours { plan = { "first", "second", "third" }, followup_months = 3 }

-- 4. Job search of Exp(mean 8 weeks), with or without a plan.
job_search {
  after_parcours = { family = "constant", rate_per_week = 1 / 8 },
  autonomous = { family = "constant", rate_per_week = 1 / 8 },
}

-- 5. Retention for 12 % of the employed (every job start, not only participants'): 10
--    contacts, one every 1.5 weeks.
retention { contacts = 10, contact_interval_weeks = 1.5, after_any_job = true }

-- The three decisions, taken in Lua (about 3.3 calls per client).
policy.conclusion = function(client)
  return math.random() < 0.6 and "B" or "A"
end
policy.dropout_after = function(client, activity)
  return math.random() < 0.15
end
policy.retention = function(client)
  return math.random() < 0.12
end
