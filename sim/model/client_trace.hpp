#pragma once
// Client journeys (issue 15): every event, decision and outcome of a few followed clients, for
// a researcher who wants to see why a client ended where they did. World records into a
// ClientTrace only when it was given one: off, the model pays one branch on a null pointer
// per event and per count, and allocates nothing.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"

namespace parcours::model {

/// One line of a client's journey.
struct TraceRow {
  std::uint64_t client = 0;  // arrival number (Client::id)
  double time = 0.0;         // days since the model's start (warm-up included)
  std::string date;          // the day of `time` (YYYY-MM-DD)
  std::string row;           // "event", "decision", "outcome" or "ending"
  std::string what;          // the event kind, the indicator counted, or how the journey ended
  std::string stage;         // where the client is when it happens (Stage), "left" once gone
  std::string hook;          // decisions: the decision rule asked (policy.<hook>)
  std::string returned;      // decisions: what it returned
  std::string agreement;     // the OSE agreement of the client's participation; "" for none
  double hours = -1.0;       // hours given under that participation so far; < 0 for none
};

/// The clients to follow, and their rows in the order they happened.
class ClientTrace {
 public:
  /// `clients`: arrival numbers, in any order (duplicates ignored).
  explicit ClientTrace(std::vector<std::uint64_t> clients);

  [[nodiscard]] bool follows(std::uint64_t client) const;
  void add(TraceRow row);
  /// The indicator last counted for `client` (what its ending row names), "" if none.
  [[nodiscard]] std::string_view last_outcome(std::uint64_t client) const;
  [[nodiscard]] const std::vector<TraceRow>& rows() const { return rows_; }
  [[nodiscard]] std::vector<TraceRow> take_rows() { return std::move(rows_); }
  [[nodiscard]] const std::vector<std::uint64_t>& clients() const { return clients_; }

 private:
  std::vector<std::uint64_t> clients_;     // sorted, distinct
  std::vector<std::string> last_outcome_;  // by position in clients_
  std::vector<TraceRow> rows_;
};

}  // namespace parcours::model
