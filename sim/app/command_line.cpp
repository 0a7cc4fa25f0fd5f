#include "sim/app/command_line.hpp"

#include <iostream>

namespace kfsim::app {

namespace po = boost::program_options;

std::string quoted_command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    const bool plain =
        !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?&;|<>()") == std::string::npos;
    if (i > 0) line += ' ';
    if (plain) {
      line += arg;
    } else {
      line += '\'';
      for (char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
      line += '\'';
    }
  }
  return line;
}

std::optional<int> parse_options(const std::vector<std::string>& args,
                                 const po::options_description& options,
                                 const po::positional_options_description& positional,
                                 po::variables_map& values, const std::string& usage) {
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help")) {
      std::cout << usage << "\n" << options;
      return 0;
    }
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "kfsim: " << error.what() << "\n\n" << usage << "\n" << options;
    return 2;
  }
  return std::nullopt;
}

}  // namespace kfsim::app
