// --set KEY=VALUE arguments: applied after all files, validated like file values.
#include <system_error>

#include "sim/scenario/builder.hpp"
#include "sim/scenario/depth_guard.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/text.hpp"
#include "sim/scenario/toml_node.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario::detail {
namespace {

constexpr const char* kSetLabel = "command line (--set)";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// Strings, months and paths may be given bare (`--set name=test`, `--set start=2030-01`), which
// spares users quoting through the shell; a leading quote asks for TOML string syntax.
bool takes_bare_word(Type type, std::string_view text) {
  const bool textual = type == Type::String || type == Type::Month || type == Type::File;
  return textual && (text.empty() || (text.front() != '"' && text.front() != '\''));
}

}  // namespace

void ScenarioBuilder::apply_overrides(const std::vector<std::string>& overrides) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    apply_override(overrides[i], static_cast<int>(i + 1));
  }
}

void ScenarioBuilder::apply_override(const std::string& argument, int ordinal) {
  const Schema& schema = scenario_.schema_;
  const std::size_t equals = argument.find('=');
  const std::string key(trim(std::string_view(argument).substr(0, equals)));
  const Origin key_site = Origin::command_line(ordinal, 1, kSetLabel);
  if (equals == std::string::npos || key.empty()) {
    throw key_site.error(key, "--set argument \"" + printable(argument) + "\" has no KEY=",
                         "KEY=VALUE, e.g. seed=42");
  }
  const auto index = schema.index_of(key);
  const KeySpec* map = index ? nullptr : schema.map_of(key);
  if (!index && map == nullptr) {
    const std::string first = key.substr(0, key.find_first_of(".["));
    if (first == "extends" || first == "policies") {
      throw key_site.error(key, "cannot be set with --set",
                           "a key listed by `kfsim schema`; edit the scenario file for " + first);
    }
    throw key_site.error(key, "unknown key" + did_you_mean(schema.nearest(key)),
                         "a key listed by `kfsim schema`");
  }
  const KeySpec& spec = index ? schema.keys()[*index] : *map;
  if (spec.is_map && index) {
    throw key_site.error(key, "is a map, which --set sets one entry at a time",
                         "--set " + key + ".NAME=VALUE");
  }
  if (map != nullptr && schema.entry_name(key).empty()) {
    const Problem problem = bad_entry_name(*map, std::string_view(key).substr(map->key.size() + 1));
    throw key_site.error(key, problem.what, problem.expected);
  }
  const std::string_view text = trim(std::string_view(argument).substr(equals + 1));
  const Origin value_site = Origin::command_line(ordinal, static_cast<int>(equals + 2), kSetLabel);

  Value value;
  if (takes_bare_word(spec.type, text)) {
    value = std::string(text);
  } else {
    if (text.empty()) throw value_site.error(key, "no value after '='", expectation(spec));
    if (find_overly_nested_line(text)) {
      throw value_site.error(key, "\"" + printable(text) + "\" is not a single TOML value",
                             expectation(spec));
    }
    toml::table document;
    try {
      document = toml::parse("value = " + std::string(text), std::string_view(kCommandLine));
    } catch (const toml::parse_error& error) {
      throw value_site.error(key,
                             "cannot read \"" + printable(text) +
                                 "\" as a TOML value: " + printable(error.description(), 200),
                             expectation(spec));
    }
    // "1\nseed = 2" parses too, but is not one value.
    const toml::node* node = document.get("value");
    if (document.size() != 1 || node == nullptr) {
      throw value_site.error(key, "\"" + printable(text) + "\" is not a single TOML value",
                             expectation(spec));
    }
    std::optional<Value> scalar = scalar_of(*node);
    if (!scalar) throw value_site.error(key, "got " + describe_node(*node), expectation(spec));
    value = std::move(*scalar);
  }
  std::error_code ignored;
  if (auto problem = check_value(spec, value, std::filesystem::current_path(ignored))) {
    throw value_site.error(key, problem->what, problem->expected);
  }
  // A key set on the command line is fixed: it is no longer drawn from [uncertainty].
  std::erase_if(scenario_.uncertainty_.parameters,
                [&](const UncertainParameter& parameter) { return parameter.key == key; });
  if (map != nullptr) {
    scenario_.entries_.insert_or_assign(key, Scenario::Entry{std::move(value), value_site});
    return;
  }
  values_[*index] = std::move(value);
  scenario_.origins_[*index] = value_site;
  set_by_[*index] = kSetOnCommandLine;
}

}  // namespace kfsim::scenario::detail
