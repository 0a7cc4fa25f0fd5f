"""The back-test's demography tables (scenarios/data/backtest_2015/, written by
scenarios/data/derive/derive_demography.py --cutoff 2014) and labour tables
(scenarios/data/backtest_2015/labour/, written by scenarios/data/derive/derive_labour.py --cutoff 2014) use no
data after 2014.

The leak test copies every shared file the script reads into a temporary folder, removes from each
every row of a year after 2014, runs the script on that folder and asserts each table byte for
byte equal to the committed one. migration_events.csv is the exception by design: the refugee
episodes' sizes come from the episode years (2015-2016, 2022-2023), so the leak run leaves it out
(--no-events) and a run on the full data checks it. A run without --cutoff reproduces the baseline's
committed tables.

The labour leak test does the same for derive_labour.py's inputs. Four shared files hold no year up to 2014 that
could stand in for what the tables take from them (LABOUR_KEPT): they are copied whole, and the test asserts that a
back-test table names each one in its header next to "(no data up to 2014 in the shared files)". The one
repository file the labour script reads with --cutoff is the baseline's unemployment_seasonality.csv, for its
model_index column (the model's own seasonal profile, not data). A run without --cutoff reproduces the baseline's
committed labour tables.

Needs the shared Østfold data folder next to the repository (../shared/data/ostfold); skipped
without it. Each script takes about a second a run."""
import csv
import pathlib
import re
import subprocess
import tempfile
import unittest

from kfsim_testing import SOURCE

SCRIPT = SOURCE / "scenarios" / "data" / "derive" / "derive_demography.py"
LABOUR_SCRIPT = SOURCE / "scenarios" / "data" / "derive" / "derive_labour.py"
SHARED = SOURCE.parent / "shared" / "data" / "ostfold"
BASELINE_DIR = SOURCE / "scenarios" / "data"
BACKTEST_DIR = BASELINE_DIR / "backtest_2015"
CUTOFF = 2014
PHRASE = "estimated from data up to 2014 only (back-test cut-off)"
BASELINE_TABLES = ("municipalities.csv", "population_2024.csv", "mortality.csv", "fertility.csv", "migration.csv",
                   "migration_events.csv", "demography_parameters.csv", "migration_shift.csv")
BACKTEST_TABLES = ("municipalities.csv", "population_2015.csv", "mortality.csv", "fertility.csv", "migration.csv",
                   "migration_events.csv", "demography_parameters.csv", "migration_shift.csv")


def leading_year(value):
    """'2008', '2003Q1-Q3', '2005Q4', '2007 (table published May 2008)': the year the data are of."""
    return int(re.match(r"\d{4}", value).group())


def last_year(value):
    """'2005' or 'avg_1968_1969' (a mean over years): the last year behind the value."""
    return int(re.findall(r"\d{4}", value)[-1])


def any_year(value):
    """'2019 (forecast)', '~2010', '2013Q4': the first year named; None (the row is kept) for a row without one
    ('qualitative')."""
    found = re.search(r"\d{4}", value)
    return int(found.group()) if found else None


def state_year(value):
    """year_1jan: the population on 1 January Y is the state at the end of Y-1, so it is data up to Y-1 (the start
    population of 1 January 2015 is the state on the start date)."""
    return int(value) - 1


# Every shared file the script reads: the column that holds the year, and how that column gives the last calendar
# year of data behind the row. None: the file holds no years and is copied as is.
INPUTS = {
    "population_age_sex_2005_2024_2024borders.csv": ("year_1jan", state_year),
    "population_municipality_total_2005_2023.csv": ("year_1jan", state_year),
    "demography_mortality_rates_norway_hmd_2000_2023.csv": ("year", leading_year),
    "demography_fertility_rates_norway_hfd_2000_2022.csv": ("year", leading_year),
    "demography_fertility_tfr_county_1968_2007.csv": ("period", last_year),
    "migration_municipal_2008_2015.csv": ("year", leading_year),
    "demography_migration_municipal_2007.csv": ("year", leading_year),
    "migration_county_totals_2017_and_regions_2007.csv": ("year", leading_year),
    "population_change_components_quarterly.csv": ("period", leading_year),
    "municipality_code_mapping.csv": None,   # code_2020_2023 names a code series, not a year of data
    "SOURCES.md": None,                      # the script checks that the folder is the shared data folder
}


