"""Faults: a run or ensemble killed at any point (SIGINT, SIGTERM, SIGKILL), a full disk, a
file-size limit, a directory kfsim cannot write in, and an MPI process that dies. None may
leave a file under the final name; a rerun must succeed."""
import os
import pathlib
import resource
import signal
import subprocess
import time
import unittest

import h5py

from kfsim_testing import (BASELINE, KFSIM, MPI_BUILD, MPI_ENV, MPIEXEC, SANITIZED, run_kfsim,
                           scratch_dir, write_short_scenario)


def complete_result(path):
    """Whether path is a whole kfsim result: it opens, and holds its format version and the
    last measure written."""
    try:
        with h5py.File(path, "r") as f:
            return "kfsim_file_format_version" in f.attrs and "population_end" in f
    except OSError:
        return False


def partials(directory):
    return sorted(p.name for p in pathlib.Path(directory).iterdir() if ".partial-" in p.name)


class Kills(unittest.TestCase):
    def setUp(self):
        self.tmp = scratch_dir()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def kill_at(self, args, sig, delay):
        """Starts kfsim, sends sig after delay seconds; returns (exit code, stderr)."""
        process = subprocess.Popen([KFSIM, *map(str, args)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=300)
        return process.returncode, stderr

    def test_killed_at_several_points_leaves_no_result_and_a_rerun_succeeds(self):
        # Loading, building the world, early and late months, and (for the ensemble) while
        # runs finish side by side; a killed process may leave its temporary file, which the
        # next run removes.
        scenario = write_short_scenario(self.dir, end="2030-12")
        cases = []
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            for delay in (0.01, 0.3, 1.5, 4.0):
                cases.append((sig, delay, ["run", scenario, "-q"]))
            cases.append((sig, 3.0, ["run", scenario, "-q", "-r", "3"]))
        interrupted = 0
        for sig, delay, args in cases:
            out = self.dir / f"k_{sig.name}_{delay}_{len(args)}.h5"
            code, stderr = self.kill_at([*args, "-o", out], sig, delay)
            with self.subTest(signal=sig.name, delay=delay, args=len(args)):
                if code == 0 or out.exists():
                    # It finished before the signal (or was killed between putting its file in
                    # place and exiting): the file must then be complete.
                    self.assertTrue(complete_result(out), f"{out} is incomplete")
                    continue
                interrupted += 1
                self.assertFalse(out.exists(), f"{sig.name} after {delay} s left {out}")
                if sig == signal.SIGKILL or code == -sig:
                    # SIGKILL, or a signal in the first milliseconds, before kfsim has set its
                    # handlers: the process dies at once.
                    self.assertEqual(code, -sig)
                else:
                    self.assertEqual(code, 1, stderr)
                    self.assertIn("interrupted", stderr)
                    self.assertEqual([p for p in partials(self.dir) if out.name in p], [])
                # The same command again succeeds and clears what a killed run left.
                rerun = run_kfsim(*args, "-o", out, "--set", "end=2024-03")
                self.assertEqual(rerun.returncode, 0, rerun.stderr)
                self.assertTrue(out.exists())
                self.assertEqual([p for p in partials(self.dir) if out.name in p], [])
        self.assertGreater(interrupted, len(cases) // 2, "most runs should have been cut short")

    def test_a_stop_takes_effect_at_once_however_many_runs_are_left(self):
        # 2 000 replicates of one month: every run still to start would otherwise read the
        # tables and build its world (about a second each) before seeing the stop.
        out = self.dir / "many.h5"
        process = subprocess.Popen([KFSIM, "run", BASELINE, "--set", "end=2024-01", "-r", "2000",
                                    "-t", "2", "-q", "-o", out], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(2.0 if not SANITIZED else 8.0)
        self.assertIsNone(process.poll(), "the ensemble ended before the stop")
        stopped = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=300)
        waited = time.monotonic() - stopped
        self.assertEqual(process.returncode, 1, stderr)
        self.assertIn("interrupted", stderr)
        # The runs under way finish their month; none that had not started begins.
        self.assertLess(waited, 15 if SANITIZED else 5, "seconds from SIGTERM to exit")
        self.assertFalse(out.exists())
        self.assertEqual(partials(self.dir), [])


class Storage(unittest.TestCase):
    def setUp(self):
        self.tmp = scratch_dir()
        self.dir = pathlib.Path(self.tmp.name)
        self.scenario = write_short_scenario(self.dir, end="2024-06")

    def tearDown(self):
        self.tmp.cleanup()

    def test_file_size_limit_gives_a_clear_error_and_no_file(self):
        out = self.dir / "limited.h5"

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

        result = subprocess.run([KFSIM, "run", str(self.scenario), "-o", str(out), "-q"],
                                capture_output=True, text=True, timeout=300, preexec_fn=limit)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("File too large", result.stderr)
        self.assertIn("limited.h5", result.stderr)
        self.assertFalse(out.exists())
        self.assertEqual(partials(self.dir), [])

    @unittest.skipIf(SANITIZED, "AddressSanitizer reserves terabytes of address space")
    def test_memory_limit_gives_a_clear_error_and_no_file(self):
        # 52 MiB of address space: enough to start (the shared libraries take some 35), too
        # little to read the tables or build the world. Each allocation that fails is said as
        # such, exit 1, whatever it was.
        out = self.dir / "small.h5"

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (52 << 20, 52 << 20))

        result = subprocess.run([KFSIM, "run", str(self.scenario), "-o", str(out), "-q", "-t", "1"],
                                capture_output=True, text=True, timeout=300, preexec_fn=limit)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("out of memory (an allocation failed)", result.stderr)
        self.assertNotIn("std::bad_alloc", result.stderr)
        self.assertFalse(out.exists())
        self.assertEqual(partials(self.dir), [])

    def test_full_disk_gives_a_clear_error_and_no_file(self):
        mount_point = self.dir / "small"
        mount_point.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs",
                                  str(mount_point)], capture_output=True)
        if mounted.returncode != 0:
            self.skipTest("cannot mount a small tmpfs here: " + mounted.stderr.decode())
        try:
            out = mount_point / "full.h5"
            result = run_kfsim("run", self.scenario, "-o", out, "-q")
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("No space left on device", result.stderr)
            self.assertEqual(sorted(p.name for p in mount_point.iterdir()), [])
        finally:
            subprocess.run(["umount", str(mount_point)], check=True)

    def test_unwritable_directory_is_refused_before_running(self):
        # /proc takes no new files, even from root; a folder without write permission is the
        # same for other users.
        result = run_kfsim("run", self.scenario, "-o", "/proc/kfsim-result.h5", "-q")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("cannot write in output directory", result.stderr)
        if os.geteuid() != 0:
            locked = self.dir / "locked"
            locked.mkdir(mode=0o555)
            result = run_kfsim("run", self.scenario, "-o", locked / "x.h5", "-q")
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn("Permission denied", result.stderr)

    def test_checked_run_passes_its_invariants(self):
        result = run_kfsim("run", self.scenario, "-o", self.dir / "checked.h5", "-q", "--check")
        self.assertEqual(result.returncode, 0, result.stderr)


