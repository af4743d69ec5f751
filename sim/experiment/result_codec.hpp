#pragma once
// ReplicationResult to bytes and back, for sending results between processes (MPI). Doubles
// travel bit for bit, so a gathered result is identical to one computed locally. Every field
// travels: the codec walks the field lists of experiment/result_fields.hpp, whose test fails
// when a struct has a member its list lacks.

#include <string>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

/// Appends `results` to `out`.
void encode_results(const std::vector<ReplicationResult>& results, std::string& out);
/// The results one encode_results call wrote at the start of `bytes`. Indicator names are
/// interned for the life of the process (IndicatorValue holds a string_view).
std::vector<ReplicationResult> decode_results(std::string_view bytes);

}  // namespace parcours::experiment
