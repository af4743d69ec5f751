#include "policy/lua_rules.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "io/input_error.hpp"
#include "policy/lua_globals.hpp"
#include "policy/parameter_schema.hpp"

namespace parcours::policy {

namespace {

constexpr const char* kViewType = "parcours.client";
constexpr const char* kHookNames[] = {
    "conclusion",         "plan",           "dropout_after",    "retention",
    "dropout_multiplier", "job_multiplier", "after_major_event"};
// As named in error messages; constants, so a call builds no string.
constexpr std::string_view kHookLabels[] = {"policy.conclusion",         "policy.plan",
                                            "policy.dropout_after",      "policy.retention",
                                            "policy.dropout_multiplier", "policy.job_multiplier",
                                            "policy.after_major_event"};

// What a hook sees as `client`: one userdata reused for every call, pointing at the client
// being decided about. Fields are read on demand, so a hook pays only for what it reads.
struct ClientView {
  const model::Client* client = nullptr;
  const model::Profile* profile = nullptr;
  const core::Simulation* sim = nullptr;
  const model::ModelParameters* params = nullptr;
};

// The pathway's fields; every attribute of the profile (profile.hpp) is a field too.
const std::vector<std::string_view>& pathway_fields() {
  static const std::vector<std::string_view> names{"id",
                                                   "convened",
                                                   "limiting_characteristics",
                                                   "evaluations",
                                                   "after_specialised_evaluation",
                                                   "in_parcours",
                                                   "activities_done",
                                                   "plan_size",
                                                   "job_after_parcours",
                                                   "days_since_arrival",
                                                   "needs",
                                                   "revisions"};
  return names;
}

std::vector<std::string_view> field_names() {
  std::vector<std::string_view> names = pathway_fields();
  for (std::size_t i = 0; i < model::kAttributeCount; ++i) {
    names.push_back(model::name_of(static_cast<model::Attribute>(i)));
  }
  return names;
}

void push_text(lua_State* L, std::string_view text) {
  lua_pushlstring(L, text.data(), text.size());
}

// Pushes a profile attribute as a scenario reads it: names for enumerations, booleans for
// yes/no characteristics, integers otherwise.
void push_attribute(lua_State* L, model::Attribute a, const model::Profile& p,
                    const model::ModelParameters& params) {
  switch (a) {
    case model::Attribute::kIncomeSupport:
      push_text(L, model::to_string(p.income_support));
      return;
    case model::Attribute::kSchooling:
      push_text(L, model::to_string(p.schooling));
      return;
    case model::Attribute::kRegion: {
      const auto& regions = params.population.regions;
      push_text(L, p.region < regions.size() ? regions[p.region] : std::string_view("?"));
      return;
    }
    default:
      break;
  }
  const double v = model::get_attribute(p, a);
  if (model::max_value(a) == 1) {
    lua_pushboolean(L, v != 0);
  } else {
    lua_pushinteger(L, static_cast<lua_Integer>(v));
  }
}

int view_index(lua_State* L) {
  const auto* view = static_cast<const ClientView*>(lua_touserdata(L, 1));
  const bool enforcing = sandbox_of(L).glue();
  if (view->client == nullptr) {  // kept in a variable past the call that received it
    return raise_from_glue(L, enforcing,
                           "the client view can only be read during the hook call that "
                           "received it");
  }
  const char* field = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : nullptr;
  if (field == nullptr) return raise_from_glue(L, enforcing, "client fields are names");
  const model::Client& c = *view->client;
  const model::Profile& p = *view->profile;
  if (std::strcmp(field, "id") == 0) {
    lua_pushinteger(L, static_cast<lua_Integer>(c.id()));
  } else if (std::strcmp(field, "convened") == 0) {
    lua_pushboolean(L, c.convened);
  } else if (std::strcmp(field, "limiting_characteristics") == 0) {
    lua_pushinteger(L, c.limiting_characteristics);
  } else if (std::strcmp(field, "evaluations") == 0) {
    lua_pushinteger(L, c.evaluations);
  } else if (std::strcmp(field, "after_specialised_evaluation") == 0) {
    lua_pushboolean(L, c.stage == model::Stage::kSpecialisedEvaluation);
  } else if (std::strcmp(field, "in_parcours") == 0) {
    lua_pushboolean(L, c.in_parcours);
  } else if (std::strcmp(field, "activities_done") == 0) {
    lua_pushinteger(L, c.next_activity);
  } else if (std::strcmp(field, "plan_size") == 0) {
    lua_pushinteger(L, c.plan_size);
  } else if (std::strcmp(field, "job_after_parcours") == 0) {
    lua_pushboolean(L, c.job_after_parcours);
  } else if (std::strcmp(field, "days_since_arrival") == 0) {
    lua_pushnumber(L, view->sim->now() - c.arrived_at);
  } else if (std::strcmp(field, "revisions") == 0) {
    lua_pushinteger(L, c.revisions);
  } else if (std::strcmp(field, "needs") == 0) {
    lua_pushinteger(L, p.need_count());
  } else if (const auto attribute = model::attribute_named(field)) {
    push_attribute(L, *attribute, p, *view->params);
  } else {
    char error[256];
    std::snprintf(error, sizeof error, "client has no field '%s'%s", field,
                  suggestion(field, field_names()).c_str());
    return raise_from_glue(L, enforcing, error);
  }
  sandbox_of(L).resume(enforcing);
  return 1;
}

int view_newindex(lua_State* L) { return luaL_error(L, "client fields are read-only"); }

// A hook's result as messages show it, read without calling any of its metamethods
// (__tostring or __name could run the script's code outside its limits, or raise).
std::string describe(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(L, index, &length);
      constexpr std::size_t kShown = 60;
      return length <= kShown
                 ? std::string(text, length)
                 : std::string(text, kShown) + "... (" + std::to_string(length) + " characters)";
    }
    case LUA_TNUMBER: {
      char number[64];
      if (lua_isinteger(L, index) != 0) {
        std::snprintf(number, sizeof number, "%lld",
                      static_cast<long long>(lua_tointeger(L, index)));
      } else {
        std::snprintf(number, sizeof number, "%.14g", lua_tonumber(L, index));
      }
      return number;
    }
    case LUA_TBOOLEAN:
      return lua_toboolean(L, index) != 0 ? "true" : "false";
    case LUA_TNIL:
      return "nil";
    default:
      return std::string("a ") + lua_typename(L, lua_type(L, index)) + " value";
  }
}

}  // namespace

