#pragma once
// Files compiled into the program: the baseline scenario and its data, so that `parcours
// run` with no scenario works anywhere. Generated at build time from scenarios/.

#include <string>
#include <vector>

namespace parcours::policy {

/// The text of an embedded file by its path relative to scenarios/, or null.
const std::string* find_embedded_file(const std::string& path);
std::vector<std::string> embedded_file_names();

}  // namespace parcours::policy
