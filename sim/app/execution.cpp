#include "app/execution.hpp"

#include <cstdio>

namespace parcours::app {

ExecutionContext::~ExecutionContext() = default;

Execution ExecutionContext::execution() const {
  Execution e;
  e.distributor = distributor_.get();
  e.writes_outputs = writes_outputs_;
  e.partials = &interrupts_->folders();
  if (abort_ != nullptr) {
    const experiment::Distributor* d = distributor_.get();
    auto* abort = abort_;
    e.abort = [d, abort](int code) { abort(*d, code); };
  }
  return e;
}

std::vector<io::ProtectedPath> protected_inputs(const std::vector<std::string>& scenarios,
                                                const RegistryOptions& registry) {
  std::vector<io::ProtectedPath> out;
  for (const std::string& scenario : scenarios) {
    if (scenario.empty()) continue;  // the embedded baseline
    const std::filesystem::path folder = std::filesystem::path(scenario).parent_path();
    out.push_back({folder.empty() ? std::filesystem::path(".") : folder, "the scenario's folder"});
  }
  RegistryOptions enabled = registry;
  enabled.disabled = false;  // --no-registry does not make the history deletable
  out.push_back({*registry_path(enabled), "the run history"});
  return out;
}

std::optional<io::ResultFolder> open_result_folder(const Execution& execution,
                                                   const std::filesystem::path& path,
                                                   std::vector<io::ProtectedPath> protect) {
  if (!execution.writes_outputs) return std::nullopt;
  try {
    return io::ResultFolder::open(path, {std::move(protect), execution.partials});
  } catch (const std::exception& e) {
    if (!execution.abort) throw;
    std::fprintf(stderr, "parcours: error: %s\n", e.what());
    execution.abort(1);
    throw;
  }
}

}  // namespace parcours::app
