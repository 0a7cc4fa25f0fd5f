#pragma once
// Reading toml++ nodes into scenario values and positions.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "sim/scenario/origin.hpp"
#include "sim/scenario/value.hpp"

namespace kfsim::scenario {

// The node's value when it is an integer, real, boolean or string; nullopt for arrays, tables,
// dates and times, which no key takes.
std::optional<Value> scalar_of(const toml::node& node);

// What the node is, for "got ..." in messages: "integer 3", "array", "date 2024-01-01".
std::string describe_node(const toml::node& node);

// A position in a file as an Origin; 1:1 when toml++ recorded none.
Origin site_of(const std::string& file, const toml::source_position& position);

// The leaves under a table such as [sweep], where dotted keys and nested tables both name a
// scenario key by path: (dotted path, node) with the toml key of each. A nested table for which
// is_leaf returns true is a leaf itself (an inline table of fields), not a path.
using Leaves = std::vector<std::pair<std::string, const toml::node*>>;
void collect_leaves(const toml::table& table, const std::string& prefix,
                    const std::function<bool(const toml::table&)>& is_leaf, Leaves& leaves,
                    std::vector<const toml::key*>& keys);

// The indices of `keys` in the order the file writes them (toml++ iterates a table in key
// order; tables such as [sweep] keep the file's order).
std::vector<std::size_t> written_order(const std::vector<const toml::key*>& keys);

}  // namespace kfsim::scenario
