#include "model/world.hpp"

#include <cassert>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace parcours::model {

namespace {

core::Time horizon_of(const core::Calendar& calendar, double years) {
  const double whole = std::floor(years);
  const core::Date end = calendar.start() + std::chrono::years{static_cast<int>(whole)};
  // Whole years follow the calendar (leap days included); a fraction adds average days.
  return calendar.time_of(core::Date{std::chrono::sys_days{end}}) + (years - whole) * 365.25;
}

// The table's quarters and activities are set before the modules read them (the ledger
// reports from the same quarter as the indicators).
ClientTable& prepared(ClientTable& table, const ModelParameters& params,
                      const core::Calendar& calendar) {
  // The warm-up's quarters are simulated but not reported (HorizonParameters::warmup_years).
  table.indicators().report_from(
      calendar.fiscal_quarter_at(calendar.time_of(params.horizon.start)).index());
  std::vector<std::string> activity_names;
  for (const ActivityParameters& a : params.activities) activity_names.push_back(a.name);
  table.indicators().set_activities(activity_names);
  return table;
}

}  // namespace

World::World(core::Simulation& sim, const ModelParameters& params, DecisionRules& rules)
    : sim_(sim),
      params_(params),
      rules_(rules),
      calendar_(params.horizon.model_start()),
      horizon_(horizon_of(calendar_, params.horizon.years + params.horizon.warmup_years)),
      agents_(sim, params.evaluation.agents),
      table_(sim, calendar_, horizon_, group_dimensions(params)),
      parcours_active_(table_.indicators().groups(), 0),
      in_system_(table_.indicators().groups(), 0),
      benefits_(table_.indicators().groups()),
      ose_(prepared(table_, params, calendar_), params, horizon_, keeps_last(params)),
      accompaniment_(table_, params, agents_, *this),
      track_last_(keeps_last(params)),
      arrival_stream_(sim.stream(0, purpose(Draw::kAttributes))) {
  ose_.set_pathway(this);
  if (params.evaluation.specialised_evaluators > 0) {
    specialists_ = std::make_unique<core::Resource>(sim, params.evaluation.specialised_evaluators);
  }
  const PopulationParameters& p = params.population;
  if (!p.sample.empty()) {
    population_ = std::make_unique<ResampledPopulation>(p.sample);
  } else {
    population_ = std::make_unique<CopulaPopulation>(p.margins, p.correlation);
  }
  // A repeat needs a revision, a readmission or a plan rule that may name an activity twice;
  // the default plan's own repeats count too.
  std::vector<std::uint8_t> plan = params.parcours.default_plan;
  std::sort(plan.begin(), plan.end());
  early_endings_ = std::any_of(params.activities.begin(), params.activities.end(),
                               [](const ActivityParameters& a) { return may_end_early(a); });
  track_completed_ = params.parcours.max_revisions > 0 || track_last_ || rules.plans_freely() ||
                     std::adjacent_find(plan.begin(), plan.end()) != plan.end();
  major_events_ = params.parcours.major_event.hazard.family != Hazard::Family::kNone;
  sim.set_prefetcher(&table_);
}

World::~World() { sim_.set_prefetcher(nullptr); }

bool World::keeps_last(const ModelParameters& params) {
  const RetentionParameters& r = params.retention;
  return r.readmission_days > 0 || r.payment_lag_days > 0 || r.late_start_probability > 0 ||
         r.employer_request_probability > 0 ||
         std::any_of(params.activities.begin(), params.activities.end(),
                     [](const ActivityParameters& a) {
                       return a.service.measure != Measure::kInternal || a.retention_included ||
                              a.in_job_support_days > 0 || a.integration_days.highest() > 0;
                     });
}

