// The retention section as the model's parameters (rules M1-M13): units to days, the partner
// services by name, and the checks that tie keys together.

#include <algorithm>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

constexpr double kDaysPerWeek = 7.0;
constexpr double kDaysPerMonth = 365.25 / 12.0;

[[noreturn]] void fail(const SectionValues& s, const std::string& message) {
  throw io::InputError(s.origin.file, s.origin.line, "retention: " + message);
}

int activity_named(const SectionValues& s, std::string_view key,
                   const std::vector<model::ActivityParameters>& activities) {
  if (!s.has(key)) return -1;
  const std::string& name = s.text(key);
  std::vector<std::string_view> names;
  for (const auto& a : activities) names.push_back(a.name);
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) {
    fail(s, std::string(key) + " names '" + name + "', which no activity { name = ... } defines" +
                suggestion(name, names));
  }
  return static_cast<int>(it - names.begin());
}

}  // namespace

model::RetentionParameters build_retention(
    const SectionValues& s, const std::vector<model::ActivityParameters>& activities) {
  model::RetentionParameters r;
  r.share = s.number("share");
  r.other_partner_share = s.number("other_partner_share");
  r.hours = s.distribution("hours");
  r.days = s.distribution("weeks").scaled(kDaysPerWeek);
  r.integration_days = s.distribution("integration_weeks").scaled(kDaysPerWeek);
  r.shape = {s.number("integration_intensity"), s.number("final_intensity"),
             s.number("return_probability"), s.number("return_intensity")};
  r.tripartite_consent = s.number("tripartite_consent");
  if (s.has("job_loss")) r.job_loss = s.hazard("job_loss");
  r.retention_effect = s.number("retention_effect");
  r.tripartite_effect = s.number("tripartite_effect");
  r.client_stop_per_day = s.number("client_stop_per_week") / kDaysPerWeek;
  r.full_time_share = s.number("full_time_share");
  r.followup_days = s.number("followup_months") * kDaysPerMonth;
  r.late_start_probability = s.number("late_start_probability");
  r.late_start_days = s.number("late_start_weeks") * kDaysPerWeek;
  r.employer_request_probability = s.number("employer_request_probability");
  r.employer_request_days = s.distribution("employer_request_weeks").scaled(kDaysPerWeek);
  r.readmission_days = s.number("readmission_days");
  r.repeat_approval_probability = s.number("repeat_approval_probability");
  r.payment_lag_days = s.number("payment_lag_weeks") * kDaysPerWeek;
  r.me_activity = activity_named(s, "me_service", activities);
  r.ph2_activity = activity_named(s, "ph2_service", activities);
  r.demarcheurs_maintien_activity = activity_named(s, "demarcheurs_maintien_service", activities);
  r.referral_days = s.distribution("referral_weeks").scaled(kDaysPerWeek);
  r.ph2_cit_share = s.number("ph2_cit_share");
  r.ph2_psea_share = s.number("ph2_psea_share");
  r.contacts = static_cast<int>(s.number("contacts"));
  r.contact_interval_days = s.number("contact_interval_weeks") * kDaysPerWeek;
  r.after_any_job = s.flag("after_any_job");
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
  return r;
}

}  // namespace parcours::policy
