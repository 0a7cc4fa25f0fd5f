#!/usr/bin/python3
"""A briefing in Norwegian (bokmål) for Kompetanseforum Østfold's steering group,
from kfsim result files: key messages, competence groups rated shortage,
balance or surplus with how sure the model is, the occupations short of
people, what each scenario assumes and changes, the municipalities, how to
read it, and where the numbers come from.

A shortage is sized by competence_shortage (positions vacant
labour.shortage_months or more and unmet demand, in the competences they ask
for: the people employers fail to find), a surplus by competence_surplus
(holders registered unemployed or employed below their education), and a
scenario's effect is its change to both. Upgrading (filled jobs that once
asked for less education, held by people with more) is shown apart and never
called a shortage; the frictional part (positions vacant a shorter time) is
explained, not rated.

    make_briefing.py BASE.h5 [SCENARIO.h5 ...] -o briefing.html [--pdf FILE.pdf | --no-pdf]
                     [--years 2030,2035,2040] [--force] [--quiet]

The first file is the baseline. Writes one self-contained HTML page (figures
and style embedded) and a PDF made from it with WeasyPrint, each under a
temporary name renamed only when both are complete. `kfsim brief` runs this.
Exit codes: 0 success, 2 bad input or usage, 1 failure.
"""
import argparse
import datetime
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import figures  # noqa: E402
import norsk  # noqa: E402
import page  # noqa: E402
import results as res  # noqa: E402
import scenario_text  # noqa: E402
from page import esc  # noqa: E402

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
DEFAULT_YEARS = (2030, 2035, 2040)


class UsageError(Exception):
    pass


def parse_years(text):
    years = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or len(part) != 4:
            raise UsageError(f"--years expects years separated by commas "
                             f"(e.g. 2030,2035,2040), not '{text}'")
        years.append(int(part))
    return sorted(set(years))


def choose_years(requested, held):
    held = [int(y) for y in held]
    if requested is not None:
        missing = [y for y in requested if y not in held]
        if missing:
            raise res.InputError(f"the files hold {held[0]}–{held[-1]}; not "
                                 + ", ".join(map(str, missing)))
        return requested
    years = [y for y in DEFAULT_YEARS if y in held]
    return years or [held[-1]]


def how_sure(share, replicates):
    if replicates == 1:
        return "én kjøring"
    agreeing = int(round(share * replicates))
    if agreeing == replicates:
        return f"alle {replicates} kjøringene"
    return f"{agreeing} av {replicates} kjøringer"


class Cell:
    """One competence group in one year of one result: its shortage and surplus
    (spreads over the replicates), its upgrading, and the rating most
    replicates give with the share that agree."""

    def __init__(self, shortage, surplus, upgrading, rating, share):
        self.shortage = shortage
        self.surplus = surplus
        self.upgrading = upgrading
        self.rating = rating
        self.share = share


