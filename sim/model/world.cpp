#include "model/world.hpp"

#include <cassert>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "model/employment.hpp"
#include "model/evaluation.hpp"
#include "model/parcours_process.hpp"
#include "model/retention.hpp"

namespace parcours::model {

// What the Parcours asks of the office, so that world.hpp needs none of the modules' headers.
class World::Wiring final : public ParcoursProcess::Office {
 public:
  explicit Wiring(World& world) : w_(world) {}
  void leave(Slot s) override { w_.leave(s); }

 private:
  World& w_;
};

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
      calendar_(params.horizon.model_start()),
      horizon_(horizon_of(calendar_, params.horizon.years + params.horizon.warmup_years)),
      agents_(sim, params.evaluation.agents),
      table_(sim, calendar_, horizon_, group_dimensions(params),
             params.population.regions.size() > 1),
      in_system_(table_.indicators().groups(), 0),
      ose_(prepared(table_, params, calendar_), params, horizon_, keeps_last(params)),
      parcours_(std::make_unique<ParcoursProcess>(table_, params, rules, ose_, keeps_last(params))),
      accompaniment_(table_, params, agents_, *parcours_),
      employment_(std::make_unique<Employment>(table_, params, rules, ose_, keeps_last(params))),
      retention_(std::make_unique<Retention>(table_, params, rules, ose_, *employment_,
                                             keeps_last(params))),
      evaluation_(std::make_unique<Evaluation>(table_, params, rules, agents_)),
      wiring_(std::make_unique<Wiring>(*this)),
      arrival_stream_(sim.stream(0, purpose(Draw::kAttributes))) {
  ose_.set_pathway(parcours_.get());
  parcours_->wire(wiring_.get(), &accompaniment_, employment_.get(), evaluation_.get());
  employment_->wire(parcours_.get(), retention_.get());
  evaluation_->set_pathway(parcours_.get());
  const PopulationParameters& p = params.population;
  if (!p.sample.empty()) {
    population_ = std::make_unique<ResampledPopulation>(p.sample);
  } else {
    population_ = std::make_unique<CopulaPopulation>(p.margins, p.correlation);
  }
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
  if (!table_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  dispatch(kind, subject);
}

void World::dispatch(std::uint32_t kind, std::uint64_t subject) {
  switch (static_cast<EventKind>(kind)) {
    case kArrival:
      on_arrival();
      break;
    case kOpeningChange:
      apply_opening(sim_.now());
      break;
    case kQuarterEnd:
      on_quarter_end(subject);
      break;
    default:  // the other modules' events
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
  parcours_->on_admit(a);
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
  c.distant_at_arrival = c.limiting_characteristics >= 3;  // rule D2 (ClientTable::groups)
  table_.add_stock(in_system_, c, +1);
  parcours_->start_benefit(s);
}

void World::leave(Slot s) {
  assert(!table_[s].in_parcours);
  if (trace_ != nullptr) [[unlikely]]
    trace_leave(s);
  table_.add_stock(in_system_, table_[s], -1);
  parcours_->stop_benefit(s, false);
  ose_.on_leave(s);  // rule S2: what was given of the follow-up so far
  employment_->on_leave(s);
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
  r.caseload_end = static_cast<double>(parcours_->active(0)) / params_.evaluation.agents;
  for (std::size_t g = 0; g < table_.indicators().groups(); ++g) {
    PeriodRecord& rg = table_.indicators().record(quarter, g);
    rg.days = days;
    rg.parcours_active_end = static_cast<double>(parcours_->active(g));
    rg.clients_in_system_end = static_cast<double>(in_system_[g]);
  }
  parcours_->book_benefits(quarter);
  if (progress_) progress_(now / horizon_);
  if (quarter + 1 < table_.indicators().quarters()) {
    table_.set_quarter(quarter + 1);
    sim_.schedule_at(table_.indicators().quarter_end(quarter + 1),
                     core::EventTarget{this, kQuarterEnd, quarter + 1},
                     core::EventQueue::kMaxPriority);
  }
}

}  // namespace parcours::model
