#include "output/atomic_commit.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "output/output_error.hpp"

namespace kfsim::output {

namespace {

[[noreturn]] void throw_errno(const std::filesystem::path& path, const std::string& what,
                              int error) {
  throw OutputError(path.string() + ": " + what + " failed: " + std::strerror(error));
}

void sync_path(const std::filesystem::path& path, int flags, const std::string& what) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw_errno(path, what, errno);
  const int status = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  // Some file systems cannot sync a directory; the rename itself has still happened.
  const bool directory = (flags & O_DIRECTORY) != 0;
  if (status != 0 && !(directory && (error == EINVAL || error == ENOTSUP))) {
    throw_errno(path, what, error);
  }
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// link() refuses an existing target, which makes it the atomic "rename unless it exists".
bool link_without_replacing(const std::filesystem::path& temporary,
                            const std::filesystem::path& final_path) {
  if (::link(temporary.c_str(), final_path.c_str()) == 0) {
    if (::unlink(temporary.c_str()) != 0) throw_errno(temporary, "removing after linking", errno);
    return true;
  }
  const int error = errno;
  if (error == EEXIST) {
    throw OutputError(final_path.string() +
                      ": appeared while the result was being written; not replaced (the "
                      "new result is left out)");
  }
  // File systems without hard links: fall back to a checked rename.
  if (error == EPERM || error == ENOTSUP || error == EMLINK || error == ENOSYS) return false;
  throw_errno(final_path, "linking the finished result file", error);
}

}  // namespace

std::filesystem::path temporary_path_for(const std::filesystem::path& final_path) {
  return directory_of(final_path) /
         ("." + final_path.filename().string() + ".partial-" + std::to_string(::getpid()));
}

void remove_stale_temporaries(const std::filesystem::path& final_path) {
  const std::string prefix = "." + final_path.filename().string() + ".partial-";
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory_of(final_path), error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    // kill(pid, 0) tests whether the process exists; ESRCH: it does not.
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::filesystem::remove(entry.path(), error);
  }
}

void sync_file(const std::filesystem::path& path) { sync_path(path, O_RDONLY, "syncing to disk"); }

void publish(const std::filesystem::path& temporary, const std::filesystem::path& final_path,
             bool overwrite) {
  if (overwrite || !link_without_replacing(temporary, final_path)) {
    if (!overwrite && std::filesystem::exists(final_path)) {
      throw OutputError(final_path.string() +
                        ": appeared while the result was being written; not replaced");
    }
    if (std::rename(temporary.c_str(), final_path.c_str()) != 0) {
      throw_errno(final_path, "renaming the finished result file into place", errno);
    }
  }
  sync_path(directory_of(final_path), O_RDONLY | O_DIRECTORY, "syncing the directory");
}

void write_file_atomically(const std::filesystem::path& final_path, bool overwrite,
                           const std::string& what,
                           const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path temporary = temporary_path_for(final_path);
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (out) write(out);
      out.flush();
      if (!out) throw OutputError(final_path.string() + ": cannot write " + what);
    }
    sync_file(temporary);
    publish(temporary, final_path, overwrite);
  } catch (const OutputError&) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace kfsim::output
