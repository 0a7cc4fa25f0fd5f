"""Small helpers shared by the notebooks in this folder: where the result files
are, reading them, summaries over replicates, and plotting with checked
figures.

Every figure a notebook draws goes through `check_figure`, which fails (an
AssertionError) when an axes lacks a title, an x or y label, a unit on one of
its axes, or a legend while it shows several labelled artists; executing the
notebooks in a test therefore fails on a figure a reader could not read.
"""
import os
import pathlib
import re
import warnings

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
import xarray as xr

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

# A unit on an axis label: "(persons)", "(%)", "[year]", "(share of labour force)".
_UNIT = re.compile(r"[(\[][^)\]]+[)\]]")


# ---- inputs -------------------------------------------------------------------

def input_path(variable, default):
    """The path in environment variable `variable`, or `default`; relative
    paths are taken from the repository root."""
    path = pathlib.Path(os.environ.get(variable) or default)
    return path if path.is_absolute() else ROOT / path


def input_paths(variable, default):
    """A comma-separated list of paths from environment variable `variable`
    (or `default`), relative paths taken from the repository root; empty
    entries are skipped."""
    text = os.environ.get(variable)
    if text is None:
        text = default
    paths = []
    for item in text.split(","):
        item = item.strip()
        if item:
            path = pathlib.Path(item)
            paths.append(path if path.is_absolute() else ROOT / path)
    return paths


def open_result(path):
    """Opens a kfsim result file with xarray; a clear error when it is missing."""
    path = pathlib.Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: make it with `kfsim run` (see the first cell) "
            "or point the environment variable at another file")
    ds = xr.open_dataset(path, engine="h5netcdf")
    if "kfsim_scenario_name" not in ds.attrs:
        ds.close()
        raise ValueError(f"{path} is not a kfsim result file (no kfsim_scenario_name attribute)")
    return ds


def scenario_name(ds):
    return str(ds.attrs["kfsim_scenario_name"])


def check_comparable(base, other):
    """Raises ValueError when two result files cannot be compared replicate by
    replicate (different replicates, years or competence groups); warns when
    their seeds differ (their differences then include random noise)."""
    name = scenario_name(other)
    for dim in ("replicate", "year", "competence"):
        if not np.array_equal(base[dim].values, other[dim].values):
            raise ValueError(f"{name}: its {dim} values differ from the baseline's")
    if int(base.attrs["kfsim_seed"]) != int(other.attrs["kfsim_seed"]):
        warnings.warn(f"{name}: seed {other.attrs['kfsim_seed']} differs from the baseline's "
                      f"{base.attrs['kfsim_seed']}; the differences include random noise")


# ---- labels and summaries -----------------------------------------------------

def short_label(name):
    """'BA_NURS: Bachelor: nursing' -> 'BA_NURS'."""
    return str(name).split(":", 1)[0]


def competence_codes(ds):
    return [short_label(n) for n in ds.competence_name.values]


def label_of(ds, dim, code):
    """The label of one code of a categorical dimension (e.g. municipality 3101 -> Halden)."""
    names = ds[f"{dim}_name"]
    return str(names.sel({dim: code}).values)


def summarise(da, dim="replicate"):
    """Mean, 5th and 95th percentiles over `dim` (linear interpolation, as
    numpy's default and the summaries kfsim writes): a Dataset with
    `mean`, `p05` and `p95`."""
    return xr.Dataset({
        "mean": da.mean(dim),
        "p05": da.quantile(0.05, dim=dim).drop_vars("quantile"),
        "p95": da.quantile(0.95, dim=dim).drop_vars("quantile"),
    })


def band(ds, name):
    """The summaries of variable `name` over replicates: (mean, p05, p95)
    DataArrays, as stored in the file (`name_mean`, `name_p05`, `name_p95`);
    computed from the replicates for files written before kfsim stored them."""
    if f"{name}_mean" in ds:
        return ds[f"{name}_mean"], ds[f"{name}_p05"], ds[f"{name}_p95"]
    s = summarise(ds[name])
    return s["mean"], s["p05"], s["p95"]


def month_index(months):
    """YYYYMM integers -> pandas timestamps (first day of the month)."""
    months = np.asarray(months)
    return pd.DatetimeIndex(pd.to_datetime({"year": months // 100, "month": months % 100, "day": 1}))


# ---- plotting -----------------------------------------------------------------

def plot_band(ax, x, mean, low, high, label=None, color=None, alpha=0.2, **kwargs):
    """A line for `mean` with a shaded band from `low` to `high`; the band
    carries no legend entry of its own."""
    line, = ax.plot(x, np.asarray(mean), label=label, color=color, **kwargs)
    ax.fill_between(x, np.asarray(low), np.asarray(high), color=line.get_color(),
                    alpha=alpha, linewidth=0)
    return line


def thousands(ax, axis="y"):
    """Tick labels with thin-space thousands separators (12 345)."""
    formatter = matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", " "))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def percent(ax, axis="y", decimals=1):
    """Tick labels for shares shown as percentages (0.031 -> 3.1 %)."""
    formatter = matplotlib.ticker.FuncFormatter(lambda v, _: f"{100 * v:.{decimals}f} %")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def _labelled_artists(ax):
    handles, labels = ax.get_legend_handles_labels()
    return [label for label in labels if label and not label.startswith("_")]


def check_figure(fig):
    """Asserts that every axes of `fig` has a title, an x label and a y label,
    a unit in brackets on at least one of them (e.g. "Residents (persons)",
    "Rate (%)"), and a legend when it shows more than one labelled artist. Colour bar
    axes are exempt from all but their label. Returns the figure."""
    axes = fig.get_axes()
    assert axes, "the figure has no axes"
    legends = list(fig.legends)
    for i, ax in enumerate(axes):
        where = f"axes {i} ({ax.get_title() or 'untitled'})"
        if ax.get_label() == "<colorbar>":
            assert ax.get_ylabel() or ax.get_xlabel(), f"{where}: the colour bar has no label"
            continue
        title = ax.get_title() or ax.get_title(loc="left") or ax.get_title(loc="right")
        assert title.strip(), f"axes {i}: no title"
        xlabel, ylabel = ax.get_xlabel().strip(), ax.get_ylabel().strip()
        assert xlabel, f"{where}: no x label"
        assert ylabel, f"{where}: no y label"
        assert _UNIT.search(xlabel) or _UNIT.search(ylabel), \
            f"{where}: neither axis label gives a unit in brackets ({xlabel!r}, {ylabel!r})"
        if len(_labelled_artists(ax)) > 1:
            assert ax.get_legend() is not None or legends, \
                f"{where}: {len(_labelled_artists(ax))} labelled artists but no legend"
    return fig


def show(fig):
    """Lays out, checks and shows a figure (inline in a notebook, nowhere under Agg)."""
    fig.tight_layout()
    check_figure(fig)
    plt.show()
    return fig
