#include "policy/lua_sandbox.hpp"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <cassert>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "io/input_error.hpp"
#include "policy/lua_safe_library.hpp"

namespace parcours::policy {

namespace {

constexpr int kTracebackLines = 6;
// Instructions between two looks at the budget and the clock: small enough that the deadline
// is seen within microseconds, large enough that the hook costs nothing measurable.
constexpr int kHookSlice = 1 << 14;
// The allocator reads the clock on every 256th allocation (long C calls that allocate).
constexpr unsigned kClockEvery = 256;

// Whether `deadline` is past; one not yet set (max) is set `seconds` from now. See
// protected_call.
bool past(std::chrono::steady_clock::time_point& deadline, double seconds) {
  const auto now = std::chrono::steady_clock::now();
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    deadline = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(seconds));
  }
  return now >= deadline;
}

// "file:line: " of the innermost scenario function at `level` or above, written into `out` without
// allocating (the allocator calls it). Empty if no Lua function is on the stack.
void locate(lua_State* L, int level, char* out, std::size_t size) {
  out[0] = '\0';
  lua_Debug ar;
  while (lua_getstack(L, level++, &ar) != 0) {
    // The sandbox's own Lua (table.sort, table.move) is no place to send the author to.
    if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0 &&
        std::strcmp(ar.source, "=(sandbox)") != 0) {
      std::snprintf(out, size, "%s:%d: ", ar.short_src, ar.currentline);
      return;
    }
  }
}

int message_handler(lua_State* L) {
  // The top-level handler runs only as the error leaves the script: the traceback it builds
  // is ours, not the script's, so it may allocate past a limit.
  sandbox_of(L).glue();
  const char* msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : nullptr;
  if (msg == nullptr) {  // never a __tostring: that would run the script's code
    msg = lua_pushfstring(L, "(error object is a %s value)", lua_typename(L, lua_type(L, 1)));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

// Splits "file:line: message" as Lua formats positions; false if there is no position.
bool split_position(const std::string& text, std::string& file, std::size_t& line,
                    std::string& message) {
  std::size_t at = 0;
  while ((at = text.find(':', at)) != std::string::npos) {
    std::size_t digits = at + 1;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits > at + 1 && digits + 1 < text.size() && text[digits] == ':' &&
        text[digits + 1] == ' ') {
      file = text.substr(0, at);
      line = std::strtoul(text.c_str() + at + 1, nullptr, 10);
      message = text.substr(digits + 2);
      return true;
    }
    ++at;
  }
  return false;
}

// Keeps the first lines of Lua's traceback, without the frames of C functions.
std::string short_traceback(const std::string& traceback) {
  std::istringstream in(traceback);
  std::string out;
  std::string row;
  int kept = 0;
  while (std::getline(in, row)) {
    if (row.find("[C]:") != std::string::npos ||
        row.find("(...tail calls...)") != std::string::npos)
      continue;
    if (row == "stack traceback:") continue;
    const std::size_t text = row.find_first_not_of(" \t");
    if (text == std::string::npos) continue;
    if (kept++ == kTracebackLines) break;
    out += "\n  ";
    out += row.substr(text);
  }
  // A lone "in main chunk" frame repeats the position already given: leave it out.
  if (kept <= 1 && out.find("in main chunk") != std::string::npos) return "";
  return out.empty() ? out : "\ntraceback:" + out;
}

}  // namespace

LuaSandbox& sandbox_of(lua_State* L) { return **static_cast<LuaSandbox**>(lua_getextraspace(L)); }

LuaSandbox::LuaSandbox(SandboxLimits limits) : limits_(limits) {
  L_ = lua_newstate(&LuaSandbox::allocate, this);
  if (L_ == nullptr) throw std::bad_alloc();
  *static_cast<LuaSandbox**>(lua_getextraspace(L_)) = this;
  open_safe_libraries();
  // The message handler of every protected call, at the bottom of the stack for the state's
  // life: a hook call then moves nothing on the stack (inserting it below the function and
  // removing it after each call was 2 % of a run of the reference model, issue 14).
  lua_pushcfunction(L_, message_handler);
}

LuaSandbox::~LuaSandbox() {
  // No finalizer of the script's exists (setmetatable refuses __gc), so closing runs no user
  // code.
  if (L_ != nullptr) lua_close(L_);
}

