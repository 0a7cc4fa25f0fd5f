"""kfsim brief: the Norwegian number formatter, the briefing made from small
runs (a baseline and two scenarios), checked in headless Chromium (the page
renders, every image loads, no console errors, the screenshot is not blank) and
in its PDF (pages, headings, Norwegian numbers), and the errors: a file that is
not a kfsim result, a missing file, an existing output without --force.

The numbers the briefing states come from the gap's parts: every shortage and
surplus in the rating table and the key messages equals the mean of the file's
competence_shortage and competence_surplus, the occupations' shortage equals
shortage_by_occupation, upgrading is named apart with its plain explanation and
never called a shortage, and the briefing no longer sets primary school apart as
a method artefact. A file lacking the parts, or whose gap is not their sum, is
refused naming the file."""
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from PIL import Image

import h5py

from kfsim_testing import SHARED_REPLICATES, SOURCE, run_kfsim, shared_run

sys.path.insert(0, str(SOURCE / "notebooks" / "briefing"))
import norsk  # noqa: E402

NNBSP, NBSP, MINUS = "\u202f", "\u00a0", "\u2212"
# The years the briefing shows: three of the shared runs' (to 2027).
YEARS = ("2025", "2026", "2027")
HEADINGS = ["Kompetansebehov i Østfold", "Hovedbudskap", "Mangel, balanse og overskudd",
            "Scenarioene", "Kommunene", "Slik leser du tallene", "Forutsetninger og kilder",
            "Hva modellen ikke dekker", "Om kjøringene"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                  "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0"]

# Loads the page under test in an iframe, then writes what it found into its own DOM.
HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<pre id="result">pending</pre>
<iframe id="page" src="PAGE" style="width:1200px;height:1600px"></iframe>
<script>
const frame = document.getElementById("page");
frame.addEventListener("load", () => setTimeout(() => {
  const out = {};
  try {
    const doc = frame.contentDocument;
    const images = Array.from(doc.images);
    out.images = images.length;
    out.broken = images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt);
    out.headings = Array.from(doc.querySelectorAll("h1, h2, h3")).map(h => h.textContent.trim());
    out.errors = frame.contentWindow.__errors || null;
    out.external = Array.from(doc.querySelectorAll("[src], link[href]"))
      .map(e => e.getAttribute("src") || e.getAttribute("href"))
      .filter(u => /^(https?:)?\\/\\//.test(u));
    out.text_length = doc.body.innerText.length;
  } catch (error) {
    out.exception = String(error);
  }
  document.getElementById("result").textContent = JSON.stringify(out);
}, 300));
</script></body></html>
"""

# Put first in the page's <head>: records console errors and failed loads.
ERROR_HOOK = """<script>window.__errors = [];
(function () { const original = console.error.bind(console);
  console.error = function (...args) { window.__errors.push(args.join(" ")); original(...args); }; })();
window.addEventListener("error", e => window.__errors.push(
  "error: " + (e.message || (e.target && (e.target.alt || e.target.tagName)) || e.type)), true);
