#include "sim/scenario/scenario.hpp"

#include <stdexcept>
#include <system_error>

#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/validate.hpp"

namespace kfsim::scenario {
namespace {

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

}  // namespace

std::size_t Scenario::checked_index(std::string_view key, Type type, bool integer_as_real) const {
  const auto index = schema_.index_of(key);
  if (!index) throw std::logic_error("scenario: no key " + quoted(key) + " in the schema");
  const Type actual = schema_.keys()[*index].type;
  if (actual != type && !(integer_as_real && actual == Type::Integer)) {
    throw std::logic_error("scenario: key " + quoted(key) + " is a " + type_name(actual) +
                           ", not a " + type_name(type));
  }
  return *index;
}

std::int64_t Scenario::integer(std::string_view key) const {
  return std::get<std::int64_t>(values_[checked_index(key, Type::Integer)]);
}

double Scenario::real(std::string_view key) const {
  const Value& v = values_[checked_index(key, Type::Real, /*integer_as_real=*/true)];
  if (const auto* integer = std::get_if<std::int64_t>(&v)) return static_cast<double>(*integer);
  return std::get<double>(v);
}

bool Scenario::boolean(std::string_view key) const {
  return std::get<bool>(values_[checked_index(key, Type::Boolean)]);
}

const std::string& Scenario::string(std::string_view key) const {
  return std::get<std::string>(values_[checked_index(key, Type::String)]);
}

kfsim::Month Scenario::month(std::string_view key) const {
  return std::get<kfsim::Month>(values_[checked_index(key, Type::Month)]);
}

std::filesystem::path Scenario::file(std::string_view key) const {
  return std::get<std::string>(values_[checked_index(key, Type::File)]);
}

const Value& Scenario::value(std::string_view key) const {
  const auto index = schema_.index_of(key);
  if (!index) throw std::logic_error("scenario: no key " + quoted(key) + " in the schema");
  return values_[*index];
}

const Value& Scenario::value_at(std::string_view key, kfsim::Month month) const {
  const Value* current = &value(key);
  for (const Policy& policy : policies_) {
    if (policy.key == key && policy.start <= month && (!policy.end || month <= *policy.end)) {
      current = &policy.value;
    }
  }
  return *current;
}

std::string Scenario::origin(std::string_view key) const {
  const auto index = schema_.index_of(key);
  if (!index) throw std::logic_error("scenario: no key " + quoted(key) + " in the schema");
  return origins_[*index].describe();
}

void Scenario::set(std::string_view key, Value v, std::string_view origin_label) {
  const Origin site = Origin::command_line(0, 0, std::string(origin_label));
  const auto index = schema_.index_of(key);
  if (!index) {
    throw site.error(std::string(key), "unknown key" + did_you_mean(schema_.nearest(key)),
                     "a key listed by `kfsim schema`");
  }
  std::error_code ignored;
  if (auto problem =
          check_value(schema_.keys()[*index], v, std::filesystem::current_path(ignored))) {
    throw site.error(std::string(key), problem->what, problem->expected);
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
  return a.values_ == b.values_ && a.policies_ == b.policies_;
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
