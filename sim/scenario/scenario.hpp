#pragma once
// A loaded scenario: a value for every schema key, where each came from, and the dated
// policies that change keys during a run.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/error.hpp"
#include "sim/scenario/origin.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/sweep.hpp"
#include "sim/scenario/uncertainty.hpp"
#include "sim/scenario/value.hpp"
#include "sim/time/month.hpp"

namespace kfsim::scenario {

// A dated intervention: from `start` until `end` (inclusive; open-ended without one) the key
// takes `value`.
struct Policy {
  std::string name;  // optional label
  kfsim::Month start;
  std::optional<kfsim::Month> end;
  std::string key;     // a schema key with policy_settable = true, or an entry of such a map
  Value value;         // validated like the key itself
  std::string origin;  // "file:line"

  // Equal when they have the same effect on a run; where they were written is not compared.
  friend bool operator==(const Policy& a, const Policy& b) {
    return a.name == b.name && a.start == b.start && a.end == b.end && a.key == b.key &&
           a.value == b.value;
  }
};

namespace detail {
class ScenarioBuilder;
}

class Scenario {
 public:
  // Typed reads. Each throws std::logic_error if the key is unknown or of another type: that is
  // a mistake in the model code, not in the scenario. The key may be an entry of a map,
  // "education.places_scale.HIO_NURS", which reads as the map's default when no file and no
  // --set gave it a value; the map's own key is no value and throws.
  std::int64_t integer(std::string_view key) const;
  double real(std::string_view key) const;  // an Integer key may be read as real too
  bool boolean(std::string_view key) const;
  const std::string& string(std::string_view key) const;
  kfsim::Month month(std::string_view key) const;
  std::filesystem::path file(std::string_view key) const;
  const Value& value(std::string_view key) const;

  // The entries of a map that the scenario sets (any file of the chain, --set or set()), as
  // (name, value) in byte order of name. Entries left at the default are not listed. Throws
  // std::logic_error when map_key is not a map of the schema.
  std::vector<std::pair<std::string, Value>> entries(std::string_view map_key) const;
  // Is key an entry of a map of the schema ("map.key.NAME" with a valid NAME), set or not?
  bool is_map_entry(std::string_view key) const;

  // The value in force in a given month: that of the last listed policy on the key whose
  // [start, end] holds the month, else the scenario's own value.
  const Value& value_at(std::string_view key, kfsim::Month month) const;

  // "path:line:col" where the key was set, "command line (--set)", or "default". For a map
  // entry the position is that of its name, so a model that finds a name it does not know can
  // point at it.
  std::string origin(std::string_view key) const;
  const std::vector<Policy>& policies() const { return policies_; }
  const std::filesystem::path& path() const { return path_; }          // the top scenario file
  std::vector<std::filesystem::path> chain() const { return chain_; }  // top file first

  // The fully resolved scenario as TOML: every key, defaults included, each with a trailing
  // `# from FILE:LINE` or `# default`, the entries each map sets under the map's table, and the
  // policies as [[policies]] tables. It has no `extends` and its file paths are absolute, so
  // reloading it gives an equal Scenario.
  std::string resolved_toml() const;

  // Replaces a value after loading (--seed and the like), validated like a file value; a File
  // path is taken relative to the working directory. Throws ScenarioError naming kCommandLine
  // as the file, and then leaves the scenario unchanged. origin() reports origin_label. The key
  // may be a map entry, which is then one of entries().
  void set(std::string_view key, Value v, std::string_view origin_label = kCommandLine);

  const Schema& schema() const { return schema_; }

  // The [sweep] of the file that was run (empty without one).
  const Sweep& sweep() const { return sweep_; }
  // The scenario at sweep point i: the swept keys set to that point's values (their origin
  // "sweep point i"), and no sweep of its own. Point 0 of a scenario without a sweep is the
  // scenario itself. Throws ScenarioError when a value does not fit the rest of the scenario
  // (e.g. a swept end before start).
  Scenario at_sweep_point(std::size_t i) const;

  // The [uncertainty] of the scenario's files (a file nearer the top replaces what a file it
  // extends says of a key; --set fixes a key and removes it): the keys each replicate draws.
  const Uncertainty& uncertainty() const { return uncertainty_; }

  // Equal when every key has the same value, every map sets the same entries to the same values
  // and the policies are equal; where values were set (origins, file names) is not compared.
  friend bool operator==(const Scenario& a, const Scenario& b);

 private:
  friend class detail::ScenarioBuilder;
  explicit Scenario(Schema schema) : schema_(std::move(schema)) {}

  // A value and where it came from; a map entry that is not set is the map's default.
  struct Slot {
    const Value* value;
    const Origin* origin;
  };
  Slot slot(std::string_view key) const;
  const Value& checked_value(std::string_view key, Type type, bool integer_as_real = false) const;
  // Where to point an error about a key: its origin, or the top file when it is a default.
  Origin error_site(std::size_t index) const;
  // The rules that tie keys together: end >= start, and every policy starting in the run.
  void check_consistency() const;

  Schema schema_;
  std::vector<Value> values_;    // one per schema key, in schema order
  std::vector<Origin> origins_;  // likewise; a map's value is its default, origin Default
  struct Entry {
    Value value;
    Origin origin;
  };
  // The map entries set, by full key ("education.places_scale.HIO_NURS"): all entries of one
  // map are adjacent and in order of name.
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<Policy> policies_;
  // Per policy: where its start was written and its path in that file ("policies[0].start").
  std::vector<Origin> policy_sites_;
  std::vector<std::string> policy_keys_;
  std::filesystem::path path_;
  std::vector<std::filesystem::path> chain_;
  Sweep sweep_;
  Uncertainty uncertainty_;
};

// Loads a scenario file, and the files it extends, and applies --set overrides ("key=value",
// the value in TOML syntax; a bare word is taken as a string for String, Month and File keys).
// Throws ScenarioError on anything that makes the scenario unusable; never crashes on input.
Scenario load_scenario(const std::filesystem::path& file, const Schema& schema,
                       const std::vector<std::string>& overrides = {});

// As load_scenario, for text already in memory. source_name is used in messages and its parent
// folder to resolve relative paths (`extends`, File keys).
Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& source_name,
                        const Schema& schema, const std::vector<std::string>& overrides = {});

}  // namespace kfsim::scenario
