// Reading scenario files: TOML syntax, schema_version, `extends` chains and keys.
#include <algorithm>
#include <fstream>
#include <system_error>
#include <utility>

#include "sim/files/file_type.hpp"
#include "sim/scenario/builder.hpp"
#include "sim/scenario/depth_guard.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/text.hpp"
#include "sim/scenario/toml_node.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario {
namespace detail {
namespace {

namespace fs = std::filesystem;

// The same file reached by two spellings or through a link must count as one for loops.
fs::path identity_of(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) return path.lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, error);
  return error ? absolute.lexically_normal() : canonical;
}

std::optional<std::string> read_text(const fs::path& path, Problem& problem) {
  const std::string shown = printable(path.string(), 300);
  if (path.native().find('\0') != std::string::npos) {
    problem = {"path \"" + shown + "\" contains a NUL character", "path to a scenario file"};
    return std::nullopt;
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) {
    fs::path absolute = fs::absolute(path, error);
    problem = {"file not found: " + printable(absolute.lexically_normal().string(), 300),
               "path to an existing scenario file"};
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    problem = {shown + " is a folder", "path to a scenario file"};
    return std::nullopt;
  }
  // A FIFO without a writer would block the reader for ever (an `extends` naming one hung
  // `kfsim check`), and a device may never end: inputs are regular files only.
  if (!fs::is_regular_file(status)) {
    problem = {shown + " is " + files::kind_of(status.type()),
               "a regular scenario file (write a generated scenario to a file first)"};
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error && size > kMaxScenarioBytes) {
    problem = {"file is too large (" + std::to_string(size) + " bytes)",
               "a scenario file of at most " + std::to_string(kMaxScenarioBytes) + " bytes"};
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = {"cannot open " + shown, "a readable scenario file"};
    return std::nullopt;
  }
  // Read in pieces up to one past the limit rather than trusting file_size(): the file may
  // grow meanwhile, or be a pipe that reports no size.
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= kMaxScenarioBytes && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    problem = {"cannot read " + shown, "a readable scenario file"};
    return std::nullopt;
  }
  return text;
}

