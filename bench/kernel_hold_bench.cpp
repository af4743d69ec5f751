// The "hold" benchmark of the event kernel: P events stay pending; each step takes the next
// one and schedules a replacement at now + Exp(1). It measures what one event costs the
// kernel alone (scheduler, cancellation slots, dispatch), with no model behind it, for each
// scheduler (heap, ladder, auto) at P = 1 000 to 1 000 000: names read
// SimulationHold/<scheduler>/<P>.
//
// Increments come from a precomputed ring of Exp(1) draws (made with core::RandomStream), so
// the Philox and log() cost is not part of the measurement; SimulationHoldPhilox draws
// them live instead, to show what that cost is.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_queue.hpp"
#include "core/random_stream.hpp"
#include "core/scheduler_kind.hpp"
#include "core/simulation.hpp"

namespace {

using parcours::core::EventHandler;
using parcours::core::EventQueue;
using parcours::core::EventTarget;
using parcours::core::RandomStream;
using parcours::core::SchedulerKind;
using parcours::core::Simulation;
using parcours::core::StreamKey;
using parcours::core::Time;

// A power of two so the index wraps with a mask. 16 Ki doubles are read sequentially, so
// their size does not matter to the cache; the length only has to exceed any pattern the
// heap could pick up on.
constexpr std::size_t kRingSize = std::size_t{1} << 14;

class IncrementRing {
 public:
  IncrementRing() : values_(kRingSize) {
    RandomStream rng(StreamKey{20261123, 0}, 0, 0);
    for (double& v : values_) v = rng.exponential(1.0);
  }
  Time next() { return values_[next_++ & (kRingSize - 1)]; }

 private:
  std::vector<Time> values_;
  std::size_t next_ = 0;
};

// Reschedules every event it receives, so the pending count never changes. run() stops after
// `budget` events, so one benchmark iteration is one call to Simulation::run, the real path.
class HoldHandler final : public EventHandler {
 public:
  explicit HoldHandler(Simulation& sim) : sim_(sim) {}
  void set_budget(std::uint64_t budget) { budget_ = budget; }
  void handle(std::uint32_t kind, std::uint64_t subject) override {
    sim_.schedule(ring_.next(), EventTarget{this, kind, subject});
    if (--budget_ == 0) sim_.stop();
  }
  IncrementRing& ring() { return ring_; }

 private:
  Simulation& sim_;
  IncrementRing ring_;
  std::uint64_t budget_ = 0;
};

// Same, drawing each increment from a Philox stream as a model would.
class PhiloxHoldHandler final : public EventHandler {
 public:
  explicit PhiloxHoldHandler(Simulation& sim) : sim_(sim), rng_(sim.stream(1, 0)) {}
  void set_budget(std::uint64_t budget) { budget_ = budget; }
  void handle(std::uint32_t kind, std::uint64_t subject) override {
    sim_.schedule(rng_.exponential(1.0), EventTarget{this, kind, subject});
    if (--budget_ == 0) sim_.stop();
  }
  RandomStream& rng() { return rng_; }

 private:
  Simulation& sim_;
  RandomStream rng_;
  std::uint64_t budget_ = 0;
};

// Events per call of Simulation::run: large enough that the call itself is noise, small
// enough that Google Benchmark can still pick an iteration count freely.
constexpr std::uint64_t kBatch = 1024;

// Fills the queue with P events at Exp(1) times, then holds 2P times untimed: a freshly built
// heap is more ordered than one that has been holding for a while, and would flatter the timing.
template <typename Handler, typename Draw>
void prime(Simulation& sim, Handler& handler, std::size_t pending, Draw draw) {
  for (std::size_t i = 0; i < pending; ++i) sim.schedule(draw(), EventTarget{&handler, 0, i});
  handler.set_budget(2 * pending);
  sim.run();
}

void simulation_hold(benchmark::State& state, SchedulerKind kind) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  Simulation sim({}, kind);
  HoldHandler handler(sim);
  prime(sim, handler, pending, [&handler] { return handler.ring().next(); });
  for (auto _ : state) {
    handler.set_budget(kBatch);
    sim.run();
  }
  if (sim.pending() != pending) state.SkipWithError("pending count drifted");
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kBatch));
}

void simulation_hold_philox(benchmark::State& state, SchedulerKind kind) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  Simulation sim({}, kind);
  PhiloxHoldHandler handler(sim);
  prime(sim, handler, pending, [&handler] { return handler.rng().exponential(1.0); });
  for (auto _ : state) {
    handler.set_budget(kBatch);
    sim.run();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kBatch));
}

// The queue alone: no clock, no virtual dispatch, no stop flag.
void queue_hold(benchmark::State& state, SchedulerKind kind) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  EventQueue queue(kind);
  queue.reserve(pending + 1);
  IncrementRing ring;
  // The target is never called; any non-null handler value would do, none is dereferenced.
  const EventTarget target{nullptr, 0, 0};
  for (std::size_t i = 0; i < pending; ++i) queue.push(ring.next(), 0, target);
  for (std::size_t i = 0; i < 2 * pending; ++i) {
    const EventQueue::Fired fired = queue.pop();
    queue.push(fired.time + ring.next(), 0, fired.target);
  }
  for (auto _ : state) {
    const EventQueue::Fired fired = queue.pop();
    queue.push(fired.time + ring.next(), 0, fired.target);
  }
  state.SetItemsProcessed(state.iterations());
}

void register_all() {
  for (const SchedulerKind kind :
       {SchedulerKind::kHeap, SchedulerKind::kLadder, SchedulerKind::kAuto}) {
    const std::string name(to_string(kind));
    benchmark::RegisterBenchmark(("SimulationHold/" + name).c_str(), simulation_hold, kind)
        ->Arg(1000)
        ->Arg(10000)
        ->Arg(100000)
        ->Arg(1000000);
    benchmark::RegisterBenchmark(("QueueHold/" + name).c_str(), queue_hold, kind)
        ->Arg(10000)
        ->Arg(100000);
  }
  benchmark::RegisterBenchmark("SimulationHoldPhilox/auto", simulation_hold_philox,
                               SchedulerKind::kAuto)
      ->Arg(10000);
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
