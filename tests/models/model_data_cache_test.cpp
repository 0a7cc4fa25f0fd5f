// The tables of an ensemble are read once and shared, read again when a file
// changes on disk, and a table that fails to load fails for every replicate.
#include "models/model_data_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/model.hpp"
#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;
using scenario::test_support::TempDir;

scenario::Scenario baseline_with(const std::vector<std::string>& overrides) {
  return scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(),
                                 overrides);
}

TEST(ModelDataCache, ReplicatesShareOneLoad) {
  ModelDataCache cache;
  const auto scenario = baseline_with({});
  std::vector<std::shared_ptr<const ModelData>> got(4);
  std::vector<std::thread> replicates;
  for (std::size_t r = 0; r < got.size(); ++r) {
    replicates.emplace_back([&, r] { got[r] = cache.get(scenario); });
  }
  for (auto& t : replicates) t.join();
  EXPECT_EQ(cache.loads(), 1u);
  for (const auto& data : got) EXPECT_EQ(data.get(), got.front().get());
  // Another key that names no file (a sweep point, a policy) shares the tables too.
  EXPECT_EQ(cache.get(baseline_with({"seed=7", "end=\"2030-12\""})).get(), got.front().get());
  EXPECT_EQ(cache.loads(), 1u);
}

TEST(ModelDataCache, AnotherOrAChangedFileIsReadAgain) {
  const TempDir dir;
  const fs::path programmes = dir.path() / "programmes.csv";
  fs::copy_file(KFSIM_SOURCE_DIR "/scenarios/data/education/programmes.csv", programmes);
  ModelDataCache cache;
  const auto first = cache.get(baseline_with({}));
  const auto copy = baseline_with({"data.programmes=\"" + programmes.string() + "\""});
  const auto second = cache.get(copy);
  EXPECT_EQ(cache.loads(), 2u);
  EXPECT_NE(first.get(), second.get());
  EXPECT_EQ(cache.get(copy).get(), second.get());

  fs::last_write_time(programmes, fs::last_write_time(programmes) + std::chrono::hours(1));
  const auto third = cache.get(copy);
  EXPECT_EQ(cache.loads(), 3u);
  EXPECT_NE(third.get(), second.get());
}

TEST(ModelDataCache, AFailedLoadFailsForEveryCaller) {
  const TempDir dir;
  const fs::path bad = dir.write("programmes.csv", "code,name\nX,\"unterminated\n");
  ModelDataCache cache;
  const auto scenario = baseline_with({"data.programmes=\"" + bad.string() + "\""});
  for (int call = 0; call < 2; ++call) {
    EXPECT_THROW(cache.get(scenario), data::DataError) << "call " << call;
  }
  EXPECT_EQ(cache.loads(), 1u);
}

}  // namespace
}  // namespace kfsim
