"""The baseline's long run, 2024-2050, as the steering group reads it: the mean over three
replicates of the full baseline (the shared run "baseline_long", made once in the Release pass).

- registered unemployment stays between 2.0 % and 4.5 % every year: each industry's staffing
  shifts towards professional work along its 2015-2020 trend (data.occupation_trend), so the
  shrinking number of people with primary school only does not find work ever more easily;
- the vacancy rate stays between 2 % and 5 % every year: demand is tied to the people who can
  fill it (unfilled positions withdrawn as unmet demand, services that follow the residents they
  serve, industry trends that fade), so vacancies do not pile up;
- agriculture's share of filled positions in Østfold stays within 1 point of 2024's (its growth
  no longer carries NAV's 2015/2016 break in the series);
- no industry other than health and care moves its share by more than 1.5 points;
- health and care's share of filled positions rises as the residents aged 80 and over grow;
- health professionals (STYRK 22: 221 doctors, 222 nurses and the rest of 22) show
  unmet demand by 2035.

The size is the point of these checks: they run in the Release pass only.
"""
import unittest

import numpy as np
import xarray as xr

from kfsim_testing import SANITIZED, shared_run


def yearly_mean(monthly):
    """The mean over replicates of each calendar year's monthly values: {year: value}."""
    months = monthly["month"].values
    values = monthly.mean("replicate").values
    return {int(y): float(values[months // 100 == y].mean()) for y in np.unique(months // 100)}


@unittest.skipIf(SANITIZED, "a full-size long run: left to the Release pass")
class BaselineLongRun(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ds = xr.open_dataset(shared_run("baseline_long"), engine="h5netcdf")
        cls.years = [int(y) for y in cls.ds.year.values]
        cls.inside = cls.ds.work_area.values != 0  # positions in Østfold, not Oslo and Akershus

    @classmethod
    def tearDownClass(cls):
        cls.ds.close()

    def industry_share(self, code):
        """Each year's share of filled positions in Østfold held by industry `code`, mean over
        replicates."""
        filled = self.ds.employed_by_industry.isel(work_area=self.inside).sum("work_area")
        filled = filled.mean("replicate")
        labels = [str(n).split(":")[0] for n in self.ds["industry_name"].values]
        share = filled.isel(industry=labels.index(code)) / filled.sum("industry")
        return dict(zip(self.years, share.values.tolist()))

    def test_the_run_covers_2024_to_2050_with_three_replicates(self):
        self.assertEqual(self.years[0], 2024)
        self.assertEqual(self.years[-1], 2050)
        self.assertEqual(self.ds.sizes["replicate"], 3)

    def test_registered_unemployment_stays_between_2_and_4_5_percent(self):
        for year, rate in yearly_mean(self.ds.unemployment_rate_monthly).items():
            with self.subTest(year=year):
                self.assertGreaterEqual(rate, 0.020, f"unemployment {rate:.4f} in {year}")
                self.assertLessEqual(rate, 0.045, f"unemployment {rate:.4f} in {year}")

    def test_vacancy_rate_stays_between_2_and_5_percent(self):
        for year, rate in yearly_mean(self.ds.vacancy_rate_monthly).items():
            with self.subTest(year=year):
                self.assertGreaterEqual(rate, 0.020, f"vacancy rate {rate:.4f} in {year}")
                self.assertLessEqual(rate, 0.050, f"vacancy rate {rate:.4f} in {year}")

    def test_agriculture_keeps_its_share_within_one_point(self):
        share = self.industry_share("A")
        for year in self.years:
            with self.subTest(year=year):
                self.assertLess(abs(share[year] - share[2024]), 0.01,
                                f"agriculture {share[year]:.4f} in {year}, {share[2024]:.4f} in 2024")

    def test_no_other_industry_drifts_more_than_one_and_a_half_points(self):
        # Each industry's own trend fades to the all-industry rate over 15 years
        # (labour.industry_trend_fade_years), so apart from health and care, which
        # follows the residents it serves (the test below), no industry's share of
        # filled positions runs away: the largest moves (public administration,
        # education, manufacturing) are about one point by 2050 (docs/calibration.md).
        labels = [str(n).split(":")[0] for n in self.ds["industry_name"].values]
        for code in labels:
            if code == "Q":
                continue
            share = self.industry_share(code)
            for year in self.years:
                with self.subTest(industry=code, year=year):
                    self.assertLess(abs(share[year] - share[2024]), 0.015,
                                    f"{code} {share[year]:.4f} in {year}, {share[2024]:.4f} in 2024")

    def test_health_and_care_grow_with_the_residents_80_and_over(self):
        share = self.industry_share("Q")
        labels = [str(a) for a in self.ds.age_group_name.values]
        old = [i for i, a in enumerate(labels) if a in ("80-84", "85-89", "90+")]
        residents_80 = self.ds.population_end.isel(age_group=old).sum(
            ["municipality", "sex", "age_group"]).mean("replicate").values
        self.assertGreater(residents_80[-1], 1.5 * residents_80[0])
        self.assertGreater(share[2050], share[2024] + 0.01)
        # Year by year the share moves with the residents 80+, not against them.
        correlation = float(np.corrcoef([share[y] for y in self.years], residents_80)[0, 1])
        self.assertGreater(correlation, 0.9)

    def test_health_professionals_show_unmet_demand_by_2035(self):
        unmet = self.ds.unmet_demand.isel(work_area=self.inside).sel(occupation=[22, 221, 222])
        unmet = unmet.sum("occupation")
        by_year = unmet.sum("work_area").mean("replicate")
        self.assertGreater(float(by_year.sel(year=2035)), 0)


if __name__ == "__main__":
    unittest.main()
