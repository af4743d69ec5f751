#include "core/resource.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "support/queueing.hpp"

namespace parcours::core {
namespace {

using parcours::testing::erlang_c_mean_wait;

// An M/M/c queue on the kernel: Poisson arrivals, exponential service, FIFO.
class MmcQueue : public EventHandler {
 public:
  enum Kind : std::uint32_t { kArrival, kGranted, kDeparture };
  MmcQueue(Simulation& sim, int servers, double lambda, double mu, std::size_t customers)
      : sim_(sim),
        servers_(sim, servers),
        lambda_(lambda),
        mu_(mu),
        customers_(customers),
        arrivals_(sim.stream(0, 0)),
        services_(sim.stream(0, 1)) {
    sim_.schedule(arrivals_.exponential(1.0 / lambda_), {this, kArrival, 0});
  }
  void handle(std::uint32_t kind, std::uint64_t id) override {
    switch (kind) {
      case kArrival:
        arrived_.push_back(sim_.now());
        waits_.push_back(0.0);
        if (servers_.acquire_or_wait({this, kGranted, id})) start(id);
        if (id + 1 < customers_) {
          sim_.schedule(arrivals_.exponential(1.0 / lambda_), {this, kArrival, id + 1});
        }
        break;
      case kGranted:
        start(id);
        break;
      case kDeparture:
        servers_.release();
        break;
      default:
        FAIL();
    }
  }
  const std::vector<double>& waits() const { return waits_; }
  const Resource& servers() const { return servers_; }

 private:
  void start(std::uint64_t id) {
    waits_[id] = sim_.now() - arrived_[id];
    sim_.schedule(services_.exponential(1.0 / mu_), {this, kDeparture, id});
  }
  Simulation& sim_;
  Resource servers_;
  double lambda_;
  double mu_;
  std::size_t customers_;
  RandomStream arrivals_;
  RandomStream services_;
  std::vector<double> arrived_;
  std::vector<double> waits_;
};

TEST(Resource, MmcMeanWaitMatchesErlangC) {
  const int c = 3;
  const double lambda = 2.4;  // utilisation 0.8
  const double mu = 1.0;
  const std::size_t n = 400000;
  Simulation sim(StreamKey{2026, 0});
  MmcQueue queue(sim, c, lambda, mu, n);
  sim.run();

  // Waits are autocorrelated, so the tolerance comes from batch means: drop a warm-up, cut
  // the rest into B batches whose means are nearly independent, and allow 4 standard errors.
  const std::size_t warmup = 20000;
  const std::size_t batches = 40;
  const std::size_t per_batch = (n - warmup) / batches;
  std::vector<double> means;
  for (std::size_t b = 0; b < batches; ++b) {
    double s = 0.0;
    for (std::size_t i = 0; i < per_batch; ++i) s += queue.waits()[warmup + b * per_batch + i];
    means.push_back(s / static_cast<double>(per_batch));
  }
  double grand = 0.0;
  for (double m : means) grand += m;
  grand /= static_cast<double>(batches);
  double var = 0.0;
  for (double m : means) var += (m - grand) * (m - grand);
  var /= static_cast<double>(batches - 1);
  const double standard_error = std::sqrt(var / static_cast<double>(batches));

  const double exact = erlang_c_mean_wait(c, lambda, mu);
  EXPECT_NEAR(exact, 1.0787, 1e-3);  // Erlang C for c=3, a=2.4, known closed form
  EXPECT_NEAR(grand, exact, 4.0 * standard_error)
      << "batch SE " << standard_error << " simulated " << grand;
  EXPECT_LT(standard_error, 0.05 * exact) << "the run is too short to test anything";
  // Utilisation: time-average busy servers over c equals rho.
  EXPECT_NEAR(queue.servers().busy_level().mean(sim.now()) / c, lambda / mu / c, 0.01);
}

// Records the subjects of the events it receives, in order.
struct Sink : EventHandler {
  std::vector<std::uint64_t> got;
  void handle(std::uint32_t, std::uint64_t s) override { got.push_back(s); }
};

TEST(Resource, QueuedRequestIsGrantedWhenAUnitIsReleased) {
  Simulation sim;
  Sink sink;
  Resource r(sim, 1);
  EXPECT_TRUE(r.acquire_or_wait({&sink, 0, 1}));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 2}));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 3}));
  EXPECT_EQ(r.queue_length(), 2U);
  r.release();
  sim.run();
  EXPECT_EQ(sink.got, (std::vector<std::uint64_t>{2}));
  EXPECT_EQ(r.busy(), 1);
  r.release();
  r.release();
  sim.run();
  EXPECT_EQ(sink.got, (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(r.busy(), 0);
}

// Rules D3, D5: a lower level is served first, first come first served within a level; a
// withdrawn request leaves its own level's line.
TEST(Resource, LowerPriorityLevelsAreServedFirstAndFifoWithinALevel) {
  Simulation sim;
  Sink sink;
  Resource r(sim, 1);
  EXPECT_TRUE(r.acquire_or_wait({&sink, 0, 1}));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 10}, 2));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 11}, 2));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 20}, 1));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 30}, 0));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 21}, 1));
  EXPECT_EQ(r.queue_length(), 5U);
  EXPECT_TRUE(r.withdraw({&sink, 0, 20}));
  EXPECT_FALSE(r.withdraw({&sink, 0, 20}));
  EXPECT_EQ(r.queue_length(), 4U);
  for (int k = 0; k < 4; ++k) {
    r.release();
    sim.run();
  }
  EXPECT_EQ(sink.got, (std::vector<std::uint64_t>{30, 21, 10, 11}));
  EXPECT_EQ(r.queue_length(), 0U);
}

TEST(Resource, CapacityFollowsOpeningHours) {
  Simulation sim;
  Sink sink;
  Resource r(sim, 0);  // closed
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 1}));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 2}));
  EXPECT_FALSE(r.acquire_or_wait({&sink, 0, 3}));
  r.set_capacity(2);  // opens: two are served at once
  sim.run();
  EXPECT_EQ(sink.got, (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(r.busy(), 2);
  r.set_capacity(0);  // closes: the two in service finish, nobody new starts
  r.release();
  EXPECT_EQ(r.busy(), 1);
  r.release();
  sim.run();
  EXPECT_EQ(sink.got.size(), 2U);
  EXPECT_EQ(r.queue_length(), 1U);
  r.set_capacity(1);
  sim.run();
  EXPECT_EQ(sink.got, (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST(Resource, CapacityOverTimeIsTheUtilisationDenominator) {
  Simulation sim;
  Resource r(sim, 3);
  struct Clock : EventHandler {
    Resource* r;
    void handle(std::uint32_t kind, std::uint64_t) override { r->set_capacity(kind == 0 ? 0 : 3); }
  } clock;
  clock.r = &r;
  sim.schedule(1.0, {&clock, 0, 0});  // closed from day 1 to day 3
  sim.schedule(3.0, {&clock, 1, 0});
  sim.run(4.0);
  EXPECT_DOUBLE_EQ(r.capacity_level().integral(4.0), 3.0 * 1 + 0.0 * 2 + 3.0 * 1);
}

}  // namespace
}  // namespace parcours::core
