#include "model/client_table.hpp"

#include <stdexcept>
#include <string>

namespace parcours::model {

void ClientTable::throw_stamps_exhausted(Slot s) {
  throw std::overflow_error("client slot " + std::to_string(s) +
                            ": its events were cancelled or left behind 2^30 times, the limit "
                            "of 31-bit event stamps (a stamp must never come back while an "
                            "event cancelled under it may still be pending)");
}

}  // namespace parcours::model
