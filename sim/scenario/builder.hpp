#pragma once
// Assembles a Scenario from its files and --set arguments. Internal to the loader; the public
// entry points are load_scenario and parse_scenario.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "sim/scenario/origin.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim::scenario::detail {

// Scenario files are a few kilobytes; the limit keeps a mistaken path to a data dump from
// taking the memory of a run.
inline constexpr std::size_t kMaxScenarioBytes = 4 * 1024 * 1024;
// Deeper chains are a mistake, and the limit bounds the recursion.
inline constexpr std::size_t kMaxExtendsDepth = 32;

class ScenarioBuilder {
 public:
  explicit ScenarioBuilder(const Schema& schema);

  // Reads the top scenario (and, through `extends`, the files it builds on).
  void load(const std::filesystem::path& name, std::string_view text);
  void apply_overrides(const std::vector<std::string>& overrides);
  // Fills in defaults and checks what can only be checked on the whole: required keys, the
  // child's own name, end >= start, policies within the run.
  Scenario finish();

 private:
  // Who set a key, for the rule that a scenario extending another sets its own name.
  static constexpr int kSetByDefault = -1;
  static constexpr int kSetOnCommandLine = -2;

  struct Frame {
    std::filesystem::path name;      // as reported in messages and chain()
    std::filesystem::path identity;  // canonical, to recognise a file reached twice
  };

  void load_layer(const std::filesystem::path& name, std::string_view text, std::size_t depth);
  void check_schema_version(const toml::table& root, const std::string& file) const;
  void follow_extends(const toml::table& root, const std::string& file,
                      const std::filesystem::path& name, std::size_t depth);
  void read_keys(const toml::table& root, const std::string& file,
                 const std::filesystem::path& base_dir, std::size_t depth);
  void read_policies(const toml::node& node, const toml::key& key, const std::string& file,
                     const std::filesystem::path& base_dir);
  void read_policy(const toml::table& table, const std::string& path, const std::string& file,
                   const std::filesystem::path& base_dir);
  void read_sweep(const toml::node& node, const toml::key& key, const std::string& file,
                  const std::filesystem::path& base_dir, std::size_t depth);
  void read_uncertainty(const toml::node& node, const toml::key& key, const std::string& file,
                        const std::filesystem::path& base_dir);
  void apply_override(const std::string& argument, int ordinal);

  Scenario scenario_;
  std::vector<std::optional<Value>> values_;
  std::vector<int> set_by_;  // depth in the chain of the file that set the key, or kSetBy...
  std::vector<Frame> stack_;
};

}  // namespace kfsim::scenario::detail
