// bare_loop N [seed]: the reference model of docs/performance.md as the plainest C++ there is,
// a binary heap of plain structs and a switch, with no Lua, no kernel, no indicators and no
// output files. It is the floor that `parcours run scenarios/bench/reference.lua` is compared
// against in the same benchmark invocation (bench/run_reference.sh), so the ratio between them
// is what the program's generality costs on this machine at this moment.
//
// Time is in hours. Prints one JSON line: n, model_events, seconds, events_per_second,
// peak_memory_mib (plus agents and peak_clients_in_system, to check the model's shape).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <queue>
#include <vector>

namespace {

constexpr double kWeek = 168.0;
constexpr double kArrivalWeeks = 52.0;
constexpr double kUtilisation = 0.8;
constexpr double kInterviewMean = 1.0;
constexpr double kPlanProbability = 0.6;
constexpr double kActivityMean[] = {2.0 * kWeek, 4.0 * kWeek, 3.0 * kWeek};
constexpr int kActivities = 3;
constexpr double kDropoutProbability = 0.15;
constexpr double kJobSearchMean = 8.0 * kWeek;
constexpr double kRetentionProbability = 0.12;
constexpr int kContacts = 10;
constexpr double kContactInterval = 1.5 * kWeek;

// splitmix64: one add and three multiply-xorshifts per draw, so the RNG stays a small part of
// the floor being measured.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Open interval (0, 1), so log() never sees 0.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  double exponential(double mean) { return -mean * std::log(uniform()); }

 private:
  std::uint64_t state_;
};

enum class Kind : std::uint8_t { kArrival, kInterviewEnd, kActivityEnd, kJobFound, kContact };

struct Event {
  double time;
  std::uint64_t seq;  // ties at equal times run in scheduling order, as in the kernel
  std::uint32_t client;
  Kind kind;
};

struct Later {
  bool operator()(const Event& a, const Event& b) const {
    return a.time > b.time || (a.time == b.time && a.seq > b.seq);
  }
};

struct Client {
  std::uint8_t next_activity = 0;
  std::uint8_t contacts_left = 0;
};

struct Outcome {
  std::uint64_t model_events = 0;
  std::size_t peak_clients = 0;
  int agents = 0;
};

class Model {
 public:
  Model(std::uint64_t n, std::uint64_t seed) : n_(n), rng_(seed) {
    const double lambda = static_cast<double>(n) / (kArrivalWeeks * kWeek);
    agents_free_ = std::max(1, static_cast<int>(std::ceil(lambda / kUtilisation)));
    outcome_.agents = agents_free_;
    arrival_mean_ = 1.0 / lambda;
  }

  Outcome run() {
    if (n_ > 0) schedule(rng_.exponential(arrival_mean_), 0, Kind::kArrival);
    while (!heap_.empty()) {
      const Event e = heap_.top();
      heap_.pop();
      now_ = e.time;
      ++outcome_.model_events;
      switch (e.kind) {
        case Kind::kArrival:
          on_arrival();
          break;
        case Kind::kInterviewEnd:
          on_interview_end(e.client);
          break;
        case Kind::kActivityEnd:
          on_activity_end(e.client);
          break;
        case Kind::kJobFound:
          on_job_found(e.client);
          break;
        case Kind::kContact:
          on_contact(e.client);
          break;
      }
    }
    outcome_.peak_clients = clients_.size();
    return outcome_;
  }

 private:
  void schedule(double delay, std::uint32_t client, Kind kind) {
    heap_.push(Event{now_ + delay, seq_++, client, kind});
  }

  // Slots are reused, so memory follows clients in the system, not clients simulated.
  std::uint32_t admit() {
    if (!free_.empty()) {
      const std::uint32_t s = free_.back();
      free_.pop_back();
      clients_[s] = Client{};
      return s;
    }
    clients_.emplace_back();
    return static_cast<std::uint32_t>(clients_.size() - 1);
  }
  void leave(std::uint32_t s) { free_.push_back(s); }

  void on_arrival() {
    ++arrived_;
    const std::uint32_t s = admit();
    if (agents_free_ > 0) {
      --agents_free_;
      schedule(rng_.exponential(kInterviewMean), s, Kind::kInterviewEnd);
    } else {
      waiting_.push_back(s);
    }
    if (arrived_ < n_) schedule(rng_.exponential(arrival_mean_), 0, Kind::kArrival);
  }

  void on_interview_end(std::uint32_t s) {
    // The freed agent goes straight to the head of the FIFO queue.
    if (!waiting_.empty()) {
      const std::uint32_t next = waiting_.front();
      waiting_.pop_front();
      schedule(rng_.exponential(kInterviewMean), next, Kind::kInterviewEnd);
    } else {
      ++agents_free_;
    }
    if (rng_.uniform() < kPlanProbability) {
      clients_[s].next_activity = 0;
      schedule(rng_.exponential(kActivityMean[0]), s, Kind::kActivityEnd);
    } else {
      schedule(rng_.exponential(kJobSearchMean), s, Kind::kJobFound);
    }
  }

  void on_activity_end(std::uint32_t s) {
    if (rng_.uniform() < kDropoutProbability) {
      leave(s);
      return;
    }
    Client& c = clients_[s];
    ++c.next_activity;
    if (c.next_activity < kActivities) {
      schedule(rng_.exponential(kActivityMean[c.next_activity]), s, Kind::kActivityEnd);
    } else {
      schedule(rng_.exponential(kJobSearchMean), s, Kind::kJobFound);
    }
  }

  void on_job_found(std::uint32_t s) {
    if (rng_.uniform() < kRetentionProbability) {
      clients_[s].contacts_left = kContacts;
      schedule(kContactInterval, s, Kind::kContact);
    } else {
      leave(s);
    }
  }

  void on_contact(std::uint32_t s) {
    if (--clients_[s].contacts_left > 0) {
      schedule(kContactInterval, s, Kind::kContact);
    } else {
      leave(s);
    }
  }

  std::uint64_t n_;
  SplitMix64 rng_;
  double arrival_mean_ = 0.0;
  double now_ = 0.0;
  std::uint64_t seq_ = 0;
  std::uint64_t arrived_ = 0;
  int agents_free_ = 0;
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::vector<Client> clients_;
  std::vector<std::uint32_t> free_;
  std::deque<std::uint32_t> waiting_;
  Outcome outcome_;
};

bool parse_count(const char* text, std::uint64_t& value) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0' || text[0] == '-') return false;
  value = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t n = 0;
  std::uint64_t seed = 1;
  if (argc < 2 || argc > 3 || !parse_count(argv[1], n) ||
      (argc == 3 && !parse_count(argv[2], seed))) {
    std::fprintf(stderr, "usage: bare_loop N [seed]\n");
    return 2;
  }

  const auto started = std::chrono::steady_clock::now();
  Model model(n, seed);
  const Outcome out = model.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  std::printf(
      "{\"n\":%llu,\"model_events\":%llu,\"seconds\":%.6f,\"events_per_second\":%.1f,"
      "\"peak_memory_mib\":%.2f,\"agents\":%d,\"peak_clients_in_system\":%zu}\n",
      static_cast<unsigned long long>(n), static_cast<unsigned long long>(out.model_events),
      seconds, seconds > 0 ? static_cast<double>(out.model_events) / seconds : 0.0, peak_mib,
      out.agents, out.peak_clients);
  return 0;
}
