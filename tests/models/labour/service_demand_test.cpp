// Population-driven services (the HELSEMOD method): the baseline table loads
// with care use rising with age, weighted residents are counted by age, the
// services' part of an industry follows its users while the rest keeps its
// path, and a broken table names its file, line and column.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_params.hpp"
#include "models/labour/service_demand.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;

Categories industries() { return {{"P", "Q", "C"}, {"education", "health", "manufacturing"}}; }

fs::path write_table(const std::string& name, const std::string& body) {
  const fs::path path = fs::temp_directory_path() /
                        ("kfsim_service_" + std::to_string(::getpid()) + "_" + name + ".csv");
  std::ofstream(path) << "# test table\nservice,industry,share_of_industry_jobs,age_min,age_max,"
                         "weight\n"
                      << body;
  return path;
}

TEST(ServiceDemand, BaselineTableLoadsWithCareRisingWithAge) {
  const auto scenario = labour_test::baseline();
  const auto files = labour_files(scenario);
  const auto municipalities = load_municipalities(scenario.file("data.municipalities"));
  const auto data = load_labour_data(files, municipalities);
  ASSERT_FALSE(data.services.empty());
  const ServiceDemand::Service* care = nullptr;
  double q_share = 0;
  const auto q = static_cast<std::size_t>(data.industries.index_of("Q"));
  for (const auto& s : data.services.services) {
    if (s.name == "care") care = &s;
    if (s.industry == q) q_share += s.share;
  }
  ASSERT_NE(care, nullptr);
  EXPECT_TRUE(care->standard_growth);
  EXPECT_LE(q_share, 1.0 + 1e-9);
  EXPECT_LT(care->weight[50], care->weight[75]);
  EXPECT_LT(care->weight[75], care->weight[85]);
  EXPECT_LT(care->weight[85], care->weight[95]);
}

TEST(ServiceDemand, UsersAreWeightedResidentsByAge) {
  const auto path = write_table("users",
                                "school,P,0.5,6,9,2\nschool,P,0.5,10,18,1\n"
                                "care,Q,0.4,80,120,10\n");
  const auto demand = load_service_demand(path, industries());
  fs::remove(path);
  const Month now = *Month::parse("2030-01");
  auto born = [&](int age) { return (now - 12 * age - 1).index(); };
  // Two children of 7, one of 12, one of 30 (no service) and one of 85.
  const std::vector<std::int32_t> births = {born(7), born(7), born(12), born(30), born(85)};
  const auto users = service_users(demand, births, now);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_DOUBLE_EQ(users[0], 2 * 2.0 + 1.0);
  EXPECT_DOUBLE_EQ(users[1], 10.0);
}

TEST(ServiceDemand, TheServicesPartFollowsItsUsersAndTheRestKeepsItsPath) {
  const auto path = write_table("apply", "care,Q,0.25,0,120,1\nhealth,Q,0.5,0,120,1\n");
  const auto demand = load_service_demand(path, industries());
  fs::remove(path);
  std::vector<double> factor = {1.1, 1.2, 0.9};
  const std::vector<double> users = {150, 110};
  const std::vector<double> start = {100, 100};
  apply_service_demand(demand, users, start, 1.02, factor);
  EXPECT_EQ(factor[0], 1.1);  // no services: untouched, to the bit
  EXPECT_EQ(factor[2], 0.9);
  EXPECT_DOUBLE_EQ(factor[1], 0.25 * 1.2 + 0.25 * 1.5 * 1.02 + 0.5 * 1.1 * 1.02);
}

TEST(ServiceDemand, UnchangedUsersAndNoStandardGrowthGiveTheIndustrysPathBack) {
  const auto path = write_table("flat", "kindergarten,Q,0.3,1,5,1\n");
  const auto demand = load_service_demand(path, industries());
  fs::remove(path);
  std::vector<double> factor = {1.0, 1.0, 1.0};
  const std::vector<double> users = {42};
  apply_service_demand(demand, users, users, 1.0, factor);
  EXPECT_DOUBLE_EQ(factor[1], 1.0);
  EXPECT_FALSE(demand.services[0].standard_growth);  // kindergartens have no standard growth
}

struct BadTable {
  std::string body;
  int line;
  std::string column;
  std::string problem;
};

TEST(ServiceDemand, BrokenTablesNameFileLineAndColumn) {
  const std::vector<BadTable> cases = {
      {"care,X,0.3,0,66,1\n", 3, "industry", "unknown industry code 'X'"},
      {"care,Q,0.3,0,66,1\ncare,Q,0.4,67,120,5\n", 4, "share_of_industry_jobs", "given two shares"},
      {"care,Q,0.3,0,66,1\ncare,Q,0.3,60,120,5\n", 4, "age_min", "age 60 given twice"},
      {"care,Q,0.7,0,66,1\nhealth,Q,0.5,0,120,1\n", 4, "share_of_industry_jobs",
       "expected shares summing to at most 1"},
      {"care,Q,1.3,0,66,1\n", 3, "share_of_industry_jobs", "out of range"},
      {"care,Q,0.3,70,60,1\n", 3, "age_max", "out of range"},
      {"care,Q,0.3,0,66,-1\n", 3, "weight", "out of range"},
  };
  for (const auto& c : cases) {
    const auto path = write_table("bad", c.body);
    try {
      load_service_demand(path, industries());
      ADD_FAILURE() << "accepted: " << c.body;
    } catch (const data::DataError& e) {
      EXPECT_EQ(e.line(), c.line) << e.what();
      EXPECT_EQ(e.column(), c.column) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.problem), std::string::npos) << e.what();
    }
    fs::remove(path);
  }
}

}  // namespace
}  // namespace kfsim
