#include "model/agreements.hpp"

#include <algorithm>

namespace parcours::model {

const ServiceOffer* Organisation::offer(std::uint8_t activity) const {
  for (const ServiceOffer& o : offers) {
    if (o.activity == activity) return &o;
  }
  return nullptr;
}

std::string_view to_string(FundingMode m) {
  return m == FundingMode::kFixedPrice ? "fixed_price" : "actual_costs";
}

double Agreement::actual_cost(double staff_hours, double disability_overhead) const {
  return staff_hours * hourly_cost * (1.0 + overhead_share) +
         std::min(disability_overhead, disability_overhead_max);
}

}  // namespace parcours::model