class Briefing:
    """The numbers the page shows, computed from the result files."""

    def __init__(self, results, years):
        self.base = results[0]
        self.scenarios = results[1:]
        self.years = years
        self.focus_year = 2035 if 2035 in years else years[len(years) // 2]
        self.replicates = self.base.replicates
        self.parameter_uncertainty = self.base.parameter_uncertainty
        self.codes = self.base.competence_codes
        self.names = [norsk.competence_name(code, res.split_label(label)[1])
                      for code, label in zip(self.codes, self.base.competence_labels)]
        self.phrases = [norsk.competence_phrase(code, name)
                        for code, name in zip(self.codes, self.names)]
        self.occupation_names = [norsk.occupation_name(code, res.split_label(label)[1])
                                 for code, label in zip(self.base.occupation_codes,
                                                        self.base.occupation_labels)]
        self.baseline_scenario = self.base.scenario
        labour = self.base.scenario.get("labour", {})
        self.shortage_months = int(labour.get("shortage_months", 3))
        self.threshold = float(labour.get("gap_rating_threshold", 0.05))

    # --- per year and competence -------------------------------------------
    def cell(self, result, year, c):
        y = result.year_index(year)
        shortage = res.spread(result.shortage[:, y, c])
        surplus = res.spread(result.surplus[:, y, c])
        upgrading = res.spread(result.upgrading[:, y, c])
        rating, share = res.majority_rating(result.rating[:, y, c], shortage.mean - surplus.mean)
        return Cell(shortage, surplus, upgrading, rating, share)

    def change(self, scenario, year, c, part="shortage"):
        """The scenario's paired change (scenario minus baseline, replicate by
        replicate) of `part`: "shortage" or "surplus"."""
        y = self.base.year_index(year)
        return res.spread(getattr(scenario, part)[:, y, c] - getattr(self.base, part)[:, y, c])

    def employed(self, year, c):
        return float(self.base.employed[:, self.base.year_index(year), c].mean())

    def clearest(self, year, rating_wanted, count):
        """Competences the baseline rates `rating_wanted` at `year`, surest and
        largest (shortage minus surplus relative to the group's employed) first."""
        found = []
        for c in range(len(self.codes)):
            cell = self.cell(self.base, year, c)
            if cell.rating != rating_wanted:
                continue
            relative = abs(cell.shortage.mean - cell.surplus.mean) / max(self.employed(year, c), 1.0)
            found.append((cell.share, relative, c))
        found.sort(reverse=True)
        return [c for _, _, c in found[:count]]

    def upgraded(self, year, count):
        """Competences with the most upgrading at `year` (jobs asking for them
        held by people with more education), largest first; only clear amounts."""
        found = []
        for c in range(len(self.codes)):
            upgrading = self.cell(self.base, year, c).upgrading.mean
            if upgrading >= max(50.0, 0.05 * self.employed(year, c)):
                found.append((upgrading, c))
        found.sort(reverse=True)
        return [c for _, c in found[:count]]

    # --- population ------------------------------------------------------
    def population_groups(self):
        ages = self.base.age_lower
        population = self.base.population.mean(axis=0).sum(axis=1)  # (year, age_group)
        bands = [("0–19 år", 0, 20), ("20–64 år", 20, 65), ("65–79 år", 65, 80), ("80 år og eldre", 80, 999)]
        return [(label, population[:, (ages >= lo) & (ages < hi)].sum(axis=1)) for label, lo, hi in bands]


def effect_words(phrase, part, change):
    """How a change reads: "mangelen på X blir 76 personer mindre",
    "overskuddet av X blir 12 personer større"."""
    amount = norsk.persons(abs(change))
    direction = "mindre" if change < 0 else "større"
    if part == "shortage":
        return f"mangelen på {phrase} blir {amount} personer {direction}"
    return f"overskuddet av {phrase} blir {amount} personer {direction}"


def interval_words(change, R):
    if R == 1:
        return ""
    if change.p5 <= 0 <= change.p95:
        return " (usikker: intervallet omfatter null)"
    low, high = sorted((abs(change.p5), abs(change.p95)))
    return f" (90{norsk.NBSP}% intervall {norsk.interval(low, high)})"


def key_messages(b):
    year = b.focus_year
    R = b.replicates
    messages = []

    shortages = b.clearest(year, 1, 3)
    if shortages:
        parts = []
        for c in shortages:
            cell = b.cell(b.base, year, c)
            size = f"rundt {norsk.persons(cell.shortage.mean)} personer"
            if R > 1:
                size += f", 90{norsk.NBSP}% intervall {norsk.interval(cell.shortage.p5, cell.shortage.p95)}"
            parts.append(f"{esc(b.phrases[c])} ({size}; mangel i {how_sure(cell.share, R)})")
        messages.append(f"<b>Klarest mangel i {year}:</b> {norsk.join(parts)}. "
                        "Tallene er folk arbeidsgiverne ikke finner: stillinger som har stått ledige "
                        f"i minst {b.shortage_months} måneder eller er gitt opp, regnet om til "
                        "kompetansen de krever.")
    else:
        messages.append(f"<b>Ingen tydelig mangel i {year}:</b> modellen vurderer ingen "
                        "kompetansegruppe som i mangel.")

    surpluses = b.clearest(year, -1, 3)
    if surpluses:
        parts = []
        for c in surpluses:
            cell = b.cell(b.base, year, c)
            parts.append(f"{esc(b.phrases[c])} (rundt {norsk.persons(cell.surplus.mean)} personer; "
                         f"{how_sure(cell.share, R)})")
        messages.append(f"<b>Overskudd i {year}:</b> {norsk.join(parts)}. Overskudd er folk med "
                        "utdanningen som er registrert ledige eller jobber i yrker som vanligvis "
                        "krever mindre utdanning.")

    upgraded = b.upgraded(year, 2)
    if upgraded:
        parts = [f"{esc(b.phrases[c])} (rundt {norsk.persons(b.cell(b.base, year, c).upgrading.mean)} "
                 "jobber)" for c in upgraded]
        messages.append(
            f"<b>Oppgradering er ikke mangel:</b> jobber som før krevde mindre utdanning, fylles av "
            f"folk med mer. I {year} gjelder det særlig jobber som etterspør {norsk.join(parts)}. "
            "Jobbene er besatt, så modellen regner dette verken som mangel eller overskudd.")

    if b.scenarios:
        sentences = []
        shortage_set = set(b.clearest(year, 1, len(b.codes)))
        for scenario in b.scenarios[:4]:
            said = []
            for part in ("shortage", "surplus"):
                _, c = max((abs(b.change(scenario, year, c, part).mean), c) for c in range(len(b.codes)))
                change = b.change(scenario, year, c, part)
                said.append((part, c, change))
            sentence = (f"«{esc(scenario_text.title(scenario.name))}»: "
                        + "; ".join(effect_words(esc(b.phrases[c]), part, change.mean)
                                    + interval_words(change, R) for part, c, change in said))
            # Which rated shortage it narrows most, when the largest change to a shortage
            # is not that, and the narrowing is clear of zero.
            _, first, first_change = said[0]
            narrowed = [(b.change(scenario, year, s), s) for s in shortage_set if s != first]
            narrowed = [(d.mean, s) for d, s in narrowed
                        if d.mean < 0 and (R == 1 or d.p95 < 0)
                        and d.mean < -0.01 * max(b.employed(year, s), 1)]
            if narrowed and not (first in shortage_set and first_change.mean < 0):
                m, s = min(narrowed)
                sentence += f"; blant mangelgruppene minker den mest mangelen på {esc(b.phrases[s])} " \
                            f"({norsk.persons(-m)} personer)"
            sentences.append(sentence + ".")
        more = ""
        if len(b.scenarios) > 4:
            more = f"<p>De øvrige {len(b.scenarios) - 4} scenarioene er omtalt lenger ut.</p>"
        messages.append(f"<b>Hva tiltakene endrer i {year}</b>, sammenlignet med grunnforløpet "
                        "(største endring i mangel og i overskudd for hvert scenario):<ul>"
                        + "".join(f"<li>{s}</li>" for s in sentences) + "</ul>" + more)

    groups = dict(b.population_groups())
    years = b.base.years
    total = sum(groups.values())
    old = groups["80 år og eldre"]
    working = groups["20–64 år"]
    first, last = int(years[0]), int(years[-1])

    def growth(series):
        return (series[-1] - series[0]) / series[0]

    messages.append(
        f"<b>Befolkningen eldes:</b> innbyggertallet går fra "
        f"{norsk.number(total[0])} ({first}) til {norsk.number(total[-1])} ({last}), "
        f"{norsk.percent(growth(total), sign=True)}. Antallet 80 år og eldre går fra "
        f"{norsk.number(old[0])} til {norsk.number(old[-1])} ({norsk.percent(growth(old), sign=True)}), "
        f"mens antallet 20–64 år endres med {norsk.percent(growth(working), sign=True)}. "
        "Aldringen driver erstatningsbehovet: de fleste jobbene som må fylles, blir ledige fordi "
        "noen forlater yrket for godt (pensjon, uførhet, død eller flytting), ikke fordi "
        "arbeidsgivere oppretter nye stillinger.")
    return messages


def rating_table(b):
    R = b.replicates
    year = b.focus_year
    head = "".join(f"<th>{y}</th>" for y in b.years)
    rows = []
    for c, code in enumerate(b.codes):
        cells = []
        for y in b.years:
            cell = b.cell(b.base, y, c)
            word = norsk.RATING_WORD[cell.rating]
            sure = f" {norsk.percent(cell.share)}" if R > 1 else ""
            detail = (f"mangel {norsk.persons(cell.shortage.mean)}<br>"
                      f"overskudd {norsk.persons(cell.surplus.mean)}")
            cells.append(f'<td class="r-{word}"><span class="cell-rating">{word}{sure}</span>'
                         f'<br><span class="cell-detail">{detail}</span></td>')
        upgrading = b.cell(b.base, year, c).upgrading.mean
        upgraded = norsk.persons(upgrading) if upgrading >= 0.5 else norsk.EN_DASH
        rows.append(f"<tr><td>{esc(b.names[c])}</td><td class=\"code\">{esc(code)}</td>"
                    + "".join(cells) + f"<td class=\"num\">{upgraded}</td></tr>")
    return (f"<table class=\"ratings\"><thead><tr><th>Kompetansegruppe</th><th>Kode</th>{head}"
            f"<th class=\"num\">Oppgradering {year}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def occupation_table(b):
    """The occupations with the largest shortage in the focus year, every chosen year."""
    year = b.focus_year
    R = b.replicates
    base = b.base
    shortage = base.occupation_shortage  # (replicate, year, occupation)
    unmet = base.occupation_unmet
    y = base.year_index(year)
    order = [k for k in np.argsort(-shortage[:, y].mean(axis=0)) if shortage[:, y, k].mean() >= 0.5][:8]
    if not order:
        return ""
    head = "".join(f"<th class=\"num\">{y_}</th>" for y_ in b.years)
    rows = []
    for k in order:
        cells = []
        for y_ in b.years:
            spread = res.spread(shortage[:, base.year_index(y_), k])
            text = norsk.persons(spread.mean)
            if R > 1:
                text += f"<br><span class=\"cell-detail\">({norsk.interval(spread.p5, spread.p95)})</span>"
            cells.append(f"<td class=\"num\">{text}</td>")
        given_up = norsk.persons(float(unmet[:, y, k].mean()))
        rows.append(f"<tr><td>{esc(b.occupation_names[k])}</td>"
                    f"<td class=\"code\">{int(base.occupation_codes[k]):02d}</td>{''.join(cells)}"
                    f"<td class=\"num\">{given_up}</td></tr>")
    interval = f"; i parentes 90{norsk.NBSP}% intervall" if R > 1 else ""
    return (f"<div class=\"keep\"><h3>Yrkene med størst mangel</h3>"
            f"<p>Stillinger i Østfold som 31. desember har stått ledige i minst {b.shortage_months} "
            f"måneder, eller som arbeidsgiverne har gitt opp å besette, etter yrke (personer, "
            f"gjennomsnitt over kjøringene{interval}). Det er de samme stillingene som gir mangelen "
            f"i tabellen over, her etter yrke i stedet for utdanning. De {len(order)} yrkene med "
            f"størst mangel i {year}:</p>"
            f"<table class=\"keep\"><thead><tr><th>Yrke</th><th>STYRK</th>{head}"
            f"<th class=\"num\">Herav gitt opp {year}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def balance_figure(b):
    year = b.focus_year
    years = b.base.years

    def series(indices, values):
        found = []
        for c in indices:
            data = values[:, :, c]
            p5, p95 = np.percentile(data, [5, 95], axis=0)
            found.append((b.names[c], data.mean(axis=0), p5, p95))
        return found

    png = figures.shortage_surplus_paths(
        years, series(b.clearest(year, 1, 4), b.base.shortage),
        series(b.clearest(year, -1, 3), b.base.surplus),
        "Grunnforløpet: de tydeligste mangel- og overskuddsgruppene")
    band = f" Skyggen viser 90{norsk.NBSP}% intervall over kjøringene." if b.replicates > 1 else ""
    return page.image(png, "Mangel og overskudd over tid for utvalgte kompetansegrupper",
                      f"Figur 1. Til venstre mangel (folk arbeidsgiverne ikke finner), til høyre "
                      f"overskudd (ledige eller i jobb under utdanningsnivået), personer 31. desember, "
                      f"gjennomsnitt over {b.replicates} kjøringer.{band} "
                      f"Gruppene er de med tydeligst mangel og overskudd i {year}.")


def scenario_section(b, number, scenario):
    year = b.focus_year
    R = b.replicates
    programmes = {}
    # Programme names come from the result file's labels (bokmål already).
    import h5py
    with h5py.File(scenario.path, "r") as handle:
        if "programme_name" in handle:
            for label in handle["programme_name"][:]:
                code, name = res.split_label(label.decode() if isinstance(label, bytes) else str(label))
                programmes[code] = name
    title = scenario_text.title(scenario.name)
    parts = [f'<section class="scenario"><h3>Scenario {number}: {esc(title)}</h3>',
             f"<p class=\"note\">Scenariofil: <code>{esc(scenario.name)}</code>. "
             f"Beskrivelse i filen: «{esc(scenario.description)}»</p>"]
    policies = scenario.policies
    if policies:
        parts.append("<p><b>Hva scenarioet antar</b> (utover grunnforløpet):</p><ul class=\"policies\">")
        for policy in policies:
            parts.append(f"<li>{esc(scenario_text.policy_sentence(policy, programmes, b.baseline_scenario))}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>Scenarioet har ingen tidfestede tiltak; det skiller seg fra grunnforløpet "
                     "bare ved verdiene i scenariofilen.</p>")
    if scenario.seed != b.base.seed:
        parts.append("<p class=\"note\"><b>Obs:</b> kjørt med et annet frø enn grunnforløpet; "
                     "forskjellene inneholder derfor også tilfeldig støy.</p>")

    def net(c):
        return b.change(scenario, year, c, "shortage").mean - b.change(scenario, year, c, "surplus").mean

    order = sorted(range(len(b.codes)), key=net)
    shortage = [b.change(scenario, year, c, "shortage") for c in order]
    surplus = [b.change(scenario, year, c, "surplus") for c in order]
    png = figures.paired_changes(
        [b.names[c] for c in order],
        [(s.mean, s.p5, s.p95) for s in shortage], [(s.mean, s.p5, s.p95) for s in surplus],
        [b.cell(b.base, year, c).rating for c in order], f"{title}: endring {year}", R)
    interval_text = (f" Strekene viser 90{norsk.NBSP}% intervall for forskjellen, kjøring for kjøring."
                     if R > 1 else "")
    parts.append(page.image(png, f"Endring i mangel og overskudd per kompetansegruppe, {title}",
                            f"Figur {number + 2}. Scenarioet minus grunnforløpet i {year}, per "
                            f"kompetansegruppe (personer): til venstre mangelen, til høyre "
                            f"overskuddet. Under null: færre arbeidsgiverne ikke finner, eller færre "
                            f"ledige og feilplasserte.{interval_text} Fargen viser vurderingen i "
                            f"grunnforløpet."))

    # The largest effects, every chosen year.
    def size(c):
        return max(abs(b.change(scenario, year, c, "shortage").mean),
                   abs(b.change(scenario, year, c, "surplus").mean))

    biggest = sorted(range(len(b.codes)), key=lambda c: -size(c))[:6]
    head = "".join(f"<th class=\"num\">{y}</th>" for y in b.years)
    rows = []
    for c in biggest:
        cells = []
        for y in b.years:
            lines = []
            for part, word in (("shortage", "mangel"), ("surplus", "overskudd")):
                change = b.change(scenario, y, c, part)
                line = f"{word} {norsk.persons(change.mean, sign=True)}"
                if R > 1:
                    line += (f"<br><span class=\"cell-detail\">({norsk.interval(change.p5, change.p95, True)})"
                             "</span>")
                lines.append(line)
            cell = b.cell(scenario, y, c)
            rating = norsk.RATING_WORD[cell.rating] + (f" {norsk.percent(cell.share)}" if R > 1 else "")
            lines.append(f"<span class=\"cell-detail\">vurdering: {rating}</span>")
            cells.append(f"<td class=\"num\">{'<br>'.join(lines)}</td>")
        rows.append(f"<tr><td>{esc(b.names[c])}</td>{''.join(cells)}</tr>")
    parts.append("<div class=\"keep\"><p><b>Størst endring</b> (personer, scenario minus grunnforløp"
                 + (f"; i parentes 90{norsk.NBSP}% intervall" if R > 1 else "")
                 + "; under: vurderingen i scenarioet):</p>")
    parts.append(f"<table class=\"keep\"><thead><tr><th>Kompetansegruppe</th>{head}</tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table></div>")
    parts.append("</section>")
    return "".join(parts)


def municipality_section(b):
    year = b.focus_year
    base = b.base
    y = base.year_index(year)
    first = int(base.years[0])
    last = int(base.years[-1])
    population = base.population.mean(axis=0)  # (year, municipality, age)
    ages = base.age_lower
    rows = []
    for m, name in enumerate(base.municipalities):
        start = population[0, m].sum()
        end = population[-1, m].sum()
        old_share = population[-1, m, ages >= 80].sum() / end
        rows.append(f"<tr><td>{esc(name)}</td><td class=\"num\">{norsk.number(start)}</td>"
                    f"<td class=\"num\">{norsk.number(end)}</td>"
                    f"<td class=\"num\">{norsk.percent((end - start) / start, sign=True)}</td>"
                    f"<td class=\"num\">{norsk.percent(old_share, 1)}</td></tr>")
    population_table = (
        f"<table><thead><tr><th>Kommune</th><th class=\"num\">Innbyggere {first}</th>"
        f"<th class=\"num\">Innbyggere {last}</th><th class=\"num\">Endring</th>"
        f"<th class=\"num\">Andel 80+ i {last}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")

    shortages = b.clearest(year, 1, 4)
    supply_table = ""
    if shortages:
        supply = base.supply.mean(axis=0)  # (year, municipality, competence)
        head = "".join(f"<th class=\"num\">{esc(b.names[c])}</th>" for c in shortages)
        rows = []
        for m, name in enumerate(base.municipalities):
            cells = "".join(
                f"<td class=\"num\">{norsk.number(supply[y, m, c])}<br><span class=\"cell-detail\">"
                f"{norsk.percent((supply[y, m, c] - supply[0, m, c]) / supply[0, m, c], sign=True) if supply[0, m, c] > 0 else norsk.EN_DASH}"
                f"</span></td>" for c in shortages)
            rows.append(f"<tr><td>{esc(name)}</td>{cells}</tr>")
        supply_table = (
            f"<p><b>Arbeidsstyrken med kompetansene i mangel</b>, etter bosted, {year} "
            f"(personer; under: endring fra {first}):</p>"
            f"<table><thead><tr><th>Kommune</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    inside = [k for k, code in enumerate(base.work_area_codes) if code != 0]
    unfilled = base.unfilled.mean(axis=0)[y]
    jobs = base.jobs.mean(axis=0)[y]
    per_thousand = [1000 * unfilled[k] / jobs[k] if jobs[k] > 0 else 0.0 for k in inside]
    png = figures.unfilled_by_area([base.work_areas[k] for k in inside], per_thousand,
                                   f"Ubesatte stillinger etter arbeidssted, {year}",
                                   b.shortage_months)
    figure = page.image(png, "Ubesatte stillinger per 1000 stillinger etter kommune",
                        f"Figur 2. Stillinger som har stått ledige i minst {b.shortage_months} "
                        f"måneder (NAVs mål på mangel), gjennomsnitt over året og over kjøringene, "
                        f"per 1{norsk.THOUSANDS}000 stillinger i kommunen.")
    return ("<h2 class=\"page-break\">Kommunene</h2>"
            "<p>Mangel og overskudd regnes for hele fylket, fordi mange pendler mellom kommunene: "
            "stillingene telles der jobben er, folkene der de bor. Kommunetallene viser derfor hvor "
            "kompetansen bor, hvor stillinger blir stående ubesatt, og hvordan befolkningen endres.</p>"
            + figure + supply_table
            + "<p><b>Befolkningen etter kommune</b> (31. desember, gjennomsnitt over kjøringene):</p>"
            + population_table)


def how_sure_text(b):
    """What the bands and the shares behind the ratings hold: parameter and random variation, or
    random variation only; and a warning when fewer than 10 runs stand behind them."""
    R = b.replicates
    if b.parameter_uncertainty:
        text = (f"<li><b>Hvor sikker modellen er:</b> modellen kjøres {R} ganger, og hver kjøring "
                "trekker sine egne verdier for de mest usikre forutsetningene (innflytting, "
                "fruktbarhet, etterspørsel, avgang og markedets reaksjoner; se scenariofilens "
                "tabell <code>[uncertainty]</code>) i tillegg til egne tilfeldige tall. Det "
                f"<b>90{norsk.NBSP}% usikkerhetsintervallet</b> går fra 5. til 95. persentil over "
                "kjøringene og viser både usikkerheten i forutsetningene og tilfeldig variasjon. "
                "Prosenten bak vurderingen er andelen kjøringer som gir samme vurdering.")
    else:
        text = (f"<li><b>Hvor sikker modellen er:</b> modellen kjøres {R} ganger med ulike "
                "tilfeldige tall, men med de samme forutsetningene. Det "
                f"<b>90{norsk.NBSP}% intervallet</b> er spredningen over {R} kjøringer (bare "
                "tilfeldig variasjon): det viser ikke usikkerheten i forutsetningene, så tallene er "
                "mindre sikre enn intervallet ser ut. Prosenten bak vurderingen er andelen "
                "kjøringer som gir samme vurdering, ikke en sannsynlighet.")
    if 1 < R < 10:
        text += (f" <b>Merk:</b> bare {R} kjøringer; intervaller og andeler fra færre enn 10 "
                 "kjøringer er grove.")
    return text + "</li>"


def how_to_read(b):
    R = b.replicates
    threshold = norsk.percent(b.threshold)
    return f"""
<h2 class="page-break">Slik leser du tallene</h2>
<ul>
<li><b>Mangel</b> er folk arbeidsgiverne ikke finner: stillinger i Østfold som har stått ledige
i minst {b.shortage_months} måneder, eller som arbeidsgiverne har gitt opp å besette, regnet om til
kompetansen de krever (personer, 31. desember, hele fylket).</li>
<li><b>Overskudd</b> er personer med kompetansen som er registrert ledige, eller som jobber i et
yrke som vanligvis krever mindre utdanning.</li>
<li><b>Oppgradering:</b> jobber som før krevde mindre utdanning, fylles av folk med mer. Jobbene
er besatt, så det er verken mangel eller overskudd. Det skjer fordi unge kull har mer utdanning
enn dem som går av. Tabellen viser oppgraderingen for hver gruppe.</li>
<li><b>Friksjon:</b> stillinger som har stått ledige kortere enn {b.shortage_months} måneder. Det er
vanlig utskifting og regnes ikke som mangel.</li>
<li>Til sammen utgjør de <b>gapet</b>, etterspørsel minus tilbud: mangel + friksjon − overskudd +
oppgradering. Etterspørselen er stillingene (besatt, ledige eller gitt opp) som står åpne for
fylkets innbyggere, regnet om til kompetansen de krever; tilbudet er arbeidsstyrken (sysselsatte
og arbeidssøkere) etter høyeste fullførte utdanning.</li>
<li><b>Mangel, balanse, overskudd:</b> en gruppe vurderes i mangel når mangel minus overskudd er
mer enn {threshold} av de sysselsatte med kompetansen, i overskudd når det er mindre enn
−{threshold}, ellers i balanse.</li>
{how_sure_text(b)}
<li><b>Endring i et scenario</b> er mangelen (og overskuddet) i scenarioet minus den i
grunnforløpet, kjøring for kjøring. Kjøringene deler tilfeldige tall, slik at forskjellen viser
virkningen av tiltaket og ikke støy. Et intervall som omfatter null betyr at virkningen er for liten til å skilles fra null.</li>
<li>Tall er gjennomsnitt over kjøringene og avrundet; summer kan avvike.</li>
</ul>

<h2>Forutsetninger og kilder</h2>
<ul>
<li>Befolkningen starter fra SSBs befolkning per 1. januar 2024; dødelighet, fødsler og flytting
følger de siste årenes rater (<code>scenarios/data/SOURCES.md</code>).</li>
<li>Arbeidsmarkedet: utdanning etter alder, kjønn og kommune, sysselsetting og ledighet,
pendling, arbeidsgivere etter næring og størrelse, bemanning etter yrke og vekst etter næring
(<code>scenarios/data/labour/SOURCES.md</code>); utdanningstilbudene med plasser og
gjennomføring (<code>scenarios/data/education/SOURCES.md</code>).</li>
<li>Hvordan modellen er kalibrert mot 2023–2024 (sysselsetting, NAVs ledighet, pendling, jobber
etter yrke, NAVs anslag på mangel), og hvor den bommer: <code>docs/calibration.md</code>.</li>
<li>Hvert scenario, med kilde eller antakelse bak hvert tall: <code>scenarios/README.md</code>.
Størrelsene på tiltakene er spørsmålene som stilles («hva om …»), ikke anslag på hva et
tiltak vil oppnå.</li>
</ul>

<h2>Hva modellen ikke dekker</h2>
<ul>
<li>Lønn er ikke modellert: folk velger jobb etter hvor godt utdanningen passer og reisetid,
arbeidsgivere etter hvor godt søkeren passer.</li>
<li>Kurs og opplæring i regi av arbeidsgiver som ikke gir formell kompetanse, er ikke med:
kompetanse er høyeste fullførte formelle utdanning.</li>
<li>Hva hvert yrke krever av utdanning, og hvilke yrker hver næring trenger, endres som i SSBs
registertall for 2015–2020 (<code>docs/calibration.md</code>); ny teknologi endrer dem utover det
bare i scenarioene som sier det.</li>
<li>Oslo og Akershus er et ytre arbeidsmarked: modellen følger ikke folk som bor der, bare
pendlingen dit og derfra.</li>
<li>Framskrivingene er ikke prognoser: de viser hva som skjer hvis dagens mønstre fortsetter,
og hvordan tiltak endrer det.</li>
</ul>
"""


def provenance_section(results):
    rows = []
    for k, result in enumerate(results):
        role = "grunnforløp" if k == 0 else f"scenario {k}"
        rows.append(
            f"<tr><td>{esc(role)}</td><td><code>{esc(result.name)}</code></td>"
            f"<td>{esc(os.path.basename(result.path))}</td><td class=\"num\">{result.seed}</td>"
            f"<td class=\"num\">{result.replicates}</td><td>{esc(result.code_version)}</td>"
            f"<td>{esc(norsk.date(result.started_utc))}</td></tr>")
    made = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        "<h2>Om kjøringene</h2>"
        f"<p>Laget {esc(norsk.date(made))} av <code>kfsim brief</code> fra disse resultatfilene "
        "(hele scenarioteksten ligger i hver fil, attributtet <code>kfsim_scenario</code>; "
        "<code>kfsim info FIL.h5</code> viser den):</p>"
        "<table><thead><tr><th>Rolle</th><th>Scenario</th><th>Fil</th><th class=\"num\">Frø</th>"
        "<th class=\"num\">Kjøringer</th><th>Kodeversjon</th><th>Kjørt</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>")


def build_html(results, years):
    b = Briefing(results, years)
    base = b.base
    first, last = int(base.years[0]), int(base.years[-1])
    titles = [scenario_text.title(s.name) for s in b.scenarios]
    spread = ("usikkerhet i forutsetningene og tilfeldig variasjon" if b.parameter_uncertainty
              else "bare tilfeldig variasjon")
    subtitle = (f"Framskriving {first}–{last} med kfsim, {b.replicates} kjøringer per scenario "
                f"(intervallene viser {spread}"
                + ("; færre enn 10 kjøringer gir grove intervaller" if 1 < b.replicates < 10 else "")
                + "). "
                + (f"Scenarioer: {esc(norsk.join(['«' + t + '»' for t in titles]))}." if titles else ""))
    body = [
        "<header><h1>Kompetansebehov i Østfold</h1>",
        f"<p class=\"subtitle\">Briefing for Kompetanseforum Østfold. {subtitle}</p></header>",
        "<section class=\"keys\"><h2>Hovedbudskap</h2><ol>",
        "".join(f"<li>{message}</li>" for message in key_messages(b)),
        "</ol></section>",
        balance_figure(b),
        "<h2>Mangel, balanse og overskudd</h2>",
        f"<p>Grunnforløpet, per kompetansegruppe og år. Prosenten er andelen av de {b.replicates} "
        "kjøringene som gir samme vurdering; under står mangelen (folk arbeidsgiverne ikke finner) "
        "og overskuddet (ledige eller i jobb under utdanningsnivået), personer 31. desember. "
        f"Siste kolonne er oppgraderingen i {b.focus_year}: jobber som etterspør kompetansen, men er "
        "besatt av folk med mer utdanning. Den er ikke mangel. Se «Slik leser du tallene».</p>",
        rating_table(b),
        occupation_table(b),
    ]
    if b.scenarios:
        body.append("<h2 class=\"page-break\">Scenarioene</h2>")
        body.append("<p>Hvert scenario bygger på grunnforløpet og endrer bare det som står under. "
                    "Det bruker de samme tilfeldige tallene, så forskjellen er virkningen av "
                    "forutsetningene.</p>")
        for k, scenario in enumerate(b.scenarios, start=1):
            section = scenario_section(b, k, scenario)
            if k == 1:  # the first scenario follows the heading on the same page
                section = section.replace('<section class="scenario">', "<section>", 1)
            body.append(section)
    body.append(municipality_section(b))
    population_png = figures.population_by_age(
        base.years, b.population_groups(), "Innbyggere i Østfold etter aldersgruppe")
    body.append("<h3>Befolkningen etter alder</h3>")
    body.append(page.image(population_png, "Innbyggere etter aldersgruppe",
                           f"Figur {len(b.scenarios) + 3}. Innbyggere 31. desember, grunnforløpet, "
                           "gjennomsnitt over kjøringene."))
    body.append(how_to_read(b))
    body.append(provenance_section(results))
    return page.document("Kompetansebehov i Østfold – briefing", "\n".join(body))


def temporary_name(path):
    return path.with_name(f".{path.name}.partial-{os.getpid()}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="kfsim brief",
        description="A briefing in Norwegian from kfsim result files: the baseline first.")
    parser.add_argument("files", nargs="+", help="result files (.h5), the baseline first")
    parser.add_argument("-o", "--output", required=True, help="the briefing (HTML)")
    parser.add_argument("--pdf", help="the PDF (default: the HTML's name with .pdf)")
    parser.add_argument("--no-pdf", action="store_true", help="write no PDF")
    parser.add_argument("--years", help="years of the rating table, e.g. 2030,2035,2040")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = parser.parse_args(argv)

    def fail(message, code):
        print(f"kfsim brief: {message}", file=sys.stderr)
        return code

    html_path = pathlib.Path(args.output)
    if args.no_pdf and args.pdf:
        return fail("--pdf and --no-pdf exclude each other", EXIT_USAGE)
    pdf_path = None if args.no_pdf else pathlib.Path(args.pdf) if args.pdf else html_path.with_suffix(".pdf")
    outputs = [p for p in (html_path, pdf_path) if p is not None]
    if pdf_path is not None and pdf_path.resolve() == html_path.resolve():
        return fail(f"{html_path}: the HTML and the PDF would be the same file", EXIT_USAGE)
    for path in outputs:
        if not path.resolve().parent.is_dir():
            return fail(f"cannot write {path}: directory {path.resolve().parent} does not exist",
                        EXIT_USAGE)
        if path.exists() and not args.force:
            return fail(f"{path} already exists; use --force to overwrite it, or -o to choose "
                        "another file", EXIT_USAGE)
    try:
        requested = parse_years(args.years) if args.years else None
        results = [res.read_result(path) for path in args.files]
        res.check_comparable(results)
        years = choose_years(requested, results[0].years)
    except UsageError as error:
        return fail(str(error), EXIT_USAGE)
    except res.InputError as error:
        return fail(str(error), EXIT_USAGE)
    for result in results[1:]:
        if result.seed != results[0].seed:
            print(f"kfsim brief: warning: {result.path} has seed {result.seed}, the baseline "
                  f"{results[0].seed}: their differences include random noise", file=sys.stderr)

    temporaries = []
    try:
        html_text = build_html(results, years)
        html_temporary = temporary_name(html_path)
        temporaries.append(html_temporary)
        html_temporary.write_text(html_text, encoding="utf-8")
        if pdf_path is not None:
            import logging

            import weasyprint
            logging.getLogger("weasyprint").setLevel(logging.ERROR)
            logging.getLogger("fontTools").setLevel(logging.ERROR)
            pdf_temporary = temporary_name(pdf_path)
            temporaries.append(pdf_temporary)
            weasyprint.HTML(string=html_text, base_url=str(html_path.resolve().parent)).write_pdf(
                str(pdf_temporary))
        # Both are complete: publish them.
        os.replace(html_temporary, html_path)
        if pdf_path is not None:
            os.replace(pdf_temporary, pdf_path)
        temporaries.clear()
    except KeyboardInterrupt:
        return fail("interrupted; no briefing written", EXIT_FAILURE)
    except Exception as error:  # noqa: BLE001: any failure leaves no half-written briefing
        return fail(f"failed: {type(error).__name__}: {error}", EXIT_FAILURE)
    finally:
        for path in temporaries:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
    if not args.quiet:
        written = " and ".join(str(p) for p in outputs)
        print(f"kfsim brief: wrote {written} ({len(results) - 1} scenario(s) against "
              f"{results[0].name}, {results[0].replicates} replicates, years "
              f"{', '.join(map(str, years))})")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
