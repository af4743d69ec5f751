// Income support (last-resort assistance, employment insurance) paid while a client is in the
// system and out of work, and the support a job saves (rule P7). A client receives it from
// arrival (or day 0 for the initial caseload) to a job or leaving the system, and again after
// losing a followed job. Objectif emploi clients keep their participation allowance after a
// job (rule M10): that allowance is booked in allowance_paid (parcours.cpp), a cost, and is
// not part of the savings counted here.

#include "model/world.hpp"

namespace parcours::model {

void World::start_benefit(Slot s) {
  Client& c = table_[s];
  if (c.on_benefit) return;
  c.on_benefit = true;
  const auto status = static_cast<std::size_t>(table_[s].support());
  table_.indicators().for_groups(c.groups,
                                 [&](std::size_t g) { benefits_.add(g, status, +1, sim_.now()); });
}

void World::stop_benefit(Slot s, bool job) {
  Client& c = table_[s];
  if (!c.on_benefit) return;
  c.on_benefit = false;
  const auto status = static_cast<std::size_t>(table_[s].support());
  table_.indicators().for_groups(c.groups,
                                 [&](std::size_t g) { benefits_.add(g, status, -1, sim_.now()); });
  if (!job) return;
  // Rule P7: the support no longer paid over the savings horizon, booked at the job start
  // (gross: whether the job lasts that long is not followed here).
  const IncomeSupportParameters& is = params_.income_support;
  const double saved = is.dollars_per_day[status] * is.savings_days;
  if (saved <= 0) return;
  table_.indicators().for_groups(c.groups, [&](std::size_t g) {
    table_.indicators().record(table_.quarter(), g).income_support_savings += saved;
  });
}

void World::book_benefits(std::size_t quarter) {
  const IncomeSupportParameters& is = params_.income_support;
  for (std::size_t g = 0; g < table_.indicators().groups(); ++g) {
    table_.indicators().record(quarter, g).income_support_paid +=
        benefits_.take_dollars(g, is.dollars_per_day, sim_.now());
  }
}

}  // namespace parcours::model
