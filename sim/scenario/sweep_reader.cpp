// Reading the [sweep] table: the keys to vary and their values, each checked as the key
// itself would be when written in the file.
#include <algorithm>

#include "sim/scenario/builder.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/text.hpp"
#include "sim/scenario/toml_node.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario::detail {

namespace fs = std::filesystem;

namespace {

const std::string kSweepShape =
    "a [sweep] table of keys, each with an array of values (e.g. labour.outside_search_rate = "
    "[0.02, 0.03]), and optionally mode = \"grid\" or \"list\"";

}  // namespace

void ScenarioBuilder::read_sweep(const toml::node& node, const toml::key& key,
                                 const std::string& file, const fs::path& base_dir,
                                 std::size_t depth) {
  const Origin table_site = site_of(file, key.source().begin);
  if (depth > 0) {
    throw table_site.error("sweep", "a [sweep] table in a file that another extends",
                           "[sweep] only in the scenario file that is run");
  }
  const auto* table = node.as_table();
  if (table == nullptr) throw table_site.error("sweep", "got " + describe_node(node), kSweepShape);

  Leaves leaves;
  std::vector<const toml::key*> keys;
  collect_leaves(
      *table, "", [](const toml::table&) { return false; }, leaves, keys);
  // The axes keep the order the file writes them in.
  const std::vector<std::size_t> order = written_order(keys);
  Sweep sweep;
  const Schema& schema = scenario_.schema_;
  for (const std::size_t i : order) {
    const auto& [name, leaf] = leaves[i];
    const std::string path = "sweep." + name;
    const Origin key_site = site_of(file, keys[i]->source().begin);
    if (name == "mode") {
      const auto* text = leaf->as_string();
      if (text == nullptr || (text->get() != "grid" && text->get() != "list")) {
        throw site_of(file, leaf->source().begin)
            .error(path, "got " + describe_node(*leaf),
                   "\"grid\" (every combination) or \"list\" (the values taken together, "
                   "position by position)");
      }
      sweep.mode = text->get() == "grid" ? Sweep::Mode::Grid : Sweep::Mode::List;
      continue;
    }
    const KeySpec* spec = schema.find(name);
    const KeySpec* map = spec == nullptr ? schema.map_of(name) : nullptr;
    const std::string sweepable =
        "a scenario key (see `kfsim schema`) other than " + std::string("schema_version and name");
    if (spec == nullptr && map == nullptr) {
      throw key_site.error(
          path, "unknown key '" + printable(name) + "'" + did_you_mean(schema.nearest(name)),
          sweepable);
    }
    if (spec != nullptr && (spec->is_map || name == "schema_version" || name == "name")) {
      throw key_site.error(path, "'" + name + "' cannot be swept", sweepable);
    }
    if (map != nullptr) {
      if (schema.entry_name(name).empty()) {
        const Problem problem =
            bad_entry_name(*map, std::string_view(name).substr(map->key.size() + 1));
        throw key_site.error(path, problem.what, problem.expected);
      }
      spec = map;
    }
    const auto* array = leaf->as_array();
    if (array == nullptr || array->empty()) {
      throw site_of(file, leaf->source().begin)
          .error(path, "got " + describe_node(*leaf),
                 "a non-empty array of values, each " + expectation(*spec));
    }
    SweepAxis axis{name, {}, file + ":" + std::to_string(key_site.line)};
    for (std::size_t v = 0; v < array->size(); ++v) {
      const toml::node& element = *array->get(v);
      const Origin value_site = site_of(file, element.source().begin);
      const std::string element_path = path + "[" + std::to_string(v) + "]";
      std::optional<Value> value = scalar_of(element);
      if (!value) {
        throw value_site.error(element_path, "got " + describe_node(element), expectation(*spec));
      }
      if (auto problem = check_value(*spec, *value, base_dir)) {
        throw value_site.error(element_path, problem->what, problem->expected);
      }
      axis.values.push_back(std::move(*value));
    }
    sweep.axes.push_back(std::move(axis));
  }
  if (sweep.axes.empty()) {
    throw table_site.error("sweep", "no keys to sweep", kSweepShape);
  }
  if (sweep.mode == Sweep::Mode::List) {
    for (const auto& axis : sweep.axes) {
      if (axis.values.size() == sweep.axes.front().values.size()) continue;
      throw table_site.error("sweep." + axis.key,
                             std::to_string(axis.values.size()) + " values where sweep." +
                                 sweep.axes.front().key + " has " +
                                 std::to_string(sweep.axes.front().values.size()),
                             "in mode = \"list\", the same number of values for every key");
    }
  }
  // Counted without overflow: stop as soon as the product passes the limit.
  std::size_t points = 1;
  for (const auto& axis : sweep.axes) {
    points = sweep.mode == Sweep::Mode::List ? axis.values.size() : points * axis.values.size();
    if (points > kMaxSweepPoints) {
      throw table_site.error("sweep", "more than " + std::to_string(kMaxSweepPoints) + " points",
                             "at most " + std::to_string(kMaxSweepPoints) + " sweep points");
    }
  }
  scenario_.sweep_ = std::move(sweep);
}

}  // namespace kfsim::scenario::detail
