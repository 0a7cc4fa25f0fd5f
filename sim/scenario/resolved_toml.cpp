// Scenario::resolved_toml: the scenario as it will run, written back as TOML so that a result
// can be traced to, and rerun from, exactly what was used.
#include <algorithm>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/text.hpp"

namespace kfsim::scenario {
namespace {

std::string table_of(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? "" : key.substr(0, dot);
}

std::string leaf_of(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

std::string comment_for(const Origin& origin) {
  switch (origin.kind) {
    case Origin::Kind::Default:
      return "# default";
    case Origin::Kind::File:
      return "# from " + comment_safe(origin.file) + ":" + std::to_string(origin.line);
    case Origin::Kind::CommandLine:
      return "# from " + comment_safe(origin.label);
  }
  return "# default";
}

// Lines of one table with their comments lined up, which makes a long listing readable.
std::string aligned(const std::vector<std::pair<std::string, std::string>>& lines) {
  constexpr std::size_t kMaxPad = 48;
  std::size_t width = 0;
  for (const auto& line : lines) width = std::max(width, line.first.size());
  width = std::min(width, kMaxPad);
  std::string out;
  for (const auto& [text, comment] : lines) {
    out += text;
    out += std::string(text.size() < width ? width - text.size() : 0, ' ');
    out += "  " + comment + "\n";
  }
  return out;
}

}  // namespace

std::string Scenario::resolved_toml() const {
  std::string out = "# Scenario resolved by kfsim: every key, defaults included; no extends.\n";
  out += "# Read from " + comment_safe(path_.string());
  for (std::size_t i = 1; i < chain_.size(); ++i) {
    out += ", which extends " + comment_safe(chain_[i].string());
  }
  out += "\n";

  // Top-level keys must precede every table header in TOML, so they form the first group.
  std::vector<std::string> groups = {""};
  for (const KeySpec& spec : schema_.keys()) {
    const std::string table = table_of(spec.key);
    if (std::find(groups.begin(), groups.end(), table) == groups.end()) groups.push_back(table);
  }
  for (const std::string& group : groups) {
    std::vector<std::pair<std::string, std::string>> lines;
    std::vector<const KeySpec*> maps;
    for (std::size_t i = 0; i < schema_.keys().size(); ++i) {
      const KeySpec& spec = schema_.keys()[i];
      if (table_of(spec.key) != group) continue;
      if (spec.is_map) {
        // A TOML comment: the default applies to names no one wrote, which cannot be listed.
        lines.emplace_back("# " + leaf_of(spec.key) + ".<name> = " + format_value(values_[i]),
                           "# default, for every entry not set");
        maps.push_back(&spec);
        continue;
      }
      lines.emplace_back(leaf_of(spec.key) + " = " + format_value(values_[i]),
                         comment_for(origins_[i]));
    }
    out += "\n";
    if (!group.empty()) out += "[" + group + "]\n";
    out += aligned(lines);
    // Each map's entries in its own table, after the table it belongs to.
    for (const KeySpec* map : maps) {
      const std::string prefix = map->key + ".";
      std::vector<std::pair<std::string, std::string>> entry_lines;
      for (auto it = entries_.lower_bound(prefix);
           it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        entry_lines.emplace_back(
            it->first.substr(prefix.size()) + " = " + format_value(it->second.value),
            comment_for(it->second.origin));
      }
      if (entry_lines.empty()) continue;
      out += "\n[" + map->key + "]\n";
      out += aligned(entry_lines);
    }
  }

  for (const Policy& policy : policies_) {
    out += "\n[[policies]]  # from " + comment_safe(policy.origin) + "\n";
    if (!policy.name.empty()) out += "name = " + format_value(policy.name) + "\n";
    out += "start = " + format_value(policy.start) + "\n";
    if (policy.end) out += "end = " + format_value(*policy.end) + "\n";
    out += "key = " + format_value(policy.key) + "\n";
    out += "value = " + format_value(policy.value) + "\n";
  }
  return out;
}

}  // namespace kfsim::scenario
