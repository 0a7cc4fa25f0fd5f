// The result-file readers on arbitrary bytes: what `kfsim info` does (the format check, the
// description, the value checks and the printed text) and what `kfsim compare` reads (the
// competence gaps). The input is written as a file, since HDF5 reads files. An OutputError
// (ComparisonError included) naming the file is the expected answer to a bad file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "output/comparison.hpp"
#include "output/nc_reader.hpp"
#include "output/output_error.hpp"
#include "output/provenance.hpp"
#include "output/result_validation.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto path = kfsim::fuzz::write_table("result.h5", bytes);
  try {
    kfsim::output::check_result_file_format(path);
    const auto info = kfsim::output::read_file_info(path);
    kfsim::output::validate_result_file(path, info);
    (void)kfsim::output::format_file_info(info);
  } catch (const kfsim::output::OutputError&) {
    // refused, as a bad file should be
  }
  try {
    (void)kfsim::output::read_result_gaps(path);
  } catch (const kfsim::output::OutputError&) {
  }
  return 0;
}
