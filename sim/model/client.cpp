#include "model/client.hpp"

namespace parcours::model {

char to_letter(Conclusion c) { return static_cast<char>('A' + static_cast<int>(c)); }

}  // namespace parcours::model
