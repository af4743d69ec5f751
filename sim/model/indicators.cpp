#include "model/indicators.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <mutex>
#include <set>
#include <string>

namespace parcours::model {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::string_view name_of(Count c) {
  switch (c) {
    case Count::kArrivals:
      return "arrivals";
    case Count::kArrivalsConvened:
      return "arrivals_convened";
    case Count::kArrivalsSelfReferred:
      return "arrivals_self_referred";
    case Count::kInterviews:
      return "interviews";
    case Count::kSecondMeetings:
      return "second_meetings";
    case Count::kConclusionA:
      return "conclusion_a";
    case Count::kConclusionB:
      return "conclusion_b";
    case Count::kConclusionC:
      return "conclusion_c";
    case Count::kConclusionD:
      return "conclusion_d";
    case Count::kSpecialisedEvaluations:
      return "specialised_evaluations";
    case Count::kReferredReturns:
      return "referred_returns";
    case Count::kParcoursStarted:
      return "parcours_started";
    case Count::kParcoursEndedEmployment:
      return "parcours_ended_employment";
    case Count::kParcoursEndedDropout:
      return "parcours_ended_dropout";
    case Count::kActivitiesStarted:
      return "activities_started";
    case Count::kActivitiesCompleted:
      return "activities_completed";
    case Count::kEmployed:
      return "employed";
    case Count::kRetentionStarted:
      return "retention_started";
    case Count::kRefusals:
      return "refusals";
    case Count::kComplianceReferrals:
      return "compliance_referrals";
    case Count::kParcoursEndedSchool:
      return "parcours_ended_school";
    case Count::kParcoursEndedOtherMeasure:
      return "parcours_ended_other_measure";
    case Count::kParcoursEndedClosure:
      return "parcours_ended_closure";
    case Count::kEmployedAfterParcours:
      return "employed_within_followup_of_parcours";
    case Count::kOseReferrals:
      return "ose_referrals";
    case Count::kAccompanimentContacts:
      return "accompaniment_contacts";
    case Count::kAccompanimentByAgent:
      return "accompaniment_contacts_by_agent";
    case Count::kPlanRevisions:
      return "plan_revisions";
    case Count::kActivitiesIneligible:
      return "activities_ineligible";
    case Count::kOseNotServed:
      return "ose_not_served";
    case Count::kRetentionInService:
      return "retention_in_service";
    case Count::kRetentionPartnerReferrals:
      return "retention_partner_referrals";
    case Count::kRetentionPartnerStarted:
      return "retention_partner_started";
    case Count::kRetentionLateStarts:
      return "retention_late_starts";
    case Count::kRetentionEmployerRequests:
      return "retention_employer_requests";
    case Count::kIntegrationJobs:
      return "integration_jobs";
    case Count::kInJobSupportStarted:
      return "in_job_support_started";
    case Count::kRetentionWithinParticipation:
      return "retention_within_participation";
    case Count::kRetentionEndedObjectives:
      return "retention_ended_objectives";
    case Count::kRetentionEndedClient:
      return "retention_ended_client";
    case Count::kRetentionEndedJobLoss:
      return "retention_ended_job_loss";
    case Count::kTripartiteSwitches:
      return "retention_tripartite_switches";
    case Count::kEmployedEndOfRetentionFullTime:
      return "employed_end_of_retention_full_time";
    case Count::kEmployedEndOfRetentionPartTime:
      return "employed_end_of_retention_part_time";
    case Count::kJobLosses:
      return "job_losses";
    case Count::kReadmissions:
      return "readmissions";
    case Count::kReturnsToOffice:
      return "returns_to_office";
    case Count::kActivitiesRepeatRefused:
      return "activities_repeat_refused";
    case Count::kIncomeSupportCancelled:
      return "income_support_cancelled_clients";
    case Count::kParcoursResumed:
      return "parcours_resumed";
    case Count::kJobsDuringActivity:
      return "jobs_during_activity";
    case Count::kActivitiesEndedEarly:
      return "activities_ended_early";
    case Count::kMajorEvents:
      return "major_events";
    case Count::kMajorEventEvaluations:
      return "major_event_evaluations";
    case Count::kMajorEventRevisions:
      return "major_event_revisions";
    case Count::kMajorEventStops:
      return "major_event_stops";
    case Count::kOseReports:
      return "ose_reports";
    case Count::kRetentionContacts:
      return "retention_contacts";
    case Count::kArrivalsAged45Plus:
      return "arrivals_aged_45_plus";
    case Count::kArrivalsSingleParent:
      return "arrivals_single_parent";
    case Count::kArrivalsBelowSecondaryV:
      return "arrivals_below_secondary_v";
    case Count::kArrivalsObjectifEmploi:
      return "arrivals_objectif_emploi";
    case Count::kArrivalsHealthConstraints:
      return "arrivals_health_constraints";
    case Count::kArrivalsImmigrant:
      return "arrivals_immigrant";
    case Count::kArrivalsNotMeetingRequirements:
      return "arrivals_not_meeting_requirements";
    case Count::kArrivalsLongAssistance:
      return "arrivals_long_assistance";
    case Count::kSize_:
      break;
  }
  return "?";
}

std::string_view intern_indicator_name(std::string_view name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  const std::lock_guard lock(mutex);
  auto it = names.find(name);
  if (it == names.end()) it = names.emplace(name).first;
  return *it;
}

void PeriodRecord::merge_into_year(const PeriodRecord& quarter) {
  for (std::size_t i = 0; i < kCountSize; ++i) counts[i] += quarter.counts[i];
  started_by_activity.resize(quarter.started_by_activity.size());
  for (std::size_t i = 0; i < started_by_activity.size(); ++i) {
    started_by_activity[i] += quarter.started_by_activity[i];
  }
  interview_wait_days.merge(quarter.interview_wait_days);
  specialised_wait_days.merge(quarter.specialised_wait_days);
  agent_busy_days += quarter.agent_busy_days;
  agent_queue_days += quarter.agent_queue_days;
  agent_capacity_days += quarter.agent_capacity_days;
  allowance_paid += quarter.allowance_paid;
  extra_costs_paid += quarter.extra_costs_paid;
  retention_hours += quarter.retention_hours;
  income_support_cancelled += quarter.income_support_cancelled;
  income_support_paid += quarter.income_support_paid;
  income_support_savings += quarter.income_support_savings;
  days += quarter.days;
  // Stocks: the year's value is its last quarter's.
  parcours_active_end = quarter.parcours_active_end;
  clients_in_system_end = quarter.clients_in_system_end;
  caseload_end = quarter.caseload_end;
}

IndicatorTable::IndicatorTable(const core::Calendar& calendar, core::Time horizon,
                               std::vector<GroupDimension> dimensions)
    : calendar_(calendar),
      horizon_(horizon),
      first_(calendar.fiscal_quarter_at(0.0).index()),
      dimensions_(std::move(dimensions)) {
  assert(dimensions_.size() <= kMaxDimensions);
  labels_.emplace_back("all", "all");
  for (const GroupDimension& d : dimensions_) {
    offsets_.push_back(labels_.size());
    for (const std::string& label : d.labels) labels_.emplace_back(d.name, label);
  }
  groups_ = labels_.size();
  const int last = calendar.fiscal_quarter_at(std::max(0.0, horizon - 1e-9)).index();
  records_.resize((static_cast<std::size_t>(last - first_) + 1) * groups_);
}

PeriodRecord& IndicatorTable::at(core::Time t) {
  // An event at the horizon itself belongs to the last quarter.
  const int i = calendar_.fiscal_quarter_at(std::min(t, horizon_ - 1e-9)).index() - first_;
  assert(i >= 0 && static_cast<std::size_t>(i) < quarters());
  return record(static_cast<std::size_t>(i));
}

void IndicatorTable::set_activities(const std::vector<std::string>& names) {
  activity_names_.clear();
  for (const std::string& name : names) {
    activity_names_.push_back(intern_indicator_name("activities_started." + name));
  }
  for (PeriodRecord& r : records_) r.started_by_activity.assign(names.size(), 0);
}

core::Time IndicatorTable::quarter_end(std::size_t i) const {
  return std::min(horizon_, calendar_.end_of(quarter(i)));
}

void IndicatorTable::append_values(const core::FiscalQuarter& period, std::size_t group,
                                   const PeriodRecord& r, std::vector<IndicatorValue>& out) const {
  const auto g = static_cast<std::uint16_t>(group);
  for (std::size_t i = 0; i < kCountSize; ++i) {
    out.push_back({period, g, name_of(static_cast<Count>(i)), static_cast<double>(r.counts[i])});
  }
  for (std::size_t i = 0; i < activity_names_.size(); ++i) {
    out.push_back({period, g, activity_names_[i], static_cast<double>(r.started_by_activity[i])});
  }
  // Undefined without interviews: NaN, written "NA" (not 0, which would read as no wait).
  const bool waits = r.interview_wait_days.count() > 0;
  out.push_back(
      {period, g, "interview_wait_days_mean", waits ? r.interview_wait_days.mean() : kNaN});
  out.push_back({period, g, "interview_wait_days_max", waits ? r.interview_wait_days.max() : kNaN});
  out.push_back({period, g, "allowance_paid", r.allowance_paid});
  out.push_back({period, g, "extra_costs_paid", r.extra_costs_paid});
  out.push_back({period, g, "retention_hours", r.retention_hours});
  out.push_back({period, g, "income_support_cancelled", r.income_support_cancelled});
  out.push_back({period, g, "income_support_paid", r.income_support_paid});
  out.push_back({period, g, "income_support_savings", r.income_support_savings});
  const bool specialised = r.specialised_wait_days.count() > 0;
  out.push_back({period, g, "specialised_wait_days_mean",
                 specialised ? r.specialised_wait_days.mean() : kNaN});
  if (group == 0) {  // the agents serve everyone: their load has no per-group value
    const double capacity_days = r.agent_capacity_days;
    out.push_back({period, g, "agent_utilisation",
                   capacity_days > 0 ? r.agent_busy_days / capacity_days : 0.0});
    out.push_back({period, g, "agent_queue_mean", r.days > 0 ? r.agent_queue_days / r.days : 0.0});
    out.push_back({period, g, "caseload_end", r.caseload_end});
  }
  out.push_back({period, g, "parcours_active_end", r.parcours_active_end});
  out.push_back({period, g, "clients_in_system_end", r.clients_in_system_end});
}

std::vector<IndicatorValue> IndicatorTable::quarterly_values() const {
  std::vector<IndicatorValue> out;
  for (std::size_t q = first_reported(); q < quarters(); ++q) {
    for (std::size_t g = 0; g < groups_; ++g) append_values(quarter(q), g, record(q, g), out);
  }
  return out;
}

std::vector<IndicatorValue> IndicatorTable::yearly_values() const {
  std::vector<IndicatorValue> out;
  std::size_t q = first_reported();
  while (q < quarters()) {
    const int year = quarter(q).year;
    std::vector<PeriodRecord> totals(groups_);
    for (; q < quarters() && quarter(q).year == year; ++q) {
      for (std::size_t g = 0; g < groups_; ++g) totals[g].merge_into_year(record(q, g));
    }
    for (std::size_t g = 0; g < groups_; ++g) {
      append_values(core::FiscalQuarter{year, 1}, g, totals[g], out);
    }
  }
  return out;
}

}  // namespace parcours::model
