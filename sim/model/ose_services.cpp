// Services of specialised employability organisations (OSE) under agreements (rules S2-S8,
// M11): at the planned start of a referred activity (rule P8) the client goes to an
// organisation that offers the service in their region under an agreement in force (none
// before its signature, rule S8), takes a place or joins its waitlist (and may give up
// waiting), and the agreement's ledger books the participation: its intensity level, its
// hours in the quarters they were given, and its cost under both funding modes (rule S7).

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "model/ose_services.hpp"
#include "model/queue_priority.hpp"

namespace parcours::model {

OseServices::OseServices(ClientTable& clients, const ModelParameters& params, core::Time horizon,
                         bool keep_last)
    : clients_(clients),
      params_(params),
      horizon_(horizon),
      on_books_(!params.agreements.agreements.empty()),
      kept_(on_books_ || keep_last) {
  const AgreementParameters& ap = params_.agreements;
  for (const Organisation& o : ap.organisations) {
    place_base_.push_back(places_.size());
    for (const ServiceOffer& offer : o.offers) {
      places_.push_back(std::make_unique<core::Resource>(clients_.sim(), offer.slots));
    }
  }
  agreements_of_activity_.resize(params_.activities.size());
  std::vector<std::size_t> levels;
  for (std::size_t i = 0; i < ap.agreements.size(); ++i) {
    const Agreement& a = ap.agreements[i];
    agreements_of_activity_[a.activity].push_back(static_cast<std::uint16_t>(i));
    levels.push_back(params_.activities[a.activity].service.level_count());
  }
  // A participation started under an agreement may end after it: at most the longest
  // activity later (an unbounded duration: any time up to the horizon).
  double tail = 0.0;
  for (const ActivityParameters& a : params_.activities) {
    if (a.extension_probability > 0) {
      tail = std::numeric_limits<double>::infinity();
      break;
    }
    tail = std::max(tail, a.duration_days.highest());
  }
  ledger_ = std::make_unique<AgreementLedger>(ap.agreements, levels, tail,
                                              clients_.indicators().quarter(0),
                                              clients_.indicators().quarters());
  ledger_->report_from(clients_.indicators().first_reported());  // after a warm-up
}

void OseServices::handle(std::uint32_t kind, std::uint64_t subject) {
  if (!clients_.note_event(kind, subject)) return;  // cancelled since it was scheduled
  const auto s = static_cast<Slot>(subject);
  switch (kind) {
    case kActivityStart:
      on_planned_start(s);
      break;
    case kOsePlaceGranted:
      on_place_granted(s);
      break;
    case kWaitlistDropout:
      on_waitlist_dropout(s);
      break;
    default:
      assert(false);
      break;
  }
}

void OseServices::on_admit(ClientTable::Admission a) {
  if (!a.new_slot) {
    if (kept_) participations_[a.slot] = Participation{};
    return;
  }
  if (kept_) participations_.emplace_back();
  if (on_books_) history_.reserve_slots(clients_.slots());
}

void OseServices::on_leave(Slot s) {
  if (!on_books_) return;
  book_followup(s);  // rule S2: what was given of the follow-up so far
  history_.clear(s);
}

unsigned OseServices::organisation_level(Slot s) const {
  return params_.priority.organisations ? priority_level(params_.priority, clients_.profile(s),
                                                         clients_[s].limiting_characteristics)
                                        : 0U;
}

core::Resource& OseServices::places_of(const Agreement& a) {
  const Organisation& o = params_.agreements.organisations[a.organisation];
  const ServiceOffer* offer = o.offer(a.activity);
  assert(offer != nullptr);
  return *places_[place_base_[a.organisation] + static_cast<std::size_t>(offer - o.offers.data())];
}

void OseServices::on_planned_start(Slot s) {
  Client& c = clients_[s];
  const std::uint8_t activity = clients_.activity(c, c.next_activity);
  if (agreements_of_activity_.empty() || agreements_of_activity_[activity].empty()) {
    pathway_->begin_activity(
        s);  // no agreements in the scenario for this service: no limit, no ledger
    return;
  }
  Participation& p = participations_[s];
  if (p.readmission && p.activity == activity && p.agreement >= 0 &&
      !params_.agreements.agreements[a_index(s)].active_at(clients_.now())) {
    p.readmission = false;  // its agreement ended meanwhile: a new participation elsewhere
  }
  if (p.readmission && p.activity == activity && p.agreement >= 0) {
    // Rule M7: the original participation resumes under its agreement, with a place like
    // anyone's (ahead of the waitlist's limit: it is the organisation's own participant).
    c.step_started_at = clients_.now();
    const Agreement& a = params_.agreements.agreements[a_index(s)];
    if (places_of(a).acquire_or_wait(core::EventTarget{this, kOsePlaceGranted, s},
                                     organisation_level(s))) {
      begin_ose_activity(s);
    } else {
      p.waiting = true;
      ledger_->at(a_index(s), clients_.quarter(), p.level).waitlisted += 1;
    }
    return;
  }
  if (p.agreement < 0 || p.activity != activity || p.step != step_of(c)) {
    book_followup(s);  // rule S2: the last service's follow-up ends with this one
    // The plan sets the intensity (rule M8): hours drawn once per step, before any wait.
    const ServiceTerms& terms = params_.activities[activity].service;
    core::RandomStream rng = clients_.stream(c, Draw::kServiceHours, step_of(c));
    p = Participation{};
    p.activity = activity;
    p.step = static_cast<std::uint8_t>(step_of(c));
    p.hours_direct = terms.has_hours ? terms.hours_direct.sample(rng) : 0.0;
    p.hours_indirect = terms.has_hours ? terms.hours_indirect.sample(rng) : 0.0;
    p.level = static_cast<std::uint8_t>(terms.level_of(p.hours_direct + p.hours_indirect));
    p.disability_overhead =
        clients_.profile(s).disability ? terms.disability_overhead.sample(rng) : 0.0;  // rule S7
    p.followup_hours = terms.followup_days > 0 ? terms.followup_hours.sample(rng) : 0.0;
  }
  // Agreements for this service with an organisation serving the client's region.
  const auto region = static_cast<int>(clients_.profile(s).region);
  int best = -1;
  int full = -1;  // the first agreement in force whose places and waitlist are full
  long best_room = std::numeric_limits<long>::min();
  core::Time next_signature = std::numeric_limits<double>::infinity();
  for (const std::uint16_t i : agreements_of_activity_[activity]) {
    const Agreement& a = params_.agreements.agreements[i];
    const Organisation& o = params_.agreements.organisations[a.organisation];
    if (o.region >= 0 && o.region != region) continue;
    if (!a.active_at(clients_.now())) {
      if (a.start > clients_.now()) next_signature = std::min(next_signature, a.start);
      continue;
    }
    // Places free first, then the shortest waitlist with room; the first listed on ties.
    const core::Resource& places = places_of(a);
    const int limit = o.offer(activity)->waitlist;
    const long free = places.capacity() - places.busy();
    const auto waiting = static_cast<long>(places.queue_length());
    if (free <= 0 && limit >= 0 && waiting >= limit) {
      if (full < 0) full = i;
      continue;
    }
    const long room = free > 0 ? free : -waiting;
    if (best < 0 || room > best_room) {
      best = i;
      best_room = room;
    }
  }
  if (best < 0) {
    if (full < 0 && std::isfinite(next_signature) && next_signature < horizon_) {
      // Rule S8: no activity before the agreement is signed; the client waits for it.
      clients_.schedule_step(this, next_signature - clients_.now(), kActivityStart, s);
      return;
    }
    // Every place and waitlist in the region is full: the client is turned away (booked on
    // the first of those agreements); or no agreement serves the region now or later.
    if (full >= 0)
      ledger_->at(static_cast<std::size_t>(full), clients_.quarter(), p.level).turned_away += 1;
    clients_.count(c, Count::kOseNotServed);
    p.agreement = -1;
    pathway_->skip_step(s);
    return;
  }
  p.agreement = best;
  const Agreement& a = params_.agreements.agreements[static_cast<std::size_t>(best)];
  c.step_started_at = clients_.now();  // the wait for a place starts now
  if (places_of(a).acquire_or_wait(core::EventTarget{this, kOsePlaceGranted, s},
                                   organisation_level(s))) {
    begin_ose_activity(s);
    return;
  }
  p.waiting = true;
  ledger_->at(a_index(s), clients_.quarter(), p.level).waitlisted += 1;
  const Organisation& o = params_.agreements.organisations[a.organisation];
  if (o.waiting_dropout_per_day > 0) {
    core::RandomStream rng = clients_.stream(c, Draw::kWaitlistDropout, step_of(c));
    p.renege = clients_.sim().schedule(rng.exponential(1.0 / o.waiting_dropout_per_day),
                                       core::EventTarget{this, kWaitlistDropout, s});
  }
}

void OseServices::on_place_granted(Slot s) {
  Participation& p = participations_[s];
  assert(p.waiting);
  p.waiting = false;
  clients_.sim().cancel(p.renege);
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  if (!a.active_at(clients_.now())) {
    // The agreement ended while the client waited (rule S6): the place is not its to give;
    // the client is referred again, to an agreement in force.
    places_of(a).release();
    p.agreement = -1;
    p.readmission = false;
    on_planned_start(s);
    return;
  }
  AgreementRecord& r = ledger_->at(a_index(s), clients_.quarter(), p.level);
  const double wait = clients_.now() - clients_[s].step_started_at;
  r.wait_days += wait;
  r.waits += 1;
  const double threshold = params_.agreements.wait_threshold_days;
  if (threshold > 0 && wait > threshold) r.waited_over_threshold += 1;
  begin_ose_activity(s);
}

void OseServices::begin_ose_activity(Slot s) {
  Participation& p = participations_[s];
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  p.placed = true;
  p.started = clients_.now();
  if (p.readmission) {
    // Rule M7: the same participant again: not a new one, no new price; the hours as planned.
    ledger_->at(a_index(s), clients_.quarter(), p.level).readmissions += 1;
  } else {
    AgreementRecord& r = ledger_->at(a_index(s), clients_.quarter(), p.level);
    r.started += 1;
    r.cost_fixed_price += a.fixed_price_cost(p.level);  // rule S7: the price of a participant
  }
  p.planned_days = pathway_->begin_activity(s);
}

void OseServices::on_waitlist_dropout(Slot s) {
  Participation& p = participations_[s];
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  [[maybe_unused]] const bool withdrawn =
      places_of(a).withdraw(core::EventTarget{this, kOsePlaceGranted, s});
  assert(withdrawn);
  p.waiting = false;
  ledger_->at(a_index(s), clients_.quarter(), p.level).waitlist_dropouts += 1;
  pathway_->waitlist_dropout(s);
}

void OseServices::leave_waitlist(Slot s) {
  if (!on_books_) return;
  Participation& p = participations_[s];
  if (!p.waiting) return;
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  [[maybe_unused]] const bool withdrawn =
      places_of(a).withdraw(core::EventTarget{this, kOsePlaceGranted, s});
  assert(withdrawn);
  clients_.sim().cancel(p.renege);
  p.waiting = false;
}

bool OseServices::close_participation(Slot s, bool reprice) {
  if (!on_books_) return false;
  Participation& p = participations_[s];
  if (!p.placed) return false;
  p.placed = false;
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  const ServiceTerms& terms = params_.activities[p.activity].service;
  // Hours are given evenly over the participation; one cut short gives its share (rule S7:
  // actual costs pay what was given, a fixed price was paid at the start).
  const double given =
      p.planned_days > 0 ? std::min(1.0, (clients_.now() - p.started) / p.planned_days) : 1.0;
  const double direct = p.hours_direct * given;
  const double indirect = p.hours_indirect * given;
  const double cost = a.actual_cost(terms.staff_hours(direct, indirect), 0.0);
  const std::size_t ai = a_index(s);
  clients_.spread_over_quarters(p.started, clients_.now(), [&](std::size_t q, double share) {
    AgreementRecord& r = ledger_->at(ai, q, p.level);
    r.hours_direct += direct * share;
    r.hours_indirect += indirect * share;
    r.cost_actual_costs += cost * share;
  });
  AgreementRecord& r = ledger_->at(ai, clients_.quarter(), p.level);
  const bool resumed = p.readmission;  // rule M7: the same participation, continued
  r.ended += resumed ? 0 : 1;
  r.hours_ended += direct + indirect;
  if (!resumed) r.cost_actual_costs += a.actual_cost(0.0, p.disability_overhead);  // S7
  places_of(a).release();
  p.readmission = false;
  p.ended_at = clients_.now();
  // Rule M13: its results are credited on its own window, whatever participations follow;
  // once per participation, a resumed one included.
  if (resumed) {
    history_.extend_newest(s, p.agreement, p.ended_at);
  } else {
    history_.add(s, {p.agreement, p.level, p.ended_at}, params_.parcours.followup_days);
  }
  if (resumed) {
    add_hours_given(s, direct + indirect);
    return true;
  }
  // Rules M8, M13: the level the hours given reach (retention may add to them later).
  p.close_quarter = clients_.quarter();
  p.hours_given = direct + indirect;
  p.level_reached = static_cast<std::uint8_t>(terms.level_of(p.hours_given));
  AgreementRecord& reached = ledger_->at(ai, clients_.quarter(), p.level_reached);
  reached.ended_at_level_reached += 1;
  reached.hours_at_level_reached += p.hours_given;
  if (reprice && p.level_reached != p.level) {
    // Rule S7 with M8: a participation a job or its objectives cut short is priced at the
    // level its hours reached, not the level planned (booked at the start).
    ledger_->at(ai, clients_.quarter(), p.level).cost_fixed_price -= a.fixed_price_cost(p.level);
    reached.cost_fixed_price += a.fixed_price_cost(p.level_reached);
  }
  return true;
}

void OseServices::credit_results(Slot s, bool school) {
  if (!on_books_) return;
  history_.credit(
      s, clients_.now(), params_.parcours.followup_days, [&](const ParticipationHistory::Ended& e) {
        if (e.agreement < 0) return;
        AgreementRecord& r =
            ledger_->at(static_cast<std::size_t>(e.agreement), clients_.quarter(), e.level);
        (school ? r.school_0_3_months : r.employed_0_3_months) += 1;
      });
}

void OseServices::add_hours_given(Slot s, double hours) {
  // Rule M8: the intensity level counts every hour of the participation, retention and a
  // readmission included; the participant moves to the level the total reaches (on the books
  // of the quarter in which the participation first ended).
  Participation& p = participations_[s];
  const std::size_t ai = a_index(s);
  const ServiceTerms& terms = params_.activities[p.activity].service;
  AgreementRecord& before = ledger_->at(ai, p.close_quarter, p.level_reached);
  before.ended_at_level_reached -= 1;
  before.hours_at_level_reached -= p.hours_given;
  p.hours_given += hours;
  p.level_reached = static_cast<std::uint8_t>(terms.level_of(p.hours_given));
  AgreementRecord& after = ledger_->at(ai, p.close_quarter, p.level_reached);
  after.ended_at_level_reached += 1;
  after.hours_at_level_reached += p.hours_given;
}

void OseServices::credit_followup(Slot s) {
  // Rule S2: a job during the service's follow-up (e.g. the job-search club's six months
  // from its start) is the service's result.
  if (!on_books_) return;
  book_followup(s);
  const Participation& p = participations_[s];
  if (p.agreement < 0 || p.placed || p.waiting) return;
  const double window = params_.activities[p.activity].service.followup_days;
  if (window > 0 && clients_.now() - p.started <= window) {
    ledger_->at(a_index(s), clients_.quarter(), p.level).employed_in_followup += 1;
  }
}

void OseServices::book_followup(Slot s) {
  if (!on_books_) return;
  Participation& p = participations_[s];
  if (p.followup_hours <= 0 || p.agreement < 0 || p.placed || p.waiting || p.ended_at < 0) return;
  const double window_end = p.started + params_.activities[p.activity].service.followup_days;
  const core::Time until = std::min(clients_.now(), window_end);
  const double span = window_end - p.ended_at;
  const double hours =
      span > 0 && until > p.ended_at ? p.followup_hours * (until - p.ended_at) / span : 0.0;
  p.followup_hours = 0.0;
  if (hours <= 0) return;
  const Agreement& a = params_.agreements.agreements[a_index(s)];
  const double cost = a.actual_cost(hours, 0.0);
  clients_.spread_over_quarters(p.ended_at, until, [&](std::size_t q, double share) {
    AgreementRecord& r = ledger_->at(a_index(s), q, p.level);
    r.hours_direct += hours * share;
    r.cost_actual_costs += cost * share;
  });
}

}  // namespace parcours::model
