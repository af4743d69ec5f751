#pragma once
// ReplicationResult to bytes and back, for sending results between processes (MPI). Doubles
// travel bit for bit, so a gathered result is identical to one computed locally. Every field
// of ReplicationResult must travel: a field added there needs a line in each direction in
// result_codec.cpp (and a check in result_codec_test.cpp).

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
