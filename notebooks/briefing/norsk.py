"""Norwegian (bokmål) formatting of numbers and dates, and the Norwegian names of
the competence groups, the occupations, municipalities' labels and rating words
used by the briefing.

Numbers follow Språkrådet's rules: a space groups thousands (here a narrow
no-break space, U+202F, so a number never breaks across lines), a comma is the
decimal sign, a minus is the real minus sign (U+2212), and a percent sign
stands after a no-break space: "1 234,5", "−12", "12 %".
"""
import math

THOUSANDS = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # between a number and its unit
MINUS = "\u2212"
EN_DASH = "\u2013"


def number(value, decimals=0, sign=False):
    """1234.5 -> "1 234,5" (decimals=1); sign=True gives "+" to positive values.

    Rounds half away from zero, as people round by hand. A value that rounds to
    zero is written without a sign ("0", "0,0")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return EN_DASH
    scale = 10 ** decimals
    scaled = abs(value) * scale
    rounded = math.floor(scaled + 0.5)
    whole, fraction = divmod(int(rounded), scale)
    digits = str(whole)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    # Four-digit numbers are grouped too ("1 234"): tables line up that way.
    text = THOUSANDS.join(groups)
    if decimals > 0:
        text += "," + str(fraction).rjust(decimals, "0")
    if rounded == 0:
        return text
    if value < 0:
        return MINUS + text
    return ("+" + text) if sign else text


def persons(value, sign=False):
    """Persons as a reader wants them: whole numbers, one decimal below 10 (the
    demand side is fractional), as `kfsim compare` shows them."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return EN_DASH
    if value == 0:
        return "0"
    return number(value, 0 if abs(value) >= 9.95 else 1, sign=sign)


def percent(share, decimals=0, sign=False):
    """0.123 -> "12 %"; share is a fraction."""
    return number(100 * share, decimals, sign=sign) + NBSP + "%"


def interval(low, high, sign=False):
    """A 90 % interval in persons: "−12 til 34"."""
    return f"{persons(low, sign)} til {persons(high, sign)}"


MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember"]


def month(text):
    """"2026-01" -> "januar 2026"."""
    year, month_number = text.split("-")[:2]
    return f"{MONTHS[int(month_number) - 1]} {int(year)}"


def date(iso_utc):
    """"2026-11-27T10:51:42Z" -> "27. november 2026"."""
    year, month_number, day = iso_utc[:10].split("-")
    return f"{int(day)}. {MONTHS[int(month_number) - 1]} {int(year)}"


def join(words):
    """["a", "b", "c"] -> "a, b og c"."""
    words = list(words)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " og " + words[-1]


RATING_WORD = {1: "mangel", 0: "balanse", -1: "overskudd"}

# The competence groups of scenarios/data/labour/competences.csv in bokmål; a
# code not listed keeps the name the result file gives it.
COMPETENCE_NAMES = {
    "PRIM": "Grunnskole (uten fullført videregående)",
    "VGS_GEN": "Videregående: studieforberedende",
    "VGS_BA": "Yrkesfag: bygg- og anleggsteknikk",
    "VGS_EL": "Yrkesfag: elektro og datateknologi",
    "VGS_TIP": "Yrkesfag: teknologi- og industrifag",
    "VGS_HO": "Yrkesfag: helse- og oppvekstfag",
    "VGS_RM": "Yrkesfag: restaurant- og matfag",
    "VGS_SS": "Yrkesfag: service, salg og samferdsel",
    "VGS_DH": "Yrkesfag: design og håndverk (inkl. frisør)",
    "VGS_NA": "Yrkesfag: naturbruk",
    "FAG_TEK": "Fagskole: teknikk, IKT og maritim",
    "FAG_HEL": "Fagskole: helse og oppvekst",
    "FAG_OTH": "Fagskole: økonomi, ledelse og annet",
    "BA_NURS": "Bachelor: sykepleie",
    "BA_HEALTH": "Bachelor: annen helse- og sosialfag",
    "BA_TEACH": "Bachelor: lærer og barnehagelærer",
    "BA_ENG": "Bachelor: ingeniør og teknologi",
    "BA_ECON": "Bachelor: økonomi og administrasjon",
    "BA_IT": "Bachelor: IT",
    "BA_HUMSOC": "Bachelor: humaniora, samfunnsfag og juss",
    "BA_OTH": "Bachelor: realfag, primærnæring, samferdsel og sikkerhet",
    "MA_HEALTH": "Master: helse (medisin, psykologi o.l.)",
    "MA_TEACH": "Master: lærer og pedagogikk",
    "MA_TECH": "Master: realfag, teknologi og IKT",
    "MA_ECON": "Master: økonomi og administrasjon",
    "MA_HUMSOC": "Master: humaniora, samfunnsfag, juss og annet",
}