LuaRules::LuaRules(LuaSandbox& sandbox, const model::ModelParameters& params,
                   const core::Simulation& sim)
    : sandbox_(sandbox), params_(params), fallback_(params) {
  lua_State* L = sandbox_.state();
  for (int h = 0; h < kHookCount; ++h) {
    push_policy_hook(L, kHookNames[h]);
    if (!lua_isfunction(L, -1)) {
      lua_pop(L, 1);
      refs_[h] = LUA_NOREF;
      continue;
    }
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    if (ar.linedefined > 0) {
      where_file_[h] = ar.short_src;
      where_line_[h] = static_cast<std::size_t>(ar.linedefined);
    } else {  // a C function (policy.plan = print) has no line: blame the assignment
      const std::string site = policy_hook_site(L, kHookNames[h]);
      const std::size_t colon = site.rfind(':');
      where_file_[h] = colon == std::string::npos ? site : site.substr(0, colon);
      where_line_[h] =
          colon == std::string::npos ? 0 : std::strtoul(site.c_str() + colon + 1, nullptr, 10);
    }
    refs_[h] = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  auto* view = static_cast<ClientView*>(lua_newuserdatauv(L, sizeof(ClientView), 0));
  *view = ClientView{nullptr, nullptr, &sim, &params_};
  view_ = view;
  if (luaL_newmetatable(L, kViewType) != 0) {
    lua_pushcfunction(L, view_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, view_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, "client");
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");  // the script cannot change how the view reads
  }
  lua_setmetatable(L, -2);
  view_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
}

LuaRules::~LuaRules() {
  lua_State* L = sandbox_.state();
  for (int ref : refs_) luaL_unref(L, LUA_REGISTRYINDEX, ref);
  luaL_unref(L, LUA_REGISTRYINDEX, view_ref_);
}

void LuaRules::begin_call(Hook hook, const model::Client& client, const model::Profile& profile,
                          core::RandomStream& rng) {
  lua_State* L = sandbox_.state();
  auto* view = static_cast<ClientView*>(view_);
  view->client = &client;
  view->profile = &profile;
  sandbox_.set_random_stream(&rng);
  lua_rawgeti(L, LUA_REGISTRYINDEX, refs_[hook]);
  lua_rawgeti(L, LUA_REGISTRYINDEX, view_ref_);
}

void LuaRules::call(Hook hook, int nargs) {
  ++calls_;
  auto* view = static_cast<ClientView*>(view_);
  try {
    sandbox_.call(nargs, 1, kHookLabels[hook], where_file_[hook], where_line_[hook]);
  } catch (...) {
    view->client = nullptr;
    view->profile = nullptr;
    sandbox_.set_random_stream(nullptr);
    throw;
  }
  // The view dies with the call: a copy kept by the script reads nothing afterwards.
  view->client = nullptr;
  view->profile = nullptr;
  sandbox_.set_random_stream(nullptr);
}

void LuaRules::bad_result(Hook hook, const std::string& expected) {
  lua_State* L = sandbox_.state();
  const std::string got = describe(L, -1);
  lua_pop(L, 1);
  throw io::InputError(
      where_file_[hook], where_line_[hook],
      std::string("policy.") + kHookNames[hook] + " returned " + got + "; expected " + expected);
}

model::Conclusion LuaRules::conclusion(const model::Client& client, const model::Profile& profile,
                                       core::RandomStream& rng) {
  if (refs_[kConclusion] == LUA_NOREF) return fallback_.conclusion(client, profile, rng);
  lua_State* L = sandbox_.state();
  begin_call(kConclusion, client, profile, rng);
  call(kConclusion, 1);
  std::size_t length = 0;
  const char* letter = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : nullptr;
  const bool after_c = client.stage == model::Stage::kSpecialisedEvaluation;
  if (letter == nullptr || length != 1 || letter[0] < 'A' || letter[0] > 'D' ||
      (after_c && letter[0] == 'C')) {
    bad_result(kConclusion, after_c
                                ? "\"A\", \"B\" or \"D\" after a specialised evaluation (rule E7)"
                                : "\"A\", \"B\", \"C\" or \"D\" (rule E5)");
  }
  const auto result = static_cast<model::Conclusion>(letter[0] - 'A');
  lua_pop(L, 1);
  return result;
}

void LuaRules::plan(const model::Client& client, const model::Profile& profile,
                    core::RandomStream& rng, std::vector<std::uint8_t>& activities) {
  if (refs_[kPlan] == LUA_NOREF) return fallback_.plan(client, profile, rng, activities);
  lua_State* L = sandbox_.state();
  begin_call(kPlan, client, profile, rng);
  call(kPlan, 1);
  if (!lua_istable(L, -1)) bad_result(kPlan, "a list of activity names");
  activities.clear();
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  if (static_cast<std::size_t>(n) > model::kMaxPlanLength) {
    bad_result(kPlan, "at most " + std::to_string(model::kMaxPlanLength) + " activities");
  }
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, i);
    const char* name = lua_tostring(L, -1);
    std::size_t id = params_.activities.size();
    for (std::size_t a = 0; name != nullptr && a < params_.activities.size(); ++a) {
      if (params_.activities[a].name == name) id = a;
    }
    lua_pop(L, 1);
    if (id == params_.activities.size()) bad_result(kPlan, "names of defined activities");
    activities.push_back(static_cast<std::uint8_t>(id));
  }
  lua_pop(L, 1);
}

