#include "models/labour/service_demand.hpp"

#include <algorithm>
#include <cmath>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "sim/parallel/parallel.hpp"

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

void load_service_staffing(const std::filesystem::path& file, const Categories& occupations,
                           std::span<const double> staffing, ServiceDemand& demand) {
  const std::size_t n_occ = occupations.size();
  const auto t = CsvTable::read(file, {"service", "occupation", "share_of_service_jobs", "source"});
  if (t.rows() == 0) t.fail(0, "", "table has a header but no data rows");
  // Listed shares by service, NaN where not listed.
  std::vector<std::vector<double>> mix(demand.services.size());
  std::vector<std::size_t> last_row(demand.services.size(), 0);
  std::vector<std::vector<std::size_t>> row_of(demand.services.size());  // [service][occupation]
  for (std::size_t row = 0; row < t.rows(); ++row) {
    const std::string& name = t.text(row, "service");
    const auto it = std::find_if(demand.services.begin(), demand.services.end(),
                                 [&](const ServiceDemand::Service& s) { return s.name == name; });
    if (it == demand.services.end()) {
      t.fail(row, "service",
             "unknown service '" + name + "'; expected one listed in data.service_demand");
    }
    const auto s = static_cast<std::size_t>(it - demand.services.begin());
    const std::string& code = t.text(row, "occupation");
    const auto o = occupations.index_of(code);
    if (o < 0) {
      t.fail(row, "occupation",
             "unknown occupation code '" + code + "'; expected one listed in the occupation table");
    }
    if (mix[s].empty()) {
      mix[s].assign(n_occ, std::nan(""));
      row_of[s].assign(n_occ, 0);
    }
    auto& share = mix[s][static_cast<std::size_t>(o)];
    if (!std::isnan(share)) {
      t.fail(row, "occupation",
             "occupation " + code + " given twice for service '" + name + "'; expected one row");
    }
    share = t.real(row, "share_of_service_jobs", 0, 1);
    if (staffing[it->industry * n_occ + static_cast<std::size_t>(o)] <= 0) {
      t.fail(row, "occupation",
             "service '" + name + "' is staffed by occupation " + code +
                 ", which its industry does not employ; expected an occupation of its industry");
    }
    last_row[s] = row;
    row_of[s][static_cast<std::size_t>(o)] = row;
  }
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    if (mix[s].empty()) continue;
    auto& service = demand.services[s];
    const double* industry_mix = &staffing[service.industry * n_occ];
    double listed = 0;
    double others = 0;  // the industry's staffing of the occupations not listed
    for (std::size_t o = 0; o < n_occ; ++o) {
      if (std::isnan(mix[s][o])) {
        others += industry_mix[o];
      } else {
        listed += mix[s][o];
      }
    }
    if (listed > 1 + kShareTolerance) {
      t.fail(last_row[s], "share_of_service_jobs",
             "service '" + service.name + "' staffed " + std::to_string(listed) +
                 " in all; expected shares summing to at most 1");
    }
    const double rest = std::max(0.0, 1.0 - listed);
    service.occupation_part.assign(n_occ, 0.0);
    for (std::size_t o = 0; o < n_occ; ++o) {
      if (industry_mix[o] <= 0) continue;
      const double share_of_service =
          std::isnan(mix[s][o]) ? (others > 0 ? rest * industry_mix[o] / others : 0.0) : mix[s][o];
      service.occupation_part[o] = service.share * share_of_service / industry_mix[o];
    }
  }
  // The services staffed by their own mix cannot hold more of an occupation's
  // jobs than their industry has. The industry's other services have the mix
  // of the jobs these leave, as the rest of the industry does.
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    if (mix[s].empty()) continue;
    const std::size_t industry = demand.services[s].industry;
    double own_share = 0;
    std::vector<double> own_part(n_occ, 0.0);
    for (std::size_t u = 0; u < demand.services.size(); ++u) {
      if (demand.services[u].industry != industry || mix[u].empty()) continue;
      own_share += demand.services[u].share;
      for (std::size_t o = 0; o < n_occ; ++o) own_part[o] += demand.services[u].occupation_part[o];
    }
    for (std::size_t o = 0; o < n_occ; ++o) {
      if (own_part[o] > 1 + kShareTolerance) {
        t.fail(std::isnan(mix[s][o]) ? last_row[s] : row_of[s][o], "share_of_service_jobs",
               "the services staffed by their own mix in the industry of service '" +
                   demand.services[s].name + "' would hold " + std::to_string(own_part[o]) +
                   " of occupation " + occupations.codes[o] +
                   "'s jobs; expected at most 1 (a smaller share of the service's jobs)");
      }
    }
    for (std::size_t u = 0; u < demand.services.size(); ++u) {
      auto& other = demand.services[u];
      if (other.industry != industry || !mix[u].empty()) continue;
      other.occupation_part.assign(n_occ, 0.0);
      if (own_share >= 1) continue;
      for (std::size_t o = 0; o < n_occ; ++o) {
        other.occupation_part[o] =
            std::max(0.0, 1.0 - own_part[o]) * other.share / (1.0 - own_share);
      }
    }
  }
}