# A lower-case form for running text ("mangel på sykepleiere").
COMPETENCE_PHRASES = {
    "PRIM": "personer med bare grunnskole",
    "VGS_GEN": "personer med studieforberedende videregående",
    "VGS_BA": "fagarbeidere i bygg og anlegg",
    "VGS_EL": "fagarbeidere i elektrofag",
    "VGS_TIP": "fagarbeidere i teknologi- og industrifag",
    "VGS_HO": "helsefagarbeidere og andre med helse- og oppvekstfag",
    "VGS_RM": "fagarbeidere i restaurant- og matfag",
    "VGS_SS": "fagarbeidere i service og samferdsel",
    "VGS_DH": "fagarbeidere i design og håndverk",
    "VGS_NA": "fagarbeidere i naturbruk",
    "FAG_TEK": "fagskoleutdannede i teknikk og IKT",
    "FAG_HEL": "fagskoleutdannede i helse og oppvekst",
    "FAG_OTH": "fagskoleutdannede i økonomi og annet",
    "BA_NURS": "sykepleiere",
    "BA_HEALTH": "bachelorer i andre helse- og sosialfag",
    "BA_TEACH": "lærere og barnehagelærere",
    "BA_ENG": "ingeniører (bachelor)",
    "BA_ECON": "bachelorer i økonomi og administrasjon",
    "BA_IT": "IT-utdannede (bachelor)",
    "BA_HUMSOC": "bachelorer i humaniora, samfunnsfag og juss",
    "BA_OTH": "bachelorer i realfag, primærnæring, samferdsel og sikkerhet",
    "MA_HEALTH": "leger, psykologer og andre med master i helsefag",
    "MA_TEACH": "lærere med master",
    "MA_TECH": "sivilingeniører og andre med master i realfag og teknologi",
    "MA_ECON": "siviløkonomer og andre med master i økonomi",
    "MA_HUMSOC": "personer med master i humaniora, samfunnsfag og juss",
}


def competence_name(code, fallback):
    return COMPETENCE_NAMES.get(code, fallback)


def competence_phrase(code, fallback):
    return COMPETENCE_PHRASES.get(code, fallback)


# The STYRK-08 occupations of scenarios/data/labour/occupations.csv (2-digit
# codes, 1 is 01-03 pooled; the 3- and 4-digit codes kept apart from their
# groups, whose 2-digit codes hold the rest) in plain bokmål; a code not
# listed keeps the name the result file gives it.
OCCUPATION_NAMES = {
    1: "Militære yrker",
    11: "Politikere og toppledere",
    12: "Ledere i administrasjon og forretningsdrift",
    13: "Ledere i produksjon og tjenesteyting",
    14: "Ledere i hotell, handel og annen tjenesteyting",
    21: "Ingeniører og realister",
    22: "Andre helseprofesjoner (vernepleiere, fysioterapeuter o.l.)",
    221: "Leger",
    222: "Sykepleiere",
    23: "Andre lærere (lektorer, universitetslærere o.l.)",
    234: "Grunnskole- og barnehagelærere",
    24: "Økonomer, rådgivere og andre i økonomi og administrasjon",
    25: "IKT-rådgivere",
    26: "Jurister, samfunnsvitere og kulturarbeidere",
    31: "Teknikere",
    32: "Helseyrker på teknikernivå",
    33: "Økonomi- og administrasjonsmedarbeidere",
    34: "Yrker i juss, sosialt arbeid, kultur og idrett",
    35: "IKT-teknikere",
    41: "Kontormedarbeidere",
    42: "Kundeservicemedarbeidere",
    43: "Lager- og regnskapsmedarbeidere",
    44: "Andre kontoryrker",
    51: "Kokker, servitører, frisører o.l.",
    52: "Salgsarbeidere",
    53: "Andre omsorgsarbeidere (assistenter o.l.)",
    5321: "Helsefagarbeidere",
    54: "Politi, brann og vakthold",
    61: "Bønder og gartnere",
    62: "Skogbruk, fiske og fangst",
    71: "Malere og andre bygningshåndverkere",
    711: "Tømrere, murere og andre bygningsarbeidere",
    712: "Rørleggere og andre bygningstekniske arbeidere",
    72: "Metallarbeidere og mekanikere",
    73: "Håndverkere og grafikere",
    74: "Servicelektronikere og IKT-installatører",
    741: "Elektrikere",
    75: "Næringsmiddel-, tre- og tekstilarbeidere",
    81: "Prosess- og maskinoperatører",
    82: "Montører",
    83: "Sjåfører og maskinførere",
    91: "Renholdere og hjelpearbeidere",
    92: "Hjelpearbeidere i jordbruk, skogbruk og fiske",
    93: "Hjelpearbeidere i bygg, industri og transport",
    94: "Hjelpearbeidere i matlaging",
    95: "Gate- og torgselgere o.l.",
    96: "Renovasjonsarbeidere og andre hjelpearbeidere",
}


def occupation_name(code, fallback):
    return OCCUPATION_NAMES.get(int(code), fallback)