bool LuaRules::drops_out_after(const model::Client& client, const model::Profile& profile,
                               std::uint8_t activity, core::RandomStream& rng) {
  if (refs_[kDropoutAfter] == LUA_NOREF)
    return fallback_.drops_out_after(client, profile, activity, rng);
  lua_State* L = sandbox_.state();
  begin_call(kDropoutAfter, client, profile, rng);
  const std::string& name = params_.activities[activity].name;
  lua_pushlstring(L, name.data(), name.size());
  call(kDropoutAfter, 2);
  if (!lua_isboolean(L, -1)) bad_result(kDropoutAfter, "true (drops out) or false");
  const bool result = lua_toboolean(L, -1) != 0;
  lua_pop(L, 1);
  return result;
}

model::RetentionDecision LuaRules::retention(const model::Client& client,
                                             const model::Profile& profile,
                                             core::RandomStream& rng) {
  using model::RetentionDecision;
  if (refs_[kRetention] == LUA_NOREF) return fallback_.retention(client, profile, rng);
  lua_State* L = sandbox_.state();
  begin_call(kRetention, client, profile, rng);
  call(kRetention, 1);
  // Rule M6: true/false, or one of the decisions by name.
  RetentionDecision result = RetentionDecision::kNone;
  if (lua_isboolean(L, -1)) {
    result = lua_toboolean(L, -1) != 0 ? RetentionDecision::kRetention : RetentionDecision::kNone;
  } else if (lua_type(L, -1) == LUA_TSTRING && std::string_view(lua_tostring(L, -1)) == "none") {
    result = RetentionDecision::kNone;
  } else if (lua_type(L, -1) == LUA_TSTRING &&
             std::string_view(lua_tostring(L, -1)) == "retention") {
    result = RetentionDecision::kRetention;
  } else if (lua_type(L, -1) == LUA_TSTRING &&
             std::string_view(lua_tostring(L, -1)) == "other_partner") {
    result = RetentionDecision::kOtherPartner;
  } else {
    bad_result(kRetention,
               "true or false, or \"none\", \"retention\" or \"other_partner\" (rule M6)");
  }
  lua_pop(L, 1);
  return result;
}

