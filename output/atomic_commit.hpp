#pragma once
// Putting a finished result file in place so that no reader ever sees half of it: the file is
// written under a hidden temporary name in the same directory, synced to disk, and renamed.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace kfsim::output {

// "<dir>/.<name>.partial-<pid>": hidden, and never ending in a result file's extension.
std::filesystem::path temporary_path_for(const std::filesystem::path& final_path);

// Removes what a killed writer (SIGKILL, a crash, a power cut) left of final_path: temporary
// files "<dir>/.<name>.partial-<pid>" whose process no longer runs. Temporaries of running
// processes (another kfsim writing the same name) are left alone. Never throws.
void remove_stale_temporaries(const std::filesystem::path& final_path);

// Flushes the file's data to the disk (fsync); throws OutputError.
void sync_file(const std::filesystem::path& path);

// Moves `temporary` onto `final_path` atomically and syncs the directory so the new name
// survives a crash. Without `overwrite` an existing final file is never replaced, even one that
// appeared while the temporary was being written. Throws OutputError.
void publish(const std::filesystem::path& temporary, const std::filesystem::path& final_path,
             bool overwrite);

// A small text file (a CSV table, an index) written by `write` under the temporary name,
// synced and published as above; the temporary is removed whatever fails. A failed write
// throws OutputError("FINAL: cannot write WHAT").
void write_file_atomically(const std::filesystem::path& final_path, bool overwrite,
                           const std::string& what,
                           const std::function<void(std::ostream&)>& write);

}  // namespace kfsim::output
