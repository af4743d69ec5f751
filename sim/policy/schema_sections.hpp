#pragma once
// The sections of the scenario schema, one function per section, defined in
// policy/schema_*.cpp by subject (each row: one parameter, declared once).

#include "policy/parameter_schema.hpp"

namespace parcours::policy {

SectionSpec scenario_section();
SectionSpec arrivals_section();
SectionSpec population_section();
SectionSpec evaluation_section();
SectionSpec activity_section();
SectionSpec organisation_section();
SectionSpec agreements_section();
SectionSpec caseload_section();
SectionSpec parcours_section();
SectionSpec job_search_section();
SectionSpec accompaniment_section();
SectionSpec retention_section();
SectionSpec priority_section();
SectionSpec income_support_section();

}  // namespace parcours::policy
