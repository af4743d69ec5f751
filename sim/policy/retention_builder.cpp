// The retention section as the model's parameters (rules M1-M13): its rows' bindings
// (units to days), the partner services by name, and the checks that tie keys together.

#include <algorithm>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

[[noreturn]] void fail(const SectionValues& s, const std::string& message) {
  throw io::InputError(s.origin.file, s.origin.line, "retention: " + message);
}

int activity_named(const SectionValues& s, std::string_view key,
                   const std::vector<model::ActivityParameters>& activities) {
  if (!s.has(key)) return -1;
  const std::string& name = s.text(key);
  std::vector<std::string_view> names;
  names.reserve(activities.size());
  for (const auto& a : activities) names.push_back(a.name);
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) {
    fail(s, std::string(key) + " names '" + name + "', which no activity { name = ... } defines" +
                suggestion(name, names));
  }
  return static_cast<int>(it - names.begin());
}

}  // namespace

void build_retention(const SectionValues& retention, model::ModelParameters& params) {
  const SectionValues& s = retention;
  apply_bindings(s, params);  // every row but the partner services (policy/schema_retention.cpp)
  model::RetentionParameters& r = params.retention;
  r.me_activity = activity_named(s, "me_service", params.activities);
  r.ph2_activity = activity_named(s, "ph2_service", params.activities);
  r.demarcheurs_maintien_activity =
      activity_named(s, "demarcheurs_maintien_service", params.activities);
  if (r.contacts > 0 && r.contact_interval_days <= 0) {
    fail(s, "contacts need contact_interval_weeks (rule M3)");
  }
  if (r.share > 0 && r.hours.mean() <= 0 && r.me_activity < 0 && r.contacts == 0) {
    fail(s,
         "share > 0 but hours = 0 and no me_service: nobody would get retention support "
         "(rule M2)");
  }
  if (r.share > 0 && r.hours.mean() > 0 && r.days.mean() <= 0 && r.contacts == 0) {
    fail(s, "hours need weeks to spread over (rule M2: 15-20 weeks)");
  }
  if ((r.late_start_probability > 0) != (r.late_start_days > 0) && r.late_start_probability > 0) {
    fail(s, "late_start_probability needs late_start_weeks (rule M3)");
  }
}

}  // namespace parcours::policy