</script>"""


class NumberFormatTest(unittest.TestCase):
    def test_how_sure_says_what_the_spread_holds(self):
        import types
        import make_briefing
        drawn = make_briefing.how_sure_text(
            types.SimpleNamespace(replicates=10, parameter_uncertainty=True))
        self.assertIn("usikkerhetsintervallet", drawn)
        self.assertIn("usikkerheten i forutsetningene og tilfeldig variasjon", drawn)
        self.assertNotIn("Merk", drawn)
        noise = make_briefing.how_sure_text(
            types.SimpleNamespace(replicates=5, parameter_uncertainty=False))
        self.assertIn("spredningen over 5 kjøringer (bare tilfeldig variasjon)", noise)
        self.assertIn("bare 5 kjøringer", noise)

    def test_thousands_and_decimal_comma(self):
        self.assertEqual(norsk.number(1234.5, 1), f"1{NNBSP}234,5")
        self.assertEqual(norsk.number(1234567), f"1{NNBSP}234{NNBSP}567")
        self.assertEqual(norsk.number(999), "999")
        self.assertEqual(norsk.number(1000), f"1{NNBSP}000")
        self.assertEqual(norsk.number(0.25, 2), "0,25")
        self.assertEqual(norsk.number(2.5), "3")  # half away from zero
        self.assertEqual(norsk.number(-2.5), f"{MINUS}3")

    def test_signs(self):
        self.assertEqual(norsk.number(-1234.5, 1), f"{MINUS}1{NNBSP}234,5")
        self.assertEqual(norsk.number(12, sign=True), "+12")
        self.assertEqual(norsk.number(-0.04, 1, sign=True), "0,0")  # rounds to zero: no sign
        self.assertEqual(norsk.number(float("nan")), "\u2013")

    def test_persons_percent_interval(self):
        self.assertEqual(norsk.persons(3.44), "3,4")
        self.assertEqual(norsk.persons(-12345.6), f"{MINUS}12{NNBSP}346")
        self.assertEqual(norsk.persons(0), "0")
        self.assertEqual(norsk.persons(7.5, sign=True), "+7,5")
        self.assertEqual(norsk.percent(0.123), f"12{NBSP}%")
        self.assertEqual(norsk.percent(0.0125, 1), f"1,3{NBSP}%")
        self.assertEqual(norsk.percent(-0.07, sign=True), f"{MINUS}7{NBSP}%")
        self.assertEqual(norsk.interval(-12, 34), f"{MINUS}12 til 34")

    def test_words_and_dates(self):
        self.assertEqual(norsk.join(["a", "b", "c"]), "a, b og c")
        self.assertEqual(norsk.month("2026-01"), "januar 2026")
        self.assertEqual(norsk.date("2026-11-27T10:51:42Z"), "27. november 2026")

    def test_occupation_names(self):
        self.assertEqual(norsk.occupation_name(25, "ICT"), "IKT-rådgivere")
        self.assertEqual(norsk.occupation_name(741, "Electricians"), "Elektrikere")
        self.assertEqual(norsk.occupation_name("234", "Teachers"), "Grunnskole- og barnehagelærere")
        self.assertEqual(norsk.occupation_name(99, "Other"), "Other")

    def test_every_baseline_occupation_has_a_norwegian_name(self):
        table = SOURCE / "scenarios" / "data" / "labour" / "occupations.csv"
        with open(table, encoding="utf-8") as f:
            codes = [line.split(",")[0] for line in f if not line.startswith("#")][1:]
        self.assertEqual(len(codes), 47)
        for code in codes:
            with self.subTest(code=code):
                self.assertIn(int(code), norsk.OCCUPATION_NAMES)


def text_of(fragment):
    """The text of an HTML fragment, tags removed, entities resolved."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def file_means(path):
    """The file's gap parts and occupation shortage, mean over replicates, with
    its years, competence codes and occupation codes."""
    with h5py.File(path, "r") as f:
        codes = [(v.decode() if isinstance(v, bytes) else str(v)).split(":")[0]
                 for v in f["competence_name"][:]]
        found = {name: f[name][()].astype(float).mean(axis=0)
                 for name in ("competence_shortage", "competence_surplus", "competence_upgrading")}
        found["shortage_by_occupation"] = f["shortage_by_occupation"][()].sum(axis=2).mean(axis=0)
        found["unmet_demand"] = f["unmet_demand"][()].sum(axis=2).mean(axis=0)
        found["years"] = [int(y) for y in f["year"][:]]
        found["codes"] = codes
        found["occupations"] = [int(o) for o in f["occupation"][:]]
    return found


