#!/usr/bin/env python3
"""Which uncertain parameters drive the headline gaps: a sensitivity ranking over the
replicates of a run whose scenario has an [uncertainty] table (e.g.
scenarios/baseline_uncertain.toml). Reads the HDF5 file only.

    /usr/bin/python3 notebooks/sensitivity.py RESULT.h5 [--year 2035] [--out DIR]

For each headline (the shortage of nurses, helsefagarbeidere, building trades, electricians,
the county's shortage and surplus, registered unemployment) and each drawn key it computes the
partial rank correlation coefficient (PRCC: the correlation of the ranks of key and headline
after the linear effect of the ranks of every other key is taken out of both; Marino et al.
2008, J. Theor. Biol. 254:178) over the replicates, with its p-value, and ranks the keys by
its size. PRCC needs more replicates than keys plus one; with fewer it falls back to
Spearman's rank correlation (the draws of a Latin hypercube are nearly uncorrelated, so the
order is much the same) and says so. Prints a table, and with --out writes
sensitivity_YEAR.csv and a tornado chart tornado_YEAR.png.
"""
import argparse
import pathlib
import sys

import numpy as np
import xarray as xr
from scipy import stats

# Headlines: (label, occupation codes summed) for the shortage by occupation, inside Østfold.
OCCUPATION_HEADLINES = (
    ("shortage: nurses (222)", (222,)),
    ("shortage: helsefagarbeidere (5321)", (5321,)),
    ("shortage: building trades (711, 712)", (711, 712)),
    ("shortage: electricians (741)", (741,)),
)


class InputError(Exception):
    pass


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def prcc(X, y):
    """PRCC of each column of X (replicates x keys) with y, and its two-sided p-value; Spearman's
    rank correlation instead when there are too few replicates. Returns (coefficients,
    p-values, method)."""
    R, P = X.shape
    ranks = np.column_stack([stats.rankdata(X[:, j]) for j in range(P)])
    ry = stats.rankdata(y)
    if np.ptp(ry) == 0:
        return np.zeros(P), np.ones(P), "none (the headline does not vary)"
    if R <= P + 1:
        coefficients = np.array([stats.spearmanr(ranks[:, j], ry)[0] if np.ptp(ranks[:, j]) > 0
                                 else 0.0 for j in range(P)])
        dof = R - 2
        method = f"Spearman (only {R} replicates for {P} keys; PRCC needs more than {P + 1})"
    else:
        coefficients = np.zeros(P)
        for j in range(P):
            others = np.column_stack([np.ones(R), np.delete(ranks, j, axis=1)])
            res_x = ranks[:, j] - others @ np.linalg.lstsq(others, ranks[:, j], rcond=None)[0]
            res_y = ry - others @ np.linalg.lstsq(others, ry, rcond=None)[0]
            denominator = np.sqrt((res_x @ res_x) * (res_y @ res_y))
            coefficients[j] = (res_x @ res_y) / denominator if denominator > 0 else 0.0
        dof = R - 2 - (P - 1)
        method = "PRCC"
    coefficients = np.clip(np.nan_to_num(coefficients), -1.0, 1.0)
    # The t-test of a (partial) correlation coefficient.
    with np.errstate(divide="ignore"):
        t = coefficients * np.sqrt(dof / np.maximum(1e-300, 1 - coefficients ** 2))
    p = 2 * stats.t.sf(np.abs(t), dof)
    return coefficients, p, method


def headlines(ds, year):
    """The headline figures by replicate in `year`: {label: array over replicates}."""
    inside = np.where(ds.work_area.values != 0)[0]
    found = {}
    by_occupation = ds.shortage_by_occupation.sel(year=year).isel(work_area=inside).sum("work_area")
    for label, codes in OCCUPATION_HEADLINES:
        codes = [c for c in codes if c in ds.occupation.values]
        if codes:
            found[label] = by_occupation.sel(occupation=codes).sum("occupation").values
    found["shortage: county, all occupations"] = by_occupation.sum("occupation").values
    found["surplus: county, all competences"] = (
        ds.competence_surplus.sel(year=year).sum("competence").values)
    months = ds.month.values // 100 == year
    if months.any():
        found["registered unemployment rate"] = (
            ds.unemployment_rate_monthly.isel(month=np.where(months)[0]).mean("month").values)
    return found


