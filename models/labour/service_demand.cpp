#include "models/labour/service_demand.hpp"

#include <algorithm>
#include <cmath>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"

namespace kfsim {

namespace {
using data::CsvTable;

constexpr double kShareTolerance = 1e-9;
}  // namespace

ServiceDemand load_service_demand(const std::filesystem::path& file, const Categories& industries) {
  const auto t = CsvTable::read(
      file, {"service", "industry", "share_of_industry_jobs", "age_min", "age_max", "weight"});
  if (t.rows() == 0) t.fail(0, "", "table has a header but no data rows");
  ServiceDemand demand;
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const std::string& name = t.text(row, "service");
    if (name.empty()) t.fail(row, "service", "empty service name; expected a name");
    const std::string& code = t.text(row, "industry");
    const auto industry = industries.index_of(code);
    if (industry < 0) {
      t.fail(row, "industry",
             "unknown industry code '" + code + "'; expected one listed in the industry table");
    }
    const double share = t.real(row, "share_of_industry_jobs", 0, 1);
    const auto lo = static_cast<int>(t.integer(row, "age_min", 0, ServiceDemand::kMaxAge));
    const auto hi = static_cast<int>(t.integer(row, "age_max", lo, ServiceDemand::kMaxAge));
    const double weight = t.real(row, "weight", 0, 1e6);
    auto it = std::find_if(demand.services.begin(), demand.services.end(),
                           [&](const ServiceDemand::Service& s) { return s.name == name; });
    if (it == demand.services.end()) {
      ServiceDemand::Service s;
      s.name = name;
      s.industry = static_cast<std::size_t>(industry);
      s.share = share;
      s.standard_growth = name == "care" || name == "health";
      s.weight.assign(ServiceDemand::kMaxAge + 1, -1.0);
      demand.services.push_back(std::move(s));
      it = demand.services.end() - 1;
    } else {
      if (it->industry != static_cast<std::size_t>(industry)) {
        t.fail(row, "industry", "service '" + name + "' named with two industries; expected one");
      }
      if (std::abs(it->share - share) > kShareTolerance) {
        t.fail(row, "share_of_industry_jobs",
               "service '" + name + "' given two shares; expected the same share on every row");
      }
    }
    for (int a = lo; a <= hi; ++a) {
      auto& w = it->weight[static_cast<std::size_t>(a)];
      if (w >= 0) {
        t.fail(row, "age_min",
               "age " + std::to_string(a) + " given twice for service '" + name +
                   "'; expected age ranges that do not overlap");
      }
      w = weight;
    }
  }
  std::vector<double> total(industries.size(), 0.0);
  for (auto& s : demand.services) {
    total[s.industry] += s.share;
    for (auto& w : s.weight) w = std::max(w, 0.0);  // ages not listed do not use the service
  }
  for (std::size_t i = 0; i < total.size(); ++i) {
    if (total[i] > 1 + kShareTolerance) {
      t.fail(t.rows() - 1, "share_of_industry_jobs",
             "services of industry " + industries.codes[i] + " hold " + std::to_string(total[i]) +
                 " of its jobs; expected shares summing to at most 1");
    }
  }
  return demand;
}

std::vector<double> service_users(const ServiceDemand& demand,
                                  std::span<const std::int32_t> birth_months, Month month) {
  // Residents by age first: one pass over the persons whatever the number of services.
  std::vector<double> by_age(ServiceDemand::kMaxAge + 1, 0.0);
  for (const auto birth : birth_months) {
    const int age =
        std::clamp(age_in_years(Month::from_index(birth), month), 0, ServiceDemand::kMaxAge);
    by_age[static_cast<std::size_t>(age)] += 1.0;
  }
  std::vector<double> users(demand.services.size(), 0.0);
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    for (std::size_t a = 0; a < by_age.size(); ++a) {
      users[s] += demand.services[s].weight[a] * by_age[a];
    }
  }
  return users;
}

void apply_service_demand(const ServiceDemand& demand, std::span<const double> users,
                          std::span<const double> users_at_start, double standard_factor,
                          std::span<double> industry_factor) {
  std::vector<double> held(industry_factor.size(), 0.0);
  std::vector<double> driven(industry_factor.size(), 0.0);
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    const auto& service = demand.services[s];
    const double growth = users_at_start[s] > 0 ? users[s] / users_at_start[s] : 1.0;
    held[service.industry] += service.share;
    driven[service.industry] +=
        service.share * growth * (service.standard_growth ? standard_factor : 1.0);
  }
  for (std::size_t i = 0; i < industry_factor.size(); ++i) {
    if (held[i] <= 0) continue;
    industry_factor[i] = (1.0 - held[i]) * industry_factor[i] + driven[i];
  }
}

}  // namespace kfsim
