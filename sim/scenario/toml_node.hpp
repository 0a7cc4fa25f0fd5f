#pragma once
// Reading toml++ nodes into scenario values and positions.
#include <cstddef>
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

// The indices of `keys` in the order the file writes them (toml++ iterates a table in key
// order; tables such as [sweep] keep the file's order).
std::vector<std::size_t> written_order(const std::vector<const toml::key*>& keys);

}  // namespace kfsim::scenario
