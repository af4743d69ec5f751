#include "model/profile.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace parcours::model {

namespace {

constexpr std::array<std::string_view, kAttributeCount> kNames{
    "age",
    "female",
    "region",
    "income_support",
    "objectif_emploi",
    "schooling",
    "single_parent",
    "children_under_5",
    "health_constraints",
    "leaving_institution",
    "disability",
    "immigrant",
    "judicial_record",
    "professional_objective",
    "meets_requirements",
    "months_on_assistance",
    "months_out_of_work",
    "needs_professional_choice",
    "needs_skills",
    "needs_job_search",
    "needs_retention",
};

void set_need(Profile& p, Domain d, bool need) {
  const auto bit = static_cast<std::uint8_t>(1U << static_cast<int>(d));
  p.needs =
      need ? static_cast<std::uint8_t>(p.needs | bit) : static_cast<std::uint8_t>(p.needs & ~bit);
}

}  // namespace

std::string_view to_string(IncomeSupport s) {
  switch (s) {
    case IncomeSupport::kLastResort:
      return "afdr";
    case IncomeSupport::kEmploymentInsurance:
      return "ei";
    case IncomeSupport::kNone:
      return "none";
  }
  return "none";
}

std::string_view to_string(Schooling s) {
  switch (s) {
    case Schooling::kBelowSecondaryIV:
      return "below_secondary_iv";
    case Schooling::kSecondaryIV:
      return "secondary_iv";
    case Schooling::kSecondaryV:
      return "secondary_v";
    case Schooling::kPostSecondary:
      return "post_secondary";
  }
  return "secondary_v";
}

int Profile::need_count() const { return std::popcount(needs); }

std::string_view name_of(Attribute a) { return kNames[static_cast<std::size_t>(a)]; }

std::optional<Attribute> attribute_named(std::string_view name) {
  for (std::size_t i = 0; i < kAttributeCount; ++i) {
    if (kNames[i] == name) return static_cast<Attribute>(i);
  }
  return std::nullopt;
}

double max_value(Attribute a) {
  switch (a) {
    case Attribute::kAge:
      return kMaxAge;
    case Attribute::kRegion:
      return kMaxRegion;
    case Attribute::kIncomeSupport:
      return 2;
    case Attribute::kSchooling:
      return 3;
    case Attribute::kMonthsOnAssistance:
    case Attribute::kMonthsOutOfWork:
      return kMaxMonths;
    default:
      return 1;
  }
}

void set_attribute(Profile& p, Attribute a, double value) {
  const double v = std::clamp(std::round(value), 0.0, max_value(a));
  const bool on = v >= 1.0;
  switch (a) {
    case Attribute::kAge:
      p.age = static_cast<std::uint8_t>(v);
      break;
    case Attribute::kFemale:
      p.female = on;
      break;
    case Attribute::kRegion:
      p.region = static_cast<std::uint8_t>(v);
      break;
    case Attribute::kIncomeSupport:
      p.income_support = static_cast<IncomeSupport>(static_cast<int>(v));
      break;
    case Attribute::kObjectifEmploi:
      p.objectif_emploi = on;
      break;
    case Attribute::kSchooling:
      p.schooling = static_cast<Schooling>(static_cast<int>(v));
      break;
    case Attribute::kSingleParent:
      p.single_parent = on;
      break;
    case Attribute::kChildrenUnder5:
      p.children_under_5 = on;
      break;
    case Attribute::kHealthConstraints:
      p.health_constraints = on;
      break;
    case Attribute::kLeavingInstitution:
      p.leaving_institution = on;
      break;
    case Attribute::kDisability:
      p.disability = on;
      break;
    case Attribute::kImmigrant:
      p.immigrant = on;
      break;
    case Attribute::kJudicialRecord:
      p.judicial_record = on;
      break;
    case Attribute::kProfessionalObjective:
      p.professional_objective = on;
      break;
    case Attribute::kMeetsRequirements:
      p.meets_requirements = on;
      break;
    case Attribute::kMonthsOnAssistance:
      p.months_on_assistance = static_cast<std::uint16_t>(v);
      break;
    case Attribute::kMonthsOutOfWork:
      p.months_out_of_work = static_cast<std::uint16_t>(v);
      break;
    case Attribute::kNeedsProfessionalChoice:
      set_need(p, Domain::kProfessionalChoice, on);
      break;
    case Attribute::kNeedsSkills:
      set_need(p, Domain::kSkills, on);
      break;
    case Attribute::kNeedsJobSearch:
      set_need(p, Domain::kJobSearch, on);
      break;
    case Attribute::kNeedsRetention:
      set_need(p, Domain::kRetention, on);
      break;
    case Attribute::kCount_:
      break;
  }
}

double get_attribute(const Profile& p, Attribute a) {
  switch (a) {
    case Attribute::kAge:
      return p.age;
    case Attribute::kFemale:
      return p.female;
    case Attribute::kRegion:
      return p.region;
    case Attribute::kIncomeSupport:
      return static_cast<double>(p.income_support);
    case Attribute::kObjectifEmploi:
      return p.objectif_emploi;
    case Attribute::kSchooling:
      return static_cast<double>(p.schooling);
    case Attribute::kSingleParent:
      return p.single_parent;
    case Attribute::kChildrenUnder5:
      return p.children_under_5;
    case Attribute::kHealthConstraints:
      return p.health_constraints;
    case Attribute::kLeavingInstitution:
      return p.leaving_institution;
    case Attribute::kDisability:
      return p.disability;
    case Attribute::kImmigrant:
      return p.immigrant;
    case Attribute::kJudicialRecord:
      return p.judicial_record;
    case Attribute::kProfessionalObjective:
      return p.professional_objective;
    case Attribute::kMeetsRequirements:
      return p.meets_requirements;
    case Attribute::kMonthsOnAssistance:
      return p.months_on_assistance;
    case Attribute::kMonthsOutOfWork:
      return p.months_out_of_work;
    case Attribute::kNeedsProfessionalChoice:
      return p.needs_domain(Domain::kProfessionalChoice);
    case Attribute::kNeedsSkills:
      return p.needs_domain(Domain::kSkills);
    case Attribute::kNeedsJobSearch:
      return p.needs_domain(Domain::kJobSearch);
    case Attribute::kNeedsRetention:
      return p.needs_domain(Domain::kRetention);
    case Attribute::kCount_:
      break;
  }
  return 0;
}

}  // namespace parcours::model