void* LuaSandbox::allocate(void* self, void* block, std::size_t old_size, std::size_t new_size) {
  auto* sandbox = static_cast<LuaSandbox*>(self);
  const std::size_t old_bytes = block != nullptr ? old_size : 0;  // else old_size is a type tag
  if (new_size == 0) {
    std::free(block);
    sandbox->in_use_ -= old_bytes;
    return nullptr;
  }
  const std::size_t after = sandbox->in_use_ - old_bytes + new_size;
  if (new_size > old_bytes && sandbox->enforcing_) {
    // A killed state keeps refusing, so the script cannot carry on after catching the error.
    if (sandbox->killed_) return nullptr;
    if (after > sandbox->limits_.memory_bytes) {
      char what[96];
      std::snprintf(what, sizeof what, "memory limit of %zu MiB exceeded",
                    sandbox->limits_.memory_bytes >> 20);
      sandbox->kill(sandbox->L_, what);
      return nullptr;
    }
    if (++sandbox->allocations_ % kClockEvery == 0 && past(sandbox->deadline_, sandbox->seconds_)) {
      char what[96];
      std::snprintf(what, sizeof what, "time limit of %g s exceeded", sandbox->seconds_);
      sandbox->kill(sandbox->L_, what);
      return nullptr;
    }
  }
  void* moved = std::realloc(block, new_size);
  if (moved != nullptr) sandbox->in_use_ = after;
  return moved;
}

void LuaSandbox::kill(lua_State* L, const char* what) {
  if (killed_) return;
  killed_ = true;
  char where[192];
  locate(L, 0, where, sizeof where);
  std::snprintf(kill_message_, sizeof kill_message_, "%s%s", where, what);
  // From now on every instruction raises again (count_hook), as Redis does for its scripts.
  slice_ = 1;
  lua_sethook(L, &LuaSandbox::count_hook, LUA_MASKCOUNT, 1);
}

void LuaSandbox::raise_if_killed(lua_State* L) {
  if (!killed_) return;
  const bool was = glue();
  lua_pushstring(L, kill_message_);
  resume(was);
  lua_error(L);
}

int raise_from_glue(lua_State* L, bool enforcing, const char* message) {
  luaL_where(L, 1);
  lua_pushstring(L, message);
  lua_concat(L, 2);
  sandbox_of(L).resume(enforcing);
  return lua_error(L);
}

void LuaSandbox::count_hook(lua_State* L, lua_Debug* /*ar*/) {
  LuaSandbox& sandbox = sandbox_of(L);
  // Lua code is running, so no host code is: should host code have been cut short by an
  // error before it resumed the limits, they are back on from here.
  sandbox.enforcing_ = true;
  if (!sandbox.killed_) {
    sandbox.used_ += static_cast<std::uint64_t>(sandbox.slice_);
    if (sandbox.used_ >= sandbox.budget_) {
      char what[96];
      std::snprintf(what, sizeof what, "instruction limit of %llu exceeded (an endless loop?)",
                    static_cast<unsigned long long>(sandbox.budget_));
      sandbox.kill(L, what);
    } else if (past(sandbox.deadline_, sandbox.seconds_)) {
      char what[96];
      std::snprintf(what, sizeof what, "time limit of %g s exceeded", sandbox.seconds_);
      sandbox.kill(L, what);
    } else {
      const std::uint64_t left = sandbox.budget_ - sandbox.used_;
      sandbox.slice_ = left < kHookSlice ? static_cast<int>(left) : kHookSlice;
      lua_sethook(L, &LuaSandbox::count_hook, LUA_MASKCOUNT, sandbox.slice_);
      return;
    }
  }
  sandbox.raise_if_killed(L);
}

void LuaSandbox::charge(lua_State* L, std::uint64_t steps) {
  if (!killed_ && enforcing_) {
    used_ += steps;
    if (used_ >= budget_) {
      char what[96];
      std::snprintf(what, sizeof what,
                    "instruction limit of %llu exceeded (in a string pattern that backtracks?)",
                    static_cast<unsigned long long>(budget_));
      kill(L, what);
    } else if (past(deadline_, seconds_)) {
      char what[96];
      std::snprintf(what, sizeof what, "time limit of %g s exceeded", seconds_);
      kill(L, what);
    }
  }
  raise_if_killed(L);
}

void LuaSandbox::open_safe_libraries() {
  // Our own list, not luaL_openlibs: io, os, package, debug and coroutine stay out.
  const luaL_Reg libraries[] = {{LUA_GNAME, luaopen_base},
                                {LUA_TABLIBNAME, luaopen_table},
                                {LUA_STRLIBNAME, luaopen_string},
                                {LUA_MATHLIBNAME, luaopen_math},
                                {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (const luaL_Reg& lib : libraries) {
    luaL_requiref(L_, lib.name, lib.func, 1);
    lua_pop(L_, 1);
  }
  for (const char* name : {"dofile", "loadfile", "collectgarbage"}) {
    lua_pushnil(L_);
    lua_setglobal(L_, name);
  }
  lua_getglobal(L_, LUA_MATHLIBNAME);
  lua_pushcfunction(L_, &LuaSandbox::math_random);
  lua_setfield(L_, -2, "random");
  lua_pop(L_, 1);
  install_safe_functions(L_);
}

int LuaSandbox::math_random(lua_State* L) {
  core::RandomStream* stream = sandbox_of(L).random_;
  if (stream == nullptr) return luaL_error(L, "math.random is not available here");
  // Lua's own contract: random() in [0,1), random(m) in [1,m], random(m,n) in [m,n].
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, stream->uniform());
      return 1;
    case 1:
    case 2: {
      const lua_Integer low = lua_gettop(L) == 1 ? 1 : luaL_checkinteger(L, 1);
      const lua_Integer high = luaL_checkinteger(L, lua_gettop(L));
      luaL_argcheck(L, low <= high, lua_gettop(L), "interval is empty");
      // Unsigned arithmetic on purpose: it wraps correctly for negative bounds, and a span of
      // 0 means the whole 64-bit range.
      const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
      const std::uint64_t offset = span == 0 ? stream->bits() : stream->below(span);
      const std::uint64_t drawn = static_cast<std::uint64_t>(low) + offset;  // wraps, as meant
      lua_pushinteger(L, static_cast<lua_Integer>(drawn));
      return 1;
    }
    default:
      return luaL_error(L, "wrong number of arguments to math.random");
  }
}

