#include "policy/lua_sandbox.hpp"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "io/input_error.hpp"

namespace parcours::policy {

namespace {

constexpr int kTracebackLines = 6;

// Budget of the call under way, for the hook's message (a hook has no other context).
thread_local std::uint64_t current_budget = 0;

void instruction_limit_hook(lua_State* L, lua_Debug*) {
  // Inside a hook, level 0 is the Lua function that was running: name its line.
  luaL_where(L, 0);
  lua_pushfstring(L, "instruction limit of %I exceeded (an endless loop?)",
                  static_cast<lua_Integer>(current_budget));
  lua_concat(L, 2);
  lua_error(L);
}

int message_handler(lua_State* L) {
  const char* msg = lua_tostring(L, 1);
  if (msg == nullptr) {
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

// load() for text chunks only: precompiled bytecode could crash the VM, so mode is forced
// to "t" whatever the script asks for.
int safe_load(lua_State* L) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  const char* name = luaL_optstring(L, 2, "=(load)");
  if (luaL_loadbufferx(L, text, length, name, "t") != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;  // fail, message
  }
  if (!lua_isnone(L, 4)) {  // custom environment: the chunk's first upvalue is _ENV
    lua_pushvalue(L, 4);
    if (lua_setupvalue(L, -2, 1) == nullptr) lua_pop(L, 1);
  }
  return 1;
}

int print_to_stderr(lua_State* L) {
  if (!sandbox_of(L).print_enabled()) return 0;
  const int n = lua_gettop(L);
  std::string line = "[lua] ";
  for (int i = 1; i <= n; ++i) {
    if (i > 1) line += '\t';
    line += luaL_tolstring(L, i, nullptr);
    lua_pop(L, 1);
  }
  line += '\n';
  std::cerr << line;
  return 0;
}

int randomseed_refused(lua_State* L) {
  return luaL_error(L,
                    "math.randomseed is not available: math.random draws from the run's seed "
                    "(set it with scenario { seed = ... } or --seed)");
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
    if (kept++ == kTracebackLines) break;
    out += "\n  ";
    out += row.substr(row.find_first_not_of(" \t"));
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
}

LuaSandbox::~LuaSandbox() {
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
  if (new_size > old_bytes && after > sandbox->limits_.memory_bytes) return nullptr;
  void* moved = std::realloc(block, new_size);
  if (moved != nullptr) sandbox->in_use_ = after;
  return moved;
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
  lua_pushcfunction(L_, safe_load);
  lua_setglobal(L_, "load");
  lua_pushcfunction(L_, print_to_stderr);
  lua_setglobal(L_, "print");

  lua_getglobal(L_, LUA_STRLIBNAME);
  lua_pushnil(L_);
  lua_setfield(L_, -2, "dump");  // string.dump makes bytecode
  lua_pop(L_, 1);

  lua_getglobal(L_, LUA_MATHLIBNAME);
  lua_pushcfunction(L_, &LuaSandbox::math_random);
  lua_setfield(L_, -2, "random");
  lua_pushcfunction(L_, randomseed_refused);
  lua_setfield(L_, -2, "randomseed");
  lua_pop(L_, 1);
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
      lua_pushinteger(L, static_cast<lua_Integer>(static_cast<std::uint64_t>(low) + offset));
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
  protected_call(0, 0, limits_.load_instructions, "the scenario", file);
}

void LuaSandbox::call(int nargs, int nresults, std::string_view what) {
  protected_call(nargs, nresults, limits_.call_instructions, what, "");
}

void LuaSandbox::protected_call(int nargs, int nresults, std::uint64_t budget,
                                std::string_view what, const std::string& file_hint) {
  const int base = lua_gettop(L_) - nargs;  // the function's index
  lua_pushcfunction(L_, message_handler);
  lua_insert(L_, base);
  current_budget = budget;
  lua_sethook(L_, instruction_limit_hook, LUA_MASKCOUNT,
              static_cast<int>(budget > 0x7fffffff ? 0x7fffffff : budget));
  const int status = lua_pcall(L_, nargs, nresults, base);
  lua_sethook(L_, nullptr, 0, 0);  // no hook overhead between calls
  lua_remove(L_, base);
  if (status == LUA_OK) return;

  if (status == LUA_ERRMEM) {
    lua_pop(L_, 1);
    throw io::InputError(file_hint, "memory limit of " +
                                        std::to_string(limits_.memory_bytes >> 20) +
                                        " MiB exceeded in " + std::string(what));
  }
  const std::string raw = lua_tostring(L_, -1) != nullptr ? lua_tostring(L_, -1) : "unknown error";
  lua_pop(L_, 1);
  const std::size_t newline = raw.find('\n');
  const std::string first = raw.substr(0, newline);
  const std::string trace =
      newline == std::string::npos ? "" : short_traceback(raw.substr(newline + 1));
  std::string file;
  std::size_t line = 0;
  std::string message;
  if (split_position(first, file, line, message)) {
    throw io::InputError(file, line, message + " (in " + std::string(what) + ")" + trace);
  }
  throw io::InputError(file_hint, first + " (in " + std::string(what) + ")" + trace);
}

}  // namespace parcours::policy
