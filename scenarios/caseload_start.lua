-- Example: the baseline started from a caseload instead of its warm-up (issue 12). The fourteen
-- clients of data/initial_caseload.csv are in the system on the first day, 1 April 2025: some
-- waiting for the evaluation interview, some in a Parcours at an activity and week, some in an
-- OSE participation under a named agreement, some employed with retention support under a named
-- agreement, some weeks into it. A real caseload is an extract of the region's
-- files, tens of thousands of rows; docs/scenarios.md describes the columns.
base "baseline.lua"

scenario { name = "caseload_start", warmup_years = 0 }

caseload { rows = csv "data/initial_caseload.csv" }