model::AfterMajorEvent LuaRules::after_major_event(const model::Client& client,
                                                   const model::Profile& profile,
                                                   core::RandomStream& rng) {
  if (refs_[kAfterMajorEvent] == LUA_NOREF) {
    return fallback_.after_major_event(client, profile, rng);
  }
  lua_State* L = sandbox_.state();
  begin_call(kAfterMajorEvent, client, profile, rng);
  call(kAfterMajorEvent, 1);
  // Rule E7: what the agent decides on the specialised evaluation's recommendation.
  std::optional<model::AfterMajorEvent> result;
  if (lua_type(L, -1) == LUA_TSTRING) {
    const std::string_view answer = lua_tostring(L, -1);
    for (const auto d : {model::AfterMajorEvent::kContinue, model::AfterMajorEvent::kRevise,
                         model::AfterMajorEvent::kStop}) {
      if (answer == model::after_major_event_name(d)) result = d;
    }
  }
  if (!result) bad_result(kAfterMajorEvent, "\"continue\", \"revise\" or \"stop\" (rule E7)");
  lua_pop(L, 1);
  return *result;
}

bool LuaRules::plans_freely() const {
  return refs_[kPlan] != LUA_NOREF || fallback_.plans_freely();
}

double LuaRules::multiplier(Hook hook, const model::Client& client, const model::Profile& profile) {
  if (refs_[hook] == LUA_NOREF) return 1.0;
  lua_State* L = sandbox_.state();
  // Multipliers are deterministic functions of the client: no stream for math.random.
  core::RandomStream none;
  begin_call(hook, client, profile, none);
  sandbox_.set_random_stream(nullptr);
  call(hook, 1);
  if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0) ||
      !std::isfinite(lua_tonumber(L, -1))) {
    bad_result(hook, "a finite number >= 0 (a factor on the hazard)");
  }
  const double result = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return result;
}

}  // namespace parcours::policy
