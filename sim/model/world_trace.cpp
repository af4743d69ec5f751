// Client journeys (issue 15): World's side of the trace. These run only when a trace was
// given (World::set_trace); an untraced run never calls them.

#include <algorithm>
#include <array>
#include <string_view>

#include "model/traced_rules.hpp"
#include "model/world.hpp"

namespace parcours::model {

namespace {

// By EventKind, as trace.csv names them.
constexpr std::array<std::string_view, kEventKindCount> kEventNames{"arrival",
                                                                    "agent_granted",
                                                                    "interview_end",
                                                                    "specialist_granted",
                                                                    "specialised_evaluation_end",
                                                                    "referred_return",
                                                                    "activity_start",
                                                                    "activity_end",
                                                                    "dropout",
                                                                    "closure",
                                                                    "job_found",
                                                                    "retention_phase_end",
                                                                    "retention_contact",
                                                                    "retention_end",
                                                                    "retention_client_stop",
                                                                    "retention_late_start",
                                                                    "retention_referral",
                                                                    "job_loss",
                                                                    "job_followup_end",
                                                                    "accompaniment_contact",
                                                                    "contact_agent_granted",
                                                                    "contact_end",
                                                                    "opening_change",
                                                                    "quarter_end",
                                                                    "ose_place_granted",
                                                                    "waitlist_dropout",
                                                                    "integration_end",
                                                                    "major_event",
                                                                    "ose_report_granted",
                                                                    "ose_report_end"};

}  // namespace

std::uint64_t World::client_of_event(std::uint32_t kind, std::uint64_t subject) const {
  switch (static_cast<EventKind>(kind)) {
    case kArrival:
      return arrivals_ + 1;  // on_arrival numbers the client it admits
    case kOpeningChange:
    case kQuarterEnd:
    case kEventKindCount:
      return 0;
    case kAccompanimentContact:
    case kContactAgentGranted:
    case kContactEnd:
    case kOseReportGranted:
    case kOseReportEnd:
      return accompaniment_.client_of(subject);
    default:
      return subject < table_.slots() ? table_[static_cast<Slot>(subject)].id() : 0;
  }
}

void World::trace_row(Slot s, std::uint64_t client, const char* row, std::string what,
                      std::string stage) {
  TraceRow r;
  r.client = client;
  r.time = sim_.now();
  r.date = core::format_date(calendar_.date_at(r.time));
  r.row = row;
  r.what = std::move(what);
  r.stage = std::move(stage);
  if (ose_.on_books() && s < table_.slots() && ose_.participation(s).agreement >= 0) {
    const Participation& p = ose_.participation(s);
    r.agreement = params_.agreements.agreements[static_cast<std::size_t>(p.agreement)].id;
    r.hours = p.hours_given;
  }
  trace_->add(std::move(r));
}

void World::on_event(std::uint32_t kind, std::uint64_t subject) {
  const std::uint64_t client = client_of_event(kind, subject);
  if (client != 0 && trace_->follows(client)) {
    if (kind == kArrival) {
      trace_row(static_cast<Slot>(table_.slots()), client, "event", "arrival", "arriving");
    } else {
      const auto s = static_cast<Slot>(subject & 0xffffffffU);
      trace_row(s, client, "event", std::string(kEventNames[kind]),
                std::string(stage_name(table_[s].stage)));
    }
  }
}

void World::on_count(const Client& c, Count what) {
  if (!trace_->follows(c.id())) return;
  // Counts name a client of the table; the slot finds its participation.
  const Slot s = table_.slot_of(c);
  trace_row(s, c.id(), "outcome", std::string(name_of(what)), std::string(stage_name(c.stage)));
}

void World::trace_leave(Slot s) {
  const Client& c = table_[s];
  if (!trace_->follows(c.id())) return;
  // The journey's end: the last outcome counted says how (job_followup_ended, ...).
  const std::string_view last = trace_->last_outcome(c.id());
  trace_row(s, c.id(), "ending", last.empty() ? "left" : "left after " + std::string(last), "left");
}

void World::trace_horizon() {
  std::vector<bool> free(table_.slots(), false);
  table_.for_each_free_slot([&free](Slot s) { free[s] = true; });
  for (Slot s = 0; s < table_.slots(); ++s) {
    if (free[s] || !trace_->follows(table_[s].id())) continue;
    trace_row(s, table_[s].id(), "ending", "in_system_at_horizon",
              std::string(stage_name(table_[s].stage)));
  }
}

}  // namespace parcours::model
