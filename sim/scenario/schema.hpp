#pragma once
// What a scenario may contain. The engine knows no model keys: the caller starts from
// core_schema() and adds its own, and the loader validates every file against the result.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/value.hpp"

namespace kfsim::scenario {

// The scenario file format this build reads; every scenario file states it.
inline constexpr std::int64_t kSchemaVersion = 1;

// Every member has an initializer so that designated initializers may name only what they
// need.
struct KeySpec {
  std::string key{};  // dotted path, e.g. "demography.fertility_scale" or "seed"
  Type type = Type::Real;
  std::optional<Value> default_value{};  // nullopt: the key is required
  std::string unit{};                    // "1", "per year", "persons", "" for strings
  std::optional<double> min{}, max{};    // inclusive bounds for Integer and Real
  std::vector<std::string> choices{};    // allowed values for String, empty = any
  std::string meaning{};                 // one line
  std::string source{};                  // where the default comes from, or "Assumption: ..."
  bool policy_settable = true;           // may a dated policy change it during a run?
  // For String: the characters a value may consist of, as in a regex bracket expression
  // without the brackets ("A-Za-z0-9_-"); when set the value must also be non-empty.
  std::string charset{};
  // A map: `key` names a table whose entries `key.NAME` take names from data (study programmes,
  // municipalities) that no schema can list. Each entry is checked like a plain key of this
  // spec; every entry a scenario does not set has default_value, which a map must have.
  bool is_map = false;
};

class Schema {
 public:
  // Throws std::logic_error on a duplicate key and on a spec that could never be satisfied or
  // written back as TOML: segments other than [A-Za-z0-9_-]+, the reserved top-level names
  // "extends" and "policies", a key that is also a table of other keys, bounds or choices on a
  // type without them, min > max, or a default that fails the spec (File defaults must be
  // absolute; their existence is checked when a scenario relies on them). A map must have a
  // default, and no other key may lie below it.
  void add(KeySpec spec);

  // Exact keys only: a map is found by its own key, not by the keys of its entries.
  const KeySpec* find(std::string_view key) const;
  std::optional<std::size_t> index_of(std::string_view key) const;

  // The map that key lies below ("education.places_scale" for
  // "education.places_scale.HIO_NURS"), whether or not the rest is a valid entry name;
  // nullptr when key lies below no map. A key is below at most one map, since nothing may be
  // added below a map.
  const KeySpec* map_of(std::string_view key) const;
  std::optional<std::size_t> map_index_of(std::string_view key) const;
  // Whether name may name a map entry: [A-Za-z0-9_-]+, a TOML bare key, so that the resolved
  // scenario can write it unquoted.
  static bool is_entry_name(std::string_view name);
  // The entry's name when key is an entry of a map ("HIO_NURS", a view into key), "" otherwise.
  std::string_view entry_name(std::string_view key) const;

  const std::vector<KeySpec>& keys() const { return keys_; }

  // Every table that holds keys ("demography", "data"; "a" and "a.b" for "a.b.c"), in the
  // order their first key was added.
  const std::vector<std::string>& tables() const { return tables_; }
  bool is_table(std::string_view path) const;

  // The closest key by edit distance, "" if nothing is reasonably close. A key that looks like
  // an entry of a misspelt map gets that map's entry of the same name.
  std::string nearest(std::string_view key) const;
  std::string nearest_table(std::string_view table) const;

  // The listing printed by `kfsim schema`: every key grouped by table, with type, default,
  // unit, allowed range or choices, meaning, source and whether policies may change it. A map
  // is listed as `map.<name> = DEFAULT`, noting that its names come from data.
  std::string describe() const;

 private:
  std::vector<KeySpec> keys_;
  std::vector<std::string> names_;  // keys_[i].key, for nearest()
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::string> tables_;
};

// The keys every scenario has: schema_version, name, description, start, end, seed and
// replicates. Callers add their model keys to it.
Schema core_schema();

}  // namespace kfsim::scenario
