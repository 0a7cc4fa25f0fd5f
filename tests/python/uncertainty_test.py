"""Parameter uncertainty: a scenario's [uncertainty] table, drawn per replicate.

Asserted: each replicate's drawn values are in the result file (parameter_value, with the keys'
names, distributions and reasons) and cover each key's range as a Latin hypercube does (one
replicate per stratum); the drawn values are what the replicate ran with (more in-movers where
the in-migration scale is higher); draws and results are bit-identical for 1 and 2 threads and
for 1 and 2 MPI processes; the table with every key fixed by --set gives, bit for bit, the run
without the table; the file and the run report say what the spread holds (parameter and random
variation, or random variation only), and so does `kfsim compare`; `kfsim check` lists the draws; a bad table is refused
with file, line and key.
"""
import pathlib
import subprocess
import unittest

import h5py
import numpy as np

from kfsim_testing import (KFSIM, MPI_BUILD, MPI_ENV, MPIEXEC, SANITIZED, run_kfsim,
                           scratch_dir, write_short_scenario)
from ensemble_test import assert_same_results

REPLICATES = 4
TABLE = """[uncertainty]
"demography.in_migration_scale" = { distribution = "triangular", min = 0.7, mode = 1.0, max = 1.3, reason = "test range" }
labour.unfilled_withdrawal_months = { distribution = "uniform", min = 6, max = 18, reason = "test range" }
education.places_scale.HIO_NURS = { distribution = "normal", mean = 1.0, sd = 0.1, min = 0.8, max = 1.2, reason = "test range" }
"""
KEYS = ["demography.in_migration_scale", "labour.unfilled_withdrawal_months",
        "education.places_scale.HIO_NURS"]


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def labels(f, name):
    return [text(v) for v in f[name][()]]


