#include "sim/scenario/scenario.hpp"

#include <algorithm>
#include <stdexcept>
#include <system_error>

#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario {
namespace {

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

}  // namespace

Scenario::Slot Scenario::slot(std::string_view key) const {
  if (const auto index = schema_.index_of(key)) {
    if (schema_.keys()[*index].is_map) {
      throw std::logic_error("scenario: key " + quoted(key) + " is a map; read one entry ('" +
                             std::string(key) + ".NAME') or entries()");
    }
    return {&values_[*index], &origins_[*index]};
  }
  const auto map = schema_.map_index_of(key);
  if (!map || schema_.entry_name(key).empty()) {
    throw std::logic_error("scenario: no key " + quoted(key) + " in the schema");
  }
  if (const auto it = entries_.find(key); it != entries_.end()) {
    return {&it->second.value, &it->second.origin};
  }
  // The map's own slot holds its default, and was never set.
  return {&values_[*map], &origins_[*map]};
}

const Value& Scenario::checked_value(std::string_view key, Type type, bool integer_as_real) const {
  const Value& v = *slot(key).value;
  const KeySpec* spec = schema_.find(key);
  if (spec == nullptr) spec = schema_.map_of(key);
  const Type actual = spec->type;
  if (actual != type && !(integer_as_real && actual == Type::Integer)) {
    throw std::logic_error("scenario: key " + quoted(key) + " is a " + type_name(actual) +
                           ", not a " + type_name(type));
  }
  return v;
}

std::int64_t Scenario::integer(std::string_view key) const {
  return std::get<std::int64_t>(checked_value(key, Type::Integer));
}

double Scenario::real(std::string_view key) const {
  const Value& v = checked_value(key, Type::Real, /*integer_as_real=*/true);
  if (const auto* integer = std::get_if<std::int64_t>(&v)) return static_cast<double>(*integer);
  return std::get<double>(v);
}

bool Scenario::boolean(std::string_view key) const {
  return std::get<bool>(checked_value(key, Type::Boolean));
}

const std::string& Scenario::string(std::string_view key) const {
  return std::get<std::string>(checked_value(key, Type::String));
}

kfsim::Month Scenario::month(std::string_view key) const {
  return std::get<kfsim::Month>(checked_value(key, Type::Month));
}

std::filesystem::path Scenario::file(std::string_view key) const {
  return std::get<std::string>(checked_value(key, Type::File));
}

const Value& Scenario::value(std::string_view key) const { return *slot(key).value; }

std::vector<std::pair<std::string, Value>> Scenario::entries(std::string_view map_key) const {
  const KeySpec* spec = schema_.find(map_key);
  if (spec == nullptr || !spec->is_map) {
    throw std::logic_error("scenario: " + quoted(map_key) + " is not a map of the schema");
  }
  const std::string prefix = std::string(map_key) + ".";
  std::vector<std::pair<std::string, Value>> out;
  // Nothing lies below a map but its entries, so they are the keys from the prefix on.
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    out.emplace_back(it->first.substr(prefix.size()), it->second.value);
  }
  return out;
}

bool Scenario::is_map_entry(std::string_view key) const { return !schema_.entry_name(key).empty(); }

const Value& Scenario::value_at(std::string_view key, kfsim::Month month) const {
  const Value* current = &value(key);
  for (const Policy& policy : policies_) {
    if (policy.key == key && policy.start <= month && (!policy.end || month <= *policy.end)) {
      current = &policy.value;
    }
  }
  return *current;
}

std::string Scenario::origin(std::string_view key) const { return slot(key).origin->describe(); }

Scenario Scenario::at_sweep_point(std::size_t i) const {
  Scenario point = *this;
  point.sweep_ = Sweep{};
  if (sweep_.empty()) return point;
  const std::string label = "sweep point " + std::to_string(i);
  for (auto& [key, value] : sweep_.point(i)) point.set(key, std::move(value), label);
  return point;
}

