#include "model/agreement_ledger.hpp"

#include <cmath>
#include <limits>

namespace parcours::model {

namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

void add(AgreementRecord& to, const AgreementRecord& r) {
  to.started += r.started;
  to.ended += r.ended;
  to.waitlisted += r.waitlisted;
  to.waitlist_dropouts += r.waitlist_dropouts;
  to.turned_away += r.turned_away;
  to.employed_in_followup += r.employed_in_followup;
  to.hours_direct += r.hours_direct;
  to.hours_indirect += r.hours_indirect;
  to.hours_ended += r.hours_ended;
  to.cost_fixed_price += r.cost_fixed_price;
  to.cost_actual_costs += r.cost_actual_costs;
  to.allowance_paid += r.allowance_paid;
  to.extra_costs_paid += r.extra_costs_paid;
  to.wage_contribution += r.wage_contribution;
  to.wait_days += r.wait_days;
  to.waits += r.waits;
  to.waited_over_threshold += r.waited_over_threshold;
  to.retention_started += r.retention_started;
  to.retention_hours += r.retention_hours;
  to.employed_end_full_time += r.employed_end_full_time;
  to.employed_end_part_time += r.employed_end_part_time;
  to.employed_0_3_months += r.employed_0_3_months;
  to.school_0_3_months += r.school_0_3_months;
  to.readmissions += r.readmissions;
  to.cit_renewals += r.cit_renewals;
  to.psea_retention += r.psea_retention;
  to.ended_at_level_reached += r.ended_at_level_reached;
  to.hours_at_level_reached += r.hours_at_level_reached;
}

// The flows of a record, in the order docs/outputs.md lists them.
template <typename Emit>
void emit_flows(const Agreement& a, const AgreementRecord& r, Emit&& emit) {
  const auto n = [](std::uint64_t v) { return static_cast<double>(v); };
  emit("participants_started", n(r.started));
  emit("participants_ended", n(r.ended));
  emit("hours_direct", r.hours_direct);
  emit("hours_indirect", r.hours_indirect);
  emit("hours_per_participant", r.ended > 0 ? r.hours_ended / n(r.ended) : kNa);
  emit("cost", a.mode == FundingMode::kFixedPrice ? r.cost_fixed_price : r.cost_actual_costs);
  emit("cost_fixed_price", r.cost_fixed_price);
  emit("cost_actual_costs", r.cost_actual_costs);
  emit("allowance_paid", r.allowance_paid);
  emit("extra_costs_paid", r.extra_costs_paid);
  emit("wage_contribution", r.wage_contribution);
  // Rule P7: what the agreement's participants cost in all (the OSE's price under its funding
  // mode, allowances, extra costs, wage contributions), per participant begun and per person
  // placed (a job within the follow-up, credited when it starts: a period's ratio sets its
  // spending against the results that came in it, from earlier cohorts too).
  const double total =
      (a.mode == FundingMode::kFixedPrice ? r.cost_fixed_price : r.cost_actual_costs) +
      r.allowance_paid + r.extra_costs_paid + r.wage_contribution;
  emit("cost_total", total);
  emit("cost_per_participant", r.started > 0 ? total / n(r.started) : kNa);
  emit("cost_per_person_placed",
       r.employed_0_3_months > 0 ? total / n(r.employed_0_3_months) : kNa);
  emit("waitlisted", n(r.waitlisted));
  emit("waitlist_dropouts", n(r.waitlist_dropouts));
  emit("turned_away", n(r.turned_away));
  emit("wait_days_mean", r.waits > 0 ? r.wait_days / n(r.waits) : kNa);
  emit("wait_days_total", r.wait_days);
  emit("waited_over_threshold", n(r.waited_over_threshold));
  emit("employed_in_followup", n(r.employed_in_followup));
  // Rule M13's indicators.
  emit("retention_started", n(r.retention_started));
  emit("retention_hours", r.retention_hours);
  emit("employed_end_of_retention_full_time", n(r.employed_end_full_time));
  emit("employed_end_of_retention_part_time", n(r.employed_end_part_time));
  emit("employed_0_3_months", n(r.employed_0_3_months));
  emit("school_0_3_months", n(r.school_0_3_months));
  emit("readmissions", n(r.readmissions));
  emit("cit_renewals", n(r.cit_renewals));
  emit("psea_retention", n(r.psea_retention));
  emit("participants_ended_at_level_reached", n(r.ended_at_level_reached));
  emit("hours_per_participant_at_level_reached",
       r.ended_at_level_reached > 0 ? r.hours_at_level_reached / n(r.ended_at_level_reached) : kNa);
}

// Rules S7, S8: target and attainment of an agreement year (to date, in a quarter row), and
// for all levels the actual-cost ceiling and whether going over it needs an amendment.
template <typename Emit>
void emit_progress(const Agreement& a, int agreement_year, const AgreementRecord& to_date,
                   double target, bool all_levels, Emit&& emit) {
  // Targets and the ceiling are those of the agreement years it was signed for; after its
  // end, its rows hold only the participations still under way.
  const bool signed_for = agreement_year >= a.first_agreement_year &&
                          agreement_year < a.first_agreement_year + a.agreement_years;
  if (!signed_for) target = kNa;
  emit("participants_target", target);
  emit("attainment_pct", target > 0 ? 100.0 * static_cast<double>(to_date.started) / target : kNa);
  if (!all_levels) return;
  const bool ceiling = signed_for && a.ceiling > 0;
  emit("ceiling", ceiling ? a.ceiling : kNa);
  const double over = ceiling ? to_date.cost_actual_costs - a.ceiling : 0.0;
  emit("amount_over_ceiling", std::max(over, 0.0));
  emit("amendment_needed", over > 0 ? 1.0 : 0.0);
}

}  // namespace