class Uncertainty(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.scenario = write_short_scenario(cls.dir, end="2024-12", extra=TABLE)
        cls.files = {}
        cls.reports = {}
        # The sanitizer pass reads the draws and the file; the thread and process counts are
        # compared in the Release pass (and the threads under ThreadSanitizer).
        for threads in (1,) if SANITIZED else (1, 2):
            path = cls.dir / f"t{threads}.h5"
            result = run_kfsim("run", cls.scenario, "-r", REPLICATES, "-t", threads, "-o", path)
            assert result.returncode == 0, result.stderr
            cls.files[threads] = path
            cls.reports[threads] = result.stdout

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_draws_are_recorded_and_cover_each_range(self):
        with h5py.File(self.files[1], "r") as f:
            self.assertEqual(labels(f, "parameter_name"), KEYS)
            self.assertIn("triangular(min 0.7, mode 1, max 1.3)", labels(f, "parameter_distribution"))
            self.assertEqual(labels(f, "parameter_reason"), ["test range"] * 3)
            values = f["parameter_value"][()]
            self.assertEqual(values.shape, (REPLICATES, 3))
            self.assertEqual(f.attrs["kfsim_parameter_uncertainty"], 1)
            self.assertEqual(text(f.attrs["kfsim_interval"]),
                             "uncertainty interval: parameter and random variation over 4 runs")
        # The uniform integer key over 6..18: 13 values in 4 strata of 3.25 each.
        months = values[:, 1]
        self.assertTrue(np.all(months == np.round(months)))
        strata = np.floor((months - 5.5) / 13 * REPLICATES).astype(int)
        self.assertEqual(sorted(strata), list(range(REPLICATES)))
        self.assertTrue(np.all((values[:, 2] >= 0.8) & (values[:, 2] <= 1.2)))
        self.assertEqual(len(set(values[:, 0])), REPLICATES)

    def test_each_replicate_runs_with_its_draws(self):
        with h5py.File(self.files[1], "r") as f:
            scale = f["parameter_value"][:, 0]
            movers = f["in_migration_from_outside"][()].reshape(REPLICATES, -1).sum(axis=1)
        # The in-migration scale spans 0.7-1.3; random variation in a year's movers is ~1 %.
        self.assertEqual(list(np.argsort(scale)), list(np.argsort(movers)))

    @unittest.skipIf(SANITIZED, "compared in the Release pass")
    def test_the_same_for_any_thread_count(self):
        assert_same_results(self, self.files[1], self.files[2])

    def test_report_says_what_the_spread_holds(self):
        self.assertIn("3 keys of [uncertainty] drawn per replicate", self.reports[1])
        self.assertIn("parameter and random variation over 4 runs", self.reports[1])
        self.assertIn("fewer than 10 runs", self.reports[1])

    def test_every_key_fixed_gives_the_run_without_the_table(self):
        fixed = self.dir / "fixed.h5"
        result = run_kfsim("run", self.scenario, "-r", 2, "-t", 2, "-o", fixed, "--quiet",
                           "--set", "demography.in_migration_scale=1.0",
                           "--set", "labour.unfilled_withdrawal_months=12",
                           "--set", "education.places_scale.HIO_NURS=1.0")
        self.assertEqual(result.returncode, 0, result.stderr)
        (self.dir / "plain").mkdir()
        plain_scenario = write_short_scenario(self.dir / "plain", end="2024-12")
        plain = self.dir / "plain.h5"
        result = run_kfsim("run", plain_scenario, "-r", 2, "-t", 2, "-o", plain, "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        assert_same_results(self, fixed, plain)
        with h5py.File(plain, "r") as f:
            self.assertNotIn("parameter_value", f)
            self.assertEqual(f.attrs["kfsim_parameter_uncertainty"], 0)
            self.assertEqual(text(f.attrs["kfsim_interval"]), "spread over 2 runs (random variation only)")

    def test_check_lists_the_table_and_the_draws(self):
        result = run_kfsim("check", self.scenario, "--set", f"replicates={REPLICATES}")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("# [uncertainty]: 3 keys", result.stdout)
        self.assertIn("#   labour.unfilled_withdrawal_months ~ uniform(min 6, max 18)  (test range;",
                      result.stdout)
        with h5py.File(self.files[1], "r") as f:
            first = f["parameter_value"][0, 1]
        self.assertIn(f"#   replicate 0: demography.in_migration_scale = ", result.stdout)
        self.assertIn(f"labour.unfilled_withdrawal_months = {int(first)},", result.stdout)

    def test_a_bad_table_names_file_line_and_key(self):
        (self.dir / "bad").mkdir()
        bad = write_short_scenario(self.dir / "bad",
                                   extra='[uncertainty]\nlabour.retirement_scale = '
                                         '{ distribution = "uniform", min = 1.2, max = 0.8, reason = "r" }\n')
        result = run_kfsim("check", bad)
        self.assertEqual(result.returncode, 2)
        self.assertIn("bad/short.toml:6:27:", result.stderr)
        self.assertIn("key 'uncertainty.labour.retirement_scale.max'", result.stderr)
        self.assertIn("expected min < max", result.stderr)

    def test_compare_says_the_interval_holds_parameter_uncertainty(self):
        other = self.files[max(self.files)]
        result = run_kfsim("compare", self.files[1], other, "--years", "2024")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("an uncertainty interval, parameter and random variation", result.stdout)
        self.assertIn("Warning: 4 replicates", result.stdout)
        result = run_kfsim("compare", self.files[1], other, "--years", "2024", "--csv", "-")
        self.assertIn(",4,parameter_and_random", result.stdout)

    @unittest.skipUnless(MPI_BUILD and not SANITIZED,
                         "kfsim built without MPI, or the sanitizer pass (compared in Release)")
    def test_two_processes_draw_and_run_as_one(self):
        spread = self.dir / "mpi.h5"
        result = subprocess.run([MPIEXEC, "-np", "2", KFSIM, "run", str(self.scenario), "-r",
                                 str(REPLICATES), "-t", "1", "-o", str(spread), "--quiet"],
                                capture_output=True, text=True, timeout=900, env=MPI_ENV)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        assert_same_results(self, self.files[1], spread)


if __name__ == "__main__":
    unittest.main()
