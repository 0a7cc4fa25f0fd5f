"""The back-test's demography tables (scenarios/data/backtest_2015/, written by
scenarios/data/derive/derive_demography.py --cutoff 2014) use no data after 2014.

The leak test copies every shared file the script reads into a temporary folder, removes from each
every row of a year after 2014, runs the script on that folder and asserts each table byte for
byte equal to the committed one. migration_events.csv is the exception by design: the refugee
episodes' sizes come from the episode years (2015-2016, 2022-2023), so the leak run leaves it out
(--no-events) and a run on the full data checks it. A run without --cutoff reproduces the baseline's
committed tables.

Needs the shared Østfold data folder next to the repository (../shared/data/ostfold); skipped
without it. The script takes well under a second a run."""
import csv
import pathlib
import re
import subprocess
import tempfile
import unittest

from kfsim_testing import SOURCE

SCRIPT = SOURCE / "scenarios" / "data" / "derive" / "derive_demography.py"
SHARED = SOURCE.parent / "shared" / "data" / "ostfold"
BASELINE_DIR = SOURCE / "scenarios" / "data"
BACKTEST_DIR = BASELINE_DIR / "backtest_2015"
CUTOFF = 2014
PHRASE = "estimated from data up to 2014 only (back-test cut-off)"
BASELINE_TABLES = ("municipalities.csv", "population_2024.csv", "mortality.csv", "fertility.csv", "migration.csv",
                   "migration_events.csv", "demography_parameters.csv")
BACKTEST_TABLES = ("municipalities.csv", "population_2015.csv", "mortality.csv", "fertility.csv", "migration.csv",
                   "migration_events.csv", "demography_parameters.csv")


def leading_year(value):
    """'2008', '2003Q1-Q3', '2005Q4', '2007 (table published May 2008)': the year the data are of."""
    return int(re.match(r"\d{4}", value).group())


def last_year(value):
    """'2005' or 'avg_1968_1969' (a mean over years): the last year behind the value."""
    return int(re.findall(r"\d{4}", value)[-1])


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


def cut(source, target, cutoff):
    """Copies the shared files into `target`, dropping the rows of a year after `cutoff`; returns
    {file: (rows kept, rows dropped)}."""
    counts = {}
    for name, rule in INPUTS.items():
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
        kept = [r for r in rows if year_of(r[i]) <= cutoff]
        with open(dst, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(kept)
        counts[name] = (len(kept), len(rows) - len(kept))
    return counts


def derive(*args):
    result = subprocess.run(["/usr/bin/python3", str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise AssertionError("derive_demography.py %s failed:\n%s%s" % (" ".join(map(str, args)), result.stdout,
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


if __name__ == "__main__":
    unittest.main()
