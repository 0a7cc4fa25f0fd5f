"""Running the demography alone (scenario key models = "demography"): its results equal the
whole model's where nothing couples them, it is the same for any thread or process count, and
kfsim's other commands read its files."""
import csv
import io
import pathlib
import subprocess
import unittest

import h5py
import numpy as np

from kfsim_testing import (KFSIM, MPI_BUILD, MPI_ENV, MPIEXEC, run_kfsim, scratch_dir,
                           write_short_scenario)


def datasets(path):
    """Every numeric dataset of a file, by name (coordinates included)."""
    with h5py.File(path, "r") as f:
        return {name: f[name][()] for name in f if f[name].dtype.kind in "iuf"}


class DemographyAlone(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.scenario = write_short_scenario(cls.dir, end="2026-12")
        # The whole model with migration's response to the labour market switched off (the
        # baseline's in-migration elasticity is 0.1): then nothing the labour market or
        # education does reaches the demography (the baseline adds no study places, so no
        # graduates settle from elsewhere).
        cls.full = cls.dir / "full.h5"
        cls.alone = cls.dir / "alone.h5"
        cls.alone_two_threads = cls.dir / "alone_t2.h5"
        runs = [
            (cls.full, ["--set", "demography.in_migration_tightness_elasticity=0", "-t", 1]),
            (cls.alone, ["--set", "models=demography", "-t", 1]),
            (cls.alone_two_threads, ["--set", "models=demography", "-t", 2]),
        ]
        cls.outputs = {}
        for path, args in runs:
            result = run_kfsim("run", cls.scenario, *args, "-o", path)
            assert result.returncode == 0, result.stderr
            cls.outputs[path] = result.stdout

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_holds_the_demography_measures_only(self):
        alone, full = datasets(self.alone), datasets(self.full)
        self.assertIn("population_end", alone)
        for labour in ("competence_gap", "employed_monthly", "programme_admitted"):
            self.assertNotIn(labour, alone)
        self.assertLess(set(alone), set(full))

    def test_equals_the_whole_model_without_the_coupling(self):
        # Bit for bit: every measure of the demography (summaries over replicates included),
        # although the run alone keeps the default elasticity: it sees the neutral tightness.
        alone, full = datasets(self.alone), datasets(self.full)
        differing = [name for name in alone if not np.array_equal(alone[name], full[name])]
        self.assertEqual(differing, [])

    def test_is_the_same_for_any_thread_count(self):
        one, two = datasets(self.alone), datasets(self.alone_two_threads)
        self.assertEqual(sorted(one), sorted(two))
        self.assertEqual([name for name in one if not np.array_equal(one[name], two[name])], [])

    def test_run_reports_the_population_and_no_labour_market(self):
        output = self.outputs[self.alone]
        self.assertIn("population 2026 (end)", output)
        self.assertIn("demography alone", output)
        self.assertNotIn("employed residents", output)
        self.assertIn("person-months per second", output)

    def test_info_describes_the_file(self):
        result = run_kfsim("info", self.alone)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("population_end", result.stdout)
        self.assertIn('models = "demography"', result.stdout)

    def test_compare_sets_populations_side_by_side(self):
        # A file of the whole model against one of the demography alone: compared on what both
        # hold, the population, and with nothing coupling them the change is exactly 0.
        result = run_kfsim("compare", self.full, self.alone, "--years", "2026", "--csv", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        self.assertEqual(len(rows), 2 * 12)  # two files, twelve municipalities
        self.assertIn("population_mean", rows[0])
        self.assertNotIn("rating", rows[0])
        changes = [row["change_mean"] for row in rows if row["change_mean"]]
        self.assertEqual(changes, ["0"] * 12)
        halden = [row for row in rows if row["municipality"] == "3101"]
        self.assertEqual(halden[0]["municipality_name"], "Halden")

        table = run_kfsim("compare", self.alone, self.alone_two_threads, "--years", "2026")
        self.assertEqual(table.returncode, 0, table.stderr)
        self.assertIn("Population: residents on 31 December by municipality", table.stdout)
        self.assertIn("municipality", table.stdout)
        self.assertNotIn("rating", table.stdout)

    def test_brief_says_it_needs_the_labour_market(self):
        result = run_kfsim("brief", self.alone, "-o", self.dir / "brief.html", "--no-pdf")
        self.assertEqual(result.returncode, 2)
        self.assertIn("holds no labour-market measures", result.stderr)
        self.assertIn('models = "all"', result.stderr)
        self.assertFalse((self.dir / "brief.html").exists())

    def test_an_unknown_value_is_refused(self):
        result = run_kfsim("run", self.scenario, "--set", "models=labour", "-o",
                           self.dir / "bad.h5")
        self.assertEqual(result.returncode, 2)
        self.assertIn("key 'models'", result.stderr)
        self.assertIn('expected one of "all", "demography"', result.stderr)
        self.assertFalse((self.dir / "bad.h5").exists())


@unittest.skipUnless(MPI_BUILD, "kfsim built without MPI (cmake -DKFSIM_MPI=OFF)")
class DemographyAloneUnderMpi(unittest.TestCase):
    def test_two_processes_give_the_single_process_result(self):
        with scratch_dir() as tmp:
            folder = pathlib.Path(tmp)
            scenario = write_short_scenario(folder, end="2025-06", extra='models = "demography"')
            single, spread = folder / "single.h5", folder / "mpi.h5"
            result = run_kfsim("run", scenario, "-r", 3, "-t", 1, "-o", single, "--quiet")
            self.assertEqual(result.returncode, 0, result.stderr)
            result = subprocess.run([MPIEXEC, "-np", "2", KFSIM, "run", str(scenario), "-r", "3",
                                     "-t", "1", "-o", str(spread), "--quiet"],
                                    capture_output=True, text=True, timeout=600, env=MPI_ENV)
            self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
            one, two = datasets(single), datasets(spread)
            self.assertEqual(sorted(one), sorted(two))
            self.assertEqual([n for n in one if not np.array_equal(one[n], two[n])], [])
            self.assertNotIn("competence_gap", one)


if __name__ == "__main__":
    unittest.main()
