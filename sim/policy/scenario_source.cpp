// Where scenario text comes from, and the --set overrides given with it.

#include "io/input_error.hpp"
#include "io/read_file.hpp"
#include "policy/embedded_files.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

ScenarioSource scenario_from_file(const std::filesystem::path& path) {
  ScenarioSource source;
  source.name = path.string();
  source.text = io::read_file(path, kMaxScenarioFileBytes);
  source.directory = path.parent_path();
  return source;
}

ScenarioSource scenario_from_embedded(const std::string& name) {
  const std::string* text = find_embedded_file(name);
  if (text == nullptr) throw io::InputError(name, "no such embedded scenario");
  ScenarioSource source;
  source.name = name;
  source.text = *text;
  source.embedded = true;
  return source;
}

std::string Override::target() const {
  return section + "." + (item.empty() ? "" : item + ".") + key;
}

Override parse_override(const std::string& text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw io::InputError("--set", "expected section.key=value, got '" + text + "'");
  }
  const std::string target = text.substr(0, equals);
  Override o;
  o.expression = text.substr(equals + 1);
  const std::size_t first_dot = target.find('.');
  if (first_dot == std::string::npos) {
    throw io::InputError("--set", "expected section.key=value, got '" + text + "'");
  }
  o.section = target.substr(0, first_dot);
  const SectionSpec* spec = find_section(o.section);
  if (spec == nullptr) {
    std::vector<std::string_view> names;
    for (const SectionSpec& s : scenario_schema()) names.push_back(s.name);
    throw io::InputError("--set", "--set " + target + ": unknown section '" + o.section + "'" +
                                      suggestion(o.section, names));
  }
  std::string rest = target.substr(first_dot + 1);
  if (spec->repeated) {
    const std::size_t dot = rest.find('.');
    if (dot == std::string::npos) {
      throw io::InputError("--set",
                           "--set " + target + ": expected " + o.section + ".NAME.key=value");
    }
    o.item = rest.substr(0, dot);
    rest = rest.substr(dot + 1);
  }
  o.key = rest;
  if (spec->find(o.key) == nullptr) {
    std::vector<std::string_view> keys;
    for (const ParamSpec& p : spec->params) keys.push_back(p.key);
    throw io::InputError("--set", "--set " + target + ": unknown key '" + o.key + "' in " +
                                      o.section + suggestion(o.key, keys));
  }
  return o;
}

}  // namespace parcours::policy
