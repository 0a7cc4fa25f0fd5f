#include "sim/scenario/schema.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario {
namespace {

// Segments are TOML bare keys, so the resolved scenario can write every key unquoted.
bool is_bare_key(std::string_view segment) {
  return !segment.empty() && matches_charset(segment, "A-Za-z0-9_-");
}

std::vector<std::string> split(std::string_view key) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = key.find('.', start);
    segments.emplace_back(key.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return segments;
}

void reject(const KeySpec& spec, const std::string& why) {
  throw std::logic_error("scenario schema: key '" + spec.key + "': " + why);
}

void check_spec_shape(const KeySpec& spec) {
  const std::vector<std::string> segments = split(spec.key);
  for (const std::string& segment : segments) {
    if (!is_bare_key(segment)) reject(spec, "every dotted segment must match [A-Za-z0-9_-]+");
  }
  // The loader reads these two top-level names itself.
  if (segments.front() == "extends" || segments.front() == "policies") {
    reject(spec, "'" + segments.front() + "' is reserved for the scenario file format");
  }
  const bool numeric = spec.type == Type::Integer || spec.type == Type::Real;
  if (!numeric && (spec.min || spec.max)) reject(spec, "only numbers have bounds");
  if (spec.min && spec.max && *spec.min > *spec.max) reject(spec, "min is above max");
  if (spec.type != Type::String && (!spec.choices.empty() || !spec.charset.empty())) {
    reject(spec, "only strings have choices or a charset");
  }
  // An entry the scenario does not set must still read as something.
  if (spec.is_map && !spec.default_value) {
    reject(spec, "a map needs a default, the value of every entry a scenario does not set");
  }
}

}  // namespace

void Schema::add(KeySpec spec) {
  check_spec_shape(spec);
  if (index_.count(spec.key) != 0) reject(spec, "added twice");
  if (is_table(spec.key)) reject(spec, "already a table of other keys");
  const std::vector<std::string> segments = split(spec.key);
  std::vector<std::string> prefixes;
  std::string prefix;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    prefix += (i == 0 ? "" : ".") + segments[i];
    if (const auto it = index_.find(prefix); it != index_.end()) {
      reject(spec, "'" + prefix + "' is already " +
                       (keys_[it->second].is_map ? "a map, whose entries are named by data"
                                                 : "a key, not a table"));
    }
    prefixes.push_back(prefix);
  }
  if (spec.default_value) {
    if (auto problem = check_value(spec, *spec.default_value, {}, /*file_must_exist=*/false)) {
      reject(spec, "default: " + problem->what + "; expected " + problem->expected);
    }
  }
  for (std::string& table : prefixes) {
    if (!is_table(table)) tables_.push_back(std::move(table));
  }
  index_.emplace(spec.key, keys_.size());
  names_.push_back(spec.key);
  keys_.push_back(std::move(spec));
}

const KeySpec* Schema::find(std::string_view key) const {
  const auto index = index_of(key);
  return index ? &keys_[*index] : nullptr;
}

std::optional<std::size_t> Schema::index_of(std::string_view key) const {
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> Schema::map_index_of(std::string_view key) const {
  // Only a dotted prefix can be a map; the first map found is the only one (add() lets nothing
  // lie below a map).
  for (std::size_t dot = key.find('.'); dot != std::string_view::npos;
       dot = key.find('.', dot + 1)) {
    const auto index = index_of(key.substr(0, dot));
    if (index && keys_[*index].is_map) return index;
  }
  return std::nullopt;
}

const KeySpec* Schema::map_of(std::string_view key) const {
  const auto index = map_index_of(key);
  return index ? &keys_[*index] : nullptr;
}

bool Schema::is_entry_name(std::string_view name) { return is_bare_key(name); }

std::string_view Schema::entry_name(std::string_view key) const {
  const KeySpec* map = map_of(key);
  if (map == nullptr) return {};
  const std::string_view name = key.substr(map->key.size() + 1);
  return is_entry_name(name) ? name : std::string_view();
}

bool Schema::is_table(std::string_view path) const {
  return std::find(tables_.begin(), tables_.end(), path) != tables_.end();
}

std::string Schema::nearest(std::string_view key) const {
  // An entry below a misspelt map: the map is what needs correcting, and the name (which no
  // schema knows) is kept. Tried first, since the whole key may be close to the map's own key,
  // which is no entry.
  const std::size_t dot = key.rfind('.');
  if (dot != std::string_view::npos && is_entry_name(key.substr(dot + 1))) {
    std::vector<std::string> maps;
    for (const KeySpec& spec : keys_) {
      if (spec.is_map) maps.push_back(spec.key);
    }
    const std::string map = nearest_of(maps, key.substr(0, dot));
    if (!map.empty()) return map + "." + std::string(key.substr(dot + 1));
  }
  return nearest_of(names_, key);
}

std::string Schema::nearest_table(std::string_view table) const {
  return nearest_of(tables_, table);
}

}  // namespace kfsim::scenario
