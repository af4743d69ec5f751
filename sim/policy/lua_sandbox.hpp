#pragma once
// A sandboxed Lua 5.4 state (the only place, with its siblings in policy/, that sees Lua).
//
// What a scenario may do: the base library without dofile/loadfile/collectgarbage (and with
// `load` restricted to text), string (without dump), table, math (with math.random drawn
// from the run's random streams), utf8. Nothing touches files, the OS or other modules.
//
// The boundary holds against hostile scripts (docs/scenarios.md, "The sandbox"):
// - limits: a counting allocator caps memory, a count hook caps instructions, and a
//   wall-clock deadline per load and per hook call backs both up. Once a limit is hit the
//   state is *killed*: the hook fires at every instruction and raises the same error again and
//   the allocator refuses every growth, so a `pcall` in the script cannot swallow it.
// - long C calls: the pattern functions (find, match, gmatch, gsub) charge their worst-case
//   matching steps to the instruction budget first (lua_pattern_guard.cpp); string.rep,
//   table.sort and table.move are replaced by versions that cannot run unbounded in C.
// - no user code outside the limits: setmetatable refuses `__gc`, so no finalizer exists.
// - determinism: pairs() and next() visit keys in a fixed order (numbers, then strings, then
//   booleans; other keys last) whatever the process's string hash seed.
// - C++ frames: host code (glue functions called from Lua) runs with the limits suspended
//   (glue()), so the Lua calls it makes cannot raise a memory error through C++ objects; user
//   code always runs with them on.
// Every error becomes an io::InputError naming the scenario file and line, with a short
// Lua traceback.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/random_stream.hpp"

struct lua_State;
struct lua_Debug;

namespace parcours::policy {

struct SandboxLimits {
  std::size_t memory_bytes = std::size_t{256} << 20;  // whole state
  std::uint64_t load_instructions = 200'000'000;      // running the scenario script
  std::uint64_t call_instructions = 1'000'000;        // one decision hook call
  // Wall-clock backstops (seconds) for work the instruction count does not see; far above
  // what the instruction budgets take (about 2 s and 10 ms), so they never decide a normal run.
  double load_seconds = 60;
  double call_seconds = 5;
};

class LuaSandbox {
 public:
  explicit LuaSandbox(SandboxLimits limits = {});
  ~LuaSandbox();
  LuaSandbox(const LuaSandbox&) = delete;
  LuaSandbox& operator=(const LuaSandbox&) = delete;

  [[nodiscard]] lua_State* state() const { return L_; }
  [[nodiscard]] const SandboxLimits& limits() const { return limits_; }

  /// Compiles `text` (text only: precompiled bytecode is refused) as a chunk named `file`
  /// and runs it under the load budget. Throws io::InputError on any error.
  void run_chunk(std::string_view text, const std::string& file);

  /// Calls the function below `nargs` arguments on the stack under the per-call budget,
  /// leaving `nresults` results. `what` names the call in error messages; `file`:`line` is
  /// blamed when the error has no position of its own (a C function). Throws io::InputError.
  void call(int nargs, int nresults, std::string_view what, const std::string& file = "",
            std::size_t line = 0);

  /// The stream math.random draws from until the next call (not owned; may be null, in
  /// which case math.random raises an error).
  void set_random_stream(core::RandomStream* stream) { random_ = stream; }

  /// Whether the script's print() reaches stderr (off for replications, so a scenario's
  /// messages are shown once, when it is checked, not once per replication).
  void set_print_enabled(bool enabled) { print_enabled_ = enabled; }
  [[nodiscard]] bool print_enabled() const { return print_enabled_; }

  /// Bytes currently allocated by the state.
  [[nodiscard]] std::size_t memory_in_use() const { return in_use_; }

  /// Suspends the limits while host code runs inside a call from Lua, and returns whether
  /// they were on (give it back to resume()). Host code must resume them before it runs
  /// user code or returns.
  bool glue() {
    const bool was = enforcing_;
    enforcing_ = false;
    return was;
  }
  void resume(bool enforcing) { enforcing_ = enforcing; }

  /// Charges `steps` of work done inside a C function (pattern matching) to the budget of
  /// the call under way and checks the deadline; raises a Lua error once a limit is hit.
  /// Called from C frames that hold no C++ objects.
  void charge(lua_State* L, std::uint64_t steps);

  /// Raises the error of a killed state (instruction, memory or time limit) if there is one.
  void raise_if_killed(lua_State* L);

 private:
  static void* allocate(void* self, void* block, std::size_t old_size, std::size_t new_size);
  static void count_hook(lua_State* L, lua_Debug* ar);
  static int math_random(lua_State* L);
  void open_safe_libraries();
  void kill(lua_State* L, const char* what);
  void protected_call(int nargs, int nresults, std::uint64_t budget, double seconds,
                      std::string_view what, const std::string& file_hint, std::size_t line_hint);

  SandboxLimits limits_;
  lua_State* L_ = nullptr;
  std::size_t in_use_ = 0;
  core::RandomStream* random_ = nullptr;
  bool print_enabled_ = true;

  // The call under way (protected_call): budget, instructions used, deadline, kill state.
  bool enforcing_ = false;  // limits apply (user code may run)
  std::uint64_t budget_ = 0;
  std::uint64_t used_ = 0;
  int slice_ = 0;  // instructions until the next hook
  std::chrono::steady_clock::time_point deadline_{};
  double seconds_ = 0;
  unsigned allocations_ = 0;  // the allocator looks at the clock every 256th
  bool killed_ = false;
  char kill_message_[320] = {0};  // "file:line: ... limit ... exceeded ..."
};

/// The sandbox that owns `L` (set at creation in the state's extra space).
LuaSandbox& sandbox_of(lua_State* L);

/// Raises "<position of the caller>: `message`" from host code running under glue(),
/// resuming the limits first (`enforcing` is what glue() returned). Call it once every C++
/// object of the caller's frame is gone: lua_error does not unwind C++ frames.
int raise_from_glue(lua_State* L, bool enforcing, const char* message);

/// string.find, match, gmatch and gsub with their worst-case steps charged to the sandbox
/// first (lua_pattern_guard.cpp); wraps those of the `string` table at the top of the stack.
void install_counted_patterns(lua_State* L);

}  // namespace parcours::policy
