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
# single-copy mechanism off, and oversubscribe lets 2 processes share fewer cores.
MPI_BUILD = os.environ.get("KFSIM_MPI", "OFF").upper() in ("ON", "1", "TRUE", "YES")
MPIEXEC = os.environ.get("KFSIM_MPIEXEC") or shutil.which("mpirun") or "mpirun"
MPI_ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_btl_vader_single_copy_mechanism="none",
               OMPI_MCA_rmaps_base_oversubscribe="1")

# Whether the binary is a sanitizer build (several times slower): tests then leave out their
# longest runs, which the Release pass makes.
SANITIZED = os.environ.get("KFSIM_SANITIZED", "").upper() in ("1", "ON", "TRUE", "YES")
