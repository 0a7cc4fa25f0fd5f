"""Calibration of the baseline and the stylised facts of the labour market.

The baseline is run to 2025-12 and its 2024 figures are compared, through the
functions of notebooks/calibration_report.py, with
scenarios/data/labour/calibration_targets.csv. Asserted, each within the
tolerance of that file:

- employment rate 15-74;
- employment rates of the age groups 25-29 to 50-54;
- employed residents 15-74;
- registered unemployment rate (annual mean; NAV's 2023 mean);
- jobs by workplace in Østfold;
- jobs by occupation major group (STYRK-08 1 to 9);
- out-commuters (residents working in Oslo and Akershus);
- NAV's shortage total of 2017;
- the disability group (NAV-assessed reduced work capacity, 18-66): its 2024
  mean by sex within 10 % of NAV's 2024 mean
  (scenarios/data/labour/disability_nav_2024.csv).

The other targets (employment by sex, whose gap between men and women the
model narrows within its first year; employment of 15-24 and 55-74-year-olds, registered
unemployment in January 2024, net out-commuting and non-resident workers, the
2018 shortage and its composition by occupation, separations, disability exits)
are reported, with the model's values and its misses, in docs/calibration.md.
The comparison is for the baseline's own seed; some asserted targets sit close
to the edge of their tolerance (docs/calibration.md, "Margins and the seed").

Stylised facts, asserted:

- replacement demand (exits from an occupation: retirement, disability, death
  or moving out of the county, leaving the labour force) exceeds expansion
  demand, in each year run and over both together, and is higher in
  occupations with older workers over 2024-2025: a positive rank correlation
  across occupations between the share of employed residents aged 55+ and the
  exit rate, and a higher exit rate in the oldest third of occupations than in
  the youngest. The exit rate of 3-8 % of employment a year, the range of
  Cedefop's and SCB's replacement demand, is asserted as a known miss: the
  model's gross exits are about 13 % (docs/calibration.md, "Replacement demand
  is exits");
- the Beveridge curve: under scenarios/demand_swing.toml (a downturn in
  2026-01..2027-06, a boom in 2027-07..2029-06) the monthly unemployment and
  vacancy rates move in opposite directions over 2026-2031, both as
  deviations from the baseline with the same seed and in their 12-month
  changes; the downturn raises unemployment and lowers vacancies against the
  baseline, and the boom does the reverse;
- the seasons: the baseline's registered unemployment rate, each year
  2025-2031 divided by its mean and averaged by calendar month, correlates with
  NAV's seasonal index for Østfold 2011-2024
  (scenarios/data/labour/unemployment_seasonality.csv) with Pearson's r of at
  least 0.7, and January is its highest month, as in NAV's series;
- the supply responds to the swing: fewer in-commuters than in the baseline
  at the end of the downturn's 2027 and more in the boom's 2029, and more
  people outside the labour force (neither students nor disabled) in 2027 and
  fewer in 2031, after the boom.
"""
import importlib.util
import pathlib
import unittest

import numpy as np
import xarray as xr

from kfsim_testing import BASELINE, SANITIZED, SOURCE, run_kfsim, scratch_dir

REPORT = SOURCE / "notebooks" / "calibration_report.py"
DEMAND_SWING = SOURCE / "scenarios" / "demand_swing.toml"
DISABILITY = SOURCE / "scenarios" / "data" / "labour" / "disability_nav_2024.csv"
SEASONALITY = SOURCE / "scenarios" / "data" / "labour" / "unemployment_seasonality.csv"

ASSERTED_TARGETS = (
    ["employment_rate_15_74"]
    + [f"employment_rate_{a}_{a + 4}" for a in range(25, 55, 5)]
    + ["employed_residents_15_74", "registered_unemployment_rate_2023", "jobs_by_workplace"]
    + [f"jobs_occupation_major_{g}" for g in range(1, 10)]
    + ["out_commuters"]
)

# The ranking of shortage by occupation against NAV's uses the mean of this many replicates:
# the least ensemble the project gives a band (fewer are flagged by `kfsim compare` and the briefing).
NAV_RANK_REPLICATES = 10

