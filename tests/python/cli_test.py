"""The command line as an analyst uses it: exit codes, error messages that name
file, line and key, refusing to overwrite, and no result file after an
interrupted run."""
import os
import pathlib
import signal
import subprocess
import time
import unittest

from kfsim_testing import (BASELINE, KFSIM, SANITIZED, SOURCE, run_kfsim, scratch_dir,
                           write_short_scenario)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = scratch_dir()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_version_and_help(self):
        result = run_kfsim("--version")
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith("kfsim "))
        result = run_kfsim("--help")
        self.assertEqual(result.returncode, 0)
        for command in ("run", "check", "schema", "info"):
            self.assertIn(f"kfsim {command}", result.stdout)
        self.assertEqual(run_kfsim("run", "--help").returncode, 0)

    def test_bad_usage_exits_2(self):
        self.assertEqual(run_kfsim().returncode, 2)
        self.assertEqual(run_kfsim("frobnicate").returncode, 2)
        self.assertEqual(run_kfsim("run").returncode, 2)
        self.assertEqual(run_kfsim("run", BASELINE, "--threads", "x").returncode, 2)
        self.assertEqual(run_kfsim("run", BASELINE, "--no-such-option").returncode, 2)

    def test_threads_are_bounded_before_anything_runs(self):
        out = self.dir / "never.h5"
        for threads in ("1025", "100000", "2147483647", "-1"):
            result = run_kfsim("run", BASELINE, "--threads", threads, "-o", out)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(f"--threads {threads}: expected 0 (every core) to 1024", result.stderr)
            self.assertFalse(out.exists())
        self.assertIn("0 to 1024", run_kfsim("run", "--help").stdout)

    def test_output_that_cannot_be_written_is_a_failure(self):
        # A full device: every command that prints fails with exit 1 and says why, where it
        # would otherwise have exited 0 with its output lost.
        if not pathlib.Path("/dev/full").exists():
            self.skipTest("no /dev/full")
        for args in (("--help",), ("--version",), ("schema",), ("check", BASELINE)):
            with open("/dev/full", "w") as full:
                result = subprocess.run([KFSIM, *map(str, args)], stdout=full,
                                        stderr=subprocess.PIPE, text=True, timeout=120)
            self.assertEqual(result.returncode, 1, args)
            self.assertTrue(result.stderr.startswith("kfsim: cannot write to standard output"),
                            (args, result.stderr))
        # Where the failed write is the last, its reason is given.
        with open("/dev/full", "w") as full:
            result = subprocess.run([KFSIM, "--version"], stdout=full, stderr=subprocess.PIPE,
                                    text=True, timeout=60)
        self.assertIn("No space left on device", result.stderr)

    def test_schema_lists_every_key_with_its_meaning(self):
        result = run_kfsim("schema")
        self.assertEqual(result.returncode, 0)
        for key in ("schema_version", "seed", "start", "end", "[data]", "population",
                    "[demography]", "fertility_scale = 1.0", "mortality_improvement",
                    "Source:", "real number in [0, 3]"):
            self.assertIn(key, result.stdout)

    def test_check_prints_the_resolved_scenario(self):
        result = run_kfsim("check", BASELINE)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('name = "baseline"', result.stdout)
        self.assertIn("fertility_scale", result.stdout)  # a default, resolved

    @unittest.skipIf(SANITIZED, "every scenario's check is in the Release pass; the sanitizer"
                     " passes check the loader on the scenario tests' runs")
    def test_every_scenario_in_the_library_passes_check(self):
        scenarios = sorted((BASELINE.parent).glob("*.toml"))
        self.assertGreaterEqual(len(scenarios), 4)
        for scenario in scenarios:
            result = run_kfsim("check", scenario)
            self.assertEqual(result.returncode, 0, f"{scenario.name}: {result.stderr}")

    def test_upskilling_places_policy_fills_its_places(self):
        import h5py
        import numpy as np
        out = self.dir / "fagbrev.h5"
        result = run_kfsim("run", BASELINE.parent / "fagbrev_at_work.toml", "-o", out, "-q",
                           "--set", 'end="2026-12"')
        self.assertEqual(result.returncode, 0, result.stderr)
        with h5py.File(out, "r") as f:
            names = [n.decode() if isinstance(n, bytes) else str(n) for n in f["programme_name"][()]]
            code = next(i for i, n in enumerate(names) if n.startswith("UP_FAGBREV_HO:"))
            places = f["programme_places"][0, :, code]
            admitted = f["programme_admitted"][0, :, code]
            # 46 places in the table, 300 more from the 2026 intake; all taken.
            self.assertEqual(list(places), [46, 46, 346])
            self.assertTrue(np.array_equal(admitted, places))

    def test_bad_scenario_names_file_line_and_key(self):
        bad = self.dir / "bad.toml"
        bad.write_text(f'schema_version = 1\nname = "bad"\nextends = "{BASELINE}"\n'
                       '[demography]\nfertilty_scale = 1.1\n', encoding="utf-8")
        result = run_kfsim("run", bad, "-o", self.dir / "out.h5")
        self.assertEqual(result.returncode, 2)
        self.assertIn(f"{bad}:5", result.stderr)
        self.assertIn("fertilty_scale", result.stderr)
        self.assertIn("demography.fertility_scale", result.stderr)  # the suggestion
        self.assertFalse((self.dir / "out.h5").exists())

        result = run_kfsim("check", bad)
        self.assertEqual(result.returncode, 2)

    def test_bad_override_is_a_usage_error(self):
        result = run_kfsim("check", BASELINE, "--set", "demography.fertility_scale=-1")
        self.assertEqual(result.returncode, 2)
        self.assertIn("demography.fertility_scale", result.stderr)

    def test_existing_file_is_not_overwritten_without_force(self):
        scenario = write_short_scenario(self.dir, end="2024-03")
        out = self.dir / "result.h5"
        out.write_bytes(b"precious")
        result = run_kfsim("run", scenario, "-o", out, "--quiet")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--force", result.stderr)
        self.assertEqual(out.read_bytes(), b"precious")
        result = run_kfsim("run", scenario, "-o", out, "--quiet", "--force")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotEqual(out.read_bytes()[:8], b"precious")
        self.assertEqual(list(self.dir.glob(".*partial*")), [])

    def test_run_never_writes_over_its_inputs_or_anything_but_a_regular_file(self):
        # Each refused before the run starts (a quick refusal, not a finished run), with --force,
        # and the target left as it was.
        table = self.dir / "municipalities.csv"
        table.write_bytes((SOURCE / "scenarios" / "data" / "municipalities.csv").read_bytes())
        scenario = write_short_scenario(self.dir, end="2024-03",
                                        extra=f'[data]\nmunicipalities = "{table}"')
        original = scenario.read_bytes(), table.read_bytes()
        fifo = self.dir / "pipe"
        os.mkfifo(fifo)
        folder = self.dir / "folder"
        folder.mkdir()
        link = self.dir / "link"
        link.symlink_to(folder)
        for target, says in ((scenario, "is one of this command's inputs"),
                             (BASELINE, "is one of this command's inputs"),
                             (table, "is one of this command's inputs"),
                             (fifo, "is a FIFO"), (folder, "is a directory"),
                             (link, "is a directory")):
            with self.subTest(target=target.name):
                result = run_kfsim("run", scenario, "-o", target, "--force", "--quiet",
                                   timeout=60)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(says, result.stderr)
        self.assertEqual((scenario.read_bytes(), table.read_bytes()), original)
        self.assertTrue(fifo.is_fifo() and folder.is_dir() and link.is_symlink())
        self.assertEqual(list(folder.iterdir()), [])

    def test_inputs_that_are_not_regular_files_are_refused_at_once(self):
        # A FIFO without a writer would block its reader for ever: as a scenario, a file it
        # extends, a data table and a result file read, each is refused within the timeout.
        fifo = self.dir / "pipe"
        os.mkfifo(fifo)
        extends = self.dir / "extends.toml"
        extends.write_text(f'schema_version = 1\nname = "x"\nextends = "{fifo}"\n',
                           encoding="utf-8")
        table = write_short_scenario(self.dir, end="2024-03", extra=f'[data]\nmortality = "{fifo}"')
        for args, says in ((("check", fifo), "is a FIFO"),
                           (("check", extends), "is a FIFO"),
                           (("run", extends, "-o", self.dir / "x.h5"), "is a FIFO"),
                           (("check", table), "is not a regular file but a FIFO"),
                           (("info", fifo), "is a FIFO"),
                           (("compare", fifo, fifo), "is a FIFO"),
                           (("info", "/dev/zero"), "is a character device")):
            with self.subTest(args=[str(a) for a in args]):
                result = run_kfsim(*args, timeout=30)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(says, result.stderr)
        self.assertFalse((self.dir / "x.h5").exists())

    @unittest.skipIf(SANITIZED, "six years of the full model; the Release pass runs it")
    def test_a_run_gone_beyond_its_data_is_flagged_at_the_end(self):
        # Jobs growing 20 % a year for six years: vacancies past anything on record. The file is
        # written, and the warning names the measure and the first year (even with --quiet).
        out = self.dir / "swing.h5"
        result = run_kfsim("run", BASELINE, "--set", "labour.demand_growth_shift=0.2", "--set",
                           "end=2029-12", "-o", out, "-q", timeout=600)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(out.exists())
        self.assertRegex(result.stderr, r"kfsim: warning: vacancy_rate_monthly \(the vacancy "
                                        r"rate\) is [0-9.]+ % in 20[23][0-9], outside the "
                                        r"plausible 0.2 % to 20.0 %")
        self.assertNotIn("unemployment_rate_monthly", result.stderr)

    def test_missing_output_directory_is_refused(self):
        scenario = write_short_scenario(self.dir, end="2024-03")
        result = run_kfsim("run", scenario, "-o", self.dir / "no" / "such" / "dir.h5")
        self.assertEqual(result.returncode, 2)
        self.assertIn("does not exist", result.stderr)

    def test_run_reports_where_results_are_and_its_speed(self):
        scenario = write_short_scenario(self.dir, end="2024-12")
        out = self.dir / "r.h5"
        result = run_kfsim("run", scenario, "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"Results: {out}", result.stdout)
        self.assertIn("person-months per second", result.stdout)
        self.assertIn("peak memory", result.stdout)
        info = run_kfsim("info", out)
        self.assertEqual(info.returncode, 0, info.stderr)
        for word in ("population_start", "municipality", "kfsim_seed", "persons"):
            self.assertIn(word, info.stdout)

    def test_info_refuses_files_that_are_not_results(self):
        junk = self.dir / "junk.h5"
        junk.write_bytes(b"\x89HDF\r\n\x1a\n" + b"\0" * 100)
        result = run_kfsim("info", junk)
        self.assertEqual(result.returncode, 2)
        self.assertIn(str(junk), result.stderr)
        self.assertEqual(run_kfsim("info", self.dir / "missing.h5").returncode, 2)

    def test_seed_changes_results_and_is_recorded(self):
        scenario = write_short_scenario(self.dir, end="2024-06")
        a, b = self.dir / "a.h5", self.dir / "b.h5"
        self.assertEqual(run_kfsim("run", scenario, "-o", a, "-q", "--seed", "1").returncode, 0)
        self.assertEqual(run_kfsim("run", scenario, "-o", b, "-q", "--seed", "2").returncode, 0)
        import h5py
        import numpy as np
        with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
            self.assertEqual(int(fa.attrs["kfsim_seed"]), 1)
            self.assertEqual(int(fb.attrs["kfsim_seed"]), 2)
            self.assertFalse(np.array_equal(fa["deaths"][()], fb["deaths"][()]))

    def test_replicates_are_stacked_and_independent(self):
        scenario = write_short_scenario(self.dir, end="2024-12")
        one, three = self.dir / "one.h5", self.dir / "three.h5"
        self.assertEqual(run_kfsim("run", scenario, "-o", one, "-q").returncode, 0)
        result = run_kfsim("run", scenario, "-o", three, "-q", "--set", "replicates=3")
        self.assertEqual(result.returncode, 0, result.stderr)
        import h5py
        import numpy as np
        with h5py.File(one, "r") as f1, h5py.File(three, "r") as f3:
            self.assertEqual(f3["deaths"].shape[0], 3)
            self.assertEqual(int(f3.attrs["kfsim_replicates"]), 3)
            # Replicate r draws from (seed, r): replicate 0 is the single run.
            self.assertTrue(np.array_equal(f1["deaths"][0], f3["deaths"][0]))
            self.assertFalse(np.array_equal(f3["deaths"][0], f3["deaths"][1]))

    def _interrupt(self, sig, delay):
        out = self.dir / f"interrupted_{sig}.h5"
        process = subprocess.Popen([KFSIM, "run", str(BASELINE), "-o", str(out), "--quiet"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=120)
        return process.returncode, stderr, out

    def test_interrupted_run_leaves_no_result_file(self):
        interrupted = 0
        for sig, delay in ((signal.SIGINT, 0.2), (signal.SIGTERM, 0.5), (signal.SIGKILL, 0.3),
                           (signal.SIGINT, 0.05)):
            code, stderr, out = self._interrupt(sig, delay)
            if code == 0:
                continue  # finished before the signal arrived
            interrupted += 1
            self.assertFalse(out.exists(), f"{sig.name} left {out}")
            # SIGKILL, or a signal before kfsim has set its handlers (its first milliseconds),
            # ends the process at once; otherwise kfsim stops cleanly.
            if sig != signal.SIGKILL and code != -sig:
                self.assertEqual(code, 1, stderr)
                self.assertIn("interrupted", stderr)
                self.assertEqual(list(self.dir.glob(".*partial*")), [])
        self.assertGreater(interrupted, 0, "every run finished before its signal")
        # A rerun after an interruption succeeds.
        out = self.dir / "rerun.h5"
        scenario = write_short_scenario(self.dir, end="2024-03")
        self.assertEqual(run_kfsim("run", scenario, "-o", out, "-q").returncode, 0)
        self.assertTrue(out.exists())


if __name__ == "__main__":
    unittest.main()
