#include "output/atomic_commit.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "output/output_error.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(TemporaryPath, IsHiddenInTheSameDirectoryAndNamesTheProcess) {
  const auto temporary = temporary_path_for("/data/results/run.nc");
  EXPECT_EQ(temporary.parent_path(), "/data/results");
  EXPECT_EQ(temporary.filename().string(), ".run.nc.partial-" + std::to_string(::getpid()));
  EXPECT_EQ(temporary_path_for("run.nc").parent_path(), ".");
}

TEST(Publish, MovesTheTemporaryOntoTheFinalName) {
  testing::ScratchDirectory dir;
  write_text(dir / "tmp", "result");
  publish(dir / "tmp", dir / "final.nc", false);
  EXPECT_FALSE(std::filesystem::exists(dir / "tmp"));
  EXPECT_EQ(read_text(dir / "final.nc"), "result");
}

TEST(Publish, NeverReplacesAnExistingFileWithoutOverwrite) {
  testing::ScratchDirectory dir;
  write_text(dir / "tmp", "new");
  write_text(dir / "final.nc", "old");
  EXPECT_THROW(publish(dir / "tmp", dir / "final.nc", false), OutputError);
  EXPECT_EQ(read_text(dir / "final.nc"), "old");
  EXPECT_TRUE(std::filesystem::exists(dir / "tmp"));
}

TEST(Publish, ReplacesAnExistingFileWithOverwrite) {
  testing::ScratchDirectory dir;
  write_text(dir / "tmp", "new");
  write_text(dir / "final.nc", "old");
  publish(dir / "tmp", dir / "final.nc", true);
  EXPECT_EQ(read_text(dir / "final.nc"), "new");
  EXPECT_FALSE(std::filesystem::exists(dir / "tmp"));
}

TEST(SyncFile, ReportsAMissingFile) {
  testing::ScratchDirectory dir;
  EXPECT_THROW(sync_file(dir / "missing"), OutputError);
}

}  // namespace
}  // namespace kfsim::output