void World::apply_opening(core::Time t) {
  const EvaluationParameters& e = params_.evaluation;
  // Whether the office is open just after `at` (a fraction of a second later, so that a change
  // computed as day + hour / 24 is on the right side of its own rounding).
  auto is_open = [&](core::Time at) {
    at += 1e-6;
    const std::chrono::weekday day{std::chrono::sys_days{calendar_.date_at(at)}};
    const double hour = (at - std::floor(at)) * 24.0;
    return e.open_days[day.iso_encoding() - 1] && hour >= e.open_from_hours &&
           hour < e.open_to_hours;
  };
  const bool open = is_open(t);
  agents_.set_capacity(open ? e.agents : 0);
  // The next change: the next opening or closing hour at which the state flips.
  const core::Time today = std::floor(t);
  for (int d = 0; d <= 8; ++d) {
    for (const double hour : {e.open_from_hours, e.open_to_hours}) {
      const core::Time at = today + d + hour / 24.0;
      if (at > t + 1e-5 && is_open(at) != open) {
        if (at < horizon_) sim_.schedule_at(at, core::EventTarget{this, kOpeningChange, 0});
        return;
      }
    }
  }
}

void World::run(const Progress& progress) {
  progress_ = progress;
  if (params_.evaluation.opening_hours) apply_opening(0.0);
  place_initial_caseload();
  schedule_next_arrival();
  // Quarter ends run after every other event of their instant (highest priority value), so
  // a quarter's stocks include everything that happened up to its last moment.
  sim_.schedule_at(table_.indicators().quarter_end(0), core::EventTarget{this, kQuarterEnd, 0},
                   core::EventQueue::kMaxPriority);
  sim_.run(horizon_);
  if (trace_ != nullptr) trace_horizon();
}

void World::handle(std::uint32_t kind, std::uint64_t subject) {
  table_.note_event(kind, subject);
  dispatch(kind, subject);
}

void World::dispatch(std::uint32_t kind, std::uint64_t subject) {
  const auto s = static_cast<Slot>(subject);
  switch (static_cast<EventKind>(kind)) {
    case kArrival:
      on_arrival();
      break;
    case kAgentGranted:
      start_interview(s);
      break;
    case kInterviewEnd:
      on_interview_end(s);
      break;
    case kSpecialistGranted:
      start_specialised_evaluation(s);
      break;
    case kSpecialisedEvaluationEnd:
      on_specialised_evaluation_end(s);
      break;
    case kReferredReturn:
      count(table_[s], Count::kReferredReturns);
      join_agent_queue(s);
      break;
    case kActivityEnd:
      on_activity_end(s);
      break;
    case kDropout:
      on_parcours_exit(s, Count::kParcoursEndedDropout);
      break;
    case kClosure:
      on_parcours_exit(s, Count::kParcoursEndedClosure);
      break;
    case kJobFound:
      on_job_found(s);
      break;
    case kRetentionContact:
      on_retention_contact(s);
      break;
    case kRetentionPhaseEnd:
      on_retention_phase_end(s);
      break;
    case kRetentionEnd:
      finish_retention(s, Count::kRetentionEndedObjectives);  // rule M5
      follow_job(s);
      break;
    case kRetentionClientStop:
      table_[s].exit_event = core::EventHandle{};
      sim_.cancel(table_[s].next_event);
      finish_retention(s, Count::kRetentionEndedClient);  // rule M5
      follow_job(s);
      break;
    case kRetentionLateStart:
      on_late_start(s);
      break;
    case kRetentionReferral:
      on_partner_referral(s);
      break;
    case kJobLoss:
      on_job_loss(s);
      break;
    case kJobFollowupEnd:
      on_job_followup_end(s);
      break;
    case kIntegrationEnd:
      on_integration_end(s);
      break;
    case kMajorEvent:
      on_major_event(s);
      break;
    case kOpeningChange:
      apply_opening(sim_.now());
      break;
    case kQuarterEnd:
      on_quarter_end(subject);
      break;
    default:  // the other modules' events (OseServices, Accompaniment)
      assert(false);
      break;
  }
}

