#pragma once
// Every label of the report in French and English, from one table (translations.cpp).
// Users work in French, so French is the default. A key with no entry, such as an indicator
// added to the model after this table, is shown as it is: the raw name still says what it is.

#include <string>
#include <string_view>

namespace parcours::report {

enum class Language { kFrench, kEnglish };

/// "fr" or "en"; anything else throws io::InputError naming the option.
[[nodiscard]] Language parse_language(std::string_view code);
[[nodiscard]] std::string_view language_code(Language language);

/// The label of `key` (a text key such as "flow.title" or an indicator name such as
/// "parcours_started"), or `key` itself when the table has no entry for it. An indicator by
/// activity, "activities_started.NAME", reads as the indicator's label and the service's.
[[nodiscard]] std::string label(Language language, std::string_view key);
[[nodiscard]] bool has_label(std::string_view key);

/// The label of a name a scenario gives (a service, a group): `prefix + name` when the table
/// has it, else the name itself with spaces for underscores ("job_club" -> "job club").
[[nodiscard]] std::string name_label(Language language, std::string_view prefix,
                                     std::string_view name);

/// A number for people: thousands grouped (a narrow no-break space in French, a comma in
/// English), the decimal mark of the language, and as many decimals as its size calls for
/// (none from 100 up, one from 1, otherwise three significant digits).
[[nodiscard]] std::string format_number(Language language, double value);

}  // namespace parcours::report