class BriefingMeasures(unittest.TestCase):
    """What the briefing says, against the numbers in the files (HTML only)."""

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory(prefix="kfsim-brief-measures-")
        cls.dir = pathlib.Path(cls.scratch.name)
        cls.files = [shared_run(name) for name in ("baseline", "more_nursing_places", "activation")]
        cls.html = cls.dir / "briefing.html"
        cls.done = run_kfsim("brief", *cls.files, "-o", cls.html, "--no-pdf", "--quiet",
                             "--years", ",".join(YEARS))
        cls.text = cls.html.read_text(encoding="utf-8") if cls.html.exists() else ""
        cls.base = file_means(cls.files[0])

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def setUp(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)

    def key_messages(self):
        block = re.search(r'<section class="keys">(.*?)</section>', self.text, re.S).group(1)
        return [m for m in re.findall(r"<li><b>(.*?)</li>(?=<li><b>|</ol>)", block, re.S)]

    def test_rating_table_shows_the_files_shortage_and_surplus(self):
        table = re.search(r'<table class="ratings">(.*?)</table>', self.text, re.S).group(1)
        self.assertIn(f"Oppgradering {YEARS[1]}", table)  # the focus year: the middle one
        self.assertNotIn("gap ", text_of(table))
        rows = re.findall(r'<td class="code">([A-Z_]+)</td>(.*?)</tr>', table, re.S)
        self.assertEqual([code for code, _ in rows], self.base["codes"])
        for c, (code, cells) in enumerate(rows):
            details = re.findall(r'<span class="cell-detail">(.*?)</span>', cells, re.S)
            self.assertEqual(len(details), len(YEARS))
            for detail, year in zip(details, YEARS):
                y = self.base["years"].index(int(year))
                shortage = norsk.persons(self.base["competence_shortage"][y, c])
                surplus = norsk.persons(self.base["competence_surplus"][y, c])
                with self.subTest(code=code, year=year):
                    self.assertEqual(detail, f"mangel {shortage}<br>overskudd {surplus}")
            y = self.base["years"].index(int(YEARS[1]))
            upgrading = self.base["competence_upgrading"][y, c]
            last = re.findall(r'<td class="num">(.*?)</td>', cells)[-1]
            self.assertEqual(last, norsk.persons(upgrading) if upgrading >= 0.5 else norsk.EN_DASH)

    def test_key_messages_size_shortage_and_surplus_by_their_parts(self):
        messages = self.key_messages()
        y = self.base["years"].index(int(YEARS[1]))
        phrases = {code: html.escape(norsk.competence_phrase(code, code)) for code in self.base["codes"]}
        shortage = next(m for m in messages
                        if m.startswith("Klarest mangel") or m.startswith("Ingen tydelig mangel"))
        checked = 0
        for c, code in enumerate(self.base["codes"]):
            found = re.search(re.escape(phrases[code]) + r" \(rundt ([^ ]+) personer", shortage)
            if found:
                self.assertEqual(found.group(1), norsk.persons(self.base["competence_shortage"][y, c]), code)
                checked += 1
        if shortage.startswith("Klarest mangel"):
            self.assertGreater(checked, 0, shortage)
            self.assertIn("folk arbeidsgiverne ikke finner", shortage)
        surplus = [m for m in messages if m.startswith("Overskudd i")]
        for message in surplus:
            for c, code in enumerate(self.base["codes"]):
                found = re.search(re.escape(phrases[code]) + r" \(rundt ([^ ]+) personer", message)
                if found:
                    self.assertEqual(found.group(1), norsk.persons(self.base["competence_surplus"][y, c]),
                                     code)

    def test_upgrading_is_named_apart_and_never_a_shortage(self):
        self.assertIn("jobber som før krevde mindre utdanning, fylles av folk med mer", self.text)
        self.assertIn("<b>Oppgradering:</b>", self.text)  # how to read the numbers
        for message in self.key_messages():
            if message.startswith("Oppgradering"):
                self.assertIn("ikke mangel", message)
            else:
                self.assertNotIn("ppgrader", message)

    def test_says_what_the_intervals_hold_and_that_three_runs_are_few(self):
        # The shared runs draw no [uncertainty] keys and have three replicates.
        self.assertIn("(intervallene viser bare tilfeldig variasjon; færre enn 10 kjøringer gir "
                      "grove intervaller)", self.text)
        self.assertIn(f"spredningen over {SHARED_REPLICATES} kjøringer (bare tilfeldig variasjon)",
                      self.text)
        self.assertIn(f"<b>Merk:</b> bare {SHARED_REPLICATES} kjøringer", self.text)
        self.assertNotIn("usikkerhetsintervallet", self.text)

    def test_primary_school_is_no_method_artefact(self):
        for gone in ("med forsiktighet", "Grunnskolegruppen", "følge av metoden", "holdt fast",
                     "utenom gruppen med bare grunnskole", "grunnskolegruppen er utelatt"):
            self.assertNotIn(gone, self.text)
        self.assertNotIn("*</td>", self.text)

    def test_scenarios_change_shortage_and_surplus(self):
        scenarios = next(m for m in self.key_messages() if m.startswith("Hva tiltakene endrer"))
        self.assertIn("mangelen på", scenarios)
        self.assertIn("overskuddet av", scenarios)
        self.assertNotIn("gapet", scenarios)
        self.assertIn("Endring i mangel og overskudd per kompetansegruppe", self.text)
        # The first scenario's table: the change of the shortage, scenario minus baseline.
        nursing = file_means(self.files[1])
        section = self.text.split("Scenario 1:", 1)[1].split("Scenario 2:", 1)[0]
        table = re.search(r"Størst endring.*?<tbody>(.*?)</tbody>", section, re.S).group(1)
        names = {norsk.competence_name(code, code): c for c, code in enumerate(self.base["codes"])}
        rows = re.findall(r"<tr><td>(.*?)</td>(.*?)</tr>", table, re.S)
        self.assertTrue(rows)
        for name, cells in rows:
            c = names[html.unescape(name)]
            for cell, year in zip(re.findall(r'<td class="num">(.*?)</td>', cells, re.S), YEARS):
                y = self.base["years"].index(int(year))
                change = nursing["competence_shortage"][y, c] - self.base["competence_shortage"][y, c]
                self.assertTrue(cell.startswith(f"mangel {norsk.persons(change, sign=True)}<br>"),
                                (name, year, cell))
                self.assertIn("overskudd ", cell)

    def test_occupations_short_of_people(self):
        section = re.search(r"<h3>Yrkene med størst mangel</h3>(.*?)</table>", self.text, re.S)
        self.assertIsNotNone(section)
        rows = re.findall(r'<td class="code">(\d\d)</td>(.*?)</tr>', section.group(1), re.S)
        self.assertTrue(rows)
        y = self.base["years"].index(int(YEARS[1]))
        previous = None
        for code, cells in rows:
            k = self.base["occupations"].index(int(code))
            numbers = re.findall(r'<td class="num">([^<]*)', cells)
            self.assertEqual(numbers[1], norsk.persons(self.base["shortage_by_occupation"][y, k]))
            self.assertEqual(numbers[-1], norsk.persons(self.base["unmet_demand"][y, k]))
            value = self.base["shortage_by_occupation"][y, k]
            if previous is not None:
                self.assertLessEqual(value, previous)  # largest first
            previous = value

    def test_never_writes_over_a_result_file_it_reads(self):
        copy = self.dir / "copy.h5"
        shutil.copy(self.files[0], copy)
        before = copy.read_bytes()
        done = run_kfsim("brief", copy, self.files[1], "-o", copy, "--no-pdf", "--force")
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("is one of this command's inputs", done.stderr)
        self.assertEqual(copy.read_bytes(), before)

    def test_files_without_the_gaps_parts_are_refused(self):
        source = self.files[0]
        lacking = self.dir / "lacking.h5"
        shutil.copy(source, lacking)
        with h5py.File(lacking, "r+") as f:
            del f["competence_shortage"]
        wrong = self.dir / "wrong_sum.h5"
        shutil.copy(source, wrong)
        with h5py.File(wrong, "r+") as f:
            gap = f["competence_gap"]
            values = gap[()]
            values[0, 0, 0] += 7
            gap[...] = values
        for bad, message in ((lacking, "has no variable 'competence_shortage'"),
                             (wrong, "competence_gap is not the sum of its parts")):
            out = self.dir / f"bad-{bad.stem}.html"
            with self.subTest(file=bad.name):
                done = run_kfsim("brief", source, bad, "-o", out, "--no-pdf")
                self.assertEqual(done.returncode, 2, done.stderr)
                self.assertIn(f"{bad}: {message}", done.stderr)
                self.assertFalse(out.exists())