void Scenario::set(std::string_view key, Value v, std::string_view origin_label) {
  const Origin site = Origin::command_line(0, 0, std::string(origin_label));
  const auto index = schema_.index_of(key);
  const KeySpec* map = index ? nullptr : schema_.map_of(key);
  if (!index && map == nullptr) {
    throw site.error(std::string(key), "unknown key" + did_you_mean(schema_.nearest(key)),
                     "a key listed by `kfsim schema`");
  }
  const KeySpec& spec = index ? schema_.keys()[*index] : *map;
  if (spec.is_map && index) {
    throw site.error(std::string(key), "is a map, which is set one entry at a time",
                     "an entry " + spec.key + ".NAME");
  }
  if (map != nullptr && schema_.entry_name(key).empty()) {
    const Problem problem = bad_entry_name(*map, key.substr(map->key.size() + 1));
    throw site.error(std::string(key), problem.what, problem.expected);
  }
  std::error_code ignored;
  if (auto problem = check_value(spec, v, std::filesystem::current_path(ignored))) {
    throw site.error(std::string(key), problem->what, problem->expected);
  }
  // Start, end and the policies do not depend on map entries.
  if (map != nullptr) {
    entries_.insert_or_assign(std::string(key), Entry{std::move(v), site});
    return;
  }
  // A new start or end may put a policy outside the run: check with the new value in place
  // and restore the old one if the scenario no longer holds together.
  Value previous_value = std::move(values_[*index]);
  Origin previous_origin = std::move(origins_[*index]);
  values_[*index] = std::move(v);
  origins_[*index] = site;
  try {
    check_consistency();
  } catch (...) {
    values_[*index] = std::move(previous_value);
    origins_[*index] = std::move(previous_origin);
    throw;
  }
}

bool operator==(const Scenario& a, const Scenario& b) {
  if (a.schema_.keys().size() != b.schema_.keys().size()) return false;
  for (std::size_t i = 0; i < a.schema_.keys().size(); ++i) {
    if (a.schema_.keys()[i].key != b.schema_.keys()[i].key) return false;
  }
  if (a.values_ != b.values_ || a.policies_ != b.policies_) return false;
  return std::equal(a.entries_.begin(), a.entries_.end(), b.entries_.begin(), b.entries_.end(),
                    [](const auto& x, const auto& y) {
                      return x.first == y.first && x.second.value == y.second.value;
                    });
}

Origin Scenario::error_site(std::size_t index) const {
  const Origin& origin = origins_[index];
  if (origin.kind != Origin::Kind::Default) return origin;
  return Origin::in_file(path_.string(), 1, 1);
}

void Scenario::check_consistency() const {
  const auto start_index = schema_.index_of("start");
  const auto end_index = schema_.index_of("end");
  if (!start_index || !end_index) return;
  const auto* start = std::get_if<kfsim::Month>(&values_[*start_index]);
  const auto* end = std::get_if<kfsim::Month>(&values_[*end_index]);
  if (start == nullptr || end == nullptr) return;

  if (*end < *start) {
    // Point at whichever of the two the scenario wrote; a default is not the user's mistake.
    if (origins_[*end_index].kind != Origin::Kind::Default) {
      throw error_site(*end_index)
          .error("end",
                 "end " + end->to_string() + " is before start " + start->to_string() + " (" +
                     origins_[*start_index].describe() + ")",
                 "a month no earlier than start");
    }
    throw error_site(*start_index)
        .error("start",
               "start " + start->to_string() + " is after end " + end->to_string() + " (" +
                   origins_[*end_index].describe() + ")",
               "a month no later than end");
  }
  for (std::size_t i = 0; i < policies_.size(); ++i) {
    const Policy& policy = policies_[i];
    if (policy.start < *start || policy.start > *end) {
      throw policy_sites_[i].error(
          policy_keys_[i],
          "policy on '" + policy.key + "' starts in " + policy.start.to_string() +
              ", outside the run " + start->to_string() + " to " + end->to_string(),
          "a start month within [" + start->to_string() + ", " + end->to_string() + "]");
    }
  }
}

}  // namespace kfsim::scenario
