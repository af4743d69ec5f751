#pragma once
// A sandboxed Lua 5.4 state (the only place, with its siblings in policy/, that sees Lua).
//
// What a scenario may do: the base library without dofile/loadfile/collectgarbage (and with
// `load` restricted to text), string (without dump), table, math (with math.random drawn
// from the run's random streams), utf8. Nothing touches files, the OS or other modules.
// Memory is capped by a counting allocator and every call runs under an instruction budget.
// Every error becomes an io::InputError naming the scenario file and line, with a short
// Lua traceback.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/random_stream.hpp"

struct lua_State;

namespace parcours::policy {

struct SandboxLimits {
  std::size_t memory_bytes = std::size_t{256} << 20;  // whole state
  std::uint64_t load_instructions = 200'000'000;      // running the scenario script
  std::uint64_t call_instructions = 1'000'000;        // one decision hook call
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
  /// leaving `nresults` results. `what` names the call in error messages. Throws
  /// io::InputError with the file and line where the error happened.
  void call(int nargs, int nresults, std::string_view what);

  /// The stream math.random draws from until the next call (not owned; may be null, in
  /// which case math.random raises an error).
  void set_random_stream(core::RandomStream* stream) { random_ = stream; }

  /// Whether the script's print() reaches stderr (off for replications, so a scenario's
  /// messages are shown once, when it is checked, not once per replication).
  void set_print_enabled(bool enabled) { print_enabled_ = enabled; }
  [[nodiscard]] bool print_enabled() const { return print_enabled_; }

  /// Bytes currently allocated by the state.
  [[nodiscard]] std::size_t memory_in_use() const { return in_use_; }

 private:
  static void* allocate(void* self, void* block, std::size_t old_size, std::size_t new_size);
  static int math_random(lua_State* L);
  void open_safe_libraries();
  void protected_call(int nargs, int nresults, std::uint64_t budget, std::string_view what,
                      const std::string& file_hint);

  SandboxLimits limits_;
  lua_State* L_ = nullptr;
  std::size_t in_use_ = 0;
  core::RandomStream* random_ = nullptr;
  bool print_enabled_ = true;
};

/// The sandbox that owns `L` (set at creation in the state's extra space).
LuaSandbox& sandbox_of(lua_State* L);

}  // namespace parcours::policy
