#include "sim/app/output_guard.hpp"

#include <system_error>

#include "sim/files/file_type.hpp"

namespace kfsim::app {

namespace fs = std::filesystem;

namespace {

// The same file: by device and inode where both exist (links and other spellings included),
// else by the normalised absolute path.
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
  const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
  return ca == cb;
}

}  // namespace

std::optional<std::string> output_refusal(const fs::path& target,
                                          const std::vector<fs::path>& inputs, bool force) {
  for (const auto& input : inputs) {
    if (same_file(target, input)) {
      return target.string() + " is one of this command's inputs (" + input.string() +
             "); kfsim never writes over its inputs: choose another file";
    }
  }
  std::error_code ec;
  const fs::file_status status = fs::status(target, ec);  // through links: what they point at
  if (!fs::exists(status)) {
    if (fs::is_symlink(fs::symlink_status(target, ec))) {
      return target.string() + " is a link to nothing; kfsim writes only regular files";
    }
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    return target.string() + " is " + files::kind_of(status.type()) +
           "; kfsim writes only regular files: choose another name";
  }
  if (!force) {
    return target.string() +
           " already exists; use --force to overwrite it, or -o to choose another file";
  }
  return std::nullopt;
}

std::vector<fs::path> scenario_inputs(const scenario::Scenario& scenario,
                                      const scenario::Schema& schema) {
  std::vector<fs::path> inputs = scenario.chain();
  for (const auto& spec : schema.keys()) {
    if (spec.type == scenario::Type::File) inputs.push_back(scenario.file(spec.key));
  }
  return inputs;
}

}  // namespace kfsim::app