# derive_labour.py: the same rules for its inputs.
LABOUR_INPUTS = {
    "population_age_sex_2005_2024_2024borders.csv": ("year_1jan", state_year),
    "population_municipality_age_2005_2023.csv": ("year_1jan", state_year),
    "employment_totals.csv": ("period", any_year),
    "employment_rates.csv": ("period", any_year),
    "commuting_indicators.csv": ("period", any_year),
    "employees_by_industry_workplace_1995_2000.csv": ("year_4th_qtr", leading_year),
    "employment_by_occupation_county_aku_2011.csv": ("year", leading_year),
    "crosswalk_occupation_by_industry_norway_aku_2010.csv": ("year", leading_year),
    "employment_employees_by_industry_norway_nav_2009_2023.csv": ("year", leading_year),
    "employment_by_industry_norway_ssb13470_2022.csv": ("year", leading_year),
    "education_level_county.csv": ("reference_date", leading_year),
    "education_level_municipality_2017.csv": ("date", leading_year),
    "education_higher_share_points.csv": ("date", leading_year),
    "unemployment_nav_monthly_2011_2024_county31.csv": ("month", leading_year),
    "disability_nav_nedsatt_arbeidsevne_monthly_2011_2024.csv": ("month", leading_year),
    "nav_bedriftsundersokelse_2017_shortage_by_occupation_county.csv": ("year", leading_year),
    "labour_shortage_nav.csv": ("year", leading_year),
    "employed_by_occupation_municipality_2007.csv": None,   # one table of 2007 (its note), no year column
    "municipality_code_mapping.csv": None,
}
# Shared files with no year up to 2014 for what the back-test takes from them: copied whole; each back-test table
# that rests on one says so in its header.
LABOUR_KEPT = {
    "education_level_by_age_sex_norway_2015.csv": "Norway's attainment by age and sex (the seed of the fitting)",
    "vgs_pupils_by_programme_2015.csv": "Østfold's pupils by vocational programme and sex",
    "occupation_education_age_shares_vestfold_telemark_2015_2020_DERIVED.csv": "the 3-digit occupation splits",
    "health_care_staff_norway_2007_2020.csv": "helsefagarbeidere's share of care staff (2020 rows)",
}
LABOUR_NO_DATA = "(no data up to 2014 in the shared files)"
LABOUR_BASELINE_DIR = BASELINE_DIR / "labour"
LABOUR_BACKTEST_DIR = BACKTEST_DIR / "labour"
LABOUR_TABLES = ("competences.csv", "occupations.csv", "industries.csv", "staffing_industry_occupation.csv",
                 "establishment_size_distribution.csv", "occupation_competence_fit.csv", "competence_by_age_sex.csv",
                 "labour_status_targets.csv", "separation_rates.csv", "retirement_rates.csv", "commuting.csv",
                 "commuting_reach.csv", "calibration_targets.csv")
LABOUR_BASELINE_TABLES = LABOUR_TABLES + ("employment_by_industry_2024.csv", "competence_municipality_factor.csv",
                                          "shortage_by_occupation_2017.csv")
LABOUR_BACKTEST_TABLES = LABOUR_TABLES + ("employment_by_industry_2015.csv", "disability_nav_2014.csv",
                                          "unemployment_seasonality.csv", "industry_growth.csv")


