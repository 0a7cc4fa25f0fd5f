"""What a scenario assumes, in plain bokmål: a title for each scenario of the
library and one sentence per policy, made from the policy's key and value in
the resolved scenario text (kfsim_scenario). Keys without a sentence of their
own are shown as they are."""
import norsk

# Titles of the scenarios in scenarios/ (README there); others keep their name.
TITLES = {
    "baseline": "Grunnforløpet",
    "more_nursing_places": "Flere sykepleierplasser ved HiØ",
    "more_health_places": "Flere sykepleierplasser og helsefaglærlinger",
    "apprenticeships_building_electrical": "Flere læreplasser i bygg og elektro",
    "career_guidance": "Karriereveiledning mot arbeidslivets behov",
    "activation": "Flere utenfor arbeidslivet søker arbeid",
    "faster_recognition": "Raskere godkjenning av utenlandsk utdanning",
    "fagbrev_at_work": "Flere tar fagbrev på jobb",
    "care_demand_ageing": "Flere omsorgsjobber med flere eldre",
    "green_transition": "Grønt skifte",
    "automation": "Automatisering",
    "faster_rail_oslo": "Raskere tog til Oslo",
    "labour_immigration": "Mer arbeidsinnvandring",
    "later_retirement": "Senere pensjonering",
    "demand_swing": "Nedgang og oppgang i økonomien",
}

INDUSTRIES = {
    "A": "jordbruk, skogbruk og fiske", "B": "bergverk og utvinning", "C": "industri",
    "DE": "kraft, vann og avfall", "F": "bygg og anlegg", "G": "varehandel",
    "H": "transport og lagring", "I": "overnatting og servering",
    "J": "informasjon og kommunikasjon", "KL": "finans og eiendom",
    "MN": "forretningsmessig tjenesteyting", "O": "offentlig administrasjon",
    "P": "undervisning", "Q": "helse og omsorg", "RS": "kultur og andre tjenester",
}

OCCUPATIONS = {
    "21": "ingeniører og realister", "25": "IKT-rådgivere", "31": "teknikere",
    "35": "IKT-teknikere", "41": "kontormedarbeidere", "42": "kundeservicemedarbeidere",
    "43": "lager- og regnskapsmedarbeidere", "81": "prosess- og maskinoperatører",
    "82": "montører",
}


def title(name):
    return TITLES.get(name, name)


def _value(value, decimals=None):
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, (int, float)):
        if decimals is None:
            decimals = 0 if float(value).is_integer() else min(4, len(repr(float(value)).split(".")[1]))
        return norsk.number(value, decimals)
    return str(value)


def _percent_change(factor):
    change = factor - 1
    word = "flere" if change >= 0 else "færre"
    return f"{norsk.percent(abs(change))} {word}"


def _yearly(rate, sign=False):
    """0.0055 -> "0,55 % i året"; at most two decimals, none that are zero."""
    text = norsk.number(100 * rate, 2, sign=sign)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}{norsk.NBSP}% i året"


def policy_sentence(policy, programmes, baseline):
    """One plain sentence for a [[policies]] entry. `programmes` maps programme
    codes to names; `baseline` is the baseline's resolved scenario (a dict), to
    say what a value replaces."""
    key = str(policy.get("key", ""))
    value = policy.get("value")
    section, _, rest = key.partition(".")
    field, _, code = rest.partition(".")

    def before():
        table = baseline.get(section, {})
        old = table.get(field) if not code else table.get(field, {}).get(code)
        return None if old is None or isinstance(old, dict) else old

    old = before()
    was = None  # the baseline's value, in words, where it helps
    if key.startswith("education.places_scale."):
        text = f"{_percent_change(value)} studieplasser i «{programmes.get(code, code)}»"
    elif key.startswith("education.extra_places."):
        text = f"{_value(value, 0)} flere plasser i året i «{programmes.get(code, code)}»"
    elif key == "education.labour_market_signal_strength":
        text = ("ungdom velger utdanning etter hva arbeidslivet etterspør "
                f"(styrke {_value(value)}; 0 er ingen slik påvirkning)")
    elif key == "education.signal_lag_months":
        text = f"valgene bygger på arbeidsmarkedet slik det var {_value(value, 0)} måneder før"
    elif key == "labour.outside_search_rate":
        text = (f"andelen utenfor arbeidsstyrken (15–66 år) som begynner å søke arbeid hver måned "
                f"blir {norsk.percent(value, 1)}")
        if old is not None:
            was = norsk.percent(old, 1)
    elif key == "labour.recognition_months":
        text = f"utenlandsk utdanning over videregående godkjennes etter {_value(value, 0)} måneder i snitt"
        if old is not None:
            was = f"{_value(old, 0)} måneder"
    elif key == "labour.care_demand_growth":
        text = f"helse- og omsorgsjobbene vokser {_yearly(value)} mer enn ellers"
    elif key.startswith("labour.industry_growth_shift."):
        text = f"jobbene i {INDUSTRIES.get(code, 'næring ' + code)} endres med {_yearly(value, sign=True)} utover grunnforløpet"
    elif key.startswith("labour.occupation_demand_trend."):
        text = (f"andelen {OCCUPATIONS.get(code, 'yrke ' + code)} i hver næring endres "
                f"{_yearly(value, sign=True)}")
    elif key == "labour.oslo_travel_time_scale":
        text = f"reisetiden til Oslo og Akershus blir {norsk.percent(1 - value)} kortere"
    elif key == "labour.outside_jobs_growth":
        text = f"jobbene i Oslo og Akershus som står åpne for pendlere vokser {_yearly(value)}"
    elif key == "demography.labour_immigration_scale":
        text = f"{_percent_change(value)} innvandrere i alderen 20–59 år"
    elif key == "demography.in_migration_scale":
        text = f"{_percent_change(value)} innflyttere utenfra"
    elif key == "labour.retirement_age_shift":
        text = f"folk går av med pensjon {_value(value, 1)} år senere enn i dag"
    elif key == "labour.demand_growth_shift":
        text = f"veksten i alle næringer endres med {_yearly(value, sign=True)}"
    else:
        text = f"{key} = {_value(value)}"
        if old is not None:
            was = _value(old)
    if was is not None:
        text += f" (grunnforløpet: {was})"
    period = f"fra {norsk.month(policy['start'])}" if "start" in policy else ""
    if "end" in policy:
        period += f" til og med {norsk.month(policy['end'])}"
    sentence = text[0].upper() + text[1:]
    return f"{sentence}, {period}." if period else f"{sentence}."
