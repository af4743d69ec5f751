// The schema rows of the run itself, arrivals (rule E1) and the population (rules D1-D3, E3, E4):
// each parameter declared once (policy/parameter_schema.hpp).

#include "policy/parameter_binding.hpp"
#include "policy/schema_sections.hpp"

namespace parcours::policy {

namespace {
using T = ParamType;
using M = model::ModelParameters;
}  // namespace

SectionSpec scenario_section() {
  return {
      "scenario",
      false,
      "What the run is: name, start date, length, seed and event scheduler.",
      {
          {"name", T::kString, 0, 0, true, "", "", "", "short name, used in outputs",
           lands_in<kSame, &M::horizon, &model::HorizonParameters::name>},
          {"start", T::kDate, 0, 0, true, "", "date", "", "first simulated day (day 0)",
           lands_in<kSame, &M::horizon, &model::HorizonParameters::start>},
          {"years", T::kNumber, 0.25, 50, true, "", "years", "", "length of the simulated period",
           lands_in<kSame, &M::horizon, &model::HorizonParameters::years>},
          {"seed", T::kInteger, 0, 9.0e15, false, "1", "", "", "base of every random stream",
           lands_in<kSame, &M::horizon, &model::HorizonParameters::seed>},
          {"warmup_years", T::kInteger, 0, 50, false, "0", "years", "",
           "years simulated before start and not reported (a steady first year)",
           lands_in<kSame, &M::horizon, &model::HorizonParameters::warmup_years>},
          {"scheduler", T::kString, 0, 0, false, "auto", "", "",
           "pending-event set: auto, heap or ladder; same outputs, only the speed differs"},
      }};
}

SectionSpec arrivals_section() {
  return {
      "arrivals",
      false,
      "How clients arrive (rule E1): a yearly rate with monthly seasonality, or a fixed count "
      "spread over a window.",
      {
          {"per_year", T::kNumber, 0, 1e8, false, "", "clients/year", "E1", "yearly arrival rate",
           lands_in<kSame, &M::arrivals, &model::ArrivalParameters::per_year>},
          {"seasonality", T::kNumberList, 0, 1e6, false, "{1,1,1,1,1,1,1,1,1,1,1,1}",
           "relative weight", "E1", "12 monthly weights, January first; only their ratios matter"},
          {"count", T::kInteger, 0, 1e9, false, "", "clients", "E1",
           "fixed number of arrivals (instead of per_year)",
           lands_in<kSame, &M::arrivals, &model::ArrivalParameters::count>},
          {"over_weeks", T::kNumber, 1e-6, 1e4, false, "", "weeks", "E1",
           "window over which `count` clients arrive",
           lands_in<kWeeksToDays, &M::arrivals, &model::ArrivalParameters::over_days>},
          {"convened_share", T::kNumber, 0, 1, true, "", "probability", "E1",
           "share convened after screening (repérage) rather than self-referred",
           lands_in<kSame, &M::arrivals, &model::ArrivalParameters::convened_share>},
      }};
}

SectionSpec population_section() {
  return {"population",
          false,
          "Who arrives (rules D1-D3, E3, E4): margins joined by a Gaussian copula, or a "
          "client-level table resampled.",
          {
              {"margins", T::kRows, 0, 0, false, "", "", "D1",
               "rows attribute,kind,key,value: kind 'probability' (key = a value or level "
               "name) or 'quantile' (key = p in [0,1])"},
              {"correlation", T::kRows, 0, 0, false, "", "", "D2",
               "rows attribute_a,attribute_b,correlation of the latent normals; others 0"},
              {"sample", T::kRows, 0, 0, false, "", "", "D1",
               "client-level rows (columns named after attributes) to resample instead"},
              {"regions", T::kStringList, 0, 0, false, "{'all'}", "names", "E4",
               "region names; region values in margins and samples refer to them"},
              {"market", T::kNumberList, -10, 10, false, "", "index", "E4",
               "labour-market index of each region, in the order of regions (covariate market)"},
              {"limiting_assistance_months", T::kNumber, 0, 1200, true, "", "months", "D1",
               "cumulative time on assistance from which it limits integration",
               lands_in<kSame, &M::population, &model::PopulationParameters::limiting,
                        &model::LimitingThresholds::months_on_assistance>},
              {"limiting_out_of_work_months", T::kNumber, 0, 1200, true, "", "months", "D1",
               "time out of the labour market from which it limits integration",
               lands_in<kSame, &M::population, &model::PopulationParameters::limiting,
                        &model::LimitingThresholds::months_out_of_work>},
              {"limiting_age", T::kNumber, 15, 100, true, "", "years", "D1",
               "age from which it limits integration",
               lands_in<kSame, &M::population, &model::PopulationParameters::limiting,
                        &model::LimitingThresholds::age>},
          }};
}

}  // namespace parcours::policy
