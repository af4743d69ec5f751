#include "policy/parameter_schema.hpp"

#include <algorithm>
#include <limits>

namespace parcours::policy {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using T = ParamType;

std::vector<SectionSpec> build_schema() {
  return {
      {"scenario",
       false,
       "What the run is: name, start date, length, seed and event scheduler.",
       {
           {"name", T::kString, 0, 0, true, "", "", "", "short name, used in outputs"},
           {"start", T::kDate, 0, 0, true, "", "date", "", "first simulated day (day 0)"},
           {"years", T::kNumber, 0.25, 50, true, "", "years", "", "length of the simulated period"},
           {"seed", T::kInteger, 0, 9.0e15, false, "1", "", "", "base of every random stream"},
           {"warmup_years", T::kInteger, 0, 50, false, "0", "years", "",
            "years simulated before start and not reported (a steady first year)"},
           {"scheduler", T::kString, 0, 0, false, "auto", "", "",
            "pending-event set: auto, heap or ladder; same outputs, only the speed differs"},
       }},
      {"arrivals",
       false,
       "How clients arrive (rule E1): a yearly rate with monthly seasonality, or a fixed count "
       "spread over a window.",
       {
           {"per_year", T::kNumber, 0, 1e8, false, "", "clients/year", "E1", "yearly arrival rate"},
           {"seasonality", T::kNumberList, 0, 1e6, false, "{1,1,1,1,1,1,1,1,1,1,1,1}",
            "relative weight", "E1", "12 monthly weights, January first; only their ratios matter"},
           {"count", T::kInteger, 0, 1e9, false, "", "clients", "E1",
            "fixed number of arrivals (instead of per_year)"},
           {"over_weeks", T::kNumber, 1e-6, 1e4, false, "", "weeks", "E1",
            "window over which `count` clients arrive"},
           {"convened_share", T::kNumber, 0, 1, true, "", "probability", "E1",
            "share convened after screening (repérage) rather than self-referred"},
       }},
      {"population",
       false,
       "Who arrives (rules D1-D3, E3, E4): margins joined by a Gaussian copula, or a "
       "client-level table resampled.",
       {
           {"margins", T::kRows, 0, 0, false, "", "", "D1",
            "rows attribute,kind,key,value: kind 'probability' (key = a value or level "
            "name) or 'quantile' (key = p in [0,1])"},
           {"correlation", T::kRows, 0, 0, false, "", "", "D2",
            "rows attribute_a,attribute_b,correlation of the latent normals; others 0"},
           {"sample", T::kRows, 0, 0, false, "", "", "D1",
            "client-level rows (columns named after attributes) to resample instead"},
           {"regions", T::kStringList, 0, 0, false, "{'all'}", "names", "E4",
            "region names; region values in margins and samples refer to them"},
           {"market", T::kNumberList, -10, 10, false, "", "index", "E4",
            "labour-market index of each region, in the order of regions (covariate market)"},
           {"limiting_assistance_months", T::kNumber, 0, 1200, true, "", "months", "D1",
            "cumulative time on assistance from which it limits integration"},
           {"limiting_out_of_work_months", T::kNumber, 0, 1200, true, "", "months", "D1",
            "time out of the labour market from which it limits integration"},
           {"limiting_age", T::kNumber, 15, 100, true, "", "years", "D1",
            "age from which it limits integration"},
       }},
      {"evaluation",
       false,
       "The evaluation interview (EEAE) by agents and its conclusion (rules E2, E5, E7).",
       {
           {"agents", T::kInteger, 1, 1e6, true, "", "agents", "E2",
            "agents doing evaluation interviews at once"},
           {"open_days", T::kStringList, 0, 0, false, "", "days", "E2",
            "days the office is open, e.g. {'mon','tue','wed','thu','fri'}; absent = every day, "
            "around the clock"},
           {"open_hours", T::kNumberList, 0, 24, false, "", "hours", "E2",
            "opening and closing hour on open days, e.g. {8.5, 16.5}"},
           {"interview_hours", T::kDistribution, 0, 1e4, true, "", "hours", "E2",
            "agent time of one meeting"},
           {"second_meeting_probability", T::kNumber, 0, 1, false, "0", "probability", "E2",
            "chance an evaluation needs a second meeting"},
           {"refusal_probability", T::kNumber, 0, 1, false, "0", "probability", "E6",
            "chance a client refuses services or disagrees: no conclusion, leaves"},
           {"refusal_without_reason_share", T::kNumber, 0, 1, false, "0", "probability", "E6",
            "of refusals, share without valid reason: referred to a compliance agent"},
           {"conclusion_shares", T::kShares, 0, 1, true, "", "probability", "E5",
            "shares of conclusions A, B, C, D when policy.conclusion is not set"},
           {"specialised_delay_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "E5",
            "conclusion C: referral to the specialised evaluation's recommendation"},
           {"specialised_evaluators", T::kInteger, 0, 1e6, false, "0", "evaluations", "E7",
            "conclusion C: specialised evaluations under way at once; 0 = no limit"},
           {"referred_return_probability", T::kNumber, 0, 1, false, "0", "probability", "E5",
            "conclusion D: chance the client comes back for a new evaluation"},
           {"referred_return_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "D4",
            "conclusion D: time until that return"},
       }},
      {"activity",
       true,
       "One activity a plan can hold (rule P2); call once per activity.",
       {
           {"name", T::kString, 0, 0, true, "", "", "P2", "name used by plans"},
           {"duration_weeks", T::kDistribution, 0, 1e3, true, "", "weeks", "P2",
            "time from start to end"},
           {"dropout_after", T::kNumber, 0, 1, false, "0", "probability", "D6",
            "chance of abandoning at the end of this activity"},
           {"concurrent", T::kBoolean, 0, 0, false, "false", "", "P2",
            "runs alongside the activity before it in the plan"},
           {"domain", T::kString, 0, 0, false, "", "", "E3",
            "competency domain it works on: professional_choice, skills, job_search, retention"},
           {"allowance_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "P6",
            "participation allowance, for the statuses in parcours.allowance_statuses"},
           {"extra_costs_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "S5",
            "extra costs refunded while participating (childcare, transport)"},
           {"success_probability", T::kNumber, 0, 1, false, "1", "probability", "P5",
            "chance the follow-up finds the activity successful; else the plan is revised (P3)"},
           {"referral_weeks", T::kDistribution, 0, 1e3, false, "", "weeks", "P8",
            "delivered by an OSE: time from the referral to the start; absent = internal"},
           {"service_group", T::kString, 0, 0, false, "", "", "S1",
            "catalogue group: unit, job_search_club, groupe_d, ph1, youth, internship, "
            "demarcheurs, ppe, icte, mfor_ee ... (a label for tables)"},
           {"measure", T::kString, 0, 0, false, "'internal'", "", "S5",
            "funding measure: internal, SAE (extra costs only, under 180 h), PPE (allowance, "
            "over 180 h at 20+ h/week), MFOR-EE, ICTE"},
           {"delivery", T::kString, 0, 0, false, "'individual'", "", "S5",
            "individual or group (a counsellor's direct hours shared by group_size)"},
           {"group_size", T::kInteger, 1, 1000, false, "1", "participants", "S5",
            "participants sharing a counsellor's direct hours, for group delivery"},
           {"hours_direct", T::kDistribution, 0, 1e4, false, "", "hours", "S5",
            "hours the participant receives over the participation; absent = not counted"},
           {"hours_indirect", T::kDistribution, 0, 1e4, false, "0", "hours", "S5",
            "hours of indirect work about the participant"},
           {"levels", T::kEffects, 0, 1e4, false, "", "hours", "M8",
            "intensity levels by their most hours (direct + indirect), e.g. { D1 = 30, D2 = 45 }"},
           {"min_age", T::kInteger, 0, 255, false, "0", "years", "S2", "eligibility: youngest age"},
           {"max_age", T::kInteger, 0, 255, false, "255", "years", "S2", "eligibility: oldest age"},
           {"disability_only", T::kBoolean, 0, 0, false, "false", "", "S2",
            "eligibility: only people with a disability (PH1)"},
           {"objectif_emploi_only", T::kBoolean, 0, 0, false, "false", "", "S4",
            "eligibility: only Objectif emploi participants"},
           {"statuses", T::kStringList, 0, 0, false, "", "statuses", "S4",
            "eligibility: income support statuses admitted (afdr, ei, none); absent = all"},
           {"followup_weeks", T::kNumber, 0, 520, false, "0", "weeks", "S2",
            "follow-up from the start until a job, at most this long (job-search club)"},
           {"followup_hours", T::kDistribution, 0, 1e3, false, "0", "hours", "S2",
            "hours of that follow-up after the service's end, over the whole window; a "
            "follow-up ended early by a job gives its share"},
           {"disability_overhead", T::kDistribution, 0, 1e6, false, "0", "dollars", "S7",
            "overheads for a participant with a disability, under actual costs"},
           {"retention_included", T::kBoolean, 0, 0, false, "false", "", "M9",
            "retention support is part of the participation (ICTE, PPE insertion, MFOR-EE)"},
           {"extension_probability", T::kNumber, 0, 0.99, false, "0", "probability", "S2",
            "at the planned end the participation is extended, again and again (youth "
            "services: extendable without limit)"},
           {"extension_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "S2",
            "length of each extension"},
           {"integration_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "M9",
            "the last part of the participation is a job (ICTE's integration phase): the job "
            "starts this long before the planned end, inside the participation"},
           {"wage_contribution_share", T::kNumber, 0, 1, false, "0", "probability", "M9",
            "integration jobs with a wage contribution paid through the agreement"},
           {"wage_contribution_per_week", T::kNumber, 0, 1e5, false, "0", "dollars/week", "M9",
            "the wage contribution, for the weeks the integration job lasts"},
           {"in_job_support_weeks", T::kNumber, 0, 520, false, "0", "weeks", "S4",
            "after a job that follows the participation, the same service accompanies the "
            "participant in the job this long (Démarcheurs d'emploi); 0 = not part of it"},
           {"in_job_support_hours", T::kDistribution, 0, 1e3, false, "0", "hours", "S4",
            "hours (direct + indirect) of that accompaniment, on the same agreement"},
           {"new_applicant_months", T::kNumber, 0, 1200, false, "", "months", "S4",
            "eligibility: new applicants (at most this many months on assistance), Objectif "
            "emploi participants and re-entrants (a client back at the office); absent = "
            "everyone the other keys admit"},
           {"job_during", T::kHazard, 0, 0, false, "", "hazard, weeks", "P7",
            "job finding during the activity, from its start: a job ends it and the Parcours "
            "early; absent = none"},
           {"job_effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "E4",
            "how characteristics scale job_during; absent = job_search.effects"},
           {"early_success", T::kHazard, 0, 0, false, "", "hazard, weeks", "P5",
            "objectives reached before the planned end, from the start: the activity ends "
            "then as completed; absent = never early"},
       }},
      {"organisation",
       true,
       "A specialised employability organisation (OSE) and the services it offers (rules S6, "
       "M11); call once per organisation.",
       {
           {"name", T::kString, 0, 0, true, "", "", "S6", "name used by agreements"},
           {"region", T::kString, 0, 0, false, "", "", "S6",
            "region it serves (a name of population.regions); absent = every region"},
           {"non_profit", T::kBoolean, 0, 0, false, "false", "", "S6",
            "a non-profit may hold agreements of up to three years"},
           {"slots", T::kEffects, 0, 1e6, true, "", "participants", "M11",
            "services offered and their places, { groupe_d = 40, ... } (activity names)"},
           {"waitlist", T::kEffects, 0, 1e6, false, "", "clients", "S6",
            "most clients waiting for a place, by service; absent = no limit"},
           {"waiting_dropout_per_week", T::kNumber, 0, 7, false, "0", "per week", "D6",
            "rate at which clients on a waitlist give up (abandoning the Parcours)"},
           {"retention", T::kBoolean, 0, 0, false, "false", "", "M11",
            "offers retention support within its services"},
       }},
      {"agreements",
       false,
       "Agreements funding the organisations' services (rules S6-S8).",
       {
           {"rows", T::kRows, 0, 0, false, "", "", "S6",
            "one row per agreement: agreement, organisation, service, start, end, funding_mode, "
            "hourly_cost, overhead_share, ceiling (csv \"file\")"},
           {"levels", T::kRows, 0, 0, false, "", "", "S7",
            "targets and prices: agreement, level, target_participants, price (csv \"file\")"},
           {"disability_overhead_limit", T::kNumber, 0, 1e6, false, "0", "dollars", "S7",
            "most overhead an agreement may reimburse per participant with a disability"},
           {"wait_threshold_days", T::kNumber, 0, 3650, false, "0", "days", "S6",
            "waits for a place longer than this are counted (waited_over_threshold); 0 = off"},
       }},
      {"caseload",
       false,
       "Clients already in the system on the model's first day (issue 12).",
       {
           {"rows", T::kRows, 0, 0, false, "", "", "P1",
            "one row per client: id, state (waiting_interview, parcours, participation), "
            "activity, agreement, week, and profile columns (csv \"file\")"},
       }},
      {"parcours",
       false,
       "The Parcours: default plan and time-based dropout (rules P1, P2, P7).",
       {
           {"plan", T::kStringList, 0, 0, true, "", "activity names", "P2",
            "activities in order, when policy.plan is not set"},
           {"dropout", T::kHazard, 0, 0, false, "", "hazard, weeks", "D6",
            "abandonment at any time, from the Parcours start; absent = none"},
           {"dropout_effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "D5",
            "how characteristics scale the dropout hazard, by covariate"},
           {"allowance_statuses", T::kStringList, 0, 0, false, "{}", "statuses", "P6",
            "income support statuses (afdr, ei, none) that receive activities' allowances"},
           {"max_revisions", T::kInteger, 0, 20, false, "0", "revisions", "P3",
            "plan revisions a Parcours may have after failed checks (P5)"},
           {"school_share", T::kNumber, 0, 1, false, "0", "probability", "P7",
            "at the end of the plan, share returning to school"},
           {"other_measure_share", T::kNumber, 0, 1, false, "0", "probability", "P7",
            "at the end of the plan, share going on to another measure"},
           {"closure_weeks", T::kDistribution, 0, 1e4, false, "", "weeks", "P7",
            "time from the start after which an open Parcours is closed; absent = never"},
           {"followup_months", T::kNumber, 0, 60, true, "", "months", "M13",
            "window after a Parcours ends in which a job counts as its result"},
       }},
      {"job_search",
       false,
       "Time to find a job.",
       {
           {"after_parcours", T::kHazard, 0, 0, true, "", "hazard, weeks", "P7",
            "job finding after a completed plan"},
           {"autonomous", T::kHazard, 0, 0, true, "", "hazard, weeks", "E5",
            "job finding after conclusion A"},
           {"after_exit", T::kHazard, 0, 0, false, "", "hazard, weeks", "P7",
            "job finding on one's own after abandonment or closure; absent = leaves the model"},
           {"effects", T::kEffects, -20, 20, false, "", "log hazard ratio", "E4",
            "how distance, characteristics and completed activities scale job finding"},
       }},
      {"accompaniment",
       false,
       "Accompaniment contacts during the Parcours, at a frequency set by need (rules P4, D5).",
       {
           {"interval_weeks", T::kEffects, 0.01, 520, false, "", "weeks", "P4",
            "weeks between contacts by distance class, { near = ..., far = ... } (D2: near = up "
            "to two limiting characteristics); absent = no accompaniment"},
           {"contact_hours", T::kDistribution, 0, 100, false, "0", "hours", "P4",
            "agent time of one contact made by the agent"},
           {"agent_share", T::kNumber, 0, 1, false, "1", "probability", "P4",
            "share of contacts made by the agent (AAE); the rest by an OSE"},
       }},
      {"retention",
       false,
       "Job retention support after a job, and how long jobs last (rules M1-M13).",
       {
           {"share", T::kNumber, 0, 1, false, "0", "probability", "M1",
            "participants of an SAE, PPE, ICTE or MFOR-EE service who need retention support at "
            "a job, decided once per participation, when policy.retention is not set"},
           {"other_partner_share", T::kNumber, 0, 1, false, "0", "probability", "M6",
            "of those, recommended to another partner (Groupe ME, PH2)"},
           {"hours", T::kDistribution, 0, 1e3, false, "0", "hours", "M2",
            "hours of an in-service plan, direct and indirect"},
           {"weeks", T::kDistribution, 0, 520, false, "0", "weeks", "M2", "length of the plan"},
           {"extension_probability", T::kNumber, 0, 0.99, false, "0", "probability", "S2",
            "at the planned end the participation is extended, again and again (youth "
            "services: extendable without limit)"},
           {"extension_weeks", T::kDistribution, 0, 1e3, false, "0", "weeks", "S2",
            "length of each extension"},
           {"integration_weeks", T::kDistribution, 0, 52, false, "0", "weeks", "M3",
            "the integration phase at the start of the plan, the most intense"},
           {"integration_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
            "weekly hours of an integration week, relative to the first consolidation week"},
           {"final_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
            "weekly hours of the last consolidation week, relative to the first"},
           {"return_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
            "chance a consolidation week returns to a higher intensity"},
           {"return_intensity", T::kNumber, 0, 100, false, "1", "ratio", "M3",
            "factor on such a week's hours"},
           {"tripartite_consent", T::kNumber, 0, 1, false, "0", "probability", "M4",
            "plans that turn tripartite (with the employer) at the end of integration"},
           {"job_loss", T::kHazard, 0, 0, false, "", "hazard, weeks", "M5",
            "losing the job, from its start; absent = jobs are not lost"},
           {"retention_effect", T::kNumber, 0, 100, false, "1", "hazard ratio", "M5",
            "factor on the job-loss hazard during retention support"},
           {"tripartite_effect", T::kNumber, 0, 100, false, "1", "hazard ratio", "M4",
            "further factor in tripartite mode"},
           {"client_stop_per_week", T::kNumber, 0, 7, false, "0", "per week", "M5",
            "rate at which clients end their plan"},
           {"full_time_share", T::kNumber, 0, 1, false, "1", "probability", "M13",
            "jobs that are full-time"},
           {"followup_months", T::kNumber, 0, 120, false, "0", "months", "M7",
            "employed participants are followed this long from the job start (job losses)"},
           {"late_start_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
            "a problem found at the administrative follow-up starts retention then"},
           {"late_start_weeks", T::kNumber, 0, 520, false, "0", "weeks", "M3",
            "when that follow-up comes, after the participation's end (a job that starts "
            "later is not seen by it)"},
           {"employer_request_probability", T::kNumber, 0, 1, false, "0", "probability", "M3",
            "the employer asks for support for the employee (a job without retention)"},
           {"employer_request_weeks", T::kDistribution, 0, 520, false, "0", "weeks", "M3",
            "when the employer asks, from the job start"},
           {"readmission_days", T::kNumber, 0, 3650, false, "0", "calendar days", "M7",
            "most days since a participation's end for a readmission (and in-service retention)"},
           {"repeat_approval_probability", T::kNumber, 0, 1, false, "0", "probability", "M12",
            "an activity already completed is approved again, exceptionally"},
           {"payment_lag_weeks", T::kNumber, 0, 52, false, "0", "weeks", "M10",
            "income support is issued this long after the weeks it pays"},
           {"me_service", T::kString, 0, 0, false, "", "activity name", "M6",
            "the retention service of other partners (Groupe ME)"},
           {"ph2_service", T::kString, 0, 0, false, "", "activity name", "M7",
            "the retention service for people with a disability (Groupe PH2)"},
           {"demarcheurs_maintien_service", T::kString, 0, 0, false, "", "activity name", "S4",
            "the in-job service for last-resort assistance recipients after another "
            "preparation service (Démarcheurs maintien); absent = Groupe ME"},
           {"referral_weeks", T::kDistribution, 0, 52, false, "0", "weeks", "M6",
            "an agent's referral to the other partner"},
           {"ph2_cit_share", T::kNumber, 0, 1, false, "0", "probability", "M13",
            "PH2 participants employed under a work integration contract (CIT)"},
           {"ph2_psea_share", T::kNumber, 0, 1, false, "0", "probability", "M13",
            "PH2 participants in an adapted enterprise (PSEA)"},
           {"contacts", T::kInteger, 0, 255, false, "0", "contacts", "M3",
            "meetings of an in-service plan, as events; the plan lasts contacts x interval"},
           {"contact_interval_weeks", T::kNumber, 0, 52, false, "0", "weeks", "M3",
            "time between those meetings"},
           {"after_any_job", T::kBoolean, 0, 0, false, "false", "", "M1",
            "decide retention at every job start, not only for participants (a Parcours)"},
       }},
      {"income_support",
       false,
       "Income support paid while clients are in the system and out of work, and what a job "
       "saves of it (rule P7).",
       {
           {"afdr_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
            "last-resort assistance paid to one recipient, per year"},
           {"ei_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
            "employment insurance paid to one claimant, per year"},
           {"none_per_year", T::kNumber, 0, 1e6, false, "0", "dollars/year", "P7",
            "support paid to a client with neither, per year"},
           {"savings_months", T::kNumber, 0, 600, false, "12", "months", "P7",
            "a job saves the support no longer paid over this many months from its start"},
       }},
  };
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view type_name(ParamType type) {
  switch (type) {
    case T::kNumber:
      return "a number";
    case T::kInteger:
      return "an integer";
    case T::kBoolean:
      return "a boolean";
    case T::kString:
      return "a string";
    case T::kDate:
      return "a date \"YYYY-MM-DD\"";
    case T::kDistribution:
      return "a number or a distribution table";
    case T::kNumberList:
      return "a list of numbers";
    case T::kStringList:
      return "a list of strings";
    case T::kShares:
      return "a table of shares";
    case T::kHazard:
      return "a hazard table";
    case T::kEffects:
      return "a table of numbers by name";
    case T::kRows:
      return "a list of rows (csv \"file.csv\")";
  }
  return "?";
}

const ParamSpec* SectionSpec::find(std::string_view key) const {
  for (const ParamSpec& p : params) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::span<const SectionSpec> scenario_schema() {
  static const std::vector<SectionSpec> schema = build_schema();  // immutable after first use
  return schema;
}

const SectionSpec* find_section(std::string_view name) {
  for (const SectionSpec& s : scenario_schema()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  // A word that starts exactly one candidate is taken as that candidate cut short.
  if (word.size() >= 4) {
    std::optional<std::string> only;
    int starts = 0;
    for (std::string_view c : candidates) {
      if (c.size() > word.size() && c.substr(0, word.size()) == word) {
        only = std::string(c);
        ++starts;
      }
    }
    if (starts == 1) return only;
    // ... or as the only candidate it starts with, made longer ("thurs" for "thu").
    starts = 0;
    for (std::string_view c : candidates) {
      if (c.size() >= 3 && word.size() > c.size() && word.substr(0, c.size()) == c) {
        only = std::string(c);
        ++starts;
      }
    }
    if (starts == 1) return only;
  }
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates) {
  const auto best = did_you_mean(word, candidates);
  return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace parcours::policy
