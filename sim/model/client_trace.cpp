#include "model/client_trace.hpp"

#include <algorithm>

namespace parcours::model {

ClientTrace::ClientTrace(std::vector<std::uint64_t> clients) : clients_(std::move(clients)) {
  std::sort(clients_.begin(), clients_.end());
  clients_.erase(std::unique(clients_.begin(), clients_.end()), clients_.end());
  last_outcome_.resize(clients_.size());
}

bool ClientTrace::follows(std::uint64_t client) const {
  return std::binary_search(clients_.begin(), clients_.end(), client);
}

void ClientTrace::add(TraceRow row) {
  if (row.row == "outcome") {
    const auto at = std::lower_bound(clients_.begin(), clients_.end(), row.client);
    last_outcome_[static_cast<std::size_t>(at - clients_.begin())] = row.what;
  }
  rows_.push_back(std::move(row));
}

std::string_view ClientTrace::last_outcome(std::uint64_t client) const {
  const auto at = std::lower_bound(clients_.begin(), clients_.end(), client);
  if (at == clients_.end() || *at != client) return {};
  return last_outcome_[static_cast<std::size_t>(at - clients_.begin())];
}

}  // namespace parcours::model
