"""The research notebooks (notebooks/0*.ipynb) and the R example
(notebooks/04_read_with_r.R): they are committed without outputs, and each
runs from a clean state on small result files (the baseline and three policy
scenarios to 2027-12 with three replicates, made once for the tests that share
them: kfsim_testing.shared_run), draws its figures through
kfsim_notebook.check_figure, and shows them. Where they show the competence
gap they show its parts apart (shortage, frictional, surplus, upgrading) and
check that the parts add up to it."""
import base64
import json
import os
import pathlib
import subprocess
import sys
import time
import unittest

from kfsim_testing import SHARED_REPLICATES, SHARED_SCENARIOS, SOURCE, scratch_dir, shared_run

NOTEBOOKS = SOURCE / "notebooks"
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("0*.ipynb"))
R_SCRIPT = NOTEBOOKS / "04_read_with_r.R"
SCENARIOS = SHARED_SCENARIOS
PNG = b"\x89PNG\r\n\x1a\n"


def images(notebook):
    """The PNG images among a notebook's outputs, decoded."""
    found = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append(base64.b64decode(data["image/png"]))
    return found


def output_text(notebook):
    """What a notebook's cells printed and displayed as text or HTML, joined."""
    found = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            found.append("".join(output.get("text", [])))
            data = output.get("data", {})
            for kind in ("text/plain", "text/html"):
                found.append("".join(data.get(kind, [])))
    return "\n".join(found)


class CommittedNotebooks(unittest.TestCase):
    def test_the_notebooks_are_there(self):
        names = [p.name for p in NOTEBOOK_FILES]
        self.assertEqual(names, ["01_getting_started.ipynb", "02_comparing_scenarios.ipynb",
                                 "03_validation.ipynb"])
        self.assertTrue(R_SCRIPT.exists())

    def test_committed_without_outputs(self):
        for path in NOTEBOOK_FILES:
            with self.subTest(notebook=path.name):
                notebook = json.loads(path.read_text(encoding="utf-8"))
                self.assertEqual(notebook["metadata"]["kernelspec"]["name"], "python3")
                code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
                self.assertTrue(code)
                for cell in code:
                    self.assertEqual(cell.get("outputs"), [], "a code cell has outputs")
                    self.assertIsNone(cell.get("execution_count"), "a code cell has an execution count")
                first = notebook["cells"][0]
                self.assertEqual(first["cell_type"], "markdown")
                self.assertIn(" run scenarios/", "".join(first["source"]),
                              "the first cell should say how to make the input files")


class CheckFigure(unittest.TestCase):
    """kfsim_notebook.check_figure fails on figures a reader could not read."""

    @classmethod
    def setUpClass(cls):
        sys.path.insert(0, str(NOTEBOOKS))
        import matplotlib
        matplotlib.use("Agg")
        import kfsim_notebook
        cls.kn = kfsim_notebook
        from matplotlib.figure import Figure
        cls.Figure = Figure

    def figure(self, title="A title", xlabel="Year", ylabel="Residents (persons)", lines=1, legend=False):
        fig = self.Figure()
        ax = fig.add_subplot()
        for k in range(lines):
            ax.plot([0, 1], [k, k + 1], label=f"line {k}")
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if legend:
            ax.legend()
        return fig

    def test_a_good_figure_passes(self):
        self.kn.check_figure(self.figure())
        self.kn.check_figure(self.figure(lines=3, legend=True))

    def test_bad_figures_fail(self):
        bad = {"no title": dict(title=""), "no x label": dict(xlabel=""), "no y label": dict(ylabel=""),
               "no unit": dict(ylabel="Residents"), "no legend": dict(lines=2)}
        for what, kwargs in bad.items():
            with self.subTest(what):
                with self.assertRaises(AssertionError):
                    self.kn.check_figure(self.figure(**kwargs))

    def test_every_axes_is_checked(self):
        fig = self.figure()
        fig.add_subplot(2, 1, 2).plot([0, 1], [0, 1])
        with self.assertRaises(AssertionError):
            self.kn.check_figure(fig)


class ExecutedNotebooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = scratch_dir()
        cls.dir = pathlib.Path(cls.scratch.name)
        started = time.monotonic()
        cls.results = {name: shared_run(name) for name in SCENARIOS}
        print(f"\n  runs: {time.monotonic() - started:.1f} s", file=sys.stderr)
        cls.env = dict(os.environ,
                       KFSIM_BASELINE=str(cls.results["baseline"]),
                       KFSIM_SCENARIOS=",".join(str(cls.results[n]) for n in ("more_nursing_places",
                                                                                "activation")),
                       KFSIM_DEMAND_SWING=str(cls.results["demand_swing"]),
                       KFSIM_YEARS="2026,2027",
                       PYDEVD_DISABLE_FILE_VALIDATION="1")
        cls.env.pop("KFSIM_CALIBRATION_YEAR", None)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def execute(self, path):
        out_dir = self.dir / "executed"
        started = time.monotonic()
        r = subprocess.run(
            ["/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.timeout=300", "--output-dir", str(out_dir), str(path)],
            capture_output=True, text=True, env=self.env, timeout=600)
        print(f"\n  {path.name}: {time.monotonic() - started:.1f} s", file=sys.stderr)
        self.assertEqual(r.returncode, 0, f"{path.name} failed to execute:\n{r.stderr[-6000:]}")
        return json.loads((out_dir / path.name).read_text(encoding="utf-8"))

    def test_notebooks_execute_and_show_figures(self):
        expected_images = {"01_getting_started.ipynb": 5, "02_comparing_scenarios.ipynb": 2,
                           "03_validation.ipynb": 7}
        for path in NOTEBOOK_FILES:
            with self.subTest(notebook=path.name):
                notebook = self.execute(path)
                errors = [o for c in notebook["cells"] for o in c.get("outputs", [])
                          if o.get("output_type") == "error"]
                self.assertEqual(errors, [])
                found = images(notebook)
                self.assertGreaterEqual(len(found), expected_images[path.name])
                for image in found:
                    self.assertTrue(image.startswith(PNG))
                    self.assertGreater(len(image), 5000, "an image that small is likely empty")
                text = json.dumps(notebook)
                shown = output_text(notebook)
                if path.name.startswith("01"):
                    # The gap in its parts: the identity checked, a table and a stacked chart.
                    for line in ("gap = shortage + frictional − surplus + upgrading in every "
                                 "replicate, year and group",
                                 f"31 December 2027, persons, mean of {SHARED_REPLICATES} "
                                 "replicates; the largest "
                                 "shortages first", "<th>shortage</th>", "<th>frictional</th>",
                                 "<th>surplus</th>", "<th>upgrading</th>"):
                        self.assertTrue(line in shown, f"{path.name} does not show: {line}")
                if path.name.startswith("02"):
                    # Each part's paired change, and which scenario reduces which shortage most.
                    for line in ("change of the gap = change of shortage + frictional − surplus + "
                                 "upgrading, in every replicate", "shortage change",
                                 "reduced most by"):
                        self.assertTrue(line in shown, f"{path.name} does not show: {line}")
                    # The table of which scenario narrows which gap most names the scenarios.
                    self.assertIn("narrowed most by", text)
                    self.assertIn("more_nursing_places", text)
                    self.assertIn("activation", text)
                if path.name.startswith("03"):
                    self.assertIn("targets within their tolerance", text)
                    self.assertIn("demand_swing: correlation of its deviations", text)

    def test_r_script_reads_the_file(self):
        out_dir = self.dir / "r"
        r = subprocess.run(["Rscript", str(R_SCRIPT), str(self.results["baseline"]), str(out_dir)],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("competence_gap(replicate, year, competence) [persons]", r.stdout)
        self.assertIn("competence_shortage(replicate, year, competence) [persons]", r.stdout)
        self.assertIn("Competence gap in its parts on 31 December 2027", r.stdout)
        self.assertRegex(r.stdout, r"competence +shortage +frictional +surplus +upgrading +gap")
        self.assertIn("kfsim_scenario_name  baseline", r.stdout)
        self.assertIn("kfsim_seed           20240101", r.stdout)
        self.assertIn(f"kfsim_replicates     {SHARED_REPLICATES}", r.stdout)
        self.assertIn("Competence gap on 31 December 2027", r.stdout)
        self.assertIn("BA_NURS", r.stdout)
        self.assertNotIn("WARNING", r.stdout + r.stderr)
        for name in ("kfsim_competence_gap.png", "kfsim_gap_parts.png", "kfsim_unemployment.png"):
            image = (out_dir / name).read_bytes()
            self.assertTrue(image.startswith(PNG), name)
            self.assertGreater(len(image), 5000, name)


if __name__ == "__main__":
    unittest.main()