def chromium(*args, timeout=120):
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, *args], capture_output=True, text=True,
                          timeout=timeout)


def inspect_page(directory, page_name):
    """Loads page_name (with the error hook put into a copy) through the harness;
    returns (what the harness found, console lines chromium logged for it)."""
    directory = pathlib.Path(directory)
    text = (directory / page_name).read_text(encoding="utf-8")
    hooked = directory / f"hooked-{page_name}"
    hooked.write_text(text.replace("<head>", "<head>" + ERROR_HOOK, 1), encoding="utf-8")
    harness = directory / f"harness-{page_name}"
    harness.write_text(HARNESS.replace("PAGE", hooked.name), encoding="utf-8")
    done = chromium("--virtual-time-budget=15000", "--dump-dom", harness.as_uri())
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    if match is None:
        raise AssertionError(f"the harness wrote nothing:\n{done.stdout[:2000]}\n{done.stderr[-2000:]}")
    found = json.loads(html.unescape(match.group(1)))
    console = [line for line in done.stderr.splitlines()
               if "CONSOLE" in line and hooked.name in line]
    return found, console


def page_problems(found, console):
    problems = []
    if "exception" in found:
        problems.append(f"harness: {found['exception']}")
    missing = [h for h in HEADINGS if not any(h in seen for seen in found.get("headings", []))]
    if missing:
        problems.append(f"headings missing: {missing}")
    if found.get("images", 0) < 3:
        problems.append(f"only {found.get('images')} images")
    if found.get("broken"):
        problems.append(f"broken images: {found['broken']}")
    if found.get("errors") is None:
        problems.append("the error hook did not run")
    elif found["errors"]:
        problems.append(f"errors: {found['errors']}")
    if found.get("external"):
        problems.append(f"external resources: {found['external']}")
    if console:
        problems.append(f"console: {console}")
    return problems


