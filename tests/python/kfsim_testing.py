"""Shared helpers for the end-to-end tests: where the binary and scenarios are,
and running kfsim as a user would."""
import os
import pathlib
import shutil
import subprocess
import tempfile

KFSIM = os.environ.get("KFSIM_BIN", "kfsim")
SOURCE = pathlib.Path(os.environ.get("KFSIM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BASELINE = SOURCE / "scenarios" / "baseline.toml"


def run_kfsim(*args, timeout=600, **kwargs):
    """Runs kfsim with the given arguments; returns the CompletedProcess."""
    return subprocess.run([KFSIM, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def scratch_dir():
    return tempfile.TemporaryDirectory(prefix="kfsim-test-")


def write_short_scenario(directory, end="2026-12", extra=""):
    """A scenario that extends the baseline and stops early, for quick runs."""
    path = pathlib.Path(directory) / "short.toml"
    path.write_text(
        f'schema_version = 1\nname = "short"\nextends = "{BASELINE}"\nend = "{end}"\n{extra}\n',
        encoding="utf-8")
    return path


# Whether kfsim was built with MPI, and how to start it under mpirun here: OpenMPI refuses root
# without the two ALLOW variables, in containers its shared-memory transport needs the
# single-copy mechanism off, and oversubscribe lets 2 processes share fewer cores. When one
# process dies mpirun stops the others with SIGTERM and, after odls_base_sigkill_timeout seconds
# (1 by default), SIGKILL: process 0 names the tasks it was waiting for once its current month
# ends, which on a loaded machine can take longer than a second.
MPI_BUILD = os.environ.get("KFSIM_MPI", "OFF").upper() in ("ON", "1", "TRUE", "YES")
MPIEXEC = os.environ.get("KFSIM_MPIEXEC") or shutil.which("mpirun") or "mpirun"
MPI_ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_btl_vader_single_copy_mechanism="none",
               OMPI_MCA_rmaps_base_oversubscribe="1", OMPI_MCA_odls_base_sigkill_timeout="10")

# Whether the binary is a sanitizer build (several times slower): tests then leave out their
# longest runs, which the Release pass makes.
SANITIZED = os.environ.get("KFSIM_SANITIZED", "").upper() in ("1", "ON", "TRUE", "YES")


# Result files that several tests read, each made once. Under ctest the fixture shared_runs.py
# makes them first in KFSIM_SHARED_RUNS (tests/python/CMakeLists.txt); a test run on its own makes
# whichever it lacks in a temporary folder that lasts as long as the process.
# - the notebooks and the briefing: the baseline and three policy scenarios, three replicates to
#   2027-12 (SHARED_SCENARIOS; two in the sanitizer pass);
# - the long-run checks: the full baseline to 2050 with three replicates ("baseline_long"), made
#   in the Release pass only: its size is what the checks are about, and the sanitizer pass
#   gains nothing from it (SANITIZED).
SHARED_SCENARIOS = ("baseline", "more_nursing_places", "activation", "demand_swing")
# Two in the sanitizer pass, where every run is several times slower: the tests that read them
# need only more than one.
SHARED_REPLICATES = 2 if SANITIZED else 3
SHARED_RUNS = {name: (name, "2027-12", SHARED_REPLICATES) for name in SHARED_SCENARIOS}
SHARED_RUNS["baseline_long"] = ("baseline", "2050-12", 3)
LONG_SHARED_RUNS = ("baseline_long",)
_own_shared_dir = None


def shared_runs_dir():
    global _own_shared_dir
    folder = os.environ.get("KFSIM_SHARED_RUNS")
    if folder:
        return pathlib.Path(folder)
    if _own_shared_dir is None:
        _own_shared_dir = tempfile.TemporaryDirectory(prefix="kfsim-shared-")
    return pathlib.Path(_own_shared_dir.name)


def make_shared_run(name, folder):
    """Runs shared run `name` into folder/name.h5 (replacing an older one); returns the path."""
    scenario, end, replicates = SHARED_RUNS[name]
    path = pathlib.Path(folder) / f"{name}.h5"
    done = run_kfsim("run", SOURCE / "scenarios" / f"{scenario}.toml", "--set", f"end={end}",
                     "--replicates", replicates, "-o", path, "--quiet", "--force", timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"kfsim run {name} failed: {done.stderr}")
    return path


def shared_run(name):
    """The shared result file `name` (a key of SHARED_RUNS)."""
    if name not in SHARED_RUNS:
        raise ValueError(f"{name} is not a shared run")
    folder = shared_runs_dir()
    path = folder / f"{name}.h5"
    return path if path.exists() else make_shared_run(name, folder)