# The Beveridge relation is checked over these months (YYYYMM, inclusive).
SWING_FROM, SWING_TO = 202601, 203112


def load_report():
    spec = importlib.util.spec_from_file_location("calibration_report", REPORT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_to_file(scenario, path, *extra):
    result = run_kfsim("run", scenario, "-o", path, "--quiet", *extra)
    if result.returncode != 0:
        raise AssertionError(f"kfsim run {scenario} failed: {result.stderr}")


class BaselineCalibration(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.report = load_report()
        cls.tmp = scratch_dir()
        path = pathlib.Path(cls.tmp.name) / "baseline_2025.h5"
        # Ten replicates for the rank agreement with NAV, which ranks their mean (the project's
        # least ensemble for a band); the other figures are replicate 0's. The sanitizer passes
        # run one and leave the ranking to the Release pass.
        run_to_file(BASELINE, path, "--set", "end=2025-12",
                    "--replicates", "1" if SANITIZED else str(NAV_RANK_REPLICATES))
        with xr.open_dataset(path, engine="h5netcdf") as ds:
            cls.values = cls.report.model_values(ds, 2024)
            cls.facts = cls.report.stylised_facts(ds)
            cls.openings = ds.openings.isel(replicate=0).load()
            cls.exits = ds.replacement_demand.isel(replicate=0).load()
            cls.employed = ds.employed_by_occupation.isel(replicate=0).load()
            cls.exit_rates = cls.report.exit_rates_by_occupation(ds)
            outside = ds.outside_labour_force_mean.mean("replicate").sel(year=2024)
            groups = [str(g) for g in ds.outside_group_name.values]
            cls.disability = outside.isel(outside_group=groups.index("disability")).values
        cls.targets = cls.report.read_targets()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_targets_within_tolerance(self):
        for name in ASSERTED_TARGETS:
            with self.subTest(target=name):
                self.assertIn(name, self.targets, "not in calibration_targets.csv")
                self.assertIn(name, self.values, "not computed by calibration_report.py")
                value = float(self.targets[name]["value"])
                tolerance = float(self.targets[name]["tolerance"])
                model = self.values[name]
                self.assertLessEqual(
                    abs(model - value), tolerance,
                    f"{name}: model {model:.6g}, target {value:.6g} ± {tolerance:.3g}")

    def test_shortage_total_within_navs_2017_2018_range(self):
        # NAV's employer survey put Østfold's shortage at 1 800 (2017) and 2 400 (2018); the
        # model's 2024 count of vacancies open three months or more is to lie in that range.
        low = float(self.targets["nav_shortage_2017_total"]["value"])
        high = float(self.targets["nav_shortage_2018_total"]["value"])
        model = self.values["nav_shortage_2017_total"]
        self.assertGreaterEqual(model, low, f"model {model:.0f}, NAV {low:.0f}-{high:.0f}")
        self.assertLessEqual(model, high, f"model {model:.0f}, NAV {low:.0f}-{high:.0f}")

    @unittest.skipIf(SANITIZED, "the ranking of ten replicates is checked in the Release pass")
    def test_shortage_ranks_agree_with_navs(self):
        # The model's 2024 vacancies open three months or more, by occupation, mean of ten
        # replicates, ranked as NAV's 2017 shortage ranks the occupations it lists for Østfold
        # (Spearman, in-sample).
        rho = self.values["nav_shortage_2017_rank_correlation"]
        self.assertGreaterEqual(rho, 0.6, f"Spearman's rho {rho:.3f}")

    def test_disability_stock_within_ten_percent_of_navs_by_sex(self):
        nav = _table(DISABILITY)
        for s, row in enumerate(nav):
            with self.subTest(sex=row["sex"]):
                target = float(row["mean_2024"])
                model = float(self.disability[s])
                self.assertLessEqual(abs(model / target - 1), 0.10,
                                     f"model {model:.0f}, NAV {target:.0f}")

    def test_replacement_demand_exceeds_expansion_demand(self):
        self.assertGreater(self.facts["replacement share of job openings"], 0.5)
        kinds = [str(k) for k in self.openings.opening_kind_name.values]
        self.assertEqual(kinds, ["replacement", "expansion", "mobility", "churn"])
        for year in self.openings.year.values:
            row = self.openings.sel(year=year).values
            with self.subTest(year=int(year)):
                self.assertGreater(row[1], 0)
                self.assertGreater(row[0], row[1])

    def test_exits_are_3_to_8_percent_of_employment_a_year(self):
        # Cedefop and SCB count replacement demand as exits from an occupation:
        # retirement, disability, death and moving away, a few percent of employment
        # a year (docs/calibration.md, "Replacement demand is exits").
        for year in self.exits.year.values:
            with self.subTest(year=int(year)):
                rate = float(self.exits.sel(year=year).sum() / self.employed.sel(year=year).sum())
                self.assertGreaterEqual(rate, 0.03)
                self.assertLessEqual(rate, 0.08)

    def test_exits_are_higher_in_occupations_with_older_workers(self):
        by_occupation = self.exit_rates
        older, rates = by_occupation["share_55_plus"], by_occupation["exit_rate"]
        self.assertGreaterEqual(len(rates), 30)
        corr = self.facts["rank correlation of the 55+ share and the exit rate across occupations"]
        self.assertGreater(corr, 0, "rank correlation of the 55+ share and the exit rate")
        order = np.argsort(older, kind="stable")
        third = len(order) // 3
        youngest, oldest = rates[order[:third]].mean(), rates[order[-third:]].mean()
        self.assertGreater(oldest, youngest,
                           f"exit rate: oldest third {oldest:.4f}, youngest third {youngest:.4f}")


@unittest.skipIf(SANITIZED, "the Beveridge curve is the model's behaviour: checked in the Release pass")
class BeveridgeCurve(unittest.TestCase):
    """The swing against the baseline with the same seed (common random
    numbers), so that the difference is the swing's doing. The baseline has
    slow movements of its own (and a seasonal pattern: graduates seek work in
    June), so the swing's own series alone would not tell a Beveridge curve
    from them."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        swing = pathlib.Path(cls.tmp.name) / "demand_swing.h5"
        baseline = pathlib.Path(cls.tmp.name) / "baseline_2031.h5"
        # Both stop at the end of the window the checks read (the swing file itself runs on).
        end = f"end={SWING_TO // 100}-{SWING_TO % 100:02d}"
        run_to_file(DEMAND_SWING, swing, "--set", end)
        run_to_file(BASELINE, baseline, "--set", end)
        cls.month, cls.u, cls.v = _monthly_rates(swing)
        base_month, cls.u_base, cls.v_base = _monthly_rates(baseline)
        cls.supply, cls.supply_base = _supply_by_year(swing), _supply_by_year(baseline)
        n = len(base_month)
        if not np.array_equal(cls.month[:n], base_month):
            raise AssertionError("the swing and the baseline do not share their months")
        cls.month, cls.u, cls.v = cls.month[:n], cls.u[:n], cls.v[:n]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def window(self, first, last):
        return (self.month >= first) & (self.month <= last)

    def test_deviations_from_the_baseline_move_in_opposite_directions(self):
        swing = self.window(SWING_FROM, SWING_TO)
        self.assertEqual(int(swing.sum()), 72)
        du = (self.u - self.u_base)[swing]
        dv = (self.v - self.v_base)[swing]
        correlation = float(np.corrcoef(du, dv)[0, 1])
        self.assertLess(correlation, -0.5, f"correlation of the deviations {correlation:.3f}")

    def test_twelve_month_changes_move_in_opposite_directions(self):
        # Changes over twelve months take out the seasonal pattern.
        du = self.u[12:] - self.u[:-12]
        dv = self.v[12:] - self.v[:-12]
        swing = self.window(SWING_FROM, SWING_TO)[12:]
        self.assertEqual(int(swing.sum()), 72)
        correlation = float(np.corrcoef(du[swing], dv[swing])[0, 1])
        self.assertLess(correlation, -0.5, f"correlation of 12-month changes {correlation:.3f}")

    def test_seasonal_profile_follows_navs(self):
        # The baseline run of this class (to 2031) serves; 2024 is left out, as
        # its January is the start-up month.
        years = [y for y in range(2025, SWING_TO // 100 + 1)]
        rows = []
        for year in years:
            row = self.u_base[(self.month // 100) == year]
            self.assertEqual(len(row), 12)
            rows.append(row / row.mean())
        model = np.mean(rows, axis=0)
        nav = _nav_seasonal_index()
        r = float(np.corrcoef(model, nav)[0, 1])
        self.assertGreaterEqual(r, 0.7, f"model {np.round(model, 3)} against NAV {nav}: r = {r:.3f}")
        self.assertEqual(int(np.argmax(nav)), 0)
        self.assertEqual(int(np.argmax(model)), 0, f"model profile {np.round(model, 3)}")

    def test_in_commuting_and_participation_move_with_the_swing(self):
        # Year-end in-commuters and the yearly mean of those outside the labour
        # force who are neither students nor in the disability group: both
        # follow the 12-month tightness, so with a lag of up to a year.
        commuters, others, _ = self.supply
        commuters_base, others_base, _ = self.supply_base
        self.assertLess(commuters[2027], commuters_base[2027])
        self.assertGreater(commuters[2029], commuters_base[2029])
        self.assertGreater(others[2027], others_base[2027])
        self.assertLess(others[2031], others_base[2031])

    def test_migration_moves_with_the_swing(self):
        # Moves into Østfold at working ages follow the 12-month tightness with a
        # month's lag (demography.in_migration_tightness_elasticity): fewer in the
        # downturn's slack market, more once the boom has tightened it.
        movers, movers_base = self.supply[2], self.supply_base[2]
        self.assertLess(movers[2027], movers_base[2027])
        self.assertGreater(movers[2030], movers_base[2030])

    def test_downturn_raises_unemployment_and_boom_raises_vacancies(self):
        def deviation(series, base, first, last):
            window = self.window(first, last)
            return float((series - base)[window].mean())

        downturn = (202701, 202706)
        after_boom = (202901, 203006)
        self.assertGreater(deviation(self.u, self.u_base, *downturn), 0.005)
        self.assertLess(deviation(self.v, self.v_base, *downturn), -0.005)
        self.assertLess(deviation(self.u, self.u_base, *after_boom), 0)
        self.assertGreater(deviation(self.v, self.v_base, *after_boom), 0.005)


def _table(path):
    """The rows of a data table under scenarios/data/ as dicts, '#' lines skipped."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    header = lines[0].split(",")
    return [dict(zip(header, line.split(","))) for line in lines[1:]]


def _nav_seasonal_index():
    return np.array([float(row["nav_index"]) for row in _table(SEASONALITY)])


def _supply_by_year(path):
    """In-commuters holding positions in Østfold at the end of each year, the
    yearly mean of the others outside the labour force, and moves into Østfold
    from outside the county at ages 20-59, by year."""
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        d = ds.isel(replicate=0)
        inside = [i for i, code in enumerate(d.work_area.values) if int(code) != 0]
        commuters = d.jobs_non_resident.isel(work_area=inside).sum(["work_area", "occupation"])
        groups = [str(g) for g in d.outside_group_name.values]
        others = d.outside_labour_force_mean.sum("sex").isel(outside_group=groups.index("other"))
        ages = [str(a) for a in d.age_group_name.values]
        working = [ages.index(f"{a}-{a + 4}") for a in range(20, 60, 5)]
        movers = d.in_migration_from_outside.isel(age_group=working).sum(
            ["municipality", "sex", "age_group"])
        years = [int(y) for y in d.year.values]
        return ({y: float(commuters.sel(year=y)) for y in years},
                {y: float(others.sel(year=y)) for y in years},
                {y: float(movers.sel(year=y)) for y in years})


def _monthly_rates(path):
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        d = ds.isel(replicate=0)
        return (d.month.values.copy(), d.unemployment_rate_monthly.values.copy(),
                d.vacancy_rate_monthly.values.copy())


if __name__ == "__main__":
    unittest.main()