// The names one level below a table, to list what may be written there.
std::string names_under(const Schema& schema, const std::string& table) {
  const std::string prefix = table.empty() ? "" : table + ".";
  std::vector<std::string> names;
  for (const KeySpec& spec : schema.keys()) {
    if (spec.key.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = spec.key.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('.'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  constexpr std::size_t kMaxListed = 16;
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < kMaxListed; ++i) {
    text += (i == 0 ? "" : ", ") + names[i];
  }
  if (names.size() > kMaxListed) text += ", ...";
  return text;
}

std::string table_of(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? "" : key.substr(0, dot);
}

std::string where_keys_go(const Schema& schema, const std::string& table) {
  if (table.empty()) return "a top-level key or table (" + names_under(schema, "") + ")";
  return "a key of [" + table + "] (" + names_under(schema, table) + ")";
}

// One entry of a file, in the order the file has them, so the first error reported is the
// first one in the file (toml++ tables iterate in key order).
struct Entry {
  enum class Kind {
    Value,
    UnknownKey,
    UnknownTable,
    NotATable,
    Policies,
    Sweep,
    Uncertainty,
    MapEntry,
    BadEntryName,
    NotAMap
  };
  Kind kind;
  std::string key;
  const toml::key* toml_key;
  const toml::node* node;
  toml::source_position position;
};

toml::source_position position_of(const toml::key& key, const toml::node& node) {
  return key.source().begin ? key.source().begin : node.source().begin;
}

// The entries of a map written as a table, inline table or dotted keys: toml++ gives all three
// as one table.
void collect_map(const toml::table& table, const std::string& map_key, std::vector<Entry>& out) {
  for (auto&& [toml_key, node] : table) {
    const std::string name(toml_key.str());
    const Entry::Kind kind =
        Schema::is_entry_name(name) ? Entry::Kind::MapEntry : Entry::Kind::BadEntryName;
    out.push_back({kind, map_key + "." + name, &toml_key, &node, position_of(toml_key, node)});
  }
}

void collect(const Schema& schema, const toml::table& table, const std::string& prefix,
             std::vector<Entry>& out) {
  for (auto&& [toml_key, node] : table) {
    const std::string segment(toml_key.str());
    const std::string key = prefix.empty() ? segment : prefix + "." + segment;
    Entry entry{Entry::Kind::Value, key, &toml_key, &node, position_of(toml_key, node)};
    // A quoted key with a dot in it is one segment in TOML, not a path into a table.
    const bool plain = segment.find('.') == std::string::npos;
    if (prefix.empty() && segment == "extends") continue;  // read before the keys
    if (prefix.empty() && segment == "policies") {
      entry.kind = Entry::Kind::Policies;
    } else if (prefix.empty() && segment == "sweep") {
      entry.kind = Entry::Kind::Sweep;
    } else if (prefix.empty() && segment == "uncertainty") {
      entry.kind = Entry::Kind::Uncertainty;
    } else if (const KeySpec* spec = plain ? schema.find(key) : nullptr; spec && spec->is_map) {
      if (const auto* inner = node.as_table()) {
        collect_map(*inner, key, out);
        continue;
      }
      entry.kind = Entry::Kind::NotAMap;
    } else if (spec) {
      entry.kind = Entry::Kind::Value;
    } else if (plain && schema.is_table(key)) {
      if (const auto* inner = node.as_table()) {
        collect(schema, *inner, key, out);
        continue;
      }
      entry.kind = Entry::Kind::NotATable;
    } else {
      entry.kind = node.is_table() ? Entry::Kind::UnknownTable : Entry::Kind::UnknownKey;
    }
    out.push_back(std::move(entry));
  }
}

}  // namespace

ScenarioBuilder::ScenarioBuilder(const Schema& schema)
    : scenario_(schema),
      values_(schema.keys().size()),
      set_by_(schema.keys().size(), kSetByDefault) {
  scenario_.origins_.resize(schema.keys().size());
}

void ScenarioBuilder::load(const fs::path& name, std::string_view text) {
  load_layer(name, text, 0);
}

void ScenarioBuilder::load_layer(const fs::path& name, std::string_view text, std::size_t depth) {
  const std::string file = name.string();
  if (text.size() > kMaxScenarioBytes) {
    throw ScenarioError(
        file, 0, 0, "", "file is too large (" + std::to_string(text.size()) + " bytes)",
        "a scenario file of at most " + std::to_string(kMaxScenarioBytes) + " bytes");
  }
  stack_.push_back({name, identity_of(name)});
  scenario_.chain_.push_back(name);

  if (const auto deep = find_overly_nested_line(text)) {
    throw Origin::in_file(file, deep->line, deep->column)
        .error("",
               "more than " + std::to_string(kMaxDotsPerLine) +
                   " dots outside strings on one line: keys nested too deeply",
               "keys nested at most " + std::to_string(kMaxDotsPerLine) + " levels deep");
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    throw site_of(file, error.source().begin)
        .error("", "TOML syntax error: " + printable(error.description(), 200),
               "valid TOML (https://toml.io/en/v1.0.0)");
  }
  check_schema_version(root, file);
  follow_extends(root, file, name, depth);
  read_keys(root, file, name.parent_path(), depth);
  stack_.pop_back();
}

void ScenarioBuilder::check_schema_version(const toml::table& root, const std::string& file) const {
  if (!scenario_.schema_.find("schema_version")) return;
  const std::string supported = "schema_version = " + std::to_string(kSchemaVersion) +
                                " (this version of kfsim reads scenario files of schema_version " +
                                std::to_string(kSchemaVersion) + " only)";
  const toml::node* node = root.get("schema_version");
  // Checked first and in every file of a chain: a file of another format version may mean
  // other things by the same keys.
  if (node == nullptr) {
    throw Origin::in_file(file, 1, 1).error("schema_version", "missing", supported);
  }
  const auto* version = node->as_integer();
  if (version == nullptr || version->get() != kSchemaVersion) {
    throw site_of(file, node->source().begin)
        .error("schema_version", "got " + describe_node(*node), supported);
  }
}

void ScenarioBuilder::follow_extends(const toml::table& root, const std::string& file,
                                     const fs::path& name, std::size_t depth) {
  const toml::node* node = root.get("extends");
  if (node == nullptr) return;
  const Origin site = site_of(file, node->source().begin);
  const std::string expected =
      "path of the scenario file this one builds on, relative to this file's folder";
  const auto* target_text = node->as_string();
  if (target_text == nullptr) {
    throw site.error("extends", "got " + describe_node(*node), expected);
  }
  if (target_text->get().empty() || target_text->get().find('\0') != std::string::npos) {
    throw site.error("extends", "got " + describe_node(*node), expected);
  }
  fs::path target(target_text->get());
  if (target.is_relative()) target = name.parent_path() / target;
  target = target.lexically_normal();

  const fs::path identity = identity_of(target);
  for (const Frame& frame : stack_) {
    if (frame.identity != identity) continue;
    std::string chain;
    for (const Frame& f : stack_) chain += f.name.string() + " -> ";
    chain += target.string();
    throw site.error("extends", "extends loop: " + printable(chain, 2000),
                     "a chain of scenarios that ends in a file without extends");
  }
  if (depth + 1 >= kMaxExtendsDepth) {
    throw site.error("extends",
                     "extends chain is deeper than " + std::to_string(kMaxExtendsDepth) + " files",
                     "at most " + std::to_string(kMaxExtendsDepth) + " files in a chain");
  }
  Problem problem;
  const std::optional<std::string> text = read_text(target, problem);
  if (!text) throw site.error("extends", problem.what, problem.expected);
  load_layer(target, *text, depth + 1);
}

void ScenarioBuilder::read_keys(const toml::table& root, const std::string& file,
                                const fs::path& base_dir, std::size_t depth) {
  const Schema& schema = scenario_.schema_;
  std::vector<Entry> entries;
  collect(schema, root, "", entries);
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::pair(a.position.line, a.position.column) <
           std::pair(b.position.line, b.position.column);
  });

  for (const Entry& entry : entries) {
    const Origin key_site = site_of(file, entry.position);
    const Origin value_site = site_of(file, entry.node->source().begin);
    switch (entry.kind) {
      case Entry::Kind::Policies:
        read_policies(*entry.node, *entry.toml_key, file, base_dir);
        break;
      case Entry::Kind::Sweep:
        read_sweep(*entry.node, *entry.toml_key, file, base_dir, depth);
        break;
      case Entry::Kind::Uncertainty:
        read_uncertainty(*entry.node, *entry.toml_key, file, base_dir);
        break;
      case Entry::Kind::UnknownKey:
        throw key_site.error(entry.key, "unknown key" + did_you_mean(schema.nearest(entry.key)),
                             where_keys_go(schema, table_of(entry.key)));
      case Entry::Kind::UnknownTable: {
        std::string suggestion = schema.nearest_table(entry.key);
        if (suggestion.empty()) suggestion = schema.nearest(entry.key);
        throw key_site.error(entry.key, "unknown table" + did_you_mean(suggestion),
                             where_keys_go(schema, table_of(entry.key)));
      }
      case Entry::Kind::NotATable:
        throw value_site.error(
            entry.key, "got " + describe_node(*entry.node),
            "a table [" + entry.key + "] of keys (" + names_under(schema, entry.key) + ")");
      case Entry::Kind::NotAMap:
        throw value_site.error(entry.key, "got " + describe_node(*entry.node),
                               map_expectation(*schema.find(entry.key)));
      case Entry::Kind::BadEntryName: {
        const KeySpec& map = *schema.map_of(entry.key);
        const Problem problem = bad_entry_name(map, entry.toml_key->str());
        throw key_site.error(entry.key, problem.what, problem.expected);
      }
      case Entry::Kind::MapEntry: {
        const KeySpec& map = *schema.map_of(entry.key);
        std::optional<Value> value = scalar_of(*entry.node);
        if (!value) {
          throw value_site.error(entry.key, "got " + describe_node(*entry.node), expectation(map));
        }
        if (auto problem = check_value(map, *value, base_dir)) {
          throw value_site.error(entry.key, problem->what, problem->expected);
        }
        // A file later in the chain (nearer the top) overrides entry by entry.
        scenario_.entries_.insert_or_assign(entry.key,
                                            Scenario::Entry{std::move(*value), key_site});
        break;
      }
      case Entry::Kind::Value: {
        const std::size_t index = *schema.index_of(entry.key);
        const KeySpec& spec = schema.keys()[index];
        std::optional<Value> value = scalar_of(*entry.node);
        if (!value) {
          throw value_site.error(entry.key, "got " + describe_node(*entry.node), expectation(spec));
        }
        if (auto problem = check_value(spec, *value, base_dir)) {
          throw value_site.error(entry.key, problem->what, problem->expected);
        }
        values_[index] = std::move(*value);
        scenario_.origins_[index] = key_site;
        set_by_[index] = static_cast<int>(depth);
        break;
      }
    }
  }
}

