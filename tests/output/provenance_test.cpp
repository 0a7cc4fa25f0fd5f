#include "output/provenance.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "output/nc_reader.hpp"
#include "sim/version.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

using testing::ScratchDirectory;

Provenance example() {
  Provenance p;
  p.scenario_name = "baseline";
  p.scenario_toml = "[scenario]\nname = \"baseline\"\n\n[region]\nname = \"Østfold\"\n";
  p.code_version = "0.1.0-g0123456789ab";
  p.command_line = "kfsim run scenarios/baseline.toml --seed 7";
  p.started_utc = "2024-05-01T12:00:00Z";
  p.finished_utc = "2024-05-01T12:03:30Z";
  p.seed = 7;
  p.replicates = 20;
  p.threads = 16;
  p.library_versions = {{"hdf5", "1.10.8"}, {"boost", "1.74.0"}};
  return p;
}

std::string global(const std::vector<Attribute>& attributes, const std::string& name) {
  for (const auto& attribute : attributes) {
    if (attribute.name == name) return value_text(attribute.value);
  }
  return "(missing)";
}

TEST(Provenance, RoundTrips) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  write_provenance(writer, example());
  writer.commit();
  const Provenance read = read_provenance(path);
  const Provenance expected = example();
  EXPECT_EQ(read.scenario_name, expected.scenario_name);
  EXPECT_EQ(read.scenario_toml, expected.scenario_toml);
  EXPECT_EQ(read.code_version, expected.code_version);
  EXPECT_EQ(read.command_line, expected.command_line);
  EXPECT_EQ(read.started_utc, expected.started_utc);
  EXPECT_EQ(read.finished_utc, expected.finished_utc);
  EXPECT_EQ(read.seed, 7);
  EXPECT_EQ(read.replicates, 20);
  EXPECT_EQ(read.threads, 16);
  EXPECT_EQ(read.library_versions, expected.library_versions);
}

TEST(Provenance, WritesCfAndKfsimGlobalAttributes) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  write_provenance(writer, example());
  writer.commit();
  const auto globals = read_attributes(path);
  EXPECT_EQ(global(globals, "Conventions"), "CF-1.8");
  EXPECT_EQ(global(globals, "institution"), "Kompetanseforum Østfold");
  EXPECT_EQ(global(globals, "source"), std::string("kfsim ") + kfsim::kVersion);
  EXPECT_EQ(global(globals, "history"),
            "2024-05-01T12:00:00Z: kfsim run scenarios/baseline.toml --seed 7");
  EXPECT_NE(global(globals, "title").find("baseline"), std::string::npos);
  EXPECT_EQ(global(globals, "kfsim_library_versions"), "hdf5 1.10.8\nboost 1.74.0");
  EXPECT_EQ(global(globals, "kfsim_file_format_version"), "1");
  for (const auto& attribute : globals) {
    if (attribute.name == "kfsim_seed" || attribute.name == "kfsim_file_format_version") {
      EXPECT_TRUE(std::holds_alternative<std::int64_t>(attribute.value)) << attribute.name;
    }
  }
}

TEST(Provenance, ReadingRefusesOtherFormatVersions) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  write_provenance(writer, example());
  writer.set_global({"kfsim_file_format_version", std::int64_t{kFileFormatVersion + 1}});
  writer.commit();
  try {
    read_provenance(path);
    FAIL() << "a file of another format version was read";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("format version 2"), std::string::npos)
        << error.what();
  }
}

TEST(Provenance, ReadingRefusesFilesThatAreNotKfsimResults) {
  ScratchDirectory dir;
  const auto path = dir / "other.nc";
  NcWriter writer(path, false);
  writer.set_global({"title", std::string("something else")});
  writer.commit();
  EXPECT_THROW(read_provenance(path), OutputError);
}

TEST(Provenance, LibraryVersionsReportHdf5) {
  const auto versions = library_versions();
  ASSERT_FALSE(versions.empty());
  EXPECT_EQ(versions[0].first, "hdf5");
  EXPECT_TRUE(std::regex_match(versions[0].second, std::regex(R"(\d+\.\d+\.\d+)")))
      << versions[0].second;
}

TEST(Provenance, UtcNowIsIso8601) {
  EXPECT_TRUE(
      std::regex_match(utc_now_iso8601(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

}  // namespace
}  // namespace kfsim::output
