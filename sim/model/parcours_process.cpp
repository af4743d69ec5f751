// The Parcours module (parcours_process.hpp): what it keeps, its events, and what it does
// for the other modules that is not a stage of its own files.

#include "model/parcours_process.hpp"

#include <algorithm>
#include <cassert>

#include "model/decision_rules.hpp"

namespace parcours::model {

ParcoursProcess::ParcoursProcess(ClientTable& clients, const ModelParameters& params,
                                 DecisionRules& rules, OseServices& ose, bool keep_last)
    : clients_(clients),
      params_(params),
      rules_(rules),
      ose_(ose),
      parcours_active_(clients.indicators().groups(), 0),
      benefits_(clients.indicators().groups()),
      track_last_(keep_last) {
  // A repeat needs a revision, a readmission or a plan rule that may name an activity twice;
  // the default plan's own repeats count too.
  std::vector<std::uint8_t> plan = params.parcours.default_plan;
  std::sort(plan.begin(), plan.end());
  early_endings_ = std::any_of(params.activities.begin(), params.activities.end(),
                               [](const ActivityParameters& a) { return may_end_early(a); });
  track_completed_ = params.parcours.max_revisions > 0 || track_last_ || rules.plans_freely() ||
                     std::adjacent_find(plan.begin(), plan.end()) != plan.end();
  major_events_ = params.parcours.major_event.hazard.family != Hazard::Family::kNone;
}

void ParcoursProcess::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  const auto s = static_cast<Slot>(subject);
  switch (kind) {
    case kActivityEnd:
      on_activity_end(s);
      break;
    case kDropout:
      on_parcours_exit(s, Count::kParcoursEndedDropout);
      break;
    case kClosure:
      on_parcours_exit(s, Count::kParcoursEndedClosure);
      break;
    default:
      assert(false);
      break;
  }
}

void ParcoursProcess::on_admit(ClientTable::Admission a) {
  if (!track_completed_) return;
  if (a.new_slot) {
    completed_.emplace_back();
  } else {
    completed_[a.slot] = {};
  }
}

void ParcoursProcess::job_during_step(Slot s) {
  if (integration_job_due(s)) {
    start_integration(s);  // rule M9: the job is inside the participation, which goes on
  } else {
    end_step_for_job(s);  // a job during an activity (P7)
  }
}

void ParcoursProcess::search_alone(Slot s) {
  employment_->start_job_search(s, params_.job_search.autonomous, clients_[s].evaluations);
}

void ParcoursProcess::revise_plan(Slot s) {
  ++clients_[s].revisions;
  make_plan(s);
}

}  // namespace parcours::model
