"""The briefing's figures: matplotlib, drawn off screen and returned as PNG
bytes to be embedded in the page. Every figure has a title, labelled axes with
units and a legend where there is more than one series."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

import norsk  # noqa: E402

COLOURS = {"mangel": "#c0392b", "balanse": "#7f8c8d", "overskudd": "#2471a3"}
SERIES = ["#c0392b", "#e67e22", "#8e44ad", "#2471a3", "#16a085", "#2c3e50", "#d4ac0d", "#7f8c8d"]

plt.rcParams.update({
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "axes.unicode_minus": True,
})

_persons_axis = FuncFormatter(lambda value, _: norsk.number(value))
_years_axis = FuncFormatter(lambda value, _: str(int(round(value))))


def _png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=130, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _finish_persons_by_year(figure, axes):
    """Persons against calendar years: Norwegian number formats, whole years, the legend
    beside the plot, light horizontal grid lines; returns the PNG."""
    axes.yaxis.set_major_formatter(_persons_axis)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.xaxis.set_major_formatter(_years_axis)
    axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    return _png(figure)


def shortage_surplus_paths(years, shortages, surpluses, title):
    """shortages, surpluses: [(label, mean[year], p5[year], p95[year])]: the
    baseline's shortage of a few competences (left) and the surplus of a few
    others (right) over the years, with the 90 % band. The legends sit in the
    room left above the lines."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(7.2, 2.55), sharex=True)
    panels = ((left, shortages, "Mangel", "folk arbeidsgiverne ikke finner", 0),
              (right, surpluses, "Overskudd", "ledige eller i jobb under utdanningen", 4))
    for axes, series, name, meaning, first_colour in panels:
        top = 0.0
        for k, (label, mean, p5, p95) in enumerate(series):
            colour = SERIES[(first_colour + k) % len(SERIES)]
            axes.plot(years, mean, color=colour, linewidth=1.8, label=label)
            axes.fill_between(years, p5, p95, color=colour, alpha=0.15, linewidth=0)
            top = max(top, float(max(p95)), float(max(mean)))
        axes.set_title(f"{name}: {meaning}", fontsize=8.5)
        axes.set_xlabel("År")
        axes.set_ylabel(f"{name} (personer)")
        axes.set_ylim(0, max(top, 1.0) * (1.15 + 0.13 * len(series)))
        axes.yaxis.set_major_formatter(_persons_axis)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        axes.xaxis.set_major_formatter(_years_axis)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        if series:
            axes.legend(loc="upper left", fontsize=6.5)
        else:
            axes.text(0.5, 0.5, "ingen gruppe", transform=axes.transAxes, ha="center", color="#777777")
    figure.suptitle(title, fontsize=10.5, fontweight="bold")
    figure.tight_layout()
    return _png(figure)


def population_by_age(years, groups, title):
    """groups: [(label, persons[year])]: residents by broad age group."""
    figure, axes = plt.subplots(figsize=(7.2, 3.0))
    for k, (label, values) in enumerate(groups):
        axes.plot(years, values, color=SERIES[(k * 2) % len(SERIES)], linewidth=1.8, label=label)
    axes.set_title(title)
    axes.set_xlabel("År (31. desember)")
    axes.set_ylabel("Innbyggere (personer)")
    axes.set_ylim(bottom=0)
    return _finish_persons_by_year(figure, axes)


def paired_changes(labels, shortages, surpluses, ratings, title, replicates):
    """A scenario's change to each competence's shortage (left) and surplus
    (right): horizontal bars with the 90 % interval of the paired differences.
    shortages, surpluses: [(mean, p5, p95)] per label; ratings colour the bars
    by the baseline's rating."""
    count = len(labels)
    figure, panels = plt.subplots(1, 2, figsize=(7.2, 0.19 * count + 1.5), sharey=True)
    positions = list(range(count))[::-1]
    colours = [COLOURS[norsk.RATING_WORD[r]] for r in ratings]
    for axes, changes, name in ((panels[0], shortages, "mangel"), (panels[1], surpluses, "overskudd")):
        means = [m for m, _, _ in changes]
        axes.barh(positions, means, color=colours, alpha=0.85, height=0.65)
        if replicates > 1:
            lower = [m - lo for m, lo, _ in changes]
            upper = [hi - m for m, _, hi in changes]
            axes.errorbar(means, positions, xerr=[lower, upper], fmt="none", ecolor="black",
                          elinewidth=0.9, capsize=2)
        axes.axvline(0, color="black", linewidth=0.8)
        axes.set_title(f"Endring i {name}", fontsize=9)
        axes.set_xlabel("Scenario minus grunnforløp (personer)", fontsize=8)
        axes.xaxis.set_major_formatter(_persons_axis)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=5))
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    panels[0].set_yticks(positions)
    panels[0].set_yticklabels(labels, fontsize=7.5)
    figure.suptitle(title, fontsize=10.5, fontweight="bold")
    handles = [plt.Rectangle((0, 0), 1, 1, color=COLOURS[w], alpha=0.85)
               for w in ("mangel", "balanse", "overskudd")]
    names = ["mangel i grunnforløpet", "balanse i grunnforløpet", "overskudd i grunnforløpet"]
    if replicates > 1:
        handles.append(plt.Line2D([0], [0], color="black", linewidth=0.9))
        names.append("90 % intervall")
    figure.tight_layout()
    figure.legend(handles, names, loc="upper center", bbox_to_anchor=(0.55, 0.0), ncol=4)
    return _png(figure)


def unfilled_by_area(labels, per_thousand, title, months):
    """Unfilled vacancies per 1 000 positions by place of work."""
    figure, axes = plt.subplots(figsize=(7.2, 0.26 * len(labels) + 1.0))
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, per_thousand, color="#e67e22", height=0.65)
    axes.set_yticks(positions)
    axes.set_yticklabels(labels)
    axes.set_title(title)
    axes.set_xlabel(f"Ubesatte stillinger (åpne i minst {months} måneder) per 1{norsk.THOUSANDS}000 stillinger")
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: norsk.number(value, 1)))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    for position, value in zip(positions, per_thousand):
        axes.text(value, position, " " + norsk.number(value, 1), va="center", fontsize=7.5)
    return _png(figure)
