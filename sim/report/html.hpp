#pragma once
// Text that goes into an HTML page: escaping for element content and attributes, and JSON or
// JavaScript placed inside <script> elements, where escaping does not apply and only the
// sequences that would end the element early must be avoided.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace parcours::report {

/// Escapes &, <, >, " and ' so that `text` reads as itself in element content and in quoted
/// attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

/// The JSON text of `value`, safe inside <script type="application/json">: every '<' is
/// written \u003c (inside JSON strings, the only place it can occur), so a CSV value such as
/// "</script>" cannot close the element.
[[nodiscard]] std::string script_json(const nlohmann::json& value);

/// JavaScript source safe inside <script>: "</script" and "<!--" (any case) are broken up
/// as "<\/script" and "<\!--", which mean the same inside JavaScript strings and regular
/// expressions, the only places a library can hold them.
[[nodiscard]] std::string script_text(std::string_view javascript);

}  // namespace parcours::report
