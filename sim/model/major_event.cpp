#include "model/major_event.hpp"

namespace parcours::model {

std::string_view after_major_event_name(AfterMajorEvent d) {
  switch (d) {
    case AfterMajorEvent::kContinue:
      return "continue";
    case AfterMajorEvent::kRevise:
      return "revise";
    case AfterMajorEvent::kStop:
      break;
  }
  return "stop";
}

AfterMajorEvent draw_after_major_event(const MajorEventParameters& p, core::RandomStream& rng) {
  const double u = rng.uniform();
  if (u < p.after_shares[0]) return AfterMajorEvent::kContinue;
  if (u < p.after_shares[0] + p.after_shares[1]) return AfterMajorEvent::kRevise;
  return AfterMajorEvent::kStop;
}

}  // namespace parcours::model
