#include "model/agreements.hpp"

#include <algorithm>

namespace parcours::model {

const ServiceOffer* Organisation::offer(std::uint8_t activity) const {
  for (const ServiceOffer& o : offers) {
    if (o.activity == activity) return &o;
  }
  return nullptr;
}

int agreement_in_force(const AgreementParameters& p, int agreement, core::Time t) {
  if (agreement < 0) return -1;
  const Agreement& a = p.agreements[static_cast<std::size_t>(agreement)];
  if (a.active_at(t)) return agreement;
  for (std::size_t i = 0; i < p.agreements.size(); ++i) {
    const Agreement& b = p.agreements[i];
    if (b.organisation == a.organisation && b.activity == a.activity && b.active_at(t)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string_view to_string(FundingMode m) {
  return m == FundingMode::kFixedPrice ? "fixed_price" : "actual_costs";
}

double Agreement::actual_cost(double staff_hours, double disability_overhead) const {
  return staff_hours * hourly_cost * (1.0 + overhead_share) +
         std::min(disability_overhead, disability_overhead_max);
}

}  // namespace parcours::model