Scenario ScenarioBuilder::finish() {
  const Schema& schema = scenario_.schema_;
  const std::string top = scenario_.chain_.front().string();
  for (std::size_t i = 0; i < values_.size(); ++i) {
    const KeySpec& spec = schema.keys()[i];
    if (values_[i]) continue;
    if (!spec.default_value) {
      throw Origin::in_file(top, 1, 1).error(spec.key, "required key is missing",
                                             expectation(spec));
    }
    values_[i] = spec.default_value;
    if (spec.type == Type::File) {
      Value copy = *spec.default_value;
      if (auto problem = check_value(spec, copy, {})) {
        throw Origin::in_file(top, 1, 1).error(
            spec.key, "the default: " + problem->what,
            "the scenario to set " + spec.key + " to a " + expectation(spec));
      }
    }
  }

  // A scenario that extends another is a different scenario; inheriting the name would make
  // the two indistinguishable in results.
  const auto name = schema.index_of("name");
  if (name && scenario_.chain_.size() > 1 && set_by_[*name] != 0 &&
      set_by_[*name] != kSetOnCommandLine) {
    throw Origin::in_file(top, 1, 1).error(
        "name",
        "not set in this file, which extends " + scenario_.chain_[1].string() +
            "; a scenario that extends another needs its own name",
        expectation(schema.keys()[*name]));
  }

  // A key is either swept (the same value in every replicate of a point) or drawn.
  for (const auto& axis : scenario_.sweep_.axes) {
    if (const UncertainParameter* drawn = scenario_.uncertainty_.find(axis.key)) {
      throw Origin::in_file(drawn->file, drawn->line, 1)
          .error("uncertainty." + drawn->key, "also swept, in [sweep] at " + axis.origin,
                 "each key either in [sweep] or in [uncertainty], not both");
    }
  }

  scenario_.values_.reserve(values_.size());
  for (std::optional<Value>& value : values_) scenario_.values_.push_back(std::move(*value));
  scenario_.path_ = scenario_.chain_.front();
  scenario_.check_consistency();
  return std::move(scenario_);
}

}  // namespace detail

Scenario load_scenario(const std::filesystem::path& file, const Schema& schema,
                       const std::vector<std::string>& overrides) {
  Problem problem;
  const std::optional<std::string> text = detail::read_text(file, problem);
  if (!text) throw ScenarioError(file.string(), 0, 0, "", problem.what, problem.expected);
  return parse_scenario(*text, file, schema, overrides);
}

Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& source_name,
                        const Schema& schema, const std::vector<std::string>& overrides) {
  detail::ScenarioBuilder builder(schema);
  builder.load(source_name, toml_text);
  builder.apply_overrides(overrides);
  return builder.finish();
}

}  // namespace kfsim::scenario
