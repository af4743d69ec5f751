#pragma once
// Who a client is: the characteristics the rules of the pathway read (E1, E3, E4, D1-D3,
// P6). Kept apart from the client's pathway state (client.hpp): a profile is drawn once at
// arrival and read at decision points, while the state is touched by every event.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace parcours::model {

/// Income support status at entry (rule P6).
enum class IncomeSupport : std::uint8_t {
  kLastResort,           // aide financière de dernier recours (AFDR)
  kEmploymentInsurance,  // assurance-emploi
  kNone,
};
std::string_view to_string(IncomeSupport s);

/// Highest schooling completed (Québec secondary levels; rule D1 counts below Secondary IV).
enum class Schooling : std::uint8_t {
  kBelowSecondaryIV,
  kSecondaryIV,    // Secondaire IV, not V
  kSecondaryV,     // diploma of secondary studies (DES)
  kPostSecondary,  // college or university
};

std::string_view to_string(Schooling s);

/// The four competency domains the evaluation assesses (rule E3); bit i of Profile::needs.
enum class Domain : std::uint8_t {
  kProfessionalChoice,  // choix professionnel
  kSkills,              // acquisition de compétences
  kJobSearch,           // recherche d'emploi
  kRetention,           // intégration et maintien en emploi
};
inline constexpr int kDomainCount = 4;

struct Profile {
  std::uint8_t age = 0;     // years, at entry
  bool female = false;      // rule D3
  std::uint8_t region = 0;  // index into the scenario's regions
  IncomeSupport income_support = IncomeSupport::kNone;
  bool objectif_emploi = false;  // first-time AFDR applicant in the Objectif emploi program
  Schooling schooling = Schooling::kSecondaryV;
  bool single_parent = false;              // D1: single-parent head of family
  bool children_under_5 = false;           // D1: dependent children under 5
  bool health_constraints = false;         // D1: episodes of health constraints
  bool leaving_institution = false;        // D1: leaving a health institution or detention
  bool disability = false;                 // D3
  bool immigrant = false;                  // D3
  bool judicial_record = false;            // D3
  bool professional_objective = false;     // E4: has a profession in view
  bool meets_requirements = false;         // E4: meets that profession's requirements
  std::uint16_t months_on_assistance = 0;  // D1: cumulative, at entry
  std::uint16_t months_out_of_work = 0;    // D1: time out of the labour market, at entry
  std::uint8_t needs = 0;                  // E3: bit per Domain where the client has a need

  [[nodiscard]] bool needs_domain(Domain d) const { return (needs >> static_cast<int>(d)) & 1U; }
  [[nodiscard]] int need_count() const;
};

/// The largest age and number of months a profile holds: a lifetime (months also count at
/// most that many years). ClientTable packs a profile in 8 bytes within these ranges.
inline constexpr unsigned kMaxAge = 120;
inline constexpr unsigned kMaxMonths = 12 * kMaxAge;
inline constexpr unsigned kMaxRegion = 255;

/// Every characteristic a population source can set, by name (for CSV headers, Lua and
/// messages). Booleans take 0/1; enumerations their index in declaration order; `needs_*` are
/// the four domains of rule E3 as 0/1.
enum class Attribute : std::uint8_t {
  kAge,
  kFemale,
  kRegion,
  kIncomeSupport,
  kObjectifEmploi,
  kSchooling,
  kSingleParent,
  kChildrenUnder5,
  kHealthConstraints,
  kLeavingInstitution,
  kDisability,
  kImmigrant,
  kJudicialRecord,
  kProfessionalObjective,
  kMeetsRequirements,
  kMonthsOnAssistance,
  kMonthsOutOfWork,
  kNeedsProfessionalChoice,
  kNeedsSkills,
  kNeedsJobSearch,
  kNeedsRetention,
  kCount_
};
inline constexpr std::size_t kAttributeCount = static_cast<std::size_t>(Attribute::kCount_);

std::string_view name_of(Attribute a);
std::optional<Attribute> attribute_named(std::string_view name);
/// The largest value an attribute can hold (e.g. 1 for booleans, 3 for schooling).
double max_value(Attribute a);
/// Sets an attribute from a number (rounded to the attribute's type and clamped to its range).
void set_attribute(Profile& p, Attribute a, double value);
double get_attribute(const Profile& p, Attribute a);

}  // namespace parcours::model
