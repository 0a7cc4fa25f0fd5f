#pragma once
// Small helpers shared by the subcommands.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kfsim::app {

// The command as typed, with arguments quoted where a shell would need it.
std::string quoted_command_line(int argc, char** argv);

// Parses `args` against `options` with `positional` names. Returns an exit code
// when the command should stop here (0 after --help; 2 after bad usage, with
// the error and the command's help on stderr), nullopt to go on.
std::optional<int> parse_options(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional,
    boost::program_options::variables_map& values, const std::string& usage);

}  // namespace kfsim::app
