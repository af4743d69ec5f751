#pragma once
// Reading a module test's counts: the process modules count into their ClientTable's
// indicator table (sim/model/client_table.hpp), quarter by quarter.

#include <cstddef>
#include <cstdint>

#include "model/client_table.hpp"

namespace parcours::testing {

/// All clients' count of `c`, summed over every quarter of the run.
inline std::uint64_t counted(const model::ClientTable& table, model::Count c) {
  std::uint64_t n = 0;
  for (std::size_t q = 0; q < table.indicators().quarters(); ++q) {
    n += table.indicators().record(q).counts[static_cast<std::size_t>(c)];
  }
  return n;
}

}  // namespace parcours::testing
