#pragma once
// Every number the model uses, as plain data. The policy layer fills this from a scenario
// script; the model never holds a default of its own for anything the seeds speak of.
// Times are in days (the scenario speaks in hours and weeks; the policy layer converts).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/distribution.hpp"
#include "core/scheduler_kind.hpp"
#include "model/agreements.hpp"
#include "model/distance.hpp"
#include "model/effects.hpp"
#include "model/hazard.hpp"
#include "model/income_support.hpp"
#include "model/initial_caseload.hpp"
#include "model/major_event.hpp"
#include "model/population.hpp"
#include "model/queue_priority.hpp"
#include "model/retention_plan.hpp"
#include "model/services.hpp"

namespace parcours::model {

struct HorizonParameters {
  std::string name;
  core::Date start{};  // first reported day (day 0 unless there is a warm-up)
  double years = 1.0;  // length of the reported period
  std::uint64_t seed = 1;
  core::SchedulerKind scheduler = core::SchedulerKind::kAuto;  // speed only, never outputs

  /// Whole years simulated before `start` and reported nothing of (no table row, no agreement
  /// row), so that the first reported year starts from a caseload in steady state.
  int warmup_years = 0;

  /// Day 0 of the model: `start`, warmup_years earlier.
  [[nodiscard]] core::Date model_start() const {
    return core::Date{start.year() - std::chrono::years{warmup_years}, start.month(), start.day()};
  }
};

struct ArrivalParameters {  // rule E1
  /// Either a yearly rate shaped by monthly seasonality ...
  double per_year = 0.0;
  std::array<double, 12> monthly_weight{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // January first
  /// ... or a fixed number of clients spread evenly (Poisson) over a window; count > 0 wins.
  std::uint64_t count = 0;
  double over_days = 0.0;
  double convened_share = 0.0;  // share identified by screening (repérage)
};

/// Who arrives (rules D1-D3, E3, E4): either margins joined by a Gaussian copula, or a
/// client-level table resampled; and what makes a characteristic "limiting" (rule D1).
struct PopulationParameters {
  std::vector<Margin> margins;
  CorrelationMatrix correlation;  // of the margins' latent normals, in margin order
  std::vector<Profile> sample;    // if not empty: resampled instead of the margins
  std::vector<std::string> regions{"all"};
  /// Labour-market index of each region (rule E4's "Market"): higher means more openings per
  /// job seeker; read by the `market` covariate. Empty: 0 everywhere.
  std::vector<double> market;
  LimitingThresholds limiting{};
};

struct EvaluationParameters {  // rules E2, E5
  int agents = 1;
  /// Opening hours (rule E2: agents have working hours); off = around the clock.
  bool opening_hours = false;
  std::array<bool, 7> open_days{};  // Monday first
  double open_from_hours = 0.0;     // hours after midnight
  double open_to_hours = 24.0;
  core::Distribution interview_days;          // one meeting of the EEAE, agent time
  double second_meeting_probability = 0.0;    // rule E2, exceptional
  double refusal_probability = 0.0;           // E6: refuses or disagrees; no conclusion
  double refusal_without_reason_share = 0.0;  // E6: of those, referred to a compliance agent
  std::array<double, 4> conclusion_shares{};  // A, B, C, D when no rule decides (E5)
  core::Distribution specialised_delay_days;  // C: referral to its recommendation (E5, E7)
  int specialised_evaluators = 0;             // C: evaluations under way at once; 0 = no limit (E7)
  double referred_return_probability = 0.0;   // D: comes back for a new evaluation (E5, D4)
  core::Distribution referred_return_days;
};

struct ActivityParameters {  // rule P2
  std::string name;
  core::Distribution duration_days;
  double dropout_after = 0.0;  // probability of abandoning at the end of this activity (D6)
  /// Runs alongside the activity before it in the plan (rule P2: activities in sequence or
  /// sometimes concurrently); the step ends when the longest of them does.
  bool concurrent = false;
  /// The competency domain it works on (rule E3), -1 for none: for hooks and reports.
  int domain = -1;
  /// Income support while participating (rules P6, S5): an allowance (for the statuses in
  /// ParcoursParameters::allowance_statuses) and extra costs, dollars per week.
  double allowance_per_week = 0.0;
  double extra_costs_per_week = 0.0;
  /// Administrative follow-up checks the activity's success before the next (rule P5); a
  /// failed check revises the plan (rule P3).
  double success_probability = 1.0;
  /// Delivered by an OSE: the referral passes needs and planned dates before the start (P8).
  bool referral = false;
  core::Distribution referral_days;
  /// What the service is, who may take it and how many hours it gives (rules S1-S5).
  ServiceTerms service;
  /// Rule M9: retention support is part of the participation (ICTE, PPE insertion
  /// enterprises, MFOR-EE): no separate retention plan after it.
  bool retention_included = false;
  /// Rule M9 (ICTE): the last part of the participation is a job-integration phase (days,
  /// drawn at its start; zero: none): the participant holds a job from then on, inside the
  /// participation, which ends at its planned end; a share of them with a wage contribution
  /// (dollars a week) paid through the organisation's agreement.
  core::Distribution integration_days;
  double wage_contribution_share = 0.0;
  double wage_contribution_per_week = 0.0;
  /// Rule S4 (Démarcheurs d'emploi): after a job that follows the participation, the same
  /// service accompanies the participant in the job this long (days; 0: not part of the
  /// service), with these hours (direct + indirect) on the same agreement.
  double in_job_support_days = 0.0;
  core::Distribution in_job_support_hours;
  /// Rule S2 (youth services: "usually 26 weeks", extendable without limit): at the planned
  /// end the participation is extended by `extension_days` with this probability, again and
  /// again; its planned hours stay those of the plan.
  double extension_probability = 0.0;
  core::Distribution extension_days;
  /// The planned length: the duration drawn, then the extensions (rule S2), from `rng`.
  [[nodiscard]] double planned_days(core::RandomStream& rng) const {
    double days = duration_days.sample(rng);
    if (extension_probability <= 0) return days;
    while (rng.bernoulli(extension_probability)) days += extension_days.sample(rng);
    return days;
  }
  /// Jobs found during the activity (kNone: none), a hazard from its start scaled by
  /// `job_effects`: a job ends the participation before its planned end and the Parcours by
  /// employment (rule P7); income support stops at the job start except for Objectif emploi
  /// clients (M10). Most activities have none, and then cost nothing.
  Hazard job_during;
  Effects job_effects;
  /// Objectives reached before the planned end (kNone: never early), a hazard from the start:
  /// the activity ends then as completed and the plan moves on (rules P5, S2).
  Hazard early_success;
};

struct ParcoursParameters {                // rules P1-P7
  std::vector<std::uint8_t> default_plan;  // activity ids, when no rule decides
  /// Abandonment at any time (rule D6): a hazard from the Parcours start (kNone: none),
  /// scaled by the client's effects (rule D5), drawn once at the start.
  Hazard dropout;
  Effects dropout_effects;
  /// At the end of the plan, shares that go back to school or on to another measure instead
  /// of searching for a job (rule P7).
  double school_share = 0.0;
  double other_measure_share = 0.0;
  /// Time from the start after which an open Parcours is closed (rule P7); off if disabled.
  bool closure_enabled = false;
  core::Distribution closure_days;
  /// Income support statuses that receive an activity's allowance (rule P6), by IncomeSupport.
  std::array<bool, 3> allowance_statuses{};
  /// Revisions of the plan a Parcours may have (rule P3); after that a failed check moves on.
  int max_revisions = 0;
  /// Window after the end of a Parcours in which a job counts as a result (M13: 0-3 months).
  double followup_days = 0.0;
  /// Rule E7: a major event during an activity, and the specialised evaluation it leads to.
  MajorEventParameters major_event;
};

/// Time to a job as hazards from the start of the search, scaled by the client's effects
/// (distance, market, activities completed).
struct JobSearchParameters {
  Hazard after_parcours;  // plan completed -> job (P7)
  Hazard autonomous;      // conclusion A -> job (E5)
  /// After abandonment or closure, a client may still find a job on their own; kNone: they
  /// leave the model.
  Hazard after_exit;
  Effects effects;
};

/// Accompaniment during the Parcours (rules P4, D5): contacts at a frequency set by need,
/// taking agent time when the agent (AAE) makes them, OSE time otherwise; an OSE's contact is
/// reported back to the agent (P4), which takes agent time too. The `accompaniment` covariate
/// of the dropout effects reads the contacts actually made (rule D6, dropout_clock.hpp).
struct AccompanimentParameters {
  bool enabled = false;
  /// Days between contacts by distance class (rule D2: up to two limiting characteristics,
  /// three or more): nearer clients are contacted less often.
  std::array<double, 2> interval_days{};
  core::Distribution contact_days;  // agent time of one contact
  double agent_share = 1.0;         // contacts the AAE makes; the rest are the OSE's
  core::Distribution report_days;   // P4: agent time to take in an OSE's report of a contact
};

/// Job retention support ("maintien en emploi", rules M1-M13) and job survival.
struct RetentionParameters {
  /// M1: participants of an SAE, PPE, ICTE or MFOR-EE service who, at a job, need retention
  /// support; decided once per participation (when policy.retention is not set).
  double share = 0.0;
  double other_partner_share = 0.0;     // M6: of those, recommended to another partner
  core::Distribution hours;             // M2: hours of an in-service plan (direct + indirect)
  core::Distribution days;              // M2: its length
  core::Distribution integration_days;  // M3: the integration phase
  RetentionShape shape;                 // M3: intensities of the phases
  double tripartite_consent = 0.0;      // M4: plans turning tripartite at the end of integration
  Hazard job_loss;                      // from the job start; kNone: jobs are never lost
  double retention_effect = 1.0;        // hazard ratio of job loss during retention
  double tripartite_effect = 1.0;       // further hazard ratio in tripartite mode (M4)
  double client_stop_per_day = 0.0;     // M5: the client ends the plan
  double full_time_share = 1.0;         // jobs that are full-time (M13)
  /// Employed participants are followed this long from the job start (job losses, M7);
  /// 0: they leave the model at the job start unless in retention.
  double followup_days = 0.0;
  double late_start_probability = 0.0;  // M3: a problem found at the administrative follow-up
  double late_start_days = 0.0;         // M3: when that follow-up is, after the participation's end
  double employer_request_probability = 0.0;  // M3: the employer asks for support
  core::Distribution employer_request_days;   // M3: when, from the job start
  double readmission_days = 0.0;              // M7: most days since the participation's end
  double repeat_approval_probability = 0.0;   // M12: exceptional approval of a repeat
  double payment_lag_days = 0.0;  // M10: income support is issued this long after the weeks
  /// M6, M7: the retention services of other partners (activity ids; -1: none), for people
  /// with a disability (PH2) and the others (ME), and the agent's referral to them.
  int me_activity = -1;
  int ph2_activity = -1;
  /// Rule S4: Démarcheurs maintien, the partner service for last-resort assistance recipients
  /// after another preparation service (-1: none; they go to Groupe ME).
  int demarcheurs_maintien_activity = -1;
  core::Distribution referral_days;
  double ph2_cit_share = 0.0;   // M13: PH2 participants in a work integration contract (CIT)
  double ph2_psea_share = 0.0;  // M13: PH2 participants in an adapted enterprise (PSEA)
  /// Meetings of an in-service plan as events (rule M3's contacts), every `contact_interval`
  /// days; the plan then lasts contacts x interval. 0: the plan runs without meeting events.
  int contacts = 0;
  double contact_interval_days = 0.0;
  /// The decision for every job start, not only for participants' (reference model).
  bool after_any_job = false;
};

struct ModelParameters {
  HorizonParameters horizon;
  ArrivalParameters arrivals;
  PopulationParameters population;
  EvaluationParameters evaluation;
  std::vector<ActivityParameters> activities;
  ParcoursParameters parcours;
  JobSearchParameters job_search;
  AccompanimentParameters accompaniment;
  PriorityParameters priority;  // rules D3, D5: groups served first in the queues
  RetentionParameters retention;
  AgreementParameters agreements;          // rules S6-S8, M11
  IncomeSupportParameters income_support;  // rule P7: support paid, savings after a job
  /// Clients in the system on day 0 of the model (its first day, before any warm-up).
  std::vector<InitialClient> caseload;
};

}  // namespace parcours::model
