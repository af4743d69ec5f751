#pragma once
// Where a schema row lands in the model's parameters: `lands_in<Unit, path...>` names the
// field by a path of member pointers from model::ModelParameters, and the unit conversion from
// the scenario's unit (weeks, hours, months) to the model's (days). The field's type says how
// the row's value is read: double and int from a number or an integer, std::uint64_t from an
// integer, bool from a boolean, std::string from a string, core::Date from a date,
// core::Distribution from a distribution (scaled), model::Hazard from a hazard table.
//
//   {"share", T::kNumber, 0, 1, false, "0", "probability", "M1", "...",
//    lands_in<kSame, &M::retention, &model::RetentionParameters::share>},

#include <cstdint>
#include <string>
#include <type_traits>

#include "core/calendar.hpp"
#include "core/distribution.hpp"
#include "model/hazard.hpp"
#include "model/parameters.hpp"
#include "policy/parameter_schema.hpp"
#include "policy/parameter_values.hpp"

namespace parcours::policy {

/// From the scenario's unit to the model's (times in days, rates per day).
enum class Unit { kSame, kWeeksToDays, kPerWeekToPerDay, kMonthsToDays, kHoursToDays };
inline constexpr Unit kSame = Unit::kSame;
inline constexpr Unit kWeeksToDays = Unit::kWeeksToDays;
inline constexpr Unit kPerWeekToPerDay = Unit::kPerWeekToPerDay;
inline constexpr Unit kMonthsToDays = Unit::kMonthsToDays;
inline constexpr Unit kHoursToDays = Unit::kHoursToDays;

namespace binding_detail {

constexpr double kDaysPerWeek = 7.0;
constexpr double kDaysPerMonth = 365.25 / 12.0;
constexpr double kHoursPerDay = 24.0;

// Each conversion is the very operation the builders did before the bindings (x * 7, x / 7,
// a distribution scaled by 1 / 24, ...), so that the model's numbers stay the same bits.
inline double converted(Unit unit, double value) {
  switch (unit) {
    case Unit::kSame:
      return value;
    case Unit::kWeeksToDays:
      return value * kDaysPerWeek;
    case Unit::kPerWeekToPerDay:
      return value / kDaysPerWeek;
    case Unit::kMonthsToDays:
      return value * kDaysPerMonth;
    case Unit::kHoursToDays:
      return value / kHoursPerDay;
  }
  return value;
}

inline core::Distribution converted(Unit unit, const core::Distribution& d) {
  switch (unit) {
    case Unit::kSame:
      return d;
    case Unit::kWeeksToDays:
      return d.scaled(kDaysPerWeek);
    case Unit::kPerWeekToPerDay:
      return d.scaled(1.0 / kDaysPerWeek);
    case Unit::kMonthsToDays:
      return d.scaled(kDaysPerMonth);
    case Unit::kHoursToDays:
      return d.scaled(1.0 / kHoursPerDay);
  }
  return d;
}

template <typename>
inline constexpr bool kUnsupported = false;

template <Unit U, typename F>
void write(const SectionValues& s, const ParamSpec& spec, F& field) {
  if constexpr (std::is_same_v<F, double>) {
    field = converted(U, s.number(spec.key));
  } else if constexpr (std::is_same_v<F, int> || std::is_same_v<F, std::uint64_t>) {
    static_assert(U == Unit::kSame, "counts take no unit conversion");
    field = static_cast<F>(s.number(spec.key));
  } else if constexpr (std::is_same_v<F, bool>) {
    field = s.flag(spec.key);
  } else if constexpr (std::is_same_v<F, std::string>) {
    field = s.text(spec.key);
  } else if constexpr (std::is_same_v<F, core::Date>) {
    field = *core::parse_date(s.text(spec.key));  // the loader checked it is a real date
  } else if constexpr (std::is_same_v<F, core::Distribution>) {
    field = converted(U, s.distribution(spec.key));
  } else if constexpr (std::is_same_v<F, model::Hazard>) {
    static_assert(U == Unit::kSame, "hazard tables are read in weeks and converted on reading");
    field = s.hazard(spec.key);
  } else {
    static_assert(kUnsupported<F>, "no reading for this field type");
  }
}

template <Unit U, auto... Path>
void apply(const SectionValues& s, const ParamSpec& spec, model::ModelParameters& params) {
  if (!s.has(spec.key)) return;  // optional and not given: the model's default stays
  write<U>(s, spec, (params.*....*Path));
}

template <auto... Path>
const void* field_address(const model::ModelParameters& params) {
  return &(params.*....*Path);
}

// A repeated section's item is the last of its list: its builder appends one per call.
template <Unit U, auto Items, auto... Path>
void apply_to_item(const SectionValues& s, const ParamSpec& spec, model::ModelParameters& params) {
  if (!s.has(spec.key)) return;
  write<U>(s, spec, ((params.*Items).back().*....*Path));
}

template <auto Items, auto... Path>
const void* item_field_address(const model::ModelParameters& params) {
  const auto& items = params.*Items;
  return items.empty() ? nullptr : &(items.back().*....*Path);
}

}  // namespace binding_detail

/// The binding of a row whose value goes, converted by `U`, into params.*path...
template <Unit U, auto... Path>
inline constexpr Binding lands_in{&binding_detail::apply<U, Path...>,
                                  &binding_detail::field_address<Path...>};

/// The same for a repeated section's row: into (params.*items).back().*path..., the item its
/// builder has just appended (an activity), before it calls apply_bindings.
template <Unit U, auto Items, auto... Path>
inline constexpr Binding lands_in_item{&binding_detail::apply_to_item<U, Items, Path...>,
                                       &binding_detail::item_field_address<Items, Path...>};

}  // namespace parcours::policy
