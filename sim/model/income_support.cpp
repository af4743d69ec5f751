// Income support (last-resort assistance, employment insurance) paid while a client is in the
// system and out of work, and the support a job saves (rule P7). A client receives it from
// arrival (or day 0 for the initial caseload) to a job or leaving the system, and again after
// losing a followed job. Objectif emploi clients keep their participation allowance after a
// job (rule M10): that allowance is booked in allowance_paid (pay_income_support, below), a
// cost, and is not part of the savings counted here. Also the activities' allowance and extra
// costs for the weeks of participation (rules P6, S5).

#include "model/parcours_process.hpp"

namespace parcours::model {

void ParcoursProcess::start_benefit(Slot s) {
  Client& c = clients_[s];
  if (c.on_benefit) return;
  c.on_benefit = true;
  const auto status = static_cast<std::size_t>(clients_[s].support());
  clients_.indicators().for_groups(
      clients_.groups(c), [&](std::size_t g) { benefits_.add(g, status, +1, clients_.now()); });
}

void ParcoursProcess::stop_benefit(Slot s, bool job) {
  Client& c = clients_[s];
  if (!c.on_benefit) return;
  c.on_benefit = false;
  const auto status = static_cast<std::size_t>(clients_[s].support());
  clients_.indicators().for_groups(
      clients_.groups(c), [&](std::size_t g) { benefits_.add(g, status, -1, clients_.now()); });
  if (!job) return;
  // Rule P7: the support no longer paid over the savings horizon, booked at the job start
  // (gross: whether the job lasts that long is not followed here).
  const IncomeSupportParameters& is = params_.income_support;
  const double saved = is.dollars_per_day[status] * is.savings_days;
  if (saved <= 0) return;
  clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
    clients_.indicators().record(clients_.quarter(), g).income_support_savings += saved;
  });
}

void ParcoursProcess::book_benefits(std::size_t quarter) {
  const IncomeSupportParameters& is = params_.income_support;
  for (std::size_t g = 0; g < clients_.indicators().groups(); ++g) {
    clients_.indicators().record(quarter, g).income_support_paid +=
        benefits_.take_dollars(g, is.dollars_per_day, clients_.now());
  }
}

void ParcoursProcess::pay_income_support(Slot s, std::uint8_t activity,
                                         double allowance_after_days) {
  // Rules P6, S5: the activity's allowance (for the statuses that receive it) and extra costs,
  // for the weeks of participation, booked in the period the participation ends.
  const ActivityParameters& a = params_.activities[activity];
  if (a.allowance_per_week == 0.0 && a.extra_costs_per_week == 0.0) return;  // most activities
  const Client& c = clients_[s];
  const double weeks = (clients_.now() - c.step_started_at) / 7.0;
  const auto status = static_cast<std::size_t>(clients_[s].support());
  const bool paid = params_.parcours.allowance_statuses[status];
  const double allowance = paid ? a.allowance_per_week * weeks : 0.0;
  // Rule M10: after a job, an Objectif emploi client's allowance to the planned end, in the
  // quarter under way.
  const double allowance_after = paid ? a.allowance_per_week * allowance_after_days / 7.0 : 0.0;
  const double extra = a.extra_costs_per_week * weeks;
  if (allowance == 0.0 && extra == 0.0 && allowance_after == 0.0) return;
  if (allowance_after > 0.0) {
    clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
      clients_.indicators().record(clients_.quarter(), g).allowance_paid += allowance_after;
    });
  }
  // Paid week by week while participating: each week's amount in the quarter it falls in.
  clients_.spread_over_quarters(
      c.step_started_at, clients_.now(), [&](std::size_t q, double share) {
        clients_.indicators().for_groups(clients_.groups(c), [&](std::size_t g) {
          PeriodRecord& r = clients_.indicators().record(q, g);
          r.allowance_paid += allowance * share;
          r.extra_costs_paid += extra * share;
        });
      });
  if (!ose_.on_books()) return;
  const Participation& p = ose_.participation(s);
  if (p.placed && p.activity == activity) {
    ose_.book(ose_.a_index(s), clients_.quarter(), p.level).allowance_paid += allowance_after;
    clients_.spread_over_quarters(c.step_started_at, clients_.now(),
                                  [&](std::size_t q, double share) {
                                    AgreementRecord& r = ose_.book(ose_.a_index(s), q, p.level);
                                    r.allowance_paid += allowance * share;
                                    r.extra_costs_paid += extra * share;
                                  });
  }
}

}  // namespace parcours::model
