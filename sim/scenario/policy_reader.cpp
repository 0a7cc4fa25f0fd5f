// Reading [[policies]] tables: dated changes of policy-settable keys.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/builder.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/text.hpp"
#include "sim/scenario/toml_node.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario::detail {

namespace fs = std::filesystem;

namespace {

// The key to suggest for a policy's unknown key: only one a policy may set is any help.
std::string policy_key_suggestion(const Schema& schema, const std::string& key) {
  const std::string nearest = schema.nearest(key);
  const KeySpec* spec = nearest.empty() ? nullptr : schema.find(nearest);
  if (spec == nullptr || spec->policy_settable) return nearest;  // map entries may be set
  std::vector<std::string> settable;
  for (const auto& candidate : schema.keys()) {
    if (candidate.policy_settable && !candidate.is_map) settable.push_back(candidate.key);
  }
  return nearest_of(settable, key);
}

}  // namespace

void ScenarioBuilder::read_policies(const toml::node& node, const toml::key& key,
                                    const std::string& file, const fs::path& base_dir) {
  const std::string shape =
      "[[policies]] tables, each with start, key, value and optionally end and name";
  const auto* array = node.as_array();
  if (array == nullptr) {
    throw site_of(file, key.source().begin).error("policies", "got " + describe_node(node), shape);
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const std::string path = "policies[" + std::to_string(i) + "]";
    const auto* table = element.as_table();
    if (table == nullptr) {
      throw site_of(file, element.source().begin)
          .error(path, "got " + describe_node(element), shape);
    }
    read_policy(*table, path, file, base_dir);
  }
}

void ScenarioBuilder::read_policy(const toml::table& table, const std::string& path,
                                  const std::string& file, const fs::path& base_dir) {
  static const std::vector<std::string> kFields = {"name", "start", "end", "key", "value"};
  const Origin table_site = site_of(file, table.source().begin);
  for (auto&& [field, node] : table) {
    const std::string name(field.str());
    if (std::find(kFields.begin(), kFields.end(), name) != kFields.end()) continue;
    throw site_of(file, field.source().begin)
        .error(path + "." + name, "unknown policy field" + did_you_mean(nearest_of(kFields, name)),
               "one of name, start, end, key, value");
  }
  const auto required = [&](const char* field, const std::string& expected) -> const toml::node& {
    const toml::node* node = table.get(field);
    if (node == nullptr) {
      throw table_site.error(path + "." + field, "missing in this policy", expected);
    }
    return *node;
  };
  const auto read_month = [&](const toml::node& node, const char* field) {
    const KeySpec month_spec{.key = field, .type = Type::Month};
    std::optional<Value> value = scalar_of(node);
    std::optional<Problem> problem;
    if (!value) {
      problem = Problem{"got " + describe_node(node), expectation(month_spec)};
    } else {
      problem = check_value(month_spec, *value, base_dir);
    }
    if (problem) {
      throw site_of(file, node.source().begin)
          .error(path + "." + field, problem->what, problem->expected);
    }
    return std::get<kfsim::Month>(*value);
  };

  Policy policy;
  if (const toml::node* node = table.get("name")) {
    const auto* text = node->as_string();
    if (text == nullptr) {
      throw site_of(file, node->source().begin)
          .error(path + ".name", "got " + describe_node(*node), "a string naming the policy");
    }
    policy.name = text->get();
  }

  const toml::node& start_node = required("start", "month (\"YYYY-MM\") the policy starts");
  policy.start = read_month(start_node, "start");
  if (const toml::node* node = table.get("end")) {
    policy.end = read_month(*node, "end");
    if (*policy.end < policy.start) {
      throw site_of(file, node->source().begin)
          .error(path + ".end",
                 "end " + policy.end->to_string() + " is before start " + policy.start.to_string(),
                 "a month no earlier than the policy's start");
    }
  }

  const std::string settable = "a key that policies may set (see `kfsim schema`)";
  const toml::node& key_node = required("key", settable);
  const Origin key_site = site_of(file, key_node.source().begin);
  const auto* key_text = key_node.as_string();
  if (key_text == nullptr) {
    throw key_site.error(path + ".key", "got " + describe_node(key_node), settable);
  }
  policy.key = key_text->get();
  const Schema& schema = scenario_.schema_;
  const KeySpec* spec = schema.find(policy.key);
  // A policy on a map changes one entry; the key names it in full.
  const KeySpec* map = spec == nullptr ? schema.map_of(policy.key) : nullptr;
  if (spec == nullptr && map == nullptr) {
    throw key_site.error(path + ".key",
                         "unknown key '" + printable(policy.key) + "'" +
                             did_you_mean(policy_key_suggestion(schema, policy.key)),
                         settable);
  }
  if (spec != nullptr && spec->is_map) {
    throw key_site.error(
        path + ".key", "'" + policy.key + "' is a map, which a policy changes one entry at a time",
        "an entry " + policy.key + ".NAME");
  }
  if (map != nullptr) {
    if (schema.entry_name(policy.key).empty()) {
      const Problem problem =
          bad_entry_name(*map, std::string_view(policy.key).substr(map->key.size() + 1));
      throw key_site.error(path + ".key", problem.what, problem.expected);
    }
    spec = map;
  }
  if (!spec->policy_settable) {
    throw key_site.error(path + ".key", "'" + policy.key + "' is fixed for the whole run",
                         settable);
  }

  const toml::node& value_node = required("value", expectation(*spec));
  const Origin value_site = site_of(file, value_node.source().begin);
  std::optional<Value> value = scalar_of(value_node);
  if (!value) {
    throw value_site.error(path + ".value",
                           "got " + describe_node(value_node) + " for '" + policy.key + "'",
                           expectation(*spec));
  }
  if (auto problem = check_value(*spec, *value, base_dir)) {
    throw value_site.error(path + ".value", problem->what + " for '" + policy.key + "'",
                           problem->expected);
  }
  policy.value = std::move(*value);
  policy.origin = file + ":" + std::to_string(table_site.line);

  scenario_.policies_.push_back(std::move(policy));
  scenario_.policy_sites_.push_back(site_of(file, start_node.source().begin));
  scenario_.policy_keys_.push_back(path + ".start");
}

}  // namespace kfsim::scenario::detail
