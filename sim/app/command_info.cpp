// kfsim info: what a result file holds and its provenance.
#include <iostream>

#include "output/nc_reader.hpp"
#include "output/output_error.hpp"
#include "output/provenance.hpp"
#include "output/result_validation.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"

namespace kfsim::app {

namespace po = boost::program_options;

int command_info(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string file;
  options.add_options()("help,h", "show this help")("file", po::value(&file)->required(),
                                                    "result file (.h5)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values,
                                "Usage: kfsim info FILE.h5\n\nPrints what a result file holds "
                                "(dimensions, variables, units) and its provenance.")) {
    return *code;
  }
  try {
    // kfsim info describes kfsim result files of this format version only: another program's
    // netCDF file, an older kfsim's or a truncated one is refused (ncdump -h or h5dump -H show
    // what any such file holds).
    output::check_result_file_format(file);
    const output::FileInfo info = output::read_file_info(file);
    output::validate_result_file(file, info);
    std::cout << output::format_file_info(info);
  } catch (const output::OutputError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;  // the file given is not one kfsim can describe
  }
  return kExitOk;
}

}  // namespace kfsim::app