def sensitivity(path, year):
    """Rows (headline, key, coefficient, p-value, rank, method) for the result file."""
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        if "parameter_value" not in ds:
            raise InputError(f"{path}: no parameter_value: its runs drew no [uncertainty] keys "
                             "(run a scenario with an [uncertainty] table, e.g. "
                             "scenarios/baseline_uncertain.toml)")
        if year not in ds.year.values:
            raise InputError(f"{path}: holds the years {int(ds.year.values[0])}-"
                             f"{int(ds.year.values[-1])}, not {year}")
        keys = [text(k) for k in ds.parameter_name.values]
        X = np.asarray(ds.parameter_value.values, dtype=float)
        if X.shape[0] < 3:
            raise InputError(f"{path}: {X.shape[0]} replicates; a ranking needs at least 3")
        rows = []
        for label, y in headlines(ds, year).items():
            coefficients, p, method = prcc(X, np.asarray(y, dtype=float))
            order = np.argsort(-np.abs(coefficients), kind="stable")
            for rank, j in enumerate(order, start=1):
                rows.append({"headline": label, "key": keys[j],
                             "coefficient": float(coefficients[j]), "p_value": float(p[j]),
                             "rank": rank, "method": method})
    return rows


def print_table(rows, year, top):
    print(f"Sensitivity of the headline figures of {year} to the drawn keys "
          f"({rows[0]['method']}), the {top} strongest each:")
    for headline in dict.fromkeys(r["headline"] for r in rows):
        print(f"\n{headline}")
        for r in [r for r in rows if r["headline"] == headline][:top]:
            print(f"  {r['rank']:2d}. {r['key']:40s} {r['coefficient']:+.2f}  (p = {r['p_value']:.3f})")


def write_csv(rows, path):
    import csv
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def tornado(rows, year, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    groups = list(dict.fromkeys(r["headline"] for r in rows))
    columns = 2
    lines = (len(groups) + columns - 1) // columns
    fig, axes = plt.subplots(lines, columns, figsize=(12, 3.2 * lines), squeeze=False)
    for axis, headline in zip(axes.flat, groups):
        chosen = [r for r in rows if r["headline"] == headline][:6][::-1]
        values = [r["coefficient"] for r in chosen]
        axis.barh([r["key"].split(".", 1)[-1] for r in chosen], values,
                  color=["#b2182b" if v > 0 else "#2166ac" for v in values])
        axis.axvline(0, color="black", linewidth=0.8)
        axis.set_xlim(-1, 1)
        axis.set_title(headline, fontsize=10)
        axis.tick_params(labelsize=8)
    for axis in list(axes.flat)[len(groups):]:
        axis.set_visible(False)
    fig.suptitle(f"What drives the headline figures of {year}: "
                 f"{rows[0]['method'].split(' (')[0]} over the replicates", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result")
    parser.add_argument("--year", type=int, default=2035)
    parser.add_argument("--top", type=int, default=3, help="keys printed per headline")
    parser.add_argument("--out", help="folder for sensitivity_YEAR.csv and tornado_YEAR.png")
    args = parser.parse_args(argv)
    try:
        rows = sensitivity(args.result, args.year)
    except (InputError, OSError) as error:
        print(f"sensitivity: {error}", file=sys.stderr)
        return 2
    print_table(rows, args.year, args.top)
    if args.out:
        out = pathlib.Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        write_csv(rows, out / f"sensitivity_{args.year}.csv")
        tornado(rows, args.year, out / f"tornado_{args.year}.png")
        print(f"\nWritten: {out / f'sensitivity_{args.year}.csv'}, {out / f'tornado_{args.year}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