std::vector<double> service_users(const ServiceDemand& demand,
                                  std::span<const std::int32_t> birth_months, Month month) {
  // Residents by age first: one pass over the persons whatever the number of services.
  // Whole numbers: counted in parallel blocks, they are the same for any thread count.
  const auto by_age =
      parallel_counts(birth_months.size(), ServiceDemand::kMaxAge + 1, [&](std::size_t i) {
        return static_cast<std::size_t>(std::clamp(
            age_in_years(Month::from_index(birth_months[i]), month), 0, ServiceDemand::kMaxAge));
      });
  std::vector<double> users(demand.services.size(), 0.0);
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    for (std::size_t a = 0; a < by_age.size(); ++a) {
      users[s] += demand.services[s].weight[a] * static_cast<double>(by_age[a]);
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

void apply_service_composition(const ServiceDemand& demand, std::span<const double> users,
                               std::span<const double> users_at_start, double standard_factor,
                               std::span<const double> rest_factor, std::size_t occupations,
                               std::span<double> composition) {
  const std::size_t n_ind = rest_factor.size();
  std::vector<bool> own_mix(n_ind, false);
  for (const auto& service : demand.services) {
    if (!service.occupation_part.empty()) own_mix[service.industry] = true;
  }
  std::vector<double> growth(demand.services.size(), 1.0);
  for (std::size_t s = 0; s < demand.services.size(); ++s) {
    const auto& service = demand.services[s];
    growth[s] = (users_at_start[s] > 0 ? users[s] / users_at_start[s] : 1.0) *
                (service.standard_growth ? standard_factor : 1.0);
  }
  for (std::size_t i = 0; i < n_ind; ++i) {
    if (!own_mix[i]) continue;
    double held = 0;
    double driven = 0;
    for (std::size_t s = 0; s < demand.services.size(); ++s) {
      if (demand.services[s].industry != i) continue;
      held += demand.services[s].share;
      driven += demand.services[s].share * growth[s];
    }
    const double industry = (1.0 - held) * rest_factor[i] + driven;
    if (industry <= 0) continue;
    for (std::size_t o = 0; o < occupations; ++o) {
      double part_held = 0;
      double part_driven = 0;
      for (std::size_t s = 0; s < demand.services.size(); ++s) {
        const auto& service = demand.services[s];
        if (service.industry != i) continue;
        const double part =
            service.occupation_part.empty() ? service.share : service.occupation_part[o];
        part_held += part;
        part_driven += part * growth[s];
      }
      composition[i * occupations + o] =
          ((1.0 - part_held) * rest_factor[i] + part_driven) / industry;
    }
  }
}

}  // namespace kfsim
