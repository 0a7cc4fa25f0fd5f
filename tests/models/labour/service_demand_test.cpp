// Population-driven services (the HELSEMOD method): the baseline table loads
// with care use rising with age, weighted residents are counted by age, the
// services' part of an industry follows its users while the rest keeps its
// path, a service staffed by its own mix moves its industry's occupations as it
// grows, and a broken table names its file, line and column.
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

// `read` must reject the case's table with an error naming its line, column
// and problem.
template <typename Read>
void expect_rejected(const BadTable& c, Read read) {
  try {
    read();
    ADD_FAILURE() << "accepted: " << c.body;
  } catch (const data::DataError& e) {
    EXPECT_EQ(e.line(), c.line) << e.what();
    EXPECT_EQ(e.column(), c.column) << e.what();
    EXPECT_NE(std::string(e.what()).find(c.problem), std::string::npos) << e.what();
  }
}

// Two occupations in Q: nurses (0) and others (1), a third (2) only in P.
Categories occupations() { return {{"222", "99", "23"}, {"nurses", "others", "teachers"}}; }
// [industry P, Q, C][occupation].
const std::vector<double> kStaffing = {0.0, 0.2, 0.8, 0.2, 0.8, 0.0, 0.0, 1.0, 0.0};

fs::path write_staffing(const std::string& name, const std::string& body) {
  const fs::path path = fs::temp_directory_path() /
                        ("kfsim_staffing_" + std::to_string(::getpid()) + "_" + name + ".csv");
  std::ofstream(path) << "# test table\nservice,occupation,share_of_service_jobs,source\n" << body;
  return path;
}

ServiceDemand care_and_health() {
  const auto path = write_table("mix", "care,Q,0.25,0,120,1\nhealth,Q,0.5,0,120,1\n");
  auto demand = load_service_demand(path, industries());
  fs::remove(path);
  return demand;
}

TEST(ServiceDemand, AServiceStaffedByItsOwnMixLeavesTheRestToTheOtherServices) {
  auto demand = care_and_health();
  const auto path = write_staffing("parts", "care,222,0.6,test\n");
  load_service_staffing(path, occupations(), kStaffing, demand);
  fs::remove(path);
  const auto& care = demand.services[0].occupation_part;
  const auto& health = demand.services[1].occupation_part;
  ASSERT_EQ(care.size(), 3u);
  ASSERT_EQ(health.size(), 3u);
  // Care holds 0.25 x 0.6 = 0.15 of Q's jobs as nurses: 0.75 of Q's 0.2; its
  // other 0.4 has the mix of Q's others: 0.25 x 0.4 / 0.8 of them.
  EXPECT_DOUBLE_EQ(care[0], 0.75);
  EXPECT_DOUBLE_EQ(care[1], 0.125);
  EXPECT_EQ(care[2], 0.0);
  // Health (half of Q) takes the jobs care leaves in proportion: of the 0.25
  // of nurses left, 0.5 / 0.75 of them.
  EXPECT_DOUBLE_EQ(health[0], 0.25 * 0.5 / 0.75);
  EXPECT_DOUBLE_EQ(health[1], 0.875 * 0.5 / 0.75);
  // Each service keeps its share of the industry's jobs.
  EXPECT_NEAR(0.2 * care[0] + 0.8 * care[1], 0.25, 1e-12);
  EXPECT_NEAR(0.2 * health[0] + 0.8 * health[1], 0.5, 1e-12);
}

TEST(ServiceDemand, ACareServiceGrowingFasterAsksForItsOwnStaff) {
  auto demand = care_and_health();
  const auto path = write_staffing("growth", "care,222,0.6,test\n");
  load_service_staffing(path, occupations(), kStaffing, demand);
  fs::remove(path);
  const std::vector<double> rest = {1.0, 1.1, 1.0};
  const std::vector<double> users = {150, 110};
  const std::vector<double> start = {100, 100};
  std::vector<double> composition(3 * 3, 1.0);
  apply_service_composition(demand, users, start, 1.0, rest, 3, composition);
  // P and C have no service of their own mix: exactly 1.
  for (const std::size_t cell : {0u, 1u, 2u, 6u, 7u, 8u}) EXPECT_EQ(composition[cell], 1.0);
  // Care grows by half, health by a tenth, the rest by a tenth: nurses, held
  // mostly by care, grow faster than Q, the others slower.
  EXPECT_GT(composition[3], 1.0);
  EXPECT_LT(composition[4], 1.0);
  // Q's jobs in all keep the industry's factor.
  EXPECT_NEAR(0.2 * composition[3] + 0.8 * composition[4], 1.0, 1e-12);
  const double industry = 0.25 * 1.1 + 0.25 * 1.5 + 0.5 * 1.1;
  const double nurses = 0.75 * 1.5 + (0.25 * 0.5 / 0.75) * 1.1 + (0.25 * 0.25 / 0.75) * 1.1;
  EXPECT_NEAR(composition[3], nurses / industry, 1e-12);
}

TEST(ServiceDemand, ServicesWithTheirIndustrysMixLeaveTheCompositionAlone) {
  auto demand = care_and_health();
  std::vector<double> composition(3 * 3, 1.0);
  const std::vector<double> rest = {1.0, 1.1, 1.0};
  apply_service_composition(demand, {{150, 110}}, {{100, 100}}, 1.03, rest, 3, composition);
  for (const double c : composition) EXPECT_EQ(c, 1.0);
}

TEST(ServiceDemand, BrokenStaffingTablesNameFileLineAndColumn) {
  const std::vector<BadTable> cases = {
      {"hospital,222,0.5,x\n", 3, "service", "unknown service 'hospital'"},
      {"care,77,0.5,x\n", 3, "occupation", "unknown occupation code '77'"},
      {"care,222,0.5,x\ncare,222,0.1,x\n", 4, "occupation", "given twice"},
      {"care,222,0.5,x\ncare,99,0.6,x\n", 4, "share_of_service_jobs",
       "expected shares summing to at most 1"},
      {"care,23,0.1,x\n", 3, "occupation", "which its industry does not employ"},
      {"care,222,0.9,x\n", 3, "share_of_service_jobs", "would hold 1.125000 of occupation 222"},
      {"care,222,1.5,x\n", 3, "share_of_service_jobs", "out of range"},
  };
  for (const auto& c : cases) {
    auto demand = care_and_health();
    const auto path = write_staffing("bad", c.body);
    expect_rejected(c, [&] { load_service_staffing(path, occupations(), kStaffing, demand); });
    fs::remove(path);
  }
}

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
    expect_rejected(c, [&] { load_service_demand(path, industries()); });
    fs::remove(path);
  }
}

}  // namespace
}  // namespace kfsim
