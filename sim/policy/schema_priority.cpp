// The schema rows of the queues' priority (rules D3, D5): each parameter declared once
// (policy/parameter_schema.hpp). The order names groups, looked up by the builder.

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
}  // namespace

SectionSpec priority_section() {
  return {"priority",
          false,
          "Groups served first in the agents' queue and the organisations' waitlists (rules D3, "
          "D5).",
          {
              {"order", T::kStringList, 0, 0, false, "{}", "groups", "D3",
               "groups served first, first first: far (3+ limiting characteristics, D5), "
               "disability, immigrant, judicial_record, aged_45_plus, female, youth; the others "
               "last; empty = first come, first served"},
              {"agents", T::kBoolean, 0, 0, false, "false", "", "D5",
               "the order holds for accompaniment in the agents' queue (contacts, OSE reports); "
               "interviews keep level 0: first come, first served, never passed by a contact",
               lands_in<kSame, &M::priority, &model::PriorityParameters::agents>},
              {"organisations", T::kBoolean, 0, 0, false, "false", "", "D3",
               "the order holds in the organisations' waitlists",
               lands_in<kSame, &M::priority, &model::PriorityParameters::organisations>},
              {"older_from_age", T::kNumber, 0, 120, false, "0", "years", "D3",
               "aged_45_plus: from this age",
               lands_in<kSame, &M::priority, &model::PriorityParameters::older_from_age>},
              {"youth_below_age", T::kNumber, 0, 120, false, "0", "years", "D3",
               "youth: younger than this",
               lands_in<kSame, &M::priority, &model::PriorityParameters::youth_below_age>},
          }};
}

}  // namespace parcours::policy
