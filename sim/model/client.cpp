#include "model/client.hpp"

#include <limits>
#include <stdexcept>

namespace parcours::model {

char to_letter(Conclusion c) { return static_cast<char>('A' + static_cast<int>(c)); }

std::uint32_t next_arrival_number(std::uint64_t arrivals) {
  if (arrivals >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error(
        "more than 4,294,967,295 arrivals in one run: a client's number "
        "would wrap; run fewer clients per replication");
  }
  return static_cast<std::uint32_t>(arrivals + 1);
}

}  // namespace parcours::model
