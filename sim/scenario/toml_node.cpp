#include "sim/scenario/toml_node.hpp"

#include <algorithm>
#include <limits>
#include <sstream>
#include <utility>

#include "sim/scenario/text.hpp"

namespace kfsim::scenario {
namespace {

template <class T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

int to_int(toml::source_index index) {
  constexpr auto kMax = static_cast<toml::source_index>(std::numeric_limits<int>::max());
  return static_cast<int>(index > kMax ? kMax : index);
}

}  // namespace

std::optional<Value> scalar_of(const toml::node& node) {
  if (const auto* v = node.as_integer()) return Value(v->get());
  if (const auto* v = node.as_floating_point()) return Value(v->get());
  if (const auto* v = node.as_boolean()) return Value(v->get());
  if (const auto* v = node.as_string()) return Value(v->get());
  return std::nullopt;
}

std::string describe_node(const toml::node& node) {
  if (auto scalar = scalar_of(node)) return describe_value(*scalar);
  if (node.is_table()) return "table";
  if (node.is_array()) return "array";
  if (const auto* v = node.as_date()) return "date " + printable(printed(v->get()));
  if (const auto* v = node.as_time()) return "time " + printable(printed(v->get()));
  if (const auto* v = node.as_date_time()) return "date-time " + printable(printed(v->get()));
  return "a value of unknown type";
}

void collect_leaves(const toml::table& table, const std::string& prefix,
                    const std::function<bool(const toml::table&)>& is_leaf, Leaves& leaves,
                    std::vector<const toml::key*>& keys) {
  for (auto&& [toml_key, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(toml_key.str()) : prefix + "." + std::string(toml_key.str());
    if (const auto* inner = node.as_table(); inner != nullptr && !is_leaf(*inner)) {
      collect_leaves(*inner, key, is_leaf, leaves, keys);
      continue;
    }
    leaves.emplace_back(key, &node);
    keys.push_back(&toml_key);
  }
}

std::vector<std::size_t> written_order(const std::vector<const toml::key*>& keys) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& pa = keys[a]->source().begin;
    const auto& pb = keys[b]->source().begin;
    return std::pair(pa.line, pa.column) < std::pair(pb.line, pb.column);
  });
  return order;
}

Origin site_of(const std::string& file, const toml::source_position& position) {
  if (!position) return Origin::in_file(file, 1, 1);
  return Origin::in_file(file, to_int(position.line), to_int(position.column));
}

}  // namespace kfsim::scenario
