// Schema::describe: the listing behind `kfsim schema`, the reference for scenario authors.
#include <string>
#include <vector>

#include "sim/scenario/schema.hpp"
#include "sim/scenario/validate.hpp"

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

void describe_key(const KeySpec& spec, std::string& out) {
  out += "  " + leaf_of(spec.key);
  // A map's names are not the schema's to list; <name> stands for any of them.
  if (spec.is_map) out += ".<name>";
  out += spec.default_value ? " = " + format_value(*spec.default_value) : "  (required)";
  out += "\n";
  out += "      " + expectation(spec);
  if (!spec.unit.empty() && spec.unit != "1" && spec.type != Type::Integer &&
      spec.type != Type::Real) {
    out += " (unit: " + spec.unit + ")";
  }
  out += spec.policy_settable ? "; policies may change it" : "; fixed for the whole run";
  out += "\n";
  if (!spec.meaning.empty()) out += "      " + spec.meaning + "\n";
  if (!spec.source.empty()) out += "      Source: " + spec.source + "\n";
  if (spec.is_map) {
    out +=
        "      Names come from data: entries are set under [" + spec.key + "] as NAME = VALUE,\n";
    out += "      NAME of the characters [A-Za-z0-9_-]; an entry not set is " +
           format_value(*spec.default_value) + ".\n";
    if (spec.policy_settable) {
      out += "      A policy changes one entry: key = \"" + spec.key + ".NAME\".\n";
    }
  }
}

}  // namespace

std::string Schema::describe() const {
  std::string out = "Scenario keys (schema_version = " + std::to_string(kSchemaVersion) +
                    "). A scenario file may also name a file it `extends` and list dated\n"
                    "[[policies]] (start, optional end, key, value, optional name).\n";
  // Tables in the order their first key was added; top-level keys first, as in a TOML file.
  std::vector<std::string> groups = {""};
  groups.insert(groups.end(), tables_.begin(), tables_.end());
  for (const std::string& group : groups) {
    std::string section;
    for (const KeySpec& spec : keys_) {
      if (table_of(spec.key) == group) describe_key(spec, section);
    }
    if (section.empty()) continue;
    out += "\n";
    out += group.empty() ? "Top level\n" : "[" + group + "]\n";
    out += section;
  }
  return out;
}

}  // namespace kfsim::scenario
