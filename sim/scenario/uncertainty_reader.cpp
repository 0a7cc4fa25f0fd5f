// Reading the [uncertainty] table: for each key, a distribution with its bounds and the reason
// for its range, each checked against what the key itself accepts.
#include <algorithm>
#include <cmath>

#include "sim/scenario/builder.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/text.hpp"
#include "sim/scenario/toml_node.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario::detail {

namespace fs = std::filesystem;

namespace {

const std::string kUncertaintyShape =
    "an [uncertainty] table of keys, each an inline table such as { distribution = "
    "\"triangular\", min = 0.9, mode = 1.0, max = 1.1, reason = \"...\" }";

const std::string kDistributions =
    "distribution = \"uniform\" (min, max), \"triangular\" (min, mode, max) or \"normal\" "
    "(mean, sd, truncated to min, max), and a reason";

}  // namespace

void ScenarioBuilder::read_uncertainty(const toml::node& node, const toml::key& key,
                                       const std::string& file, const fs::path& base_dir) {
  const Origin table_site = site_of(file, key.source().begin);
  const auto* table = node.as_table();
  if (table == nullptr) {
    throw table_site.error("uncertainty", "got " + describe_node(node), kUncertaintyShape);
  }
  // The specs: a table with a `distribution` is one; any other table is a path of dotted
  // segments leading to one.
  Leaves specs;
  std::vector<const toml::key*> keys;
  collect_leaves(
      *table, "", [](const toml::table& inner) { return inner.contains("distribution"); }, specs,
      keys);
  const std::vector<std::size_t> order = written_order(keys);
  if (specs.empty()) throw table_site.error("uncertainty", "no keys", kUncertaintyShape);

  const Schema& schema = scenario_.schema_;
  for (const std::size_t i : order) {
    // Named copies, not a structured binding: the lambdas below capture them (C++17).
    const std::string& name = specs[i].first;
    const toml::node* leaf = specs[i].second;
    const std::string path = "uncertainty." + name;
    const Origin key_site = site_of(file, keys[i]->source().begin);
    const KeySpec* spec = schema.find(name);
    const KeySpec* map = spec == nullptr ? schema.map_of(name) : nullptr;
    const std::string drawable =
        "a numeric scenario key (see `kfsim schema`): a real number or "
        "an integer, or an entry of such a map";
    if (spec == nullptr && map == nullptr) {
      throw key_site.error(
          path, "unknown key '" + printable(name) + "'" + did_you_mean(schema.nearest(name)),
          drawable);
    }
    if (map != nullptr) {
      if (schema.entry_name(name).empty()) {
        const Problem problem =
            bad_entry_name(*map, std::string_view(name).substr(map->key.size() + 1));
        throw key_site.error(path, problem.what, problem.expected);
      }
      spec = map;
    } else if (spec->is_map) {
      throw key_site.error(path, "'" + name + "' is a map, not a value", drawable);
    }
    if (spec->type != Type::Real && spec->type != Type::Integer) {
      throw key_site.error(path, "'" + name + "' is a " + type_name(spec->type), drawable);
    }
    if (name == "seed" || name == "replicates" || name == "schema_version") {
      throw key_site.error(path, "'" + name + "' cannot be drawn", drawable);
    }
    const auto* fields = leaf->as_table();
    if (fields == nullptr) {
      throw site_of(file, leaf->source().begin)
          .error(path, "got " + describe_node(*leaf), kDistributions);
    }

    UncertainParameter parameter;
    parameter.key = name;
    parameter.integer = spec->type == Type::Integer;
    parameter.origin = file + ":" + std::to_string(key_site.line);
    parameter.file = file;
    parameter.line = key_site.line;
    std::vector<std::string> needed;
    bool has_mode = false, has_mean = false, has_sd = false;
    for (auto&& [field_key, field] : *fields) {
      const std::string field_name(field_key.str());
      const std::string field_path = path + "." + field_name;
      const Origin field_site = site_of(file, field.source().begin);
      if (field_name == "distribution") {
        const auto* text = field.as_string();
        const std::string value = text ? text->get() : "";
        if (value == "uniform") {
          parameter.distribution = Distribution::Uniform;
        } else if (value == "triangular") {
          parameter.distribution = Distribution::Triangular;
        } else if (value == "normal") {
          parameter.distribution = Distribution::Normal;
        } else {
          throw field_site.error(field_path, "got " + describe_node(field),
                                 "\"uniform\", \"triangular\" or \"normal\"");
        }
        continue;
      }
      if (field_name == "reason") {
        const auto* text = field.as_string();
        if (text == nullptr || text->get().find_first_not_of(" \t") == std::string::npos) {
          throw field_site.error(field_path, "got " + describe_node(field),
                                 "a non-empty string: what the range rests on");
        }
        parameter.reason = text->get();
        continue;
      }
      double* target = field_name == "min"    ? &parameter.min
                       : field_name == "max"  ? &parameter.max
                       : field_name == "mode" ? &parameter.mode
                       : field_name == "mean" ? &parameter.mean
                       : field_name == "sd"   ? &parameter.sd
                                              : nullptr;
      if (target == nullptr) {
        throw site_of(file, field_key.source().begin)
            .error(field_path, "unknown field '" + printable(field_name) + "'",
                   "the fields distribution, min, max, mode, mean, sd and reason");
      }
      std::optional<double> number;
      if (const auto* real = field.as_floating_point()) number = real->get();
      if (const auto* whole = field.as_integer()) number = static_cast<double>(whole->get());
      if (!number || !std::isfinite(*number)) {
        throw field_site.error(field_path, "got " + describe_node(field), "a finite number");
      }
      *target = *number;
      has_mode |= field_name == "mode";
      has_mean |= field_name == "mean";
      has_sd |= field_name == "sd";
    }

    const auto require = [&](bool present, const std::string& field, const std::string& what) {
      if (!present) {
        throw site_of(file, leaf->source().begin)
            .error(path + "." + field, "missing", what + " (" + kDistributions + ")");
      }
    };
    require(fields->contains("distribution"), "distribution", "a distribution");
    require(fields->contains("min") && fields->contains("max"),
            fields->contains("min") ? "max" : "min", "both bounds, min and max");
    require(!parameter.reason.empty(), "reason", "a reason: what the range rests on");
    const Origin leaf_site = site_of(file, leaf->source().begin);
    if (!(parameter.min < parameter.max)) {
      throw leaf_site.error(path + ".max",
                            "max " + format_number(parameter.max) + " is not above min " +
                                format_number(parameter.min),
                            "min < max");
    }
    // Both bounds must be values the key accepts, so that every draw is one.
    for (const double bound : {parameter.min, parameter.max}) {
      Value value =
          parameter.integer ? Value{static_cast<std::int64_t>(std::llround(bound))} : Value{bound};
      if (parameter.integer && std::round(bound) != bound) {
        throw leaf_site.error(path, "bound " + format_number(bound) + " is not an integer",
                              "integer bounds for the integer key " + name);
      }
      if (auto problem = check_value(*spec, value, base_dir)) {
        throw leaf_site.error(path, "bound " + format_number(bound) + ": " + problem->what,
                              problem->expected);
      }
    }
    // The mode of a triangular and the mean of a normal distribution lie within the bounds.
    const auto within_bounds = [&](const std::string& field, double value) {
      if (value < parameter.min || value > parameter.max) {
        throw leaf_site.error(path + "." + field,
                              field + " " + format_number(value) + " outside [" +
                                  format_number(parameter.min) + ", " +
                                  format_number(parameter.max) + "]",
                              "min <= " + field + " <= max");
      }
    };
    switch (parameter.distribution) {
      case Distribution::Uniform:
        break;
      case Distribution::Triangular:
        require(has_mode, "mode", "the mode of a triangular distribution");
        within_bounds("mode", parameter.mode);
        break;
      case Distribution::Normal:
        require(has_mean, "mean", "the mean of a normal distribution");
        require(has_sd, "sd", "the standard deviation of a normal distribution");
        if (!(parameter.sd > 0)) {
          throw leaf_site.error(path + ".sd", "sd " + format_number(parameter.sd),
                                "a standard deviation above 0");
        }
        within_bounds("mean", parameter.mean);
        break;
    }
    // A file nearer the top replaces what a file it extends says of the same key.
    auto& list = scenario_.uncertainty_.parameters;
    const auto same = std::find_if(list.begin(), list.end(),
                                   [&](const UncertainParameter& p) { return p.key == name; });
    if (same != list.end()) {
      *same = std::move(parameter);
    } else {
      list.push_back(std::move(parameter));
    }
  }
}

}  // namespace kfsim::scenario::detail
