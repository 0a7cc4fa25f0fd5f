#pragma once
// The seasons of the labour market: registered unemployment in Østfold is
// highest in January and lowest in early summer and late autumn (NAV's monthly
// stock 2011-2024). Quits and lay-offs follow a monthly pattern derived from
// those seasons (data.unemployment_seasonality, written by
// scenarios/data/derive/derive_seasonality.py): many temporary and seasonal
// contracts end around New Year, few in late spring and autumn. Hiring follows
// through the replacement openings the separations leave.
#include <array>
#include <filesystem>

namespace kfsim {

// The twelve seasonal indices the flows are to give the unemployment stock
// (calendar months 1..12, averaging 1).
using SeasonalIndex = std::array<double, 12>;

// Reads data.unemployment_seasonality (CSV: month,flow_index); a missing or
// repeated month, or an index outside [0.5, 1.5], is a DataError naming file,
// line and column.
SeasonalIndex load_seasonal_index(const std::filesystem::path& file);

// Assumption: the monthly rate at which people who have just lost or left a
// job leave registered unemployment again in the baseline, 0.7: most of those
// laid off find work within weeks (the model's unemployment falls back by
// about this share in the month after a burst of lay-offs). Of the rates tried
// (0.25, 0.34, 0.5, 0.7, 1.0; docs/calibration.md) it gives the profile closest
// in shape to NAV's.
inline constexpr double kNewlyUnemployedOutflowRate = 0.7;

// Factor on quits and lay-offs in calendar month `month_of_year` (1..12).
// From the stock-flow identity U_t = (1 - h) U_{t-1} + h a_t (the stock in
// units of its mean, a constant outflow rate h), the inflow that makes the
// stock follow the indices s is a_t = (s_t - (1 - h) s_{t-1}) / h; the
// separations carry it with the gain `strength`: 1 + strength (a_t - 1), never
// below 0. A gain above 1 is needed because each separation also opens a
// position that someone unemployed may take (labour.seasonality, calibrated
// to NAV's seasonal amplitude). 0: exactly 1 (no seasons).
double seasonal_separation_factor(const SeasonalIndex& index, int month_of_year, double strength);

}  // namespace kfsim