@unittest.skipUnless(MPI_BUILD, "kfsim built without MPI (cmake -DKFSIM_MPI=OFF)")
class MpiProcessDeath(unittest.TestCase):
    def test_a_process_that_dies_fails_the_run_and_names_its_tasks(self):
        with scratch_dir() as tmp:
            directory = pathlib.Path(tmp)
            scenario = write_short_scenario(directory, end="2040-12")
            out = directory / "dead.h5"
            process = subprocess.Popen(
                [MPIEXEC, "-np", "2", KFSIM, "run", str(scenario), "-r", "4", "-t", "1", "-o",
                 str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=MPI_ENV)
            victim = None
            for _ in range(200):  # find process 1 among the kfsim processes
                time.sleep(0.05)
                found = subprocess.run(["pgrep", "-f", f"{KFSIM} run {scenario}"],
                                       capture_output=True, text=True).stdout.split()
                for pid in found:
                    try:
                        environ = pathlib.Path(f"/proc/{pid}/environ").read_bytes()
                    except OSError:
                        continue
                    if b"OMPI_COMM_WORLD_RANK=1\0" in environ:
                        victim = int(pid)
                if victim:
                    break
            self.assertIsNotNone(victim, "process 1 not found")
            time.sleep(2)
            os.kill(victim, signal.SIGKILL)
            stdout, stderr = process.communicate(timeout=120)
            self.assertNotEqual(process.returncode, 0)
            self.assertIn("process 1: replicate 1", stderr)
            self.assertIn("process 1: replicate 3", stderr)
            self.assertFalse(out.exists())
            self.assertNotIn("Results:", stdout)


if __name__ == "__main__":
    unittest.main()
