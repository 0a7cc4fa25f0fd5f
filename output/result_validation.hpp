#pragma once
// What the readers of result files (`kfsim info`, `compare`, `brief`) check before they trust
// one: a result file may come from anywhere (another program, a damaged disk, a forged file),
// and a wrong number printed as if it were right is worse than a refusal.
#include <filesystem>

#include "output/nc_reader.hpp"

namespace kfsim::output {

// Throws OutputError naming the file and the variable (or attribute) for
// - a name of a variable, dimension or attribute, or a label of a text variable, holding a
//   control character or malformed UTF-8;
// - a variable whose size along a dimension differs from the dimension's size;
// - NaN or infinity in a numeric variable;
// - a competence_rating other than -1 (surplus), 0 (balance) or 1 (shortage).
void validate_result_file(const std::filesystem::path& path, const FileInfo& info);

}  // namespace kfsim::output
