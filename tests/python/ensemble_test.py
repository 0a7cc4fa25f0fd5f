"""Ensembles: replicates side by side, summaries across them, sweeps, MPI processes, and
what an interrupted or failed ensemble leaves behind. Results must be bit-identical for any
thread count and any number of processes."""
import csv
import os
import pathlib
import signal
import subprocess
import time
import unittest

import h5py
import numpy as np

from kfsim_testing import (KFSIM, MPI_BUILD, MPI_ENV, MPIEXEC, run_kfsim, scratch_dir,
                           write_short_scenario)


def data_variables(path):
    """Every numeric dataset of a file, by name (coordinates included)."""
    with h5py.File(path, "r") as f:
        return {name: f[name][()] for name in f if f[name].dtype.kind in "iuf"}


def assert_same_results(test, a, b):
    va, vb = data_variables(a), data_variables(b)
    test.assertEqual(sorted(va), sorted(vb))
    differing = [name for name in va if not np.array_equal(va[name], vb[name])]
    test.assertEqual(differing, [], f"{a} and {b} differ")


def leftovers(directory):
    return sorted(p.name for p in pathlib.Path(directory).iterdir() if "partial" in p.name)


class Ensembles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.scenario = write_short_scenario(cls.dir, end="2025-06")
        cls.one_thread = cls.dir / "r3_t1.h5"
        cls.two_threads = cls.dir / "r3_t2.h5"
        for path, threads in ((cls.one_thread, 1), (cls.two_threads, 2)):
            result = run_kfsim("run", cls.scenario, "--replicates", 3, "--threads", threads,
                               "-o", path, "--quiet")
            assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_replicates_are_the_same_for_any_thread_count(self):
        assert_same_results(self, self.one_thread, self.two_threads)

    def test_replicates_are_independent_and_recorded(self):
        with h5py.File(self.one_thread, "r") as f:
            self.assertEqual(f.attrs["kfsim_replicates"], 3)
            self.assertEqual(list(f["replicate"][()]), [0, 1, 2])
            births = f["births"][()]
            self.assertEqual(births.shape[0], 3)
            self.assertFalse(np.array_equal(births[0], births[1]))

    def test_single_run_is_replicate_zero_of_the_ensemble(self):
        single = self.dir / "r1.h5"
        result = run_kfsim("run", self.scenario, "-o", single, "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        with h5py.File(single, "r") as one, h5py.File(self.one_thread, "r") as many:
            for name in ("population_end", "competence_gap", "hires", "programme_admitted"):
                np.testing.assert_array_equal(one[name][0], many[name][0], err_msg=name)

    def test_summaries_are_numpy_mean_and_percentiles(self):
        with h5py.File(self.one_thread, "r") as f:
            for name in ("competence_gap", "employed_monthly", "population_end"):
                values = f[name][()].astype(float)
                np.testing.assert_allclose(f[name + "_mean"][()], values.mean(axis=0),
                                           rtol=1e-13, atol=0)
                for suffix, q in (("_p05", 5), ("_p50", 50), ("_p95", 95)):
                    np.testing.assert_array_equal(
                        f[name + suffix][()], np.percentile(values, q, axis=0),
                        err_msg=name + suffix)
                summary = f[name + "_p95"]
                self.assertEqual(summary.attrs["kfsim_summary_of"].decode(), name)
                self.assertIn("replicate: percentile 95", summary.attrs["cell_methods"].decode())
                self.assertEqual(summary.shape, f[name].shape[1:])

    def test_failed_run_names_its_task_and_writes_nothing(self):
        out = self.dir / "fault.h5"
        env = dict(os.environ, KFSIM_FAULT_TASK="2")
        result = run_kfsim("run", self.scenario, "-r", 3, "-o", out, env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("replicate 2", result.stderr)
        self.assertIn("KFSIM_FAULT_TASK", result.stderr)
        self.assertFalse(out.exists())
        self.assertEqual(leftovers(self.dir), [])


class Sweeps(unittest.TestCase):
    def setUp(self):
        self.tmp = scratch_dir()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write_sweep(self, body):
        return write_short_scenario(self.dir, end="2024-12", extra="[sweep]\n" + body)

    def test_grid_writes_a_file_per_point_and_an_index(self):
        scenario = self.write_sweep("labour.outside_search_rate = [0.02, 0.05]\n"
                                    "demography.fertility_scale = [1.0, 1.3]\n")
        check = run_kfsim("check", scenario)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("4 points", check.stdout)
        out = self.dir / "out" / "sweep.h5"
        out.parent.mkdir()
        result = run_kfsim("run", scenario, "-o", out, "-r", 2)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("sweep.sweep.csv", result.stdout)
        with open(out.parent / "sweep.sweep.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["file"] for r in rows],
                         [f"sweep.point-00{i}.h5" for i in range(4)])
        self.assertEqual([(r["labour.outside_search_rate"], r["demography.fertility_scale"])
                          for r in rows],
                         [("0.02", "1.0"), ("0.02", "1.3"), ("0.05", "1.0"), ("0.05", "1.3")])
        births = []
        for i, row in enumerate(rows):
            with h5py.File(out.parent / row["file"], "r") as f:
                self.assertEqual(f.attrs["kfsim_sweep_point"], i)
                self.assertIn("labour.outside_search_rate = " + row["labour.outside_search_rate"],
                              f.attrs["kfsim_sweep_values"].decode())
                scenario_text = f.attrs["kfsim_scenario"].decode()
                self.assertIn("fertility_scale = " + row["demography.fertility_scale"],
                              scenario_text)
                self.assertIn("sweep point", scenario_text)
                births.append(f["births"][()].sum())
        # Higher fertility gives more births at both activation rates.
        self.assertGreater(births[1], births[0])
        self.assertGreater(births[3], births[2])
        self.assertEqual(leftovers(out.parent), [])

    def test_points_share_random_numbers(self):
        # Two points with the same values are the same scenario: identical results.
        scenario = self.write_sweep('mode = "list"\n'
                                    "labour.outside_search_rate = [0.03, 0.03]\n"
                                    "demography.fertility_scale = [1.1, 1.1]\n")
        result = run_kfsim("run", scenario, "-o", self.dir / "same.h5", "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        assert_same_results(self, self.dir / "same.point-000.h5", self.dir / "same.point-001.h5")

    def test_failed_point_is_named_with_its_values(self):
        scenario = self.write_sweep("demography.fertility_scale = [1.0, 1.1]\n")
        env = dict(os.environ, KFSIM_FAULT_TASK="1")
        result = run_kfsim("run", scenario, "-o", self.dir / "f.h5", "-q", env=env)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("sweep point 1 (demography.fertility_scale = 1.1), replicate 0",
                      result.stderr)
        self.assertFalse((self.dir / "f.point-000.h5").exists())

    def test_existing_point_file_is_not_overwritten(self):
        scenario = self.write_sweep("demography.fertility_scale = [1.0, 1.1]\n")
        (self.dir / "x.point-001.h5").write_text("keep me")
        result = run_kfsim("run", scenario, "-o", self.dir / "x.h5", "--quiet")
        self.assertEqual(result.returncode, 2)
        self.assertIn("x.point-001.h5 already exists", result.stderr)
        self.assertEqual((self.dir / "x.point-001.h5").read_text(), "keep me")
        self.assertFalse((self.dir / "x.point-000.h5").exists())

    def test_bad_sweep_names_file_line_and_key(self):
        scenario = self.write_sweep("labour.outside_search_rat = [0.1]\n")
        result = run_kfsim("check", scenario)
        self.assertEqual(result.returncode, 2)
        self.assertIn("short.toml:6:8", result.stderr)  # at the key's last part
        self.assertIn("sweep.labour.outside_search_rat", result.stderr)
        self.assertIn("did you mean 'labour.outside_search_rate'", result.stderr)


class Interrupts(unittest.TestCase):
    def test_ctrl_c_stops_an_ensemble_and_leaves_no_file(self):
        with scratch_dir() as tmp:
            directory = pathlib.Path(tmp)
            scenario = write_short_scenario(directory, end="2050-12")
            out = directory / "long.h5"
            process = subprocess.Popen([KFSIM, "run", str(scenario), "-r", "4", "-o", str(out)],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(3)
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=120)
            self.assertEqual(process.returncode, 1, stderr)
            self.assertIn("interrupted", stderr)
            self.assertFalse(out.exists())
            self.assertEqual(leftovers(directory), [])


@unittest.skipUnless(MPI_BUILD, "kfsim built without MPI (cmake -DKFSIM_MPI=OFF)")
class Mpi(unittest.TestCase):
    def setUp(self):
        self.tmp = scratch_dir()
        self.dir = pathlib.Path(self.tmp.name)
        self.scenario = write_short_scenario(self.dir, end="2025-06")

    def tearDown(self):
        self.tmp.cleanup()

    def mpirun(self, processes, *args, env=None):
        return subprocess.run([MPIEXEC, "-np", str(processes), KFSIM, *map(str, args)],
                              capture_output=True, text=True, timeout=900,
                              env=env or MPI_ENV)

    def test_two_processes_give_the_single_process_result(self):
        single = self.dir / "single.h5"
        result = run_kfsim("run", self.scenario, "-r", 3, "-t", 1, "-o", single, "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        spread = self.dir / "mpi.h5"
        result = self.mpirun(2, "run", self.scenario, "-r", 3, "-t", 1, "-o", spread)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        self.assertIn("x 2 processes", result.stdout)
        # Only process 0 reports.
        self.assertEqual(result.stdout.count("Results:"), 1)
        assert_same_results(self, single, spread)
        with h5py.File(spread, "r") as f:
            self.assertEqual(f.attrs["kfsim_processes"], 2)

    def test_a_sweep_across_processes_equals_one_process(self):
        scenario = write_short_scenario(self.dir, end="2024-12",
                                        extra="[sweep]\ndemography.fertility_scale = [1.0, 1.2, 1.4]\n")
        result = run_kfsim("run", scenario, "-o", self.dir / "one.h5", "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        result = self.mpirun(2, "run", scenario, "-o", self.dir / "two.h5", "--quiet")
        self.assertEqual(result.returncode, 0, result.stderr)
        for point in range(3):
            assert_same_results(self, self.dir / f"one.point-00{point}.h5",
                                self.dir / f"two.point-00{point}.h5")

    def test_failed_process_names_the_task_and_nothing_is_written(self):
        out = self.dir / "fault.h5"
        env = dict(MPI_ENV, KFSIM_FAULT_TASK="1")  # task 1 runs on process 1
        result = self.mpirun(2, "run", self.scenario, "-r", 4, "-o", out, env=env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("process 1 of 2", result.stderr)
        self.assertIn("replicate 1", result.stderr)
        self.assertFalse(out.exists())
        self.assertEqual(leftovers(self.dir), [])


if __name__ == "__main__":
    unittest.main()
