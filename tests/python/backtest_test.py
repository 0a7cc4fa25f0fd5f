"""The back-test (scenarios/backtest_2015.toml): Østfold from 1 January 2015 with every
demographic rate and the labour market's start estimated from data up to 2014 only, against
what happened in 2015-2024 (notebooks/validate.py, scenarios/data/validation/).

Asserted, over its 10 replicates with the demographic assumptions drawn ([uncertainty]):
the county's population every 1 January 2016-2024 within 1.5 % of the real one; after five
years (1 January 2020) at least 8 municipalities of 10 within 5 %, as SSB found for its own
municipal projections (Økonomiske analyser 4/2014); and the validate script's table and
summary. Known misses, asserted as such with their figures (docs/validation.md): every
municipality within 3 % every year (the largest error is 7.2 %, Aremark in 2022, a small
municipality whose in-migration of 2005-2014 did not last). Passed: the real value inside the
band in 80 % of (municipality, year) pairs (81 %: each municipality's migration is shared by the
pattern of ten years and strays from it by an offset drawn with the spread of the record
before 2015).
Registered unemployment (NAV's annual mean) within 0.6 points every year outside the dated
events (the refugee arrivals of 2015-2016 and 2022-2023, the pandemic of 2020-2021): the
labour market starts from data/backtest_2015/labour/ (derive_labour.py --cutoff 2014); the
largest such error is 0.26 points (2018); month by month the mean absolute error of each such
year is below 0.6 points too. Release pass only.
"""
import pathlib
import subprocess
import sys
import unittest

from kfsim_testing import SANITIZED, SOURCE, run_kfsim, scratch_dir

sys.path.insert(0, str(SOURCE / "notebooks"))
import validate  # noqa: E402

BACKTEST = SOURCE / "scenarios" / "backtest_2015.toml"


@unittest.skipIf(SANITIZED, "the back-test's ten-year ensemble runs in the Release pass")
class BackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.path = pathlib.Path(cls.tmp.name) / "backtest.h5"
        done = run_kfsim("run", BACKTEST, "-o", cls.path, "--quiet")
        assert done.returncode == 0, done.stderr
        cls.rows, cls.interval = validate.compare(cls.path)
        cls.summary = validate.summary(cls.rows)
        cls.population = [r for r in cls.rows if r["figure"] == "population 1 January"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_year_and_municipality_is_compared(self):
        years = sorted({r["year"] for r in self.population})
        self.assertEqual(years, list(range(2016, 2025)))
        self.assertEqual(len(self.population), 9 * 13)
        self.assertIn("parameter and random variation over 10 runs", self.interval)

    def test_county_within_one_and_a_half_percent(self):
        for r in self.population:
            if r["area"] == "31":
                self.assertLess(abs(r["error"]), 0.015, r)

    def test_after_five_years_eight_municipalities_of_ten_within_five_percent(self):
        errors = [abs(r["error"]) for r in self.population
                  if r["area"] != "31" and r["year"] == 2020]
        self.assertEqual(len(errors), 12)
        self.assertGreaterEqual(sum(e < 0.05 for e in errors) / len(errors), 0.8, errors)

    def test_unemployment_within_six_tenths_of_a_point_outside_the_events(self):
        quiet = [r for r in self.rows
                 if r["figure"] == "registered unemployment (%)" and not r["event"]]
        self.assertEqual(sorted(r["year"] for r in quiet), [2017, 2018, 2019, 2024])
        for r in quiet:
            self.assertLess(abs(r["error"]), 0.6, r)

    def test_unemployment_month_by_month(self):
        # Every month of the run is set beside NAV's; outside the dated events the months, with
        # the model's seasonal pattern, keep within the annual target on average, year by year.
        months = [r for r in self.rows if r["figure"] == validate.MONTHLY]
        self.assertEqual(len(months), 120)
        self.assertEqual(months[0]["month"], "2015-01")
        for year in validate.monthly_by_year(self.rows):
            if not year["event"]:
                self.assertEqual(year["months"], 12)
                self.assertLess(year["mae"], 0.6, year)

    @unittest.expectedFailure
    def test_municipalities_within_three_percent(self):
        # Missed: 7.2 % at most (Aremark 2022), 7 of 12 municipalities within 3 % in 2024.
        for r in self.population:
            if r["area"] != "31":
                self.assertLess(abs(r["error"]), 0.03, r)

    def test_real_population_inside_the_band_in_four_pairs_of_five(self):
        # 81 % of the (municipality, year) pairs (docs/validation.md).
        self.assertGreaterEqual(self.summary["municipal_inside_share"], 0.8)

    def test_validate_prints_the_table_and_its_summary(self):
        markdown = pathlib.Path(self.tmp.name) / "validation.md"
        done = subprocess.run([sys.executable, str(SOURCE / "notebooks" / "validate.py"),
                               str(self.path), "--markdown", str(markdown)],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("| population 1 January | Fredrikstad | 2024 |", done.stdout)
        self.assertIn("registered unemployment (%)", done.stdout)
        self.assertIn("County population: largest error", done.stdout)
        self.assertEqual(markdown.read_text(encoding="utf-8").count("| population 1 January |"),
                         9 * 13)
        self.assertIn("| 2019 | 12 |", done.stdout)  # the months, year by year
        self.assertNotIn("| registered unemployment, month (%) |", done.stdout)
        listed = subprocess.run([sys.executable, str(SOURCE / "notebooks" / "validate.py"),
                                 str(self.path), "--monthly"],
                                capture_output=True, text=True, timeout=300)
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertIn("| registered unemployment, month (%) | Østfold | 2020-04 |", listed.stdout)


@unittest.skipIf(SANITIZED, "the back-test's ten-year ensemble runs in the Release pass")
class BackTestWithEvents(unittest.TestCase):
    """backtest_2015_events.toml: the refugee arrivals and the pandemic's lay-offs switched on
    in their months. The lay-offs are the nation's rise in registered unemployment over 2019
    (derive_pandemic.py), so 2020-2021 test whether Østfold moved with the nation."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        path = pathlib.Path(cls.tmp.name) / "backtest_events.h5"
        done = run_kfsim("run", SOURCE / "scenarios" / "backtest_2015_events.toml", "-o", path,
                         "--quiet")
        assert done.returncode == 0, done.stderr
        cls.rows, _ = validate.compare(path)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_county_within_one_and_a_half_percent(self):
        for r in self.rows:
            if r["figure"] == "population 1 January" and r["area"] == "31":
                self.assertLess(abs(r["error"]), 0.015, r)

    def test_the_pandemic_years_within_six_tenths_of_a_point_and_inside_the_band(self):
        pandemic = [r for r in self.rows
                    if r["figure"] == "registered unemployment (%)" and r["event"] == "pandemic"]
        self.assertEqual([r["year"] for r in pandemic], [2020, 2021])
        for r in pandemic:
            self.assertLess(abs(r["error"]), 0.6, r)
            self.assertTrue(r["inside"], r)

    def test_the_event_block_is_what_the_derivation_writes(self):
        derived = subprocess.run(
            [sys.executable, str(SOURCE / "scenarios" / "data" / "derive" / "derive_pandemic.py"),
             "--shared", str(SOURCE.parent / "shared" / "data" / "ostfold")],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(derived.returncode, 0, derived.stderr)
        scenario = (SOURCE / "scenarios" / "backtest_2015_events.toml").read_text(encoding="utf-8")
        self.assertIn(derived.stdout, scenario)
        self.assertEqual(derived.stdout.count("[[policies]]"), 20)


if __name__ == "__main__":
    unittest.main()
