#include "model/traced_rules.hpp"

#include <array>
#include <cstdio>

namespace parcours::model {

namespace {

std::string number_text(double x) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.17g", x);
  return text.data();
}

}  // namespace

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::kWaitingInterview:
      return "waiting_interview";
    case Stage::kInInterview:
      return "in_interview";
    case Stage::kSpecialisedEvaluation:
      return "specialised_evaluation";
    case Stage::kReferredOut:
      return "referred_out";
    case Stage::kAwaitingActivity:
      return "awaiting_activity";
    case Stage::kInActivity:
      return "in_activity";
    case Stage::kJobSearch:
      return "job_search";
    case Stage::kRetention:
      return "retention";
    case Stage::kEmployed:
      return "employed";
  }
  return "unknown";
}

void TracedRules::record(const Client& client, std::string_view hook, std::string what,
                         std::string returned) {
  TraceRow row;
  row.client = client.id();
  row.time = sim_.now();
  row.date = core::format_date(calendar_.date_at(row.time));
  row.row = "decision";
  row.what = std::move(what);
  row.stage = stage_name(client.stage);
  row.hook = std::string("policy.") + std::string(hook);
  row.returned = std::move(returned);
  trace_.add(std::move(row));
}

Conclusion TracedRules::conclusion(const Client& client, const Profile& profile,
                                   core::RandomStream& rng) {
  const Conclusion c = rules_.conclusion(client, profile, rng);
  if (trace_.follows(client.id())) record(client, "conclusion", "conclusion", {to_letter(c)});
  return c;
}

void TracedRules::plan(const Client& client, const Profile& profile, core::RandomStream& rng,
                       std::vector<std::uint8_t>& activities) {
  rules_.plan(client, profile, rng, activities);
  if (!trace_.follows(client.id())) return;
  std::string names;  // activity names in order, "+" between them
  for (const std::uint8_t a : activities) {
    if (!names.empty()) names += '+';
    names += a < params_.activities.size() ? params_.activities[a].name : number_text(a);
  }
  record(client, "plan", "plan", names);
}

bool TracedRules::drops_out_after(const Client& client, const Profile& profile,
                                  std::uint8_t activity, core::RandomStream& rng) {
  const bool drops = rules_.drops_out_after(client, profile, activity, rng);
  if (trace_.follows(client.id())) {
    record(client, "dropout_after", "dropout_after " + params_.activities[activity].name,
           drops ? "true" : "false");
  }
  return drops;
}

RetentionDecision TracedRules::retention(const Client& client, const Profile& profile,
                                         core::RandomStream& rng) {
  const RetentionDecision d = rules_.retention(client, profile, rng);
  if (trace_.follows(client.id())) {
    const char* text = d == RetentionDecision::kNone        ? "none"
                       : d == RetentionDecision::kRetention ? "retention"
                                                            : "other_partner";
    record(client, "retention", "retention", text);
  }
  return d;
}

AfterMajorEvent TracedRules::after_major_event(const Client& client, const Profile& profile,
                                               core::RandomStream& rng) {
  const AfterMajorEvent d = rules_.after_major_event(client, profile, rng);
  if (trace_.follows(client.id())) {
    record(client, "after_major_event", "after_major_event",
           std::string(after_major_event_name(d)));
  }
  return d;
}

double TracedRules::dropout_multiplier(const Client& client, const Profile& profile) {
  const double m = rules_.dropout_multiplier(client, profile);
  if (trace_.follows(client.id())) {
    record(client, "dropout_multiplier", "dropout_multiplier", number_text(m));
  }
  return m;
}

double TracedRules::job_multiplier(const Client& client, const Profile& profile) {
  const double m = rules_.job_multiplier(client, profile);
  if (trace_.follows(client.id()))
    record(client, "job_multiplier", "job_multiplier", number_text(m));
  return m;
}

}  // namespace parcours::model