def cut(source, target, cutoff, inputs=None, kept=()):
    """Copies the shared files into `target`, dropping the rows of a year after `cutoff` (rows without a year are
    kept); the files in `kept` are copied whole. Returns {file: (rows kept, rows dropped)}."""
    counts = {}
    for name in kept:
        (target / name).write_bytes((source / name).read_bytes())
    for name, rule in (INPUTS if inputs is None else inputs).items():
        src, dst = source / name, target / name
        if rule is None:
            dst.write_bytes(src.read_bytes())
            continue
        column, year_of = rule
        with open(src, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        i = header.index(column)
        kept = [r for r in rows if year_of(r[i]) is None or year_of(r[i]) <= cutoff]
        with open(dst, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(kept)
        counts[name] = (len(kept), len(rows) - len(kept))
    return counts


def derive(*args, script=SCRIPT):
    result = subprocess.run(["/usr/bin/python3", str(script), *map(str, args)], capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise AssertionError("%s %s failed:\n%s%s" % (script.name, " ".join(map(str, args)), result.stdout,
                                                      result.stderr))
    return result.stdout


@unittest.skipUnless((SHARED / "SOURCES.md").is_file(), "shared data folder not found: %s" % SHARED)
class BacktestCutoff(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kfsim-backtest-")
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def assert_same(self, written, committed, names):
        for name in names:
            with self.subTest(table=name):
                self.assertTrue((committed / name).is_file(), "not committed: %s" % (committed / name))
                self.assertEqual((written / name).read_bytes(), (committed / name).read_bytes(),
                                 "%s differs from %s" % (written / name, committed / name))

    def test_no_data_after_the_cutoff(self):
        shared, out = self.dir / "shared", self.dir / "out"
        shared.mkdir()
        counts = cut(SHARED, shared, CUTOFF)
        # the cut removes something where the data go past 2014 (so that the test has teeth)
        for name in ("population_age_sex_2005_2024_2024borders.csv", "demography_mortality_rates_norway_hmd_2000_2023.csv",
                     "demography_fertility_rates_norway_hfd_2000_2022.csv", "migration_municipal_2008_2015.csv",
                     "migration_county_totals_2017_and_regions_2007.csv", "population_municipality_total_2005_2023.csv"):
            self.assertGreater(counts[name][1], 0, name)
        derive("--cutoff", CUTOFF, "--no-events", "--shared", shared, "--out", out)
        tables = [n for n in BACKTEST_TABLES if n != "migration_events.csv"]
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(tables))
        self.assert_same(out, BACKTEST_DIR, tables)

    def test_committed_backtest_tables(self):
        """On the full data the script writes the committed folder, the episode table included."""
        out = self.dir / "out"
        log = derive("--cutoff", CUTOFF, "--out", out)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(BACKTEST_TABLES))
        self.assert_same(out, BACKTEST_DIR, BACKTEST_TABLES)
        self.assertIn("start population 1 January 2015", log)
        for name in BACKTEST_TABLES:
            with self.subTest(table=name):
                lines = (BACKTEST_DIR / name).read_text(encoding="utf-8").splitlines()
                header = " ".join(l[1:].strip() for l in lines if l.startswith("#"))
                self.assertIn(PHRASE, header)
                self.assertIn("Windows used:", header)
        events = (BACKTEST_DIR / "migration_events.csv").read_text(encoding="utf-8")
        self.assertIn("observed data of the episode years", " ".join(events.replace("#", " ").split()))

    def test_baseline_unchanged(self):
        """Without --cutoff the script writes the baseline's committed tables."""
        out = self.dir / "out"
        derive("--out", out)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(BASELINE_TABLES))
        self.assert_same(out, BASELINE_DIR, BASELINE_TABLES)


def header_of(path):
    """The '#' lines of a table, joined into one line of single spaces."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return " ".join(" ".join(l[1:].split()) for l in lines if l.startswith("#"))


@unittest.skipUnless((SHARED / "SOURCES.md").is_file(), "shared data folder not found: %s" % SHARED)
class BacktestLabourCutoff(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kfsim-backtest-labour-")
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    assert_same = BacktestCutoff.assert_same

    def test_no_data_after_the_cutoff(self):
        shared, out = self.dir / "shared", self.dir / "out"
        shared.mkdir()
        counts = cut(SHARED, shared, CUTOFF, LABOUR_INPUTS, LABOUR_KEPT)
        # the cut removes something where the data go past 2014 (so that the test has teeth)
        for name, (kept, dropped) in counts.items():
            if name in ("employment_by_industry_norway_ssb13470_2022.csv", "education_level_municipality_2017.csv",
                        "nav_bedriftsundersokelse_2017_shortage_by_occupation_county.csv", "labour_shortage_nav.csv"):
                self.assertEqual(kept, 0, name)   # wholly after the cut-off: the back-test must not need them
        for name in ("population_age_sex_2005_2024_2024borders.csv", "employment_totals.csv", "employment_rates.csv",
                     "commuting_indicators.csv", "employment_employees_by_industry_norway_nav_2009_2023.csv",
                     "education_higher_share_points.csv", "unemployment_nav_monthly_2011_2024_county31.csv",
                     "disability_nav_nedsatt_arbeidsevne_monthly_2011_2024.csv"):
            self.assertGreater(counts[name][1], 0, name)
        derive("--cutoff", CUTOFF, "--shared", shared, "--out", out, script=LABOUR_SCRIPT)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(LABOUR_BACKTEST_TABLES))
        self.assert_same(out, LABOUR_BACKTEST_DIR, LABOUR_BACKTEST_TABLES)

    def test_committed_backtest_tables(self):
        """On the full data the script writes the committed folder; every table says it is a back-test table, its
        windows, and every shared file it still takes a post-2014 figure from."""
        out = self.dir / "out"
        log = derive("--cutoff", CUTOFF, "--out", out, script=LABOUR_SCRIPT)
        self.assertIn("start 1 January 2015", log)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(LABOUR_BACKTEST_TABLES))
        self.assert_same(out, LABOUR_BACKTEST_DIR, LABOUR_BACKTEST_TABLES)
        headers = {name: header_of(LABOUR_BACKTEST_DIR / name) for name in LABOUR_BACKTEST_TABLES}
        for name, header in headers.items():
            with self.subTest(table=name):
                self.assertIn(PHRASE, header)
                self.assertIn("Windows used:", header)
        for name in LABOUR_KEPT:
            with self.subTest(kept=name):
                self.assertTrue(any(name in h and LABOUR_NO_DATA in h for h in headers.values()), name)
        self.assertTrue((LABOUR_BACKTEST_DIR / "SOURCES.md").is_file())

    def test_baseline_unchanged(self):
        """Without --cutoff the script writes the baseline's committed labour tables."""
        out = self.dir / "out"
        derive("--out", out, script=LABOUR_SCRIPT)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(LABOUR_BASELINE_TABLES))
        self.assert_same(out, LABOUR_BASELINE_DIR, LABOUR_BASELINE_TABLES)


if __name__ == "__main__":
    unittest.main()
