#pragma once
// What a process module's test drives it in: the scenario's parameters, the rules, the
// simulation and the client table the modules share (sim/model/client_table.hpp). Each test's
// fixture derives from it, sets its parameters in its constructor and builds its modules.

#include <cstdint>
#include <utility>

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "model/client_table.hpp"
#include "model/decision_rules.hpp"
#include "model/parameters.hpp"
#include "support/client_table_counts.hpp"

namespace parcours::testing {

struct ModuleWorld {
  ModuleWorld(model::ModelParameters p, core::Time horizon)
      : params(std::move(p)), table{sim, calendar, horizon, {}} {}

  /// All clients' count of `c` over the run.
  [[nodiscard]] std::uint64_t counted(model::Count c) const { return testing::counted(table, c); }

  model::ModelParameters params;
  model::ParametricRules rules{params};
  core::Simulation sim;
  core::Calendar calendar{params.horizon.model_start()};
  model::ClientTable table;
};

}  // namespace parcours::testing
