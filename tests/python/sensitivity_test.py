"""The sensitivity ranking (notebooks/sensitivity.py) on synthetic result files with a known
answer: one drawn key drives one headline, another key drives another, the rest are noise.
Asserted: the driving key is ranked first for its headline (PRCC with enough replicates, and
the Spearman fallback with few), with the sign of its effect; a file without draws is refused
with a clear message; the CSV and the tornado chart are written."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import xarray as xr

from kfsim_testing import SOURCE

sys.path.insert(0, str(SOURCE / "notebooks"))
import sensitivity  # noqa: E402

KEYS = ["demography.in_migration_scale", "labour.retirement_scale",
        "labour.care_standard_growth", "labour.unfilled_withdrawal_months"]
OCCUPATIONS = [222, 5321, 711, 712, 741, 52]


def synthetic(path, replicates, with_draws=True, seed=7):
    """A result file of the layout the script reads: the nurses' shortage in 2035 rises with
    care_standard_growth (key 2), the county's surplus falls with retirement_scale (key 1), and
    everything else is noise."""
    rng = np.random.default_rng(seed)
    # A Latin hypercube in [0, 1) for each key.
    draws = np.column_stack([(rng.permutation(replicates) + rng.random(replicates)) / replicates
                             for _ in KEYS])
    years = np.array([2034, 2035])
    shortage = rng.normal(100, 10, (replicates, 2, 2, len(OCCUPATIONS)))
    shortage[:, 1, 1, 0] += 400 * draws[:, 2]  # nurses, 2035, inside Østfold
    surplus = rng.normal(50, 5, (replicates, 2, 3))
    surplus[:, 1, 0] -= 300 * draws[:, 1]
    months = np.array([y * 100 + m for y in years for m in range(1, 13)])
    data = {
        "shortage_by_occupation": (("replicate", "year", "work_area", "occupation"), shortage),
        "competence_surplus": (("replicate", "year", "competence"), surplus),
        "unemployment_rate_monthly": (("replicate", "month"),
                                      rng.normal(0.03, 0.001, (replicates, len(months)))),
    }
    coords = {"replicate": np.arange(replicates), "year": years, "work_area": [0, 3101],
              "occupation": OCCUPATIONS, "competence": [0, 1, 2], "month": months}
    if with_draws:
        data["parameter_value"] = (("replicate", "parameter"), draws)
        coords["parameter"] = np.arange(len(KEYS))
        coords["parameter_name"] = ("parameter", KEYS)
    xr.Dataset(data, coords=coords).to_netcdf(path, engine="h5netcdf")
    return path


class Sensitivity(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="kfsim-sensitivity-")
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def first(self, rows, headline):
        return next(r for r in rows if r["headline"] == headline and r["rank"] == 1)

    def test_the_driving_key_comes_first(self):
        rows = sensitivity.sensitivity(synthetic(self.dir / "many.h5", 40), 2035)
        nurses = self.first(rows, "shortage: nurses (222)")
        self.assertEqual(nurses["key"], "labour.care_standard_growth")
        self.assertGreater(nurses["coefficient"], 0.8)
        self.assertLess(nurses["p_value"], 0.001)
        self.assertEqual(nurses["method"], "PRCC")
        surplus = self.first(rows, "surplus: county, all competences")
        self.assertEqual(surplus["key"], "labour.retirement_scale")
        self.assertLess(surplus["coefficient"], -0.8)

    def test_few_replicates_fall_back_to_spearman(self):
        rows = sensitivity.sensitivity(synthetic(self.dir / "few.h5", 5), 2035)
        nurses = self.first(rows, "shortage: nurses (222)")
        self.assertEqual(nurses["key"], "labour.care_standard_growth")
        self.assertTrue(nurses["method"].startswith("Spearman (only 5 replicates for 4 keys"))

    def test_prcc_of_a_linear_model(self):
        rng = np.random.default_rng(1)
        X = rng.random((50, 3))
        y = 5 * X[:, 0] - 2 * X[:, 2] + 0.01 * rng.random(50)
        coefficients, p, method = sensitivity.prcc(X, y)
        self.assertEqual(method, "PRCC")
        self.assertGreater(coefficients[0], 0.95)
        self.assertLess(coefficients[2], -0.9)
        self.assertLess(abs(coefficients[1]), 0.5)

    def test_command_writes_table_csv_and_chart(self):
        path = synthetic(self.dir / "run.h5", 20)
        out = self.dir / "out"
        done = subprocess.run([sys.executable, str(SOURCE / "notebooks" / "sensitivity.py"),
                               str(path), "--year", "2035", "--out", str(out)],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("1. labour.care_standard_growth", done.stdout)
        self.assertTrue((out / "sensitivity_2035.csv").read_text().startswith(
            "headline,key,coefficient,p_value,rank,method"))
        self.assertGreater((out / "tornado_2035.png").stat().st_size, 10_000)

    def test_a_file_without_draws_is_refused(self):
        path = synthetic(self.dir / "plain.h5", 10, with_draws=False)
        done = subprocess.run([sys.executable, str(SOURCE / "notebooks" / "sensitivity.py"),
                               str(path)], capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 2)
        self.assertIn("drew no [uncertainty] keys", done.stderr)


if __name__ == "__main__":
    unittest.main()
