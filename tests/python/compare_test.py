"""kfsim compare as an analyst uses it: a scenario that differs from the baseline
only in its name changes no gap (common random numbers), a policy's changes are
the paired differences and percentiles numpy computes from the files, and files
that cannot be compared are refused with exit code 2 and the file named."""
import csv
import io
import math
import pathlib
import shutil
import unittest

import h5py
import numpy as np

from kfsim_testing import BASELINE, SHARED_REPLICATES, run_kfsim, scratch_dir, shared_run

MEASURES = ["gap_mean", "gap_p5", "gap_p95", "change_mean", "change_p5", "change_p95"]


def read_gaps(path):
    """competence_gap and competence_rating (replicate, year, competence), years, codes."""
    with h5py.File(path, "r") as f:
        labels = [n.decode() if isinstance(n, bytes) else str(n) for n in f["competence_name"][()]]
        return (f["competence_gap"][()], f["competence_rating"][()], list(f["year"][()]),
                [label.split(": ", 1)[0] for label in labels])


def majority(ratings, mean_gap):
    """The rating most replicates give; ties to balance, then to the mean gap's sign."""
    counts = {r: int(np.sum(ratings == r)) for r in (-1, 0, 1)}
    most = max(counts.values())
    if counts[0] == most:
        rating = 0
    elif counts[1] == most and counts[-1] == most:
        rating = -1 if mean_gap < 0 else 1
    else:
        rating = 1 if counts[1] == most else -1
    return {1: "shortage", 0: "balance", -1: "surplus"}[rating], counts[rating] / len(ratings)