std::string_view to_string(PeriodKind k) {
  switch (k) {
    case PeriodKind::kQuarter:
      return "quarter";
    case PeriodKind::kAgreementYear:
      return "agreement_year";
    case PeriodKind::kFiscalYear:
      return "fiscal_year";
  }
  return "?";
}

int agreement_year_of(const core::FiscalQuarter& q) { return q.quarter == 1 ? q.year - 1 : q.year; }

AgreementLedger::AgreementLedger(const std::vector<Agreement>& agreements,
                                 const std::vector<std::size_t>& levels, double tail_days,
                                 core::FiscalQuarter first, std::size_t quarters)
    : agreements_(agreements),
      levels_(levels),
      tail_days_(tail_days),
      first_(first),
      quarters_(quarters) {
  std::size_t rows = 0;
  for (const std::size_t l : levels_) {
    offsets_.push_back(rows);
    rows += l;
  }
  records_.resize(rows * quarters_);
}

std::vector<AgreementValue> AgreementLedger::values(const core::Calendar& calendar) const {
  std::vector<AgreementValue> out;
  for (std::size_t ai = 0; ai < agreements_.size(); ++ai) {
    const Agreement& a = agreements_[ai];
    const std::size_t level_count = levels_[ai];
    // Quarters in which the agreement runs, and after its end those in which participations
    // it started may still be under way (their hours and costs are the agreement's). The
    // same quarters in every replication, so that the summaries line up.
    std::vector<std::size_t> runs;
    for (std::size_t q = first_reported_; q < quarters_; ++q) {
      const auto fq = core::FiscalQuarter::from_index(first_.index() + static_cast<int>(q));
      if (calendar.start_of(fq) < a.end + tail_days_ && calendar.end_of(fq) > a.start) {
        runs.push_back(q);
      }
    }
    // Levels one by one, then all levels together (kAllLevels).
    for (std::size_t li = 0; li <= level_count; ++li) {
      const bool all = li == level_count;
      const auto level = all ? kAllLevels : static_cast<std::uint8_t>(li);
      const auto record = [&](std::size_t q) {
        if (!all) return at(ai, q, li);
        AgreementRecord sum;
        for (std::size_t l = 0; l < level_count; ++l) add(sum, at(ai, q, l));
        return sum;
      };
      double target = 0.0;
      for (std::size_t l = 0; l < level_count; ++l) {
        if (all || l == li) target += a.levels[l].target;
      }
      const auto push = [&](PeriodKind kind, core::FiscalQuarter fq, int year) {
        return [&out, ai, kind, fq, year, level](std::string_view name, double value) {
          out.push_back({static_cast<std::uint16_t>(ai), kind, fq, year, level, name, value});
        };
      };
      // Quarters, with the agreement year's progress to date (rule S8).
      AgreementRecord to_date;
      int year_of_to_date = std::numeric_limits<int>::min();
      for (const std::size_t q : runs) {
        const auto fq = core::FiscalQuarter::from_index(first_.index() + static_cast<int>(q));
        if (agreement_year_of(fq) != year_of_to_date) {
          to_date = {};
          year_of_to_date = agreement_year_of(fq);
        }
        const AgreementRecord r = record(q);
        add(to_date, r);
        const auto emit = push(PeriodKind::kQuarter, fq, fq.year);
        emit_flows(a, r, emit);
        emit("participants_started_to_date", static_cast<double>(to_date.started));
        emit("cost_to_date", a.mode == FundingMode::kFixedPrice ? to_date.cost_fixed_price
                                                                : to_date.cost_actual_costs);
        emit_progress(a, year_of_to_date, to_date, target, all, emit);
      }
      // Agreement years, then fiscal years, over the quarters the run simulated.
      for (const PeriodKind kind : {PeriodKind::kAgreementYear, PeriodKind::kFiscalYear}) {
        std::size_t k = 0;
        while (k < runs.size()) {
          const auto year_of = [&](std::size_t q) {
            const auto fq = core::FiscalQuarter::from_index(first_.index() + static_cast<int>(q));
            return kind == PeriodKind::kAgreementYear ? agreement_year_of(fq) : fq.year;
          };
          const int year = year_of(runs[k]);
          AgreementRecord sum;
          for (; k < runs.size() && year_of(runs[k]) == year; ++k) add(sum, record(runs[k]));
          const auto emit = push(kind, {}, year);
          emit_flows(a, sum, emit);
          if (kind == PeriodKind::kAgreementYear) emit_progress(a, year, sum, target, all, emit);
        }
      }
    }
  }
  return out;
}

}  // namespace parcours::model