def is_blank(png):
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    ink = sum(histogram[:200])  # clearly darker than the background
    return ink < 0.01 * image.width * image.height or image.getextrema()[0] > 200


@unittest.skipUnless(CHROMIUM and shutil.which("pdftotext"), "needs chromium and poppler-utils")
class BriefingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory(prefix="kfsim-brief-")
        cls.dir = pathlib.Path(cls.scratch.name)
        # The shared files (three replicates to 2027-12, kfsim_testing.shared_run).
        cls.files = [shared_run(name) for name in ("baseline", "more_nursing_places", "activation")]
        cls.html = cls.dir / "briefing.html"
        cls.pdf = cls.dir / "briefing.pdf"
        cls.done = run_kfsim("brief", *cls.files, "-o", cls.html, "--years", ",".join(YEARS))

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def test_writes_html_and_pdf_and_nothing_else(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)
        self.assertTrue(self.html.stat().st_size > 10_000)
        self.assertTrue(self.pdf.read_bytes().startswith(b"%PDF"))
        self.assertEqual([p.name for p in self.dir.glob(".*partial*")], [])

    def test_page_content(self):
        text = self.html.read_text(encoding="utf-8")
        self.assertIn('lang="nb"', text)
        for year in YEARS:
            self.assertIn(f"<th>{year}</th>", text)
        # Provenance: scenario names, the seed, replicates and the code version.
        for name in ("baseline", "more_nursing_places", "activation", "20240101"):
            self.assertIn(name, text)
        self.assertIn("Beskrivelse i filen", text)
        self.assertIn("Høgskolen i Østfold", text)  # the nursing policy, in words
        self.assertRegex(text, r"\d\u202f\d{3}")  # thousands grouped
        self.assertRegex(text, r"\d,\d")  # decimal comma
        self.assertRegex(text, r"\d\u00a0%")
        self.assertNotRegex(text, r"(src|href)=\"https?://")

    def test_renders_in_chromium(self):
        found, console = inspect_page(self.dir, self.html.name)
        self.assertEqual(page_problems(found, console), [], found)
        self.assertGreater(found["text_length"], 3000)

    def test_a_broken_page_is_caught(self):
        text = self.html.read_text(encoding="utf-8")
        broken = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,AAAA",
                        text, count=1)
        broken = broken.replace("<h2>Kommunene</h2>", "").replace(
            '<h2 class="page-break">Kommunene</h2>', "")
        broken = broken.replace("</body>", "<script>console.error('deliberate');</script></body>")
        (self.dir / "broken.html").write_text(broken, encoding="utf-8")
        found, console = inspect_page(self.dir, "broken.html")
        problems = " | ".join(page_problems(found, console))
        self.assertIn("broken images", problems)
        self.assertIn("headings missing: ['Kommunene']", problems)
        self.assertIn("deliberate", problems)
        self.assertTrue(console, "chromium logged no console line for console.error")

    def test_screenshot_is_not_blank(self):
        shot = self.dir / "page.png"
        done = chromium(f"--screenshot={shot}", "--window-size=1200,1600",
                        "--virtual-time-budget=5000", self.html.as_uri())
        self.assertTrue(shot.exists(), done.stderr[-2000:])
        self.assertFalse(is_blank(shot))
        # The blank check itself can fail: an empty page is blank.
        empty = self.dir / "empty.html"
        empty.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
        blank_shot = self.dir / "empty.png"
        chromium(f"--screenshot={blank_shot}", "--window-size=800,600", empty.as_uri())
        self.assertTrue(is_blank(blank_shot))

    def test_pdf_pages_and_text(self):
        pages = subprocess.run(["pdfinfo", str(self.pdf)], capture_output=True, text=True, check=True)
        count = int(re.search(r"^Pages:\s+(\d+)", pages.stdout, re.M).group(1))
        self.assertGreaterEqual(count, 5)
        self.assertLessEqual(count, 16)
        text = subprocess.run(["pdftotext", str(self.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for heading in HEADINGS:
            self.assertIn(heading, text)
        self.assertRegex(text, r"\d,\d")  # decimal comma
        self.assertRegex(text, r"\d[ \u202f\u00a0]\d{3}")  # thousands grouped by a space
        self.assertRegex(text, r"\d[ \u00a0]%")
        self.assertIn("mangel", text)
        self.assertIn("Side 1 av", text)

    def test_existing_output_is_refused_without_force(self):
        before = self.html.read_bytes()
        done = run_kfsim("brief", *self.files, "-o", self.html, "--years", YEARS[-1])
        self.assertEqual(done.returncode, 2)
        self.assertIn(str(self.html), done.stderr)
        self.assertIn("--force", done.stderr)
        self.assertEqual(self.html.read_bytes(), before)

    def test_force_overwrites_and_no_pdf(self):
        out = self.dir / "again.html"
        out.write_text("old", encoding="utf-8")
        done = run_kfsim("brief", self.files[0], "-o", out, "--no-pdf", "--force", "--quiet",
                         "--years", YEARS[-1])
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, "")
        self.assertIn("Hovedbudskap", out.read_text(encoding="utf-8"))
        self.assertFalse((self.dir / "again.pdf").exists())

    def test_bad_inputs_exit_2_naming_the_file(self):
        foreign = self.dir / "foreign.h5"
        import h5py
        with h5py.File(foreign, "w") as handle:
            handle["x"] = [1, 2, 3]
        missing = self.dir / "missing.h5"
        text_file = self.dir / "notes.h5"
        text_file.write_text("not hdf5", encoding="utf-8")
        for bad in (foreign, missing, text_file):
            out = self.dir / f"bad-{bad.stem}.html"
            done = run_kfsim("brief", self.files[0], bad, "-o", out)
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertIn(str(bad), done.stderr)
            self.assertFalse(out.exists())
            self.assertFalse(out.with_suffix(".pdf").exists())
        done = run_kfsim("brief", *self.files, "-o", self.dir / "y.html", "--years", "2045")
        self.assertEqual(done.returncode, 2)
        self.assertIn("2045", done.stderr)
        done = run_kfsim("brief", *self.files)
        self.assertEqual(done.returncode, 2)


if __name__ == "__main__":
    unittest.main()