void LuaSandbox::run_chunk(std::string_view text, const std::string& file) {
  const std::string chunk_name = "@" + file;
  if (luaL_loadbufferx(L_, text.data(), text.size(), chunk_name.c_str(), "t") != LUA_OK) {
    std::string raw = lua_tostring(L_, -1);
    lua_pop(L_, 1);
    std::string where;
    std::size_t line = 0;
    std::string message;
    if (split_position(raw, where, line, message)) throw io::InputError(where, line, message);
    throw io::InputError(file, raw);  // e.g. "attempt to load a binary chunk"
  }
  protected_call(0, 0, limits_.load_instructions, limits_.load_seconds, "the scenario", file, 0);
}

void LuaSandbox::call(int nargs, int nresults, std::string_view what, const std::string& file,
                      std::size_t line) {
  protected_call(nargs, nresults, limits_.call_instructions, limits_.call_seconds, what, file,
                 line);
}

void LuaSandbox::protected_call(int nargs, int nresults, std::uint64_t budget, double seconds,
                                std::string_view what, const std::string& file_hint,
                                std::size_t line_hint) {
  assert(!enforcing_ && "protected calls do not nest");
  // The handler kept at index 1 (the constructor's), or, should anything have taken it off,
  // one inserted below the function for this call.
  const bool kept = lua_tocfunction(L_, 1) == message_handler && lua_gettop(L_) > nargs + 1;
  int handler = 1;
  if (!kept) {
    handler = lua_gettop(L_) - nargs;  // the function's index, the handler's from now
    lua_pushcfunction(L_, message_handler);
    lua_insert(L_, handler);
  }
  budget_ = budget > 0 ? budget : 1;
  used_ = 0;
  killed_ = false;
  kill_message_[0] = '\0';
  seconds_ = seconds;
  // Set at the first look at the clock (past), not here: a hook call is a few
  // microseconds and a clock read per call would cost a few percent of a run. The first look
  // comes within 16,384 instructions or 256 allocations, or at a pattern function's charge.
  deadline_ = std::chrono::steady_clock::time_point::max();
  slice_ = budget_ < kHookSlice ? static_cast<int>(budget_) : kHookSlice;
  lua_sethook(L_, &LuaSandbox::count_hook, LUA_MASKCOUNT, slice_);
  enforcing_ = true;
  int status = lua_pcall(L_, nargs, nresults, handler);
  enforcing_ = false;
  lua_sethook(L_, nullptr, 0, 0);  // no hook overhead between calls
  if (!kept) lua_remove(L_, handler);
  if (status == LUA_OK && killed_) {  // the script caught the error and returned
    lua_pop(L_, nresults);
    status = LUA_ERRRUN;
    lua_pushstring(L_, kill_message_);
  }
  if (status == LUA_OK) return;

  std::string raw;
  if (status == LUA_ERRMEM) {  // no handler ran: the position was kept when the limit was hit
    raw = killed_ ? kill_message_ : "not enough memory";
  } else {
    raw = lua_type(L_, -1) == LUA_TSTRING ? lua_tostring(L_, -1) : "unknown error";
  }
  lua_pop(L_, 1);
  // The message may itself hold newlines (error("a\nb")): the traceback is what Lua appended
  // last, after its own "stack traceback:" line.
  const std::size_t traced = raw.rfind("\nstack traceback:");
  const std::string first = raw.substr(0, traced);
  const std::string trace =
      traced == std::string::npos ? "" : short_traceback(raw.substr(traced + 1));
  std::string file;
  std::size_t line = 0;
  std::string message;
  if (split_position(first, file, line, message)) {
    throw io::InputError(file, line, message + " (in " + std::string(what) + ")" + trace);
  }
  throw io::InputError(file_hint, line_hint, first + " (in " + std::string(what) + ")" + trace);
}

}  // namespace parcours::policy