class Compare(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The shared runs (3 replicates to 2027-12): the baseline, and the demand swing, whose
        # downturn from 2026 changes the gaps within them.
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.base = shared_run("baseline")
        cls.policy = shared_run("demand_swing")
        # The same results under another scenario name.
        cls.renamed = cls.dir / "renamed.h5"
        shutil.copyfile(cls.base, cls.renamed)
        with h5py.File(cls.renamed, "r+") as f:
            f.attrs["kfsim_scenario_name"] = "baseline_renamed"

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def compare_csv(self, *files, years="2026,2027"):
        result = run_kfsim("compare", *files, "--years", years, "--csv", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        return list(csv.DictReader(io.StringIO(result.stdout)))

    def test_same_scenario_under_another_name_changes_nothing(self):
        rows = self.compare_csv(self.base, self.renamed)
        renamed = [row for row in rows if row["scenario"] == "baseline_renamed"]
        self.assertEqual(len(renamed), 2 * 26)
        for row in renamed:
            for measure in ("change_mean", "change_p5", "change_p95"):
                self.assertEqual(float(row[measure]), 0.0, row)
        baseline = [row for row in rows if row["scenario"] == "baseline"]
        for row, other in zip(baseline, renamed):
            self.assertEqual(row["gap_mean"], other["gap_mean"])
            self.assertEqual(row["rating"], other["rating"])
            self.assertEqual(row["change_mean"], "")  # the baseline has no change: NA

    def test_policy_changes_are_numpys_paired_differences(self):
        rows = self.compare_csv(self.base, self.policy)
        self.assertEqual(len(rows), 2 * 26 * 2)
        self.assertEqual(list(rows[0].keys()),
                         ["year", "competence", "competence_name", "scenario", *MEASURES,
                          "rating", "rating_share", "replicates", "interval"])
        base_gap, base_rating, years, codes = read_gaps(self.base)
        policy_gap, policy_rating, _, _ = read_gaps(self.policy)
        nonzero = 0
        for row in rows:
            y = years.index(int(row["year"]))
            c = codes.index(row["competence"])
            self.assertEqual(int(row["replicates"]), SHARED_REPLICATES)
            is_base = row["scenario"] == "baseline"
            self.assertIn(row["scenario"], ("baseline", "demand_swing"))
            gap = (base_gap if is_base else policy_gap)[:, y, c]
            ratings = (base_rating if is_base else policy_rating)[:, y, c]
            expected = {"gap_mean": gap.mean(), "gap_p5": np.percentile(gap, 5),
                        "gap_p95": np.percentile(gap, 95)}
            if not is_base:
                change = policy_gap[:, y, c] - base_gap[:, y, c]
                expected.update(change_mean=change.mean(), change_p5=np.percentile(change, 5),
                                change_p95=np.percentile(change, 95))
                nonzero += int(np.any(change != 0))
            for measure, value in expected.items():
                self.assertTrue(math.isclose(float(row[measure]), value, rel_tol=1e-12,
                                             abs_tol=1e-9), (row, measure, value))
            rating, share = majority(ratings, gap.mean())
            self.assertEqual(row["rating"], rating, row)
            self.assertAlmostEqual(float(row["rating_share"]), share, places=12)
        self.assertGreater(nonzero, 0, "the demand downturn changed no gap")

    def test_table_shows_gaps_changes_and_intervals(self):
        result = run_kfsim("compare", self.base, self.renamed, self.policy, "--years", "2026")
        self.assertEqual(result.returncode, 0, result.stderr)
        for text in ("2026", "baseline", "baseline_renamed", "demand_swing", "gap", "change",
                     "90 % interval", "PRIM", "BA_NURS", "%)"):
            self.assertIn(text, result.stdout)
        self.assertLessEqual(max(len(line) for line in result.stdout.splitlines()), 120)
        self.assertEqual(result.stderr, "")
        # What the interval holds, and that three runs are few.
        self.assertIn(f"spread over {SHARED_REPLICATES} runs (random variation only)",
                      result.stdout)
        self.assertIn(f"Warning: {SHARED_REPLICATES} replicates", result.stdout)
        rows = self.compare_csv(self.base, self.policy, years="2026")
        self.assertEqual({row["interval"] for row in rows}, {"random_only"})

    def test_csv_file_and_table_together(self):
        out = self.dir / "table.csv"
        result = run_kfsim("compare", self.base, self.policy, "--years", "2026", "--csv", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("demand_swing", result.stdout)
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 26 * 2)
        self.assertEqual({row["year"] for row in rows}, {"2026"})

    def test_csv_never_replaces_an_input_and_an_existing_file_only_with_force(self):
        before = self.renamed.read_bytes()
        result = run_kfsim("compare", self.renamed, self.policy, "--years", "2026",
                           "--csv", self.renamed, "--force")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("is one of this command's inputs", result.stderr)
        self.assertEqual(self.renamed.read_bytes(), before)
        out = self.dir / "kept.csv"
        out.write_text("precious\n", encoding="utf-8")
        result = run_kfsim("compare", self.base, self.policy, "--years", "2026", "--csv", out)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("already exists; use --force", result.stderr)
        self.assertEqual(out.read_text(encoding="utf-8"), "precious\n")
        result = run_kfsim("compare", self.base, self.policy, "--years", "2026", "--csv", out,
                           "--force")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(out.read_text(encoding="utf-8").startswith("year,"))
        self.assertEqual(list(self.dir.glob(".*partial*")), [])

    def test_default_years_outside_the_files_are_dropped_with_a_note(self):
        result = run_kfsim("compare", self.base, self.policy, "--csv", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("note", result.stderr)
        self.assertIn("2030", result.stderr)
        years = {row["year"] for row in csv.DictReader(io.StringIO(result.stdout))}
        self.assertEqual(years, {"2027"})  # the last year the files hold

    def test_a_year_the_files_do_not_hold_is_an_error(self):
        result = run_kfsim("compare", self.base, self.policy, "--years", "2026,2040")
        self.assertEqual(result.returncode, 2)
        self.assertIn("2040", result.stderr)
        self.assertIn("2024–2027", result.stderr)
        self.assertEqual(run_kfsim("compare", self.base, self.policy, "--years", "soon").returncode,
                         2)

    def test_missing_file_is_named(self):
        missing = self.dir / "no_such_result.h5"
        result = run_kfsim("compare", self.base, missing)
        self.assertEqual(result.returncode, 2)
        self.assertIn(str(missing), result.stderr)
        self.assertIn("no such file", result.stderr)

    def test_hdf5_file_that_is_not_a_result_is_named(self):
        other = self.dir / "other.h5"
        with h5py.File(other, "w") as f:
            f["temperature"] = np.arange(3.0)
        result = run_kfsim("compare", self.base, other)
        self.assertEqual(result.returncode, 2)
        self.assertIn(str(other), result.stderr)
        self.assertIn("not a kfsim result", result.stderr)

    def test_usage_errors(self):
        self.assertEqual(run_kfsim("compare").returncode, 2)
        self.assertEqual(run_kfsim("compare", self.base).returncode, 2)
        self.assertEqual(run_kfsim("compare", "--help").returncode, 0)
        self.assertIn("kfsim compare", run_kfsim("--help").stdout)

    def test_files_over_other_years_or_seeds(self):
        shorter = self.dir / "shorter.h5"
        result = run_kfsim("run", BASELINE, "-o", shorter, "--set", 'end="2024-12"', "--set",
                           "replicates=3", "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run_kfsim("compare", self.base, shorter)
        self.assertEqual(result.returncode, 2)
        self.assertIn(str(shorter), result.stderr)
        self.assertIn("2024–2027", result.stderr)

        reseeded = self.dir / "reseeded.h5"
        result = run_kfsim("run", BASELINE, "-o", reseeded, "--seed", "1", "--set",
                           'end="2024-12"', "--set", "replicates=3", "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run_kfsim("compare", shorter, reseeded, "--years", "2024", "--csv", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("warning", result.stderr)
        self.assertIn("not common random numbers", result.stderr)
        changes = [float(row["change_mean"]) for row in csv.DictReader(io.StringIO(result.stdout))
                   if row["change_mean"]]
        self.assertTrue(any(change != 0 for change in changes))


if __name__ == "__main__":
    unittest.main()
