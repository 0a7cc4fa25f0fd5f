#pragma once
// Services whose jobs grow with the residents they serve (SSB's HELSEMOD
// method): care for the elderly with the population weighted by its use of
// care by age, kindergartens with children 1-5, schools with ages 6-18. Each
// service holds a share of its industry's jobs; its jobs follow the weighted
// number of residents relative to the start, times a standard growth; the rest
// of the industry follows the industry's growth path.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "sim/time/month.hpp"

namespace kfsim {

struct Categories;  // labour_data.hpp

struct ServiceDemand {
  // Weights are kept for ages 0..kMaxAge; older residents count as kMaxAge.
  static constexpr int kMaxAge = 120;
  struct Service {
    std::string name;
    std::size_t industry = 0;      // index into data.industries
    double share = 0;              // of the industry's jobs on the start date
    bool standard_growth = false;  // follows labour.care_standard_growth (care and health)
    std::vector<double> weight;    // relative use per resident, [age 0..kMaxAge]
    // The part of its industry's start-date jobs in each occupation that the
    // service holds, [occupation] (load_service_staffing); empty: `share` of
    // every occupation, that is, the service has its industry's mix.
    std::vector<double> occupation_part;
  };
  std::vector<Service> services;
  bool empty() const { return services.empty(); }
};

// Reads data.service_demand (CSV: service,industry,share_of_industry_jobs,
// age_min,age_max,weight). Errors name the file, line and column: unknown
// industry, a share that differs between a service's rows, overlapping ages,
// shares of one industry summing above 1.
ServiceDemand load_service_demand(const std::filesystem::path& file, const Categories& industries);

// Reads data.service_staffing (CSV: service,occupation,share_of_service_jobs,
// source): the occupations that staff a service, as shares of its jobs. Sets
// each listed service's occupation_part from its industry's staffing
// (`staffing`, [industry][occupation]): the listed shares, and the rest of the
// service's jobs spread over the industry's other occupations in proportion to
// their staffing. Errors name the file, line and column: an unknown service or
// occupation, an occupation given twice, shares of a service summing above 1,
// a listed occupation its industry does not employ, services holding more of
// an occupation's jobs than their industry has.
void load_service_staffing(const std::filesystem::path& file, const Categories& occupations,
                           std::span<const double> staffing, ServiceDemand& demand);

// Weighted residents of each service in `month`: the sum over residents of the
// weight of their age. `birth_months` holds Month::index() of each resident.
std::vector<double> service_users(const ServiceDemand& demand,
                                  std::span<const std::int32_t> birth_months, Month month);

// Replaces, in `industry_factor` ([industry, ...]; the growth of each industry's
// jobs since the start along its own path), the part of each industry that its
// services hold by the growth of their users: factor = (1 - shares) x factor +
// sum of share x users / users at start x (standard factor for care and health).
void apply_service_demand(const ServiceDemand& demand, std::span<const double> users,
                          std::span<const double> users_at_start, double standard_factor,
                          std::span<double> industry_factor);

// How each occupation's jobs grow within its industry relative to the
// industry's total, [industry][occupation], when services staffed by their own
// mix (occupation_part) grow faster or slower than the rest of their industry:
// an occupation's factor is the growth of each service weighted by the part of
// the occupation's jobs the service holds, plus the rest of the industry's
// growth (`rest_factor`, the industry factors before apply_service_demand) for
// the part no service holds; `composition` gets that over the industry's
// factor. Industries whose services all have their industry's mix are left
// untouched (1 on entry stays exactly 1).
void apply_service_composition(const ServiceDemand& demand, std::span<const double> users,
                               std::span<const double> users_at_start, double standard_factor,
                               std::span<const double> rest_factor, std::size_t occupations,
                               std::span<double> composition);

}  // namespace kfsim
