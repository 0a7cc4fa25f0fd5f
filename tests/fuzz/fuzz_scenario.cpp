// The scenario loader on arbitrary text: TOML -> a scenario validated against the model's schema.
// A ScenarioError is the expected answer to bad input; a crash, any other exception, a sanitizer
// report or a hang is a finding. Lines after a line "#--set" are --set arguments, one per line,
// so that the overrides are fuzzed too. Relative paths resolve against scenarios/, so inputs may
// extend the real baseline and name the real data tables.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/model.hpp"
#include "sim/scenario/scenario.hpp"

namespace {

const kfsim::scenario::Schema& schema() {
  static const kfsim::scenario::Schema model = kfsim::model_schema();
  return model;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> overrides;
  constexpr std::string_view kMarker = "\n#--set\n";
  if (const auto at = text.find(kMarker); at != std::string_view::npos) {
    std::string_view rest = text.substr(at + kMarker.size());
    text = text.substr(0, at + 1);
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      overrides.emplace_back(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
  }
  try {
    const auto scenario = kfsim::scenario::parse_scenario(
        text, KFSIM_SOURCE_DIR "/scenarios/fuzz.toml", schema(), overrides);
    // What `kfsim check` does with a valid scenario: print it and set up every sweep point.
    (void)scenario.resolved_toml();
    for (std::size_t i = 0; i < scenario.sweep().points() && i < 64; ++i) {
      (void)scenario.at_sweep_point(i);
    }
  } catch (const kfsim::scenario::ScenarioError&) {
    // bad input, refused as it should be
  }
  return 0;
}