std::uint64_t World::model_events() const {
  std::uint64_t n = 0;
  for (std::uint32_t k = 0; k < kEventKindCount; ++k) {
    if (!is_bookkeeping(k)) n += table_.events_of(static_cast<EventKind>(k));
  }
  return n;
}

Slot World::admit() {
  const ClientTable::Admission a = table_.admit();
  const Slot s = a.slot;
  ose_.on_admit(a);
  accompaniment_.on_admit(a);
  if (!a.new_slot) {
    if (track_completed_) completed_[s] = {};
    return s;
  }
  job_of_.push_back(kNoJob);
  if (track_completed_) completed_.emplace_back();
  return s;
}

std::vector<GroupDimension> World::group_dimensions(const ModelParameters& params) {
  std::vector<GroupDimension> dims;
  if (params.population.regions.size() > 1) dims.push_back({"region", params.population.regions});
  std::vector<std::string> support;
  for (int i = 0; i <= 2; ++i) support.emplace_back(to_string(static_cast<IncomeSupport>(i)));
  dims.push_back({"income_support", support});
  dims.push_back({"distance", {"0-2", "3+"}});
  return dims;
}

// A client's groups are fixed at arrival (the distance class as first assessed, even if a
// later evaluation reassesses it, rule D4), so that all of a client's flows stay in one group.
void World::assign_groups(Slot s) {
  Client& c = table_[s];
  const Profile& p = table_.profile(s);
  std::size_t d = 0;
  if (params_.population.regions.size() > 1) c.groups[d++] = p.region;
  c.groups[d++] = static_cast<std::uint8_t>(p.income_support);
  c.income_support = static_cast<std::uint8_t>(p.income_support) & 3U;
  c.groups[d++] = c.limiting_characteristics >= 3 ? 1 : 0;  // rule D2
  table_.add_stock(in_system_, c, +1);
  start_benefit(s);
}

void World::leave(Slot s) {
  assert(!table_[s].in_parcours);
  if (trace_ != nullptr) [[unlikely]]
    trace_leave(s);
  table_.add_stock(in_system_, table_[s], -1);
  stop_benefit(s, false);
  ose_.on_leave(s);  // rule S2: what was given of the follow-up so far
  if (job_of_[s] != kNoJob) {
    free_jobs_.push_back(job_of_[s]);
    job_of_[s] = kNoJob;
  }
  table_.release(s);
}

void World::on_quarter_end(std::size_t quarter) {
  const core::Time now = sim_.now();
  PeriodRecord& r = table_.indicators().record(quarter);
  const double busy = agents_.busy_level().integral(now);
  const double queue = agents_.queue_level().integral(now);
  const double capacity = agents_.capacity_level().integral(now);
  r.agent_busy_days = busy - busy_mark_;
  r.agent_queue_days = queue - queue_mark_;
  r.agent_capacity_days = capacity - capacity_mark_;
  busy_mark_ = busy;
  queue_mark_ = queue;
  capacity_mark_ = capacity;
  const double days = now - (quarter == 0 ? 0.0 : table_.indicators().quarter_end(quarter - 1));
  r.caseload_end = static_cast<double>(parcours_active_[0]) / params_.evaluation.agents;
  for (std::size_t g = 0; g < table_.indicators().groups(); ++g) {
    PeriodRecord& rg = table_.indicators().record(quarter, g);
    rg.days = days;
    rg.parcours_active_end = static_cast<double>(parcours_active_[g]);
    rg.clients_in_system_end = static_cast<double>(in_system_[g]);
  }
  book_benefits(quarter);
  if (progress_) progress_(now / horizon_);
  if (quarter + 1 < table_.indicators().quarters()) {
    table_.set_quarter(quarter + 1);
    sim_.schedule_at(table_.indicators().quarter_end(quarter + 1),
                     core::EventTarget{this, kQuarterEnd, quarter + 1},
                     core::EventQueue::kMaxPriority);
  }
}

}  // namespace parcours::model
